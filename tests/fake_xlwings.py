"""An in-memory stand-in for the part of xlwings' object model the button handlers use.

Names and signatures mirror ``xlwings/main.py`` (``Book.sheets``, ``Sheets.add(name, before,
after)``, ``Sheet.range``/``used_range``/``tables``/``delete``, ``Range.value``/``options``/
``number_format``/``merge_cells``/``merge_area``/``clear``, ``App.status_bar``/``alert``, and
``.api``: a few members of Excel's COM object model, see ``ComSheet``); ``test_buttons_fake_api.py``
checks every public name here against the installed xlwings. Cells behave as Excel's do where
it matters for data safety: a string written to a cell not formatted as text is parsed the way
Excel parses typed input (``"=..."`` becomes a formula, ``"00123"`` becomes 123, a leading
apostrophe marks text and is not stored), so the tests can catch what real Excel would do.
Read back, an error cell is None, or its text with ``options(err_to_str=True)``; a merged
area's value is in its first cell only; a time of day is a date-time on Excel's day 0; a
number formatted as currency is a ``Decimal`` of 4 places, as pywin32 gives Excel's Currency.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any

import numpy as np
import pandas as pd

_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_DATE = re.compile(r"^\s*\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?\s*$")
_CURRENCY = re.compile(r"[$€£]|\[\$")  # formats Excel hands over as its Currency type
_NUMBER = re.compile(r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$")


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    s = ""
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def _parse_cell(ref: str | tuple[int, int]) -> tuple[int, int]:
    if isinstance(ref, tuple):
        return int(ref[0]), int(ref[1])
    m = _ADDRESS.match(ref.strip())
    if not m:
        raise ValueError(f"not a cell address: {ref!r}")
    return int(m.group(2)), _col_index(m.group(1))


class RangeFont:
    """xlwings' ``Range.font``: only ``bold``, which ar_excel sets."""

    def __init__(self, rng: Range) -> None:
        self._range = rng

    @property
    def bold(self) -> bool:
        r = self._range
        return r.sheet.cells_.get((r.row, r.column), Cell()).bold

    @bold.setter
    def bold(self, value: bool) -> None:
        for k in self._range._coords():
            self._range.sheet.cells_.setdefault(k, Cell()).bold = value


@dataclass
class Cell:
    value: Any = None
    formula: str | None = None
    number_format: str = "General"
    color: Any = None
    error: str | None = None  # an Excel error value (#N/A...): value is None
    bold: bool = False


class App:
    def __init__(self) -> None:
        self._status_bar: str | bool = False
        self.status_history: list[str | bool] = []
        self.alerts: list[dict[str, Any]] = []
        self.screen_updating = True
        self._list_separator = ","  # Windows' list separator (";" in many locales)
        self._com = True  # False: an engine without Excel's object model (xlwings Lite)
        self._book: Book | None = None
        self._print_communication: list[bool] = []  # PrintCommunication as set, in order

    @property
    def api(self) -> Any:
        _need_com(self)
        return getattr(self, "_api", None) or ComApp(self)

    @api.setter
    def api(self, value: Any) -> None:  # a test's own stand-in for Excel's object
        self._api = value

    @property
    def status_bar(self) -> str | bool:
        return self._status_bar

    @status_bar.setter
    def status_bar(self, value: str | bool) -> None:
        self._status_bar = value
        self.status_history.append(value)

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok",
              mode: str | None = None, callback: str | None = None) -> str | None:
        self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
        return "ok"


class Book:
    def __init__(self, name: str = "Book1.xlsm", fullname: str | None = None) -> None:
        self.name = name
        self.fullname = fullname or name
        self.app = App()
        self.app._book = self
        self.sheets = Sheets(self)


