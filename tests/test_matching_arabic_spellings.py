"""Two Arabic spellings of a customer's short name word: the bank's narrative and the master
both write the long vowels, so they must write the same ones (الرياض is not الرضا)."""

from __future__ import annotations

import pytest

from ar_excel.core.matching.names import arabic_shape, arabic_spellings_agree
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "مؤسسة الرضا للتجارة"), customer("C2", "Cairo Steel Company")]
INVOICES = [invoice("INV-100", "C1", 5000.00, "2026-09-01"),
            invoice("INV-101", "C2", 7000.00, "2026-09-01")]


@pytest.mark.parametrize("desc", ["تحويل من مؤسسة الرياض للتجارة", "حوالة واردة مؤسسة الرياض"])
def test_another_arabic_name_of_the_same_consonants_is_only_suggested(desc):
    """الرياض and الرضا share the skeleton lrd; before, the line was Matched at 98 / 93."""
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": desc})
    assert allocations(r) == [("INV-100", 5000.00, "amount+payer", "Suggested")]
    assert "payer by narrative name (85)" in reason(r)


@pytest.mark.parametrize("desc", ["تحويل من مؤسسة الرضا للتجارة", "تحويل من مؤسسه الرضا"])
def test_the_customers_own_arabic_spelling_stays_matched(desc):
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": desc})
    assert allocations(r) == [("INV-100", 5000.00, "amount+payer", "Matched")]


@pytest.mark.parametrize(("one", "other", "agree"), [
    ("الرياض", "الرضا", False), ("سعيد", "سعد", False), ("داود", "داوود", True),
    ("الرشيدي", "الرشيدى", True), ("النور", "نور", True), ("ابراهيم", "إبراهيم", True),
    ("الشريف", "شريف", True), ("مصطفى", "مصطفي", True)])
def test_arabic_spellings_agree(one, other, agree):
    assert arabic_spellings_agree(arabic_shape(one), arabic_shape(other)) is agree
