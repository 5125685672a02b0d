"""A customer whose one distinctive word has two letters once folded (سيناء, SINAI: sn; the
rest business words: مصنع ... للأدوية, a pharmaceutical factory) could not be found by a name
the bank prints: the candidates of a printed name are gathered by its distinctive words of
three letters or more and by the first three letters of its keys (payers._block_keys), and
SINAI PHARMACEUTICAL L.L.C shares none of them with مصنع سيناء للأدوية (keys ^fkt; its own
^snf). So the name found was another's: SINAA FOOD IND at 87, its invoice of the amount
suggested (helper-221's leftover, independent_month s24). A two-letter distinctive key, the
whole of it, is now a block key too."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "مصنع سيناء للأدوية"), customer("C2", "SINAA FOOD IND"),
             customer("C3", "شركة النيل للأدوية")]
INVOICES = [invoice("F-101", "C1", 7500.00, "2026-10-07"),
            invoice("F-102", "C2", 7500.00, "2026-10-08"),
            invoice("F-103", "C3", 7500.00, "2026-10-08")]


def test_a_printed_name_finds_the_customer_of_a_two_letter_word():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    found = payers.by_name("SINAI PHARMACEUTICAL L.L.C")
    assert (found.customer, found.score, found.candidates) == ("C1", 92.9,
                                                               [("C1", 92.9), ("C2", 87.0)])


def test_the_receipt_of_a_two_letter_name_pays_its_own_invoice():
    r = match(CUSTOMERS, INVOICES, {"amount": 7500.00, "cp": "SINAI PHARMACEUTICAL L.L.C",
                                    "desc": "INWARD TRANSFER 88213"})
    assert allocations(r) == [("F-101", 7500.00, "amount+payer", "Matched")]
    assert reason(r) == "payer by name (93); amount equals the open amount of F-101"


def test_the_other_two_letter_name_still_pays_its_own():
    r = match(CUSTOMERS, INVOICES, {"amount": 7500.00, "cp": "SINAA FOOD INDUSTRIES",
                                    "desc": "INWARD TRANSFER 88213"})
    assert allocations(r) == [("F-102", 7500.00, "amount+payer", "Matched")]


def test_a_name_beginning_with_its_two_letter_word_is_found_as_before():
    """Names beginning with the word are found by their first letters, as before: SINAI
    PLASTIC INDUSTRIES is still Sinaa Plastic Industries Group's for sure, Sinai Industries
    L.L.C. (its words but PLASTIC) not drawn in as a rival; the pharmaceutical factory is now a
    candidate, far below."""
    payers = PayerDirectory(pd.DataFrame(
        [customer("C4", "Sinaa Plastic Industries Group"), customer("C5", "Sinai Industries L.L.C."),
         *CUSTOMERS]))
    found = payers.by_name("SINAI PLASTIC INDUSTRIES")
    assert (found.customer, found.score, found.candidates) == ("C4", 97.6,
                                                               [("C4", 97.6), ("C1", 83.7)])
