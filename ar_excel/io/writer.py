"""Write output tabs into a workbook, safely.

* ``out`` given: the tabs go into ``out`` (created, or updated when it already exists).
* no ``out``: the tabs go into the source workbook itself, only when the round trip loses
  nothing (``safety.losses``), after a backup copy next to it.
Either way the file is written to a temporary file in the same folder, checked (every sheet we
did not replace still reads back with the same values), then renamed over the target in one
step, so a crash never leaves a half-written workbook.

Each tab is a formatted Excel table (header style, number formats, frozen header, filters,
widths). Text from data is always written as a text cell, never a formula, even when it
starts with ``=``, ``+``, ``-`` or ``@``.
"""

from __future__ import annotations

import functools
import math
import os
import re
import shutil
import stat
import tempfile
import threading
import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XlTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ar_excel.core.money import decimals_of
from ar_excel.errors import InputError, UnsafeWriteError
from ar_excel.io.bulk import bulk
from ar_excel.io.carried import read_carried
from ar_excel.io.labels_ar import arabic_label
from ar_excel.io.print_layout import print_setup
from ar_excel.io.safety import losses, sheets_of_their_own
from ar_excel.io.sheet_rows import SheetRows, save_workbook
from ar_excel.io.text_direction import RIGHT_TO_LEFT_LETTER, reads_right_to_left
from ar_excel.model import ROW, Issue, SheetProtection, Tab
from ar_excel.names import match_key


class TextLayout(str):
    """A column's number format that also says how the column's text lies in its cells:
    aligned to one side (``horizontal``), and wrapped within the column's width (``wrap``: a
    KPI's definition, a message) instead of running into the next cell, or off the printed
    page, and being cut there; at the top of the cell (``top``) in a tab whose rows grow
    for wrapped text, so a row's values are read on its first line. ``make_cell`` knows it
    by its type ("" is General). ``whole``: the format of the column's whole numbers (int
    values) where it differs, in a column of figures of several kinds (a KPI's value: an
    amount, a rate, a count of invoices: 35, not 35.00)."""

    horizontal: str | None
    wrap: bool
    top: bool
    whole: str | None
    indent: int  # characters of space before the text (``text_indents``)

    def __new__(cls, number_format: str, horizontal: str | None = None,
                wrap: bool = False, top: bool = False, whole: str | None = None,
                indent: int = 0) -> TextLayout:
        layout = super().__new__(cls, number_format)
        layout.horizontal, layout.wrap, layout.top = horizontal, wrap, top
        layout.whole, layout.indent = whole, indent
        return layout


class RightToLeftText(str):
    """Text of a right-to-left tab that reads right to left (``text_direction``: an Arabic
    or Hebrew first letter, or mostly Arabic after an invoice number): its cell reads right
    to left (``readingOrder`` 2). Excel's default (context) reads such a cell so by
    itself; LibreOffice lays every cell out left to right unless told, and an Arabic
    sentence holding an invoice number or an amount then reads in the wrong order (the
    words after 'INV-1' shown before it). Its own type, so the rows written at save
    (``sheet_rows``) give it a style of its own."""

    __slots__ = ()


def right_to_left_texts(values: list[Any]) -> list[Any]:
    """A column's values with its right-to-left texts marked ``RightToLeftText``; a column
    with no right-to-left letter at all (ids, codes, amounts) as it is, at one search."""
    if not RIGHT_TO_LEFT_LETTER.search("\n".join(v for v in values if type(v) is str)):
        return values
    return [RightToLeftText(v) if type(v) is str and reads_right_to_left(v) else v
            for v in values]


WRAP_TEXT = TextLayout("@", wrap=True)
# Figures of several kinds in one column: amounts and rates with two decimals, counts (given
# as int values) without
FIGURES = TextLayout("#,##0.00;[Red]-#,##0.00", whole="#,##0")
FIGURES3 = TextLayout("#,##0.000;[Red]-#,##0.000", whole="#,##0")
FIGURES0 = TextLayout("#,##0;[Red]-#,##0", whole="#,##0")
NUMBER_FORMATS = {
    "money": "#,##0.00;[Red]-#,##0.00",
    "money3": "#,##0.000;[Red]-#,##0.000",  # a currency counted in fils (KWD, BHD, OMR...)
    "money0": "#,##0;[Red]-#,##0",  # a currency without minor units (JPY, KRW...)
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "percent": '0.0"%"',  # values on the 0-100 scale: 85.3 is 85.3 %
    "days": "#,##0.0",  # a number of days, an average: 72.1 days (not 72.10, nor 72.100)
    "int": "0",
    "number": "General",  # "#,##0.##" would show 30 as "30."
    "text": "@",
    "wrap": WRAP_TEXT,  # text wrapped within the column
    "figure": FIGURES,
    "figure3": FIGURES3,  # ... of a currency counted in fils
    "figure0": FIGURES0,  # ... of a currency without minor units
    # Excel shows a TRUE/FALSE cell as such whatever its format; LibreOffice shows it as the
    # number 1/0 under General
    "bool": '"TRUE";"TRUE";"FALSE"',
}
# Formats whose values read right-aligned: their header is aligned over them.
_NUMERIC_FORMATS = {NUMBER_FORMATS[k] for k in ("money", "money3", "money0", "date", "datetime",
                                                "percent", "days", "int", "number")}
_MONEY_OF_PLACES = {2: "money", 3: "money3", 0: "money0"}  # a currency's decimals -> its kind


class Amount3(float):
    """An amount of a currency counted in fils (KWD, BHD, OMR...) in a column of amounts of
    other currencies: its cell shows three decimals whatever its column's format. Its own
    type, so the rows written at save (``sheet_rows``, a style per column and value type)
    give it a style of its own, without a format looked up per cell."""

    __slots__ = ()
    number_format = NUMBER_FORMATS["money3"]


