"""Old ``.xls`` bank statements (Egyptian and Gulf banks' portals still export them): BIFF8
workbooks, and Excel 2003 XML spreadsheets saved as ``.xls``.

The files in ``tests/fixtures/bank_xls/`` are ours: each ``.xls`` was converted by LibreOffice
from the CSV or XLSX export beside it (``make_xls.py`` there; the command is in its README):
``soffice --headless --convert-to xls <source>``. Each must import with exactly the figures of
its source, and those figures are pinned here.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import detect_format, read_statement
from ar_excel.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bank_xls"
PAIRS = {
    "cib_egp_preamble.xls": "cib_egp_preamble.csv",
    "nbe_arabic_headers.xls": "nbe_arabic_headers.xlsx",
    "enbd_text_dates.xls": "enbd_text_dates.xlsx",
    "kwd_serial_numbers.xls": "kwd_serial_numbers.xlsx",
    "adcb_two_sheets.xls": "adcb_two_sheets.xlsx",
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file a BIFF workbook lives in


def dates(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


@pytest.fixture(scope="module")
def statements():
    return {name: read_statement(FIXTURES / name) for name in PAIRS}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_an_xls_imports_with_the_figures_of_its_source(name, statements):
    data = (FIXTURES / name).read_bytes()
    assert data.startswith(OLE2) and detect_format(data, name) == "xlsx"  # BIFF, not XLSX
    xls, source = statements[name], read_statement(FIXTURES / PAIRS[name])
    pd.testing.assert_frame_equal(xls.lines, source.lines)
    assert [vars(b) for b in xls.balances] == [vars(b) for b in source.balances]
    assert [(i.cell, i.column, i.value) for i in xls.issues] == [
        (i.cell, i.column, i.value) for i in source.issues]
    assert len(xls.lines) > 0 and xls.issues == []


def test_cib_account_details_above_the_header_and_balances_that_tie_out(statements):
    stmt = statements["cib_egp_preamble.xls"]
    lines = stmt.lines
    assert lines["Amount"].tolist() == [45600.0, 12250.5, 8040.0, -35.0, -2.1]
    assert lines["Date"].tolist() == dates("2026-11-02", "2026-11-15", "2026-11-18",
                                           "2026-11-22", "2026-11-30")
    assert lines["Value Date"].tolist()[0] == pd.Timestamp("2026-11-03")
    assert lines["Reference"].tolist() == ["FT2630612345", "CHQ004512", "FT2632211111",
                                           "FT2632698765", None]
    assert lines["Currency"].tolist() == ["EGP"] * 5
    assert lines["Line No"].tolist() == [10, 11, 12, 13, 14]  # the rows in Excel
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        125000.0, 190853.4, 65890.5, 37.1, 0.0)


def test_nbe_arabic_headers_and_serial_date_cells(statements):
    lines = statements["nbe_arabic_headers.xls"].lines
    assert lines["Amount"].tolist() == [7500.0, 3200.0, -25.0, 12345.67, -3.4]
    assert lines["Date"].tolist() == dates("2026-11-05", "2026-11-09", "2026-11-12",
                                           "2026-11-19", "2026-11-30")
    assert lines["Value Date"].tolist()[1] == pd.Timestamp("2026-11-10")
    assert lines["Description"].tolist()[1] == "تحويل وارد ACH من مؤسسة الريان فاتورة 1045"
    assert lines["Reference"].tolist() == ["CD0511", "ACH77120", None, "CHQ004519", None]
    assert lines["Balance"].tolist() == [17500.0, 20700.0, 20675.0, 33020.67, 33017.27]
    assert lines["Currency"].tolist() == ["EGP"] * 5
    assert [b.opening for b in statements["nbe_arabic_headers.xls"].balances] == [10000.0]


def test_enbd_dates_and_amounts_typed_as_text(statements):
    lines = statements["enbd_text_dates.xls"].lines
    assert lines["Amount"].tolist() == [15000.0, 2500.75, -1234.5, 8000.0]
    assert lines["Date"].tolist() == dates("2026-11-02", "2026-11-13", "2026-11-22",
                                           "2026-11-25")
    assert lines["Balance"].tolist() == [65000.0, 67500.75, 66266.25, 74266.25]
    assert lines["Currency"].tolist() == ["AED"] * 4


def test_kwd_posting_dates_as_bare_serial_numbers_and_fils(statements):
    lines = statements["kwd_serial_numbers.xls"].lines
    assert lines["Amount"].tolist() == [1250.125, -1.5, 560.0, -12.75]
    assert lines["Date"].tolist() == dates("2026-11-29", "2026-11-21", "2026-11-10",
                                           "2026-11-04")  # 46355 ... 46330
    assert lines["Value Date"].tolist() == lines["Date"].tolist()
    assert lines["Balance"].tolist() == [5310.625, 4060.5, 4062.0, 3502.0]
    assert lines["Currency"].tolist() == ["KWD"] * 4


def test_adcb_transactions_on_the_second_sheet_signed_by_their_dr_cr_column(statements):
    lines = statements["adcb_two_sheets.xls"].lines
    assert lines["Amount"].tolist() == [4500.0, -200.0, -510.25]
    assert lines["Date"].tolist() == dates("2026-11-03", "2026-11-10", "2026-11-27")
    assert lines["Reference"].tolist() == ["IR2611030001", "SL2611100007", "DW2611270003"]
    assert lines["Balance"].tolist() == [54500.0, 54300.0, 53789.75]
    assert lines["Line No"].tolist() == [3, 4, 5]


# --- Excel 2003 XML spreadsheets saved as .xls --------------------------------------------

def test_excel_2003_xml_saved_as_xls_reads_as_libreoffice_reads_it():
    # alrajhi_xml2003.xlsx is LibreOffice's reading of the same file (make_xls.py)
    path = FIXTURES / "alrajhi_xml2003.xls"
    assert detect_format(path.read_bytes(), path.name) == "spreadsheetml"
    stmt, reference = read_statement(path), read_statement(FIXTURES / "alrajhi_xml2003.xlsx")
    pd.testing.assert_frame_equal(stmt.lines, reference.lines)
    assert [vars(b) for b in stmt.balances] == [vars(b) for b in reference.balances]
    assert stmt.source_format == "spreadsheetml" and stmt.issues == reference.issues == []
    lines = stmt.lines
    # the amount header merged over "مدين Debit | دائن Credit" on the row below it
    assert lines["Amount"].tolist() == [15000.0, -5.75, 1250.0, -1320.4]
    assert lines["Date"].tolist() == dates("2026-11-02", "2026-11-09", "2026-11-15",
                                           "2026-11-28")
    assert lines["Value Date"].tolist() == dates("2026-11-03", "2026-11-09", "2026-11-16",
                                                 "2026-11-28")
    assert lines["Description"].tolist()[0] == ("حوالة واردة من شركة النور للتجارة فاتورة "
                                                "INV-2026-0107")  # rich text: its words
    assert lines["Balance"].tolist() == [65000.0, 64994.25, 66244.25, 64923.85]
    assert lines["Currency"].tolist() == ["SAR"] * 4
    assert lines["Line No"].tolist() == [9, 10, 11, 12]  # the rows in Excel
    [bal] = stmt.balances
    assert (bal.opening, bal.credits, bal.debits) == (50000.0, 16250.0, 1326.15)


def test_excel_xml_cells_placed_as_excel_shows_them():
    from ar_excel.bank.spreadsheet_xml import spreadsheet_rows

    xml = (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           b'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
           b'xmlns:h="http://www.w3.org/TR/REC-html40">'
           b'<Worksheet ss:Name="One"><Table>'
           b'<Row><Cell ss:MergeAcross="1" ss:MergeDown="1"><Data ss:Type="String">A'
           b'</Data></Cell><Cell><Data ss:Type="Number">1.5</Data></Cell></Row>'
           b'<Row><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>'
           b'<Row ss:Index="4"><Cell ss:Index="2"><Data ss:Type="DateTime">2026-11-05T10:30:00.000'
           b'</Data></Cell><Cell><Data ss:Type="String">x <h:B>bold</h:B> y</Data></Cell>'
           b'<Cell><Data ss:Type="Number">n/a</Data></Cell></Row>'
           b'</Table></Worksheet><Worksheet ss:Name="Empty"/></Workbook>')
    [(name, rows), (empty, nothing)] = spreadsheet_rows(xml, "w.xls")
    assert (name, empty, nothing) == ("One", "Empty", [])
    assert rows == [["A", "", 1.5, ""],
                    ["", "", True, ""],  # under the merged cell: its place stays empty
                    ["", "", "", ""],
                    ["", datetime(2026, 11, 5, 10, 30), "x bold y", "n/a"]]


def test_excel_xml_with_an_entity_is_refused_not_expanded(tmp_path):
    xml = ('<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY x "boom">]>'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet>'
           '<Table><Row><Cell><Data>&x;</Data></Cell></Row></Table></Worksheet></Workbook>')
    path = tmp_path / "e.xls"
    path.write_text(xml)
    with pytest.raises(InputError, match=r"e\.xls: the XML spreadsheet declares XML entities"):
        read_statement(path)
