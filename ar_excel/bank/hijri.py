"""Hijri dates in Saudi and Gulf statement exports, converted to the Gregorian calendar.

The rule: a date column whose every date has a year of the Hijri era (1300-1500, e.g.
``1448/06/12`` or ``12/06/1448``, the day always before the month) is a Hijri column; its dates
are read in the Umm al-Qura calendar (Saudi Arabia's official one, as the banks print it) with
``hijridate`` and become the Gregorian dates matching and aging work with (1448/06/12 = 22 Nov
2026). A Gregorian column beside it is preferred where there is one (``column_words``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ar_excel.parsing import is_blank, normalize_digits

_HIJRI = re.compile(r"^\s*(?:(1[34]\d\d)[./-](\d{1,2})[./-](\d{1,2})|(\d{1,2})[./-](\d{1,2})[./-]"
                    r"(1[34]\d\d))\s*(?:هـ|ه|AH)?\s*$")


def hijri_parts(value: Any) -> tuple[int, int, int] | None:
    """(year, month, day) of a Hijri date text (``1448/06/12``, ``12-06-1448 هـ``), else None."""
    if not isinstance(value, str):
        return None
    m = _HIJRI.match(normalize_digits(value))
    if not m:
        return None
    if m.group(1):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return int(m.group(6)), int(m.group(5)), int(m.group(4))


def mostly_hijri(cells: list[Any]) -> bool:
    """Whether the dates of a column are Hijri: at least 4 in 5 of its distinct filled values
    (the others: page footers, totals rows, balances). A statement repeats its dates, so the
    distinct values are few."""
    filled = [c for c in dict.fromkeys(cells) if not is_blank(c)]
    hits = sum(hijri_parts(c) is not None for c in filled)
    return hits > 0 and hits >= 0.8 * len(filled)


def to_gregorian(value: Any) -> Any:
    """A Hijri date text -> the Gregorian ``date``; any other value is returned as it is (a
    Hijri date that does not exist, 1448/13/40, stays text and is reported as unreadable)."""
    from hijridate import Hijri

    parts = hijri_parts(value)
    if parts is None:
        return value
    try:
        day = Hijri(*parts).to_gregorian()
    except (ValueError, OverflowError):
        return value
    return date(day.year, day.month, day.day)
