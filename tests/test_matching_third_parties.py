"""Who sent the money, when it is not plainly the customer whose invoice it pays.

* A part payment quoting an invoice in full: the amount does not confirm the number, so when
  the line shows someone else paying (another customer's account or name, a name that is no
  customer's, a sender in the narrative who is not the customer) it is only suggested; from
  the customer, or with no payer shown at all, it stays Matched.
* A part payment without a reference from a known payer: suggested against the oldest open
  invoice, said to be a payment on account.
* Several invoices paid in one transfer with no reference and no payer: left to a person.
* A third party paying a customer's invoice by its reference: applied, but its account and
  name are not learned as the customer's.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import learned_payers, match_statement
from ar_excel.core.matching.payers import PayerDirectory
from ar_excel.policy import Policy
from tests.test_matching_real_narratives import (
    allocations,
    customer,
    invoice,
    match,
    reason,
    statement,
)
from tests.test_matching_rules import AS_OF, frame

NILE_IBAN = "EG380019000500000000263180002"
DELTA_IBAN = "EG110002000100000000112233445"
CUSTOMERS = [
    customer("C1", "Nile Foods Company", **{"IBAN / Bank Account": NILE_IBAN}),
    customer("C2", "Delta Steel Industries", **{"IBAN / Bank Account": DELTA_IBAN}),
    customer("C3", "شركة الفجر للمقاولات"),
]
INVOICES = [
    invoice("INV-2024-0456", "C1", 10000.00, "2026-09-01"),
    invoice("INV-2024-0457", "C1", 3250.00, "2026-09-10"),
    invoice("INV-2024-0460", "C2", 8400.00, "2026-09-05"),
    invoice("INV-2024-0461", "C2", 1230.50, "2026-09-06"),
    invoice("INV-2024-0470", "C3", 7120.00, "2026-09-07"),
]
GULF_ACCOUNT = "AE070331234567890123456"


# ------------------------------------------------------------ part payments naming an invoice

@pytest.mark.parametrize(("row", "note"), [
    ({"desc": "INWARD TRF INV-2024-0456", "cp": "GULF LOGISTICS LLC"},
     "paid by GULF LOGISTICS LLC, not the customer's name: a third party paying part of it? "
     "please confirm"),
    ({"desc": "INWARD TRF INV-2024-0456", "cp": "DELTA STEEL INDUSTRIES"},
     "the name is customer C2's (Delta Steel Industries): a related company paying part of it? "
     "please confirm"),
    ({"desc": "INWARD TRF INV-2024-0456", "acc": DELTA_IBAN},
     "paid from the account of customer C2 (Delta Steel Industries): paying for it? "
     "please confirm"),
    ({"desc": "IPN TRANSFER FROM GULF LOGISTICS LLC INV-2024-0456"},
     "the narrative names GULF LOGISTICS LLC, not the customer: a third party paying part of it? "
     "please confirm"),
    ({"desc": "IPN TRANSFER FROM DELTA STEEL INDUSTRIES INV-2024-0456"},
     "the narrative names customer C2 (Delta Steel Industries): a related company paying part "
     "of it? please confirm"),
], ids=["stranger's name", "another customer's name", "another customer's account",
        "stranger in the narrative", "another customer in the narrative"])
def test_a_part_payment_of_a_named_invoice_from_someone_else_is_suggested(row, note):
    """40% of INV-2024-0456 quoting its full number: before, Matched whoever paid."""
    r = match(CUSTOMERS, INVOICES, {"amount": 4000.00, **row})
    assert allocations(r) == [("INV-2024-0456", 4000.00, "partial", "Suggested")]
    assert reason(r) == "narrative names INV-2024-0456; part payment of 10,000.00 open; " + note


@pytest.mark.parametrize("row", [
    {"desc": "INWARD TRF INV-2024-0456"},  # no payer shown: nothing against the number
    {"desc": "INWARD TRF INV-2024-0456", "cp": "NILE FOODS CO"},
    {"desc": "INWARD TRF INV-2024-0456", "cp": "MOHAMED ALI", "acc": NILE_IBAN},
    {"desc": "IPN TRANSFER FROM NILE FOODS INV-2024-0456"},
    # A name in another script than the customer's proves nothing either way.
    {"desc": "حوالة واردة من شركة النيل للاغذية سداد INV-2024-0456"},
], ids=["no payer", "customer's name", "customer's account", "customer in the narrative",
        "arabic name"])
def test_a_part_payment_of_a_named_invoice_from_the_customer_is_matched(row):
    r = match(CUSTOMERS, INVOICES, {"amount": 4000.00, **row})
    assert allocations(r) == [("INV-2024-0456", 4000.00, "partial", "Matched")]
    assert reason(r) == "narrative names INV-2024-0456; part payment of 10,000.00 open"


@pytest.mark.parametrize(("printed", "status", "note"), [
    ("NILE FOODS CO", "Matched", ""),
    ("GULF LOGISTICS LLC", "Suggested", "; paid by GULF LOGISTICS LLC, not the customer's name: "
                                        "a third party paying more than it? please confirm"),
])
def test_an_overpayment_of_a_named_invoice_goes_on_account_only_from_the_customer(printed, status,
                                                                                note):
    """The excess stays on the customer's account: certain only when the customer sent it."""
    r = match(CUSTOMERS, INVOICES,
              {"amount": 11000.00, "desc": "INWARD TRF INV-2024-0456", "cp": printed})
    assert allocations(r) == [("INV-2024-0456", 10000.00, "overpayment", status),
                              (None, 1000.00, "on-account", status)]
    assert reason(r).split(" | ")[0] == ("narrative names INV-2024-0456; paid 1,000.00 more than "
                                         "open" + note)