class Amount2(float):
    """An amount of a currency with cents (EGP, SAR, USD...) in a column of other
    currencies' amounts (``Amount3``)."""

    __slots__ = ()
    number_format = NUMBER_FORMATS["money"]


class Amount0(float):
    """An amount of a currency without minor units (JPY...) among others (``Amount3``)."""

    __slots__ = ()
    number_format = NUMBER_FORMATS["money0"]


class Days(float):
    """A number of days (DSO, average days late) in a column of figures of several kinds (a
    KPI's value): one decimal, 72.1, whatever the row's currency."""

    __slots__ = ()
    number_format = NUMBER_FORMATS["days"]


class Percent(float):
    """A percentage on the 0-100 scale (CEI 85.3) in a column of figures of several kinds."""

    __slots__ = ()
    number_format = NUMBER_FORMATS["percent"]


_AMOUNT_OF_PLACES: dict[int, type] = {2: Amount2, 3: Amount3, 0: Amount0}
# Values that carry their own number format (a row's currency, a KPI's unit)
_OWN_FORMAT = frozenset({Amount3, Amount2, Amount0, Days, Percent})
# The body font named, sized: a font without them (openpyxl's Font()) is shown in the
# reader's fallback, a serif in LibreOffice, beside Calibri data.
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, sz=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
TITLE_FONT = Font(name=FONT_NAME, sz=12, bold=True)
# The translated label row over the header: upright (Arabic has no italics: a slanted
# Arabic font is a synthetic one, and LibreOffice drops letters in it), dark blue on pale blue
LABEL_FONT = Font(name=FONT_NAME, sz=11, bold=True, color="1F4E78")
LABEL_FILL = PatternFill("solid", fgColor="DDEBF7")
HIGHLIGHT_FILL = PatternFill("solid", fgColor="FFF2CC")
BOLD_FONT = Font(name=FONT_NAME, sz=11, family=2, scheme="minor", bold=True)  # a balance row
MAX_TEXT = 32767  # Excel's limit for one cell


# ------------------------------------------------------------------ values

def excel_text(value: str) -> str:
    """Text as Excel can hold it: control characters dropped, cut at the cell limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_TEXT]


def plain_value(value: Any) -> Any:
    """One pandas/numpy value as the plain Python value a workbook cell holds (text cleaned
    for Excel; blanks, NaN and NaT as None)."""
    kind = type(value)
    if kind is str:  # the common cases first, same results as the checks below
        return excel_text(value)
    if kind is float:
        return None if value != value else value
    if kind in _OWN_FORMAT:  # kept: its type says how its cell shows it
        return None if value != value else value
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).to_pydatetime()
    return excel_text(str(value))


def make_cell(ws: Worksheet, value: Any, number_format: str | None = None) -> Cell:
    cell = Cell(ws, row=1, column=1)  # placed by append
    rtl_text = type(value) is RightToLeftText
    value = plain_value(value)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text stays text: "=SUM(A1)" from a narrative is no formula
        if isinstance(number_format, TextLayout):
            if number_format.wrap:
                cell.number_format = "@"
            if number_format.wrap or number_format.horizontal or number_format.top or rtl_text:
                cell.alignment = _layout_alignment(number_format, number_format.wrap,
                                                   rtl_text)
        elif rtl_text:
            cell.alignment = _alignment(None, None, None, 0, RIGHT_TO_LEFT)
    else:
        cell.value = value
        if type(value) in _OWN_FORMAT:
            cell.number_format = value.number_format
        elif number_format and value is not None:
            cell.number_format = number_format.whole if type(value) is int and isinstance(
                number_format, TextLayout) and number_format.whole else str(number_format)
        if isinstance(number_format, TextLayout) and value is not None and (
                number_format.horizontal or number_format.top):
            cell.alignment = _layout_alignment(number_format, False)
    return cell


def _layout_alignment(layout: TextLayout, wrap: bool, rtl_text: bool = False) -> Alignment:
    """The alignment a ``TextLayout`` gives its cells (wrapped only where ``wrap``; read
    right to left where ``rtl_text``)."""
    return _alignment(layout.horizontal, "top" if layout.top else None, wrap or None,
                      layout.indent, RIGHT_TO_LEFT if rtl_text else None)


def plain_column(series: pd.Series) -> list[Any]:
    """``plain_value`` of every value of a column; whole columns of floats or dates at once."""
    if series.dtype == np.float64:
        return [None if v != v else v for v in series.tolist()]
    if series.dtype == "datetime64[ns]":  # tz-naive; NaT becomes None
        return series.to_numpy().astype("datetime64[us]").tolist()
    values = series.tolist()
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
        # A column of text (the usual case) needs no per-value work when nothing in it is
        # illegal in a cell or too long for one: one search over all of it tells.
        blank = series.isna().to_numpy()
        text = [None if na else v for v, na in zip(values, blank, strict=True)] \
            if blank.any() else values
        if set(map(type, text)) <= {str, type(None)}:
            present = [v for v in text if v is not None]
            if (not ILLEGAL_CHARACTERS_RE.search("".join(present))
                    and max(map(len, present), default=0) <= MAX_TEXT):
                return text
    return [plain_value(v) for v in values]


def default_format(series: pd.Series) -> str | None:
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return None


# ------------------------------------------------------------------ one tab

def append_title(ws: Worksheet, text: str) -> None:
    """A caption on a row of its own."""
    title = make_cell(ws, text)
    title.font = TITLE_FONT
    ws.append([title])


def append_header(ws: Worksheet, headers: list[str], *, align: bool = True,
                  sides: list[str | None] | None = None,
                  indents: list[int] | None = None) -> list[Cell]:
    """A table's header row (white on dark blue), appended; its cells are returned. ``sides``
    and ``indents``: each header's horizontal alignment and indent, those of its column's
    values (``header_sides``, ``text_indents``)."""
    head = []
    for j, h in enumerate(headers):
        c = make_cell(ws, h)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        side = sides[j] if sides else None
        indent = indents[j] if indents else 0
        if align:
            # no wrap as None, not False: a header read back from the workbook has None (Excel
            # writes no wrapText="0"), and False made it another cell format on every re-run
            c.alignment = _alignment(side, "center", None, indent)
        elif side:
            c.alignment = _alignment(side, None, None, indent)
        head.append(c)
    ws.append(head)
    return head


@functools.lru_cache(maxsize=64)
def _alignment(horizontal: str | None, vertical: str | None, wrap: bool | None,
               indent: int, reading_order: int | None = None) -> Alignment:
    """One Alignment for every header cell that has it: building one is slow (openpyxl's
    checked attributes), and a tab has hundreds of header and label cells."""
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap, indent=indent,
                     readingOrder=reading_order or 0)


RIGHT_TO_LEFT = 2  # an Alignment's readingOrder: 0 context, 1 left to right, 2 right to left


def text_side(rtl: bool) -> str:
    """The side a tab's text lies on: the left of a left-to-right tab, the right of a
    right-to-left one. Explicit, because under General a spreadsheet puts each text by its
    own script (an Arabic name right, a Latin one left), so in a column of both the names
    stand on either side, against the next column's figures."""
    return "right" if rtl else "left"


