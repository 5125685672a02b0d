"""A payer naming its own invoice in full and paying an exact fraction of it, while another
of its invoices one digit away is exactly the amount (helper-207's Jordanian month)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

# ------------------------------------------------ an instalment of the invoice named, or a slip

def _instalment_month(desc: str, amount: float):
    customers = [customer("10119", "شركة المناصير للزيوت", Currency="JOD"),
                 customer("10101", "شركة المناصير للتجارة العامة ذ.م.م", Currency="JOD")]
    invoices = [invoice("INV-1077", "10119", 760.000, "2026-10-31", Currency="JOD"),
                invoice("INV-1078", "10119", 1520.000, "2026-10-22", Currency="JOD"),
                invoice("INV-1042", "10101", 3100.500, "2026-10-28", Currency="JOD")]
    return match(customers, invoices, {"amount": amount, "desc": desc, "date": "2026-11-15",
                                       "cur": "JOD"})


def test_half_of_the_invoice_named_is_not_taken_for_a_slip_for_the_next_number():
    """'دفعة 50% من فاتورة 1078 المناصير للزيوت', 760.000 on 15 November: INV-1078 (1,520.000,
    open) is named in full and the receipt is its half; INV-1077, one digit away, is 760.000
    too. It was Matched to INV-1077 as a mistyped number (reference-fuzzy, 0.92): an
    instalment of the invoice named is as likely as a slip, so a person decides."""
    r = _instalment_month("دفعة 50% من فاتورة 1078 المناصير للزيوت", 760.000)
    got = allocations(r)
    assert [st for *_, st in got] == ["Suggested"]
    assert got[0][1] == 760.0


def test_a_slip_with_no_instalment_reading_stays_matched():
    """The payer's slip where the receipt is no half, third or quarter of the invoice named
    (INV-1078 named, 1,520.000; the receipt 760.000 is INV-1077's, one digit away), here
    naming 1079, which is no invoice: still the mistyped number, Matched."""
    r = _instalment_month("حوالة واردة المناصير للزيوت فاتورة 1079", 760.000)
    assert allocations(r) == [("INV-1077", 760.0, "reference-fuzzy", "Matched")]
