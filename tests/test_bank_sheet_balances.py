"""A Bank Statement sheet pasted from the bank's export keeps its balance rows.

Egyptian and Gulf banks print the opening and closing balance as rows of their own ("رصيد
افتتاحي", "رصيد ختامي", "Opening Balance", "Balance b/f"): a label and a Balance, no amount.
Pasted into the workbook's Bank Statement sheet they are the statement's balances, which the
Reconciliation ties out; they are no lines, and no "no usable amount" issue.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(path: Path, sheet_name: str, header: list[str], rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "Nile Foods Co", "EGP", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-101", "C1", dt.date(2026, 10, 20), 37000])
    bank = wb.create_sheet(sheet_name)
    bank.append(["National Bank of Egypt - current account 1234567890"])
    bank.append([])
    bank.append(header)
    for r in rows:
        bank.append(r)
    wb.save(path)
    return path


def _run(book: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "-o", str(out)]) == 0
    return out


def _tab(out: Path, name: str) -> pd.DataFrame:
    frame = pd.read_excel(out, sheet_name=name, header=None)
    at = frame.index[frame[0].astype(str).isin(["Item", "Sheet", "Bank Line"])][0]
    return pd.read_excel(out, sheet_name=name, header=at)


ARABIC_ROWS = [
    ["01/11/2026", "رصيد افتتاحي", None, None, "1,000,000.00"],
    ["05/11/2026", "تحويل وارد من NILE FOODS CO فاتورة INV-101", None, "37,000.00",
     "1,037,000.00"],
    ["12/11/2026", "مصاريف بنكية", "150.00", None, "1,036,850.00"],
    ["30/11/2026", "رصيد ختامي", None, None, "1,036,850.00"],
]


def test_arabic_balance_rows_are_the_statements_balances(tmp_path, capsys):
    book = _book(tmp_path / "b.xlsx", "كشف الحساب البنكي",
                 ["التاريخ", "البيان", "مدين", "دائن", "الرصيد"], ARABIC_ROWS)
    out = _run(book, tmp_path)
    summary = _tab(out, "Reconciliation").set_index("Item")
    assert summary.loc["Opening balance", "Amount"] == 1_000_000.00
    assert summary.loc["Opening balance", "Note"] == "as stated by the bank"
    assert summary.loc["Closing balance (statement)", "Amount"] == 1_036_850.00
    assert summary.loc["Difference", "Note"] == "ties out"
    assert summary.loc["Credits (money in)", "Lines"] == 1
    issues = _tab(out, "Input Issues")
    assert not issues["Message"].astype(str).str.contains("no usable amount").any()
    matches = _tab(out, "Bank Matches")
    assert matches[["Invoice No", "Applied Amount", "Status"]].values.tolist() == [
        ["INV-101", 37000, "Matched"]]


def test_a_closing_balance_that_does_not_tie_out_is_said(tmp_path, capsys):
    rows = [["2026-11-01", "Opening Balance", None, None, 5000.00],
            ["2026-11-05", "INWARD TRF NILE FOODS CO INV-101", None, 37000.00, 42000.00],
            ["2026-11-30", "Closing Balance", None, None, 45000.00]]
    book = _book(tmp_path / "b.xlsx", "Bank Statement",
                 ["Date", "Description", "Debit", "Credit", "Balance"], rows)
    out = _run(book, tmp_path)
    summary = _tab(out, "Reconciliation").set_index("Item")
    assert summary.loc["Opening balance", "Amount"] == 5000.00
    assert summary.loc["Closing balance (statement)", "Amount"] == 45000.00
    assert summary.loc["Difference", "Amount"] == -3000.00
    issues = _tab(out, "Input Issues")
    said = issues[issues["Message"].astype(str).str.contains("does not tie out")]
    assert len(said) == 1
    assert said["Cell"].iat[0] == "E6"  # the closing balance's cell
    assert "opening 5,000.00 + credits 37,000.00 - debits 0.00 = 42,000.00, but the closing " \
           "balance is 45,000.00" in said["Message"].iat[0]


def test_a_line_that_mentions_a_balance_with_an_amount_stays_a_line(tmp_path, capsys):
    rows = [["2026-11-05", "NILE FOODS CO balance of INV-101", None, 37000.00, None]]
    book = _book(tmp_path / "b.xlsx", "Bank Statement",
                 ["Date", "Description", "Debit", "Credit", "Balance"], rows)
    out = _run(book, tmp_path)
    summary = _tab(out, "Reconciliation").set_index("Item")
    assert summary.loc["Credits (money in)", "Amount"] == 37000.00
    assert summary.loc["Opening balance", "Note"] != "as stated by the bank"
