"""Amount only, with a payer name the bank printed that identifies no customer for sure.

A name field cut at its width (SPHINX TECH ESTABLIS), reordered (TRADING AL HADETHA) or in
the other script than the master's may score as no customer's. When it shares a word with the
customer of the one open invoice of that particular amount, it says no less than no name at
all: the amount decides, as it would without a name. A name that shares nothing with that
customer's is someone else paying and stays a suggestion; so does a placeholder (NONE).
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Sphinx Tech Establishment"),
    customer("C2", "Sphinx Pharma Establishment"),
    customer("C3", "شركة الحديثة للتجارة"),
    customer("C4", "Nile Foods Co"),
    customer("C5", "Al Thahabi Electronic W.L.L."),
]
INVOICES = [
    invoice("INV-2026-00412", "C1", 16121.85, "2026-09-10"),
    invoice("INV-2026-00413", "C2", 9000.00, "2026-09-10"),
    invoice("INV-2026-00535", "C3", 39345.52, "2026-09-12"),
    invoice("INV-2026-00601", "C4", 4297.26, "2026-09-20"),
    invoice("INV-2026-00655", "C5", 18389.36, "2026-09-21"),
]


@pytest.mark.parametrize(("cp", "invoice_no", "amount"), [
    ("SPHINX TECH ESTABLIS", "INV-2026-00412", 16121.85),  # cut at the field's width
    ("مجموعة الذهبي للإلكترونيات", "INV-2026-00655", 18389.36),  # the Arabic name
    ("TRADING AL HADETHA", "INV-2026-00535", 39345.52),  # reordered, transliterated
])
def test_a_printed_name_like_the_customers_lets_a_particular_amount_decide(cp, invoice_no, amount):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": "IPI TT REF: 254726760", "cp": cp})
    assert allocations(r) == [(invoice_no, amount, "amount-only", "Matched")]
    assert reason(r).startswith(f"paid by {cp}, a name like the customer's; {invoice_no} is the "
                                "only open invoice of this amount")


@pytest.mark.parametrize("cp", ["GULF LOGISTICS LLC", "NONE"])
def test_a_name_that_shares_no_word_with_the_customers_is_someone_else_paying(cp):
    r = match(CUSTOMERS, INVOICES, {"amount": 4297.26, "desc": "IPI TT REF: 254726760", "cp": cp})
    assert allocations(r) == [("INV-2026-00601", 4297.26, "amount-only", "Suggested")]
    assert reason(r).startswith(f"paid by {cp}, not a customer")


def test_a_round_amount_stays_a_suggestion_whatever_the_name():
    r = match(CUSTOMERS, INVOICES, {"amount": 9000.00, "desc": "IPI TT REF: 254726760",
                                    "cp": "SPHINX PHARMA ESTABLIS"})
    assert [st for *_, st in allocations(r)] == ["Suggested"]
