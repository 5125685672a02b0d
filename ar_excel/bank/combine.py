"""Several statement files reconciled together: a month-end over every bank account.

A company banks with several accounts (an EGP current account at one bank, another at a
second, a USD account) and the month's receipts arrive in all of them. Their statements are
read one by one and reconciled as one statement, so an invoice is never applied twice across
accounts and one Reconciliation covers them all:

* each line keeps its file: its ``Statement`` becomes the file's name (its stem; with the
  file's own statement id after it where the file holds several), so the running balances
  and the stated balances of two files are never taken for one statement, and a file that
  names no account is an account of its own;
* a line known only by its position (``Bank Line`` 1, 2, 3: no bank id) is named after its
  file too (``cib_nov-12``), since every such file numbers its lines from 1; a line the bank
  gave an id keeps it (an id two files share gets a suffix, as within one file);
* the issues of every file are kept, each naming its own file; lines a file repeats from an
  earlier one (the same export given twice, exports that overlap) are read once
  (``repeated_lines``); a statement two files both hold (the same account, balances and
  lines) that is still read twice is pointed out, its receipts being counted twice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from ar_excel.bank.repeated_lines import drop_lines_read_before
from ar_excel.bank.statement import Statement, statement_keys, unique_bank_ids
from ar_excel.model import Issue
from ar_excel.parsing import is_blank


def named_files(text: str) -> list[str]:
    """The statement files a setting names: one, or several separated by ``;`` or lines
    (the Policy's ``bank_statement`` for a month-end over every account)."""
    return [n.strip() for n in re.split(r"[;\n]", text or "") if n.strip()]


def file_names(paths: list[Path]) -> list[str]:
    """A short name per file: its stem, made unique with its folder's where two share one."""
    stems = [Path(p).stem for p in paths]
    return [f"{Path(p).parent.name}-{s}" if stems.count(s) > 1 else s
            for p, s in zip(paths, stems, strict=True)]


def combine_statements(parts: list[tuple[str, Statement]]) -> Statement:
    """The statements of several files, named by ``parts``' names, as one statement."""
    if len(parts) == 1:
        return parts[0][1]
    parts = drop_lines_read_before(parts)
    frames, balances, issues = [], [], []
    seen: dict[tuple[Any, ...], str] = {}  # statement -> the file read first holding it
    for name, statement in parts:
        for bal, key in statement_keys(statement.lines, statement.balances, with_lines=True):
            if key in seen:  # the same day's file downloaded twice: pointed out
                issues.append(Issue(
                    statement.source or name, f"statement {bal.statement}", "Statement",
                    bal.lines or None, f"statement {bal.statement} of {statement.source or name}"
                    f" is also in {seen[key]} (the same account, balances and lines): both "
                    "were read, so its receipts are counted twice; leave one file out"))
            else:
                seen[key] = statement.source or name
        lines = statement.lines.copy()
        ids = {str(s) for s in lines["Statement"] if not is_blank(s)} | {
            str(b.statement) for b in statement.balances if not is_blank(b.statement)}

        def renamed(sid: object, name: str = name, several: bool = len(ids) > 1) -> str:
            return f"{name} {sid}" if several and not is_blank(sid) else name

        lines["Statement"] = [renamed(s) for s in lines["Statement"]]
        positions = [is_blank(r) for r in lines["Bank Ref"]]
        lines.loc[positions, "Bank Line"] = [f"{name}-{b}" for b in
                                             lines.loc[positions, "Bank Line"]]
        frames.append(lines)
        balances += [replace(b, statement=renamed(b.statement), account=b.account or name)
                     for b in statement.balances]
        issues += statement.issues
    lines = pd.concat(frames, ignore_index=True)
    lines["Bank Line"] = unique_bank_ids(lines["Bank Line"].tolist())
    return Statement(lines, balances, issues, source_format="several",
                     source=", ".join(s.source or name for name, s in parts))
