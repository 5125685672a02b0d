"""A transfer between the company's own accounts, in the words an Egyptian or Gulf bank (or
the company's own treasury) writes it, is no customer paying: 'تحويل من حساب الشركة' (from
the company's account) was read as anyone's money, left 'payer not identified' or suggested
against an invoice of its amount. 'الشركة' with a name after it is another company's
account, a customer paying, and stays one."""

from __future__ import annotations

import pytest

from tests.test_matching_bank_narratives import CUSTOMERS, INVOICES, line
from tests.test_matching_real_narratives import allocations, match, reason

OWN = "not a customer receipt (own transfer)"


@pytest.mark.parametrize("narrative", [
    "تحويل من حساب الشركة",  # (before: suggested against INV-2026-00461 by amount)
    "تحويل من حساب الشركة الجاري",
    "تحويل من حساب الشركة إلى حساب الشركة لدى بنك مصر",
    "تحويل من حساب الشركة 100200300",
    "حوالة من حسابات شركتنا",
    "تحويل بين حسابات الشركة",
    "تحويل داخلي بين الحسابات",
    "OWN ACCOUNT TRANSFER",
    "TRANSFER BETWEEN OWN ACCOUNTS",
    "INTERNAL TRANSFER",
])
def test_the_companys_own_accounts(narrative):
    r = match(CUSTOMERS, INVOICES, line(9800.00, narrative))
    assert allocations(r) == []
    assert reason(r) == OWN


@pytest.mark.parametrize(("narrative", "expected", "why"), [
    # Al Nour is nobody's name here: anyone's money, an invoice of its amount suggested
    ("تحويل من حساب شركة النور", [("INV-2026-00461", 9800.00, "amount-only", "Suggested")],
     "payer not identified; INV-2026-00461 is the only open invoice of this amount, please "
     "confirm"),
    ("تحويل من حساب الشركة المصرية للتجارة",
     [("INV-2026-00461", 9800.00, "amount-only", "Suggested")],
     "payer not identified; INV-2026-00461 is the only open invoice of this amount, please "
     "confirm"),
    # a customer's company named: its payment on account
    ("تحويل من حساب شركة الفجر للمقاولات", [("INV-2026-00455", 9800.00, "partial", "Suggested")],
     "payer by narrative name (98); names no invoice and pays less than the oldest open one "
     "(INV-2026-00455, 43,700.00 open): a payment on account, suggested against the oldest, "
     "please confirm"),
])
def test_another_companys_account_is_a_customer_paying(narrative, expected, why):
    r = match(CUSTOMERS, INVOICES, line(9800.00, narrative))
    assert allocations(r) == expected
    assert reason(r) == why
