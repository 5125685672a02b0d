"""Payment Risk of a customer billed in two currencies (helper-163): its share more than 30
days overdue added EGP and USD figures as they stand. M1 owes EGP 100,000.00 not yet due
and USD 5,000.00 45 days overdue - EGP 250,000.00 at 50.00, most of what it owes. As they
stand the share was 5,000 / 105,000 = 4.8 % (Risk Score 47); at the Policy's rates it is
250,000 / 350,000 = 71.4 % (Risk Score 74). Without a rate the figures are all there is to go
by (as the tab's order and the Call List do): 4.8 %."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _risk(tmp_path: Path, policy: list[list]) -> dict:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["M1", "Mixed Buyer", "EGP", 30],
                      ["N1", "Nile Local", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["INV-101", "M1", D(2026, 11, 20), 100000.0, "EGP"],  # not yet due
                     ["INV-102", "M1", D(2026, 9, 16), 5000.0, "USD"],     # 45 days
                     ["INV-201", "N1", D(2026, 9, 16), 5000.0, "EGP"]],    # 45 days
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Policy": [["Key", "Value"], *policy],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    rows = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name(
        "Payment Risk").to_python()
    head = rows[0]
    return {r[0]: (r[head.index("Risk Score")], r[head.index("Overdue 30+ %")],
                   r[head.index("Average Days Late")]) for r in rows[1:] if r[0]}


def test_the_share_overdue_is_weighed_at_the_rates(tmp_path: Path) -> None:
    risk = _risk(tmp_path, [["Base Currency", "EGP"], ["exchange_rates", "USD=50.00"]])
    # Payment Risk: Risk Score C, Overdue 30+ % J, Average Days Late E
    assert risk == {"M1": (74.0, 71.4, 45.0), "N1": (85.0, 100.0, 45.0)}


@pytest.mark.parametrize("policy", [[["Base Currency", "EGP"]], []])
def test_without_a_rate_as_they_stand(tmp_path: Path, policy: list[list]) -> None:
    assert _risk(tmp_path, policy) == {"M1": (47.0, 4.8, 45.0), "N1": (85.0, 100.0, 45.0)}
