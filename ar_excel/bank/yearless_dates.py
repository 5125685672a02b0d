"""Dates printed without their year ("22/11", "22 Nov"): statements converted from PDF print
the year once, in the statement period above the lines.

The rule: where (nearly) every date of a column has a day and a month but no year, and the
rows above the table name the period's year (one year, or two consecutive ones for a period
across the new year), each date takes that year - across the new year, a date of the second
half of the year takes the first year and one of the first half the second. Where the rows
above name no year, nothing is guessed: the dates stay unreadable and each line says so.
"""

from __future__ import annotations

import re
from typing import Any

from ar_excel.parsing import is_blank, normalize_digits

_YEARLESS = re.compile(r"^(\d{1,2})([./\- ])(\d{1,2}|[^\W\d_]{3,9})\.?$")  # "22.11." too
_YEAR = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _month(text: str, day_first: bool, day: str) -> int | None:
    if text.isdigit():
        return int(text) if day_first else int(day)
    return _MONTHS.get(text[:3].lower())


def years_from_the_period(cells: list[Any], preamble: list[list[Any]], day_first: bool = True
                          ) -> tuple[list[Any], str] | None:
    """The cells with the period's year added, and a note saying so; None where the
    column's dates are not year-less or the rows above name no year to give them."""
    head = [normalize_digits(c).strip() for c in cells[:200] if isinstance(c, str) and c.strip()]
    if not head or sum(bool(_YEARLESS.match(t)) for t in head) < 0.8 * len(head):
        return None  # most files: the first dates already carry their year
    texts = [normalize_digits(c).strip() if isinstance(c, str) else c for c in cells]
    filled = [t for t in texts if not is_blank(t)]
    matches = [_YEARLESS.match(t) if isinstance(t, str) else None for t in filled]
    if not filled or sum(m is not None for m in matches) < 0.8 * len(filled):
        return None
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
    sample = next(t for t in filled if isinstance(t, str) and _YEARLESS.match(t))
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[1]}"
    return out, (f"the dates carry no year ('{sample}'); the year was taken from the statement "
                 f"period above the lines ({span})")
