"""The management pack's Top Overdue: the customers a collections manager chases, biggest first.

Rules:

* A customer's Overdue Amount (per currency) is its invoices past due less its credits on
  account (unapplied receipts, advances, unapplied credit notes, whatever their own date),
  never below zero: the KPIs' overdue AR per customer (``kpis.overdue_by_customer``), the
  Dunning's Amount To Collect before disputes. So the tab's Overdue Amount of a currency adds
  up to the Dashboard's overdue receivables (Closing Overdue AR), and Share of Overdue % is of
  that figure. Summing the Aging tab's past-due buckets instead left out a receipt dated in
  Current (an advance received yesterday against last quarter's invoice): the customer was
  ranked for money it had already paid.
* The bucket columns are the customer's invoices past due, by days past due (the Aging
  tab's limits); ``Credit On Account`` is its credits set against them. A row foots: the
  buckets less Credit On Account are its Overdue Amount. (The Aging tab, as ERPs show it,
  keeps each credit in the bucket of its own date, so its past-due buckets may differ.)
* Only customers with an Overdue Amount above zero; ``limit`` per currency, the first of
  ``currency_order`` first, then the others by code; ties keep the Customer ID order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ar_excel.core.aging import bucket_index, bucket_labels
from ar_excel.core.kpis import overdue_by_customer
from ar_excel.core.money import decimals_of
from ar_excel.policy import Policy

CREDIT_COLUMN = "Credit On Account"


def top_overdue(aging: pd.DataFrame, items: pd.DataFrame, policy: Policy | None = None,
                limit: int = 25, currency_order: Sequence[str] | None = None) -> pd.DataFrame:
    """Customers ranked by overdue amount per currency (the module's rules).

    Columns: Rank, Customer ID, Customer, Currency, Overdue Amount, the past-due buckets,
    Credit On Account, Open Balance (the Aging tab's Total), Oldest Days Past Due (oldest
    open invoice), Share of Overdue % (of the currency's overdue total)."""
    policy = policy or Policy()
    past_due = bucket_labels(policy.aging_buckets_days)[1:]
    columns = ["Rank", "Customer ID", "Customer", "Currency", "Overdue Amount", *past_due,
               CREDIT_COLUMN, "Open Balance", "Oldest Days Past Due", "Share of Overdue %"]
    if aging.empty or not len(items):
        return _empty(columns)
    ccy = items["Currency"].fillna("").astype(str)
    order = list(currency_order or [])
    order += sorted(set(ccy) - set(order))
    parts = []
    for code in order:
        mine = items[ccy == code]
        if not len(mine):
            continue
        places = decimals_of(code)
        overdue = overdue_by_customer(mine, places)
        owed = overdue[overdue > 0]
        if not len(owed):
            continue
        rows = _rows(aging, mine, code, owed, past_due, policy, places)
        part = rows.sort_values("Overdue Amount", ascending=False, kind="stable").head(limit)
        part["Share of Overdue %"] = (part["Overdue Amount"] / overdue.sum() * 100.0).round(2)
        part["Rank"] = np.arange(1, len(part) + 1)
        parts.append(part)
    if not parts:
        return _empty(columns)
    out = pd.concat(parts, ignore_index=True)
    out["Oldest Days Past Due"] = out["Oldest Days Past Due"].astype("float64")
    return out[columns]


def _rows(aging: pd.DataFrame, items: pd.DataFrame, code: str, owed: pd.Series,
          past_due: list[str], policy: Policy, places: int) -> pd.DataFrame:
    """A row per customer of ``owed`` (its overdue amount, by Customer ID as text), in the
    Aging tab's customer order: its past-due invoices by bucket, its credits, its total."""
    scale = 10.0 ** places
    units = np.rint(np.nan_to_num(items["Open Amount"].to_numpy(dtype="float64")) * scale)
    days = items["Days Past Due"].to_numpy(dtype="float64", na_value=np.nan)
    late = (units > 0) & (np.nan_to_num(days) > 0)  # as the KPIs tell an invoice past due
    ids = items["Customer ID"].fillna("").astype(str).to_numpy()
    buckets = bucket_index(np.where(late, days, np.nan), policy.aging_buckets_days)
    frame = pd.DataFrame({"id": ids, "late": np.where(late, units, 0.0),
                          "credit": np.where(units < 0, -units, 0.0), "bucket": buckets})
    by_bucket = frame[late].pivot_table(index="id", columns="bucket", values="late",
                                        aggfunc="sum", fill_value=0.0)
    credits = frame.groupby("id")["credit"].sum()
    invoices = items[late & (items["Item Type"] == "Invoice").to_numpy()]
    oldest = invoices.groupby(invoices["Customer ID"].fillna("").astype(str))[
        "Days Past Due"].max()
    mine = aging[aging["Currency"].fillna("").astype(str) == code]
    keys = mine["Customer ID"].fillna("").astype(str)
    mine = mine[keys.isin(owed.index)]
    keys = keys[mine.index]
    rows = pd.DataFrame({"Customer ID": mine["Customer ID"].to_numpy(),
                         "Customer": mine["Customer"].to_numpy(),
                         "Currency": mine["Currency"].to_numpy(),
                         "Overdue Amount": owed.reindex(keys).to_numpy()})
    for number, label in enumerate(past_due, start=1):
        column = by_bucket[number] if number in by_bucket else pd.Series(dtype="float64")
        rows[label] = column.reindex(keys, fill_value=0.0).to_numpy() / scale
    rows[CREDIT_COLUMN] = credits.reindex(keys, fill_value=0.0).to_numpy() / scale
    rows["Open Balance"] = mine["Total"].to_numpy()
    rows["Oldest Days Past Due"] = oldest.reindex(keys).to_numpy(dtype="float64")
    return rows


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
