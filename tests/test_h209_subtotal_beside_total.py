"""Zoho Books' invoices exported a row per line: each line's Item Total before tax, the
invoice's SubTotal (before tax) and Total (with VAT) repeated on its rows, no tax column.
Worked out by hand: INV-000101's lines 1,200.00 + 800.00 = its SubTotal 2,000.00 (Total
2,280.00 with 14 % VAT), INV-000102's 1,500.00 = 1,500.00: both add up; INV-000103's lines
1,900.00 against a SubTotal of 2,000.00 do not (100.00). Before: INVOICE_TOTAL_MISMATCH on
the first two ('Invoice amount 2,280.00 does not equal its 2 line(s) with tax: 2,000.00'),
the lines stating no tax held to the Total with tax."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def test_lines_without_tax_are_held_to_the_subtotal(tmp_path):
    head = ["Invoice Date", "Invoice Number", "Invoice Status", "Customer Name", "Due Date",
            "Item Name", "Quantity", "Item Price", "Item Total", "SubTotal", "Total", "Balance"]
    path = save_sheets(tmp_path / "zoho.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
        "Invoice": [head,
                    [D(2026, 11, 2), "INV-000101", "Sent", "Nile Foods", D(2026, 12, 2),
                     "Olive oil 1L", 10, 120, 1200, 2000, 2280, 2280],
                    [D(2026, 11, 2), "INV-000101", "Sent", "Nile Foods", D(2026, 12, 2),
                     "Dates 5kg", 4, 200, 800, 2000, 2280, 2280],
                    [D(2026, 11, 5), "INV-000102", "Sent", "Delta Traders", D(2026, 12, 5),
                     "Rice 25kg", 5, 300, 1500, 1500, 1710, 1710],
                    [D(2026, 11, 6), "INV-000103", "Sent", "Delta Traders", D(2026, 12, 6),
                     "Rice 25kg", 2, 300, 600, 2000, 2280, 2280],
                    [D(2026, 11, 6), "INV-000103", "Sent", "Delta Traders", D(2026, 12, 6),
                     "Sugar 50kg", 5, 260, 1300, 2000, 2280, 2280]]})
    result = registry()["invoices"].run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    checks = next(t.frame for t in result.tabs if t.name == "Invoice Checks")
    found = checks[checks["Code"] == "INVOICE_TOTAL_MISMATCH"]
    assert list(zip(found["Invoice No"], found["Field"], strict=True)) == [
        ("INV-000103", "SubTotal")]
    assert "difference 100.00" in found["Message"].iloc[0]
