"""An invoice list named for a past year ("Invoices 2025", "فواتير 2025") beside the current
one: last year's register kept for the record, or more invoices still owed?

A year's invoice register is closed at the year's end: what is still owed is carried into
the current list, or settled by the receipts the book keeps. So a sibling sheet named for a
year before the current list's (the year of its latest invoice) that says nothing of what
was paid (no Paid or Balance column) and that no receipt of the book touches (none names one
of its invoices, none is dated in its year) is last year's archive. Ageing it would show
every invoice of that year open and a year overdue: dunned, held against credit limits. It
is not read as open items, and an Input Issue at its header gives its count and total and
what to do if some are still owed.

Its invoices are read with the current ones, as more invoices, where the book's receipts pay
one of them or are dated in its year (the book covers that year), or where the sheet says
itself what is paid. Where the book keeps no record of payment at all (no receipts, no Paid
or Balance column on the current list either) every invoice is open as the book stands: the
past year's are read too, and an Input Issue says they were aged as open.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ar_excel.io.grid import Grid
from ar_excel.model import Issue, Table, column_letter
from ar_excel.parsing import normalize_digits

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SAYS_PAID = ("Paid Amount", "Balance")


def named_year(name: str) -> int | None:
    """The one year a sheet's name holds ("Invoices 2025"), or None."""
    years = set(_YEAR.findall(normalize_digits(name)))
    return int(years.pop()) if len(years) == 1 else None  # ("2025-2026": a fiscal year)


def current_year_first(main: Grid, others: list[Grid]) -> tuple[Grid, list[Grid]]:
    """Of invoice lists each named for a year ("فواتير 2025", "فواتير 2026"), the latest
    year's is the current list, the others read beside it (the first found may be an old
    year's)."""
    year = named_year(main.name)
    if year is None:
        return main, others
    later = [(y, k) for k, g in enumerate(others) if (y := named_year(g.name)) and y > year]
    if not later:
        return main, others
    k = max(later)[1]
    return others[k], [main, *others[:k], *others[k + 1:]]


def _numbers(frame: pd.DataFrame) -> set[str]:
    return {str(v).strip().upper() for v in frame["Invoice No"].dropna()}


def _latest_year(frame: pd.DataFrame) -> int | None:
    latest = pd.to_datetime(frame["Invoice Date"], errors="coerce").max()
    return None if pd.isna(latest) else int(latest.year)


def past_year_archives(main: Table, others: list[tuple[Grid, Table | None, list[Issue]]],
                       payments: Table | None) -> tuple[list[Any], list[Issue]]:
    """The sibling sheets to read with the invoice list ``main`` (``others`` without the
    past years' archives), and the Input Issues saying what was done with each past year's
    sheet (module docstring)."""
    current = _latest_year(main.frame)
    if current is None:
        return others, []
    pay = payments.frame if payments is not None else None
    if pay is not None:
        pay = pay[pay["Amount"].notna()]
    book_says_paid = (pay is not None and len(pay) > 0) or any(
        c in main.headers for c in _SAYS_PAID)
    paid_numbers = set() if pay is None else {
        str(v).strip().upper() for v in pay["Invoice No"].dropna()}
    paid_years = set() if pay is None else set(
        pd.to_datetime(pay["Date"], errors="coerce").dropna().dt.year)
    kept, issues = [], []
    for grid, table, their_issues in others:
        year = named_year(grid.name)
        if (table is None or year is None or year >= current
                or any(c in table.headers for c in _SAYS_PAID)):
            kept.append((grid, table, their_issues))
            continue
        latest = _latest_year(table.frame)
        if latest is not None and latest > year:  # (dated past its name: not that year's)
            kept.append((grid, table, their_issues))
            continue
        if year in paid_years or _numbers(table.frame) & paid_numbers:
            kept.append((grid, table, their_issues))  # the receipts cover that year
            continue
        count = int(table.frame["Invoice No"].notna().sum())
        total = float(table.frame["Amount"].sum())
        where = f"{column_letter(grid.left)}{table.header_row}"
        if not book_says_paid:
            kept.append((grid, table, their_issues))
            issues.append(Issue(
                table.sheet, where, "", None,
                f"sheet '{table.sheet}' is the invoice list of {year}, and nothing in the book "
                f"says what is paid (no receipts, no Paid or Balance column): its {count} "
                f"invoice(s), {total:,.2f} in all, are aged as still open; add a Balance "
                f"column, or move the paid ones out, if they are not"))
            continue
        issues.extend(their_issues)  # (its unreadable values are still told)
        issues.append(Issue(
            table.sheet, where, "", None,
            f"sheet '{table.sheet}' is the invoice list of {year} (the current one, "
            f"'{main.sheet}', runs to {current}), with no Paid or Balance column, and no "
            f"receipt of the book pays one of its invoices or is dated in {year}: kept as last "
            f"year's archive, not aged as open ({count} invoice(s), {total:,.2f} in all); if "
            f"some are still owed, carry them to '{main.sheet}' or add a Balance column"))
    return kept, issues
