"""Returned cheques recorded in Payments: a receipt the bank took back.

A hand-kept Payments sheet records a bounced cheque as a second row against the same
invoice: the amount negative, its Method saying what happened (``Returned cheque``,
``Bounced``, ``NSF``, ``شيك مرتد``...). That row is no refund paid out: it takes back the
receipt it reverses, so the invoice is unpaid again, due when it was due. Rules:

* The row reverses one receipt of its customer naming the same invoice for the same amount
  (to the cent), dated on or before it (undated receipts count), the latest such first; a
  receipt is reversed once. A row naming no invoice reverses, by the same rule, the receipt
  of the same cheque: the same Reference (the cheque's number).
* The pair pays nothing: the ledger applies neither, so the invoice stays open for what the
  receipt had paid and nothing is left on account (before, the invoice was settled and the
  returned amount a debit on account that no dunning letter, credit check or overdue figure
  looked at). A statement shows both lines: the receipt, then the returned cheque (a debit).
* A returned-cheque row that reverses no such receipt is left as it was (a debit on
  account), as is any negative row whose Method says nothing of a cheque returned.
* A running ledger kept in the invoice list records it as a debit row whose narration or
  document type says so (``شيك مرتد رقم 4411``, ``Returned cheque``): it reverses a receipt
  of that list (a credit row read as money received) of its customer for the same amount,
  dated on or before it, the latest first; the pair is open for nothing, so the invoices the
  cheque was for are unpaid again, from their own due dates. On the customer's statement it
  is a Returned Cheque, not an invoice.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.entries import per_distinct
from ar_excel.parsing import is_blank

_RETURNED = re.compile(
    r"bounced?|returned\s*(?:cheque|check|chq)|(?:cheque|check|chq)\s*returned|dishono(?:u)?red"
    r"|\bnsf\b|unpaid\s*(?:cheque|check)|شيك\s*مرتد|شيكات\s*مرتدة|ارتداد|شيك\s*راجع|شيك\s*مرفوض"
    # a note of a receipts book: "4411 مرتد", "مرتد من البنك" (not مرتجع, goods returned)
    r"|(?<![\u0621-\u064a])مرتد[ةه]?(?![\u0621-\u064a])",
    re.IGNORECASE)
# The words before a cheque's number in a Reference cell ("Chq No. 4411", "CHQ-4412",
# "chq4412", "شيك رقم 4411"), once its letters and digits alone: the cheque is known by its
# number.
_CHEQUE_WORDS = re.compile(r"^(?:CHEQUE|CHECK|CHQ|NUMBER|NO|NR|REF|رقم|شيك)+(?=\d)")


def is_returned_method(method: object) -> bool:
    """Whether a Payments row's Method says a cheque came back unpaid."""
    return isinstance(method, str) and _RETURNED.search(method) is not None


def returned_rows(payments: pd.DataFrame) -> pd.Series:
    """Per Payments row: True for a returned cheque (a negative row whose Method says so)."""
    if "Method" not in payments or not len(payments):
        return pd.Series(False, index=payments.index)
    said = per_distinct(payments["Method"], is_returned_method).fillna(False).astype(bool)
    return said & (payments["Amount"].astype(float) < 0)


