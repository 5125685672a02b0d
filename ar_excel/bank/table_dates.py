"""The dates of a statement table: Hijri calendars, and each day's date printed once.

The rule: Hijri dates (Umm al-Qura) are read as the Gregorian day they are; where a statement
prints each day's date once, the rows without a date of their own under it take it, unless they
are a summary under the lines (``summary_rows``) or too few to be such a layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ar_excel.bank.cells import (
    ColumnCells,
    per_value,
)
from ar_excel.bank.date_order import swap_day_month, swapped_by_excel
from ar_excel.bank.day_rows import DayRows, rows_of_the_day, transactions_over_two_dated_rows
from ar_excel.bank.hijri import hijri_parts, mostly_hijri, to_gregorian
from ar_excel.bank.row_issues import RowIssues
from ar_excel.bank.row_screening import (
    a_line_for_all_its_summary_word,
    moves_the_balance,
)
from ar_excel.bank.summary_rows import (
    COUNT_LABEL,
    SUMMARY_LABEL,
    is_a_short_summary_label,
)
from ar_excel.bank.yearless_dates import yearless_sample, years_from_the_period


def hijri_to_gregorian(table: ColumnCells, cols: dict[str, int]
                        ) -> tuple[int, str, str] | None:
    """Date columns written in the Hijri calendar, made Gregorian in place; the note for the
    clerk (column, sample, message)."""
    note = None
    for canon in ("Date", "Value Date"):
        idx = cols.get(canon)
        if idx is None or not mostly_hijri(table.cells(idx)):
            continue
        cells = table.cells(idx)
        table.replace(idx, per_value(cells, to_gregorian))
        sample = next(c for c in cells if hijri_parts(c) is not None)
        note = note or (idx, sample, (
            f"the dates are in the Hijri calendar ('{sample}'); they were read as Umm al-Qura "
            f"dates and converted to Gregorian ('{sample}' = {to_gregorian(sample):%d %b %Y})"))
    return note


def rows_taking_the_date_above(data: list[list[Any]], main: np.ndarray, dated: np.ndarray,
                               no_money: np.ndarray, empty: np.ndarray, table: ColumnCells,
                               cols: dict[str, int], desc_cols: list[int],
                               booked: np.ndarray, foot: np.ndarray, decimal: str,
                               at_least: int = 1
                               ) -> tuple[DayRows, np.ndarray]:
    """Rows without a date of their own that take the date above (``day_rows``), where there
    are ``at_least`` of them; their dates are set in ``booked``. Else each transaction printed
    over two dated rows (``transactions_over_two_dated_rows``): the half without an amount is
    taken out of ``main`` and the line dated by its first row."""
    text_cols = [*desc_cols, *(cols[c] for c in ("Reference", "Counterparty", "_posting_text")
                               if c in cols)]
    has_text = np.zeros(len(main), dtype=bool)
    for i in text_cols:
        has_text |= ~table.blank(i)
    own_dates = np.flatnonzero(main & dated & ~no_money)
    last_dated = int(own_dates[-1]) if len(own_dates) else -1
    for pos in np.flatnonzero(has_text & main & ~dated & ~no_money).tolist():
        label = " ".join(str(c).strip() for c in data[pos] if isinstance(c, str)).strip()
        # "No. of credits | 3", "Available balance" under the closing balance: no
        # transaction; a line of the day whose narrative mentions a balance ("BALANCE
        # TRANSFER", "PAYMENT OF OUTSTANDING BALANCE", "سداد رصيد") is one. Under the
        # last line, a short label that opens with a summary word ("صافي الحركة", "Net
        # movement", "Total credits") sums the lines even without a totals row above it.
        if COUNT_LABEL.match(label) or (
                foot[pos] and SUMMARY_LABEL.search(label)
                and not a_line_for_all_its_summary_word(data, pos, cols, decimal, label)) or (
                pos > last_dated and is_a_short_summary_label(label)
                and not moves_the_balance(data, pos, cols, decimal)):
            has_text[pos] = False
    # a row with a value date but no booking date has a date of its own (not yet booked,
    # perhaps): it does not take the one above
    undated = table.blank(cols.get("Date", cols.get("Value Date"))) & table.blank(
        cols.get("Value Date"))
    day, anchor = rows_of_the_day(main, dated, undated, no_money, has_text, empty)
    if len(day.dated_from) < at_least:  # a date left out here and there: no such layout
        day = DayRows(memos=day.memos)
    for pos, above in day.dated_from.items():
        booked[pos] = booked[above]
    if not day.dated_from:
        # a PDF's booking and value dates stacked in one column: two dated rows per line
        said = {*(cols[c] for c in ("Date", "Value Date") if c in cols), *text_cols}
        text_only = has_text.copy()
        for i in range(table.width):
            if i not in said:
                text_only &= table.blank(i)
        tails, heads = transactions_over_two_dated_rows(main, dated, no_money, text_only, booked)
        day.tails = tails
        day.heads.update(heads)
        for head, line in heads.items():
            booked[line] = booked[head]  # the first date printed is the booking date
        main[[*tails, *heads]] = False  # halves of a line, not lines left out
    return day, anchor


@dataclass
class CalendarNotes:
    """What was done to make a table's dates whole, for the clerk."""

    hijri: tuple[int, str, str] | None = None  # (column, sample, message)
    yearless: list[tuple[int, str]] = field(default_factory=list)  # (column, message)
    no_year: tuple[int, str] | None = None  # (column, a date) where no year is known


def with_calendar_and_year(table: ColumnCells, cols: dict[str, int],
                           preamble: list[list[Any]], year: int | None) -> CalendarNotes:
    """The date columns made whole in place: Hijri dates made Gregorian, dates printed
    without a year ("22/11") given the year of the period stated above the table ("Period:
    01/11/2026 - 30/11/2026") or the one asked for; where none is known, a sample of them."""
    notes = CalendarNotes(hijri=hijri_to_gregorian(table, cols))
    for canon in ("Date", "Value Date"):
        given = (years_from_the_period(table.cells(cols[canon]), preamble, year=year)
                 if canon in cols else None)
        if given is not None:
            table.replace(cols[canon], given[0])
            notes.yearless.append((cols[canon], given[1]))
        elif canon in cols and notes.no_year is None and (
                sample := yearless_sample(table.cells(cols[canon]))) is not None:
            notes.no_year = cols[canon], sample
    return notes


def dates_excel_swapped_put_right(idx: int | None, cells: list[Any], dayfirst: bool,
                                  date_format: str | None, report: RowIssues) -> list[Any]:
    """A date column whose day-first dates went through Excel set to month first (01/11/2026
    stored as 11 January, 13/11/2026 left as text) put right, and a note saying so."""
    swapped = swapped_by_excel(cells) if dayfirst and not date_format else []
    if not swapped:
        return cells
    cells = list(cells)
    for pos in swapped:
        cells[pos] = swap_day_month(cells[pos])
    rows_named = ", ".join(str(report.numbers[pos]) for pos in swapped[:10])
    report.add(
        -1, 1, "", report.column_name(idx, "Date"), len(swapped),
        f"{len(swapped)} dates were stored as dates with day and month swapped (rows "
        f"{rows_named}{' ...' if len(swapped) > 10 else ''}): the file went through Excel "
        "set to month first, which turned 01/11/2026 into 11 January and left 13/11/2026 "
        "as text. They were read day first, as the dates left as text show")
    return cells
