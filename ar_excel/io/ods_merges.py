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

import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException, ElementTree

from ar_excel.io.ods_xml import (
    CELLS,
    COLS_REPEATED,
    ROW,
    ROWS_REPEATED,
    SHEET,
    TABLE,
    content_xml,
    count,
    sheet_elements,
)

_ROWS_SPANNED = f"{{{TABLE}}}number-rows-spanned"
_COLS_SPANNED = f"{{{TABLE}}}number-columns-spanned"

Merge = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last row, last)


def ods_merges(path: Path) -> dict[str, list[Merge]]:
    """Sheet name -> its merges over more than one row (0-based, as the cell reader's
    rows), of an .ods file; nothing for a file without any (or one that cannot be read)."""
    try:
        data = content_xml(path)
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    if b"number-rows-spanned" not in data:
        return {}
    merges: dict[str, list[Merge]] = {}
    row = col = 0
    try:
        for event, element, sheet in sheet_elements(data):
            tag = element.tag
            if tag == SHEET:
                row = 0
            elif tag == ROW:
                if event == "start":
                    col = 0
                else:
                    row += count(element, ROWS_REPEATED)
                    element.clear()
            elif tag in CELLS and event == "start":
                rows = count(element, _ROWS_SPANNED)
                if rows > 1:
                    cols = count(element, _COLS_SPANNED)
                    merges.setdefault(sheet, []).append(((row, col), (row + rows - 1,
                                                                      col + cols - 1)))
                col += count(element, COLS_REPEATED)
    except (ElementTree.ParseError, DefusedXmlException, LookupError, ValueError):
        return {}  # damaged, or entities/a DTD (refused, never expanded): merges unknown
    return merges

