"""An invoice dated after the as-of date is a Warning in Invoice Checks (INVOICE_AFTER_AS_OF):
a slip in the date or an invoice raised ahead of time, left out of every balance and aging as
of that date. It was not flagged at all."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets


def _checks(tmp_path, sheets):
    book = read_book(save_sheets(tmp_path / "b.xlsx", sheets))
    frame = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    return [(r["Invoice No"], r["Code"], r["Severity"], r["Row"], r["Message"])
            for _, r in frame.iterrows()]


def test_invoices_dated_after_the_as_of_date_are_warnings(tmp_path):
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                 ["C1", "Alpha", "EGP", 30, 100000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["INV-001", "C1", "2026-11-10", "2026-12-10", 1000],
                ["INV-002", "C1", "2026-11-20", "2026-12-20", 500],  # the as-of day itself
                ["INV-003", "C1", "2027-11-18", "2027-12-18", 700],  # the year mistyped
                ["INV-004", "C1", "2026-11-25", "2026-12-25", 300],
                ["CN-001", "C1", "2026-11-26", "2026-11-26", -100]]  # credit notes not judged
    assert _checks(tmp_path, {"Customers": customers, "Invoices": invoices}) == [
        ("INV-003", "INVOICE_AFTER_AS_OF", "Warning", 4,
         "Invoice dated 2027-11-18, 363 days after the as-of date 2026-11-20: a slip in the "
         "date, or raised ahead of time? It is in no balance or aging as of 2026-11-20"),
        ("INV-004", "INVOICE_AFTER_AS_OF", "Warning", 5,
         "Invoice dated 2026-11-25, 5 days after the as-of date 2026-11-20: a slip in the "
         "date, or raised ahead of time? It is in no balance or aging as of 2026-11-20")]


def test_in_an_arabic_book_the_warning_is_in_arabic(tmp_path):
    customers = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"], ["101", "شركة النيل", "EGP", 30]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ"],
                ["F-1", "101", "2026-12-01", "2026-12-31", 500]]
    found = _checks(tmp_path, {"العملاء": customers, "الفواتير": invoices})
    assert [(f[0], f[1], f[3]) for f in found] == [("F-1", "INVOICE_AFTER_AS_OF", 2)]
    assert found[0][4] == ("تاريخ الفاتورة 2026-12-01 بعد تاريخ التقرير 2026-11-20 بعدد 11 يوم: "
                           "خطأ في كتابة التاريخ أم فاتورة صادرة مقدمًا؟ لا تدخل في أي رصيد أو "
                           "أعمار ديون حتى 2026-11-20")
