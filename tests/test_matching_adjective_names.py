"""Company names made of an adjective and a trade: الحديثة للتوريدات, المتحدة للأدوية, الدولية
للتجارة (modern, united, international).

The Arabic adjective reads as its English (MODERN, UNITED, INTERNATIONAL), a business word; a
bank spells it out with the article apart (AL HADETHA, EL MOTAHEDA, AL DAWLIYA) or translates
it. Before, the spelling with the article apart read as a word of its own (lhdt; AL DAWLIYA
as dl), so the customer was no candidate, and a name of business words only needed every one
of its words written, the kind of company (مصنع, مجموعة: FACTORY, GROUP) too, which banks
leave out. Now AL HADETHA reads as ALHADETHA and الحديثة do (not a nisba, AL HADITHI: a
family's), AL DAWLIYA as INTERNATIONAL, DRUGS as PHARMA (أدوية), and such a name needs its
words but the kind of company (``names.needed_words``). A printed name with a distinctive word
is no name of business words only, which lacks it (SINAA FOOD IND is no El Haditha Food
Industries).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

MASTER = [
    customer("01133", "مصنع الحديثة للتوريدات"),
    customer("01004", "شركة الحديثة للإلكترونيات ذ.م.م"),
    customer("01204", "شركة المتحدة للتوريدات"),
    customer("01195", "El Haditha For Trading Establishment"),
    customer("CUST-01278", "مجموعة المتحدة للأدوية"),
    customer("01308", "شركة الدولية للأدوية"),
    customer("CUST-01112", "مؤسسة الدولية للتجارة"),
    customer("CUST-01060", "El Haditha Food Industries W.L.L."),
    customer("CUST-01228", "شركة سيناء للصناعات الغذائية"),
    customer("C9", "Al Hadithi Trading Est."),
]


def test_the_adjective_spelled_with_its_article_apart_is_the_arabic_word():
    assert name_tokens("AL HADETHA") == name_tokens("ALHADETHA") == name_tokens("الحديثة")
    assert name_tokens("EL MOTAHEDA") == name_tokens("المتحدة")
    assert name_tokens("AL DAWLIYA") == name_tokens("EL DAWLIA") == name_tokens("الدولية")
    assert name_tokens("DRUGS") == name_tokens("الأدوية")
    # (a nisba is a family's name: AL HADITHI is no MODERN; AL ADEL no الدولية)
    assert name_tokens("AL HADITHI") != name_tokens("الحديثة")
    assert name_tokens("AL ADEL") != name_tokens("الدولية")


def test_names_of_an_adjective_and_a_trade_are_read():
    payers = PayerDirectory(pd.DataFrame(MASTER))
    for text, cid in (("INWARD TRF/FT26325770C358/AL HADETHA SUPPLIES", "01133"),
                      ("IPI TT REF: 262241862 EL MOTAHEDA PHARMACEUTICAL CO.", "CUST-01278"),
                      ("حوالة واردة من AL DAWLIYA TRADE", "CUST-01112"),
                      ("CR ACH 58993703 AL DAWLIYA DRUGS", "01308")):
        found = payers.by_name(text, narrative=True)
        assert found.customer == cid and found.certain, text
    assert payers.by_name("AL HADITHI TRADING").customer == "C9"


def test_the_receipt_of_a_factory_printed_without_factory_is_matched():
    """Before: unmatched ('no invoice reference and payer not identified')."""
    invoices = [invoice("ف-2026-0537", "01133", 812.40), invoice("ف-2026-0538", "01204", 812.40)]
    r = match(MASTER, invoices, {"amount": 812.40,
                                 "desc": "INWARD TRF/FT26325770C358/AL HADETHA SUPPLIES"})
    assert allocations(r) == [("ف-2026-0537", 812.40, "amount+payer", "Matched")]


def test_a_name_of_business_words_only_lacks_the_texts_own_word():
    payers = PayerDirectory(pd.DataFrame(MASTER))
    found = payers.by_name("SINAA FOOD IND")
    assert found is None or "CUST-01060" not in dict(found.candidates)