def reversed_pairs(payments: pd.DataFrame) -> pd.Series:
    """Per Payments row: True for a returned cheque and for the receipt it reverses (see the
    module's rules); False for every other row, and for a returned cheque with no receipt."""
    out = pd.Series(False, index=payments.index)
    returned = returned_rows(payments)
    # Most books return no cheque at all: their References (one per receipt, all distinct)
    # need no reading then.
    if not returned.any():
        return out
    named = payments["Invoice No"].notna()
    cheque = _cheque_numbers(payments)
    returned = returned & (named | cheque.notna())
    if not returned.any():
        return out
    amount = payments["Amount"].astype(float).round(6)
    dates = pd.to_datetime(payments["Date"])
    receipts = payments[amount > 0]
    taken: set = set()
    for r in payments.index[returned.to_numpy()]:
        same = receipts[(receipts["Customer ID"] == payments.at[r, "Customer ID"])
                        & (np.abs(amount[receipts.index] + amount[r]) < 0.005)]
        if named[r]:
            same = same[same["Invoice No"].notna() & (same["Invoice No"].astype(str)
                                                      == str(payments.at[r, "Invoice No"]))]
        else:  # no invoice named: the receipt of the same cheque (its number, as recorded)
            same = same[cheque[same.index] == cheque[r]]
        when = dates[r]
        if pd.notna(when):
            same = same[dates[same.index].isna() | (dates[same.index] <= when)]
        same = [i for i in same.index if i not in taken]
        if not same:
            continue
        # the latest receipt before it (undated ones last), as the bank returns the last cheque
        pick = max(same, key=lambda i: (pd.notna(dates[i]), dates[i] if pd.notna(dates[i])
                                        else pd.Timestamp.min))
        taken.add(pick)
        out.at[pick] = out.at[r] = True
    return out


def _cheque_numbers(payments: pd.DataFrame) -> pd.Series:
    """Per Payments row, its Reference (a cheque's number, 'Cheque No' / 'رقم الشيك') as
    letters and digits alone, where it has one of at least three; else None. A returned
    cheque recorded without its invoice is known by it."""
    if "Reference" not in payments:
        return pd.Series(None, index=payments.index, dtype=object)
    return per_distinct(payments["Reference"], _cheque_key)


def _cheque_key(value: object) -> str | None:
    if is_blank(value):
        return None
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    key = _CHEQUE_WORDS.sub("", re.sub(r"[\W_]+", "", _RETURNED.sub(" ", text)).upper())
    return key if len(key) >= 3 else None


def returned_in_list(invoices: pd.DataFrame) -> np.ndarray:
    """Per invoice-list row: True for a debit whose document type or narration says it is a
    returned cheque (a running ledger's شيك مرتد)."""
    from ar_excel.core.entries import narration_columns, said_on, type_column

    debit = (invoices["Amount"].astype(float) > 0).to_numpy(dtype=bool)
    out = np.zeros(len(invoices), dtype=bool)
    columns = narration_columns(invoices)
    kind = type_column(invoices)
    if kind is not None:
        columns.append(kind)
    for column in columns:
        out |= said_on(invoices[column], is_returned_method, debit)
    return out


def reversed_in_list(invoices: pd.DataFrame, returned: np.ndarray | None = None,
                     received: np.ndarray | None = None) -> np.ndarray:
    """Per invoice-list row: True for a returned cheque of the list and for the receipt of
    the list (``entries.received_rows``) it reverses. ``returned`` and ``received``: those
    rows of the list (``returned_in_list``, ``received_rows``), where already known."""
    from ar_excel.core.entries import received_rows

    out = np.zeros(len(invoices), dtype=bool)
    if returned is None:
        returned = returned_in_list(invoices)
    if not returned.any():
        return out
    if received is None:
        received = received_rows(invoices)
    amount = invoices["Amount"].astype(float).round(6).to_numpy()
    dates = pd.to_datetime(invoices["Invoice Date"]).to_numpy()
    customer = invoices["Customer ID"].to_numpy(dtype=object)
    candidates = np.flatnonzero(received & (amount < 0))
    for r in np.flatnonzero(returned):
        # the receipts of its amount to the cent first (a few of a ledger's thousands), in
        # the list's order, then the rest of the rule on them
        near = candidates[np.abs(amount[candidates] + amount[r]) < 0.005]
        same = [i for i in near if not out[i] and customer[i] == customer[r]
                and (pd.isna(dates[r]) or pd.isna(dates[i]) or dates[i] <= dates[r])]
        if not same:
            continue
        pick = max(same, key=lambda i: (not pd.isna(dates[i]), dates[i] if not pd.isna(
            dates[i]) else np.datetime64("1677-09-22")))
        out[pick] = out[r] = True
    return out
