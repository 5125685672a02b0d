"""The statements job: one customer or all, tab(s) and PDFs, from the command line."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.errors import UsageError
from ar_excel.jobs import JobOptions
from ar_excel.jobs.statements import JOB
from tests.collections_data import book as make_book
from tests.collections_data import customers, invoices, payments, write_workbook
from tests.test_statements_core import ledger


def frames():
    cust, inv, pay = ledger()
    extra = customers([{"Customer ID": "C9", "Name": "Dormant Co"}])  # nothing at all
    return pd.concat([cust, extra], ignore_index=True), inv, pay


def test_all_customers_with_activity(tmp_path):
    book = make_book(*frames())
    result = JOB.run(book, JobOptions(as_of=pd.Timestamp("2026-10-31").date(), out_dir=tmp_path,
                                      args={"combined": True}))
    (tab,) = result.tabs
    assert tab.name == "Customer Statements"
    assert list(tab.frame["Customer ID"].unique()) == ["C1", "C2"]  # C9 has nothing
    assert [p.name for p in result.files] == ["Statement_C1.pdf", "Statement_C2.pdf",
                                              "Statements_2026-10-31.pdf"]
    assert all(p.parent == tmp_path / "statements" for p in result.files)


def test_one_customer_tab_per_customer_and_period(tmp_path):
    book = make_book(*frames())
    result = JOB.run(book, JobOptions(
        as_of=pd.Timestamp("2026-10-31").date(), out_dir=tmp_path,
        args={"customer": ["C1"], "tab_per_customer": True, "period_from": "01/09/2026",
              "no_pdf": True}))
    (tab,) = result.tabs
    assert tab.name == "Statement C1"
    egp = tab.frame[tab.frame["Currency"] == "EGP"]
    # from 1 September: opening 1000 (INV-1), then R1 600 on 09-15 ...
    assert egp["Balance"].tolist()[:3] == [1000.0, 400.0, 900.0]
    assert result.files == []


def test_unknown_customer_is_a_usage_error():
    book = make_book(*frames())
    with pytest.raises(UsageError, match="no customer C77"):
        JOB.run(book, JobOptions(as_of=pd.Timestamp("2026-10-31").date(),
                                 args={"customer": ["C1,C77"]}))


def test_command_line(tmp_path, capsys):
    cust, inv, pay = frames()
    src = tmp_path / "book.xlsx"
    write_workbook(src, {"Customers": cust, "Invoices": inv, "Payments": pay})
    out = tmp_path / "out.xlsx"
    pdfs = tmp_path / "pdfs"
    code = main(["statements", str(src), "--as-of", "2026-10-31", "--customer", "C2",
                 "--pdf-dir", str(pdfs), "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in pdfs.iterdir()] == ["Statement_C2.pdf"]
    ws = openpyxl.load_workbook(out)["Customer Statements"]
    values = [r for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(values) if r[0] == "Customer ID")
    assert values[header][:11] == ("Customer ID", "Customer", "Currency", "Date", "Type",
                                   "Document", "Reference", "Due Date", "Debit", "Credit",
                                   "Balance")
    assert values[header + 1][4] == "Opening balance" and values[header + 1][10] == 300
    assert main(["statements", str(src), "--customer", "NOPE", "-o", str(out)]) == 2


def test_invoice_without_customer_row_does_not_break(tmp_path):
    cust = customers([{"Customer ID": "C1", "Name": "A"}])
    inv = invoices([("X1", "C1", "2026-10-01", None, 100.0), ("X2", "C404", "2026-10-01", None, 5.0)])
    book = make_book(cust, inv, payments([]))
    result = JOB.run(book, JobOptions(as_of=pd.Timestamp("2026-10-31").date(), out_dir=tmp_path))
    assert result.tabs[0].frame["Customer ID"].unique().tolist() == ["C1"]
