"""The Reconciliation tab names a statement of a multi-currency export once: 'Statement AED:
opening', not 'Statement AED AED: opening' (a statement named by its currency)."""

from __future__ import annotations

import csv
from datetime import datetime as D

import python_calamine as pc
from openpyxl import Workbook

from ar_excel.cli import main
from tests.test_bank_two_accounts_h155 import MULTI_CURRENCY


def test_each_currency_statement_is_named_once(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency"])
    ws.append(["C1", "Noor Trading", "AED"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    inv.append(["902", "C1", D(2026, 10, 1), D(2026, 10, 31), 3672.50])
    wb.save(tmp_path / "book.xlsx")
    with open(tmp_path / "bank.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(MULTI_CURRENCY)
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(tmp_path / "book.xlsx"), "--bank", str(tmp_path / "bank.csv"),
                 "-o", str(out)]) == 0
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Reconciliation").to_python()
    labels = {r[0]: (r[1], r[3]) for r in rows if str(r[0]).startswith("Statement ")}
    assert labels == {
        "Statement AED: opening": (50000.0, ""), "Statement AED: closing": (53672.5, "ties out"),
        "Statement USD: opening": (10000.0, ""), "Statement USD: closing": (10990.0, "ties out")}
