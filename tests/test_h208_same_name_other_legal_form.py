"""Two customers whose names differ only by the legal form (Dawood Trading LLC, Dawood Trading
Co: sister companies). Names are read without their legal form (banks print it or not), so
DAWOOD TRADING names both alike, and the amount decides between them, as it does between
look-alike names (the one of the two with an open invoice of the amount): an accountant does
the same. But where the bank prints the legal form of the other one (DAWOOD TRADING CO paying
7,320.00, the LLC's invoice), the name is that other customer's and the amount this one's:
before, it was Matched to the LLC's invoice all the same (amount+payer, 0.87); now it is
Suggested as a related company paying, as where a name is clearly another customer's. The
LLC's own legal form printed, or none, leaves the amount to decide (Matched).
"""

from __future__ import annotations

from ar_excel.core.matching.legal_forms import legal_forms
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("A01", "Dawood Trading LLC"), customer("A02", "Dawood Trading Co"),
             customer("A03", "Gulf Pearl Electronics")]
INVOICES = [invoice("AE-2201", "A01", 18450.00), invoice("AE-2202", "A01", 7320.00),
            invoice("AE-2211", "A02", 12600.00), invoice("AE-2212", "A02", 9875.50)]


def test_the_other_ones_legal_form_printed_makes_it_a_related_company_paying():
    for desc, number, amount, other in (
            ("TT INWARD DAWOOD TRADING CO", "AE-2202", 7320.00, "A02's (Dawood Trading Co)"),
            ("IBFT CR-DAWOOD TRADING L.L.C", "AE-2211", 12600.00,
             "A01's (Dawood Trading LLC)")):
        r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc})
        assert allocations(r) == [(number, amount, "amount+payer", "Suggested")], desc
        assert reason(r) == (
            f"payer by narrative name (90); amount equals the open amount of {number}; "
            f"the name is customer {other}, its legal form printed: a related company paying "
            "for it? please confirm"), desc


def test_its_own_legal_form_or_none_leaves_the_amount_to_decide():
    for desc, number, amount in (("IBFT CR-DAWOOD TRADING CO", "AE-2211", 12600.00),
                                 ("TT INWARD DAWOOD TRADING L.L.C", "AE-2202", 7320.00),
                                 ("TT INWARD REF 88112 DAWOOD TRADING", "AE-2212", 9875.50),
                                 ("TT INWARD REF 88112 DAWOOD TRADING", "AE-2202", 7320.00)):
        r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc})
        assert allocations(r) == [(number, amount, "amount+payer", "Matched")], desc


def test_legal_forms_in_either_script_and_with_their_dots():
    assert legal_forms("Al Amal Packaging L.L.C") == {"llc"}
    assert legal_forms("معرض السلام والبركة للمنتجات الزراعية ش.م.م") == {"llc"}
    assert legal_forms("INTERNATIONAL-CHEMICALS AND CO") == {"co"}
    assert legal_forms("Kuwait Food Stores K.S.C.(C)") == {"ksc"}
    assert legal_forms("Qatar Steel Fab W.L.L.") == {"wll"}
    assert legal_forms("TT INWARD REF 88112 DAWOOD TRADING") == frozenset()


def test_the_reason_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    r = match(CUSTOMERS, INVOICES, {"amount": 7320.00, "desc": "TT INWARD DAWOOD TRADING CO"})
    assert arabic_reason(reason(r)).endswith(
        "الاسم هو اسم العميل A02 (Dawood Trading Co) بشكله القانوني المطبوع: شركة شقيقة تدفع "
        "عنه؟ يُرجى التأكيد")


def test_the_other_ones_legal_form_printed_whether_it_owes_or_not():
    """The Co's invoices settled earlier in the month, DAWOOD TRADING CO paying 7,320.00 (the
    LLC's) was Matched: the Co owed nothing. Its name printed is no less the Co's."""
    r = match(CUSTOMERS, [INVOICES[1]], {"amount": 7320.00, "desc": "TT INWARD DAWOOD TRADING CO"})
    assert allocations(r) == [("AE-2202", 7320.00, "amount+payer", "Suggested")]


def test_europes_legal_forms_tell_namesakes_apart():
    """An Italian trading house and its Dubai company (Rossi Trading S.r.l., Rossi Trading
    LLC): ROSSI TRADING S.R.L paying 7,320.00, the LLC's invoice, is the S.r.l. paying for
    its sister, as DAWOOD TRADING CO is above. Before, Europe's forms were no legal forms to
    tell the two apart (only dropped from names), and the amount Matched it to the LLC."""
    customers = [customer("R01", "Rossi Trading LLC"), customer("R02", "Rossi Trading S.r.l."),
                 customer("A03", "Gulf Pearl Electronics")]
    invoices = [invoice("AE-3101", "R01", 18450.00), invoice("AE-3102", "R01", 7320.00),
                invoice("AE-3111", "R02", 12600.00)]
    r = match(customers, invoices, {"amount": 7320.00, "desc": "TT INWARD ROSSI TRADING S.R.L"})
    assert allocations(r) == [("AE-3102", 7320.00, "amount+payer", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (90); amount equals the open amount of AE-3102; the name is "
        "customer R02's (Rossi Trading S.r.l.), its legal form printed: a related company "
        "paying for it? please confirm")
    r = match(customers, invoices, {"amount": 7320.00, "desc": "TT INWARD ROSSI TRADING LLC"})
    assert allocations(r) == [("AE-3102", 7320.00, "amount+payer", "Matched")]
    assert legal_forms("Rossi Trading S.r.l.") == {"srl"}
    assert legal_forms("Siemens AG") == {"ag"}


def test_a_name_read_word_for_word_still_leaves_the_legal_form_to_say():
    """Siemens Energy LLC (Dubai) and Siemens Energy AG: no business word in the name, so
    SIEMENS ENERGY reads word for word (98), not 90 as DAWOOD TRADING does. The AG's legal
    form printed on the LLC's 7,320.00 is no less a related company paying: before, the
    98 made it Matched with the very reason asking to confirm it; the amount alone, or the
    LLC's own form, still decides (Matched)."""
    customers = [customer("S01", "Siemens Energy LLC"), customer("S02", "Siemens Energy AG")]
    invoices = [invoice("AE-3101", "S01", 18450.00), invoice("AE-3102", "S01", 7320.00),
                invoice("AE-3111", "S02", 12600.00)]
    r = match(customers, invoices, {"amount": 7320.00, "desc": "TT INWARD SIEMENS ENERGY AG"})
    assert allocations(r) == [("AE-3102", 7320.00, "amount+payer", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (98); amount equals the open amount of AE-3102; the name is "
        "customer S02's (Siemens Energy AG), its legal form printed: a related company paying "
        "for it? please confirm")
    for desc in ("TT INWARD SIEMENS ENERGY LLC", "TT INWARD SIEMENS ENERGY"):
        r = match(customers, invoices, {"amount": 7320.00, "desc": desc})
        assert allocations(r) == [("AE-3102", 7320.00, "amount+payer", "Matched")], desc
