"""Which sheet (or Excel table) is which contract sheet: by its name or an alias (EN/AR),
else, for Customers, Invoices and Payments, by its header row (the best fitting sheet with
every required column and at least three known ones). Hidden sheets, our own output tabs and
sheets starting with "_" are never taken for input by their headers; but where no sheet holds
invoices, a sheet named like an output tab ("Aging") whose header is an invoice list's, not
the header of the tab we write, is the user's invoice list (said)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ar_excel.core.collections.disputes import DISPUTE_SHEETS
from ar_excel.io.grid import Grid
from ar_excel.io.headers import (
    DERIVED,
    HEADER_SEARCH_ROWS,
    NET_AMOUNT,
    alias_index,
    fields_named,
    find_header_row,
    names_debit_and_credit,
    non_empty,
    technical_name,
    two_row_header,
)
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key, table_key
from ar_excel.schema import POLICY, SCHEMAS, SheetSchema


@cache  # asked for each sheet name read; the schemas are fixed, frozen
def _names_for(schema: SheetSchema) -> frozenset[str]:
    return frozenset(match_key(n) for n in (schema.name, *schema.aliases))


def find_kind(name: str, is_table: bool = False) -> str | None:
    """Which contract sheet a sheet/table name stands for, if any."""
    key = table_key(name) if is_table else match_key(name)
    for kind, schema in {**SCHEMAS, "Policy": POLICY}.items():
        if key in _names_for(schema):
            return kind
    return None


# Found by their headers when no sheet has their name ("Sheet1", "Clients 2024"...).
CONTENT_KINDS = ("Customers", "Invoices", "Payments")

# Tabs ar_excel writes: never taken for input by their headers.
OUTPUT_TABS = {match_key(n) for n in (
    "Customer Checks", "Customer Changes", "Credit Status", "Credit Reviews",
    "Credit Requests Review", "Invoice Checks", "Invoice Exceptions", "Bank Matches",
    "Unmatched Bank", "Reconciliation", "Aging", "Aging Detail", "Dunning", "Call List",
    "Visit List", "Payment Plan Schedule", "Payment Risk", "Expected Payments", "Cash Forecast",
    "Dunning History", "Customer Statements", "Input Issues", "AR Log", "Dashboard", "KPIs",
    "Top Overdue", "Payment Behaviour", "Receipts To Post", "Unbanked Receipts", "DSO Trend",
    "Tie-out")}

# Input sheets of the jobs' own that hold dates, amounts and invoice numbers but are never a
# contract sheet: a Disputes log is no receipts sheet, whatever its columns.
NEVER_BY_CONTENT = {match_key(n) for n in DISPUTE_SHEETS}

# How the tabs ar_excel writes that name invoice-like columns begin (their English header,
# under an optional Arabic label row): such a tab is ours, never a user's invoice list.
OWN_LAYOUTS = tuple(tuple(match_key(c) for c in cols) for cols in (
    ("Customer ID", "Customer", "Item Type", "Document No", "Invoice No", "Date"),  # Aging Detail
    ("Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"),  # Receipts To Post
    ("Customer ID", "Customer", "Invoice No", "Due Date", "Days Past Due"),  # Expected Payments
    ("Customer ID", "Customer", "Currency", "Date", "Type", "Document"),  # Customer Statements
    ("Date", "Customer ID", "Level", "Level Name", "Currency", "Amount"),  # Dunning History
))


def _header_fit(grid: Grid, schema: SheetSchema) -> int:
    """How many of the schema's columns the grid's best header row names (0 when a required
    column is missing)."""
    required = {f.name for f in schema.fields if f.required}
    return max((len(named) for _, named in header_rows(grid, schema) if required <= named),
               default=0)


def header_rows(grid: Grid, schema: SheetSchema) -> list[tuple[int, set[str]]]:
    """Each row that may be the grid's header (its table's header, else one of its first
    rows) with the schema's columns it names as the reader reads them: a two-row header's
    labels, the columns the reader derives (an amount before tax, a ledger's Debit and
    Credit for the Amount); a row that heads another kind of list is left out."""
    index = alias_index(schema)
    invoice_words = alias_index(SCHEMAS["Invoices"])
    rows = [grid.header] if grid.header is not None else grid.rows[:HEADER_SEARCH_ROWS]
    out: list[tuple[int, set[str]]] = []
    for i, row in enumerate(rows):
        if grid.header is None and (two := two_row_header(grid.rows, i, schema)) is not None:
            row = two  # a group label merged over the labels under it ("المبالغ")
        named = fields_named(row, index)
        if schema.name == "Invoices" and grid.header is None and _heading_follows(
                grid.rows[i + 1:i + 4]):
            named.add("Customer ID")  # a report grouped under its customers' names
        if technical_name([v.strip() if isinstance(v, str) else v for v in row],
                           schema) is not None:
            named.add("Invoice No")
        # columns the reader derives count as named: an amount before tax for the Amount,
        # the invoice paid for the receipt's customer
        if schema.name == "Invoices" and any(isinstance(v, str) and match_key(v) in NET_AMOUNT
                                             for v in row):
            named.add("Amount")
        if schema.name == "Invoices" and names_debit_and_credit(row):
            named.add("Amount")  # a ledger's Debit and Credit columns
        named |= {f for (k, f), source in DERIVED.items() if k == schema.name and source in named}
        documents = fields_named(row, invoice_words)
        if schema.name == "Customers" and "Amount" in documents and \
                documents & {"Invoice Date", "Due Date"}:
            continue  # dated amounts by customer: a report of documents, not a customer list
        if schema.name == "Payments" and documents & {"Due Date", "Balance"}:
            continue  # documents falling due, or still open: invoices, not receipts
        if schema.name == "Payments" and _typed_invoices(row, grid.rows[i + 1:i + 1 + _PEEK]):
            continue  # a register typing its lines Invoice / Payment: invoices, receipts among
        out.append((i, named))
    return out


_PEEK = 200  # lines under a header looked at for a document type
# A document type column's words for an invoice (NetSuite's and QuickBooks' transaction
# lists: Invoice, Payment, Credit Memo in one column).
_INVOICE_TYPES = frozenset(match_key(w) for w in (
    "Invoice", "Sales Invoice", "Tax Invoice", "Customer Invoice", "Debit Memo", "Debit Note",
    "فاتورة", "فاتورة مبيعات", "فاتورة ضريبية"))


def _typed_invoices(header: list[Any], rows: list[list[Any]]) -> bool:
    """Whether a document type column under this header types some of its lines as invoices:
    no receipts list does, a register of invoices and their payments does."""
    from ar_excel.core.entries import TYPE_HEADERS

    at = [j for j, h in enumerate(header) if isinstance(h, str) and match_key(h) in TYPE_HEADERS]
    return any(j < len(r) and isinstance(r[j], str) and match_key(r[j]) in _INVOICE_TYPES
               for r in rows for j in at)


def _heading_follows(rows: list[list[Any]]) -> bool:
    """Whether a group heading (a text alone in the first column) is among these rows,
    right under a header: a report grouped under its customers' names."""
    return any(r and isinstance(r[0], str) and r[0].strip() and non_empty(r) == 1
               for r in rows)


