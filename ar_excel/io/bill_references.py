"""Receipts exported with their bill-wise details, Tally's way: each allocation a row, its
method of adjustment in one column (``Agst Ref`` against a bill, ``New Ref``, ``Advance``,
``On Account``) and the bill's name in the column right of it, however the two are headed
(Tally heads them ``Type of Ref`` and ``Name``; a pasted copy leaves them unheaded or calls
them what the clerk likes). Where the receipts list has no invoice column of its own, the
bill named against (``Agst Ref``) is the invoice the row pays; the other methods hold the
money on the account. Unread, a receipt of 8,000.00 against INV/101 stayed on account and
INV/101 was 10,000.00 overdue instead of 2,000.00."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.entries import ON_ACCOUNT_REFERENCES
from ar_excel.model import Book
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, parse_id

AGAINST = frozenset(match_key(w) for w in ("Agst Ref", "Against Ref", "Against Reference",
                                           "Agst. Ref.", "مقابل مرجع"))
# The other methods hold the money on the account: a new reference (an advance named for
# later), or the words an outstandings report writes for money on account however spelt
# ('On Account', 'On A/c', 'على الحساب').
METHODS = AGAINST | ON_ACCOUNT_REFERENCES | frozenset(match_key(w) for w in (
    "New Ref", "New Reference", "مرجع جديد"))


def bill_references_as_invoices(book: Book) -> None:
    """The Payments' Invoice No from a method-of-adjustment column and the bill's name right
    of it (module docstring), where the list has no invoice numbers of its own."""
    table = book.tables.get("Payments")
    if table is None or not len(table.frame):
        return
    frame, raw = table.frame, table.raw
    if "Invoice No" in frame and frame["Invoice No"].notna().any():
        return
    columns = [c for c in raw.columns if isinstance(c, str) and not c.startswith("_")]
    for at, column in enumerate(columns[:-1]):
        keys = raw[column].map(lambda v: None if is_blank(v) else match_key(str(v)))
        said = set(keys.dropna())
        if not said or not said <= METHODS or not said & AGAINST:
            continue
        bill = columns[at + 1]
        against = keys.isin(AGAINST).to_numpy(bool)
        named = [parse_id(v) if a and not is_blank(v) else None
                 for v, a in zip(raw[bill].tolist(), against.tolist(), strict=True)]
        frame["Invoice No"] = pd.Series(named, index=frame.index, dtype=object)
        if bill in table.letters:
            table.letters["Invoice No"] = table.letters[bill]
        table.headers["Invoice No"] = table.headers.get(bill, bill)
        return
