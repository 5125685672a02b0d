"""Receipts an invoice list keeps beside invoices whose paid part it states.

A document list exported whole (SAP Business One's A/R Invoices, A/R Credit Memos and
Incoming Payments in one list; a clerk's register of invoices and receipts) states each
invoice's paid part (``Paid to Date``, a Paid Amount or a Balance) and lists the receipts
that paid them as rows of their own, saying nothing of their own application (no Paid Amount
or Balance on them). Read as money on account they counted the same money twice: an invoice
of 120,000 paid (its Paid to Date 120,000) and the 120,000 receipt that paid it left the
customer 120,000 in credit.

Rule: where there are no Payments rows, per customer and currency, the list's receipts that
say nothing of their application paid its invoices' stated paid parts (less what the list's
credit notes and receipts that state their own application already applied): a receipt
naming its invoice (SAP Business One's Base Ref, a reference column) that invoice's paid part
first, then the rest oldest receipt first; only what is left of them is money on account
(dated as the receipt it is left of: an older receipt naming nothing is the money left, not
the newer one naming the invoice its own money paid). Money is counted once: the
invoices' paid parts are that money. A list whose receipts state their own balance (an
open-items list's unapplied cash) is read as it states.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import invoice_key
from ar_excel.core.billing.credit_notes import named_in, reference_column
from ar_excel.core.entries import received_rows
from ar_excel.core.ledger import CENT, open_as_stated
from ar_excel.core.paid_as_stated import STATED
from ar_excel.names import match_key

# SAP Business One's payments name the invoice they paid as their base document
_BASE_HEADERS = frozenset(match_key(h) for h in (
    "Base Ref", "Base Ref.", "Base Reference", "Base Document", "Base Doc No"))


def _naming_column(invoices: pd.DataFrame) -> str | None:
    return reference_column(invoices) or next(
        (c for c in invoices.columns if isinstance(c, str) and match_key(c) in _BASE_HEADERS),
        None)


def _named_invoices(invoices: pd.DataFrame, rows: pd.Index, paid: pd.Series,
                    key: pd.Series) -> dict:
    """Per receipt row of ``rows`` naming a paid invoice of its own customer and currency
    in the list, that invoice's row."""
    column = _naming_column(invoices)
    if column is None or "Invoice No" not in invoices:
        return {}
    bills = paid[paid > 0].index
    by_number = {(key[j], n): j for j, n in zip(
        bills, invoice_key(invoices.loc[bills, "Invoice No"]), strict=True)}
    named = named_in(invoices.loc[rows], column)
    return {i: by_number[(key[i], n)] for i, n in named.items()
            if isinstance(n, str) and (key[i], n) in by_number}


def applied_receipts(invoices: pd.DataFrame) -> pd.Series:
    """Per receipt row of the list that says nothing of its application, the part of it the
    invoices' stated paid parts hold (module docstring), by index; empty where none."""
    columns = [c for c in STATED if c in invoices and invoices[c].notna().any()]
    if not columns or not len(invoices):
        return pd.Series(dtype="float64")
    amount = pd.to_numeric(invoices["Amount"], errors="coerce").astype("float64")
    received = pd.Series(received_rows(invoices), index=invoices.index)
    says = invoices[columns].notna().any(axis=1)
    silent = received & ~says & amount.lt(0)
    if not silent.any():
        return pd.Series(dtype="float64")
    stated = open_as_stated(invoices.assign(Amount=amount), amount)
    settled = (amount - stated).fillna(0.0)  # an invoice's paid part (+), a credit's applied (-)
    paid = settled.where(amount.gt(0) & says & ~received, 0.0).clip(lower=0.0)
    applied = (-settled).where(amount.lt(0) & says, 0.0).clip(lower=0.0)
    currency = invoices["Currency"].fillna("").astype(str) if "Currency" in invoices else ""
    key = invoices["Customer ID"].astype(str) + "|" + currency
    pool = (paid.groupby(key).sum() - applied.groupby(key).sum()).clip(lower=0.0)
    rows = invoices[silent].assign(_key=key[silent], _date=pd.to_datetime(
        invoices.loc[silent, "Invoice Date"], errors="coerce"))
    out = pd.Series(0.0, index=rows.index)
    left = pool.to_dict()
    order = rows.sort_values(["_date"], kind="stable", na_position="last").index
    named = _named_invoices(invoices, order, paid, key)
    paid_left = paid.to_dict()
    for i in (i for i in order if i in named):  # each naming receipt its invoice's paid part
        j, k = named[i], rows.at[i, "_key"]
        take = min(-float(amount[i]), float(paid_left[j]), float(left.get(k, 0.0)))
        if take >= CENT:
            out[i] = take
            left[k] = float(left[k]) - take
            paid_left[j] = float(paid_left[j]) - take
    for i in order:  # then what is left, oldest receipt first
        k = rows.at[i, "_key"]
        take = min(-float(amount[i]) - float(out[i]), float(left.get(k, 0.0)))
        if take >= CENT:
            out[i] = float(out[i]) + take
            left[k] = float(left[k]) - take
    out = out.round(6)
    return out[out >= CENT]


def column_for(invoices: pd.DataFrame) -> str:
    """The column the applied parts are written to: the list's Paid Amount, else Balance."""
    return "Paid Amount" if "Paid Amount" in invoices and invoices[
        "Paid Amount"].notna().any() else "Balance"


def with_applied(invoices: pd.DataFrame, parts: pd.Series) -> pd.DataFrame:
    """The list with each receipt's applied part written as the list writes its own: in Paid
    Amount (the part), else in Balance (what is left of it, negative)."""
    column = column_for(invoices)
    values = invoices[column].astype("float64").copy()
    if column == "Paid Amount":
        values[parts.index] = parts.to_numpy()
    else:
        amount = invoices.loc[parts.index, "Amount"].astype("float64")
        values[parts.index] = np.round(amount + parts, 6).to_numpy()
    return invoices.assign(**{column: values})
