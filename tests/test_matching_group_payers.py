"""A customer paying a sister company's invoice (group companies, a parent paying for its
subsidiary).

Delta Star Paints, known for sure by its name, sends 48,917.35 and owes 2,100.00 in all; the
one open invoice of exactly 48,917.35 in the ledger is Sinai Plastic's. Before, the receipt
was suggested as an overpayment of Delta's invoice with 46,817.35 on account: the suggestion
is Sinai's invoice now, for a person to confirm (a related company paying, or an amount met
by chance). A round amount, a transfer that says it is an advance, or several invoices of the
amount leave it as it was.
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Delta Star Paints"), customer("C2", "Sinai Plastic Industries"),
             customer("C3", "Nile Valley Foods")]
INVOICES = [invoice("INV-2026-0101", "C1", 2100.00), invoice("INV-2026-0214", "C2", 48917.35),
            invoice("INV-2026-0215", "C2", 7300.00), invoice("INV-2026-0300", "C3", 30000.00)]
SENDER = "INWARD TRANSFER FROM DELTA STAR PAINTS"


def test_the_one_invoice_of_the_amount_is_suggested_for_a_sister_company():
    r = match(CUSTOMERS, INVOICES, {"amount": 48917.35, "desc": SENDER})
    assert allocations(r) == [("INV-2026-0214", 48917.35, "amount-only", "Suggested")]
    assert reason(r) == (
        "payer by narrative name (98); it owes 2,100.00 in all; INV-2026-0214 of customer "
        "C2 (Sinai Plastic Industries) is the only open invoice of this amount: a related "
        "company paying for it? please confirm")
    r = match(CUSTOMERS, INVOICES[1:], {"amount": 48917.35, "desc": SENDER})
    assert allocations(r) == [("INV-2026-0214", 48917.35, "amount-only", "Suggested")]
    assert reason(r).startswith("payer by narrative name (98); it owes nothing; "
                                "INV-2026-0214 of customer C2")


def test_an_advance_a_round_sum_or_an_amount_of_several_invoices_stays_the_payers():
    advance = match(CUSTOMERS, INVOICES[1:], {"amount": 48917.35,
                                              "desc": SENDER + " ADVANCE PAYMENT"})
    assert allocations(advance) == [(None, 48917.35, "on-account", "Matched")]
    round_sum = match(CUSTOMERS, INVOICES, {"amount": 30000.00, "desc": SENDER})
    assert [(i, m) for i, _, m, _ in allocations(round_sum)] == [
        ("INV-2026-0101", "overpayment"), (None, "on-account")]
    twice = INVOICES + [invoice("INV-2026-0301", "C3", 48917.35)]
    r = match(CUSTOMERS, twice, {"amount": 48917.35, "desc": SENDER})
    assert [(i, m, st) for i, _, m, st in allocations(r)] == [
        ("INV-2026-0101", "overpayment", "Suggested"), (None, "on-account", "Suggested")]


def test_the_reason_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    r = match(CUSTOMERS, INVOICES, {"amount": 48917.35, "desc": SENDER})
    assert arabic_reason(reason(r)) == (
        "الدافع عُرف من الاسم في البيان (تطابق 98%)؛ وعليه 2,100.00 إجمالاً؛ INV-2026-0214 للعميل C2 "
        "(Sinai Plastic Industries) هي الفاتورة المفتوحة الوحيدة بهذا المبلغ: شركة شقيقة تدفع "
        "عنه؟ يُرجى التأكيد")