class Sheets:
    def __init__(self, book: Book) -> None:
        self._book = book
        self._items: list[Sheet] = []
        self._active: Sheet | None = None

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def count(self) -> int:
        return len(self._items)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._items[key]
        for s in self._items:
            if s.name.lower() == key.lower():  # Excel sheet names are case-insensitive
                return s
        raise KeyError(key)

    def __call__(self, name_or_index: int | str | Sheet) -> Sheet:
        if isinstance(name_or_index, Sheet):
            return name_or_index
        return self[name_or_index - 1] if isinstance(name_or_index, int) else self[name_or_index]

    def __contains__(self, key: str) -> bool:
        return any(s.name.lower() == key.lower() for s in self._items)

    @property
    def active(self) -> Sheet:
        # Excel activates another sheet when the active one is deleted
        return self._active if self._active in self._items else self._items[0]

    def add(self, name: str | None = None, before: Sheet | None = None,
            after: Sheet | None = None) -> Sheet:
        if name is not None and name in self:
            raise ValueError(f"Sheet named '{name}' already present in workbook")
        if name is None:
            n = len(self._items) + 1
            while f"Sheet{n}" in self:
                n += 1
            name = f"Sheet{n}"
        _check_sheet_name(name)
        sheet = Sheet(self._book, name)
        if after is not None:
            self._items.insert(self._items.index(self(after)) + 1, sheet)
        elif before is not None:
            self._items.insert(self._items.index(self(before)), sheet)
        else:  # Excel adds before the active sheet; the tests only need "somewhere"
            self._items.insert(0, sheet)
        return sheet


def _check_sheet_name(name: str) -> None:
    if not name or len(name) > 31 or any(c in name for c in "[]:*?/\\") or name.startswith("'"):
        raise ValueError(f"Excel does not accept the sheet name {name!r}")


class Sheet:
    def __init__(self, book: Book, name: str) -> None:
        self.book = book
        self._name = name
        self.cells_: dict[tuple[int, int], Cell] = {}
        self.tables = Tables(self)
        self.charts = Charts(self)
        self.visible = True
        self.deleted = False
        self._merges: list[tuple[int, int, int, int]] = []  # (row1, col1, row2, col2)
        self._locks: list[tuple[int, int, int, int, bool]] = []  # Locked set, in order
        self._validations: list[dict[str, Any]] = []
        self._protection: dict[str, Any] | None = None
        self._com_calls: list[tuple[str, Any]] = []  # PageSetup / window properties set
        self._frozen: tuple[int, int] | None = None  # (rows, columns) frozen in its window
        self._window = {"SplitRow": 0, "SplitColumn": 0, "ScrollRow": 1, "ScrollColumn": 1}

    @property
    def api(self) -> Any:
        _need_com(self.book.app)
        return getattr(self, "_api", None) or ComSheet(self)

    @api.setter
    def api(self, value: Any) -> None:  # a test's own stand-in for Excel's object
        self._api = value

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        if value.lower() != self._name.lower() and value in self.book.sheets:
            raise ValueError(f"a sheet named {value!r} already exists")
        _check_sheet_name(value)
        self._name = value

    @property
    def index(self) -> int:
        return list(self.book.sheets).index(self) + 1

    def range(self, cell1: str | tuple[int, int] | Range,
              cell2: str | tuple[int, int] | Range | None = None) -> Range:
        if isinstance(cell1, Range):
            cell1 = (cell1.row, cell1.column)
        if isinstance(cell2, Range):
            cell2 = cell2.last_cell.row, cell2.last_cell.column
        if isinstance(cell1, str) and ":" in cell1 and cell2 is None:
            cell1, cell2 = cell1.split(":")
        r1, c1 = _parse_cell(cell1)
        r2, c2 = _parse_cell(cell2) if cell2 is not None else (r1, c1)
        return Range(self, min(r1, r2), min(c1, c2), abs(r2 - r1) + 1, abs(c2 - c1) + 1)

    def __getitem__(self, item: str) -> Range:
        return self.range(item)

    @property
    def used_range(self) -> Range:
        used = [k for k, c in self.cells_.items()
                if c.value is not None or c.formula or c.error or c.number_format != "General"]
        if not used:
            return Range(self, 1, 1, 1, 1)
        rows = [r for r, _ in used]
        cols = [c for _, c in used]
        return Range(self, min(rows), min(cols), max(rows) - min(rows) + 1,
                     max(cols) - min(cols) + 1)

    def clear(self) -> None:
        self.cells_.clear()

    def clear_contents(self) -> None:
        for c in self.cells_.values():
            c.value, c.formula = None, None

    def autofit(self, axis: str | None = None) -> None:
        return None

    def activate(self) -> None:
        if not self.visible:
            raise RuntimeError("Activate method of Worksheet class failed (the sheet is hidden)")
        self.book.sheets._active = self

    def delete(self) -> None:
        if len(self.book.sheets) == 1:
            raise RuntimeError("a workbook must keep at least one sheet")
        self.book.sheets._items.remove(self)
        self.deleted = True

    # test helpers (not xlwings API)
    def cell(self, address: str) -> Cell:
        return self.cells_.get(_parse_cell(address), Cell())

    def grid(self) -> list[list[Any]]:
        """Values from A1 to the last used cell (None for empty)."""
        ur = self.used_range
        return [[self.cells_.get((r, c), Cell()).value for c in range(1, ur.column + ur.shape[1])]
                for r in range(1, ur.row + ur.shape[0])]


