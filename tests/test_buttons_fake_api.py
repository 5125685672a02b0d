"""The in-memory stand-in must only use names xlwings really has, with the same parameters.

Each public method and property of a fake class is looked up on the matching class of the
installed xlwings (``xlwings/main.py``); for methods, the parameter names (and their order)
must be those of xlwings. So a handler that passes against the fake calls the real API.
"""

from __future__ import annotations

import inspect
import re

import pytest

xw = pytest.importorskip("xlwings")
import fake_xlwings as fake  # noqa: E402
import xlwings.main as xwm  # noqa: E402

PAIRS = [
    (fake.App, xwm.App), (fake.Book, xwm.Book), (fake.Sheets, xwm.Sheets),
    (fake.Sheet, xwm.Sheet), (fake.Range, xwm.Range), (fake.Tables, xwm.Tables),
    (fake.Table, xwm.Table), (fake.Charts, xwm.Charts), (fake.Chart, xwm.Chart),
]
# Attributes the fake keeps for the tests' own inspection; never used by ar_excel code.
TEST_HELPERS = {"cells_", "cell", "grid", "status_history", "alerts", "deleted", "source_"}


def _public(cls: type) -> list[str]:
    names = {n for n in vars(cls) if not n.startswith("_")}
    # instance attributes assigned in __init__ (e.g. Book.sheets, Sheet.tables)
    for line in inspect.getsource(cls.__init__).splitlines():
        left = line.split("=")[0] if "=" in line and "==" not in line else ""
        names |= set(re.findall(r"self\.([A-Za-z]\w*)", left))
    return sorted(n for n in names if n not in TEST_HELPERS)


@pytest.mark.parametrize("fake_cls,real_cls", PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_fake_names_exist_in_xlwings(fake_cls, real_cls):
    missing = [n for n in _public(fake_cls) if not hasattr(real_cls, n)]
    assert missing == [], f"{fake_cls.__name__} has names xlwings' {real_cls.__name__} lacks"


@pytest.mark.parametrize("fake_cls,real_cls", PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_fake_method_parameters_match_xlwings(fake_cls, real_cls):
    for name, member in vars(fake_cls).items():
        if name.startswith("_") and name not in ("__getitem__", "__call__", "__contains__"):
            continue
        if not callable(member) or name in TEST_HELPERS:
            continue
        real = getattr(real_cls, name)
        fake_params = list(inspect.signature(member).parameters)[1:]
        real_params = list(inspect.signature(real).parameters)[1:]
        assert fake_params == real_params[: len(fake_params)], (fake_cls.__name__, name)


def test_fake_properties_are_properties_in_xlwings():
    for fake_cls, real_cls in PAIRS:
        for name, member in vars(fake_cls).items():
            if isinstance(member, property):
                assert isinstance(inspect.getattr_static(real_cls, name), property), \
                    (fake_cls.__name__, name)


def test_fake_reads_like_xlwings():
    book = fake.book_from_sheets({"S": [["a", "b"], [1, 2], [3, None]]})
    sheet = book.sheets["s"]  # case-insensitive, as Excel
    assert sheet.range("A1").value == "a"
    assert sheet.range("A1:B1").value == ["a", "b"]  # one row: a flat list
    assert sheet.range("A1:A3").value == ["a", 1.0, 3.0]  # one column: a flat list
    assert sheet.range("A1").options(ndim=2).value == [["a"]]
    assert sheet.used_range.address == "$A$1:$B$3"
    df = sheet.range("A1:B3").options(__import__("pandas").DataFrame, index=False).value
    assert list(df.columns) == ["a", "b"] and df["a"].tolist() == [1.0, 3.0]
    with pytest.raises(ValueError, match="already present"):
        book.sheets.add("s")


def test_fake_parses_strings_as_excel_does():
    sheet = fake.book_from_sheets({"S": []}).sheets[0]
    sheet.range("A1").value = [["=1+1", "00123", "'00123", "1-30", "plain"]]
    assert sheet.cell("A1").formula == "=1+1"
    assert sheet.cell("B1").value == 123.0
    assert sheet.cell("C1").value == "00123"
    assert sheet.cell("D1").value.startswith("#DATE")
    sheet.range("A2:B2").number_format = "@"
    sheet.range("A2").value = [["=1+1", "00123"]]
    assert sheet.cell("A2").value == "=1+1" and sheet.cell("A2").formula is None
    assert sheet.cell("B2").value == "00123"
