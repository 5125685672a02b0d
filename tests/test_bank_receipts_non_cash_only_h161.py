"""Receipts To Post holding only non-cash rows (a write-off, tax withheld, a credit note used)
still says what is left to collect once they are recorded (helper-161): bank_accounts gave
no ``after`` without a cash row, so the forecast used the books, while one unrelated cash
receipt in the file made every customer's write-offs lower their expected receipts. What a
customer is expected to pay must not hang on another customer's receipt."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.bank_receipts import bank_accounts


def _items() -> pd.DataFrame:
    return pd.DataFrame({
        "Customer ID": ["C1", "C1", "C2"], "Item Type": ["Invoice"] * 3,
        "Document No": ["INV-1001", "INV-1002", "INV-2001"],
        "Invoice No": ["INV-1001", "INV-1002", "INV-2001"],
        "Date": pd.to_datetime(["2026-09-01", "2026-09-15", "2026-09-01"]),
        "Due Date": pd.to_datetime(["2026-10-01", "2026-10-15", "2026-10-01"]),
        "Currency": ["EGP"] * 3, "Amount": [5000.0, 7000.0, 4000.0],
        "Open Amount": [5000.0, 7000.0, 4000.0], "Days Past Due": [60, 46, 60]})


_WRITE_OFF = {"Payment ID": "WO-1", "Customer ID": "C1", "Date": pd.Timestamp("2026-11-24"),
              "Amount": 5000.0, "Invoice No": "INV-1001", "Method": "Write-off"}
_CASH = {"Payment ID": "BNK-20261124-1", "Customer ID": "C2",
         "Date": pd.Timestamp("2026-11-24"), "Amount": 1000.0, "Invoice No": "INV-2001",
         "Method": "Bank Transfer"}


def _left_of_c1(rows: list[dict]) -> list[tuple[str, float]]:
    received = pd.DataFrame(rows)
    accounts, after = bank_accounts(received, pd.Series(["EGP"] * len(rows)), _items())
    assert after is not None
    c1 = after[(after["Customer ID"] == "C1") & (after["Uncovered Amount"] > 0)]
    return list(zip(c1["Document No"], c1["Uncovered Amount"], strict=True))


def test_a_write_off_alone_closes_its_invoice_in_what_is_left() -> None:
    # the write-off closes INV-1001: only INV-1002's 7,000.00 is left to come
    assert _left_of_c1([_WRITE_OFF]) == [("INV-1002", 7000.0)]


def test_an_unrelated_cash_receipt_changes_nothing_for_the_write_off() -> None:
    assert _left_of_c1([_WRITE_OFF, _CASH]) == _left_of_c1([_WRITE_OFF]) \
        == [("INV-1002", 7000.0)]


def test_a_write_off_alone_holds_nothing_and_covers_no_payer() -> None:
    accounts, _ = bank_accounts(pd.DataFrame([_WRITE_OFF]), pd.Series(["EGP"]), _items())
    assert len(accounts) == 0  # no money came in: no letter held, no call taken off