class Range:
    def __init__(self, sheet: Sheet, row: int, column: int, rows: int, columns: int,
                 **options: Any) -> None:
        self.sheet = sheet
        self.row, self.column = row, column
        self.shape = (rows, columns)
        self._options = options

    def __len__(self) -> int:
        return self.shape[0] * self.shape[1]

    @property
    def count(self) -> int:
        return len(self)

    @property
    def address(self) -> str:
        first = f"${_letters(self.column)}${self.row}"
        if self.shape == (1, 1):
            return first
        return f"{first}:${_letters(self.last_cell.column)}${self.last_cell.row}"

    @property
    def last_cell(self) -> Range:
        return Range(self.sheet, self.row + self.shape[0] - 1, self.column + self.shape[1] - 1,
                     1, 1, **self._options)

    def resize(self, row_size: int | None = None, column_size: int | None = None) -> Range:
        return Range(self.sheet, self.row, self.column, row_size or self.shape[0],
                     column_size or self.shape[1], **self._options)

    def offset(self, row_offset: int = 0, column_offset: int = 0) -> Range:
        return Range(self.sheet, self.row + row_offset, self.column + column_offset,
                     *self.shape, **self._options)

    def options(self, convert: Any = None, **options: Any) -> Range:
        options["convert"] = convert
        return Range(self.sheet, self.row, self.column, *self.shape, **options)

    def _coords(self):
        for i in range(self.shape[0]):
            for j in range(self.shape[1]):
                yield self.row + i, self.column + j

    # ---- values
    @property
    def api(self) -> ComRange:
        _need_com(self.sheet.book.app)
        return ComRange(self)

    @property
    def merge_cells(self) -> bool | None:
        """True when every cell is merged, False when none is, None (Excel's Null) else."""
        merged = [any(r1 <= r <= r2 and c1 <= c <= c2 for r1, c1, r2, c2 in self.sheet._merges)
                  for r, c in self._coords()]
        return True if all(merged) else False if not any(merged) else None

    @property
    def merge_area(self) -> Range:
        for r1, c1, r2, c2 in self.sheet._merges:
            if r1 <= self.row <= r2 and c1 <= self.column <= c2:
                return Range(self.sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1)
        return Range(self.sheet, self.row, self.column, 1, 1)

    def _read(self, cell: Cell) -> Any:
        if cell.error is not None:
            return cell.error if self._options.get("err_to_str") else None
        if isinstance(cell.value, float) and _CURRENCY.search(cell.number_format):
            # Excel for Windows: a COM Currency, which pywin32 gives as a Decimal of 4 places
            return Decimal(cell.value).quantize(Decimal("0.0001"), rounding=ROUND_DOWN)
        return cell.value

    @property
    def value(self) -> Any:
        grid = [[self._read(self.sheet.cells_.get((self.row + i, self.column + j), Cell()))
                 for j in range(self.shape[1])] for i in range(self.shape[0])]
        if self._options.get("convert") is pd.DataFrame:
            header = self._options.get("header", True)
            index = self._options.get("index", True)
            cols = grid[0] if header else list(range(self.shape[1]))
            frame = pd.DataFrame(grid[1:] if header else grid, columns=cols)
            return frame.set_index(cols[0]) if index else frame
        if self._options.get("ndim") == 2:
            return grid
        if self.shape == (1, 1):
            return grid[0][0]
        if self.shape[0] == 1:
            return grid[0]
        if self.shape[1] == 1:
            return [r[0] for r in grid]
        return grid

    @value.setter
    def value(self, data: Any) -> None:
        if isinstance(data, pd.DataFrame):
            frame = data.reset_index() if self._options.get("index", True) else data
            rows = [list(frame.columns)] if self._options.get("header", True) else []
            rows += frame.astype(object).where(frame.notna(), None).values.tolist()
        elif isinstance(data, list | tuple):
            rows = [list(r) for r in data] if data and isinstance(data[0], list | tuple) \
                else [list(data)]
        else:
            rows = [[data]]
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sheet.cells_.setdefault((self.row + i, self.column + j), Cell())
                self._store(self.sheet.cells_[(self.row + i, self.column + j)], v)

    @staticmethod
    def _store(cell: Cell, v: Any) -> None:
        """What Excel keeps when a value is assigned through COM."""
        cell.formula, cell.error = None, None
        if isinstance(v, float) and math.isnan(v):
            raise ValueError("NaN written to a cell: Excel would show #NUM!")
        if isinstance(v, np.generic):
            v = v.item()
        if isinstance(v, pd.Timestamp):
            v = v.to_pydatetime()
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            v = dt.datetime(v.year, v.month, v.day)
        if isinstance(v, bool) or v is None or isinstance(v, dt.datetime):
            cell.value = v
        elif isinstance(v, int | float):
            cell.value = float(v)
        elif isinstance(v, str):
            if cell.number_format == "@":  # text cell: kept as typed, bar the prefix mark
                cell.value = v[1:] if v.startswith("'") else v
            elif v.startswith("'"):
                cell.value = v[1:]
            elif len(v) > 1 and (v.startswith(("=", "+", "@"))
                                 or (v.startswith("-") and not _NUMBER.match(v))):
                cell.formula, cell.value = v, "#FORMULA"
            elif _NUMBER.match(v):
                cell.value = float(v)
            elif _DATE.match(v):  # Excel turns "1-30" or "2024-01-05" into a date
                cell.value = f"#DATE({v})"
            else:
                cell.value = v if v != "" else None
        else:
            raise TypeError(f"xlwings cannot write {type(v).__name__}")

    @property
    def number_format(self) -> str:
        return self.sheet.cells_.get((self.row, self.column), Cell()).number_format

    @number_format.setter
    def number_format(self, value: str) -> None:
        for k in self._coords():
            self.sheet.cells_.setdefault(k, Cell()).number_format = value

    @property
    def color(self) -> Any:
        return self.sheet.cells_.get((self.row, self.column), Cell()).color

    @color.setter
    def color(self, value: Any) -> None:
        for k in self._coords():
            self.sheet.cells_.setdefault(k, Cell()).color = value

    @property
    def font(self) -> RangeFont:
        return RangeFont(self)

    def clear(self) -> None:
        for k in list(self._coords()):
            self.sheet.cells_.pop(k, None)

    def clear_contents(self) -> None:
        for k in self._coords():
            if k in self.sheet.cells_:
                self.sheet.cells_[k].value = None
                self.sheet.cells_[k].formula = None

    def autofit(self) -> None:
        return None


