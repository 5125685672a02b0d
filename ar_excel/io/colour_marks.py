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

import re
import zipfile
from pathlib import Path

from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, Book

_MOST_ROWS = 5_000
_XF = re.compile(rb"<(?:\w+:)?xf\b[^>]*>")
_FILL = re.compile(rb"<(?:\w+:)?fill\b.*?</(?:\w+:)?fill>|<(?:\w+:)?fill\s*/>", re.S)
_SOLID = re.compile(rb"patternType=[\"']solid[\"']")
_FILL_ID = re.compile(rb"\bfillId=[\"'](\d+)[\"']")
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*\br=[\"'](\d+)[\"'][^>]*>(.*?)</(?:\w+:)?row>", re.S)
_STYLE = re.compile(rb"<(?:\w+:)?c\b[^>]*\bs=[\"'](\d+)[\"']")


def _coloured_styles(styles: bytes) -> set[int]:
    """The cell formats (``s=`` indexes) whose fill is a solid colour."""
    fills_part = styles.split(b"fills", 2)
    if len(fills_part) < 3:
        return set()
    solid = {i for i, fill in enumerate(_FILL.findall(fills_part[1])) if _SOLID.search(fill)}
    xfs = styles.split(b"cellXfs", 2)
    if len(xfs) < 3 or not solid:
        return set()
    found = set()
    for i, tag in enumerate(_XF.findall(xfs[1])):
        m = _FILL_ID.search(tag)
        if m and int(m[1]) in solid:
            found.add(i)
    return found


def _coloured_rows(path: Path, sheet: str) -> set[int]:
    """The Excel rows of a sheet with a cell of a solid fill (none where it cannot be read)."""
    from ar_excel.io.cell_errors import UNREADABLE_XLSX
    from ar_excel.io.safety import sheet_parts

    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_parts(archive).get(sheet)
            if not part or "xl/styles.xml" not in archive.namelist():
                return set()
            styles = _coloured_styles(archive.read("xl/styles.xml"))
            if not styles:
                return set()
            xml = archive.read(part)
    except UNREADABLE_XLSX:
        return set()
    return {int(m[1]) for m in _ROW.finditer(xml)
            if any(int(s) in styles for s in _STYLE.findall(m[2]))}


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
