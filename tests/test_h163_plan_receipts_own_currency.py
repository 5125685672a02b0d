"""Payment plans fill their instalments with the customer's receipts in the plan's currency
only (helper-163). E4 pays its EGP debt on an EGP plan and a USD invoice with USD 900.00:
the USD receipt was counted as 900.00 of the EGP plan's second instalment (Paid 900.00,
Outstanding 3,100.00) and the forecast expected 900.00 EGP less. A receipt of no known
currency still counts, as before."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.collections.payment_plans import plan_schedule
from ar_excel.model import ROW
from tests._workbooks import save_sheets


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_a_usd_receipt_pays_no_egp_instalment(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E4", "Nile Foods", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-77401", "E4", D(2026, 5, 31), D(2026, 6, 30), "EGP", 12000.0],
                     ["INV-77402", "E4", D(2026, 9, 30), D(2026, 10, 30), "USD", 900.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "E4", D(2026, 9, 30), 4000.0, "INV-77401"],
                     ["R-2", "E4", D(2026, 10, 28), 900.0, "INV-77402"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Currency", "Instalments",
                           "Start Date", "Frequency"],
                          ["E4", 12000.0, "EGP", 3, D(2026, 9, 30), "monthly"]],
    })
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    plan = _rows(tmp_path / "out.xlsx", "Payment Plan Schedule")
    # Payment Plan Schedule: Paid Amount I, Outstanding J, Status L
    assert [(r["Instalment"], r["Paid Amount"], r["Outstanding"], r["Status"])
            for r in plan] == [(1, 4000.0, 0.0, "Paid"), (2, 0.0, 4000.0, "Overdue"),
                               (3, 0.0, 4000.0, "Due soon")]
    expected = _rows(tmp_path / "out.xlsx", "Expected Payments")
    assert sorted((r["Invoice No"], r["Expected Amount"]) for r in expected
                  if r["Invoice No"].startswith("Plan")) == [
        ("Plan E4-1 #2", 4000.0), ("Plan E4-1 #3", 4000.0)]
    assert "13-week forecast 8,000.00 EGP" in said.getvalue(), said.getvalue()


def test_a_receipt_of_no_known_currency_still_counts() -> None:
    plans = pd.DataFrame({"Customer ID": ["E4"], "Amount": [3000.0], "Instalments": [3],
                          "Start": [pd.Timestamp("2026-09-30")], "Frequency": ["monthly"],
                          "Currency": ["EGP"], ROW: [2]})
    payments = pd.DataFrame({"Customer ID": ["E4", "E4"], "Amount": [1000.0, 500.0],
                             "Date": pd.to_datetime(["2026-09-30", "2026-10-30"]),
                             "Invoice No": [None, None], ROW: [2, 3]})
    customers = pd.DataFrame({"Customer ID": ["E4"], "Name": ["Nile"], "Currency": ["EGP"]})
    sched, _ = plan_schedule(plans, payments, pd.Timestamp("2026-11-30"), customers,
                             currencies=pd.Series(["", "USD"]))
    assert sched["Paid Amount"].tolist() == [1000.0, 0.0, 0.0]
    sched, _ = plan_schedule(plans, payments, pd.Timestamp("2026-11-30"), customers)
    assert sched["Paid Amount"].tolist() == [1000.0, 500.0, 0.0]  # without currencies: all


def test_a_customer_kept_without_a_currency_pays_its_plan_in_its_invoices_currency(
        tmp_path: Path) -> None:
    # B1's master names no currency; its invoices say USD: an USD account, as the ledger
    # has it, and its receipt on account pays its USD plan (not taken for the book's EGP)
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["B1", "Blue Buyer", None, 30], ["N1", "Nile Local", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-88001", "B1", D(2026, 5, 31), D(2026, 6, 30), "USD", 3000.0],
                     ["INV-88002", "N1", D(2026, 11, 1), D(2026, 12, 1), "EGP", 500.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "B1", D(2026, 9, 30), 1000.0, None]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["B1", 3000.0, 3, D(2026, 9, 30), "monthly"]],
        "Policy": [["Key", "Value"], ["Base Currency", "EGP"]],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    plan = _rows(tmp_path / "out.xlsx", "Payment Plan Schedule")
    assert [(r["Instalment"], r["Currency"], r["Paid Amount"]) for r in plan] == [
        (1, "USD", 1000.0), (2, "USD", 0.0), (3, "USD", 0.0)]
