"""Read an AR workbook into a ``Book``, as the contract's "Reading" section says.

The file adapter reads cell values with python-calamine (fast, no styles); the live-Excel
adapter (``ar_excel.excel``) hands the same ``Grid`` of values to ``book_from_grids``, so both
parse identically. Every data row is either parsed or reported: a value that cannot be used
becomes an ``Issue`` with its cell address and is left empty in the frame, the row is kept.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ar_excel.errors import InputError
from ar_excel.io.bulk import bulk
from ar_excel.model import ROW, Book, Issue, Table, column_letter
from ar_excel.names import is_arabic, match_key, table_key
from ar_excel.parsing import (
    MAY_BE_SCALED,
    MAY_COUNT_FROM_MONTH_END,
    ValueTypes,
    blank_mask,
    is_blank,
    means_unlimited,
    month_end_terms,
    parse_column,
    scaled,
)
from ar_excel.policy import Policy, policy_from_pairs
from ar_excel.schema import POLICY, SCHEMAS, TERMS_EOM, UNLIMITED, SheetSchema

if TYPE_CHECKING:
    from ar_excel.core.customers.ids import NameIndex

HEADER_SEARCH_ROWS = 30  # a header further down than this is not a header
MAX_READ_THREADS = 4  # sheets parsed side by side at most (each holds its sheet's cells)


@dataclass
class Grid:
    """A rectangle of cell values. ``top``/``left`` are the 0-based sheet coordinates of
    ``rows[0][0]``; ``has_header`` is False for an Excel table whose header is in ``header``."""

    name: str  # sheet (or table) name as in the workbook
    rows: list[list[Any]]
    top: int = 0
    left: int = 0
    header: list[Any] | None = None  # Excel tables: the header row, sitting at top - 1
    sheet: str | None = None  # for a table: the sheet it lives on
    hidden: bool = False


# ------------------------------------------------------------------ finding sheets

def _names_for(schema: SheetSchema) -> set[str]:
    return {match_key(n) for n in (schema.name, *schema.aliases)}


def find_kind(name: str, is_table: bool = False) -> str | None:
    """Which contract sheet a sheet/table name stands for, if any."""
    key = table_key(name) if is_table else match_key(name)
    for kind, schema in {**SCHEMAS, "Policy": POLICY}.items():
        if key in _names_for(schema):
            return kind
    return None


# ------------------------------------------------------------------ headers

def _alias_index(schema: SheetSchema) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in schema.fields:  # canonical names first, so they win over another field's alias
        index.setdefault(match_key(f.name), f.name)
    for f in schema.fields:
        for alias in f.aliases:
            index.setdefault(match_key(alias), f.name)
    return index


# A header's unit or currency in brackets or after it ("Amount (EGP)", "Credit limit EGP",
# "المبلغ (ج.م)", "Terms [days]") is no part of its name.
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_UNIT_SUFFIX = re.compile(
    r"(?:\s+|\s*-\s*|\s*/\s*)(?:in\s+)?(?:EGP|USD|SAR|AED|KWD|QAR|BHD|OMR|EUR|GBP|LE|L\.E\.|"
    r"ج\.?\s?م\.?|جنيه|بالجنيه|ريال|بالريال|درهم|بالدرهم|\$|€|£)\s*$", re.IGNORECASE)


def _header_key(text: str, index: dict[str, str]) -> str | None:
    """The alias key a header matches: as written, else without its unit or currency."""
    key = match_key(text.lstrip("*"))  # Xero marks its import's required columns "*Name"
    if key in index:
        return key
    if "(" in text or "[" in text:
        key = match_key(_BRACKETED.sub(" ", text))
        if key in index:
            return key
    bare = _UNIT_SUFFIX.sub("", text)
    if bare != text and bare.strip() and match_key(bare) in index:
        return match_key(bare)
    return None


def header_field(text: str, index: dict[str, str]) -> str | None:
    """The schema field a header names: as written, else without its unit or currency."""
    key = _header_key(text, index)
    return None if key is None else index[key]


def _fields_named(row: Iterable[Any], index: dict[str, str]) -> set[str]:
    return {f for f in (header_field(v, index) for v in row if isinstance(v, str)) if f}


def _non_empty(row: Iterable[Any]) -> int:
    return sum(1 for v in row if not is_blank(v))


def find_header_row(rows: list[list[Any]], schema: SheetSchema) -> int | None:
    """The first row that names at least two of the schema's columns; failing that, the
    contract's rule: the first row with at least two non-empty cells."""
    index = _alias_index(schema)
    first_two = None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _non_empty(row) < 2:
            continue
        if first_two is None:
            first_two = i
        known = _fields_named(row, index)
        if len(known) >= 2:
            return i
    return first_two


def _alias_rank(schema: SheetSchema) -> dict[str, int]:
    """How strongly an alias names its field: 0 for the field's own name, then the order of
    its aliases (``Customer Code`` names the Customer ID more surely than ``Customer``)."""
    rank: dict[str, int] = {}
    for f in schema.fields:
        rank.setdefault(match_key(f.name), 0)
    for f in schema.fields:
        for i, alias in enumerate(f.aliases, 1):
            rank.setdefault(match_key(alias), i)
    return rank


# An invoice list with a tax column keeps its amount before tax under "Amount" and the
# invoice total (the contract's Amount) under one of these.
GROSS_AMOUNT = frozenset(match_key(h) for h in (
    "Total", "Invoice Total", "Gross Amount", "Amount Incl Tax", "Total Amount",
    "Total Incl VAT", "Amount Incl VAT", "Total Including VAT", "الإجمالي",
    "الإجمالي شامل الضريبة", "إجمالي الفاتورة", "القيمة الإجمالية"))
_TAX_HEADER = re.compile(r"^(?:vat|tax|gst|ال?ضريبه|قيمهالضريبه|مبلغالضريبه|ضريبهالقيمهالمضافه)")


def _technical_name(texts: list[Any], schema: SheetSchema) -> int | None:
    """In an export under the ERP's field names (ERPNext's ``name, customer, posting_date``,
    Odoo's ``name, partner_id, invoice_date``), the column ``name`` is the document's own
    number: for an invoice list, its Invoice No. None where the headers are no such export
    (``name`` alone, or headers in words)."""
    if schema.name != "Invoices" or "name" not in texts:
        return None
    snake = sum(1 for t in texts if isinstance(t, str) and "_" in t and " " not in t.strip())
    return texts.index("name") if snake >= 2 else None


