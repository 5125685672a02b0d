"""Protect an input sheet of the open workbook (the customer master), as the file writer does.

The rule is ``ar_excel.io.protection.protect_sheet``'s: the editable columns (contact details
by default) are unlocked below the header row, their header cells locked, every other cell
keeps its own setting (Excel's default: locked); sorting, filtering and formatting columns
stay allowed. ``validate`` asks for it (``--protect-password`` or the Policy key
``protect_password``); the CLI applies it to the workbook it writes into, a button to the
workbook it was clicked in.

xlwings' open-source API has no protection call, so this goes through Excel's own objects
(``.api``: COM on Windows). The whole column is unlocked below the header, so rows a clerk
adds later are editable too (the file writer unlocks the rows in use plus 500). Where the
engine has no such objects (Excel for Mac, xlwings Lite), nothing is changed and the clerk is
told how to protect the sheet by hand.
"""

from __future__ import annotations

from typing import Any

from ar_excel.excel.writing import find_sheet
from ar_excel.model import SheetProtection

LAST_ROW = 1_048_576  # Excel's last row


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.strip().upper():
        n = n * 26 + ord(ch) - 64
    return n


def protect_input_sheets(xlbook: Any, protections: list[SheetProtection]) -> list[str]:
    """Apply each protection to its sheet of the open workbook; returns what the clerk must
    know: one line per sheet that could not be protected (none when all went well)."""
    notes = []
    for p in protections:
        sheet = find_sheet(xlbook, p.sheet)
        if sheet is None:
            continue  # as the file writer: a sheet the workbook does not have is skipped
        try:
            protect_input_sheet(sheet, p)
        except Exception as exc:  # the outcome must say the sheet is still open to edits
            notes.append(
                f"the sheet '{p.sheet}' was not protected ({exc}); protect it in Excel: "
                "Review > Protect Sheet, after unlocking the editable columns")
    return notes


def protect_input_sheet(sheet: Any, p: SheetProtection) -> None:
    """Protect one sheet with ``p.password``, leaving ``p.editable`` columns' cells below
    ``p.header_row`` editable. Raises where Excel refuses (a protection with another
    password already on the sheet) or has no such objects."""
    if not p.password:
        raise ValueError("a sheet protection password must not be empty")
    com = sheet.api
    if com.ProtectContents:  # protected by an earlier run: the same password lifts it
        try:
            com.Unprotect(p.password)
        except Exception:
            raise ValueError("it is already protected with another password: unprotect "
                             "it first (Review > Unprotect Sheet)") from None
    for letter in sorted({c.strip().upper() for c in p.editable if c and c.strip()},
                         key=_column_index):
        col = _column_index(letter)
        sheet.range((1, col), (max(p.header_row, 1), col)).api.Locked = True
        sheet.range((p.header_row + 1, col), (LAST_ROW, col)).api.Locked = False
    com.Protect(Password=p.password, DrawingObjects=False, Contents=True, Scenarios=False,
                AllowFormattingColumns=True, AllowSorting=True, AllowFiltering=True)
