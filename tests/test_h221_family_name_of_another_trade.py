"""A part payment naming one customer's invoice, sent by a company sharing only its family
name, in another trade.

'INWARD TRANSFER ... FROM ABDALLAH OSMAN PLASTICS INV SI-26/00668' pays 11,711.75 of SI-26/00668,
Tarik Osman Supply Est.'s invoice with 22,554.33 open. The amount does not confirm the
number, so a sender who is not the customer leaves it to a person; but the sender's name
shared a word (OSMAN) with the customer's and was taken for its own: Matched as a part
payment (0.9; the truth was another customer's SI-26/00688, its number mistyped). A family
name shared across trades is two companies (as payer names are read): the name now counts as
a third party's, Suggested (0.7). A name of the customer's trade, or none, still fits.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

MASTER = [customer("01404", "Tarik Osman Supply Est."), customer("01500", "Delta Star Foods")]
INVOICES = [invoice("SI-26/00668", "01404", 22554.33), invoice("SI-26/00700", "01500", 900.00)]


def test_a_namesake_of_another_trade_paying_part_of_an_invoice_is_suggested():
    r = match(MASTER, INVOICES, {"amount": 11711.75, "desc": "INWARD TRANSFER 2607968371570 "
                                 "FROM ABDALLAH OSMAN PLASTICS INV SI-26/00668"})
    assert allocations(r) == [("SI-26/00668", 11711.75, "partial", "Suggested")]
    assert reason(r) == (
        "narrative names SI-26/00668; part payment of 22,554.33 open; the narrative names "
        "ABDALLAH OSMAN PLASTICS, not the customer: a third party paying part of it? please "
        "confirm")
    printed = match(MASTER, INVOICES, {"amount": 11711.75, "desc": "TRANSFER SI-26/00668",
                                       "cp": "ABDALLAH OSMAN PLASTICS"})
    assert allocations(printed) == [("SI-26/00668", 11711.75, "partial", "Suggested")]


@pytest.mark.parametrize("sender", ["TARIK OSMAN SUPPLY", "OSMAN SUPPLIES EST", "TARIK OSMAN"])
def test_the_customers_own_name_still_fits(sender):
    r = match(MASTER, INVOICES, {"amount": 11711.75,
                                 "desc": f"INWARD TRANSFER FROM {sender} SI-26/00668"})
    assert allocations(r) == [("SI-26/00668", 11711.75, "partial", "Matched")]
