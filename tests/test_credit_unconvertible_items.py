"""A customer owing in another currency than its Currency (the limit's) with no exchange rate
for it: its items are added as they stand (Note says so) and the limit is compared with that
sum, as the contract defines Over Limit (Exposure > Credit Limit on the row's own figures).
With the rate, they are converted first."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.credit import credit_status
from ar_excel.core.fx import policy_rates
from ar_excel.policy import Policy

CUSTOMERS = pd.DataFrame({
    "Customer ID": ["NILE", "RIYADH", "CAIRO"], "Name": ["Nile", "Riyadh", "Cairo"],
    "Credit Limit": [10000.0, 135000.0, 10000.0], "Status": ["Active", "Active", "Hold"],
    "Currency": ["EGP", "SAR", "EGP"], "Next Credit Review": [pd.NaT] * 3})
ITEMS = pd.DataFrame({
    "Customer ID": ["NILE", "NILE", "RIYADH", "RIYADH", "CAIRO", "CAIRO"],
    "Item Type": ["Invoice"] * 6, "Document No": ["N1", "N2", "R1", "R2", "C1", "C2"],
    "Open Amount": [5000.0, 6000.0, 5000.0, 45000.0, 5000.0, 6000.0],
    "Days Past Due": [0, 0, 0, 0, 0, 0],
    "Currency": ["EGP", "USD", "SAR", "EGP", "EGP", "USD"]})
COLUMNS = ["Open Balance", "Over Limit", "Status", "Reason", "Note"]


def test_items_in_a_currency_without_a_rate_are_added_as_they_stand_and_compared():
    out = credit_status(CUSTOMERS, ITEMS, Policy(), as_of=date(2026, 11, 30)).set_index(
        "Customer ID")
    # EGP 5,000 + USD 6,000 = 11,000 of a 10,000 limit: the contract's Over Limit
    assert out.loc["NILE", COLUMNS].tolist()[:3] == [11000.0, True, "Over Limit"]
    assert out.loc["NILE", "Note"] == "open items in EGP, USD: added without conversion"
    assert out.loc["NILE", "Utilization %"] == 110.0
    assert out.loc["RIYADH", COLUMNS].tolist()[:3] == [50000.0, False, "OK"]
    assert out.loc["RIYADH", "Note"] == "open items in EGP, SAR: added without conversion"
    assert out.loc["RIYADH", "Utilization %"] == 37.0
    assert out.loc["CAIRO", "Status"] == "Hold"


def test_with_its_rate_converted_and_without_one_added_as_it_stands():
    policy = Policy(base_currency="EGP", extra={"exchangerates": "USD=48.50"})
    rates = policy_rates(policy, ["EGP", "USD", "SAR"])
    out = credit_status(CUSTOMERS, ITEMS, policy, as_of=date(2026, 11, 30), rates=rates
                        ).set_index("Customer ID")
    # EGP 5,000 + USD 6,000 x 48.50 = EGP 296,000 of 10,000
    assert out.loc["NILE", ["Open Balance", "Utilization %", "Status"]].tolist() == [
        296000.0, 2960.0, "Over Limit"]
    # no SAR rate: Riyadh's items still added as they stand
    assert out.loc["RIYADH", "Utilization %"] == 37.0
