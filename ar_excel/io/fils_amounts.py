"""Amounts kept without a currency that are written in fils: three decimals.

A book naming one currency (a few USD customers) beside customers and invoices kept without
one reads the blank as that currency when nothing else says the company's own
(``core.local_currency``'s last step, a guess). A Kuwaiti company's hand-kept list writes
its own dinars blank and in fils, ``1,250.500``: read as USD the invoice is 1,250.50 dollars,
and the guess's Input Issue is easily passed over. Three decimals are how a dinar or a rial
(KWD, BHD, OMR, JOD...) is written, never a dollar or a pound: such amounts contradict the
guess, so the blank is left blank (the jobs show those amounts without a currency, apart from
the USD ones) and one Input Issue asks for the currency, naming the cells.

An amount shows three decimals where its text does so unmistakably (``1,250.500``,
``1250.500``, ``KD 3,400.250``; not ``1.250``, which may group thousands) or its number has a
thousandth (``1250.125``). It takes more such amounts than amounts written with two decimals
(``1,250.50``) among those kept without a currency.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ar_excel.core.entries import per_distinct
from ar_excel.core.money import decimals_of
from ar_excel.io.cells_named import cells_named
from ar_excel.io.dinars import customer_currencies
from ar_excel.model import Book, Issue
from ar_excel.parsing import normalize_digits

if TYPE_CHECKING:
    from ar_excel.core.local_currency import LocalCurrency

_THREE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{4,}|0)\.\d{3}(?![\d.,])")
_TWO = re.compile(r"(?<![\d.,])\d[\d,]*\.\d{2}(?![\d.,])")
_KEY = ("fils without a currency", "")


def _places(value: object) -> int | None:
    """3 where a cell shows three decimals, 2 where it shows two, else None."""
    if isinstance(value, str):
        text = normalize_digits(value).replace("٫", ".").replace("٬", ",")
        return 3 if _THREE.search(text) else 2 if _TWO.search(text) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    thousandths = round(abs(float(value)) * 1000, 6)
    if thousandths.is_integer() and int(thousandths) % 10:
        return 3
    return None


def fils_without_a_currency(book: Book) -> list[int]:
    """The invoice rows (frame index) kept without a currency, on the invoice or its
    customer, whose Amount is written in fils; [] unless such amounts outnumber those
    written with two decimals. Worked out once per book."""
    if _KEY in book.worked_out:
        return book.worked_out[_KEY]
    found = _fils_rows(book) if _guessed_cents(_book_currency(book)) else []
    book.worked_out[_KEY] = found
    return found


def _fils_rows(book: Book) -> list[int]:
    """The invoice rows kept without a currency whose Amount is written in fils, where such
    amounts outnumber those written with two decimals; else []."""
    table = book.tables.get("Invoices")
    if table is None or not len(table.frame) or "Amount" not in table.raw:
        return []
    frame = table.frame
    own = frame["Customer ID"].map(customer_currencies(book))
    blank = frame["Currency"].isna() & own.isna() if "Currency" in frame else own.isna()
    # (each distinct cell once: a list of many rows writes few amounts twice, and is
    # looked at only where the currency is at stake)
    places = per_distinct(table.raw["Amount"][blank.to_numpy()], _places)
    three = places.index[places == 3].tolist()
    return three if three and len(three) > int((places == 2).sum()) else []


def _book_currency(book: Book) -> LocalCurrency:
    """What ``core.local_currency`` reads a blank currency as in this book."""
    from ar_excel.core.local_currency import local_currency

    return local_currency(book.policy, book.named_currencies(), book.frame("Customers"))


def _guessed_cents(guess: LocalCurrency) -> bool:
    """Whether the book's blank currency would be its only named currency, a guess, of a
    currency counting cents: the only case fils can contradict."""
    from ar_excel.core.local_currency import GUESSED

    return guess.source == GUESSED and decimals_of(guess.code) < 3


def fils_issue(book: Book) -> list[Issue]:
    """One Input Issue where amounts kept without a currency are written in fils and the
    only currency the workbook names counts cents (the blank is not read as it), or nothing
    names any (the amounts count in cents, their fils rounded away: 99.999 aged as 100.00,
    unless the book says which dinar or rial it keeps)."""
    rows = fils_without_a_currency(book)
    code = _book_currency(book).code
    if rows:
        why = (f", and {code}, the only currency the workbook names, counts cents: their "
               f"currency is left blank, not read as {code};")
    else:  # (nothing names a currency: no code, not even a guess)
        rows = _fils_rows(book) if code is None else []
        why = " and nothing in the workbook names the currency: they are counted to the cent;"
    if not rows:
        return []
    table = book.tables["Invoices"]
    first = table.raw.at[rows[0], "Amount"]
    shown = first.strip() if isinstance(first, str) else f"{first:,.3f}"
    cells = [table.cell(i, "Amount") for i in rows]
    return [table.issue(rows[0], "Amount", (
        f"{len(rows)} amount(s) kept without a currency are written with three decimals "
        f"({shown}: fils, as a dinar or rial counts them){why} write it in the Currency "
        f"column (e.g. KWD, BHD, OMR) or set Base Currency on the Policy sheet "
        f"({cells_named(cells)})"))]

