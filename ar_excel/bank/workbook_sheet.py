"""The workbook's own ``Bank Statement`` sheet -> the statement, read as a bank's export is.

Accountants paste the bank's export into the sheet as it came: the account details above the
header, Arabic and English headers, Debit | Credit columns, amounts as text with ``EGP`` or
``ج.م`` after them, a totals row at the bottom, the opening and closing balance as rows of
their own. So the sheet's rows go through the same table importer as a statement file
(``table_import.rows_to_statement``), with the rules of a sheet the clerk keeps:

* the columns the workbook reader took for the contract's Bank Statement columns (by their
  names and aliases, ``schema.BANK``) are read as those columns, exactly as the reader named
  them (but for a Posting Date beside the Transaction Date the reader took: the booking
  date is the line's, as in a file); the importer finds the rest (a D/C mark, a fee column,
  its header words);
* a Status column is the clerk's own ("Pending", "Matched"), not the bank's booking status:
  it leaves no line out; one date left blank is that line's issue (two lines or more under
  a date printed once take it, as in a file);
* every issue names the sheet's own cell, ``Bank Statement!C14`` (the line's column and Excel
  row), as any input sheet's issue does: the clerk fixes it there. A statement that does not
  tie out is said at the closing balance's cell.

The sheet's rows come from the workbook (every row, the account details and totals too);
where the workbook cannot give them again, from the table the reader read (its header row and
its rows, each at its own row and column).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd

from ar_excel.bank.column_words import BOOKING_FIRST, OPTION_KEYS, fold_key
from ar_excel.bank.date_order import ASKED_ORDER
from ar_excel.bank.statement import TIE_OUT, Statement
from ar_excel.bank.table_import import rows_to_statement
from ar_excel.bank.table_layout import find_layout
from ar_excel.errors import InputError
from ar_excel.model import ROW, Book, Issue, Table, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import is_blank
from ar_excel.schema import BANK

_CONTRACT_COLUMNS = frozenset(f.name for f in BANK.fields)
_SHEET_KEYS = frozenset(match_key(n) for n in (BANK.name, *BANK.aliases))
SheetLoader = Callable[[str], list[list[Any]] | None]


def bank_sheet_name(sheet_names: list[str]) -> str | None:
    """The workbook's sheet named as the contract's Bank Statement sheet (or an alias)."""
    return next((n for n in sheet_names if match_key(n) in _SHEET_KEYS), None)


def statement_of_sheet(table: Table | None, sheet: str, loader: SheetLoader | None = None,
                       mapping: dict[str, Any] | None = None,
                       day_first: bool | None = None) -> Statement:
    """The statement on the Bank Statement sheet ``sheet``: ``table`` is that sheet as the
    workbook reader read it (None where the reader could not read it: a bank's export with
    account details above its header); ``loader`` gives the sheet's rows again."""
    rows = loader(sheet) if loader is not None else None
    pinned = None
    if table is not None:
        if rows and not _same_header(rows, table):
            rows = None  # (an Excel table on the sheet, a header over two rows): as read
        if not rows:
            rows = table_rows(table)
        pinned = _contract_columns(rows, table)
    if not rows:
        raise InputError(f"the sheet '{sheet}' has no bank statement lines")
    columns = {**(pinned or {}), **_options(mapping)} or None
    layout = None
    asked = _columns_asked(mapping)
    if asked is not None:  # the Policy's bank_columns, where they name the sheet's headers
        try:
            layout = find_layout(rows, asked, sheet)
            columns = asked
        except InputError:
            layout = None  # (named for the bank's file, not for this sheet)
    if layout is None:
        layout = find_layout(rows, columns, sheet)
    # a Status column of the workbook's sheet is the clerk's ("Pending": not yet reconciled),
    # not the bank's booking status: no line is left out for it
    layout.columns.pop("_status", None)
    # (a clerk's sheet with one date left blank: that line is said, not dated from above)
    try:
        stmt = rows_to_statement(rows, list(range(1, len(rows) + 1)), sheet, "xlsx", columns,
                                 day_first, layout=layout, dates_printed_once=2)
    except InputError as exc:  # no line could be used: said at the sheet's first bad cell
        raise InputError(_ROW_AND_HEADER.sub(
            lambda m: _cell_of(m.group(1), m.group(2), layout.headers), str(exc), count=1)
        ) from exc
    # the Policy's date order is the whole workbook's: following it needs no word here
    stmt.issues = [i for i in _at_their_cells(stmt, layout.headers,
                                              layout.columns.get("Balance"), sheet)
                   if i.kind != ASKED_ORDER]
    return stmt


