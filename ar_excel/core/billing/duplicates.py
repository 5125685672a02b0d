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
  reported, naming the others. Two such invoices that say they are different sales are not:
  their customer's purchase orders, their delivery notes or orders, their items (on the
  Invoice Lines, or in an item or description column of the invoice list) both given and
  different (a customer buying the same monthly service twice on a day, under two orders).
* Receipts listed among the invoices (a ledger export's Payment rows) are no invoices: a
  cheque numbered like an invoice, or two equal receipts on one day, are not reported.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import DECIMALS, KEY, BillingBook, per_distinct
from ar_excel.core.billing.findings import dates, empty, findings, money, text
from ar_excel.core.billing.installments import repeated_instalments
from ar_excel.core.entries import void_or_draft
from ar_excel.model import ROW, SHEET
from ar_excel.names import match_key
from ar_excel.parsing.digits import is_blank
from ar_excel.schema import CUSTOMER_PO

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
    # an invoice payable in instalments, a row each: one number, its first row counted
    inv = inv[~repeated_instalments(inv)]
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
    marks = _distinguishing_marks(dup, book.lines)
    partners: dict[object, set[str]] = {}
    for _, members in dup.groupby(group, sort=False):
        rows = members.index.tolist()
        for a in rows:
            for b in rows:
                if a != b and dup.at[a, KEY] != dup.at[b, KEY] and \
                        not _told_apart(marks[a], marks[b]):
                    partners.setdefault(a, set()).add(str(dup.at[b, "Invoice No"]))
    dup = dup.loc[[i for i in dup.index if i in partners]]
    if dup.empty:
        return empty()
    others = [", ".join(sorted(partners[i])) for i in dup.index]
    return findings(
        "POSSIBLE_DUPLICATE_INVOICE", n=len(dup), sheet=book.sheet_of("Invoices", dup), row=dup[ROW],
        field="Invoice No", invoice=dup["Invoice No"], customer=dup["Customer ID"],
        amount=dup["Amount"], document=dup[KEY], arabic=book.arabic,
        params={"amount": money(dup["Amount"], dup[DECIMALS]), "date": dates(dup["Invoice Date"]),
                "others": others},
    )


# An invoice list's columns that tell one sale from another when both rows fill them: what
# was sold, and the order or delivery it was billed for (keys as ``names.match_key`` gives).
_ITEM_WORDS = re.compile(r"item|product|service|description|details|sku|الصنف|صنف|الخدمه|"
                         r"خدمه|البيان|بيان|الوصف|الاصناف|المنتج")
_ORDER_WORDS = re.compile(r"delivery|dn(?:no)?$|^do(?:no)?$|order|^so(?:no)?$|contract|"
                          r"اذن|امر|طلب|عقد|بوليصه|التسليم")


def _distinguishing_marks(inv: pd.DataFrame, lines: pd.DataFrame) -> dict[object, dict]:
    """Per invoice (index): what it says of its sale, by kind (its PO, each item or order
    column's value, the items on its lines), blanks left out."""
    columns = [c for c in inv.columns if isinstance(c, str) and not c.startswith("_")
               and c not in (CUSTOMER_PO, "Invoice No", "Customer ID")
               and (_ITEM_WORDS.search(k := match_key(c)) or _ORDER_WORDS.search(k))]
    items: dict[object, frozenset] = {}
    if len(lines) and KEY in lines.columns and "Item" in lines.columns:
        wanted = lines[lines[KEY].isin(set(inv[KEY]))]
        for key, sold in wanted.groupby(KEY, sort=False)["Item"]:
            found = frozenset(str(v).strip().upper() for v in sold.dropna())
            if found:
                items[key] = found
    marks: dict[object, dict] = {}
    for i in inv.index:
        own: dict[str, object] = {}
        number = " ".join(str(inv.at[i, "Invoice No"]).split()).upper()
        for c in ([CUSTOMER_PO] if CUSTOMER_PO in inv.columns else []) + columns:
            v = inv.at[i, c]
            if not is_blank(v) and not (isinstance(v, float) and np.isnan(v)):
                # (a narration naming its own invoice, "فاتورة رقم 101", says nothing more)
                said = " ".join(str(v).split()).upper().replace(number, " ").strip()
                if said:
                    own[c] = " ".join(said.split())
        if inv.at[i, KEY] in items:
            own["_items"] = items[inv.at[i, KEY]]
        marks[i] = own
    return marks


def _told_apart(a: dict, b: dict) -> bool:
    return any(k in b and b[k] != v for k, v in a.items())
