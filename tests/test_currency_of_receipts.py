"""A receipt's currency, one rule for every count (``ledger.currency_of_receipts``): its
Payments row's own Currency where it states one, else that of the invoice it names, else
its customer's.

By hand: Nile Foods (E1) keeps its account in EGP; X-1 is its USD invoice of 400, E-1 its
invoice of 5,000 in no currency of its own (so EGP). R1 (500) names X-1 and states no
currency: USD, paying X-1 in full and leaving USD 100 on account. R2 (300) names no invoice
and states 'CHQ' (no currency): EGP 300 on account. R3 (200) states EGP and names X-1: it
pays none of the USD invoice (amounts are never converted) and stays EGP 200 on account.
Without a Currency column, R1 and R2 are read the same: USD (X-1's) and EGP (E1's).
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.collections.bank_receipts import receipt_currencies
from ar_excel.core.collections.risk import _paid_in
from ar_excel.core.collections.statements import documents
from ar_excel.core.kpis import payment_currency
from ar_excel.core.ledger import currency_of_receipts, due_dates, open_items

AS_OF = pd.Timestamp("2026-11-30")
CUSTOMERS = pd.DataFrame({"Customer ID": ["E1"], "Customer Name": ["Nile Foods"],
                          "Currency": ["EGP"], "Payment Terms": [30]})
INVOICES = pd.DataFrame({"Invoice No": ["X-1", "E-1"], "Customer ID": ["E1", "E1"],
                         "Invoice Date": pd.to_datetime(["2026-10-20", "2026-10-25"]),
                         "Due Date": [pd.NaT, pd.NaT], "Amount": [400.0, 5000.0],
                         "Currency": ["USD", None], "_row": [2, 3]})


def _payments(with_currency: bool) -> pd.DataFrame:
    pay = pd.DataFrame({"Payment ID": ["R1", "R2", "R3"], "Customer ID": ["E1"] * 3,
                        "Date": pd.to_datetime(["2026-11-05", "2026-11-06", "2026-11-07"]),
                        "Amount": [500.0, 300.0, 200.0], "Invoice No": ["X-1", None, "X-1"],
                        "Currency": [None, "CHQ", "EGP"], "_row": [2, 3, 4]})
    # without the column, R3 (which only its column says is EGP) is left out
    return pay if with_currency else pay.drop(columns="Currency").iloc[:2]


@pytest.mark.parametrize("with_currency", [True, False])
def test_the_rule_itself(with_currency):
    pay = _payments(with_currency)
    got = currency_of_receipts(pay, {"X-1": "USD"}, {"E1": "EGP"})
    assert got.tolist() == ["USD", "EGP", "EGP"][:len(pay)]
    # no invoice asked about: the customer's, unless stated
    assert currency_of_receipts(pay, None, {"E1": "EGP"}).tolist() == ["EGP"] * len(pay)


@pytest.mark.parametrize("with_currency", [True, False])
def test_kpis_count_each_receipt_so(with_currency):
    pay = _payments(with_currency)
    assert payment_currency(pay, CUSTOMERS, INVOICES).tolist() == ["USD", "EGP", "EGP"][
        :len(pay)]


@pytest.mark.parametrize("with_currency", [True, False])
def test_the_ledger_leaves_each_receipt_on_account_so(with_currency):
    items = open_items(CUSTOMERS, INVOICES, _payments(with_currency), AS_OF)
    expected = [("E-1", "EGP", 5000.0), ("R1", "USD", -100.0), ("R2", "EGP", -300.0),
                ("R3", "EGP", -200.0)]
    assert sorted(zip(items["Document No"], items["Currency"], items["Open Amount"],
                      strict=True)) == expected[:3 + with_currency]


@pytest.mark.parametrize("with_currency", [True, False])
def test_the_statements_put_each_receipt_on_its_currencys_statement(with_currency):
    pay = _payments(with_currency)
    docs = documents(CUSTOMERS, INVOICES, pay, due_dates(INVOICES, CUSTOMERS), AS_OF.date())
    receipts = docs[docs["Document"].isin(["R1", "R2", "R3"])]
    expected = {"R1": "USD", "R2": "EGP", "R3": "EGP"}
    if not with_currency:
        del expected["R3"]
    assert dict(zip(receipts["Document"], receipts["Currency"], strict=True)) == expected


def test_the_payment_history_reads_receipts_currencies_only_where_one_is_stated():
    by_no, paid_in = _paid_in(INVOICES, _payments(True), CUSTOMERS)
    assert (by_no, paid_in) == ({"X-1": "USD", "E-1": "EGP"}, ["USD", "EGP", "EGP"])
    # no receipt states one: one account per customer, as before
    assert _paid_in(INVOICES, _payments(False), CUSTOMERS) == ({}, [None, None])


@pytest.mark.parametrize("with_currency", [True, False])
def test_receipts_to_post_are_money_on_their_currencys_account(with_currency):
    pay = _payments(with_currency)
    items = open_items(CUSTOMERS, INVOICES, pay, AS_OF)
    assert receipt_currencies(pay, items, CUSTOMERS, INVOICES).tolist() == [
        "USD", "EGP", "EGP"][:len(pay)]


def test_a_receipt_paying_an_invoice_in_fils_is_applied_in_fils():
    """E1's books are in EGP (two decimals); K-1 is its KWD invoice of 100.125. R1 names K-1
    and states no currency, so is in KWD (K-1's): its 100.125 pays K-1 in full. The receipt
    was applied in the customer's hundredths (100.13): K-1 was left open at KWD -0.005."""
    invoices = pd.DataFrame({"Invoice No": ["K-1", "E-1"], "Customer ID": ["E1", "E1"],
                             "Invoice Date": pd.to_datetime(["2026-10-20", "2026-10-21"]),
                             "Due Date": [pd.NaT, pd.NaT], "Amount": [100.125, 50.0],
                             "Currency": ["KWD", None], "_row": [2, 3]})
    pay = pd.DataFrame({"Payment ID": ["R1"], "Customer ID": ["E1"],
                        "Date": pd.to_datetime(["2026-11-05"]), "Amount": [100.125],
                        "Invoice No": ["K-1"], "_row": [2]})
    items = open_items(CUSTOMERS, invoices, pay, AS_OF)
    assert list(zip(items["Document No"], items["Currency"], items["Open Amount"],
                    strict=True)) == [("E-1", "EGP", 50.0)]
    # 3 fils over: left on account in KWD (it was under half a piastre, so dropped)
    items = open_items(CUSTOMERS, invoices, pay.assign(Amount=100.128), AS_OF)
    assert sorted(zip(items["Document No"], items["Currency"], items["Open Amount"],
                      strict=True)) == [("E-1", "EGP", 50.0), ("R1", "KWD", -0.003)]
