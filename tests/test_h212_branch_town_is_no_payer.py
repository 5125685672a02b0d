"""The town a bank prints for its branch or clearing is no payer's name.

9f174f1 read every spelling of Cairo, Alexandria, Suez, Sharjah ... as one place key, so a
customer named after its town (Cairo Steel Company: CAIRO its one distinctive word) became the
payer for sure (93) of any narrative printing the town: 'CHQ DEP NBE CAIRO BR 123456', a
cheque deposited at NBE's Cairo branch, drawn by anyone, was Matched to Cairo Steel's 5,000.00
though Nile Steel owes 5,000.00 too (before: unmatched, payer not identified). A text writing
the place only, none of the name's other words, now makes such a customer a candidate a person
confirms; CAIRO STEEL, ALEXANDRIA IMP & EXP still name theirs.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "Cairo Steel Company"), customer("C2", "Nile Steel Company"),
             customer("C3", "شركة الإسكندرية للاستيراد والتصدير")]
INVOICES = [invoice("CS-1001", "C1", 5000.00), invoice("NS-2001", "C2", 5000.00),
            invoice("AX-3001", "C3", 7300.00)]


@pytest.mark.parametrize("desc", ["CHQ DEP NBE CAIRO BR 123456", "CHQ CLG CAIRO 123456",
                                  "ايداع شيك فرع القاهرة 123456"])
def test_a_branch_town_alone_names_no_payer_for_sure(desc):
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": desc})
    assert allocations(r) == [("CS-1001", 5000.00, "amount+payer", "Suggested")]


def test_an_arabic_branch_town_alone_neither():
    r = match(CUSTOMERS, INVOICES, {"amount": 7300.00, "desc": "ايداع شيك فرع الاسكندرية 5512"})
    assert allocations(r) == [("AX-3001", 7300.00, "amount+payer", "Suggested")]


@pytest.mark.parametrize("desc, amount, inv", [
    ("CHQ DEP NBE CAIRO STEEL 123456", 5000.00, "CS-1001"),
    ("IPI TT REF: 033422323 ALEXANDRIA IMP & EXP", 7300.00, "AX-3001"),
])
def test_the_town_with_another_word_of_the_name_names_it(desc, amount, inv):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc})
    assert allocations(r) == [(inv, amount, "amount+payer", "Matched")]
