"""An invoice's currency written in its Amount cell: "USD 1,000.00", "2,000.00 ر.س",
"EUR 300.00", as a report listing invoices in several currencies prints them (Odoo's list, a
local system's aging pasted as it shows).

Read as a number alone, such an amount took its customer's currency: a USD invoice of an EGP
customer was owed as EGP 1,000.00. The currency the cell names is the invoice's Currency
where the list has no Currency column or leaves the cell blank (and it is not the
customer's own: a blank is that already). Where the Currency cell names
another, the Currency column is read, as written, and one Input Issue says which amounts
disagree with it. Only a currency no country shares is taken from an amount: a code, or a
symbol or abbreviation of one currency ("ر.س", "KD", "€"); "$", "£", "¥" and the bare words
riyal, dinar, dirham and pound are several countries' and leave the invoice in its customer's
currency as before."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.core.entries import per_distinct
from ar_excel.io.cells_named import cells_named
from ar_excel.io.dinars import customer_currencies
from ar_excel.model import Book
from ar_excel.parsing import normalize_digits, parse_currency
from ar_excel.parsing.numbers import CURRENCY_WORDS

_NUMBERS_ONLY = frozenset(("floating", "integer", "mixed-integer-float", "decimal", "empty"))

# Written in an amount, these name a currency several countries call so.
_SHARED = frozenset(("$", "£", "¥", "﷼", "₤", "ريال", "دينار", "درهم", "جنيه", "دولار", "ج"))


def _written_currency(text: object) -> str | None:
    """The one currency an amount cell's text names (None: none, a shared symbol, or two)."""
    if not isinstance(text, str):
        return None
    codes = set()
    for token in CURRENCY_WORDS.findall(normalize_digits(text)):
        token = token.strip()
        if token in _SHARED:
            return None
        code = parse_currency(token)
        if code not in ISO_4217:
            return None  # three letters that are no currency ("NET"): no reading
        codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def currencies_written_in_amounts(book: Book) -> None:
    """Each invoice's Currency, where blank, the one its Amount cell names when that is not
    its customer's (a blank is the customer's currency already); an Input Issue at the first
    Amount cell naming another currency than its row's Currency cell."""
    table = book.tables.get("Invoices")
    if table is None or "Amount" not in table.raw or not len(table.frame):
        return
    raw = table.raw["Amount"]
    if pd.api.types.infer_dtype(raw, skipna=True) in _NUMBERS_ONLY:
        return  # (a list of numbers, as most are: nothing to look at)
    written = per_distinct(raw, _written_currency)
    if written.isna().all():
        return
    frame = table.frame
    currency = frame["Currency"]
    own = frame["Customer ID"].map(customer_currencies(book))
    blank = currency.isna()
    fill = (blank & written.notna() & written.ne(own)).to_numpy(bool)
    other = (~blank & written.notna() & written.ne(currency)).to_numpy(bool)
    if fill.any():
        table.frame = frame.assign(Currency=currency.where(~fill, written))
    if other.any():
        at = frame.index[other]
        cells = [table.cell(i, "Amount") for i in at]
        header = table.header(at[0], "Currency")
        book.issues.append(table.issue(at[0], "Amount", (
            f"{len(at)} amount(s) written in another currency than their {header} (the "
            f"first in {written[at[0]]}, its {header} {currency[at[0]]}): read in the "
            f"{header} as written; correct whichever is wrong ({cells_named(cells)})")))
