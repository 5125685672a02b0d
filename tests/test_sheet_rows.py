"""The data rows written straight into the sheet XML (``io.sheet_rows``) are the cells openpyxl
would have written: byte for byte, and cell for cell as read back."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.io.writer import HIGHLIGHT_FILL, fill_sheet, make_cell, write_tabs
from ar_excel.model import Tab

TRICKY = ["plain", " leading space", "trailing space ", "a & b < c > d", "=SUM(A1:A2)",
          "+20 100", "-5", "@user", "line\nbreak", "tab\tin", "cr\rin", 'quote " and \' too',
          "شركة النور للتجارة", "١٢٣٤٥", "", "#N/A", "x" * 40000, "ctrl\x01char", "   "]


def _tab(n: int = 40, blocks: list[Tab] | None = None, title: str = "") -> Tab:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "Bank Line": [f"FT{i:05d}" for i in range(n)],
        "Date": pd.to_datetime("2026-11-01") + pd.to_timedelta(rng.integers(0, 30, n), "D"),
        "Amount": np.round(rng.normal(1000, 400, n), 2),
        "Text": [TRICKY[i % len(TRICKY)] for i in range(n)],
        "Mixed": [[1, 2.5, None, "text", True, date(2026, 1, 2), datetime(2026, 3, 4, 5, 6),
                   np.nan, pd.NaT, np.int64(7)][i % 10] for i in range(n)],
        "Count": pd.array(rng.integers(0, 5, n), dtype="Int64"),
        "Flag": [bool(i % 3) for i in range(n)],
    })
    frame.loc[3, "Amount"] = np.nan
    frame.loc[4, "Date"] = pd.NaT
    return Tab("Rows", frame, formats={"Amount": "money", "Text": "text"},
               highlight=frame["Amount"].gt(1100), title=title, blocks=blocks or [])


def _openpyxl_reference(tab: Tab, path, arabic: bool = False) -> None:
    """The workbook as openpyxl writes it with a real cell for every value."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet(tab.name)
    rows = fill_sheet(ws, tab, arabic=arabic, taken_tables=set())
    after = ws._current_row
    ws._current_row = rows.first_row - 1
    for i, values in enumerate(zip(*rows.columns, strict=True)):
        cells = []
        for j, v in enumerate(values):
            c = make_cell(ws, v, rows.number_formats[j])
            if rows.highlight is not None and rows.highlight[i]:
                c.fill = HIGHLIGHT_FILL
            cells.append(c)
        ws.append(cells)
    ws._current_row = max(after, ws._current_row)
    wb.save(path)


def _sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("arabic", [False, True])
@pytest.mark.parametrize("title", ["", "Caption beside the header"])
def test_rows_are_byte_for_byte_what_openpyxl_writes(tmp_path, arabic, title):
    tab = _tab(title=title)
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    write_tabs([tab], out=ours, arabic=arabic)
    _openpyxl_reference(tab, ref, arabic=arabic)
    assert _sheet_xml(ours) == _sheet_xml(ref)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(ref) as b:
        assert a.read("xl/styles.xml") == b.read("xl/styles.xml")


def _cells(path) -> dict:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    return {(c.row, c.column): (c.value, c.data_type, c.number_format, c.fill.fgColor.rgb,
                                c.font.b)
            for row in ws.iter_rows() for c in row if c.value is not None or c.has_style}


def test_with_blocks_below_every_cell_reads_back_as_openpyxl_wrote_it(tmp_path):
    block = Tab("Tie-out", pd.DataFrame({"Item": ["Opening", "Closing"], "Amount": [1.5, 2.25]}),
                formats={"Amount": "money"}, title="Tie-out")
    tab = _tab(n=25, blocks=[block], title="Rows with a block under them")
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    write_tabs([tab], out=ours)
    _openpyxl_reference(tab, ref)
    assert _cells(ours) == _cells(ref)
    ws = openpyxl.load_workbook(ours).worksheets[0]
    # the block starts one blank row under the 25 data rows
    assert ws["A28"].value == "Tie-out" and ws["A29"].value == "Item" and ws["B30"].value == 1.5
    assert ws.calculate_dimension() == "A1:I31"
    assert ws.print_area == "'Rows'!$A$1:$G$31"


def test_large_tab_reads_back_in_calamine_and_keeps_text_as_text(tmp_path):
    import python_calamine as pc

    tab = _tab(n=5000)
    out = tmp_path / "big.xlsx"
    write_tabs([tab], out=out)
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Rows").to_python()
    assert len(rows) == 5001
    assert rows[0][:3] == ["Bank Line", "Date", "Amount"]
    assert rows[5000][0] == "FT04999"
    texts = [r[3] for r in rows[1:]]
    assert texts[4] == "=SUM(A1:A2)" and texts[12] == "شركة النور للتجارة"
    with zipfile.ZipFile(out) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml  # a narrative that looks like a formula is no formula
    assert b'<dimension ref="A1:G5001"/>' in xml


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=12),
                          st.floats(allow_nan=True, allow_infinity=False, width=64),
                          st.integers(-10**12, 10**12), st.booleans()),
                min_size=1, max_size=30))
def test_any_object_column_is_written_as_openpyxl_would(tmp_path_factory, values):
    tab = Tab("Rows", pd.DataFrame({"Value": pd.Series(values, dtype="object"),
                                    "N": range(len(values))}),
              highlight=pd.Series([i % 2 == 0 for i in range(len(values))]))
    d = tmp_path_factory.mktemp("h")
    write_tabs([tab], out=d / "ours.xlsx")
    _openpyxl_reference(tab, d / "ref.xlsx")
    assert _sheet_xml(d / "ours.xlsx") == _sheet_xml(d / "ref.xlsx")
