"""Collections, helper-185: one default for the dunning levels, what the bank's receipts
leave worked out for the payers only, and an API caller's receipts without currencies."""

from __future__ import annotations

import datetime

import pandas as pd

from ar_excel.core.collections import bank_receipts
from ar_excel.core.collections.bank_receipts import (
    bank_accounts,
    hold_letters_of_payers,
    left_after,
)
from ar_excel.core.collections.call_lists import severe_delays
from ar_excel.core.collections.dunning import chased_items, dunning_run
from ar_excel.core.ledger import open_items
from ar_excel.policy import Policy
from tests.test_collections_job import ledger

AS_OF = pd.Timestamp("2026-10-31")


def _items():
    cust, inv, pay, _ = ledger()
    return cust, open_items(cust, inv, pay, AS_OF)


def test_a_policy_without_levels_takes_the_default_everywhere():
    cust, items = _items()
    # before: IndexError in dunning_run (its thresholds had no default; the call lists' had)
    none = dunning_run(items, cust, AS_OF, Policy(dunning_levels_days=()))
    usual = dunning_run(items, cust, AS_OF, Policy())
    assert none[["Customer ID", "Level", "Level Name"]].values.tolist() == \
        usual[["Customer ID", "Level", "Level Name"]].values.tolist()
    assert dict(zip(none["Customer ID"], none["Level"], strict=True)) == {
        "C1": 3, "C2": 1, "C3": 4, "C4": 4, "C5": 2}
    calls, visits = severe_delays(none, chased_items(items), cust,
                                  Policy(dunning_levels_days=()))
    assert (calls["Customer ID"].tolist(), visits["Customer ID"].tolist()) == (
        ["C5", "C1"], ["C3", "C4"])


RECEIVED = pd.DataFrame({"Payment ID": ["FT1"], "Customer ID": ["C1"],
                         "Date": [pd.Timestamp("2026-10-30")], "Amount": [100.0],
                         "Invoice No": [None], "Method": ["Bank Transfer"]})


def test_left_after_works_out_the_payers_accounts_only(monkeypatch):
    _, items = _items()
    chased = chased_items(items)
    whole = left_after(items, RECEIVED, pd.Series(["EGP"]))
    seen = []
    real = bank_receipts.chased_items

    def counted(frame):
        seen.append(sorted(set(frame["Customer ID"].astype(str))))
        return real(frame)

    monkeypatch.setattr(bank_receipts, "chased_items", counted)
    again = left_after(items, RECEIVED, pd.Series(["EGP"]), chased)
    assert seen == [["C1"]]  # before: every customer's items chased again
    pd.testing.assert_frame_equal(again.reset_index(drop=True), whole.reset_index(drop=True),
                                  check_dtype=False)
    c1 = again[again["Customer ID"] == "C1"]
    assert c1["Uncovered Amount"].tolist() == [4900.0]


def test_receipts_without_currencies_leave_what_the_items_say():
    cust, items = _items()
    accounts, _ = bank_accounts(RECEIVED, None, items, Policy())
    # before: Left 0.00, Covered (keyed by no currency, the items' EGP never found)
    assert accounts.loc[("C1", "EGP"), ["Left", "Covered"]].tolist() == [4900.0, False]
    dun = dunning_run(items, cust, AS_OF, Policy())
    out = hold_letters_of_payers(dun, RECEIVED, datetime.date(2026, 10, 31),
                                 accounts=accounts).set_index("Customer ID")
    assert not out.loc["C1", "Letter"]
    assert "4,900.00" in out.loc["C1", "Next Action"]  # what is left, not 'paid'
