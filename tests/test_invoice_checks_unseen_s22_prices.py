"""A price list kept with VAT in (a Saudi retailer's shelf prices) beside invoice lines
priced before VAT, and the other way round: the two are compared on one basis."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from tests.test_invoice_checks_unseen_s22 import codes, run

CUSTOMERS = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
             ["S-10", "Al Othaim Markets", "SAR", "Net 45"]]


def invoices(*amounts):
    return [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
        [f"SI-{i}", "S-10", D(2026, 11, 1 + i), amount] for i, amount in enumerate(amounts, 1)]


@pytest.mark.parametrize("header", ["Price Incl VAT", "Price (incl. VAT)", "السعر شامل الضريبة"])
def test_a_list_with_vat_in_against_lines_before_vat(tmp_path, header):
    """Rice 11.50 with VAT is 10.00 before it; oil 9.99 is 8.69 (8.6870 rounded); 8.70 is
    the VAT taken off twice. Before, 'Price Incl VAT' was no price column (the list unread,
    an Input Issue) and 'Price (incl. VAT)' was compared as it is: every line off the list."""
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "Line Total"],
             ["SI-1", "RICE-5", 7, "PCS", 10.00, 15, 80.50],
             ["SI-2", "OIL-1.5", 3, "PCS", 8.69, 15, 29.98],
             ["SI-3", "RICE-5", 6, "PCS", 8.70, 15, 60.03]]
    prices = [["Item", "Unit", header], ["RICE-5", "PCS", 11.50], ["OIL-1.5", "PCS", 9.99]]
    found = run(tmp_path, {"Customers": CUSTOMERS, "Invoices": invoices(80.50, 29.98, 60.03),
                           "Invoice Lines": lines, "Price List": prices})
    assert codes(found) == [("SI-3", 4, "PRICE_OFF_LIST", "Error")]
    assert found[0][5] == ("Unit price 8.7 differs from the list price 10 (11.5 with 15% VAT) "
                           "of item RICE-5 per PCS valid on 2026-11-04 (-13.0%)")


def test_a_list_before_vat_against_prices_with_vat_in(tmp_path):
    """A shop's lines priced with VAT in (the stated VAT is the VAT inside): rice 11.50 is
    the list's 10.00 with 15 %; oil 9.99 is not the list's 9.00 with it (10.35). Before,
    every rice line was PRICE_OFF_LIST (11.50 against 10)."""
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "VAT Amount",
              "Line Total"],
             ["SI-1", "RICE-5", 7, "PCS", 11.50, 15, 10.50, 80.50],
             ["SI-2", "OIL-1.5", 3, "PCS", 9.99, 15, 3.91, 29.97],
             ["SI-3", "RICE-5", 6, "PCS", 11.50, 15, 9.00, 69.00]]
    prices = [["Item", "Unit", "Price"], ["RICE-5", "PCS", 10.00], ["OIL-1.5", "PCS", 9.00]]
    found = run(tmp_path, {"Customers": CUSTOMERS, "Invoices": invoices(80.50, 29.97, 69.00),
                           "Invoice Lines": lines, "Price List": prices})
    assert codes(found) == [("SI-2", 3, "PRICE_OFF_LIST", "Error")]
    assert found[0][5] == ("Unit price 9.99 differs from the list price 10.35 (9 before 15% "
                           "VAT) of item OIL-1.5 per PCS valid on 2026-11-03 (-3.5%)")


def test_a_return_is_credited_at_the_price_it_was_billed_at(tmp_path):
    """Biscuits billed on 30 Oct at October's 240; two cartons returned on 5 Nov, after the
    list went to 250: credited at 240, as billed. Before, the credit note was PRICE_OFF_LIST
    against November's 250. A credit note at another price than its invoice's list is still
    reported, at that invoice's date."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Nile Stores", "EGP", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                 "Original Invoice"],
                ["INV-1", "C1", D(2026, 10, 30), D(2026, 11, 29), 5472, None],
                ["CN-1", "C1", D(2026, 11, 5), D(2026, 11, 5), -547.20, "INV-1"],
                ["INV-2", "C1", D(2026, 11, 6), D(2026, 12, 6), 5700, None],
                ["CN-2", "C1", D(2026, 11, 9), D(2026, 11, 9), -570, "INV-2"]]
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "Line Total"],
             ["INV-1", "BIS-1", 20, "CTN", 240, 14, 5472],
             ["CN-1", "BIS-1", -2, "CTN", 240, 14, -547.20],
             ["INV-2", "BIS-1", 20, "CTN", 250, 14, 5700],
             ["CN-2", "BIS-1", -2, "CTN", 250, 14, -570]]
    prices = [["Item", "Unit", "Price", "Valid From", "Valid To"],
              ["BIS-1", "CTN", 240, D(2026, 1, 1), D(2026, 10, 31)],
              ["BIS-1", "CTN", 250, D(2026, 11, 1), None]]
    sheets = {"Customers": customers, "Invoices": invoices, "Invoice Lines": lines,
              "Price List": prices}
    assert run(tmp_path, sheets) == []
    lines[2][4] = 250  # the return credited at November's price: more than was billed
    lines[2][6] = -570
    invoices[2][4] = -570
    found = run(tmp_path, sheets, "more.xlsx")
    assert codes(found) == [("CN-1", 3, "PRICE_OFF_LIST", "Error")]
    assert found[0][5] == ("Unit price 250 differs from the list price 240 of item BIS-1 per "
                           "CTN valid on 2026-10-30 (+4.2%)")
