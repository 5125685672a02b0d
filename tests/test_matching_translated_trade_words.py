"""A bank prints an Egyptian company's trade word translated (ROWAD ENGINEERING for شركة رواد
الهندسة, UNITED PHARMA for الشركة المتحدة للصيدلة): الهندسة with its article and الصيدلة were
missing from the Arabic business words, so the names were read as no customer's, and a transfer
paying two invoices of Rowad was only Suggested, one paying United Pharma's 57,000.00 left
unmatched (the lead's hand-made Egyptian month, an NBE-style Arabic statement)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C019", "شركة رواد الهندسة"), customer("C018", "الشركة المتحدة للصيدلة"),
             customer("C007", "شركة الأمل للأجهزة الطبية")]
INVOICES = [invoice("INV-1035", "C019", 48450.0, "2026-10-07"),
            invoice("INV-1036", "C019", 30780.0, "2026-10-19"),
            invoice("INV-1034", "C018", 57000.0, "2026-10-28"),
            invoice("INV-1015", "C007", 57000.0, "2026-10-03")]


def test_engineering_for_al_handasa_names_rowad():
    r = match(CUSTOMERS, INVOICES, {"amount": 79230.0, "desc": "ACH CREDIT ROWAD ENGINEERING"})
    assert allocations(r) == [("INV-1035", 48450.0, "multi-invoice", "Matched"),
                              ("INV-1036", 30780.0, "multi-invoice", "Matched")]


def test_pharma_for_al_saydala_names_united_pharma_not_the_other_invoice_of_the_amount():
    r = match(CUSTOMERS, INVOICES, {"amount": 57000.0, "desc": "UNITED PHARMA CO TRANSFER"})
    assert allocations(r) == [("INV-1034", 57000.0, "amount+payer", "Matched")]
