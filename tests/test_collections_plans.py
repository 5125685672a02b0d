"""Payment plans: instalment amounts and dates, paid tracking, bad rows, reminders."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.collections.payment_plans import (
    active_plan_customers,
    due_dates,
    instalment_amounts,
    parse_frequency,
    plan_reminders,
    plan_schedule,
)
from tests.collections_data import customers, payments, plans

AS_OF = pd.Timestamp("2026-10-31")
CUST = customers([{"Customer ID": "C1", "Name": "Alpha"}, {"Customer ID": "C2", "Name": "Beta"}])


def test_equal_instalments_last_takes_the_rounding():
    assert instalment_amounts(1000.00, 3) == [333.33, 333.33, 333.34]
    assert instalment_amounts(100.00, 1) == [100.00]
    assert instalment_amounts(0.05, 2) == [0.02, 0.03]



def test_kwd_instalments_are_whole_fils():
    assert instalment_amounts(1000.000, 3, 3) == [333.333, 333.333, 333.334]
    assert instalment_amounts(100.125, 2, 3) == [50.062, 50.063]
    assert instalment_amounts(1000, 3, 0) == [333.0, 333.0, 334.0]  # yen: no decimals


def test_a_kwd_plan_is_scheduled_and_paid_to_the_fils():
    cust = customers([{"Customer ID": "K1", "Name": "Gulf Trading", "Currency": "KWD"}])
    plan = plans([("K1", 1000.000, 3, "2026-09-01", "monthly")])
    pay = payments([("R1", "K1", "2026-09-20", 333.333, None),
                    ("R2", "K1", "2026-10-05", 333.330, None)])  # 3 fils short
    sched, problems = plan_schedule(plan, pay, AS_OF, cust)
    assert problems == []
    got = sched[["Amount", "Paid Amount", "Outstanding", "Status"]].values.tolist()
    assert got == [[333.333, 333.333, 0.0, "Paid"],
                   [333.333, 333.33, 0.003, "Overdue"],  # 3 fils are still owed
                   [333.334, 0.0, 333.334, "Due soon"]]
    assert active_plan_customers(sched) == ["K1"]


def test_monthly_dates_are_counted_from_the_start():
    dates = due_dates(pd.Timestamp("2026-01-31"), 4, ("months", 1))
    assert [d.strftime("%Y-%m-%d") for d in dates] == [
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
    weekly = due_dates(pd.Timestamp("2026-01-01"), 3, parse_frequency("weekly"))
    assert [d.strftime("%m-%d") for d in weekly] == ["01-01", "01-08", "01-15"]


@pytest.mark.parametrize(("text", "expected"), [
    (None, ("months", 1)), ("", ("months", 1)), ("Monthly", ("months", 1)),
    ("weekly", ("days", 7)), ("every 2 weeks", ("days", 14)), ("fortnightly", ("days", 14)),
    ("quarterly", ("months", 3)), ("every 2 months", ("months", 2)), ("شهري", ("months", 1)),
    ("كل أسبوعين", ("days", 14)), ("ربع سنوي", ("months", 3)), ("10 days", ("days", 10)),
    ("٢ شهر", ("months", 2)), ("3", ("months", 3)), ("yearly", ("months", 12)),
])
def test_frequency_words(text, expected):
    assert parse_frequency(text) == expected


def test_unknown_frequency_is_an_error():
    with pytest.raises(ValueError, match="unknown frequency 'whenever'"):
        parse_frequency("whenever")


def test_a_frequency_of_more_than_a_year_is_an_error_and_the_plan_runs_monthly():
    """45,000 (a date serial typed in the Frequency column) read as every 45,000 months put
    the second instalment in the year 5776: the month-end's collections job failed."""
    for text in ("45000", "every 3750 years", "400 days", "13 months"):
        with pytest.raises(ValueError, match="longer than a year between instalments"):
            parse_frequency(text)
    assert parse_frequency("12") == ("months", 12) and parse_frequency("yearly") == ("months", 12)
    sched, problems = plan_schedule(plans([("C1", 300.00, 3, "2026-09-01", 45000)]),
                                    payments([]), AS_OF, CUST)
    assert [(i, c) for i, c, _ in problems] == [(0, "Frequency")]
    assert problems[0][2].endswith("; monthly is used")
    assert sched["Due Date"].tolist() == [pd.Timestamp("2026-09-01"), pd.Timestamp("2026-10-01"),
                                          pd.Timestamp("2026-11-01")]


