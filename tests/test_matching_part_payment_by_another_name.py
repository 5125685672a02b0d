"""A part payment of an invoice whose narrative opens with another customer's name, cut short
by the bank (OAKWOOD PRIM SCH INV1034 for 2,160.00, INV1034 being Wilson Builders'
4,000.00), was Matched to Wilson's invoice: the school's name scores only 'likely' (90) for
being cut, so it counted as no payer at all. It is the school's money, quite likely for its own
INV1023 of exactly 2,160.00 with the number miscopied: a person decides."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C017", "Wilson Builders (Leeds) Ltd"),
             customer("C018", "Wilson Plumbing"),
             customer("C019", "Oakwood Primary School")]
INVOICES = [invoice("INV1023", "C019", 2160.00, "2026-10-01"),
            invoice("INV1034", "C017", 4000.00, "2026-10-11")]


def test_another_customers_likely_name_keeps_a_part_payment_suggested():
    r = match(CUSTOMERS, INVOICES, {"amount": 2160.00,
                                    "desc": "OAKWOOD PRIM SCH INV1034"})
    assert allocations(r) == [("INV1034", 2160.00, "partial", "Suggested")]
    assert "the narrative names customer C019 (Oakwood Primary School)" in reason(r)


def test_the_invoices_own_customer_part_paying_stays_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 2000.00,
                                    "desc": "WILSON BUILDERS LEED INV1034"})
    assert allocations(r) == [("INV1034", 2000.00, "partial", "Matched")]


def test_no_name_at_all_part_paying_stays_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 2000.00, "desc": "FPI 778812 INV1034"})
    assert allocations(r) == [("INV1034", 2000.00, "partial", "Matched")]


def test_a_sure_payer_paying_its_own_invoice_exactly_is_not_a_part_payment_of_a_near_number():
    """The school, read for sure, names Wilson's INV1034 and pays 2,160.00: its own INV1043
    (4,000.00) is one digit away, but its own INV1023 is exactly the amount. It was Matched as
    a part payment of INV1043 (the number 'mistyped', whatever the amount)."""
    invoices = INVOICES + [invoice("INV1043", "C019", 4000.00, "2026-10-12")]
    r = match(CUSTOMERS, invoices, {"amount": 2160.00,
                                    "desc": "OAKWOOD PRIMARY SCHOOL INV1034"})
    assert allocations(r) == [("INV1023", 2160.00, "amount+payer", "Matched")]


def test_a_sure_payer_part_paying_its_own_near_number_stays_matched():
    invoices = INVOICES + [invoice("INV1043", "C019", 4000.00, "2026-10-12")]
    r = match(CUSTOMERS, invoices, {"amount": 1000.00,
                                    "desc": "OAKWOOD PRIMARY SCHOOL INV1034"})
    assert allocations(r) == [("INV1043", 1000.00, "partial", "Matched")]