class Table:
    def __init__(self, sheet: Sheet, source: Range, name: str) -> None:
        self.parent = sheet
        self.name = name
        self._range = source
        self._totals = 0  # rows of a totals row at the bottom of the range

    @property
    def range(self) -> Range:
        return self._range

    @property
    def header_row_range(self) -> Range:
        return self._range.resize(row_size=1)

    @property
    def show_totals(self) -> bool:  # xlwings Table.show_totals: the Total Row is on
        return self._totals > 0

    @property
    def data_body_range(self) -> Range | None:
        r = self._range
        if r.shape[0] - self._totals < 2:
            return None
        return Range(r.sheet, r.row + 1, r.column, r.shape[0] - 1 - self._totals, r.shape[1])


class Tables:
    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet
        self._items: list[Table] = []

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def add(self, source: Range | None = None, name: str | None = None,
            source_type: str | None = None, link_source: bool | None = None,
            has_headers: bool = True, destination: Range | None = None,
            table_style_name: str = "TableStyleMedium2") -> Table:
        existing = {t.name.lower() for s in self._sheet.book.sheets for t in s.tables}
        name = name or f"Table{len(existing) + 1}"
        if name.lower() in existing:
            raise ValueError(f"a table named {name!r} already exists in the workbook")
        table = Table(self._sheet, source, name)
        self._items.append(table)
        return table


class Chart:
    def __init__(self) -> None:
        self.chart_type = "column_clustered"
        self.source_: Range | None = None
        self.name = "Chart"

    def set_source_data(self, source: Range, plot_by: str | None = None) -> None:
        self.source_ = source


class Charts:
    def __init__(self, sheet: Sheet) -> None:
        self._items: list[Chart] = []

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def add(self, left: float = 0, top: float = 0, width: float = 355,
            height: float = 211) -> Chart:
        chart = Chart()
        self._items.append(chart)
        return chart


