"""Aging: every open item in one bucket by its age, summed per customer.

Rules (the contract's ``Aging`` tab, made explicit):

* The input is the open-items ledger as of a date (``ledger.open_items``): invoices, credit
  notes and unapplied payments with their signed open amounts. Items dated after the as-of
  date are not in it, so a past as-of date shows the ledger as it stood then.
* An item's age is the days from its reference date to the as-of date. With the policy's
  ``aging_basis`` "due date" (the default) the reference date is the due date, so
  ``Current`` holds what is not yet due; with "invoice date" it is the document date.
  Payments and credit notes are aged by their own date under either basis.
* Buckets come from ``policy.aging_buckets_days`` (default 30, 60, 90): ``Current`` (age
  <= 0), ``1-30``, ``31-60``, ``61-90``, ``90+``; other limits give labels the same way,
  e.g. 30, 60, 90, 120 -> ``... 61-90, 91-120, 120+``.
* A row per customer and currency (amounts in different currencies are never added); Total
  is the sum of the buckets. Amounts are summed in whole thousandths (a fils of a dinar,
  a tenth of a cent), so the grand total equals the ledger's open balance to the currency's
  minor unit: ``tie_out`` states the check.
* An item without a date (an undated receipt) cannot be aged: it sits in ``Current`` so the
  totals still tie, and ``undated_items`` lists it for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ar_excel.core.blanks import filled
from ar_excel.core.ledger import open_balance
from ar_excel.policy import Policy

CURRENT = "Current"
UNKNOWN_CUSTOMER = "(not in Customers)"


def fill_blank_currency(items: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """Open items with a blank currency put in ``code`` (the book's local currency,
    ``core.local_currency``), when given."""
    if code is None or len(items) == 0 or not items["Currency"].isna().any():
        return items
    return items.assign(Currency=items["Currency"].fillna(code))


def bucket_limits(buckets_days: Sequence[int]) -> list[int]:
    """The policy's upper limits in days, cleaned: positive, unique, ascending."""
    limits = sorted({int(d) for d in buckets_days if int(d) > 0})
    return limits or [30, 60, 90]


def bucket_labels(buckets_days: Sequence[int]) -> list[str]:
    """``Current`` then one label per range: (30, 60, 90) -> 1-30, 31-60, 61-90, 90+."""
    limits = bucket_limits(buckets_days)
    labels = [CURRENT]
    low = 1
    for high in limits:
        labels.append(f"{low}-{high}")
        low = high + 1
    labels.append(f"{limits[-1]}+")
    return labels


def item_age_days(items: pd.DataFrame, basis: str = "due date") -> np.ndarray:
    """Age in days of each open item on the ledger's as-of date (float; NaN when undated).

    ``Days Past Due`` is as-of minus Due Date; for the invoice-date basis the invoice's
    credit period (Due Date - Date) is added back, which gives as-of minus Date.
    """
    days = items["Days Past Due"].to_numpy(dtype="float64", na_value=np.nan)
    if _is_invoice_basis(basis):
        credit_days = (pd.to_datetime(items["Due Date"]) - pd.to_datetime(items["Date"])).dt.days
        days = days + credit_days.to_numpy(dtype="float64", na_value=0.0)
    return days


def _is_invoice_basis(basis: str) -> bool:
    key = re.sub(r"[\s_\-]+", "", str(basis)).lower()
    return key.startswith(("invoice", "document", "posting", "تاريخالفاتورة"))


def bucket_index(age_days: np.ndarray, buckets_days: Sequence[int]) -> np.ndarray:
    """Bucket number of each age: 0 = Current (age <= 0 or unknown), then one per range."""
    edges = np.asarray([0, *bucket_limits(buckets_days)], dtype="float64")
    # side="left": an age equal to a limit (30) falls in the range ending there (1-30).
    index = np.searchsorted(edges, age_days, side="left")
    index[np.isnan(age_days)] = 0
    return index


def to_cents(amounts: pd.Series | np.ndarray) -> np.ndarray:
    """Signed amounts as whole cents (int64), so sums are exact."""
    values = np.asarray(amounts, dtype="float64")
    return np.rint(np.nan_to_num(values) * 100.0).astype("int64")


MILLS = 1_000.0  # amounts are summed in thousandths: exact for fils (KWD) and for cents


