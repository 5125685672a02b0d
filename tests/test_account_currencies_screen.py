"""Each customer's currency (``core.ledger.account_currencies``) where the master gives every
customer one: only the invoices of customers missing from the master are looked at, and the
result is exactly the plain rule's (every named invoice looked at)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ar_excel.core.ledger import account_currencies

IDS = st.sampled_from(["C0", "C1", "C2", "C9", None])
CODES = st.sampled_from(["EGP", "KWD", "USD", None])


def plain_currencies(customers: pd.DataFrame, invoices: pd.DataFrame) -> pd.Series:
    """The rule as first written: every invoice naming a currency is looked at."""
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    named = invoices["Currency"].notna()
    if not (master.isna().any() or not invoices.loc[named, "Customer ID"].isin(master.index).all()
            ) or not named.any():
        return master
    pairs = invoices.loc[named, ["Customer ID", "Currency"]].drop_duplicates()
    only = pairs.drop_duplicates("Customer ID", keep=False).set_index("Customer ID")["Currency"]
    filled = master.where(master.notna(), master.index.to_series().map(only))
    extra = only[~only.index.isin(master.index)]
    return pd.concat([filled, extra]) if len(extra) else filled


@given(st.lists(st.tuples(IDS, CODES), max_size=5), st.lists(st.tuples(IDS, CODES), max_size=12))
def test_account_currencies_are_the_plain_rules(master, invoices):
    customers = pd.DataFrame(master or [(None, None)], columns=["Customer ID", "Currency"],
                             dtype="object").iloc[:len(master)]
    frame = pd.DataFrame(invoices or [(None, None)], columns=["Customer ID", "Currency"],
                         dtype="object").iloc[:len(invoices)]
    pd.testing.assert_series_equal(account_currencies(customers, frame),
                                   plain_currencies(customers, frame))


def test_a_customer_missing_from_the_master_takes_its_invoices_one_currency():
    customers = pd.DataFrame({"Customer ID": ["C1", "C2"], "Currency": ["EGP", "KWD"]})
    invoices = pd.DataFrame({"Customer ID": ["C1", "C9", "C9", "C8", "C8", "C2"],
                             "Currency": ["USD", "KWD", "KWD", "EGP", "USD", None]})
    got = account_currencies(customers, invoices)
    assert got.to_dict() == {"C1": "EGP", "C2": "KWD", "C9": "KWD"}  # C8: two currencies
