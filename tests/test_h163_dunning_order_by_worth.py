"""Dunning order across currencies (helper-163): within a level, rows were put larger Amount
To Collect first comparing the figures as they stand (EGP 30,000 before USD 1,000, worth
EGP 50,500 at 50.50). With the Policy's exchange rates they are now ranked by what each is
worth in the base currency, as the Call List and Payment Risk are; without a rate the
figures are all there is to go by, as those tabs do."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _order(tmp_path: Path, policy: list[list]) -> tuple[list[tuple], list[tuple]]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C1", "Nile Foods", "EGP", 30],
                      ["C2", "Gulf Buyer", "USD", 30],
                      ["C3", "Delta Paper", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-101", "C1", D(2026, 9, 16), 30000.0],   # 45 days
                     ["INV-201", "C2", D(2026, 9, 16), 1000.0],    # 45 days
                     ["INV-301", "C3", D(2026, 9, 16), 60000.0]],  # 45 days
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Policy": [["Key", "Value"], *policy],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    wb = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx"))
    dun = wb.get_sheet_by_name("Dunning").to_python()
    calls = wb.get_sheet_by_name("Call List").to_python()
    return ([(r[0], r[2], r[8]) for r in dun[1:] if r[0]],
            [(r[1], r[5], r[6]) for r in calls[1:] if r[0] != ""])


def test_the_dunning_ranks_currencies_by_worth_at_the_rates(tmp_path: Path) -> None:
    dun, calls = _order(tmp_path, [["Base Currency", "EGP"], ["exchange_rates", "USD=50.50"]])
    # Dunning rows 2-4: Customer ID A, Currency C, Amount To Collect I
    assert dun == [("C3", "EGP", 60000.0), ("C2", "USD", 1000.0), ("C1", "EGP", 30000.0)]
    assert calls == dun


@pytest.mark.parametrize("policy", [[["Base Currency", "EGP"]], []])
def test_without_a_rate_as_they_stand(tmp_path: Path, policy: list[list]) -> None:
    dun, calls = _order(tmp_path, policy)
    assert dun == [("C3", "EGP", 60000.0), ("C1", "EGP", 30000.0), ("C2", "USD", 1000.0)]
    assert calls == dun
