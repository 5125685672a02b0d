"""Rows of a statement table -> the normalised statement.

The rule: every row is a transaction, a row that is not one (repeated page header, account
lines, totals, balances, section currency, narrative carried over to the next row - joined to
the line above), or a problem reported with its row and column; nothing silently disappears.
Pending (not yet booked) lines are left out with a word, and so are lines of amount 0 (no
money moved: a balance enquiry, a fee waived), as in every format. Stated balances are tied out and a
running balance is checked line by line. The layout, decimal mark and date order are decided
once per file; the columns are then parsed whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.account_balance_columns import closing_as_at_the_newest_day
from ar_excel.bank.account_sections import (
    account_parts,
    account_sections,
    currency_parts,
    header_rows,
    statements_of_the_accounts,
)
from ar_excel.bank.balance_rows import (
    closing_on_the_totals_row,
    totals_that_differ,
)
from ar_excel.bank.booking_status import pending_section, unbooked_by_status
from ar_excel.bank.cells import (
    ColumnCells,
    cell_at,
    cell_texts,
    currency_code,
    per_value,
    real_references,
)
from ar_excel.bank.column_words import SAMPLE_ROWS, Layout
from ar_excel.bank.date_order import (
    decide_date_order,
    order_named,
)
from ar_excel.bank.day_rows import DayRows, narratives_after_their_amount
from ar_excel.bank.dialect import (
    amounts_split_by_the_delimiter,
    columns_in_the_file,
    narratives_split_by_the_delimiter,
)
from ar_excel.bank.fees import split_fees
from ar_excel.bank.glued_dates import date_split_off
from ar_excel.bank.line_balances import (
    balances_of_the_chain,
    closing_not_at_the_end,
    ends_of_the_lines,
    report_page_balances,
)
from ar_excel.bank.line_checks import payments_out_read_as_money_in, running_balance_checked
from ar_excel.bank.narrative_columns import (
    counterparty_accounts,
    currency_of_the_own_account,
    kept_cells,
    kinds_out_of_the_party,
    narrative_columns,
    narratives_of_the_lines,
    party_cells,
)
from ar_excel.bank.numbers import (
    parse_amount_column,
    parse_date,
    parse_date_column,
)
from ar_excel.bank.page_breaks import lines_copied_at_a_page_break
from ar_excel.bank.preamble import (
    currencies_at_the_amounts,
    currency_from_text,
    current_balance,
    read_preamble,
    section_currencies,
)
from ar_excel.bank.row_issues import RowIssues, row_span
from ar_excel.bank.row_screening import (
    Screened,
    a_line_for_all_its_summary_word,
    moves_the_balance,
    screen_rows,
)
from ar_excel.bank.shifted_figures import amounts_out_of_their_columns
from ar_excel.bank.shifted_pages import pages_moved_back
from ar_excel.bank.signs import signed_amounts, signed_balances, signs_from_balance
from ar_excel.bank.statement import (
    TIE_OUT,
    Statement,
    StatementBalance,
    booking_day,
    lines_frame,
    tie_out,
    without_impossible_amounts,
    without_zero_amounts,
)
from ar_excel.bank.statement_locale import (
    balance_direction,
    day_first_locale,
    decide_the_decimal_mark,
)
from ar_excel.bank.summary_rows import (
    SUMMARY_LABEL,
    counts_that_differ,
    figures_under_summary_labels,
    row_shown,
    rows_under_the_foot,
    summary_label_in_the_date_cell,
)
from ar_excel.bank.table_dates import (
    CalendarNotes,
    dates_excel_swapped_put_right,
    rows_taking_the_date_above,
    with_calendar_and_year,
)
from ar_excel.bank.table_layout import find_layout
from ar_excel.bank.table_narratives import with_structured_narratives
from ar_excel.bank.two_columns import running_direction
from ar_excel.bank.visual_arabic import reading_order, rows_in_reading_order
from ar_excel.bank.yearless_dates import (
    is_yearless,
    named_year,
    value_dates_near_booking,
)
from ar_excel.errors import InputError
from ar_excel.model import Issue, column_letter
from ar_excel.parsing import is_blank


def backwards_arabic_note(source: str, sample: str) -> Issue:
    """The one note that a file's Arabic was read back (``sample``: a text of it as written)."""
    return Issue(
        source, "", "", sample,
        f"the Arabic of the file is written backwards, letters and words (as a PDF "
        f"converted to Excel gives it: '{sample}'); it was read back in reading order "
        f"('{reading_order(sample)}'): check a line against the bank's statement")


def rows_to_statement(rows: list[list[Any]], row_numbers: list[int], source: str, fmt: str,
                      mapping: dict[str, Any] | None = None, day_first: bool | None = None,
                      delimiter: str = ",", layout: Layout | None = None,
                      dates_printed_once: int = 1, excel_columns: bool = True,
                      details: list[list[Any]] | None = None,
                      arabic_decided: bool = False) -> Statement:
    """``table_statement`` of the rows, their Arabic read back first where a PDF conversion
    wrote it backwards (``visual_arabic``; not where the caller found the layout already, nor
    where it decided for the whole file, ``arabic_decided``: a workbook of a sheet per page),
    which one note says."""
    sample = None
    if layout is None and not arabic_decided:
        rows, sample = rows_in_reading_order(rows)
    stmt = table_statement(rows, row_numbers, source, fmt, mapping, day_first, delimiter,
                           layout, dates_printed_once, excel_columns, details)
    if sample is not None:
        stmt.issues.insert(0, backwards_arabic_note(source, sample))
    return stmt


