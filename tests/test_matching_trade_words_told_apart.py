"""The trade a bank prints beside a family name: read as the customer's, and telling apart
companies of one family name in different trades.

* A trade word printed in the singular (AL AMAL CERAMIC, CHEMICAL INDUSTRY) is the master's
  plural (El Amal Ceramics): banks and clerks write either, and the word order of a name
  transliterated from Arabic may put the trade first (CERAMIC AL AMAL, سيراميك الأمل).
* A family name shared across trades (Al Kauthar Chemicals, مصنع الكوثر للإلكترونيات): where
  the text writes a trade, a name of another trade is a candidate at most (``OTHER_TRADE_NAME``)
  and no rival of the name whose trade is written; without a trade written both stay rivals.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import OTHER_TRADE_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

AMAL = [
    customer("C1292", "El Amal Ceramics LLC"),
    customer("C1084", "Al Amal Supply Co"),
    customer("C1295", "Alamal Food Stuff Co."),
    customer("C1019", "شركة الأمل للاستيراد والتصدير"),
]
KAUTHAR = [
    customer("11126", "Alkawther Import and Export Group"),
    customer("11145", "Al Kauthar Chemicals L.L.C."),
    customer("11224", "مصنع الكوثر للإلكترونيات"),
]


def test_a_trade_word_in_the_singular_is_the_masters_plural():
    payers = PayerDirectory(pd.DataFrame(AMAL))
    for printed in ("AL AMAL CERAMIC", "EL AMAL CERAMICS"):
        payer = payers.by_name(printed)
        assert (payer.customer, payer.score) == ("C1292", 100.0), printed


def test_a_name_printed_trade_first_in_the_singular_finds_its_customer():
    """Before: CERAMIC was no word of El Amal Ceramics, so the line read as any Amal (85
    each) and stayed unmatched, 'payer name ambiguous'."""
    invoices = [invoice("F2026001448", "C1292", 20000.00), invoice("SI-26/00411", "C1084", 20000.00)]
    r = match(AMAL, invoices, {"amount": 20000.00,
                               "desc": "INWARD TRANSFER 2669646144225 FROM CERAMIC AL AMAL"})
    assert allocations(r) == [("F2026001448", 20000.00, "amount+payer", "Matched")]


def test_a_name_of_another_trade_is_no_rival_of_the_trade_written():
    payers = PayerDirectory(pd.DataFrame(KAUTHAR))
    read = payers.by_name("حوالة واردة من الكوثر للإلكترونيات", narrative=True)
    assert dict(read.candidates)["11145"] == OTHER_TRADE_NAME
    assert read.candidates[0][0] == "11224"
    # (the chemicals company's own trade written: the electronics factory is the candidate)
    read = payers.by_name("AL KAUTHAR CHEMICALS", narrative=True)
    assert read.customer == "11145" and dict(read.candidates)["11224"] == OTHER_TRADE_NAME


def test_the_trade_written_settles_a_short_payment_of_the_family_name():
    """Before: Al Kauthar Chemicals scored as الكوثر للإلكترونيات did (93 each), so the
    12,000.00 invoice paid less a 26.00 charge was only suggested."""
    invoices = [invoice("ف-2026-1591", "11224", 12000.00), invoice("F2026000732", "11145", 13711.92)]
    r = match(KAUTHAR, invoices, {"amount": 11974.00,
                                  "desc": "حوالة واردة من الكوثر للإلكترونيات"})
    assert allocations(r) == [("ف-2026-1591", 11974.00, "fee-writeoff", "Matched")]
    assert r.matches["Write-off"].tolist() == [26.00]


def test_without_a_trade_written_the_family_name_stays_in_doubt():
    invoices = [invoice("ف-2026-1591", "11224", 12000.00), invoice("F2026000732", "11145", 12000.00)]
    r = match(KAUTHAR, invoices, {"amount": 12000.00, "desc": "حوالة واردة من الكوثر"})
    assert [a[3] for a in allocations(r)] != ["Matched"]
