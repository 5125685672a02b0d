"""A shop's or a service's trade printed without it: since 3c7d0ea a narrative reading that
leaves out a distinctive word of the name scores 87 (AL QAHTANI CONTRACTING is no Saad Al
Qahtani Contracting for sure), and a restaurant's, a pharmacy's or a hotel's trade counted as
distinctive: 'ABOU SHAKRA' paying exactly the invoice of مطاعم أبو شقرة (Abou Shakra
Restaurants) was only Suggested, 'ELEZABY PHARMACIES' found nobody. These trades are generic
words now, as TRADING and CONTRACTING are."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("1014", "مطاعم أبو شقرة"), customer("1004", "صيدليات العزبي"),
             customer("1013", "Cairo Pharma Industries")]
INVOICES = [invoice("INV-518", "1014", 6840.00), invoice("INV-507", "1004", 9120.00),
            invoice("INV-520", "1013", 5000.00)]


@pytest.mark.parametrize(("narrative", "amount", "number"), [
    ("ABOU SHAKRA", 6840.00, "INV-518"), ("ابو شقرة", 6840.00, "INV-518"),
    ("ELEZABY PHARMACIES TRF", 9120.00, "INV-507"), ("EL EZABY", 9120.00, "INV-507")])
def test_a_name_printed_without_its_trade_is_the_customers(narrative, amount, number):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == [(number, amount, "amount+payer", "Matched")]