def map_headers(header: list[Any], schema: SheetSchema, left: int) -> tuple[list[str], dict[str, str]]:
    """Column names for a header row: canonical where recognised, else the header as written
    (``Column X`` for a blank header). Returns the names and {canonical: header as written}.
    Where two headers name one field, the surer name wins (the field's own name, then its
    aliases in order), then the leftmost; with a tax column, the invoice total is the
    Amount rather than an amount before tax."""
    index, rank = _alias_index(schema), _alias_rank(schema)
    texts = ["" if is_blank(h) else str(h).strip() for h in header]
    keys = [_header_key(t, index) if t else None for t in texts]
    claims: dict[str, tuple[int, int]] = {}
    for j, key in enumerate(keys):
        if key is not None:
            claim = (rank.get(key, 99), j)
            claims[index[key]] = min(claims.get(index[key], claim), claim)
    gross = [j for j, k in enumerate(keys) if k in GROSS_AMOUNT and index[k] == "Amount"]
    if gross and "Amount" in claims and keys[claims["Amount"][1]] not in GROSS_AMOUNT and any(
            _TAX_HEADER.match(match_key(t)) for t in texts if t):
        claims["Amount"] = (0, gross[0])
    document = _technical_name(texts, schema)
    if document is not None and "Invoice No" not in claims:
        claims["Invoice No"] = (0, document)
        claims = {f: c for f, c in claims.items() if f == "Invoice No" or c[1] != document}
    owner = {j: field for field, (_, j) in claims.items()}
    names: list[str] = []
    written: dict[str, str] = {}
    for j, text in enumerate(texts):
        if j in owner:
            written[owner[j]] = text
            names.append(owner[j])
            continue
        name = text or f"Column {column_letter(left + j)}"
        while name in names or name in index.values():
            name += " (2)"
        names.append(name)
    return names, written


# ------------------------------------------------------------------ one table

def _pad(rows: list[list[Any]], width: int) -> list[list[Any]]:
    if set(map(len, rows)) <= {width}:
        return rows
    return [r + [None] * (width - len(r)) if len(r) < width else r[:width] for r in rows]


def _columns(rows: list[list[Any]], width: int) -> list[np.ndarray]:
    """The rows (all ``width`` long) turned into columns (object arrays of the same values).
    Through one numpy object array: ``zip(*rows)`` over a few hundred thousand rows is many
    times slower."""
    grid = np.empty((width, len(rows)), dtype=object)  # column by column in memory
    if rows:
        grid.T[:] = rows
    return list(grid)


