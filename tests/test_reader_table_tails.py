"""Rows typed under an Excel table but left outside it are read as its rows, and said."""

from __future__ import annotations

from datetime import datetime

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book


def _book(path, below: list[list], gap: bool = False, formatted_rows: int = 0):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name"])
    ws.append(["C1", "Nile Foods"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["I1", "C1", datetime(2026, 10, 1), 100])
    inv.append(["I2", "C1", datetime(2026, 10, 2), 200])
    inv.add_table(Table(displayName="tblInvoices", ref="A1:D3"))
    if gap:
        inv.append([])
    for row in below:
        inv.append(row)
    for r in range(formatted_rows):  # formatted but empty: the used range runs on
        inv.cell(row=4 + r, column=1).font = Font(bold=True)
    wb.save(path)
    return path


def test_rows_typed_under_the_table_are_read_and_said(tmp_path):
    book = read_book(_book(tmp_path / "b.xlsx", [["I3", "C1", datetime(2026, 10, 3), 300],
                                                 ["I4", "C1", datetime(2026, 10, 4), 400]]))
    assert book.invoices[["Invoice No", "Amount", "_row"]].values.tolist() == [
        ["I1", 100.0, 2], ["I2", 200.0, 3], ["I3", 300.0, 4], ["I4", 400.0, 5]]
    [issue] = book.issues
    assert (issue.sheet, issue.cell) == ("Invoices", "A4")
    assert issue.message == ("2 row(s) under the Excel table 'tblInvoices' (rows 4-5) are "
                             "outside it: read as its rows; extend the table to include them")
    assert arabic_message(issue.message).startswith("2 صف أسفل جدول Excel 'tblInvoices'")


def test_rows_after_a_blank_row_are_something_else(tmp_path):
    book = read_book(_book(tmp_path / "b.xlsx", [["Total", None, None, 300]], gap=True))
    assert book.invoices["Invoice No"].tolist() == ["I1", "I2"]
    assert book.issues == []


def test_formatted_empty_rows_under_the_table_add_nothing(tmp_path):
    book = read_book(_book(tmp_path / "b.xlsx", [], formatted_rows=20))
    assert book.invoices["Invoice No"].tolist() == ["I1", "I2"] and book.issues == []


def _with_total_row(path, below: list[list], label: str | None = "Total"):
    """Invoices as an Excel table with its Total Row on (Table Design > Total Row), then
    ``below`` typed under it."""
    from openpyxl.worksheet.table import TableColumn

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name"])
    ws.append(["C1", "Nile Foods"])
    inv = wb.create_sheet("Invoices")
    headers = ["Invoice No", "Customer ID", "Invoice Date", "Amount"]
    inv.append(headers)
    inv.append(["I1", "C1", datetime(2026, 10, 1), 100])
    inv.append(["I2", "C1", datetime(2026, 10, 2), 200])
    inv.append([label, None, None, 300])  # the sum as Excel saves it (its cached value)
    table = Table(displayName="tblInvoices", ref="A1:D4", totalsRowCount=1)
    table.tableColumns = [TableColumn(id=k + 1, name=h) for k, h in enumerate(headers)]
    table.tableColumns[0].totalsRowLabel = label
    table.tableColumns[3].totalsRowFunction = "sum"
    inv.add_table(table)
    for row in below:
        inv.append(row)
    wb.save(path)
    return path


def test_a_tables_own_total_row_is_neither_a_record_nor_outside_it(tmp_path):
    # was: '1 row(s) under the Excel table ... outside it' on every table with its Total Row
    # on, and, without a 'Total' label, the sums read as a record with a blank number
    for label in ("Total", "الإجمالي", None):
        book = read_book(_with_total_row(tmp_path / "t.xlsx", [], label))
        assert book.invoices[["Invoice No", "Amount", "_row"]].values.tolist() == [
            ["I1", 100.0, 2], ["I2", 200.0, 3]]
        assert book.issues == []


def test_rows_typed_under_a_total_row_are_read_at_their_own_rows(tmp_path):
    book = read_book(_with_total_row(tmp_path / "t.xlsx",
                                     [["I3", "C1", datetime(2026, 10, 3), 300]]))
    assert book.invoices[["Invoice No", "Amount", "_row"]].values.tolist() == [
        ["I1", 100.0, 2], ["I2", 200.0, 3], ["I3", 300.0, 5]]
    [issue] = book.issues
    assert (issue.sheet, issue.cell) == ("Invoices", "A5")
    assert issue.message.startswith("1 row(s) under the Excel table 'tblInvoices' (rows 5-5)")
