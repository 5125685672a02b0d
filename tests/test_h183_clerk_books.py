"""Helper-183: books as Egyptian and Gulf clerks keep them, read as they mean them (rows
numbered ahead, percentages typed both ways, terms counted from receipt, a bare 'دينار', a
customer left blank between its own rows) and the billing checks that judge them."""

from __future__ import annotations

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
             ["C1", "Nile Foods", "EGP", 30, 100000], ["C2", "Gulf Trading", "KWD", 30, 5000]]


def _issues(book, sheet=None):
    return [(i.sheet, i.cell, i.message) for i in book.issues if sheet is None or i.sheet == sheet]


def test_rows_numbered_ahead_on_the_invoices_and_receipts_are_no_records(tmp_path):
    invoices = [["م", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                [1, "INV-1", "C1", "2026-10-01", 1500],
                [2, "INV-2", "C1", "2026-10-02", 2500]]
    invoices += [[i, None, None, None, None] for i in range(3, 9)] + [["٩", None, None, None, None]]
    receipts = [["#", "Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                [1, "R1", "C1", "2026-10-05", 1500, "INV-1"],
                [2, None, None, None, None, None], [3, None, None, None, None, None]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": CUSTOMERS, "Invoices": invoices, "Payments": receipts}))
    assert _issues(book) == []
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert book.payments["Payment ID"].tolist() == ["R1"]
    assert book.payments["Amount"].tolist() == [1500.0]


def test_a_numbered_row_with_something_on_it_is_still_read(tmp_path):
    invoices = [["م", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                [1, "INV-1", "C1", "2026-10-01", 1500],
                [2, None, "C1", None, None],  # a record begun: still one, its gaps said
                [7, None, None, None, None]]  # not the next number, no serial header: read
    invoices[0][0] = "Ref"
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    cells = [cell for _, cell, _ in _issues(book, "Invoices")]
    assert cells == ["B3", "B4", "C4", "D3", "D4", "E3", "E4"]
