"""Credit Status: a cash customer (a limit of 0 on cash terms) has no limit set, as the
contract rules (blank or 0), so it is not Over Limit; its Reason says what it owes on cash
terms, its Open Balance alone (its open orders are paid on delivery), not the Exposure that
adds the orders in."""

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


def test_cash_customer_with_a_zero_limit_is_not_over_limit_and_reason_quotes_what_it_owes(book):
    status = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    row = status.loc["Q1"]
    # owes 1,200.00 with a limit of 0 (no limit set); Exposure 1,200 + 5,000 ordered = 6,200
    assert (row["Credit Limit"], row["Open Balance"], row["Open Orders"], row["Exposure"],
            row["Over Limit"], row["Status"]) == (0.0, 1200.0, 5000.0, 6200.0, False, "OK")
    assert row["Utilization %"] != row["Utilization %"]  # blank: no limit to use
    assert row["Reason"] == ("no credit limit set; "
                             "cash terms give no credit, yet 1,200.00 is owed")
    # a customer on credit is judged on its Exposure and its Reason quotes it:
    # 2,000 owed + 1,500 ordered = 3,500, over 3,000 by 500
    row = status.loc["Q2"]
    assert (row["Exposure"], row["Status"], row["Reason"]) == (
        3500.0, "Over Limit", "exposure 3,500.00 is over the limit 3,000.00 by 500.00")


def test_arabic_reason_quotes_the_open_balance_owed_on_cash_terms(book):
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    frame = credit_status(book.customers, items, book.policy, book.frame("Orders"), AS_OF,
                          arabic=True).set_index("Customer ID")
    assert frame.at["Q1", "Exposure"] == 6200.0
    assert frame.at["Q1", "Reason"] == (
        "لا يوجد حد ائتمان؛ شروط الدفع النقدي لا تمنح ائتماناً، ومع ذلك على العميل 1,200.00")
