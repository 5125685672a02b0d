"""Whole columns: each column's conventions (decimal comma, day-first) learned from its values, and
``parse_column``, which parses a column with fast paths for cells already numbers or dates, so
only typed text goes through the careful parsers."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.parsing.codes import parse_currency, parse_id, parse_status, parse_text
from ar_excel.parsing.dates import DAY_MONTH_YEAR, parse_date
from ar_excel.parsing.digits import is_blank, normalize_digits
from ar_excel.parsing.numbers import (
    ARABIC_DECIMAL,
    ARABIC_GROUP,
    MAX_AMOUNT,
    arabic_marks,
    parse_int,
    parse_money,
)
from ar_excel.parsing.terms import parse_percent, parse_terms

PARSERS: dict[str, Callable[..., Any]] = {
    "id": parse_id, "text": parse_text, "money": parse_money, "number": parse_money,
    "percent": parse_percent, "terms": parse_terms, "int": parse_int, "status": parse_status,
    "currency": parse_currency,
}


COMMA_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|(?<![\d,.])\d+,\d{1,2}(?![\d,.])")
POINT_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|(?<![\d,.])\d+\.\d{1,2}(?![\d,.])")
_SAMPLE = 5000  # typed values looked at to learn a column's conventions


def decimal_votes(values: Any) -> tuple[int, int]:
    """How many of the typed values show a decimal comma ("1.234,50", "12,5") and how many a
    decimal point ("1,234.50", "12.5", "٣٬٥٠٠٫٥٠"), the first ``_SAMPLE`` that show either."""
    comma = point = 0
    for v in values:
        if type(v) is not str:
            continue
        if "," in v or "." in v:
            t = normalize_digits(v)
        elif ARABIC_DECIMAL in v or ARABIC_GROUP in v:  # the Arabic marks: as they are read
            marked = arabic_marks(v)
            if marked is None:
                continue
            t = marked
        else:
            continue
        comma += bool(COMMA_DECIMAL.search(t))
        point += bool(POINT_DECIMAL.search(t))
        if comma + point >= _SAMPLE:
            break
    return comma, point


def column_decimal_comma(values: Any, default: bool) -> bool:
    """Whether a column's typed numbers use a decimal comma: the policy says so by default,
    but a column whose unambiguous values ("1.234,50", "12,5") all use a comma (or all a
    point) decides for its ambiguous ones ("1.234")."""
    comma, point = decimal_votes(values)
    if comma and not point:
        return True
    if point and not comma:
        return False
    return default


def column_day_first(values: Any, default: bool) -> bool:
    """Whether a column's typed dates put the day first: a column where some date has a first
    part above 12 (31/01/2024) and none a second part above 12 is day first, and the other way
    round month first (01/31/2024); otherwise the policy decides."""
    first_big = second_big = False
    seen = 0
    for v in values:
        if type(v) is str:
            m = DAY_MONTH_YEAR.match(normalize_digits(v).strip())
            if m:
                first_big |= int(m[1]) > 12
                second_big |= int(m[2]) > 12
                seen += 1
                if seen >= _SAMPLE or (first_big and second_big):
                    break
    if first_big != second_big:
        return first_big
    return default


_NONE = type(None)


class ValueTypes:
    """The exact type of each value of a column (``type(v)``), and which types occur: most
    columns hold one type (or one type and blanks), and are then taken whole."""

    __slots__ = ("_blank", "_list", "_types", "present", "values")

    def __init__(self, values: np.ndarray, present: set[type] | None = None) -> None:
        self.values = values
        # (a list is iterated faster than an array; it is kept for the column's other looks:
        # making it touches every value, which costs about as much as a look at them)
        self._list: list[Any] | None = values.tolist() if present is None else None
        self.present = set(map(type, self._list)) if present is None else present  # or more
        self._types: np.ndarray | None = None
        self._blank: np.ndarray | None = None  # ``blank_mask`` of ``values``, once found

    def as_list(self) -> list[Any]:
        """``values.tolist()`` (the same list each time: not to be changed)."""
        if self._list is None:
            self._list = self.values.tolist()
        return self._list

    def mask(self, *kinds: type) -> np.ndarray:
        """Which values are exactly of one of ``kinds``."""
        if self.present <= set(kinds):
            return np.ones(len(self.values), dtype=bool)
        if self.present.isdisjoint(kinds):
            return np.zeros(len(self.values), dtype=bool)
        if self._types is None:
            self._types = np.fromiter(map(type, self.values), dtype=object,
                                      count=len(self.values))
        return of_type(self._types, *kinds)

    def blanks(self) -> np.ndarray:
        """``blank_mask`` of ``values``, found once (the same array each time: not to be
        changed)."""
        if self._blank is None:
            self._blank = _blank_mask(self.values, self)
        return self._blank

    def take(self, keep: np.ndarray) -> ValueTypes:
        """The types of ``values[keep]`` (``present`` may then name a type no longer there)."""
        taken = ValueTypes(self.values[keep], self.present)
        if self._types is not None:
            taken._types = self._types[keep]
        return taken


def of_type(types: np.ndarray, *kinds: type) -> np.ndarray:
    """Mask of the values whose exact type is one of ``kinds`` (``types``: each value's type)."""
    mask = np.zeros(len(types), dtype=bool)
    for kind in kinds:
        boxed = np.empty((), dtype=object)  # the type as a value (numpy would read it as a dtype)
        boxed[()] = kind
        mask |= np.equal(types, boxed)
    return mask


def object_array(values: Any) -> np.ndarray:
    """Values as a 1-d object array holding the very same objects (none read as a sequence)."""
    if isinstance(values, np.ndarray) and values.dtype == object and values.ndim == 1:
        return values
    values = list(values)
    return np.fromiter(values, dtype=object, count=len(values))


def blank_mask(values: np.ndarray, types: ValueTypes | None = None) -> np.ndarray:
    """``is_blank`` of each value of an object array, a whole column at a time: None, NaN and
    text of nothing but spaces are blank. A column's is found once: the report-row rules
    each ask for the blanks of the same columns (each given its own copy)."""
    if types is None:
        types = ValueTypes(values)
    elif types.values is values:
        return types.blanks().copy()
    return _blank_mask(values, types)


def _blank_mask(values: np.ndarray, types: ValueTypes) -> np.ndarray:
    mask = types.mask
    blank = mask(_NONE)
    for t in types.present:
        if t is _NONE:
            continue
        where = mask(t)
        if not where.any():
            continue
        whole = where.all()
        part = values if whole else values[where]
        if t is float:
            blank[where] = np.isnan(part.astype(np.float64))
        elif t is str:
            texts = types.as_list() if whole and types.values is values else part.tolist()
            blank[where] = np.fromiter(map(operator.not_, map(str.strip, texts)), dtype=bool,
                                       count=len(texts))
        elif issubclass(t, float | str):  # numpy floats, str subclasses: one by one
            blank[where] = [is_blank(v) for v in part.tolist()]
    return blank


def _parse_each(values: np.ndarray, positions: np.ndarray, parser: Callable[..., Any],
                decimal_comma: bool, out: np.ndarray, errors: dict[int, str],
                memo: bool) -> None:
    """``parser`` of the non-blank values at ``positions`` into ``out``; a ValueError's
    message into ``errors`` instead. With ``memo`` each distinct (type, value) is parsed once."""
    if memo and len(positions):
        texts = values[positions].tolist()
        if set(map(type, texts)) == {str}:  # typed codes: one lookup each, in C
            parsed = {v: _parse_one(parser, v, decimal_comma) for v in dict.fromkeys(texts)}
            usable = {v: None if isinstance(r, ValueError) else r for v, r in parsed.items()}
            out[positions] = np.fromiter(map(usable.__getitem__, texts), dtype=object,
                                         count=len(texts))
            if any(isinstance(r, ValueError) for r in parsed.values()):
                for i, v in zip(positions.tolist(), texts, strict=True):
                    if isinstance(parsed[v], ValueError):
                        errors[i] = str(parsed[v])
            return
    seen: dict[Any, Any] = {}
    for i in positions.tolist():
        v = values[i]
        if memo:
            key = (type(v), v)
            result = seen.get(key, seen)
            if result is seen:
                result = seen[key] = _parse_one(parser, v, decimal_comma)
            if isinstance(result, ValueError):
                errors[i] = str(result)
            elif result is not None:
                out[i] = result
            continue
        if v is None or v == "" or is_blank(v):
            continue
        try:
            out[i] = parser(v, decimal_comma)
        except ValueError as exc:
            errors[i] = str(exc)


def _parse_one(parser: Callable[..., Any], value: Any, decimal_comma: bool) -> Any:
    """The parsed value, None when blank, or the ValueError saying why it cannot be read."""
    if is_blank(value):
        return None
    try:
        return parser(value, decimal_comma)
    except ValueError as exc:
        return exc


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# The dates a record may carry: from 1900, where Excel's calendar begins (no cell holds an
# earlier date: '1678-01-01' is a typo), to 2261, the last year a frame holds. 1678 to 1899
# were read, and a run as of today failed on their age: 292 years and more of nanoseconds
# overflow (OverflowError in the ledger and every job after it).
_NS_RANGE = (date(1900, 1, 1).toordinal(), date(2261, 12, 31).toordinal())


def date_cells(values: Any, types: ValueTypes | None = None) -> pd.Series | None:
    """A date column holding only date cells (and empty cells), converted in one step: what
    ``parse_column``'s careful path makes of it (the day of each cell, NaT for the empty
    ones), without its per-value work. None when any value needs the careful path."""
    values = object_array(values)
    if types is None:
        types = ValueTypes(values)
    if not types.present <= {date, datetime, str, type(None)}:
        return None
    if str in types.present and not (values[types.mask(str)] == "").all():
        return None  # typed text: the careful parser reads it
    cells = types.mask(date, datetime)
    if datetime in types.present and any(v.tzinfo is not None
                                         for v in values[types.mask(datetime)]):
        return None  # a zone to think about
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    if cells.any():
        days = np.fromiter(map(date.toordinal, values[cells]), dtype=np.int64,
                           count=int(cells.sum()))
        if days.min() < _NS_RANGE[0] or days.max() > _NS_RANGE[1]:
            return None  # beyond what pandas holds: the careful parser says so
        out[cells] = (days - _EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[ns]")
    return pd.Series(out, copy=False)


def _usable_date(day: date, value: Any) -> date:
    """``day``, if a frame can hold it (an ERP's 31/12/9999 "no end date" cannot: it would
    silently become another date)."""
    if not _NS_RANGE[0] <= day.toordinal() <= _NS_RANGE[1]:
        raise ValueError(f"'{value}' is not a usable date (only years 1900 to 2261)")
    return day


def parse_dates(arr: np.ndarray, types: ValueTypes, day_first: bool,
                 errors: dict[int, str]) -> pd.Series:
    """A date column value by value (typed text in ``day_first`` order, serials, cells);
    each value that is no usable date gets its message in ``errors``."""
    mask = types.mask
    out_dt = np.full(len(arr), np.datetime64("NaT"), dtype="datetime64[ns]")
    cells = mask(datetime, date)  # date cells: converted together
    for i in np.flatnonzero(~cells & ~mask(_NONE)).tolist():
        v = arr[i]
        if v == "" or is_blank(v):
            continue
        try:
            out_dt[i] = np.datetime64(_usable_date(parse_date(v, day_first), v), "ns")
        except ValueError as exc:
            errors[i] = str(exc)
    if cells.any():
        where = np.flatnonzero(cells)
        usable = np.ones(len(where), dtype=bool)
        for k, i in enumerate(where.tolist()):
            try:
                _usable_date(arr[i], f"{arr[i]:%Y-%m-%d}")
            except ValueError as exc:
                errors[i] = str(exc)
                usable[k] = False
        if not usable.all():  # the messages in the column's order, as the rows are
            ordered = sorted(errors.items())
            errors.clear()
            errors.update(ordered)
        where = where[usable]
        days = np.array(arr[where].tolist(), dtype="datetime64[ns]").astype("datetime64[D]")
        out_dt[where] = days.astype("datetime64[ns]")
    return pd.Series(out_dt, copy=False)


def parse_column(values: Any, kind: str, *, day_first: bool = True,
                 decimal_comma: bool = False, types: ValueTypes | None = None
                 ) -> tuple[pd.Series, dict[int, str]]:
    """Parse one column of raw cell values. Returns the parsed Series (positional index) and
    {position: message} for the non-blank values that could not be parsed (left empty).

    Values that are already what the column holds (numbers in an amount column, plain
    ASCII keys in a key column) are taken a whole column at a time; every other non-blank
    value goes through its careful parser, so each bad value has its own message.
    ``types`` (``ValueTypes`` of the values) may be passed when known."""
    arr = object_array(values)
    n = len(arr)
    if types is None:
        types = ValueTypes(arr)
    mask = types.mask
    errors: dict[int, str] = {}
    texts = mask(str)
    typed_texts = ((types.as_list() if types.values is arr else arr.tolist()) if texts.all()
                   else arr[texts].tolist()) if texts.any() else []
    if kind in ("money", "number", "percent"):
        decimal_comma = column_decimal_comma(typed_texts, decimal_comma)
    elif kind == "date":
        day_first = column_day_first(typed_texts, day_first)
    if kind in ("money", "number"):
        out = np.full(n, np.nan)
        numbers = mask(float, int)
        if numbers.all():
            out = arr.astype(np.float64)
        elif numbers.any():
            out[numbers] = arr[numbers].astype(np.float64)
        _parse_each(arr, np.flatnonzero(~numbers & ~mask(_NONE)), parse_money, decimal_comma,
                    out, errors, memo=False)
        too_large = np.flatnonzero(np.abs(out) >= MAX_AMOUNT)  # (NaN compares False)
        for i in too_large:
            errors[int(i)] = f"'{_as_typed(arr[i])}' is too large to be an amount"
            out[i] = np.nan
        if len(too_large):  # the messages in the column's order, as the rows are
            errors = dict(sorted(errors.items()))
        return pd.Series(out, dtype="float64", copy=False), errors
    if kind == "date":
        quick = date_cells(arr, types)  # only date cells: one step
        if quick is not None:
            return quick, errors
        return parse_dates(arr, types, day_first, errors), errors
    if kind == "percent":
        return _parse_percents(arr, blank_mask(arr, types), decimal_comma, errors), errors
    parsed = np.full(n, None, dtype=object)
    todo = ~mask(_NONE)
    if kind in ("id", "text") and len(typed_texts):
        # Most keys and names are plain ASCII already: take them as they are.
        plain = [v != "" and v.isascii() and "  " not in v and v.strip() == v for v in typed_texts]
        if texts.all() and all(plain):
            return pd.Series(arr, dtype="object"), errors
        where = np.flatnonzero(texts)[np.array(plain, dtype=bool)]
        parsed[where] = arr[where]
        todo[where] = False
    # few distinct codes: each parsed once
    memo = kind in ("currency", "status", "terms")
    _parse_each(arr, np.flatnonzero(todo), PARSERS[kind], decimal_comma, parsed, errors, memo)
    if kind in ("terms", "int"):
        return pd.Series(parsed, dtype="Int64"), errors
    return pd.Series(parsed, dtype="object", copy=False), errors


def _as_typed(value: Any) -> Any:
    """A value too large to use, as its message shows it: a float in short (1e+15)."""
    return format(value, "g") if isinstance(value, float) else value


def _parse_percents(arr: np.ndarray, blank: np.ndarray, decimal_comma: bool,
                    errors: dict[int, str]) -> pd.Series:
    parsed: list[Any] = [None] * len(arr)
    for i in np.flatnonzero(~blank).tolist():
        try:
            parsed[i] = parse_percent(arr[i], decimal_comma)
        except ValueError as exc:
            errors[i] = str(exc)
            continue
        if abs(parsed[i]) >= MAX_AMOUNT:  # no rate: the billing checks' products overflowed
            errors[i] = f"'{_as_typed(arr[i])}' is too large to be a percentage"
            parsed[i] = None
    series = pd.Series(parsed, dtype="float64")
    typed = [i for i, v in enumerate(arr.tolist()) if isinstance(v, int | float) and not is_blank(v)]
    # A percent-formatted cell arrives as a fraction (0.05 for 5%): when every typed number
    # in the column is a fraction, the column is fractions.
    if typed and all(abs(series.iat[i]) <= 1 for i in typed) and any(series.iat[i] for i in typed):
        series.iloc[typed] = series.iloc[typed] * 100
    return series
