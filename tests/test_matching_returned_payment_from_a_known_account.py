"""A supplier that is a customer too: our transfer to it comes back (camt CRDT + RvslInd, MT940
RD) from the account its customer record holds. That account names no payer of ours: the
statement says the money is our own payment returned, so it is never applied to the
customer's invoice of the same amount. Before, the known account overrode the refund reading
and the line was Matched (amount+payer by account)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.bank import read_statement
from ar_excel.cli import main
from tests._workbooks import save_workbook
from tests.test_bank_camt_reversals_h152 import CAMT, _tab


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in {
        "Customers": [["Customer ID", "Name", "Currency", "IBAN"],
                      ["C-GMS", "Gulf Marine Services LLC", "AED", "AE550330000012345678902"],
                      ["C-ANT", "Al Noor Trading LLC", "AED", None]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-2026-4001", "C-GMS", pd.Timestamp("2026-10-20").to_pydatetime(),
                      3700.0],
                     ["INV-2026-4002", "C-ANT", pd.Timestamp("2026-10-21").to_pydatetime(),
                      500.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    }.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    save_workbook(wb, path)
    return path


def test_our_returned_transfer_from_a_customers_account_pays_nothing(tmp_path: Path) -> None:
    statement = tmp_path / "s.xml"
    statement.write_text(CAMT, encoding="utf-8")
    lines = read_statement(statement).lines
    assert lines["Counterparty Account"].tolist()[0] == "AE550330000012345678902"
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path / "book.xlsx")), "--bank", str(statement),
                 "-o", str(out)]) == 0
    assert [r for r in _tab(out, "Bank Matches") if r["Bank Line"] == "R1"] == []
    unmatched = {r["Bank Line"]: (r["Unallocated Amount"], r["Reason"])
                 for r in _tab(out, "Unmatched Bank")}
    assert unmatched["R1"] == (3700.0, "not a customer receipt (refund)")
