"""Dates a clerk typed without their year ("12/10", "12 أكتوبر", "Oct 12") in a register whose
other rows give it: each is read in the year that puts it nearest the dated row above it (the
one below, at the top of the list), so "2/1" under 30/12/2026 is 2 January 2027. A column
with no full date to go by keeps them as the Input Issues they are. One Input Issue per column
says how they were read, with their cells."""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue
from ar_excel.parsing import ValueTypes, month_number
from ar_excel.parsing.digits import normalize_digits

_NUMBERS = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\.?$")
_WORD = r"([^\d\s\-/.,]+(?:\s[^\d\s\-/.,]+)?)"  # (two words: "تشرين الأول")
_DAY_WORD = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*" + _WORD + r"\.?$")
_WORD_DAY = re.compile(r"^" + _WORD + r"\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?$")
# The English months as written whole or cut short: a word only starting like one
# ("Novemberish") is no month here, with no year to vouch for the cell being a date.
_ENGLISH = frozenset(
    ["sept"] + [m[:3] for m in ("january", "february", "march", "april", "may", "june",
                                "july", "august", "september", "october", "november",
                                "december")]
    + ["january", "february", "march", "april", "may", "june", "july", "august",
       "september", "october", "november", "december"])


def _month_named(word: str) -> int | None:
    if word.isascii() and word.lower() not in _ENGLISH:
        return None
    return month_number(word)


def _day_month(text: str, day_first: bool) -> tuple[int, int] | None:
    s = " ".join(normalize_digits(text).split())
    if m := _NUMBERS.match(s):
        a, b = int(m[1]), int(m[2])
        return (a, b) if day_first else (b, a)
    for pattern, day_at, word_at in ((_DAY_WORD, 1, 2), (_WORD_DAY, 2, 1)):
        if (m := pattern.match(s)) and (month := _month_named(m[word_at])) is not None:
            return int(m[day_at]), month
    return None


def _nearest(day: int, month: int, anchor: pd.Timestamp) -> datetime | None:
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(datetime(year, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs(pd.Timestamp(d) - anchor)) if found else None


def yearless_dates(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                   errors: dict[int, str], sheet: str, letter: str, header: str,
                   excel_rows: list[int], day_first: bool) -> tuple[pd.Series, list[Issue]]:
    """``series`` with the dates typed without a year read in their neighbours' year, their
    errors dropped; the Input Issue saying so."""
    todo = [p for p in errors if isinstance(values[p], str)]
    if not todo or series.notna().sum() == 0:
        return series, []
    dated = np.flatnonzero(series.notna().to_numpy())
    read: dict[int, datetime] = {}
    for pos in sorted(todo):
        parts = _day_month(values[pos], day_first)
        if parts is None:
            continue
        above = dated[dated < pos]
        anchor = series.iat[int(above[-1] if len(above) else dated[0])]
        day = _nearest(*parts, pd.Timestamp(anchor))
        if day is not None and abs(pd.Timestamp(day) - pd.Timestamp(anchor)).days <= 183:
            read[pos] = day
    if not read:
        return series, []
    series = series.copy()
    for pos, day in read.items():
        series.iat[pos] = pd.Timestamp(day)
        del errors[pos]
    cells = [f"{letter}{excel_rows[p]}" for p in read]
    first = next(iter(read))
    return series, [Issue(sheet, cells[0], header, values[first], (
        f"{len(read)} date(s) typed without a year read in the year of the dates around them "
        f"('{str(values[first]).strip()}' = {read[first]:%d/%m/%Y}) ({cells_named(cells)})"))]
