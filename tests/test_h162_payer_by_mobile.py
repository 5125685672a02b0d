"""Who paid, by the mobile number an instant payment prints (InstaPay, wallets, Aani, Sarie,
Fawran, WAMD, Fawri+).

The narrative prints the sender's mobile, alone or in groups, often beside a person's name (the
customer's owner or accountant); the customer master's Phone column says whose it is. It was
never read: the receipt was matched by its amount alone ('paid by MOHAMED ALI HASSAN, not a
customer'). A number that is exactly one customer's phone now identifies that customer, as a
certain name does: the amount then decides Matched or Suggested as for any known payer. A
number two customers share, or one the name the bank prints contradicts, identifies no one.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.mobiles import mobile_key, printed_mobiles
from ar_excel.core.matching.payers import PayerDirectory
from ar_excel.io.reasons_ar import arabic_reason
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Blue Ocean Trading LLC", Phone="+20 2 2345 6789"),  # a Cairo landline
    customer("C2", "Delta Star Paints", Phone="01001234567"),
    customer("C3", "شركة النور للتجارة", Phone="Mobile: 0122 333 4444 / Tel: 02 2777 1234"),
    customer("C4", "Hassan Mahmoud Electric", Phone="٠١١١ ٢٢٢ ٣٣٣٣"),
    # one group, one accountant: a phone two customers share
    customer("C5", "Nile Foods", Phone="01555000111"),
    customer("C6", "Nile Foods Retail", Phone="0155 500 0111"),
    customer("C7", "Emirates Pearl Trading", Phone="+971 50 765 4321"),
    customer("C8", "Riyadh Gate Supplies", Phone="0551234567"),
    customer("C9", "Doha Falcon Est", Phone="55123456"),
    customer("C10", "Cairo Steel Company", Phone=1012345678),  # typed as a number: 0 dropped
]
INVOICES = [
    invoice("SI-100", "C1", 12500.00), invoice("INV-501", "C2", 7350.00),
    invoice("INV-502", "C2", 2100.00, "2026-09-20"), invoice("INV-601", "C3", 9800.00),
    invoice("INV-701", "C4", 3150.00), invoice("INV-801", "C5", 5000.00),
    invoice("INV-901", "C6", 6000.00), invoice("AE-1001", "C7", 18375.00),
    invoice("SA-2001", "C8", 4600.00), invoice("QA-3001", "C9", 2750.00),
    invoice("INV-1101", "C10", 8800.00),
]
MATCHED_BY_MOBILE = "payer by mobile number {} (the customer's phone); amount equals the open " \
    "amount of {}"


@pytest.mark.parametrize(("row", "inv", "printed"), [
    ({"amount": 7350.00, "desc": "INSTAPAY 0100 123 4567", "cp": "MOHAMED ALI HASSAN"},
     "INV-501", "0100 123 4567"),
    ({"amount": 7350.00, "desc": "IPN TRANSFER FROM +201001234567 MOHAMED ALI"},
     "INV-501", "+201001234567"),
    ({"amount": 9800.00, "desc": "IPN TRANSFER FROM +20 122 333 4444", "cp": "KARIM SAMIR"},
     "INV-601", "+20 122 333 4444"),
    ({"amount": 3150.00, "desc": "تحويل انستاباي من ٠١١١٢٢٢٣٣٣٣"}, "INV-701", "01112223333"),
    ({"amount": 18375.00, "desc": "AANI P2B +971 50 765 4321 SARA AHMED"}, "AE-1001",
     "+971 50 765 4321"),
    ({"amount": 4600.00, "desc": "SARIE INST 00966 55 123 4567"}, "SA-2001", "00966 55 123 4567"),
    ({"amount": 2750.00, "desc": "FAWRAN 974 5512 3456 ALI"}, "QA-3001", "974 5512 3456"),
    ({"amount": 8800.00, "desc": "WALLET TRF 0101-234-5678"}, "INV-1101", "0101-234-5678"),
])
def test_the_customers_own_mobile_identifies_it(row, inv, printed):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == [(inv, row["amount"], "amount+payer", "Matched")]
    assert r.matches["Confidence"].tolist() == [0.91]
    assert reason(r) == MATCHED_BY_MOBILE.format(printed, inv)


def test_the_reason_in_arabic():
    r = match(CUSTOMERS, INVOICES, {"amount": 7350.00, "desc": "INSTAPAY 0100 123 4567"})
    assert arabic_reason(reason(r)) == ("الدافع عُرف من رقم المحمول 0100 123 4567 المسجل "
                                        "هاتفاً للعميل؛ المبلغ يساوي الرصيد المفتوح لـ INV-501")


def test_the_amount_still_decides_a_payment_on_account_is_suggested():
    r = match(CUSTOMERS, INVOICES, {"amount": 1500.00, "desc": "INSTAPAY 0100 123 4567"})
    assert allocations(r) == [("INV-501", 1500.00, "partial", "Suggested")]
    assert reason(r) == ("payer by mobile number 0100 123 4567 (the customer's phone); names no "
                         "invoice and pays less than the oldest open one (INV-501, 7,350.00 "
                         "open): a payment on account, suggested against the oldest, please "
                         "confirm")


def test_a_phone_two_customers_share_identifies_no_one():
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": "INSTAPAY 0155 500 0111",
                                    "cp": "SAMY NAGUIB"})
    assert allocations(r) == [("INV-801", 5000.00, "amount-only", "Suggested")]
    assert reason(r) == ("paid by SAMY NAGUIB, not a customer; INV-801 is the only open invoice "
                         "of this amount, please confirm")


def test_a_name_that_is_another_customer_for_certain_is_not_overruled():
    """The bank prints Blue Ocean Trading as the sender, the narrative Delta Star's mobile: the
    two disagree, the mobile decides nothing (the name's reading stands)."""
    r = match(CUSTOMERS, INVOICES, {"amount": 12500.00, "desc": "INSTAPAY 0100 123 4567",
                                    "cp": "BLUE OCEAN TRADING LLC"})
    assert allocations(r) == [("SI-100", 12500.00, "amount+payer", "Matched")]
    assert reason(r) == "payer by name (100); amount equals the open amount of SI-100"


def test_a_landline_or_a_number_of_no_customer_identifies_no_one():
    directory = PayerDirectory(pd.DataFrame(CUSTOMERS))
    assert directory.by_mobile("INSTAPAY 0109 999 8888", ()) is None
    assert directory.by_mobile("CHQ DEP 02 2345 6789", ()) is None  # C1's landline
    # a Saudi number written as the UAE customer's digits with the other country code
    assert directory.by_mobile("SARIE +966 50 765 4321", ()) is None
    found = directory.by_mobile("AANI 050 765 4321", ())
    assert (found.customer, found.how, found.evidence, found.certain) == (
        "C7", "mobile number", "050 765 4321", True)


@pytest.mark.parametrize(("digits", "key"), [
    ("01001234567", (None, "1001234567")), ("201001234567", ("20", "1001234567")),
    ("00201001234567", ("20", "1001234567")), ("1001234567", (None, "1001234567")),
    ("9710501234567", ("971", "501234567")), ("96599123456", ("965", "99123456")),
    ("0223456789", None), ("19019", None), ("97142345678", None)])
def test_mobile_keys(digits, key):
    assert mobile_key(digits) == key


def test_a_mobile_in_groups_is_read_whole_and_an_invoice_number_beside_it_is_not():
    assert printed_mobiles("INSTAPAY 0100 123 4567 INV 5079") == [
        ("0100 123 4567", (None, "1001234567"))]
    assert printed_mobiles("INV 50791001234567") == []
