"""Payment terms exported as a day and a kind in two columns (Xero's contacts:
``DueDateSalesDay`` and ``DueDateSalesTerm``), read as the one Payment Terms they make:

* ``DAYSAFTERBILLDATE`` N: net N days (``Net 30``);
* ``DAYSAFTERBILLMONTH`` N: N days after the end of the bill's month (``EOM + 7``);
* ``OFFOLLOWINGMONTH`` N: the Nth of the month after the bill's (``20th of following month``,
  the end of the bill's month + N days);
* ``OFCURRENTMONTH`` N: the Nth of the bill's own month, a date the terms in days cannot
  hold (an invoice dated after the Nth would be due before it was raised): an Input Issue
  at its cell, as any terms that cannot be read.

The day column's cell stands for the terms (its address in any message); the kind column is
carried as written. A sheet with its own Payment Terms column keeps it."""

from __future__ import annotations

from typing import Any

import numpy as np

from ar_excel.names import match_key

_DAY = frozenset(match_key(w) for w in ("DueDateSalesDay", "Due Date Sales Day"))
_KIND = frozenset(match_key(w) for w in ("DueDateSalesTerm", "Due Date Sales Term"))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def terms_text(day: Any, kind: Any) -> Any:
    """The Payment Terms a day and its kind make (``20``, ``OFFOLLOWINGMONTH`` ->
    ``20th of following month``); the day as it stands where the kind is blank or unknown."""
    n = _day(day)
    said = match_key(kind) if isinstance(kind, str) else ""
    if n is None or not said:
        return day
    if said == "daysafterbilldate":
        return f"Net {n}"
    if said == "daysafterbillmonth":
        return f"EOM + {n}"
    if said == "offollowingmonth":
        return f"{_ordinal(n)} of following month"
    if said == "ofcurrentmonth":
        return f"{_ordinal(n)} of current month"
    return day


def terms_from_day_and_kind(header: list[Any], names: list[str],
                            columns: list[np.ndarray]) -> int | None:
    """Where a sheet gives its terms as a day column and a kind column and no Payment Terms,
    the day column's values become the terms they make (in place); its position, else None."""
    if "Payment Terms" in names:
        return None
    day = next((j for j, h in enumerate(header) if match_key(h) in _DAY), None)
    kind = next((j for j, h in enumerate(header) if match_key(h) in _KIND), None)
    if day is None or kind is None:
        return None
    combined = np.empty(len(columns[day]), dtype=object)
    combined[:] = [terms_text(d, k) for d, k in zip(columns[day].tolist(),
                                                    columns[kind].tolist(), strict=True)]
    columns[day] = combined
    return day
