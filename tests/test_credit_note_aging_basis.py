"""Credit Status' Note on overdue invoices net of unapplied credits points to the Aging tab's
past-due buckets only where the Aging counts days past due: aged by invoice date, its buckets
hold old invoices, not late ones, and the figures the Note gives are not there."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()


@pytest.mark.parametrize(("basis", "tail"), [
    ("due date", ", as in the Aging tab's past-due buckets"),
    ("invoice date", ""),
])
def test_the_note_names_the_aging_only_where_it_agrees(tmp_path, basis: str, tail: str) -> None:
    sheets = {
        "Customers": [["Customer ID", "Customer Name", "Payment Terms", "Credit Limit"],
                      ["C001", "Delta Plastics", 30, 100000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C001", D(2026, 9, 15), 14364.0],
                     ["INV-2", "C001", D(2026, 11, 22), 43320.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "C001", D(2026, 11, 28), 10000.0, None]],
        "Policy": [["Key", "Value"], ["aging_basis", basis]],
    }
    result = CREDIT.run(read_book(save_sheets(tmp_path / "b.xlsx", sheets)),
                        JobOptions(as_of=AS_OF))
    row = next(t.frame for t in result.tabs if t.name == "Credit Status").iloc[0]
    assert row["Overdue Amount"] == 14364.0
    assert row["Note"] == ("Overdue Amount 14,364.00 is the invoices past due before unapplied "
                           "credits; net of the credits dated before the as-of date it is "
                           "4,364.00" + tail)