# ------------------------------------------------------------------ Excel's COM objects
# ``.api`` of xlwings' Sheet/Range/App is Excel's own object (pywin32 on Windows): only the
# members ar_excel uses, with Excel's names and argument order.

XL_VALIDATE_LIST = 3


def _need_com(app: App) -> None:
    if not app._com:  # xlwings Lite and the like: ``.api`` is not there
        raise NotImplementedError("api is not supported by this engine")


class ComApp:
    def __init__(self, app: App) -> None:
        self._app = app

    @property
    def ActiveWindow(self) -> ComWindow:  # noqa: N802 - the active sheet's window
        return ComWindow(self._app._book.sheets.active)

    @property
    def PrintCommunication(self) -> bool:  # noqa: N802
        return (self._app._print_communication or [True])[-1]

    @PrintCommunication.setter
    def PrintCommunication(self, value: bool) -> None:  # noqa: N802
        self._app._print_communication.append(bool(value))

    def International(self, index: int) -> Any:  # noqa: N802 - Excel's name
        if index == 5:  # xlListSeparator
            return self._app._list_separator
        raise NotImplementedError(index)


class ComWindow:
    """Excel's Window: freeze panes belong to it and act on its active sheet. With
    FreezePanes set True, the rows above SplitRow (from the top row shown) stay in view."""

    _NAMES = ("FreezePanes", "SplitRow", "SplitColumn", "ScrollRow", "ScrollColumn")

    def __init__(self, sheet: Sheet) -> None:
        object.__setattr__(self, "_sheet", sheet)
        object.__setattr__(self, "_state", sheet._window)  # each sheet keeps its own view

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._NAMES:
            raise AttributeError(f"Window has no property {name}")
        sheet = self._sheet
        sheet._com_calls.append((f"ActiveWindow.{name}", value))
        if name == "FreezePanes":
            top = self._state["ScrollRow"] - 1
            sheet._frozen = ((top + self._state["SplitRow"], self._state["SplitColumn"])
                             if value else None)
        else:
            self._state[name] = value


class ComPageSetup:
    """Excel's PageSetup: the properties ar_excel sets, recorded on the sheet in order."""

    _NAMES = ("Orientation", "Zoom", "FitToPagesWide", "FitToPagesTall", "PrintTitleRows",
              "PrintTitleColumns", "Order", "PrintArea", "LeftMargin", "RightMargin", "TopMargin",
              "BottomMargin", "HeaderMargin", "FooterMargin", "CenterHeader", "LeftFooter",
              "CenterFooter", "RightFooter")

    def __init__(self, sheet: Sheet) -> None:
        object.__setattr__(self, "_sheet", sheet)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._NAMES:
            raise AttributeError(f"PageSetup has no property {name}")
        self._sheet._com_calls.append((f"PageSetup.{name}", value))


class ComSheet:
    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet

    @property
    def PageSetup(self) -> ComPageSetup:  # noqa: N802
        return ComPageSetup(self._sheet)

    def Range(self, address: str) -> ComRange:  # noqa: N802
        return ComRange(self._sheet.range(address))

    @property
    def ProtectContents(self) -> bool:  # noqa: N802
        return self._sheet._protection is not None

    def Protect(self, Password: str = "", DrawingObjects: bool = True,  # noqa: N802, N803
                Contents: bool = True, Scenarios: bool = True, **allow: Any) -> None:
        if self._sheet._protection is not None:
            return  # Excel leaves a protected sheet as it is
        self._sheet._protection = {"password": Password, "objects": DrawingObjects,
                                   "contents": Contents, "scenarios": Scenarios, **allow}

    def Unprotect(self, Password: str = "") -> None:  # noqa: N802, N803
        p = self._sheet._protection
        if p is not None and p["password"] and p["password"] != Password:
            raise RuntimeError("The password you supplied is not correct.")
        self._sheet._protection = None


class ComRange:
    def __init__(self, rng: Range) -> None:
        self._range = rng

    def _box(self) -> tuple[int, int, int, int]:
        r = self._range
        return r.row, r.column, r.row + r.shape[0] - 1, r.column + r.shape[1] - 1

    @property
    def Locked(self) -> bool:  # noqa: N802
        return locked(self._range.sheet, self._range.row, self._range.column)

    @Locked.setter
    def Locked(self, value: bool) -> None:  # noqa: N802
        if self._range.sheet._protection is not None:
            raise RuntimeError("Unable to set the Locked property: the sheet is protected")
        self._range.sheet._locks.append((*self._box(), bool(value)))

    @property
    def Value2(self) -> Any:  # noqa: N802 - the cells' doubles (COM: a scalar or rows)
        r = self._range
        rows = tuple(tuple(r.sheet.cells_.get((r.row + i, r.column + j), Cell()).value
                           for j in range(r.shape[1])) for i in range(r.shape[0]))
        return rows[0][0] if r.shape == (1, 1) else rows

    @property
    def Validation(self) -> ComValidation:  # noqa: N802
        return ComValidation(self._range)


