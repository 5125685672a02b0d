"""Read the calling workbook through xlwings into the same ``Book`` the file reader builds.

The rule: a sheet read from live Excel must parse exactly as the saved file would. So we hand
the file reader's parser (``book_from_grids``) the same rectangles of cell values it gets from
calamine: a sheet's cells from A1 to the end of its used range (so cell addresses in issues,
and blank columns before the data, are as in the file) and
each Excel table (ListObject) with its header. Only sheets and tables whose names stand for a
contract sheet are read; the others are listed by name and read on demand, so a workbook full
of previous output tabs costs nothing.

Where Excel hands values over differently from the saved file, they are put the way the file
reader sees them:
* rows typed right under an Excel table but outside it are read as its rows, with the same
  Input Issue asking to extend the table (``io.table_tails.take_rows_below``);
* a cell merged down several rows holds the merge's value in each row (Excel gives it in the
  merge's first cell only), as ``io.sheet_loading.fill_merged_down`` does for a file;
* an Excel error (``#N/A``, ``#REF!``) is a blank value whose issues name the error
  (``io.cell_errors.explain_error_cells``), as for a saved workbook;
* a midnight date-time is a date, a time of day (Excel's day 0) is a time, as calamine gives;
  an amount formatted as currency is the double the file holds, not Windows' 4-decimal
  ``Decimal``.
Formulas are read by their values, as a file's cached results are; hidden rows are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ar_excel.io.cell_errors import explain_error_cells, sheet_errors
from ar_excel.io.hidden_rows import tell_hidden_rows
from ar_excel.io.reader import Grid, book_from_grids, fill_merged_down, find_kind, sheets_to_read
from ar_excel.io.table_tails import table_width, take_rows_below
from ar_excel.model import Book, column_letter
from ar_excel.names import match_key

# What xlwings' ``err_to_str`` gives for an error cell (Excel's error values, dynamic arrays'
# and data types' included).
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!",
    "#PYTHON!", "#EXTERNAL!",
})
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # a time-of-day cell is this date plus the time
ErrorCells = dict[str, dict[str, str]]  # sheet -> {cell address: Excel error}


def _values(rng: Any, errors: dict[str, str] | None = None) -> list[list[Any]]:
    """A range's values as a list of rows, whatever its shape (one cell, one row...). An
    Excel error is read as blank and, where ``errors`` is given, noted there by address."""
    try:
        rows = rng.options(ndim=2, err_to_str=True).value
    except Exception:  # an engine without err_to_str: errors come as blanks
        rows = rng.options(ndim=2).value
    rows = rows or []
    # one pass over the cells for the two rare cases that need a second look
    odd = {type(v) for row in rows for v in row if isinstance(v, str | Decimal) and (
        not isinstance(v, str) or v in EXCEL_ERRORS)}
    if str in odd:
        # the text "#N/A" typed with an apostrophe is text: only the default read tells
        plain = rng.options(ndim=2).value or []
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if isinstance(v, str) and v in EXCEL_ERRORS and plain[i][j] is None:
                    row[j] = None
                    if errors is not None:
                        errors[f"{column_letter(rng.column - 1 + j)}{rng.row + i}"] = v
    if Decimal in odd:
        _exact_currency(rng, rows)
    return [[_plain(v) for v in row] for row in rows]


def _exact_currency(rng: Any, rows: list[list[Any]]) -> None:
    """Excel for Windows hands a cell formatted as currency over as a COM Currency, which
    pywin32 makes a ``Decimal`` cut to 4 decimals (xlwings issues #65, #640); the saved file
    holds the double. The cell's ``Value2`` is that double: it replaces the Decimal."""
    try:
        doubles = rng.api.Value2
    except Exception:  # no COM object: the Decimal's value, as a float
        doubles = None
    if not isinstance(doubles, tuple | list):
        doubles = ((doubles,),)
    doubles = [list(r) if isinstance(r, tuple | list) else [r] for r in doubles]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if isinstance(v, Decimal):
                exact = doubles[i][j] if i < len(doubles) and j < len(doubles[i]) else None
                row[j] = float(exact) if isinstance(exact, int | float) else float(v)


def _plain(value: Any) -> Any:
    # xlwings gives datetimes for date and time cells; calamine a date for a midnight
    # date-time and a time for a time of day (Excel's day 0): the parser gets the same
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        if value.date() == _EXCEL_DAY_ZERO:
            return value.time()
        if value.time() == dt.time(0):
            return value.date()
    return value


def _is_hidden(sheet: Any) -> bool:
    try:
        return not bool(sheet.visible)
    except Exception:  # an engine without the property (e.g. an older xlwings Lite)
        return False


def sheet_grid(sheet: Any, errors: ErrorCells | None = None, merges: bool = True) -> Grid:
    """The used range of one sheet as a Grid from A1, as calamine gives a file's sheet (empty
    rows and columns before the used range included, so a blank column A is read the same),
    cells merged down several rows filled as the file reader fills a contract sheet's
    (``merges``; a sheet read on demand is given as its cells stand, as the file's loader
    gives it)."""
    used = sheet.used_range
    found: dict[str, str] = {}
    rows = _values(used, found)
    if found and errors is not None:
        errors.setdefault(sheet.name, {}).update(found)
    top, left = used.row - 1, used.column - 1
    if rows and (top or left):
        width = left + max(len(r) for r in rows)
        rows = [[None] * width for _ in range(top)] + [[None] * left + r for r in rows]
    return Grid(sheet.name, fill_merged_down(rows, merged_areas(used) if merges else []),
                hidden=_is_hidden(sheet))


def merged_areas(rng: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged areas in ``rng`` spanning more than one row, as 0-based sheet coordinates
    ((first row, first column), (last row, last column)), as calamine lists a file's.

    xlwings' open-source API has no list of a sheet's merges: ``merge_cells`` says whether a
    range holds merged cells (True, False, or None for some), ``merge_area`` is the merge a
    cell belongs to. So each column with merges is halved until the merges are found: a few
    calls for a sheet without any (the usual case), about 2·log2(rows) per merge otherwise."""
    if _merge_state(rng) is False:
        return []
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for j in range(rng.shape[1]):
        column = rng.sheet.range((rng.row, rng.column + j),
                                 (rng.row + rng.shape[0] - 1, rng.column + j))
        _find_merges(column, found)
    return sorted((first, last) for first, last in found.items() if last[0] > first[0])


def _merge_state(rng: Any) -> bool | None:
    try:
        state = rng.merge_cells
    except Exception:  # an engine that cannot tell: read as the cells stand
        return False
    return state if isinstance(state, bool) else None  # None/missing value: some merged


def _find_merges(rng: Any, found: dict[tuple[int, int], tuple[int, int]]) -> None:
    state = _merge_state(rng)
    if state is False:
        return
    rows = rng.shape[0]
    if state is True or rows == 1:
        area = rng.merge_area if rows == 1 else rng.sheet.range((rng.row, rng.column)).merge_area
        first = (area.row - 1, area.column - 1)
        last = (area.row + area.shape[0] - 2, area.column + area.shape[1] - 2)
        found[first] = last
        below = area.row + area.shape[0]  # the rest of the range after this merge
        if rows > 1 and below <= rng.row + rows - 1:
            _find_merges(rng.sheet.range((below, rng.column), (rng.row + rows - 1, rng.column)),
                         found)
        return
    half = rows // 2
    _find_merges(rng.sheet.range((rng.row, rng.column), (rng.row + half - 1, rng.column)), found)
    _find_merges(rng.sheet.range((rng.row + half, rng.column),
                                 (rng.row + rows - 1, rng.column)), found)


def table_grids(sheet: Any, errors: ErrorCells | None = None) -> list[Grid]:
    """The sheet's Excel tables (ListObjects) named like a contract sheet, each with the
    rows typed right under it (``io.table_tails``)."""
    grids = []
    try:
        tables = list(sheet.tables)
    except Exception:  # engines without ListObject support: plain ranges only
        return grids
    for table in tables:
        found: dict[str, str] = {}
        try:
            if find_kind(table.name, is_table=True) is None:
                continue
            header_range = table.header_row_range
            if header_range is None:
                continue
            header = _values(header_range)[0]
            body = table.data_body_range
            rows = _values(body, found) if body is not None else []
            top = (body.row if body is not None else header_range.row + 1) - 1
        except Exception:  # a table the engine cannot describe: the sheet itself is read
            continue
        grid = Grid(table.name, rows, top, header_range.column - 1, header=header,
                    sheet=sheet.name)
        _rows_below(sheet, table, grid, found)
        if found and errors is not None:
            errors.setdefault(sheet.name, {}).update(found)
        grids.append(grid)
    return grids


def _rows_below(sheet: Any, table: Any, grid: Grid, errors: dict[str, str]) -> None:
    """The rows typed right under the table, outside it, read as its rows (and said)."""
    # The table's own totals row is the first row under its data (as calamine, the file
    # reader, sees the table): passed over, neither a record nor a row outside the table.
    try:
        totals = 1 if table.show_totals else 0
    except Exception:  # an engine that cannot say: read through, as before
        totals = 0
    first = grid.top + len(grid.rows) + 1  # 1-based row right under the table's rows
    try:
        used = sheet.used_range
        end = used.row + used.shape[0] - 1  # 1-based last row of the sheet's used range
    except Exception:  # an engine that cannot say: the table's own rows are read
        return
    width = table_width(grid)
    if end < first or not width:
        return
    below = sheet.range((first, grid.left + 1), (end, grid.left + width))
    take_rows_below(grid, _values(below, errors), totals=totals)


def workbook_path(xlbook: Any) -> Path | None:
    """The saved workbook's path, None while it has never been saved."""
    try:
        full = str(xlbook.fullname)
    except Exception:
        return None
    path = Path(full)
    return path if path.is_absolute() else None


def read_live_book(xlbook: Any) -> Book:
    """The contract's sheets of a workbook open in Excel, parsed as ``read_book`` would."""
    all_sheets = list(xlbook.sheets)
    errors: ErrorCells = {}
    tables = [g for sheet in all_sheets for g in table_grids(sheet, errors)]
    hidden = {sheet.name for sheet in all_sheets if _is_hidden(sheet)}
    # the sheets the file reader would read (the others are known by name: jobs may ask)
    read = sheets_to_read([sheet.name for sheet in all_sheets], hidden, tables)
    grids = [sheet_grid(sheet, errors) if sheet.name in read
             else Grid(sheet.name, [], hidden=sheet.name in hidden) for sheet in all_sheets]
    sheets = {match_key(sheet.name): sheet for sheet in all_sheets}
    path = workbook_path(xlbook)
    book = book_from_grids(grids + tables, source=path, sheet_loader=_loader(sheets))
    explain_error_cells(book, errors)
    _tell_hidden_rows(book, path, [g.sheet or g.name for g in grids + tables if g.rows])
    return book


def _tell_hidden_rows(book: Book, path: Path | None, sheets: list[str]) -> None:
    """Records in hidden rows (a filter, a collapsed group), said as the file reader says
    them. xlwings' open-source API has no quick way to list a sheet's hidden rows, so they
    are read from the workbook's saved file: a row hidden since the last save is not told
    (the values read are always the live ones; this is only the notice)."""
    if path is None or path.suffix.lower() not in (".xlsx", ".xlsm") or not path.exists():
        return
    hidden: dict[str, tuple[set[int], bool]] = {}
    try:
        sheet_errors(path, list(dict.fromkeys(sheets)), hidden)
    except Exception:  # noqa: BLE001 - a notice: the book stands without it
        return
    tell_hidden_rows(book, hidden)


def _loader(sheets: dict[str, Any]) -> Callable[[str], list[list[Any]] | None]:
    def load(name: str) -> list[list[Any]] | None:
        sheet = sheets.get(match_key(name))
        return None if sheet is None else sheet_grid(sheet, merges=False).rows

    return load
