"""The marks a bank writes at a figure to say which side of the account it is on: the one
list every reader of amounts and balances takes them from (numbers, signs, preamble,
balance_rows, dialect).

"1,234.50 Cr", "Dr 1,234.50", "1,234.50DB", "١٬٢٣٤٫٥٠ مدين": a debit (money out, or a
balance overdrawn) or a credit. The Arabic ledger's words are له (for him: credit) and عليه /
منه (on him, from him: debit), as Egyptian books write them; م / د abbreviate مدين / دائن as
Dr / Cr do. German statements mark amounts S (Soll) and H (Haben); those two letters are
marks at an amount only, never a balance column's (``AMOUNT_ONLY_LETTERS``).
"""

from __future__ import annotations

import re

DEBIT_WORDS: tuple[str, ...] = ("debit", "مدين", "عليه", "منه", "dr", "db")
CREDIT_WORDS: tuple[str, ...] = ("credit", "دائن", "cr", "له")
DEBIT_LETTERS: tuple[str, ...] = ("d", "م")
CREDIT_LETTERS: tuple[str, ...] = ("c", "د")
AMOUNT_ONLY_LETTERS: dict[str, int] = {"s": -1, "h": 1}  # Soll / Haben

# mark -> -1 (debit) or 1 (credit), lower case
SIDES: dict[str, int] = {**dict.fromkeys(DEBIT_WORDS + DEBIT_LETTERS, -1),
                         **dict.fromkeys(CREDIT_WORDS + CREDIT_LETTERS, 1)}


def alternation(marks: tuple[str, ...] | list[str]) -> str:
    """The marks as a regular expression's alternatives, the longest first (so "credit" is
    tried before "cr")."""
    return "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))


WORDS: tuple[str, ...] = DEBIT_WORDS + CREDIT_WORDS
# a mark word written after a figure, as a word of its own ("3,500.00 Dr", not "DRAFT")
WORD_AFTER = r"(?i:" + alternation(WORDS) + r")(?![^\W\d_])"
# the Latin words a bank glues to a figure ("1234.50CR", "250DB")
GLUED: tuple[str, ...] = tuple(w.upper() for w in WORDS if w.isascii() and len(w) == 2)
