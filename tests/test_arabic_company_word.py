"""الشركة (the company) and المؤسسة (the establishment) name nobody.

A narrative's تحويل من الشركة العربية للتجارة or a bare حوالة واردة من الشركة carries the legal
form with its article. Its consonant skeleton (the article dropped: شركه, shrk) is that of the
Latin name AL SHARQ, so the receipt was read as Al Sharq Trading's for certain (payer by
narrative name, 98) and Matched amount+payer on the customer's open amount, or named Al Sharq
as the payer of another customer's invoice. The article forms are legal forms like شركة."""

from __future__ import annotations

from ar_excel.core.matching.names import name_tokens
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Al Sharq Trading"), customer("C2", "Delta Foods"),
             customer("C3", "شركة النيل للأدوية"), customer("C4", "Al Masna Group")]
INVOICES = [invoice("INV-101", "C1", 18437.55), invoice("INV-102", "C2", 5000.00),
            invoice("INV-103", "C1", 7200.40), invoice("INV-104", "C3", 9150.25),
            invoice("INV-105", "C4", 6000.00)]


def test_the_company_with_its_article_is_a_legal_form():
    assert name_tokens("الشركة العربية للتجارة") == name_tokens("شركة العربية للتجارة")
    assert name_tokens("المؤسسة المصرية للمقاولات") == name_tokens("مؤسسة المصرية للمقاولات")


def test_the_company_is_not_al_sharq():
    r = match(CUSTOMERS, INVOICES, {"amount": 7200.40, "desc": "حوالة واردة من الشركة"})
    assert "payer by" not in reason(r)
    # the amount alone, particular and unique, as for any line naming no payer
    assert allocations(r) == [("INV-103", 7200.40, "amount-only", "Matched")]
    assert reason(r).startswith("payer not identified; INV-103 is the only open invoice")


def test_the_company_names_no_payer_of_another_customers_invoice():
    r = match(CUSTOMERS, INVOICES, {"amount": 9150.25, "desc": "حوالة واردة من الشركة"})
    assert allocations(r) == [("INV-104", 9150.25, "amount-only", "Matched")]
    assert "Al Sharq" not in reason(r) and "owes nothing" not in reason(r)


def test_the_customers_own_arabic_name_still_identifies_it():
    r = match(CUSTOMERS, INVOICES, {"amount": 9150.25, "desc": "حوالة من شركة النيل للأدوية"})
    assert allocations(r) == [("INV-104", 9150.25, "amount+payer", "Matched")]
    assert reason(r) == "payer by narrative name (98); amount equals the open amount of INV-104"
    # the bank's name field still names Al Sharq, whatever the narrative says
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": "حوالة من الشركة",
                                    "cp": "AL SHARQ TRADING"})
    assert allocations(r) == [("INV-101", 5000.00, "partial", "Suggested")]
    assert reason(r).startswith("payer by name (100); names no invoice")