def workbook_statement(book: Book, mapping: dict[str, Any] | None = None) -> Statement | None:
    """The statement on the workbook's Bank Statement sheet, None where it has none. A sheet
    the workbook reader could not read as one (a bank's export pasted with its account
    details above the header) is read by the importer where it finds the statement's header
    there; a sheet without one (left empty, "paste the statement here") is no statement, as
    before."""
    table = book.table("Bank Statement")
    loader = getattr(book, "sheet_loader", None)
    day_first = book.policy.day_first
    if table is not None:
        stmt = statement_of_sheet(table, table.sheet, loader, mapping, day_first)
        # the importer says each cell it could not use again, with what became of the line
        # ("the line was left out"): the reader's word on that cell is answered (it was
        # two Input Issues rows for one cell)
        said = {(i.cell, i.column) for i in stmt.issues}
        # a row the importer read as no line (the opening or closing balance, a totals row,
        # the bank's note at the foot, a page's heading) is the statement's own, or said by
        # it where it was left out: the reader's word on it ("Date is required but blank" at
        # the opening balance's row) would have the clerk date a balance
        lines = set(stmt.lines["Line No"].tolist())
        book.withdraw(lambda i: i.sheet == table.sheet and (
            (i.cell, i.column) in said or _row_of(i.cell) not in (None, *lines)))
        return stmt
    sheet = pasted_statement_sheet(book, mapping)
    if sheet is None:
        return None
    stmt = statement_of_sheet(None, sheet, loader, mapping, day_first)
    # the reader's "no column for Date" is answered: its header was found below the details
    why = book.unusable.get("Bank Statement")
    book.withdraw(lambda i: i.sheet == sheet and i.message == why)
    return stmt


def _row_of(cell: str | None) -> int | None:
    """The Excel row of an issue's cell ("A10", "C5:D5"); None where it names no one row."""
    m = re.fullmatch(r"\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?\1)?", cell or "")
    return int(m.group(1)) if m else None


def pasted_statement_sheet(book: Book, mapping: dict[str, Any] | None = None) -> str | None:
    """The Bank Statement sheet the workbook reader could not read in which the importer
    finds a statement's header (account details above it), else None. Looked for once per
    book and mapping: the run asks before the job (``runner.missing_inputs``), the job again."""
    key = ("pasted statement sheet", repr(mapping))
    if key not in book.worked_out:
        book.worked_out[key] = _pasted_statement_sheet(book, mapping)
    return book.worked_out[key]


def _pasted_statement_sheet(book: Book, mapping: dict[str, Any] | None) -> str | None:
    loader = getattr(book, "sheet_loader", None)
    if "Bank Statement" not in book.unusable or loader is None:
        return None
    sheet = bank_sheet_name(list(book.sheet_names))
    rows = loader(sheet) if sheet is not None else None
    if not rows:
        return None
    try:
        find_layout(rows, _columns_asked(mapping) or _options(mapping) or None, sheet)
    except InputError:
        if _columns_asked(mapping) is None:
            return None
        try:  # (the Policy's bank_columns named for the bank's file)
            find_layout(rows, _options(mapping) or None, sheet)
        except InputError:
            return None
    return sheet


def table_rows(table: Table) -> list[list[Any]]:
    """The sheet's header and rows as the reader read them, each value at its own Excel row
    and column (row 1 is ``rows[0]``, column A is ``row[0]``)."""
    frame, raw = table.frame, table.raw
    placed = {c: _column_index(table.letters.get(c)) for c in raw.columns if c != ROW}
    placed = {c: i for c, i in placed.items() if i is not None}
    if not placed or ROW not in frame.columns:
        return []
    width = max(placed.values()) + 1
    numbers = [int(r) for r in frame[ROW].tolist()]
    height = max([table.header_row, *numbers])
    rows: list[list[Any]] = [[None] * width for _ in range(height)]
    header = rows[table.header_row - 1]
    for column, i in placed.items():
        header[i] = table.headers.get(column, column)
    for column, i in placed.items():
        for row, value in zip(numbers, raw[column].tolist(), strict=True):
            rows[row - 1][i] = None if _missing(value) else value
    return rows


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _column_index(letter: str | None) -> int | None:
    if not letter or not letter.isalpha():
        return None
    from openpyxl.utils import column_index_from_string  # (only a sheet's letters need it)

    try:
        return column_index_from_string(letter) - 1
    except ValueError:  # not a column's letters (four or more, not A-Z)
        return None


