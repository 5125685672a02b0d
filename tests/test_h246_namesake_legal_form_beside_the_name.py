"""Namesakes (Siemens Energy LLC and Siemens Energy AG; Delta Trading LLC and Delta Trading Co)
are told apart by the legal form the bank prints with the name (h208). Only the form printed
with the name says whose it is: the words right after it (DAWOOD TRADING L.L.C), or right
before an Arabic name (شركة داوود للتجارة). Before, the forms were read from the whole
narrative, so an exchange house's (VIA AL ANSARI EXCHANGE LLC), the letters of a 'care of'
(C/O) or AG for 'against' spoke for the payer: a right Matched turned Suggested, and the
other namesake's form printed with the name was outweighed by the exchange house's LLC
(Matched to the LLC's invoice, the AG paying).
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

SIEMENS = [customer("S01", "Siemens Energy LLC"), customer("S02", "Siemens Energy AG")]
SIEMENS_INVOICES = [invoice("AE-3101", "S01", 18450.00), invoice("AE-3102", "S01", 7320.00),
                    invoice("AE-3111", "S02", 12600.00)]
DELTA = [customer("D01", "Delta Trading LLC"), customer("D02", "Delta Trading Co")]
DELTA_INVOICES = [invoice("DT-501", "D01", 4150.00), invoice("DT-601", "D02", 9300.00)]


def _outcome(customers, invoices, amount, desc):
    return allocations(match(customers, invoices, {"amount": amount, "desc": desc}))


def test_a_legal_form_elsewhere_in_the_narrative_says_nothing():
    for customers, invoices, desc, number, amount in (
            # AG for 'against': the LLC's name printed without a form, its invoice's amount
            (SIEMENS, SIEMENS_INVOICES, "SIEMENS ENERGY PAYMENT AG BILLS 1001", "AE-3102",
             7320.00),
            # the exchange house's LLC: the AG's name printed without a form, its amount
            (SIEMENS, SIEMENS_INVOICES, "TT INWARD SIEMENS ENERGY VIA AL ANSARI EXCHANGE LLC",
             "AE-3111", 12600.00),
            # C/O (care of) reads as the letters C O: no Co printed with the LLC's name
            (DELTA, DELTA_INVOICES, "TT INWARD DELTA TRADING C/O AL ANSARI EXCHANGE", "DT-501",
             4150.00)):
        assert _outcome(customers, invoices, amount, desc) == [
            (number, amount, "amount+payer", "Matched")], desc


def test_the_other_ones_form_with_the_name_is_not_outweighed_by_a_form_elsewhere():
    for customers, invoices, desc, number, amount in (
            (SIEMENS, SIEMENS_INVOICES, "TT INWARD SIEMENS ENERGY AG VIA AL ANSARI EXCHANGE LLC",
             "AE-3102", 7320.00),
            (DELTA, DELTA_INVOICES, "TT INWARD DELTA TRADING CO VIA AL ANSARI EXCHANGE LLC",
             "DT-501", 4150.00)):
        assert _outcome(customers, invoices, amount, desc) == [
            (number, amount, "amount+payer", "Suggested")], desc


def test_its_own_form_with_the_name_and_a_form_elsewhere_stays_matched():
    for desc in ("TT INWARD SIEMENS ENERGY LLC VIA AL ANSARI EXCHANGE LLC",
                 "SIEMENS ENERGY LLC 500 KG"):
        assert _outcome(SIEMENS, SIEMENS_INVOICES, 7320.00, desc) == [
            ("AE-3102", 7320.00, "amount+payer", "Matched")], desc


def test_controls_stay_as_they_were():
    for desc, status in (("TT INWARD SIEMENS ENERGY AG", "Suggested"),
                         ("TT INWARD SIEMENS ENERGY LLC", "Matched"),
                         ("TT INWARD SIEMENS ENERGY", "Matched")):
        assert _outcome(SIEMENS, SIEMENS_INVOICES, 7320.00, desc) == [
            ("AE-3102", 7320.00, "amount+payer", status)], desc
    # an Arabic name writes the form before it: شركة is the Co's
    assert _outcome(DELTA, DELTA_INVOICES, 4150.00, "حوالة واردة شركة دلتا للتجارة") == [
        ("DT-501", 4150.00, "amount+payer", "Suggested")]
    assert _outcome(DELTA, DELTA_INVOICES, 4150.00, "TT INWARD DELTA TRADING L.L.C") == [
        ("DT-501", 4150.00, "amount+payer", "Matched")]