def _records(columns: list[np.ndarray], types: list[ValueTypes],
             blanks: dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Which rows have at least one non-blank cell. The first columns decide almost every
    row, so each further column is looked at only for the rows still undecided. The blank
    cells of each column looked at whole are kept in ``blanks`` (by position)."""
    n = len(columns[0]) if columns else 0
    keep = np.zeros(n, dtype=bool)
    undecided = np.arange(n)
    for j, (values, value_kinds) in enumerate(zip(columns, types, strict=True)):
        if not len(undecided):
            break
        if len(undecided) == n:
            blank = blank_mask(values, value_kinds)
            if blanks is not None:
                blanks[j] = blank
            filled = ~blank
        else:
            filled = ~blank_mask(values[undecided], value_kinds.take(undecided))
        keep[undecided[filled]] = True
        undecided = undecided[~filled]
    return keep


# What the first cell of a totals or subtotal row says, matched like headers at its start
# ("Total", "Grand Total", "Total 1001", "الإجمالي", "المجموع الكلي").
TOTAL_LABELS = tuple(match_key(w) for w in (
    "Total", "Totals", "Grand Total", "Sub Total", "Subtotal", "Sum", "الإجمالي", "إجمالي",
    "الاجمالي العام", "المجموع", "مجموع", "الجملة", "جملة"))


_TOTAL_STARTS = ("total", "grand", "sub", "sum", "الإجمالي", "الاجمالي", "الأجمالي", "إجمالي",
                 "اجمالي", "أجمالي", "المجموع", "مجموع", "الجملة", "جملة", "الجمله", "جمله")


def _may_start_a_total(texts: list[str]) -> bool:
    """Whether any of these texts may start like a totals label (``_TOTAL_STARTS``, case and
    spaces aside): each start looked for in all of them joined and lower-cased, a plain
    search each (a text starting so holds it)."""
    joined = "\n".join(texts).lower()
    return any(start in joined for start in _TOTAL_STARTS)


def _is_total_label(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    key = match_key(value)
    return bool(key) and (key == "sum" or any(key.startswith(w) for w in TOTAL_LABELS
                                              if w != "sum"))


def _repeated_headers(columns: list[np.ndarray], header: list[Any], keep: np.ndarray,
                      names: list[str], index: dict[str, str]) -> list[int]:
    """Rows that say the header again: every filled cell (at least two) equal to the header
    above it (as headers are matched), or naming the same column in another language (the
    translated label row of a bilingual sheet, just under its header). Beyond the first rows
    only rows with some cell exactly as in the header are looked at closely (a whole column
    compared at once)."""
    texts = [match_key(h) if isinstance(h, str) else "" for h in header]
    if not len(keep) or sum(map(bool, texts)) < 2:
        return []
    screen = np.zeros(len(keep), dtype=bool)
    screen[:3] = True  # a translated label row sits right under the header
    for j in [j for j, t in enumerate(texts) if t and j < len(columns)][:2]:
        screen |= columns[j] == header[j]  # a header said again says its first two names

    def says_header(j: int, v: Any) -> bool:
        if not isinstance(v, str) or j >= len(texts):
            return False
        return match_key(v) == texts[j] or (j < len(names) and header_field(v, index) == names[j])

    found = []
    for pos in np.flatnonzero(screen & keep).tolist():
        filled = [(j, c[pos]) for j, c in enumerate(columns) if not is_blank(c[pos])]
        if len(filled) >= 2 and all(says_header(j, v) for j, v in filled):
            found.append(pos)
    return found


def _totals_rows(columns: list[np.ndarray], types: list[ValueTypes], names: list[str],
                 schema: SheetSchema, keep: np.ndarray,
                 blanks: dict[int, np.ndarray] | None = None) -> list[tuple[int, int, str]]:
    """Totals and subtotal rows (position, column of the label, label): a row labelled like
    ``Total`` or ``الإجمالي`` whose required keys and dates (every required column but the
    amounts) are blank, but for the label itself. A record always has those, so a customer called
    "Total" with an ID, or an invoice dated and numbered, is never taken for one."""
    kinds = {f.name: f.kind for f in schema.fields if f.required}
    keys = [j for j, n in enumerate(names) if kinds.get(n) not in (None, "money", "number")]
    if not keys or not len(keep):
        return []
    blanks = {} if blanks is None else blanks  # (those ``_records`` found already)
    present = {j: ~(blanks[j] if j in blanks else blank_mask(columns[j], types[j]))
               for j in keys}
    filled = sum(p.astype(np.int64) for p in present.values())
    # a row with one key filled is a totals row only when that key is the label: screened a
    # column at a time by how a label starts (most such rows are records with one key)
    candidates = keep & (filled == 0)
    for j in keys:
        one = np.flatnonzero(keep & (filled == 1) & present[j] & types[j].mask(str))
        if len(one) and _may_start_a_total(columns[j][one].tolist()):
            # (each distinct text looked at once: a receipts log repeats its customers' IDs)
            values = pd.Series(columns[j][one], dtype="object")
            labels = [v for v in pd.unique(values) if v.strip().lower().startswith(_TOTAL_STARTS)]
            if labels:
                candidates[one[values.isin(labels).to_numpy(bool)]] = True
    found = []
    for pos in np.flatnonzero(candidates).tolist():
        row = [c[pos] for c in columns]
        if filled[pos] == 0:  # no key at all: the label may follow a row count ("12 | Total")
            at = next((j for j, v in enumerate(row) if _is_total_label(v)), None)
        else:  # the one key filled is the label, and nothing but it comes first
            at = next(j for j, v in enumerate(row) if not is_blank(v))
            at = at if at in keys and _is_total_label(row[at]) else None
        if at is not None:
            found.append((pos, at, str(row[at]).strip()))
    return found


# An invoice list giving the amount before tax and the tax, but no invoice total.
NET_AMOUNT = frozenset(match_key(h) for h in (
    "Net Amount", "Net", "Net Value", "Amount Before Tax", "Amount Excl Tax", "Amount Excl VAT",
    "Amount Before VAT", "Taxable Amount", "الصافي", "صافي المبلغ", "المبلغ الصافي",
    "المبلغ قبل الضريبة", "القيمة قبل الضريبة", "القيمة الصافية"))
_NOT_TAX_AMOUNT = re.compile(r"rate|نسبه|^(?:vat|tax)(?:pct)?$|^vatpct|^taxpct|id$|no$|number")


def _net_as_amount(kind: str, header: list[Any], names: list[str], written: dict[str, str]
                   ) -> int | None:
    """For an invoice list without an invoice total but with its amount before tax: that
    column is read as the Amount (in ``names``/``written``), and the position of the tax
    amount column to add to it is returned (None: no tax column, the net is the total)."""
    if kind != "Invoices" or "Amount" in written:
        return None
    keys = [match_key(h) if isinstance(h, str) else "" for h in header]
    net = next((j for j, k in enumerate(keys) if k in NET_AMOUNT and names[j] not in written), None)
    if net is None:
        return None
    names[net], written["Amount"] = "Amount", str(header[net]).strip()
    return next((j for j, k in enumerate(keys) if j != net and k and _TAX_HEADER.match(k)
                 and names[j] not in written and not _NOT_TAX_AMOUNT.search(k)), None)


def _scaled_amounts(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                    errors: dict[int, str], sheet: str, letter: str, header: str,
                    excel_rows: list[int]) -> list[Issue]:
    """An amount typed in thousands or millions ("50K", "1.5M", "٥٠ ألف") is read at its
    face value; the clerk is told how, at its cell (the texts screened in one search)."""
    where = np.flatnonzero(value_kinds.mask(str))
    texts = values[where].tolist()
    if not MAY_BE_SCALED.search("\n".join(texts)):
        return []
    found = []
    for pos, text in zip(where.tolist(), texts, strict=True):
        if pos not in errors and scaled(text):
            amount = float(series.iat[pos])
            shown = f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.2f}"
            found.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, text,
                               f"'{text.strip()}' read as {shown} (written in thousands or "
                               f"millions)"))
    return found


def _month_end_rows(values: np.ndarray, value_kinds: ValueTypes) -> pd.Series | None:
    """On the rows whose terms count from a month's end (``Net 30 EOM``), from which
    (``month_end_terms``); None when none do (the texts screened in one search first)."""
    where = np.flatnonzero(value_kinds.mask(str))
    texts = values[where].tolist()
    if not MAY_COUNT_FROM_MONTH_END.search("\n".join(texts)):
        return None
    months = np.full(len(values), None, dtype=object)
    months[where] = [month_end_terms(t) for t in texts]
    found = pd.Series(months, dtype="Int64")
    return found if found.notna().any() else None


# Required columns a sheet may leave out when another of its columns tells them: a receipts
# log that lists the invoice paid, not the customer, is the invoice's customer's; a customer
# list without codes (QuickBooks' and Xero's contacts) knows its customers by their names; an
# open-items report giving only each item's open balance (QuickBooks Desktop's Open
# Invoices) has that as the amount.
DERIVED = {("Payments", "Customer ID"): "Invoice No", ("Customers", "Customer ID"): "Name",
           ("Invoices", "Amount"): "Balance"}  # an open-items report: its open balances


def _missing_columns(sheet: str, header: list[Any], header_row: int, missing: list[str]
                     ) -> Issue:
    found = ", ".join(str(h) for h in header if not is_blank(h))
    return Issue(sheet, f"A{header_row}", ", ".join(missing), None,
                 f"sheet '{sheet}' has no column for {', '.join(missing)} "
                 f"(header row {header_row} has: {found})")


def _group_headings(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                    names: list[str], schema: SheetSchema,
                    blanks: dict[int, np.ndarray]) -> np.ndarray:
    """Positions of the rows heading a group of records in a report (a customer's name, an
    age band "1 - 30 days past due", the report's basis line at its foot): a text alone in
    the first column, every other cell blank, where the first column is no contract column
    or the text is not what it holds (a name in a date column). A record never leaves its
    other required columns blank, so only such rows are looked at closely."""
    kinds = {f.name: f.kind for f in schema.fields}
    required = [j for j, n in enumerate(names) if j > 0 and n in kinds and
                schema.field(n).required]
    if not columns or not required or not len(keep):
        return np.zeros(0, dtype=np.int64)
    j = required[0]
    blank = blanks[j] if j in blanks else blank_mask(columns[j], types[j])
    kind = kinds.get(names[0])
    if kind is not None and kind not in ("date", "money", "number"):
        return np.zeros(0, dtype=np.int64)  # a key or name alone: a record missing the rest
    found = []
    for pos in np.flatnonzero(keep & blank & types[0].mask(str)).tolist():
        if any(not is_blank(c[pos]) for c in columns[1:]):
            continue
        if kind is not None:
            _, errors = parse_column(columns[0][pos:pos + 1], kind)
            if not errors:
                continue  # a date or amount alone: a record missing the rest
        found.append(pos)
    return np.array(found, dtype=np.int64)


def read_table(grid: Grid, kind: str, policy: Policy) -> tuple[Table | None, list[Issue]]:
    """Parse one sheet or Excel table of a known kind into a ``Table`` plus its issues."""
    schema = SCHEMAS[kind]
    sheet = grid.sheet or grid.name
    issues: list[Issue] = []
    if grid.header is not None:
        header, data, first_row = grid.header, grid.rows, grid.top
    else:
        h = find_header_row(grid.rows, schema)
        if h is None:
            if any(_non_empty(r) for r in grid.rows):
                issues.append(Issue(sheet, f"A{grid.top + 1}", "", None,
                                    f"no header row found in sheet '{sheet}'"))
            return None, issues
        header, data, first_row = grid.rows[h], grid.rows[h + 1:], grid.top + h + 1
    width = max([len(header)] + [len(r) for r in data[:1]])
    header = list(header) + [None] * (width - len(header))
    names, written = map_headers(header, schema, grid.left)
    tax_column = _net_as_amount(kind, header, names, written)
    header_row = first_row  # 1-based row of the header = 0-based row of first data row
    letters = {n: column_letter(grid.left + j) for j, n in enumerate(names)}

    missing = [f.name for f in schema.fields if f.required and f.name not in written
               and DERIVED.get((kind, f.name)) not in written]
    # a report grouped under a heading per customer (QuickBooks' Open Invoices, Xero's Aged
    # Receivables) names the customer in the headings, not in a column
    by_headings = missing == ["Customer ID"] and kind in ("Invoices", "Payments")
    if missing and not by_headings:
        return None, [*issues, _missing_columns(sheet, header, header_row, missing)]

    data = _pad(data, width)
    columns = _columns(data, width)
    types = [ValueTypes(c) for c in columns]
    blanks: dict[int, np.ndarray] = {}  # each column's blank cells, where found whole
    keep = _records(columns, types, blanks)  # blank rows are not records
    for pos in _repeated_headers(columns, header, keep, names, _alias_index(schema)):
        keep[pos] = False  # the header printed again (a pasted block, a print layout)
        issues.append(Issue(sheet, f"{column_letter(grid.left)}{pos + first_row + 1}", "",
                            None, f"row {pos + first_row + 1} repeats the header row: not read"))
    for pos, at, label in _totals_rows(columns, types, names, schema, keep, blanks):
        keep[pos] = False  # a totals row sums the records above it: it is none of them
        issues.append(Issue(sheet, f"{column_letter(grid.left + at)}{pos + first_row + 1}",
                            str(header[at] or ""), label,
                            f"'{label}' row is a totals row, not a record: not read"))
    headings = _group_headings(columns, types, keep, names, schema, blanks)
    keep[headings] = False  # a group's heading (a customer, an age band) is no record
    if by_headings:
        if not len(headings):
            return None, [*issues, _missing_columns(sheet, header, header_row, missing)]
        group = np.full(len(keep), None, dtype=object)
        group[headings] = columns[0][headings]
        customers = pd.Series(group, dtype="object").ffill().to_numpy()
    positions = np.flatnonzero(keep)
    if len(positions) < len(data):
        columns = [c[keep] for c in columns]
        types = [t.take(keep) for t in types]
    if by_headings:  # the heading above each record, in the headings' column
        columns.append(customers[keep])
        types.append(ValueTypes(columns[-1]))
        names.append("Customer ID")
        header.append(None)
        written["Customer ID"] = "Customer Name"
        letters["Customer ID"] = letters[names[0]]
    row_numbers = positions + (first_row + 1)
    excel_rows = row_numbers.tolist()

    parsed: dict[str, pd.Series] = {}
    raw: dict[str, pd.Series] = {}
    unreadable: dict[str, set[int]] = {}
    kinds = {f.name: f.kind for f in schema.fields}
    unlimited = {f.name for f in schema.fields if f.unlimited_words}
    for j, name in enumerate(names):
        values, value_kinds = columns[j], types[j]
        raw[name] = pd.Series(values, dtype="object", copy=False)  # the cells as read
        kind = kinds.get(name, "raw")
        if kind == "raw":  # as read, blanks as None
            kept = values.copy()
            kept[blank_mask(values, value_kinds)] = None
            parsed[name] = pd.Series(kept, dtype="object", copy=False)
            continue
        series, errors = parse_column(values, kind, day_first=policy.day_first,
                                      decimal_comma=policy.decimal_comma, types=value_kinds)
        if name in unlimited and errors:  # "Unlimited" / "مفتوح": no limit, as a blank cell
            said = [p for p in errors if means_unlimited(values[p])]
            if said:
                errors = {p: m for p, m in errors.items() if p not in set(said)}
                flags = np.zeros(len(values), dtype=bool)
                flags[said] = True
                parsed[UNLIMITED] = pd.Series(flags, copy=False)
        if kind in ("money", "number") and str in value_kinds.present:
            issues.extend(_scaled_amounts(values, value_kinds, series, errors, sheet,
                                          letters[name], written.get(name, name), excel_rows))
        if kind == "terms" and str in value_kinds.present:
            eom = _month_end_rows(values, value_kinds)
            if eom is not None:
                parsed[TERMS_EOM] = eom
        parsed[name] = series
        unreadable[name] = set(errors)
        for pos, message in errors.items():
            issues.append(Issue(sheet, f"{letters[name]}{excel_rows[pos]}",
                                written.get(name, name), values[pos], message))
    if tax_column is not None:  # Amount = net + its tax, the invoice total
        tax, errors = parse_column(columns[tax_column], "money", day_first=policy.day_first,
                                   decimal_comma=policy.decimal_comma, types=types[tax_column])
        for pos, message in errors.items():
            issues.append(Issue(sheet, f"{column_letter(grid.left + tax_column)}{excel_rows[pos]}",
                                str(header[tax_column]), columns[tax_column][pos], message))
        parsed["Amount"] = (parsed["Amount"] + tax.fillna(0.0)).round(2)
    frame = pd.DataFrame(parsed, copy=False)
    for f in schema.fields:  # optional columns the sheet lacks: present, empty, typed
        if f.name not in frame.columns:
            empty, _ = parse_column([None] * len(frame), f.kind)
            frame[f.name] = empty
    frame[ROW] = pd.Series(row_numbers, dtype="int64")
    raw_frame = pd.DataFrame(raw, copy=False)
    raw_frame[ROW] = frame[ROW]
    for (sheet_kind, field), source in DERIVED.items():
        if sheet_kind == schema.name and field not in written and sheet_kind != "Payments":
            frame[field] = frame[source]  # (the receipts' customers: their invoices')
            letters[field] = letters[source]

    for f in schema.fields:
        if f.required and f.name in written:
            for pos in frame[f.name].isna().to_numpy().nonzero()[0]:
                if pos in unreadable[f.name]:
                    continue  # reported already, as a value that could not be read
                issues.append(Issue(sheet, f"{letters[f.name]}{excel_rows[pos]}", written[f.name],
                                    None, f"{written[f.name]} is required but blank"))
    table = Table(kind, sheet, frame, raw_frame, letters, header_row, written)
    return table, issues


# ------------------------------------------------------------------ policy

def read_policy(grid: Grid) -> tuple[Policy, list[Issue]]:
    pairs = []
    for i, row in enumerate(grid.rows):
        # The key is the first filled cell; its value the cell right of it (blank keeps the
        # default), so a note in a third column is never read as the value.
        jk = next((j for j, v in enumerate(row) if not is_blank(v)), None)
        if jk is None:
            continue
        key = row[jk]
        jv = jk + 1
        value = row[jv] if jv < len(row) and not is_blank(row[jv]) else None
        cell = f"{column_letter(grid.left + jv)}{grid.top + i + 1}"
        pairs.append((str(key), value, cell))
    policy, problems = policy_from_pairs(pairs)
    issues = [Issue(grid.name, cell, "Policy", None, msg) for cell, msg in problems]
    return policy, issues


# ------------------------------------------------------------------ whole book

# Found by their headers when no sheet has their name ("Sheet1", "Clients 2024"...).
CONTENT_KINDS = ("Customers", "Invoices", "Payments")
# Tabs ar_excel writes: never taken for input by their headers.
OUTPUT_TABS = {match_key(n) for n in (
    "Customer Checks", "Customer Changes", "Credit Status", "Credit Reviews",
    "Credit Requests Review", "Invoice Checks", "Invoice Exceptions", "Bank Matches",
    "Unmatched Bank", "Reconciliation", "Aging", "Aging Detail", "Dunning", "Call List",
    "Visit List", "Payment Plan Schedule", "Payment Risk", "Expected Payments", "Cash Forecast",
    "Dunning History", "Customer Statements", "Input Issues", "AR Log", "Dashboard", "KPIs",
    "Top Overdue", "Payment Behaviour")}


def _header_fit(grid: Grid, schema: SheetSchema) -> int:
    """How many of the schema's columns the grid's best header row names (0 when a required
    column is missing)."""
    index = _alias_index(schema)
    required = {f.name for f in schema.fields if f.required}
    rows = [grid.header] if grid.header is not None else grid.rows[:HEADER_SEARCH_ROWS]
    best = 0
    for i, row in enumerate(rows):
        named = _fields_named(row, index)
        if schema.name == "Invoices" and grid.header is None and _heading_follows(
                grid.rows[i + 1:i + 4]):
            named.add("Customer ID")  # a report grouped under its customers' names
        if _technical_name([v.strip() if isinstance(v, str) else v for v in row],
                           schema) is not None:
            named.add("Invoice No")
        # columns the reader derives count as named: an amount before tax for the Amount,
        # the invoice paid for the receipt's customer
        if schema.name == "Invoices" and any(isinstance(v, str) and match_key(v) in NET_AMOUNT
                                             for v in row):
            named.add("Amount")
        named |= {f for (k, f), source in DERIVED.items() if k == schema.name and source in named}
        if required <= named:
            best = max(best, len(named))
    return best


def _heading_follows(rows: list[list[Any]]) -> bool:
    """Whether a group heading (a text alone in the first column) is among these rows,
    right under a header: a report grouped under its customers' names."""
    return any(r and isinstance(r[0], str) and r[0].strip() and _non_empty(r) == 1
               for r in rows)


def _choose_by_content(grids: list[Grid], chosen: dict[str, Grid]) -> None:
    """Contract sheets no sheet is named for, found by their header row: the best fitting
    unclaimed sheet with every required column and at least three known ones."""
    taken = {id(g) for g in chosen.values()} | {
        id(g) for g in grids if g.header is None and (g.sheet or g.name) in
        {c.sheet for c in chosen.values() if c.header is not None}}
    candidates = [g for g in grids
                  if id(g) not in taken and not g.hidden and find_kind(g.name, g.header is not None) is None
                  and match_key(g.sheet or g.name) not in OUTPUT_TABS
                  and not (g.sheet or g.name).startswith("_")]
    fits = sorted(((_header_fit(g, SCHEMAS[k]), n, k, g) for n, g in enumerate(candidates)
                   for k in CONTENT_KINDS if k not in chosen),
                  key=lambda t: (-t[0], t[1]))
    used: set[int] = set()
    for score, _, kind, g in fits:
        if score >= 3 and kind not in chosen and id(g) not in used:
            chosen[kind] = g
            used.add(id(g))


def book_from_grids(grids: list[Grid], source: Path | None = None,
                    sheet_loader: Callable[[str], list[list[Any]] | None] | None = None) -> Book:
    """Build a Book from the grids of a workbook (sheets and Excel tables). An Excel table
    named like a contract sheet wins over a plain sheet of that name; a contract sheet no
    sheet is named for is looked for by its header row."""
    chosen: dict[str, Grid] = {}
    for g in grids:
        kind = find_kind(g.name, is_table=g.header is not None)
        if kind is None:
            continue
        if kind not in chosen or (g.header is not None and chosen[kind].header is None) or (
                chosen[kind].hidden and not g.hidden and g.header is None):
            chosen[kind] = g  # a hidden sheet (an old copy kept out of sight) gives way
    if any(k not in chosen for k in CONTENT_KINDS):
        _choose_by_content(grids, chosen)
    # A table sitting on a sheet of the same kind replaces that sheet: don't read it twice.
    policy, issues = Policy(), []
    if "Policy" in chosen:
        policy, issues = read_policy(chosen.pop("Policy"))

    book = Book(source=source, policy=policy, issues=list(issues))
    unusable: dict[str, str] = {}
    for kind in SCHEMAS:
        if kind not in chosen:
            continue
        table, table_issues = read_table(chosen[kind], kind, policy)
        book.issues.extend(table_issues)
        if table is None:
            unusable[kind] = table_issues[0].message if table_issues else "unreadable"
        else:
            book.tables[kind] = table
    book.unusable = unusable
    _keys_as_spelled_in_their_lists(book)
    _entries_as_meant(book)
    _payers_from_invoices(book)
    if "Customers" in book.tables:
        # the customers' names folded once, as far as the lookups of both steps need them
        from ar_excel.core.customers.ids import NameIndex

        names = NameIndex(book.tables["Customers"].frame)
        _customer_names_as_ids(book, names)
        _blank_ids_from_name_columns(book, names)
    book.sheet_loader = sheet_loader
    book.sheet_names = [g.name for g in grids if g.header is None]
    headers = [h for t in book.tables.values() for h in t.headers.values()]
    texts = headers + [t.sheet for t in book.tables.values()]
    lang = policy.language.strip().lower()[:2]
    book.arabic = lang == "ar" if lang in ("ar", "en") else (
        bool(texts) and sum(is_arabic(t) for t in texts) * 2 > len(texts))
    return book


# Which lists a sheet's keys must be found in: (column, sheet kind that lists them).
_KEY_LISTS = (("Customer ID", "Customers"), ("Invoice No", "Invoices"))


def _keys_as_spelled_in_their_lists(book: Book) -> None:
    """A Customer ID or Invoice No typed in another case, with stray spaces or without the
    leading zeros of the list it refers to (``c-1003`` for ``C-1003``, ``1001`` from a
    number cell for the text ``01001``) is read as the list writes it, when it spells
    exactly one of them that way. Failing that, one that is the same number as exactly one
    of them, prefix aside (``C-1001`` for ``1001``, ``INV-7`` for ``7``), is read as it too,
    with an Input Issue at its first cell (the clerk should know)."""
    from ar_excel.core.customers.ids import (
        KeyIndex,
        number_matches,
        spelled_matches,
        unknown_values,
    )

    for column, kind in _KEY_LISTS:
        master = book.tables.get(kind)
        if master is None:
            continue
        listed = master.frame[column].dropna().tolist()
        known = set(listed)
        index = KeyIndex(known, listed)  # built once, when first needed, for all sheets
        for other, table in book.tables.items():
            if other == kind or column not in table.frame:
                continue
            values = table.frame[column]
            unknown = unknown_values(values, known)
            if not unknown:
                continue
            spelled = spelled_matches(unknown, index)
            if spelled:
                values = table.frame[column] = values.map(lambda v, s=spelled: s.get(v, v))
            numbered = number_matches([v for v in unknown if v not in spelled], index)
            for value, key in numbered.items():
                rows = values.index[values == value]
                book.issues.append(table.issue(
                    rows[0], column, f"'{value}' is not in {master.sheet}: read as {key}, the "
                                     f"same number, on {len(rows)} row(s)"))
            if numbered:
                table.frame[column] = values.map(lambda v, s=numbered: s.get(v, v))


def _entries_as_meant(book: Book) -> None:
    """Credit notes typed as such with positive amounts count negative; receipts all kept
    with a minus sign are money received; a receipt naming several invoices is one row per
    invoice (``core.entries``)."""
    from ar_excel.core.entries import (
        cancelled_invoices,
        credits_as_negative,
        paid_by_status,
        receipts_kept_as_credits,
        split_multi_invoice_receipts,
        status_column,
    )

    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is not None:
        credits_as_negative(invoices.frame)
        void = cancelled_invoices(invoices.frame)
        if len(void):
            book.issues.append(invoices.issue(
                void[0], status_column(invoices.frame), f"{len(void)} cancelled invoice(s): not receivables, "
                                 f"counted as 0"))
        if payments is None or not len(payments.frame):
            _paid_words(book, invoices)
            paid_by_status(invoices.frame)  # an open-items list that only says "Paid"
            _cleared_items(invoices)
    if payments is not None and receipts_kept_as_credits(payments.frame):
        payments.frame["Amount"] = -payments.frame["Amount"]
        first = payments.frame["Amount"].first_valid_index()
        book.issues.append(payments.issue(
            first, "Amount", "every receipt amount is negative (receipts kept as credits): "
                             "each is read as money received"))
    if invoices is not None and payments is not None:
        customers = book.tables.get("Customers")
        split = split_multi_invoice_receipts(payments.frame, invoices.frame,
                                             None if customers is None else customers.frame)
        if split is not None:
            payments.frame, source = split
            payments.raw = payments.raw.iloc[source].reset_index(drop=True)


# SAP's line items (FBL5N) give each item cleared by a payment its clearing document.
CLEARING_HEADERS = frozenset(match_key(h) for h in (
    "Clearing Document", "Clearing Doc", "Clearing Doc No", "Clrng Doc", "Clearing Document No",
    "Clearing Doc Number"))


def _cleared_items(invoices: Table) -> None:
    """An item list with a clearing document column (SAP's FBL5N, all items): an item
    with a clearing document is cleared (settled in full: the invoice and the payment that
    cleared it alike); the others are open for their whole amount. Only where the list
    gives no Balance or Paid Amount of its own."""
    frame = invoices.frame
    column = next((c for c in frame.columns if isinstance(c, str) and c not in invoices.headers
                   and match_key(c) in CLEARING_HEADERS), None)
    if column is None or frame["Balance"].notna().any() or frame["Paid Amount"].notna().any():
        return
    cleared = frame[column].map(lambda v: not is_blank(v)).to_numpy(bool)
    if cleared.any():
        frame["Balance"] = frame["Amount"].where(~cleared, 0.0)


def _paid_words(book: Book, invoices: Table) -> None:
    """A Paid column of words (Yes / No, مسددة / غير مسددة) rather than amounts: a paid
    invoice is paid in full, and its words are no unreadable amounts."""
    from ar_excel.core.entries import paid_flags

    if "Paid Amount" not in invoices.headers:
        return
    flags = paid_flags(invoices.raw["Paid Amount"])
    if flags is None:
        return
    amount = invoices.frame["Amount"].abs()
    invoices.frame["Paid Amount"] = amount.where(flags.to_numpy(), 0.0)
    letter = invoices.letters["Paid Amount"]
    book.issues = [i for i in book.issues if not (
        i.sheet == invoices.sheet and i.cell.startswith(letter) and i.cell[len(letter):].isdigit()
        and i.column == invoices.headers["Paid Amount"])]


def _payers_from_invoices(book: Book) -> None:
    """A receipt without a Customer ID that names an invoice is that invoice's customer's
    (its "required but blank" issue is then withdrawn); a receipt that names none of the
    invoices where the sheet has no Customer ID column is reported."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or payments is None:
        return
    pay = payments.frame
    blank = pay["Customer ID"].isna()
    if not blank.any():
        return
    owner = invoices.frame.dropna(subset=["Invoice No"]).drop_duplicates("Invoice No").set_index(
        "Invoice No")["Customer ID"]
    found = pay["Invoice No"].map(owner).where(blank)
    filled = found.notna()
    pay.loc[filled, "Customer ID"] = found[filled]
    if "Customer ID" in payments.headers:
        letter = payments.letters["Customer ID"]
        done = {f"{letter}{r}" for r in pay.loc[filled, ROW]}
        book.issues = [i for i in book.issues if not (
            i.sheet == payments.sheet and i.cell in done and i.message.endswith(
                "is required but blank"))]
        return
    payments.letters["Customer ID"] = payments.letters.get("Invoice No", "?")
    for index in pay.index[blank & ~filled]:
        book.issues.append(payments.issue(
            index, "Invoice No", "no Customer ID: the sheet has no customer column and this "
                                 "invoice is not in the invoice list"))


def _customer_names_as_ids(book: Book, names: NameIndex) -> None:
    """A Customer ID that is no ID of the master but one customer's name is read as that
    customer's ID (``core.customers.ids``), with an Input Issue for the first cell of each."""
    master = book.tables.get("Customers")
    if master is None:
        return
    from ar_excel.core.customers.ids import names_as_ids, unknown_values

    known = set(master.frame["Customer ID"].dropna())
    for kind, table in book.tables.items():
        if kind == "Customers" or "Customer ID" not in table.frame:
            continue
        column = table.frame["Customer ID"]
        unknown = unknown_values(column, known)
        if not unknown:
            continue
        # a column headed as names (an export's Partner, Name, اسم العميل) says so itself
        named = match_key(table.headers.get("Customer ID", "")) in NAME_HEADERS - CODE_OR_NAME
        for name, cid in names_as_ids(unknown, names).items():
            rows = column.index[column == name]
            if not named:
                book.issues.append(table.issue(
                    rows[0], "Customer ID",
                    f"a customer's name, not an ID: read as {cid} on {len(rows)} row(s)"))
            table.frame.loc[rows, "Customer ID"] = cid


# A sheet's column of customer names beside its Customer ID (carried, not a contract column).
NAME_HEADERS = frozenset(match_key(h) for h in (
    "Customer Name", "Client Name", "Name", "اسم العميل", "الاسم", "العميل", "Customer",
    "Partner", "Customer/Vendor", "Contact", "Client", "Received From", "Party Name",
    "partner_id"))  # Odoo's technical export gives the partner's display name
CODE_OR_NAME = frozenset(match_key(h) for h in ("Customer", "العميل", "Client"))  # either


def _blank_ids_from_name_columns(book: Book, names: NameIndex) -> None:
    """A blank Customer ID beside a customer name column (``Customer Name``, ``اسم العميل``)
    naming exactly one customer of the master is that customer's ID; its "required but
    blank" issue becomes one saying so."""
    master = book.tables.get("Customers")
    if master is None:
        return
    from ar_excel.core.customers.ids import ids_from_names

    for kind, table in book.tables.items():
        frame = table.frame
        if kind == "Customers" or "Customer ID" not in frame or not frame["Customer ID"].isna().any():
            continue
        column = next((c for c in frame.columns if isinstance(c, str) and c not in
                       table.headers and match_key(c) in NAME_HEADERS), None)
        if column is None:
            continue
        blank = frame["Customer ID"].isna()
        written = frame.loc[blank, column]
        written = written[written.map(lambda v: isinstance(v, str) and bool(v.strip()))]
        if not len(written):
            continue
        found = ids_from_names(written.map(str.strip), set(), names)
        ids = written.map(lambda v, f=found: f.get(v.strip()))
        ids = ids[ids.notna()]
        if not len(ids):
            continue
        frame.loc[ids.index, "Customer ID"] = ids
        letter = table.letters.get("Customer ID", "?")
        cells = {f"{letter}{r}": cid for r, cid in zip(frame.loc[ids.index, ROW], ids,
                                                        strict=True)}
        book.issues = [
            Issue(i.sheet, i.cell, i.column, i.value,
                  f"{i.column} is blank: read as {cells[i.cell]}, the customer named beside it")
            if i.sheet == table.sheet and i.cell in cells and
            i.message.endswith("is required but blank") else i for i in book.issues]


def sheets_to_read(names: list[str], hidden: set[str], tables: list[Grid]) -> set[str]:
    """The sheets whose cells a Book needs, of a workbook with these sheet ``names`` and
    contract-named Excel ``tables``. A sheet holding an Excel table of its own kind is read
    through that table (the table wins), so its cells are not read a second time; it stays
    listed, with no rows. Sheets no contract sheet can come from (hidden sheets, our own
    output tabs, when every content sheet is named) are not read either: only their names
    are needed. The same for a saved file and a workbook open in Excel."""
    by_table = {(g.sheet, find_kind(g.name, is_table=True)) for g in tables}
    named = {find_kind(n) for n in names} | {find_kind(g.name, True) for g in tables}
    searched = not set(CONTENT_KINDS) <= named

    def wanted(name: str) -> bool:
        kind = find_kind(name)
        if kind is not None:
            return (name, kind) not in by_table
        return searched and name not in hidden and match_key(name) not in OUTPUT_TABS and \
            not name.startswith("_")

    return {n for n in names if wanted(n)}


def _calamine_grids(path: Path) -> tuple[list[Grid], Callable[[str], list[list[Any]] | None],
                                         _SheetLoads]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path), load_tables=path.suffix.lower() in (".xlsx", ".xlsm"))
    except Exception as exc:  # calamine raises several of its own types
        raise InputError(f"cannot open '{path.name}' as a workbook: {exc}") from exc
    hidden = {m.name for m in wb.sheets_metadata if str(m.visible).lower().endswith(("hidden", "veryhidden"))}
    try:
        table_names = wb.table_names
    except Exception:  # no tables loaded (e.g. .xls/.ods)
        table_names = []
    tables: list[Grid] = []
    for tname in table_names:
        t = wb.get_table_by_name(tname)
        tables.append(Grid(tname, t.to_python(), t.start[0], t.start[1], header=list(t.columns),
                           sheet=t.sheet))
    names = list(wb.sheet_names)
    read = sheets_to_read(names, hidden, tables)
    loader = _lazy_loader(wb)  # used once every sheet is read (``finish``)
    merges = None
    if path.suffix.lower() == ".ods":  # calamine gives no merges of an .ods file
        from ar_excel.io.ods_merges import ods_merges

        merges = ods_merges(path)
    # wb is theirs till then
    loads = _SheetLoads(path, wb, [n for n in names if n in read], merges)
    grids = [loads.grid(name, name in hidden) for name in names]
    grids.extend(tables)
    return grids, loader, loads


