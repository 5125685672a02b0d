"""Receipts To Post holding only receipts that name no open invoice (a suggested on-account
receipt a reviewer accepted, or one naming an invoice the books do not hold) still gives
what is left to collect: left_after had nothing to settle by invoice and failed ('Invalid
value [] for dtype float64'), and the month-end run lost its collections tabs (found by
test_month_end_fuzz)."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.bank_receipts import left_after


def _items() -> pd.DataFrame:
    return pd.DataFrame({
        "Customer ID": ["C1", "C1"], "Item Type": ["Invoice", "Invoice"],
        "Document No": ["INV-1001", "INV-1002"], "Invoice No": ["INV-1001", "INV-1002"],
        "Date": pd.to_datetime(["2026-09-01", "2026-09-15"]),
        "Due Date": pd.to_datetime(["2026-10-01", "2026-10-15"]),
        "Currency": ["EGP", "EGP"], "Amount": [5000.0, 7000.0],
        "Open Amount": [5000.0, 7000.0], "Days Past Due": [60, 46]})


def test_a_receipt_naming_no_open_invoice_goes_on_account(tmp_path) -> None:
    received = pd.DataFrame({
        "Payment ID": ["BNK-20261124-1"], "Customer ID": ["C1"],
        "Date": [pd.Timestamp("2026-11-24")], "Amount": [3000.0], "Invoice No": ["INV-9999"],
        "Method": ["Bank Transfer"]})
    left = left_after(_items(), received, pd.Series(["EGP"]))
    # the books' invoices stay open; the 3,000.00 on C1's EGP account covers the oldest first
    assert list(zip(left["Document No"], left["Open Amount"], left["Uncovered Amount"],
                    strict=True)) == [("INV-1001", 5000.0, 2000.0), ("INV-1002", 7000.0, 7000.0)]
