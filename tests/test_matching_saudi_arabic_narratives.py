"""A Saudi statement in Arabic (the lead's hand-made month, an Al Rajhi-style export): a mada
payout printed as مدى - تسوية مبيعات نقاط البيع (settlement of the point-of-sale sales) is the
shop's card sales, no customer's receipt; it was left 'payer not identified', a line for the
accountant to chase."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("S002", "شركة القحطاني للتجارة"), customer("S008", "شركة المراعي للتوزيع")]
INVOICES = [invoice("INV-26-0103", "S002", 18420.35, "2026-10-05"),
            invoice("INV-26-0112", "S008", 28750.0, "2026-10-15")]


def test_a_mada_payout_of_pos_sales_is_card_sales():
    r = match(CUSTOMERS, INVOICES, {"amount": 18420.35, "desc": "مدى - تسوية مبيعات نقاط البيع"})
    assert allocations(r) == []
    assert reason(r) == "not a customer receipt (card sales)"


def test_a_customers_transfer_is_still_read():
    r = match(CUSTOMERS, INVOICES, {"amount": 28750.0, "desc": "حوالة واردة من شركة المراعي"})
    assert allocations(r) == [("INV-26-0112", 28750.0, "amount+payer", "Matched")]
