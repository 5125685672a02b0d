"""A Latin name for an Arabic one whose ي or و stands beside a long vowel (the يا of الرياض,
riyad): AL REDA, one vowel there, was Matched to مؤسسة الرياض للتجارة (the long-vowel check
read only a Latin Y / W); it is الرضا's spelling, not الرياض's. Banks' spellings of الرياض (AL
RIYADH, ALRIYADH, AL RIYAD) keep the customer Matched."""

from __future__ import annotations

import pytest

from ar_excel.core.matching.names import arabic_shape, long_vowels_agree, word_shape
from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "مؤسسة الرياض للتجارة"), customer("C2", "Delta Foods")]
INVOICES = [invoice("R-1", "C1", 5000.00), invoice("DF-1", "C2", 3000.00)]


@pytest.mark.parametrize("name", ["AL REDA", "ALREDA EST", "AL RIDA", "AL REDA TRADING"])
@pytest.mark.parametrize("printed", ["narrative", "counterparty"])
def test_one_latin_vowel_for_ya_and_alif_is_not_the_customer_for_sure(name, printed):
    row = ({"desc": "TRANSFER FROM " + name} if printed == "narrative"
           else {"cp": name, "desc": "TRF"})
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, **row})
    assert allocations(r) == [("R-1", 5000.00, "amount+payer", "Suggested")]


@pytest.mark.parametrize("name", ["AL RIYADH", "ALRIYADH", "AL RIYAD",
                                  "AL RIYADH EST FOR TRADING"])
@pytest.mark.parametrize("printed", ["narrative", "counterparty"])
def test_the_banks_spellings_of_riyadh_stay_matched(name, printed):
    row = ({"desc": "TRANSFER FROM " + name} if printed == "narrative"
           else {"cp": name, "desc": "TRF"})
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, **row})
    assert allocations(r) == [("R-1", 5000.00, "amount+payer", "Matched")]


def test_the_long_vowel_check_reads_two_vowels_or_a_y_beside_ya_and_alif():
    riyad = arabic_shape("الرياض")
    assert not long_vowels_agree(riyad, word_shape("ALREDA", runs=True))
    for latin in ("ALRIYAD", "ALRIAD", "RIYAD", "ALREYAD"):
        assert long_vowels_agree(riyad, word_shape(latin, runs=True)), latin
    # (a single long vowel asks for one vowel only, as before: نوال NAWAL, سالم SALEM)
    assert long_vowels_agree(arabic_shape("سالم"), word_shape("SALEM", runs=True))
    assert long_vowels_agree(arabic_shape("نوال"), word_shape("NAWAL", runs=True))
    assert long_vowels_agree(arabic_shape("داود"), word_shape("DAUD", runs=True))
