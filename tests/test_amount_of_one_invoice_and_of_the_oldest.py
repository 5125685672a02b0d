"""A receipt naming no invoice whose amount is one open invoice's and the open total of the
payer's oldest invoices as well. 'CR ACH 97466845 EL NASR CHEMICAL' 25,000.00: El Nasr owes
INV/2026/08/0227 of 25,000.00 and, before it, INV/2026/06/0095 of 20,000.00 and INV/2026/08/0146
of 5,000.00, which it paid (oldest first). It was Matched (amount+payer 0.95) to 0227: one
invoice of the amount beats a sum, but a run from the oldest making it exactly is a reading of
its own, so it is suggested. Found in independent_month seed 62."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C86", "شركة النصر للكيماويات")]
LINE = {"amount": 25000.00, "desc": "CR ACH 97466845 EL NASR CHEMICAL"}


def _invoices(oldest: float | None = None) -> list[dict]:
    rows = [invoice("INV/2026/06/0095", "C86", 20000.00, "2026-06-14"),
            invoice("INV/2026/08/0146", "C86", 5000.00, "2026-08-20"),
            invoice("INV/2026/08/0227", "C86", 25000.00, "2026-08-29"),
            invoice("INV/2026/09/0020", "C86", 35415.45, "2026-09-03")]
    if oldest is not None:
        rows.insert(0, invoice("INV/2026/05/0011", "C86", oldest, "2026-05-10"))
    return rows


def test_the_oldest_invoices_making_the_amount_too_make_it_a_question():
    r = match(CUSTOMERS, _invoices(), LINE)
    assert allocations(r) == [("INV/2026/08/0227", 25000.00, "amount+payer", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (98); amount equals the open amount of INV/2026/08/0227; but "
        "its oldest open invoices make it too (INV/2026/06/0095, INV/2026/08/0146): paid oldest "
        "first? please confirm")


def test_older_invoices_that_are_not_the_oldest_leave_the_invoice_of_the_amount_matched():
    """An older invoice still open before them (3,000.00 of May): paying oldest first would
    have paid it, so 20,000.00 + 5,000.00 is only a set of the payer's invoices that makes the
    amount, as some set of many does by chance."""
    r = match(CUSTOMERS, _invoices(oldest=3000.00), LINE)
    assert allocations(r) == [("INV/2026/08/0227", 25000.00, "amount+payer", "Matched")]


def test_the_question_is_worded_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    r = match(CUSTOMERS, _invoices(), LINE)
    assert arabic_reason(reason(r)).endswith(
        "لكن أقدم فواتيره المفتوحة تساويه أيضاً (INV/2026/06/0095, INV/2026/08/0146): سُدّدت "
        "الأقدم أولاً؟ يُرجى التأكيد")
