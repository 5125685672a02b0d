"""A receipt the amount stage read as one open invoice of exactly its amount, but doubted (a
narrative calling it a part payment, the payer's oldest invoices making the amount too), was
then Matched by a later stage of the certain round to another reading: an invoice less a credit
note the payer holds. 'CR ACH 97466845 EL NASR CHEMICAL' 25,000.00, El Nasr owing
INV/2026/08/0227 of 25,000.00, INV/2026/09/0300 of 26,000.00 and a credit note CN/2026/0007 of
1,000.00: 0300 less the credit note was Matched. The invoice of the amount is the likelier
reading: the other is no surer, so the amount stage's suggestion stands, as where a short
payment is read (``propose_payer_short``)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C86", "شركة النصر للكيماويات")]
LINE = {"amount": 25000.00, "desc": "CR ACH 97466845 EL NASR CHEMICAL"}
OF_THE_AMOUNT = invoice("INV/2026/08/0227", "C86", 25000.00, "2026-08-29")
OLDEST = [invoice("INV/2026/06/0095", "C86", 20000.00, "2026-06-14"),
          invoice("INV/2026/08/0146", "C86", 5000.00, "2026-08-20")]
LESS_A_CREDIT = [invoice("INV/2026/09/0300", "C86", 26000.00, "2026-09-20"),
                 invoice("CN/2026/0007", "C86", -1000.00, "2026-10-01")]


def test_the_oldest_making_it_too_leaves_a_credit_reading_unsure():
    r = match(CUSTOMERS, OLDEST + [OF_THE_AMOUNT] + LESS_A_CREDIT, LINE)
    assert allocations(r) == [("INV/2026/08/0227", 25000.00, "amount+payer", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (98); amount equals the open amount of INV/2026/08/0227; but "
        "its oldest open invoices make it too (INV/2026/06/0095, INV/2026/08/0146): paid oldest "
        "first? please confirm")


def test_a_part_payment_of_the_amount_is_no_other_invoice_less_a_credit_for_sure():
    r = match(CUSTOMERS, [OF_THE_AMOUNT] + LESS_A_CREDIT,
              {"amount": 25000.00, "desc": "PART PAYMENT EL NASR CHEMICAL"})
    assert allocations(r) == [("INV/2026/08/0227", 25000.00, "amount+payer", "Suggested")]
    assert reason(r) == ("payer by narrative name (98); amount equals the open amount of "
                         "INV/2026/08/0227; but the narrative calls it a part payment: please "
                         "confirm")


def test_without_an_invoice_of_the_amount_the_credit_reading_stays_matched():
    r = match(CUSTOMERS, OLDEST[:1] + LESS_A_CREDIT, LINE)
    assert allocations(r) == [("INV/2026/09/0300", 26000.00, "credit-note", "Matched"),
                              ("CN/2026/0007", -1000.00, "credit-note", "Matched")]
