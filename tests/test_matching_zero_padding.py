"""An invoice number written with other zero padding than the ledger's.

Payers add or drop zeros in a group of the number (INV/2026/09/00066 for INV/2026/09/0066,
ف-2026-00427 for ف-2026-0427, F20260000579 for F2026000579). Each digit group without its
padding (a last group of a year and a sequence: the sequence without its) is the same number:
named, and sure when written after the invoice's own letters. A date is no number; bare digits
name the invoice only loosely (the amount or the payer must agree).
"""

from __future__ import annotations

import pytest

from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.references import InvoiceIndex
from tests.test_matching_real_narratives import allocations, customer, invoice, match

NUMBERS = ["ف-2026-0427", "INV/2026/09/0066", "F2026000579", "INV-2026-00105"]


@pytest.mark.parametrize(("text", "pos", "is_sure"), [
    ("SWIFT INWARD /ORD/SAYED AL SHAMMARI TRANSPORT /RFB/ف-2026-00427", 0, True),
    ("SARIE IN 994133667632 FROM WALID ABDEL HAMID FOODSTUFFS CO INV/2026/09/00066", 1, True),
    ("INWARD TRANSFER 2683158436215 FROM ELZAHRAAIMP&EXP F20260000579", 2, True),
    ("REF 2026-0105", 3, False),
])
def test_the_number_with_other_padding_is_named(text, pos, is_sure):
    sure: set[int] = set()
    strong, _ = InvoiceIndex(NUMBERS).lookup(fold_text(text), sure=sure)
    assert strong == {pos}
    assert (pos in sure) is is_sure


def test_a_date_is_no_number():
    assert InvoiceIndex(NUMBERS).lookup(fold_text("VALUE DATE 2026/10/05"))[0] == set()


def test_an_overpayment_of_an_invoice_written_with_an_extra_zero():
    customers = [customer("C1", "Walid Abdel Hamid Foodstuffs Est")]
    r = match(customers, [invoice("INV/2026/09/0066", "C1", 15192.94)],
              {"amount": 16192.94, "desc": "SARIE IN 994133667632 FROM WALID ABDEL HAMID "
                                           "FOODSTUFFS CO INV/2026/09/00066"})
    assert allocations(r) == [("INV/2026/09/0066", 15192.94, "overpayment", "Matched"),
                              (None, 1000.00, "on-account", "Matched")]
