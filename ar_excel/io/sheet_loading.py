"""Sheets' cell values read from a workbook file with python-calamine, in background threads
while the sheets already read are parsed. Only the sheets a Book needs are read
(``sheets_to_read``); cells merged down several rows hold the merge's value in each row, as
the clerk sees them. A sheet that cannot be read raises as if the sheets had been read one
after the other: the first one in order."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ar_excel.errors import InputError
from ar_excel.io.grid import Grid
from ar_excel.io.sheet_kinds import sheets_to_read
from ar_excel.names import match_key
from ar_excel.parsing import (
    is_blank,
)

MAX_READ_THREADS = 4  # sheets parsed side by side at most (each holds its sheet's cells)


def calamine_grids(path: Path) -> tuple[list[Grid], Callable[[str], list[list[Any]] | None],
                                        _SheetLoads]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path), load_tables=path.suffix.lower() in (".xlsx", ".xlsm"))
    except Exception as exc:  # calamine raises several of its own types
        from ar_excel.io.not_a_workbook import why_not_a_workbook

        raise InputError(why_not_a_workbook(path, exc)) from exc
    hidden = {m.name for m in wb.sheets_metadata if str(m.visible).lower().endswith(("hidden", "veryhidden"))}
    try:
        table_names = wb.table_names
    except Exception:  # no tables loaded (e.g. .xls/.ods)
        table_names = []
    tables: list[Grid] = []
    for tname in table_names:
        t = wb.get_table_by_name(tname)
        try:
            rows = t.to_python()
        except BaseException as exc:
            if not calamine_failed(exc):
                raise
            (top, left), (bottom, right) = t.start, t.end  # the data rows, 0-based, inclusive
            rows = [(row + [None] * (right + 1 - len(row)))[left:right + 1] for row in
                    rows_without_calamine(path, t.sheet, exc)[top:bottom + 1]]
        tables.append(Grid(tname, rows, t.start[0], t.start[1], header=list(t.columns),
                           sheet=t.sheet))
    if tables:  # rows typed under a table, outside it, are read as its rows (and said)
        from ar_excel.io.table_tails import read_rows_below

        read_rows_below(path, wb, tables)
    names = list(wb.sheet_names)
    read = sheets_to_read(names, hidden, tables)
    loader = lazy_loader(wb, path)  # used once every sheet is read (``finish``)
    merges = None
    if path.suffix.lower() == ".ods":  # calamine gives no merges of an .ods file
        from ar_excel.io.ods_merges import ods_merges

        merges = ods_merges(path)
    # wb is theirs till then
    loads = _SheetLoads(path, wb, [n for n in names if n in read], merges)
    grids = [loads.grid(name, name in hidden) for name in names]
    grids.extend(tables)
    return grids, loader, loads


def fill_merged_down(rows: list[list[Any]], merged: list | None) -> list[list[Any]]:
    """Cells merged down several rows (a customer's ID merged beside its invoices) hold the
    value of the merge in every row, as the clerk sees it; a merge along one row (a title
    across the columns) is left alone, so it never looks like a header row."""
    for (r0, c0), (r1, c1) in merged or ():
        if r1 <= r0 or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        if is_blank(value):
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if is_blank(row[c]):
                    row[c] = value
    return rows


def calamine_failed(exc: BaseException) -> bool:
    """The cell reader failed on the file (not Ctrl-C): its errors, or a panic of its Rust
    code, which Python raises as a PanicException, no ``Exception``."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def sheet_rows(wb: Any, path: Path, name: str, sheet: Any = None) -> list[list[Any]]:
    """A sheet's cell values from A1 (calamine's ``to_python``), read by openpyxl where
    calamine fails on one of its cells (``rows_without_calamine``)."""
    try:
        return (sheet or wb.get_sheet_by_name(name)).to_python(skip_empty_area=False)
    except BaseException as exc:
        if not calamine_failed(exc):
            raise
        return rows_without_calamine(path, name, exc)


def rows_without_calamine(path: Path, name: str, failure: BaseException) -> list[list[Any]]:
    """A sheet's values read by openpyxl where calamine fails on one of its cells: calamine
    panics on a number out of a date's or a time's range in a cell formatted as one (-1E15
    shown as h:mm), where openpyxl gives the cell as Excel shows it, #VALUE! (an Input Issue
    on that cell). A workbook openpyxl cannot read (.xls, .ods) is refused, saying why."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(f"cannot read sheet '{name}' of '{path.name}': a cell holds a value "
                         f"the reader cannot convert ({failure}); save it as .xlsx and retry")
    import warnings

    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        with warnings.catch_warnings():  # ("Cell C3 is marked as a date but ... out of range")
            warnings.simplefilter("ignore")
            return [list(row) for row in wb[name].iter_rows(min_row=1, min_col=1,
                                                            values_only=True)]
    finally:
        wb.close()


def once_read(grid: Grid, step: Callable[[Grid], None]) -> None:
    """``step`` done on the grid's cells: now, or where they are still being read, when they
    are first asked for, so that a sheet already read is parsed while the others are read."""
    if isinstance(grid, _LoadingGrid) and grid.loads is not None:
        grid.then.append(step)
    else:
        step(grid)


class _LoadingGrid(Grid):
    """A sheet whose cells are still being read: its ``rows`` wait for them."""

    loads: _SheetLoads | None = None
    then: list[Callable[[Grid], None]]  # steps done on the cells once they are here

    @property  # type: ignore[override]
    def rows(self) -> list[list[Any]]:
        if self.loads is not None:
            self._rows = self.loads.rows(self.name)
            self._merged = self.loads.merged(self.name)
            self.loads = None
            steps, self.then = self.then, []
            for step in steps:
                step(self)
        return self._rows

    @rows.setter
    def rows(self, value: list[list[Any]]) -> None:
        self._rows = value

    @property  # type: ignore[override]
    def merged(self) -> list:
        self.rows  # noqa: B018 (the merges come with the cells)
        return self._merged

    @merged.setter
    def merged(self, value: list) -> None:
        self._merged = value


class _SheetLoads:
    """The sheets' values, read in background threads while the sheets already read are
    parsed. calamine parses a sheet's XML without holding Python's lock, so a sheet's cells
    are read while Python parses another sheet's values, and with more than one core several
    sheets are read side by side: one thread with the open workbook, the others each with a
    workbook of their own (a calamine workbook serves one thread at a time). Sheets are handed
    out in workbook order; a sheet that cannot be read raises as if the sheets had been read
    one after the other before any parsing (``finish``): the first one in order."""

    def __init__(self, path: Path, wb: Any, names: list[str],
                 merges: dict[str, list] | None = None) -> None:
        self.names = names
        self._path = path
        self._merges = merges or {}  # sheet -> merges the cell reader does not give (.ods)
        self._pending = list(reversed(names))
        self._lock = threading.Lock()
        self._done = {name: threading.Event() for name in names}
        self._rows: dict[str, list[list[Any]]] = {}
        self._merged: dict[str, list] = {}
        self._failed: dict[str, BaseException] = {}
        helpers = min(len(names), os.cpu_count() or 1, MAX_READ_THREADS)
        self._threads = [threading.Thread(target=self._work, args=(wb,), daemon=True)]
        self._threads += [threading.Thread(target=self._help, args=(path,), daemon=True)
                          for _ in range(helpers - 1)]
        if not names:
            self._threads = []
        for t in self._threads:
            t.start()

    def _help(self, path: Path) -> None:
        import python_calamine as pc

        try:
            book = pc.CalamineWorkbook.from_path(str(path))
        except Exception:  # this thread cannot help: the others read its share
            return
        self._work(book)

    def _work(self, book: Any) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                name = self._pending.pop()
            try:
                sheet = book.get_sheet_by_name(name)
                rows = sheet_rows(book, self._path, name, sheet)
                merged = sheet.merged_cell_ranges or self._merges.get(name)
                self._merged[name] = list(merged or ())
                self._rows[name] = fill_merged_down(rows, merged)
            except BaseException as exc:  # raised by ``finish``, in sheet order
                self._failed[name] = exc
            finally:
                self._done[name].set()

    def grid(self, name: str, hidden: bool) -> Grid:
        if name not in self._done:
            return Grid(name, [], 0, 0, hidden=hidden)
        grid = _LoadingGrid(name, [], 0, 0, hidden=hidden)
        grid.loads, grid.then = self, []
        return grid

    def merged(self, name: str) -> list:
        """The sheet's merged cells (read with its rows: ``rows`` first)."""
        return self._merged.get(name, [])

    def rows(self, name: str) -> list[list[Any]]:
        self._done[name].wait()
        if name in self._failed:
            self.finish()  # an earlier sheet's failure first, as read in order
        return self._rows[name]

    def finish(self) -> None:
        """Wait for every sheet; raise the first failure in sheet order."""
        for t in self._threads:
            t.join()
        for name in self.names:
            if name in self._failed:
                raise self._failed[name]


def lazy_loader(wb: Any, path: Path) -> Callable[[str], list[list[Any]] | None]:
    """Reads a sheet's values by name (matched like sheet names) only when asked."""
    by_key = {match_key(n): n for n in wb.sheet_names}

    def load(name: str) -> list[list[Any]] | None:
        real = by_key.get(match_key(name))
        return None if real is None else sheet_rows(wb, path, real)

    return load
