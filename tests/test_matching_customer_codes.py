"""The payer quoting its customer number at us: CUST NO 11017, كود العميل ١١٠١٧.

A customer told its account code (the master's Customer ID) writes it on its transfers; so does
someone paying for it (ON BEHALF OF, a relative, a sister company). The code names the customer
whose invoices are paid, as its bank account would, when it is exactly one customer's (zero
padding aside) and the narrative calls it the customer's number. CUST REF (the payer's own
reference) or a bare number is no customer code.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("11017", "Al Nour Trading Co"), customer("11018", "Sinai Plastic Industries"),
             customer("C1046", "Delta Star Paints")]
INVOICES = [invoice("INV-0101", "11017", 12500.00), invoice("INV-0102", "11017", 3300.00),
            invoice("INV-0103", "11018", 12500.00), invoice("INV-0104", "C1046", 7100.00),
            invoice("INV-0105", "C1046", 2000.00)]


def test_the_code_after_the_words_that_call_it_the_customers():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    assert payers.by_code("INWARD TRANSFER CUST NO 11017 PAYMENT").customer == "11017"
    assert payers.by_code("FROM AHMED HASSAN CUSTOMER NO. 011017").customer == "11017"
    assert payers.by_code("IPI TT REF: 0123 CUSTOMER CODE C-1046").customer == "C1046"
    assert payers.by_code("حواله وارده كود العميل 11018").customer == "11018"
    assert payers.by_code("INWARD TRANSFER CUST REF 11017") is None  # the payer's reference
    assert payers.by_code("INWARD TRANSFER 11017") is None
    assert payers.by_code("CUSTOMER NO 99999") is None  # nobody's


def test_two_customers_owing_the_amount_are_told_apart_by_the_code():
    """Both 11017 and 11018 have 12,500.00 open: the code says whose (before: unmatched, no
    payer and an amount two invoices have)."""
    r = match(CUSTOMERS, INVOICES, {"amount": 12500.00,
                                    "desc": "INWARD TRANSFER CUST NO 11017 PAYMENT"})
    assert allocations(r) == [("INV-0101", 12500.00, "amount+payer", "Matched")]
    assert reason(r) == ("payer by customer code (99); amount equals the open amount of "
                         "INV-0101")
    r = match(CUSTOMERS, INVOICES, {"amount": 12500.00, "desc": "حوالة واردة كود العميل ١١٠١٨"})
    assert allocations(r) == [("INV-0103", 12500.00, "amount+payer", "Matched")]


def test_someone_paying_on_the_customers_behalf_quotes_its_code():
    r = match(CUSTOMERS, INVOICES, {"amount": 9100.00,
                                    "desc": "INWARD TRANSFER FROM AHMED HASSAN ON BEHALF OF "
                                            "CUSTOMER CODE C-1046"})
    assert allocations(r) == [("INV-0104", 7100.00, "multi-invoice", "Matched"),
                              ("INV-0105", 2000.00, "multi-invoice", "Matched")]


def test_the_reason_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    assert arabic_reason("payer by customer code (99); amount equals the open amount of "
                         "INV-0101") == ("الدافع عُرف من رقم العميل في البيان (تطابق 99%)؛ المبلغ يساوي "
                                         "الرصيد المفتوح لـ INV-0101")
