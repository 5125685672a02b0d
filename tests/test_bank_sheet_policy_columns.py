"""A bank's export pasted into the Bank Statement sheet under headers of its own, which only
the Policy's ``bank_columns`` name: the month-end run reads it (it skipped reconcile: "no bank
statement"), as ``ar-excel reconcile`` on the same book does."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ar_excel.cli import main
from tests._workbooks import save_sheets

SHEETS = {
    "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods Co", "EGP"]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["INV-101", "C1", dt.date(2026, 10, 20), 37000]],
    "Policy": [["Key", "Value"],
               ["bank_columns", "Date=Posted On;Description=Text;Amount=Sum"]],
    # the account details above the header are what the workbook reader takes for it
    "Bank Statement": [["Account Number", "100012345678", None, "Currency", "EGP"],
                       [],
                       ["Posted On", "Text", "Sum"],
                       ["05/11/2026", "INWARD TRF NILE FOODS CO INV-101", "37,000.00"],
                       ["12/11/2026", "BANK CHARGES", "-150.00"]],
}


def _matches(out):
    frame = pd.read_excel(out, sheet_name="Bank Matches", header=None)
    at = frame.index[frame[0].astype(str) == "Bank Line"][0]
    return pd.read_excel(out, sheet_name="Bank Matches", header=at)


def test_the_month_end_run_reads_a_pasted_export_the_policy_names_the_columns_of(tmp_path):
    book = save_sheets(tmp_path / "ar.xlsx", SHEETS)
    for command in ("reconcile", "run"):
        out = tmp_path / f"{command}.xlsx"
        assert main([command, str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
        m = _matches(out)
        assert list(zip(m["Invoice No"], m["Applied Amount"], m["Status"], strict=True)) == [
            ("INV-101", 37000.0, "Matched")], command
