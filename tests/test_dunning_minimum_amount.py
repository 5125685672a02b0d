"""A trivial balance is not dunned: Alpha's 0.50 left by a short payment, 70 days past due,
got a final notice with its statement (and a visit at 95 days); real AR teams write such
cents off or collect them with the next payment. The Policy's ``dunning_min_amount``
(by default 10.00 in EGP, SAR, AED, USD, 1.000 in KWD: ``Policy.dunning_minimum``; set, one
figure in each currency's units; 0 chases every cent) sets the least amount chased."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections import dunning
from ar_excel.core.collections.call_lists import severe_delays
from ar_excel.core.collections.dunning import dunning_run
from ar_excel.core.ledger import open_items
from ar_excel.policy import Policy, policy_from_pairs
from tests.collections_data import customers, invoices, payments

AS_OF = pd.Timestamp("2026-10-31")


def _ledger():
    cust = customers([{"Customer ID": "C1", "Name": "Alpha"},
                      {"Customer ID": "C2", "Name": "Beta"},
                      {"Customer ID": "C3", "Name": "Gamma"},
                      {"Customer ID": "C4", "Name": "Delta", "Currency": "KWD"}])
    inv = invoices([
        ("I1", "C1", "2026-07-23", "2026-08-22", 1000.00),  # 70 days past due
        ("I2", "C2", "2026-07-23", "2026-08-22", 10.00),  # exactly the minimum
        ("I3", "C3", "2026-06-28", "2026-07-28", 800.00),  # 95 days past due
        ("I4", "C4", "2026-07-23", "2026-08-22", 500.000, "KWD"),
    ])
    pay = payments([("P1", "C1", "2026-09-01", 999.50, "I1"),
                    ("P3", "C3", "2026-09-01", 799.75, "I3"),
                    ("P4", "C4", "2026-09-01", 499.995, "I4")])  # 0.005 KWD: 5 fils left
    return cust, inv, pay


def _run(policy: Policy | None = None) -> pd.DataFrame:
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    return dunning_run(items, cust, AS_OF, policy or Policy()).set_index("Customer ID")


def test_a_trivial_balance_gets_no_letter_and_says_why():
    d = _run()
    assert d.loc["C1", "Amount To Collect"] == 0.50  # still owed and overdue
    assert d.loc["C1", "Days Overdue"] == 70
    assert (d.loc["C1", "Level"], bool(d.loc["C1", "Letter"])) == (0, False)  # was 3, True
    assert d.loc["C1", "Next Action"] == ("Below the dunning minimum (10.00 EGP): no letter; "
                                          "write off or collect with the next payment")
    assert (d.loc["C2", "Level"], bool(d.loc["C2", "Letter"])) == (3, True)  # 10.00 is chased
    assert d.loc["C4", "Next Action"].startswith("Below the dunning minimum (1.000 KWD)")


def test_a_trivial_balance_is_named_for_why_it_is_level_0():
    """Before, Alpha's 0.50 at 70 days (past the third level) and Gamma's 0.25 at 95 read
    Level Name 'Overdue, below first level': they are below the minimum, not the first level."""
    d = _run()
    assert d.loc[["C1", "C3", "C4"], "Level Name"].tolist() == ["Below dunning minimum"] * 3
    assert d.loc["C2", "Level Name"] == "Final notice"  # 10.00 at 70 days is chased
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    ar = dunning_run(items, cust, AS_OF, Policy(), arabic=True).set_index("Customer ID")
    assert ar.loc["C1", "Level Name"] == "دون الحد الأدنى للمطالبة"
    # a few days late and below the first level: said so, whatever the amount
    inv = inv.assign(**{"Due Date": pd.Timestamp("2026-10-28")})
    d = dunning_run(open_items(cust, inv, pay, AS_OF), cust, AS_OF, Policy()).set_index(
        "Customer ID")
    assert d.loc[["C1", "C2"], "Level Name"].tolist() == ["Overdue, below first level"] * 2


def test_a_trivial_balance_is_not_called_or_visited():
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    d = dunning_run(items, cust, AS_OF, Policy())
    from ar_excel.core.collections.dunning import chased_items

    calls, visits = severe_delays(d, chased_items(items), cust, Policy())
    assert calls["Customer ID"].tolist() == ["C2"]  # C1's 0.50 at 70 days is no call
    assert visits["Customer ID"].tolist() == []  # C3's 0.25 at 95 days is no visit


def test_the_minimum_is_a_policy_key():
    policy, problems = policy_from_pairs([("Minimum Dunning Amount", "0", "B2")])
    assert problems == [] and policy.dunning_min_amount == 0.0
    d = _run(policy)  # 0: every cent is chased, as before
    assert d.loc[["C1", "C3", "C4"], "Level"].tolist() == [3, 4, 3]
    assert d.loc[["C1", "C3", "C4"], "Letter"].astype(bool).tolist() == [True, True, True]
    policy, problems = policy_from_pairs([("dunning_min_amount", "500", "B2")])
    assert _run(policy).loc["C2", "Level"] == 0
    policy, problems = policy_from_pairs([("dunning_min_amount", "-5", "B3")])
    assert policy.dunning_min_amount is None  # the default, by currency
    assert problems == [("B3", "policy 'dunning_min_amount': '-5' is not an amount of 0 or "
                               "more (e.g. 10); the default is used")]


def test_the_arabic_tab_says_it_in_arabic():
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    d = dunning_run(items, cust, AS_OF, Policy(), arabic=True).set_index("Customer ID")
    assert d.loc["C1", "Next Action"] == ("أقل من الحد الأدنى للمطالبة (10.00 EGP): لا يرسل "
                                          "خطاب؛ يشطب أو يحصل مع الدفعة القادمة")


def test_the_minimum_owed_as_a_sum_of_cents_is_chased():
    """Epsilon owes 0.01, 9.37 and 0.62, 46 days past due: 10.00, the minimum, whose float
    sum is 9.999999999999998. Before, the Dunning row said Amount To Collect 10.00 and
    'Below the dunning minimum (10.00 EGP)', no letter, while the Call List (comparing the
    tab's 10.00) called the customer. Now it is chased as its 10.00 says: a firm reminder."""
    cust = customers([{"Customer ID": "C5", "Name": "Epsilon"}])
    inv = invoices([("J1", "C5", "2026-08-16", "2026-09-15", 0.01),
                    ("J2", "C5", "2026-08-16", "2026-09-15", 9.37),
                    ("J3", "C5", "2026-08-16", "2026-09-15", 0.62)])
    items = open_items(cust, inv, payments([]), AS_OF)
    d = dunning_run(items, cust, AS_OF, Policy()).set_index("Customer ID")
    assert d.loc["C5", "Amount To Collect"] == 10.00
    assert (d.loc["C5", "Level"], bool(d.loc["C5", "Letter"])) == (2, True)
    assert d.loc["C5", "Level Name"] == "Firm reminder"
    calls, _ = severe_delays(d.reset_index(), dunning.chased_items(items), cust)
    assert calls["Customer ID"].tolist() == ["C5"]


def test_a_trivial_amount_not_yet_at_the_first_level_says_it_is_below_the_minimum():
    """Alpha's 0.50 and Delta's 0.005 KWD three days late (below the first level): at the
    first level they will still be below the minimum and get no letter, so the Next Action
    says so now, with no date, as for the rows past the first level. Before: 'Not yet at the
    first reminder', dated the day it reaches the first level. Beta's 10.00, the minimum,
    is waited for as before."""
    cust, inv, pay = _ledger()
    inv = inv.assign(**{"Due Date": pd.Timestamp("2026-10-28")})
    items = open_items(cust, inv, pay, AS_OF)
    d = dunning_run(items, cust, AS_OF, Policy()).set_index("Customer ID")
    assert d.loc[["C1", "C2", "C4"], "Days Overdue"].tolist() == [3, 3, 3]
    assert d.loc["C1", "Next Action"] == ("Below the dunning minimum (10.00 EGP): no letter; "
                                          "write off or collect with the next payment")
    assert d.loc["C4", "Next Action"] == ("Below the dunning minimum (1.000 KWD): no "
                                          "letter; write off or collect with the next payment")
    assert d.loc[["C1", "C4"], "Next Action Date"].isna().all()
    assert d.loc[["C1", "C2", "C4"], "Level"].tolist() == [0, 0, 0]
    assert not d.loc[["C1", "C2", "C4"], "Letter"].astype(bool).any()
    assert d.loc["C2", "Next Action"] == "Not yet at the first reminder"
    assert d.loc["C2", "Next Action Date"] == pd.Timestamp("2026-11-04")
    ar = dunning_run(items, cust, AS_OF, Policy(), arabic=True).set_index("Customer ID")
    assert ar.loc["C1", "Next Action"] == ("أقل من الحد الأدنى للمطالبة (10.00 EGP): لا يرسل "
                                           "خطاب؛ يشطب أو يحصل مع الدفعة القادمة")
    assert ar.loc["C2", "Next Action"] == "لم يبلغ التذكير الأول بعد"
