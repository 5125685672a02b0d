"""The article a bank prints before a name the master writes without it.

Banks print AL / EL before a Latin name the customer master writes bare (AL DELTA FOOD
INDUSTRIES for Delta For Food Industries W.L.L.). Where other customers' names have the word
with the article (Al Delta Pharmaceutical Est., شركة الدلتا للهندسة), AL DELTA was read as
theirs only: the bare name was no candidate at all, and the receipt named no one for sure
(payer name ambiguous, 90 / 88 / 85). The text is now read without the article too, and that
reading names the payer where it is certain and clears the margin over every candidate of the
reading with the article (``PayerDirectory._article_left_out``).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import OTHER_TRADE_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

DELTA = [
    customer("01293", "Delta For Food Industries W.L.L."),
    customer("01083", "Al Delta Pharmaceutical Est."),
    customer("01254", "شركة الدلتا للهندسة"),
    customer("01076", "مصنع الدلتا للاستيراد والتصدير"),
]


def test_a_name_printed_with_the_article_finds_the_bare_name():
    payers = PayerDirectory(pd.DataFrame(DELTA))
    found = payers.by_name("AL DELTA FOOD INDUSTRIES")
    assert (found.customer, found.score) == ("01293", 100.0)
    # (the reading with the article, kept: another trade's name, ``OTHER_TRADE_NAME``)
    assert dict(found.candidates)["01083"] == OTHER_TRADE_NAME


def test_the_receipt_of_the_bare_name_is_matched():
    """Before: unmatched, 'payer name ambiguous' (Al Delta Pharmaceutical 90, الدلتا للهندسة
    88, مصنع الدلتا 85), though every one of them owes the same 48,353.55."""
    invoices = [invoice("INV/2026/06/0084", "01293", 48353.55),
                invoice("INV/2026/06/0085", "01083", 48353.55),
                invoice("INV/2026/06/0086", "01254", 48353.55)]
    r = match(DELTA, invoices, {"amount": 48353.55,
                                "desc": "SARIE IN 443849902239 FROM AL DELTA FOOD INDUSTRIES",
                                "cp": "AL DELTA FOOD INDUSTRIES"})
    assert allocations(r) == [("INV/2026/06/0084", 48353.55, "amount+payer", "Matched")]


def test_the_names_with_the_article_keep_their_reading():
    payers = PayerDirectory(pd.DataFrame(DELTA))
    assert payers.by_name("AL DELTA PHARMACEUTICAL").customer == "01083"
    assert payers.by_name("الدلتا للهندسة").customer == "01254"
    # (the word alone is any of them: no one for sure)
    assert payers.by_name("AL DELTA").customer is None
