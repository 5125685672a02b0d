"""Invoice numbers of a year and a zero-padded sequence (``F2026000399``), written short.

ERPs number invoices as letters, the year and a padded sequence in one group (F2026000399 is
invoice 399 of 2026). Payers write the sequence alone (``Inv#399``, ``INV#000668``, ``فاتورة
رقم 001272``) or the number without its padding (``F202692``), as they write ``Inv#399`` for
SI-26/00399. Those name the invoice as its numeric part does; a number written with the
invoice's own letters and its digits unpadded (``SI-26/842``) is the invoice's number, not a
bare 5-6 digit number that may be a cheque's.
"""

from __future__ import annotations

from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.references import InvoiceIndex
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "شركة الزهراء للاستيراد والتصدير ش.م.م"),
    customer("C2", "Alexandria Food Stuff S.A.E"),
    customer("C3", "Red Sea Medical Group"),
    customer("C4", "El Dawlia Trading Group"),
]
INVOICES = [
    invoice("F2026000399", "C1", 7500.00, "2026-08-20"),
    invoice("F2026000638", "C1", 4100.00, "2026-09-02"),
    invoice("F2026000704", "C2", 13739.28, "2026-08-11"),
    invoice("F2026001827", "C2", 9709.10, "2026-10-01"),
    invoice("F2026000277", "C3", 5696.01, "2026-08-01"),
    invoice("F2026000113", "C3", 5623.01, "2026-07-01"),
    invoice("F2026001272", "C4", 13416.38, "2026-09-05"),
    invoice("F2026000092", "C4", 32583.57, "2026-09-07"),
    invoice("SI-26/00842", "C4", 15000.98, "2026-09-09"),
]


def test_index_reads_the_sequence_as_the_numeric_tail_and_the_unpadded_digits():
    index = InvoiceIndex(["F2026000399", "SI-26/00842", "100399", "20260105", "F2026000000"])
    # The sequence of a year-and-sequence group; a 6-digit number, a date-shaped 8-digit one
    # and a sequence of zeros keep their digits.
    assert index.tails == ["399", "842", "100399", "20260105", "2026000000"]
    # Inv#399 names invoice 399 of 2026 (only), as a numeric part does.
    assert index.lookup(fold_text("SWIFT INWARD /RFB/Inv#399")) == (set(), {0})
    sure: set[int] = set()
    assert index.lookup(fold_text("PART PAYMENT F2026399"), sure=sure)[0] == {0}
    assert sure == {0}


def test_numbers_written_with_the_invoices_letters_unpadded_are_sure_a_bare_one_is_not():
    index = InvoiceIndex(["SI-26/00842", "F2026000092"])
    sure: set[int] = set()
    strong, _ = index.lookup(fold_text("CR ACH 27481117 ELDELTA FOODSTUFFS PART PAYMENT SI-26/842"),
                             sure=sure)
    assert strong == {0} and sure == {0}
    sure = set()
    assert index.lookup(fold_text("سداد PART PAYMENT F202692"), sure=sure)[0] == {1}
    assert sure == {1}
    sure = set()
    # The same digits bare (a cheque number?) or after other letters name it only loosely.
    assert index.lookup(fold_text("CHQ 26842"), sure=sure)[0] == {0}
    assert sure == set()
    sure = set()
    assert index.lookup(fold_text("PO26842"), sure=sure)[0] == {0}
    assert sure == set()


def test_short_invoice_number_with_the_exact_amount_beats_a_look_alike_amount():
    """The owner of a customer pays invoice 399 by its short number; another open invoice of
    the right amount must not be taken by the amount alone."""
    customers = CUSTOMERS + [customer("C9", "Mohamed El Ghamdi Trading")]
    invoices = INVOICES + [invoice("F2026000650", "C9", 7500.00, "2026-09-01")]
    result = match(customers, invoices,
                   {"amount": 7500.00,
                    "desc": "SWIFT INWARD TT747240930 /ORD/MOHAMED AL GHAMDI /RFB/Inv#399"})
    assert allocations(result) == [("F2026000399", 7500.00, "reference", "Matched")]


def test_part_payment_by_short_number_from_a_payer_named_in_full():
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 8100.00,
                    "desc": "INWARD TRANSFER 2672628792849 FROM ALEXANDRIA FOOD STUFF S.A.E "
                            "PART PAYMENT INV#704"})
    assert allocations(result) == [("F2026000704", 8100.00, "partial", "Matched")]
    assert "part payment of 13,739.28 open" in reason(result)


def test_arabic_invoice_word_and_zero_padded_sequence():
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 7200.00,
                    "desc": "حوالة واردة من EL DAWLIA TRADING GROUP قيمة ON ACC فاتورة رقم 001272"})
    assert allocations(result) == [("F2026001272", 7200.00, "partial", "Matched")]


def test_number_retyped_without_padding_after_its_letters():
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 31200.00,
                    "desc": "حوالة واردة من EL DAWLIA TRADING GROUP سداد PART PAYMENT F202692"})
    assert allocations(result) == [("F2026000092", 31200.00, "partial", "Matched")]


def test_short_number_with_the_exact_amount_and_no_payer_named():
    result = match(CUSTOMERS, INVOICES, {"amount": 5696.01, "desc": "IPN TRANSFER Inv#000277"})
    assert allocations(result) == [("F2026000277", 5696.01, "reference", "Matched")]


def test_short_number_of_another_customers_invoice_and_no_amount_fits_stays_suggested():
    """INV#704 is customer C2's invoice, but the narrative names C3 for sure and the amount
    fits none of C2's: the number may be quoted by mistake, a person decides."""
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 3000.00,
                    "desc": "INWARD TRANSFER 2672628792849 FROM RED SEA MEDICAL GROUP INV#704"})
    assert all(st != "Matched" for *_, st in allocations(result))
