"""A payment plan closed by a write-off: its instalments say Written off, not Paid (the customer
did not pay them)."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.collections.payment_plans import active_plan_customers, plan_schedule
from tests.collections_data import customers, payments, plans

AS_OF = pd.Timestamp("2026-10-31")
CUST = customers([{"Customer ID": "C1", "Name": "Alpha"}])


def test_instalments_settled_by_a_write_off_are_written_off():
    plan = plans([("C1", 900.00, 3, "2026-08-01", "monthly")])
    pay = payments([("R1", "C1", "2026-08-10", 300.00, None),
                    ("WO1", "C1", "2026-10-20", 600.00, None)])
    pay["Method"] = ["Bank transfer", "Write-off"]
    sched, problems = plan_schedule(plan, pay, AS_OF, CUST)
    assert problems == []
    got = sched[["Instalment", "Paid Amount", "Outstanding", "Status"]].values.tolist()
    assert got == [[1, 300.0, 0.0, "Paid"], [2, 300.0, 0.0, "Written off"],
                   [3, 300.0, 0.0, "Written off"]]
    assert active_plan_customers(sched) == []  # the plan is closed
    assert list(sched.columns).count("_written_off") == 0


def test_an_instalment_paid_partly_in_cash_and_the_rest_written_off():
    plan = plans([("C1", 600.00, 2, "2026-08-01", "monthly")])
    pay = payments([("R1", "C1", "2026-08-10", 450.00, None),
                    ("WO1", "C1", "2026-10-20", 150.00, None)])
    pay["Method"] = ["Cheque", "شطب"]
    sched, _ = plan_schedule(plan, pay, AS_OF, CUST)
    assert sched["Status"].tolist() == ["Paid", "Written off"]


def test_without_a_method_column_everything_is_cash_as_before():
    plan = plans([("C1", 600.00, 2, "2026-08-01", "monthly")])
    pay = payments([("R1", "C1", "2026-08-10", 600.00, None)])
    sched, _ = plan_schedule(plan, pay, AS_OF, CUST)
    assert sched["Status"].tolist() == ["Paid", "Paid"]
    assert texts.PLAN_STATUS["ar"]["Written off"] == "مشطوب"
