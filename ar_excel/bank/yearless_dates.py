"""Dates printed without their year ("22/11", "22 Nov"): statements converted from PDF print
the year once, in the statement period above the lines.

The rule: where (nearly) every date of a column has a day and a month but no year, and the
rows above the table name the period's year (one year, or two consecutive ones for a period
across the new year), each date takes that year - across the new year, a date of the second
half of the year takes the first year and one of the first half the second. Where the rows
above name no year, nothing is guessed: the year the clerk names (``year=2026`` in the column
mapping, ``--bank-columns``) is taken instead, the same way (a December-to-January statement
takes the next year for its January dates); without it the statement cannot be dated, and one
message says so and how to fix it (export with full dates, or name the year), not one per line.
A value date printed without its year beside a booking date with one takes the year that puts
it nearest its booking date (value 02/01 booked 31/12/2026: 2 January 2027).
"""

from __future__ import annotations

import re
from typing import Any

from ar_excel.errors import InputError
from ar_excel.parsing import is_blank, normalize_digits

_YEARLESS = re.compile(r"^(\d{1,2})([./\- ])(\d{1,2}|[^\W\d_]{3,9})\.?$")  # "22.11." too
_YEAR = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# the months' Arabic names as Egypt and the Gulf write them, by their first three letters
_MONTHS.update({"ينا": 1, "فبر": 2, "مار": 3, "أبر": 4, "ابر": 4, "إبر": 4, "ماي": 5, "يون": 6,
                "يول": 7, "أغس": 8, "اغس": 8, "سبت": 9, "أكت": 10, "اكت": 10, "نوف": 11,
                "ديس": 12})


def _month(text: str, day_first: bool, day: str) -> int | None:
    if text.isdigit():
        return int(text) if day_first else int(day)
    return _MONTHS.get(text[:3].lower())


def yearless_sample(cells: list[Any]) -> str | None:
    """The first of the column's dates where (nearly) all of them have a day and a month but
    no year ("02/11", "28 Dec"), else None."""
    head = [normalize_digits(c).strip() for c in cells[:200] if isinstance(c, str) and c.strip()]
    if not head or sum(bool(_YEARLESS.match(t)) for t in head) < 0.8 * len(head):
        return None  # most files: the first dates already carry their year
    texts = [normalize_digits(c).strip() if isinstance(c, str) else c for c in cells]
    filled = [t for t in texts if not is_blank(t)]
    found = [t for t in filled if isinstance(t, str) and _YEARLESS.match(t)]
    if not filled or len(found) < 0.8 * len(filled):
        return None
    return found[0]


def is_yearless(cell: Any) -> bool:
    """Whether the cell is a day and a month without a year."""
    return isinstance(cell, str) and bool(_YEARLESS.match(normalize_digits(cell).strip()))


def named_year(value: Any, source: str) -> int | None:
    """The ``year`` of the column mapping (``year=2026``), checked."""
    if value is None or not str(value).strip():
        return None
    text = normalize_digits(str(value)).strip()
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise InputError(f"{source}: year='{value}' is not a year (write it as 2026)")
    return int(text)


def years_from_the_period(cells: list[Any], preamble: list[list[Any]], day_first: bool = True,
                          year: int | None = None) -> tuple[list[Any], str] | None:
    """The cells with the period's year (or the ``year`` named) added, and a note saying so;
    None where the column's dates are not year-less or no year is known to give them."""
    sample = yearless_sample(cells)
    if sample is None:
        return None
    texts = [normalize_digits(c).strip() if isinstance(c, str) else c for c in cells]
    named = year  # (the loop below gives each date its own year)
    if named is not None:
        months = {_month(m.group(3), day_first, m.group(1)) for t in texts
                  if isinstance(t, str) and (m := _YEARLESS.match(t))}
        across = bool(months & {12, 11}) and bool(months & {1, 2})  # December into January
        years = [named, named + 1] if across else [named]
    else:
        above = " ".join(str(c) for row in preamble for c in row if not is_blank(c))
        years = sorted({int(y) for y in _YEAR.findall(normalize_digits(above))})
    if not years or len(years) > 2 or (len(years) == 2 and years[1] - years[0] != 1):
        return None
    out = []
    for text in texts:
        m = _YEARLESS.match(text) if isinstance(text, str) else None
        if m is None:
            out.append(text)
            continue
        month = _month(m.group(3), day_first, m.group(1))
        year = years[0] if len(years) == 1 or (month or 1) >= 7 else years[1]
        out.append(f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(2)}{year}")
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[1]}"
    if named is not None:
        return out, f"the dates carry no year ('{sample}'); they were given the year named ({span})"
    return out, (f"the dates carry no year ('{sample}'); the year was taken from the statement "
                 f"period above the lines ({span})")


def value_dates_near_booking(cells: list[Any], booked: Any, day_first: bool
                             ) -> tuple[list[Any], int]:
    """The value-date cells with a year given to each year-less one from its line's booking
    date (``booked``: datetime64 per row, NaT where none), the year of the three around it
    that puts it nearest; and how many were given one."""
    import numpy as np

    from ar_excel.bank.numbers import parse_date

    if yearless_sample(cells) is None:
        return cells, 0
    out = list(cells)
    given = 0
    for pos, cell in enumerate(cells):
        if not is_yearless(cell) or np.isnat(booked[pos]):
            continue
        m = _YEARLESS.match(normalize_digits(cell).strip())
        day = np.datetime64(booked[pos], "D")
        year = int(str(day)[:4])
        sep = m.group(2)
        best = None
        for y in (year - 1, year, year + 1):
            try:
                when = parse_date(f"{m.group(1)}{sep}{m.group(3)}{sep}{y}", day_first)
            except ValueError:
                continue
            gap = abs((np.datetime64(when.date(), "D") - day).astype(int))
            if best is None or gap < best[0]:
                best = gap, f"{m.group(1)}{sep}{m.group(3)}{sep}{y}"
        if best is not None:
            out[pos] = best[1]
            given += 1
    return out, given
