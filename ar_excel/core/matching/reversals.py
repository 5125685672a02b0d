"""Credits the bank took back: a receipt followed by a debit of the same amount that undoes it.

A cheque deposited and returned unpaid, a transfer recalled by the payer's bank, a payment
refunded to the payer because it was not ours: the statement shows the credit and, days later,
a debit of exactly the same amount. Together they net to zero, so the credit pays no invoice
(the invoice stays open) and is reported with the line that reversed it.

A debit reverses a credit when it is for the same amount, dated on the credit's day or up to
``WINDOW_DAYS`` later, and says so: its narrative has a reversal word (REVERSAL, RETURNED,
UNPAID, CHARGEBACK, REFUND, عكس, مرتجع, شيك مرتد...), or it names the same counterparty account or name,
or quotes the credit's bank reference. A debit of the same amount without such a sign is an
ordinary payment out (suppliers are paid round sums too). Each debit reverses at most one
credit: the latest one before it.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from ar_excel.core.matching.normalize import alnum_key, fold_text

WINDOW_DAYS = 14
_REVERSAL = re.compile(
    r"\bREVERS|\bRETURN|\bSTORNO|\bCHARGE ?BACK|\bUNPAID\b|\bBOUNCE|\bRECALL|\bREFUND|\bCANCEL|"
    r"\bRUECK|\bRÜCK|\bREJECT|عكس|مرتجع|ارتجاع|\bرد\b|الغاء|استرداد|مردود|"
    # a cheque returned unpaid as Egyptian and Gulf banks write it: شيك مرتد, شيك راجع,
    # شيك مرفوض, ارجاع شيك (راجع alone: مراجعه, a review, is none)
    r"\bمرتده?\b|\bراجع\b|\bمرفوض|\bارجاع\b")


def _texts(lines: pd.DataFrame, column: str) -> list[object]:
    return lines[column].tolist() if column in lines else [None] * len(lines)


def _same(a: object, b: object, key) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    ka = key(a)
    return len(ka) >= 4 and ka == key(b)


def reversed_credits(lines: pd.DataFrame) -> dict[int, int]:
    """{credit position: position of the debit that reverses it} (see the module docstring)."""
    amounts = pd.to_numeric(lines["Amount"], errors="coerce").to_numpy(float)
    # in thousandths: a dinar's fils tell reversals apart (statements keep each currency's decimals)
    cents = np.round(np.nan_to_num(amounts) * 1000).astype(np.int64)
    # Only the amounts both paid in and out can pair (arrays: most statements have none).
    both = np.intersect1d(cents[cents > 0], -cents[cents < 0])
    if not len(both):
        return {}
    credits: dict[int, list[int]] = defaultdict(list)
    for pos in np.flatnonzero(np.isin(cents, both)).tolist():
        credits[int(cents[pos])].append(pos)
    debits = np.flatnonzero(np.isin(-cents, both)).tolist()
    cents = cents.tolist()
    days = (pd.to_datetime(lines["Date"]).to_numpy().astype("datetime64[D]").astype(np.int64)
            if "Date" in lines else None)
    no_day = np.iinfo(np.int64).min  # NaT
    desc, ref = _texts(lines, "Description"), _texts(lines, "Reference")
    bank_ref = _texts(lines, "Bank Ref")
    names, accounts = _texts(lines, "Counterparty"), _texts(lines, "Counterparty Account")

    def text(pos: int) -> str:
        return fold_text(desc[pos]) + " " + fold_text(ref[pos])

    def in_window(credit: int, debit: int) -> bool:
        if days is None or days[credit] == no_day or days[debit] == no_day:
            return credit < debit
        gap = int(days[debit] - days[credit])
        return 0 <= gap <= WINDOW_DAYS and (gap > 0 or credit < debit)

    def undoes(credit: int, debit: int, debit_text: str) -> bool:
        if _REVERSAL.search(debit_text):
            return True
        if _same(accounts[credit], accounts[debit], alnum_key) or \
                _same(names[credit], names[debit], alnum_key):
            return True
        quoted = [r for r in (bank_ref[credit], ref[credit]) if isinstance(r, str)]
        return any(len(alnum_key(r)) >= 6 and alnum_key(r) in alnum_key(debit_text)
                   for r in quoted)

    out: dict[int, int] = {}
    for debit in debits:
        debit_text = None  # read once a credit in the window asks
        for credit in reversed(credits[-cents[debit]]):
            if credit in out or not in_window(credit, debit):
                continue
            if debit_text is None:
                debit_text = text(debit)
            if undoes(credit, debit, debit_text):
                out[credit] = debit
                break
    return out
