"""A payer's name read only through a short consonant skeleton is no certain name.

Salmiya Electronics Co has one distinctive word, SALMIYA, whose skeleton is ``slm``: so is
SALEM's and SALMI's. A narrative naming a person (KHALED SALEM, AHMED SALMI) read as a certain
Salmiya, and its amount, one of Salmiya's open invoices, made a Matched amount+payer. A word
of three consonants or fewer now names the customer for sure only written in its own shape
(vowels where the customer's word has them); otherwise the customer is a candidate a person
confirms (Suggested). Spellings of the same word (AL NUR, ELNOOR for Al Nour; SALMIYAH) and
Arabic names printed in Latin letters (AL NOUR TRADING CO for شركة النور للتجارة) stay Matched.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.payers import SHORT_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

SALMIYA = [customer("C1", "Salmiya Electronics Co"), customer("C2", "Delta Star Paints")]
SALMIYA_INVOICES = [invoice("INV-101", "C1", 1250.00), invoice("INV-102", "C1", 3300.50)]


@pytest.mark.parametrize("narrative", ["IPI TT KHALED SALEM", "INWARD TRANSFER SALEM",
                                       "INWARD TRANSFER AHMED SALMI"])
def test_a_person_whose_name_shares_the_skeleton_is_only_a_suggestion(narrative):
    payer = PayerDirectory(pd.DataFrame(SALMIYA)).by_name(narrative, narrative=True)
    assert (payer.customer, payer.score, payer.certain) == ("C1", SHORT_NAME, False)
    r = match(SALMIYA, SALMIYA_INVOICES, {"amount": 1250.00, "desc": narrative})
    assert allocations(r) == [("INV-101", 1250.00, "amount+payer", "Suggested")]
    assert r.matches["Confidence"].tolist() == [0.75]
    assert reason(r) == "payer by narrative name (85); amount equals the open amount of INV-101"


@pytest.mark.parametrize(("narrative", "score", "confidence"), [
    ("INWARD TRANSFER SALMIYA ELECTRONICS", 98, 0.95), ("INWARD TRANSFER SALMIYAH ELEC", 98, 0.95),
    ("IPI TT SALMIYA", 93, 0.91)])
def test_the_customers_own_word_stays_matched(narrative, score, confidence):
    r = match(SALMIYA, SALMIYA_INVOICES, {"amount": 3300.50, "desc": narrative})
    assert allocations(r) == [("INV-102", 3300.50, "amount+payer", "Matched")]
    assert r.matches["Confidence"].tolist() == [confidence]
    assert reason(r) == (f"payer by narrative name ({score}); amount equals the open amount "
                         "of INV-102")


@pytest.mark.parametrize("name", ["شركة النور للتجارة", "Al Nour Trading"])
@pytest.mark.parametrize(("narrative", "score", "confidence"), [
    ("INWARD TRANSFER AL NOUR TRADING CO", 98, 0.95), ("INWARD TRANSFER ELNOOR FOR TRADING", 98, 0.95),
    ("INWARD TRANSFER AL-NUR TRDG", 98, 0.95), ("IPI TT EL NOOR", 93, 0.91)])
def test_spellings_of_the_same_short_word_stay_matched(name, narrative, score, confidence):
    customers = [customer("C7", name), customer("C8", "Delta Star Paints")]
    invoices = [invoice("INV-701", "C7", 48200.00), invoice("INV-801", "C8", 48200.00)]
    payer = PayerDirectory(pd.DataFrame(customers)).by_name(narrative, narrative=True)
    assert payer.customer == "C7" and payer.certain
    r = match(customers, invoices, {"amount": 48200.00, "desc": narrative})
    assert allocations(r) == [("INV-701", 48200.00, "amount+payer", "Matched")]
    assert r.matches["Confidence"].tolist() == [confidence]
    assert reason(r) == (f"payer by narrative name ({score}); amount equals the open amount "
                         "of INV-701")


def test_a_name_field_and_an_arabic_narrative_are_read_as_before():
    """Only the narrative's words read through the skeleton changed: the bank's name field and a
    word in Arabic letters (whose short vowels are not written) keep their reading."""
    r = match(SALMIYA, SALMIYA_INVOICES,
              {"amount": 1250.00, "desc": "IPI TT 88812", "cp": "SALMIYA ELECTRONICS CO"})
    assert allocations(r) == [("INV-101", 1250.00, "amount+payer", "Matched")]
    customers = [customer("C7", "Al Nour Trading"), customer("C8", "Delta Star Paints")]
    payer = PayerDirectory(pd.DataFrame(customers)).by_name("حوالة واردة من النور للتجارة",
                                                            narrative=True)
    assert payer.customer == "C7" and payer.certain


@pytest.mark.parametrize(("name", "narrative"), [
    ("Alarabia Chemicals Company", "INWARD TRF/FT26376756G983/AL ARABIYA CHEMICAL COMPANY"),
    ("Al Arabiya Chemicals", "INWARD TRANSFER ALARABIA CHEMICAL CO"),
    ("Salmiya Electronics Co", "INWARD TRANSFER SALMIA ELECTRONICS")])
def test_a_nisba_written_with_or_without_its_y_is_one_word(name, narrative):
    """ARABIYA / ARABIA, SALMIYA / SALMIA (العربية, السالمية): the -IYA ending is written with
    its Y or without, one word; independent_month seed 8 lost such a receipt to Suggested
    (85) with the shapes alone. A bare -I (SALMI, above) is still another word."""
    customers = [customer("C1", name), customer("C2", "Delta Star Paints")]
    invoices = [invoice("INV-1", "C1", 17659.95), invoice("INV-2", "C2", 17659.95)]
    payer = PayerDirectory(pd.DataFrame(customers)).by_name(narrative, narrative=True)
    assert payer.customer == "C1" and payer.certain
    r = match(customers, invoices, {"amount": 17659.95, "desc": narrative})
    assert allocations(r) == [("INV-1", 17659.95, "amount+payer", "Matched")]
