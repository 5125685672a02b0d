"""The invoices job end to end: an accountant's workbook in, the two tabs out, read back."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import build_parser, execute
from ar_excel.io.reader import read_book
from ar_excel.io.writer import write_tabs
from ar_excel.jobs import JOB_MODULES, JobOptions
from ar_excel.jobs.invoices import JOB
from tests._invoice_books import AS_OF, clean_cycle, line_total, write_workbook


@pytest.fixture(scope="module")
def dirty_book(tmp_path_factory):
    """The clean cycle with a wrong line, an off-list price and an uninvoiced delivery."""
    cyc = clean_cycle()
    wrong = cyc.lines_of("INV-2024-0013")[0]
    wrong["Line Total"] = round(wrong["Line Total"] + 5, 2)
    cyc.retotal("INV-2024-0013")
    steel = next(ln for ln in cyc.lines if ln["Item"] == "P100" and ln["Unit Price"] == 45.0)
    steel["Unit Price"] = 46.0
    steel["Line Total"] = line_total(steel["Quantity"], 46.0, steel["Discount %"],
                                     steel["Tax Rate"], 2)
    cyc.retotal(steel["Invoice No"])
    cyc.deliveries.append({"Order No": "DN-0950", "Customer ID": "C003",
                           "Date": AS_OF - pd.Timedelta(days=30), "Amount": 99.5,
                           "Invoice No": None, "Status": "Delivered"})
    path = tmp_path_factory.mktemp("inv") / "book.xlsx"
    write_workbook(cyc, path)
    return path, cyc, wrong, steel


def test_registered_after_credit_for_the_month_end():
    assert JOB_MODULES.index("invoices") == JOB_MODULES.index("credit") + 1
    assert JOB.month_end and JOB.needs == ("Customers", "Invoices")


def test_tabs_as_written_and_read_back(tmp_path, dirty_book):
    path, cyc, wrong, steel = dirty_book
    book = read_book(path)
    assert {"Invoice Lines", "Price List", "Unit Conversions", "Orders"} <= set(book.tables)
    result = JOB.run(book, JobOptions(as_of=AS_OF.date()))
    assert [t.name for t in result.tabs] == ["Invoice Checks", "Invoice Exceptions"]
    out = write_tabs(result.tabs, source=path, out=tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(out)
    rows = [list(r) for r in wb["Invoice Checks"].iter_rows(values_only=True)]
    header = rows[0]
    assert header[:8] == ["Invoice No", "Row", "Field", "Code", "Severity", "Message", "Sheet",
                          "Customer ID"]
    found = [r[:8] for r in rows[1:]]
    line_row = cyc.lines.index(wrong) + 2
    steel_row = cyc.lines.index(steel) + 2
    assert [r[:5] + r[6:8] for r in found] == sorted([
        ["INV-2024-0013", line_row, "Line Total", "LINE_TOTAL_MISMATCH", "Error",
         "Invoice Lines", "C001"],
        [steel["Invoice No"], steel_row, "Unit Price", "PRICE_OFF_LIST", "Error",
         "Invoice Lines", cyc.invoice(steel["Invoice No"])["Customer ID"]],
        [None, len(cyc.deliveries) + 1, "Invoice No", "DELIVERY_NOT_INVOICED", "Error",
         "Deliveries", "C003"],
    ], key=lambda r: (r[0] is None, r[0] or ""))
    assert "difference 5.00" in next(r[5] for r in found if r[3] == "LINE_TOTAL_MISMATCH")

    report = [list(r) for r in wb["Invoice Exceptions"].iter_rows(values_only=True)]
    head_at = next(i for i, r in enumerate(report) if r and r[0] == "Customer ID")
    assert report[head_at][:8] == ["Customer ID", "Customer", "Severity", "Errors", "Warnings",
                                   "Documents", "Amount at Stake", "Top Codes"]
    body = report[head_at + 1:]
    assert {r[0] for r in body} == {"C001", "C003", cyc.invoice(steel["Invoice No"])["Customer ID"]}
    assert all(r[2] == "Error" for r in body)
    assert result.summary.startswith("Invoice checks on 72 invoices")
    assert "3 errors, 0 warnings" in result.summary


def test_command_line(tmp_path, dirty_book, capsys):
    path = dirty_book[0]
    out = tmp_path / "cli.xlsx"
    jobs = {"invoices": JOB}  # this job's command alone, whatever else is registered
    args = build_parser(jobs).parse_args(
        ["invoices", str(path), "--as-of", "2024-06-30", "-o", str(out)])
    assert execute(args, jobs) == 0
    assert "3 errors, 0 warnings" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert {"Invoice Checks", "Invoice Exceptions"} <= set(wb.sheetnames)
    assert wb["Invoice Checks"].max_row == 4


def test_arabic_workbook_gets_arabic_messages(tmp_path):
    cyc = clean_cycle()
    cyc.invoice("INV-2024-0013")["Customer ID"] = "C999"
    path = tmp_path / "ar.xlsx"
    write_workbook(cyc, path)
    wb = openpyxl.load_workbook(path)
    for ws, name in ((wb["Customers"], "العملاء"), (wb["Invoices"], "الفواتير")):
        ws.title = name
    wb.save(path)
    book = read_book(path)
    book.arabic = True
    result = JOB.run(book, JobOptions(as_of=AS_OF.date()))
    checks = result.tabs[0].frame
    assert checks["Message"].tolist() == ["العميل C999 غير موجود في ورقة العملاء"]
    assert checks["Sheet"].tolist() == ["الفواتير"]