def test_schedule_and_paid_tracking():
    plan = plans([("C1", 1200.00, 3, "2026-09-01", "monthly")])
    pay = payments([
        ("R0", "C1", "2026-07-15", 999.00, None),  # before the plan's window (from 08-01)
        ("R1", "C1", "2026-08-20", 300.00, None),  # early, in the month before the start
        ("R2", "C1", "2026-09-25", 450.00, "X9"),  # counts whatever invoice it names
        ("R3", "C2", "2026-09-25", 500.00, None),  # another customer
        ("R4", "C1", "2026-11-05", 400.00, None),  # after the as-of date
    ])
    sched, problems = plan_schedule(plan, pay, AS_OF, CUST)
    assert problems == []
    got = sched[["Plan", "Instalment", "Due Date", "Amount", "Paid Amount", "Outstanding",
                 "Paid Date", "Status", "Days Overdue"]].astype(object).values.tolist()
    assert got == [
        ["C1-1", 1, pd.Timestamp("2026-09-01"), 400.0, 400.0, 0.0, pd.Timestamp("2026-09-25"),
         "Paid", 0],
        ["C1-1", 2, pd.Timestamp("2026-10-01"), 400.0, 350.0, 50.0, pd.NaT, "Overdue", 30],
        ["C1-1", 3, pd.Timestamp("2026-11-01"), 400.0, 0.0, 400.0, pd.NaT, "Due soon", 0],
    ]
    assert sched["Customer"].tolist() == ["Alpha"] * 3
    assert active_plan_customers(sched) == ["C1"]
    rem = plan_reminders(sched).iloc[0]
    assert (rem["Kind"], rem["Instalment"], rem["Outstanding"]) == ("overdue", 2, 50.0)


def test_two_plans_fill_oldest_instalment_first_and_statuses():
    plan = plans([("C2", 300.00, 2, "2026-12-15", "monthly"),
                  ("C2", 200.00, 2, "2026-10-10", "2 weeks")])
    pay = payments([("R1", "C2", "2026-10-09", 250.00, None)])
    sched, _ = plan_schedule(plan, pay, AS_OF, CUST)
    # plans numbered by start date; the receipt is within the 2nd plan's window only
    assert sched[["Plan", "Due Date", "Paid Amount", "Status"]].astype(object).values.tolist() == [
        ["C2-1", pd.Timestamp("2026-10-10"), 100.0, "Paid"],
        ["C2-1", pd.Timestamp("2026-10-24"), 100.0, "Paid"],
        ["C2-2", pd.Timestamp("2026-12-15"), 0.0, "Not yet due"],
        ["C2-2", pd.Timestamp("2027-01-15"), 0.0, "Not yet due"],
    ]
    assert plan_reminders(sched).empty  # nothing overdue, nothing due within 7 days


def test_bad_plan_rows_are_reported_not_scheduled():
    plan = plans([("C1", 1000.00, 0, "2026-09-01"), ("C1", -5.00, 2, "2026-09-01"),
                  ("C1", 600.00, 2, None), (None, 100.00, 1, "2026-09-01"),
                  ("C2", 100.00, 2, "2026-09-01", "whenever")])
    sched, problems = plan_schedule(plan, payments([]), AS_OF, CUST)
    assert [(i, c) for i, c, _ in problems] == [
        (0, "Instalments"), (1, "Amount"), (2, "Start"), (3, "Customer ID"), (4, "Frequency")]
    assert "monthly is used" in problems[4][2]
    assert sched["Plan"].unique().tolist() == ["C2-1"]  # the bad frequency row still runs
    assert sched["Due Date"].tolist() == [pd.Timestamp("2026-09-01"), pd.Timestamp("2026-10-01")]


