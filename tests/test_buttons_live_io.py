"""The live-Excel adapter: reading parses exactly as the file reader does; writing puts tabs
back in bulk, text as text, all or nothing."""

from __future__ import annotations

import datetime as dt

import fake_xlwings as fake
import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.table import Table as XlTable

from ar_excel.excel.reading import read_live_book
from ar_excel.excel.writing import STAGING, write_tabs_live
from ar_excel.io.reader import read_book
from ar_excel.model import Chart, Tab

CUSTOMERS = [
    ["Customer master — June", None, None, None, None],  # a title row above the header
    [None, None, None, None, None],
    ["رقم العميل", "Customer Name", "Credit Limit", "Payment Terms", "Next Credit Review"],
    ["C001", "Nile Foods S.A.E.", "50,000", "Net 30", dt.datetime(2024, 1, 31)],
    [1002, "شركة النور للتجارة", 75000, "٣٠", "15/02/2024"],
    [None, None, None, None, None],  # a blank row in the middle
    ["C003", "Delta & Co", "lots", "45 days", "not a date"],
]
INVOICES_TABLE = [
    ["Invoice No", "Customer ID", "Invoice Date", "Amount"],
    ["INV-1", "C001", dt.datetime(2024, 1, 5), 1000.5],
    ["INV-2", "1002", "2024-02-01", "2,500.00"],
]
POLICY = [["key", "value"], ["date_order", "day first"], ["max_discount_pct", "7"]]


