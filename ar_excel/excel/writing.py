"""Write a job's tabs into the open workbook through xlwings: in bulk, and all or nothing.

Rules:
* Bulk: each tab is one 2-D assignment (header and rows together) plus one number-format call
  per column; never cell by cell, so a 20,000-row aging tab is a handful of calls to Excel.
* Same look as the file writer (``ar_excel.io.writer``): optional Arabic label row, header,
  rows, the title right of the first row; an Excel table over header and rows; the same
  number formats.
* All or nothing: every tab is first written to a new staging sheet. Only when all of them are
  complete are the old tabs of those names deleted and the staging sheets renamed. If anything
  fails while staging, the staging sheets are deleted and the workbook is as it was.
* Text stays text (``cells.cell_value``): narratives beginning with ``=`` are no formulas.
* A review column (``Tab.choices``) gets its drop-down list, as in the file.
* The header row frozen and the print setup as in the file (``sheet_view``).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ar_excel.errors import UnsafeWriteError
from ar_excel.excel.cells import NUMBER_FORMATS, cell_value, column_formats, row_formats
from ar_excel.excel.sheet_view import freeze_header, print_setup
from ar_excel.io.charts import CHART_ROWS
from ar_excel.io.labels_ar import arabic_label
from ar_excel.io.safety import looks_like_our_tab
from ar_excel.io.writer import table_name as unique_table_name
from ar_excel.model import ROW, Tab
from ar_excel.names import match_key

log = logging.getLogger(__name__)

# Excel's constants (XlDVType, XlDVAlertStyle, XlFormatConditionOperator, XlApplicationInternational)
XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, XL_LIST_SEPARATOR = 3, 1, 1, 5
HIGHLIGHT = (255, 242, 204)  # the file writer's highlight fill, FFF2CC
STAGING = "ar_excel staging"
_CHART_TYPES = {("bar", False): "bar_clustered", ("bar", True): "bar_stacked",
                ("column", False): "column_clustered", ("column", True): "column_stacked",
                ("line", False): "line", ("pie", False): "pie"}


def find_sheet(xlbook: Any, name: str) -> Any | None:
    """The sheet named ``name`` (matched as Excel does: case-insensitively), or None."""
    key = name.strip().lower()
    return next((s for s in xlbook.sheets if s.name.strip().lower() == key), None)


def _staging_name(xlbook: Any, n: int) -> str:
    taken = {s.name.lower() for s in xlbook.sheets}
    name = f"{STAGING} {n}"
    while name.lower() in taken:
        n += 100
        name = f"{STAGING} {n}"
    return name


def _tables_in(xlbook: Any) -> set[str]:
    names: set[str] = set()
    for sheet in xlbook.sheets:
        with contextlib.suppress(Exception):
            names |= {t.name.lower() for t in sheet.tables}
    return names


def _runs(flags: pd.Series) -> list[tuple[int, int]]:
    """(first, last) 0-based positions of each run of True values."""
    runs, start = [], None
    values = [bool(v) for v in flags.tolist()] + [False]
    for i, v in enumerate(values):
        if v and start is None:
            start = i
        elif not v and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


@dataclass
class _Section:
    """One table of a tab (the main one or a block) placed on the grid."""

    tab: Tab
    frame: pd.DataFrame
    header_row: int  # 1-based
    table_name: str  # the name the file writer would give its Excel table
    style: str
    charts: list[Any]


def _layout(tab: Tab, arabic: bool) -> tuple[list[list[Any]], list[_Section]]:
    """The tab as one grid of rows, laid out as the file writer lays it out: Arabic label
    row, header and rows, the title right of the first row; then each block after one blank
    row (title, header, rows)."""
    frame = tab.frame.drop(columns=[ROW], errors="ignore").reset_index(drop=True)
    headers = [str(c) for c in frame.columns]
    grid: list[list[Any]] = []
    caption_above = bool(tab.title) and not tab.as_table  # a page (the dashboard), not data
    if caption_above:
        grid.append([tab.title])
    if arabic:
        grid.append([arabic_label(h) for h in headers])
    sections = [_Section(tab, frame, len(grid) + 1, tab.name, "TableStyleMedium2", tab.charts)]
    grid.append(headers)
    grid.extend([list(r) for r in frame.itertuples(index=False, name=None)])
    if tab.title and not caption_above:  # right of the first row, as the file writer puts it
        grid[0] = grid[0] + [None, tab.title]
    for block in tab.blocks:
        grid.append([])
        if block.title:
            grid.append([block.title])
        bframe = block.frame.drop(columns=[ROW], errors="ignore").reset_index(drop=True)
        sections.append(_Section(block, bframe, len(grid) + 1, f"{tab.name} {block.name}",
                                 "TableStyleLight9", block.charts))
        grid.append([str(c) for c in bframe.columns])
        grid.extend([list(r) for r in bframe.itertuples(index=False, name=None)])
    width = max((len(r) for r in grid), default=1)
    return [r + [None] * (width - len(r)) for r in grid], sections


def fill_sheet(sheet: Any, tab: Tab, *, arabic: bool) -> dict[str, Any]:
    """Write one tab into an empty sheet: number formats column by column, then every value
    in one assignment. Returns the Excel tables made, for naming at commit."""
    grid, sections = _layout(tab, arabic)
    text_cells: set[tuple[int, int]] = set()  # (row, col) 1-based, formatted "@"
    for sec in sections:
        n = len(sec.frame)
        for j, fmt in enumerate(column_formats(sec.frame, sec.tab.formats), start=1):
            if not fmt or not n:
                continue
            sheet.range((sec.header_row + 1, j), (sec.header_row + n, j)).number_format = fmt
            if fmt == NUMBER_FORMATS["text"]:
                text_cells.update((sec.header_row + 1 + i, j) for i in range(n))
        # the amounts of rows in a currency of other decimals (a KWD row among EGP ones),
        # a column of figures' counts (35, not 35.00), as the file writer shows them
        for j, rows, fmt in row_formats(sec.frame, sec.tab.formats) if n else []:
            at = pd.Series(True, index=rows).reindex(range(n), fill_value=False)
            for first, last in _runs(at):
                sheet.range((sec.header_row + 1 + first, j + 1),
                            (sec.header_row + 1 + last, j + 1)).number_format = fmt
    values = [[cell_value(v, (i, j) in text_cells) for j, v in enumerate(row, start=1)]
              for i, row in enumerate(grid, start=1)]
    if values and values[0]:
        sheet.range((1, 1)).value = values

    main = sections[0]
    ncols = max(len(main.frame.columns), 1)
    if tab.highlight is not None and len(main.frame):
        for first, last in _runs(tab.highlight.reset_index(drop=True)):
            sheet.range((main.header_row + 1 + first, 1),
                        (main.header_row + 1 + last, ncols)).color = HIGHLIGHT
    if tab.bold is not None and len(main.frame):  # balance rows, as the file writer
        for first, last in _runs(tab.bold.reset_index(drop=True)):
            with contextlib.suppress(Exception):  # an engine without fonts: plain
                sheet.range((main.header_row + 1 + first, 1),
                            (main.header_row + 1 + last, ncols)).font.bold = True
    tables: list[tuple[Any, str]] = []
    slot = 0
    for sec in sections:
        n, width = len(sec.frame), len(sec.frame.columns)
        if sec.tab.as_table and n and width:
            source = sheet.range((sec.header_row, 1), (sec.header_row + n, width))
            try:
                table = sheet.tables.add(source=source, name=None, table_style_name=sec.style)
                tables.append((table, sec.table_name))
            except Exception as exc:  # an engine without ListObjects: data stays, plain
                log.info("no Excel table on %s: %s", tab.name, exc)
        for spec in sec.charts if n else []:
            _add_chart(sheet, spec, [str(c) for c in sec.frame.columns], sec.header_row, n,
                       anchor=(main.header_row + CHART_ROWS * slot, ncols + 2))
            slot += 1
    add_choices(sheet, tab, main.header_row, len(main.frame))
    with contextlib.suppress(Exception):
        sheet.autofit("c")
    # before hiding: Excel cannot activate a hidden sheet to freeze its panes
    freeze_header(sheet, main.header_row)
    print_setup(sheet, tab, header_row=main.header_row, rows=len(main.frame),
                width=max(len(sec.frame.columns) for sec in sections), last_row=len(grid),
                arabic=arabic)
    if tab.hidden:
        with contextlib.suppress(Exception):
            sheet.visible = False
    if tab.rtl if tab.rtl is not None else arabic:
        with contextlib.suppress(Exception):  # Windows COM only; elsewhere Excel's default
            sheet.api.DisplayRightToLeft = True
    return {"tables": tables}


def add_choices(sheet: Any, tab: Tab, header_row: int, n: int) -> None:
    """A drop-down list on the rows of each column ``tab.choices`` names (the review Status:
    Matched / Suggested / Rejected, معتمد / مرفوض), as the file writer's ``_add_choices``:
    other answers may still be typed (no error box). Through Excel's own Validation object,
    xlwings' open-source API having none; its list is separated by Windows' list separator
    (";" in many locales, Arabic ones among them), which is how Excel reads it. Where the
    engine cannot (xlwings Lite), the column stays a plain one."""
    headers = [str(c) for c in tab.frame.drop(columns=[ROW], errors="ignore").columns]
    if not n or not tab.choices:
        return
    separator = list_separator(sheet)
    for column, options in tab.choices.items():
        if column not in headers:
            continue
        j = headers.index(column) + 1
        listed = separator.join(
            o.replace('"', "'").replace(",", " ").replace(separator, " ") for o in options)
        try:
            check = sheet.range((header_row + 1, j), (header_row + n, j)).api.Validation
            with contextlib.suppress(Exception):  # none there yet
                check.Delete()
            check.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, listed)
            check.IgnoreBlank = True
            check.InCellDropdown = True
            check.ShowError = False
        except Exception as exc:
            log.info("no drop-down on %s!%s: %s", tab.name, column, exc)


def list_separator(sheet: Any) -> str:
    """Windows' list separator as Excel uses it (``Application.International``), else ','."""
    try:
        separator = sheet.book.app.api.International(XL_LIST_SEPARATOR)
    except Exception:
        return ","
    return separator if isinstance(separator, str) and separator.strip() else ","


