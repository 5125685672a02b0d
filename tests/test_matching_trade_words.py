"""Trade words as banks print them: IRON for الحديد, FOODSTUFF for المواد الغذائية.

A master registers ``شركة الرواد للحديد والصلب`` (Al Rowad Iron & Steel) and ``El Madina Food
Stuff L.L.C``; the payer's bank prints ``EL ROWAD IRON AND STEEL COMPANY``, ``SINAI STEEL FZE``,
``EL MADINA FOODSTUFF COMPANY`` or, cut at the name field, ``MOHAMMED AL SHARIF FOODSTUF``.
IRON and STEEL are one trade word (the master writes both of الحديد والصلب as STEEL), and
FOODSTUFF, FOOD STUFF and FOODS are one: the STUFF says nothing the FOOD does not.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason


def test_iron_and_steel_read_alike_in_both_scripts():
    assert name_tokens("SINAI IRON AND STEEL") == name_tokens("سيناء للحديد والصلب")
    assert name_tokens("EL ROWAD IRON & STEEL CO") == name_tokens("شركة الرواد للحديد والصلب")
    assert name_tokens("SINAI STEEL FZE") == name_tokens("Sinai Iron FZE")


def test_foodstuff_however_written_is_food():
    food = name_tokens("El Madina Foods")
    assert name_tokens("EL MADINA FOODSTUFF COMPANY") == food
    assert name_tokens("El Madina Food Stuff L.L.C") == food
    assert name_tokens("EL MADINA FOODSTUFFS") == food
    assert name_tokens("EL MADINA FOODSTUF") == food  # (cut at the field's width)


def test_a_foodstuff_company_is_told_from_its_namesakes_in_other_trades():
    """EL MADINA FOODSTUFF COMPANY: before, FOODSTUFF matched no word of El Madina Food Stuff
    (its STUFF counted as a name of its own), so the namesakes in plastics and engineering
    came first, the payer stayed unknown and the receipt was only suggested by its amount."""
    customers = [customer("C1", "El Madina Food Stuff L.L.C"), customer("C2", "شركة المدينة للبلاستيك"),
                 customer("C3", "مجموعة المدينة للهندسة")]
    payers = PayerDirectory(pd.DataFrame(customers))
    sender = payers.by_sender("حوالة واردة من EL MADINA FOODSTUFF COMPANY")
    assert (sender.customer, sender.score) == ("C1", 100.0)
    invoices = [invoice("INV-0774", "C1", 4361.96), invoice("INV-0775", "C2", 7350.40),
                invoice("INV-0776", "C3", 9100.00)]
    r = match(customers, invoices, {"amount": 4361.96,
                                    "desc": "حوالة واردة من EL MADINA FOODSTUFF COMPANY"})
    assert allocations(r) == [("INV-0774", 4361.96, "amount+payer", "Matched")]
    # Cut at the name field's width, the bank's counterparty still names the customer.
    cut = payers.by_name("EL MADINA FOODSTUF")
    assert (cut.customer, cut.score) == ("C1", 100.0)


def test_a_namesake_by_sound_in_the_same_trade_leaves_the_amount_to_decide():
    """EL ROWAD and AL RIDA have one consonant skeleton (lrd). Read with IRON as a word of its
    own, the bank's EL ROWAD IRON AND STEEL COMPANY was Al Rida Iron and Steel's name for
    sure, and a receipt short of a Rowad invoice by a bank charge became a related company
    paying for it (a suggestion; so it was, before, for INWARD TRANSFER FROM EL ROWAD...).
    Both names read alike now: of the two, only Rowad has an invoice the receipt pays less a
    bank charge, and the charge is written off."""
    customers = [customer("C1", "شركة الرواد للحديد والصلب"),
                 customer("C2", "Al Rida Iron and Steel L.L.C."),
                 customer("C3", "شركة الرضا للتوريدات")]
    invoices = [invoice("INV-0693", "C1", 26671.84), invoice("INV-0700", "C2", 18250.00),
                invoice("INV-0701", "C3", 5400.00)]
    for desc in ("CR ACH 63428064 EL ROWAD IRON AND STEEL COMPANY",
                 "INWARD TRANSFER FROM EL ROWAD IRON AND STEEL COMPANY"):
        r = match(customers, invoices, {"amount": 26661.84, "desc": desc})
        assert allocations(r) == [("INV-0693", 26661.84, "fee-writeoff", "Matched")], desc
        assert reason(r) == ("payer by narrative name (98); INV-0693 less 10.00 within the fee "
                             "tolerance: write-off proposed")
