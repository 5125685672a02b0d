"""A receipt the amount stage read as one open invoice of exactly its amount, but doubted, was
then Matched in the same certain round by the fee-tolerance stage to another invoice less a
charge: 'CR ACH 97466845 EL NASR CHEMICAL' 25,000.00, El Nasr owing INV/2026/08/0227 of
25,000.00 (its oldest two invoices make 25,000.00 too) and INV/2026/09/0300 of 25,012.00: 0300
less 12.00 was Matched and written off (reported with 1ab1f98, which closed the same gap for a
credit note). The invoice of the amount is the likelier reading; its suggestion stands."""

from __future__ import annotations

from tests.test_doubted_invoice_of_the_amount_leaves_others_unsure import (
    CUSTOMERS,
    LINE,
    OF_THE_AMOUNT,
    OLDEST,
)
from tests.test_matching_real_narratives import allocations, invoice, match, reason

LESS_A_CHARGE = invoice("INV/2026/09/0300", "C86", 25012.00, "2026-09-20")


def test_the_oldest_making_it_too_leaves_a_charge_reading_unsure():
    r = match(CUSTOMERS, OLDEST + [OF_THE_AMOUNT, LESS_A_CHARGE], LINE)
    # (before: ('INV/2026/09/0300', 25000.0, 'fee-writeoff', 'Matched'), 12.00 written off)
    assert allocations(r) == [("INV/2026/08/0227", 25000.00, "amount+payer", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (98); amount equals the open amount of INV/2026/08/0227; but "
        "its oldest open invoices make it too (INV/2026/06/0095, INV/2026/08/0146): paid oldest "
        "first? please confirm")


def test_without_an_invoice_of_the_amount_the_charge_is_written_off():
    r = match(CUSTOMERS, [LESS_A_CHARGE], LINE)
    assert allocations(r) == [("INV/2026/09/0300", 25000.00, "fee-writeoff", "Matched")]
