"""Rules added for hand-made Gulf and Egyptian months, tried on customer masters they were not
made from (helper-200's review): a family name beginning with BIN, a Latin qualifier beside an
Arabic name in one cell, a customer's transfer that says it settles its purchases.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

DAWOOD = [customer("C1", "Bin Dawood Trading Co", Currency="AED"),
          customer("C2", "Dawood Trading Co", Currency="AED")]
DAWOOD_INVOICES = [invoice("BD-101", "C1", 5000.00, Currency="AED"),
                   invoice("DT-202", "C2", 7300.00, Currency="AED")]


def test_a_name_beginning_with_bin_is_a_family_name_not_a_connector():
    """BIN between a person's names (SALIM BIN HAMAD) is left out by Gulf banks; a name that
    begins with it (Bin Dawood) is a family's, as AL is. TRF FROM BIN DAWOOD TRADING CO
    names Bin Dawood Trading, which owes 5,000.00: the 7,300.00 Dawood Trading Co owes is not
    its invoice for sure (it was Matched to DT-202, the two names read as one)."""
    r = match(DAWOOD, DAWOOD_INVOICES,
              {"amount": 7300.00, "cur": "AED", "desc": "TRF FROM BIN DAWOOD TRADING CO"})
    assert allocations(r) == [("DT-202", 7300.0, "amount+payer", "Suggested")]
    assert "the name is customer C1's (Bin Dawood Trading Co)" in reason(r)


def test_a_name_without_bin_is_not_the_family_whose_name_begins_with_it():
    """DAWOOD TRADING CO writes Dawood Trading Co's whole name; Bin Dawood Trading owes the
    5,000.00 paid, Dawood Trading 7,300.00: a payment on account of the named customer, for a
    person to confirm (it was Matched to Bin Dawood's BD-101)."""
    r = match(DAWOOD, DAWOOD_INVOICES,
              {"amount": 5000.00, "cur": "AED", "desc": "TRF FROM DAWOOD TRADING CO"})
    assert allocations(r) == [("DT-202", 5000.0, "partial", "Suggested")]


@pytest.mark.parametrize("name", ["مؤسسة بن لادن للمقاولات", "Bin Laden Contracting"])
def test_bin_after_a_legal_form_is_still_the_family_name(name):
    """مؤسسة (establishment) is no word of a person's name: the BIN after it begins the
    family name."""
    customers = [customer("C1", name), customer("C2", "مؤسسة لادن للمقاولات")]
    invoices = [invoice("A-1", "C1", 5000.00), invoice("B-1", "C2", 7300.00)]
    r = match(customers, invoices, {"amount": 7300.00, "desc": f"تحويل من {name}"})
    assert allocations(r) == [("B-1", 7300.0, "amount+payer", "Suggested")]


def test_a_latin_qualifier_beside_an_arabic_name_is_no_name_of_its_own():
    """شركة الفجر للمقاولات (Branch 2): the Latin words are no translation of the name (they
    share none of its words), so BRANCH alone does not name the customer. CASH DEP BRANCH 0286
    for 5,000.00, which Delta Foods owes too, names no payer (it was Matched to الفجر's A1,
    'payer by narrative name (98)')."""
    customers = [customer("C1", "شركة الفجر للمقاولات (Branch 2)"), customer("C2", "Delta Foods")]
    invoices = [invoice("A1", "C1", 5000.00), invoice("B1", "C2", 5000.00)]
    r = match(customers, invoices, {"amount": 5000.00, "desc": "CASH DEP BRANCH 0286"})
    assert allocations(r) == []
    assert reason(r) == "cash deposit without reference or known payer"


def test_a_name_written_in_both_languages_is_still_named_by_either_half():
    """The halves of بوابة المنامة للمقاولات - Manama Gateway Contracting W.L.L. share
    المنامة / MANAMA: a name written twice, each half a name of the customer."""
    customers = [customer("CB1", "بوابة المنامة للمقاولات - Manama Gateway Contracting W.L.L.",
                          Currency="BHD"),
                 customer("CB2", "Gulf Stone Co W.L.L.", Currency="BHD")]
    invoices = [invoice("BH-1", "CB1", 4320.000, Currency="BHD"),
                invoice("BH-2", "CB2", 4320.000, Currency="BHD")]
    r = match(customers, invoices,
              {"amount": 4320.000, "cur": "BHD", "desc": "FAWRI+ CR MANAMA GATEWAY CONT"})
    assert allocations(r) == [("BH-1", 4320.0, "amount+payer", "Matched")]


NILE = [customer("C1", "شركة النيل للتجارة"), customer("C2", "Delta Foods")]
NILE_INVOICES = [invoice("1001", "C1", 5000.00), invoice("1002", "C2", 5000.00)]


def test_a_customer_settling_its_purchases_is_no_card_sales():
    """تسوية مبيعات (a settlement of sales) in a customer's transfer naming its invoice is
    the customer paying, not a card payout (it was 'not a customer receipt (card sales)' and
    the invoice left open)."""
    r = match(NILE, NILE_INVOICES,
              {"amount": 5000.00, "desc": "تحويل من شركة النيل للتجارة تسوية مبيعات فاتورة 1001"})
    assert allocations(r) == [("1001", 5000.0, "reference", "Matched")]


@pytest.mark.parametrize("narrative", ["مدى - تسوية مبيعات نقاط البيع", "تسوية مبيعات مدى",
                                       "تسوية مبيعات البطاقات 0412"])
def test_a_settlement_of_card_sales_is_still_card_sales(narrative):
    r = match(NILE, NILE_INVOICES, {"amount": 5000.00, "desc": narrative})
    assert allocations(r) == []
    assert reason(r) == "not a customer receipt (card sales)"


KUWARI = [customer("CQ1", "Mohammed Abdulla Al Kuwari Trading", Currency="QAR"),
          customer("CQ2", "Mahmoud Abdulla Trading", Currency="QAR")]
KUWARI_INVOICES = [invoice("INV-0414", "CQ1", 4150.00, Currency="QAR"),
                   invoice("INV-0415", "CQ2", 4150.00, Currency="QAR")]


@pytest.mark.parametrize("narrative", ["TRF FROM MOHAMMED ABDULLA TRADING",
                                       "TRF FROM MOHD ABDULLA TRADING",
                                       "FAWRAN IN MHD ABDULLA TRADING"])
def test_mohammed_is_no_mahmoud_in_a_printed_name(narrative):
    """Mohammed (MOHD, MHD as Gulf banks cut it) and Mahmoud are two names, whose keys (mhmd,
    mhmwd) a comparison of the whole printed name finds one letter apart: MOHAMMED ABDULLA
    TRADING scored 96 as Mahmoud Abdulla Trading, and its 4,150.00 was Matched to INV-0415,
    though Mohammed Abdulla Al Kuwari Trading owes the same. Which of them paid is for a
    person to say (the amount is both's: a suggestion, whichever invoice it names)."""
    r = match(KUWARI, KUWARI_INVOICES, {"amount": 4150.00, "cur": "QAR", "desc": narrative})
    assert [status for *_, status in allocations(r)] == ["Suggested"]


def test_mahmoud_printed_whole_is_still_mahmoud():
    r = match(KUWARI, KUWARI_INVOICES,
              {"amount": 4150.00, "cur": "QAR", "desc": "TRF FROM MAHMOUD ABDULLA TRADING"})
    assert allocations(r) == [("INV-0415", 4150.0, "amount+payer", "Matched")]


MANAMA = [customer("CB1", "بوابة المنامة للمقاولات - Manama Gateway Contracting W.L.L.",
                   Currency="BHD"),
          customer("CB2", "Manama Gateway Trading W.L.L.", Currency="BHD")]
MANAMA_INVOICES = [invoice("BH-SI-1", "CB1", 500.000, Currency="BHD"),
                   invoice("BH-SI-2", "CB2", 700.000, Currency="BHD")]


def test_a_half_written_whole_is_not_outweighed_by_a_name_written_in_part():
    """MANAMA GATEWAY CONTRACTING writes the Latin half of بوابة المنامة للمقاولات - Manama
    Gateway Contracting W.L.L. whole, and Manama Gateway Trading's name without TRADING (95):
    the 700.000 it pays, Manama Gateway Trading's invoice, is not its for sure (it was Matched
    to BH-SI-2, the halves read only where the whole names named nobody for sure)."""
    r = match(MANAMA, MANAMA_INVOICES,
              {"amount": 700.000, "cur": "BHD", "desc": "FAWRI+ CR MANAMA GATEWAY CONTRACTING"})
    assert [status for *_, status in allocations(r)] == ["Suggested"]


def test_the_other_name_written_whole_is_still_matched():
    r = match(MANAMA, MANAMA_INVOICES,
              {"amount": 700.000, "cur": "BHD", "desc": "FAWRI+ CR MANAMA GATEWAY TRADING"})
    assert allocations(r) == [("BH-SI-2", 700.0, "amount+payer", "Matched")]
