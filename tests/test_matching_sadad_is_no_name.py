"""SADAD (Saudi Arabia's bill-payment system), its BILLER and a bank's INW (inward) are the
rails' words, not a payer's: SADAD BILLER 090 BILL 1029384 for 4,600.00 read SADAD as مؤسسة
سعود (90) and Matched its invoice of 4,600.00, though another customer's invoice has that
amount too and nobody is named (helper-189's Riyadh month)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("S1", "مؤسسة سعود"), customer("S2", "شركة النخيل للتجارة")]
INVOICES = [invoice("INV-1", "S1", 4600.0, "2026-10-01"),
            invoice("INV-2", "S2", 4600.0, "2026-10-02"),
            invoice("INV-3", "S2", 1150.0, "2026-10-02")]


def test_a_sadad_bill_payment_names_nobody():
    r = match(CUSTOMERS, INVOICES, {"amount": 4600.0, "desc": "SADAD BILLER 090 BILL 1029384"})
    assert allocations(r) == []
    assert reason(r) == "no invoice reference and payer not identified"


def test_the_name_after_inw_tt_is_still_read():
    r = match(CUSTOMERS, INVOICES, {"amount": 1150.0, "desc": "INW TT AL NAKHEEL TRADING"})
    assert allocations(r) == [("INV-3", 1150.0, "amount+payer", "Matched")]
