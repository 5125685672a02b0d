"""Book-to-bank for a deposit of several recorded receipts: one bank credit, several Payments rows.

Cheques and cash are banked in batches: the cashier takes the day's cheques (or the day's cash)
to the bank on one deposit slip, and the statement shows one credit of their total (``CHEQUE
DEPOSIT SLIP 4471``, ``CLEARING 3 CHQS``, ``ايداع شيكات``), while Payments holds one row per
cheque. Paired one to one (``recorded``), no receipt has the line's amount: the line was left to
the cascade, which could apply it to an invoice of that amount a second time, and the receipts
were listed as not banked.

The rule, after the one-to-one pairing, over the credits and receipts it left:

* a *deposit* is all the receipts recorded on one date that are still unpaired, or all of them
  of one method that day (the cheques, the cash) where Payments says the method: at least two;
* a credit whose amount is exactly a deposit's total (to the minor unit), booked within the
  receipts' clearing window (``recorded.CLEARING_DAYS`` after, ``ADVICE_DAYS`` before), is that
  deposit, when it is the only deposit that credit can be and the only credit that deposit can
  be;
* it is *Matched* when the narrative says a deposit (cheques, cash, a slip, clearing) and
  nothing on it says otherwise (another invoice named, another payer known); otherwise only
  *Suggested*.

A part of a day's receipts (two of five cheques deposited) is not searched for: among several
receipts some subset sums to almost any amount, and a coincidence would be taken for evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

DEPOSIT_WORDS = re.compile(
    r"\bDEP(?:OSIT|OSITED|\.)?\b|\bCHQS?\b|\bCHEQUES?\b|\bCHECKS?\b|\bCLEARING\b|\bCLG\b|"
    r"\bSLIP\b|\bCASH\b|\bLODGE?MENT\b|\bBAREINZAHLUNG|\bVERSEMENT\b|\bREMISE\b|"
    r"ايداع|إيداع|شيك|شيكات|نقدي|نقدا|مقاصه|مقاصة|حافظه|حافظة")


@dataclass(frozen=True, slots=True)
class Deposit:
    """A credit paired with the receipts of one deposit."""

    line: int  # the credit's position
    receipts: tuple[int, ...]  # the receipts' ``index``, in Payments order
    day: int  # the receipts' date (days since 1970)
    method: str | None  # the method all of them have, where the deposit is one method's
    matched: bool  # Matched (else Suggested)


def deposits_of(receipts: list[tuple[int, int, str | None]]) -> dict[tuple[int, str | None],
                                                                      tuple[int, ...]]:
    """The deposits the unpaired receipts (index, day, method) can make: all of a day's, and
    all of a day's of one method where the day holds receipts of several methods."""
    by_day: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    for index, day, method in receipts:
        by_day[day].append((index, method))
    out: dict[tuple[int, str | None], tuple[int, ...]] = {}
    for day, rows in by_day.items():
        if len(rows) >= 2:
            out[(day, None)] = tuple(sorted(i for i, _ in rows))
        methods = {m for _, m in rows}
        if len(methods) > 1:
            for m in sorted(x for x in methods if x):
                of_method = tuple(sorted(i for i, mm in rows if mm == m))
                if len(of_method) >= 2:
                    out[(day, m)] = of_method
    return out


def pair_deposits(lines: list[tuple[int, int, int, int]],
                  receipts: list[tuple[int, int, str | None]],
                  amount_units: Callable[[int, int], int], window: tuple[int, int],
                  says_deposit: Callable[[int], bool],
                  says_otherwise: Callable[[int, tuple[int, ...]], bool]) -> list[Deposit]:
    """Credits paired with deposits of several recorded receipts (see the module docstring).

    ``lines``: (position, amount in units, day, grain) of the credits left unpaired;
    ``receipts``: (index, day, method) of the receipts left unpaired;
    ``amount_units(index, grain)``: a receipt's amount in units at that grain;
    ``window``: (days before, days after) a receipt's date its credit may be booked;
    ``says_deposit(position)``: whether the line's narrative says a deposit;
    ``says_otherwise(position, receipts)``: whether the line says it is someone else's money
    (then never Matched)."""
    deposits = deposits_of(receipts)
    if not deposits:
        return []
    before, after = window
    # Each deposit by its total (at each grain the lines have): a credit looks up its amount
    # once, not every deposit of its window.
    by_total: dict[tuple[int, int], list[tuple[int, str | None]]] = defaultdict(list)
    for grain in {g for *_, g in lines}:
        for key, members in deposits.items():
            by_total[(sum(amount_units(i, grain) for i in members), grain)].append(key)
    fits_line: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    fits_deposit: dict[tuple[int, str | None], list[int]] = defaultdict(list)
    for pos, amount, day, grain in lines:
        for key in by_total.get((amount, grain), ()):
            if -before <= day - key[0] <= after:
                fits_line[pos].append(key)
                fits_deposit[key].append(pos)
    out: list[Deposit] = []
    taken: set[int] = set()
    for pos in sorted(fits_line):
        keys = fits_line[pos]
        if len(keys) != 1 or len(fits_deposit[keys[0]]) != 1:
            continue  # two deposits fit the credit, or two credits the deposit: a person's
        key = keys[0]
        members = deposits[key]
        if taken & set(members):
            continue
        taken |= set(members)
        matched = says_deposit(pos) and not says_otherwise(pos, members)
        out.append(Deposit(pos, members, key[0], key[1], matched))
    return out
