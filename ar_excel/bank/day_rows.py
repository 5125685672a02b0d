"""Statements that print each day's date once, and transactions whose amount is on their
last row, or over two dated rows.

The rule: a row with an amount and narrative but a blank date cell, below a dated row, is a
transaction of that date (HSBC, Barclays and many Egyptian and Gulf statements print the
date on the day's first line only); it takes the date of the nearest dated row above it
(a brought-forward balance row too) and the clerk is told once which rows did. A row with
neither date nor text (an unlabelled totals row) is not given one.

Some of these statements print a transaction over several rows with its amount on the last
(``03 Nov | CR ACME LTD`` / ``| INV-1001 | 1,250.00``): a dated row with narrative but no
amount, followed by rows without a date and the row with the amount, is one transaction
(the dated row's date, the amount row's amount, the narrative of all of them in order). Where
a file has such transactions, its narrative rows without an amount lead the amount row below
them (within the day) instead of continuing the line above, unless the file's narrative
rows more often end a day with no amount row below them (its amounts are on a transaction's
first row: the narrative continues the line above).

A PDF statement printing two dates stacked in one column (the booking date over the value
date, "Post Date / Value Date") and the narrative over two rows becomes, converted to Excel,
two dated rows per transaction, the amount on one of them. Where the table's dated rows
alternate strictly, one with an amount and one without, each pair a few days apart at most,
each pair is one transaction: its date the first row's (the booking date), its narrative
both rows' in order. A file where they do not alternate throughout is no such layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class DayRows:
    """How rows without a date of their own are read (positions are rows of the table)."""

    dated_from: dict[int, int] = field(default_factory=dict)  # row -> dated row above it
    heads: dict[int, int] = field(default_factory=dict)  # dated row without amount -> its amount row
    amount_last: bool = False  # narrative rows lead the amount row below them
    memos: int = 0  # dated rows without an amount that open no transaction
    # a transaction's second dated row without an amount (its value date) -> its amount row
    # above it (``transactions_over_two_dated_rows``)
    tails: dict[int, int] = field(default_factory=dict)

    def lead_target(self, pos: int, money_rows: np.ndarray, anchor: np.ndarray) -> int | None:
        """The amount row below a narrative row ``pos`` that it leads, where the file prints
        amounts on a transaction's last row: the next row with an amount, within the day."""
        if not self.amount_last:
            return None
        after = np.flatnonzero(money_rows[pos + 1:])
        if not len(after):
            return None
        target = pos + 1 + int(after[0])
        return target if anchor[target] == anchor[pos] else None


def rows_of_the_day(main: np.ndarray, dated: np.ndarray, date_blank: np.ndarray,
                    no_money: np.ndarray, has_text: np.ndarray, empty: np.ndarray
                    ) -> tuple[DayRows, np.ndarray]:
    """Which rows take the date of a row above (``DayRows.dated_from``), and which dated rows
    without an amount open a transaction whose amount is below (``DayRows.heads``).

    ``main``: rows still candidates for lines (not screened out as totals, balances...);
    ``dated``: rows with a readable date (balance rows included); returns also ``anchor``, the
    nearest dated row at or above each row (-1 where none)."""
    n = len(main)
    anchor = np.maximum.accumulate(np.where(dated & ~empty, np.arange(n), -1)) if n else (
        np.zeros(0, dtype=np.int64))
    found = DayRows()
    takers = np.flatnonzero(main & ~dated & date_blank & ~no_money & has_text & (anchor >= 0))
    for pos in takers.tolist():
        found.dated_from[pos] = int(anchor[pos])
    for pos in takers.tolist():
        head = int(anchor[pos])
        if head in found.heads or not (main[head] and no_money[head] and has_text[head]):
            continue
        between = slice(head + 1, pos)
        if no_money[between].all():  # the first amount after the dated row: its amount row
            found.heads[head] = pos
    # narrative rows lead the amount below them where most dated rows without an amount
    # open such a transaction (a memo line here and there is no such layout)
    found.memos = int((main & dated & no_money & has_text).sum()) - len(found.heads)
    found.amount_last = len(found.heads) > found.memos
    return found, anchor


def narratives_after_their_amount(day: DayRows, narratives: list[int], money_rows: np.ndarray,
                                  anchor: np.ndarray) -> None:
    """Where the file would read narrative rows as leading the amount row below them, the
    narrative rows with no amount row below them in their day (the wrapped narrative of a
    day's last line, before the next date) say the opposite: a file printing amounts on a
    transaction's first row and continuing its narrative below. Each counts against the
    dated rows opening a transaction (one wrapped or memo row atop a day does not turn a
    whole file's narratives around)."""
    if not day.amount_last:
        return
    orphans = sum(day.lead_target(pos, money_rows, anchor) is None for pos in narratives)
    day.amount_last = len(day.heads) > day.memos + orphans


# the value date printed under a transaction's booking date: a few days either way (a cheque
# clears in two or three, a transfer may be back-valued)
VALUE_DATE_DAYS = 10


def transactions_over_two_dated_rows(main: np.ndarray, dated: np.ndarray, no_money: np.ndarray,
                                     text_only: np.ndarray, booked: np.ndarray
                                     ) -> tuple[dict[int, int], dict[int, int]]:
    """Where each transaction is printed over two dated rows (see the module's docstring):
    (tails, heads) - the second rows without an amount -> the amount row above them, where the
    amount is on a transaction's first row; the first rows without an amount -> the amount
    row below them, where it is on its last. ``text_only``: rows with nothing but dates and
    narrative. Both empty where the dated rows do not alternate throughout (two transactions
    at least), a row without an amount has anything but its date and narrative (a balance; a
    figure a PDF conversion moved out of the money columns), or undated rows with an amount
    sit among them."""
    rows = np.flatnonzero(main & dated)
    if len(rows) < 4 or len(rows) % 2:
        return {}, {}
    money = ~no_money[rows]
    if money[0::2].all() and not money[1::2].any():
        amount_first = True
    elif money[1::2].all() and not money[0::2].any():
        amount_first = False
    else:
        return {}, {}
    if not text_only[rows[~money]].all():
        return {}, {}  # a balance, or an amount out of its column: no half of a line
    if (main & ~dated & ~no_money)[rows[0]:rows[-1] + 1].any():
        return {}, {}  # undated lines among them: another layout
    pairs = rows.reshape(-1, 2)
    apart = np.abs((booked[pairs[:, 1]] - booked[pairs[:, 0]]) / np.timedelta64(1, "D"))
    if not (apart <= VALUE_DATE_DAYS).all():
        return {}, {}
    if amount_first:
        return {int(b): int(a) for a, b in pairs}, {}
    return {}, {int(a): int(b) for a, b in pairs}