def choose_by_content(grids: list[Grid], chosen: dict[str, Grid]) -> None:
    """Contract sheets no sheet is named for, found by their header row: the best fitting
    unclaimed sheet with every required column and at least three known ones."""
    taken = {id(g) for g in chosen.values()} | {
        id(g) for g in grids if g.header is None and (g.sheet or g.name) in
        {c.sheet for c in chosen.values() if c.header is not None}}
    candidates = [g for g in grids
                  if id(g) not in taken and not g.hidden and find_kind(g.name, g.header is not None) is None
                  and match_key(g.sheet or g.name) not in OUTPUT_TABS | NEVER_BY_CONTENT
                  and not (g.sheet or g.name).startswith("_")]
    fits = sorted(((_header_fit(g, SCHEMAS[k]), n, k, g) for n, g in enumerate(candidates)
                   for k in CONTENT_KINDS if k not in chosen),
                  key=lambda t: (-t[0], t[1]))
    used: set[int] = set()
    for score, _, kind, g in fits:
        if score >= 3 and kind not in chosen and id(g) not in used:
            chosen[kind] = g
            used.add(id(g))
    if "Invoices" not in chosen:
        _invoices_under_an_output_tab_name(grids, chosen, taken | used)


def is_own_tab(grid: Grid) -> bool:
    """Whether a sheet's header is that of a tab ar_excel writes (``OWN_LAYOUTS``)."""
    for row in grid.rows[:3]:
        keys = tuple(match_key(v) if isinstance(v, str) else "" for v in row)
        if any(keys[:len(layout)] == layout for layout in OWN_LAYOUTS):
            return True
    return False


