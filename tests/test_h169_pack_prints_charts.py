"""The printed management pack shows its charts: they sit beside the tables (on screen they
show on opening), and each tab's print area has the charts' cells as a second range, printed
on the page after the table's at the table's scale. Before, the print area was the table's
columns only and a PDF or printout of the pack had no chart at all."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main

DEMO = Path(__file__).resolve().parent.parent / "workbooks" / "demo_ar.xlsx"


@pytest.fixture(scope="module", params=["en", "ar"])
def pack(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("h169") / f"pack_{request.param}.xlsx"
    args = ["report", str(DEMO), "--as-of", "2026-11-30", "-o", str(out)]
    if request.param == "ar":
        args += ["--lang", "ar"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(args) == 0
    return request.param, openpyxl.load_workbook(out)


def _anchors(ws) -> list[str]:
    from openpyxl.utils import get_column_letter
    return [f"{get_column_letter(c.anchor._from.col + 1)}{c.anchor._from.row + 1}"
            for c in ws._charts]


def test_dashboard_prints_its_four_charts_on_a_page_after_the_figures(pack):
    lang, wb = pack
    ws = wb["Dashboard"]
    last = 81 if lang == "en" else 82  # the Arabic tab has its label row too
    assert _anchors(ws) == ["G2", "P2", "G18", "P18"]
    # two 15 cm charts side by side over G:X, two 7.5 cm rows of charts down to row 32
    assert ws.print_area == f"'Dashboard'!$A$1:$F${last},'Dashboard'!$G$2:$X$32"
    # the figures still fitted to one page width, landscape: the charts' range (about as
    # wide as the table) prints at that scale
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_cols is None


def test_aging_and_top_overdue_print_their_chart_after_the_table(pack):
    lang, wb = pack
    aging, top = wb["Aging"], wb["Top Overdue"]
    # below the caption in K1, in both languages
    assert _anchors(aging) == ["K2"]
    if lang == "en":
        assert aging.print_area == "'Aging'!$A$1:$I$200,'Aging'!$K$2:$S$16"
    else:
        assert aging.print_area == "'Aging'!$A$1:$I$201,'Aging'!$K$2:$S$16"
    assert aging.page_setup.fitToWidth == 1
    # the chart below row 1, where the tab's caption sits in the same column: it no longer
    # hides the caption on screen nor prints it cut off above the chart
    assert _anchors(top) == ["Q2"]
    caption = top["Q1"].value
    assert caption.startswith("Customers with the most overdue") if lang == "en" else caption
    last = 63 if lang == "en" else 64
    assert top.print_area == f"'Top Overdue'!$A$1:$O${last},'Top Overdue'!$Q$2:$Y$16"
    # the table itself prints as before: two pages across, Rank repeated
    assert top.page_setup.fitToWidth == 2
    assert top.print_title_cols == "$A:$A"


def test_tabs_without_charts_keep_one_print_range(pack):
    lang, wb = pack
    extra = 0 if lang == "en" else 1
    assert wb["KPIs"].print_area == f"'KPIs'!$A$1:$K${128 + extra}"
    assert wb["Payment Behaviour"].print_area == f"'Payment Behaviour'!$A$1:$J${269 + extra}"
    assert wb["Input Issues"].print_area == f"'Input Issues'!$A$1:$E${23 + extra}"


def test_chart_range_measures_the_chart_over_the_columns_it_covers():
    from openpyxl import Workbook
    from openpyxl.chart import BarChart

    from ar_excel.io.print_layout import chart_range

    ws = Workbook().active
    assert chart_range(ws) is None
    ws.column_dimensions["C"].width = 60  # 425 px of a 15 cm (567 px) chart, 64 px a column
    chart = BarChart()
    chart.height, chart.width = 7.5, 15
    ws.add_chart(chart, "C3")
    ref, widths = chart_range(ws)
    assert ref == "C3:F17"  # 7.5 cm = 284 px: 15 rows of 20 px from row 3
    assert widths == [60, 8.43, 8.43, 8.43]
