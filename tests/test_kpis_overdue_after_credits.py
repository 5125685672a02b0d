"""The KPIs' overdue AR: each customer's credits on account offset its own past-due invoices
first, never another customer's, and the overdue AR is never below zero (kpis module
docstring)."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core.kpis import Ledger, kpi_table, month_to, period_figures
from tests._aging_books import customers, invoices, payments
from tests.test_aging_properties import ledgers


def _values(table: pd.DataFrame) -> dict[str, float]:
    part = table[table["Currency"] == "EGP"]
    return dict(zip(part["KPI"], part["Value"], strict=True))


def test_an_old_advance_offsets_its_own_customer_only():
    """30 April, Net 30. A: I1 1,000 due 31 March (past due) and an advance of 5,000 received
    10 January (its own date 110 days back); B: I2 2,000 due 15 April (past due); C: I3 3,000
    due 20 May (not due) and a credit note of 500 dated 1 April, unapplied."""
    cust = customers(("A", "A", "EGP", 30), ("B", "B", "EGP", 30), ("C", "C", "EGP", 30))
    inv = invoices(("I1", "A", "2026-03-01", None, 1000.00),
                   ("I2", "B", "2026-03-16", None, 2000.00),
                   ("I3", "C", "2026-04-20", None, 3000.00),
                   ("CN1", "C", "2026-04-01", None, -500.00))
    pay = payments(("ADV", "A", "2026-01-10", 5000.00, None))
    k = _values(kpi_table(cust, inv, pay, month_to("2026-04-30")))
    # closing AR: A 1,000 - 5,000; B 2,000; C 3,000 - 500 = 500
    assert k["Closing AR"] == 500.00
    # A max(0, 1,000 - 5,000) = 0; B 2,000; C max(0, 0 - 500) = 0. By the credits' own
    # dates it was 1,000 + 2,000 - 5,000 - 500 = -2,500, A's advance clearing B's arrears
    assert k["Closing Overdue AR"] == 2000.00
    # 500 - 2,000: C's 3,000 not due, less A's 4,000 and C's 500 left on account
    assert k["Closing Current AR"] == -1500.00
    # April's sales 3,000 - 500 = 2,500: DSO 500 / 2,500 x 30 = 6; best -1,500 / 2,500 x 30
    # is no number of days (blank: credits on account exceed the invoices not yet due); the
    # days delinquent 2,000 / 2,500 x 30
    assert k["DSO"] == 6.0 and math.isnan(k["Best-Possible DSO"])
    assert k["Average Days Delinquent"] == 24.0


def _by_hand(items: pd.DataFrame) -> float:
    """Overdue AR worked customer by customer, item by item."""
    total = 0.0
    for _, rows in items.groupby("Customer ID"):
        owed = sum(a for a, d in zip(rows["Open Amount"], rows["Days Past Due"], strict=True)
                   if a > 0 and not math.isnan(d) and d > 0)
        credit = sum(a for a in rows["Open Amount"] if a < 0)
        total += max(0.0, round(owed + credit, 2))
    return round(total, 2)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.sampled_from(["2026-02-28", "2026-03-31", "2026-05-15", "2026-07-31"]))
def test_overdue_is_each_customer_s_past_due_less_its_own_credits(ledger, as_of):
    cust, inv, pay = ledger
    book = Ledger(cust, inv, pay)
    period = month_to(as_of)
    f = period_figures(book, period, "EGP")
    items = book.ar(period.end)
    items = items[items["Currency"] == "EGP"]
    past_due = items.loc[(items["Open Amount"] > 0) & (items["Days Past Due"] > 0),
                         "Open Amount"].sum()
    assert 0 <= f["Closing Overdue AR"] <= round(past_due, 2) + 0.005
    assert f["Closing Overdue AR"] == _by_hand(items)
    # total AR is unchanged by the rule: current + overdue ties to it
    assert round(f["Closing Current AR"] + f["Closing Overdue AR"], 2) == f["Closing AR"]


def test_a_dinar_customer_a_few_fils_overdue_is_counted_overdue():
    """The Dashboard's count of customers with an overdue balance takes a dinar customer
    3 fils overdue (the overdue KPI has them); the count stopped at half a cent."""
    from ar_excel.jobs.report import overdue_customers

    items = pd.DataFrame({"Customer ID": ["K1", "K2", "K2", "E1"],
                          "Currency": ["KWD", "KWD", "KWD", "EGP"],
                          "Open Amount": [0.003, 10.0, -10.0, 0.004],
                          "Days Past Due": [40, 40, -5, 40]})
    assert overdue_customers(items, "KWD") == 1  # K1; K2's credit covers its arrears
    assert overdue_customers(items, "EGP") == 0  # 0.4 piastre rounds to nothing
