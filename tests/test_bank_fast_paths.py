"""The statement importer's whole-column paths give exactly what reading each cell one by
one gives: the same amounts, dates, texts and the same message for the same bad cell."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.bank import _starts_a_line
from ar_excel.bank.dialect import first_lines as _first_lines
from ar_excel.bank.numbers import parse_amount, parse_amount_column, parse_date, parse_date_column
from ar_excel.bank.statement import clean_text, clean_texts

AMOUNTS = ["", " ", "1,234.56", "1.234,56", "1234", "-12.50", "12.50-", "(12.50)", "1 234,56",
           "$1,036.47", "12.50 CR", "12.50 DR", "١٢٣٫٤٥", "1,2,3", "1.2.3", "abc", "-", "--",
           "0,125", "1000,", "1'234.56", "€ 12,00", "12,5", "1.234", "1,234", "007", "-0"]
DATES = ["", "01/02/2024", "13/02/2024", "02/13/2024", "2024-02-01", "01.02.24", "20240201",
         "01-Feb-2024", "31/02/2024", "not a date", "1/2/24 10:30", "٠١/٠٢/٢٠٢٤", "45000"]


def amounts_one_by_one(values, decimal):
    out, errors = np.full(len(values), np.nan), {}
    for i, v in enumerate(values):
        try:
            parsed = parse_amount(v, decimal)
        except ValueError as exc:
            errors[i] = str(exc)
            continue
        if parsed is not None:
            out[i] = parsed
    return out, errors


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(AMOUNTS), st.from_regex(r"-?[0-9]{1,7}([.,][0-9]{1,3})*",
                                                                   fullmatch=True)),
                max_size=15),
       st.sampled_from([".", ","]), st.booleans())
def test_amount_column_equals_each_amount(values, decimal, with_others):
    if with_others:
        values = [*values, None, 12.5, 7, float("nan")]
    got, got_errors = parse_amount_column(values, decimal)
    want, want_errors = amounts_one_by_one(values, decimal)
    np.testing.assert_array_equal(got, want)
    assert got_errors == want_errors


def dates_one_by_one(values, day_first, fmt):
    n = len(values)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    blank, errors = np.zeros(n, dtype=bool), {}
    for i, v in enumerate(values):
        if type(v) in (date, datetime) and 1678 <= v.year <= 2261 and (
                type(v) is date or v.tzinfo is None):
            out[i] = np.datetime64(date(v.year, v.month, v.day), "ns")
            continue
        try:
            stamp = parse_date(v, day_first, fmt)
        except (ValueError, OverflowError) as exc:
            errors[i] = str(exc)
            continue
        if stamp is None:
            blank[i] = True
        elif not 1678 <= stamp.year <= 2261:
            errors[i] = f"{stamp.date()} is out of the supported range of dates"
        else:
            out[i] = np.datetime64(stamp.date(), "ns")
    return out, blank, errors


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.sampled_from(DATES), st.none(), st.dates(date(1600, 1, 1), date(2300, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
    # (two zoned times of one instant are one value to a dict: read as the first of them,
    # as before; not mixed here)
    st.sampled_from([datetime(2024, 1, 1, 23, tzinfo=timezone(timedelta(hours=-5))),
                     45000.0, float("nan")])), max_size=15),
    st.booleans(), st.sampled_from([None, "%d.%m.%Y"]))
def test_date_column_equals_each_date(values, day_first, fmt):
    got = parse_date_column(values, day_first, fmt)
    want = dates_one_by_one(values, day_first, fmt)
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])
    assert got[2] == want[2]


TEXTS = ["ACME TRADING", " ACME", "ACME ", "A  B", "A\tB", "A\u00a0B", "", "   ", "شركة النيل",
         "x\x00y", "line\nbreak", "ok", "A\u2003B"]


@given(st.lists(st.one_of(st.sampled_from(TEXTS), st.text(max_size=5), st.none(),
                          st.sampled_from([12.0, 7, float("nan")])), max_size=12))
def test_clean_texts_equals_clean_text_of_each(values):
    got: list[Any] = clean_texts(values)
    assert got == [clean_text(v) for v in values]


@given(st.binary(max_size=40).map(lambda b: b.replace(b"Z", b"\n:20:").replace(b"Y", b"\n:61:")))
def test_line_start_scan_equals_the_multiline_pattern(data):
    for tag in (b":20:", b":61:", b":60F:"):
        want = re.search(rb"(?m)^" + re.escape(tag), data) is not None
        assert _starts_a_line(data, tag) == want


@given(st.lists(st.sampled_from(["a;b", "", "x,y", "\r", "\n", "\r\n", "\u2028", "\x0c", "z" * 3000]),
                max_size=400), st.integers(1, 70))
def test_first_lines_are_the_first_lines_of_the_whole_text(parts, count):
    text = "".join(parts)
    assert _first_lines(text, count) == text.splitlines()[:count]