def _file(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in CUSTOMERS:
        ws.append(row)
    data = wb.create_sheet("Data")
    data.append([])  # the table starts at B2
    for row in INVOICES_TABLE:
        data.append([None, *row])
    data.add_table(XlTable(displayName="tblInvoices", ref="B2:E4"))
    pol = wb.create_sheet("Policy")
    for row in POLICY:
        pol.append(row)
    wb.create_sheet("Notes").append(["anything", "else"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def _fake():
    book = fake.book_from_sheets({"Customers": CUSTOMERS, "Data": [[]] + [[None, *r] for r in INVOICES_TABLE],
                                  "Policy": POLICY, "Notes": [["anything", "else"]]},
                                 fullname="/nowhere/book.xlsm")
    data = book.sheets["Data"]
    data.tables.add(source=data.range("B2:E4"), name="tblInvoices")
    return book


def test_live_read_parses_as_the_file_reader(tmp_path):
    from_file = read_book(_file(tmp_path))
    live = read_live_book(_fake())
    assert set(live.tables) == set(from_file.tables) == {"Customers", "Invoices"}
    for kind in live.tables:
        pd.testing.assert_frame_equal(live.tables[kind].frame, from_file.tables[kind].frame)
        assert live.tables[kind].letters == from_file.tables[kind].letters
    assert live.policy == from_file.policy
    assert live.policy.max_discount_pct == 7.0
    assert [i.as_row() for i in live.issues] == [i.as_row() for i in from_file.issues]
    cells = {i.cell for i in live.issues}
    assert {"C7", "E7"} <= cells  # "lots" and "not a date", with their addresses
    customers = live.tables["Customers"].frame
    assert customers["Customer ID"].tolist() == ["C001", "1002", "C003"]
    assert customers["Credit Limit"].tolist()[:2] == [50000.0, 75000.0]
    assert customers["_row"].tolist() == [4, 5, 7]
    assert live.tables["Invoices"].frame["Amount"].tolist() == [1000.5, 2500.0]


def test_live_read_finds_a_sheet_by_its_headers_as_the_file_reader_does(tmp_path):
    # the customer master on a sheet named "Sheet1": found by its header row either way
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    for row in CUSTOMERS:
        wb.active.append(row)
    inv = wb.create_sheet("Invoices")
    for row in INVOICES_TABLE:
        inv.append(row)
    wb.save(tmp_path / "book.xlsx")
    from_file = read_book(tmp_path / "book.xlsx")
    live = read_live_book(fake.book_from_sheets({"Sheet1": CUSTOMERS, "Invoices": INVOICES_TABLE},
                                                fullname="/nowhere/book.xlsm"))
    assert set(live.tables) == set(from_file.tables) == {"Customers", "Invoices"}
    pd.testing.assert_frame_equal(live.tables["Customers"].frame, from_file.tables["Customers"].frame)
    assert live.tables["Customers"].sheet == "Sheet1"


def test_live_read_loads_other_sheets_on_demand():
    book = read_live_book(_fake())
    assert "Notes" in book.sheet_names
    assert book.sheet_loader("notes") == [["anything", "else"]]
    assert book.sheet_loader("missing") is None


def _sheet_values(sheet):
    return sheet.grid()


def test_write_tab_in_bulk_with_formats_and_text_kept(tmp_path):
    book = fake.book_from_sheets({"Customers": [["Customer ID", "Name"], ["C1", "x"]]})
    frame = pd.DataFrame({
        "Customer ID": ["00123", "C2"],
        "Description": ["=HYPERLINK(\"http://evil\")", "-5 fee"],
        "Bucket": ["1-30", "31-60"],
        "Amount": [1234.5, np.nan],
        "Date": pd.to_datetime(["2024-01-31", None]),
        "Count": pd.array([3, None], dtype="Int64"),
        "Over Limit": [True, False],
        "_row": [2, 3],
    })
    tab = Tab("Result", frame, formats={"Amount": "money"}, title="As of 2024-01-31",
              highlight=pd.Series([True, False]))
    assert write_tabs_live(book, [tab]) == ["Result"]
    sheet = book.sheets["Result"]
    assert sheet.grid() == [  # the caption sits right of the header row
        ["Customer ID", "Description", "Bucket", "Amount", "Date", "Count", "Over Limit", None,
         "As of 2024-01-31"],
        ["00123", "=HYPERLINK(\"http://evil\")", "1-30", 1234.5, dt.datetime(2024, 1, 31), 3.0, True,
         None, None],
        ["C2", "-5 fee", "31-60", None, None, None, False, None, None],
    ]
    assert not any(c.formula for c in sheet.cells_.values())
    assert sheet.cell("D2").number_format == "#,##0.00;[Red]-#,##0.00"
    assert sheet.cell("E2").number_format == "yyyy-mm-dd"
    assert sheet.cell("A2").number_format == "@"
    assert sheet.cell("A2").color is not None and sheet.cell("A3").color is None
    (table,) = list(sheet.tables)
    assert table.name == "tblResult" and table.range.address == "$A$1:$G$3"
    assert [s.name for s in book.sheets] == ["Customers", "Result"]


def test_write_replaces_a_tab_in_place_and_never_duplicates():
    book = fake.book_from_sheets({"Aging": [["Customer ID", "Total"], ["C0", 5.0]],
                                  "Customers": [["Customer ID"]]})  # an earlier run's tab
    tab = Tab("aging", pd.DataFrame({"Customer ID": ["C1"], "Total": [10.0]}))
    write_tabs_live(book, [tab])
    write_tabs_live(book, [tab])
    assert [s.name for s in book.sheets] == ["aging", "Customers"]
    assert book.sheets["aging"].grid() == [["Customer ID", "Total"], ["C1", 10.0]]
    assert [t.name for t in book.sheets["aging"].tables] == ["tblAging"]


def test_write_is_all_or_nothing(monkeypatch):
    book = fake.book_from_sheets({"Aging": [["Customer ID"], ["C0"]],
                                  "Customers": [["Customer ID"]]})
    good = Tab("Aging", pd.DataFrame({"Customer ID": ["C1"]}))
    bad = Tab("Credit Status", pd.DataFrame({"Customer ID": ["C1"]}))
    real_fill = __import__("ar_excel.excel.writing", fromlist=["fill_sheet"]).fill_sheet

    def failing_fill(sheet, tab, *, arabic):
        if tab.name == "Credit Status":
            raise RuntimeError("Excel went away")
        return real_fill(sheet, tab, arabic=arabic)

    monkeypatch.setattr("ar_excel.excel.writing.fill_sheet", failing_fill)
    with pytest.raises(RuntimeError):
        write_tabs_live(book, [good, bad])
    assert [s.name for s in book.sheets] == ["Aging", "Customers"]
    assert book.sheets["Aging"].grid() == [["Customer ID"], ["C0"]]
    assert not any(s.name.startswith(STAGING) for s in book.sheets)


def test_write_arabic_label_row_and_empty_tab():
    book = fake.book_from_sheets({"Customers": []})
    tabs = [Tab("Aging", pd.DataFrame({"Customer ID": ["C1"], "Total": [5.0]})),
            Tab("Input Issues", pd.DataFrame(columns=["Sheet", "Cell", "Column", "Value", "Message"]))]
    write_tabs_live(book, tabs, arabic=True)
    assert book.sheets["Aging"].grid()[:2] == [["رقم العميل", "الإجمالي"], ["Customer ID", "Total"]]
    assert book.sheets["Input Issues"].grid()[1] == ["Sheet", "Cell", "Column", "Value", "Message"]
    assert list(book.sheets["Input Issues"].tables) == []  # no table without rows


def test_write_draws_charts_where_the_engine_has_them():
    book = fake.book_from_sheets({"Customers": []})
    frame = pd.DataFrame({"Month": ["Jan", "Feb"], "DSO": [40.0, 42.0], "CEI": [80.0, 85.0]})
    write_tabs_live(book, [Tab("Pack", frame, charts=[Chart("line", "DSO", "Month", ["DSO", "CEI"])])])
    (chart,) = list(book.sheets["Pack"].charts)
    assert chart.chart_type == "line" and chart.source_.address == "$B$1:$C$3"


def _file_grid(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    rows = [[float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in r]
            for r in ws.iter_rows(values_only=True)]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [list(r) + [None] * (width - len(r)) for r in rows]


def test_live_tab_has_the_file_writers_layout_with_title_labels_and_blocks(tmp_path):
    from ar_excel.io.writer import write_tabs

    main = pd.DataFrame({"Customer ID": ["C1", "C2"], "Total": [10.0, -2.5],
                         "Due": pd.to_datetime(["2026-01-31", "2026-02-28"])})
    tie = Tab("Tie-out", pd.DataFrame({"Check": ["Ledger", "Aging"], "Amount": [7.5, 7.5]}),
              title="Tie-out to the ledger")
    plain = Tab("Notes", pd.DataFrame({"Note": ["=not a formula"]}), as_table=False)
    tab = Tab("Aging", main, formats={"Total": "money"}, title="Aging as of 2026-02-28",
              blocks=[tie, plain])
    out = write_tabs([tab], out=tmp_path / "out.xlsx", arabic=True)
    book = fake.book_from_sheets({"Customers": []})
    write_tabs_live(book, [tab], arabic=True)
    live = book.sheets["Aging"].grid()
    assert live == _file_grid(out, "Aging")
    assert live[0][0] == "رقم العميل" and live[0][4] == "Aging as of 2026-02-28"  # caption right
    assert live[1][:3] == ["Customer ID", "Total", "Due"]
    assert live[5][0] == "Tie-out to the ledger" and live[-1][0] == "=not a formula"
    file_tables = sorted(openpyxl.load_workbook(out)["Aging"].tables)
    assert sorted(t.name for t in book.sheets["Aging"].tables) == file_tables


def test_a_sheet_of_the_clerks_own_named_like_a_tab_is_never_deleted():
    # Excel keeps no backup copy: a hand-kept 'Aging' sheet would have been deleted
    from ar_excel.errors import UnsafeWriteError

    own = [["My own aging, kept by hand"], ["C1", 100, "call Monday"]]
    book = fake.book_from_sheets({"Aging": own, "Customers": [["Customer ID"]]})
    tabs = [Tab("Customer Checks", pd.DataFrame({"Customer ID": ["C1"]})),
            Tab("Aging", pd.DataFrame({"Customer ID": ["C1"], "Total": [10.0]}))]
    with pytest.raises(UnsafeWriteError, match="a sheet of its own named 'Aging'"):
        write_tabs_live(book, tabs)
    assert [s.name for s in book.sheets] == ["Aging", "Customers"]  # nothing written
    assert book.sheets["Aging"].grid() == [["My own aging, kept by hand", None, None],
                                           ["C1", 100, "call Monday"]]
