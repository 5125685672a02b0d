"""A part payment naming its invoice by a 2-3 digit sequence after the invoice's own series
letters (SINV 42 for SINV-00042) is Matched when the payer is known for sure (account, or a
certain name) and the invoice is its own and open; a bare short number (REF 42) or a payer
known only likely stays Suggested, as a bank's short reference ends some invoice by chance.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

IBAN = "EG380019000500000000263180002"
CUSTOMERS = [customer("C1", "Al Fajr Pharma Co", **{"IBAN / Bank Account": IBAN}),
             customer("C2", "Delta Foods")]
INVOICES = [invoice("SINV-00042", "C1", 10000.00, "2026-09-01"),
            invoice("SINV-00043", "C1", 7000.00, "2026-09-02"),
            invoice("SINV-00142", "C2", 9000.00, "2026-09-03")]


@pytest.mark.parametrize("row", [
    {"cp": "AL FAJR PHARMA CO", "desc": "TRANSFER SINV 42"},
    {"cp": "AL FAJR PHARMA CO", "desc": "PART PMT SINV-042"},
    {"desc": "INWARD TRANSFER FROM AL FAJR PHARMA CO SINV 42"},
    {"acc": IBAN, "desc": "TRANSFER SINV 42"},
])
def test_a_short_number_after_the_invoices_letters_from_a_known_payer_is_matched(row):
    r = match(CUSTOMERS, INVOICES, {"amount": 4000.00, **row})
    assert allocations(r) == [("SINV-00042", 4000.00, "partial", "Matched")]


@pytest.mark.parametrize("row", [
    {"cp": "AL FAJR PHARMA CO", "desc": "TRANSFER REF 42"},  # a reference, not the series
    {"cp": "FAJR CO", "desc": "TRANSFER SINV 42"},  # the payer only likely
])
def test_a_bare_short_number_or_an_unsure_payer_stays_suggested(row):
    r = match(CUSTOMERS, INVOICES, {"amount": 4000.00, **row})
    assert allocations(r) == [("SINV-00042", 4000.00, "partial", "Suggested")]


def test_another_customers_invoice_is_not_named_by_the_payers_short_number():
    """Delta Foods writes SINV 42: SINV-00042 is Al Fajr's; its own SINV-00142 is only
    suggested (42 is not the number written in full)."""
    r = match(CUSTOMERS, INVOICES,
              {"amount": 4000.00, "cp": "DELTA FOODS", "desc": "TRANSFER SINV 42"})
    assert allocations(r) == [("SINV-00142", 4000.00, "partial", "Suggested")]
