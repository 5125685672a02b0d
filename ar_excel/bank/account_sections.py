"""One table of several accounts: an export (a CSV, a sheet) of a customer's accounts prints
each under its own account lines ("Account Number | 0101555002", "Currency | USD") and the
header again, one after the other.

The rule: each such section is a statement of its own, with its own opening and closing
balances, tied out on its own, and its lines numbered from 1 (``combine``): read as one, the
second account's closing balance closed the first's and the file did not tie out by the
difference between them. A header printed again under the same account lines (a page of one
statement), or with none, is no new account.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from ar_excel.bank.balance_rows import CLOSING_RE, DATES_IN_TEXT, OPENING_RE
from ar_excel.bank.cells import cell_at, currency_code, row_key
from ar_excel.bank.column_words import Layout
from ar_excel.bank.combine import combine_statements
from ar_excel.bank.preamble import account_named, labelled_currency
from ar_excel.bank.statement import Statement
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.parsing import is_blank, normalize_digits

# a word every opening or closing balance label has
_BALANCE_WORDS = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|forward|b/f|c/f|"
                            r"übertrag|nouveau")

# a figure with decimals, as an amount or a balance is written (a line's, a totals row's)
_AMOUNT = re.compile(r"\d[.,]\d{2,3}(?!\d)")
_FIGURE = re.compile(r"[-(]?\s*\d[\d,.\s]*\)?")


def account_sections(rows: list[list[Any]], layout: Layout, heads: list[int]
                     ) -> list[tuple[int, str]] | None:
    """Where each account's section of ``rows`` starts (the first at 0) and the account or
    currency it names, where the table holds more than one account (``heads``: the rows
    repeating the header, ``header_rows``); else None."""
    if layout.headerless or layout.header_row < 0:
        return None
    header = row_key(rows[layout.header_row])
    if len(header) < 2:
        return None
    if not heads:
        return None
    accounts, currencies = _named(rows[:layout.header_row])
    sections = [(0, next(iter(sorted(accounts | currencies)), ""))]
    above = layout.header_row
    for head in heads:
        start = head
        while start - 1 > above and _account_line(rows[start - 1]):
            start -= 1
        while start < head and not any(not is_blank(c) for c in rows[start]):
            start += 1  # the blank rows between two sections: the one above's end
        above = head
        its_accounts, its_currencies = _named(rows[start:head])
        if (its_accounts and accounts and its_accounts != accounts) or (
                its_currencies and currencies and its_currencies != currencies):
            sections.append((start, next(iter(sorted(its_accounts | its_currencies)))))
        accounts = its_accounts or accounts
        currencies = its_currencies or currencies
    return sections if len(sections) > 1 else None


def header_rows(rows: list[list[Any]], header_row: int) -> list[int]:
    """The rows under ``header_row`` repeating it cell for cell (blank cells aside)."""
    header = row_key(rows[header_row])
    if not header:
        return []
    # (only a row holding the header's first name as the header writes it, or trimmed, is
    # looked at whole: a statement has tens of thousands of rows and a header or two)
    written = next(c for c in rows[header_row] if not is_blank(c))
    first = header[0]
    return [i for i in range(header_row + 1, len(rows))
            if (first in rows[i] or written in rows[i]) and row_key(rows[i]) == header]


def _named(rows: list[list[Any]]) -> tuple[set[str], set[str]]:
    """The accounts and the currencies the account lines ``rows`` name."""
    accounts, currencies = set(), set()
    for row in rows:
        account = account_named(row)
        if account:
            accounts.add(account)
        code = labelled_currency(row, " ".join(str(c) for c in row if not is_blank(c)))
        if code:
            currencies.add(code)
    return accounts, currencies


def _account_line(row: list[Any]) -> bool:
    """Whether a row above a header may be one of the account's lines (blank, a label and its
    value: the account, its name, currency, period), not a line, a totals or balance row of
    the section above: a figure with decimals, two figures, or a date and a figure."""
    if account_named(row):
        return True
    dates = figures = 0
    for cell in row:
        if is_blank(cell) or isinstance(cell, bool):
            continue
        if isinstance(cell, (dt.date, pd.Timestamp)):
            dates += 1
            continue
        if isinstance(cell, (int, float)):
            if not float(cell).is_integer():
                return False
            figures += 1
            continue
        text = normalize_digits(str(cell)).strip()
        if DATES_IN_TEXT.fullmatch(text):
            dates += 1
        elif _AMOUNT.search(DATES_IN_TEXT.sub(" ", text)):
            return False
        elif _FIGURE.fullmatch(text):
            figures += 1
    return figures < 2 and not (dates and figures)


def statements_of_the_accounts(parts: list[tuple[str, list[int]]], source: str, fmt: str,
                               read: Callable[[list[int]], Statement],
                               rows_named: Callable[[list[int]], str],
                               part_named: str = "the section of account {}") -> Statement:
    """Each part (a name, and the rows ``read`` reads as a statement) a statement of its own,
    named by its account or currency (``combine``); a part none of whose lines can be used
    is said at its rows (``rows_named``) as ``part_named`` names it, the others read."""
    read_parts: list[tuple[str, Statement]] = []
    failed: list[Issue] = []
    for k, (named, rows) in enumerate(parts, 1):
        name = named if named and named not in {n for n, _ in read_parts} else f"account {k}"
        try:
            read_parts.append((name, read(rows)))
        except InputError as exc:
            failed.append(Issue(source, rows_named(rows), "", name,
                                f"{part_named.format(name)}: {exc}"))
    if not read_parts:
        raise InputError(failed[0].message)
    stmt = combine_statements(read_parts) if len(read_parts) > 1 else read_parts[0][1]
    stmt.issues += failed
    stmt.source_format, stmt.source = fmt, source
    return stmt


def account_parts(sections: list[tuple[int, str]], end_of_rows: int
                  ) -> list[tuple[str, list[int]]]:
    """``account_sections``' sections as the rows of each."""
    ends = [start for start, _ in sections[1:]] + [end_of_rows]
    return [(name, list(range(start, end)))
            for (start, name), end in zip(sections, ends, strict=True)]


