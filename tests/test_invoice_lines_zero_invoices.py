"""An invoice list exported one row per line (Zoho's Item Total beside the invoice's Total)
is read again as the Invoice Lines. An invoice of nothing as typed (samples, a free
delivery: a Total of 0 however written, "0,00", "0.000") keeps its lines; a cancelled
invoice, counted as 0 though its Total says 300.00, has its lines left out."""

from __future__ import annotations

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

HEAD = ["Invoice Date", "Invoice Number", "Invoice Status", "Customer Name", "Due Date",
        "Total", "Balance", "Item Name", "Quantity", "Item Price", "Item Total"]


def _row(n, status, customer, total, item, qty, price):
    return [f"2026-11-0{n}", f"INV-00{n}", status, customer, f"2026-12-0{n}", total, total,
            item, qty, price, qty * price]


ROWS = [
    _row(1, "Sent", "Nile Foods", "6,000.00", "Rice", 100, 40),
    _row(1, "Sent", "Nile Foods", "6,000.00", "Sugar", 50, 40),
    _row(2, "Sent", "Nile Foods", "0,00", "Samples", 5, 0),      # a decimal comma's zero
    _row(2, "Sent", "Nile Foods", "0,00", "Leaflets", 20, 0),
    _row(3, "Sent", "Delta Traders", "0.000", "Samples", 2, 0),  # a KWD zero, three places
    _row(3, "Sent", "Delta Traders", "0.000", "Display", 1, 0),
    _row(4, "Sent", "Delta Traders", " 0 ", "Pallets", 4, 0),     # spaces around it
    _row(4, "Sent", "Delta Traders", " 0 ", "Wrapping", 1, 0),
    _row(5, "Void", "Delta Traders", "300.00", "Cement", 3, 100),
    _row(5, "Void", "Delta Traders", "300.00", "Sand", 2, 0),
]


def test_zero_invoices_however_typed_keep_their_lines_void_ones_are_left_out(tmp_path):
    book = read_book(save_sheets(tmp_path / "zoho.xlsx", {"Invoices": [HEAD, *ROWS]}))
    amounts = book.invoices.set_index("Invoice No")["Amount"]
    assert amounts.to_dict() == {"INV-001": 6000.0, "INV-002": 0.0, "INV-003": 0.0,
                                 "INV-004": 0.0, "INV-005": 0.0}  # INV-005 cancelled: 0
    lines = book.tables["Invoice Lines"].frame
    assert lines[["Invoice No", "Quantity", "Line Total", "_row"]].values.tolist() == [
        ["INV-001", 100.0, 4000.0, 2], ["INV-001", 50.0, 2000.0, 3],
        ["INV-002", 5.0, 0.0, 4], ["INV-002", 20.0, 0.0, 5],
        ["INV-003", 2.0, 0.0, 6], ["INV-003", 1.0, 0.0, 7],
        ["INV-004", 4.0, 0.0, 8], ["INV-004", 1.0, 0.0, 9]]
