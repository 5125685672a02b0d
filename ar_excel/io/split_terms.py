"""Payment terms exported as a day and a kind in two columns (Xero's contacts:
``DueDateSalesDay`` and ``DueDateSalesTerm``), read as the one Payment Terms they make:

* ``DAYSAFTERBILLDATE`` N: net N days (``Net 30``);
* ``DAYSAFTERBILLMONTH`` N: N days after the end of the bill's month (``EOM + 7``);
* ``OFFOLLOWINGMONTH`` N: the Nth of the month after the bill's (``20th of following month``,
  the end of the bill's month + N days);
* ``OFCURRENTMONTH`` N: the Nth of the bill's own month (``25th of current month``; an
  invoice dated after the Nth is due on its own date, never before it was raised).

The day column's cell stands for the terms (its address in any message); the kind column is
carried as written. A sheet with its own Payment Terms column keeps it."""

from __future__ import annotations

from typing import Any

import numpy as np

from ar_excel.names import match_key
from ar_excel.parsing.terms import xero_terms_text

_DAY = frozenset(match_key(w) for w in ("DueDateSalesDay", "Due Date Sales Day"))
_KIND = frozenset(match_key(w) for w in ("DueDateSalesTerm", "Due Date Sales Term"))


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
    if n is None or not isinstance(kind, str) or not kind.strip():
        return day
    return xero_terms_text(n, kind) or day


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
