"""Formulas saved without their values: a workbook written by a program, not by Excel.

Excel saves each formula's result beside it, and that is what the cell reader gives. A workbook
written by a script or an export tool (openpyxl, many ERPs' "export with formulas") holds the
formulas alone until someone opens and saves it in Excel: every such cell reads blank, and an
invoice whose Amount is ``=E2*F2`` would be "Amount is required but blank".

Such cells are found in the sheet's XML (a ``<f>`` without a ``<v>``; only in a workbook
without Excel's calculation chain, which Excel writes whenever it saves formulas) and worked
out from their formulas where these are plain arithmetic on cells and numbers: + - * / ^ %,
&, comparisons, and SUM, ROUND, MIN, MAX, ABS, AVERAGE, IF, DATE over cells of the workbook
(dates count as Excel day numbers, so ``=C2+30`` is a due date). The formula is tokenised by openpyxl's tokenizer and
evaluated here, never by ``eval``: a workbook's text must not run as code. One Input Issue
per sheet says the values were worked out; a formula using anything else is an Input Issue at
its cell telling the clerk to open and save the workbook in Excel, and its cell stays blank.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defusedxml import DefusedXmlException, ElementTree
from openpyxl.formula import Tokenizer
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from ar_excel.io.grid import Grid
from ar_excel.io.safety import sheet_parts

if TYPE_CHECKING:
    from ar_excel.model import Book, Issue

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CALC_CHAIN = "xl/calcChain.xml"
_FORMULA_MARKS = (b"<f>", b"<f ")
SCAN_BYTES = 32 << 20  # larger sheets are ERP exports of values: not looked into
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (1900 date system, as openpyxl writes)
_MAX_RANGE_CELLS = 1_000_000
_MAX_DEPTH = 200  # formulas referring to formulas, chained; beyond: not worked out
_FUNCTIONS = ("SUM", "MIN", "MAX", "AVERAGE", "ROUND", "ABS", "IF", "DATE")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<": lambda a, b: a < b,
    ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


class NotWorkedOut(Exception):
    """A formula outside the arithmetic worked out here (its reason in the message)."""


def uncalculated_formulas(path: Path, sheets: list[str]) -> dict[str, dict[str, str]]:
    """Sheet -> {cell: formula} of the formula cells saved without a value, in the sheets
    asked for of an .xlsx/.xlsm written without Excel's calculation chain."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    found: dict[str, dict[str, str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {i.filename: i.file_size for i in archive.infolist()}
            if _CALC_CHAIN in sizes:
                return {}  # saved by Excel: every formula has its value
            parts = sheet_parts(archive)
            for sheet in sheets:
                part = parts.get(sheet)
                if part is None or sizes.get(part, SCAN_BYTES + 1) > SCAN_BYTES:
                    continue
                data = archive.read(part)
                if not any(mark in data for mark in _FORMULA_MARKS):
                    continue
                cells = _formula_cells_without_value(data)
                if cells:
                    found[sheet] = cells
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, EOFError,
            DefusedXmlException, LookupError, ValueError):
        return found
    return found


def _formula_cells_without_value(data: bytes) -> dict[str, str]:
    cells: dict[str, str] = {}
    for cell in ElementTree.fromstring(data).iter(f"{_NS}c"):
        formula = cell.find(f"{_NS}f")
        if formula is None or not (formula.text or "").strip() or not cell.get("r"):
            continue
        value = cell.find(f"{_NS}v")
        if value is None or value.text is None:
            cells[cell.get("r")] = "=" + formula.text.strip()
    return cells


@dataclass
class _Value:
    number: float | str | bool | None
    is_date: bool = False


CellValue = Callable[[str, int, int], Any]  # (sheet, 0-based row, 0-based column) -> value


def _to_value(raw: Any) -> _Value:
    if isinstance(raw, datetime):
        return _Value((raw - _EPOCH) / timedelta(days=1), True)
    if hasattr(raw, "year") and hasattr(raw, "toordinal"):  # a date
        return _Value(float(raw.toordinal() - _EPOCH.toordinal()), True)
    if isinstance(raw, bool) or raw is None or isinstance(raw, str):
        return _Value(raw)
    if isinstance(raw, int | float):
        return _Value(float(raw))
    return _Value(str(raw))


def _number(v: _Value) -> float:
    if v.number is None or v.number == "":
        return 0.0  # a blank cell counts 0, as in Excel
    if isinstance(v.number, bool):
        return float(v.number)
    if isinstance(v.number, str):
        try:
            return float(v.number.replace(",", ""))
        except ValueError:
            raise NotWorkedOut(f"it counts with the text '{v.number}'") from None
    return float(v.number)


