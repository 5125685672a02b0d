"""A number written in one series' format is not another series' invoice with its digits.

A ledger with several numbering series (2026-INV-0762, ف-2026-0862) has invoices that share
their digits. A narrative writing letters inside the number (2026-INV-0862) writes a number of
the series that has those letters; an invoice of another series with the same digits
(ف-2026-0862, no letters there) is named only loosely: when the amount or the payer agrees.
The same digits written bare still name it.
"""

from __future__ import annotations

from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.references import InvoiceIndex
from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "El Amana Food Stuff W.L.L."), customer("C2", "Horizon Trading Co")]
INVOICES = [invoice("2026-INV-0762", "C1", 25808.06), invoice("ف-2026-0862", "C2", 12813.68)]
NARRATIVE = "حوالة واردة من مصنع الأمانة للمواد الغذائية - 2026-INV-0862"


def test_letters_inside_the_number_that_the_invoice_has_not_make_the_hit_loose():
    index = InvoiceIndex(["ف-2026-0862", "2026-INV-0862"])
    sure: set[int] = set()
    assert index.lookup(fold_text(NARRATIVE), sure=sure)[0] == {0, 1}
    assert sure == {1}  # only the number of the series written
    sure = set()
    assert index.lookup(fold_text("PAYMENT 20260862"), sure=sure)[0] == {0, 1}
    assert sure == {0, 1}


def test_another_series_invoice_with_the_digits_is_not_matched_on_an_amount_it_does_not_fit():
    """25,420.94 is 2026-INV-0762 less a 1.5 % discount (the payer mistyped 7 as 8); before,
    ف-2026-0862 was Matched as overpaid with 12,607.26 on account. The payer's name is read
    (للمواد الغذائية, FOOD STUFF): its own invoice one digit away is the one paid, the
    discount left open on it."""
    r = match(CUSTOMERS, INVOICES, {"amount": 25420.94, "desc": NARRATIVE})
    assert allocations(r) == [("2026-INV-0762", 25420.94, "partial", "Matched")]


def test_the_amount_confirms_the_other_series_invoice():
    r = match(CUSTOMERS, INVOICES, {"amount": 12813.68, "desc": NARRATIVE})
    assert allocations(r) == [("ف-2026-0862", 12813.68, "reference", "Matched")]
