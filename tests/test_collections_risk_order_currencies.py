"""Payment Risk: customers with the same Risk Score are listed larger balance first, and a
balance in another currency is weighed by what it is worth at the Policy's exchange rates.

Both customers are new (no paid history, nothing past due): Risk Score 0 each. N1 owes
EGP 50,000.00; D1 owes USD 2,000.00, EGP 97,000.00 at 48.50. Before, the tie was broken on
the figures as they stand (50,000 > 2,000): N1 first, though D1 owes nearly twice as much.
M1 owes EGP 10,000.00 and USD 1,500.00 (no Open Balance: two currencies), EGP 82,750.00 in
all at the rate: between them. Without rates the figures are all there is to go by: N1 first,
as before, and M1 last."""

from __future__ import annotations

from datetime import datetime as D
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._collections_books import _book


def _risk(tmp_path: Path, policy: list[list]) -> list[tuple]:
    book = _book(tmp_path / "risk.xlsx", {
        "Customers": [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                      ["N1", "Nile Local", "EGP", "Net 30"],
                      ["D1", "Dollar Buyer", "USD", "Net 30"],
                      ["M1", "Mixed Buyer", None, "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["INV-N1", "N1", D(2026, 11, 20), D(2026, 12, 20), 50000.00, "EGP"],
                     ["INV-D1", "D1", D(2026, 11, 20), D(2026, 12, 20), 2000.00, "USD"],
                     ["INV-M1", "M1", D(2026, 11, 20), D(2026, 12, 20), 10000.00, "EGP"],
                     ["INV-M2", "M1", D(2026, 11, 20), D(2026, 12, 20), 1500.00, "USD"]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Policy": [["Key", "Value"], *policy],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Payment Risk").to_python()
    head = rows[0]
    return [(r[head.index("Customer ID")], r[head.index("Risk Score")],
             r[head.index("Open Balance")], r[head.index("Currency")])
            for r in rows[1:] if r and r[0] != ""]


def test_equal_scores_are_ordered_by_worth_at_the_policys_rates(tmp_path):
    rows = _risk(tmp_path, [["Base Currency", "EGP"], ["exchange_rates", "USD=48.50"]])
    assert rows == [("D1", 0, 2000.0, "USD"), ("M1", 0, "", "EGP/USD"),
                    ("N1", 0, 50000.0, "EGP")]


@pytest.mark.parametrize("policy", [[["Base Currency", "EGP"]], []])
def test_without_a_rate_the_balances_are_taken_as_they_stand(tmp_path, policy):
    assert _risk(tmp_path, policy) == [("N1", 0, 50000.0, "EGP"), ("D1", 0, 2000.0, "USD"),
                                       ("M1", 0, "", "EGP/USD")]
