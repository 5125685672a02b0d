"""Sheets that are no contract sheet (a previous run's tab, a hidden snapshot, an optional
list) read on demand as plain frames under their header row, from the workbook or from the
output workbook of an earlier run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ar_excel.io.headers import HEADER_SEARCH_ROWS, non_empty
from ar_excel.io.sheet_loading import lazy_loader
from ar_excel.io.table_read import pad_rows
from ar_excel.model import Book
from ar_excel.names import match_key
from ar_excel.parsing import (
    is_blank,
)


def remember_previous_output(book: Book, out: str | Path) -> None:
    """Let the jobs find their earlier runs' history tabs (change-log snapshot, Customer
    Changes, Dunning History) in OUT, where a user who always writes with ``-o`` keeps them;
    the workbook's own sheets come second."""
    out = Path(out)
    if not out.exists() or (book.source is not None and out.resolve() == Path(book.source).resolve()):
        return
    import python_calamine as pc

    try:
        out_loader = lazy_loader(pc.CalamineWorkbook.from_path(str(out)), out)
    except Exception:  # not a workbook we can read: writing to it will say so
        return
    own = book.sheet_loader

    def load(name: str) -> list[list[Any]] | None:
        rows = out_loader(name)
        return rows if rows is not None else (own(name) if own else None)

    book.sheet_loader = load


def rows_frame(rows: list[list[Any]], must_have: tuple[str, ...] = ()) -> pd.DataFrame | None:
    """A sheet's rows as a plain frame under its header row: the first row naming every
    column of ``must_have`` (matched like headers, renamed to those names), else the first row
    with two non-empty cells. The header runs from its first name to its first blank cell,
    so an Arabic label row above it or a caption beside it is no part of the table."""
    wanted = {match_key(c): c for c in must_have}
    h = None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {match_key(v) for v in row if isinstance(v, str)}
        if (wanted and wanted.keys() <= keys) or (not wanted and non_empty(row) >= 2):
            h = i
            break
    if h is None:
        return None
    row = rows[h]
    start = next(j for j, v in enumerate(row) if not is_blank(v))
    end = next((j for j in range(start, len(row)) if is_blank(row[j])), len(row))
    header = [wanted.get(match_key(v), str(v).strip()) for v in row[start:end]]
    data = [r[start:end] for r in pad_rows(rows[h + 1:], end) if non_empty(r[start:end])]
    frame = pd.DataFrame(data, columns=header, dtype="object")
    return frame.map(lambda v: None if is_blank(v) else v)


def sheet_frame(book: Book, name: str, must_have: tuple[str, ...] = ()) -> pd.DataFrame | None:
    """Any other sheet of the workbook (a previous run's tab, a hidden snapshot, an optional
    list) as a plain frame of values as read (``rows_frame``); None when there is none."""
    loader = getattr(book, "sheet_loader", None)
    rows = loader(name) if loader else None
    return rows_frame(rows, must_have) if rows else None
