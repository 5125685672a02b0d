"""Credit Status figures worked out by hand, the tie-out to the ledger, reviews and requests."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from _credit_books import AS_OF, write_ledger
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.credit import CREDIT_COLUMNS, credit_status, open_orders
from ar_excel.core.ledger import open_balance, open_items
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from ar_excel.policy import Policy, policy_from_pairs


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    book = read_book(write_ledger(tmp_path_factory.mktemp("c") / "ledger.xlsx"))
    assert book.issues == []
    return book, run(book, JobOptions(as_of=AS_OF))


def _tab(result, name):
    return next(t for t in result[1].tabs if t.name == name).frame


def test_credit_status_columns_in_contract_order(result):
    status = _tab(result, "Credit Status")
    assert list(status.columns[:10]) == CREDIT_COLUMNS


def test_each_customer_figures_and_status(result):
    status = _tab(result, "Credit Status").set_index("Customer ID")
    cols = ["Credit Limit", "Open Balance", "Overdue Amount", "Exposure", "Utilization %",
            "Oldest Overdue Days", "Over Limit", "Status"]
    got = status[cols].astype(object).where(status[cols].notna(), None)
    assert got.loc["K1"].tolist() == [100000.0, 30000.0, 0.0, 30000.0, 30.0, 0, False, "OK"]
    # 8,500 overdue 30 days + open order SO1 300 (SO2 invoiced, nothing cancelled counts)
    assert got.loc["K2"].tolist() == [10000.0, 8500.0, 8500.0, 8800.0, 88.0, 30, False,
                                      "Warning"]
    # 6,000 - credit note 500; order SO4 is dated after the as-of date
    assert got.loc["K3"].tolist() == [5000.0, 5500.0, 0.0, 5500.0, 110.0, 0, True, "Over Limit"]
    # 4,000 invoice 100 days past due, 1,500 on account
    assert got.loc["K4"].tolist() == [50000.0, 2500.0, 4000.0, 2500.0, 5.0, 100, False, "Hold"]
    assert got.loc["K5"].tolist() == [20000.0, 1000.0, 0.0, 1000.0, 5.0, 0, False, "Hold"]
    assert got.loc["K6"].tolist() == [None, 2500.0, 2500.0, 2500.0, None, 30, False, "OK"]
    assert got.loc["K9"].tolist() == [None, 700.0, 700.0, 700.0, None, 29, False, "OK"]
    assert status.loc["K9", "Note"] == "not in the Customers sheet"
    assert status.loc["K4", "Unapplied Credits"] == -1500.0
    assert status.loc["K4", "Reason"] == "invoice I5 is 100 days past due (policy: hold after 90)"
    assert status.loc["K3", "Reason"] == "exposure 5,500.00 is over the limit 5,000.00 by 500.00"


def test_rows_are_ordered_by_severity_then_master_order(result):
    status = _tab(result, "Credit Status")
    assert list(status["Customer ID"]) == ["K4", "K5", "K3", "K2", "K1", "K6", "K7", "K9"]


def test_open_balance_ties_out_to_the_ledger(result):
    book, res = result
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    status = _tab(result, "Credit Status")
    assert status["Open Balance"].sum() == pytest.approx(items["Open Amount"].sum(), abs=0.001)
    assert status["Open Balance"].sum() == pytest.approx(50700.0)
    by_ledger = open_balance(items)
    mine = status.set_index("Customer ID")["Open Balance"]
    assert (mine.reindex(by_ledger.index) == by_ledger).all()
    assert res.tabs[0].title == ("As of 2026-06-30: Open Balance total 50,700.00 = ledger open "
                                 "balance 50,700.00")


def test_without_orders_exposure_is_the_open_balance(tmp_path):
    book = read_book(write_ledger(tmp_path / "l.xlsx", orders=False, requests=False))
    res = run(book, JobOptions(as_of=AS_OF))
    status = res.tabs[0].frame
    assert (status["Exposure"] == status["Open Balance"]).all()
    assert [t.name for t in res.tabs] == ["Credit Status", "Credit Reviews"]
    assert status.set_index("Customer ID").loc["K2", "Status"] == "Warning"  # 85 %


def test_reviews_due_lists_overdue_and_upcoming_reviews(result):
    reviews = _tab(result, "Credit Reviews")
    assert reviews[["Customer ID", "Days To Review", "Review"]].values.tolist() == [
        ["K3", -30, "Overdue"], ["K6", -29, "Overdue"], ["K2", 15, "Due in 15 days"]]


def test_reviews_due_say_their_days_as_a_reader_would():
    from ar_excel.core.credit import reviews_due

    today = pd.Timestamp(AS_OF)
    status = pd.DataFrame({
        "Customer ID": ["A", "B", "C", "D", "E"], "Customer": ["a", "b", "c", "d", "e"],
        "Next Credit Review": [today + pd.Timedelta(days=d) for d in (1, 2, 3, 10, 15)],
        "Credit Limit": 1000.0, "Exposure": 0.0, "Utilization %": 0.0, "Status": "OK",
        "Customer Status": None})
    # Arabic: one day, two days, 3-10 days and 11-99 days each take their own form
    assert reviews_due(status, AS_OF, arabic=True)["Review"].tolist() == [
        "مستحقة خلال يوم واحد", "مستحقة خلال يومين", "مستحقة خلال 3 أيام",
        "مستحقة خلال 10 أيام", "مستحقة خلال 15 يوماً"]
    assert reviews_due(status, AS_OF)["Review"].tolist() == [
        "Due in 1 day", "Due in 2 days", "Due in 3 days", "Due in 10 days", "Due in 15 days"]


def test_credit_request_recommendations_with_reasons(result):
    req = _tab(result, "Credit Requests Review").set_index("Customer ID")
    assert req["Recommendation"].to_dict() == {"K1": "Refer", "K4": "Decline", "K6": "Decline",
                                               "K99": "Decline"}
    k1 = req.loc["K1"]
    assert (k1["Avg Days Late"], k1["Paid Invoices"], k1["Overdue Share %"],
            k1["Utilization At Request %"], k1["Increase"]) == (19.0, 1, 0.0, 20.0, 50000.0)
    assert k1["Reasons"] == ("average lateness above 10 days; pays on average 19 days late over "
                             "1 paid invoice(s); 0% of what it owes is overdue (after credits on account); utilization "
                             "30% now, 20% at the requested limit")
    assert "on Hold" in req.loc["K4", "Reasons"] and "no payment history" in req.loc["K4",
                                                                                     "Reasons"]
    assert req.loc["K4", "Suggested Limit"] == 50000.0
    assert req.loc["K99", "Reasons"] == "customer K99 is not in the Customers sheet"


def test_a_good_payer_is_approved(tmp_path):
    from ar_excel.core.credit_requests import payment_record, recommend

    book = read_book(write_ledger(tmp_path / "l.xlsx"))
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    status = credit_status(book.customers, items, Policy(), None, AS_OF)
    record = payment_record(book.customers, book.invoices, book.payments, AS_OF)
    requests = pd.DataFrame({"Customer ID": ["K1"], "Requested Limit": [120000.0],
                             "Reason": ["growth"], "_row": [2]})
    relaxed, _ = policy_from_pairs([("refer_days_late", "25", "B9")])
    out = recommend(requests, status, record, items, relaxed)
    assert out.loc[0, ["Recommendation", "Suggested Limit"]].tolist() == ["Approve", 120000.0]


def test_open_orders_rules():
    orders = pd.DataFrame({
        "Customer ID": ["A", "A", "A", "A", "B"],
        "Date": pd.to_datetime(["2026-06-01", "2026-06-02", "2026-07-05", None, "2026-06-01"]),
        "Amount": [100.0, 200.0, 400.0, 800.0, 50.0],
        "Invoice No": [None, "INV1", None, None, None],
        "Status": ["Open", "Open", "Open", None, "ملغي"],
    })
    assert open_orders(orders, date(2026, 6, 30)).to_dict() == {"A": 900.0}


def test_warning_threshold_is_inclusive_and_from_the_policy():
    customers = pd.DataFrame({"Customer ID": ["A"], "Name": ["A Co"], "Credit Limit": [1000.0],
                              "Status": ["Active"], "Currency": ["EGP"],
                              "Next Credit Review": [pd.NaT]})
    items = pd.DataFrame({"Customer ID": ["A"], "Item Type": ["Invoice"], "Document No": ["I"],
                          "Open Amount": [800.0], "Days Past Due": [-3], "Currency": ["EGP"]})
    assert credit_status(customers, items, Policy())["Status"].tolist() == ["Warning"]
    assert credit_status(customers, items, Policy(credit_warning_pct=85))["Status"].tolist() == [
        "OK"]
    items["Open Amount"] = [1000.0]
    assert credit_status(customers, items, Policy())["Status"].tolist() == ["Warning"]  # = limit
    items["Open Amount"] = [1000.01]
    assert credit_status(customers, items, Policy())["Status"].tolist() == ["Over Limit"]


def test_arabic_reasons(result):
    book, _ = result
    book.arabic = True
    try:
        status = run(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    finally:
        book.arabic = False
    assert status.loc["K5", "Reason"] == "العميل موقوف في بيانات العملاء"


money = st.integers(min_value=-50_000, max_value=500_000).map(lambda c: c / 100)


@settings(max_examples=60, deadline=None)
@given(invoices=st.lists(st.tuples(st.sampled_from(["A", "B", "C", "Z"]), money,
                                   st.integers(0, 200)), max_size=25),
       payments=st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), money,
                                   st.integers(-1, 24), st.integers(0, 200)), max_size=20))
def test_open_balance_total_always_equals_the_ledger(invoices, payments):
    start = date(2026, 1, 1)
    customers = pd.DataFrame({"Customer ID": ["A", "B", "C"], "Name": ["a", "b", "c"],
                              "Currency": ["EGP"] * 3, "Payment Terms": pd.array([30] * 3,
                                                                                  dtype="Int64"),
                              "Credit Limit": [1000.0, np.nan, 0.0],
                              "Status": ["Active", "Hold", "Active"],
                              "Next Credit Review": [pd.NaT] * 3, "_row": [2, 3, 4]})
    inv = pd.DataFrame({
        "Invoice No": [f"I{i}" for i in range(len(invoices))],
        "Customer ID": [c for c, _, _ in invoices],
        "Invoice Date": pd.to_datetime([start + timedelta(days=d) for _, _, d in invoices]),
        "Due Date": pd.to_datetime([None] * len(invoices)),
        "Currency": [None] * len(invoices),
        "Amount": [a for _, a, _ in invoices],
        "_row": range(2, len(invoices) + 2)}, columns=["Invoice No", "Customer ID",
                                                       "Invoice Date", "Due Date", "Currency",
                                                       "Amount", "_row"])
    pay = pd.DataFrame({
        "Payment ID": [f"P{i}" for i in range(len(payments))],
        "Customer ID": [c for c, _, _, _ in payments],
        "Date": pd.to_datetime([start + timedelta(days=d) for _, _, _, d in payments]),
        "Amount": [abs(a) for _, a, _, _ in payments],
        "Invoice No": [f"I{k}" if k >= 0 else None for _, _, k, _ in payments],
        "_row": range(2, len(payments) + 2)}, columns=["Payment ID", "Customer ID", "Date",
                                                       "Amount", "Invoice No", "_row"])
    as_of = date(2026, 5, 1)
    items = open_items(customers, inv, pay, as_of)
    status = credit_status(customers, items, Policy(), None, as_of)
    ledger_total = round(float(items["Open Amount"].astype(float).sum()), 2)
    assert round(float(status["Open Balance"].sum()), 2) == pytest.approx(ledger_total,
                                                                          abs=0.011)
    assert set(status["Customer ID"]) >= set(items["Customer ID"])
    assert (status["Status"].isin(["Hold", "Over Limit", "Warning", "OK"])).all()
    assert (status.set_index("Customer ID").loc["B", "Status"]) == "Hold"


def test_credit_command_writes_the_tabs(tmp_path):
    import openpyxl

    from ar_excel.cli import main

    book = write_ledger(tmp_path / "ledger.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["credit", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert {"Credit Status", "Credit Reviews", "Credit Requests Review"} <= set(wb.sheetnames)
    rows = list(wb["Credit Status"].iter_rows(values_only=True))
    assert list(rows[0][:10]) == CREDIT_COLUMNS  # the contract's header on row 1
    k3 = next(r for r in rows[1:] if r[0] == "K3")
    assert list(k3[:10]) == ["K3", "Over Motors", 5000, 5500, 0, 5500, 110, 0, True, "Over Limit"]
    assert sum(r[3] for r in rows[1:]) == pytest.approx(50700.0)


def test_items_in_another_currency_are_named_not_converted():
    customers = pd.DataFrame({"Customer ID": ["A", "B"], "Name": ["A Co", "B Co"],
                              "Credit Limit": [1000.0, 1000.0], "Status": ["Active", "Active"],
                              "Currency": ["EGP", None], "Next Credit Review": [pd.NaT] * 2})
    items = pd.DataFrame({"Customer ID": ["A", "A", "B"], "Item Type": ["Invoice"] * 3,
                          "Document No": ["I1", "I2", "I3"], "Open Amount": [100.0, 50.0, 10.0],
                          "Days Past Due": [0, 0, 0], "Currency": ["EGP", "USD", "EGP"]})
    out = credit_status(customers, items, Policy()).set_index("Customer ID")
    assert out.loc["A", "Open Balance"] == 150.0
    assert out.loc["A", "Note"] == "open items in EGP, USD: added without conversion"
    assert pd.isna(out.loc["B", "Note"]) and out.loc["B", "Currency"] == "EGP"


def test_a_requested_increase_keeps_its_fils(result):
    from ar_excel.core.credit_requests import payment_record, recommend

    book = result[0]
    status = _tab(result, "Credit Status")
    requests = pd.DataFrame({"Customer ID": ["K1"], "Requested Limit": [150000.125],
                             "Reason": ["KWD branch"], "_row": [2]})
    record = payment_record(book.customers, book.invoices, book.payments, AS_OF)
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    row = recommend(requests, status, record, items, Policy()).iloc[0]
    assert row["Increase"] == 50000.125  # not rounded to the cent


def test_records_flagged_for_deletion_or_disabled_are_no_credit_review_due(tmp_path):
    """Credit Reviews leaves out a record SAP flags for deletion (X) or ERPNext disables (1),
    as it leaves out Closed ones and as validate's REVIEW_OVERDUE does: it is given no credit.
    The live record with the same review date is listed, 168 days overdue."""
    from datetime import date

    from ar_excel.io.reader import read_book
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.credit import JOB
    from tests._workbooks import save_sheets

    review = date(2026, 1, 15)
    for flag, yes in (("Deletion Flag", "X"), ("Disabled", 1)):
        book = read_book(save_sheets(tmp_path / f"{flag}.xlsx", {"Customers": [
            ["Customer ID", "Name", "Credit Limit", "Next Credit Review", flag],
            ["K1", "Kept Co", 5000, review, None],
            ["R1", "Retired Co", 5000, review, yes]],
            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                         ["INV-1", "K1", date(2026, 6, 1), 100.0]]}))
        tabs = {t.name: t.frame for t in JOB.run(book, JobOptions(as_of=date(2026, 7, 2))).tabs}
        reviews = tabs["Credit Reviews"]
        assert list(zip(reviews["Customer ID"], reviews["Days To Review"], strict=True)) == [
            ("K1", -168)], flag
        assert sorted(tabs["Credit Status"]["Customer ID"]) == ["K1", "R1"]  # still listed
