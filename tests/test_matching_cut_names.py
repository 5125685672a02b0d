"""A bank's name field cut in the middle of a word (DELTA STAR PAINTS COMPA) while the
narrative prints the name in full: the cut word is no word of the name and lowers the field's
score, so the narrative's reading of the same customer, scoring higher, is the payer's."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "Delta Star Paints Company"), customer("C2", "Delta Foods"),
             customer("C3", "Star Paints Trading")]
INVOICES = [invoice("A1", "C1", 10055.60, "2026-09-01"), invoice("A2", "C1", 5000.00, "2026-09-03"),
            invoice("A3", "C1", 7000.00, "2026-09-05"), invoice("B1", "C2", 5000.00)]


def test_a_cut_name_field_takes_the_narratives_surer_reading_of_the_same_customer():
    r = match(CUSTOMERS, INVOICES, {
        "amount": 15055.60, "cp": "DELTA STAR PAINTS COMPA",
        "desc": "IPI TT REF: 297945149 DELTA STAR PAINTS COMPANY"})
    assert allocations(r) == [("A1", 10055.60, "multi-invoice", "Matched"),
                              ("A2", 5000.00, "multi-invoice", "Matched")]


def test_the_cut_field_alone_stays_suggested():
    """Without the name in full in the narrative, the field's 87 decides nothing for sure."""
    r = match(CUSTOMERS, INVOICES, {
        "amount": 15055.60, "cp": "DELTA STAR PAINTS COMPA", "desc": "IPI TT REF: 297945149"})
    assert allocations(r) == [("A1", 10055.60, "multi-invoice", "Suggested"),
                              ("A2", 5000.00, "multi-invoice", "Suggested")]


def test_a_look_alike_owing_exactly_the_amount_keeps_it_suggested():
    """Star Paints Trading, a name within the margin, owes exactly the receipt: the sister
    company's one invoice explains the amount as well as the payer's two."""
    r = match(CUSTOMERS, INVOICES + [invoice("S1", "C3", 15055.60)], {
        "amount": 15055.60, "cp": "DELTA STAR PAINTS COMPA",
        "desc": "IPI TT REF: 297945149 DELTA STAR PAINTS COMPANY"})
    assert allocations(r) == [("S1", 15055.60, "amount+payer", "Suggested")]
