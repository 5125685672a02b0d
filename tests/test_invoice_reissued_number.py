"""An invoice cancelled and re-issued under its own number, the cancelled row kept in the
list (Status Cancelled, counted 0), is billed once: no DUPLICATE_INVOICE_NO; two live rows
of one number still are, whoever they bill."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms"],
             ["C1", "Nile Trading", "EGP", "30"], ["C5", "Cairo Build", "EGP", "30"]]


def test_reissued_invoice_is_no_duplicate(tmp_path):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Status"],
                ["INV-50", "C1", D(2026, 10, 1), D(2026, 10, 31), 1140, "Cancelled"],
                ["INV-50", "C1", D(2026, 10, 3), D(2026, 11, 2), 1140, "Posted"],
                ["INV-51", "C1", D(2026, 10, 4), D(2026, 11, 3), 2280, "Posted"],
                ["INV-51", "C5", D(2026, 10, 4), D(2026, 11, 3), 2280, "Posted"],
                ["INV-52", "C5", D(2026, 10, 5), D(2026, 11, 4), 570, "ملغاة"],
                ["INV-52", "C5", D(2026, 10, 6), D(2026, 11, 5), 570, "Posted"],
                ["INV-52", "C5", D(2026, 10, 7), D(2026, 11, 6), 570, "Posted"]]
    path = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    result = JOB.run(read_book(path), JobOptions(as_of=D(2026, 11, 20).date()))
    found = result.tabs[0].frame
    dup = found[found["Code"] == "DUPLICATE_INVOICE_NO"]
    assert [(r["Invoice No"], int(r["Row"]), r["Customer ID"]) for _, r in dup.iterrows()] == [
        ("INV-51", 4, "C1"), ("INV-51", 5, "C5"), ("INV-52", 7, "C5"), ("INV-52", 8, "C5")]
    assert dup["Message"].tolist()[2] == "Invoice number INV-52 appears 2 times (rows 7, 8)"
