"""Reading workbooks as accountants lay them out: every row parsed or reported."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from openpyxl.worksheet.table import Table as XlTable

from ar_excel.errors import InputError
from ar_excel.io.reader import read_book
from ar_excel.schema import CUSTOMERS, INVOICES, PAYMENTS
from tests._workbooks import save_sheets


def _book(tmp_path, sheets: dict[str, list[list]], name="book.xlsx"):
    return save_sheets(tmp_path / name, sheets)


CUSTOMER_ROWS = [
    ["Customer ID", "Name", "Payment Terms", "Credit Limit", "Currency"],
    ["C1", "Nile Foods", 30, 50000, "EGP"],
]


@pytest.mark.parametrize(("schema", "field", "alias"), [
    (schema, f.name, alias)
    for schema in (CUSTOMERS, INVOICES, PAYMENTS)
    for f in schema.fields
    for alias in (f.name, *f.aliases, f.name.upper(), f.name.replace(" ", "_").lower())
])
def test_every_header_alias_is_recognised(tmp_path, schema, field, alias):
    base = {s.name: [[f.name for f in s.fields]] for s in (CUSTOMERS, INVOICES, PAYMENTS)}
    headers = [alias if f.name == field else f.name for f in schema.fields]
    if len(set(headers)) != len(headers):
        pytest.skip("alias equals another column's name in this sheet")
    base[schema.name] = [headers]
    book = read_book(_book(tmp_path, base))
    table = book.table(schema.name)
    assert table is not None, book.issues
    assert table.headers[field] == alias


@pytest.mark.parametrize("sheet_name", ["Customers", "customers", "CUSTOMERS ", "Customer_List",
                                        "العملاء", "Customer-Master"])
def test_sheet_names_and_aliases(tmp_path, sheet_name):
    book = read_book(_book(tmp_path, {sheet_name: CUSTOMER_ROWS}))
    assert book.customers["Customer ID"].tolist() == ["C1"]


def test_merged_title_rows_blank_rows_and_stray_spaces(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Invoices"
    ws.append(["Sales invoices — January 2024"])
    ws.merge_cells("A1:F1")
    ws.append(["Printed by finance"])
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append([" Invoice No ", "Customer ID", "Invoice Date", "Due Date", "Amount", "Notes"])
    ws.append(["INV-001", "C1", datetime(2024, 1, 5), None, "1,200.50", "first"])
    ws.append([None, None, None, None, None, None])  # blank row in the middle
    ws.append(["INV-002 ", " C2", "15/01/2024", "2024-02-14", 300, None])
    ws.append(["INV-003", "C1", 45310, None, " ٢٥٠ ", None])
    path = tmp_path / "b.xlsx"
    wb.save(path)
    book = read_book(path)
    inv = book.invoices
    assert inv["Invoice No"].tolist() == ["INV-001", "INV-002", "INV-003"]
    assert inv["Customer ID"].tolist() == ["C1", "C2", "C1"]
    assert inv["Amount"].tolist() == [1200.50, 300.0, 250.0]
    assert inv["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-05", "2024-01-15", "2024-01-19"]
    assert inv["_row"].tolist() == [5, 7, 8]
    assert inv["Notes"].tolist() == ["first", None, None]  # unknown columns are carried through
    # no customer list: only the note that the customers are the ones the invoices name
    assert [(i.cell, i.message.split(":")[0]) for i in book.issues] == [
        ("B4", "the workbook has no customer list")]


def test_excel_table_wins_over_plain_range(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Invoices"
    ws.append(["Sales invoices"])
    ws.append([])
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    ws.append(["A-1", "C1", datetime(2024, 1, 1), 10])
    ws.append(["A-2", "C1", datetime(2024, 1, 2), 20])
    ws.append([])
    ws.append(["Total", None, None, 30])  # below the table: not an invoice
    ws.add_table(XlTable(displayName="tblInvoices", ref="A3:D5"))
    path = tmp_path / "t.xlsx"
    wb.save(path)
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["A-1", "A-2"]
    assert book.invoices["_row"].tolist() == [4, 5]
    assert book.table("Invoices").cell(1, "Amount") == "D5"


def test_arabic_headers_and_sheet_names(tmp_path):
    path = _book(tmp_path, {
        "العملاء": [["رقم العميل", "اسم العميل", "شروط الدفع", "حد الائتمان", "الحالة"],
                    ["١٠٠١", "شركة النور للتجارة", "٣٠ يوم", "٥٠٬٠٠٠", "نشط"]],
        "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                     ["ف-١", "1001", "١٥/٠١/٢٠٢٤", "١٬٢٠٠٫٥٠"]],
    })
    book = read_book(path)
    assert book.arabic
    c = book.customers.iloc[0]
    assert (c["Customer ID"], c["Payment Terms"], c["Credit Limit"], c["Status"]) == ("1001", 30, 50000.0, "Active")
    i = book.invoices.iloc[0]
    assert (i["Invoice No"], i["Customer ID"], i["Amount"]) == ("ف-1", "1001", 1200.5)
    assert i["Invoice Date"] == datetime(2024, 1, 15)


def test_bad_values_reported_with_cell_addresses_and_no_row_lost(tmp_path):
    path = _book(tmp_path, {
        "Customers": CUSTOMER_ROWS + [["C2", "Delta Co", "soon", "abc", "EGP"],
                                      [None, "No Id Trading", 30, 100, "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "31/02/2024", 100],
                     ["I-2", "C2", "2024-01-10", "twelve"],
                     ["I-3", "C1", "2024-01-11", 50]],
    })
    book = read_book(path)
    assert len(book.customers) == 3 and len(book.invoices) == 3  # every row is kept
    found = {(i.sheet, i.cell, i.column, str(i.value)) for i in book.issues}
    assert found == {
        ("Customers", "C3", "Payment Terms", "soon"),
        ("Customers", "D3", "Credit Limit", "abc"),
        ("Customers", "A4", "Customer ID", "None"),
        ("Invoices", "C2", "Invoice Date", "31/02/2024"),
        ("Invoices", "D3", "Amount", "twelve"),
    }
    by_cell = {i.cell: i.message for i in book.issues}
    assert "not a valid date" in by_cell["C2"]
    assert "required" in by_cell["A4"]
    assert book.customers["Credit Limit"].isna().tolist() == [False, True, False]


def test_policy_sheet_overrides_defaults_and_reports_bad_values(tmp_path):
    path = _book(tmp_path, {
        "Customers": CUSTOMER_ROWS,
        "Policy": [["Key", "Value"], ["max_discount_pct", 7], ["Aging Buckets", "30, 60, 90, 120"],
                   ["fee_tolerance", "10 or 1 %"], ["date_order", "month first"],
                   ["credit_warning_pct", "lots"], ["my_own_key", "x"]],
    })
    book = read_book(path)
    p = book.policy
    assert (p.max_discount_pct, p.aging_buckets_days) == (7.0, (30, 60, 90, 120))
    assert (p.fee_tolerance_abs, p.fee_tolerance_pct, p.day_first) == (10.0, 1.0, False)
    assert p.credit_warning_pct == 80.0 and p.get("my_own_key") == "x"
    assert [(i.sheet, i.cell) for i in book.issues] == [("Policy", "B6")]


def test_missing_required_column_is_a_clear_error(tmp_path):
    path = _book(tmp_path, {"Customers": CUSTOMER_ROWS,
                            "Invoices": [["Invoice No", "Customer ID", "Invoice Date"], ["I", "C1", 1]]})
    book = read_book(path)
    with pytest.raises(InputError, match=r"sheet 'Invoices' has no column for Amount \(header row 1"):
        _ = book.invoices
    assert book.customers["Customer ID"].tolist() == ["C1"]


def test_unreadable_file(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(InputError, match="cannot open 'x.xlsx'"):
        read_book(bad)


def test_sheets_named_otherwise_are_found_by_their_headers(tmp_path):
    path = _book(tmp_path, {
        "Sheet1": [["Client master 2024"], ["Customer No", "Customer Name", "Terms", "Credit Limit"],
                   ["C1", "Nile Foods", "Net 30", "50,000"]],
        "Credit Status": [["Customer ID", "Customer", "Credit Limit", "Status"], ["X", "old", 1, "OK"]],
        "Sales 2024": [["Inv No", "Customer No", "Date", "Amount"], ["I-1", "C1", "2024-01-05", 100]],
        "Receipts log": [["Receipt No", "Customer No", "Receipt Date", "Amount", "Invoice"],
                         ["R-1", "C1", "2024-02-01", 100, "I-1"]],
    })
    book = read_book(path)
    assert book.table("Customers").sheet == "Sheet1"  # not our own Credit Status output tab
    assert book.customers["Customer ID"].tolist() == ["C1"]
    assert book.table("Invoices").sheet == "Sales 2024"
    assert book.table("Payments").sheet == "Receipts log"
    assert book.payments["Invoice No"].tolist() == ["I-1"]


def test_other_tabs_read_under_the_row_that_names_their_columns():
    from ar_excel.io.reader import rows_frame

    rows = [["رقم العميل", "الحقل", None, None],  # Arabic label row above the header
            ["Customer ID", "field", None, "Caption beside the table"],
            ["C1", "Credit Limit", None, None],
            [None, None, None, None],
            ["C2", "Terms", None, None]]
    frame = rows_frame(rows, ("Customer ID", "Field"))
    assert list(frame.columns) == ["Customer ID", "Field"]  # renamed as asked, caption left out
    assert frame.values.tolist() == [["C1", "Credit Limit"], ["C2", "Terms"]]
    assert rows_frame(rows, ("Customer ID", "Amount")) is None
    assert list(rows_frame(rows).columns) == ["رقم العميل", "الحقل"]  # no names asked: first row
