"""A credit request for a limit of 0 (stop credit, cash only) is a cut of the limit to 0,
judged as every other cut: approved, or referred where the customer already owes more than
the new limit; never declined as a request for "no amount". Where no limit is set the
customer buys on credit terms without a cap: "cash only" stops that credit, judged so too.
A Credit Limit of 0 reads as no limit set, so the Reasons say to record the stop as Status
'Cash only' (a Hold), unless the master has closed the account or holds it already."""

from __future__ import annotations

from datetime import datetime as D

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 20).date()
RECORD_STOP = ("a Credit Limit of 0 is read as no limit set: record the stop as Status 'Cash "
               "only' (a Hold)")

BOOK = {
    "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit", "Status"],
                  ["S1", "Paid Up Trading", "Net 30", 10000, "Active"],
                  ["S2", "Still Owing Ltd", "Net 30", 20000, "Active"],
                  ["S3", "No Limit Co", "Net 30", None, "Active"],
                  ["S4", "Closed Account", "Net 30", 5000, "Closed"],
                  ["S5", "Open Terms Owing", "Net 30", None, "Active"],
                  ["S6", "Held No Limit", "Net 30", 0, "Hold"]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["F-1", "S1", D(2026, 9, 1), 5000.0],  # due 1/10, paid 25/9: on time
                 ["F-2", "S2", D(2026, 9, 1), 3000.0],  # due 1/10, paid 25/9: on time
                 ["F-3", "S2", D(2026, 11, 10), 2500.0],  # open, due 10/12: not overdue
                 ["F-4", "S5", D(2026, 11, 5), 1200.0]],  # open, due 5/12: not overdue
    "Payments": [["Payment ID", "Date", "Customer ID", "Invoice No", "Amount"],
                 ["P1", D(2026, 9, 25), "S1", "F-1", 5000.0],
                 ["P2", D(2026, 9, 25), "S2", "F-2", 3000.0]],
    "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                        ["S1", 0, "cash only from now on"],
                        ["S2", 0, "stop credit"],
                        ["S3", 0, "cash only"],
                        ["S4", 0, "account closed"],
                        ["S5", 0, "cash only from now"],
                        ["S6", 0, "stop credit"]],
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
    assert row["Reasons"] == ("a lower limit reduces the credit risk; " + RECORD_STOP
                              + "; pays on time on average over 1 paid invoice(s); 0% of what it owes is "
                              "overdue (after credits on account)")


def test_a_request_for_zero_while_owing_is_referred_as_over_at_once(review):
    # owes 2,500.00 (F-3, not yet due): over a limit of 0 the moment it is cut
    row = review.loc["S2"]
    assert (row["Increase"], row["Exposure"], row["Recommendation"],
            row["Suggested Limit"]) == (-20000.0, 2500.0, "Refer", 0.0)
    assert row["Reasons"] == (
        "a lower limit reduces the credit risk; exposure 2,500.00 is already above the lower "
        "limit: the customer is over it at once; " + RECORD_STOP + "; pays on time on "
        "average over 1 paid invoice(s); 0% of what it owes is overdue (after credits on account)")


def test_a_closed_accounts_request_for_zero_is_approved_the_closure_its_evidence(review):
    row = review.loc["S4"]
    assert (row["Increase"], row["Recommendation"], row["Suggested Limit"]) == (
        -5000.0, "Approve", 0.0)
    assert row["Reasons"].startswith("a lower limit reduces the credit risk; the account is "
                                     "closed")


def test_cash_only_where_no_limit_is_set_stops_the_credit(review):
    """S3 buys on Net 30 without a cap and owes nothing: approved, Suggested Limit 0, no
    Increase (no amount to cut from) nor utilization at 0; it was declined as 'no requested
    limit above zero'."""
    row = review.loc["S3"]
    assert (row["Recommendation"], row["Suggested Limit"], row["Exposure"]) == (
        "Approve", 0.0, 0.0)
    assert pd.isna(row["Increase"]) and pd.isna(row["Utilization At Request %"])
    assert row["Reasons"] == ("stopping the credit given without a limit reduces the credit "
                              "risk; " + RECORD_STOP + "; no payment history yet; 0% of what it owes is "
                              "overdue (after credits on account)")


def test_cash_only_where_no_limit_is_set_while_owing_is_referred(review):
    # S5 owes 1,200.00 (F-4, not yet due) on terms without a limit: over 0 at once
    row = review.loc["S5"]
    assert (row["Recommendation"], row["Suggested Limit"], row["Exposure"]) == (
        "Refer", 0.0, 1200.0)
    assert row["Reasons"] == (
        "stopping the credit given without a limit reduces the credit risk; exposure 1,200.00 "
        "is already above the lower limit: the customer is over it at once; " + RECORD_STOP
        + "; no payment history yet; 0% of what it owes is overdue (after credits on account)")


def test_a_held_customer_without_a_limit_is_not_told_to_record_a_hold(review):
    row = review.loc["S6"]
    assert (row["Recommendation"], row["Suggested Limit"]) == ("Approve", 0.0)
    assert row["Reasons"].startswith("stopping the credit given without a limit reduces the "
                                     "credit risk; the customer is on Hold (")
    assert RECORD_STOP not in row["Reasons"]


def test_a_negative_request_is_still_declined(tmp_path):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        **BOOK, "Credit Requests": [["Customer ID", "Requested Limit"], ["S3", -100]]}))
    tabs = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs
    row = next(t.frame for t in tabs if t.name == "Credit Requests Review").iloc[0]
    assert (row["Recommendation"], row["Reasons"]) == (
        "Decline", "no requested limit above zero; no payment history yet; 0% of what it owes is "
        "overdue (after credits on account)")