def with_text_side(formats: list[str | None], frame: pd.DataFrame, side: str,
                   top: bool = False, indents: list[int] | None = None) -> list[str | None]:
    """The number formats of ``frame``'s columns, those of its text columns (and of text in
    a column of mixed values) as a ``TextLayout`` aligning the text to ``side`` (indented by
    ``indents``); with ``top``, every column's values at the top of their cells (a tab with
    wrapped text)."""
    out: list[str | None] = []
    indents = indents or [0] * len(formats)
    for fmt, dtype, indent in zip(formats, frame.dtypes.tolist(), indents, strict=True):
        if isinstance(fmt, TextLayout) and fmt.whole:  # figures, whatever their dtype
            out.append(TextLayout(fmt, top=top, whole=fmt.whole))
        elif pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
            wrap = isinstance(fmt, TextLayout) and fmt.wrap
            out.append(TextLayout(str(fmt or ""), side, wrap, top, indent=indent))
        elif fmt == NUMBER_FORMATS["bool"]:  # TRUE / FALSE centred, as Excel shows them
            out.append(TextLayout(fmt, "center", top=top))
        elif top:
            out.append(TextLayout(str(fmt or ""), top=True))
        else:
            out.append(fmt)
    return out


def header_sides(formats: list[str | None], rtl: bool) -> list[str | None]:
    """Each header's alignment: over its values, figures on the right and text on the
    tab's text side. A right-to-left tab's headers are all on the right, as its text and,
    in a right-to-left view, its figures."""
    if rtl:
        return ["center" if f == NUMBER_FORMATS["bool"] else "right" for f in formats]
    return ["right" if f in _NUMERIC_FORMATS else "center" if f == NUMBER_FORMATS["bool"]
            else "left" for f in formats]


def text_indents(formats: list[str | None], rtl: bool) -> list[int]:
    """An indent (three spaces) before the text of a left-aligned column right of a column
    of figures or dates, which stand on their right edge: the two would otherwise touch
    ("2026-01-21USD", "313 90+" for 313 days in 90+)."""
    if rtl or not formats:
        return [0] * len(formats)
    return [0] + [int(before in _NUMERIC_FORMATS and side == "left")
                  for before, side in zip(formats, header_sides(formats[1:], False), strict=False)]


def number_formats(frame: pd.DataFrame, formats: dict[str, str]) -> list[str | None]:
    """Each column's Excel number format: the tab's kind for it, else its dtype's. A money
    column of a tab with a Currency column shows the decimals of the currency most of its
    rows name (two for EGP, three for KWD, none for JPY; the rows of other currencies carry
    their own, ``by_row_currency``); in a tab without one, three where one of its amounts
    has a third decimal (1,234.125), otherwise two."""
    kinds = [formats.get(h) or default_format(frame[h]) or "" for h in frame.columns]
    if "money" in kinds or "figure" in kinds:
        places = _common_places(row_places(frame)) if "Currency" in frame.columns else None
        kinds = [k if k not in ("money", "figure") else _of_places(
            k, places if places is not None else
            3 if _has_third_decimal(frame.iloc[:, i]) else 2) for i, k in enumerate(kinds)]
    return [NUMBER_FORMATS.get(k) for k in kinds]


def _of_places(kind: str, places: int) -> str:
    """A money or figure kind for amounts of ``places`` decimals (``money3``)."""
    if kind not in ("money", "figure") or places == 2:
        return kind
    return f"{kind}{places}" if places in (0, 3) else kind


def row_places(frame: pd.DataFrame) -> np.ndarray | None:
    """The decimals of each row's currency (the tab's Currency column; 2 for a blank or
    unknown code), or None without a Currency column."""
    if "Currency" not in frame.columns:
        return None
    codes = frame["Currency"]
    codes = codes.iloc[:, 0] if isinstance(codes, pd.DataFrame) else codes
    # each distinct code looked up once; a blank (None, NaN: code -1) has two decimals
    at, distinct = pd.factorize(codes.to_numpy(dtype=object))
    of = np.array([decimals_of(c) for c in distinct] + [decimals_of(None)], dtype="int64")
    return of[at]