def test_a_stranger_paying_exactly_a_named_invoice_is_matched():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 10000.00, "desc": "INWARD TRF INV-2024-0456", "cp": "GULF LOGISTICS LLC"})
    assert allocations(r) == [("INV-2024-0456", 10000.00, "reference", "Matched")]


# ------------------------------------------------------------ part payments without a reference

@pytest.mark.parametrize("row", [
    {"desc": "INWARD TRF PAYMENT", "acc": NILE_IBAN},
    {"desc": "INWARD TRF", "cp": "NILE FOODS CO"},
    {"desc": "TRANSFER FROM NILE FOODS COMPANY ON ACCOUNT"},
], ids=["by account", "by name", "by narrative name"])
def test_a_part_payment_without_a_reference_is_suggested_on_account_oldest_first(row):
    r = match(CUSTOMERS, INVOICES, {"amount": 4000.00, **row})
    assert allocations(r) == [("INV-2024-0456", 4000.00, "partial", "Suggested")]
    assert reason(r).endswith(
        "names no invoice and pays less than the oldest open one (INV-2024-0456, 10,000.00 "
        "open): a payment on account, suggested against the oldest, please confirm")


def test_more_than_the_oldest_without_a_reference_is_suggested_oldest_first():
    r = match(CUSTOMERS, INVOICES, {"amount": 11000.00, "desc": "INWARD TRF", "acc": NILE_IBAN})
    assert allocations(r) == [("INV-2024-0456", 10000.00, "oldest-first", "Suggested"),
                              ("INV-2024-0457", 1000.00, "oldest-first", "Suggested")]
    assert reason(r).startswith("payer by account; names no invoice and no set of its open "
                                "invoices makes the amount: a payment on account")
    # Exactly both open invoices: no doubt left.
    r = match(CUSTOMERS, INVOICES, {"amount": 13250.00, "desc": "INWARD TRF", "acc": NILE_IBAN})
    assert allocations(r) == [("INV-2024-0456", 10000.00, "multi-invoice", "Matched"),
                              ("INV-2024-0457", 3250.00, "multi-invoice", "Matched")]


# ------------------------------------------------------------ several invoices, no payer

@pytest.mark.parametrize(("row", "who"), [
    ({"desc": "INWARD TRF 88123"}, "payer not identified"),
    ({"desc": "INWARD TRF", "cp": "MOHAMED HASSAN"}, "paid by MOHAMED HASSAN, not a customer"),
])
def test_several_invoices_paid_without_reference_or_payer_are_at_most_suggested(row, who):
    """9,630.50 is Delta's two oldest open invoices exactly, and no other set of Delta's makes
    it; a set of some customer's invoices could make any sum by chance, so without a payer it
    is a suggestion, never Matched."""
    r = match(CUSTOMERS, INVOICES, {"amount": 9630.50, **row})
    assert allocations(r) == [("INV-2024-0460", 8400.00, "multi-invoice", "Suggested"),
                              ("INV-2024-0461", 1230.50, "multi-invoice", "Suggested")]
    assert reason(r).split(" | ")[0] == (
        f"{who}; the 2 oldest open invoices of customer C2 (Delta Steel Industries), "
        "INV-2024-0460, INV-2024-0461, make the amount and no other set of its invoices does: "
        "is it the payer? please confirm")
    # The payer known, the same sum is certain.
    r = match(CUSTOMERS, INVOICES, {"amount": 9630.50, "desc": "INWARD TRF", "acc": DELTA_IBAN})
    assert allocations(r) == [("INV-2024-0460", 8400.00, "multi-invoice", "Matched"),
                              ("INV-2024-0461", 1230.50, "multi-invoice", "Matched")]


@pytest.mark.parametrize("more", [
    # Al Fajr's two oldest make 9,630.50 as well: which customer paid is anybody's guess.
    [invoice("INV-2024-0472", "C3", 9000.00, "2026-09-01"),
     invoice("INV-2024-0473", "C3", 630.50, "2026-09-02")],
    # Delta's oldest is another invoice: 9,630.50 is a set of its invoices, not its oldest.
    [invoice("INV-2024-0459", "C2", 500.00, "2026-09-01")],
], ids=["two customers", "not the oldest"])
def test_no_suggestion_for_a_sum_without_payer_unless_one_customers_oldest(more):
    r = match(CUSTOMERS, INVOICES + more, {"amount": 9630.50, "desc": "INWARD TRF 88123"})
    assert allocations(r) == []
    assert reason(r) == "no invoice reference and payer not identified"


