"""A payee or payer field holding the kind of the line, not a party's name.

Where a bank has no name for the other party it writes what the line is in the party's field:
OFX ``NAME`` "INWARD REMITTANCE", "POS PURCHASE", "CHECK 1043"; a QIF payee "TRANSFER"; a
portal's Beneficiary/Remitter column "CASH DEPOSIT", "ايداع نقدي", "رسوم". Read as the
counterparty, the matcher takes it for the payer's name. The rule: a field whose every word
(folded as the matcher folds them, digits aside) is the narrative's boilerplate
(``payers.BOILERPLATE``) or a kind of card or account line (``KIND_WORDS``) names no one.
"""

from __future__ import annotations

import re

from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.payers import BOILERPLATE

# Kinds of card and account lines banks write where a payee's name goes (POS PURCHASE, ATM
# WITHDRAWAL, SERVICE CHARGE, سحب نقدي, عمولة), folded as fold_text folds them
KIND_WORDS = frozenset({
    "POS", "PURCHASE", "ATM", "WITHDRAWAL", "CASH", "DEBIT", "FEE", "FEES", "CHARGE", "CHARGES",
    "SERVICE", "INTEREST", "DIRECT", "STANDING", "INSTRUCTION", "CARD", "REVERSAL", "REFUND",
    "COMMISSION", "VAT", "WIRE", "OUTGOING", "ELECTRONIC", "ECOM", "INTERNET", "BRANCH",
    "COUNTER", "ADJUSTMENT", "MISC", "MISCELLANEOUS", "OTHER", "DEP", "DEPOSITS", "CREDITS",
    "DEBITS", "TRANSFERS", "TFR", "XFER", "REMITTED",
    "نقدي", "نقدا", "سحب", "رسوم", "عموله", "صادره", "صادر", "داخلي", "خارجي", "فوائد", "مصاريف",
    "ضريبه", "بطاقه", "شراء", "استرداد"})
_WORD = re.compile(r"[^\W\d_]+")


def names_no_one(name: str | None) -> bool:
    """Whether a party's field holds only the kind of the line (see the module's rule)."""
    words = _WORD.findall(fold_text(name or ""))
    return bool(words) and all(w in BOILERPLATE or w in KIND_WORDS for w in words)
