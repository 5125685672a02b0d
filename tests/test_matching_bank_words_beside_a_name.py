"""The bank's own words printed beside a payer's name are no part of it. An Egyptian cash
deposit 'إيداع نقدي - الصعيد للتوريدات' for exactly an invoice of شركة الصعيد للتوريدات was
only Suggested (85): نقدي was read as a second distinctive word beside the customer's one
(as GOLDEN EAGLE is no Golden for sure). And a British export's payment type written after
the narrative ('PATEL & PATEL FPI', Lloyds' Transaction Type) read as a word of the name: the
payer went unidentified."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

SAEED = [customer("1205", "شركة الصعيد للتوريدات"), customer("1202", "مؤسسة النور التجارية")]


@pytest.mark.parametrize("narrative", [
    "إيداع نقدي - الصعيد للتوريدات", "ايداع نقدى الصعيد للتوريدات",
    "ايداع نقدي بالفرع الصعيد للتوريدات", "إيداع نقدا فرع أسيوط الصعيد للتوريدات"])
def test_an_arabic_cash_deposit_naming_the_customer_is_matched(narrative):
    r = match(SAEED, [invoice("ف-2026-0105", "1205", 45600.00)],
              {"amount": 45600.00, "desc": narrative})
    assert allocations(r) == [("ف-2026-0105", 45600.00, "amount+payer", "Matched")]
    assert reason(r).startswith("payer by narrative name (98)")


def test_a_british_payment_type_after_the_name_is_no_word_of_it():
    customers = [customer("C013", "Patel Pharmacy"), customer("C014", "Patel & Patel Accountants")]
    invoices = [invoice("INV1017", "C013", 99.99), invoice("INV1018", "C014", 1500.00)]
    r = match(customers, invoices, {"amount": 1500.00, "desc": "PATEL & PATEL FPI"})
    assert allocations(r) == [("INV1018", 1500.00, "amount+payer", "Matched")]