def table_statement(rows: list[list[Any]], row_numbers: list[int], source: str, fmt: str,
                    mapping: dict[str, Any] | None = None, day_first: bool | None = None,
                    delimiter: str = ",", layout: Layout | None = None,
                    dates_printed_once: int = 1, excel_columns: bool = True,
                    details: list[list[Any]] | None = None) -> Statement:
    """Parsed rows of a CSV or sheet (with their 1-based row numbers) -> Statement.

    The layout (header, column roles, decimal mark, date order) is decided once; the columns
    are then parsed whole. Only rows that may not be transactions (no readable date, or no
    amount: totals, balances, repeated headers, narrative carried over) are looked at one by one.
    ``layout``: the one ``find_layout`` gave for these rows, where the caller needed it first.
    ``dates_printed_once``: how many rows without a date of their own it takes to read the
    statement as printing each day's date once (each taking the date above); fewer are
    lines without a date, each reported. ``excel_columns``: the rows' cells are the file's
    columns as Excel shows it (a CSV, a sheet, an HTML table), so each issue names its cell
    (``C5``); else (a fixed-width report, labelled records, QIF) its row. ``details``: account
    lines found elsewhere (a workbook's summary sheet), read as if above the table.
    """
    glued = None
    if layout is None:
        try:
            layout = find_layout(rows, mapping, source)
        except InputError as not_found:
            # no column holds the date: a PDF conversion may have glued it to the narrative
            glued = date_split_off(rows)
            if glued is None:
                raise
            try:
                layout = find_layout(glued[0], mapping, source)
            except InputError:
                raise not_found from None
            rows = glued[0]
    options = mapping or {}
    # the header printed again below: a second account's, or a page a column further on
    heads = header_rows(rows, layout.header_row)
    if not details and options.get("header_row") is None:
        sections = account_sections(rows, layout, heads)
        parts = (account_parts(sections, len(rows)) if sections
                 else currency_parts(rows, layout))
        if parts:
            return _accounts_one_after_another(rows, row_numbers, layout, parts, bool(sections),
                                               source, fmt, mapping, day_first, delimiter,
                                               dates_printed_once, excel_columns)
    as_read, page_moved = pages_moved_back(rows[layout.header_row + 1:],
                                           rows[layout.header_row],
                                           [h - layout.header_row - 1 for h in heads])
    data, mended, split_amounts = _rows_split_by_the_delimiter_joined(
        as_read, layout, delimiter, fmt == "csv")
    # a row joined back: each of its cells at the column Excel shows it in
    moved = {**page_moved, **{pos: columns_in_the_file(as_read[pos], data[pos], delimiter)
                              for pos in {*mended, *split_amounts}}} if excel_columns else {}
    if glued is not None and excel_columns:  # both halves of the split cell are its column
        at = glued[1]
        moved = {pos: [s if s <= at else s - 1 for s in moved.get(pos, range(len(row)))]
                 for pos, row in enumerate(data)}
    read = _Reading(layout, data, ColumnCells(data), [*(details or []), *rows[: layout.preamble_end]],
                    RowIssues(source, row_numbers[layout.header_row + 1:], layout.headers,
                              layout.columns, excel_columns, moved),
                    options.get("date_format"))
    calendar = with_calendar_and_year(read.table, read.cols, read.preamble,
                                      named_year(options.get("year"), source))
    read.decimal, decimal_note = decide_the_decimal_mark(
        read.table, read.amount_cols, layout, data, options, source,
        delimiter if fmt == "csv" else None, read.preamble)
    read.dayfirst, order_note = _decide_the_day_first(read, options, day_first)
    desc_cols = narrative_columns(read.table, layout)
    _notes_on_the_file(read, mended, split_amounts, decimal_note, calendar, order_note)
    if glued is not None:
        read.report.add(
            -1, 0, "", read.report.column_name(read.date_idx, "Date"), glued[2],
            f"the date and the narrative are run together in column {column_letter(glued[1])} "
            f"('{glued[2]}'), as a PDF conversion leaves them: each cell was read as its date "
            "and its narrative")
    balances = StatementBalance("1")
    current, file_ccy = _balances_above_the_table(read, balances)

    kinds = _kinds_of_rows(read, desc_cols, balances, dates_printed_once)
    without_year, undated_lines = _undated_rows_reported(read, kinds, calendar)
    dated_lines = kinds.main & kinds.dated
    value_dates = _value_dates(read, kinds, dated_lines, calendar)
    amount, live = _amounts(read, dated_lines.copy())
    # the statement's lines, read or not: a line keeps its position among them (its Bank
    # Line without a bank id) whether a line above it could be read or not, so putting
    # that one right moves no decision taken on the lines after it
    counted = dated_lines & ~live  # (its amount unreadable or missing)
    counted[undated_lines] = True
    kept = _rows_that_are_no_lines_checked(read, kinds, live, amount, balances)
    counted[kept] = True
    carried_over: dict[int, list[int]] = {}
    descriptions = narratives_of_the_lines(
        read.table, data, desc_cols, read.cols.get("_posting_text"), live, kept, kinds.day,
        kinds.anchor, kinds.screened.continued, kinds.foot, read.report, carried_over)

    if kinds.screened.no_movement and not len(kept):
        read.report.add(-1, 2, "", "", kinds.screened.no_movement,
                        "the statement has no transactions for its period (it says "
                        f"'{kinds.screened.no_movement}')")
    issues = read.report.in_reading_order()
    _unless_some_line_is_usable(source, kept, issues, without_year, kinds.screened.no_movement)

    lines = _lines_frame(read, kinds, kept, amount, value_dates, descriptions, balances,
                         file_ccy, np.cumsum(counted)[kept])
    _details_carried_over(read, lines, kept, carried_over)
    if read.layout.account_closing and balances.closing is None and len(lines):
        figures, days = (read.table.cells(i) for i in read.layout.account_closing)
        found = closing_as_at_the_newest_day(
            [figures[p] for p in kept.tolist()], [days[p] for p in kept.tolist()],
            lines["Date"].max(), read.decimal, read.dayfirst, read.date_format)
        if found:  # (HSBCnet's "Closing ledger balance" as at the newest line's day)
            balances.closing, balances.closing_date = found
    lines, stated, issues = _lines_checked(read, lines, kept, kinds.screened, balances,
                                           current, issues)
    closing_at = kinds.screened.closing_at
    closing_row = (read.report.numbers[closing_at]
                   if closing_at is not None and balances.closing is not None else None)
    return Statement(lines, stated, issues, fmt, source, closing_row=closing_row)


