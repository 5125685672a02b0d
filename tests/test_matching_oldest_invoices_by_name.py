"""Several invoices paid by one transfer without a reference, the payer's name not certain.

The oldest open invoices of exactly one customer making the amount, and no other set of its
invoices doing so, is only a suggestion without a payer: some customer's invoices make almost
any sum. When the amount is not round and the name on the line (the bank's name field, else
the narrative's sender or words) shares a word with that customer's name, though the name
scores as no customer's (glued by the bank with its legal form: DELTASTARFOODSCO,
UNITYPAINTSWLL; a name glued up to its business word, UNITYPAINTS, is read apart as UNITY
PAINTS, ``names._unglued``), the receipt
is that customer's paying its oldest invoices: matched. A round amount, or a name that has
nothing of the customer's, stays a suggestion.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Delta Star Foods"),
    customer("C2", "Delta Star Paints"),
    customer("C3", "Unity Paints W.L.L."),
    customer("C4", "Horizon Logistics"),
]
INVOICES = [
    invoice("INV/2026/04/0020", "C1", 94480.92, "2026-04-20"),
    invoice("SI-26/00660", "C1", 112937.52, "2026-08-02"),
    invoice("SI-26/00701", "C1", 18000.00, "2026-09-30"),
    invoice("SI-26/00699", "C3", 12389.48, "2026-08-15"),
    invoice("SI-26/00720", "C3", 11995.99, "2026-09-01"),
    invoice("SI-26/00730", "C3", 6000.00, "2026-09-02"),
    invoice("SI-26/00750", "C2", 5000.00, "2026-09-03"),
    invoice("SI-26/00751", "C4", 7000.00, "2026-09-03"),
]


@pytest.mark.parametrize(("row", "expected"), [
    ({"amount": 207418.44, "desc": "حوالة واردة من DELTASTARFOODSCO"},
     [("INV/2026/04/0020", 94480.92), ("SI-26/00660", 112937.52)]),
    ({"amount": 24385.47, "desc": "CR ACH 32608157 UNITYPAINTSWLL"},
     [("SI-26/00699", 12389.48), ("SI-26/00720", 11995.99)]),
])
def test_the_oldest_invoices_of_the_customer_the_name_resembles(row, expected):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == [(no, amount, "multi-invoice", "Matched") for no, amount in expected]
    assert "a name like customer" in reason(r)


def test_a_round_amount_stays_a_suggestion():
    invoices = [invoice("SI-26/00730", "C3", 6000.00, "2026-09-02"),
                invoice("SI-26/00740", "C3", 4000.00, "2026-09-03"),
                invoice("SI-26/00745", "C3", 3500.00, "2026-09-04")]
    r = match(CUSTOMERS, invoices, {"amount": 10000.00, "desc": "CR ACH 32608157 UNITYPAINTSWLL"})
    assert allocations(r) == [("SI-26/00730", 6000.00, "multi-invoice", "Suggested"),
                              ("SI-26/00740", 4000.00, "multi-invoice", "Suggested")]


def test_a_name_with_nothing_of_the_customers_stays_a_suggestion():
    r = match(CUSTOMERS, INVOICES, {"amount": 24385.47, "desc": "IPI TT REF: 876349396 SUNRISE AGRO EST"})
    assert allocations(r) == [("SI-26/00699", 12389.48, "multi-invoice", "Suggested"),
                              ("SI-26/00720", 11995.99, "multi-invoice", "Suggested")]
