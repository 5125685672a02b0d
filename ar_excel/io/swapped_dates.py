"""Dates an export's CSV lost to Excel's other date order.

An ERP's CSV (Xero's invoices, a bank's or a local package's list) written day first
(``25/11/2026``) and opened in an Excel set to month first turns every date it can read that
way into a date, day and month swapped (``05/11/2026`` becomes 11 May), and leaves the rest,
whose day is above 12, as text. Saved as .xlsx, the column holds date cells none of which
has a day above 12 beside texts every one of which has its first part above 12: the texts
show the order the export wrote, and the cells are that order read the other way round.
The same happens the other way (a month-first CSV opened day first).

Where a date column shows exactly that (texts all of one order, at least two date cells,
none with a day above 12 or a time of day, one at least with day and month differing), the
cells' day and month are swapped back, and one Input Issue names them. A column whose date
cells have a day above 12, or whose texts could be read either way, is left as read.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue
from ar_excel.parsing import ValueTypes, normalize_digits
from ar_excel.parsing.dates import DAY_MONTH_YEAR

_MIN_CELLS = 2


def _text_order(texts: list[str]) -> str | None:
    """"dmy" where every typed date puts a day above 12 first, "mdy" where every one puts it
    second, else None (no such text, or both)."""
    first = second = 0
    for text in texts:
        m = DAY_MONTH_YEAR.match(normalize_digits(text).strip())
        if m is None:
            continue
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            first += 1
        elif b > 12 >= a:
            second += 1
        else:
            return None  # (a text either order reads: no telling)
    if first and not second:
        return "dmy"
    if second and not first:
        return "mdy"
    return None


def swapped_date_cells(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                       errors: dict[int, str], sheet: str, letter: str, header: str,
                       excel_rows: list[int]) -> tuple[pd.Series, list[Issue]]:
    """``series`` with its date cells' day and month swapped back where the column shows a
    CSV opened in the other date order (module docstring), and the Input Issue saying so."""
    if not ({datetime, date} & value_kinds.present):
        return series, []
    for value in values:  # (in a column typed by hand a day above 12 comes soon)
        if (type(value) is datetime or type(value) is date) and value.day > 12:
            return series, []
    cells = np.flatnonzero(value_kinds.mask(datetime, date))
    days = values[cells]
    if len(days) < _MIN_CELLS or any(d.day > 12 for d in days) or any(
            isinstance(d, datetime) and d.time() != datetime.min.time() for d in days) or all(
            d.day == d.month for d in days):
        return series, []
    texts = values[value_kinds.mask(str)].tolist()
    order = _text_order(texts)
    if order is None:
        return series, []
    series = series.copy()
    swapped = []
    for pos, day in zip(cells.tolist(), days.tolist(), strict=True):
        if pos in errors or day.day == day.month:
            continue
        series.iat[pos] = pd.Timestamp(day.year, day.day, day.month)
        swapped.append(pos)
    if not swapped:
        return series, []
    cells_at = [f"{letter}{excel_rows[p]}" for p in swapped]
    first = values[swapped[0]]
    shown = series.iat[swapped[0]].strftime("%d/%m/%Y")
    typed = next(t for t in texts if DAY_MONTH_YEAR.match(normalize_digits(t).strip()))
    way = "day first" if order == "dmy" else "month first"
    return series, [Issue(
        sheet, cells_at[0], header, first,
        f"{len(swapped)} date cell(s) read with day and month swapped back (the cell's "
        f"{first:%d/%m/%Y} as {shown}): the column's typed dates are written {way} "
        f"('{typed.strip()}') and none of its date cells has a day above 12, as where Excel "
        f"opened a CSV in the other date order: {cells_named(cells_at)}")]
