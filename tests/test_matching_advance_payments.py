"""Money ahead of billing: an advance from a customer known for sure, nothing open.

A transfer that says it is an advance or a payment on account (ADVANCE PAYMENT, ON ACCOUNT,
دفعة مقدمة, دفعة تحت الحساب), from a payer known for sure (a certain name clearly its, or its
account), that names no invoice, from a customer with nothing open in any currency, is that
customer's credit on account: Matched, with no invoice. Without those words, with an invoice
named, or with an invoice open in another currency (what it may pay), a person confirms.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Hesham Abdulrahman Ceramics"), customer("C2", "Nile Import & Export LLC"),
             customer("C3", "Delta Star Foods")]
INVOICES = [invoice("INV-2026-00700", "C3", 12000.00), invoice("INV-2026-00710", "C2", 900.00,
                                                                 Currency="USD")]


@pytest.mark.parametrize("said", ["ADVANCE PAYMENT", "دفعة مقدمة", "ON ACCOUNT"])
def test_an_advance_from_a_known_customer_with_nothing_open(said):
    r = match(CUSTOMERS, INVOICES, {"amount": 25000.00, "desc": f"SARIE IN 109360278519 {said}",
                                    "cp": "HESHAM ABDULRAHMAN CERAMICS"})
    assert allocations(r) == [(None, 25000.00, "on-account", "Matched")]
    assert reason(r) == "payer by name (100); no open invoice: payment on account"


@pytest.mark.parametrize(("row", "why"), [
    ({"desc": "SARIE IN 109360278519 PAYMENT", "cp": "HESHAM ABDULRAHMAN CERAMICS"}, "no words"),
    ({"desc": "SARIE IN 109360278519 ON ACC INV-2026-00700", "cp": "HESHAM ABDULRAHMAN CERAMICS"},
     "an invoice named"),
    ({"desc": "SARIE IN 109360278519 دفعة تحت الحساب", "cp": "NILE IMPORT & EXPORT LLC"},
     "an invoice open in USD"),
])
def test_otherwise_a_person_confirms(row, why):
    r = match(CUSTOMERS, INVOICES, {"amount": 25000.00, **row})
    assert all(st != "Matched" for *_, st in allocations(r)), why
