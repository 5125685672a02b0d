"""Excel error cells (#N/A, #REF!, #DIV/0!, #VALUE!) in .xls and .ods workbooks are reported
as in .xlsx: the cell reader gives them as blank, the reader says at each cell that it holds
an error. The three workbooks under ``tests/fixtures/excel_errors`` are one workbook saved by
LibreOffice in each format (``make_fixtures.py`` there says which cells hold which error)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from ar_excel.io import xls_errors as xls_module
from ar_excel.io.ods_errors import ods_errors
from ar_excel.io.reader import read_book
from ar_excel.io.xls_errors import xls_errors

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "excel_errors"
MISSING = "(its formula has no value): treated as missing"
UNUSABLE = "(its formula has no value), so the row cannot be used"

# What the reader says of the workbook, whichever format it was saved in.
EXPECTED = [
    ("Invoices", "B4", "Customer ID", "#N/A", f"Customer ID is the Excel error #N/A {UNUSABLE}"),
    ("Invoices", "E3", "Amount", "#DIV/0!", f"Amount is the Excel error #DIV/0! {UNUSABLE}"),
    ("Customers", "K4", "Credit Limit", "#DIV/0!",
     f"Credit Limit is the Excel error #DIV/0! {MISSING} (no credit limit)"),
    ("Customers", "L5", "Discount %", "#N/A", f"Discount % is the Excel error #N/A {MISSING}"),
    ("Customers", "J6", "Payment Terms", "#VALUE!",
     f"Payment Terms is the Excel error #VALUE! {MISSING} (no terms)"),
    ("Customers", "N7", "Next Credit Review", "#REF!",
     f"Next Credit Review is the Excel error #REF! {MISSING}"),
    ("Invoices", "D2", "Due Date", "#N/A",
     f"Due Date is the Excel error #N/A {MISSING} (due by the payment terms)"),
]


def _issues(book):
    return [(i.sheet, i.cell, i.column, i.value, i.message) for i in book.issues]


@pytest.mark.parametrize("name", ["errors.xlsx", "errors.xls", "errors.ods"])
def test_error_cells_are_reported_at_their_cells_in_every_format(name):
    book = read_book(FIXTURES / name)
    assert _issues(book) == EXPECTED
    # nothing else lost: every row kept, the errors' values missing, the rest as typed
    customers = book.customers.set_index("Customer ID")
    assert customers.index.tolist() == ["C01", "C02", "C03", "C04", "C05", "C06"]
    assert pd.isna(customers.loc["C02", "Credit Limit"])
    assert customers.loc["C03", "Credit Limit"] == 30_000
    assert pd.isna(customers.loc["C03", "Discount %"]) and customers.loc["C04", "Discount %"] == 2
    assert pd.isna(customers.loc["C04", "Payment Terms"])
    assert customers.loc["C05", "Payment Terms"] == 30
    invoices = book.invoices
    assert invoices["Invoice No"].tolist() == ["I-1", "I-2", "I-3", "I-4"]
    assert invoices["Customer ID"].tolist()[:2] == ["C01", "C02"]
    assert pd.isna(invoices["Customer ID"].iat[2]) and invoices["Customer ID"].iat[3] == "C03"
    assert invoices["Amount"].tolist()[0::2] == [1300.0, 700.0]
    assert pd.isna(invoices["Amount"].iat[1]) and invoices["Amount"].iat[3] == 900.0


def test_the_three_formats_read_the_same_book():
    books = [read_book(FIXTURES / n) for n in ("errors.xlsx", "errors.xls", "errors.ods")]
    for book in books[1:]:
        for kind in ("Customers", "Invoices"):
            pd.testing.assert_frame_equal(book.tables[kind].frame, books[0].tables[kind].frame,
                                          check_dtype=False)


def test_the_error_scanners_name_each_error_cell_of_the_sheets_asked_for():
    for scan, name in ((xls_errors, "errors.xls"), (ods_errors, "errors.ods")):
        assert scan(FIXTURES / name, ["Customers", "Invoices"]) == {
            "Customers": {"K4": "#DIV/0!", "L5": "#N/A", "J6": "#VALUE!", "N7": "#REF!",
                          "O8": "#DIV/0!"},
            "Invoices": {"D2": "#N/A", "E3": "#DIV/0!", "B4": "#N/A"}}
        assert scan(FIXTURES / name, ["Invoices", "Other"]) == {
            "Invoices": {"D2": "#N/A", "E3": "#DIV/0!", "B4": "#N/A"}}


def test_an_xls_without_error_records_is_not_parsed_by_xlrd(tmp_path, monkeypatch):
    import xlrd

    def refuse(*args, **kwargs):
        raise AssertionError("xlrd should not be run")

    monkeypatch.setattr(xlrd, "open_workbook", refuse)
    assert xls_errors(FIXTURES / "no_errors.xls", ["Customers"]) == {}
    with pytest.raises(AssertionError):  # (one with errors is)
        xls_errors(FIXTURES / "errors.xls", ["Customers"])
    assert xls_module._ERROR_RECORD.search((FIXTURES / "errors.xls").read_bytes())


def _ods(tmp_path, rows_xml: str, libreoffice: bool = True) -> Path:
    """An .ods whose one sheet, Customers, has these rows; saved as by LibreOffice (its
    names declared) or by another program."""
    calcext = ('xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:'
               'calcext:1.0"' if libreoffice else "")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        f'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" {calcext}>'
        '<office:body><office:spreadsheet><table:table table:name="Customers">'
        f'{rows_xml}</table:table></office:spreadsheet></office:body>'
        '</office:document-content>')
    path = tmp_path / "book.ods"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    path.write_bytes(buffer.getvalue())
    return path


def _cell(text: str, error: bool = True, repeat: int = 1, formula: str = "of:=NA()") -> str:
    mark = ' calcext:value-type="error"' if error else ""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell table:formula="{formula}" office:value-type="string" '
            f'office:string-value=""{mark}{rep}><text:p>{text}</text:p></table:table-cell>')


def test_ods_errors_in_repeated_rows_and_cells_and_without_libreoffices_mark(tmp_path):
    empty = "<table:table-cell/>"
    path = _ods(tmp_path, (
        f"<table:table-row>{empty}{_cell('#N/A', repeat=2)}</table:table-row>"  # B1, C1
        '<table:table-row table:number-rows-repeated="2">'  # rows 2 and 3: D2, D3
        f'<table:table-cell table:number-columns-repeated="3"/>{_cell("#REF!")}</table:table-row>'
        f"<table:table-row>{_cell('#DIV/0!', error=False)}"  # A4: a formula's error text
        f"{_cell('#N/A', error=False, formula='')}"  # B4: typed text, no formula
        f"<table:covered-table-cell/>{_cell('Err:502')}</table:table-row>"  # D4
        '<table:table-row table:number-rows-repeated="1048572">'  # the sheet's empty tail
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'))
    assert ods_errors(path, ["Customers"]) == {"Customers": {
        "B1": "#N/A", "C1": "#N/A", "D2": "#REF!", "D3": "#REF!", "A4": "#DIV/0!",
        "D4": "Err:502"}}
    assert ods_errors(path, ["Invoices"]) == {}


def test_an_ods_without_errors_is_not_parsed(tmp_path, monkeypatch):
    from ar_excel.io import ods_xml

    path = _ods(tmp_path, "<table:table-row><table:table-cell/></table:table-row>")
    monkeypatch.setattr(ods_xml.ElementTree, "iterparse", None)  # would fail if called
    assert ods_errors(path, ["Customers"]) == {}


def test_an_ods_saved_by_another_program_is_looked_at_for_formulas_holding_an_error(tmp_path):
    path = _ods(tmp_path, (f"<table:table-row>{_cell('#N/A', error=False)}"
                           f"{_cell('#1001', error=False, formula='')}</table:table-row>"),
                libreoffice=False)
    assert ods_errors(path, ["Customers"]) == {"Customers": {"A1": "#N/A"}}
    plain = _ods(tmp_path, "<table:table-row><table:table-cell><text:p>#1001</text:p>"
                           "</table:table-cell></table:table-row>", libreoffice=False)
    assert ods_errors(plain, ["Customers"]) == {}  # an invoice number written "#1001"


def test_the_xls_screen_knows_an_error_record_from_a_value_record():
    import struct

    def boolerr(value: int, is_error: int) -> bytes:  # row 3, column 2, format 15
        return struct.pack("<HHHHHBB", 0x0205, 8, 3, 2, 15, value, is_error)

    def formula(result: bytes) -> bytes:  # row 1, column 4, format 15, then its result
        body = struct.pack("<HHH", 1, 4, 15) + result + b"\x00" * 6
        return struct.pack("<HH", 0x0006, len(body)) + body

    screen = xls_module._ERROR_RECORD
    assert screen.search(b"\x00" * 7 + boolerr(0x2A, 1))  # #N/A typed in
    assert not screen.search(boolerr(1, 0))  # TRUE
    assert screen.search(formula(b"\x02\x00\x07\x00\x00\x00\xff\xff"))  # =1/0: #DIV/0!
    assert not screen.search(formula(b"\x01\x00\x01\x00\x00\x00\xff\xff"))  # =TRUE()
    assert not screen.search(formula(struct.pack("<d", 5000.0)))  # =5*1000


def test_a_row_holding_nothing_but_an_excel_error_is_said_not_skipped(tmp_path):
    """A row of a list whose only value is a broken formula's error (#N/A between two
    invoices): the cell reader gives the error as blank, so the row was a blank row and
    left out in silence. It is an Input Issue at its error cell; the rows around it are
    read. Found by fuzzing the tests' Egypt book and the English master."""
    from datetime import datetime

    from tests._workbooks import save_sheets

    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100],
                     [None, None, "#N/A", "#REF!"],
                     ["I-2", "C1", datetime(2026, 10, 2), 200]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["I-1", "I-2"]
    assert _issues(book) == [
        ("Invoices", "C3", "Invoice Date", "#N/A",
         "the row holds nothing but the Excel error #N/A (its formula has no value): not read")]
