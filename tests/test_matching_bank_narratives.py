"""Incoming transfers as Egyptian and Gulf banks print them: IPN and InstaPay, ACH and IBFT
credits, SWIFT inward remittances with /RFB/ and /ORDP/, cheque deposits, TT references,
UAEFTS / SARIE / AANI, and Arabic narratives (حوالة واردة من، ايداع شيك، تحويل لحظي).

Each case states the bank line and the exact allocations (invoice, applied amount, method,
status) or, for money that pays no invoice, the reason it is left in Unmatched Bank.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Nile Foods Company",
             **{"IBAN / Bank Account": "EG380019000500000000263180002"}),
    customer("C2", "Delta Steel Industries"),
    customer("C3", "شركة الفجر للمقاولات"),
    customer("C4", "Emirates Building Materials LLC", Currency="AED"),
    customer("C5", "Al Rawabi Trading Est.", Currency="SAR"),
    customer("C6", "Cairo Pharma Distribution"),
    customer("C7", "Mohamed Abdel Rahman Hassan"),
]
INVOICES = [
    invoice("INV-2026-00451", "C1", 18250.00, "2026-09-01"),
    invoice("INV-2026-00452", "C1", 7340.50, "2026-09-12"),
    invoice("INV-2026-00460", "C2", 26412.75, "2026-09-05"),
    invoice("INV-2026-00461", "C2", 9800.00, "2026-09-20"),
    invoice("INV-2026-00455", "C3", 43700.00, "2026-09-07"),
    invoice("INV-2026-00456", "C3", 12650.00, "2026-09-08"),
    invoice("INV-2026-00457", "C3", 8437.65, "2026-09-09"),
    invoice("INV-2026-00470", "C4", 15750.00, "2026-09-09", Currency="AED"),
    invoice("INV-2026-00480", "C5", 22345.60, "2026-09-10", Currency="SAR"),
    invoice("INV-2026-00481", "C5", 5120.00, "2026-09-11", Currency="SAR"),
    invoice("INV-2026-00490", "C6", 6984.30, "2026-09-15"),
    invoice("INV-2026-00491", "C6", 3120.00, "2026-09-16"),
    invoice("INV-2026-00495", "C7", 2750.00, "2026-09-17"),
]


def line(amount: float, desc: str, cur: str = "EGP", **extra) -> dict:
    return {"amount": amount, "desc": desc, "cur": cur, **extra}


# (bank line, expected allocations): the invoice number, in any formatting, decides.
REFERENCED = [
    (line(18250.00, "IPN TRANSFER FROM NILE FOODS CO REF INV-2026-00451"),
     [("INV-2026-00451", 18250.00, "reference", "Matched")]),
    (line(26412.75, "ACH CR DELTA STEEL IND PMT INV 2026-00460"),
     [("INV-2026-00460", 26412.75, "reference", "Matched")]),
    (line(15750.00, "IBFT CREDIT FROM EMIRATES BLDG MAT LLC AE070331234567890123456 "
                    "INV/2026/470", cur="AED"),
     [("INV-2026-00470", 15750.00, "reference", "Matched")]),
    (line(22345.60, "SWIFT INWARD REMITTANCE /RFB/INV-2026-00480 /ORDP/AL RAWABI TRADING EST",
          cur="SAR"),
     [("INV-2026-00480", 22345.60, "reference", "Matched")]),
    (line(25590.50, "SWIFT INWARD REMITTANCE /RFB/INV-2026-00451 INV-2026-00452 /ORDP/NILE FOODS"),
     [("INV-2026-00451", 18250.00, "multi-invoice", "Matched"),
      ("INV-2026-00452", 7340.50, "multi-invoice", "Matched")]),
    # Arabic-Indic digits of the invoice's numeric part, and the payer's Arabic name.
    (line(12650.00, "حوالة واردة من شركة الفجر للمقاولات سداد فاتورة ٤٥٦"),
     [("INV-2026-00456", 12650.00, "reference", "Matched")]),
    (line(7340.50, "تحويل لحظي انستاباي من شركة النيل للاغذية فاتورة INV-2026-00452"),
     [("INV-2026-00452", 7340.50, "reference", "Matched")]),
    (line(5120.00, "SARIE TRANSFER AL RAWABI TRADING EST INV 481", cur="SAR"),
     [("INV-2026-00481", 5120.00, "reference", "Matched")]),
    # An InstaPay address is no name; the reference's numeric part and the amount agree.
    (line(3120.00, "INSTAPAY IPA CAIROPHARMA@INSTAPAY REF 491"),
     [("INV-2026-00491", 3120.00, "reference", "Matched")]),
    # The customer paying part of its invoice, quoting it.
    (line(10000.00, "TT REF 26TT0099887 DELTA STEEL INDUSTRIES INV-2026-00460 PART PAYMENT"),
     [("INV-2026-00460", 10000.00, "partial", "Matched")]),
    # A parent company paying the exact amount of its subsidiary's invoice: the reference decides.
    (line(26412.75, "SWIFT INWARD REMITTANCE /RFB/INV-2026-00460 /ORDP/DELTA HOLDING GROUP",
          cp="DELTA HOLDING GROUP"),
     [("INV-2026-00460", 26412.75, "reference", "Matched")]),
    # The number without its prefix, glued to INV, or between slashes of a TT narrative.
    (line(18250.00, "IPN TRANSFER FROM NILE FOODS CO 2026-00451"),
     [("INV-2026-00451", 18250.00, "reference", "Matched")]),
    (line(7340.50, "INSTAPAY 01012345678 NILE FOODS INV452"),
     [("INV-2026-00452", 7340.50, "reference", "Matched")]),
    (line(26412.75, "TT REF FT2630412345 /INV-2026-00460/CHGS OUR"),
     [("INV-2026-00460", 26412.75, "reference", "Matched")]),
    # The customer's name in Arabic letters (دلتا ستيل), the number in Latin ones.
    (line(9800.00, "حوالة واردة من دلتا ستيل سداد فاتورة رقم INV-2026-00461"),
     [("INV-2026-00461", 9800.00, "reference", "Matched")]),
    # An amount printed in the narrative is no invoice number.
    (line(22345.60, "INWARD TT SAR 22,345.60 FROM AL RAWABI TRADING EST REF INV00480", cur="SAR"),
     [("INV-2026-00480", 22345.60, "reference", "Matched")]),
    # A returned payment quoting the invoice is money in, but perhaps not that invoice paid.
    (line(6984.30, "ACH CR RETURNED PAYMENT INV-2026-00490"),
     [("INV-2026-00490", 6984.30, "reference", "Suggested")]),
    # Paid less 1% income tax withheld at source (Egypt).
    (line(18067.50, "IPN TRANSFER NILE FOODS INV-2026-00451"),
     [("INV-2026-00451", 18067.50, "withholding-tax", "Matched")]),
    # Paid less a bank charge within the fee tolerance.
    (line(15725.00, "UAEFTS CREDIT EMIRATES BUILDING MAT LLC INV 470 LESS CHGS", cur="AED"),
     [("INV-2026-00470", 15725.00, "fee-writeoff", "Matched")]),
]


@pytest.mark.parametrize(("row", "expected"), REFERENCED,
                         ids=[r["desc"][:40] for r, _ in REFERENCED])
def test_transfers_quoting_the_invoice(row, expected):
    assert allocations(match(CUSTOMERS, INVOICES, row)) == expected


# No invoice named: the payer, by name in the narrative, and the amount decide.
BY_PAYER = [
    (line(9800.00, "TT REF 26TT0012345 FROM DELTA STEEL INDUSTRIES"),
     [("INV-2026-00461", 9800.00, "amount+payer", "Matched")]),
    # The cheque's number is no invoice's; the drawer's name is the customer's.
    (line(43700.00, "ايداع شيك رقم ١٢٣٤٥٦ شركة الفجر للمقاولات"),
     [("INV-2026-00455", 43700.00, "amount+payer", "Matched")]),
    (line(15750.00, "AANI TRANSFER FROM EMIRATES BUILDING MATERIALS", cur="AED"),
     [("INV-2026-00470", 15750.00, "amount+payer", "Matched")]),
    # الفجر transliterated as the bank's clerk heard it.
    (line(43700.00, "ACH CR AL FAGR CONTRACTING CO"),
     [("INV-2026-00455", 43700.00, "amount+payer", "Matched")]),
    # The account number the bank prints is no invoice number; شركة الفجر is the customer.
    (line(12650.00, "تحويل وارد من حساب رقم 1234567890123 شركة الفجر"),
     [("INV-2026-00456", 12650.00, "amount+payer", "Matched")]),
    (line(26412.75, "INWARD CLEARING CHQ 778812 DELTA STEEL"),
     [("INV-2026-00460", 26412.75, "amount+payer", "Matched")]),
    # A cheque deposit whose amount is one open invoice's, and not round: the amount is enough,
    # and CAIRO PHARMA names the payer besides (CAIRO a place's word, ``names._PLACES``).
    (line(6984.30, "CHQ DEP 004512 NBE CAIRO PHARMA"),
     [("INV-2026-00490", 6984.30, "amount+payer", "Matched")]),
]


@pytest.mark.parametrize(("row", "expected"), BY_PAYER, ids=[r["desc"][:40] for r, _ in BY_PAYER])
def test_transfers_without_a_reference_from_a_known_payer(row, expected):
    assert allocations(match(CUSTOMERS, INVOICES, row)) == expected


def test_instapay_from_a_person_whose_name_is_only_part_of_a_customers_is_suggested():
    """MOHAMED ABDELRAHMAN may be the customer Mohamed Abdel Rahman Hassan or another Mohamed;
    the round 2,750.00 alone proves nothing."""
    r = match(CUSTOMERS, INVOICES,
              line(2750.00, "INSTAPAY TRANSFER FROM MOHAMED ABDELRAHMAN 01012345678"))
    assert allocations(r) == [("INV-2026-00495", 2750.00, "amount-only", "Suggested")]


def test_a_transfer_from_a_person_for_an_arabic_named_customer_is_only_suggested():
    """The narrative says who sent it (من محمد احمد حسن), and that is not the customer whose
    invoice has the amount: someone paying for it, perhaps, but not proven by the amount."""
    r = match(CUSTOMERS, INVOICES, line(8437.65, "حوالة واردة من محمد احمد حسن"))
    assert allocations(r) == [("INV-2026-00457", 8437.65, "amount-only", "Suggested")]
    assert reason(r).startswith("paid by محمد احمد حسن, not a customer")
    # With no sender in the narrative, an amount this particular identifies the invoice.
    r = match(CUSTOMERS, INVOICES, line(8437.65, "حوالة واردة"))
    assert allocations(r) == [("INV-2026-00457", 8437.65, "amount-only", "Matched")]


def test_an_arabic_payment_on_account_from_the_customer_is_suggested_against_the_oldest():
    r = match(CUSTOMERS, INVOICES, line(10000.00, "حوالة واردة من شركة الفجر للمقاولات دفعة تحت الحساب"))
    assert allocations(r) == [("INV-2026-00455", 10000.00, "partial", "Suggested")]
    assert "a payment on account, suggested against the oldest" in reason(r)


def test_a_fawry_payment_from_the_customer_naming_no_invoice_is_held_on_account():
    r = match(CUSTOMERS, INVOICES, line(1500.00, "FAWRY PAY 8812345 NILE FOODS"))
    assert allocations(r) == [("INV-2026-00451", 1500.00, "partial", "Suggested")]
    assert "a payment on account, suggested against the oldest" in reason(r)


def test_a_third_party_paying_part_of_an_invoice_it_quotes_is_suggested():
    r = match(CUSTOMERS, INVOICES, line(7000.00, "IPN TRANSFER FROM GULF LOGISTICS LLC INV-2026-00451"))
    assert allocations(r) == [("INV-2026-00451", 7000.00, "partial", "Suggested")]
    assert "the narrative names GULF LOGISTICS LLC, not the customer" in reason(r)


@pytest.mark.parametrize(("row", "why"), [
    (line(1234.56, "PROFIT PAYMENT ON DEPOSIT"), "not a customer receipt (interest)"),
    (line(3120.00, "CASH DEP BY HAND"), "cash deposit without reference or known payer"),
    (line(9800.00, "IBFT CREDIT OWN ACCOUNT TRANSFER"), "not a customer receipt (own transfer)"),
    # The cheque's number 000491 is also INV-2026-00491's numeric part; 5,000.00 is nobody's.
    (line(5000.00, "CHQ DEP 000491 CLG"), "no invoice reference and payer not identified"),
    (line(5000.00, "ايداع شيك رقم 000452 مسحوب على البنك الاهلي"),
     "no invoice reference and payer not identified"),
], ids=["profit", "cash", "own transfer", "cheque number", "arabic cheque number"])
def test_money_in_left_for_a_person(row, why):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == []
    assert reason(r) == why


def test_an_arabic_transfer_paying_one_customers_oldest_invoices_without_a_name_is_suggested():
    """Cairo Pharma's two invoices make 10,104.30, but nothing says who paid: a person looks."""
    r = match(CUSTOMERS, INVOICES, line(10104.30, "حوالة واردة"))
    assert allocations(r) == [("INV-2026-00490", 6984.30, "multi-invoice", "Suggested"),
                              ("INV-2026-00491", 3120.00, "multi-invoice", "Suggested")]