def _common_places(places: np.ndarray | None) -> int:
    """The decimals most rows have (two for a tab without rows): the column's format."""
    if places is None or not len(places):
        return 2
    counts = np.bincount(places)
    return int(counts.argmax())


def _rows_of_other_places(frame: pd.DataFrame) -> list[tuple[int, list[int]]]:
    """(decimals, row positions) of the rows whose currency has other decimals than the
    currency most rows name (the money columns' format, ``number_formats``): what the file
    writer marks (``by_row_currency``) and the live path formats (``row_money_formats``).
    Empty for a tab of one currency's decimals (the common case) or without a Currency
    column."""
    places = row_places(frame)
    if places is None or not len(places) or (places == places[0]).all():
        return []
    common = _common_places(places)
    return [(n, np.flatnonzero(places == n).tolist())
            for n in sorted(set(places.tolist()) - {common})]


def by_row_currency(columns: list[list[Any]], frame: pd.DataFrame,
                    formats: dict[str, str]) -> list[list[Any]]:
    """The plain values of ``frame``'s columns (``plain_column``), the amounts of a money or
    figure column in rows whose currency has other decimals than the column's format
    (``number_formats``) marked with their own (``Amount3``, ``Amount2``, ``Amount0``): an
    EGP amount under a KWD one shows 1,250.50, not 1,250.500. A tab of one currency's
    decimals (the common case) is returned as it is, without a look at its values."""
    other = _rows_of_other_places(frame)
    if not other:
        return columns
    # the rows of each other decimals, one mark for them all
    groups = [(_AMOUNT_OF_PLACES[n], rows) for n, rows in other if n in _AMOUNT_OF_PLACES]
    out = list(columns)
    for j, h in enumerate(frame.columns):
        kind = formats.get(h) or default_format(frame[h])
        if kind not in ("money", "figure"):
            continue
        # a figure column's int values are counts (whole, ``TextLayout.whole``), not amounts
        amounts = (float,) if kind == "figure" else (float, int)
        values = list(columns[j])  # plain values: a blank or NaN is None already
        for mark, rows in groups:
            for i in rows:
                if type(values[i]) in amounts:
                    values[i] = mark(values[i])
        out[j] = values
    return out


def row_money_formats(frame: pd.DataFrame, formats: dict[str, str]
                      ) -> list[tuple[int, list[int], str]]:
    """For a writer that formats ranges rather than typed values (the live Excel path):
    (column position, row positions, number format) of the amounts of each money or figure
    column in rows whose currency has other decimals than the column's format
    (``number_formats``), as ``by_row_currency`` marks them for the file: a KWD row under
    EGP ones shows 1,250.125. Nothing for a tab of one currency's decimals."""
    other = _rows_of_other_places(frame)
    if not other:
        return []
    out = []
    for j, h in enumerate(frame.columns):
        kind = formats.get(h) or default_format(frame[h])
        if kind not in ("money", "figure"):
            continue
        # a figure column's int values are counts (whole, ``TextLayout.whole``), not amounts;
        # its other decimals take a money column's formats (``FIGURES3`` is ``money3``'s)
        counts = count_rows(frame.iloc[:, j]) if kind == "figure" else set()
        for n, rows in other:
            if amounts := [i for i in rows if i not in counts]:
                out.append((j, amounts, NUMBER_FORMATS[_MONEY_OF_PLACES.get(n, "money")]))
    return out


def count_rows(series: pd.Series) -> set[int]:
    """Positions of a figure column's whole numbers (int values, not bools: counts), as the
    file writer tells them (``make_cell``: ``type(value) is int``)."""
    return {i for i, v in enumerate(series.tolist()) if type(plain_value(v)) is int}


def amount_of(currency: Any) -> type:
    """The type of an amount of ``currency`` that shows its own decimals (``Amount3``...)."""
    return _AMOUNT_OF_PLACES.get(decimals_of(currency), Amount2)


def money_kind(currency: Any) -> str:
    """The money kind of a column of one ``currency``'s amounts (``money3`` for KWD)."""
    return _MONEY_OF_PLACES.get(decimals_of(currency), "money")


def with_row_formats(frame: pd.DataFrame, formats: dict[str, str]) -> pd.DataFrame:
    """``frame`` with the amounts of its money and figure columns (``formats``) marked with
    their row's currency's decimals where its rows name currencies of several (``by_row
    _currency``): for a tab's small tables, written cell by cell (``blocks``)."""
    columns = [frame.iloc[:, j].tolist() for j in range(frame.shape[1])]
    marked = by_row_currency(columns, frame, formats)
    if marked is columns:
        return frame
    out = frame.copy()
    for j, (before, after) in enumerate(zip(columns, marked, strict=True)):
        if after is not before:
            out.isetitem(j, pd.Series(after, index=frame.index, dtype=object))
    return out


