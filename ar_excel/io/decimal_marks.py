"""Which mark is the decimal one, where a typed amount could be read two ways.

An amount typed as text shows its decimal mark only when the text settles it: ``1,234.56``
and ``12.5`` use a point, ``1.234,56`` and ``12,5`` a comma. A column's unambiguous values
decide for its ambiguous ones (``parsing.column_decimal_comma``); two cases are left, and
neither may be read in silence:

* **A column mixing both conventions** (``1.234,56`` on one row, ``1,234.56`` on another:
  amounts pasted from two sources). Its unambiguous values are each read by their own mark;
  a value reading differently under the two (``1.234``: 1.234 or 1,234; ``1,500``) is read
  by the Policy's convention and said at its cell, with the column's evidence both ways.
* **``12.000`` in a column nothing else decides**: a point before exactly three digits is
  the decimal mark of a currency counted in thousandths (12.000 KWD, BHD, OMR, JOD: twelve
  dinars and no fils, the way the Gulf's systems print them), and groups thousands in every
  other currency's amount (12.000 EGP: twelve thousand, as a European-style export prints
  it: a pound has no third decimal). Each row is decided by its currency: the amount's own
  (``KD 12.000``), else the row's Currency, the customer's, the Policy's base currency, or
  the book's only currency. Thousands are said in one Input Issue per column; a row whose
  currency is nowhere to be found keeps the point's reading (12) and is said too, since it
  may mean 12,000. A column whose other values show a point (``1,250.500``, ``12.5``), or
  four digits written without grouping (``1500``: this list does not group thousands) reads
  its ``12.000`` as 12, in silence; a Policy that says ``decimal_comma`` has read it as
  12,000 already. A column grouping thousands with commas and showing no decimals
  (``75,000`` beside ``50.000``) is decided by the currency too, since its point stands
  where its other amounts have a comma; in dinars, whose fils this column does not show
  elsewhere, ``50.000`` stays fifty and is said at its cell, as it may mean 50,000.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.money import decimals_of
from ar_excel.io.cells_named import cells_named
from ar_excel.model import SHEET, Issue, Table
from ar_excel.parsing import (
    normalize_digits,
    parse_currency,
    parse_number_text,
)
from ar_excel.parsing.columns import COMMA_DECIMAL, POINT_DECIMAL, decimal_votes
from ar_excel.parsing.numbers import ARABIC_DECIMAL, CURRENCY_WORDS

# A point before exactly three digits, no other separator: 12.000, (25.125), KD 2.500
_DOT_THREE = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")
_NUMBER_PART = re.compile(r"[\d.,]+")
_ONE_POINT_THREE = re.compile(r"\d{1,3}\.\d{3}")
_BARE_FOUR = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")
_COMMA_GROUP = re.compile(r"\d,\d{3}(?!\d)")
# Quick screens of a column's texts joined, each led by its separator, so searched for fast
# (a regex's \d is any script's digit; the Arabic separators are made ASCII first): a decimal
# comma may be there (",5", ",50" or ".234,"), a point before three digits may be.
_COMMA_HINTS = (re.compile(r",\d{1,2}(?!\d)"), re.compile(r"\.\d{3},"))
_POINT_THREE_HINT = re.compile(r"\.\d{3}(?![\d.,])")
_ARABIC_SEPARATORS = (("\u066b", "."), ("\u066c", ","), ("\u060c", ","))
# ``frame.attrs`` key: the amount columns of a table read whose texts may hold ``12.000``
# (absent: not screened, e.g. sheets read together)
MAY_HOLD_THOUSANDTHS = "may_hold_thousandths"


# An amount reading two ways: one kind of separator, each before three digits ("1.234",
# "7,500", "1,234,567"), no other.
_AMBIGUOUS = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3})+|(?:,\d{3})+)(?![\d.,])")

# The amount columns read in each contract sheet, all in the row's currency.
AMOUNT_FIELDS = {"Invoices": ("Amount", "Paid Amount", "Balance"),
                 "Payments": ("Amount",), "Customers": ("Credit Limit",)}


def _shown(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.3f}"


# ------------------------------------------------------------ a column mixing conventions


def _readings(text: str) -> tuple[float | None, float | None]:
    """A text's amount read with a decimal point and with a decimal comma (None: not so)."""
    out = []
    for comma in (False, True):
        try:
            out.append(parse_number_text(text, comma))
        except ValueError:
            out.append(None)
    return out[0], out[1]


