"""A name that is a namesake's in another trade does not stop the amount from deciding.

IPI TT REF: 014530546 ALZAHRAA TRANSPORT FZE, 35,512.05: the words make Al Zahraa Pharma (its
one distinctive word is there) a certain name, and the amount is the only open invoice of Al
Zahra Shipping & Transport. The pharmacy is contradicted by the trade the bank printed
(TRANSPORT), the transport company shares the name and the trade: the particular, sparse
amount decides as if no other payer were named (before: only suggested). A namesake in the
same trade keeps the doubt: a related company paying, suggested.
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

NARRATIVE = "IPI TT REF: 014530546 ALZAHRAA TRANSPORT FZE"


def run(customers: list[dict]):
    invoices = [invoice("SI-26/00723", "C1", 35512.05), invoice("SI-26/00724", "C2", 12800.00),
                invoice("SI-26/00725", "C3", 4100.00)]
    return match(customers, invoices, {"amount": 35512.05, "desc": NARRATIVE})


def test_a_namesake_in_another_trade_leaves_the_amount_to_decide():
    # (SHIPPING a trade word as TRANSPORT is: ALZAHRAA TRANSPORT now names the transport
    # company itself, the pharmacy of another trade no rival; the amount agrees)
    r = run([customer("C1", "Al Zahra Shipping & Transport FZE"),
             customer("C2", "مؤسسة الزهراء للأدوية"), customer("C3", "Sinai Plastic Industries")])
    assert allocations(r) == [("SI-26/00723", 35512.05, "amount+payer", "Matched")]
    assert reason(r).startswith("payer by narrative name (95); amount equals the open amount")


def test_a_namesake_in_the_same_trade_keeps_the_doubt():
    r = run([customer("C1", "Al Zahra Shipping & Transport FZE"),
             customer("C2", "مؤسسة الزهراء للنقل"), customer("C3", "Sinai Plastic Industries")])
    assert [st for *_, st in allocations(r)] == ["Suggested"]
