"""The statement table read column by column, and the cell values as the lines carry them.

A statement export is a table of text (CSV) or typed cells (XLSX): each column is read once,
text stripped, a short row's missing cells blank; a value repeated down a column (a currency
code, a transaction type) is worked out once. Reference cells holding what exports write where
there is no reference (``NOTPROVIDED``, ``NONREF``, ``N/A``, zeros) carry none; a cheque number
read from a number cell is its digits (``1001``, not ``1001.0``).
"""

from __future__ import annotations

import operator
import re
from itertools import zip_longest
from typing import Any

import numpy as np

from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.parsing import is_blank, parse_currency

# what exports write in a reference column that has none
_NO_REFERENCE = {"NOTPROVIDED", "NOT PROVIDED", "NONREF", "NONE", "N/A", "-"}


def cell_at(row: list[Any], idx: int | None) -> Any:
    if idx is None or idx >= len(row):
        return None
    v = row[idx]
    return v.strip() if isinstance(v, str) else v


def is_constant(column: list[Any], blank: np.ndarray) -> bool:
    """Whether a column repeats one text on the rows that fill it (or is empty); a text on
    one row only is no repetition."""
    filled = [str(v) for v, b in zip(column, blank, strict=True) if not b]
    return len(column) > 1 and len(set(filled)) <= 1 and len(filled) != 1


class ColumnCells:
    """The data rows read column by column: each cell as the importer reads it (text stripped;
    None where a short row has no such cell) and which cells are blank."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.count = len(rows)
        self.raw = list(zip_longest(*rows)) if rows else []
        self.width = len(self.raw)
        self._cells: dict[int, list[Any]] = {}
        self._blank: dict[int, np.ndarray] = {}

    def cells(self, idx: int | None) -> list[Any]:
        if idx is None or idx >= self.width:
            return [None] * self.count
        if idx not in self._cells:
            column = self.raw[idx]
            if set(map(type, column)) == {str}:  # a CSV's cells: all text
                self._cells[idx] = list(map(str.strip, column))
            else:
                self._cells[idx] = [v.strip() if isinstance(v, str) else v for v in column]
        return self._cells[idx]

    def replace(self, idx: int, cells: list[Any]) -> None:
        """Put read values in place of a column's cells (Hijri dates made Gregorian)."""
        self._cells[idx] = cells
        self._blank.pop(idx, None)

    def blank(self, idx: int | None) -> np.ndarray:
        if idx is None or idx >= self.width:
            return np.ones(self.count, dtype=bool)
        if idx not in self._blank:
            cells = self.cells(idx)
            if set(map(type, cells)) == {str}:
                self._blank[idx] = np.fromiter(map(operator.not_, cells), dtype=bool,
                                               count=len(cells))
            else:
                self._blank[idx] = np.array(
                    [not v if isinstance(v, str) else (v is None or (isinstance(v, float) and v != v))
                     for v in cells], dtype=bool)
        return self._blank[idx]


def per_value(values: list[Any], fn: Any) -> list[Any]:
    """``fn`` of each value, computed once per distinct value (statements repeat codes)."""
    if set(map(type, values)) == {str}:  # text cells: the value is its own key
        table = {v: fn(v) for v in dict.fromkeys(values)}
        return list(map(table.__getitem__, values))
    done: dict[tuple[type, Any], Any] = {}
    out = []
    for v in values:
        key = (type(v), v)
        if key not in done:
            done[key] = fn(v)
        out.append(done[key])
    return out


def row_key(row: list[Any]) -> tuple[str, ...]:
    """A row's filled cells as text, to recognise the same row printed again."""
    return tuple(str(c).strip() for c in row if not is_blank(c))


def filled_width(row: list[Any]) -> int:
    """How many columns ``row`` fills up to its last filled cell (0 for a blank row): blank
    cells after it, as a conversion pads a row, do not count."""
    return max((i + 1 for i, c in enumerate(row) if not is_blank(c)), default=0)


# a screen of a whole column at once for a cell that is one of them (or zeros)
_PLACEHOLDER_CELL = re.compile(
    r"\0(?:" + "|".join(map(re.escape, sorted(_NO_REFERENCE))) + r"|0+)(?=\0)", re.I)


def real_references(values: list[str | None]) -> list[str | None]:
    """Reference cells, without the placeholders exports write where there is none
    (NOTPROVIDED, NONREF, N/A, a cheque number of zeros)."""
    if not _PLACEHOLDER_CELL.search("\0" + "\0".join(v or "" for v in values) + "\0"):
        return values  # most statements: one look at the whole column
    dropped = {v for v in set(values) if v is not None and (
        v.upper() in _NO_REFERENCE or not v.strip("0"))}
    return [None if v in dropped else v for v in values]


def _text(value: Any) -> str | None:
    if is_blank(value):
        return None
    return cell_text(value)


def cell_text(value: Any) -> str:
    """A cell as the words it shows: a whole number typed in a number cell (a cheque number, a
    narrative Excel took for a number: 1234567890123) without the '.0' of its float."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def cell_texts(values: list[Any]) -> list[str | None]:
    """``_text`` of each (stripped) cell; most are plain non-empty strings."""
    if values and set(map(type, values)) == {str}:  # stripped text: empty is blank
        return [v or None for v in values]
    return [v if type(v) is str and v else None if v is None else _text(v) for v in values]


# ISO 4217 numeric codes, as core banking exports write the currency ("784" for AED): those of
# the region's accounts and of the currencies they are paid in
_NUMERIC_CURRENCIES = {
    "784": "AED", "682": "SAR", "818": "EGP", "414": "KWD", "048": "BHD", "512": "OMR",
    "634": "QAR", "400": "JOD", "422": "LBP", "368": "IQD", "434": "LYD", "788": "TND",
    "504": "MAD", "012": "DZD", "938": "SDG", "886": "YER", "760": "SYP", "840": "USD",
    "978": "EUR", "826": "GBP", "756": "CHF", "392": "JPY", "156": "CNY", "356": "INR",
    "586": "PKR", "949": "TRY", "360": "IDR", "124": "CAD", "036": "AUD", "752": "SEK",
}


def currency_code(value: Any) -> str | None:
    """A currency cell as its ISO code; a numeric ISO code (``784``, ``048``, or the number
    ``784`` of a typed cell) as the letters."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = f"{int(value):03d}"
    if isinstance(value, str) and value.strip() in _NUMERIC_CURRENCIES:
        return _NUMERIC_CURRENCIES[value.strip()]
    code = parse_currency(value)
    # a word that names no one currency ("Dirham": the UAE's or Morocco's, "Riyal") is none,
    # not a currency 'DIRHAM' no invoice is in: the line takes the statement's
    return code if code in ISO_4217 else None
