"""The account's closing balance printed beside every line of an export (HSBCnet's "Closing
ledger balance | Closing ledger balance as at": 1,148,749.25 as at 22/11/2026 on each row).

The rule: such a column is no running balance (``column_words._one_figure``); it is the
account's booked balance at the end of the day it is as at. Where that day is the day of the
newest line the export holds, it is the balance those lines close at: the statement's closing
balance, where nothing else states one. As at another day it is not (a later day's balance
takes in lines the export does not hold; an earlier one leaves out some it does), and it is not
taken; nor is the available balance (net of holds), nor a column of more than one figure or day.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ar_excel.bank.numbers import parse_amount, parse_date
from ar_excel.parsing import is_blank


def closing_as_at_the_newest_day(figures: list[Any], days: list[Any], newest: Any,
                                 decimal: str, dayfirst: bool, fmt: str | None
                                 ) -> tuple[float, pd.Timestamp] | None:
    """The closing balance and its day that ``figures`` (the column's cells on the lines
    read) and ``days`` (its 'as at' column's) state, where each holds one value and that day
    is ``newest`` (the newest line's booking day); else None."""
    figure = {str(f).strip() for f in figures if not is_blank(f)}
    day = {str(d).strip() for d in days if not is_blank(d)}
    if len(figure) != 1 or len(day) != 1 or newest is None or pd.isna(newest):
        return None
    try:
        value = parse_amount(next(iter(figure)), decimal)
        when = parse_date(next(iter(day)), dayfirst, fmt)
    except (ValueError, OverflowError):
        return None
    if value is None or when is None or when != pd.Timestamp(newest).normalize():
        return None
    return value, when
