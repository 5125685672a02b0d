"""Small tables written under a tab's main table: a tie-out, the data behind a chart.

A block is a ``Tab`` listed in ``tab.blocks``. It is written after the main table with one
blank row between, as its own caption (``title``), header row and rows, formatted like the
main table (an Excel table when ``as_table``). Its charts plot its own columns and are placed
to the right of the main table, below the main table's own charts, so they show on opening
however long the main table is.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl.utils import get_column_letter

from ar_excel.io.charts import CHART_ROWS
from ar_excel.model import ROW, Tab


def write_blocks(ws, tab: Tab, *, first_row: int, main_width: int, main_header_row: int,
                 taken_tables: set[str]) -> int:
    """Append ``tab.blocks`` from ``first_row`` on; returns the next free row."""
    from ar_excel.io.charts import add_charts
    from ar_excel.io.writer import (
        add_table,
        append_header,
        append_title,
        header_sides,
        make_cell,
        number_formats,
        right_to_left_texts,
        table_name,
        text_indents,
        text_side,
        with_text_side,
    )

    rtl = bool(ws.sheet_view.rightToLeft)  # set by the caller before the blocks

    row = first_row
    chart_slot = len(tab.charts)
    for block in tab.blocks:
        ws.append([])
        row += 1
        if block.title:
            append_title(ws, block.title)
            row += 1
        frame = block.frame.drop(columns=[ROW], errors="ignore").reset_index(drop=True)
        headers = [str(c) for c in frame.columns]
        formats = number_formats(frame, block.formats)
        # laid out as the main table: text on the tab's side, headers over their values
        indents = text_indents(formats, rtl)
        head = append_header(ws, headers, align=False, sides=header_sides(formats, rtl),
                             indents=indents)
        header_row = row
        formats = with_text_side(formats, frame, text_side(rtl), indents=indents)
        columns = [frame.iloc[:, j].tolist() for j in range(len(headers))]
        if rtl:  # Arabic text read right to left (writer.RightToLeftText)
            columns = [right_to_left_texts(c) for c in columns]
        for values in zip(*columns, strict=True):
            ws.append([make_cell(ws, v, nf) for v, nf in zip(values, formats, strict=True)])
        row = header_row + len(frame) + 1
        if block.as_table and len(frame) and headers:
            ref = f"A{header_row}:{get_column_letter(len(headers))}{header_row + len(frame)}"
            add_table(ws, table_name(f"{tab.name} {block.name}", taken_tables), ref,
                      "TableStyleLight9", head)
        if block.charts and len(frame):
            placed = []
            # (below row 1, where the tab's caption sits in that column: not over it, as
            # charts.add_charts places the main table's)
            top = max(main_header_row, 2) if tab.title else main_header_row
            for spec in block.charts:
                anchor = spec.anchor or (f"{get_column_letter(main_width + 2)}"
                                         f"{top + CHART_ROWS * chart_slot}")
                placed.append(replace(spec, anchor=anchor))
                chart_slot += 1
            add_charts(ws, replace(block, charts=placed, frame=frame), header_row=header_row,
                       headers=headers)
    return row