def protect(sheet: Any, tab: Tab) -> None:
    """Sheet protection as the tab asks (the file writer's ``protect_tab``), through the
    engine's own API: xlwings' open-source API has no protection call. Where the engine
    cannot (xlwings Lite), the tab stays unprotected."""
    if not (tab.protect or tab.protect_password):
        return
    password = tab.protect_password or ""
    with contextlib.suppress(Exception):
        sheet.api.Protect(Password=password, DrawingObjects=True, Contents=True,
                          Scenarios=True, AllowFiltering=True)
        return
    with contextlib.suppress(Exception):  # Excel for Mac (appscript)
        sheet.api.protect(password=password)


def _add_chart(sheet: Any, spec: Any, headers: list[str], header_row: int, n: int,
               anchor: tuple[int, int]) -> None:
    """A native chart of contiguous value columns; skipped where the engine has no charts."""
    cols = sorted(headers.index(v) + 1 for v in spec.values if v in headers)
    if not cols or cols != list(range(cols[0], cols[0] + len(cols))):
        return
    rows = min(n, spec.rows) if spec.rows else n
    try:
        cell = sheet.range(anchor)
        chart = sheet.charts.add(left=getattr(cell, "left", 0), top=getattr(cell, "top", 0))
        chart.set_source_data(sheet.range((header_row, cols[0]), (header_row + rows, cols[-1])))
        chart.chart_type = _CHART_TYPES.get((spec.kind, spec.stacked), "column_clustered")
        if spec.categories in headers and hasattr(chart, "set_x_axis_values"):
            c = headers.index(spec.categories) + 1
            chart.set_x_axis_values(sheet.range((header_row + 1, c), (header_row + rows, c)))
        with contextlib.suppress(Exception):
            chart.api[1].HasTitle = True
            chart.api[1].ChartTitle.Text = spec.title
    except Exception as exc:
        log.info("chart %r not drawn: %s", spec.title, exc)


