"""The default dunning minimum means about the same money in every currency.

Before, it was 10 units of each currency: Kappa's 5.000 KWD (some USD 16) 70 days past due got
no letter, call or visit ('Below the dunning minimum (10.000 KWD)'), while Yamato's 300 JPY
(some USD 2) got a final notice. Now a currency whose unit is worth far more or far less than
EGP, SAR, AED or USD has its own round default (1.000 KWD, 500 JPY, ``policy.DUNNING_MINIMUMS``);
those four keep 10.00, and a minimum typed on the Policy sheet is one figure for every currency.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.call_lists import severe_delays
from ar_excel.core.collections.dunning import chased_items, dunning_run, min_amount
from ar_excel.core.ledger import open_items
from ar_excel.policy import Policy, policy_from_pairs
from tests.collections_data import customers, invoices, payments

AS_OF = pd.Timestamp("2026-10-31")
DUE = "2026-08-22"  # 70 days past due on the as-of date: a final notice
LATE_45 = "2026-09-16"  # 45 days: a firm reminder and a call


def _ledger():
    cust = customers([{"Customer ID": "K1", "Name": "Kappa", "Currency": "KWD"},
                      {"Customer ID": "K2", "Name": "Kuwait Small", "Currency": "KWD"},
                      {"Customer ID": "J1", "Name": "Yamato", "Currency": "JPY"},
                      {"Customer ID": "J2", "Name": "Osaka", "Currency": "JPY"},
                      {"Customer ID": "E1", "Name": "Nile", "Currency": "EGP"},
                      {"Customer ID": "U1", "Name": "Acme", "Currency": "USD"},
                      {"Customer ID": "K3", "Name": "Kappa Call", "Currency": "KWD"}])
    inv = invoices([
        ("IK1", "K1", "2026-07-23", DUE, 5.000, "KWD"),
        ("IK2", "K2", "2026-07-23", DUE, 0.900, "KWD"),
        ("IJ1", "J1", "2026-07-23", DUE, 300, "JPY"),
        ("IJ2", "J2", "2026-07-23", DUE, 500, "JPY"),
        ("IE1", "E1", "2026-07-23", DUE, 9.99, "EGP"),
        ("IU1", "U1", "2026-07-23", DUE, 10.00, "USD"),
        ("IK3", "K3", "2026-08-17", LATE_45, 3.500, "KWD"),
    ])
    return cust, inv, payments([])


def _run(policy: Policy | None = None) -> pd.DataFrame:
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    return dunning_run(items, cust, AS_OF, policy or Policy()).set_index("Customer ID")


def test_the_default_minimum_is_about_the_same_money_in_every_currency():
    d = _run()
    # 5.000 KWD is chased (was below 10.000 KWD); 0.900 KWD is not
    assert (d.loc["K1", "Level"], bool(d.loc["K1", "Letter"])) == (3, True)
    assert d.loc["K1", "Level Name"] == "Final notice"
    assert (d.loc["K2", "Level"], bool(d.loc["K2", "Letter"])) == (0, False)
    assert d.loc["K2", "Next Action"] == ("Below the dunning minimum (1.000 KWD): no letter; "
                                          "write off or collect with the next payment")
    # 300 JPY is not chased (was a final notice); 500 JPY, the minimum, is
    assert (d.loc["J1", "Level"], bool(d.loc["J1", "Letter"])) == (0, False)
    assert d.loc["J1", "Level Name"] == "Below dunning minimum"
    assert d.loc["J1", "Next Action"].startswith("Below the dunning minimum (500 JPY)")
    assert (d.loc["J2", "Level"], bool(d.loc["J2", "Letter"])) == (3, True)
    # EGP and USD as before: 10.00
    assert (d.loc["E1", "Level"], bool(d.loc["E1", "Letter"])) == (0, False)
    assert d.loc["E1", "Next Action"].startswith("Below the dunning minimum (10.00 EGP)")
    assert (d.loc["U1", "Level"], bool(d.loc["U1", "Letter"])) == (3, True)


def test_a_minimum_set_on_the_policy_sheet_is_one_figure_for_every_currency():
    policy, problems = policy_from_pairs([("Minimum Dunning Amount", "10", "B2")])
    assert problems == [] and policy.dunning_min_amount == 10.0
    d = _run(policy)
    assert (d.loc["K1", "Level"], bool(d.loc["K1", "Letter"])) == (0, False)
    assert d.loc["K1", "Next Action"].startswith("Below the dunning minimum (10.000 KWD)")
    assert (d.loc["J1", "Level"], bool(d.loc["J1", "Letter"])) == (3, True)
    # blank on the sheet: the default by currency
    policy, problems = policy_from_pairs([("Minimum Dunning Amount", "", "B2")])
    assert policy.dunning_min_amount is None and min_amount(policy, "KWD") == 1.0


def test_the_defaults_by_currency():
    policy = Policy()
    assert [min_amount(policy, c) for c in ("EGP", "SAR", "AED", "USD", "EUR", "kwd", "BHD",
                                            "OMR", "JOD", "JPY", "KRW", "IQD", "LBP")] == [
        10.0, 10.0, 10.0, 10.0, 10.0, 1.0, 1.0, 1.0, 2.0, 500.0, 5000.0, 5000.0, 250000.0]
    # a blank currency is the base currency's
    assert min_amount(Policy(base_currency="KWD"), None) == 1.0
    assert min_amount(Policy(base_currency="KWD"), "") == 1.0
    assert min_amount(Policy(), None) == 10.0


def test_the_call_and_visit_lists_take_each_currency_s_minimum():
    cust, inv, pay = _ledger()
    items = open_items(cust, inv, pay, AS_OF)
    d = dunning_run(items, cust, AS_OF, Policy())
    calls, _ = severe_delays(d, chased_items(items), cust, Policy())
    # 3.500 KWD 45 days late is called (was below 10.000 KWD); 300 JPY 70 days late is not
    assert sorted(calls["Customer ID"]) == ["J2", "K1", "K3", "U1"]
    row = calls.set_index("Customer ID").loc["K3"]
    assert (row["Amount To Collect"], row["Days Overdue"]) == (3.5, 45)