def amount_marks(values: np.ndarray, texts_at: np.ndarray, errors: dict[int, str],
                 decimal_comma: bool, sheet: str, letter: str, header: str,
                 excel_rows: list[int]) -> tuple[list[Issue], bool]:
    """The Input Issues of an amount column mixing decimal commas and points (``mixed_marks``)
    and whether any of its texts may be a ``12.000`` (``thousands_by_currency`` looks at the
    columns so marked only), its typed texts (at ``texts_at``) joined once for both."""
    texts = values[texts_at].tolist()
    joined = "\x00".join(texts)  # (no cell holds a NUL)
    view = joined  # (the Arabic separators made ASCII: whole-text normalising costs more)
    for arabic, ascii_mark in _ARABIC_SEPARATORS:
        if arabic in view:
            view = view.replace(arabic, ascii_mark)
    three = _POINT_THREE_HINT.search(view) is not None
    if not any(hint.search(view) for hint in _COMMA_HINTS):
        return [], three  # (most columns: no decimal comma anywhere)
    return mixed_marks(values, texts_at, texts, normalize_digits(joined), errors,
                       decimal_comma, sheet, letter, header, excel_rows), three


def mixed_marks(values: np.ndarray, texts_at: np.ndarray, texts: list[str], joined: str,
                errors: dict[int, str], decimal_comma: bool, sheet: str, letter: str,
                header: str, excel_rows: list[int]) -> list[Issue]:
    """Each ambiguous amount of a column mixing decimal commas and points, said at its cell
    (module docstring). ``texts``: the column's typed texts (at ``texts_at``), ``joined``:
    them joined by NULs, digits made ASCII; each match is placed by its offset."""
    comma = COMMA_DECIMAL.search(joined)
    point = POINT_DECIMAL.search(joined) if comma else None
    hits = _AMBIGUOUS.finditer(joined) if point else None
    if hits is None:
        return []
    normalized = joined.split("\x00")
    starts = list(accumulate((len(t) + 1 for t in normalized[:-1]), initial=0))

    def position(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    ambiguous = []
    for k in dict.fromkeys(position(m.start()) for m in hits):
        pos, text = int(texts_at[k]), texts[k]
        if pos in errors or any(decimal_votes([normalized[k]])):
            continue
        read_point, read_comma = _readings(text)  # (the Arabic marks read one way)
        if read_point is not None and read_comma is not None and read_point != read_comma:
            ambiguous.append((pos, text, read_point, read_comma))
    if not ambiguous:
        return []
    comma_at, point_at = (int(texts_at[position(m.start())]) for m in (comma, point))
    evidence = (f"decimal commas ('{str(values[comma_at]).strip()}' at "
                f"{letter}{excel_rows[comma_at]}) and points ('{str(values[point_at]).strip()}'"
                f" at {letter}{excel_rows[point_at]})")
    how = "a decimal comma" if decimal_comma else "a decimal point"
    issues = []
    for pos, text, point_read, comma_read in ambiguous:
        read, other = (comma_read, point_read) if decimal_comma else (point_read, comma_read)
        issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, text,
                            f"'{text.strip()}' read as {_shown(read)} ({how}, as the Policy "
                            f"says), but the column mixes {evidence}: it may mean "
                            f"{_shown(other)}; type it as a number"))
    return issues


# ------------------------------------------------------------ 12.000: twelve or twelve thousand