class ComValidation:
    def __init__(self, rng: Range) -> None:
        self._range = rng
        self._rule: dict[str, Any] | None = None

    def Delete(self) -> None:  # noqa: N802
        self._range.sheet._validations = [
            v for v in self._range.sheet._validations if v["address"] != self._range.address]

    def Add(self, Type: int, AlertStyle: int = 1, Operator: int = 1,  # noqa: N802, N803
            Formula1: str = "", Formula2: str = "") -> None:
        if any(v["address"] == self._range.address for v in self._range.sheet._validations):
            raise RuntimeError("Application-defined or object-defined error")  # Delete first
        self._rule = {"address": self._range.address, "type": Type, "alert": AlertStyle,
                      "formula1": Formula1, "ignore_blank": True, "in_cell_dropdown": True,
                      "show_error": True}
        self._range.sheet._validations.append(self._rule)

    def __setattr__(self, name: str, value: Any) -> None:
        keys = {"IgnoreBlank": "ignore_blank", "InCellDropdown": "in_cell_dropdown",
                "ShowError": "show_error"}
        if name in keys:
            self._rule[keys[name]] = bool(value)
        else:
            super().__setattr__(name, value)


def locked(sheet: Sheet, row: int, column: int) -> bool:
    """Whether a cell is locked (test helper): Excel's default True, else the last set."""
    state = True
    for r1, c1, r2, c2, value in sheet._locks:
        if r1 <= row <= r2 and c1 <= column <= c2:
            state = value
    return state


def book_from_sheets(sheets: dict[str, list[list[Any]]], name: str = "Book1.xlsm",
                     fullname: str | None = None) -> Book:
    """A fake book holding the given values, each sheet from A1 (test helper)."""
    book = Book(name, fullname)
    last = None
    for sheet_name, rows in sheets.items():
        last = book.sheets.add(sheet_name, after=last)
        if rows:
            width = max(len(r) for r in rows)
            for i, row in enumerate(rows):
                for j, v in enumerate(list(row) + [None] * (width - len(row))):
                    if v is not None and v != "":
                        # values as Excel holds them: what was typed, already parsed
                        last.cells_[(i + 1, j + 1)] = Cell(value=float(v) if isinstance(
                            v, int) and not isinstance(v, bool) else v)
    return book


def book_from_file(path: Any) -> Book:
    """A fake book holding what Excel would show for a saved workbook: each sheet's values
    (formulas by their cached results) and its Excel tables (test helper)."""
    from pathlib import Path

    import openpyxl

    path = Path(path)
    wb = openpyxl.load_workbook(path, data_only=True)
    book = Book(path.name, str(path.resolve()))
    last = None
    for ws in wb.worksheets:
        last = book.sheets.add(ws.title, after=last)
        last.visible = ws.sheet_state == "visible"
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if c.data_type == "e" and v:  # an error cell (a formula's cached #N/A)
                    last.cells_[(c.row, c.column)] = Cell(error=str(v))
                    continue
                if v is None or v == "":
                    if c.has_style and c.number_format != "General":  # formatted, empty
                        last.cells_[(c.row, c.column)] = Cell(number_format=c.number_format)
                    continue
                if isinstance(v, int) and not isinstance(v, bool):
                    v = float(v)
                elif isinstance(v, dt.time):  # Excel's day 0 plus the time
                    v = dt.datetime.combine(dt.date(1899, 12, 30), v)
                elif isinstance(v, dt.date) and not isinstance(v, dt.datetime):
                    v = dt.datetime(v.year, v.month, v.day)
                last.cells_[(c.row, c.column)] = Cell(value=v, number_format=c.number_format)
        last._merges = [(m.min_row, m.min_col, m.max_row, m.max_col)
                        for m in ws.merged_cells.ranges]
        for table in ws.tables.values():
            added = last.tables.add(source=last.range(table.ref), name=table.displayName)
            added._totals = int(table.totalsRowCount or 0)
    return book
