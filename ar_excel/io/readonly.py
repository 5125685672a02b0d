"""Read-only output tabs (the management pack): protected against edits, whole workbook too.

A protected sheet lets a reader select and copy cells, use filters and open the charts, but
not change a value, insert or delete rows, or edit the charts. With a password, removing
the protection needs it; without, protection still stops accidental edits. The workbook's
structure (adding, deleting, renaming sheets) is locked the same way when every sheet is.
"""

from __future__ import annotations

from openpyxl.workbook.protection import WorkbookProtection

from ar_excel.model import Tab


def protect_tab(ws, tab: Tab) -> None:
    """Turn on sheet protection as ``tab`` asks (``protect`` or ``protect_password``)."""
    if not (tab.protect or tab.protect_password):
        return
    protection = ws.protection
    protection.sheet = True
    protection.objects = True  # charts and shapes
    protection.scenarios = True
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    protection.autoFilter = False  # filtering a report changes no value
    if tab.protect_password:
        protection.password = tab.protect_password


def protect_structure(wb, tabs: list[Tab]) -> None:
    """Lock adding/removing/renaming sheets when every tab written is protected."""
    if not tabs or not all(t.protect or t.protect_password for t in tabs):
        return
    password = next((t.protect_password for t in tabs if t.protect_password), None)
    security = WorkbookProtection(lockStructure=True)
    if password:
        security.workbookPassword = password
    wb.security = security
