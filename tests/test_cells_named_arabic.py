"""An Input Issue naming many cells ends "and 12 more" in English; in an Arabic workbook's
Input Issues the count of the cells left unnamed is worded in Arabic too."""

from __future__ import annotations

from ar_excel.io.cells_named import cells_named
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def test_the_cells_left_unnamed_are_counted_in_arabic(tmp_path):
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "العملة", "قيمة الفاتورة"]] + [
        [f"INV-{i}", "K001", "01/10/2026", "EGP", f"{i}.000"] for i in range(1, 8)]
    book = read_book(save_sheets(tmp_path / "ar.xlsx", {
        "العملاء": [["كود العميل", "اسم العميل", "العملة"], ["K001", "مؤسسة الصباح", "EGP"]],
        "الفواتير": invoices}))
    [issue] = book.issues
    assert issue.message.endswith("the point groups thousands): E2, E3, E4, E5, E6 and 2 more")
    assert arabic_message(issue.message) == (
        "7 مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت بالآلاف ('1.000' = 1,000: ليس لـ EGP "
        "منزلة عشرية ثالثة، فالنقطة تفصل الآلاف): E2, E3, E4, E5, E6 و2 غيرها")


def test_a_jobs_own_issue_counts_them_in_arabic_too():
    cells = cells_named([f"F{r}" for r in range(2, 20)])
    message = (f"18 customers have no currency ({cells}): read as EGP, the only currency the "
               "workbook names; nothing says the company's own currency (set Base Currency on "
               "the Policy sheet, or the customers' Country)")
    worded = arabic_message(message)
    assert "F2, F3, F4, F5, F6 و13 غيرها" in worded
    assert " more" not in worded
