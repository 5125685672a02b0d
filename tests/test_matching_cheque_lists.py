"""Cheque numbers are no invoice numbers, however many a deposit lists.

A deposit of several cheques prints them all (CHQ DEP 2 CHQS 123456 123457, CHQ NOS
001234/001235 & 001236, شيكات ارقام 1234 و 1235), and a cheque deposit its one number after the
bank's words (CHQ DEP NO 288553). A ledger numbering its invoices plainly (100437, 123457)
has some with a cheque's digits: such a number, when the payer's name agrees, still names its
invoice (a part payment of it: ``test_matching_real_narratives``), except when another open
invoice of the payer's is exactly the amount, which the cheque then pays.
"""

from __future__ import annotations

from ar_excel.core.matching.normalize import fold_text, other_numbers
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason


def test_every_number_of_a_cheque_list_is_a_cheque_number():
    def called(text: str) -> list[str]:
        return sorted(other_numbers(fold_text(text)))

    assert called("CHQ DEP 2 CHQS 123456 123457 DELTA STAR PAINTS") == ["123456", "123457", "2"]
    assert called("CHQ NOS 001234/001235 & 001236 INV 100437") == ["1234", "1235", "1236"]
    assert called("CHEQUES 123456, 123457 AND 123458 INV 555") == ["123456", "123457", "123458"]
    assert called("شيكات ارقام 1234 و 1235 سداد 100437") == ["1234", "1235"]
    assert called("CHQ DEP NO 288553 ADCB CLG") == ["288553"]
    assert called("CHEQUE CLEARING 004512 INV 100437") == ["4512"]
    # One cheque or order named: the number after it is not part of a list.
    assert called("PO 4557 100437") == ["4557"]
    assert called("CHQ 123456 INV 100437") == ["123456"]


CUSTOMERS = [customer("C1", "Delta Star Paints"), customer("C2", "Sinai Plastic Industries")]
INVOICES = [invoice("100440", "C1", 9875.25), invoice("123457", "C1", 4410.00),
            invoice("100452", "C2", 6120.80)]


def test_a_cheque_numbered_like_an_invoice_of_the_payer_pays_the_invoice_of_its_amount():
    """Before: 123457 (the second cheque's number) was read as the payer's invoice, Matched as
    overpaid with 5,465.25 on account; the amount is the payer's other invoice exactly."""
    r = match(CUSTOMERS, INVOICES, {"amount": 9875.25,
                                    "desc": "CHQ DEP 2 CHQS 123456 123457 DELTA STAR PAINTS"})
    assert allocations(r) == [("100440", 9875.25, "amount+payer", "Matched")]
    assert reason(r) == "payer by narrative name (98); amount equals the open amount of 100440"


def test_the_amount_still_confirms_a_cheque_numbered_like_the_invoice_it_pays():
    r = match(CUSTOMERS, INVOICES, {"amount": 4410.00, "desc": "CHQ DEPOSIT 123457 CIB CLG"})
    assert allocations(r) == [("123457", 4410.00, "reference", "Matched")]
