"""Each invoice is billed once.

Rules:

* An invoice number is used once (matched ignoring case, spaces, separators and leading
  zeros: INV-0104 and inv 104 are one number): every row of a number
  used twice is DUPLICATE_INVOICE_NO (Error), as a tax authority would reject it. A number
  used once a year (a series restarted each January) is still one: receipts, the bank and
  the e-invoicing portal cannot tell the invoices apart; the message says so and how to
  number them (the year in the number).
  A row a status column says is cancelled (or a draft) is left out: it counts 0, so the
  invoice re-issued under its number after a cancellation is billed once, no duplicate.
* Two invoices with different numbers for the same customer, the same amount (to the
  currency's decimals) and the same date are POSSIBLE_DUPLICATE_INVOICE (Warning): often the
  same delivery billed twice, sometimes two identical orders. Every invoice of the group is
  reported, naming the others.
* Receipts listed among the invoices (a ledger export's Payment rows) are no invoices: a
  cheque numbered like an invoice, or two equal receipts on one day, are not reported.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import DECIMALS, KEY, BillingBook, per_distinct
from ar_excel.core.billing.findings import dates, empty, findings, money, text
from ar_excel.core.entries import void_or_draft
from ar_excel.model import ROW, SHEET

# the runs of digits and of letters a number is made of, whatever separates them
_PART = re.compile(r"\d+|[^\d\s\-_/.#\\]+")


def _same_number(key: object) -> object:
    """One number however its separators and leading zeros are typed: INV-0104, INV 104,
    inv0104 and INV/104 are all INV-104 (its parts kept apart: 12-1 is not 1-21)."""
    if not isinstance(key, str):
        return key
    parts = [p.lstrip("0") or "0" if p.isdigit() else p for p in _PART.findall(key)]
    return "-".join(parts) or key


def duplicate_numbers(book: BillingBook) -> pd.DataFrame:
    """DUPLICATE_INVOICE_NO: the same invoice number on more than one row, however its
    separators and leading zeros are typed (INV-0104 and inv 104 are one number)."""
    inv = book.billed[book.billed[KEY].notna()]  # (a cheque may bear an invoice's number)
    # a cancelled row kept beside the invoice re-issued under its number bills nothing
    inv = inv[~void_or_draft(inv)]
    inv = inv.assign(**{KEY: per_distinct(inv[KEY], _same_number)})
    dup = inv[inv[KEY].duplicated(keep=False)]
    if dup.empty:
        return empty()
    rows = dup.groupby(KEY, sort=False)[ROW].agg(lambda r: ", ".join(str(int(x)) for x in r))
    if SHEET in dup.columns and dup[SHEET].nunique() > 1:  # a month per sheet: say which
        where = dup[SHEET].astype(str).str.cat(dup[ROW].astype("int64").astype(str), sep="' ")
        rows = ("'" + where).groupby(dup[KEY], sort=False).agg(", ".join)
    count = dup.groupby(KEY, sort=False)[ROW].size()
    # a series restarted each year (INV-0001 in 2025 and in 2026): said so, with the fix
    year = pd.to_datetime(dup["Invoice Date"]).dt.year
    years = year.groupby(dup[KEY], sort=False).agg(
        lambda y: ", ".join(str(int(v)) for v in sorted(set(y.dropna()))))
    per_year = (year.groupby(dup[KEY], sort=False).transform("nunique")
                == dup[KEY].map(count)).to_numpy()
    return findings(
        "DUPLICATE_INVOICE_NO", n=len(dup), sheet=book.sheet_of("Invoices", dup), row=dup[ROW],
        field="Invoice No", invoice=dup["Invoice No"], customer=dup["Customer ID"],
        amount=dup["Amount"], document=dup[KEY], arabic=book.arabic,
        variant=np.where(per_year, "years", None).tolist(),
        params={"invoice": text(dup["Invoice No"]), "n": [str(int(c)) for c in dup[KEY].map(count)],
                "rows": text(dup[KEY].map(rows)), "years": text(dup[KEY].map(years)),
                "example": [f"{int(y)}-{n}" if y == y else str(n)
                            for y, n in zip(year, text(dup["Invoice No"]), strict=True)]},
    )


def possible_duplicates(book: BillingBook) -> pd.DataFrame:
    """POSSIBLE_DUPLICATE_INVOICE: same customer, amount and date under different numbers."""
    inv = book.billed  # two receipts of one amount on one day are no invoice billed twice
    inv = inv[inv[KEY].notna() & inv["Customer ID"].notna() & inv["Invoice Date"].notna()
              & inv["Amount"].notna() & (inv["Amount"] != 0)]
    inv = inv.assign(_cents=(inv["Amount"] * 10.0 ** inv[DECIMALS]).round().astype("int64"),
                     _day=pd.to_datetime(inv["Invoice Date"]).dt.normalize())
    group = ["Customer ID", "_cents", "_day"]
    numbers = inv.groupby(group, sort=False)[KEY].transform("nunique")
    dup = inv[numbers > 1]
    if dup.empty:
        return empty()
    members = dup.groupby(group, sort=False)["Invoice No"].agg(list)
    others = [", ".join(sorted({str(n) for n in members.loc[k] if str(n) != str(own)}))
              for k, own in zip(dup[group].itertuples(index=False, name=None),
                                dup["Invoice No"], strict=True)]
    return findings(
        "POSSIBLE_DUPLICATE_INVOICE", n=len(dup), sheet=book.sheet_of("Invoices", dup), row=dup[ROW],
        field="Invoice No", invoice=dup["Invoice No"], customer=dup["Customer ID"],
        amount=dup["Amount"], document=dup[KEY], arabic=book.arabic,
        params={"amount": money(dup["Amount"], dup[DECIMALS]), "date": dates(dup["Invoice Date"]),
                "others": others},
    )
