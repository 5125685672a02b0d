"""A third of an invoice paid rounded to the minor unit is an instalment all the same.

32c7a39: a payer naming its own invoice in full and paying a half, a third or a quarter of it,
while its invoice one digit away is exactly the amount, is only suggested (an instalment as
likely as a slip). The fraction was compared exactly: a third of 1,000.00 cannot be paid but
as 333.33 (or 333.34), so 'سداد ثلث فاتورة 1078' paying 333.33, with INV-1077 open at 333.33,
was Matched to INV-1077 as a mistyped number (0.92); 333.333 of 1,000.000 JOD too. Within a
minor unit per part now, in each currency's own decimals (EGP's piastres, JOD's fils).
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match


@pytest.mark.parametrize("cur, whole, third, expected", [
    # (the invoice named, INV-1078, part paid; the slip for INV-1077 noted in the reason)
    ("EGP", 1000.00, 333.33, ("INV-1078", 333.33, "partial", "Suggested")),
    ("JOD", 1000.000, 333.333, ("INV-1078", 333.33, "partial", "Suggested")),
])
def test_a_third_paid_rounded_is_no_certain_slip(cur, whole, third, expected):
    customers = [customer("10119", "شركة المناصير للزيوت", Currency=cur)]
    invoices = [invoice("INV-1077", "10119", third, "2026-10-31", Currency=cur),
                invoice("INV-1078", "10119", whole, "2026-10-22", Currency=cur)]
    r = match(customers, invoices, {"amount": third, "cur": cur, "date": "2026-11-15",
                                    "desc": "سداد ثلث فاتورة 1078 المناصير للزيوت"})
    assert allocations(r) == [expected]


def test_a_slip_the_fraction_misses_by_more_stays_matched():
    customers = [customer("10119", "شركة المناصير للزيوت")]
    invoices = [invoice("INV-1077", "10119", 333.00, "2026-10-31"),
                invoice("INV-1078", "10119", 1000.00, "2026-10-22")]
    r = match(customers, invoices, {"amount": 333.00, "date": "2026-11-15",
                                    "desc": "حوالة واردة المناصير للزيوت فاتورة 1078"})
    assert allocations(r) == [("INV-1077", 333.00, "reference-fuzzy", "Matched")]
