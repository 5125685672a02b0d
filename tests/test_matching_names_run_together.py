"""Payer names printed with their words run together, and the SWIFT tags beside them.

Some banks' name fields and payers' systems drop the spaces: TEEBAFORTRADING for شركة طيبة
للتجارة, ELMASAFORCONTRACTING for شركة الماسة للمقاولات, WAVEPACKAGING W.L.L. for Wave Packaging
W.L.L., SAIDABDELAZIZIRONANDSTEEL for مؤسسة سعيد عبد العزيز للحديد والصلب. The business word
such a word ends with, and a FOR / AND before it, are now words of their own
(``names._unglued``); before, the name was one long word that scored no one. A SWIFT
narrative's field tags (/ORD/, /RFB/) are no words of a name: ORD read as الرضا. A text naming
one trade is no supplies company of the same family name for sure (EGYPTIAN PHARMACEUTICAL is no
Egyptian Supplies Est.), and EGYPTIAN is المصرية.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import CERTAIN_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

MASTER = [
    customer("CUST-01274", "شركة طيبة للتجارة ش.م.م"),
    customer("CUST-01221", "شركة الماسة للمقاولات"),
    customer("CUST-01398", "Al Massa Trade LLC"),
    customer("01258", "Wave Packaging W.L.L."),
    customer("C1113", "مؤسسة سعيد عبد العزيز للحديد والصلب"),
    customer("CUST-01449", "Hasan Abdelrahman For Engineering Est"),
    customer("CUST-01379", "مصنع الرضا للهندسة ش.م.م"),
    customer("01350", "شركة المصرية للأدوية ذ.م.م"),
    customer("01131", "Egyptian Supplies Est."),
]


def test_the_words_of_a_name_run_together_are_read_apart():
    assert name_tokens("TEEBAFORTRADING") == name_tokens("TEEBA FOR TRADING")
    assert name_tokens("WAVEPACKAGING") == name_tokens("WAVE PACKAGING")
    assert name_tokens("SEENACHEMICALINDUSTRIES") == name_tokens("SEENA CHEMICAL INDUSTRIES")
    assert name_tokens("ALEXANDRIAIMPORT&EXPORT") == name_tokens("ALEXANDRIA IMPORT & EXPORT")
    # (a business word is no word run together: INTERNATIONAL, PHARMACEUTICALS, FOODSTUFFS)
    for word in ("INTERNATIONAL", "PHARMACEUTICALS", "FOODSTUFFS", "MANUFACTURING"):
        assert len(name_tokens(word)) == 1, word


def test_a_name_run_together_names_its_customer():
    payers = PayerDirectory(pd.DataFrame(MASTER))
    for printed, cid in (("TEEBAFORTRADING", "CUST-01274"),
                         ("ELMASAFORCONTRACTING", "CUST-01221"),
                         ("WAVEPACKAGING W.L.L.", "01258"),
                         ("SAIDABDELAZIZIRONANDSTEEL COMPANY", "C1113"),
                         ("HASSANABDELRAHMANENGINEERING", "CUST-01449"),
                         ("EGYPTIANPHARMACEUTICAL", "01350")):
        found = payers.by_name(printed)
        assert found.customer == cid and found.score >= CERTAIN_NAME, printed


def test_a_swift_tag_is_no_word_of_a_name():
    """Before: ORD read as الرضا (lrd), so the narrative named مصنع الرضا للهندسة for sure (95)
    and the 5,000.00 receipt of Hasan Abdelrahman For Engineering was Matched to its invoice."""
    invoices = [invoice("100696", "CUST-01449", 5000.00),
                invoice("ف-2026-0584", "CUST-01379", 5000.00)]
    r = match(MASTER, invoices, {
        "amount": 5000.00,
        "desc": "SWIFT INWARD TT985529940 /ORD/HASSANABDELRAHMANENGINEERING /RFB/PAYMENT"})
    assert allocations(r) == [("100696", 5000.00, "amount+payer", "Matched")]


def test_another_trade_is_no_supplies_company_for_sure():
    payers = PayerDirectory(pd.DataFrame([c for c in MASTER if c["Customer ID"] != "01350"]))
    found = payers.by_name("SWIFT INWARD TT530843992 /ORD/EGYPTIAN PHARMACEUTICAL /RFB/PAYMENT",
                           narrative=True)
    assert not found.certain