def _accounts_one_after_another(rows: list[list[Any]], row_numbers: list[int], layout: Layout,
                                parts: list[tuple[str, list[int]]], by_account: bool,
                                source: str, fmt: str,
                                mapping: dict[str, Any] | None, day_first: bool | None,
                                delimiter: str, dates_printed_once: int,
                                excel_columns: bool) -> Statement:
    """A table of several accounts (``account_sections``) or currencies with their own
    balances (``currency_parts``), each part read as a statement of its own in the file's
    date order, decided on every part's dates (one account's few lines may not show it),
    and said once."""
    options = mapping or {}
    data = rows[layout.header_row + 1:]
    whole = _Reading(layout, data, ColumnCells(data), rows[:layout.preamble_end],
                     RowIssues(source, row_numbers[layout.header_row + 1:], layout.headers,
                               layout.columns, excel_columns, {}), options.get("date_format"))
    whole.decimal, _ = decide_the_decimal_mark(whole.table, whole.amount_cols, layout, data,
                                               options, source,
                                               delimiter if fmt == "csv" else None,
                                               whole.preamble)
    dayfirst, order_note = _decide_the_day_first(whole, options, day_first)
    in_order = {**options, "date_order": dayfirst}
    stmt = statements_of_the_accounts(
        parts, source, fmt, lambda part: table_statement(  # (rows read back already)
            [rows[i] for i in part], [row_numbers[i] for i in part], source, fmt, in_order,
            day_first, delimiter, dates_printed_once=dates_printed_once,
            excel_columns=excel_columns),
        lambda part: f"rows {row_span([row_numbers[i] for i in part])}",
        "the section of account {}" if by_account else "the {} lines")
    if order_note is not None:
        stmt.issues.insert(0, Issue(source, "", whole.report.column_name(whole.date_idx, "Date"),
                                    *order_note))
    return stmt


@dataclass
class _Reading:
    """A statement table as read once for the whole file: its rows under the header, how it
    writes numbers and dates, and where its problems are reported."""

    layout: Layout
    data: list[list[Any]]
    table: ColumnCells
    preamble: list[list[Any]]  # the rows above the header: account lines, balances
    report: RowIssues
    date_format: str | None = None
    decimal: str = "."
    dayfirst: bool = True
    # the summary rows under the lines (position, what they say), checked for their counts
    summaries: list[tuple[int, str]] = field(default_factory=list)

    @property
    def cols(self) -> dict[str, int]:
        return self.layout.columns

    @property
    def header(self) -> list[str]:
        return self.layout.headers

    @property
    def date_idx(self) -> int | None:
        return self.cols.get("Date", self.cols.get("Value Date"))

    @property
    def date_name(self) -> str:
        """The column a line's date is reported in: Date, or Value Date where it is the only
        date (as ``date_idx``)."""
        return "Date" if "Date" in self.cols else "Value Date"

    @property
    def amount_cols(self) -> list[int]:
        return [self.cols[c] for c in ("Amount", "Debit", "Credit", "Balance") if c in self.cols]

    @cached_property
    def _balance_column(self) -> np.ndarray | None:
        if "Balance" not in self.cols:
            return None
        balance = parse_amount_column(self.table.cells(self.cols["Balance"]), self.decimal)[0]
        if "_balance_sign" in self.cols:
            balance = signed_balances(balance, self.table.cells(self.cols["_balance_sign"]))
        return balance

    def running_balance(self) -> np.ndarray | None:
        """The Balance column's figures (NaN where blank or unreadable; None without the
        column): read once the decimal mark is decided, and only where something needs them."""
        return self._balance_column


