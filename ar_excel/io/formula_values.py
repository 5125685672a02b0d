"""Excel formulas worked out without Excel: plain arithmetic on cells and numbers.

For a workbook saved without its formulas' values (``io.uncalculated``): + - * / ^ %, &,
comparisons, and SUM, ROUND, MIN, MAX, ABS, AVERAGE, IF, DATE over cells of the workbook,
with Excel's precedence (unary minus, %, ^, * /, + -, &, comparisons) and its rules (a blank
cell counts 0; dates are day numbers from 1899-12-30, so ``=C2+30`` is a date; ROUND rounds
half away from zero). The formula is tokenised by openpyxl's tokenizer and evaluated here,
never by ``eval``: a workbook's text must not run as code. Anything else raises
``NotWorkedOut`` with the reason, worded for the clerk ("it uses VLOOKUP, ...").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (1900 date system, as openpyxl writes)
_MAX_RANGE_CELLS = 1_000_000
_MAX_DEPTH = 200  # formulas referring to formulas, chained; beyond: not worked out
_FUNCTIONS = ("SUM", "MIN", "MAX", "AVERAGE", "ROUND", "ABS", "IF", "DATE")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<": lambda a, b: a < b,
    ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


class NotWorkedOut(Exception):
    """A formula outside the arithmetic worked out here (its reason in the message)."""


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
