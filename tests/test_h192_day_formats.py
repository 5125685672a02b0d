"""Averages of days written as days (#,##0.0: 13.7, -9.0, 0.4), as the report's Avg Days Late
already are, not General (-9 beside 13.7): Payment Risk's Average Days Late, Expected
Payments' Expected Days Late, Credit Requests Review's Avg Days Late and Invoice Exceptions'
Avg Days to Invoice (helper-192, the demo month read cell by cell with openpyxl)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl

from ar_excel.cli import main

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo_ar.xlsx"
DAYS = "#,##0.0"


def test_average_days_columns_are_written_as_days(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(DEMO), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    seen = {}
    for tab, header in [("Payment Risk", "Average Days Late"),
                        ("Expected Payments", "Expected Days Late"),
                        ("Credit Requests Review", "Avg Days Late"),
                        ("Invoice Exceptions", "Avg Days to Invoice")]:
        ws = wb[tab]
        col = [c.value for c in ws[1]].index(header) + 1
        cells = [ws.cell(r, col) for r in range(2, ws.max_row + 1)
                 if isinstance(ws.cell(r, col).value, (int, float))]
        assert cells, (tab, header)
        seen[tab] = {c.number_format for c in cells}
    assert seen == {"Payment Risk": {DAYS}, "Expected Payments": {DAYS},
                    "Credit Requests Review": {DAYS}, "Invoice Exceptions": {DAYS}}
