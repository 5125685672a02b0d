"""Amounts as clerks type them: '15000.-' (no cents, the Swiss and German way) was read as
-15,000.00 (the dash a trailing minus), so an invoice became a credit note; 'Dhs. 4,200' and
'AED. 4,200' (a dot after the currency) and 'JD 3,000' (the Jordanian dinar) were 'not a
number'. A trailing minus alone still makes a negative (SAP's '15000-')."""

from __future__ import annotations

import datetime as dt

import pytest

from ar_excel.io.reader import read_book
from ar_excel.parsing.numbers import parse_number_text
from tests._workbooks import save_sheets


@pytest.mark.parametrize(("typed", "amount"), [
    ("15000.-", 15000.0), ("1,250.-", 1250.0), ("AED 1,250/-", 1250.0),
    ("Dhs. 4,200", 4200.0), ("AED. 4,200", 4200.0), ("JD 3,000", 3000.0),
    ("J.D. 3,000.500", 3000.5), ("15000-", -15000.0), ("(1,250.00)", -1250.0),
])
def test_amounts_as_typed(typed, amount):
    assert parse_number_text(typed) == amount


def _book(path, customer, rows):
    return read_book(save_sheets(path, {
        "Customers": [["Customer ID", "Name", "Currency"], customer],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     *rows]}))


def test_an_invoice_typed_with_no_cents_is_no_credit_note(tmp_path):
    book = _book(tmp_path / "b.xlsx", ["C1", "Zurich Trading AG", "CHF"], [
        ["R-1001", "C1", dt.date(2026, 10, 1), "15000.-", None],
        ["R-1002", "C1", dt.date(2026, 10, 2), "Dhs. 4,200", None]])
    assert book.frame("Invoices")["Amount"].tolist() == [15000.0, 4200.0]
    assert not [i for i in book.issues if i.sheet == "Invoices"]


def test_a_code_with_a_dot_after_it_still_names_the_currency(tmp_path):
    """'KWD. 1.250' in a book of dinars: three decimals, 1.250 dinars (not 1,250)."""
    invoices = _book(tmp_path / "b.xlsx", ["K1", "Kuwait Food Co", "KWD"], [
        ["K-1", "K1", dt.date(2026, 10, 1), "KWD. 1.250", None],
        ["K-2", "K1", dt.date(2026, 10, 2), "AED. 4,200", "AED."]]).frame("Invoices")
    assert invoices["Amount"].tolist() == [1.25, 4200.0]
    assert invoices["Currency"].tolist() == [None, "AED"]  # (blank: the customer's KWD)
