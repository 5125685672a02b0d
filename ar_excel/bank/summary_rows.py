"""Summary rows under a statement's lines: counts, balances, net movement, totals.

The rule: a row without a date of its own that counts the lines ("No. of credits | 3"), states
a balance other than the opening or closing one ("Available balance") or sums the lines ("Net
movement", "صافي الحركة") is no transaction and never takes the date of the row above it; a
line whose narrative merely mentions such a word ("BALANCE TRANSFER", "سداد رصيد") is one.
"""

from __future__ import annotations

import re

import numpy as np

# the words of a summary row printed without a date under the lines (never a transaction
# that takes the date above): balances other than opening/closing, counts of lines
SUMMARY_LABEL = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|\b(number|no\.?|count)\s+"
                            r"of\b|\bcount\b|عدد|anzahl|nombre\s+d|available|blocked|on hold|"
                            r"\bnet\s+(movement|change|total|amount|flow)|turnover|صافي|"
                            r"الإجمالي|اجمالي|إجمالي|\btotals?\b")


_WORD = re.compile(r"[^\d.,'()+\-]")  # a word, not an amount or a count

# the first word of a short summary label under the lines ("صافي الحركة", "Net movement",
# "Total credits", "إجمالي الحركات الدائنة"); not "balance": a line's narrative may open so
_SUMMARY_HEAD = re.compile(r"(?i)\s*(net\s+(movement|change|total|amount|flow)|totals?|sum|"
                           r"subtotal|turnover|(closing|available)\s+balance|صافي|إجمالي|"
                           r"اجمالي|الإجمالي|الاجمالي|مجموع|المجموع)(\s|:|$)")


# a summary row counting the lines ("No. of credits | 3", "عدد الحركات الدائنة | 2")
COUNT_LABEL = re.compile(r"(?i)(?:(?:number|no\.?|count)\s+of\b|count\b|عدد|anzahl|"
                          r"nombre\s+d)")


def is_a_short_summary_label(label: str) -> bool:
    """A short label of words only, opening with a summary word ("صافي الحركة", "Total
    credits"): no narrative of a payment, which names a payer or a reference."""
    words = [w for w in label.split() if _WORD.search(w)]
    return bool(_SUMMARY_HEAD.match(label)) and len(words) <= 4 and not any(
        ch.isdigit() for w in words for ch in w)


def rows_under_the_foot(main: np.ndarray, dated: np.ndarray, no_money: np.ndarray,
                        stops: list[int]) -> np.ndarray:
    """The rows under the statement's foot: below a totals or closing balance row
    (``stops``) that comes after the last line dated on its own row."""
    foot = np.zeros(len(main), dtype=bool)
    lines = np.flatnonzero(main & dated & ~no_money)
    after = [p for p in stops if not len(lines) or p > lines[-1]]
    if after:
        foot[min(after) + 1:] = True
    return foot