def to_mills(amounts: pd.Series | np.ndarray) -> np.ndarray:
    """Signed amounts as whole thousandths (int64), so sums are exact in every currency."""
    values = np.asarray(amounts, dtype="float64")
    return np.rint(np.nan_to_num(values) * MILLS).astype("int64")


def aging_by_customer(items: pd.DataFrame, customers: pd.DataFrame | None,
                      policy: Policy | None = None) -> pd.DataFrame:
    """The Aging table: Customer ID, Customer, the buckets, Total, Currency.

    One row per (customer, currency) with open items, ordered by Customer ID (numbers in
    IDs compared as numbers) then currency. A customer whose items net to zero keeps its row:
    its unapplied cash or credit note is still open and wants a person.
    """
    policy = policy or Policy()
    labels = bucket_labels(policy.aging_buckets_days)
    nb = len(labels)
    columns = ["Customer ID", "Customer", *labels, "Total", "Currency"]
    if len(items) == 0:
        return _empty_aging(columns, labels)

    bucket = bucket_index(item_age_days(items, policy.aging_basis), policy.aging_buckets_days)
    cust_code, cust_ids = pd.factorize(items["Customer ID"], use_na_sentinel=False)
    ccy_code, ccys = pd.factorize(items["Currency"], use_na_sentinel=False)
    n_ccy = len(ccys)
    group = cust_code.astype("int64") * n_ccy + ccy_code
    n_groups = len(cust_ids) * n_ccy
    present = np.bincount(group, minlength=n_groups) > 0
    sums = np.bincount(group * nb + bucket, weights=to_mills(items["Open Amount"]),
                       minlength=n_groups * nb).reshape(n_groups, nb)
    keys = np.flatnonzero(present)
    keys = keys[np.lexsort((_natural_rank(ccys)[keys % n_ccy],
                            _natural_rank(cust_ids)[keys // n_ccy]))]
    cents = np.rint(sums[keys]).astype("int64")

    frame = pd.DataFrame(cents / MILLS, columns=labels)
    frame.insert(0, "Customer ID", np.asarray(cust_ids, dtype=object)[keys // n_ccy])
    frame.insert(1, "Customer", _names(frame["Customer ID"], customers))
    frame["Total"] = cents.sum(axis=1) / MILLS
    frame["Currency"] = pd.Series([None if _is_blank(c) else c
                                   for c in np.asarray(ccys, dtype=object)[keys % n_ccy]],
                                  dtype=object)
    return frame[columns]


def _empty_aging(columns: list[str], labels: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    for c in [*labels, "Total"]:
        frame[c] = frame[c].astype("float64")
    return frame


def _names(ids: pd.Series, customers: pd.DataFrame | None) -> pd.Series:
    if customers is None or "Name" not in customers:
        return pd.Series([""] * len(ids), index=ids.index, dtype=object)
    names = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Name"]
    known = ids.isin(names.index)
    # An ID missing from Customers is still aged (its money is real), and says so.
    return filled(ids.map(names)).where(known, UNKNOWN_CUSTOMER)


def _natural_rank(values: Sequence[object]) -> np.ndarray:
    """Rank of each distinct value in natural order (sorting the distinct values only).

    IDs of one length (C00017, 100234) sort the same naturally and as plain text, so they
    take numpy's sort; mixed lengths (C2, C10) take the digit-aware key.
    """
    values = list(values)
    texts = ["" if _is_blank(v) else str(v) for v in values]
    lengths = {len(t) for t in texts if t}
    blank = np.array([not t for t in texts], dtype=bool)
    if len(lengths) <= 1 or all(t.isdigit() and t[0] != "0" for t in texts if t):
        # Same length: text order is natural order. Plain numbers: by length, then text.
        folded = np.array([t.casefold() for t in texts], dtype=str)
        order = np.lexsort((folded, np.array([len(t) for t in texts]), blank))
    else:
        order = sorted(range(len(values)), key=lambda i: _natural(values[i]))
    rank = np.empty(len(values), dtype="int64")
    rank[order] = np.arange(len(values))
    return rank


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _natural(value: object) -> tuple:
    """Sort key comparing digit runs as numbers: C2 before C10; blanks last."""
    if _is_blank(value):
        return ((2, ""),)
    parts = re.split(r"(\d+)", str(value))
    # isdecimal, not isdigit: a superscript ('²', a digit to isdigit) is no number to int()
    return tuple((0, int(p)) if p.isdecimal() else (1, p.casefold()) for p in parts if p)


def aging_detail(items: pd.DataFrame, customers: pd.DataFrame | None,
                 policy: Policy | None = None) -> pd.DataFrame:
    """Every open item with its age and bucket, ordered by customer, then oldest first."""
    policy = policy or Policy()
    labels = np.asarray(bucket_labels(policy.aging_buckets_days), dtype=object)
    age = item_age_days(items, policy.aging_basis)
    detail = pd.DataFrame({
        "Customer ID": items["Customer ID"].to_numpy(dtype=object),
        "Customer": _names(items["Customer ID"], customers).to_numpy(dtype=object),
        "Item Type": items["Item Type"].to_numpy(dtype=object),
        "Document No": items["Document No"].to_numpy(dtype=object),
        "Invoice No": items["Invoice No"].to_numpy(dtype=object),
        "Date": pd.to_datetime(items["Date"]).to_numpy(),
        "Due Date": pd.to_datetime(items["Due Date"]).to_numpy(),
        "Currency": items["Currency"].to_numpy(dtype=object),
        "Amount": items["Amount"].to_numpy(dtype="float64"),
        "Open Amount": to_mills(items["Open Amount"]) / MILLS,
        "Days Past Due": items["Days Past Due"].astype("Int64").to_numpy(),
        "Age Days": pd.array(np.where(np.isnan(age), np.nan, age), dtype="Float64")
        .astype("Int64"),
        "Bucket": labels[bucket_index(age, policy.aging_buckets_days)],
    })
    if "_row" in items:
        detail["Source Row"] = items["_row"].to_numpy()
    if len(detail) == 0:
        return detail
    sort_keys = []
    for column in ("Document No", "Due Date", "Currency", "Customer ID"):  # last = primary
        codes, uniques = pd.factorize(detail[column], use_na_sentinel=False)
        if column == "Due Date":
            ranks = np.argsort(np.argsort(uniques.to_numpy(), kind="stable"), kind="stable")
        else:
            ranks = _natural_rank(uniques)
        sort_keys.append(ranks[codes])
    return detail.iloc[np.lexsort(sort_keys)].reset_index(drop=True)


def undated_items(items: pd.DataFrame) -> pd.DataFrame:
    """Open items that cannot be aged because they have no date."""
    return items[items["Days Past Due"].isna()]


@dataclass(frozen=True)
class TieOut:
    """The aging's grand total against the ledger's open balance, for one currency."""

    currency: str | None
    aging_total: float
    ledger_balance: float

    @property
    def difference(self) -> float:
        return round(self.aging_total - self.ledger_balance, 3)

    @property
    def ties(self) -> bool:
        return abs(self.difference) < 0.0005


def tie_out(aging: pd.DataFrame, items: pd.DataFrame) -> list[TieOut]:
    """Per currency: the sum of the aging's Total column vs the ledger's open balance.

    The ledger side is ``ledger.open_balance`` of the same items (summed by customer
    independently of the buckets), so a lost or double-counted item shows as a difference.
    """
    item_ccy = items["Currency"].fillna("").astype(str)
    aging_ccy = aging["Currency"].fillna("").astype(str)
    out = []
    for ccy in sorted(set(item_ccy) | set(aging_ccy)):
        balance = open_balance(items[item_ccy == ccy]) if len(items) else pd.Series(dtype=float)
        ledger_mills = int(to_mills(balance).sum())
        aging_mills = int(to_mills(aging.loc[aging_ccy == ccy, "Total"]).sum())
        out.append(TieOut(ccy or None, aging_mills / MILLS, ledger_mills / MILLS))
    return out


def bucket_totals(aging: pd.DataFrame, policy: Policy | None = None) -> pd.DataFrame:
    """Bucket, Currency, Amount, Share %: the grand totals of each bucket, for the chart."""
    policy = policy or Policy()
    labels = bucket_labels(policy.aging_buckets_days)
    rows = []
    ccys = aging["Currency"].fillna("").astype(str)
    for ccy in sorted(set(ccys)) or [""]:
        part = aging[ccys == ccy]
        mills = [int(to_mills(part[label]).sum()) for label in labels]
        total = sum(mills)
        for label, c in zip(labels, mills, strict=True):
            share = round(c / total * 100.0, 2) if total else np.nan
            rows.append({"Bucket": label, "Currency": ccy or None, "Amount": c / MILLS,
                         "Share %": share})
    return pd.DataFrame(rows, columns=["Bucket", "Currency", "Amount", "Share %"])
