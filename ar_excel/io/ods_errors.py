"""Excel error values (#N/A, #REF!, #DIV/0!, Err:502...) in the cells of an OpenDocument
spreadsheet (.ods), which the cell reader gives as blank.

LibreOffice saves a formula whose result is an error as a cell marked
``calcext:value-type="error"``, the error's text as its paragraph; a formula cell holding
no string value but an error's text says the same where the mark is missing. Rows and
cells repeated (``number-rows-repeated``, ``number-columns-repeated``) count as many, and a
merge's covered cells as one each, so every error cell gets the address the clerk sees.
``content.xml`` is searched as bytes for an error first (one search of a file saved by
LibreOffice) and parsed (defusedxml) only when it has one.
"""

from __future__ import annotations

from pathlib import Path

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
from ar_excel.model import column_letter

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_FORMULA = f"{{{TABLE}}}formula"
_PARAGRAPH = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_VALUE_TYPE = f"{{{_CALCEXT}}}value-type"
_STRING_VALUE = f"{{{_OFFICE}}}string-value"
# An error cell as bytes: LibreOffice's mark, or (a file by another program, which does not
# declare LibreOffice's names) a paragraph starting like an error's text.
_LIBREOFFICE_MARK = b'value-type="error"'
_ERROR_TEXTS = (b">#", b">Err:")
# What a formula's error result reads as, where LibreOffice's mark is missing.
EXCEL_ERRORS = ("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")
MAX_CELLS = 100_000  # error cells named per workbook at most (a repeated error row stops there)


def _error_text(cell) -> str | None:
    """The error a cell holds, or None."""
    text = "".join("".join(p.itertext()) for p in cell.findall(_PARAGRAPH)).strip()
    if cell.get(_VALUE_TYPE) == "error":
        return text or "#VALUE!"
    if cell.get(_FORMULA) and not cell.get(_STRING_VALUE) and (
            text in EXCEL_ERRORS or text.startswith("Err:")):
        return text
    return None


def ods_errors(path: Path, sheets: list[str]) -> dict[str, dict[str, str]]:
    """Sheet -> {cell: error} for the error cells of these sheets of an .ods file (nothing
    for a file without any). Raises what reading a damaged file raises: the caller's
    ``ErrorScan`` then leaves the messages as they are."""
    data = content_xml(path)
    marks = (_LIBREOFFICE_MARK,) if _CALCEXT.encode() in data[:65536] else _ERROR_TEXTS
    if not any(mark in data for mark in marks):
        return {}
    wanted = set(sheets)
    found: dict[str, dict[str, str]] = {}
    in_row: list[tuple[int, str]] = []  # (column, error) of the row being read
    row = col = named = 0
    for event, element, sheet in sheet_elements(data):
        tag = element.tag
        if tag == SHEET:
            row = 0
        elif sheet not in wanted:
            continue
        elif tag == ROW:
            if event == "start":
                col, in_row = 0, []
                continue
            repeat = count(element, ROWS_REPEATED)  # (a sheet's empty tail: a million)
            for r in range(row, row + min(repeat, MAX_CELLS)) if in_row else ():
                for c, error in in_row:
                    if named < MAX_CELLS:
                        found.setdefault(sheet, {})[f"{column_letter(c)}{r + 1}"] = error
                        named += 1
            row += repeat
            element.clear()
        elif tag in CELLS and event == "end":
            repeat = count(element, COLS_REPEATED)
            error = _error_text(element) if tag == CELLS[0] else None
            if error is not None:
                in_row.extend((c, error) for c in range(col, min(col + repeat, col + MAX_CELLS)))
            col += repeat
    return found
