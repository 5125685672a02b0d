"""A 3-digit number from a payer known for sure with few open invoices.

``PART PAYMENT 686`` or ``سداد 714`` is not called an invoice: from a payer with hundreds of
invoices a 3-digit number ends one of them by chance, and may be its order or voucher number.
Written as what is paid (PART PAYMENT, PARTIAL, ON ACC, سداد, دفعة من) by a payer known for
sure (a certain name clearly its) with so few open invoices that a 3-digit number ends one by
chance less than once in 50, it names that invoice. A reference (REF 686), an order, cheque or
phone number never does; two digits never do.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "مصنع المتحدة للمقاولات"), customer("C2", "Horizon Tech FZE")]
NARRATIVE = "حوالة واردة من مصنع المتحدة للمقاولات قيمة PART PAYMENT 686"


def few_open() -> list[dict]:
    return [invoice("ف-2026-0500", "C1", 25000.00, "2026-07-01"),
            invoice("ف-2026-0686", "C1", 7788.20, "2026-08-01"),
            invoice("ف-2026-0692", "C1", 10000.00, "2026-08-05"),
            invoice("ف-2026-0729", "C1", 37309.35, "2026-09-01"),
            invoice("SI-26/00686", "C2", 9000.00, "2026-09-01")]


def test_a_part_payment_by_3_digits_from_a_known_payer_with_few_invoices():
    r = match(CUSTOMERS, few_open(), {"amount": 4900.00, "desc": NARRATIVE})
    assert allocations(r) == [("ف-2026-0686", 4900.00, "partial", "Matched")]


def test_the_same_number_from_a_payer_with_many_open_invoices_stays_a_suggestion():
    many = few_open() + [invoice(f"ف-2026-{n:04d}", "C1", 1000.00 + n, "2026-09-02")
                         for n in range(1000, 1025)]
    r = match(CUSTOMERS, many, {"amount": 4900.00, "desc": NARRATIVE})
    assert allocations(r) == [("ف-2026-0686", 4900.00, "partial", "Suggested")]


@pytest.mark.parametrize("written", ["PO 686", "REF 686"])
def test_an_order_number_or_a_reference_is_no_invoice_number(written):
    r = match(CUSTOMERS, few_open(), {"amount": 4900.00, "desc": NARRATIVE.replace(
        "PART PAYMENT 686", written)})
    assert all(st != "Matched" for *_, st in allocations(r))