def fill_merged_down(rows: list[list[Any]], merged: list | None) -> list[list[Any]]:
    """Cells merged down several rows (a customer's ID merged beside its invoices) hold the
    value of the merge in every row, as the clerk sees it; a merge along one row (a title
    across the columns) is left alone, so it never looks like a header row."""
    for (r0, c0), (r1, c1) in merged or ():
        if r1 <= r0 or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        if is_blank(value):
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if is_blank(row[c]):
                    row[c] = value
    return rows


class _LoadingGrid(Grid):
    """A sheet whose cells are still being read: its ``rows`` wait for them."""

    loads: _SheetLoads | None = None

    @property  # type: ignore[override]
    def rows(self) -> list[list[Any]]:
        if self.loads is not None:
            self._rows = self.loads.rows(self.name)
            self.loads = None
        return self._rows

    @rows.setter
    def rows(self, value: list[list[Any]]) -> None:
        self._rows = value


class _SheetLoads:
    """The sheets' values, read in background threads while the sheets already read are
    parsed. calamine parses a sheet's XML without holding Python's lock, so a sheet's cells
    are read while Python parses another sheet's values, and with more than one core several
    sheets are read side by side: one thread with the open workbook, the others each with a
    workbook of their own (a calamine workbook serves one thread at a time). Sheets are handed
    out in workbook order; a sheet that cannot be read raises as if the sheets had been read
    one after the other before any parsing (``finish``): the first one in order."""

    def __init__(self, path: Path, wb: Any, names: list[str],
                 merges: dict[str, list] | None = None) -> None:
        self.names = names
        self._merges = merges or {}  # sheet -> merges the cell reader does not give (.ods)
        self._pending = list(reversed(names))
        self._lock = threading.Lock()
        self._done = {name: threading.Event() for name in names}
        self._rows: dict[str, list[list[Any]]] = {}
        self._failed: dict[str, BaseException] = {}
        helpers = min(len(names), os.cpu_count() or 1, MAX_READ_THREADS)
        self._threads = [threading.Thread(target=self._work, args=(wb,), daemon=True)]
        self._threads += [threading.Thread(target=self._help, args=(path,), daemon=True)
                          for _ in range(helpers - 1)]
        if not names:
            self._threads = []
        for t in self._threads:
            t.start()

    def _help(self, path: Path) -> None:
        import python_calamine as pc

        try:
            book = pc.CalamineWorkbook.from_path(str(path))
        except Exception:  # this thread cannot help: the others read its share
            return
        self._work(book)

    def _work(self, book: Any) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                name = self._pending.pop()
            try:
                sheet = book.get_sheet_by_name(name)
                rows = sheet.to_python(skip_empty_area=False)
                self._rows[name] = fill_merged_down(
                    rows, sheet.merged_cell_ranges or self._merges.get(name))
            except BaseException as exc:  # raised by ``finish``, in sheet order
                self._failed[name] = exc
            finally:
                self._done[name].set()

    def grid(self, name: str, hidden: bool) -> Grid:
        if name not in self._done:
            return Grid(name, [], 0, 0, hidden=hidden)
        grid = _LoadingGrid(name, [], 0, 0, hidden=hidden)
        grid.loads = self
        return grid

    def rows(self, name: str) -> list[list[Any]]:
        self._done[name].wait()
        if name in self._failed:
            self.finish()  # an earlier sheet's failure first, as read in order
        return self._rows[name]

    def finish(self) -> None:
        """Wait for every sheet; raise the first failure in sheet order."""
        for t in self._threads:
            t.join()
        for name in self.names:
            if name in self._failed:
                raise self._failed[name]


