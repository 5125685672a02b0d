"""A tab written live is viewed and printed as the file writer makes it (``io.writer``).

Rules (the file writer's ``freeze_panes`` and ``print_layout.print_setup``):
* The header row stays in view: panes frozen under it (with the Arabic label row or the
  dashboard's caption above it, when there is one).
* Printed: landscape, fitted to one page wide (as many pages tall as it takes), or to as few
  pages across as keep it readable with its first column repeated (``pages_wide``), the tab's
  title in the page header (the caption beside the table is left off the print area), and the
  header row (with the Arabic label row) repeated on each page only where the table runs over
  pages: a short table with blocks under it (the pack's DSO trend) prints the blocks, not its
  header again; narrow margins, and a footer with the tab's name, the page number and the
  file's name.

Through Excel's own object model (``.api``: ``PageSetup``, ``ActiveWindow``): xlwings'
open-source API has neither. Each call is guarded: where the engine has no such object (xlwings
Lite, Excel for Mac's appscript) the tab is written without it and the job still succeeds.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from openpyxl.utils import get_column_letter

from ar_excel.io.print_layout import MARGINS, PAGE_FOOTER, page_header, pages_wide, print_title_rows
from ar_excel.io.writer import column_widths
from ar_excel.model import Tab

log = logging.getLogger(__name__)

XL_LANDSCAPE = 2  # XlPageOrientation
XL_OVER_THEN_DOWN = 2  # XlOrder: a band of rows across its pages, then the next band


def freeze_header(sheet: Any, header_row: int) -> bool:
    """Freeze the panes under ``header_row`` (rows 1..header_row stay in view). Panes belong
    to Excel's window, not to the sheet: the sheet is made the active one for the moment and
    the sheet that was active is made so again. Returns whether the panes were frozen."""
    book = sheet.book
    try:
        before = book.sheets.active
    except Exception:
        before = None
    try:
        sheet.activate()
        window = book.app.api.ActiveWindow
        window.FreezePanes = False  # a split left over would shift the new one
        window.ScrollRow, window.ScrollColumn = 1, 1  # SplitRow counts from the top row shown
        window.SplitColumn = 0
        window.SplitRow = header_row
        window.FreezePanes = True
        frozen = True
    except Exception as exc:  # no window object here (xlwings Lite, Mac): panes as they are
        log.info("header of %s not frozen: %s", sheet.name, exc)
        frozen = False
    if before is not None:
        with contextlib.suppress(Exception):
            before.activate()
    return frozen


def print_setup(sheet: Any, tab: Tab, *, header_row: int, rows: int, width: int,
                last_row: int, arabic: bool = False) -> None:
    """The file writer's print setup on a live sheet: ``rows`` data rows under the header at
    ``header_row`` (the Arabic label row over it when ``arabic``), the tables ``width``
    columns wide, ``last_row`` the last row written."""
    try:
        page = sheet.api.PageSetup
    except Exception as exc:  # no PageSetup here (xlwings Lite): Excel's default print
        log.info("no print setup on %s: %s", tab.name, exc)
        return
    app_api = None
    with contextlib.suppress(Exception):
        app_api = sheet.book.app.api
    # Each PageSetup property set talks to the printer driver (slow on network printers):
    # Excel 2010+ holds that back until PrintCommunication is on again.
    held = _set(app_api, "PrintCommunication", False)
    try:
        across = pages_wide(column_widths(tab, arabic))
        settings: list[tuple[str, Any]] = [
            ("Orientation", XL_LANDSCAPE),
            ("Zoom", False),  # FitToPages counts only without a zoom
            ("FitToPagesWide", across),
            ("FitToPagesTall", False),  # as many pages tall as it takes
        ]
        title_rows = print_title_rows(tab, header_row, rows, arabic)
        if title_rows:
            first, last = title_rows.split(":")
            settings.append(("PrintTitleRows", f"${first}:${last}"))
        if across > 1:
            settings += [("PrintTitleColumns", "$A:$A"), ("Order", XL_OVER_THEN_DOWN)]
        settings.append(("PrintArea", f"$A$1:${get_column_letter(max(width, 1))}${max(last_row, 1)}"))
        settings += [(f"{side.title()}Margin", round(inches * 72, 2))  # points
                     for side, inches in MARGINS.items()]
        if tab.title:
            settings.append(("CenterHeader", page_header(tab.title)))
        settings += [("LeftFooter", "&A"), ("CenterFooter", PAGE_FOOTER[arabic]),
                     ("RightFooter", "&F")]
        for name, value in settings:
            if not _set(page, name, value):
                log.info("print setup of %s: %s not set", tab.name, name)
    finally:
        if held:
            _set(app_api, "PrintCommunication", True)


def _set(obj: Any, name: str, value: Any) -> bool:
    if obj is None:
        return False
    try:
        setattr(obj, name, value)
    except Exception:
        return False
    return True
