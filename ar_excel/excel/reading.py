"""Read the calling workbook through xlwings into the same ``Book`` the file reader builds.

The rule: a sheet read from live Excel must parse exactly as the saved file would. So we hand
the file reader's parser (``book_from_grids``) the same rectangles of cell values it gets from
calamine: a sheet's used range (with its offset, so cell addresses in issues stay right) and
each Excel table (ListObject) with its header. Only sheets and tables whose names stand for a
contract sheet are read; the others are listed by name and read on demand, so a workbook full
of previous output tabs costs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ar_excel.io.reader import Grid, book_from_grids, find_kind, sheets_to_read
from ar_excel.model import Book
from ar_excel.names import match_key


def _values(rng: Any) -> list[list[Any]]:
    """A range's values as a list of rows, whatever its shape (one cell, one row...)."""
    rows = rng.options(ndim=2).value
    return [[_plain(v) for v in row] for row in (rows or [])]


def _plain(value: Any) -> Any:
    # xlwings gives datetimes for date cells; a midnight datetime is a date, as calamine says
    if isinstance(value, dt.datetime) and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date()
    return value


def _is_hidden(sheet: Any) -> bool:
    try:
        return not bool(sheet.visible)
    except Exception:  # an engine without the property (e.g. an older xlwings Lite)
        return False


def sheet_grid(sheet: Any) -> Grid:
    """The used range of one sheet as a Grid positioned where it sits on the sheet."""
    used = sheet.used_range
    return Grid(sheet.name, _values(used), used.row - 1, used.column - 1, hidden=_is_hidden(sheet))


def table_grids(sheet: Any) -> list[Grid]:
    """The sheet's Excel tables (ListObjects) named like a contract sheet."""
    grids = []
    try:
        tables = list(sheet.tables)
    except Exception:  # engines without ListObject support: plain ranges only
        return grids
    for table in tables:
        try:
            if find_kind(table.name, is_table=True) is None:
                continue
            header_range = table.header_row_range
            if header_range is None:
                continue
            header = _values(header_range)[0]
            body = table.data_body_range
            rows = _values(body) if body is not None else []
            top = (body.row if body is not None else header_range.row + 1) - 1
        except Exception:  # a table the engine cannot describe: the sheet itself is read
            continue
        grids.append(Grid(table.name, rows, top, header_range.column - 1, header=header,
                          sheet=sheet.name))
    return grids


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
    tables = [g for sheet in all_sheets for g in table_grids(sheet)]
    hidden = {sheet.name for sheet in all_sheets if _is_hidden(sheet)}
    # the sheets the file reader would read (the others are known by name: jobs may ask)
    read = sheets_to_read([sheet.name for sheet in all_sheets], hidden, tables)
    grids = [sheet_grid(sheet) if sheet.name in read
             else Grid(sheet.name, [], hidden=sheet.name in hidden) for sheet in all_sheets]
    sheets = {match_key(sheet.name): sheet for sheet in all_sheets}
    return book_from_grids(grids + tables, source=workbook_path(xlbook),
                           sheet_loader=_loader(sheets))


def _loader(sheets: dict[str, Any]) -> Callable[[str], list[list[Any]] | None]:
    def load(name: str) -> list[list[Any]] | None:
        sheet = sheets.get(match_key(name))
        if sheet is None:
            return None
        grid = sheet_grid(sheet)
        # the file loader returns rows from A1: pad the used range's offset
        width = grid.left + max((len(r) for r in grid.rows), default=0)
        pad_rows = [[None] * width for _ in range(grid.top)]
        return pad_rows + [[None] * grid.left + r for r in grid.rows]

    return load
