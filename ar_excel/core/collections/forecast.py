"""The 13-week cash-collection forecast: expected receipts per week.

Rules:

* Week 1 starts on the as-of date and runs 7 days; week k starts 7 x (k - 1) days later.
* Each open invoice contributes what is left of it after the customer's credits on account,
  in the week of its expected payment date (``risk.expected_payments``: due date plus the
  customer's average days late; an invoice whose expected date has passed, 7 days after the
  as-of date, so in week 2: chased now, it is given the reminder's week to be paid rather
  than counted on in the week under way; invoices more than the last dunning level past due
  are doubtful and left out). Customers on a payment plan contribute their outstanding
  instalments instead of their invoices (overdue ones in week 2 too).
* Expected payments after week 13 are beyond the horizon and not shown.
* Amounts in different currencies are never added: ``Expected Receipts`` is in the base
  currency (the policy's ``base_currency``, else the currency with the most expected in
  the weeks shown);
  each other currency gets its own ``Expected Receipts <CCY>`` column. ``Items`` counts the
  invoices and instalments expected in the week in every currency: how many receipts to
  look for, not money (a week of USD receipts alone has Items and no base-currency amount).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.blanks import filled
from ar_excel.core.kpis import main_currency_of
from ar_excel.core.money import TOTAL_DECIMALS
from ar_excel.policy import Policy

WEEKS = 13
FORECAST_FORMATS = {"Week": "int", "Week Start": "date", "Week End": "date",
                    "Expected Receipts": "money", "Items": "int"}


def base_currency(expected: pd.DataFrame, policy: Policy | None = None) -> str | None:
    """The policy's base currency, else the currency with the largest expected amount
    (``kpis.main_currency_of``); None where the expected payments name none."""
    totals = expected.groupby(filled(expected["Currency"]))[
        "Expected Amount"].sum() \
        if len(expected) else pd.Series(dtype="float64")
    return main_currency_of(totals, policy) or None


def forecast_from_expected(expected: pd.DataFrame, as_of: date, weeks: int = WEEKS,
                           policy: Policy | None = None) -> pd.DataFrame:
    """Week, Week Start, Week End, Expected Receipts, Items (+ one column per other currency)."""
    day = pd.Timestamp(as_of).normalize()
    starts = [day + pd.Timedelta(days=7 * k) for k in range(weeks)]
    out = pd.DataFrame({
        "Week": np.arange(1, weeks + 1),
        "Week Start": pd.to_datetime(starts),
        "Week End": pd.to_datetime([s + pd.Timedelta(days=6) for s in starts]),
    })
    e = expected[expected["Expected Date"].notna()] if len(expected) else expected
    if len(e):
        week = ((pd.to_datetime(e["Expected Date"]) - day).dt.days // 7).astype(int)
        e = e.assign(_week=week)
        e = e[(e["_week"] >= 0) & (e["_week"] < weeks)]
    # The currency of the most money the weeks shown expect: a currency whose receipts are
    # all expected later (or undated) would lead with 0.00 and put the weeks' money aside in
    # its own column. (Nothing expected in them: the currency of the most expected at all.)
    shown = len(e) and bool((e["Expected Amount"].astype(float) > 0).any())
    base = base_currency(e if shown else expected, policy)
    ccy = filled(e["Currency"], base or "") if len(e) else pd.Series(dtype=object)
    in_base = ccy == (base or "")
    sums = e[in_base].groupby("_week")["Expected Amount"].sum() if len(e) else pd.Series(dtype=float)
    counts = e.groupby("_week").size() if len(e) else pd.Series(dtype=int)
    out["Expected Receipts"] = (out.index.map(sums).fillna(0.0).astype(float)).round(TOTAL_DECIMALS)
    out["Items"] = out.index.map(counts).fillna(0).astype(int)
    for other in sorted(set(ccy[~in_base])) if len(e) else []:
        part = e[ccy == other].groupby("_week")["Expected Amount"].sum()
        out[f"Expected Receipts {other}"] = (out.index.map(part).fillna(0.0).astype(float)
                                             .round(TOTAL_DECIMALS))
    out.attrs["currency"] = base
    return out


def weekly_forecast(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                    as_of: date, weeks: int = WEEKS, policy: Policy | None = None,
                    plans: pd.DataFrame | None = None,
                    disputed: set[str] | None = None) -> pd.DataFrame:
    """The forecast straight from the book's frames (``plans``: the Payment Plans sheet;
    ``disputed``: invoice numbers a Disputes sheet lists, ``disputes.dispute_log``).

    Columns: Week, Week Start, Week End, Expected Receipts, Items, and ``Expected Receipts
    <CCY>`` for currencies other than the base one; ``frame.attrs["currency"]`` names the
    base currency.
    """
    from ar_excel.core.collections.disputes import mark_disputed
    from ar_excel.core.collections.dunning import chased_items
    from ar_excel.core.collections.payment_plans import booked_currencies, plan_schedule
    from ar_excel.core.collections.risk import (
        expected_payments,
        paid_history,
        paid_lateness,
        risk_scores,
    )
    from ar_excel.core.kpis import mover_currencies
    from ar_excel.core.ledger import due_dates, open_items

    policy = policy or Policy()
    items = mark_disputed(open_items(customers, invoices, payments, as_of), invoices, disputed)
    history = paid_history(invoices, payments, due_dates(invoices, customers), as_of,
                           mover_currencies(payments, customers, invoices), customers)
    chased = chased_items(items)  # what is unpaid after credits: read by both steps below
    lateness = paid_lateness(history, customers, items, as_of)  # likewise, how late each pays
    risk = risk_scores(items, history, customers, as_of, chased, lateness)
    # a receipt pays the plan of its own currency only
    schedule = plan_schedule(plans, payments, as_of, customers, items,
                             booked_currencies(payments, items, customers, invoices))[0] \
        if plans is not None and len(plans) else None
    expected = expected_payments(items, risk, as_of, policy, schedule, chased,
                                 lateness=lateness)
    return forecast_from_expected(expected, as_of, weeks, policy)
