"""A customer owing in another currency than its Currency (the limit's) with no exchange rate
for it: its items are still added as they stand for the ledger's tie (Note says so), but the
sum is no amount in the limit's currency, so it is not compared with the limit: Utilization %
blank, neither Over Limit nor Warning, and Reason says why. Before, EGP 5,000 + USD 6,000
were 11,000 'EGP' of a 10,000 limit: Over Limit, 110 % (USD 6,000 is some EGP 290,000)."""

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


def test_items_in_a_currency_without_a_rate_are_not_compared_with_the_limit():
    out = credit_status(CUSTOMERS, ITEMS, Policy(), as_of=date(2026, 11, 30)).set_index(
        "Customer ID")
    assert out.loc["NILE", COLUMNS].tolist() == [
        11000.0, False, "OK",
        "credit limit 10,000.00 is in EGP, what is owed also in USD: no exchange rate in the "
        "Policy, not compared",
        "open items in EGP, USD: added without conversion"]
    assert out.loc["RIYADH", COLUMNS].tolist() == [
        50000.0, False, "OK",
        "credit limit 135,000.00 is in SAR, what is owed also in EGP: no exchange rate in the "
        "Policy, not compared",
        "open items in EGP, SAR: added without conversion"]
    assert out[["Utilization %"]].isna().all().all()
    # a Hold still holds, and says why the limit was not weighed
    assert out.loc["CAIRO", ["Status", "Reason"]].tolist() == [
        "Hold", "customer is on Hold in the master; credit limit 10,000.00 is in EGP, what is "
                "owed also in USD: no exchange rate in the Policy, not compared"]


def test_with_its_rate_the_limit_is_compared_and_without_one_not():
    policy = Policy(base_currency="EGP", extra={"exchangerates": "USD=48.50"})
    rates = policy_rates(policy, ["EGP", "USD", "SAR"])
    out = credit_status(CUSTOMERS, ITEMS, policy, as_of=date(2026, 11, 30), rates=rates
                        ).set_index("Customer ID")
    # EGP 5,000 + USD 6,000 x 48.50 = EGP 296,000 of 10,000
    assert out.loc["NILE", ["Open Balance", "Utilization %", "Status"]].tolist() == [
        296000.0, 2960.0, "Over Limit"]
    # no SAR rate: Riyadh still not compared
    assert pd.isna(out.loc["RIYADH", "Utilization %"])