def _same_header(rows: list[list[Any]], table: Table) -> bool:
    """Whether the sheet's rows hold the reader's header where the reader found it (each
    contract column's header at its letter)."""
    if table.header_row < 1 or table.header_row > len(rows):
        return False
    header = rows[table.header_row - 1]
    for column, letter in table.letters.items():
        i = _column_index(letter)
        if column not in _CONTRACT_COLUMNS or i is None:
            continue
        if i >= len(header) or is_blank(header[i]):
            return False
        if fold_key(str(header[i])) != fold_key(table.headers.get(column, column)):
            return False
    return True


def _contract_columns(rows: list[list[Any]], table: Table) -> dict[str, str]:
    """{contract column: its header in the sheet} for the columns the reader found: read as
    the reader named them, not as the importer would guess them."""
    header = rows[table.header_row - 1] if 0 < table.header_row <= len(rows) else []
    out = {}
    for column, letter in table.letters.items():
        i = _column_index(letter)
        if column in _CONTRACT_COLUMNS and i is not None and i < len(header) \
                and not is_blank(header[i]):
            out[column] = str(header[i]).strip()
    # "Transaction Date" beside "Posting Date": the booking date is the line's, as in a file
    booking = {fold_key(a) for a in BOOKING_FIRST}
    if "Date" in out and fold_key(out["Date"]) != fold_key("Date") \
            and fold_key(out["Date"]) not in booking:
        taken = {fold_key(h) for h in out.values()}
        posted = next((str(h).strip() for h in header if not is_blank(h)
                       and fold_key(str(h)) in booking and fold_key(str(h)) not in taken), None)
        if posted is not None:
            out["Date"] = posted
    return out


def _columns_asked(mapping: dict[str, Any] | None) -> dict[str, Any] | None:
    """A mapping that names columns (the Policy's bank_columns): it decides, as for a file."""
    if mapping and any(k not in OPTION_KEYS for k in mapping):
        return {k: v for k, v in mapping.items() if k != "sheet"}
    return None


def _options(mapping: dict[str, Any] | None) -> dict[str, Any]:
    """The mapping's options that are no column (decimal, date_format, year...)."""
    return {k: v for k, v in (mapping or {}).items() if k in OPTION_KEYS and k != "sheet"}


_ROW = re.compile(r"row (\d+)")
_ROW_AND_HEADER = re.compile(r"\brow (\d+), ([^:]+):")


def _cell_of(row: str, header: str, headers: list[str]) -> str:
    """"row 2, Date:" as the sheet's cell: "A2 (Date):"."""
    at = next((i for i, h in enumerate(headers) if str(h) == header), None)
    return f"{column_letter(at)}{row} ({header}):" if at is not None else f"row {row}, {header}:"


def _at_their_cells(stmt: Statement, headers: list[str], balance_at: int | None,
                    sheet: str) -> list[Issue]:
    """The importer's issues at the sheet's cells: it names a cell as the sheet's rows give
    it (``C14``); where it names the row ("row 14"), the cell of the column under its
    header, else the whole row (``14:14``); a tie-out at the closing balance's cell."""
    letters: dict[str, str] = {}
    for i, h in enumerate(headers):
        letters.setdefault(str(h), column_letter(i))
    balance = column_letter(balance_at) if balance_at is not None else None
    out = []
    for issue in stmt.issues:
        m = _ROW.fullmatch(issue.cell)
        if m is not None:
            letter = letters.get(str(issue.column))
            row = m.group(1)
            issue = replace(issue, cell=f"{letter}{row}" if letter else f"{row}:{row}")
        elif issue.kind == TIE_OUT and stmt.closing_row is not None:
            issue = replace(issue, cell=f"{balance}{stmt.closing_row}" if balance
                            else f"{stmt.closing_row}:{stmt.closing_row}")
        out.append(replace(issue, sheet=sheet) if issue.sheet != sheet else issue)
    return out
