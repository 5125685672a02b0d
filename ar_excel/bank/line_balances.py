"""Statement balances read from, and checked against, the lines' running balance.

The rule: where the lines print their balance before and after (ABN AMRO), the chain's ends are
the opening and closing balances; a balance stated above the table as the account's balance now
is the balance after the newest line, and the one before the oldest line opens the statement; a
balance brought or carried forward between pages must be the running balance at its place.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ar_excel.bank.page_breaks import page_balances_that_disagree
from ar_excel.bank.statement import (
    StatementBalance,
)
from ar_excel.core.matching.statement_order import newest_first


def balances_of_the_chain(before: np.ndarray, lines: Any, balances: StatementBalance) -> None:
    """ABN AMRO's TXT export prints each line's balance before and after it: the line whose
    balance before no other line ends on opens the statement, the one whose balance after no
    other line starts from closes it (where each is one line), so the file is tied out."""
    after = lines["Balance"].to_numpy(dtype="float64")
    if len(before) != len(after) or np.isnan(before).any() or np.isnan(after).any():
        return
    ends, starts = set(np.round(after, 2).tolist()), set(np.round(before, 2).tolist())
    first = [i for i, b in enumerate(np.round(before, 2).tolist()) if b not in ends]
    last = [i for i, a in enumerate(np.round(after, 2).tolist()) if a not in starts]
    if len(first) == 1 and len(last) == 1:
        balances.opening = float(before[first[0]])
        balances.closing = float(after[last[0]])
        balances.opening_date = lines["Date"].iloc[first[0]]
        balances.closing_date = lines["Date"].iloc[last[0]]


def ends_of_the_lines(lines: Any, balances: StatementBalance) -> str | None:
    """The statement's balance stated above the table as the account's balance now (ING
    Germany) is the balance after its newest line; where the lines print a running balance,
    the one before the oldest line opens the statement. Where the newest line's running
    balance is another figure, the balance above is of a later day (a period ending before
    the export) or the last lines are missing: it is not taken as the closing balance, and
    the message returned says so."""
    dates = lines["Date"]
    newest = _newest(lines)
    oldest = len(lines) - 1 - newest
    balances.closing_date = dates.max()
    balance = lines["Balance"].iloc[oldest]
    if balances.opening is None and balance == balance and balance is not None:
        balances.opening = round(float(balance) - float(lines["Amount"].iloc[oldest]), 3)
        balances.opening_date = dates.iloc[oldest]
    last = lines["Balance"].iloc[newest]
    if last is None or last != last or round(float(last) - balances.closing, 3) == 0:
        return None
    stated = balances.closing
    balances.closing = balances.closing_date = None
    return (f"the balance above the table ({stated:,.2f}) is not the running balance after "
            f"the newest line ({float(last):,.2f}, row {int(lines['Line No'].iloc[newest])}): "
            "it is of a later day (a period ending before the file was made) or the "
            "statement's last lines are missing; not taken as the closing balance")


def closing_not_at_the_end(lines: Any, closing: float) -> str | None:
    """What to say where a closing balance the statement states below or beside its lines
    (with no opening balance to tie it out) is the running balance after neither its first
    nor its last line: a line is missing from the end of the file, or the closing balance is
    of another day. None where it is (either end: a file of one day's lines does not say which
    end is the newest), or the lines print no balance."""
    balance = lines["Balance"]
    if not len(lines) or lines["Currency"].nunique() > 1:
        return None  # (a multi-currency account: a running balance per currency)
    ends = [balance.iloc[0], balance.iloc[-1]]
    if any(b is None or b != b for b in ends) or any(
            round(float(b) - closing, 3) == 0 for b in ends):
        return None
    newest = _newest(lines)
    running, row = float(balance.iloc[newest]), int(lines["Line No"].iloc[newest])
    d = _places(running, closing)
    return (f"the closing balance {closing:,.{d}f} is not the running balance after the newest "
            f"line ({running:,.{d}f}, row {row}; difference {closing - running:,.{d}f}): lines "
            "may be missing from the file, or the closing balance is of another day")


def _newest(lines: Any) -> int:
    """The newest line's place: the first where the file runs newest first
    (``core.matching.statement_order``), else the last."""
    return 0 if newest_first(lines) else len(lines) - 1


def _places(*figures: float) -> int:
    """The decimals to say figures with: 3 where one has a third (fils), else 2."""
    return 3 if any(round(v, 2) != round(v, 3) for v in figures) else 2


def report_page_balances(screened: Any, kept: np.ndarray, amount: np.ndarray,
                         balance: np.ndarray | None, opening: float | None, issue: Any,
                         numbers: list[int]) -> None:
    """Each balance brought or carried forward between pages that is not the running balance
    at its place, reported at its cell (a line lost or misread at the page break)."""
    if not screened.page_balances:
        return
    starts = [p for p, _ in screened.sections]  # another account's lines: not this balance's
    breaks = [b for b in screened.page_balances
              if not any(s < b[0] for s in starts)]
    labels = {p: label for p, _, _, label in breaks}
    for pos, stated, running, anchor, last in page_balances_that_disagree(
            breaks, kept, amount, balance, opening):
        if anchor is None:
            whose = "the opening balance"
        elif anchor in labels:
            whose = f"the balance of row {numbers[anchor]} ('{labels[anchor]}')"
        else:
            whose = f"the balance of row {numbers[anchor]}"
        whose += (f" plus the lines down to row {numbers[last]}" if last is not None else
                  ", the line above it" if anchor is not None and anchor not in labels
                  else " above it" if anchor is not None else "")
        d = _places(stated, running)
        issue(pos, 0, "Balance", stated,
              f"'{labels[pos]}' between pages is {stated:,.{d}f}, but the running balance "
              f"there is {running:,.{d}f} ({whose}; difference {stated - running:,.{d}f}): a "
              "line may be missing at the page break, or misread")
