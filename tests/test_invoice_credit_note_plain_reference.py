"""A hand-kept invoice list notes the invoice a credit note corrects in a plain Reference /
المرجع column: a credit note there for more than that invoice is CREDIT_NOTE_EXCEEDS_INVOICE;
a reference naming no invoice of the book (a PO, a voucher) is no reference and is not
reported, and digits alone naming another customer's invoice are not taken as one."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms"],
             ["C1", "Nile Trading", "EGP", "30"], ["C2", "Delta Retail", "EGP", "30"]]


def checks(tmp_path, invoices):
    path = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    found = JOB.run(read_book(path), JobOptions(as_of=D(2026, 11, 20).date())).tabs[0].frame
    return [(r["Invoice No"], int(r["Row"]), r["Code"], r["Message"])
            for _, r in found.iterrows() if r["Code"].startswith("CREDIT_NOTE")]


def test_credit_note_over_the_invoice_its_reference_names(tmp_path):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Type",
                 "Reference"],
                ["INV-10", "C1", D(2026, 10, 1), D(2026, 10, 31), 11400, "فاتورة", None],
                ["CN-1", "C1", D(2026, 10, 10), None, -1140, "إشعار دائن", "INV-10"],
                ["CN-2", "C1", D(2026, 10, 12), None, 2280, "إشعار دائن", "INV-10"],
                ["INV-11", "C1", D(2026, 10, 2), D(2026, 11, 1), 5700, "فاتورة", "PO-7788"],
                ["CN-3", "C1", D(2026, 10, 20), None, 9999, "إشعار دائن", "INV-11"],
                ["CN-4", "C1", D(2026, 10, 21), None, -100, "إشعار دائن", "PO-7788"]]
    assert checks(tmp_path, invoices) == [
        ("CN-3", 6, "CREDIT_NOTE_EXCEEDS_INVOICE",
         "Credit note 9,999.00 for invoice INV-11 takes the credits on it to 9,999.00, more "
         "than the invoice's 5,700.00 by 4,299.00")]


def test_digits_alone_name_the_same_customers_invoice_only(tmp_path):
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ", "المرجع"],
                ["1001", "C1", D(2026, 10, 1), 1000, None],
                ["1002", "C2", D(2026, 10, 2), 500, None],
                ["2001", "C1", D(2026, 10, 5), -1500, "1001"],
                ["2002", "C1", D(2026, 10, 6), -900, "1002"]]
    assert [f[:3] for f in checks(tmp_path, invoices)] == [
        ("2001", 4, "CREDIT_NOTE_EXCEEDS_INVOICE")]
