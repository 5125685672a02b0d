"""A customer number the payer quotes as such (CUST NO 10105, eFAWATEERcom's BILLING NO 10105,
كود العميل 10105) is the payer's, never an invoice's, though another customer's invoice may be
numbered so: the payer is that customer and the amount decides among its invoices. Before,
'BILLING NO 10105' was Matched as invoice 10105 of customer 10230 ('narrative names 10105'),
though customer 10105 owes the same 1,785.600 (found by review helper-212)."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("10105", "Petra Trading", Currency="JOD"),
             customer("10230", "Zarqa Foods", Currency="JOD")]
INVOICES = [invoice("10105", "10230", 1785.6, Currency="JOD"),
            invoice("S-77", "10105", 1785.6, Currency="JOD")]


@pytest.mark.parametrize("narrative", [
    "TRF CUST NO 10105", "EFAWATEERCOM BILL PAYMENT BILLING NO 10105", "كود العميل 10105",
    "حوالة رقم الاشتراك 10105"])
def test_a_customer_number_quoted_names_the_payer_not_an_invoice(narrative):
    r = match(CUSTOMERS, INVOICES, {"amount": 1785.6, "desc": narrative, "cur": "JOD"})
    assert allocations(r) == [("S-77", 1785.6, "amount+payer", "Matched")]
    assert reason(r).startswith("payer by customer code (99)")


def test_the_invoice_number_written_as_one_still_names_the_invoice():
    r = match(CUSTOMERS, INVOICES, {"amount": 1785.6, "desc": "TRF INV 10105 ZARQA FOODS",
                                    "cur": "JOD"})
    assert allocations(r) == [("10105", 1785.6, "reference", "Matched")]