def _column_settles_point(texts: list[str]) -> bool:
    """Whether a column's typed amounts show how it writes them (module docstring): a
    decimal mark either way, or four digits ungrouped (no ``12.000`` shows either: its own
    column's texts may be searched whole). A comma grouping thousands alone settles nothing
    (``_comma_grouped``)."""
    joined = normalize_digits("\n".join(texts))
    commas, points = decimal_votes([joined])
    if commas or points:
        return True
    return _BARE_FOUR.search(joined) is not None


def _comma_grouped(cells: list[Any]) -> int | None:
    """The position of a column's first amount grouping thousands with a comma ('75,000'),
    in a column showing no decimal mark (``_column_settles_point``): its ``50.000`` has a
    point where its other amounts have a comma. A pound, a riyal or a dirham has no third
    decimal, so that point was typed for the comma (fifty thousand); a dinar's fils are
    written so, but this column writes no fils elsewhere: fifty dinars, said."""
    for i, v in enumerate(cells):
        if type(v) is str and _COMMA_GROUP.search(normalize_digits(v)):
            return i
    return None


def _book_currencies(book: Any) -> set[str]:
    found: set[str] = set()
    for kind in ("Customers", "Invoices"):
        table = book.tables.get(kind)
        if table is not None and "Currency" in table.frame.columns:
            found.update(c for c in table.frame["Currency"].dropna().tolist()
                         if isinstance(c, str) and c)
    return found


def _currency_of_text(text: str) -> str | None:
    for word in CURRENCY_WORDS.findall(normalize_digits(text)):
        try:
            return parse_currency(word)
        except ValueError:
            continue
    return None


def _row_currencies(book: Any, table: Table) -> pd.Series:
    """Each record's currency: its own, its customer's, the Policy's base, the book's only."""
    frame = table.frame
    own = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if "Currency" in frame.columns:
        codes = frame["Currency"]
        if table.kind == "Payments":  # (a column the Payments sheet does not define: as typed)
            codes = codes.map(_parse_code)
        own = codes.where(codes.notna(), None).astype(object)
    customers = book.tables.get("Customers")
    if table.kind != "Customers" and customers is not None and own.isna().any() \
            and "Customer ID" in frame.columns:
        master = customers.frame.dropna(subset=["Customer ID"]).drop_duplicates("Customer ID")
        theirs = frame["Customer ID"].map(dict(zip(master["Customer ID"], master["Currency"],
                                                   strict=True)))
        own = own.where(own.notna(), theirs)
    fallback = book.policy.base_currency or None
    if fallback is None:
        only = _book_currencies(book)
        fallback = next(iter(only)) if len(only) == 1 else None
    return own.where(own.notna(), fallback)


