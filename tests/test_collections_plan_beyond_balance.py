"""A payment plan's instalments are expected only as far as the customer still owes: pencil
figures, as of 2026-11-30.

Both customers owe INV 30,000.01 (due 2026-07-01) and agreed a plan of 3 monthly
instalments of 10,000.00, 10,000.00, 10,000.01 from 2026-10-15; each paid 10,000 on
2026-10-14 (instalment 1 Paid, instalment 2 Overdue 15 days, 3 due 2026-12-15).

* P2 then returned the goods: a credit note of 30,000.01 on 2026-11-01 leaves it a credit
  balance of 10,000.00. Nothing is to be expected from it (before: 20,000.01 in the
  forecast, 10,000.00 in week 2 and 10,000.01 in week 3).
  Nor is a plan reminder letter sent to it.
* P3's master names no currency (its invoice says EGP): its 20,000.01 still owed is the
  plan's two instalments, in EGP, not also the invoice (before: the instalments with a
  blank currency and INV-P3 again, 20,000.01, as a doubtful row).
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
                      ["P2", "Returned Co", "EGP", "Net 30"],
                      ["P3", "Blank Ccy Co", None, "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["INV-P2", "P2", D(2026, 6, 1), D(2026, 7, 1), 30000.01, "EGP"],
                     ["CN-P2", "P2", D(2026, 11, 1), None, -30000.01, "EGP"],
                     ["INV-P3", "P3", D(2026, 6, 1), D(2026, 7, 1), 30000.01, "EGP"]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-P2", "P2", D(2026, 10, 14), 10000, None],
                     ["R-P3", "P3", D(2026, 10, 14), 10000, None]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["P2", 30000.01, 3, D(2026, 10, 15), "monthly"],
                          ["P3", 30000.01, 3, D(2026, 10, 15), "monthly"]],
        "Policy": [["Key", "Value"], ["Base Currency", "EGP"]],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    return out


def test_plan_instalments_are_expected_only_while_the_customer_owes(tmp_path):
    out = _run(tmp_path)
    schedule = _rows(out, "Payment Plan Schedule")
    assert [(r["Plan"], r["Amount"], r["Outstanding"], r["Status"]) for r in schedule] == [
        ("P2-1", 10000.0, 0.0, "Paid"), ("P2-1", 10000.0, 10000.0, "Overdue"),
        ("P2-1", 10000.01, 10000.01, "Not yet due"),
        ("P3-1", 10000.0, 0.0, "Paid"), ("P3-1", 10000.0, 10000.0, "Overdue"),
        ("P3-1", 10000.01, 10000.01, "Not yet due")]
    expected = _rows(out, "Expected Payments")
    assert [(r["Customer ID"], r["Invoice No"], r["Currency"], r["Expected Amount"])
            for r in expected] == [("P3", "Plan P3-1 #2", "EGP", 10000.0),
                                   ("P3", "Plan P3-1 #3", "EGP", 10000.01)]
    weeks = _rows(out, "Cash Forecast")
    assert [w["Expected Receipts"] for w in weeks[:3]] == [0.0, 10000.0, 10000.01]
    assert round(sum(w["Expected Receipts"] for w in weeks), 2) == 20000.01


def test_no_plan_reminder_to_a_customer_in_credit(tmp_path):
    """P2's instalment 2 is overdue by the schedule, but P2 is owed 10,000.00: before, a plan
    reminder letter asked it for the instalment."""
    out = _run(tmp_path)
    dunning = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    assert (dunning["P2"]["Open Balance"], dunning["P2"]["Amount To Collect"]) == (-10000.0, 0.0)
    assert dunning["P2"]["Letter"] is False
    assert dunning["P2"]["Next Action"] == "Apply credit on account to the overdue invoices"
    assert dunning["P3"]["Letter"] is True
    assert dunning["P3"]["Next Action"] == "Send plan reminder: instalment 2 overdue"
    assert sorted(p.name for p in (tmp_path / "dunning").glob("*.eml")) == [
        "2026-11-30_P3.eml"]


def test_a_plan_of_a_customer_without_a_master_currency_is_in_its_invoices_currency(tmp_path):
    """P3's master names no currency, its invoice says EGP: its Payment Plan Schedule rows
    say EGP (before: blank, while Expected Payments already said EGP)."""
    schedule = _rows(_run(tmp_path), "Payment Plan Schedule")
    assert [(r["Plan"], r["Currency"]) for r in schedule] == [
        ("P2-1", "EGP"), ("P2-1", "EGP"), ("P2-1", "EGP"),
        ("P3-1", "EGP"), ("P3-1", "EGP"), ("P3-1", "EGP")]


def test_a_dinar_plan_without_a_master_currency_is_cut_in_fils(tmp_path):
    """K1's master names no currency, its invoice is KWD 1,000.125: three instalments of
    333.375, in fils (before: blank currency, cut in cents as 333.38 / 333.38 / 333.37)."""
    book = _book(tmp_path / "kwd.xlsx", {
        "Customers": [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                      ["K1", "Kuwait Trading", None, "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["INV-K1", "K1", D(2026, 6, 1), D(2026, 7, 1), 1000.125, "KWD"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["K1", 1000.125, 3, D(2026, 12, 15), "monthly"]],
    })
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    schedule = _rows(out, "Payment Plan Schedule")
    assert [(r["Currency"], r["Amount"]) for r in schedule] == [
        ("KWD", 333.375), ("KWD", 333.375), ("KWD", 333.375)]
