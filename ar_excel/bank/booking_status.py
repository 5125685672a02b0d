"""Lines the bank has not booked, by the statement's status column.

The rule: a pending line ("vorgemerkt", "معلق") comes on a later statement, and a payment the
bank never carried out (declined, reverted, "مرفوض") moved no money: both are left out, each
named with its row. A line is pending by its status, or by standing in the section of pending
transactions a portal prints under the booked ones ("Pending Transactions / حركات تحت
التنفيذ", "عمليات معلقة", "Unposted items").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import opens_with_a_closing_label
from ar_excel.bank.cells import (
    per_value,
)
from ar_excel.parsing import is_blank

_PENDING = {"pending", "pend", "pdng", "vorgemerkt", "umsatz vorgemerkt", "en attente", "معلق",
            "قيد التنفيذ",
            # a wallet's payment still on its way (Payoneer's "In Progress", Wise's
            # "Processing"): not available yet, it is on the statement it completes on
            "in progress", "in process", "processing", "قيد المعالجة"}


# a payment the bank never carried out (Revolut's and Wise's states): no money moved
_NOT_BOOKED = {"reverted", "declined", "failed", "cancelled", "canceled", "rejected", "refused",
               "void", "voided", "abgelehnt", "annule", "annulé", "rejete", "rejeté", "مرفوض",
               "مرفوضة", "ملغي", "ملغى", "ملغاة", "فاشلة"}


def unbooked_by_status(statuses: list[Any], main: np.ndarray,
                       issue: Callable[[int, int, str, Any, str], None]) -> np.ndarray:
    """Rows whose status says the bank has not booked them: pending (they come on a later
    statement) or never carried out (declined, reverted: no money moved); each is named."""
    words = per_value(statuses, lambda v: str(v or "").strip().lower())
    pending = np.array([w in _PENDING for w in words], dtype=bool) & main
    never = np.array([w in _NOT_BOOKED for w in words], dtype=bool) & main
    for pos in np.flatnonzero(pending).tolist():
        issue(pos, 6, "_status", statuses[pos],
              "pending (not yet booked) line left out; it will come on a later statement")
    for pos in np.flatnonzero(never).tolist():
        issue(pos, 6, "_status", statuses[pos],
              f"the bank did not carry this payment out (status '{statuses[pos]}'): no money "
              "moved, so the line was left out")
    return pending | never


# the Arabic nouns for a statement's lines, many of them (transactions, operations, entries):
# a pending section's title names them, one line's narrative does not
_LINES_AR = "حركات|الحركات|عمليات|العمليات|معاملات|المعاملات|قيود|القيود"

# the title of a section of transactions the bank has not booked yet; among them the
# cheques deposited and not yet cleared (an Egyptian or Saudi statement's "شيكات تحت
# التحصيل" table under its lines): booked when they clear, on a later statement
_PENDING_TITLE = re.compile(
    r"(?i)\b(pending|unposted|un-posted|uncleared|unbooked|on[\s-]+hold|held|blocked|"
    r"authori[sz]ed|memo)\s+(transactions?|items?|entries|amounts?|funds|payments?|"
    r"cheques?|checks?)\b|"
    r"\b(transactions?|items?|entries|cheques?|checks?)\s+(pending|not\s+yet\s+(posted|"
    r"booked|cleared)|awaiting\s+(posting|clearing)|(under|in|for)\s+(collection|clearing))\b|"
    rf"({_LINES_AR}|مبالغ|المبالغ|شيكات|الشيكات)\s*"
    r"(ال)?(معلق[ةه]|تحت\s*(ال)?تنفيذ|قيد\s*(ال)?تنفيذ|محجوز[ةه]|غير\s*(ال)?مقيد[ةه]|لم\s*تقيد|"
    r"قيد\s*(ال)?معالج[ةه]|تحت\s*(ال)?تحصيل)")


# what only a section's title names, never one line's narrative: its lines, many of them
# ("Pending Transactions", "Uncleared items", "حركات معلقة"); a narrative's second row may
# say its own cheque is under collection, not that transactions are pending
_SECTION_NOUN = re.compile(rf"(?i)\b(transactions|items|entries)\b|({_LINES_AR})")


def _opens_with_closing(row: list[Any]) -> bool:
    """Whether a row's first cell with anything in it is a closing balance's label."""
    first = next((c for c in row if not is_blank(c)), None)
    return isinstance(first, str) and opens_with_a_closing_label(" ".join(first.split()))


def pending_section(data: list[list[Any]], main: np.ndarray, dated: np.ndarray,
                    no_money: np.ndarray, date_cells: list[Any],
                    issue: Callable[[int, int, str, Any, str], None],
                    moves: Callable[[int], bool]) -> np.ndarray:
    """The rows of the section of pending transactions a portal prints under the statement's
    booked lines: its title (a row of a few words, no date, no figure: "Pending
    Transactions", "حركات تحت التنفيذ") and every row below it. Its lines come on a later
    statement: each is named. Only under booked lines: a title above every line would take
    the statement's own lines with it. ``moves``: whether the row at a position moves the
    running balance by its own amount from the row above, as a booked line does."""
    out = np.zeros(len(main), dtype=bool)
    lines = main & dated & ~no_money
    if not lines.any():
        return out
    first_line = int(np.argmax(lines))
    for pos in np.flatnonzero(main & ~dated & no_money).tolist():
        # a title opens the row, in its first column, as a section's does (not the rest of a
        # narrative in its own column: "BLOCKED AMOUNT RELEASE")
        if pos < first_line or is_blank(data[pos][0]):
            continue
        cells = [c for c in data[pos] if not is_blank(c)]
        if not all(isinstance(c, str) for c in cells):
            continue
        title = " ".join(" ".join(cells).split())
        if len(title.split()) > 8 or not _PENDING_TITLE.match(title.lstrip("-–*#:. ")):
            continue
        # nor the second row of a line's narrative where the narrative is the first column
        # ("TRF FROM NILE FOODS" over "HELD FUNDS RELEASE"): between two lines, the one below
        # carrying the running balance on from the one above, as booked lines do (looked at
        # last: it reads the balances)
        if lines[pos - 1] and pos + 1 < len(lines) and lines[pos + 1] and (
                moves(pos + 1) or (is_blank(date_cells[pos])
                                   and not _SECTION_NOUN.search(title) and not any(
                    moves(k) for k in np.flatnonzero(lines[:pos])[::-1].tolist()))):
            # (and where no line above moves a running balance - the statement prints none -
            # nothing tells but where the words stand: outside the date column, as the rest of
            # the narrative above stands; a section's title is set apart from the booked lines
            # by a blank, totals or balance row, or opens the row in the date column)
            continue
        # (The statement's closing balance printed under the section is no pending line: the
        # section ends above it, and the balance is read as the statement's. Such a row is
        # undated and opens with its label; a pending line's narrative may say the words.)
        end = next((k for k in range(pos + 1, len(main))
                    if main[k] and not dated[k] and _opens_with_closing(data[k])), len(main))
        out[pos:end] = main[pos:end]
        named = (np.flatnonzero(lines[pos:end]) + pos).tolist()
        for line in named:
            issue(line, 6, "Date", date_cells[line],
                  f"pending (not yet booked) line under '{title}' left out; it will come on a "
                  "later statement")
        if not named and main[pos + 1:end].any():  # its own columns, no date where ours is
            issue(pos, 6, "Date", date_cells[pos],
                  f"the section '{title}' under the booked lines holds transactions not "
                  "booked yet: left out; they will come on a later statement")
        break
    return out