def currency_parts(rows: list[list[Any]], layout: Layout) -> list[tuple[str, list[int]]] | None:
    """A multi-currency table (a Currency column) that states an opening or closing balance
    for each of two currencies or more ("Opening Balance | AED | 50,000.00", "Opening Balance
    | USD | 10,000.00"): the rows of each currency, the header and the lines above it in each,
    a row without a currency with the currency of the row above (the rest of a narrative);
    else None. Read as one, the first currency's opening and the last's closing balance were
    the statement's, and it did not tie out by the difference between the currencies."""
    at = layout.columns.get("Currency")
    if at is None or layout.headerless or layout.header_row < 0:
        return None
    top = layout.header_row + 1
    distinct = {row[at] for row in rows[top:] if at < len(row)}
    code_of = {cell: currency_code(cell) for cell in distinct
               if isinstance(cell, (str, int, float))}
    if len({c for c in code_of.values() if c}) < 2:
        return None  # one currency: one statement (most files stop here)
    cells = [cell_at(row, at) for row in rows[top:]]
    codes: list[str | None] = [code_of.get(c) if isinstance(c, (str, int, float)) else None
                               for c in cells]
    with_balances: set[str] = set()
    for row, code in zip(rows[top:], codes, strict=True):
        if code and code not in with_balances and any(
                isinstance(c, str) and len(c) <= 60 and _BALANCE_WORDS.search(c) and (
                    OPENING_RE.search(c) or CLOSING_RE.search(c)) for c in row):
            with_balances.add(code)
    if len(with_balances) < 2:
        return None
    rows_of: dict[str, list[int]] = {}
    current = next((c for c in codes if c), None)
    for pos, code in enumerate(codes, top):
        current = code or current
        rows_of.setdefault(current or "", list(range(top))).append(pos)
    return list(rows_of.items())
