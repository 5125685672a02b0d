"""The count and sum of a statement's credit or debit entries as the file states them,
against the lines read.

An intraday report (MT942, camt.052) or a notification (camt.054) states no closing balance
to tie out; the number and total of its entries of each side that it states (MT940's
``:90C:``/``:90D:``, camt's ``TxsSummry``) are then what tells a line missing or misread. Each
importer says which of its lines a stated side counts (camt: booked or not, a batch's
transactions or its entry); this module says when they agree and words the issue where they
do not, the same for every format.
"""

from __future__ import annotations

from ar_excel.core.money import half_unit
from ar_excel.model import Issue


def same_total(stated: float, read: float, decimals: int) -> bool:
    """Whether two totals agree to the currency's smallest unit (half a unit either way)."""
    return abs(stated - read) < half_unit(decimals)


def totals_differ(source: str, statement: str, column: str, tag: str, side: str,
                  stated: tuple[int, float], read: tuple[int, float], decimals: int,
                  noun: str = "lines") -> Issue:
    """The issue of a statement whose stated count and total of ``side`` ("credits",
    "debits"; in the file's ``tag``) are not those of the ``noun`` read: lines may be
    missing from the file or misread."""
    number, total = stated
    count, amount = read
    d = decimals
    return Issue(source, f"statement {statement}", column, f"{number} / {total:,.{d}f}",
                 f"statement {statement}: the file counts {number} "
                 f"{side if number != 1 else side[:-1]} totalling {total:,.{d}f} ({tag}), the "
                 f"{noun} read {count} totalling {amount:,.{d}f}; {noun} may be missing from the "
                 "file or misread")
