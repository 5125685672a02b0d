"""Invoices a hand-kept sheet marks by a fill colour alone.

An Egyptian or Gulf clerk often colours the row of an invoice once it is collected (green),
returned or disputed (red, yellow), and writes nothing else: the colour is the only record
of it. The cell reader gives values, never colours, so such an invoice reads as written, open
for its whole amount. Where some of an invoice list's records (not most: a band of colour
on every other row is a layout) have a solid fill, one Input Issue names them, so that a
person can write what the colour means in a Status or Paid column. Only an .xlsx/.xlsm
list of a size kept by hand (``_MOST_ROWS``) is looked at: an ERP's export has no such marks.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from defusedxml import ElementTree

from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, Book

_MOST_ROWS = 5_000


def _local(tag: str) -> str:
    """An element's name without its namespace (``{...main}row`` -> ``row``): Excel's, a
    strict-OOXML file's or a library's prefix alike."""
    return tag.rsplit("}", 1)[-1]


def _coloured_styles(styles: IO[bytes]) -> set[int]:
    """The cell formats (``s=`` indexes of ``cellXfs``) whose fill is a solid colour, read
    from ``xl/styles.xml`` (defusedxml: entities and a DTD are refused)."""
    root = ElementTree.parse(styles).getroot()
    solid: set[int] = set()
    found: set[int] = set()
    for part in root:
        name = _local(part.tag)
        if name == "fills":
            solid = {n for n, fill in enumerate(part) if any(
                _local(e.tag) == "patternFill" and e.get("patternType") == "solid"
                for e in fill)}
        elif name == "cellXfs":
            found = {n for n, xf in enumerate(part) if (f := xf.get("fillId")) is not None
                     and f.isdigit() and int(f) in solid}
    return found if solid else set()


def _rows_styled(sheet: IO[bytes], styles: set[int]) -> set[int]:
    """The Excel rows of a sheet's XML with a cell of one of these formats, read a row at a
    time (a row without its number follows the one before, as Excel reads it)."""
    rows: set[int] = set()
    last = 0
    for _, element in ElementTree.iterparse(sheet):
        if _local(element.tag) != "row":
            continue
        r = element.get("r")
        last = int(r) if r is not None and r.isdigit() else last + 1
        if any((s := c.get("s")) is not None and s.isdigit() and int(s) in styles
               for c in element):
            rows.add(last)
        element.clear()
    return rows


def _coloured_rows(path: Path, sheet: str) -> set[int]:
    """The Excel rows of a sheet with a cell of a solid fill (none where it cannot be read)."""
    from ar_excel.io.cell_errors import UNREADABLE_XLSX
    from ar_excel.io.safety import sheet_parts

    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_parts(archive).get(sheet)
            if not part or "xl/styles.xml" not in archive.namelist():
                return set()
            with archive.open("xl/styles.xml") as styles_xml:
                styles = _coloured_styles(styles_xml)
            if not styles:
                return set()
            with archive.open(part) as sheet_xml:
                return _rows_styled(sheet_xml, styles)
    except UNREADABLE_XLSX:
        return set()


def colour_only_marks(book: Book, path: Path) -> None:
    """One Input Issue where some of the invoice list's records are marked by a fill colour
    (module docstring)."""
    table = book.tables.get("Invoices")
    if table is None or path.suffix.lower() not in (".xlsx", ".xlsm") or \
            not 0 < len(table.frame) <= _MOST_ROWS or table.sheet_letters:
        return
    frame = table.frame
    from ar_excel.core.entries import status_column

    if any(c in frame and frame[c].notna().any() for c in ("Paid Amount", "Balance")) or \
            status_column(frame) is not None:
        return  # (the list says what is paid: a colour beside it is a highlight)
    rows = frame[ROW].astype(int)
    coloured = _coloured_rows(path, table.sheet)
    marked = table.frame.index[rows.isin(coloured).to_numpy()]
    if not len(marked) or len(marked) * 2 > len(table.frame):
        return
    column = "Invoice No" if "Invoice No" in table.letters else next(iter(table.letters))
    cells = [table.cell(i, column) for i in marked]
    book.issues.append(table.issue(marked[0], column, (
        f"{len(marked)} invoice row(s) are marked by a fill colour and nothing else "
        f"({cells_named(cells)}): colours are not read, so each is read as written; where a "
        f"colour means paid, cancelled or disputed, write it in a Status or Paid column")))
