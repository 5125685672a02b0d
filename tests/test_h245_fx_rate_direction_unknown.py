"""An invoice list's 'FX Rate' column does not say which way its rates run: a clerk's may be
EGP per USD (48.50) or USD per EGP (0.0206), like Odoo's 'Currency Rate' (the document
currency per unit of the company's). a6b2c0a read it as the company's currency per unit of
the invoice's: with USD 0.0206 and EUR 0.0192, Misr Export's 20,000 USD and 10,000 EUR
counted as 412 and 192 EGP (exposure 500,604, 25 % OK). Such a column is not used; an Input
Issue at its first foreign row says so, and the items are added as they stand (530,000)."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT


def _book(tmp_path, header, usd, eur):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["X1", "Misr Export Co.", "EGP", 30, 2000000])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                  "Amount", header])
    sheet.append(["EX-01", "X1", date(2026, 10, 1), date(2026, 10, 31), "EGP", 500000, 1])
    sheet.append(["EX-02", "X1", date(2026, 10, 5), date(2026, 11, 4), "USD", 20000, usd])
    sheet.append(["EX-03", "X1", date(2026, 10, 7), date(2026, 11, 6), "EUR", 10000, eur])
    path = tmp_path / "fx.xlsx"
    wb.save(path)
    return path


def _status(book):
    result = CREDIT.run(book, JobOptions(as_of=date(2026, 11, 30)))
    frame = {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")
    return frame.loc["X1", ["Exposure", "Utilization %", "Status"]].tolist()


@pytest.mark.parametrize("header", ["FX Rate", "Currency Rate"])
@pytest.mark.parametrize("usd, eur", [(0.0206, 0.0192), (48.50, 52.10)])
def test_a_rate_column_of_unknown_direction_is_not_used_and_said(tmp_path, header, usd, eur):
    book = read_book(_book(tmp_path, header, usd, eur))
    said = [i for i in book.issues if i.column == header]
    assert [(i.sheet, i.cell) for i in said] == [("Invoices", "G3")]
    assert said[0].message.startswith(f"column '{header}' not used as exchange rates")
    assert arabic_message(said[0].message) != said[0].message
    assert _status(book) == [530000, 26.5, "OK"]


def test_exchange_rate_keeps_its_direction(tmp_path):
    book = read_book(_book(tmp_path, "Exchange Rate", 48.50, 52.10))
    assert _status(book) == [500000 + 20000 * 48.50 + 10000 * 52.10, 99.6, "Warning"]