@dataclass
class _RowKinds:
    """What each row of the table is: dated or not, with money or not, a line or not."""

    raw_dates: list[Any]  # the date column's cells, dates Excel swapped put right
    booked: np.ndarray  # booking dates (NaT where none), a day's date given to its rows
    date_errors: dict[int, str]
    dated: np.ndarray
    no_money: np.ndarray
    main: np.ndarray  # rows that may be lines (not blank, not a summary, not pending...)
    screened: Screened
    foot: np.ndarray  # rows under the statement's foot (totals, closing balance)
    day: DayRows
    anchor: np.ndarray


def _rows_split_by_the_delimiter_joined(data: list[list[Any]], layout: Layout,
                                        delimiter: str, is_csv: bool
                                        ) -> tuple[list[list[Any]], list[int], list[int]]:
    """A CSV's rows with narratives and amounts that the unquoted delimiter split put back
    together (a sheet's cells are never split); the rows mended and the rows of split
    amounts."""
    mended: list[int] = []
    split_amounts: list[int] = []
    if is_csv and "Description" in layout.columns and layout.headers:
        data, mended = narratives_split_by_the_delimiter(data, layout, delimiter)
    if is_csv and layout.headers:
        data, split_amounts = amounts_split_by_the_delimiter(data, layout, delimiter)
    return data, mended, split_amounts


def _decide_the_day_first(read: _Reading, options: dict[str, Any], day_first: bool | None
                          ) -> tuple[bool, tuple[Any, str, str] | None]:
    """Whether the dates run day first (asked for, else as the dates, the running balance or
    the file's locale say), with the note for the clerk where it was a guess."""
    cols, table, date_idx = read.cols, read.table, read.date_idx
    named_order = order_named(options.get("date_order", options.get("day_first")),
                              read.report.source)
    return decide_date_order(
        table.cells(date_idx),
        table.cells(cols["Value Date"]) if "Value Date" in cols and date_idx != cols[
            "Value Date"] else None,
        read.preamble, day_first if named_order is None else named_order,
        forced=named_order is not None or bool(read.date_format),
        column=read.report.column_name(date_idx, "Date"),
        locale=day_first_locale(table, read.layout, read.preamble, read.amount_cols,
                                read.data[:SAMPLE_ROWS]),
        running=lambda: balance_direction(table, cols, read.decimal, read.running_balance()))


def _notes_on_the_file(read: _Reading, mended: list[int], split_amounts: list[int],
                       decimal_note: tuple[str, str, str] | None, calendar: CalendarNotes,
                       order_note: tuple[Any, str, str] | None) -> None:
    """What was decided for the whole file and the clerk should know: the layout, amounts and
    narratives the delimiter split, the decimal mark, the year, the calendar, the date order."""
    report, numbers = read.report, read.report.numbers
    if read.layout.note:
        report.add(-1, -1, "", "", None, read.layout.note)
    if split_amounts:  # one note: an export writes every amount over a thousand that way
        many = len(split_amounts) > 1
        report.add(
            -1, 0, f"row{'s' if many else ''} {row_span([numbers[p] for p in split_amounts])}",
            "", len(split_amounts),
            f"{len(split_amounts)} row{'s' if many else ''}: the thousands separator of "
            "amounts is the file's delimiter, without quotes, which split each such amount "
            "over the next column ('2,000.75' as '2' and '000.75'); the parts were joined back "
            "and read as one amount")
    description = read.cols.get("Description")
    for pos in mended:  # (at the cells it was split over: C5:D5)
        report.add(
            pos, -1, report.cell(pos, description, spread=True), read.header[description],
            read.data[pos][description],
            "the narrative holds the file's delimiter without quotes, which split it over "
            "the next columns; its parts were joined back and the line kept")
    if decimal_note is not None:
        report.add(-1, 0, "", report.column_name(read.amount_cols[0], "Amount"),
                   decimal_note[1], decimal_note[2])
    for idx, message in calendar.yearless[:1]:
        report.add(-1, 0, "", report.column_name(idx, "Date"), None, message)
    if calendar.hijri is not None:
        idx, sample, message = calendar.hijri
        report.add(-1, 0, "", report.column_name(idx, "Date"), sample, message)
    if order_note is not None:
        report.add(-1, 0, "", report.column_name(read.date_idx, "Date"), *order_note)


def _balances_above_the_table(read: _Reading, balances: StatementBalance
                              ) -> tuple[float | None, str | None]:
    """The balances and currency the account lines above the table state (into
    ``balances``); the account's balance now where it is the closing balance (ING Germany),
    and the file's currency."""
    stated_ccy = read_preamble(read.preamble, balances, read.decimal, read.dayfirst)
    # ING Germany's "Saldo;12.345,67;EUR": the balance after the newest line ("Kontostand"
    # is read as closing there too)
    current = current_balance(read.preamble, read.decimal)
    if current is not None and balances.closing in (None, current):
        balances.closing = current
    else:
        current = None
    file_ccy = read.layout.currency_hint or stated_ccy or currency_from_text(
        [cell_at(r, i) for r in read.data[:50] for i in read.amount_cols])
    return current, file_ccy