def _parse_code(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_currency(value)
    except ValueError:
        return None


def thousands_by_currency(book: Any) -> None:
    """Read each ``12.000`` of an amount column nothing else decides by its row's currency
    (module docstring); the Input Issues appended to the book's."""
    for kind, fields in AMOUNT_FIELDS.items():
        table = book.tables.get(kind)
        if table is None or table.frame.empty:
            continue
        for field in fields:
            if field in table.raw.columns and field in table.frame.columns:
                book.issues.extend(_column_thousands(book, table, field))


def _column_thousands(book: Any, table: Table, field: str) -> list[Issue]:
    if book.policy.decimal_comma:
        return []  # (read as thousands already: the Policy says so)
    screened = table.frame.attrs.get(MAY_HOLD_THOUSANDTHS)
    if screened is not None and field not in screened:
        return []
    raw = table.raw[field].to_numpy(dtype=object)
    cells = raw.tolist()
    joined = normalize_digits("\n".join(v for v in cells if type(v) is str))
    if not _DOT_THREE.search(joined):
        return []
    if _column_settles_point([joined]):
        return []  # (its "12.000" shapes show nothing either way: the search is on all)
    grouped = _comma_grouped(cells) if _COMMA_GROUP.search(joined) else None
    at = [i for i, v in enumerate(cells) if type(v) is str]
    texts = [raw[i] for i in at]
    candidates = []
    for i, text in zip(at, texts, strict=True):
        if ARABIC_DECIMAL in text:
            continue  # (a decimal mark by its shape: ``parsing.arabic_marks``)
        numbers = _NUMBER_PART.findall(normalize_digits(text))
        if len(numbers) == 1 and _ONE_POINT_THREE.fullmatch(numbers[0]):
            candidates.append(i)
    if not candidates:
        return []
    frame = table.frame
    values = frame[field].to_numpy(dtype=float).copy()
    currencies = None
    thousands, unknown, fils = [], [], []
    for i in candidates:
        value = values[i]
        if np.isnan(value):
            continue
        text = raw[i]
        try:
            point = parse_number_text(text, False)
        except ValueError:
            continue
        if abs(abs(value) - abs(point)) > 1e-9:
            continue  # (worked out from more than this cell: a debit less a credit)
        code = _currency_of_text(text)
        if code is None:
            if currencies is None:
                currencies = _row_currencies(book, table)
            code = currencies.iat[i]
        if not isinstance(code, str) or not code:
            unknown.append(i)
        elif decimals_of(code) != 3:
            values[i] = round(value * 1000, 6)
            thousands.append((i, code))
        elif grouped is not None:
            fils.append(i)
    issues = []
    if thousands:
        frame[field] = pd.Series(values, index=frame.index)
        for twin in AMOUNT_FIELDS[table.kind]:  # (an Amount copied from the Balance read)
            if twin != field and twin not in table.raw.columns and twin in frame.columns \
                    and table.letters.get(twin) == table.letters.get(field):
                copied = frame[twin].to_numpy(dtype=float).copy()
                rows = [i for i, _ in thousands]
                copied[rows] = values[rows]
                frame[twin] = pd.Series(copied, index=frame.index)
        issues.extend(_said(table, field, [i for i, _ in thousands], (
            lambda first, n, cells: f"{n} amount(s) written with a point before three digits "
            f"read as thousands ('{str(raw[first]).strip()}' = {_shown(values[first])}: "
            f"{thousands[0][1]} has no third decimal, the point groups thousands): {cells}")))
    if unknown:
        issues.extend(_said(table, field, unknown, (
            lambda first, n, cells: f"{n} amount(s) written with a point before three digits "
            f"read as decimals ('{str(raw[first]).strip()}' = {_shown(values[first])}, as a "
            f"dinar's fils are written), but no currency says so: it may mean "
            f"{_shown(values[first] * 1000)}; give the row its Currency (or the Policy its "
            f"base_currency): {cells}")))
    if fils:
        evidence = f"'{str(raw[grouped]).strip()}' at {table.cell(frame.index[grouped], field)}"
        issues.extend(_said(table, field, fils, (
            lambda first, n, cells: f"{n} amount(s) written with a point before three digits "
            f"read as decimals ('{str(raw[first]).strip()}' = {_shown(values[first])}, as a "
            f"dinar's fils are written), but the column groups thousands with commas without "
            f"decimals ({evidence}): it may mean {_shown(values[first] * 1000)}; type it as "
            f"a number: {cells}")))
    return issues


def _said(table: Table, field: str, positions: list[int], words: Any) -> list[Issue]:
    """One Input Issue per sheet of the table naming its cells, at the first."""
    frame = table.frame
    by_sheet: dict[str, list[int]] = {}
    for i in positions:
        index = frame.index[i]
        sheet = table.sheet_at(index) if SHEET in frame.columns else table.sheet
        by_sheet.setdefault(sheet, []).append(i)
    issues = []
    for sheet, where in by_sheet.items():
        cells = [table.cell(frame.index[i], field) for i in where]
        first = frame.index[where[0]]
        issues.append(Issue(sheet, cells[0], table.header(first, field),
                            table.raw.at[first, field], words(where[0], len(where),
                                                              cells_named(cells))))
    return issues
