"""Excel sheet protection for the customer master: everything locked except listed columns.

Protecting the master stops a clerk from changing a credit limit, terms or the bank account
while still letting them keep contact details up to date. The editable columns are unlocked
on every existing data row and, through the column's default style, on rows added later;
header and title rows stay locked. Sorting and filtering stay allowed, so the sheet remains
usable. Excel's sheet password is a deterrent, not encryption: the change log
(``Customer Changes``) is the control that records what was changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.styles import Protection
from openpyxl.utils import column_index_from_string
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ar_excel.model import SheetProtection
from ar_excel.names import match_key

UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
SPARE_ROWS = 500  # empty rows below the data left editable for new customers


def protect_sheet(ws: Worksheet, password: str, editable_columns: Iterable[str],
                  header_row: int = 1) -> None:
    """Protect ``ws`` with ``password``, leaving the cells of ``editable_columns`` (letters,
    e.g. ``["D", "E"]``) below ``header_row`` editable."""
    if not password:
        raise ValueError("a sheet protection password must not be empty")
    letters = sorted({c.strip().upper() for c in editable_columns if c and c.strip()},
                     key=column_index_from_string)
    last = max(ws.max_row, header_row) + SPARE_ROWS
    for letter in letters:
        col = column_index_from_string(letter)
        ws.column_dimensions[letter].protection = UNLOCKED
        for row in range(1, header_row + 1):
            ws.cell(row=row, column=col).protection = LOCKED
        for row in range(header_row + 1, last + 1):
            ws.cell(row=row, column=col).protection = UNLOCKED
    p = ws.protection
    p.sheet = True
    p.password = password
    # True means "prevented": keep sorting, filtering and formatting columns available.
    p.sort = False
    p.autoFilter = False
    p.formatColumns = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def apply_protection(wb: Workbook, protections: Iterable[SheetProtection]) -> list[str]:
    """Apply the jobs' ``JobResult.protect`` requests to an openpyxl workbook about to be
    saved (the source workbook, written in place). Returns the sheets protected; a request
    for a sheet the workbook does not have is skipped."""
    done = []
    by_key = {match_key(ws.title): ws for ws in wb.worksheets}
    for p in protections:
        ws = by_key.get(match_key(p.sheet))
        if ws is None:
            continue
        protect_sheet(ws, p.password, p.editable, p.header_row)
        done.append(ws.title)
    return done
