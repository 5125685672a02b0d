"""Banks a narrative names are not the payer.

A bank line's narrative often names a bank: the drawee of a deposited cheque (CHQ CLEARING
BANQUE MISR), the bank a transfer came through (INCOMING SARIE AL RAJHI, حوالة واردة من بنك
القاهرة عمان), in full or by its initials (QNB, ADCB, BISB). Read as a name, it would make
the customer Misr Foods or Al Rajhi Steel the payer. Such a bank's name is taken out of the
text before it is read for a name, except where it is a customer's name too (a customer that
is a bank, Al Rajhi Steel) or a business word follows it (AL RAJHI STEEL CO: a company's).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ar_excel.core.matching.names import GENERIC, SYNONYMS

_SYNONYM_WORDS = frozenset(SYNONYMS)

# Banks a narrative names (the drawee of a cheque, the bank a transfer came through) are not
# the payer: CHQ CLEARING BANQUE MISR must not read as the customer Misr Foods.
BANKS = re.compile(
    r"\b(?:BANQUE|BANK|BANCO)\s+(?:OF|DU|DE)\s+[A-Z]+(?:\s+(?:AL|AND)\s+[A-Z]+)?|\bBANQUE\s+[A-Z]+|"
    r"\bBANK\s+(?:MISR|AUDI|MUSCAT|ALBILAD|ALJAZIRA|DHOFAR|NIZWA|SOHAR|ALEXANDRIA)\b|"
    r"\b(?:EMIRATES NBD|ENBD|NBD|NBE|CIB|QNB(?: ALAHLI)?|ADCB|ADIB|FAB|HSBC|MASHREQ(?:BANK)?|"
    r"RAKBANK|SNB|SABB|AL ?RAJHI|RIYAD BANK|DOHA BANK|ARAB BANK|ALEXBANK|AAIB|KFH|NBK|CBD|"
    r"CITIBANK|STANDARD CHARTERED|ALINMA|AL ?AHLY|AL ?AHLI|EMIRATES ISLAMIC|DUBAI ISLAMIC|"
    r"FAISAL ISLAMIC|ABU DHABI COMMERCIAL|ABU DHABI ISLAMIC|FIRST ABU DHABI|"
    r"(?:QATAR|ARAB|SAUDI) NATIONAL BANK|"
    # (Qatar's, Oman's and Bahrain's as their statements print them: CHQ DEP 000187 CLG QIB
    # AL MANA ENGG, ACH CREDIT BDOF SOHAR INDUSTRIAL, CHQ DEP 100234 BISB)
    r"QIIB|QIB|CBQ|IBQ|QDB|DUKHAN BANK|MASRAF AL ?RAYAN|AHLI ?BANK|NBO|OAB|BDOF|ALIZZ|NBB|BBK|"
    r"BISB|KHCB|ITHMAAR|AUB|AL ?SALAM BANK|OMAN ARAB BANK|COMMERCIAL BANK(?: OF QATAR)?|"
    r"(?:QATAR|QATAR INTERNATIONAL|BAHRAIN|OMAN|KUWAIT) ISLAMIC BANK|SOHAR INTERNATIONAL BANK|"
    r"AHLI UNITED BANK|"
    # (Jordan's and Iraq's, as a transfer's narrative names the bank it came through: حوالة
    # واردة ACH من بنك القاهرة عمان, INCOMING TRANSFER VIA HOUSING BANK)
    r"HOUSING BANK|CAIRO AMMAN BANK|JORDAN KUWAIT BANK|JORDAN ISLAMIC BANK|"
    r"JORDAN COMMERCIAL BANK|BANK AL ?ETIHAD|CAPITAL BANK|SAFWA ISLAMIC BANK|INVESTBANK|"
    r"ARAB JORDAN INVESTMENT BANK|RAFIDAIN BANK|RASHEED BANK|TRADE BANK OF IRAQ|"
    r"KURDISTAN INTERNATIONAL BANK|CIHAN BANK)\b|"
    r"(?<!\w)(?:ال)?(?:بنك|مصرف)\s+\w+(?:\s+(?:المصري|الدولي|التجاري|الوطني|الاسلامي|العربي|"
    r"المتحد|عمان|الاردني|الكويتي|العراقي|للتجاره والتمويل))?")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z]+)")


def business_word_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` in ``text`` is a business word (STEEL, TRADING)."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and (m.group(1) in GENERIC or m.group(1) in _SYNONYM_WORDS)


# A word of each pattern of ``BANKS``: a narrative without one names no bank.
BANK_WORDS = frozenset({
    "BANK", "BANQUE", "BANCO", "NBD", "ENBD", "NBE", "CIB", "QNB", "ADCB", "ADIB", "FAB", "HSBC",
    "MASHREQ", "MASHREQBANK", "RAKBANK", "SNB", "SABB", "RAJHI", "ALRAJHI", "AAIB", "KFH", "NBK",
    "CBD", "CITIBANK", "CHARTERED", "ALINMA", "AHLY", "ALAHLY", "AHLI", "ALAHLI", "ALEXBANK",
    "ISLAMIC", "DHABI", "QIIB", "QIB", "CBQ", "IBQ", "QDB", "MASRAF", "AHLIBANK", "NBO", "OAB",
    "BDOF", "ALIZZ", "NBB", "BBK", "BISB", "KHCB", "ITHMAAR", "AUB",
    "بنك", "البنك", "مصرف", "المصرف"})


def without_banks(text: str, a_customers_name: Callable[[str], bool]) -> str:
    """A folded narrative without the banks it names, except a bank's name that is a
    customer's name too (``a_customers_name``) or is followed by a business word."""
    return BANKS.sub(lambda m: m.group(0) if a_customers_name(m.group(0))
                     or business_word_after(text, m.end()) else " ", text)
