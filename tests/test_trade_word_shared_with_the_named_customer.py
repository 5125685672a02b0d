"""A payer known for sure, whose name shares only a trade word with the customer of the invoice
it names, is still known for sure. 'حوالة واردة من مجموعة الرواد للصناعات الغذائية ش.م.م -
SI-26/00803' for 12,000.00: the name is El Rowad Foods' in full, SI-26/00803 is Al Zahraa Food
Stuff's (شركة الزهراء للمواد الغذائية) and El Rowad has SI-26/00813 of 12,000.00 open, one digit
away. FOODS / الغذائية in both names read as the printed name coming close to Al Zahraa's, so the
payer counted as unknown and the receipt was Matched (0.99) to Al Zahraa's invoice; El Rowad's
own is the reading, as when the names share no word
(tests/test_matching_sure_payer_names_anothers_invoice.py). Found in independent_month seed 67."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C33", "El Rowad Foods S.A.E."),
             customer("C23", "شركة الزهراء للمواد الغذائية")]
INVOICES = [invoice("SI-26/00813", "C33", 12000.00, "2026-10-08"),
            invoice("SI-26/00803", "C23", 12000.00, "2026-10-05")]
LINE = {"amount": 12000.00, "desc": "حوالة واردة من مجموعة الرواد للصناعات الغذائية ش.م.م - "
                                    "SI-26/00803"}


def test_a_shared_trade_word_does_not_make_the_payer_unknown():
    r = match(CUSTOMERS, INVOICES, LINE,
              {"amount": 12000.00, "desc": "حوالة واردة من شركة الزهراء للمواد الغذائية"})
    assert allocations(r, "L1") == [("SI-26/00813", 12000.00, "amount+payer", "Matched")]
    assert allocations(r, "L2") == [("SI-26/00803", 12000.00, "amount+payer", "Matched")]


def test_a_shared_distinctive_word_still_leaves_the_named_invoice_paid():
    """The named invoice's customer is an El Rowad too (El Rowad Plastics): the printed name may
    be a sister company's paying for it, so the number written decides."""
    customers = [CUSTOMERS[0], customer("C23", "مصنع الرواد للبلاستيك")]
    r = match(customers, INVOICES, LINE)
    assert allocations(r) == [("SI-26/00803", 12000.00, "reference", "Matched")]