def _kinds_of_rows(read: _Reading, desc_cols: list[int], balances: StatementBalance,
                   dates_printed_once: int) -> _RowKinds:
    """Each row's booking date, and which rows are lines: blank rows, unbooked lines and rows
    that are no transactions (totals, balances, headers repeated) set apart, rows without a
    date of their own given the day's date where the statement prints it once."""
    table, cols, report = read.table, read.cols, read.report
    raw_dates = dates_excel_swapped_put_right(read.date_idx, table.cells(read.date_idx),
                                              read.dayfirst, read.date_format, report)
    booked, _, date_errors = parse_date_column(raw_dates, read.dayfirst, read.date_format)
    dated = ~np.isnat(booked)
    empty = (np.logical_and.reduce([table.blank(i) for i in range(table.width)])
             if table.width else np.ones(table.count, dtype=bool))
    no_money = table.blank(cols.get("Amount")) & table.blank(cols.get("Debit")) & table.blank(
        cols.get("Credit"))
    main = ~empty
    if "_status" in cols:  # before the dating: a pending line may have no booking date yet
        main &= ~unbooked_by_status(table.cells(cols["_status"]), main, report)
    main &= ~pending_section(read.data, main, dated, no_money, raw_dates, report,
                             lambda pos: moves_the_balance(read.data, pos, cols, read.decimal))

    screened = screen_rows(read.data, main, dated, no_money, table, read.header, read.preamble,
                           cols, desc_cols, balances,
                           (read.decimal, read.dayfirst, read.date_format))
    main &= ~screened.not_lines
    closing_at = screened.closing_at
    foot = rows_under_the_foot(main, dated, no_money, [p for p, _ in screened.totals] + (
        [closing_at] if closing_at is not None else []))  # summary rows may sit under it
    day, anchor = rows_taking_the_date_above(read.data, main, dated, no_money, empty, table,
                                             cols, desc_cols, booked, foot, read.decimal,
                                             dates_printed_once)
    narratives_after_their_amount(day, [pos for pos, _, _ in screened.continued],
                                  main & ~no_money, anchor)
    halves = sorted((min(a, b), max(a, b)) for a, b in
                    [*day.tails.items(), *(() if day.dated_from else day.heads.items())])
    if halves:  # a PDF's booking and value dates stacked: said once, with where
        pairs = ", ".join(f"{report.numbers[a]}-{report.numbers[b]}" for a, b in halves[:5])
        report.add(
            -1, 1, "", report.column_name(read.date_idx, "Date"), len(halves),
            f"each transaction is printed over two dated rows (rows {pairs}"
            f"{' ...' if len(halves) > 5 else ''}): each pair was read as one line, dated by "
            "its first row (the booking date; the second is its value date), its narrative "
            "both rows'")
    if day.dated_from:
        takers = sorted(day.dated_from)
        dated[takers] = True
        main[list(day.heads)] = False  # each opens the transaction of its amount row
        rows_named = ", ".join(str(report.numbers[pos]) for pos in takers[:10])
        report.add(
            -1, 1, "", report.column_name(read.date_idx, "Date"), len(takers),
            f"{len(takers)} {'lines have no date of their' if len(takers) > 1 else 'line has no date of its'} "
            f"own (row{'s' if len(takers) > 1 else ''} {rows_named}"
            f"{' ...' if len(takers) > 10 else ''}): the statement prints each day's date "
            "once, so each took the date of the dated row above it"
            + ("; a dated row without an amount and the rows down to the amount below it "
               "were read as one transaction" if day.heads else ""))
    return _RowKinds(raw_dates, booked, date_errors, dated, no_money, main, screened, foot,
                     day, anchor)


def _undated_rows_reported(read: _Reading, kinds: _RowKinds, calendar: CalendarNotes
                           ) -> tuple[list[int], list[int]]:
    """Each row that may be a line but has no readable date, reported as what it is (a page
    footer, a summary row, a date that cannot be read); returned: the rows whose dates carry
    no year the file names (one issue for them all), and the lines left out for their date
    (those and the dates that cannot be read)."""
    report, numbers, date_idx = read.report, read.report.numbers, read.date_idx
    no_year = calendar.no_year
    date_column = read.date_name
    undated = np.flatnonzero(kinds.main & ~kinds.dated).tolist()
    without_year = ([pos for pos in undated if is_yearless(kinds.raw_dates[pos])]
                    if no_year is not None and no_year[0] == date_idx else [])
    if without_year:
        rows_named = row_span([numbers[pos] for pos in without_year])
        report.add(
            -1, 2, f"row{'s' if len(without_year) > 1 else ''} {rows_named}",
            report.column_name(date_idx, "Date"), no_year[1],
            f"the dates carry no year ('{no_year[1]}', {len(without_year)} "
            f"line{'s' if len(without_year) > 1 else ''}) and nothing above the table names "
            "the statement's year, so the lines cannot be dated and were left out: export "
            "the statement with full dates, or name the year with --bank-columns "
            "\"year=<year the statement begins in>\"")
    skipped = set(without_year)
    unreadable: list[int] = []
    lines = kinds.main & kinds.dated & ~kinds.no_money
    last_line = int(np.flatnonzero(lines)[-1]) if lines.any() else -1
    summary_at: int | None = None  # the last row of summary labels under the lines
    for pos in undated:
        if pos in skipped:
            continue
        raw = kinds.raw_dates[pos]
        if pos > last_line:  # under every line: the statement's summary, not lines
            summed = (figures_under_summary_labels(read.data[pos], read.data[summary_at])
                      if summary_at == pos - 1 else None)
            if summed is None and summary_label_in_the_date_cell(raw):
                summary_at = pos
                summed = row_shown(read.data[pos])
            if summed is not None:
                report(pos, 0, date_column, summed, f"summary row without a date ('{summed}'): "
                       "not a transaction; left out")
                read.summaries.append((pos, summed))
                continue
        if kinds.no_money[pos] and not is_blank(raw):  # "Page 1 of 2", a printed footer
            report(pos, 0, date_column, raw, f"row with no date and no amount ('{raw}'): not a "
                   "transaction; left out")
            continue
        label = " ".join(str(c).strip() for c in read.data[pos]
                         if isinstance(c, str) and c.strip())
        if is_blank(raw) and SUMMARY_LABEL.search(label) and (  # "No. of credits | 2"
                kinds.no_money[pos] or not a_line_for_all_its_summary_word(
                    read.data, pos, read.cols, read.decimal, label)):
            report(pos, 0, date_column, label, f"summary row without a date ('{label}'): not a "
                   "transaction; left out")
            continue
        report(pos, 0, date_column, raw, f"date '{raw}' could not be read "
               f"({kinds.date_errors.get(pos, 'blank')}); the line was left out")
        unreadable.append(pos)
    return without_year, without_year + unreadable


