"""A credit request on a customer whose limit Credit Status leaves uncompared (Birch's limit
is 'USD 10,000', what it owes EGP 20,000, and the Policy gives no rate): the exposure is no
amount in the limit's currency, so neither is the utilization at the requested limit, and a
person is to weigh it. Before, 'utilization nan% now, 133.3% at the requested limit' and
'the requested limit is below today's exposure' (EGP 20,000 against USD 15,000)."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests._workbooks import save_sheets
from tests.test_validate_accountant_pass import HEAD, _row

INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            ["I2", "C02", datetime(2026, 11, 1), datetime(2026, 12, 31), 20000, "EGP"]]


def _review(tmp_path, requested: float) -> pd.Series:
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [HEAD, _row(2, limit="USD 10,000")], "Invoices": INVOICES,
        "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                            ["C02", requested, "growth"]]}))
    tabs = {t.name: t.frame for t in run(book, JobOptions(as_of=date(2026, 11, 30))).tabs}
    return tabs["Credit Requests Review"].iloc[0]


def test_an_increase_is_referred_to_a_person(tmp_path):
    row = _review(tmp_path, 15000)
    assert [row["Recommendation"], row["Suggested Limit"], row["Increase"]] == [
        "Refer", 15000.0, 5000.0]
    assert pd.isna(row["Utilization At Request %"])
    assert row["Reasons"] == (
        "Credit Status does not compare the exposure with the limit (owed in another "
        "currency, no exchange rate); no payment history yet; 0% of what it owes is overdue (after credits on account)")


def test_a_cut_is_approved_without_saying_the_customer_is_over_it(tmp_path):
    row = _review(tmp_path, 5000)
    assert [row["Recommendation"], row["Suggested Limit"]] == ["Approve", 5000.0]
    assert row["Reasons"] == (
        "a lower limit reduces the credit risk; Credit Status does not compare the exposure "
        "with the limit (owed in another currency, no exchange rate); no payment history yet; "
        "0% of what it owes is overdue (after credits on account)")
