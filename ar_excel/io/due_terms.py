"""A Due Date cell holding the invoice's terms instead of a date.

A hand-kept invoice list's Due Date column sometimes holds the terms the invoice was sold on
(``45 يوم``, ``Net 60``, ``آجل 90``, a bare ``30``: Excel shows that number as a day of
January 1900). The clerk wrote when this invoice falls due: that many days after its own
date, which may differ from the customer's usual terms in the master. Read so, and said at
the cell, in place of its "not a date" issue. A cell that is neither a date nor terms keeps
that issue (the invoice is then due by the master's terms, as a blank Due Date is)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.model import Issue
from ar_excel.parsing import month_end_terms, parse_terms

_LONGEST = 366  # terms of more days are no terms anyone sells on: a slip, left unread


def due_dates_as_terms(parsed: dict[str, pd.Series], raw: dict[str, pd.Series],
                       unreadable: dict[str, set[int]], issues: list[Issue], sheet: str,
                       letter: str, excel_rows: list[int]) -> None:
    """Each unreadable Due Date holding terms, on a row with an Invoice Date, read as that
    date plus the days (``parsed`` and ``unreadable`` updated), its issue reworded."""
    due, dated = parsed.get("Due Date"), parsed.get("Invoice Date")
    if due is None or dated is None or not unreadable.get("Due Date"):
        return
    values = raw["Due Date"]
    found: dict[int, tuple[int, pd.Timestamp]] = {}
    for pos in sorted(unreadable["Due Date"]):
        value, start = values.iat[pos], dated.iat[pos]
        if pd.isna(start) or isinstance(value, bool) or month_end_terms(value) is not None:
            continue  # (terms from a month's end: counted from it, not read here)
        try:
            days = parse_terms(value)
        except (ValueError, TypeError):
            continue
        if days is None or not 0 <= days <= _LONGEST:
            continue
        found[pos] = (int(days), pd.Timestamp(start) + pd.Timedelta(days=int(days)))
    if not found:
        return
    out = due.copy()
    out.iloc[list(found)] = np.array([d for _, d in found.values()], dtype="datetime64[ns]")
    parsed["Due Date"] = out
    unreadable["Due Date"] -= set(found)
    cells = {f"{letter}{excel_rows[pos]}": pos for pos in found}
    for k, issue in enumerate(issues):
        pos = cells.get(issue.cell) if issue.sheet == sheet else None
        if pos is None or "not a date" not in issue.message:
            continue
        days, when = found[pos]
        shown = f"{values.iat[pos]:g}" if isinstance(values.iat[pos], float) \
            else str(values.iat[pos]).strip()
        issues[k] = Issue(issue.sheet, issue.cell, issue.column, issue.value,
                          f"'{shown}' is payment terms, not a date: the invoice is due {days} "
                          f"days after its date, on {when.date().isoformat()}")