def _value_dates(read: _Reading, kinds: _RowKinds, live: np.ndarray, calendar: CalendarNotes
                 ) -> np.ndarray:
    """Each row's value date: read where the file has both dates (an unreadable one costs
    the line nothing: matching needs the booking date), the date itself where it is the only
    date, else none."""
    cols, table = read.cols, read.table
    if "Value Date" in cols and "Date" in cols:
        raw_values = dates_excel_swapped_put_right(
            cols["Value Date"], table.cells(cols["Value Date"]), read.dayfirst,
            read.date_format, read.report)
        if not calendar.yearless or all(idx != cols["Value Date"]
                                        for idx, _ in calendar.yearless):
            raw_values, _ = value_dates_near_booking(raw_values, kinds.booked, read.dayfirst)
        value_dates, _, value_errors = parse_date_column(raw_values, read.dayfirst,
                                                         read.date_format)
        for pos in sorted(value_errors):
            if live[pos]:  # the booking date is what matching needs: keep the line
                read.report(pos, 1, "Value Date", raw_values[pos], f"value date "
                            f"'{raw_values[pos]}' could not be read; the line was kept with "
                            "its booking date")
        return value_dates
    if "Date" not in cols:
        return kinds.booked
    return np.full(table.count, np.datetime64("NaT"), dtype="datetime64[ns]")


