"""The management pack's long KPI definitions wrap inside their column (and their rows grow
to show every line) instead of being cut at the cell's edge, on screen and printed."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.kpis import CEI_DEFINITION, NON_CASH_DEFINITION
from ar_excel.io.writer import fill_sheet, make_cell, wrapped_heights, write_tabs
from ar_excel.model import Tab
from tests.collections_data import customers, invoices, payments, write_workbook

LONG = ("(opening AR + credit sales - closing AR - non-cash settlements) / (opening AR + "
        "credit sales - closing current AR) x 100")


def test_row_heights_count_the_wrapped_lines():
    frame = pd.DataFrame({"KPI": ["a", "b", "c"], "Definition": ["short", LONG, None]})
    # width 30: 28 characters a line -> the long text takes 5 lines, 15 points each
    assert wrapped_heights(frame, {"Definition": "wrap"}, [8.0, 30.0], 2) == {3: 75.0}
    assert wrapped_heights(frame, {"Definition": "text"}, [8.0, 30.0], 2) is None


def test_wrapped_rows_are_byte_for_byte_what_openpyxl_writes(tmp_path):
    frame = pd.DataFrame({"KPI": ["CEI %", "DSO"], "Definition": [LONG, "short"],
                          "Value": [79.42, 44.5]})
    tab = Tab("KPIs", frame, formats={"Definition": "wrap", "Value": "money"})
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    write_tabs([tab], out=ours)
    # openpyxl with a real cell for every value and the row heights as row dimensions
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet(tab.name)
    rows = fill_sheet(ws, tab, arabic=False, taken_tables=set())
    after = ws._current_row
    ws._current_row = rows.first_row - 1
    for values in zip(*rows.columns, strict=True):
        ws.append([make_cell(ws, v, f) for v, f in zip(values, rows.number_formats,
                                                         strict=True)])
    for r, h in rows.heights.items():
        ws.row_dimensions[r].height = h
    ws._current_row = max(after, ws._current_row)
    wb.save(ref)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(ref) as b:
        assert a.read("xl/worksheets/sheet1.xml") == b.read("xl/worksheets/sheet1.xml")
        assert a.read("xl/styles.xml") == b.read("xl/styles.xml")
    cell = openpyxl.load_workbook(ours)["KPIs"]["B2"]
    assert cell.value == LONG and cell.alignment.wrap_text
    assert openpyxl.load_workbook(ours)["KPIs"].row_dimensions[2].height == 45.0  # 3 lines


@pytest.fixture()
def pack(tmp_path):
    cust = customers([{"Customer ID": "C1", "Name": "Alpha"}])
    inv = invoices([("A", "C1", "2026-10-10", "2026-11-10", 10000.00),
                    ("B", "C1", "2026-11-20", "2026-12-20", 5000.00)])
    pay = payments([("R1", "C1", "2026-11-08", 9800.00, "A"),
                    ("D1", "C1", "2026-11-08", 200.00, "A")])
    pay["Method"] = ["Bank transfer", "Early payment discount"]
    book = tmp_path / "ar.xlsx"
    write_workbook(book, {"Customers": cust, "Invoices": inv, "Payments": pay})
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    return out


def test_pack_definitions_wrap_in_their_cells(pack):
    wb = openpyxl.load_workbook(pack)
    kpis = wb["KPIs"]
    head = [c.value for c in kpis[1]]
    col = head.index("Definition")
    row = next(r for r in kpis.iter_rows(min_row=2) if r[0].value == "CEI %")
    assert row[col].value == CEI_DEFINITION and row[col].alignment.wrap_text
    width = kpis.column_dimensions["E"].width
    assert head[4] == "Definition" and width == 60.0
    # 4 lines of at most 58 characters, broken between words
    assert kpis.row_dimensions[row[0].row].height == 60.0
    dash = wb["Dashboard"]
    cei = next(r for r in dash.iter_rows() if r[0].value == "Collection effectiveness index (CEI)")
    assert cei[3].value == CEI_DEFINITION and cei[3].alignment.wrap_text
    assert dash.row_dimensions[cei[0].row].height == 60.0


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are needed to print the pack")
def test_printed_pack_shows_each_definition_whole(pack, tmp_path):
    profile = tmp_path / "lo-profile"  # a profile of its own: other soffice runs do not lock it
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(pack)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "pack.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    # the Dashboard's and the KPIs tab's: each whole, on its page
    assert flat.count(CEI_DEFINITION) == 2
    assert flat.count(NON_CASH_DEFINITION) == 1