# ------------------------------------------------------------ what a reference match teaches

def two_lines(first: dict, second: dict):
    c = frame("Customers", CUSTOMERS)
    items = open_items(c, frame("Invoices", INVOICES), frame("Payments", []), AS_OF)
    return match_statement(statement(first, second), items, c, Policy())


def test_a_third_party_paying_by_reference_is_not_learned_as_the_customers_payer():
    """Gulf Logistics pays Nile's INV-2024-0456 quoting it (applied: the reference decides),
    then sends 3,250.00 without a reference: that is not Nile's INV-2024-0457 by account.
    Before, its account was learned as Nile's and the second line was Matched."""
    r = two_lines({"amount": 10000.00, "desc": "INWARD TRF INV-2024-0456", "cp": "GULF LOGISTICS LLC",
                   "acc": GULF_ACCOUNT},
                  {"amount": 3250.00, "desc": "INWARD TRF", "cp": "GULF LOGISTICS LLC",
                   "acc": GULF_ACCOUNT})
    assert allocations(r, "L1") == [("INV-2024-0456", 10000.00, "reference", "Matched")]
    assert reason(r, "L1").endswith("; paid by GULF LOGISTICS LLC, not the customer's name: a "
                                    "third party, not learned as the customer's payer")
    assert allocations(r, "L2") == [("INV-2024-0457", 3250.00, "amount-only", "Suggested")]
    assert reason(r, "L2").startswith("paid by GULF LOGISTICS LLC, not a customer")


def test_the_customers_new_account_is_learned_from_a_reference():
    r = two_lines({"amount": 10000.00, "desc": "INWARD TRF INV-2024-0456", "cp": "NILE FOODS CO",
                   "acc": GULF_ACCOUNT},
                  {"amount": 3250.00, "desc": "INWARD TRF", "acc": GULF_ACCOUNT})
    assert allocations(r, "L1") == [("INV-2024-0456", 10000.00, "reference", "Matched")]
    assert reason(r, "L1") == "narrative names INV-2024-0456; amount equals the open amount"
    assert allocations(r, "L2") == [("INV-2024-0457", 3250.00, "amount+payer", "Matched")]
    assert reason(r, "L2").startswith("payer by learned account")


@pytest.mark.parametrize(("cid", "name", "fits"), [
    ("C1", None, True),
    ("C1", "NILE FOODS CO", True),
    ("C1", "AL NIL FOODSTUFF", True),  # a word of its name
    ("C1", "شركة النيل للاغذية", True),  # another script: a transliteration proves nothing
    ("C3", "AL FAGR CONTRACTING", True),
    ("C1", "GULF LOGISTICS LLC", False),
    ("C1", "MOHAMED AHMED HASSAN", False),
    ("C3", "محمد احمد حسن", False),
])
def test_whether_a_printed_name_may_be_the_customers(cid, name, fits):
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    assert payers.name_fits(cid, name) is fits


def test_a_name_learned_for_the_customer_fits_it():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    payers.learn("C1", None, "GULF LOGISTICS LLC")  # e.g. from the Payer Accounts sheet
    assert payers.name_fits("C1", "GULF LOGISTICS LLC")


def one_line_with_history(history: pd.DataFrame):
    c = frame("Customers", CUSTOMERS)
    items = open_items(c, frame("Invoices", INVOICES), frame("Payments", []), AS_OF)
    row = {"amount": 3250.00, "desc": "INWARD TRF", "acc": GULF_ACCOUNT}
    return match_statement(statement(row), items, c, Policy(), learned_payers(history))


def test_a_third_party_in_last_months_bank_matches_is_not_learned_but_a_payer_sheet_is():
    """Last month Gulf Logistics paid a Nile invoice by reference (Matched): its account is not
    Nile's. A Payer Accounts sheet saying it is (the user's word) is followed."""
    bank_matches = pd.DataFrame({
        "Bank Line": ["OLD1"], "Invoice No": ["INV-2024-0400"], "Customer ID": ["C1"],
        "Method": ["reference"], "Status": ["Matched"], "Counterparty": ["GULF LOGISTICS LLC"],
        "Counterparty Account": [GULF_ACCOUNT]})
    r = one_line_with_history(bank_matches)
    assert allocations(r) == [("INV-2024-0457", 3250.00, "amount-only", "Suggested")]
    assert reason(r).startswith("payer not identified")
    # The customer's own name on last month's row: its new account is learned.
    r = one_line_with_history(bank_matches.assign(Counterparty=["NILE FOODS CO"]))
    assert allocations(r) == [("INV-2024-0457", 3250.00, "amount+payer", "Matched")]
    payer_sheet = pd.DataFrame({"Customer ID": ["C1"], "Counterparty": ["GULF LOGISTICS LLC"],
                                "Counterparty Account": [GULF_ACCOUNT]})
    r = one_line_with_history(payer_sheet)
    assert allocations(r) == [("INV-2024-0457", 3250.00, "amount+payer", "Matched")]
