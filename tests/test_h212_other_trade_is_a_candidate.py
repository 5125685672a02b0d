"""A name whose family name agrees but whose trade the text contradicts is a candidate a
person confirms, not a look-alike the amount settles.

OTHER_TRADE_NAME (4d7768e: 'a candidate, never the payer for sure') was 90, over the 88 at
which the amount decides between look-alike names (``narrative_names``; 8d98360 set two people's
PERSON_NAME to 87 for the same reason): a textile factory paying exactly what the food-stuff
company of its family name owes was Matched. 01499b6 made the singular GARMENT a trade word,
so 'TRF FROM AL AMAL GARMENT FACTORY' paying Alamal Food Stuff Co.'s 5,000.00 went from
Suggested to Matched (0.91), as 'AL KAUTHAR MOTOR' paying Al Kauthar Chemicals' already was.
"""

from __future__ import annotations

import pytest

from ar_excel.core.matching.narrative_names import LIKELY_NAME
from ar_excel.core.matching.payers import OTHER_TRADE_NAME
from tests.test_matching_real_narratives import allocations, customer, invoice, match


def test_another_trades_name_is_under_the_amounts_say():
    assert LIKELY_NAME <= OTHER_TRADE_NAME < 88.0


@pytest.mark.parametrize("name, desc", [
    ("Alamal Food Stuff Co.", "TRF FROM AL AMAL GARMENT FACTORY"),
    ("Al Kauthar Chemicals L.L.C.", "TRF FROM AL KAUTHAR MOTOR"),
    ("Al Kauthar Chemicals L.L.C.", "TRF FROM AL KAUTHAR GARMENT"),
])
def test_a_family_company_of_another_trade_paying_is_suggested(name, desc):
    customers = [customer("C1", name), customer("C2", "Nile Co")]
    invoices = [invoice("INV-1", "C1", 5000.00), invoice("INV-2", "C2", 7000.00)]
    r = match(customers, invoices, {"amount": 5000.00, "desc": desc})
    assert allocations(r) == [("INV-1", 5000.00, "amount+payer", "Suggested")]


def test_its_own_trade_written_is_matched():
    customers = [customer("C1", "Al Kauthar Chemicals L.L.C."), customer("C2", "Nile Co")]
    invoices = [invoice("INV-1", "C1", 5000.00), invoice("INV-2", "C2", 7000.00)]
    r = match(customers, invoices, {"amount": 5000.00, "desc": "TRF FROM AL KAUTHAR CHEMICAL"})
    assert allocations(r) == [("INV-1", 5000.00, "amount+payer", "Matched")]
