"""Credit review dates as credit controllers schedule them: a month (``Mar 2027``, ``03/2027``,
``2027-03``, ``مارس ٢٠٢٧``), a quarter or a half (``Q1 2027``, ``2027-Q1``, ``1Q27``, ``الربع
الأول 2027``, ``H2 2027``) or a year (``2027``, as text or as a number, which as a date would
be Excel's day 2,027: 19/07/1905). The review is due by the period's end, its last day (a
review due in Q1 2027 is due by 31/03/2027), so no review is called overdue before its period
is out. One Input Issue per column says how many were read so, at the first."""

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
# A quarter or half: Q1 2027, Q1-2027, Q1/27, 1Q 2027, 2027 Q1, 2027-Q1, FY2027 Q1 (the
# calendar's: a fiscal year's quarters are not known here), H2 2027.
_PART = r"(?:([QH])\s*([1-4])|([1-4])\s*([QH]))"
_PART_YEAR = re.compile(r"^" + _PART + r"[\s\-/,']*(\d{4}|\d{2})$", re.IGNORECASE)
_YEAR_PART = re.compile(r"^(\d{4})[\s\-/,]*" + _PART + "$", re.IGNORECASE)
_ARABIC_QUARTERS = {"الأول": 1, "الاول": 1, "الثاني": 2, "الثانى": 2, "الثالث": 3,
                    "الرابع": 4}
_ARABIC_QUARTER = re.compile(r"^(?:ال)?ربع\s+(\S+)[\s\-/,]*(?:من\s+)?(?:عام\s+|سنة\s+)?(\d{4})$")


def _part_end(letter: str, number: int, year: int) -> datetime | None:
    """The last day of quarter (Q) or half (H) ``number`` of ``year``."""
    months = 3 if letter.upper() == "Q" else 6
    month = number * months
    if month > 12 or year not in _YEARS:
        return None
    return datetime(year, month, calendar.monthrange(year, month)[1])


def _part(text: str) -> tuple[str, int, int] | None:
    """The quarter or half a review cell's text names: Q or H, its number and its year."""
    if m := _PART_YEAR.match(text):
        return m[1] or m[4], int(m[2] or m[3]), int(m[5]) if len(m[5]) == 4 else 2000 + int(m[5])
    if m := _YEAR_PART.match(text):
        return m[2] or m[5], int(m[3] or m[4]), int(m[1])
    if (m := _ARABIC_QUARTER.match(text)) and m[1] in _ARABIC_QUARTERS:
        return "Q", _ARABIC_QUARTERS[m[1]], int(m[2])
    return None


def period_end(value: object) -> datetime | None:
    """The last day of the month, quarter, half or year a review cell names, else None."""
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
    if (part := _part(text)) is not None:
        return _part_end(*part)
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
    """The review column with each month, quarter, half or year replaced by its last day, and
    the Input Issue saying so (none when no cell names a period)."""
    found = [(p, end) for p, v in enumerate(values.tolist())
             if not is_blank(v) and not isinstance(v, datetime) and (end := period_end(v))]
    if not found:
        return values, []
    out = values.copy()
    for p, end in found:
        out[p] = end
    first, end = found[0]
    cells = [f"{letter}{excel_rows[p]}" for p, _ in found]
    parts = any(_is_part(values[p]) for p, _ in found)
    periods = "a month, a quarter or a year" if parts else "a month or a year"
    return out, [Issue(sheet, cells[0], header, values[first],
                       f"{len(found)} review date(s) given as {periods} read as its last day "
                       f"('{str(values[first]).strip()}' = {end:%d/%m/%Y}): "
                       f"{cells_named(cells)}")]


def _is_part(value: object) -> bool:
    """Whether a review cell names a quarter or a half (not a month or a year)."""
    return isinstance(value, str) and _part(" ".join(normalize_digits(value).split())) is not None
