"""Credit Status: a limit kept in another currency (typed 'USD 10,000') for a SAR customer
whose open orders (in SAR, its Currency) no rate converts into USD is not compared: its row
stays in SAR, its EUR invoice added as it stands. The title's tie to the ledger counts that
customer the same way. Before, the tie judged comparability on the open items alone (EUR has
a rate to USD), counted the EUR 1,000 as USD 1,074.23 and put it under the row's SAR: the
title read 'Open Balance total 1,000.00 ≠ ledger open balance 1,074.23'."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests._workbooks import save_sheets
from tests.test_validate_accountant_pass import HEAD, _row

AS_OF = date(2026, 11, 30)


def test_tie_counts_a_customer_its_orders_leave_uncompared_as_its_row_does(tmp_path):
    sheets = {
        "Customers": [HEAD, _row(1, currency="SAR", limit="USD 10,000")],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["I1", "C01", datetime(2026, 11, 1), datetime(2026, 12, 31), 1000,
                      "EUR"]],
        "Orders": [["Order No", "Customer ID", "Date", "Amount", "Status"],
                   ["SO-1", "C01", datetime(2026, 11, 20), 500.0, "Open"]],
        "Policy": [["Key", "Value"], ["base_currency", "EGP"],
                   ["exchange_rates", "USD=48.50; EUR=52.10"]],
    }
    book = read_book(save_sheets(tmp_path / "book.xlsx", sheets))
    result = run(book, JobOptions(as_of=AS_OF))
    row = result.tabs[0].frame.set_index("Customer ID").loc["C01"]
    assert (row["Currency"], row["Open Balance"], row["Open Orders"], row["Exposure"]) == (
        "SAR", 1000.0, 500.0, 1500.0)
    assert row["Reason"] == (
        "credit limit 10,000.00 is in USD (as typed in its cell), what is owed in SAR: no "
        "exchange rate in the Policy, not compared")
    assert result.tabs[0].title.startswith(
        "As of 2026-11-30: Open Balance total 1,000.00 = ledger open balance 1,000.00")
    assert [(i.cell, i.message) for i in result.issues] == [
        ("I2", "customer C01's credit limit is in USD (as typed) and it owes in SAR: no "
               "exchange rate in the Policy for SAR to USD, so Credit Status does not compare "
               "them; give the rate (exchange_rates)")]