def write_tabs_live(xlbook: Any, tabs: list[Tab], *, arabic: bool = False) -> list[str]:
    """Write ``tabs`` into the open workbook, replacing tabs of the same names; returns the
    names written. Raises whatever went wrong after putting the workbook back as it was."""
    names = [t.name[:31] for t in tabs]
    if len({match_key(n) for n in names}) != len(names):
        raise ValueError(f"two tabs with the same name in {names}")
    theirs = [t.name[:31] for t in tabs if _sheet_of_their_own(xlbook, t)]
    if theirs:  # Excel has no backup copy to fall back on: nothing is touched
        raise UnsafeWriteError(
            f"the workbook has a sheet of its own named {', '.join(repr(n) for n in theirs)} "
            "(not written by ar_excel: its first rows are not the tab's headers), which "
            "writing the tab of that name would delete; rename that sheet and run again")
    staged: list[tuple[Tab, Any, Any, dict[str, Any]]] = []
    app = xlbook.app
    updating = _get(app, "screen_updating", True)
    _set(app, "screen_updating", False)
    try:
        for i, tab in enumerate(tabs, start=1):
            old = find_sheet(xlbook, tab.name[:31])
            last = list(xlbook.sheets)[-1]
            sheet = (xlbook.sheets.add(name=_staging_name(xlbook, i), before=old) if old
                     else xlbook.sheets.add(name=_staging_name(xlbook, i), after=last))
            staged.append((tab, sheet, old, {}))
            staged[-1][3].update(fill_sheet(sheet, tab, arabic=arabic))
    except BaseException:
        for _, sheet, _, _ in reversed(staged):
            with contextlib.suppress(Exception):
                sheet.delete()
        raise
    finally:
        _set(app, "screen_updating", updating)

    # Commit: every tab is complete. Swap each staging sheet in for the old tab.
    for _, _, old, _ in staged:
        if old is not None:
            old.delete()
    taken = _tables_in(xlbook)
    for tab, sheet, _, made in staged:
        sheet.name = tab.name[:31]
        for table, wanted in made.get("tables", []):
            with contextlib.suppress(Exception):
                table.name = unique_table_name(wanted, taken)
        protect(sheet, tab)
    if staged:  # show the first tab written, as a clerk expects after clicking
        with contextlib.suppress(Exception):
            staged[0][1].activate()
    return names


def _sheet_of_their_own(xlbook: Any, tab: Tab) -> bool:
    """Whether the sheet the tab would replace is a clerk's own (``looks_like_our_tab``)."""
    old = find_sheet(xlbook, tab.name[:31])
    headers = [str(c) for c in tab.frame.columns if c != ROW]
    if old is None or not headers or tab.name.startswith("_ar_"):
        return False
    try:
        rows = old.range((1, 1), (6, max(len(headers), 8))).value
    except Exception:  # an engine that cannot say: as before
        return False
    return not looks_like_our_tab(rows or [], headers)


def _get(obj: Any, attr: str, default: Any) -> Any:
    try:
        return getattr(obj, attr)
    except Exception:
        return default


def _set(obj: Any, attr: str, value: Any) -> None:
    with contextlib.suppress(Exception):
        setattr(obj, attr, value)