def test_an_instalment_count_no_plan_has_is_reported_not_scheduled():
    """A date serial (45,000) or an amount (99,999,999) typed as the number of instalments:
    the month-end run failed on 45,000 monthly dates (past the year 2262)."""
    plan = plans([("C1", 1000.00, 45000, "2026-09-01"), ("C1", 1000.00, 99_999_999, "2026-09-01"),
                  ("C2", 5200.00, 520, "2026-09-01", "weekly")])
    sched, problems = plan_schedule(plan, payments([]), AS_OF, CUST)
    assert [(i, c) for i, c, _ in problems] == [(0, "Instalments"), (1, "Instalments")]
    assert problems[0][2] == ("number of instalments must be a whole number up to 520: "
                              "not scheduled")
    assert sched["Plan"].unique().tolist() == ["C2-1"]  # ten years weekly is a plan
    assert len(sched) == 520 and sched["Amount"].sum() == pytest.approx(5200.00)
    assert sched["Due Date"].iloc[-1] == pd.Timestamp("2026-09-01") + pd.Timedelta(weeks=519)


@settings(max_examples=60, deadline=None)
@given(amount=st.integers(min_value=1, max_value=10_000_000),
       count=st.integers(min_value=1, max_value=24),
       receipts=st.lists(st.integers(min_value=1, max_value=5_000_000), max_size=6))
def test_money_is_conserved(amount, count, receipts):
    plan = plans([("C1", amount / 100, count, "2026-01-01", "monthly")])
    pay = payments([(f"R{k}", "C1", "2026-02-01", r / 100, None) for k, r in enumerate(receipts)])
    sched, _ = plan_schedule(plan, pay, AS_OF, CUST)
    cents = lambda s: int(round(s.sum() * 100))  # noqa: E731
    assert cents(sched["Amount"]) == amount
    assert cents(sched["Paid Amount"]) == min(amount, sum(receipts))
    assert cents(sched["Paid Amount"] + sched["Outstanding"]) == amount
    assert (sched["Paid Amount"] <= sched["Amount"] + 1e-9).all()


def test_a_kwd_instalment_three_fils_short_is_still_expected():
    from ar_excel.core.collections.risk import expected_payments

    cust = customers([{"Customer ID": "K1", "Name": "Gulf Trading", "Currency": "KWD"}])
    plan = plans([("K1", 1000.000, 3, "2026-09-01", "monthly")])
    pay = payments([("R1", "K1", "2026-09-20", 333.333, None),
                    ("R2", "K1", "2026-10-05", 333.330, None),
                    ("R3", "K1", "2026-10-06", 333.334, None)])  # the third, early
    sched, _ = plan_schedule(plan, pay, AS_OF, cust)
    assert sched["Outstanding"].tolist() == [0.0, 0.0, 0.003]  # R3 filled #2 first
    expected = expected_payments(pd.DataFrame(), pd.DataFrame(), AS_OF, plans=sched)
    assert expected[["Invoice No", "Currency", "Expected Amount"]].values.tolist() == [
        ["Plan K1-1 #3", "KWD", 0.003]]


def test_a_plan_running_past_the_calendar_is_reported_not_scheduled():
    """A plan starting 2261-12-31 (a 'never' placeholder typed as its start): its monthly
    instalments ran past April 2262, the last day a schedule holds, and the month-end's
    collections job failed (OutOfBoundsDatetime). Found by fuzzing the Arabic demo book."""
    plan = plans([("C1", 1200.00, 12, "2261-12-31"), ("C2", 400.00, 4, "2026-09-01")])
    sched, problems = plan_schedule(plan, payments([]), AS_OF, CUST)
    assert problems == [(0, "Start", "payment plan runs past the year 2261: not scheduled")]
    assert sched["Plan"].unique().tolist() == ["C2-1"] and len(sched) == 4
