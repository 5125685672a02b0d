"""The statement's own account, from an MT940 ``:25:`` account identification as banks write it.

Accounting rule: a statement belongs to one account, named by its IBAN where the bank gives
one; what banks write around it in ``:25:`` is not part of the account:

* a currency after the account, glued or apart (ING's ``NL20INGB0001234567EUR``, bunq's
  ``NL10BUNQ2290325473 EUR``, BNP Paribas Germany's ``12345678/0123456789EUR``, Raiffeisen's
  ``BIC/account/HUF``) is the account's currency: taken off, and kept as the statement's
  currency where the balances do not give one;
* the bank's BIC before an IBAN (BIL's ``BILLLULLXXX/LU280019400644750000``) names the bank,
  which the IBAN already does: the IBAN is the account;
* an IBAN written in groups (``NL92 KNAB 0123 4567 89``) is one account: the spaces go.

Only what is sure is taken off: an IBAN ending in letters that are part of it (Seychelles'
``SC18SSCB11010000000000001497USD`` passes its check digits whole) stays whole, and a German
``BLZ/Kontonummer`` or a ``BIC/account`` that is no IBAN keeps its bank part.
"""

from __future__ import annotations

import re

from ar_excel.bank.narrative import BIC_RE
from ar_excel.bank.preamble import CODES_ALONE
from ar_excel.core.customers.contacts import is_iban

# the currencies read as a glued suffix: the region's and the majors' (the list a preamble's
# lone code is read from), not any three capitals an account might end with
_SUFFIX_CURRENCIES = CODES_ALONE

_GLUED_CURRENCY = re.compile(r"(.*\d)([A-Z]{3})")


def _currency_off(text: str, currency: str | None) -> tuple[str, str | None]:
    """``text`` without a currency code written after it, and that code (None if none)."""
    parts = text.split()
    if len(parts) == 2 and re.fullmatch(r"[A-Z]{3}", parts[1]):  # bunq's "<IBAN> EUR"
        return parts[0], parts[1]
    head, slash, tail = text.rpartition("/")
    if slash and head and tail in _SUFFIX_CURRENCIES | {currency}:
        return head, tail
    m = _GLUED_CURRENCY.fullmatch(text)
    if m and m.group(2) in _SUFFIX_CURRENCIES | {currency} and not is_iban(text):
        return m.group(1), m.group(2)
    return text, None


def own_account(written: str | None, currency: str | None = None
                ) -> tuple[str | None, str | None]:
    """The account an MT940 ``:25:`` names (its IBAN where it has one) and the currency it
    writes after it (None where it writes none); ``currency`` is the statement's own (from its
    balances), a suffix equal to it being taken off whatever the code."""
    text = " ".join((written or "").split())
    if not text:
        return None, None
    account, suffix = _currency_off(text, currency)
    compact = account.replace(" ", "")
    if is_iban(compact):
        return compact, suffix
    bank, slash, rest = compact.partition("/")
    if slash and BIC_RE.fullmatch(bank) and is_iban(rest):
        return rest, suffix
    return (account if suffix else written.strip()), suffix
