"""Contact details (helper-184): one test of an IBAN for the customer checks and the bank
readers (its shape, its country's length, its check digits), and email addresses in letters
of any script, kept as typed."""

from __future__ import annotations

from ar_excel.bank.narrative import is_iban as bank_is_iban
from ar_excel.core.customers.contacts import (
    email_addresses,
    email_domains,
    email_problem,
    invalid_ibans,
    is_iban,
)

SA = "SA0380000000608010167519"  # 24: a Saudi IBAN, check digits right
EG = "EG380019000500000000263180002"  # 29: an Egyptian one


def _with_check_digits(body: str) -> str:
    """``body`` ("XX00...") with the check digits ISO 13616 gives it."""
    rearranged = body[4:] + body[:2] + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{body[:2]}{98 - number % 97:02d}{body[4:]}"


def test_one_iban_test_for_customers_and_bank_lines() -> None:
    assert is_iban(SA) and is_iban(EG) and bank_is_iban is is_iban
    # a Saudi IBAN a digit short whose check digits hold all the same: no IBAN (the bank
    # readers took it for one: shape and mod-97 only), and a wrong one in the master
    short = _with_check_digits("SA00" + SA[4:-1])
    assert len(short) == 23
    assert not is_iban(short)
    assert invalid_ibans(short) == [short]
    # 14 characters: no country's IBAN is so short (the bank readers' shape allowed it)
    assert not is_iban(_with_check_digits("GB00ABCD123456"))
    # a code of an unknown country's letters, 12 characters: no IBAN, and a local account
    # number as typed, not a wrong IBAN (the customer checks flagged it)
    assert invalid_ibans("ZZ12ABCD3456") == []
    # a Gulf IBAN cut short is still one typed wrong
    assert invalid_ibans("SA03 8000 0000 6080 1016") == ["SA038000000060801016"]
    assert invalid_ibans(f"{SA}; {EG}") == []


def test_email_in_arabic_letters_is_valid_and_kept_as_typed() -> None:
    """An Egyptian company's address on an Arabic domain ('info@شركة.مصر') was invalid
    (ASCII only), and read as 'info@شركه.مصر' (folded as a name: ة to ه), another domain;
    an accented address lost its accent."""
    assert email_problem("info@شركة.مصر") is None
    assert email_addresses("info@شركة.مصر") == ("info@شركة.مصر",)
    assert email_domains("حسابات@مؤسسة-النيل.مصر") == {"مؤسسة-النيل.مصر"}
    assert email_addresses("José@Café.fr") == ("josé@café.fr",)
    assert email_addresses("ap@nile.com، info@شركة.مصر") == ("ap@nile.com", "info@شركة.مصر")
    # direction marks pasted with Arabic text are no letters of it
    assert email_addresses("\u200finfo@شركة.مصر\u200f") == ("info@شركة.مصر",)
    # still no address: no domain's dot, a digit top-level domain, an underscore in the domain
    assert email_problem("info@شركة") == "info@شركة"
    assert email_problem("ap@nile.123") == "ap@nile.123"
    assert email_problem("ap@nile_co.com") == "ap@nile_co.com"
    assert email_problem("AP@NILE.COM") is None
    # Arabic letters under a Latin top-level domain: the company's name typed for its domain
    assert email_problem("ali@شركة.com") == "ali@شركة.com"
