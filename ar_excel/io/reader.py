"""Read an AR workbook into a ``Book``, as the contract's "Reading" section says.

The file adapter reads cell values with python-calamine (fast, no styles); the live-Excel
adapter (``ar_excel.excel``) hands the same ``Grid`` of values to ``book_from_grids``, so both
parse identically. Every data row is either parsed or reported: a value that cannot be used
becomes an ``Issue`` with its cell address and is left empty in the frame, the row is kept.
A list exported as delimited text (``.csv``, ``.tsv``, ``.txt``) is read as a book of one
sheet named after the file, every cell as the text it is.

The reading is done by the modules named for each step, re-exported here:

* ``sheet_loading``: the sheets' cells read with calamine (threads, merged cells);
* ``sheet_kinds``: which sheet is which contract sheet (by name, else by header);
* ``headers``: the header row and the columns it names;
* ``report_rows``: rows that are no records (repeated headers, totals, group headings);
* ``table_read``: one sheet's values parsed, every unusable value an issue at its cell;
* ``policy_sheet``: the Policy sheet;
* ``customer_keys`` and ``erp_entries``: rules needing more than one sheet;
* ``book_build``: the Book assembled from the grids;
* ``cell_errors``: Excel error cells the cell reader gives as blank;
* ``other_sheets``: any other sheet, read on demand.
"""

from __future__ import annotations

from pathlib import Path

from ar_excel.errors import InputError
from ar_excel.io.book_build import book_from_grids
from ar_excel.io.bulk import bulk
from ar_excel.io.cell_errors import ErrorScan, explain_error_cells
from ar_excel.io.customer_keys import CODE_OR_NAME, NAME_HEADERS
from ar_excel.io.erp_entries import CLEARING_HEADERS
from ar_excel.io.grid import Grid
from ar_excel.io.headers import (
    DERIVED,
    GROSS_AMOUNT,
    HEADER_SEARCH_ROWS,
    NET_AMOUNT,
    find_header_row,
    header_field,
    map_headers,
)
from ar_excel.io.hidden_rows import tell_hidden_rows
from ar_excel.io.ods_xml import read_once
from ar_excel.io.other_sheets import remember_previous_output, rows_frame, sheet_frame
from ar_excel.io.report_rows import _TOTAL_STARTS, TOTAL_LABELS, _may_start_a_total
from ar_excel.io.sheet_kinds import CONTENT_KINDS, OUTPUT_TABS, find_kind, sheets_to_read
from ar_excel.io.sheet_loading import (
    MAX_READ_THREADS,
    _SheetLoads,
    calamine_grids,
    fill_merged_down,
)
from ar_excel.io.table_read import as_columns, read_table
from ar_excel.model import Book

_columns = as_columns  # (the name the fast-path tests know it by)

__all__ = [
    "CLEARING_HEADERS", "CODE_OR_NAME", "CONTENT_KINDS", "DERIVED", "GROSS_AMOUNT",
    "HEADER_SEARCH_ROWS", "MAX_READ_THREADS", "NAME_HEADERS", "NET_AMOUNT", "OUTPUT_TABS",
    "TOTAL_LABELS", "_TOTAL_STARTS", "Grid", "_SheetLoads", "_columns", "_may_start_a_total",
    "book_from_grids", "fill_merged_down", "find_header_row", "find_kind", "header_field",
    "map_headers", "read_book", "read_table", "remember_previous_output", "rows_frame",
    "sheet_frame", "sheets_to_read",
]


# Lists exported as delimited text (Zoho's, Xero's and ERPNext's contacts; any ERP's CSV)
_DELIMITED = (".csv", ".tsv", ".txt")


def _delimited_book(path: Path) -> Book:
    """A CSV export read as a workbook of one sheet named after the file, which its headers
    say the kind of: every cell as the text it is (a code keeps its leading zeros, as it
    would not once opened in Excel), its encoding and delimiter detected as for a bank's."""
    import csv
    import io

    from ar_excel.bank.dialect import sniff_delimiter
    from ar_excel.bank.text import decode_bytes

    text = decode_bytes(path.read_bytes()).text
    rows = [[cell if cell.strip() else None for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))]
    return book_from_grids([Grid(path.stem, rows)], source=path, sheet_loader=lambda name: None)


@bulk()
def read_book(path: str | Path) -> Book:
    """Read an AR workbook (.xlsx, .xlsm, .xls, .ods) from a file, or a list exported as
    CSV (one sheet)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.suffix.lower() in _DELIMITED:
        return _delimited_book(path)
    from ar_excel.io.not_a_workbook import saved_as_text
    from ar_excel.io.web_workbook import web_book

    web = web_book(path)  # a web page or Excel 2003 XML saved under a workbook's name
    if web is not None:
        return web
    if saved_as_text(path):  # a CSV or tab-separated export saved under an .xls name
        return _delimited_book(path)
    with read_once(path):  # an .ods file's content.xml: unzipped once for every look into it
        return _read_book(path)


def _read_book(path: Path) -> Book:
    grids, loader, loads = calamine_grids(path)
    # the cells calamine gives as blank that hold an Excel error, found meanwhile
    scan = ErrorScan(path, list(dict.fromkeys(
        loads.names + [g.sheet for g in grids if g.sheet is not None])))
    try:  # the sheets are parsed as they arrive
        book = book_from_grids(grids, source=path, sheet_loader=loader)
    except BaseException:
        loads.finish()  # a sheet that could not be read is the first thing to say
        raise
    loads.finish()
    invoices = book.tables.get("Invoices")
    if invoices is not None and invoices.frame.empty:
        # a template's invoice list left empty: the sheets not read (a sheet per customer's
        # account) may hold the ledger (``customer_sheets``)
        unread = [g for g in grids if g.header is None and not g.rows and not g.hidden
                  and not g.name.startswith("_")]
        for g in unread:
            g.rows = loader(g.name) or []
        if any(g.rows for g in unread):
            book = book_from_grids(grids, source=path, sheet_loader=loader)
    formulas = scan.uncalculated()
    if formulas:  # a workbook written by a program: its formulas' values worked out, read again
        from ar_excel.io.uncalculated import fill_uncalculated, tell_uncalculated

        filled = fill_uncalculated(grids, formulas)
        book = book_from_grids(grids, source=path, sheet_loader=loader)
        book.issues = filled.notes + book.issues
        tell_uncalculated(book, filled.failed)
    explain_error_cells(book, scan.result())
    tell_hidden_rows(book, scan.hidden())
    from ar_excel.io.colour_marks import colour_only_marks

    colour_only_marks(book, path)  # a hand-kept list's invoices marked paid by a colour
    return book
