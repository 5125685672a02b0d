"""A credit limit typed with its currency ('EGP 50,000', 'USD 10,000') is in that currency,
whatever the customer's Currency or the currency it is invoiced in: Credit Status converts
what is owed into it at the Policy's exchange rates, and without a rate does not compare the
two, saying so at the limit's cell. Before, the typed currency was dropped and the figure
compared with what was owed in the invoices' currency, in silence."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests._workbooks import save_sheets
from tests.test_validate_accountant_pass import HEAD, _row

AS_OF = date(2026, 11, 30)
COLUMNS = ["Currency", "Credit Limit", "Open Balance", "Exposure", "Utilization %",
           "Over Limit", "Status"]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            # Nile Export has no Currency in the master and is invoiced in USD
            ["I1", "C01", datetime(2026, 11, 1), datetime(2026, 12, 31), 1200, "USD"],
            # Birch is an EGP customer whose limit was granted in USD
            ["I2", "C02", datetime(2026, 11, 1), datetime(2026, 12, 31), 20000, "EGP"]]


def _credit(tmp_path, *policy: list):
    rows = [_row(1, currency=None, limit="EGP 50,000"), _row(2, limit="USD 10,000")]
    sheets = {"Customers": [HEAD, *rows], "Invoices": INVOICES}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    book = read_book(save_sheets(tmp_path / "book.xlsx", sheets))
    result = run(book, JobOptions(as_of=AS_OF))
    return book, result, result.tabs[0].frame.set_index("Customer ID")


# the rates against EGP: said, or the one currency the book names without a rate
@pytest.mark.parametrize("base", [[["base_currency", "EGP"]], []])
def test_the_typed_currency_wins_and_what_is_owed_is_converted_into_it(tmp_path, base):
    book, result, status = _credit(tmp_path, ["exchange_rates", "USD=48.50"], *base)
    # USD 1,200 x 48.50 = EGP 58,200 against EGP 50,000: over by 8,200 (before: USD 1,200
    # against '50,000' = 2.4 %, OK)
    assert status.loc["C01", COLUMNS].tolist() == [
        "EGP", 50000.0, 58200.0, 58200.0, 116.4, True, "Over Limit"]
    assert status.loc["C01", "Reason"] == (
        "exposure 58,200.00 is over the limit 50,000.00 by 8,200.00")
    assert status.loc["C01", "Note"] == (
        "credit limit in EGP: as typed in its cell; open items converted to EGP at the "
        "Policy's exchange rates: USD 48.5")
    # EGP 20,000 / 48.50 = USD 412.37 of USD 10,000 (before: EGP 20,000 against '10,000'
    # = 200 %, Over Limit)
    assert status.loc["C02", COLUMNS].tolist() == [
        "USD", 10000.0, 412.37, 412.37, 4.1, False, "OK"]
    assert result.issues == []
    assert [(i.cell, i.message) for i in book.issues if "is a limit in" in i.message] == [
        ("I3", "'USD 10,000' is a limit in USD, but customer C02 is billed in EGP: Credit "
               "Status compares USD 10,000.00 with what it owes converted at the Policy's "
               "exchange rates")]


def test_without_a_rate_the_typed_currency_is_not_compared_and_said_at_its_cell(tmp_path):
    _, result, status = _credit(tmp_path)
    for cid, owed in (("C01", 1200.0), ("C02", 20000.0)):
        row = status.loc[cid]
        assert [row["Open Balance"], row["Over Limit"], row["Status"]] == [owed, False, "OK"]
        assert row["Utilization %"] != row["Utilization %"]  # blank: not compared
    assert status.loc["C01", "Reason"] == (
        "credit limit 50,000.00 is in EGP (as typed in its cell), what is owed in USD: no "
        "exchange rate in the Policy, not compared")
    assert [(i.sheet, i.cell, i.value, i.message) for i in result.issues] == [
        ("Customers", "I2", "EGP 50,000",
         "customer C01's credit limit is in EGP (as typed) and it owes in USD: no exchange "
         "rate in the Policy for USD to EGP, so Credit Status does not compare them; give "
         "the rate (exchange_rates)"),
        ("Customers", "I3", "USD 10,000",
         "customer C02's credit limit is in USD (as typed) and it owes in EGP: no exchange "
         "rate in the Policy for EGP to USD, so Credit Status does not compare them; give "
         "the rate (exchange_rates)")]


def test_rates_are_against_the_books_own_currency_where_nothing_names_it(tmp_path):
    """Only Nile Export, without a Currency, invoiced in USD, in a book of Egyptian customers
    whose Policy gives 'USD=48.50' and no Base Currency: the rate is against the book's own
    EGP. Before, no currency was left without a rate to be the base, nothing converted, and
    the Input Issue said there was no rate for USD."""
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [HEAD, _row(1, currency=None, limit="EGP 50,000")],
        "Invoices": INVOICES[:2], "Policy": [["Key", "Value"], ["exchange_rates", "USD=48.50"]]}))
    result = run(book, JobOptions(as_of=AS_OF))
    status = result.tabs[0].frame.set_index("Customer ID")
    assert status.loc["C01", COLUMNS].tolist() == [
        "EGP", 50000.0, 58200.0, 58200.0, 116.4, True, "Over Limit"]
    assert result.issues == []


def test_an_open_order_in_another_currency_than_the_limit_is_not_compared_either(tmp_path):
    """Birch (EGP) owes nothing but has an EGP 30,000 order open against its 'USD 10,000'
    limit, and the Policy gives no rate: not compared, and said at the limit's cell."""
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [HEAD, _row(2, limit="USD 10,000")], "Invoices": INVOICES[:1],
        "Orders": [["Order No", "Customer ID", "Date", "Amount", "Status"],
                   ["SO-1", "C02", datetime(2026, 11, 20), 30000, "Open"]]}))
    result = run(book, JobOptions(as_of=AS_OF))
    row = result.tabs[0].frame.set_index("Customer ID").loc["C02"]
    assert [row["Exposure"], row["Over Limit"], row["Status"]] == [30000.0, False, "OK"]
    assert row["Utilization %"] != row["Utilization %"]
    assert [(i.cell, i.value) for i in result.issues] == [("I2", "USD 10,000")]
