"""An invoice list exported one row per line item is also the book's Invoice Lines.

Zoho Books, Xero and QuickBooks export invoices with a row for each line: the invoice's own
fields (number, customer, dates, total, balance) repeated on each, beside the line's item,
quantity, price, discount, tax and line amount. The invoice list reads one row per invoice
(``line_items.one_row_per_invoice``); the lines themselves are the billing detail the invoice
checks need. Rule: where the workbook has no Invoice Lines sheet, and its invoice list repeats
an invoice number on rows that name a quantity and a line amount of their own (a column the
invoice list did not take as one of its fields: Zoho's ``Item Total``, Xero's
``LineAmount``), every row of the list is read again as an invoice line, each at its own
cell; the invoice's columns (its Total, Balance, dates) are not read as the line's. Lines of
an invoice the list counts as nothing (a draft, a cancelled invoice) are left out.
"""

from __future__ import annotations

from dataclasses import replace

from ar_excel.io.grid import Grid
from ar_excel.io.headers import alias_index, fields_named
from ar_excel.io.table_read import read_table
from ar_excel.model import Book, Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, parse_money
from ar_excel.policy import Policy
from ar_excel.schema import INVOICE_LINES


def _header_at(grid: Grid, header_row: int) -> int | None:
    """The position in ``grid.rows`` of the invoice list's header row (Excel row
    ``header_row``)."""
    at = header_row - 1 - grid.top
    return at if 0 <= at < len(grid.rows) else None


def _without(row: list, headers: set[str]) -> list:
    """The header row with the invoice's own columns blanked (their names out of reach)."""
    return [None if isinstance(v, str) and v.strip() in headers else v for v in row]


_LINE_HEADERS = alias_index(INVOICE_LINES)


def _names_a_line(cells: list) -> bool:
    """Whether header cells name a line's quantity and its amount (the list's rows read
    again as lines would have both)."""
    return {"Quantity", "Line Total"} <= fields_named(cells, _LINE_HEADERS)


def _zero(amount: object, decimal_comma: bool) -> bool:
    """The invoice's Amount cell is blank or zero by value (0, "0,00", "0.000", "EGP 0.00"):
    an invoice of nothing as typed (samples, a free delivery), whose lines were billed; an
    Amount the list counts as 0 but typed otherwise is a draft's or a cancelled invoice's."""
    if is_blank(amount):
        return True
    try:
        return parse_money(amount, decimal_comma) == 0
    except ValueError:
        return False


def lines_from_invoice_rows(book: Book, grid: Grid, policy: Policy) -> list[Issue]:
    """Add ``Invoice Lines`` read from the invoice list's rows (see the module docstring);
    returns the issues of the line columns' values."""
    invoices = book.tables.get("Invoices")
    if invoices is None or "Invoice Lines" in book.tables or grid.hidden:
        return []
    taken = {h.strip() for k, h in invoices.headers.items() if k != "Invoice No" and h}
    if grid.header is not None:  # an Excel table: its header row beside its rows
        header = _without(list(grid.header), taken)
        if not _names_a_line(header):
            return []
        copy = replace(grid, header=header, notes=[])
    else:
        at = _header_at(grid, invoices.header_row)
        if at is None:
            return []
        header = _without(list(grid.rows[at]), taken)
        # (the row under it too: a header written over two rows)
        below = grid.rows[at + 1] if at + 1 < len(grid.rows) else []
        if not _names_a_line([*header, *below]):
            return []  # no quantity and line amount of its own: no list of lines, not read again
        rows = list(grid.rows)
        rows[at] = header
        copy = replace(grid, rows=rows, notes=[])
    lines, issues = read_table(copy, "Invoice Lines", policy)
    if lines is None or not {"Quantity", "Line Total"} <= set(lines.headers):
        return []
    frame = lines.frame
    numbers = frame["Invoice No"]
    if not (numbers.notna() & numbers.duplicated(keep=False)).any():
        return []  # one row per invoice: a register with an item column, not a line export
    # invoices the list counts as nothing (drafts, cancelled): their lines were never billed
    raw_amount = invoices.raw.get("Amount")
    if raw_amount is not None:
        nothing = (invoices.frame["Amount"] == 0) & ~raw_amount.map(
            lambda v: _zero(v, policy.decimal_comma))
        void = {match_key(n) for n in invoices.frame.loc[nothing, "Invoice No"].dropna()}
        if void:
            keep = ~numbers.map(lambda n: match_key(n) in void if n is not None and n == n
                                else False).astype(bool)
            lines.frame = frame[keep.to_numpy()].reset_index(drop=True)
            lines.raw = lines.raw[keep.to_numpy()].reset_index(drop=True)
    own = {h for k, h in lines.headers.items() if k != "Invoice No"}
    book.tables["Invoice Lines"] = lines
    return [i for i in issues if i.column in own]
