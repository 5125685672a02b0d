"""A sheet that is an invoice list by its header but could not be taken for one.

A sheet no name says is the invoice list is found by its header row, and only where that row
names every required column. An export whose amount or customer heading the reader does not
know (an ERP's short heading, a local word) was then passed over without a word: no aging,
no credit figures, and nothing said why. Such a sheet is named, with the columns it lacks."""

from __future__ import annotations

from ar_excel.io.grid import Grid
from ar_excel.io.headers import alias_index, fields_named
from ar_excel.io.sheet_kinds import NEVER_BY_CONTENT, OUTPUT_TABS, find_kind, header_rows
from ar_excel.model import Issue
from ar_excel.names import match_key
from ar_excel.schema import SCHEMAS

# What makes a header an invoice list's: a document's number and its date, and one more of
# the list's columns (a due date, an amount, a currency, a customer).
_LEAST = 3


def invoice_list_unread(grids: list[Grid], taken: set[str]) -> Issue | None:
    """The Input Issue for the first visible sheet (none of ``taken``, no tab of ours) whose
    header row names an invoice's number, its date and at least one more of the invoice
    list's columns, but not every required one; None where there is none."""
    schema = SCHEMAS["Invoices"]
    index = alias_index(schema)
    required = [f.name for f in schema.fields if f.required]
    for g in grids:
        sheet = g.sheet or g.name
        if g.hidden or g.header is not None or sheet in taken or sheet.startswith("_") \
                or match_key(sheet) in OUTPUT_TABS | NEVER_BY_CONTENT \
                or find_kind(g.name) is not None:  # (an optional sheet: Invoice Lines...)
            continue
        # the header as the reader reads it: an amount before tax is the Amount, a report
        # grouped under its customers' names has their Customer ID
        for i, named in header_rows(g, schema):
            written = fields_named(g.rows[i], index)  # what the row itself names: a title
            # or blank row over the header, read with it as a two-row header, is no header
            if not written or len(named) < _LEAST or not {"Invoice No", "Invoice Date"} <= named:
                continue
            missing = [f for f in required if f not in named]
            if not missing:
                break
            shown = [f.name for f in schema.fields if f.name in written]
            return Issue(sheet, f"A{i + 1}", ", ".join(missing), "", (
                f"sheet '{sheet}' looks like an invoice list (its header row {i + 1} names "
                f"{', '.join(shown)}) but has no column for {', '.join(missing)}: not read; "
                f"head those columns as the contract names them (e.g. 'Amount', "
                f"'Customer ID')"))
    return None
