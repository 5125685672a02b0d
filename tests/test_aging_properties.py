"""Properties on random ledgers: the aging conserves money, KPIs roll forward."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core.aging import aging_by_customer, tie_out, to_cents
from ar_excel.core.kpis import Ledger, month_to, period_figures
from ar_excel.core.ledger import open_items
from ar_excel.policy import Policy
from tests._aging_books import customers, invoices, payments

START = date(2026, 1, 1)
days = st.integers(0, 200).map(lambda d: START + timedelta(days=d))
cents = st.integers(-50_000, 900_000).filter(lambda c: c != 0).map(lambda c: c / 100)


@st.composite
def ledgers(draw):
    cust = customers(("A", "A", "EGP", 30), ("B", "B", "EGP", 0), ("C", "C", "EGP", 60))
    n_inv = draw(st.integers(0, 12))
    inv_rows = [(f"I{k}", draw(st.sampled_from("ABC")), draw(days),
                 draw(st.one_of(st.none(), days)), draw(cents)) for k in range(n_inv)]
    n_pay = draw(st.integers(0, 12))
    pay_rows = [(f"P{k}", draw(st.sampled_from("ABC")), draw(days),
                 draw(st.integers(1, 900_000)) / 100,
                 draw(st.one_of(st.none(), st.sampled_from([r[0] for r in inv_rows] or ["X"]))))
                for k in range(n_pay)]
    return cust, invoices(*inv_rows), payments(*pay_rows)


def _sum_cents(values) -> int:
    return int(to_cents(pd.Series(values, dtype="float64")).sum())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), days)
def test_aging_total_is_invoices_less_receipts_to_date(ledger, as_of):
    cust, inv, pay = ledger
    items = open_items(cust, inv, pay, as_of)
    aging = aging_by_customer(items, cust, Policy())
    day = pd.Timestamp(as_of)
    expected = (_sum_cents(inv.loc[inv["Invoice Date"] <= day, "Amount"])
                - _sum_cents(pay.loc[pay["Date"] <= day, "Amount"]))
    assert int(to_cents(aging["Total"]).sum()) == expected
    assert all(c.ties for c in tie_out(aging, items))
    buckets = aging.columns[2:7]
    assert (to_cents(aging[buckets]).sum(axis=1) == to_cents(aging["Total"])).all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.sampled_from(["2026-02-28", "2026-03-31", "2026-05-15", "2026-07-31"]))
def test_closing_ar_is_opening_plus_sales_less_receipts(ledger, as_of):
    cust, inv, pay = ledger
    f = period_figures(Ledger(cust, inv, pay), month_to(as_of), "EGP")
    assert round(f["Opening AR"] + f["Credit Sales"] - f["Receipts"], 2) == f["Closing AR"]
    assert round(f["Closing Current AR"] + f["Closing Overdue AR"], 2) == f["Closing AR"]