def _amounts(read: _Reading, live: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's signed amount (money in positive), and the rows still lines: a row whose
    amount cannot be read, or that has none, is reported and left out."""
    cols = read.cols
    amount, failed = signed_amounts(read.table, cols, read.decimal, live, read.report,
                                    read.header, balance_of=read.running_balance)
    live &= ~failed
    without = np.flatnonzero(live & np.isnan(amount)).tolist()
    shifted = amounts_out_of_their_columns(
        read.data, without, read.header,
        [cols[c] for c in ("Amount", "Debit", "Credit") if c in cols], read.decimal,
        read.running_balance(), read.report) if without else {}
    for pos in without:
        if pos in shifted:
            amount[pos] = np.nan if shifted[pos] is None else shifted[pos]
            continue
        # at the money-in cell (the Debit's, in a file of debits only)
        read.report(pos, 5, next((c for c in ("Amount", "Credit") if c in cols), "Debit"), None,
                    "no amount on this line; the line was left out")
    live &= ~np.isnan(amount)
    return amount, live


def _rows_that_are_no_lines_checked(read: _Reading, kinds: _RowKinds, live: np.ndarray,
                                    amount: np.ndarray, balances: StatementBalance
                                    ) -> np.ndarray:
    """The rows kept as lines, once what the rows that are no lines say is checked against
    them: a page's carried-forward balance is no closing balance, a line printed again at a
    page break is left out where the running balance proves it, balances between pages must
    be the running balance there, totals must add up; page numbers and balances without a
    label are reported."""
    report, numbers, screened, data = read.report, read.report.numbers, kinds.screened, read.data
    kept = np.flatnonzero(live)
    closing_at = screened.closing_at
    if closing_at is not None and (kept < closing_at).any() and (kept > closing_at).any():
        # a page's "carried forward" with lines after it: not the statement's closing balance
        balances.closing = balances.closing_date = None
    printed = read.running_balance() if screened.not_lines.any() else None
    for pos, above, proven in lines_copied_at_a_page_break(data, kept, screened.not_lines,
                                                           printed):
        if proven:
            live[pos] = False
        report(pos, 0, read.date_name, kinds.raw_dates[pos], (
            f"this line repeats row {numbers[above]}, the last line of the page before, cell "
            "for cell" + (", with the same running balance: the line copied twice at the page "
                          "break; left out" if proven else
                          "; the file has no running balance to tell a line copied twice at "
                          "the page break from two like transactions: kept, so check it "
                          "against the bank's statement")))
    kept = np.flatnonzero(live)
    report_page_balances(screened, kept, amount, printed, balances.opening, report, numbers)
    for pos, label, figure in screened.unnamed_balances:
        report(pos, 0, "Balance", figure, f"row with a balance ({figure}) but no date and no "
               f"amount, under '{label}', which names no opening or closing balance: not a "
               "transaction and not read as the statement's balance; left out")
    for pos, canon, said in screened.other_balances:
        report(pos, 0, canon, said, f"row stating a balance other than the booked one "
               f"('{said}'): not a transaction, nor the statement's closing balance; left out")
    if screened.page_numbers:
        pos, page = screened.page_numbers[0]
        named = ", ".join(str(numbers[p]) for p, _ in screened.page_numbers[:10])
        more = " ..." if len(screened.page_numbers) > 10 else ""
        where = next((i for i, c in enumerate(data[pos]) if not is_blank(c)), 0)
        report.add(
            pos, 0, report.cell(pos, where), read.header[where] if where < len(read.header)
            else "", page,
            f"page number{'s' if len(screened.page_numbers) > 1 else ''} ('{page}', row"
            f"{'s' if len(screened.page_numbers) > 1 else ''} {named}{more}): the statement's "
            "page breaks, not a transaction; left out")
    for pos, said, text in counts_that_differ(read.summaries, amount, kept):
        report(pos, 1, read.date_name, said,
               "summary row does not agree with the lines read: " + text)
    for pos, label, text in totals_that_differ(screened.totals, data, read.cols, read.decimal,
                                               amount, kept):
        report(pos, 0, "Amount" if "Amount" in read.cols else "Credit", label,
               "totals row left out, but it does not agree with the lines above it: " + text)
    balance = read.running_balance()
    if (balances.closing is None and screened.closing_at is None and balance is not None
            and screened.totals):  # (the way the balance runs is looked at only for them)
        stated = closing_on_the_totals_row(screened.totals, data, read.cols, read.decimal, kept,
                                           running_direction(balance[kept], amount[kept]))
        if stated is not None:  # the statement is tied out to it, as to a closing row
            screened.closing_at, balances.closing = stated
    return kept


def _unless_some_line_is_usable(source: str, kept: np.ndarray, issues: list[Issue],
                                without_year: list[int], no_movement: str | None) -> None:
    """A statement without one usable line (and not saying it has none) is an error, with
    the first problem that cost a line."""
    if not len(kept) and without_year and not no_movement:
        first = next(i for i in issues if i.message.startswith("the dates carry no year"))
        raise InputError(f"{source}: {first.cell}, {first.column}: {first.message}")
    if not len(kept) and issues and not no_movement:
        # the first row that failed, not a note about the whole file (the date order, the
        # layout), which would send the clerk looking for the wrong fault
        first = next((i for i in issues if i.cell), issues[0])
        where = (f"{first.cell} ({first.column})" if first.cell[:1].isupper() and first.column
                 else ", ".join(filter(None, (first.cell, first.column))))  # C5 (Amount); row 5
        raise InputError(
            f"{source}: no line of the statement could be used; the first problem: "
            f"{where + ': ' if where else ''}{first.message}. If a column was "
            "misread, name it with --bank-columns \"Date=<header>;Amount=<header>\" (also "
            "date_format=%d.%m.%Y, decimal=,)"
        )


def _lines_frame(read: _Reading, kinds: _RowKinds, kept: np.ndarray, amount: np.ndarray,
                 value_dates: np.ndarray, descriptions: list[str],
                 balances: StatementBalance, file_ccy: str | None,
                 positions: np.ndarray) -> pd.DataFrame:
    """The kept rows as the statement's lines, each in the section's or the file's currency
    where the row names none, with its narrative and other party; ``positions``: each one's
    among the statement's lines (its Bank Line where the bank gives no id)."""
    table, cols = read.table, read.cols
    kept_rows = kept.tolist()
    column = read.running_balance()  # an unreadable running balance does not cost the line
    balance = column[kept] if column is not None else None
    line_numbers = (np.asarray(read.report.numbers, dtype=np.int64)[kept] if table.count
                    else np.zeros(0, np.int64))
    money_in = amount[kept] > 0
    # no Currency column: the code written at each line's amount, where they name several
    at_amounts = None if "Currency" in cols else currencies_at_the_amounts(
        [kept_cells(table, cols, c, kept_rows) for c in ("Amount", "Debit", "Credit")
         if c in cols])
    lines = lines_frame({
        "Date": kinds.booked[kept],
        "Value Date": value_dates[kept],
        "Amount": amount[kept],  # rounded to each currency's minor unit by lines_frame
        "Currency": [c or at or section_ccy for c, at, section_ccy in zip(
            per_value(kept_cells(table, cols, "Currency", kept_rows), currency_code),
            at_amounts or [None] * len(kept_rows),
            section_currencies(kept, kinds.screened.sections, file_ccy), strict=True)],
        "Description": descriptions,
        "Reference": real_references(cell_texts(kept_cells(table, cols, "Reference",
                                                           kept_rows))),
        "Counterparty": party_cells(table, read.layout, "Counterparty", kept_rows, money_in),
        "Counterparty Account": counterparty_accounts(
            party_cells(table, read.layout, "Counterparty Account", kept_rows, money_in),
            read.report.column_name(cols.get("Counterparty Account"), ""), balances),
        "Bank Ref": cell_texts(kept_cells(table, cols, "Bank Ref", kept_rows)),
        "Balance": balance,
        "Statement": ["1"] * len(kept),
        "Line No": line_numbers.tolist(),
    }, len(kept), positions.tolist())
    lines = with_structured_narratives(lines)
    kinds_out_of_the_party(lines)
    currency_of_the_own_account(lines, balances)
    return lines


def _details_carried_over(read: _Reading, lines: pd.DataFrame, kept: np.ndarray,
                          carried_over: dict[int, list[int]]) -> None:
    """A line printed over two or three rows (Emirates NBD, Mashreq: the value date and the
    bank's reference on the row under the amount's): its blank Reference and Value Date are
    the ones its rows below give (their text is in its narrative too)."""
    if not carried_over:
        return
    cols = read.cols
    slot = {int(p): k for k, p in enumerate(kept.tolist())}
    for pos, rows in carried_over.items():
        k = slot[pos]
        if "Reference" in cols and not isinstance(lines.at[k, "Reference"], str):
            found = next((r for r in real_references(cell_texts(
                [read.table.cells(cols["Reference"])[row] for row in rows])) if r), None)
            lines.at[k, "Reference"] = found
        if "Value Date" in cols and "Date" in cols and pd.isna(lines.at[k, "Value Date"]):
            for row in rows:
                try:
                    day = parse_date(read.table.cells(cols["Value Date"])[row], read.dayfirst,
                                     read.date_format)
                except (ValueError, OverflowError):
                    continue
                if day is not None and booking_day(day) is not None:
                    lines.at[k, "Value Date"] = day
                    break


def _lines_checked(read: _Reading, lines: pd.DataFrame, kept: np.ndarray, screened: Screened,
                   balances: StatementBalance, current: float | None, issues: list[Issue]
                   ) -> tuple[pd.DataFrame, list[StatementBalance], list[Issue]]:
    """The lines with their fees split off and lines of amount 0 left out, the balances the
    statement states, and ``issues`` with what the lines say: the statement's balances
    completed from the running balance and tied out, signs lost or taken from the running
    balance, the running balance checked line by line (per currency on a multi-currency
    account)."""
    source, cols, decimal = read.report.source, read.cols, read.decimal
    column_name = read.report.column_name
    kept_rows = kept.tolist()
    if "_fee" in cols and len(lines):
        lines, fee_issues = split_fees(
            lines, parse_amount_column(kept_cells(read.table, cols, "_fee", kept_rows),
                                       decimal)[0], source,
            column_name(cols["_fee"], "Fee"),
            parse_amount_column(kept_cells(read.table, cols, "_net", kept_rows), decimal)[0]
            if "_net" in cols else None)
        issues += fee_issues
    if "_balance_before" in cols and balances.opening is None and len(lines):
        balances_of_the_chain(parse_amount_column(
            kept_cells(read.table, cols, "_balance_before", kept_rows), decimal)[0],
            lines, balances)
    if current is not None and len(lines):
        differs = ends_of_the_lines(lines, balances)
        if differs:
            issues.append(Issue(source, "", "Balance", current, differs))
    elif (balances.closing is not None and balances.opening is None and "Balance" in cols
          and (apart := closing_not_at_the_end(lines, balances.closing))):
        # (with an opening balance too, the tie-out says it)
        at, idx = screened.closing_at, cols["Balance"]
        if at is not None and is_blank(read.table.cells(idx)[at]):
            idx = None  # the figure is elsewhere in its row ("Closing balance: 5,500.00")
        issues.append(Issue(source, read.report.cell(at, idx) if at is not None else "",
                            "Balance", balances.closing, apart, TIE_OUT))
    stated = [balances] if balances.opening is not None or balances.closing is not None else []
    if stated and lines["Currency"].notna().any():
        balances.currency = lines["Currency"].dropna().iloc[0]
    if ("Balance" in cols and "Amount" in cols and not {"_sign", "Debit", "Credit"} & set(cols)
            and len(lines) > 1 and (lines["Amount"] >= 0).all()):
        issues += signs_from_balance(
            lines, balances.opening, source, column_name(cols["Amount"], "Amount"),
            lambda row: read.report.cell_of_row(row, cols["Amount"]))
    issues += payments_out_read_as_money_in(lines, cols, balances, read.report)
    if "Balance" in cols:
        issues += running_balance_checked(lines, cols, screened.page_numbers, read.report)
    money_at = next((cols[c] for c in ("Amount", "Credit", "Debit")
                     if c in cols and cols[c] < len(read.header) and read.header[cols[c]]),
                    None)
    money = read.header[money_at] if money_at is not None else "Amount"
    def money_cell(row: int) -> str:
        return read.report.cell_of_row(row, money_at)

    lines, places, huge = without_impossible_amounts(
        lines, [f"row {no}" for no in lines["Line No"].tolist()], source, str(money),
        money_cell)
    # one zero line: at its cell; several: "rows 3, 7", as a note
    lines, zero = without_zero_amounts(lines, places, source, str(money), money_cell)
    issues += huge + zero
    issues += tie_out(stated, lines, source)
    return lines, stated, issues
