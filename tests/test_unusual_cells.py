"""Cells and headers nobody planned for, found by fuzzing the demo book's cells: each is read
or reported, and the month-end run completes (no job fails with an internal error)."""

from __future__ import annotations

import datetime as dt

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "On Hold"],
             ["C1", "Nile Foods", "EGP", 30, 50000, "Yes"],
             ["C2", "Delta Steel", "EGP", 30, 80000, "No"]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
            ["INV-1", "C1", dt.datetime(2026, 10, 1), 1200.0],
            ["INV-2", "C2", dt.datetime(2026, 10, 5), 3400.0]]


def test_a_column_headed_on_hold_outside_the_customer_list_is_kept_as_it_is(tmp_path):
    """'On Hold' is the customer list's hold flag; over an Orders column (an order held in
    the warehouse) it is a column of the orders like any other. Reading the book failed."""
    orders = [["Order No", "Customer ID", "Date", "Amount", "On Hold"],
              ["SO-1", "C2", dt.datetime(2026, 11, 2), 5000.0, "Yes"]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Orders": orders}))
    assert book.frame("Orders")["On Hold"].tolist() == ["Yes"]
    assert book.frame("Orders")["Amount"].tolist() == [5000.0]
    # on the customer list it is the hold flag: C1's Status says Hold
    status = book.customers.set_index("Customer ID")["Status"]
    assert status["C1"] == "Hold" and status["C2"] != "Hold"
