"""A receipt held on account and applied to an invoice in a later month, as an ERP's receipt
application export (and many clerks) record it: under the receipt's Payment ID, on the day of
the application, the amount taken off the account (negative, no invoice) and put on the
invoice (positive). No money moved that day: it came in the month before.

Hand-worked, November 2026 (30 days), Yankee Co, Net 30:
  I1 2026-10-20 1,500 (due 11-19); I2 2026-11-03 800 (due 12-03)
  P1 2026-10-05 1,000 on account; P1 2026-11-10 -1,000 on account / +1,000 to I1 (the move);
  P2 2026-11-20 500 to I1.
  Opening AR (31 Oct) = 1,500 - 1,000 = 500; credit sales 800; closing AR = I2 800.
  Cash received in November = P2 500 (one receipt); refunds paid 0.
  Collection rate = (500 - 0) / (500 + 800) = 38.46 %; CEI = (500 + 800 - 800) / (500 + 800
  - 800) = 100 %.
Before: Receipts 1,500, Receipts Count 2, Refunds Paid 1,000 (the move read as a new receipt
and a refund paid out), and the customer's statement showed a 1,000 receipt and a 1,000
refund it never had.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests._report_runs import run_jobs, table
from tests._workbooks import save_sheets


def _book(path):
    d = date
    return save_sheets(path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["Y", "Yankee Co", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "Y", d(2026, 10, 20), 1500], ["I2", "Y", d(2026, 11, 3), 800]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["P1", "Y", d(2026, 10, 5), 1000, None, "Transfer"],
                     ["P1", "Y", d(2026, 11, 10), -1000, None, "Transfer"],
                     ["P1", "Y", d(2026, 11, 10), 1000, "I1", "Transfer"],
                     ["P2", "Y", d(2026, 11, 20), 500, "I1", "Transfer"]],
    })


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return run_jobs(_book(tmp_path_factory.mktemp("reapplied") / "book.xlsx"), "2026-11-30",
                    ("pack", "statements"))


def test_kpis_count_the_move_as_no_cash(runs):
    kpis = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"]) if r["Currency"] == "EGP"}
    assert kpis["Opening AR"] == 500
    assert kpis["Receipts"] == 500
    assert kpis["Receipts Count"] == 1
    assert kpis["Refunds Paid"] == 0
    assert kpis["Closing AR"] == 800
    assert kpis["CEI %"] == 100
    assert kpis["Collection Rate %"] == 38.46


def test_statement_shows_no_refund_for_the_move(runs):
    rows = [r for r in table(runs["statements"]["Customer Statements"])
            if r["Type"] not in ("Aging",)]
    lines = [(r["Type"], r["Document"], r["Reference"], r["Debit"], r["Credit"], r["Balance"])
             for r in rows]
    assert lines == [
        ("Opening balance", None, None, None, None, 500),
        ("Invoice", "I2", None, 800, 0, 1300),
        ("Receipt", "P2", "I1", 0, 500, 800),
        ("Closing balance", None, None, None, None, 800),
    ]


def test_payment_behaviour_dates_the_money_when_it_came(tmp_path):
    """Kilo pays 1,000 on 5 October, before its invoice I1 (1 October, due 31 October) falls
    due; the clerk applies it on 10 November. Paid on time: Avg Days Late 0.0, Share Paid
    Late 0 % (before: 10.0 days late, 100 %, dated by the application)."""
    import openpyxl

    from ar_excel.cli import main

    d = date
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["K", "Kilo Co", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "K", d(2026, 10, 1), 1000], ["I2", "K", d(2026, 10, 1), 400]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "K", d(2026, 10, 5), 1000, None],
                     ["P1", "K", d(2026, 11, 10), -1000, None],
                     ["P1", "K", d(2026, 11, 10), 1000, "I1"],
                     ["P2", "K", d(2026, 11, 20), 400, "I2"]],
    })
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = table(openpyxl.load_workbook(out)["Payment Behaviour"])
    assert len(rows) == 1
    # I1 paid 5 Oct (0 days late), I2 paid 20 Nov, due 31 Oct: 20 days late on 400
    # avg = (0 x 1,000 + 20 x 400) / 1,400 = 5.71 -> 5.7; share late = 400 / 1,400 = 28.57 %
    assert rows[0]["Payments"] == 2
    assert rows[0]["Amount Paid"] == 1400
    assert rows[0]["Avg Days Late"] == 5.7
    assert rows[0]["Share Paid Late %"] == 28.57
