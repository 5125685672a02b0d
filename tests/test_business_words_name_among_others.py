"""A customer whose name is business words only (مؤسسة الدولية للتجارة: INTERNATIONAL TRADING;
مصنع الحديثة للتوريدات: MODERN SUPPLIES since 16458a7) is in every narrative writing those
words: 'TRF FROM AHMED INTERNATIONAL TRADING', 'AL AMAL MODERN SUPPLIES' named it for sure
(95-98) and 2,750.00, which four customers owe, was Matched to its invoice. Written in a run
of name words with a distinctive word beside, as GOLDEN EAGLE is for Golden Trading, it is as
likely another company's name: a candidate a person confirms. The name written alone (AL
DAWLIYA TRADE, AL HADETHA SUPPLIES), or beside business words only (ALHODA PLASTIC
INDUSTRIES, a bank's INDUSTRIES), still names it. (GULF INTERNATIONAL TRADING, GULF a business
word too, is not read so.)
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("A", "مؤسسة الدولية للتجارة"), customer("B", "Nile Co"),
             customer("D", "مصنع الحديثة للتوريدات"), customer("E", "مجموعة المتحدة للأدوية")]
INVOICES = [invoice("INV-A1", "A", 2750.00), invoice("INV-B1", "B", 2750.00),
            invoice("INV-D1", "D", 2750.00), invoice("INV-E1", "E", 2750.00)]


@pytest.mark.parametrize("desc, inv", [
    ("TRF FROM AHMED INTERNATIONAL TRADING", "INV-A1"),
    ("TRF FROM AHMED SALEH INTERNATIONAL TRADING", "INV-A1"),
    ("INWARD TRF AL AMAL MODERN SUPPLIES", "INV-D1"),
    ("حوالة من الامل الحديثة للتوريدات", "INV-D1"),
])
def test_the_business_words_among_other_words_are_another_companys_name(desc, inv):
    r = match(CUSTOMERS, INVOICES, {"amount": 2750.00, "desc": desc})
    assert allocations(r) == [(inv, 2750.00, "amount+payer", "Suggested")]


@pytest.mark.parametrize("desc, inv", [
    ("INWARD TRF AL DAWLIYA TRADE", "INV-A1"),
    ("TRF FROM INTERNATIONAL TRADING CO", "INV-A1"),
    ("INWARD TRF/FT26331/AL HADETHA SUPPLIES", "INV-D1"),
    ("INWARD TRF AL HADETHA SUPPLIES FACTORY", "INV-D1"),
])
def test_the_name_written_alone_names_it(desc, inv):
    r = match(CUSTOMERS, INVOICES, {"amount": 2750.00, "desc": desc})
    assert allocations(r) == [(inv, 2750.00, "amount+payer", "Matched")]


# A payer named for sure that owes nothing and says it pays ahead is the customer's credit on
# account, Matched, when it pays in the currency it is billed in. In another currency (a USD
# transfer from a customer billed in EGP) the name may be a namesake abroad, or a related
# company paying another customer's invoice of that amount: a person confirms.
ADVANCE_CUSTOMERS = [customer("S", "Al Safa Gulf Trading & Distribution Co."),
                     customer("G", "Gulf Trading & Distribution & Co."),
                     customer("U", "Al Ittihad Contracting Co.", Currency="USD")]
ADVANCE_INVOICES = [invoice("INV-G1", "G", 1200.00),
                    invoice("INV-U1", "U", 4900.00, Currency="USD")]


@pytest.mark.parametrize("cur, status", [("EGP", "Matched"), ("USD", "Suggested")])
def test_an_advance_named_only_by_name_is_certain_in_the_currency_billed(cur, status):
    r = match(ADVANCE_CUSTOMERS, ADVANCE_INVOICES,
              {"amount": 4900.00, "cur": cur, "ref": "دفعة تحت الحساب",
               "desc": "SEPA CREDIT TRANSFER SVWZ+ AL-SAFA GULF TRADING & DISTRIBUTION"})
    assert allocations(r) == [(None, 4900.00, "on-account", status)]
