"""A short invoice number and a payer name that identifies no customer by itself.

A numeric part (``bill 101``, ``فاتورة ٣٠``, ``Inv#175``) names every open invoice ending so,
in every numbering series. When no payer is known, but the name on the line (the bank's name
field, the sender the narrative names, else its words) shares a distinctive word with exactly
one of those invoices' customers, though glued, cut or reordered so that it scores as no
customer's, that customer paid the invoice its number names: part payments, overpayments and
charges are read as for a payer known by name. A generic word (TRADING) names no one, and a
number not called an invoice stays a suggestion.
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Meridian Marble Company"),
    customer("C2", "Silver Line Packaging Co."),
    customer("C3", "El Motaheda Pharmaceutical Co."),
    customer("C4", "Nova Motors Trading"),
    customer("C5", "Delta Trading"),
]
INVOICES = [
    invoice("INV/2026/07/0101", "C1", 62000.00, "2026-07-10"),
    invoice("SI-26/00101", "C2", 3100.00, "2026-07-11"),
    invoice("ف-٢٠٢٦-٠١٠١", "C4", 7450.00, "2026-07-12"),
    invoice("INV/2026/05/0030", "C3", 18250.00, "2026-05-03"),
    invoice("SI-26/00030", "C5", 4100.00, "2026-05-04"),
    invoice("ف-٢٠٢٦-٠١٧٥", "C2", 7264.69, "2026-08-01"),
]


def test_a_part_payment_by_bill_number_from_a_glued_name():
    r = match(CUSTOMERS, INVOICES, {"amount": 50700.00,
                                    "desc": "حوالة واردة من MERIDIANMARBLE CO بخصوص دفعة من bill 101"})
    assert allocations(r) == [("INV/2026/07/0101", 50700.00, "partial", "Matched")]
    # (MERIDIANMARBLE read apart as MERIDIAN MARBLE, ``names._unglued``: the payer's name)
    assert reason(r).startswith("payer by narrative name and narrative names INV/2026/07/0101; "
                                "part payment of 62,000.00 open")


def test_an_arabic_invoice_word_and_a_two_digit_number():
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": "IPI TT REF: 262241862 EL "
                                    "MOTAHEDA PHARMACEUTICAL CO. ON ACC فاتورة ٣٠"})
    assert allocations(r) == [("INV/2026/05/0030", 5000.00, "partial", "Matched")]


def test_paid_less_charges_by_hash_number_from_a_glued_name():
    r = match(CUSTOMERS, INVOICES, {"amount": 7242.69, "desc": "SWIFT INWARD TT718701019 "
                                    "/ORD/SILVERLINEPACKAGING COMPANY /RFB/Inv#175"})
    assert allocations(r) == [("ف-٢٠٢٦-٠١٧٥", 7242.69, "fee-writeoff", "Matched")]
    assert r.matches["Write-off"].tolist() == [22.00]


def test_a_generic_word_names_no_one():
    r = match(CUSTOMERS, INVOICES, {"amount": 2000.00,
                                    "desc": "INWARD TRANSFER FROM ALEX FOR TRADING INV 30"})
    assert all(st != "Matched" for *_, st in allocations(r))


def test_a_number_not_called_an_invoice_stays_a_suggestion():
    r = match(CUSTOMERS, INVOICES, {"amount": 50700.00,
                                    "desc": "حوالة واردة من MERIDIANMARBLE CO REF 101"})
    assert allocations(r) == [("INV/2026/07/0101", 50700.00, "partial", "Suggested")]
