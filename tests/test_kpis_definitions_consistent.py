"""The KPIs as their written definitions say, and the definitions as the KPIs compute them:
no DSO of a credit balance, ADD from the unrounded figures, CEI and the collection rate over
the same cash (receipts less refunds paid out), an overdue share that is a share."""

from __future__ import annotations

import contextlib
import io
import math

import openpyxl

from ar_excel.cli import main
from ar_excel.core.kpis import CREDIT_BALANCE, CURRENT_CREDIT, Ledger, month_to, period_figures
from tests._aging_books import customers, invoices, payments, write_book

NOV = month_to("2026-11-30")


def _figures(cust, inv, pay) -> dict[str, float]:
    return period_figures(Ledger(cust, inv, pay), NOV, "EGP")


def test_average_days_delinquent_is_worked_from_the_unrounded_dsos():
    """Closing AR 2,000.40 (O1 1,666.80 past due, N1's 333.60 not due) of sales 3,000: DSO
    20.004 and best 3.336 round to 20.00 and 3.34, whose difference is 16.66; the days
    delinquent are 1,666.80 / 3,000 x 30 = 16.668 -> 16.67."""
    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("O1", "A", "2026-09-01", "2026-10-01", 1666.80),
                   ("N1", "A", "2026-11-05", "2026-12-05", 3000.00))
    pay = payments(("R1", "A", "2026-11-20", 2666.40, "N1"))
    k = _figures(cust, inv, pay)
    assert (k["Closing AR"], k["Closing Overdue AR"], k["Closing Current AR"]) == (
        2000.40, 1666.80, 333.60)
    assert (k["DSO"], k["Best-Possible DSO"]) == (20.00, 3.34)
    assert k["Average Days Delinquent"] == 16.67  # was 16.66


def test_no_dso_of_a_credit_balance():
    """A's advance of 5,000 on account exceeds its November invoice of 1,000: closing AR is
    -4,000, a credit balance. DSO and best-possible DSO were -120.00 days each; blank now,
    and the days delinquent 0 (nothing overdue)."""
    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("N1", "A", "2026-11-10", "2026-12-10", 1000.00))
    pay = payments(("ADV", "A", "2026-11-03", 5000.00, None))
    k = _figures(cust, inv, pay)
    assert (k["Closing AR"], k["Closing Current AR"], k["Credit Sales"]) == (-4000.0, -4000.0,
                                                                              1000.0)
    assert math.isnan(k["DSO"]) and math.isnan(k["Best-Possible DSO"])
    assert k["Average Days Delinquent"] == 0.0


def test_cei_and_collection_rate_count_the_same_cash():
    """O1 10,000 owed at 31 October; A pays 10,500 in November and is refunded its 500
    overpayment. AR went from 10,000 to 0 with nothing written off: CEI's numerator, the
    cash collected, is 10,000 (100 %). The collection rate counted the 10,500 received and
    said 105 %: receipts less the refund paid out is 10,000, 100 %, as CEI."""
    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("O1", "A", "2026-10-01", "2026-10-31", 10000.00))
    pay = payments(("R1", "A", "2026-11-05", 10500.00, "O1"),
                   ("RF1", "A", "2026-11-20", -500.00, None))
    k = _figures(cust, inv, pay)
    assert (k["Opening AR"], k["Closing AR"], k["Credit Sales"]) == (10000.0, 0.0, 0.0)
    assert (k["Receipts"], k["Refunds Paid"], k["Non-Cash Settlements"]) == (10500.0, 500.0,
                                                                             0.0)
    assert k["CEI %"] == 100.0
    assert k["Collection Rate %"] == 100.0  # was 105.0


def _dashboard(tmp_path, cust, inv, pay) -> dict[str, tuple]:
    path = tmp_path / "book.xlsx"
    write_book(path, cust, inv, pay)
    out = tmp_path / "pack.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["report", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = openpyxl.load_workbook(out)["Dashboard"].iter_rows(values_only=True)
    return {r[0]: r[1:4] for r in rows if r[0]}


def test_the_overdue_share_is_of_what_customers_owe(tmp_path):
    """A: I1 1,000 past due and an advance of 3,000 (in credit by 2,000); B: I2 2,500 past due
    and S1 600 sold in November, not due. Closing AR 1,100, overdue 2,500 (A's advance clears
    its own arrears, not B's): the share was 2,500 / 1,100 = 227.27 %. Of what B, the one
    customer who owes, owes: 2,500 / 3,100 = 80.65 %. Current AR 1,100 - 2,500 = -1,400 made
    the best-possible DSO -70.00: blank, said why."""
    cust = customers(("A", "Alpha", "EGP", 30), ("B", "Beta", "EGP", 30))
    inv = invoices(("I1", "A", "2026-09-01", "2026-10-01", 1000.00),
                   ("I2", "B", "2026-09-15", "2026-10-15", 2500.00),
                   ("S1", "B", "2026-11-20", "2026-12-20", 600.00))
    pay = payments(("ADV", "A", "2026-11-10", 3000.00, None))
    dash = _dashboard(tmp_path, cust, inv, pay)
    assert dash["Total receivables"][0] == 1100
    assert dash["Overdue receivables"][0] == 2500
    assert dash["Overdue share of receivables"][:2] == (80.65, "%")
    assert dash["Overdue share of receivables"][2] == (
        "overdue receivables / the balances of the customers who owe x 100 (a customer in "
        "credit owes nothing)")
    assert dash["DSO"][0] == 55  # 1,100 / 600 x 30
    assert dash["Best-possible DSO"][0] is None
    assert dash["Best-possible DSO"][2].endswith("; " + CURRENT_CREDIT)
    assert dash["Average days delinquent"][0] == 125  # 2,500 / 600 x 30


def test_a_blank_dso_of_a_credit_balance_says_why(tmp_path):
    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("N1", "A", "2026-11-10", "2026-12-10", 1000.00))
    pay = payments(("ADV", "A", "2026-11-03", 5000.00, None))
    dash = _dashboard(tmp_path, cust, inv, pay)
    assert dash["DSO"][0] is None
    assert dash["DSO"][2] == "closing AR / credit sales x days in period; " + CREDIT_BALANCE
    assert dash["Overdue share of receivables"][0] is None  # no customer owes anything
