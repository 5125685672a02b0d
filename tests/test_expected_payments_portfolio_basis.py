"""Expected Payments says whose pace an invoice is expected at: a customer with no payment of
its own is expected at the portfolio's average, and its Basis says so, as Payment Risk's does
(it said '(customer average)' of a customer that never paid). Pencil, as of 2026-11-30:

H1 paid INV-H0 (1,000.00 due 2026-09-01) on 2026-09-21: 20 days late, its own history.
N1 has never paid; its INV-N1 (4,000.00 due 2026-12-10) is expected at the portfolio's
20 days too: 2026-12-30, 'due + 20 days (portfolio average)'. In an Arabic book:
'الاستحقاق + 20 يوم (متوسط المحفظة)'.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime as D
from pathlib import Path

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.io.wording_ar import cell_text
from tests._collections_books import _book


def _rows(path: Path, name: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    head = rows[0]
    return [dict(zip(head, r, strict=False)) for r in rows[1:] if r and r[0] != ""]


def test_a_customer_without_history_is_expected_at_the_portfolio_average(tmp_path):
    book = _book(tmp_path / "pace.xlsx", {
        "Customers": [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                      ["H1", "History Co", "EGP", "Net 30"],
                      ["N1", "New Co", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV-H0", "H1", D(2026, 8, 2), D(2026, 9, 1), 1000.00],
                     ["INV-H1", "H1", D(2026, 11, 15), D(2026, 12, 15), 3000.00],
                     ["INV-N1", "N1", D(2026, 11, 10), D(2026, 12, 10), 4000.00]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-H0", "H1", D(2026, 9, 21), 1000.00, "INV-H0"]],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    risk = {r["Customer ID"]: r["Basis"] for r in _rows(out, "Payment Risk")}
    assert risk == {"H1": "own history (1 paid)", "N1": "portfolio average"}
    expected = [(r["Invoice No"], r["Expected Days Late"], r["Expected Date"], r["Basis"])
                for r in _rows(out, "Expected Payments")]
    assert expected == [
        ("INV-N1", 20.0, date(2026, 12, 30), "due + 20 days (portfolio average)"),
        ("INV-H1", 20.0, date(2027, 1, 4), "due + 20 days (customer average)")]


def test_the_portfolio_basis_in_arabic():
    assert cell_text("due + 20 days (portfolio average)") == \
        "الاستحقاق + 20 يوم (متوسط المحفظة)"
