"""A customer the master keeps without a Currency, in a book with the Policy's exchange rates:
its open items are counted in the one currency they are in (a customer invoiced in USD is
billed in USD, and its limit read so, as without rates), else in the rates' base, and its row
says which. Before, its USD items were converted to the base (EGP) while the row's Currency
said USD, and the Note named no currency ('converted to  at the Policy's exchange rates'):
USD 8,000 became '388,000.00 USD', Over Limit 3,880 % of a USD 10,000 limit."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.credit import credit_status, ledger_as_counted
from ar_excel.core.fx import policy_rates
from ar_excel.policy import Policy

CUSTOMERS = pd.DataFrame({
    "Customer ID": ["C1", "C2"], "Name": ["Gulf Star", "Delta"],
    "Credit Limit": [10000.0, 100000.0], "Status": ["Active"] * 2,
    "Currency": [None, None], "Next Credit Review": [pd.NaT] * 2})
ITEMS = pd.DataFrame({
    "Customer ID": ["C1", "C2", "C2"], "Item Type": ["Invoice"] * 3,
    "Document No": ["U1", "E1", "U2"], "Open Amount": [8000.0, 50000.0, 1000.0],
    "Days Past Due": [0, 0, 0], "Currency": ["USD", "EGP", "USD"]})
COLUMNS = ["Currency", "Open Balance", "Utilization %", "Status", "Note"]


def test_items_are_counted_in_the_customers_one_currency_else_the_base():
    policy = Policy(base_currency="EGP", extra={"exchangerates": "USD=48.50"})
    rates = policy_rates(policy, ["EGP", "USD"])
    status = credit_status(CUSTOMERS, ITEMS, policy, as_of=date(2026, 11, 30), rates=rates)
    got = status.set_index("Customer ID")
    # USD 8,000 of a limit read in USD: 80 %, Warning (before: 388,000.00 'USD', Over Limit)
    assert got.loc["C1", COLUMNS[:-1]].tolist() == ["USD", 8000.0, 80.0, "Warning"]
    assert pd.isna(got.loc["C1", "Note"])
    # EGP 50,000 + USD 1,000 x 48.50 = EGP 98,500 (before: the row said nothing of EGP)
    assert got.loc["C2", COLUMNS].tolist() == [
        "EGP", 98500.0, 98.5, "Warning",
        "open items converted to EGP at the Policy's exchange rates: USD 48.5"]
    counted, moved = ledger_as_counted(status, ITEMS, CUSTOMERS, rates)
    assert counted.to_dict() == {"EGP": 98500.0, "USD": 8000.0} and moved