def _has_third_decimal(values: pd.Series) -> bool:
    """Whether an amount of the column is not a whole number of cents (1,234.125)."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    numbers = numbers[np.isfinite(numbers)]
    if not len(numbers):
        return False
    return bool((np.abs(np.round(numbers, 2) - np.round(numbers, 3)) > 1e-9).any())


def add_table(ws: Worksheet, name: str, ref: str, style: str, head: list[Cell]) -> None:
    """An Excel table over ``ref`` whose header row is ``head``."""
    table = XlTable(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
    # The column names, as openpyxl would take them from the header cells when saving
    # (it reads every cell of the table to get them: seconds for a large tab).
    table._initialise_columns()
    for column, cell in zip(table.tableColumns, head, strict=True):
        column.name = str(cell.value)
    ws.add_table(table)


def table_name(tab_name: str, taken: set[str]) -> str:
    """A unique Excel table name for a tab (``Bank Matches`` -> ``tblBankMatches``)."""
    base = "tbl" + re.sub(r"\W", "", tab_name.title().replace(" ", ""), flags=re.ASCII)
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name.lower())
    return name


MAX_WIDTH = 60.0  # characters: longer text is cut at the column's edge (or wraps)
INDENT_CHARS = 1.5  # an indent of 1 is three spaces of the body font, about 1.5 digits


def _width(header: str, values: pd.Series, number_format: str | None = None,
           label: str = "") -> float:
    """A column's width in characters: its longest value as shown, its header (bold, with
    the filter button beside it) or the translated label over it, within 8..60. A money or
    whole-number column is measured on all its values as formatted (1234567.5 shows as
    1,234,567.50: a column fitted to the bare number would show ##### instead)."""
    head = max(math.ceil(len(header) * 1.1) + 3, len(label) + 2)
    if number_format in _MEASURED:
        numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        numbers = numbers[np.isfinite(numbers)]
        if len(numbers):
            decimals = _MEASURED[number_format]
            group = "," if number_format != NUMBER_FORMATS["int"] else ""
            shown = f"{-np.abs(numbers).max():{group}.{decimals}f}"  # with its minus sign
            return float(min(max(len(shown) + 2, head, 8), MAX_WIDTH))
    if number_format in (NUMBER_FORMATS["date"], NUMBER_FORMATS["datetime"]):
        longest = len("yyyy-mm-dd hh:mm" if number_format == NUMBER_FORMATS["datetime"]
                      else "yyyy-mm-dd")
    else:
        longest = max(map(_shown_length, values.head(200).tolist()), default=0)
    return float(min(max(longest + 2, head, 8), MAX_WIDTH))


# Formats a column is measured by on all its values: their decimals
_MEASURED = {NUMBER_FORMATS["money"]: 2, NUMBER_FORMATS["money3"]: 3,
             NUMBER_FORMATS["money0"]: 0, NUMBER_FORMATS["int"]: 0}


def _widest_formats(frame: pd.DataFrame, formats: list[str | None]) -> list[str | None]:
    """``formats`` with a money column of several currencies' decimals measured by its most
    decimals (a KWD row's 1,250.125 beside EGP 1,250.50)."""
    places = row_places(frame)
    if places is None or not len(places) or (places == places[0]).all():
        return formats
    widest = NUMBER_FORMATS[_MONEY_OF_PLACES.get(int(places.max()), "money")]
    money = {NUMBER_FORMATS[k] for k in _MONEY_OF_PLACES.values()}
    return [widest if f in money else f for f in formats]


def _shown_length(value: Any) -> int:
    """The characters a value of a text or mixed column shows (none for a blank)."""
    if type(value) is str:
        return len(value)
    if value is None or value is pd.NaT or value is pd.NA or (
            isinstance(value, float) and value != value):
        return 0
    return len(str(value))


def column_widths(tab: Tab, arabic: bool = False,
                  formats: list[str | None] | None = None) -> list[float]:
    """The width of each column of a tab: its main table's and the small tables' below,
    which share the columns; with the Arabic label row, its labels fit too, and an indented
    column (``text_indents``) its indent. ``formats``: the main table's ``number_formats``,
    when known."""
    frame = tab.frame.drop(columns=[ROW], errors="ignore")
    if formats is None:
        formats = number_formats(frame, tab.formats)
    indents = text_indents(formats, tab.rtl if tab.rtl is not None else arabic)
    measured = _widest_formats(frame, formats)
    widths = [min(_width(str(h), frame.iloc[:, j], measured[j],
                         arabic_label(str(h)) if arabic else "") + INDENT_CHARS * indents[j],
                  MAX_WIDTH)
              for j, h in enumerate(frame.columns)]
    for block in tab.blocks:
        sub = block.frame.drop(columns=[ROW], errors="ignore")
        block_formats = number_formats(sub, block.formats)
        for j, h in enumerate(sub.columns):
            fit = _width(str(h), sub.iloc[:, j], block_formats[j])
            if j < len(widths):
                widths[j] = max(widths[j], fit)
            else:
                widths.append(fit)
    return widths


LINE_POINTS = 15.0  # one line of 11-point text


def wrapped_heights(frame: pd.DataFrame, formats: dict[str, str], widths: list[float],
                    first_row: int) -> dict[int, float] | None:
    """Row heights for the rows of ``frame`` (from ``first_row``) whose ``wrap`` columns
    hold more text than one line of their width: Excel and LibreOffice do not grow a row for
    wrapped text written by a program, and the lines beyond the first would be hidden. The
    lines are counted as ``textwrap`` breaks the text at the column's width in characters
    less two (a column's width counts digits, wider than most letters: never too few)."""
    import textwrap

    wrapped = [j for j, h in enumerate(frame.columns) if formats.get(str(h)) == "wrap"]
    if not wrapped:
        return None
    lines = np.ones(len(frame), dtype="int64")
    for j in wrapped:
        chars = max(int(widths[j]) - 2, 8)
        counts = [len(textwrap.wrap(v, chars)) if isinstance(v, str) and len(v) > chars else 1
                  for v in frame.iloc[:, j].tolist()]
        lines = np.maximum(lines, counts)
    return {first_row + i: LINE_POINTS * int(n) for i, n in enumerate(lines) if n > 1}


def fill_sheet(ws: Worksheet, tab: Tab, *, arabic: bool, taken_tables: set[str]) -> SheetRows:
    """Write one tab into an empty worksheet; its data rows are returned, to be written
    into the sheet when the workbook is saved (``sheet_rows.save_workbook``)."""
    frame = tab.frame.drop(columns=[ROW], errors="ignore").reset_index(drop=True)
    headers = [str(c) for c in frame.columns]
    row = 1
    caption_above = bool(tab.title) and not tab.as_table  # a page (the dashboard), not data
    if caption_above:
        append_title(ws, tab.title)
        row += 1
    rtl = tab.rtl if tab.rtl is not None else arabic
    formats = number_formats(frame, tab.formats)
    sides, indents = header_sides(formats, rtl), text_indents(formats, rtl)
    if arabic:
        labels = [make_cell(ws, arabic_label(h)) for h in headers]
        for c, side, indent in zip(labels, sides, indents, strict=True):
            c.font, c.fill = LABEL_FONT, LABEL_FILL
            c.alignment = _alignment(side, None, None, indent, RIGHT_TO_LEFT if rtl and (
                isinstance(c.value, str) and reads_right_to_left(c.value)) else None)
        ws.append(labels)
        row += 1
    header_row = row
    head = append_header(ws, headers, sides=sides, indents=indents)

    highlight = None if tab.highlight is None else tab.highlight.reset_index(drop=True).tolist()
    columns = by_row_currency([plain_column(frame[h]) for h in headers], frame, tab.formats)
    if rtl:  # Arabic text read right to left whatever the spreadsheet program's default
        columns = [right_to_left_texts(c) if not pd.api.types.is_numeric_dtype(dtype) else c
                   for c, dtype in zip(columns, frame.dtypes.tolist(), strict=True)]
    rows = SheetRows(ws, header_row + 1, columns,
                     with_text_side(formats, frame, text_side(rtl), top=any(
                         tab.formats.get(h) == "wrap" for h in headers), indents=indents),
                     highlight, make_cell, HIGHLIGHT_FILL,
                     bold=None if tab.bold is None else tab.bold.reset_index(drop=True).tolist(),
                     bold_font=BOLD_FONT)
    ws._current_row = header_row + len(frame)  # blocks are appended below the rows

    if tab.title and not caption_above:
        # A data tab's caption sits right of the first row, one column apart, never above the
        # header: row 1 holds the contract's column names, where any reader expects them.
        # Right of the small tables below too when they are wider (the KPIs' DSO trend): the
        # printed page holds the tables' columns and the caption is its page header instead.
        caption = ws.cell(row=1, column=max([len(headers)] + [
            len(b.frame.drop(columns=[ROW], errors="ignore").columns) for b in tab.blocks]) + 2)
        caption.value = excel_text(tab.title)
        caption.data_type = "s"
        caption.font = TITLE_FONT
    last_row = header_row + len(frame)
    last_col = get_column_letter(max(len(headers), 1))
    ref = f"A{header_row}:{last_col}{last_row}"
    if tab.as_table and len(frame) and headers:
        add_table(ws, table_name(tab.name, taken_tables), ref, "TableStyleMedium2", head)
    elif headers:
        ws.auto_filter.ref = ref
    ws.freeze_panes = f"A{header_row + 1}"
    _add_choices(ws, tab, headers, header_row, last_row)
    widths = column_widths(tab, arabic, formats)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    rows.heights = wrapped_heights(frame, tab.formats, widths, header_row + 1)
    if rtl:
        ws.sheet_view.rightToLeft = True
    if tab.hidden:
        ws.sheet_state = "hidden"
    if tab.charts:
        from ar_excel.io.charts import add_charts

        add_charts(ws, tab, header_row=header_row, headers=headers,
                   label_row=header_row - 1 if arabic else None)
    if tab.blocks:
        from ar_excel.io.blocks import write_blocks

        write_blocks(ws, tab, first_row=last_row + 1, main_width=len(headers),
                     main_header_row=header_row, taken_tables=taken_tables)
    if ws.sheet_view.rightToLeft:
        _captions_to_the_right(ws)
    print_setup(ws, tab, widths, header_row, last_row, arabic=arabic)
    from ar_excel.io.readonly import protect_tab

    protect_tab(ws, tab)
    return rows


def _captions_to_the_right(ws) -> None:
    """On a right-to-left sheet a caption (mostly Latin text) is aligned right: left or
    general, it runs from its cell's left edge to the right, i.e. off the printed page (a
    first-column caption) or over the table (one beside it); aligned right it runs into the
    empty cells on its left. Only captions, headers and small tables are cells yet here:
    the data rows are written on save."""
    for cell in list(ws._cells.values()):
        if cell.font == TITLE_FONT:
            # an Arabic caption also read right to left: its dates and amounts in place
            cell.alignment = Alignment(horizontal="right", readingOrder=RIGHT_TO_LEFT if (
                isinstance(cell.value, str) and reads_right_to_left(cell.value)) else 0)


def _add_choices(ws, tab: Tab, headers: list[str], header_row: int, last_row: int) -> None:
    """A drop-down list on the cells of each column ``tab.choices`` names. Other answers may
    still be typed (no error box): a reviewer writing معتمد is not refused."""
    for column, options in tab.choices.items():
        if column not in headers or last_row <= header_row:
            continue
        letter = get_column_letter(headers.index(column) + 1)
        listed = ",".join(o.replace('"', "'").replace(",", " ") for o in options)
        check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True,
                               showErrorMessage=False)
        check.add(f"{letter}{header_row + 1}:{letter}{last_row}")
        ws.add_data_validation(check)


