"""Day first or month first: the order of a statement's numeric dates.

The rule: a column whose dates show the order (a part above 12) is read that way; a statement
period above the header shows it too. Where every date reads both ways, the order that keeps
the statement within about a month is taken and the clerk is told. Date cells that Excel
swapped (a day-first export opened in Excel set to month first: 01/11/2026 became 11 January,
13/11/2026 stayed text) are put right when the dates left as text show it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd

from ar_excel.bank.numbers import (
    LONG_SPAN_DAYS,
    date_order_shown,
    date_parts,
    decide_day_first,
    order_by_span,
    parse_date,
)
from ar_excel.parsing import normalize_digits


def swap_day_month(value: Any) -> Any:
    return value.replace(month=value.day, day=value.month)


def swapped_by_excel(cells: list[Any]) -> list[int]:
    """Positions of date cells Excel made from day-first text read month first.

    Opened in Excel set to month first, a day-first export keeps the dates that cannot be
    month first (13/11/2026) as text and turns the others into wrong dates (01/11/2026 ->
    11 January). The sign: text dates that show day first beside date cells that all have a
    day of 12 or less, which fall among the text dates only with day and month swapped.
    """
    if set(map(type, cells)) <= {str, type(None)}:
        return []  # a CSV's text: no date cells for Excel to have swapped
    stored = [i for i, v in enumerate(cells) if isinstance(v, date)]
    texts = [v for v in cells if isinstance(v, str) and date_parts(v) is not None]
    if not stored or not texts or date_order_shown(texts) is not True:
        return []
    if any(cells[i].day > 12 for i in stored):
        return []
    try:
        written = [parse_date(v, True) for v in texts]
    except (ValueError, OverflowError):
        return []
    low, high = min(written), max(written)

    def outside(days: list[pd.Timestamp]) -> int:
        return sum(not (low - pd.Timedelta(days=31) <= d <= high + pd.Timedelta(days=31))
                   for d in days)

    as_stored = [pd.Timestamp(cells[i]).normalize() for i in stored]
    as_swapped = [pd.Timestamp(swap_day_month(cells[i])).normalize() for i in stored]
    return stored if outside(as_swapped) < outside(as_stored) else []


DATE_TEXT = re.compile(r"(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?![\d.])")


def date_texts(rows: list[list[Any]]) -> list[str]:
    """Numeric dates written in text cells (a preamble's statement period, 'as of ...')."""
    return [m.group(0) for row in rows for c in row if isinstance(c, str)
            for m in DATE_TEXT.finditer(normalize_digits(c))]


def span_order_note(values: list[Any], day_first: bool) -> tuple[str, str]:
    """The issue telling the clerk that the day/month order was decided by the span."""
    sample = next(v for v in values if date_parts(v) is not None)
    read = parse_date(sample, day_first)
    order = "day first" if day_first else "month first"
    other = "month first" if day_first else "day first"
    sep = next((c for c in str(sample) if c in "./- "), "/")
    year = "%Y" if re.search(r"\d{4}", str(sample)) else "%y"
    fmt = sep.join(("%m", "%d", year) if day_first else ("%d", "%m", year))  # the other order
    return sample, (
        f"every date of the statement reads both ways; read {order} ('{sample}' = "
        f"{read:%d %b %Y}) because {other} would spread the statement over more than "
        f"{LONG_SPAN_DAYS} days. If that is wrong, name the order with --bank-columns "
        f"\"date_format={fmt}\"")


def decide_date_order(values: list[Any], preamble: list[list[Any]], preference: bool | None,
                      forced: bool = False) -> tuple[bool, tuple[str, str] | None]:
    """Whether the statement's dates are day first, and the note for the clerk (sample,
    message) where that was decided by the statement's span.

    ``values``: the distinct cells of the date columns; ``preamble``: the rows above the
    header (a statement period there, "11/01/2026 - 11/30/2026", shows the order too);
    ``preference``: the order asked for (else the contract's day first); ``forced``: the
    order or a date format was named, so no other evidence overrides it.
    """
    shown = date_order_shown([*values, *date_texts(preamble)])
    if shown is not None:
        return shown, None
    dayfirst = decide_day_first([], preference)
    if forced:
        return dayfirst, None
    by_span = order_by_span(values, dayfirst)
    if by_span != dayfirst:
        return by_span, span_order_note(values, by_span)
    return dayfirst, None
