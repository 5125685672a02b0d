"""Company names holding a place whose English name is no transliteration of the Arabic.

Banks print ALEXANDRIA or ALEX for الإسكندرية, CAIRO for القاهرة, SUEZ for السويس, and Port
Said as PORT SAID, PORTSAID, BUR SAID or بورسعيد: a consonant skeleton reads none of these
alike (lksndr / lskndr, brt sd / brsd), so the customer was no candidate, or, worse, another
customer whose name writes the place the same way as the bank did was read for sure. Every
spelling of such a place now reads as one word of the name (``names._PLACES``).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

ALEXANDRIA = [
    customer("01141", "شركة الإسكندرية للاستيراد والتصدير"),
    customer("01216", "شركة الإسكندرية للبلاستيك"),
    customer("01420", "شركة الإسكندرية للتوريدات"),
    customer("01230", "شركة التقوى للاستيراد والتصدير"),
]
PORT_SAID = [
    customer("01015", "مؤسسة بورسعيد للكيماويات"),
    customer("01046", "Portsaid For Supplies W.L.L."),
    customer("01155", "Port Said For Contracting FZCO"),
    customer("01164", "شركة السويس للمقاولات"),
    customer("01282", "مؤسسة السويس للتجارة"),
    customer("C1445", "مؤسسة سعيد النجار للحديد والصلب"),
]


def test_every_spelling_of_a_place_is_one_word():
    assert name_tokens("ALEXANDRIA") == name_tokens("ALEX") == name_tokens("الإسكندرية") \
        == name_tokens("EL ISKANDARIA") == name_tokens("Al Eskandarya")
    assert name_tokens("PORT SAID") == name_tokens("PORTSAID") == name_tokens("BUR SAID") \
        == name_tokens("بورسعيد") == name_tokens("بور سعيد")
    assert name_tokens("AL SUWAYS") == name_tokens("SUEZ") == name_tokens("السويس")
    assert name_tokens("EL KAHIRA") == name_tokens("CAIRO") == name_tokens("القاهرة")
    # (a word that only begins like one is no place: ALEXANDER, PORT alone, SAID alone)
    assert name_tokens("ALEXANDER") != name_tokens("ALEXANDRIA")
    assert name_tokens("PORT TRADING") == name_tokens("PORT") + name_tokens("TRADING")
    assert name_tokens("SAID AL NAJJAR") == name_tokens("سعيد النجار")


def test_the_english_name_of_a_place_finds_the_arabic_customer():
    """Before: ALEXANDRIA IMP & EXP read as no one (the import-export company of التقوى at
    81.5 the only candidate) and the 98,714.61 receipt was left unmatched."""
    invoices = [invoice("2026-INV-1741", "01141", 98714.61),
                invoice("2026-INV-1742", "01230", 98714.61)]
    r = match(ALEXANDRIA, invoices, {"amount": 98714.61,
                                     "desc": "IPI TT REF: 033422323 ALEXANDRIA IMP & EXP"})
    assert allocations(r) == [("2026-INV-1741", 98714.61, "amount+payer", "Matched")]


def test_a_place_spelled_another_way_is_not_another_customers_for_sure():
    """Before: PORTSAID CHEMICAL INDUSTRIES read as Portsaid For Supplies W.L.L. for sure
    (93.4), the one name writing PORTSAID as the bank did, though مؤسسة بورسعيد للكيماويات is
    the chemicals company; BUR SAID CONTRACTING read as no one."""
    payers = PayerDirectory(pd.DataFrame(PORT_SAID))
    found = payers.by_name("PORTSAID CHEMICAL INDUSTRIES W.L.L")
    assert (found.customer, found.score) == ("01015", 100.0)
    found = payers.by_name("BUR SAID CONTRACTING")
    assert (found.customer, found.score) == ("01155", 100.0)
    found = payers.by_name("AL SUWAYS CONTRACTING")
    assert (found.customer, found.score) == ("01164", 100.0)
    # (SAID alone is a man's name still)
    assert payers.by_name("SAID AL NAJJAR IRON & STEEL").customer == "C1445"
