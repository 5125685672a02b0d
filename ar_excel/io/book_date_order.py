"""Typed dates no column can place by itself, read in the order the book's others show.

A column of dates typed as text (an ERP's CSV pasted in) says its own order where one of its
dates has a part above 12 (``10/28/2026``: month first); a column whose every date reads
either way (``9/5/2026``, ``10/3/2026``: a short export, early days of the month) is read in
the Policy's order, day first by default. A NetSuite or QuickBooks export read so has every
date's day and month swapped, and its invoices fall due before they are dated. The exports
pasted into one book come from one system: where the Policy does not set the order and
every other typed date column of the book that shows one shows month first, the columns
that show none are read month first too, with one Input Issue each saying so. A report's
title dated month first says so as well where no column shows an order (Dynamics GP's
``User Date: 11/30/2026`` above an aged trial balance whose every date reads either way:
read day first, ``10/05/2026`` was 10 May, every invoice 90+ days late); a column's own
dates say more than a title a clerk may have typed. A book whose columns (else titles) show
both orders, or only day first (the default anyway), is left as read.
"""

from __future__ import annotations

import re

import numpy as np

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book, Table
from ar_excel.parsing import normalize_digits, parse_column
from ar_excel.parsing.dates import DAY_MONTH_YEAR
from ar_excel.schema import BANK, SCHEMAS

_SAMPLE = 5000  # typed dates looked at per column: an order shows in the first few


def _order(values: list[object]) -> tuple[str | None, int]:
    """"dmy" or "mdy" where the column's typed dates show one order only, "both" where they
    show both, None where none shows either; and how many typed dates read either way."""
    first = second = either = 0
    for v in values:
        if type(v) is not str:
            continue
        m = DAY_MONTH_YEAR.match(normalize_digits(v).strip())
        if m is None:
            continue
        a, b = int(m[1]), int(m[2])
        if a > 12:
            first += 1
        elif b > 12:
            second += 1
        elif a != b:
            either += 1
        if first + second + either >= _SAMPLE:
            break
    if first and second:
        return "both", either
    return ("dmy" if first else "mdy" if second else None), either


def _date_columns(book: Book) -> list[tuple[Table, str]]:
    """The typed date columns of the book's own lists: not a bank statement kept on a sheet,
    which the bank writes in its own order (and the statement's reading decides)."""
    return [(table, f.name) for kind, table in book.tables.items()
            if kind in SCHEMAS and kind != BANK.name
            for f in SCHEMAS[kind].fields if f.kind == "date" and f.name in table.raw]


# A date inside a title's text ("User Date: 11/30/2026", "As of 30/11/2026 10:15 AM").
_TITLE_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])")


def _title_orders(titles: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Each title's date that shows its order: (order, "sheet cell", the date as written)."""
    out = []
    for sheet, cell, text in titles:
        for m in _TITLE_DATE.finditer(normalize_digits(text)):
            a, b = int(m[1]), int(m[2])
            if (a > 12) != (b > 12) and max(a, b) <= 31:
                out.append(("dmy" if a > 12 else "mdy", f"{sheet} {cell}", m[0]))
    return out


def dates_in_the_books_order(book: Book, order_given: bool,
                             titles: list[tuple[str, str, str]] | None = None) -> None:
    """Read month first the typed date columns that show no order of their own, where every
    typed date column of the book that shows one shows month first; where none shows one,
    where every date of the lists' titles (``titles``: sheet, cell and text of each cell
    above a list's header) that shows one does (module docstring)."""
    if order_given or not book.policy.day_first:
        return
    columns = _date_columns(book)
    orders = [(table, name, *_order(table.raw[name].tolist())) for table, name in columns]
    titled = _title_orders(titles or [])
    # a title's date only where no column's dates show their order: a clerk may type the
    # title his own way ('حتى 30/11/2026') above a US system's export whose dates show
    # month first, and the export's other dates are then month first all the same
    shown = {order for _, _, order, _ in orders if order is not None} or {
        order for order, _, _ in titled}
    if shown != {"mdy"}:
        return
    where, example = next(((f"{table.sheet} {name}", _first_month_first(table, name))
                           for table, name, order, _ in orders if order == "mdy"), None) \
        or titled[0][1:]
    for table, name, order, either in orders:
        if order is not None or not either:
            continue
        values = np.array(table.raw[name].tolist(), dtype=object)
        series, _ = parse_column(values, "date", day_first=False,
                                 decimal_comma=book.policy.decimal_comma)
        series.index = table.frame.index
        changed = (series != table.frame[name]) & series.notna()
        table.frame[name] = series
        rows = table.frame.index[changed.to_numpy(bool)]
        if not len(rows):
            continue
        cells = [table.cell(i, name) for i in rows]
        book.issues.append(table.issue(
            rows[0], name,
            f"{len(cells)} date(s) that read either way read month first, as the book's "
            f"other dates are written ({where}: {example}): set date_order on the Policy "
            f"sheet if they are day first ({cells_named(cells)})"))


def _first_month_first(table: Table, name: str) -> str:
    for v in table.raw[name].tolist():
        if type(v) is str and (m := DAY_MONTH_YEAR.match(normalize_digits(v).strip())) and \
                int(m[2]) > 12:
            return v.strip()
    return ""
