"""A trivial remainder does not set an account's level (helper-156's pencil audit): 9.50
left of a short payment 91 days ago beside 12,000.00 30 days overdue put the account on hold
with a field visit (Level 4, Visit List at 91 days). The level comes from the oldest invoice
at which the amount at least that late reaches the dunning minimum (10.00 EGP), as SAP
dunning takes a level's items below its minimum to the level below: a firm reminder and a
call about the 12,000.00. Two old remainders that together reach the minimum still count."""

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


def test_a_trivial_old_remainder_does_not_set_the_level(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Phone"],
                      ["M3", "شركة القاهرة", "EGP", 30, "012"],
                      ["M4", "Aswan Traders", "EGP", 30, "013"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["A-4", "M3", D(2026, 8, 1), D(2026, 8, 31), 9.5],       # 91 days
                     ["A-5", "M3", D(2026, 10, 1), D(2026, 10, 31), 12000.0],  # 30 days
                     ["B-1", "M4", D(2026, 8, 1), D(2026, 8, 31), 6.0],        # 91 days
                     ["B-2", "M4", D(2026, 8, 6), D(2026, 9, 5), 6.0],         # 86 days
                     ["B-3", "M4", D(2026, 10, 1), D(2026, 10, 31), 12000.0]],  # 30 days
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    dun = {r["Customer ID"]: r for r in _rows(tmp_path / "out.xlsx", "Dunning")}
    assert [(c, dun[c]["Level"], dun[c]["Level Name"], dun[c]["Days Overdue"],
             dun[c]["Amount To Collect"], dun[c]["Overdue Invoices"]) for c in ("M3", "M4")] == [
        ("M3", 2, "Firm reminder", 30, 12009.5, 2),
        ("M4", 3, "Final notice", 86, 12012.0, 3)]  # 6.00 + 6.00 reach 10.00 at 86 days
    calls = _rows(tmp_path / "out.xlsx", "Call List")
    assert [(r["Customer ID"], r["Days Overdue"], r["Oldest Invoice"], r["Oldest Due Date"])
            for r in calls] == [("M4", 86, "B-2", D(2026, 9, 5)),
                                ("M3", 30, "A-5", D(2026, 10, 31))]
    assert _rows(tmp_path / "out.xlsx", "Visit List") == []
