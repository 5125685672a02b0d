"""Credit Status: a cash customer (a limit of 0 on cash terms) is judged on its Open Balance
alone (its open orders are paid on delivery), and its Reason quotes that balance, not the
Exposure that adds the orders in."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.core.credit import credit_status
from ar_excel.core.ledger import open_items
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()

BOOK = {
    "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                  ["Q1", "Cash Buyer With Orders", "Cash", 0],
                  ["Q2", "Credit Buyer With Orders", "Net 30", 3000]],
    # both invoiced 20 days before the as-of date: beyond the cash grace days, not yet due
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["INV-201", "Q1", D(2026, 11, 10), 1200.0],
                 ["INV-202", "Q2", D(2026, 11, 10), 2000.0]],
    "Orders": [["Order No", "Customer ID", "Date", "Amount", "Status"],
               ["SO-21", "Q1", D(2026, 11, 25), 5000.0, "Open"],
               ["SO-22", "Q2", D(2026, 11, 25), 1500.0, "Open"]],
}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return read_book(save_sheets(tmp_path_factory.mktemp("cash_orders") / "book.xlsx", BOOK))


def test_cash_customers_reason_quotes_the_open_balance_it_was_judged_on(book):
    status = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    row = status.loc["Q1"]
    # owes 1,200.00 against a limit of 0; Exposure 1,200 + 5,000 ordered = 6,200
    assert (row["Credit Limit"], row["Open Balance"], row["Open Orders"], row["Exposure"],
            row["Over Limit"], row["Status"]) == (0.0, 1200.0, 5000.0, 6200.0, True,
                                                  "Over Limit")
    assert row["Reason"] == "open balance 1,200.00 is over the limit 0.00 by 1,200.00"
    # a customer on credit is judged on its Exposure and its Reason quotes it:
    # 2,000 owed + 1,500 ordered = 3,500, over 3,000 by 500
    row = status.loc["Q2"]
    assert (row["Exposure"], row["Status"], row["Reason"]) == (
        3500.0, "Over Limit", "exposure 3,500.00 is over the limit 3,000.00 by 500.00")


def test_arabic_reason_quotes_the_open_balance(book):
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    frame = credit_status(book.customers, items, book.policy, book.frame("Orders"), AS_OF,
                          arabic=True).set_index("Customer ID")
    assert frame.at["Q1", "Exposure"] == 6200.0
    assert frame.at["Q1", "Reason"] == "الرصيد المفتوح 1,200.00 يتجاوز الحد 0.00 بمقدار 1,200.00"
