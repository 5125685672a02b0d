"""Printing: the header row repeats on every page only where its table runs over pages; a
short table with tables under it (the management pack's Dashboard) does not put its header
over the pages of the others."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.io.print_layout import ROWS_ON_A_PAGE
from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab


def _titles(tmp_path, rows: int, blocks: int) -> str | None:
    frame = pd.DataFrame({"Measure": [f"m{k}" for k in range(rows)], "Value": range(rows)})
    under = [Tab(f"Block {k}", pd.DataFrame({"Month": ["2026-11"], "DSO": [41.97]}),
                 title=f"Block {k}") for k in range(blocks)]
    out = tmp_path / f"t_{rows}_{blocks}.xlsx"
    write_tabs([Tab("Dashboard", frame, blocks=under)], out=out)
    return openpyxl.load_workbook(out)["Dashboard"].print_title_rows


def test_a_short_table_with_tables_under_it_repeats_no_header(tmp_path):
    assert _titles(tmp_path, 12, 2) is None


def test_a_table_running_over_pages_repeats_its_header(tmp_path):
    assert _titles(tmp_path, ROWS_ON_A_PAGE + 5, 2) == "$1:$1"
    assert _titles(tmp_path, 12, 0) == "$1:$1"
