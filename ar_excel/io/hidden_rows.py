"""Rows of a contract sheet hidden in Excel (by a filter, by hand, or in a collapsed group).

An accountant filters the invoice list to one customer (AutoFilter), or collapses the groups
of a subtotalled list, and saves. The cell reader sees every row, hidden or not, and the
ledger must count them all: a filter is a view, not a deletion. But the totals ar_excel
gives then differ from what the clerk sees on screen, so one Input Issue per sheet says how
many records were hidden and read (and whether by a filter), naming the first rows.

An .xlsx/.xlsm says which rows are hidden (``<row hidden="1">``); its sheets' XML is
searched as bytes, a chunk at a time, and a row tag read only where the mark is, in the same
pass as the search for error cells (``cell_errors``: the sheets it looks at). An .ods marks
them ``table:visibility="filter"`` (a filter) or ``"collapse"`` (hidden, grouped): its
content.xml is parsed only where either mark is. (An .xls is not looked at.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ar_excel.model import Book

_HIDDEN_MARKS = (b'hidden="1"', b"hidden='1'", b'hidden="true"', b"hidden='true'")
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=[\"'](\d+)[\"'][^>]*?\bhidden=[\"'](?:1|true)[\"']"
                         rb"|<(?:\w+:)?row\b[^>]*?\bhidden=[\"'](?:1|true)[\"'][^>]*?\br=[\"'](\d+)[\"']")
_FILTER = (b"<autoFilter", b":autoFilter")
_TAIL = 1024  # a row tag cut between two chunks is whole in the next window


class HiddenRows:
    """The hidden rows (1-based) and the AutoFilter of one sheet, found in the chunks of its
    XML as they are inflated (by the error cells' scan, ``cell_errors``: one pass for both)."""

    def __init__(self) -> None:
        self.rows: set[int] = set()
        self.filtered = False
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        window = self._tail + chunk
        if any(mark in window for mark in _HIDDEN_MARKS):
            self.rows.update(int(a or b) for a, b in _HIDDEN_ROW.findall(window))
        self.filtered = self.filtered or any(mark in window for mark in _FILTER)
        self._tail = window[-_TAIL:]


_ODS_MARKS = (b'visibility="filter"', b'visibility="collapse"')
_MAX_ROWS = 100_000  # hidden rows counted per sheet at most (a hidden empty tail: a million)


def ods_hidden_rows(path: Path, sheets: list[str]) -> dict[str, tuple[set[int], bool]]:
    """Sheet -> (its hidden rows, whether any is hidden by a filter), of an .ods file's
    sheets asked for that hide rows (module docstring)."""
    from ar_excel.io.ods_xml import (
        ROW,
        ROWS_REPEATED,
        SHEET,
        TABLE,
        content_xml,
        count,
        sheet_elements,
    )

    data = content_xml(path)
    if not any(mark in data for mark in _ODS_MARKS):
        return {}
    visibility = f"{{{TABLE}}}visibility"
    wanted = set(sheets)
    found: dict[str, tuple[set[int], bool]] = {}
    row = 0
    for event, element, sheet in sheet_elements(data):
        if element.tag == SHEET:
            row = 0
        elif element.tag == ROW and event == "end":
            repeat = count(element, ROWS_REPEATED)
            seen = element.get(visibility)
            if sheet in wanted and seen in ("filter", "collapse"):
                rows, filtered = found.get(sheet, (set(), False))
                rows.update(range(row + 1, row + 1 + min(repeat, _MAX_ROWS)))
                found[sheet] = (rows, filtered or seen == "filter")
            row += repeat
            element.clear()
    return found


def tell_hidden_rows(book: Book, hidden: dict[str, tuple[set[int], bool]]) -> None:
    """One Input Issue per contract sheet some of whose records are hidden rows."""
    from ar_excel.model import ROW, SHEET, Issue

    if not hidden:
        return
    for kind in ("Customers", "Invoices", "Payments"):
        table = book.tables.get(kind)
        if table is None:
            continue
        frame = table.frame
        sheets = frame[SHEET] if SHEET in frame.columns else None
        for sheet in dict.fromkeys([table.sheet, *table.sheet_letters]):
            if sheet not in hidden:
                continue
            rows, filtered = hidden[sheet]
            own = frame[ROW] if sheets is None else frame.loc[
                (sheets == sheet) | (sheets.isna() & (sheet == table.sheet)), ROW]
            records = sorted(set(own.tolist()) & rows)
            if not records:
                continue
            letter = (table.sheet_letters.get(sheet) or table.letters).get(
                next(iter(table.headers), ""), "A")
            shown = ", ".join(map(str, records[:8])) + (
                f", +{len(records) - 8}" if len(records) > 8 else "")
            how = "hidden by the sheet's filter (AutoFilter)" if filtered else \
                "hidden (by hand or in a collapsed group)"
            book.issues.append(Issue(
                sheet, f"{letter}{records[0]}", "", None,
                f"{len(records)} row(s) of sheet '{sheet}' are {how}: read like "
                f"every other row (a filter is a view; the figures count them all): rows {shown}"))
