"""Merged cells of an OpenDocument spreadsheet (.ods), which the cell reader does not give.

A cell merged down several rows (a customer's ID merged beside its invoices) holds its
value in every row as the clerk sees it (``sheet_loading.fill_merged_down``), in an .ods file as
in an .xlsx. An .ods file says a merge on its first cell (``table:number-rows-spanned``,
``table:number-columns-spanned``), the cells it covers being ``table:covered-table-cell``;
rows and cells repeated (``number-rows-repeated``, ``number-columns-repeated``) count as
many. ``content.xml`` is searched as bytes for a merge first and parsed (defusedxml) only
when it has one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException, ElementTree

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SHEET = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME = f"{{{_TABLE}}}name"
_ROWS_SPANNED = f"{{{_TABLE}}}number-rows-spanned"
_COLS_SPANNED = f"{{{_TABLE}}}number-columns-spanned"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"

Merge = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last row, last)


def _count(element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def ods_merges(path: Path) -> dict[str, list[Merge]]:
    """Sheet name -> its merges over more than one row (0-based, as the cell reader's
    rows), of an .ods file; nothing for a file without any (or one that cannot be read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("content.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    if b"number-rows-spanned" not in data:
        return {}
    merges: dict[str, list[Merge]] = {}
    sheet: str | None = None
    row = col = depth = 0  # depth: tables inside a cell (a nested table is not the sheet's)
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            tag = element.tag
            if tag == _SHEET:
                if event == "start":
                    depth += 1
                    if depth == 1:
                        sheet, row = element.get(_NAME, ""), 0
                else:
                    depth -= 1
                    element.clear()
            elif depth != 1:
                continue
            elif tag == _ROW:
                if event == "start":
                    col = 0
                else:
                    row += _count(element, _ROWS_REPEATED)
                    element.clear()
            elif tag in _CELLS and event == "start":
                rows = _count(element, _ROWS_SPANNED)
                if rows > 1 and sheet is not None:
                    cols = _count(element, _COLS_SPANNED)
                    merges.setdefault(sheet, []).append(((row, col), (row + rows - 1,
                                                                      col + cols - 1)))
                col += _count(element, _COLS_REPEATED)
    except (ElementTree.ParseError, DefusedXmlException, LookupError, ValueError):
        return {}  # damaged, or entities/a DTD (refused, never expanded): merges unknown
    return merges

