"""A payment plan's currency is the one currency of the invoices it covers, read one way by
every tab: as of 2026-11-30.

Q1 and Q2 have no currency on the master. Q1 owes INV-Q1, 3,000.00 EGP (due 2026-07-01),
and has a USD credit note of 100.00 on account; Q2 owes INV-Q2, 1,000.000 KWD, and has a
USD credit note too. Each agreed a plan of its invoice in 3 monthly instalments from
2026-11-15 (instalment 1 Overdue, 2 due 2026-12-15, 3 due 2027-01-15).

Before, the Payment Plan Schedule took the one currency of all the customer's open items
(EGP and USD: none, a blank Currency, and Q2's instalments cut in cents: 333.33, 333.33,
333.34) while Expected Payments took the one currency of its invoices (EGP, KWD). Now both
say EGP and KWD, and Q2's instalments are cut in fils: 333.333, 333.333, 333.334.
"""

from __future__ import annotations

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
    book = _book(tmp_path / "plans.xlsx", {
        "Customers": [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                      ["Q1", "Mixed Co", None, "Net 30"],
                      ["Q2", "Kuwait Mixed", None, "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["INV-Q1", "Q1", D(2026, 6, 1), D(2026, 7, 1), 3000.00, "EGP"],
                     ["CN-Q1", "Q1", D(2026, 9, 1), None, -100.00, "USD"],
                     ["INV-Q2", "Q2", D(2026, 6, 1), D(2026, 7, 1), 1000.000, "KWD"],
                     ["CN-Q2", "Q2", D(2026, 9, 1), None, -100.00, "USD"]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["Q1", 3000.00, 3, D(2026, 11, 15), "monthly"],
                          ["Q2", 1000.000, 3, D(2026, 11, 15), "monthly"]],
        "Policy": [["Key", "Value"], ["Base Currency", "EGP"]],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    return out


def test_the_schedule_and_the_expected_payments_name_the_invoices_currency(tmp_path):
    out = _run(tmp_path)
    schedule = _rows(out, "Payment Plan Schedule")
    assert [(r["Plan"], r["Instalment"], r["Currency"], r["Amount"], r["Status"])
            for r in schedule] == [
        ("Q1-1", 1, "EGP", 1000.0, "Overdue"), ("Q1-1", 2, "EGP", 1000.0, "Not yet due"),
        ("Q1-1", 3, "EGP", 1000.0, "Not yet due"),
        ("Q2-1", 1, "KWD", 333.333, "Overdue"), ("Q2-1", 2, "KWD", 333.333, "Not yet due"),
        ("Q2-1", 3, "KWD", 333.334, "Not yet due")]
    expected = _rows(out, "Expected Payments")
    assert [(r["Invoice No"], r["Currency"], r["Expected Amount"]) for r in expected] == [
        ("Plan Q1-1 #1", "EGP", 1000.0), ("Plan Q2-1 #1", "KWD", 333.333),
        ("Plan Q1-1 #2", "EGP", 1000.0), ("Plan Q2-1 #2", "KWD", 333.333),
        ("Plan Q1-1 #3", "EGP", 1000.0), ("Plan Q2-1 #3", "KWD", 333.334)]
