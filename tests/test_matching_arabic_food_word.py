"""An Arabic business word read as the English word a bank prints reads.

ARABIC_WORDS put الغذائية in English as FOOD, while a printed FOOD (or FOODSTUFF) reads as
FOODS (``names.SYNONYMS``): the two were different words, so مصنع الأمانة للمواد الغذائية wrote
no word of El Amana Food Stuff W.L.L. but its family name, and the narrative read as any of
four Amanas (93 each). The English of an Arabic word now reads as a bank's own word for it
(FOODS; الصناعية INDUSTRIES; مصانع FACTORY).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

AMANA = [
    customer("CUST-01441", "El Amana Food Stuff W.L.L."),
    customer("CUST-01050", "شركة الأمانة للتوريدات"),
    customer("CUST-01104", "شركة الأمانة للإلكترونيات"),
    customer("CUST-01319", "شركة الأمانة للأدوية"),
]


def test_an_arabic_business_word_reads_as_the_printed_one():
    assert name_tokens("الغذائية") == name_tokens("FOOD") == name_tokens("FOODSTUFF")
    assert name_tokens("الصناعية") == name_tokens("INDUSTRIES")
    assert name_tokens("مصانع") == name_tokens("FACTORY")


def test_the_arabic_name_of_a_food_company_names_it():
    payers = PayerDirectory(pd.DataFrame(AMANA))
    found = payers.by_name("حوالة واردة من مصنع الأمانة للمواد الغذائية", narrative=True)
    assert (found.customer, found.score) == ("CUST-01441", 98.0)


def test_its_receipt_is_matched():
    """Before: unmatched (four Amanas at 93), though only El Amana Food Stuff owes 25,420.94."""
    invoices = [invoice("2026-INV-0762", "CUST-01441", 25420.94),
                invoice("2026-INV-0763", "CUST-01050", 25420.94)]
    r = match(AMANA, invoices, {"amount": 25420.94,
                                "desc": "حوالة واردة من مصنع الأمانة للمواد الغذائية"})
    assert allocations(r) == [("2026-INV-0762", 25420.94, "amount+payer", "Matched")]
