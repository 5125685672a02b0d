"""A receipt that names an invoice the invoice list does not hold.

The ledger cannot apply such a receipt: it is held on account, unapplied, and the invoice it
was meant for stays open and is dunned. Nothing may be parked like that without a reason, so
each is an Input Issue at the receipt's Invoice No cell. Most are typing slips ("INV-1045"
for "INV-1054"): where the same customer has one invoice a single keystroke away (a character
changed, added, dropped or two swapped), the message names it.

A receipts log kept beside a list of open invoices only (paid invoices removed) names many
invoices the list does not hold: then one issue names the first cells and says so, instead of
hundreds that all mean the same.
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz.distance import OSA

from ar_excel.core.money import amount_text
from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, Book

MANY = 20  # above this many (and a fifth of the receipts naming one): an open-items list
_HINTS_UP_TO = 500  # unknown numbers looked up for a near one; beyond, not worth the time


def receipts_naming_unknown_invoices(book: Book) -> None:
    """An Input Issue for each receipt naming an invoice the invoice list does not hold, or
    naming a credit note (``receipts_naming_credit_notes``)."""
    _unknown_invoices(book)
    receipts_naming_credit_notes(book)


def receipts_naming_credit_notes(book: Book) -> None:
    """An Input Issue for each receipt (money received, a positive amount) naming as its
    invoice a credit note of the list (a negative Amount). The ledger applies no receipt to
    a credit: the receipt is held on account beside it, which is right for money received
    on account and wrong for the credit refunded to the customer typed positive (that is
    money paid out and closes the credit). Which it is the row does not say. A write-off,
    discount or tax withheld (``core.non_cash``) naming one is no money received nor paid
    out: it is told to name the invoice it settles. A receipt of the list (its credit rows
    read as money received, ``entries.received_rows``) is no credit note: a receipt naming
    one may be the same money recorded twice."""
    from ar_excel.core.entries import received_rows
    from ar_excel.core.non_cash import non_cash

    payments, invoices = book.tables.get("Payments"), book.tables.get("Invoices")
    if payments is None or invoices is None or "Invoice No" not in payments.frame or \
            "Invoice No" not in invoices.frame or "Amount" not in invoices.frame:
        return
    pay, listed = payments.frame, invoices.frame
    credits = listed[pd.to_numeric(listed["Amount"], errors="coerce") < 0]
    if credits.empty:
        return
    receipt = received_rows(credits)
    named = {}
    for rows, kind in ((credits[~receipt], "a credit note"),
                       (credits[receipt], "a receipt of the invoice list")):
        for number, amount in zip(_texts(rows["Invoice No"].tolist()), rows["Amount"].tolist(),
                                  strict=True):
            if number is not None:
                named.setdefault(number, (kind, amount))
    if not named:
        return
    received = pay[pay["Invoice No"].notna()
                   & (pd.to_numeric(pay["Amount"], errors="coerce") > 0)]
    settles = non_cash(received)
    told = {(i.sheet, i.cell) for i in book.issues}
    for index, number in zip(received.index, _texts(received["Invoice No"].tolist()),
                             strict=True):
        if number not in named or \
                (payments.sheet_at(index), payments.cell(index, "Invoice No")) in told:
            continue
        kind, credit = named[number]
        paid = amount_text(received.at[index, "Amount"])
        said = f"'{number}' is {kind} ({amount_text(credit)}), not an invoice: "
        if settles.at[index]:
            method = " ".join(str(received.at[index, "Method"]).split())
            said += (f"the {method} of {paid} is held on account, unapplied, beside it; name "
                     "the invoice it settles")
        elif kind == "a credit note":
            said += (f"the receipt of {paid} is held on account, unapplied, beside it; if it "
                     "is the credit refunded to the customer, type it negative")
        else:
            said += (f"the receipt of {paid} is held on account, unapplied, beside it; if both "
                     "record the same money, delete one of them")
        book.issues.append(payments.issue(index, "Invoice No", said))


def _unknown_invoices(book: Book) -> None:
    payments, invoices = book.tables.get("Payments"), book.tables.get("Invoices")
    if payments is None or invoices is None or "Invoice No" not in payments.frame or \
            "Invoice No" not in invoices.frame:
        return
    pay = payments.frame
    numbers = invoices.frame["Invoice No"]
    # the numbers written as the invoices write them, in one hashed pass; the few left again
    # without surrounding spaces (a cell typed " INV-7")
    maybe = pay.loc[pay["Invoice No"].notna() & ~pay["Invoice No"].isin(numbers), "Invoice No"]
    if maybe.empty:
        return
    known = set(_texts(numbers.tolist()))
    text = pd.Series(_texts(maybe.tolist()), index=maybe.index, dtype=object)
    text = text[[t is not None and t not in known for t in text]]
    rows = pay.loc[text.index]
    rows = rows[~rows[ROW].duplicated()]  # a receipt split over invoices is one row: told once
    told = {(i.sheet, i.cell) for i in book.issues}  # (the reader may have said why already)
    rows = rows[[(payments.sheet_at(i), payments.cell(i, "Invoice No")) not in told
                 for i in rows.index]]
    if not len(rows):
        return
    if len(rows) > MANY and len(rows) > 0.2 * int(pay["Invoice No"].notna().sum()):
        cells = [payments.cell(i, "Invoice No") for i in rows.index]
        book.issues.append(payments.issue(
            rows.index[0], "Invoice No",
            f"{len(rows)} receipts name invoices that are not in the invoice list "
            f"({cells_named(cells)}): held on account, unapplied. If the invoice list holds "
            "open invoices only, the receipts of the paid ones do not belong beside it"))
        return
    near = _near_numbers(invoices.frame, text[rows.index], pay.get("Customer ID"))
    for index in rows.index:
        number = text[index]
        hint = near.get(index)
        book.issues.append(payments.issue(
            index, "Invoice No",
            f"'{number}' is not in the invoice list: the receipt is held on account, "
            "unapplied, until its invoice number is corrected"
            + (f" (the same customer's invoice {hint} is one keystroke away)" if hint else "")))


def _typed(value: object) -> str | None:
    """An invoice number as compared: its text without surrounding spaces; None for a blank."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = value.strip() if isinstance(value, str) else str(value).strip()
    return text or None


def _texts(values: list[object]) -> list[str | None]:
    """``_typed`` of each value; the reader's texts (stripped already) as they are."""
    return [v if type(v) is str and v and v[0] != " " and v[-1] != " " else _typed(v)
            for v in values]


def _near_numbers(invoices: pd.DataFrame, typed: pd.Series,
                  customers: pd.Series | None) -> dict[object, str]:
    """Receipt index -> the one invoice of its customer a keystroke from the number typed."""
    if len(typed) > _HINTS_UP_TO:
        return {}
    owner = invoices.get("Customer ID")
    by_customer: dict[str, list[str]] = {}
    if owner is not None and customers is not None:
        wanted = {str(c) for c in customers.loc[typed.index].dropna()}
        mine = invoices[owner.astype("string").isin(wanted) & invoices["Invoice No"].notna()]
        for number, customer in zip(mine["Invoice No"].astype(str).str.strip(),
                                    mine["Customer ID"].astype(str), strict=True):
            by_customer.setdefault(customer, []).append(number)
    found: dict[object, str] = {}
    for index, number in typed.items():
        customer = customers.get(index) if customers is not None else None
        pool = by_customer.get(str(customer), []) if customer is not None and pd.notna(
            customer) else []
        close = sorted({n for n in pool if OSA.distance(number, n, score_cutoff=1) <= 1})
        if len(close) == 1:
            found[index] = close[0]
    return found

