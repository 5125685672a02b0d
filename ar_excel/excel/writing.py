"""Write a job's tabs into the open workbook through xlwings: in bulk, and all or nothing.

Rules:
* Bulk: each tab is one 2-D assignment (header and rows together) plus one number-format call
  per column; never cell by cell, so a 20,000-row aging tab is a handful of calls to Excel.
* Same look as the file writer (``ar_excel.io.writer``): optional title row, optional Arabic
  label row, header, rows; an Excel table over header and rows; the same number formats.
* All or nothing: every tab is first written to a new staging sheet. Only when all of them are
  complete are the old tabs of those names deleted and the staging sheets renamed. If anything
  fails while staging, the staging sheets are deleted and the workbook is as it was.
* Text stays text (``cells.cell_value``): narratives beginning with ``=`` are no formulas.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import pandas as pd

from ar_excel.excel.cells import NUMBER_FORMATS, cell_value, column_format
from ar_excel.io.labels_ar import arabic_label
from ar_excel.model import ROW, Tab
from ar_excel.names import match_key

log = logging.getLogger(__name__)

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


def _table_name(tab_name: str, taken: set[str]) -> str:
    import re

    base = "tbl" + re.sub(r"\W", "", tab_name.title().replace(" ", ""), flags=re.ASCII)
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name.lower())
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


def fill_sheet(sheet: Any, tab: Tab, *, arabic: bool) -> dict[str, Any]:
    """Write one tab into an empty sheet; returns what was made (header row, table)."""
    frame = tab.frame.drop(columns=[ROW], errors="ignore").reset_index(drop=True)
    headers = [str(c) for c in frame.columns]
    formats = {h: column_format(frame, h, tab.formats) for h in headers}
    text_columns = {h for h, f in formats.items() if f == NUMBER_FORMATS["text"]}
    top: list[list[Any]] = []
    if tab.title:
        top.append([cell_value(tab.title)] + [None] * (len(headers) - 1))
    if arabic:
        top.append([cell_value(arabic_label(h)) for h in headers])
    header_row = len(top) + 1
    n = len(frame)
    ncols = max(len(headers), 1)

    # formats first: a column formatted "@" takes its strings as text
    for j, h in enumerate(headers, start=1):
        if formats[h] and n:
            sheet.range((header_row + 1, j), (header_row + n, j)).number_format = formats[h]
    rows = top + [[cell_value(h) for h in headers]]
    rows += [[cell_value(v, h in text_columns) for v, h in zip(r, headers, strict=True)]
             for r in frame.itertuples(index=False, name=None)]
    if headers:
        sheet.range((1, 1)).value = rows

    made: dict[str, Any] = {"header_row": header_row, "table": None}
    if tab.highlight is not None and n:
        for first, last in _runs(tab.highlight.reset_index(drop=True)):
            sheet.range((header_row + 1 + first, 1), (header_row + 1 + last, ncols)).color = HIGHLIGHT
    if tab.as_table and n and headers:
        source = sheet.range((header_row, 1), (header_row + n, ncols))
        try:
            made["table"] = sheet.tables.add(source=source, name=None)
        except Exception as exc:  # e.g. an engine without ListObjects: data stays, unformatted
            log.info("no Excel table on %s: %s", tab.name, exc)
    for spec in tab.charts if n else []:
        _add_chart(sheet, spec, headers, header_row, n)
    with contextlib.suppress(Exception):
        sheet.autofit("c")
    if tab.hidden:
        with contextlib.suppress(Exception):
            sheet.visible = False
    if tab.rtl if tab.rtl is not None else arabic:
        with contextlib.suppress(Exception):  # Windows COM only; elsewhere Excel's default
            sheet.api.DisplayRightToLeft = True
    return made


def _add_chart(sheet: Any, spec: Any, headers: list[str], header_row: int, n: int) -> None:
    """A native chart of contiguous value columns; skipped where the engine has no charts."""
    cols = sorted(headers.index(v) + 1 for v in spec.values if v in headers)
    if not cols or cols != list(range(cols[0], cols[0] + len(cols))):
        return
    rows = min(n, spec.rows) if spec.rows else n
    try:
        anchor_col = len(headers) + 2
        anchor = sheet.range((header_row, anchor_col))
        chart = sheet.charts.add(left=getattr(anchor, "left", 0), top=getattr(anchor, "top", 0))
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
        if made.get("table") is not None:
            with contextlib.suppress(Exception):
                made["table"].name = _table_name(tab.name, taken)
    return names


def _get(obj: Any, attr: str, default: Any) -> Any:
    try:
        return getattr(obj, attr)
    except Exception:
        return default


def _set(obj: Any, attr: str, value: Any) -> None:
    with contextlib.suppress(Exception):
        setattr(obj, attr, value)
