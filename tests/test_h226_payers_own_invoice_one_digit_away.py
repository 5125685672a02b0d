"""A payer known for sure, naming an invoice of another customer's, while its own invoice one
digit away is paid by the amount as well (independent_month s44, s57). Before, two readings
escaped the check that makes this a question (``_payers_own_slip``, tested in
test_matching_sure_payer_names_anothers_invoice):

- the number written names two invoices by the same digits (2026-INV-0807 one customer's,
  ف-2026-0807 another's) and the amount picks one: PIONEER MEDICAL ... 2026-INV-0807 50,000.00
  was Matched to Falcon Paints' 2026-INV-0807, Pioneer Medical's own 2026-INV-0870 (0807 with
  two digits swapped) of 50,000.00 left open;
- the amount pays the invoice named less a bank charge: MOHAMMED AL OTAIBI PH ... 2026-INV-0737
  11,990.00 was Matched (fee write-off 10.00) to another's ف-2026-0737 of 12,000.00, the
  payer's own 2026-INV-0377 of 12,000.00 left open.

As when one invoice is named and paid exactly, the named invoice is left to the stages after:
the payer's own invoice that the amount pays is then applied (``amount+payer``), and where it
is not (several of its invoices fit) the payer's own is suggested, to be confirmed."""

from __future__ import annotations

from ar_excel.io.reasons_ar import arabic_reason
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Pioneer Medical Co."), customer("C2", "Falcon Paints Est."),
             customer("C3", "شركة الفجر للتوريدات")]


def test_the_amount_picking_one_of_two_invoices_named_yields_to_the_payers_own_near():
    invoices = [invoice("2026-INV-0807", "C2", 50000.00, "2026-10-07"),
                invoice("ف-2026-0807", "C3", 2269.31, "2026-10-07"),
                invoice("2026-INV-0870", "C1", 50000.00, "2026-10-12")]
    r = match(CUSTOMERS, invoices, {"amount": 50000.00,
                                    "desc": "SWIFT INWARD TT106215236 /ORD/PIONEER MEDICAL "
                                            "/RFB/2026-INV-0807"})
    assert allocations(r) == [("2026-INV-0870", 50000.00, "amount+payer", "Matched")]
    assert reason(r) == ("payer by narrative name (98); amount equals the open amount of "
                         "2026-INV-0870")


def test_a_fee_short_payment_of_anothers_invoice_yields_to_the_payers_own_near():
    invoices = [invoice("2026-INV-0737", "C2", 12000.00, "2026-10-07"),
                invoice("2026-INV-0377", "C1", 12000.00, "2026-10-12")]
    r = match(CUSTOMERS, invoices, {"amount": 11990.00, "cp": "PIONEER MEDICAL CO",
                                    "desc": "SWIFT INWARD TT783536502 /ORD/PIONEER MEDICAL CO "
                                            "/RFB/2026-INV-0737"})
    assert allocations(r) == [("2026-INV-0377", 11990.00, "fee-writeoff", "Matched")]
    assert reason(r) == (
        "payer by name and narrative has a number one digit away from 2026-INV-0377; short by "
        "10.00 within the fee tolerance: write-off proposed")


def test_the_payers_own_slip_is_said_in_arabic():
    assert arabic_reason(
        "narrative names 2026-INV-0737, customer C2's; the payer, customer C1 (Pioneer Medical "
        "Co.), has 2026-INV-0377 open, which the amount pays less charges, one digit away: a "
        "mistyped number? please confirm") == (
        "البيان يذكر 2026-INV-0737 وهي للعميل C2؛ الدافع هو العميل C1 (Pioneer Medical Co.) "
        "وعليه 2026-INV-0377 مفتوحة يسددها المبلغ بعد خصم المصاريف وبفارق رقم واحد: رقم مكتوب "
        "خطأ؟ يُرجى التأكيد")


def test_without_the_payers_own_invoice_near_a_fee_short_payment_stays_matched():
    invoices = [invoice("2026-INV-0737", "C2", 12000.00, "2026-10-07"),
                invoice("2026-INV-0377", "C1", 9000.00, "2026-10-12")]
    r = match(CUSTOMERS, invoices, {"amount": 11990.00, "cp": "PIONEER MEDICAL CO",
                                    "desc": "SWIFT INWARD TT783536502 /ORD/PIONEER MEDICAL CO "
                                            "/RFB/2026-INV-0737"})
    assert allocations(r) == [("2026-INV-0737", 11990.00, "fee-writeoff", "Matched")]


def test_the_numeric_part_slip_is_said_in_arabic():
    assert arabic_reason(
        "narrative has the numeric part of INV-2026-0422, customer C17's; the payer, customer "
        "C16 (ABC Cargo Services LLC), has INV-2026-0421 of this amount open, one digit away: "
        "a mistyped number? please confirm") == (
        "البيان به الجزء الرقمي من INV-2026-0422 وهي للعميل C17؛ الدافع هو العميل C16 (ABC Cargo "
        "Services LLC) وعليه INV-2026-0421 مفتوحة بهذا المبلغ وبفارق رقم واحد: رقم مكتوب خطأ؟ "
        "يُرجى التأكيد")


def test_a_likely_name_and_a_fee_short_payment_of_anothers_invoice_ask():
    """The name cut short (MOHAMMED AL OTAIBI PH: likely, not certain) and two invoices of the
    payer's of 12,000.00, one of them one digit from the number written: the payer's is
    suggested, not another's Matched with 10.00 written off (at either stage reading it)."""
    customers = [customer("C1", "Mohammed Al Otaibi Pharmaceuticals Establishment"),
                 customer("C2", "شركة الصقر للدهانات")]
    invoices = [invoice("ف-2026-0737", "C2", 12000.00, "2026-10-07"),
                invoice("2026-INV-0377", "C1", 12000.00, "2026-10-12"),
                invoice("2026-INV-0401", "C1", 12000.00, "2026-10-14")]
    r = match(customers, invoices, {"amount": 11990.00, "cp": "MOHAMMED AL OTAIBI PH",
                                    "desc": "SWIFT INWARD TT783536502 /ORD/MOHAMMED AL OTAIBI "
                                            "PH /RFB/2026-INV-0737"})
    assert allocations(r) == [("2026-INV-0377", 11990.00, "fee-writeoff", "Suggested")]
    assert reason(r) == (
        "narrative names ف-2026-0737, customer C2's; the payer, customer C1 (Mohammed Al Otaibi "
        "Pharmaceuticals Establishment), has 2026-INV-0377 open, which the amount pays less "
        "charges, one digit away: a mistyped number? please confirm")
