"""More towns a bank prints for its branch or clearing are places (test_h212's rule).

'CHQ DEP NBE LUXOR BR 123456', a cheque deposited at NBE's Luxor branch, drawn by anyone, was
Matched to Luxor Steel's 5,000.00 (its name's one distinctive word is the town) though Nile
Steel owes 5,000.00 too: LUXOR, read alike in both scripts, was not listed as a place, so the
rule that a text writing only the town names no such customer for sure did not see it. The
towns of Egypt's and the Gulf's bank branches (Luxor, Aswan, Tanta, Mansoura ... Dubai, Ajman,
Dammam, Jeddah, Manama, Muscat) are places now; LUXOR STEEL still names its customer.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "Luxor Steel Company"), customer("C2", "Nile Steel Company"),
             customer("C3", "مؤسسة طنطا للتجارة"), customer("C4", "Delta Foods")]
INVOICES = [invoice("LS-1001", "C1", 5000.00), invoice("NS-2001", "C2", 5000.00),
            invoice("TN-3001", "C3", 7300.00), invoice("DF-4001", "C4", 7300.00)]


@pytest.mark.parametrize(("desc", "amount", "inv"), [
    ("CHQ DEP NBE LUXOR BR 123456", 5000.00, "LS-1001"),
    ("ايداع شيك فرع الأقصر 123456", 5000.00, "LS-1001"),
    ("CHQ CLG TANTA 556677", 7300.00, "TN-3001"),
])
def test_a_branch_town_alone_names_no_payer_for_sure(desc, amount, inv):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc})
    assert allocations(r) == [(inv, amount, "amount+payer", "Suggested")]


@pytest.mark.parametrize(("desc", "amount", "inv"), [
    ("INWARD TRANSFER FROM LUXOR STEEL COMPANY", 5000.00, "LS-1001"),
    ("حوالة واردة من مؤسسة طنطا للتجارة", 7300.00, "TN-3001"),
])
def test_the_name_with_its_other_words_still_names_it(desc, amount, inv):
    r = match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc})
    assert allocations(r) == [(inv, amount, "amount+payer", "Matched")]
