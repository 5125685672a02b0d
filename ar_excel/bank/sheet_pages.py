"""A statement converted from PDF to Excel one sheet per page ("Table 1", "Table 2" ...), the
header only on the first: the sheets after it are its pages.

The rule: a later sheet without a header of its own whose rows, read under the first sheet's
header, are statement lines (a date, an amount; no row wider than the header) continues the
statement. Its lines are the statement's, numbered on from the page before; the first
sheet's opening balance and the last page's closing balance are the statement's, tied out
over every page; a page's first line that does not follow from the running balance of the
page before is said (a line may be missing between them). Before, such sheets were left
unread without a word, and their receipts lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.cells import filled_width
from ar_excel.bank.statement import (
    TIE_OUT,
    Statement,
    StatementBalance,
    tie_out,
    unique_bank_ids,
)
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.parsing import is_blank, normalize_digits

# a date's first two numbers: '08/11/2026', '11-13-2026', '8.11.26'
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b")


def read_page(header: list[Any], rows: list[list[Any]],
              read: Callable[[list[list[Any]], list[int]], Statement]) -> Statement | None:
    """A sheet's ``rows`` read under the first sheet's ``header`` (``read`` of the rows and
    their row numbers), where they are statement lines; else None."""
    width = filled_width(header)
    if not rows or any(filled_width(r) > width for r in rows):
        return None  # another table, or columns the first page has not
    try:
        page = read([list(header), *rows], [0, *range(1, len(rows) + 1)])
    except InputError:
        return None
    return page if len(page.lines) else None


def with_its_pages(first: Statement, pages: list[tuple[str, Statement]],
                   first_name: str) -> Statement:
    """The first sheet's statement with the lines of its ``pages`` (each named by its sheet,
    its issues already naming it), as one statement."""
    if len({str(s) for s in first.lines["Statement"]}) > 1 or len(first.balances) > 1:
        return first  # several statements already: no pages of one
    statement = str(first.lines["Statement"].iloc[0]) if len(first.lines) else "1"
    frames, issues = [first.lines], [i for i in first.issues if i.kind != TIE_OUT]
    balance = (replace(first.balances[0]) if first.balances
               else StatementBalance(statement))
    currencies = set(first.lines["Currency"].dropna())
    before, before_name = first.lines, first_name
    offset = _last_line_number(first.lines)
    for name, page in pages:
        lines = page.lines.copy()
        lines["Statement"] = statement
        positions = [is_blank(r) for r in lines["Bank Ref"]]
        lines.loc[positions, "Bank Line"] = [str(int(b) + offset) if str(b).isdigit() else b
                                             for b in lines.loc[positions, "Bank Line"]]
        offset = max(offset, _last_line_number(lines))
        if len(currencies) == 1:
            lines["Currency"] = lines["Currency"].fillna(next(iter(currencies)))
        issues += [i for i in page.issues if i.kind != TIE_OUT]
        broken = _break_between(before, lines)
        if broken is not None:
            last, now = broken
            issues.append(Issue(
                f"{page.source} [{name}]", f"row {int(lines['Line No'].iloc[0])}", "Balance", now,
                f"the first line of the sheet '{name}' does not follow from the running "
                f"balance {last:,.2f} at the end of the sheet '{before_name}' (expected "
                f"{last + float(lines['Amount'].iloc[0]):,.2f}): a line may be missing "
                "between the two pages"))
        # a closing balance above this page's lines ("carried forward" at the foot of the
        # page before) is no longer the statement's: only the one after them is
        balance.closing = balance.closing_date = None
        for bal in page.balances:
            if balance.opening is None and bal.opening is not None:
                balance.opening, balance.opening_date = bal.opening, bal.opening_date
            if bal.closing is not None:
                balance.closing, balance.closing_date = bal.closing, bal.closing_date
        frames.append(lines)
        before, before_name = lines, name
    lines = pd.concat(frames, ignore_index=True)
    lines["Bank Line"] = unique_bank_ids(lines["Bank Line"].tolist())
    balance.difference = None  # tied out again below, over every page
    stated = [balance] if balance.opening is not None or balance.closing is not None else []
    issues.insert(0, Issue(first.source, "", "", len(pages), (
        f"the statement goes on over the sheets {', '.join(repr(n) for n, _ in pages)} "
        "without a header of their own (a PDF converted one sheet per page): read as its "
        "pages, under the header of the sheet " f"'{first_name}'")))
    return Statement(lines, stated, issues + tie_out(stated, lines, first.source),
                     first.source_format, first.source, first.encoding)


def _last_line_number(lines: pd.DataFrame) -> int:
    """The highest number the import gave a line of ``lines`` as its Bank Line (a line the
    bank gave no reference); 0 where none: the next page's lines are numbered on from it."""
    return max((int(b) for b, r in zip(lines["Bank Line"], lines["Bank Ref"], strict=True)
                if is_blank(r) and str(b).isdigit()), default=0)


def _break_between(before: pd.DataFrame, lines: pd.DataFrame) -> tuple[float, float] | None:
    """(last running balance of the page before, first of this page) where the first line of
    this page does not move the running balance on from the page before by its amount."""
    if not len(before) or not len(lines):
        return None
    last, now = before["Balance"].iloc[-1], lines["Balance"].iloc[0]
    amount, last_amount = lines["Amount"].iloc[0], before["Amount"].iloc[-1]
    if any(v is None or (isinstance(v, float) and np.isnan(v))
           for v in (last, now, amount, last_amount)):
        return None
    if (abs(float(last) + float(amount) - float(now)) < 0.005  # oldest first
            or abs(float(last) - float(last_amount) - float(now)) < 0.005):  # newest first
        return None
    return float(last), float(now)


def date_order_of(rows: list[list[Any]], date_idx: int | None, lines: pd.DataFrame
                  ) -> bool | None:
    """Whether the first sheet's dates were read day first (True) or month first, as its
    lines' dates show against their cells (``Line No`` is the row); None where every date
    reads the same both ways. The pages are read so, their few dates showing no order."""
    if date_idx is None:
        return None
    for day, row in zip(lines["Date"], lines["Line No"], strict=True):
        cell = rows[int(row) - 1][date_idx] if 0 < int(row) <= len(rows) and date_idx < len(
            rows[int(row) - 1]) else None
        if not isinstance(cell, str) or pd.isna(day):
            continue
        m = _DAY_MONTH.match(normalize_digits(cell))
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(2))
        if first == second:
            continue
        day = pd.Timestamp(day)
        if (day.day, day.month) == (first, second):
            return True
        if (day.day, day.month) == (second, first):
            return False
    return None
