"""Dunning History records the amount a plan reminder asks for - the instalment coming due,
or what is outstanding on the overdue instalments - not the account's overdue invoices the
plan has rescheduled (helper-156's pencil audit: 'Payment plan reminder SAR 8,000.00' for a
letter asking SAR 4,000.00)."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _history(tmp_path: Path, paid: float) -> list[tuple]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E4", "مؤسسة النور", "SAR", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I-401", "E4", D(2026, 5, 31), D(2026, 6, 30), 12000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "E4", D(2026, 9, 30), paid, "I-401"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["E4", 12000.0, 3, D(2026, 9, 30), "monthly"]],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx")["Dunning History"]
                .iter_rows(min_row=2, values_only=True))
    return [r[1:7] for r in rows if r[1]]


@pytest.mark.parametrize(("paid", "row"), [
    # instalments 1 and 2 paid: instalment 3 falls due today, 4,000.00 asked for
    (8000.0, ("E4", 0, "Payment plan reminder", "SAR", 4000.0,
              "Send plan reminder: instalment 3 due 2026-11-30")),
    # only the first paid: instalment 2 (due 30 Oct) overdue, asked for (the account's
    # overdue invoice is 8,000.00)
    (4000.0, ("E4", 0, "Payment plan reminder", "SAR", 4000.0,
              "Send plan reminder: instalment 2 overdue")),
    # a cent paid: instalments 1 and 2 overdue, 7,999.99 asked for (not 11,999.99)
    (0.01, ("E4", 0, "Payment plan reminder", "SAR", 7999.99,
            "Send plan reminder: instalments 1 and 2 overdue")),
])
def test_the_plan_reminder_is_recorded_for_what_it_asks(tmp_path: Path, paid, row) -> None:
    history = _history(tmp_path, paid)
    assert history == [row]
