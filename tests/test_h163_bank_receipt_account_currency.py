"""Month-end run, a receipt on account on the bank statement from a customer kept without a
currency whose invoices say USD (helper-163): the ledger counts that customer in USD
(ledger.account_currencies), but the receipt was taken in the book's own currency (EGP), so
its USD letter was not held and what it leaves was worked out in EGP. It is now in the
account's currency, as the ledger and the payment plans have it."""

from __future__ import annotations

from datetime import date
from datetime import datetime as D
from pathlib import Path

import pandas as pd

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.collections import collections_tabs
from tests._workbooks import save_sheets


def test_a_receipt_on_account_is_in_the_accounts_currency(tmp_path: Path) -> None:
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["B1", "Blue Buyer", None, 30], ["N1", "Nile Local", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-88001", "B1", D(2026, 9, 16), D(2026, 10, 16), "USD", 3000.0],
                     ["INV-88002", "N1", D(2026, 11, 1), D(2026, 12, 1), "EGP", 500.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Policy": [["Key", "Value"], ["Base Currency", "EGP"]],
    })
    received = pd.DataFrame({
        "Payment ID": ["BNK-20261124-1"], "Customer ID": ["B1"],
        "Date": [pd.Timestamp("2026-11-24")], "Amount": [3000.0], "Invoice No": [None],
        "Method": ["Bank Transfer"]})
    result = collections_tabs(read_book(path), JobOptions(as_of=date(2026, 11, 30),
                                                          received=received))
    dun = next(t.frame for t in result.tabs if t.name == "Dunning")
    row = dun[dun["Customer ID"] == "B1"].iloc[0]
    # Dunning: Currency C, Letter N, Next Action O of B1's row
    assert (row["Currency"], bool(row["Letter"]), row["Next Action"]) == (
        "USD", False, "Letter held: 3,000.00 received on the bank statement (2026-11-24), not "
        "yet in Payments; record it (Receipts To Post) and run again")
    calls = next(t.frame for t in result.tabs if t.name == "Call List")
    assert list(calls["Customer ID"]) == []  # covered: nothing left to call about
