"""What an open-items invoice list says is paid of each invoice, and where that goes beyond
the receipts the Payments sheet records.

The rule is the ledger's (``ledger.open_as_stated``), row by row: an invoice is paid its
Amount less its Balance where the row gives a Balance, else its Paid Amount, kept between
nothing and the whole amount (a credit note is paid nothing). A register that fills the
balance only while an invoice is open, and leaves it blank beside the paid figure once it
is settled, is read the same way here as when it is aged.

With a Payments sheet the contract reads the receipts from it and not from those columns,
so a paid part Payments does not hold is still owed; ``paid_beyond_receipts`` finds such
invoices (the first row of each number), a customer's receipts naming no invoice being
taken to be that money first (ERPNext's and SAP's payment lists name none).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from ar_excel.core.ledger import CENT

STATED = ("Balance", "Paid Amount")  # the columns of a list kept as open items


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype("float64")


def paid_as_stated(invoices: pd.DataFrame) -> pd.Series:
    """Each invoice's part the list says is paid: its Amount less its Balance, else its Paid
    Amount (0 where it says neither), between nothing and the amount."""
    amount = _numbers(invoices, "Amount")
    paid = pd.Series(0.0, index=invoices.index)
    if "Paid Amount" in invoices:
        paid = _numbers(invoices, "Paid Amount").abs().fillna(0.0)
    if "Balance" in invoices:
        balance = _numbers(invoices, "Balance")
        paid = (amount - balance.clip(lower=0.0)).where(balance.notna(), paid)
    return paid.clip(lower=0.0, upper=amount.clip(lower=0.0)).round(6)


def stated_in(invoices: pd.DataFrame) -> pd.Series:
    """The column each row's paid part is read from (``paid_as_stated``): Balance where the
    row gives one, else Paid Amount where it gives that; None where it says neither."""
    out = pd.Series(None, index=invoices.index, dtype=object)
    for column in reversed(STATED):  # the Balance, read first, written last
        if column in invoices:
            out = out.where(invoices[column].isna(), column)
    return out


class PaidBeyond(NamedTuple):
    """Invoices the list shows paid beyond the receipts naming them."""

    rows: pd.Index  # the invoices' rows (the first of each number)
    columns: list[str]  # each one's column saying it is paid (``stated_in``)
    missing: float  # what the Payments sheet lacks, all customers together


def _credited(invoices: pd.DataFrame) -> pd.Series:
    """Per invoice row, what the list's credit notes naming it in a reference column (ERPNext's
    Return Against, an Against Invoice) take off it: the ledger sets them against it, so its
    stated paid part holds them, no receipt (0 on the other rows)."""
    # (imported here: billing builds on the ledger, which this module's users import)
    from ar_excel.core.billing.context import invoice_key
    from ar_excel.core.billing.credit_notes import named_in, reference_column

    out = pd.Series(0.0, index=invoices.index)
    column = reference_column(invoices)
    if column is None:
        return out
    amount = _numbers(invoices, "Amount")
    notes = invoices[(amount < 0) & invoices[column].notna()]
    if not len(notes):
        return out
    taken = (-amount[notes.index]).groupby(named_in(notes, column)).sum()
    first = ~invoices["Invoice No"].duplicated() & (amount > 0)
    keys = invoice_key(invoices["Invoice No"])
    return out.where(~first, keys.map(taken).fillna(0.0)).astype("float64")


def paid_beyond_receipts(invoices: pd.DataFrame, payments: pd.DataFrame) -> PaidBeyond | None:
    """The invoices whose paid part as the list states it (``paid_as_stated``) exceeds what
    the Payments rows and the list's credit notes naming them add up to, where their customer's receipts naming no
    invoice do not cover the difference; None where there are none."""
    if not len(payments) or "Invoice No" not in invoices or "Invoice No" not in payments:
        return None
    if not any(c in invoices and invoices[c].notna().any() for c in STATED):
        return None
    amount = _numbers(invoices, "Amount")
    column = stated_in(invoices)
    receipts = payments[payments["Invoice No"].notna()]
    recorded = _numbers(receipts, "Amount").groupby(receipts["Invoice No"].astype(str)).sum()
    named = invoices["Invoice No"].map(lambda v: None if v is None or v != v else str(v))
    first = ~invoices["Invoice No"].duplicated() & invoices["Invoice No"].notna()
    gap = (paid_as_stated(invoices) - named.map(recorded).fillna(0.0)
           - _credited(invoices)).to_numpy(dtype="float64")
    short = (first.to_numpy(dtype=bool) & (amount > 0).to_numpy(dtype=bool)
             & column.notna().to_numpy(dtype=bool) & (gap >= CENT))
    if not short.any():
        return None
    loose = payments[payments["Invoice No"].isna()]
    on_account = _numbers(loose, "Amount").clip(lower=0.0).groupby(loose["Customer ID"]).sum()
    gaps = pd.Series(np.where(short, gap, 0.0), index=invoices.index).groupby(
        invoices["Customer ID"]).sum()
    missing = (gaps - on_account.reindex(gaps.index).fillna(0.0)).clip(lower=0.0)
    missing = missing[missing >= CENT]
    short &= invoices["Customer ID"].isin(missing.index).to_numpy(dtype=bool)
    if not short.any():
        return None
    rows = invoices.index[short]
    return PaidBeyond(rows, column[rows].tolist(), float(missing.sum()))
