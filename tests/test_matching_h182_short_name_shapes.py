"""A short word of a customer's name (its skeleton of 3 letters or fewer: Zaid, Salmiya) is many
names (ZAYED, SALMI): a narrative naming it in a shape of its own was a candidate only, but
a name the bank prints in its counterparty field, or one too short to be read complete in a
narrative (Zaid of Zaid Trading Est), was not compared so: ZAYED TRADING EST (زايد) and SALMI
ELECTRONICS were Matched to Zaid Trading Est (زيد) and Salmiya Electronics. Now Suggested;
the customers' own spellings (ZAYD, AL SALMIYA, AL NUR, ALNOOR) stay Matched (helper-182's
Gulf month)."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("S31", "Zaid Trading Est"), customer("S32", "Salmiya Electronics"),
             customer("S33", "Al Nour Trading Co")]
INVOICES = [invoice("26/1206", "S31", 2300.00), invoice("SE-1", "S32", 4100.00),
            invoice("NT-1", "S33", 3900.00)]


@pytest.mark.parametrize("row, number, amount", [
    ({"cp": "ZAYED TRADING EST", "desc": "TRF"}, "26/1206", 2300.00),
    ({"desc": "SARIE TRF FROM ZAYED TRADING EST"}, "26/1206", 2300.00),
    ({"cp": "SALMI ELECTRONICS", "desc": "TRF"}, "SE-1", 4100.00),
])
def test_a_short_word_printed_in_another_shape_is_only_suggested(row, number, amount):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, **row})
    assert allocations(r) == [(number, amount, "amount+payer", "Suggested")]


@pytest.mark.parametrize("row, number, amount", [
    ({"cp": "ZAID TRADING EST", "desc": "TRF"}, "26/1206", 2300.00),
    ({"cp": "ZAYD TRADING", "desc": "TRF"}, "26/1206", 2300.00),
    ({"desc": "SARIE TRF FROM ZAID TRADING EST"}, "26/1206", 2300.00),
    ({"cp": "AL SALMIYA ELECTRONICS", "desc": "TRF"}, "SE-1", 4100.00),
    ({"cp": "SALMIYA ELECTRONICS CO", "desc": "TRF"}, "SE-1", 4100.00),
    ({"cp": "AL NUR TRADING", "desc": "TRF"}, "NT-1", 3900.00),
    ({"cp": "ALNOOR TRADING CO", "desc": "TRF"}, "NT-1", 3900.00),
])
def test_the_customers_own_spellings_stay_matched(row, number, amount):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, **row})
    assert allocations(r) == [(number, amount, "amount+payer", "Matched")]
