"""Gulf banks print an Arabic company name translated, not transliterated: GULF TRADING CO
for شركة الخليج للتجارة, NILE FOOD INDUSTRIES for النيل للصناعات الغذائية, EAST STAR for
نجمة الشرق. A translated name is a candidate only: the receipt is Matched when the amount is
exactly that customer's open invoice (or set of them), the name's distinctive words are all
translated and all the customer's, no other customer's name reads so, and the printed name
makes no other customer likely. Anything less stays Suggested.
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "شركة الخليج للتجارة"), customer("C2", "النيل للصناعات الغذائية"),
             customer("C3", "نجمة الشرق"), customer("C4", "Delta Foods")]
INVOICES = [invoice("INV-101", "C1", 12500.00, "2026-09-01"),
            invoice("INV-105", "C1", 2000.00, "2026-09-20"),
            invoice("INV-102", "C2", 8400.00, "2026-09-05"),
            invoice("INV-106", "C2", 3150.00, "2026-09-08"),
            invoice("INV-103", "C3", 3300.00, "2026-09-10"),
            invoice("INV-104", "C4", 5100.00, "2026-09-12")]


def test_a_translated_name_paying_exactly_an_open_invoice_is_matched():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 12500.00, "cp": "GULF TRADING CO", "desc": "INWARD TT 88123"})
    assert allocations(r) == [("INV-101", 12500.00, "amount+payer", "Matched")]
    assert reason(r).startswith("payer by translated name (88)")


def test_a_translated_name_paying_a_set_of_its_open_invoices_is_matched():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 11550.00, "cp": "NILE FOOD INDUSTRIES", "desc": "SARIE TRANSFER"})
    assert allocations(r) == [("INV-102", 8400.00, "multi-invoice", "Matched"),
                              ("INV-106", 3150.00, "multi-invoice", "Matched")]


def test_a_translated_sender_in_the_narrative_is_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 3300.00, "desc": "IBFT FROM EAST STAR"})
    assert allocations(r) == [("INV-103", 3300.00, "amount+payer", "Matched")]


def test_a_translated_name_alone_is_no_sure_payer_of_an_amount_no_invoice_has():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 5000.00, "cp": "GULF TRADING CO", "desc": "INWARD TT"})
    assert allocations(r) == [("INV-101", 5000.00, "partial", "Suggested")]


def test_a_translated_name_paying_less_bank_charges_is_only_suggested():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 12485.00, "cp": "GULF TRADING CO", "desc": "INWARD TT"})
    assert [a[3] for a in allocations(r)] == ["Suggested"]


def test_a_latin_customer_whose_name_the_printed_name_resembles_keeps_it_suggested():
    """Gulf Star Trading is a likely reading of GULF TRADING CO as printed: the translation
    is no tie-breaker."""
    customers = CUSTOMERS + [customer("C5", "Gulf Star Trading")]
    r = match(customers, INVOICES,
              {"amount": 12500.00, "cp": "GULF TRADING CO", "desc": "INWARD TT"})
    assert all(a[3] == "Suggested" for a in allocations(r))


def test_two_arabic_names_the_translation_fits_match_neither_for_sure():
    customers = CUSTOMERS + [customer("C6", "الخليج للتجارة والمقاولات")]
    r = match(customers, INVOICES + [invoice("INV-107", "C6", 7000.00)],
              {"amount": 12500.00, "cp": "GULF TRADING CO", "desc": "INWARD TT"})
    assert all(a[3] == "Suggested" for a in allocations(r))


def test_a_name_with_a_word_the_customer_has_not_is_no_translation_of_it():
    """ELITE GULF TRADING translates to النخبة الخليج: not شركة الخليج للتجارة."""
    r = match(CUSTOMERS, INVOICES,
              {"amount": 12500.00, "cp": "ELITE GULF TRADING", "desc": "INWARD TT"})
    assert all(a[3] != "Matched" for a in allocations(r))


def test_a_name_of_another_trade_is_no_translation_of_the_customers():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 8400.00, "cp": "NILE CONTRACTING", "desc": "SARIE TRANSFER"})
    assert all(a[3] != "Matched" for a in allocations(r))


def test_a_translated_name_with_the_numeric_part_of_its_invoice_is_matched():
    """The reference names the customer's invoice by its numeric part and the amount is its
    open amount: the translated name agrees."""
    r = match(CUSTOMERS, INVOICES,
              {"amount": 12500.00, "cp": "GULF TRADING CO", "desc": "INWARD TT 101"})
    assert allocations(r) == [("INV-101", 12500.00, "reference", "Matched")]
    assert reason(r) == ("payer by translated name and narrative names INV-101; amount equals "
                         "the open amount")


def test_the_translated_name_reasons_read_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    assert arabic_reason("payer by translated name (88); amount equals the open amount of "
                         "INV-101") == ("الدافع عُرف من الاسم مترجماً إلى الإنجليزية (تطابق 88%)؛ "
                                        "المبلغ يساوي الرصيد المفتوح لـ INV-101")
