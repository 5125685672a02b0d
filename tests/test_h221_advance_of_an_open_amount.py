"""A transfer called an advance or a payment on account, whose amount an open invoice has.

Ahmad Fathi Drugs Est., known for sure by its name, sends 10,000.00 'بخصوص ADVANCE PAYMENT';
one of its open invoices is 10,000.00 (a round sum, as advances are). Before, the amount
decided: Matched to that invoice (amount+payer 0.95). The payer says the money is for no
invoice, so whether it pays that one or waits on account is the customer's word: Suggested,
saying why. So too a payer known by its account paying more than all it owes as an advance
(all its invoices settled, the excess on account: was Matched 0.86). Without those words, with
an invoice named, with the word only in the customer's own name, or with ON ACCOUNT / دفعة تحت
الحساب (which payers write on any payment to their running account), the amount decides.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

IBAN = "EG380019000500000000263180002"
CUSTOMERS = [customer("C1", "Ahmad Fathi Drugs Est"), customer("C2", "Advance Tech Trading"),
             customer("C3", "Emerald Pharma LLC", **{"IBAN / Bank Account": IBAN}),
             customer("C4", "Delta Star Foods")]
INVOICES = [invoice("F2026000591", "C1", 10000.00), invoice("F2026000459", "C1", 10706.50),
            invoice("F2026000700", "C2", 10000.00), invoice("F2026000800", "C3", 24763.73),
            invoice("F2026000900", "C4", 5000.00)]
CALLED = "but the narrative calls it an advance: please confirm"


@pytest.mark.parametrize("said", ["بخصوص ADVANCE PAYMENT", "دفعة مقدمة", "DOWN PAYMENT"])
def test_an_advance_of_an_open_invoices_amount_is_suggested(said):
    r = match(CUSTOMERS, INVOICES, {"amount": 10000.00,
                                    "desc": f"حوالة واردة من مؤسسة أحمد فتحي للأدوية {said}",
                                    "cp": "AHMAD FATHI DRUGS EST"})
    assert allocations(r) == [("F2026000591", 10000.00, "amount+payer", "Suggested")]
    assert reason(r) == ("payer by name (100); amount equals the open amount of F2026000591; "
                         + CALLED)


def test_more_than_all_open_as_an_advance_from_a_known_account_is_suggested():
    r = match(CUSTOMERS, INVOICES, {"amount": 25000.00, "desc": "INWARD TRANSFER ADVANCE",
                                    "acc": IBAN})
    assert allocations(r) == [("F2026000800", 24763.73, "overpayment", "Suggested"),
                              (None, 236.27, "on-account", "Suggested")]
    assert reason(r).startswith("payer by account; pays more than everything open (24,763.73): "
                                "all invoices settled, the excess stays on account; " + CALLED)


def test_otherwise_the_amount_decides():
    plain = match(CUSTOMERS, INVOICES, {"amount": 10000.00, "desc": "INWARD TRANSFER PAYMENT",
                                        "cp": "AHMAD FATHI DRUGS EST"})
    assert allocations(plain) == [("F2026000591", 10000.00, "amount+payer", "Matched")]
    # (ADVANCE is the customer's own name here, not what the transfer says.)
    own = match(CUSTOMERS, INVOICES, {"amount": 10000.00,
                                      "desc": "INWARD TRANSFER FROM ADVANCE TECH TRADING",
                                      "cp": "ADVANCE TECH TRADING"})
    assert allocations(own) == [("F2026000700", 10000.00, "amount+payer", "Matched")]
    for said in ("INWARD TRANSFER", "INWARD TRANSFER ON ACCOUNT", "دفعة تحت الحساب"):
        over = match(CUSTOMERS, INVOICES, {"amount": 25000.00, "desc": said, "acc": IBAN})
        assert [st for *_, st in allocations(over)] == ["Matched", "Matched"], said
    on_account = match(CUSTOMERS, INVOICES, {"amount": 10000.00,
                                             "desc": "حوالة واردة دفعة تحت الحساب",
                                             "cp": "AHMAD FATHI DRUGS EST"})
    assert allocations(on_account) == [("F2026000591", 10000.00, "amount+payer", "Matched")]
    # (A family name, not an advance: عبد الله المقدم.)
    named = match([customer("C9", "مؤسسة عبد الله المقدم للتجارة")],
                  [invoice("F2026000990", "C9", 10000.00)],
                  {"amount": 10000.00, "desc": "حوالة واردة من مؤسسة عبد الله المقدم للتجارة"})
    assert allocations(named) == [("F2026000990", 10000.00, "amount+payer", "Matched")]


def test_the_reason_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    r = match(CUSTOMERS, INVOICES, {"amount": 10000.00, "desc": "ADVANCE PAYMENT",
                                    "cp": "AHMAD FATHI DRUGS EST"})
    assert arabic_reason(reason(r)).endswith(
        "لكن البيان يصفه بأنه دفعة مقدمة: يُرجى التأكيد")


def test_an_advance_no_amount_explains_is_suggested_on_account():
    """Before: 'names no invoice and pays less than the oldest open one (F2026000459, 10,706.50
    open): a payment on account, suggested against the oldest' (partial, Suggested)."""
    r = match(CUSTOMERS, INVOICES, {"amount": 7000.00, "desc": "ADVANCE PAYMENT",
                                    "cp": "AHMAD FATHI DRUGS EST"})
    assert allocations(r) == [(None, 7000.00, "on-account", "Suggested")]
    assert reason(r) == ("payer by name (100); names no invoice and calls it an advance: held on "
                         "account, please confirm")
    from ar_excel.io.reasons_ar import arabic_reason

    assert arabic_reason(reason(r)) == ("الدافع عُرف من الاسم (تطابق 100%)؛ لا يذكر فاتورة ويصفه "
                                        "بأنه دفعة مقدمة: يبقى تحت الحساب، يُرجى التأكيد")
    plain = match(CUSTOMERS, INVOICES, {"amount": 7000.00, "desc": "PAYMENT",
                                        "cp": "AHMAD FATHI DRUGS EST"})
    assert [(m, st) for _, _, m, st in allocations(plain)] == [("partial", "Suggested")]