def issues_tab(issues: list[Issue], arabic: bool = False) -> Tab:
    """The ``Input Issues`` tab; messages in Arabic for an Arabic workbook."""
    frame = pd.DataFrame([i.as_row() for i in issues],
                         columns=["Sheet", "Cell", "Column", "Value", "Message"])
    if arabic and len(frame):
        from ar_excel.io.messages_ar import arabic_field, arabic_message, arabic_place

        frame["Message"] = frame["Message"].map(arabic_message)
        # a statement file's own places and fields ('row 14', 'Balance') in Arabic too
        frame["Column"] = [arabic_field(c, at) for c, at in zip(frame["Column"], frame["Cell"],
                                                                 strict=True)]
        frame["Cell"] = frame["Cell"].map(arabic_place)
    # the message is what is read: wrapped within its column, on screen and printed
    return Tab("Input Issues", frame, formats={"Value": "text", "Message": "wrap"})


# ------------------------------------------------------------------ whole workbook

def _file_mode(target: Path) -> int:
    """The permissions the written workbook takes: the replaced file's (a shared workbook keeps
    who may read it), else a new file's under the user's umask. The temporary file it is
    written as is private (0600), which would otherwise be what the user's file ends up with."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _backup(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup, n = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}"), 2
    while backup.exists():
        backup, n = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}"), n + 1
    shutil.copy2(path, backup)
    return backup


def _read_values(path: Path, skip: set[str]) -> dict[str, list[list[Any]]]:
    """The values of every sheet of ``path`` but those named in ``skip`` (match keys): the
    tabs being replaced are neither compared nor worth reading."""
    import python_calamine as pc

    from ar_excel.io.sheet_loading import sheet_rows

    wb = pc.CalamineWorkbook.from_path(str(path))
    return {n: sheet_rows(wb, path, n) for n in wb.sheet_names if match_key(n) not in skip}


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    rows = [list(r) for r in rows]
    for r in rows:
        while r and r[-1] == "":
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _verify_kept(before: dict[str, list[list[Any]]], written: Path, wb, replaced: set[str]) -> None:
    """Every sheet we kept reads back with the values it had. A formula cell may read back
    empty (openpyxl stores no cached result; Excel recalculates on open): that is no loss."""
    after = _read_values(written, replaced)
    for name, rows in before.items():
        if name not in after:
            raise UnsafeWriteError(f"sheet '{name}' would be lost")
        old, new = _trim(rows), _trim(after[name])
        if old == new:
            continue
        ws = wb[name]
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else []
            b = new[i] if i < len(new) else []
            for j in range(max(len(a), len(b))):
                va = a[j] if j < len(a) else ""
                vb = b[j] if j < len(b) else ""
                if va != vb and ws.cell(row=i + 1, column=j + 1).data_type != "f":
                    raise UnsafeWriteError(
                        f"sheet '{name}' cell {get_column_letter(j + 1)}{i + 1} would change "
                        f"from {va!r} to {vb!r}; nothing was written")


_LOADING = threading.Lock()


def _load_for_writing(target: Path, replaced: set[str]) -> openpyxl.Workbook:
    """``openpyxl.load_workbook(target)`` without reading the cells of the sheets about to
    be replaced (match keys): they are removed unread. A re-run into its own -o workbook
    replaces nearly every sheet, whose cells took most of the write (the sheets stay in
    place until removed, so names and print settings bound by sheet position still fit)."""
    from openpyxl.reader import excel

    parse = excel.WorksheetReader
    # as openpyxl.load_workbook, but text formatted in part (a note with 'Important:' in bold
    # red) read as its runs: read as plain text it was written back flattened
    reader = excel.ExcelReader(target, keep_links=True, rich_text=True)

    class KeepingReader(parse):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.ws.parent is getattr(reader, "wb", None):
                # a date or time cell read as the number it holds, and written back so: read
                # as a datetime it came back rounded (14:00:00.0004 a millisecond off, a
                # duration of 12.3456789012345 days 14 microseconds off) or changed (Excel's
                # 29 Feb 1900, serial 60, as 59; a serial past 9999 as #VALUE!)
                self.parser.date_formats = self.parser.timedelta_formats = frozenset()

        def bind_all(self) -> None:
            # another thread's load meanwhile is read in full
            if self.ws.parent is not getattr(reader, "wb", None) or \
                    match_key(self.ws.title) not in replaced:
                super().bind_all()

    with _LOADING, warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        excel.WorksheetReader = KeepingReader  # openpyxl's sheet reader swapped for this load
        try:
            reader.read()
        finally:
            excel.WorksheetReader = parse
    dropped = [str(w.message) for w in said if _said_dropped(w, replaced)]
    if dropped:
        raise UnsafeWriteError(
            f"'{target.name}' has what openpyxl, which writes it, cannot read and would leave "
            f"out ({'; '.join(dict.fromkeys(dropped))}); use -o OUT to write the results to "
            "a new workbook")
    _index_styles(reader.wb)
    return reader.wb


def _index_styles(wb: openpyxl.Workbook) -> None:
    """The workbook's cell styles found by what they are again. openpyxl indexes the styles it
    reads, then renumbers their custom number formats (from 164 up, in the order the styles
    use them), so a style whose format was renumbered stood in the index under its old
    number: each cell written with it added it again, once more on the next re-run in
    place. Positions are kept (cells read point to them); a style listed twice is found at
    its first place."""
    styles = IndexedList()
    for style in wb._cell_styles:
        styles._dict.setdefault(style, len(styles))
        list.append(styles, style)
    wb._cell_styles = styles


def _said_dropped(said: warnings.WarningMessage, replaced: set[str]) -> bool:
    """Whether openpyxl, loading a workbook, said it left out something of a sheet kept: a
    conditional format it could not read, defined names it could not place, a custom
    property of a type it does not know, a note on a merged cell, the workbook's styles.
    Not what it says of drawings and sheet extensions (``safety.losses`` judged them; the
    extensions it lets through are written back as they were), nor a header it could not
    parse (written back as it was: ``carried``)."""
    where = Path(said.filename)
    text = str(said.message)
    note = re.match(r"Cell '(.*)':[A-Z]+\d+ is part of a merged range", text)
    return "openpyxl" in where.parts and where.name != "drawings.py" and \
        issubclass(said.category, UserWarning) and \
        not text.startswith("Cannot parse header or footer") and \
        not text.endswith("extension is not supported and will be removed") and \
        not (note and match_key(note.group(1)) in replaced)


IN_PLACE_ADVICE = "use -o OUT to write the results to a new workbook"


def refuse_unwritable(target: Path, advice: str = IN_PLACE_ADVICE) -> None:
    """Refuse a workbook no tab can ever be written into, whichever the tabs: another format
    than .xlsx / .xlsm, or a file under that name that is no Excel workbook inside (a web
    page or text export renamed). Asked before the jobs run too, so that a run that cannot
    write its tabs leaves no letters or files of its own beside the book either."""
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UnsafeWriteError(f"'{target.name}' is a {target.suffix} file and ar_excel "
                               f"writes only into .xlsx workbooks; {advice} (.xlsx)")
    if target.is_file() and not zipfile.is_zipfile(target):
        raise UnsafeWriteError(f"'{target.name}' is not an Excel workbook inside (a web page, "
                               f"XML or text export saved under that name), and ar_excel "
                               f"writes only into .xlsx workbooks; {advice} (.xlsx)")


@bulk()
def write_tabs(tabs: list[Tab], *, source: Path | None = None, out: Path | None = None,
               arabic: bool = False, backup: bool = True,
               protect: list[SheetProtection] | tuple = ()) -> Path:
    """Write ``tabs`` (replacing tabs of the same names) into ``out``, or into ``source``
    when no ``out`` is given. Returns the path written. ``protect`` (sheet protection of
    input sheets, e.g. the customer master) applies to the workbook written, where it has
    those sheets."""
    target = Path(out) if out is not None else Path(source) if source is not None else None
    if target is None:
        raise InputError("nowhere to write: give a workbook or -o OUT")
    in_place = out is None
    names = [t.name for t in tabs]
    if len({match_key(n) for n in names}) != len(names):
        raise ValueError(f"two tabs with the same name in {names}")
    replaced = {match_key(n) for n in names}

    before = None
    carried = None  # what openpyxl drops from the workbook written into, put back on save
    places: dict[str, int] = {}  # where each tab replaced stood among the workbook's sheets
    if target.exists():
        advice = IN_PLACE_ADVICE if in_place else "choose another -o file"
        refuse_unwritable(target, advice)
        found = losses(target, names)
        if found:
            raise UnsafeWriteError(
                f"'{target.name}' has {', '.join(found)}, which would be lost if ar_excel wrote "
                f"into it; {advice}")
        theirs = sheets_of_their_own(target, [(t.name, [str(c) for c in t.frame.columns
                                                        if c != ROW]) for t in tabs])
        if theirs:
            raise UnsafeWriteError(
                f"'{target.name}' has a sheet of its own named "
                f"{', '.join(repr(s) for s in theirs)} (not written by ar_excel: its first rows "
                f"are not the tab's headers), which writing the tab of that name would replace; "
                f"rename that sheet, or {advice}")
        try:
            wb = _load_for_writing(target, replaced)
        except UnsafeWriteError:
            raise
        except Exception as exc:  # openpyxl raises many types for files it cannot read
            raise InputError(f"cannot open '{target.name}' for writing: {exc}") from exc
        before = _read_values(target, replaced)
        carried = read_carried(target, [ws.title for ws in wb.worksheets
                                        if match_key(ws.title) not in replaced])
        for at, ws in enumerate(list(wb.worksheets)):
            if match_key(ws.title) in replaced:
                places[match_key(ws.title)] = at
                wb.remove(ws)
        taken = {t.lower() for ws in wb.worksheets for t in ws.tables}
    else:
        if target.suffix.lower() not in (".xlsx",):
            raise InputError(f"-o must name an .xlsx file, not '{target.name}'")
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        taken = set()

    deferred = {}
    for tab in tabs:
        ws = wb.create_sheet(tab.name[:31])
        deferred[ws] = fill_sheet(ws, tab, arabic=arabic, taken_tables=taken)
    # a tab written again stays where it stood (the accountant's order of the sheets); the
    # places are taken lowest first, so each one's sheets before it are already in order
    for key, at in sorted(places.items(), key=lambda p: p[1]):
        ws = next(w for w in wb.worksheets if match_key(w.title) == key)
        wb.move_sheet(ws, offset=at - wb.index(ws))
    from ar_excel.io.readonly import protect_structure

    protect_structure(wb, tabs)
    if not any(ws.sheet_state == "visible" for ws in wb.worksheets):
        wb.create_sheet("Sheet1")
    if protect:
        from ar_excel.io.protection import apply_protection

        apply_protection(wb, protect)
    if before is not None:
        wb.calculation.fullCalcOnLoad = True  # formulas were stored without cached results

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix,
                                        dir=target.parent)
    except PermissionError:
        raise InputError(f"cannot write into the folder {target.parent}: no permission; "
                         "use -o with a path in a folder you can write to") from None
    except (FileExistsError, NotADirectoryError):  # a file where a folder of the path should be
        raise InputError(f"cannot write into the folder {target.parent}: a file of that name "
                         "is in its way; use -o with a path in a folder") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        save_workbook(wb, tmp, deferred, carried)
        if before is not None:
            _verify_kept(before, tmp, wb, replaced)
            if in_place and backup:
                _backup(target)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(target))
        try:
            os.replace(tmp, target)
        except PermissionError:
            # Windows refuses to replace a workbook Excel has open; the target is untouched.
            raise InputError(f"cannot replace {target.name}: it is open in Excel or another "
                             "program, or read-only. Close it and run again, or write to "
                             "another file with -o") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