class Evaluator:
    """Works out formula cells of a workbook from the values of the cells they name."""

    def __init__(self, formulas: dict[str, dict[str, str]], cell_value: CellValue) -> None:
        self.formulas = formulas
        self.cell_value = cell_value
        self.done: dict[tuple[str, str], _Value] = {}
        self.busy: set[tuple[str, str]] = set()

    def value(self, sheet: str, cell: str) -> Any:
        """The cell's worked-out value (a float, a datetime for a date, text), or raise
        ``NotWorkedOut``."""
        v = self._cell(sheet, cell)
        if v.is_date and isinstance(v.number, float):
            return _EPOCH + timedelta(days=v.number)
        return v.number

    def _cell(self, sheet: str, cell: str) -> _Value:
        key = (sheet, cell.replace("$", "").upper())
        if key in self.done:
            return self.done[key]
        formula = self.formulas.get(sheet, {}).get(key[1])
        if formula is None:
            col, row = re.fullmatch(r"([A-Z]+)(\d+)", key[1]).groups()
            return _to_value(self.cell_value(sheet, int(row) - 1,
                                             column_index_from_string(col) - 1))
        if key in self.busy or len(self.busy) > _MAX_DEPTH:
            raise NotWorkedOut("it refers to itself")
        self.busy.add(key)
        try:
            value = _Formula(formula, sheet, self).evaluate()
        finally:
            self.busy.discard(key)
        self.done[key] = value
        return value

    def range_values(self, sheet: str, ref: str) -> list[_Value]:
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
        if None in (min_col, min_row, max_col, max_row) or \
                (max_col - min_col + 1) * (max_row - min_row + 1) > _MAX_RANGE_CELLS:
            raise NotWorkedOut("it names whole rows or columns")
        from openpyxl.utils.cell import get_column_letter

        return [self._cell(sheet, f"{get_column_letter(c)}{r}")
                for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def _round(x: float, digits: float) -> float:
    factor = 10 ** int(digits)
    return math.copysign(math.floor(abs(x) * factor + 0.5 + 1e-9), x) / factor


def _aggregate(name: str, values: list[_Value]) -> _Value:
    numbers = [_number(v) for v in values
               if isinstance(v.number, int | float) and not isinstance(v.number, bool)]
    if name == "SUM":
        return _Value(math.fsum(numbers))
    if not numbers:
        return _Value(0.0)
    dated = all(v.is_date for v in values if isinstance(v.number, float))
    if name == "MIN":
        return _Value(min(numbers), dated)
    if name == "MAX":
        return _Value(max(numbers), dated)
    return _Value(math.fsum(numbers) / len(numbers))  # AVERAGE


class _Formula:
    """One formula's tokens, read by precedence (Excel's: unary minus, %, ^, * /, + -, &)."""

    def __init__(self, formula: str, sheet: str, evaluator: Evaluator) -> None:
        try:
            items = Tokenizer(formula).items
        except Exception as exc:  # noqa: BLE001 - the tokenizer raises plain errors
            raise NotWorkedOut(f"it cannot be read ({exc})") from None
        self.tokens = [t for t in items if t.type != "WHITE-SPACE"]
        self.pos = 0
        self.sheet = sheet
        self.evaluator = evaluator

    def evaluate(self) -> _Value:
        value = self._compare()
        if self.pos != len(self.tokens):
            raise NotWorkedOut(f"it uses '{self.tokens[self.pos].value}', which is not worked out here")
        if isinstance(value, list):
            raise NotWorkedOut("it gives a range, not one value")
        return value

    def _peek(self) -> Any:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _infix(self, ops: tuple[str, ...]) -> str | None:
        t = self._peek()
        if t is not None and t.type == "OPERATOR-INFIX" and t.value in ops:
            self.pos += 1
            return t.value
        return None

    def _compare(self) -> Any:
        left = self._concat()
        while (op := self._infix(tuple(_COMPARE))) is not None:
            right = self._concat()
            a, b = (left.number, right.number) if isinstance(left.number, str) or isinstance(
                right.number, str) else (_number(left), _number(right))
            if isinstance(a, str) != isinstance(b, str):
                raise NotWorkedOut("it compares text with a number")
            if isinstance(a, str):
                a, b = a.lower(), b.lower()  # Excel compares text without case
            left = _Value(_COMPARE[op](a, b))
        return left

    def _concat(self) -> Any:
        left = self._sum()
        while self._infix(("&",)):
            right = self._sum()
            left = _Value(_text(left) + _text(right))
        return left

    def _sum(self) -> Any:
        left = self._product()
        while (op := self._infix(("+", "-"))) is not None:
            right = self._product()
            a, b = _number(left), _number(right)
            if op == "+":
                left = _Value(a + b, left.is_date != right.is_date)
            else:  # a date less days is a date; a date less a date is days
                left = _Value(a - b, left.is_date and not right.is_date)
        return left

    def _product(self) -> Any:
        left = self._power()
        while (op := self._infix(("*", "/"))) is not None:
            right = self._power()
            a, b = _number(left), _number(right)
            if op == "/" and b == 0:
                raise NotWorkedOut("it divides by zero (#DIV/0!)")
            left = _Value(a * b if op == "*" else a / b)
        return left

    def _power(self) -> Any:
        left = self._unary()
        while self._infix(("^",)):
            left = _Value(_number(left) ** _number(self._unary()))
        return left

    def _unary(self) -> Any:
        t = self._peek()
        if t is not None and t.type == "OPERATOR-PREFIX":
            self.pos += 1
            value = self._unary()
            return _Value(-_number(value) if t.value == "-" else _number(value))
        value = self._primary()
        while (t := self._peek()) is not None and t.type == "OPERATOR-POSTFIX":
            self.pos += 1
            value = _Value(_number(value) / 100)
        return value

    def _primary(self) -> Any:
        t = self._peek()
        if t is None:
            raise NotWorkedOut("it ends too early")
        self.pos += 1
        if t.type == "OPERAND":
            if t.subtype == "NUMBER":
                return _Value(float(t.value))
            if t.subtype == "TEXT":
                return _Value(t.value[1:-1].replace('""', '"'))
            if t.subtype == "LOGICAL":
                return _Value(t.value.upper() == "TRUE")
            if t.subtype == "RANGE":
                return self._reference(t.value)
            raise NotWorkedOut(f"it uses '{t.value}', which is not worked out here")
        if t.type == "PAREN" and t.subtype == "OPEN":
            value = self._compare()
            self._expect("PAREN", ")")
            return value
        if t.type == "FUNC" and t.subtype == "OPEN":
            name = t.value[:-1].upper().removeprefix("_XLFN.")
            if name not in _FUNCTIONS:
                raise NotWorkedOut(f"it uses {name}, which is not worked out here")
            return self._function(name)
        raise NotWorkedOut(f"it uses '{t.value}', which is not worked out here")

    def _expect(self, kind: str, value: str) -> None:
        t = self._peek()
        if t is None or t.type != kind or t.value != value:
            raise NotWorkedOut("its brackets do not close")
        self.pos += 1

    def _reference(self, ref: str) -> Any:
        sheet = self.sheet
        if "!" in ref:
            sheet, ref = ref.rsplit("!", 1)
            sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        if re.fullmatch(r"\$?[A-Za-z]{1,3}\$?\d+", ref):
            return self.evaluator._cell(sheet, ref)
        if re.fullmatch(r"\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+", ref):
            return self.evaluator.range_values(sheet, ref)
        raise NotWorkedOut(f"it names '{ref}', which is not worked out here")

    def _function(self, name: str) -> _Value:
        args: list[Any] = []
        if (t := self._peek()) is not None and t.type == "FUNC" and t.subtype == "CLOSE":
            self.pos += 1
        else:
            while True:
                args.append(self._compare())
                t = self._peek()
                if t is not None and t.type == "SEP" and t.subtype == "ARG":
                    self.pos += 1
                    continue
                if t is not None and t.type == "FUNC" and t.subtype == "CLOSE":
                    self.pos += 1
                    break
                raise NotWorkedOut("its brackets do not close")
        flat = [v for a in args for v in (a if isinstance(a, list) else [a])]
        if name in ("SUM", "MIN", "MAX", "AVERAGE"):
            return _aggregate(name, flat)
        if any(isinstance(a, list) for a in args):
            raise NotWorkedOut(f"it uses {name} of a range, which is not worked out here")
        if name == "ROUND" and len(args) == 2:
            return _Value(_round(_number(args[0]), _number(args[1])), args[0].is_date)
        if name == "ABS" and len(args) == 1:
            return _Value(abs(_number(args[0])))
        if name == "IF" and len(args) in (2, 3):
            chosen = args[1] if _truth(args[0]) else (args[2] if len(args) == 3 else _Value(False))
            return chosen
        if name == "DATE" and len(args) == 3:
            y, m, d = (int(_number(a)) for a in args)
            first = datetime(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)
            return _Value((first - _EPOCH) / timedelta(days=1) + d - 1, True)
        raise NotWorkedOut(f"it uses {name}, which is not worked out here")


def _truth(v: Any) -> bool:
    if isinstance(v, list):
        raise NotWorkedOut("it tests a range")
    if isinstance(v.number, str):
        raise NotWorkedOut(f"it tests the text '{v.number}'")
    return bool(_number(v))


def _text(v: Any) -> str:
    if isinstance(v, list):
        raise NotWorkedOut("it joins a range")
    if v.number is None:
        return ""
    if isinstance(v.number, float):
        return f"{v.number:g}" if not v.number.is_integer() else str(int(v.number))
    return str(v.number)


def _grids_of(grids: list[Grid], sheet: str) -> list[Grid]:
    """The grids holding a sheet's cells: the sheet's own, and its Excel tables'."""
    return [g for g in grids if (g.header is None and g.name == sheet) or
            (g.header is not None and g.sheet == sheet)]


def _sheet_value(grids: list[Grid]) -> CellValue:
    def value(sheet: str, row: int, col: int) -> Any:
        own = [g for g in _grids_of(grids, sheet) if g.header is None]
        if not own:
            raise NotWorkedOut(f"it names the sheet '{sheet}', which is not read")
        g = own[0]
        r, c = row - g.top, col - g.left
        if 0 <= r < len(g.rows) and 0 <= c < len(g.rows[r]):
            return g.rows[r][c]
        return None

    return value


def _put(grids: list[Grid], sheet: str, cell: str, value: Any) -> None:
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
    r0, c0 = int(row) - 1, column_index_from_string(col) - 1
    for g in _grids_of(grids, sheet):
        r, c = r0 - g.top, c0 - g.left
        if r < 0 or c < 0 or (g.header is not None and (r >= len(g.rows) or c >= len(g.header))):
            continue
        while len(g.rows) <= r:
            g.rows.append([None] * (len(g.rows[0]) if g.rows else c + 1))
        line = g.rows[r]
        if len(line) <= c:
            line.extend([None] * (c + 1 - len(line)))
        line[c] = value


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return f"'{value}'"


@dataclass
class Filled:
    """What ``fill_uncalculated`` did: the Input Issues to tell, and the cells it could not
    work out (sheet -> {cell: (formula, why)})."""

    notes: list[Issue]
    failed: dict[str, dict[str, tuple[str, str]]]


def fill_uncalculated(grids: list[Grid], formulas: dict[str, dict[str, str]]) -> Filled:
    """Put the worked-out value of each formula saved without one into the grids."""
    from ar_excel.model import Issue

    evaluator = Evaluator(formulas, _sheet_value(grids))
    notes: list[Issue] = []
    failed: dict[str, dict[str, tuple[str, str]]] = {}
    worked: dict[str, list[tuple[str, str, Any]]] = {}
    for sheet, cells in formulas.items():
        for cell, formula in cells.items():
            try:
                value = evaluator.value(sheet, cell)
            except NotWorkedOut as why:
                failed.setdefault(sheet, {})[cell] = (formula, str(why))
                continue
            worked.setdefault(sheet, []).append((cell, formula, value))
    for sheet, cells in worked.items():
        for cell, _, value in cells:
            _put(grids, sheet, cell, value)
        cell, formula, value = cells[0]
        notes.append(Issue(
            sheet, cell, "", len(cells),
            f"{len(cells)} formula cell(s) were saved without their values (the file was "
            f"written by a program, not saved by Excel): their values were worked out from "
            f"their formulas (e.g. {cell} {formula} = {_shown(value)})"))
    return Filled(notes, failed)


def tell_uncalculated(book: Book, failed: dict[str, dict[str, tuple[str, str]]]) -> None:
    """The book's issues told about the formula cells that could not be worked out: where the
    reader says a required cell is blank, it says why; a formula cell of another read column
    gets an issue of its own."""
    from ar_excel.model import ROW, Issue

    if not failed:
        return
    tables = {t.sheet: t for t in book.tables.values()}
    told: set[tuple[str, str]] = set()
    out = []
    for issue in book.issues:
        formula_why = failed.get(issue.sheet, {}).get(issue.cell)
        if formula_why is not None and issue.message.endswith("is required but blank"):
            issue = Issue(issue.sheet, issue.cell, issue.column, formula_why[0],
                          _cannot(issue.column, *formula_why, "so the row cannot be used"))
            told.add((issue.sheet, issue.cell))
        out.append(issue)
    for sheet, cells in failed.items():
        table = tables.get(sheet)
        if table is None:
            continue
        by_letter = {letter: table.headers.get(c, c) for c, letter in table.letters.items()}
        rows = set(table.frame[ROW].tolist())  # a totals row left out is not told again
        for cell, (formula, why) in cells.items():
            letter = cell.rstrip("0123456789")
            if (sheet, cell) in told or letter not in by_letter or \
                    int(cell[len(letter):]) not in rows:
                continue
            out.append(Issue(sheet, cell, by_letter[letter], formula,
                             _cannot(by_letter[letter], formula, why, "so it is read as blank")))
    book.issues = out


def _cannot(column: str, formula: str, why: str, so: str) -> str:
    return (f"{column} holds the formula {formula} with no saved value (the file was written "
            f"by a program, not saved by Excel) and {why}, {so}: open the workbook in Excel, "
            "save it and run again")
