"""Letters held for customers the bank statement shows have just paid.

In a month-end run the reconciliation matches this month's bank credits to invoices before
the collections job drafts its letters, but the receipts are not in the books until someone
records them (``Receipts To Post``). A reminder to a customer whose money is already on the
bank statement is the one letter a collections desk must not send, and its amount would be
wrong. Such a customer's letter is held: no draft, no Dunning History entry (its escalation
does not advance), the Next Action saying what was received and to record it and run again.
The tab's figures stay as the books have them, so they still tie to the Aging.

Each currency of a customer is an account of its own, as in Dunning: a receipt holds the
letter of its own currency only (a USD transfer says nothing of what is owed in EGP). A
receipt's currency is that of the open item it pays, else that of the invoice it names,
else its customer's (``kpis.payment_currency``), a blank one the book's.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.money import amount_text
from ar_excel.core.non_cash import non_cash

ACCOUNT = ["Customer ID", "_code"]


def codes(currencies: pd.Series) -> pd.Series:
    """Currency codes as compared: trimmed, upper case, blank as ``""``."""
    return currencies.map(lambda c: "" if c is None or (not isinstance(c, str) and pd.isna(c))
                          else str(c).strip().upper())


def receipt_currencies(received: pd.DataFrame, items: pd.DataFrame, customers: pd.DataFrame,
                       invoices: pd.DataFrame | None = None,
                       blank: str | None = None) -> pd.Series:
    """The currency code of each row of ``received`` (Receipts To Post): that of the open
    item of its customer it names (``items``: the open items, blank currencies filled),
    else of the invoice it names, else its customer's; ``blank`` where none is known."""
    from ar_excel.core.kpis import payment_currency

    own = payment_currency(received, customers, invoices) if "Customer ID" in customers \
        else pd.Series(None, index=received.index, dtype=object)
    if len(items) and "Invoice No" in received:
        first = items.drop_duplicates(["Customer ID", "Document No"])
        by_item = pd.Series(first["Currency"].to_numpy(dtype=object),
                            index=pd.MultiIndex.from_arrays([first["Customer ID"].astype(str),
                                                             first["Document No"].astype(str)]))
        keys = pd.MultiIndex.from_arrays([received["Customer ID"].astype(str),
                                          received["Invoice No"].astype(str).str.strip()])
        named = pd.Series(by_item.reindex(keys).to_numpy(dtype=object), index=received.index)
        own = named.where(named.notna(), own)
    out = codes(own)
    if blank:
        out = out.where(out != "", str(blank).strip().upper())
    return out


def cash_by_account(received: pd.DataFrame | None, currencies: pd.Series | None = None
                    ) -> pd.DataFrame:
    """Money in per customer and currency (index Customer ID, ``_code``): Received, the sum
    of the cash rows (a write-off or tax withheld is no money received), and Latest, their
    last date."""
    empty = pd.DataFrame({"Received": pd.Series(dtype="float64"),
                          "Latest": pd.Series(dtype="datetime64[ns]")},
                         index=pd.MultiIndex.from_arrays([[], []], names=ACCOUNT))
    if received is None or not len(received):
        return empty
    rows = received.assign(_code=currencies if currencies is not None else "",
                           Amount=pd.to_numeric(received["Amount"], errors="coerce"),
                           Date=pd.to_datetime(received["Date"], errors="coerce"))
    rows = rows[~non_cash(received).to_numpy() & (rows["Amount"] > 0).to_numpy()]
    if not len(rows):
        return empty
    rows = rows.assign(**{"Customer ID": rows["Customer ID"].astype(str)})
    grouped = rows.groupby(ACCOUNT)
    return pd.DataFrame({"Received": grouped["Amount"].sum(), "Latest": grouped["Date"].max()})


def hold_letters_of_payers(dun: pd.DataFrame, received: pd.DataFrame | None, as_of: date,
                           arabic: bool = False, currencies: pd.Series | None = None
                           ) -> pd.DataFrame:
    """``dun`` (the Dunning rows) with the letters of customers who paid money in
    ``received`` (Receipts To Post rows: Customer ID, Date, Amount, Method) held back, each
    currency by the receipts in it (``currencies``: ``receipt_currencies`` of ``received``;
    without it every receipt counts for each of its customer's accounts)."""
    if received is None or not len(received) or not len(dun):
        return dun
    paid = cash_by_account(received, currencies)
    if not len(paid):
        return dun
    accounts = pd.MultiIndex.from_arrays([
        dun["Customer ID"].astype(str),
        codes(dun["Currency"]) if currencies is not None else pd.Series("", index=dun.index)])
    mine = paid.reindex(accounts)
    hold = dun["Letter"].astype(bool).to_numpy() & mine["Received"].notna().to_numpy()
    if not hold.any():
        return dun
    words = texts.ACTIONS["ar" if arabic else "en"]["paid_on_the_bank"]
    out = dun.copy()
    out["Letter"] = out["Letter"].astype(bool) & ~hold
    out.loc[hold, "Next Action"] = [
        words.format(amount=amount_text(amount),
                     date=f"{pd.Timestamp(latest):%Y-%m-%d}" if pd.notna(latest) else "undated")
        for amount, latest in zip(mine["Received"].to_numpy()[hold],
                                  mine["Latest"].to_numpy()[hold], strict=True)]
    out.loc[hold, "Next Action Date"] = pd.Timestamp(as_of)
    return out
