"""A workbook holding only Sage 300's transactions, its amount heading unknown ('Cust. Amt'):
no customer list of its own, so its customers come from the invoice list, which could not be
read. 'ar-excel aging' said 'the workbook has no 'Customers' sheet', sending the user after
a sheet the book never needed; it now says why the invoice list was not read, as the month
end's skipped jobs do (in Arabic too)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.errors import InputError
from ar_excel.io.reader import read_book
from ar_excel.io.summaries_ar import arabic_summary
from ar_excel.jobs import JobOptions, registry
from ar_excel.runner import run_jobs
from tests._workbooks import save_sheets

D = datetime
WHY = ("sheet 'AR Transactions' looks like an invoice list (its header row 1 names Invoice No, "
       "Customer ID, Invoice Date, Due Date) but has no column for Amount: not read; head "
       "those columns as the contract names them (e.g. 'Amount', 'Customer ID')")


def _book(tmp_path):
    return read_book(save_sheets(tmp_path / "s.xlsx", {"AR Transactions": [
        ["Customer No.", "Customer Name", "Doc. Type", "Document Number", "Doc. Date",
         "Due Date", "Cust. Amt"],
        ["1200", "Nile Foods", "IN", "IN0000101", D(2026, 10, 1), D(2026, 10, 31), 10000]]}))


def test_aging_says_why_the_invoice_list_was_not_read(tmp_path):
    with pytest.raises(InputError) as raised:
        registry()["aging"].run(_book(tmp_path), JobOptions(as_of=date(2026, 11, 30)))
    assert str(raised.value) == WHY


def test_the_month_end_says_it_for_the_jobs_needing_customers(tmp_path):
    outcome = run_jobs(_book(tmp_path), [registry()["credit"]], JobOptions(as_of=date(2026, 11, 30)), month_end=True)
    line = next(s for s in outcome.skipped if s.startswith("credit"))
    assert line == f"credit: skipped, {WHY}"
    assert arabic_summary(line).startswith("credit: تم التخطي: الورقة 'AR Transactions' تبدو "
                                           "قائمة فواتير")
