"""Xero's due-date kinds give due dates: OFCURRENTMONTH N (the Nth of the invoice's own
month; an invoice raised after the Nth is due on its own date, never before it), and
OFFOLLOWINGMONTH, DAYSAFTERBILLDATE, DAYSAFTERBILLMONTH with their day, whether in Xero's
two contact columns or typed in one Payment Terms cell ("20 OFFOLLOWINGMONTH")."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ar_excel.core.ledger import due_dates
from ar_excel.io.reader import read_book
from ar_excel.parsing import month_end_terms
from ar_excel.parsing.terms import parse_terms_text
from tests._workbooks import save_sheets


@pytest.mark.parametrize(("cell", "days", "month_end"), [
    ("25th of current month", 25, -1), ("OFCURRENTMONTH 25", 25, -1),
    ("25 OFCURRENTMONTH", 25, -1), ("يوم 25 من الشهر الحالي", 25, -1),
    ("20 OFFOLLOWINGMONTH", 20, 0), ("OFFOLLOWINGMONTH 20", 20, 0),
    ("Of Following Month: 20", 20, 0), ("30 DAYSAFTERBILLDATE", 30, None),
    ("DAYSAFTERBILLDATE 30", 30, None), ("DAYSAFTERBILLMONTH 7", 7, 0),
    ("20th of following month", 20, 0), ("Net 30", 30, None)])
def test_xero_kinds_in_one_cell(cell, days, month_end):
    assert parse_terms_text(cell) == days
    assert month_end_terms(cell) == month_end


@pytest.mark.parametrize("cell", ["OFCURRENTMONTH", "20 OFCURRENTMONTH 5"])
def test_a_kind_without_one_day_is_not_terms(cell):
    with pytest.raises(ValueError, match="is not payment terms in days"):
        parse_terms_text(cell)


def test_due_dates_of_xero_terms_typed_in_the_payment_terms_column(tmp_path):
    customers = [["Customer ID", "Name", "Payment Terms"],
                 ["C1", "Bayside Club", "OFCURRENTMONTH 25"],
                 ["C2", "City Agency", "20 OFFOLLOWINGMONTH"],
                 ["C3", "Marine Systems", "DAYSAFTERBILLMONTH 7"],
                 ["C4", "Ridgeway University", "DAYSAFTERBILLDATE 30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I1", "C1", "2026-10-05", 100], ["I2", "C1", "2026-10-28", 100],
                ["I3", "C2", "2026-10-28", 100], ["I4", "C3", "2026-10-28", 100],
                ["I5", "C4", "2026-10-28", 100], ["I6", "C1", "2026-12-25", 100]]
    book = read_book(save_sheets(tmp_path / "x.xlsx",
                                 {"Customers": customers, "Invoices": invoices}))
    assert book.issues == []
    due = [d.date() for d in due_dates(book.invoices, book.customers)]
    assert due == [date(2026, 10, 25), date(2026, 10, 28),  # the 25th already past: at once
                   date(2026, 11, 20), date(2026, 11, 7), date(2026, 11, 27),
                   date(2026, 12, 25)]


def test_a_stated_due_date_on_the_25th_of_the_month_is_consistent(tmp_path):
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.invoices import JOB

    customers = [["Customer ID", "Name", "DueDateSalesDay", "DueDateSalesTerm"],
                 ["C1", "Bayside Club", 25, "OFCURRENTMONTH"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["I1", "C1", "2026-10-05", "2026-10-25", 100],
                ["I2", "C1", "2026-10-06", "2026-11-25", 100]]
    book = read_book(save_sheets(tmp_path / "x.xlsx",
                                 {"Customers": customers, "Invoices": invoices}))
    found = JOB.run(book, JobOptions(as_of=date(2026, 10, 31))).tabs[0].frame
    codes = found[found["Code"] == "DUE_DATE_INCONSISTENT"]
    assert codes["Invoice No"].tolist() == ["I2"]  # a month later than the terms allow
    assert pd.Series(book.customers["Payment Terms"]).tolist() == [25]
