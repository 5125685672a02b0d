"""The reader's and writer's fast paths give exactly what the careful per-value code gives."""

from __future__ import annotations

import gc
import warnings
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pytest

from ar_excel.io.bulk import BULK_THRESHOLDS, bulk
from ar_excel.io.reader import _columns
from ar_excel.io.writer import plain_column, plain_value
from ar_excel.parsing import ValueTypes, date_cells, object_array, parse_column, parse_dates


@pytest.mark.parametrize("series", [
    pd.Series([1.5, float("nan"), -0.0, float("inf"), 1e-300, 3.0]),
    pd.to_datetime(pd.Series(["2024-01-31 10:11:12.123456789", None, "1960-05-05 01:02:03.500000000",
                              "2024-02-29 00:00:00.000000000"])),
    pd.Series(pd.date_range("2024-01-01 05:00", periods=3, freq="17h", tz="Africa/Cairo")),
    pd.Series([1, None, 3], dtype="Int64"),
    pd.Series(["=1+1", "a\x01b", None, 7, True, np.float32(2.5), pd.NaT]),
    pd.Series(["text", None, "شركة", "", "  "]),
    pd.Series(["a\x01b", None, "c"]),  # a control character: cleaned value by value
    pd.Series(["x" * 40000, "y"]),  # longer than a cell holds: cut
    pd.Series(["a", None, "b"], dtype="str"),
    pd.Series([None, None], dtype="object"),
])
def test_plain_column_is_plain_value_of_each(series):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Timestamp.to_pydatetime: "discarding nanoseconds"
        expected = [plain_value(v) for v in series.tolist()]
    got = plain_column(series)
    assert got == expected
    assert [type(v) for v in got] == [type(v) for v in expected]


def test_date_cells_match_the_careful_parser():
    values = [date(2024, 1, 31), None, "", datetime(2023, 12, 31, 23, 59), datetime(1969, 7, 20, 20, 17),
              date(1901, 1, 1)]
    fast = date_cells(values)
    errors: dict[int, str] = {}
    arr = object_array(values)
    careful = parse_dates(arr, ValueTypes(arr), True, errors)  # parse_column's careful path
    assert errors == {}
    pd.testing.assert_series_equal(fast, careful)
    assert fast.iloc[3] == pd.Timestamp("2023-12-31") and pd.isna(fast.iloc[1])


@pytest.mark.parametrize("values", [
    [date(2024, 1, 1), "31/01/2024"],  # typed text: the careful parser reads it
    [date(2024, 1, 1), "  "],  # blank text
    [datetime(2024, 1, 1, tzinfo=UTC)],  # a zone to think about
    [date(1500, 1, 1)],  # beyond what pandas holds
    [date(2024, 1, 1), float("nan")],
])
def test_date_cells_leave_anything_else_to_the_careful_parser(values):
    assert date_cells(values) is None


def test_dates_a_frame_cannot_hold_are_reported_not_turned_into_other_dates():
    # an ERP's "no end date" 31/12/9999, a mistyped year 1500: as cells and as text
    values = [date(2024, 1, 31), date(9999, 12, 31), "31/12/9999", date(1500, 1, 1), None]
    parsed, errors = parse_column(values, "date")
    assert parsed.tolist()[0] == pd.Timestamp("2024-01-31")
    assert parsed.isna().tolist() == [False, True, True, True, True]
    assert errors == {1: "'9999-12-31' is not a usable date (only years 1900 to 2261)",
                      2: "'31/12/9999' is not a usable date (only years 1900 to 2261)",
                      3: "'1500-01-01' is not a usable date (only years 1900 to 2261)"}


def test_columns_are_the_rows_transposed():
    rows = [["C1", 1.5, None, date(2024, 1, 1)], ["C2", "", "x", None]]
    assert [c.tolist() for c in _columns(rows, 4)] == [list(c) for c in zip(*rows, strict=True)]
    assert [c.tolist() for c in _columns([], 3)] == [[], [], []]


def test_bulk_sets_and_restores_the_collector_thresholds():
    before = gc.get_threshold()
    with pytest.raises(ValueError), bulk():
        assert gc.get_threshold() == BULK_THRESHOLDS
        raise ValueError("stop")
    assert gc.get_threshold() == before
