"""Lines two statement files both hold, reconciled together: read once.

The same export given twice (``--bank nov.csv --bank nov.csv``, or the file and its copy
downloaded again), or two exports that overlap (1-15 November, then 1-30 November) bring the
same bank lines in twice: every receipt in them would be applied twice, or suggested against a
second invoice. Files with stated balances are told apart by ``combine``'s statement check;
most CSV and Excel exports state none, so the lines themselves are compared.

A line of a later file is the line of an earlier one when everything the two say agrees: date,
value date, amount, currency, narrative, reference, counterparty, its account, the bank's id
and the running balance. Two lines alike inside one file are two transactions (two equal
transfers on one day); across files they are a repeat where the match says so beyond doubt:

* a line carrying the bank's own id or a running balance: the same id or balance is the same
  transaction;
* otherwise where the file's repeated lines are where two exports overlap: at least
  ``OVERLAP_LINES`` of them, and every line of the file up to the last of their dates (all of
  it, for a file given twice). A coincidence between two accounts' statements (the same
  month-end fees) is no overlap.

A repeated line is left out, once per line of the earlier file (multiset), and one issue per
file says how many, where, and which file holds them; a line alone alike without an id or
balance is kept and pointed out. A file some of whose lines were left out keeps no stated
balances: its lines no longer run from its opening to its closing balance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

import pandas as pd

from ar_excel.bank.row_issues import row_span
from ar_excel.bank.statement import Statement, line_values
from ar_excel.model import Issue

LINE_KEY = ["Date", "Value Date", "Amount", "Currency", "Description", "Reference",
            "Counterparty", "Counterparty Account", "Bank Ref", "Balance"]
OVERLAP_LINES = 2


def _places(lines: pd.DataFrame, positions: list[int]) -> str:
    """Where the lines are in their file: "rows 3-5" (the Excel or CSV row), else bank lines."""
    if "Line No" in lines and not lines["Line No"].iloc[positions].isna().any():
        rows = [int(r) for r in lines["Line No"].iloc[positions]]
        return ("row " if len(rows) == 1 else "rows ") + row_span(rows)
    ids = [str(b) for b in lines["Bank Line"].iloc[positions]]
    return "line " + ", ".join(ids[:10]) + (" ..." if len(ids) > 10 else "")


def drop_lines_read_before(parts: list[tuple[str, Statement]]) -> list[tuple[str, Statement]]:
    """``parts`` (a name and a statement per file, in the order given) with each file's lines
    that an earlier file holds left out, and said (see the module docstring)."""
    if len(parts) < 2:
        return parts
    seen: Counter[tuple[Any, ...]] = Counter()
    owner: dict[tuple[Any, ...], str] = {}
    out: list[tuple[str, Statement]] = []
    for name, statement in parts:
        lines = statement.lines
        keys = line_values(lines, LINE_KEY)
        source = statement.source or name
        if not seen:
            seen.update(keys)
            owner.update((k, source) for k in keys)
            out.append((name, statement))
            continue
        left = Counter(seen)
        repeats: list[int] = []
        for pos, key in enumerate(keys):
            if left[key] > 0:
                left[key] -= 1
                repeats.append(pos)
        columns = [c for c in LINE_KEY if c in lines.columns]
        sure = [p for p in repeats if _identified(keys[p], columns)]
        drop = repeats if _overlap(lines, repeats) else sure
        dropped = set(drop)
        doubtful = [p for p in repeats if p not in dropped]
        issues = list(statement.issues)
        if drop:
            others = sorted({owner[keys[p]] for p in drop})
            dates = pd.to_datetime(lines["Date"].iloc[drop], errors="coerce")
            span = (f" dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
                    if dates.notna().any() else "")
            whole = len(drop) == len(lines)
            issues.append(Issue(
                source, _places(lines, drop), "Statement", len(drop),
                (f"every line of this file ({len(drop)}{span}) is also in "
                 if whole else f"{len(drop)} of its {len(lines)} lines{span} are also in ")
                + ", ".join(others) + (", given twice" if others == [source] else "")
                + " (the same date, amount, narrative, reference and balance): read once, so "
                "their receipts are not applied twice"
                + ("" if whole or not statement.balances else
                   "; its stated balances are not tied out, the lines left no longer running "
                   "from its opening balance to its closing one")))
        if doubtful:
            issues.append(Issue(
                source, _places(lines, doubtful), "Statement", len(doubtful),
                ("a line" if len(doubtful) == 1 else f"{len(doubtful)} lines")
                + f" alike in {owner[keys[doubtful[0]]]} (the same date, amount and narrative, "
                "no bank id or balance to tell them apart): read in both; if one transaction "
                "was downloaded twice, leave it out of one file"))
        kept = [p for p in range(len(lines)) if p not in dropped]
        for p in kept:
            seen[keys[p]] += 1
            owner.setdefault(keys[p], source)
        if drop:
            statement = replace(statement, lines=lines.iloc[kept].reset_index(drop=True),
                                balances=[], issues=issues)
        elif doubtful:
            statement = replace(statement, issues=issues)
        out.append((name, statement))
    return out


def _overlap(lines: pd.DataFrame, repeats: list[int]) -> bool:
    """Whether a file's repeated lines are where two exports overlap: at least
    ``OVERLAP_LINES``, and every line of the file up to the last of their dates (the period
    both exports cover: all of it, for a file given twice). The same month-end fees of two
    accounts are no overlap: the file holds other lines before them."""
    if len(repeats) < OVERLAP_LINES:
        return False
    dates = pd.to_datetime(lines["Date"], errors="coerce")
    if dates.iloc[repeats].isna().any():
        return len(repeats) == len(lines)
    covered = (dates <= dates.iloc[repeats].max()).to_numpy().nonzero()[0]
    return set(covered.tolist()) <= set(repeats)


def _identified(key: tuple[Any, ...], columns: list[str]) -> bool:
    """Whether a line says which transaction it is: the bank's id or a running balance."""
    values = dict(zip(columns, key, strict=True))
    return any(values.get(c) is not None for c in ("Bank Ref", "Balance"))
