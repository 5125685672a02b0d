"""SHIPPING is a trade word, as TRANSPORT and LOGISTICS are (شحن, الشحن: names.ARABIC_WORDS).

It was no business word (``names.GENERIC``), so it was a word a text had to write to name the
customer: 'AL MANAR TRANSPORT' named مصنع المنار للنقل والشحن no better than the other Manars
(87 each), and its 42,944.56 (two invoices) was only suggested. It is now a business word: the
family name names the customer, the trade (one sector: TRANSPORT, LOGISTICS, SHIPPING) tells it
apart from the Manars of other trades.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

MANAR = [
    customer("CUST-01108", "Almanar Chemical Industries"),
    customer("CUST-01291", "مؤسسة المنار للهندسة"),
    customer("CUST-01343", "مصنع المنار للنقل والشحن"),
    customer("CUST-01428", "El Manar Foodstuff Company"),
]
TEXT = "IPN TRANSFER FROM AL MANAR TRANSPORT 01170287628"


def test_a_shipping_company_is_named_by_its_family_name_and_trade():
    found = PayerDirectory(pd.DataFrame(MANAR)).by_name(TEXT, narrative=True)
    assert (found.customer, found.score) == ("CUST-01343", 93.0)


def test_its_receipt_is_matched():
    """Before: both invoices only suggested (multi-invoice 0.75)."""
    invoices = [invoice("100179", "CUST-01343", 12944.56, "2026-08-01"),
                invoice("INV/2026/08/0068", "CUST-01343", 30000.00, "2026-08-20"),
                invoice("100180", "CUST-01108", 12944.56)]
    r = match(MANAR, invoices, {"amount": 42944.56, "desc": TEXT})
    assert allocations(r) == [("100179", 12944.56, "multi-invoice", "Matched"),
                              ("INV/2026/08/0068", 30000.00, "multi-invoice", "Matched")]
