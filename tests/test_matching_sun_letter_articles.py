"""The article written as the sun letter it becomes: AZ-ZAHRAA, AS-SALAM, AR-RAYAN, AN-NOUR.

Arabic assimilates ال before a sun letter (الزهراء is said az-zahraa), and masters and banks
write it so as often as AL ZAHRAA or EL ZAHRAA. It is the article: one name key for all of
them. AS BUILT or AR ENGINEERING (the next word does not begin with the letter) keep their
words.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match


def test_a_sun_letter_article_is_the_article():
    assert name_tokens("Az-Zahraa Pharma Co.") == name_tokens("EL ZAHRAA PHARMA CO") \
        == name_tokens("مؤسسة الزهراء للأدوية")
    assert name_tokens("As-Salam Trading") == name_tokens("AL SALAM TRADING")
    assert name_tokens("AN NOUR") == name_tokens("النور")
    assert name_tokens("Ash-Sharq Foods") == name_tokens("AL SHARQ FOODS")
    assert name_tokens("AS BUILT") == ["s", "blt"]  # (not an article: SBUILT)


def test_a_customer_registered_with_the_sun_letter_is_the_payer():
    """INWARD TRANSFER FROM EL ZAHRAA PHARMA CO for Az-Zahraa Pharma Co.: before, AZ read as a
    word of its own, the name was Zahraa Trading Group's (91) and two invoices of Az-Zahraa
    making the amount were left for a suggestion against the other customer's open one."""
    customers = [customer("C1", "Az-Zahraa Pharma Co."), customer("C2", "مجموعة الزهراء للتجارة")]
    payers = PayerDirectory(pd.DataFrame(customers))
    assert payers.by_sender("INWARD TRANSFER 2660744778866 FROM EL ZAHRAA PHARMA CO").customer == "C1"
    invoices = [invoice("INV/2026/04/0020", "C1", 6488.60), invoice("INV/2026/09/0083", "C1", 7500.00),
                invoice("INV/2026/09/0090", "C1", 11250.00), invoice("2026-INV-0624", "C2", 20000.00)]
    r = match(customers, invoices, {"amount": 13988.60,
                                    "desc": "INWARD TRANSFER 2660744778866 FROM EL ZAHRAA PHARMA CO"})
    assert allocations(r) == [("INV/2026/04/0020", 6488.60, "multi-invoice", "Matched"),
                              ("INV/2026/09/0083", 7500.00, "multi-invoice", "Matched")]
