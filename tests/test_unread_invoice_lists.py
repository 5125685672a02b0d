"""A sheet headed as an invoice list that the reader could not take (``io.unread_lists``)
names the columns it lacks as the reader reads a header (``io.sheet_kinds.header_rows``):
an amount before tax is the Amount (with its tax), so it is not said to be missing."""

from __future__ import annotations

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def test_an_amount_before_tax_is_not_said_missing(tmp_path):
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Customer Name"], ["C1", "Nile Foods"]],
        "Sales 2026": [["Invoice No", "Invoice Date", "Net Amount", "VAT", "Currency"],
                       ["INV-1", "2026-10-01", 1000, 140, "EGP"]]})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.column, i.message) for i in book.issues] == [
        ("Sales 2026", "A1", "Customer ID",
         "sheet 'Sales 2026' looks like an invoice list (its header row 1 names Invoice No, "
         "Invoice Date, Currency) but has no column for Customer ID: not read; head those "
         "columns as the contract names them (e.g. 'Amount', 'Customer ID')")]
    assert "Invoices" in book.unusable


def test_the_header_row_is_said_under_a_title_row(tmp_path):
    """A title above the header (read with it as a two-row header) is not the row said."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Customer Name"], ["C1", "Nile Foods"]],
        "Sales 2026": [["Sales register October 2026"],
                       ["Invoice No", "Invoice Date", "Due Date", "Currency"],
                       ["INV-1", "2026-10-01", "2026-10-31", "EGP"]]})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.column) for i in book.issues] == [
        ("Sales 2026", "A2", "Customer ID, Amount")]
