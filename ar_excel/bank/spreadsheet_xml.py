"""Excel 2003 XML spreadsheets (SpreadsheetML) that bank portals save as ``.xls``.

Many portals' "Excel" export is not a binary workbook but the XML format Excel 2003 wrote
(``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">``); Excel opens it as a
workbook, so it reaches the clerk as ``statement.xls``. Its cells are laid out as Excel shows
them:

* a row or a cell with ``ss:Index`` moves to that (1-based) row or column, leaving the ones
  skipped empty; a cell merged across (``ss:MergeAcross``) or down (``ss:MergeDown``) fills its
  first position and leaves the positions it covers empty, so every column keeps its place;
* values by their ``ss:Type``: ``Number`` a number, ``DateTime`` a date (and time), ``Boolean``
  true/false, ``String`` and ``Error`` text (rich text's formatting tags dropped, its words
  kept).

Read with defusedxml: a file declaring entities or a DTD is refused, never expanded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from defusedxml import DefusedXmlException, ElementTree

from ar_excel.errors import InputError

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + NAMESPACE + "}"


def is_spreadsheet_xml(head: str) -> bool:
    """Whether the start of a file is an Excel 2003 XML spreadsheet."""
    return NAMESPACE in head or 'progid="Excel.Sheet"' in head


def spreadsheet_rows(data: bytes, source: str) -> list[tuple[str, list[list[Any]]]]:
    """Each worksheet's name and rows (row ``i`` of the list is row ``i + 1`` in Excel)."""
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(f"{source}: the XML spreadsheet declares XML entities or a DTD "
                         f"({type(exc).__name__}); such files are not read, for safety") from exc
    except (ElementTree.ParseError, LookupError, ValueError) as exc:
        raise InputError(f"{source}: not a readable Excel XML spreadsheet ({exc})") from exc
    sheets = []
    for number, sheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        name = sheet.get(f"{_SS}Name") or f"Sheet{number}"
        table = sheet.find(f"{_SS}Table")
        sheets.append((name, _table_rows(table) if table is not None else []))
    return sheets


def _table_rows(table: Any) -> list[list[Any]]:
    rows: dict[int, list[Any]] = {}
    for row_no, placed in _placed_rows(table):
        cells = rows.setdefault(row_no, [])
        for col, cell, _, _ in placed:
            cells.extend([""] * (col - len(cells)))
            value = _value(cell.find(f"{_SS}Data"))
            cells[col - 1] = "" if value is None else value
    # rows as a workbook reader gives them: all as wide as the widest, "" where empty
    width = max(map(len, rows.values()), default=0)
    return [rows.get(n, []) + [""] * (width - len(rows.get(n, [])))
            for n in range(1, max(rows, default=0) + 1)]


def merged_cells(table: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A ``<Table>``'s merged cells as ((first row, column), (last row, column)), 0-based,
    placed as its cells are (module docstring)."""
    return [((row_no - 1, col - 1), (row_no - 1 + down, col - 1 + across))
            for row_no, placed in _placed_rows(table)
            for col, _, across, down in placed if across or down]


def _placed_rows(table: Any) -> Iterator[tuple[int, list[tuple[int, Any, int, int]]]]:
    """Each ``<Row>``'s 1-based number and its cells as (column, cell, columns merged across,
    rows merged down): the one placement both the values and the merges are read by."""
    covered: set[tuple[int, int]] = set()  # (row, column) a merged cell above reaches
    row_no = 0
    for row in table.iterfind(f"{_SS}Row"):
        row_no = _index(row, row_no + 1)
        placed = []
        col = 0
        for cell in row.iterfind(f"{_SS}Cell"):
            col += 1
            while (row_no, col) in covered:
                col += 1
            col = _index(cell, col)
            across = _count(cell, "MergeAcross")
            down = _count(cell, "MergeDown")
            covered.update((row_no + r, col + c) for r in range(down + 1)
                           for c in range(across + 1) if r or c)
            placed.append((col, cell, across, down))
            col += across
        yield row_no, placed


def _index(element: Any, default: int) -> int:
    """``ss:Index`` (1-based), where it moves the element forward; else ``default``."""
    try:
        index = int(element.get(f"{_SS}Index") or 0)
    except ValueError:
        return default
    return index if index > default else default


def _count(cell: Any, attribute: str) -> int:
    try:
        return max(int(cell.get(f"{_SS}{attribute}") or 0), 0)
    except ValueError:
        return 0


def _value(data: Any) -> Any:
    if data is None:
        return None  # a cell without data: formatting only
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type") or "String"
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text
