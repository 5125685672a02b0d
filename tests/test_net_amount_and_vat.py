"""An invoice list of the amount before tax and its VAT, as hand-kept books have it.

* A column headed just ``VAT`` (or ``Tax``) may hold the rate, so its header alone never made
  it the tax amount: beside ``Net Amount`` / ``Amount before VAT`` the VAT was not added and
  each invoice was read at its net, with no Input Issue (and the issue of a VAT that is a rate
  of the Amount told the clerk to head the column 'Net Amount', which added nothing either).
  It is now the tax where each row's VAT is a VAT rate of the row's amount (exempt and taxed
  rows may share the list); a column of rates stays what it is.
* A total worked out by the reader (net + tax, debit - credit) was rounded to two decimals:
  a Bahraini or Kuwaiti invoice lost its fils (1,357.538 BHD read 1,357.54).
"""

from __future__ import annotations

import datetime as dt

import pytest

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms"],
             ["K1", "Gulf Star Trading WLL", "BHD", 30], ["E1", "Delta Foods", "EGP", 30]]
DAY = dt.date(2026, 10, 1)


def _book(tmp_path, head: list[str], rows: list[list]):
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS,
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", *head],
                     *[[f"I{k}", cid, DAY, ccy, *vals] for k, (cid, ccy, *vals)
                       in enumerate(rows, start=1)]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    return book.invoices["Amount"].tolist(), [i.message for i in book.issues]


@pytest.mark.parametrize("net", ["Net Amount", "Amount before VAT", "Amount Excl VAT",
                                 "المبلغ قبل الضريبة"])
@pytest.mark.parametrize("vat", ["VAT", "Tax", "VAT Amount", "الضريبة"])
def test_the_vat_beside_the_amount_before_tax_is_added(tmp_path, net, vat):
    amounts, issues = _book(tmp_path, [net, vat], [
        ["K1", "BHD", 1234.125, 123.413], ["K1", "BHD", 500.005, 50.001]])
    assert amounts == [1357.538, 550.006]
    assert issues == []


def test_exempt_and_taxed_rows_in_one_list(tmp_path):
    amounts, issues = _book(tmp_path, ["Net Amount", "VAT"], [
        ["E1", "EGP", 1000.0, 140.0], ["E1", "EGP", 2500.0, 0.0], ["E1", "EGP", 800.0, 112.0]])
    assert amounts == [1140.0, 2500.0, 912.0]
    assert issues == []


def test_a_vat_column_of_rates_is_not_added(tmp_path):
    amounts, _ = _book(tmp_path, ["Net Amount", "VAT"], [
        ["E1", "EGP", 1000.0, 14], ["E1", "EGP", 2500.0, 14], ["E1", "EGP", 800.0, 14]])
    assert amounts == [1000.0, 2500.0, 800.0]


def test_debit_and_credit_keep_the_fils(tmp_path):
    amounts, _ = _book(tmp_path, ["Debit", "Credit"], [
        ["K1", "BHD", 1357.538, None], ["K1", "BHD", None, 100.125]])
    assert amounts == [1357.538, -100.125]


def test_a_vat_that_is_a_rate_of_the_total_column_still_says_so(tmp_path):
    _, issues = _book(tmp_path, ["Amount", "VAT"], [
        ["K1", "BHD", 1234.125, 123.413], ["K1", "BHD", 500.005, 50.001]])
    assert issues == [
        "'VAT' is 10 % of Amount on every row (F2, F3): Amount looks like the amount before "
        "tax, and the invoices with their tax total 1,907.544, 173.414 more than read; Amount "
        "is read as each invoice's total, as written: if it is before tax, head it 'Net "
        "Amount' and the tax is added"]


def test_an_opening_balance_of_a_dinar_ledger_keeps_its_fils(tmp_path):
    path = save_sheets(tmp_path / "ledger.xlsx", {
        "Customers": CUSTOMERS,
        "Customer Ledger": [
            ["Date", "Ref", "Description", "Debit", "Credit", "Balance"],
            ["K1 - Gulf Star Trading WLL"],
            [None, None, "Opening Balance", None, None, 750.125],
            [DAY, "BH-9", "Invoice", 1357.538, None, 2107.663]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert sorted(book.invoices["Amount"].tolist()) == [750.125, 1357.538]
    assert any("read as one open item of its balance, 750.125 (nothing under Debit or Credit)"
               in i.message for i in book.issues)