def _lazy_loader(wb: Any) -> Callable[[str], list[list[Any]] | None]:
    """Reads a sheet's values by name (matched like sheet names) only when asked."""
    by_key = {match_key(n): n for n in wb.sheet_names}

    def load(name: str) -> list[list[Any]] | None:
        real = by_key.get(match_key(name))
        return None if real is None else wb.get_sheet_by_name(real).to_python(skip_empty_area=False)

    return load


@bulk()
def read_book(path: str | Path) -> Book:
    """Read an AR workbook (.xlsx, .xlsm, .xls, .ods) from a file."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    grids, loader, loads = _calamine_grids(path)
    from ar_excel.io.cell_errors import ErrorScan, explain_error_cells

    # the cells calamine gives as blank that hold an Excel error, found meanwhile
    scan = ErrorScan(path, list(dict.fromkeys(
        loads.names + [g.sheet for g in grids if g.sheet is not None])))
    try:  # the sheets are parsed as they arrive
        book = book_from_grids(grids, source=path, sheet_loader=loader)
    except BaseException:
        loads.finish()  # a sheet that could not be read is the first thing to say
        raise
    loads.finish()
    explain_error_cells(book, scan.result())
    return book


def remember_previous_output(book: Book, out: str | Path) -> None:
    """Let the jobs find their earlier runs' history tabs (change-log snapshot, Customer
    Changes, Dunning History) in OUT, where a user who always writes with ``-o`` keeps them;
    the workbook's own sheets come second."""
    out = Path(out)
    if not out.exists() or (book.source is not None and out.resolve() == Path(book.source).resolve()):
        return
    import python_calamine as pc

    try:
        out_loader = _lazy_loader(pc.CalamineWorkbook.from_path(str(out)))
    except Exception:  # not a workbook we can read: writing to it will say so
        return
    own = book.sheet_loader

    def load(name: str) -> list[list[Any]] | None:
        rows = out_loader(name)
        return rows if rows is not None else (own(name) if own else None)

    book.sheet_loader = load