def _invoices_under_an_output_tab_name(grids: list[Grid], chosen: dict[str, Grid],
                                       taken: set[int]) -> None:
    """The user's own invoice list kept on a sheet named like a tab ar_excel writes ("Aging"),
    where no other sheet holds invoices: taken by its header when that is an invoice list's
    (not the header of the tab ar_excel writes under that name), and said."""
    schema = SCHEMAS["Invoices"]
    fits = [(_header_fit(g, schema), n, g) for n, g in enumerate(grids)
            if id(g) not in taken and not g.hidden and g.header is None
            and match_key(g.name) in OUTPUT_TABS and not g.name.startswith("_")]
    fits = sorted(((score, n, g) for score, n, g in fits if score >= 3 and not is_own_tab(g)),
                  key=lambda t: (-t[0], t[1]))
    if not fits:
        return
    grid = fits[0][2]
    h = find_header_row(grid.rows, schema) or 0
    grid.notes.append(Issue(
        grid.name, f"{column_letter(grid.left)}{grid.top + h + 1}", "", None,
        f"sheet '{grid.name}' is named like a tab ar_excel writes, but holds an invoice list "
        f"(no other sheet does): read as the Invoices sheet; rename it (e.g. 'Invoices'), as "
        f"ar_excel writes a tab of that name"))
    chosen["Invoices"] = grid


# A sheet whose name says it may hold more of the invoices or receipts (a month, a year, a
# copy of the invoice sheet, credit notes kept apart): read even where every contract sheet
# is named, so that ``sibling_sheets`` can find it.
_MONTH_OR_YEAR = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b20\d\d\b|"
    r"\bq[1-4]\b|يناير|فبراير|مارس|ابريل|أبريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|اغسطس|"
    r"أغسطس|سبتمبر|اكتوبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|"
    r"تموز|آب|أيلول|ايلول|تشرين")
_MORE_OF = re.compile(r"(?i)credit\s*notes?|credit\s*memos?|\breturns?\b|\brefunds?\b|"
                      r"مرتجع|مردود|إشعار|اشعار|invoice|receipt|payment|فواتير|الفواتير|فاتورة|"
                      r"تحصيل|مقبوضات|سداد")


def may_hold_more(name: str) -> bool:
    """Whether a sheet's name says it may hold more invoices or receipts (module comment)."""
    return bool(_MORE_OF.search(name) or _MONTH_OR_YEAR.search(name))


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
    # without an invoice sheet, one named like our output tab may be the user's invoice list
    output_too = "Invoices" not in named

    def wanted(name: str) -> bool:
        kind = find_kind(name)
        if kind is not None:
            return (name, kind) not in by_table
        return (searched or may_hold_more(name)) and name not in hidden and \
            not name.startswith("_") and (output_too or match_key(name) not in OUTPUT_TABS)

    return {n for n in names if wanted(n)}
