"""An Egyptian clerk's invoice register keeps each invoice's paid-to-date and balance
(المسدد، الرصيد) beside a sheet of November's receipts only. With a Payments sheet the
contract reads the receipts from it and not the register's columns, so ف-1 (57,000, 30,000
paid in October) and ف-3 (45,600 paid in September) stay owed in full; that is no longer
silent: one Input Issue at the column names them and the 75,600.00 the receipts sheet does
not hold. The figures stay the contract's."""

from __future__ import annotations

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["كود العميل", "اسم العميل", "مدة السداد"], ["ع-001", "شركة النور للتجارة", "30 يوم"],
             ["ع-002", "مؤسسة الأمل للمقاولات", "45 يوم"]]
RECEIPTS = [["رقم الإيصال", "التاريخ", "كود العميل", "المبلغ", "رقم الفاتورة"],
            ["1006", "18/11/2026", "ع-002", "68,400", "ف-4"]]


def _register(column: str, values: list[str]) -> list[list]:
    rows = [["ف-1", "ع-001", "15/08/2026", "57,000"], ["ف-2", "ع-001", "05/10/2026", "22,800"],
            ["ف-3", "ع-002", "20/08/2026", "45,600"], ["ف-4", "ع-002", "12/10/2026", "68,400"]]
    return [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "قيمة الفاتورة", column],
            *[[*r, v] for r, v in zip(rows, values, strict=True)]]


def _issues(tmp_path, column: str, values: list[str]) -> list[tuple]:
    path = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": CUSTOMERS, "الفواتير": _register(column, values),
        "تحصيلات نوفمبر": RECEIPTS})
    return [(i.sheet, i.cell, i.message) for i in read_book(path).issues]


def test_a_balance_column_paid_beyond_the_receipts_is_said(tmp_path):
    issues = _issues(tmp_path, "الرصيد", ["27,000", "22,800", "0", "0"])
    message = ("2 invoice(s) the list shows paid for 75,600.00 more than the Payments rows "
               "naming them add up to (E2, E4): with a Payments sheet the receipts are read "
               "from it, not from the 'الرصيد' column, so that part is still owed; record those "
               "receipts in Payments, or leave the Payments sheet out to age the list by "
               "'الرصيد'")
    assert issues == [("الفواتير", "E2", message)]
    assert arabic_message(message).startswith("2 فاتورة تُظهرها القائمة مسددة بمبلغ 75,600.00")


def test_a_paid_column_the_receipts_account_for_says_nothing(tmp_path):
    # ف-4's 68,400 paid is the receipt of 18 November: nothing beyond the receipts
    assert _issues(tmp_path, "المسدد", ["0", "0", "0", "68,400"]) == []
    assert [c for _, c, _ in _issues(tmp_path, "المسدد", ["30,000", "0", "0", "68,400"])] == ["E2"]