def rows_frame(rows: list[list[Any]], must_have: tuple[str, ...] = ()) -> pd.DataFrame | None:
    """A sheet's rows as a plain frame under its header row: the first row naming every
    column of ``must_have`` (matched like headers, renamed to those names), else the first row
    with two non-empty cells. The header runs from its first name to its first blank cell,
    so an Arabic label row above it or a caption beside it is no part of the table."""
    wanted = {match_key(c): c for c in must_have}
    h = None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {match_key(v) for v in row if isinstance(v, str)}
        if (wanted and wanted.keys() <= keys) or (not wanted and _non_empty(row) >= 2):
            h = i
            break
    if h is None:
        return None
    row = rows[h]
    start = next(j for j, v in enumerate(row) if not is_blank(v))
    end = next((j for j in range(start, len(row)) if is_blank(row[j])), len(row))
    header = [wanted.get(match_key(v), str(v).strip()) for v in row[start:end]]
    data = [r[start:end] for r in _pad(rows[h + 1:], end) if _non_empty(r[start:end])]
    frame = pd.DataFrame(data, columns=header, dtype="object")
    return frame.map(lambda v: None if is_blank(v) else v)


def sheet_frame(book: Book, name: str, must_have: tuple[str, ...] = ()) -> pd.DataFrame | None:
    """Any other sheet of the workbook (a previous run's tab, a hidden snapshot, an optional
    list) as a plain frame of values as read (``rows_frame``); None when there is none."""
    loader = getattr(book, "sheet_loader", None)
    rows = loader(name) if loader else None
    return rows_frame(rows, must_have) if rows else None
