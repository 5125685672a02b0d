"""Whole-column parsing gives exactly what parsing each value one by one gives.

``one_by_one`` below is the per-value column parser the reader used before it took typed
columns a whole column at a time: the reference the fast paths must equal, value for value
(same parsed values of the same types, the same blanks, the same message for the same cell).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.io.reader import Grid, read_table
from ar_excel.parsing import (
    PARSERS,
    blank_mask,
    column_day_first,
    column_decimal_comma,
    is_blank,
    object_array,
    parse_column,
    parse_date,
    parse_money,
)
from ar_excel.policy import Policy

KINDS = ["id", "text", "money", "number", "percent", "date", "terms", "int", "status", "currency"]


def _memoized(parser):
    seen: dict[Any, Any] = {}

    def parse(value, decimal_comma=False):
        key = (type(value), value)
        if key not in seen:
            try:
                seen[key] = parser(value, decimal_comma)
            except ValueError as exc:
                seen[key] = exc
        if isinstance(seen[key], ValueError):
            raise seen[key]
        return seen[key]

    return parse


def one_by_one(values, kind, *, day_first=True, decimal_comma=False):
    """The reference: each value through its careful parser (the earlier ``parse_column``)."""
    errors: dict[int, str] = {}
    n = len(values)
    if kind in ("money", "number", "percent"):
        decimal_comma = column_decimal_comma(values, decimal_comma)
    elif kind == "date":
        day_first = column_day_first(values, day_first)
    if kind in ("money", "number"):
        out = np.full(n, np.nan)
        for i, v in enumerate(values):
            if type(v) is float or type(v) is int:
                out[i] = v
            elif v is None or v == "":
                continue
            elif not is_blank(v):
                try:
                    out[i] = parse_money(v, decimal_comma)
                except ValueError as exc:
                    errors[i] = str(exc)
            if abs(out[i]) >= 1e15:  # no amount: an ID or serial pasted in the column
                shown = format(v, "g") if type(v) is float else v
                errors[i] = f"'{shown}' is too large to be an amount"
                out[i] = np.nan
        return pd.Series(out, dtype="float64"), errors
    if kind == "date":
        out_dt = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        cells, cell_pos = [], []

        def outside(day) -> bool:  # beyond the years a frame holds: reported, never wrapped
            return not date(1900, 1, 1) <= date(day.year, day.month, day.day) <= date(2261, 12, 31)

        for i, v in enumerate(values):
            if type(v) is datetime or type(v) is date:
                if outside(v):
                    errors[i] = f"'{v:%Y-%m-%d}' is not a usable date (only years 1900 to 2261)"
                    continue
                cells.append(v)
                cell_pos.append(i)
                continue
            if v is None or v == "" or is_blank(v):
                continue
            try:
                day = parse_date(v, day_first)
                if outside(day):
                    raise ValueError(f"'{v}' is not a usable date (only years 1900 to 2261)")
                out_dt[i] = np.datetime64(day, "ns")
            except ValueError as exc:
                errors[i] = str(exc)
        if cells:
            days = np.array(cells, dtype="datetime64[ns]").astype("datetime64[D]")
            out_dt[cell_pos] = days.astype("datetime64[ns]")
        return pd.Series(out_dt), errors
    parser = PARSERS[kind]
    if kind in ("currency", "status", "terms"):
        parser = _memoized(parser)
    parsed: list[Any] = [None] * n
    plain_text = kind in ("id", "text")
    for i, v in enumerate(values):
        if v is None or v == "":
            continue
        if plain_text and type(v) is str and v.isascii() and "  " not in v and v.strip() == v:
            parsed[i] = v
            continue
        if is_blank(v):
            continue
        try:
            parsed[i] = parser(v, decimal_comma)
        except ValueError as exc:
            errors[i] = str(exc)
            continue
        if kind == "percent" and abs(parsed[i]) >= 1e15:  # no rate
            shown = format(v, "g") if type(v) is float else v
            errors[i] = f"'{shown}' is too large to be a percentage"
            parsed[i] = None
    if kind == "percent":
        series = pd.Series(parsed, dtype="float64")
        typed = [i for i, v in enumerate(values) if isinstance(v, int | float) and not is_blank(v)]
        if typed and all(abs(series.iat[i]) <= 1 for i in typed) and any(series.iat[i] for i in typed):
            series.iloc[typed] = series.iloc[typed] * 100
        return series, errors
    if kind in ("terms", "int"):
        return pd.Series(parsed, dtype="Int64"), errors
    return pd.Series(parsed, dtype="object"), errors


TEXTS = ["", " ", "  \t", "\u00a0", "C1001", " C1001", "C1001 ", "C  1001", "c1001", "1001", "١٠٠١",
         "INV-2024-0001", "Cairo Trading", "شركة الدلتا", "50,000", "1,234.56", "1.234,56",
         "12,5", "(12.50)", "EGP 1,200", "1,200.50 ج.م", "abc", "TRUE", "5%", "٥٪", "0.05",
         "Net 30", "30 days", "COD", "نقدي", "Active", "on hold", "موقوف", "Closed", "bogus",
         "USD", "usd", "$", "ج.م", "31/01/2024", "01/31/2024", "2024-01-31", "15-Jan-2024",
         "Jan 15, 2024", "20240115", "45000", "32/13/2024", "1.2.3", "1,2,3", "12.50-",
         "1.234", "1,234", "-", "x\x00y", "\x1c", "line\nbreak"]
VALUES = st.one_of(
    st.none(), st.sampled_from(TEXTS), st.text(max_size=6),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -0.0, 30.0, 0.05, 1e6]),
    st.integers(-10**6, 10**6), st.booleans(),
    st.dates(date(1500, 1, 1), date(2300, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
    st.sampled_from([datetime(2024, 1, 2, 3, 4, tzinfo=UTC), time(10, 30), timedelta(days=2),
                     np.float64("nan"), np.float64(2.5)]),
)


def _same(got: pd.Series, want: pd.Series) -> None:
    pd.testing.assert_series_equal(got, want, check_exact=True)
    if want.dtype == object:
        assert [type(v) for v in got] == [type(v) for v in want]


@pytest.mark.filterwarnings("ignore:no explicit representation of timezones")  # zoned cells
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(VALUES, max_size=12), st.sampled_from(KINDS), st.booleans(), st.booleans())
def test_parse_column_equals_parsing_one_by_one(values, kind, day_first, decimal_comma):
    try:
        want = one_by_one(values, kind, day_first=day_first, decimal_comma=decimal_comma)
    except Exception as exc:  # the reference itself fails (e.g. a date numpy cannot hold)
        with pytest.raises(type(exc)):
            parse_column(values, kind, day_first=day_first, decimal_comma=decimal_comma)
        return
    got = parse_column(values, kind, day_first=day_first, decimal_comma=decimal_comma)
    _same(got[0], want[0])
    assert got[1] == want[1]
    assert list(got[1]) == list(want[1])  # messages in cell order


@given(st.lists(VALUES, max_size=20))
def test_blank_mask_is_is_blank_of_each(values):
    assert blank_mask(object_array(values)).tolist() == [is_blank(v) for v in values]


@pytest.mark.parametrize("kind", KINDS)
def test_typed_columns_at_scale(kind):
    """Long uniform columns (the fast paths) with a few messy cells among them."""
    rng = np.random.default_rng(7)
    base = {
        "id": [f"C{i}" for i in range(3000)], "text": [f"Name {i}" for i in range(3000)],
        "money": rng.normal(1000, 500, 3000).round(2).tolist(),
        "number": list(range(3000)), "percent": [0.05] * 3000,
        "date": [date(2024, 1, 1) + timedelta(days=i % 400) for i in range(3000)],
        "terms": [30.0] * 3000, "int": [1.0] * 3000, "status": ["Active"] * 3000,
        "currency": ["EGP"] * 3000,
    }[kind]
    values = list(base)
    for i, messy in zip(range(5, 3000, 97), TEXTS * 3, strict=False):
        values[i] = messy
    values[10] = None
    got = parse_column(values, kind)
    want = one_by_one(values, kind)
    _same(got[0], want[0])
    assert got[1] == want[1]


def test_read_table_keeps_rows_and_messages():
    rows = [["Customer ID", "Name", "Credit Limit", "Next Credit Review", "Notes"],
            ["C1", "Delta", 1000.0, date(2025, 1, 1), ""],
            [None, "  ", "", None, "   "],  # a blank row: no record
            ["C2", "Nile", "abc", "31/02/2025", "x"],
            [" C3 ", "شركة", "1.234,5", datetime(2025, 2, 1, 13, 0), None]]
    table, issues = read_table(Grid("Customers", rows), "Customers", Policy())
    assert table.frame["_row"].tolist() == [2, 4, 5]
    assert table.frame["Customer ID"].tolist() == ["C1", "C2", "C3"]
    assert table.frame["Notes"].tolist() == [None, "x", None]
    assert [(i.cell, i.value) for i in issues] == [("C4", "abc"), ("D4", "31/02/2025")]
