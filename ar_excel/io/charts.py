"""Native Excel charts beside an output table (openpyxl.chart)."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter, quote_sheetname

from ar_excel.model import Tab

CHART_ROWS = 16  # rows one chart takes: the next chart beside a table starts this far below



def add_charts(ws, tab: Tab, *, header_row: int, headers: list[str],
               label_row: int | None = None) -> None:
    """The tab's charts beside its table; with ``label_row`` (an Arabic workbook's label row
    above the contract's English headers) each series is named by its label there."""
    n = len(tab.frame)
    if not n:
        return
    for k, spec in enumerate(tab.charts):
        rows = min(n, spec.rows) if spec.rows else n
        if spec.kind == "line":
            chart = LineChart()
        elif spec.kind == "pie":
            chart = PieChart()
        else:
            chart = BarChart()
            chart.type = "bar" if spec.kind == "bar" else "col"
            if spec.stacked:
                chart.grouping, chart.overlap = "stacked", 100
        chart.title = spec.title
        chart.height, chart.width = 7.5, 15
        for column in spec.values:
            col = headers.index(column) + 1
            data = Reference(ws, min_col=col, min_row=header_row, max_row=header_row + rows)
            chart.add_data(data, titles_from_data=True)
            if label_row is not None:
                letter = get_column_letter(col)
                chart.series[-1].tx = SeriesLabel(strRef=StrRef(
                    f"{quote_sheetname(ws.title)}!${letter}${label_row}"))
        if spec.kind == "bar":  # horizontal bars: first row on top, as the table reads
            chart.x_axis.scaling.orientation = "maxMin"
            chart.y_axis.crosses = "max"  # keeps the value axis below the bars
        if spec.kind == "line":  # straight segments: a smoothed curve invents values
            for series in chart.series:
                series.smooth = False
        if len(spec.values) == 1 and spec.kind != "pie":  # the title names the one series
            chart.legend = None
        cat_col = headers.index(spec.categories) + 1
        chart.set_categories(Reference(ws, min_col=cat_col, min_row=header_row + 1,
                                       max_row=header_row + rows))
        # below row 1, where a data tab's caption sits in the same column (writer): the chart
        # would hide it on screen and print it cut off above the chart
        top = max(header_row, 2) if tab.title else header_row
        anchor = spec.anchor or f"{get_column_letter(len(headers) + 2)}{top + CHART_ROWS * k}"
        ws.add_chart(chart, anchor)
