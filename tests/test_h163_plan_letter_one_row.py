"""Dunning of a plan customer with open rows in two currencies (helper-163): one plan
reminder is written, in the plan's currency, so only that row says Letter TRUE. The row in
the other currency said Letter TRUE too, though no letter went for it (the tab's caption:
Letter = draft written); it now says the reminder goes in the plan's currency."""

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


def test_only_the_plan_currency_row_says_letter(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E4", "Nile Foods", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["I-401", "E4", D(2026, 5, 31), D(2026, 6, 30), "EGP", 12000.0],
                     ["I-402", "E4", D(2026, 7, 31), D(2026, 8, 30), "USD", 900.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "E4", D(2026, 9, 30), 4000.0, "I-401"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Currency", "Instalments",
                           "Start Date", "Frequency"],
                          ["E4", 12000.0, "EGP", 3, D(2026, 9, 30), "monthly"]],
    })
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    dun = {r["Currency"]: r for r in _rows(tmp_path / "out.xlsx", "Dunning")}
    # Dunning!N (Letter) and O (Next Action) of each row
    assert (dun["EGP"]["Letter"], dun["EGP"]["Next Action"]) == (
        True, "Send plan reminder: instalment 2 overdue")
    assert (dun["USD"]["Letter"], dun["USD"]["Next Action"]) == (
        False, "Plan reminder goes in EGP (one letter for the plan)")
    history = [(r["Customer ID"], r["Level"], r["Currency"], r["Amount"])
               for r in _rows(tmp_path / "out.xlsx", "Dunning History")]
    assert history == [("E4", 0, "EGP", 4000.0)]
    assert "1 letter(s) due (1 drafts written)" in said.getvalue(), said.getvalue()


def test_a_held_plan_reminder_is_not_sent_from_the_other_row(tmp_path: Path) -> None:
    # the bank statement shows the EGP instalments paid: the reminder is held; the USD row
    # said Letter TRUE and its reminder was written all the same
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E4", "Nile Foods", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-77401", "E4", D(2026, 5, 31), D(2026, 6, 30), "EGP", 12000.0],
                     ["INV-77402", "E4", D(2026, 7, 31), D(2026, 8, 30), "USD", 900.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "E4", D(2026, 9, 30), 4000.0, "INV-77401"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Currency", "Instalments",
                           "Start Date", "Frequency"],
                          ["E4", 12000.0, "EGP", 3, D(2026, 9, 30), "monthly"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "24/11/2026,TRANSFER NILE FOODS INV-77401,8000.00,108000.00\n",
                    encoding="utf-8")
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    dun = {r["Currency"]: r for r in _rows(tmp_path / "out.xlsx", "Dunning")}
    assert [dun[c]["Letter"] for c in ("EGP", "USD")] == [False, False]
    assert dun["EGP"]["Next Action"].startswith("Letter held: 8,000.00 received")
    assert not list((tmp_path / "dunning").glob("*.eml"))
    assert "0 letter(s) due (0 drafts written)" in said.getvalue(), said.getvalue()
