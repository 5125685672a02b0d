"""Letters held for customers the bank statement shows have just paid.

In a month-end run the reconciliation matches this month's bank credits to invoices before
the collections job drafts its letters, but the receipts are not in the books until someone
records them (``Receipts To Post``). A reminder to a customer whose money is already on the
bank statement is the one letter a collections desk must not send, and its amount would be
wrong. Such a customer's letter is held: no draft, no Dunning History entry (its escalation
does not advance), the Next Action saying what was received and to record it and run again.
The tab's figures stay as the books have them, so they still tie to the Aging.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.money import amount_text
from ar_excel.core.non_cash import non_cash


def hold_letters_of_payers(dun: pd.DataFrame, received: pd.DataFrame | None, as_of: date,
                           arabic: bool = False) -> pd.DataFrame:
    """``dun`` (the Dunning rows) with the letters of customers who paid money in
    ``received`` (Receipts To Post rows: Customer ID, Date, Amount, Method) held back."""
    if received is None or not len(received) or not len(dun):
        return dun
    cash = received[~non_cash(received).to_numpy()]
    cash = cash[pd.to_numeric(cash["Amount"], errors="coerce") > 0]
    paid = cash.groupby("Customer ID")["Amount"].sum()
    latest = pd.to_datetime(cash["Date"]).groupby(cash["Customer ID"]).max()
    hold = dun["Letter"].astype(bool) & dun["Customer ID"].isin(paid.index)
    if not hold.any():
        return dun
    words = texts.ACTIONS["ar" if arabic else "en"]["paid_on_the_bank"]
    out = dun.copy()
    out["Letter"] = out["Letter"].astype(bool) & ~hold
    out.loc[hold, "Next Action"] = [
        words.format(amount=amount_text(paid[c]),
                     date=f"{latest[c]:%Y-%m-%d}" if pd.notna(latest[c]) else "undated")
        for c in out.loc[hold, "Customer ID"]]
    out.loc[hold, "Next Action Date"] = pd.Timestamp(as_of)
    return out
