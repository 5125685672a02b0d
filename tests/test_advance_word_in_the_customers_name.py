"""A payer known for sure, owing nothing, whose transfer's only 'advance' word is its own name.

Advance Tech Trading, known by its account, has nothing open and sends 5,000.00 'INWARD
TRANSFER ADVANCE TECH TRADING'. A payer saying it pays ahead or on account, owing nothing, is
the customer's credit on account for sure (Matched); but ADVANCE here is the customer's name,
not what the money is for: the payment on account is suggested, as any receipt from a customer
owing nothing that says nothing. Its DOWN PAYMENT still says so. (A customer ID kept as a
number in the master is billed in its currency as any other: a USD advance from the EGP
customer 1001 is only suggested.)
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy
from tests.test_matching_real_narratives import allocations, customer, invoice, match
from tests.test_matching_rules import frame

IBAN = "EG380019000500000000263180002"
CUSTOMERS = [customer("C2", "Advance Tech Trading", **{"IBAN / Bank Account": IBAN}),
             customer("C3", "Nile Foods", **{"IBAN / Bank Account": "1234567890123"})]
INVOICES = [invoice("F-1", "C3", 900.00)]


@pytest.mark.parametrize("desc, status", [
    ("INWARD TRANSFER ADVANCE TECH TRADING", "Suggested"),
    ("INWARD TRANSFER ADVANCE TECH TRADING DOWN PAYMENT", "Matched"),
])
def test_the_customers_own_name_is_no_advance_word(desc, status):
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": desc, "acc": IBAN})
    assert allocations(r) == [(None, 5000.00, "on-account", status)]


def test_a_numeric_customer_id_is_billed_in_its_currency():
    c = frame("Customers", [{"Customer ID": 1001.0, "Name": "Al Safa Gulf Trading Co",
                             "Currency": "EGP", "Payment Terms": 30},
                            {"Customer ID": 1002.0, "Name": "Nile Foods", "Currency": "USD",
                             "Payment Terms": 30}])
    items = open_items(c, frame("Invoices", [{"Invoice No": "F-2", "Customer ID": 1002.0,
                                              "Invoice Date": "2026-09-15", "Amount": 900.0,
                                              "Currency": "USD"}]),
                       frame("Payments", []), pd.Timestamp("2026-11-30"))
    lines = pd.DataFrame([{"Bank Line": "L1", "Date": pd.Timestamp("2026-11-04"),
                           "Value Date": None, "Amount": 4900.0, "Currency": "USD",
                           "Description": "TRF AL SAFA GULF TRADING CO ADVANCE PAYMENT",
                           "Reference": None, "Counterparty": None,
                           "Counterparty Account": None, "Bank Ref": None, "Balance": None,
                           "Statement": "S1", "Line No": 1}])
    r = match_statement(lines, items, c, Policy())
    assert r.matches[["Method", "Status"]].values.tolist() == [["on-account", "Suggested"]]
