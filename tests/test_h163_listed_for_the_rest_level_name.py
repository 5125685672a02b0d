"""Month-end run: an account listed on the Call List for what is left once the bank
statement's receipts are recorded (Receipts To Post) is named by the level that rest is at,
not the books' (helper-163). 11,000.00 owed, 120 days overdue (Hold / visit), 8,000.00 of it
paid on the bank: 3,000.00 is left 45 days overdue, a call after the firm reminder, not a
visit. Last Letter stays the date the Dunning History gives (the receipt sends no letter) and
Risk Score the Payment Risk tab's (the customer's paying record, one score per customer)."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_the_rest_is_named_by_its_own_level(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Phone"],
                      ["C6", "Sinai Trading", "EGP", 30, "0100000006"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-601", "C6", D(2026, 7, 3), 8000.0],    # 120 days overdue
                     ["INV-602", "C6", D(2026, 9, 16), 3000.0]],  # 45 days overdue
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Dunning History": [["Date", "Customer ID", "Level", "Level Name", "Currency",
                             "Amount", "Action"],
                            [D(2026, 11, 2), "C6", 4, "Hold / visit", "EGP", 11000.0,
                             "Account on hold: arrange a field visit"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "24/11/2026,TRANSFER SINAI TRADING INV-601,8000.00,108000.00\n",
                    encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    out = tmp_path / "out.xlsx"
    assert _rows(out, "Visit List") == []
    calls = _rows(out, "Call List")
    risk = {r["Customer ID"]: r["Risk Score"] for r in _rows(out, "Payment Risk")}
    # Call List row 2: Amount To Collect G, Days Overdue H, Level Name J, Last Letter K
    assert [(r["Customer ID"], r["Amount To Collect"], r["Days Overdue"], r["Level Name"],
             r["Last Letter"], r["Risk Score"]) for r in calls] == [
        ("C6", 3000.0, 45, "Firm reminder", D(2026, 11, 2), risk["C6"])]
    dun = _rows(out, "Dunning")
    assert [(r["Level Name"], r["Days Overdue"]) for r in dun] == [("Hold / visit", 120)]
