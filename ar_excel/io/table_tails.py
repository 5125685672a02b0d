"""Rows typed right under an Excel table but left outside it: read as the table's, and said.

Excel extends a table as the clerk types under it, but rows pasted below it, added by
another program or typed with the option off stay outside the table's range. A reader of
the table alone would drop them without a word. So where the sheet's used range runs past a
contract table, the rows right under it (down to the first blank row, within the table's
columns) are read as the table's rows, with an Input Issue at the first of them asking to
extend the table. Rows after a blank row are something else (notes, a total) and stay out.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ar_excel.io.grid import Grid
from ar_excel.io.sheet_loading import sheet_rows
from ar_excel.model import Issue, column_letter
from ar_excel.parsing import is_blank

_DIMENSION = re.compile(rb'<dimension ref="[A-Z]*\d*:?[A-Z]+(\d+)"')


def sheet_ends(path: Path) -> dict[str, int]:
    """The 0-based last row of each sheet's used range, as the file states it (its
    ``<dimension>``); sheets that do not state it are left out."""
    from ar_excel.io.safety import sheet_parts

    ends: dict[str, int] = {}
    try:
        with zipfile.ZipFile(path) as z:
            present = set(z.namelist())
            for name, part in sheet_parts(z).items():
                if part not in present:
                    continue
                with z.open(part) as fh:
                    found = _DIMENSION.search(fh.read(4096))
                if found:
                    ends[name] = int(found.group(1)) - 1
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, SyntaxError):
        return ends  # a part missing or damaged: no tail is looked for
    return ends


_TABLE_TAG = re.compile(rb"<(?:\w+:)?table\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\b(name|displayName|totalsRowCount)="([^"]*)"')


def totals_rows(path: Path) -> dict[str, int]:
    """Table name -> the rows of its totals row (Excel's Table Design > Total Row), as each
    table part states it; tables without one are left out."""
    found: dict[str, int] = {}
    try:
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                if not (part.startswith("xl/tables/") and part.endswith(".xml")):
                    continue
                with z.open(part) as fh:
                    tag = _TABLE_TAG.search(fh.read(4096))
                attrs = dict(_ATTRIBUTE.findall(tag.group(0))) if tag else {}
                count = attrs.get(b"totalsRowCount", b"0")
                if count.isdigit() and int(count):
                    for key in (b"name", b"displayName"):
                        if key in attrs:
                            found[attrs[key].decode("utf-8", "replace")] = int(count)
    except (OSError, zipfile.BadZipFile, ValueError):
        return found
    return found


def read_rows_below(path: Path, wb: Any, tables: list[Grid]) -> None:
    """Add to each table grid the rows typed right under it (see the module docstring)."""
    if not tables:
        return
    ends = sheet_ends(path)
    totals: dict[str, int] | None = None
    for grid in tables:
        last = grid.top + len(grid.rows) - 1
        if grid.sheet is None or ends.get(grid.sheet, -1) <= last:
            continue
        try:
            cells = sheet_rows(wb, path, grid.sheet)
        except Exception:  # the table's own rows are read all the same
            continue
        if totals is None:
            totals = totals_rows(path)
        width = table_width(grid)
        take_rows_below(grid, [list(row[grid.left:grid.left + width])
                               for row in cells[grid.top + len(grid.rows):]],
                        totals=totals.get(grid.name or "", 0))


def table_width(grid: Grid) -> int:
    """The number of columns of a table grid."""
    return len(grid.header or (grid.rows[0] if grid.rows else []))


def take_rows_below(grid: Grid, rows: list[list[Any]], totals: int = 0) -> None:
    """Add to a table grid the ``rows`` (the sheet's rows right under the table, cut to its
    columns) down to the first blank one, with an Input Issue at the first: the one rule the
    file reader and the live-Excel reader (``ar_excel.excel.reading``) share. The first
    ``totals`` of them are the table's own totals row: no record and not outside the table,
    they are passed over (kept as blank rows, so each row read keeps its sheet row)."""
    width = table_width(grid)
    last = grid.top + len(grid.rows) - 1 + totals  # 0-based sheet row of the table's end
    own_totals, rows = rows[:totals], rows[totals:]
    below = []
    for row in rows:
        values = list(row[:width])
        values += [None] * (width - len(values))
        if all(is_blank(v) for v in values):
            break
        below.append(values)
    if not below:
        return
    first, end = last + 2, last + 1 + len(below)  # 1-based sheet rows
    grid.rows = [*grid.rows, *([None] * width for _ in own_totals), *below]
    cell = f"{column_letter(grid.left)}{first}"
    grid.notes.append(Issue(
        grid.sheet, cell, "", None,
        f"{len(below)} row(s) under the Excel table '{grid.name}' (rows {first}-{end}) are "
        "outside it: read as its rows; extend the table to include them"))
