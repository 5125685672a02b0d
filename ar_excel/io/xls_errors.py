"""Excel error values (#N/A, #REF!, #DIV/0!...) in the cells of a legacy .xls workbook, which
the cell reader gives as blank.

xlrd reads a cell holding an error, typed or a formula's result, as ``XL_CELL_ERROR`` with
the error's code. xlrd parses the whole workbook in Python, so the workbook's stream is first
searched as bytes for a record that can hold an error (a BOOLERR cell flagged as an error, a
FORMULA whose saved result is an error) and xlrd is run only when there is one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ar_excel.model import column_letter

# BIFF8 records, as bytes: BOOLERR (0x0205, 8 bytes: row, column, format, value, 1 = an
# error) and FORMULA (0x0006: row, column, format, then its result, an error being 0x02,
# code, ..., 0xFFFF in its last two bytes).
_ERROR_RECORD = re.compile(rb"\x05\x02\x08\x00.{7}\x01|\x06\x00.{8}\x02.{5}\xff\xff", re.S)


def xls_errors(path: Path, sheets: list[str]) -> dict[str, dict[str, str]]:
    """Sheet -> {cell: error} for the error cells of these sheets of an .xls file (nothing
    for a workbook without any). Raises what reading a damaged file raises: the caller's
    ``ErrorScan`` then leaves the messages as they are."""
    import xlrd
    from xlrd.compdoc import CompDoc

    data = path.read_bytes()
    with open(os.devnull, "w") as quiet:  # xlrd reports oddities of the file on its log
        doc = CompDoc(data, logfile=quiet)
        stream = next((s for s in (doc.locate_named_stream(name) for name in ("Workbook", "Book"))
                       if s[0] is not None), None)
        if stream is None:
            return {}
        mem, base, size = stream
        if _ERROR_RECORD.search(mem, base, base + size) is None:
            return {}
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=quiet)
        found: dict[str, dict[str, str]] = {}
        try:
            names = set(book.sheet_names())
            for name in sheets:
                if name not in names:
                    continue
                sheet = book.sheet_by_name(name)
                cells: dict[str, str] = {}
                for r in range(sheet.nrows):
                    types = sheet.row_types(r)
                    if xlrd.XL_CELL_ERROR not in types:
                        continue
                    for c, kind in enumerate(types):
                        if kind == xlrd.XL_CELL_ERROR:
                            code = sheet.cell_value(r, c)
                            cells[f"{column_letter(c)}{r + 1}"] = xlrd.error_text_from_code.get(
                                code, "#VALUE!")
                if cells:
                    found[name] = cells
        finally:
            book.release_resources()
    return found
