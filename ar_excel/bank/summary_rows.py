"""Summary rows under a statement's lines: counts, balances, net movement, totals.

The rule: a row without a date of its own that counts the lines ("No. of credits | 3"), states
a balance other than the opening or closing one ("Available balance") or sums the lines ("Net
movement", "صافي الحركة") is no transaction and never takes the date of the row above it; a
line whose narrative merely mentions such a word ("BALANCE TRANSFER", "سداد رصيد") is one.
Under the statement's last line, such a label in the date column ("عدد الحركات المدينة | 9",
"No. of Debits | 2 | Total Debits | 1,025.50") and the row of figures under a row of such
labels are summary rows too, not lines whose date could not be read.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import opens_with_a_balance_label
from ar_excel.parsing import is_blank

# the words of a summary row printed without a date under the lines (never a transaction
# that takes the date above): balances other than opening/closing, counts of lines
SUMMARY_LABEL = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|\b(number|no\.?|count)\s+"
                            r"of\b|\bcount\b|عدد|anzahl|nombre\s+d|available|blocked|on hold|"
                            r"\bnet\s+(movement|change|total|amount|flow)|turnover|صافي|"
                            r"الإجمالي|اجمالي|إجمالي|\btotals?\b")


_WORD = re.compile(r"[^\d.,'()+\-]")  # a word, not an amount or a count

# the first word of a short summary label under the lines ("صافي الحركة", "Net movement",
# "Total credits", "إجمالي الحركات الدائنة"); not "balance": a line's narrative may open so.
# (An account summary's table under the lines heads its columns with the opening and closing
# balances beside the totals: "الرصيد المنقول | إجمالي المدين | ... | الرصيد الختامي"; those
# labels are the balance rows' own, ``opens_with_a_balance_label``, one list for both.)
_SUMMARY_HEAD = re.compile(r"(?i)\s*(net\s+(movement|change|total|amount|flow)|totals?|sum|"
                           r"subtotal|turnover|صافي|إجمالي|"
                           r"اجمالي|الإجمالي|الاجمالي|مجموع|المجموع)"
                           r"(\s|:|$)")


# a summary row counting the lines ("No. of credits | 3", "عدد الحركات الدائنة | 2")
COUNT_LABEL = re.compile(r"(?i)(?:(?:number|no\.?|count)\s+of\b|count\b|عدد|anzahl|"
                          r"nombre\s+d)")


def is_a_short_summary_label(label: str) -> bool:
    """A short label of words only, opening with a summary word ("صافي الحركة", "Total
    credits"): no narrative of a payment, which names a payer or a reference."""
    words = [w for w in label.split() if _WORD.search(w)]
    return bool(_SUMMARY_HEAD.match(label) or opens_with_a_balance_label(label)) and len(
        words) <= 4 and not any(ch.isdigit() for w in words for ch in w)


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


def summary_label_in_the_date_cell(raw: Any) -> bool:
    """Whether a date cell holds a summary's label instead of a date ("عدد الحركات المدينة",
    "No. of Debits", "Total Credits", "عدد الحركات الدائنة: 2")."""
    if not isinstance(raw, str):
        return False
    text = " ".join(raw.split())
    head = text.split(":")[0].strip()
    return bool(COUNT_LABEL.match(text)) or is_a_short_summary_label(head)


def figures_under_summary_labels(row: list[Any], labels: list[Any]) -> str | None:
    """A row of figures only, each under a summary label of the row above it ("عدد الحركات
    المدينة | إجمالي المدين" over "2 | 1,025.50"): the labels with their figures
    ("عدد الحركات المدينة 2 | إجمالي المدين 1,025.50"), else None."""
    pairs = []
    for i, cell in enumerate(row):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if isinstance(cell, str) and _WORD.search(cell.replace(",", "").replace(".", "")) \
                and re.search(r"[^\W\d_]", cell):
            return None  # words: no row of figures
        label = labels[i] if i < len(labels) else None
        if not summary_label_in_the_date_cell(label):
            return None
        pairs.append(f"{' '.join(str(label).split())} {shown(cell)}")
    return " | ".join(pairs) or None


def shown(cell: Any) -> str:
    """A cell as the clerk sees it in a message: a count without decimals ("2", not "2.0"), an
    amount with its thousands ("1,025.50"), words as written."""
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        return " ".join(str(cell).split())
    return f"{cell:,.0f}" if float(cell).is_integer() else f"{cell:,.2f}"


def row_shown(row: list[Any]) -> str:
    """A row's filled cells as the clerk sees them (``shown``), a space apart."""
    return " ".join(shown(c) for c in row if not is_blank(c))


# a count a summary states: "No. of Debits 2", "عدد الحركات الدائنة: 4", "Number of credits 3"
_STATED_COUNT = re.compile(r"(?i)((?:(?:number|no\.?|count)\s+of|عدد)\s+[^\d:|]*?)\s*:?\s*"
                           r"(\d{1,6})(?![\d.,])")
# a total a summary states beside its counts: "Total Debits 12,025.50", "إجمالي الدائن: 54,885.25"
_STATED_TOTAL = re.compile(r"(?i)((?:total|إجمالي|اجمالي|الإجمالي|الاجمالي|مجموع)\s+[^\d:|]*?)"
                           r"\s*:?\s*(\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2})(?![\d])")
_DEBITS = re.compile(r"(?i)debit|withdrawal|مدين|سحب|خصم")
_CREDITS = re.compile(r"(?i)credit|deposit|دائن|إيداع|ايداع|إضاف")


def _side(label: str) -> str | None:
    """The lines a summary's label counts or sums: "debits" (money out), "credits" (money
    in), "lines" where it names neither side, None where it names both."""
    out_side, in_side = bool(_DEBITS.search(label)), bool(_CREDITS.search(label))
    if out_side == in_side:
        return None if out_side else "lines"
    return "debits" if out_side else "credits"


def counts_that_differ(summaries: list[tuple[int, str]], amount: np.ndarray, kept: np.ndarray
                       ) -> list[tuple[int, str, str]]:
    """The counts the summary rows under the lines state ("No. of Debits 2", "عدد الحركات
    الدائنة 4", "عدد الحركات 6") that are not those of the lines read (money out, money in,
    all), and the totals of a side beside them ("Total Debits 12,025.50") that are not its
    sum: a line missing from the file or misread. Each as (position, what it says, why)."""
    out = []
    read = amount[kept]
    counts = {"debits": int((read < 0).sum()), "credits": int((read > 0).sum()),
              "lines": len(read)}
    sums = {"debits": round(float(-read[read < 0].sum()), 2),
            "credits": round(float(read[read > 0].sum()), 2)}
    for pos, text in summaries:
        for m in _STATED_COUNT.finditer(text):
            label, stated = " ".join(m.group(1).split()), int(m.group(2))
            side = _side(label)
            if side is None or counts[side] == stated:
                continue
            out.append((pos, f"{label} {stated}",
                        f"'{label} {stated}' says {stated} {side}; {counts[side]} "
                        f"{'were' if counts[side] != 1 else 'was'} read; a line may be missing "
                        "from the file or misread"))
        for m in _STATED_TOTAL.finditer(text):
            label, figure = " ".join(m.group(1).split()), m.group(2)
            side = _side(label)
            if side not in sums:
                continue  # a net total, or no side named: nothing to compare
            total = sums[side]
            if abs(float(figure.replace(",", "")) - total) < 0.005:
                continue
            out.append((pos, f"{label} {figure}",
                        f"'{label} {figure}' says {side} {figure}; the lines read add up to "
                        f"{total:,.2f}; a line may be missing from the file or misread"))
    return out

