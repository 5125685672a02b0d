"""A plan customer's new invoice is expected by how it pays, not by the debt its plan
rescheduled: pencil figures, as of 2026-11-30.

P1 paid INV-P0 (2,000.00 due 2026-05-01) on 2026-05-11: 10 days late, its own history. It
then left INV-P1 (30,000.00 due 2026-07-01, 152 days past due) unpaid and agreed a plan of 3
monthly instalments of 10,000.00 from 2026-11-15; it paid the first on that day. Since, it
was billed INV-P2, 5,000.00 due 2026-12-20.

Its Payment Risk stays High with the old debt in its average (145.8 days: the plan is the
sign of that risk). Before, Expected Payments expected INV-P2 by that average too: 'due +
145.8 days', 2027-05-14, beyond the forecast's 13 weeks. The rescheduled 20,000.00 is
expected by the plan's instalments, so INV-P2 is expected by P1's own history: due + 10
days, 2026-12-30, week 5 of the Cash Forecast.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime as D
from pathlib import Path

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._collections_books import _book


def _rows(path: Path, name: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    head = rows[0]
    return [dict(zip(head, r, strict=False)) for r in rows[1:] if r and r[0] != ""]


def _run(tmp_path: Path) -> Path:
    book = _book(tmp_path / "plan.xlsx", {
        "Customers": [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                      ["P1", "Planned Co", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV-P0", "P1", D(2026, 4, 1), D(2026, 5, 1), 2000.00],
                     ["INV-P1", "P1", D(2026, 6, 1), D(2026, 7, 1), 30000.00],
                     ["INV-P2", "P1", D(2026, 11, 20), D(2026, 12, 20), 5000.00]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-P0", "P1", D(2026, 5, 11), 2000.00, "INV-P0"],
                     ["R-P1", "P1", D(2026, 11, 15), 10000.00, None]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["P1", 30000.00, 3, D(2026, 11, 15), "monthly"]],
        "Policy": [["Key", "Value"], ["Base Currency", "EGP"]],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    return out


def test_the_new_invoice_is_expected_by_the_customers_own_history(tmp_path):
    out = _run(tmp_path)
    risk = _rows(out, "Payment Risk")
    assert [(r["Customer ID"], r["Risk Class"], r["Average Days Late"]) for r in risk] == [
        ("P1", "High", 145.8)]
    expected = _rows(out, "Expected Payments")
    assert [(r["Invoice No"], r["Expected Amount"], r["Expected Days Late"],
             r["Expected Date"], r["Basis"]) for r in expected] == [
        ("Plan P1-1 #2", 10000.0, 0.0, date(2026, 12, 15), "payment plan instalment"),
        ("INV-P2", 5000.0, 10.0, date(2026, 12, 30), "due + 10 days (customer average)"),
        ("Plan P1-1 #3", 10000.0, 0.0, date(2027, 1, 15), "payment plan instalment")]
    weeks = {r["Week"]: r["Expected Receipts"] for r in _rows(out, "Cash Forecast")
             if r["Expected Receipts"]}
    assert weeks == {3: 10000.0, 5: 5000.0, 7: 10000.0}
