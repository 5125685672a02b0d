"""A credit request for a limit of 0 (stop credit, cash only) is a cut of the limit to 0,
judged as every other cut: approved, or referred where the customer already owes more than
the new limit; never declined as a request for "no amount". Where no limit is set there is
nothing to cut: still declined."""

from __future__ import annotations

from datetime import datetime as D

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 20).date()

BOOK = {
    "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit", "Status"],
                  ["S1", "Paid Up Trading", "Net 30", 10000, "Active"],
                  ["S2", "Still Owing Ltd", "Net 30", 20000, "Active"],
                  ["S3", "No Limit Co", "Net 30", None, "Active"],
                  ["S4", "Closed Account", "Net 30", 5000, "Closed"]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["F-1", "S1", D(2026, 9, 1), 5000.0],  # due 1/10, paid 25/9: on time
                 ["F-2", "S2", D(2026, 9, 1), 3000.0],  # due 1/10, paid 25/9: on time
                 ["F-3", "S2", D(2026, 11, 10), 2500.0]],  # open, due 10/12: not overdue
    "Payments": [["Payment ID", "Date", "Customer ID", "Invoice No", "Amount"],
                 ["P1", D(2026, 9, 25), "S1", "F-1", 5000.0],
                 ["P2", D(2026, 9, 25), "S2", "F-2", 3000.0]],
    "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                        ["S1", 0, "cash only from now on"],
                        ["S2", 0, "stop credit"],
                        ["S3", 0, "cash only"],
                        ["S4", 0, "account closed"]],
}


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    book = read_book(save_sheets(tmp_path_factory.mktemp("stop") / "book.xlsx", BOOK))
    tabs = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs
    return next(t.frame for t in tabs if t.name == "Credit Requests Review").set_index(
        "Customer ID")


def test_a_request_for_zero_owing_nothing_is_an_approved_cut(review):
    row = review.loc["S1"]
    assert (row["Requested Limit"], row["Current Limit"], row["Increase"], row["Exposure"],
            row["Recommendation"], row["Suggested Limit"]) == (
        0.0, 10000.0, -10000.0, 0.0, "Approve", 0.0)
    assert pd.isna(row["Utilization At Request %"])  # nothing to divide by at a limit of 0
    assert row["Reasons"] == ("a lower limit reduces the credit risk; pays on time on average "
                              "over 1 paid invoice(s); 0% of open invoices are overdue")


def test_a_request_for_zero_while_owing_is_referred_as_over_at_once(review):
    # owes 2,500.00 (F-3, not yet due): over a limit of 0 the moment it is cut
    row = review.loc["S2"]
    assert (row["Increase"], row["Exposure"], row["Recommendation"],
            row["Suggested Limit"]) == (-20000.0, 2500.0, "Refer", 0.0)
    assert row["Reasons"] == (
        "a lower limit reduces the credit risk; exposure 2,500.00 is already above the lower "
        "limit: the customer is over it at once; pays on time on average over 1 paid "
        "invoice(s); 0% of open invoices are overdue")


def test_a_closed_accounts_request_for_zero_is_approved_the_closure_its_evidence(review):
    row = review.loc["S4"]
    assert (row["Increase"], row["Recommendation"], row["Suggested Limit"]) == (
        -5000.0, "Approve", 0.0)
    assert row["Reasons"].startswith("a lower limit reduces the credit risk; the account is "
                                     "closed")


def test_zero_where_no_limit_is_set_is_still_declined(review):
    row = review.loc["S3"]
    assert row["Recommendation"] == "Decline"
    assert row["Reasons"].startswith("no requested limit above zero")
