"""Credit review dates as credit controllers schedule them: a month (``Mar 2027``, ``03/2027``,
``2027-03``, ``مارس ٢٠٢٧``) or a year (``2027``, as text or as a number, which as a date would
be Excel's day 2,027: 19/07/1905). The review is due by the period's end, its last day, so no
review is called overdue before its month or year is out. One Input Issue per column says how
many were read so, at the first."""

from __future__ import annotations

import calendar
import re
from datetime import datetime

import numpy as np

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue
from ar_excel.parsing import is_blank, month_number, normalize_digits

_YEARS = range(2000, 2101)
_MONTH_WORD_YEAR = re.compile(r"^([^\W\d_]+)\.?[\s\-/,]*(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[/\-.]\s*(\d{1,2})$")


def period_end(value: object) -> datetime | None:
    """The last day of the month or year a review cell names, else None. (A quarter,
    ``Q1 2027``, stays a value that cannot be used: the demo book plants it as one.)"""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return datetime(int(value), 12, 31) if float(value).is_integer() and \
            int(value) in _YEARS else None
    if not isinstance(value, str):
        return None
    text = " ".join(normalize_digits(value).split())
    if text.isdigit():
        return datetime(int(text), 12, 31) if int(text) in _YEARS else None
    if m := _MONTH_WORD_YEAR.match(text):
        month, year = month_number(m[1]), int(m[2])
    elif m := _MONTH_YEAR.match(text):
        month, year = int(m[1]), int(m[2])
    elif m := _YEAR_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
    else:
        return None
    if not month or not 1 <= month <= 12 or year not in _YEARS:
        return None
    return datetime(year, month, calendar.monthrange(year, month)[1])


def review_periods(values: np.ndarray, sheet: str, letter: str, header: str,
                   excel_rows: list[int]) -> tuple[np.ndarray, list[Issue]]:
    """The review column with each month or year replaced by its last day, and the Input
    Issue saying so (none when no cell names a period)."""
    found = [(p, end) for p, v in enumerate(values.tolist())
             if not is_blank(v) and not isinstance(v, datetime) and (end := period_end(v))]
    if not found:
        return values, []
    out = values.copy()
    for p, end in found:
        out[p] = end
    first, end = found[0]
    cells = [f"{letter}{excel_rows[p]}" for p, _ in found]
    return out, [Issue(sheet, cells[0], header, values[first],
                       f"{len(found)} review date(s) given as a month or a year read as its "
                       f"last day ('{str(values[first]).strip()}' = {end:%d/%m/%Y}): "
                       f"{cells_named(cells)}")]
