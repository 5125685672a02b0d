"""Tally's receipts with their bill-wise details: each allocation a row, its method of
adjustment (Agst Ref / On Account / New Ref) under 'Type of Ref' and the bill under 'Name'
(or both columns left unheaded in a pasted copy). Worked out by hand: RV-45 pays 8,000.00
against INV/101 (10,000.00: 2,000.00 still open, 26 days late) and holds 2,000.00 on
account; RV-46 is a new reference (an advance) of 1,000.00, on account. Nile Foods owes
4,000.00. Before: no receipt was applied, INV/101 was 10,000.00 overdue beside 11,000.00 on
account."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def _aged(book) -> tuple[dict, float]:
    """Each invoice's open amount on 30 November, and what is owed in all."""
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    detail = next(t.frame for t in result.tabs if t.name == "Aging Detail")
    invoices = detail[detail["Item Type"] == "Invoice"]
    return (dict(zip(invoices["Invoice No"], invoices["Open Amount"], strict=True)),
            detail["Open Amount"].sum())


@pytest.mark.parametrize("method, bill", [("Type of Ref", "Name"), (None, None)])
def test_the_bill_named_against_is_the_invoice_paid(tmp_path, method, bill):
    path = save_sheets(tmp_path / "tally.xlsx", {
        "Customers": [["Customer ID", "Name"], ["Nile Foods", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV/101", "Nile Foods", D(2026, 10, 5), D(2026, 11, 4), 10000],
                     ["INV/117", "Nile Foods", D(2026, 11, 10), D(2026, 12, 10), 5000]],
        "Receipts": [["Date", "Vch No.", "Party", method, bill, "Amount"],
                     [D(2026, 11, 12), "RV-45", "Nile Foods", "Agst Ref", "INV/101", 8000],
                     [D(2026, 11, 12), "RV-45", "Nile Foods", "On Account", None, 2000],
                     [D(2026, 11, 20), "RV-46", "Nile Foods", "New Ref", "ADV-7", 1000]]})
    book = read_book(path)
    assert book.payments["Invoice No"].tolist() == ["INV/101", None, None]
    assert _aged(book) == ({"INV/101": 2000, "INV/117": 5000}, 4000)


def test_a_method_written_as_on_account_is_written_elsewhere(tmp_path):
    """The money held on the account written as outstandings reports write it ('On A/c',
    'Advance Received', 'على الحساب': ``entries.ON_ACCOUNT_REFERENCES``) is a method of
    adjustment too: the column is read, RV-45 pays 8,000.00 of INV/101 (2,000.00 open) and
    the rest stays on account (4,000.00 owed in all). Before: the column was not read for
    those words, no receipt was applied and INV/101 stayed open for 10,000.00."""
    path = save_sheets(tmp_path / "tally.xlsx", {
        "Customers": [["Customer ID", "Name"], ["Nile Foods", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV/101", "Nile Foods", D(2026, 10, 5), D(2026, 11, 4), 10000],
                     ["INV/117", "Nile Foods", D(2026, 11, 10), D(2026, 12, 10), 5000]],
        "Receipts": [["Date", "Vch No.", "Party", "Type of Ref", "Name", "Amount"],
                     [D(2026, 11, 12), "RV-45", "Nile Foods", "Agst Ref", "INV/101", 8000],
                     [D(2026, 11, 12), "RV-45", "Nile Foods", "On A/c", None, 1500],
                     [D(2026, 11, 12), "RV-45", "Nile Foods", "على الحساب", None, 500],
                     [D(2026, 11, 20), "RV-46", "Nile Foods", "Advance Received", "ADV-7",
                      1000]]})
    book = read_book(path)
    assert book.payments["Invoice No"].tolist() == ["INV/101", None, None, None]
    assert _aged(book) == ({"INV/101": 2000, "INV/117": 5000}, 4000)
