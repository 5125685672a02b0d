"""Invoices and receipts kept side by side on one sheet, each block its own columns.

A hand-kept account often writes the invoices on the left (Invoice No, Date, Amount) and,
after a blank column, the receipts on the right (Receipt No, Date, Amount Received), each
block filling its rows from the top. Read as one list, the right block's headers repeat
the left's (a second Date, a second Amount) and would be carried as columns of no meaning:
every receipt lost without a word. So such a sheet is read as two: the left block is the
invoice list, the right block the receipts, each grid keeping its own column letters.

A sheet is split only where its header row has a blank cell with, on its left, the
invoice list's number or date and amount, and on its right, a receipts block's date and
amount that are no invoice column (a second Date, Amount Received, تاريخ التحصيل).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ar_excel.io.grid import Grid
from ar_excel.io.headers import find_header_row, map_headers
from ar_excel.model import Issue, column_letter
from ar_excel.parsing import is_blank
from ar_excel.schema import SCHEMAS


def _fields(cells: list[Any], kind: str) -> dict[str, str]:
    return map_headers(cells, SCHEMAS[kind], 0)[1] if any(not is_blank(c) for c in cells) else {}


def split_side_by_side(grid: Grid) -> tuple[Grid, Grid, Issue] | None:
    """The invoice block and the receipts block of a sheet keeping both side by side (module
    docstring), and the Input Issue saying so; None for any other sheet."""
    if grid.header is not None:
        return None
    h = find_header_row(grid.rows, SCHEMAS["Invoices"])
    if h is None:
        return None
    header = list(grid.rows[h])
    for j, cell in enumerate(header):
        if not is_blank(cell) or j == 0:
            continue
        left, right = header[:j], header[j + 1:]
        invoices = _fields(left, "Invoices")
        if "Amount" not in invoices or not ({"Invoice No", "Invoice Date"} & set(invoices)):
            continue
        receipts = _fields(right, "Payments")
        if not {"Amount", "Date"} <= set(receipts):
            continue
        # (the receipts' own columns: the same headers read as an invoice list's are none)
        if _fields(right, "Invoices").keys() >= {"Amount", "Invoice Date"} and \
                "Payment ID" not in receipts:
            continue
        width = j + 1
        rows_left = [list(r[:j]) for r in grid.rows]
        rows_right = [list(r[width:]) for r in grid.rows]
        first = column_letter(grid.left + width)
        issue = Issue(grid.name, f"{first}{grid.top + h + 1}", "", None,
                      f"sheet '{grid.name}' keeps its receipts beside its invoices (from column "
                      f"{first}): read as the receipts, the columns before as the invoices")
        return (replace(grid, rows=rows_left, notes=list(grid.notes)),
                replace(grid, rows=rows_right, left=grid.left + width, notes=[]), issue)
    return None
