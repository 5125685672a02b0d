"""Dunning History for a plan customer with open rows in two currencies (helper-161): both
its Dunning rows say Letter, but one plan reminder is written, in the plan's currency. The
plan's instalment was recorded on each row under the row's own currency (an EGP instalment
recorded as USD too); it goes on the plan's currency row only, the other asked nothing."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_the_plan_amount_is_recorded_in_the_plans_currency_only(tmp_path: Path) -> None:
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
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx")["Dunning History"]
                .iter_rows(min_row=2, values_only=True))
    history = sorted((r[1], r[2], r[4], r[5]) for r in rows if r[1])
    # instalment 2 (4,000.00 EGP, due 30 Oct) is asked for; the USD row has no letter
    # (helper-163: Letter TRUE on the plan's currency row only), so no history row
    assert history == [("E4", 0, "EGP", 4000.0)]
