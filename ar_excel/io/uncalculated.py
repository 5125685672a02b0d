"""Formulas saved without their values: a workbook written by a program, not by Excel.

Excel saves each formula's result beside it, and that is what the cell reader gives. A workbook
written by a script or an export tool (openpyxl, many ERPs' "export with formulas") holds the
formulas alone until someone opens and saves it in Excel: every such cell reads blank, and an
invoice whose Amount is ``=E2*F2`` would be "Amount is required but blank".

Such cells are found in the sheet's XML (a ``<f>`` without a ``<v>``; only in a workbook
without Excel's calculation chain, which Excel writes whenever it saves formulas) and worked
out from their formulas where these are plain arithmetic on cells (``io.formula_values``:
``=E2*F2``, ``=C2+30`` for a due date, ``=SUM(G2:G9)``, never ``eval``). One Input Issue per
sheet says the values were worked out; a formula using anything else is an Input Issue at its
cell telling the clerk to open and save the workbook in Excel, and its cell stays blank.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defusedxml import ElementTree
from openpyxl.utils.cell import column_index_from_string

from ar_excel.io.cell_errors import (
    CALC_CHAIN,
    FORMULA_MARKS,
    UNREADABLE_XLSX,
    sheet_parts_to_scan,
)
from ar_excel.io.formula_values import CellValue, Evaluator, NotWorkedOut
from ar_excel.io.grid import Grid

if TYPE_CHECKING:
    from ar_excel.model import Book, Issue, Table

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def uncalculated_formulas(path: Path, sheets: list[str],
                          marked: dict[str, bool] | None = None) -> dict[str, dict[str, str]]:
    """Sheet -> {cell: formula} of the formula cells saved without a value, in the sheets
    asked for of an .xlsx/.xlsm written without Excel's calculation chain. ``marked``:
    whether a sheet holds a formula, where that is known already (``cell_errors``' pass
    over the sheet): a sheet known to hold none is not inflated again."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    found: dict[str, dict[str, str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {i.filename: i.file_size for i in archive.infolist()}
            if CALC_CHAIN in sizes:
                return {}  # saved by Excel: every formula has its value
            for sheet, part in sheet_parts_to_scan(archive, sheets, sizes, large=False):
                if marked is not None and marked.get(sheet) is False:
                    continue
                data = archive.read(part)
                if not any(mark in data for mark in FORMULA_MARKS):
                    continue
                cells = _formula_cells_without_value(data)
                if cells:
                    found[sheet] = cells
    except UNREADABLE_XLSX:
        return found
    return found


def _formula_cells_without_value(data: bytes) -> dict[str, str]:
    cells: dict[str, str] = {}
    for cell in ElementTree.fromstring(data).iter(f"{_NS}c"):
        formula = cell.find(f"{_NS}f")
        if formula is None or not (formula.text or "").strip() or not cell.get("r"):
            continue
        value = cell.find(f"{_NS}v")
        if value is None or value.text is None:
            cells[cell.get("r")] = "=" + formula.text.strip()
    return cells


def _grids_of(grids: list[Grid], sheet: str) -> list[Grid]:
    """The grids holding a sheet's cells: the sheet's own, and its Excel tables'."""
    return [g for g in grids if (g.header is None and g.name == sheet) or
            (g.header is not None and g.sheet == sheet)]


def _sheet_value(grids: list[Grid]) -> CellValue:
    def value(sheet: str, row: int, col: int) -> Any:
        own = [g for g in _grids_of(grids, sheet) if g.header is None]
        if not own:
            raise NotWorkedOut(f"it names the sheet '{sheet}', which is not read")
        g = own[0]
        r, c = row - g.top, col - g.left
        if 0 <= r < len(g.rows) and 0 <= c < len(g.rows[r]):
            return g.rows[r][c]
        return None

    return value


def _put(grids: list[Grid], sheet: str, cell: str, value: Any) -> None:
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
    r0, c0 = int(row) - 1, column_index_from_string(col) - 1
    for g in _grids_of(grids, sheet):
        r, c = r0 - g.top, c0 - g.left
        if r < 0 or c < 0 or (g.header is not None and (r >= len(g.rows) or c >= len(g.header))):
            continue
        while len(g.rows) <= r:
            g.rows.append([None] * (len(g.rows[0]) if g.rows else c + 1))
        line = g.rows[r]
        if len(line) <= c:
            line.extend([None] * (c + 1 - len(line)))
        line[c] = value


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return f"'{value}'"


@dataclass
class Filled:
    """What ``fill_uncalculated`` did: the Input Issues to tell, and the cells it could not
    work out (sheet -> {cell: (formula, why)})."""

    notes: list[Issue]
    failed: dict[str, dict[str, tuple[str, str]]]


def fill_uncalculated(grids: list[Grid], formulas: dict[str, dict[str, str]]) -> Filled:
    """Put the worked-out value of each formula saved without one into the grids."""
    from ar_excel.model import Issue

    evaluator = Evaluator(formulas, _sheet_value(grids))
    notes: list[Issue] = []
    failed: dict[str, dict[str, tuple[str, str]]] = {}
    worked: dict[str, list[tuple[str, str, Any]]] = {}
    for sheet, cells in formulas.items():
        for cell, formula in cells.items():
            try:
                value = evaluator.value(sheet, cell)
            except NotWorkedOut as why:
                failed.setdefault(sheet, {})[cell] = (formula, str(why))
                continue
            worked.setdefault(sheet, []).append((cell, formula, value))
    for sheet, cells in worked.items():
        for cell, _, value in cells:
            _put(grids, sheet, cell, value)
        cell, formula, value = cells[0]
        notes.append(Issue(
            sheet, cell, "", len(cells),
            f"{len(cells)} formula cell(s) were saved without their values (the file was "
            f"written by a program, not saved by Excel): their values were worked out from "
            f"their formulas (e.g. {cell} {formula} = {_shown(value)})"))
    return Filled(notes, failed)


def tell_uncalculated(book: Book, failed: dict[str, dict[str, tuple[str, str]]]) -> None:
    """The book's issues told about the formula cells that could not be worked out: where the
    reader says a required cell is blank, it says why; a formula cell of another read column
    gets an issue of its own."""
    from ar_excel.model import ROW, Issue, cell_parts

    if not failed:
        return
    tables = {t.sheet: t for t in book.tables.values()}
    kinds = {t.sheet: kind for kind, t in book.tables.items()}
    told: set[tuple[str, str]] = set()
    out = []
    for issue in book.issues:
        formula_why = failed.get(issue.sheet, {}).get(issue.cell)
        if formula_why is not None and issue.message.endswith("is required but blank"):
            table = tables.get(issue.sheet)
            letter = cell_parts(issue.cell)[0]
            field = next((f for f, at in table.letters.items() if at == letter), issue.column) \
                if table is not None else issue.column
            issue = Issue(issue.sheet, issue.cell, issue.column, formula_why[0],
                          _cannot(issue.column, *formula_why,
                                  _required_blank(kinds.get(issue.sheet, ""), field)))
            told.add((issue.sheet, issue.cell))
        out.append(issue)
    for sheet, cells in failed.items():
        table = tables.get(sheet)
        if table is None:
            continue
        by_letter = {letter: table.headers.get(c, c) for c, letter in table.letters.items()}
        rows = set(table.frame[ROW].tolist())  # a totals row left out is not told again
        payers = _payers(table) if kinds.get(sheet) == "Payments" else {}
        for cell, (formula, why) in cells.items():
            letter, row = cell_parts(cell)
            if (sheet, cell) in told or letter not in by_letter or row not in rows:
                continue
            out.append(Issue(sheet, cell, by_letter[letter], formula,
                             _cannot(by_letter[letter], formula, why,
                                     _read_instead(table, kinds.get(sheet, ""), letter,
                                                   payers.get(row)))))
    book.issues = out


def _payers(table: Table) -> dict[int, tuple[Any, Any]]:
    """Per sheet row of a Payments table, (the invoice it names, its customer) where its
    Customer ID is read (``customer_keys.payers_from_invoices``), the row's first such:
    looked up once, not per formula cell."""
    import pandas as pd

    from ar_excel.model import ROW

    frame = table.frame
    if "Customer ID" not in frame or "Invoice No" not in frame:
        return {}
    payers: dict[int, tuple[Any, Any]] = {}
    for row, customer, invoice in zip(frame[ROW].tolist(), frame["Customer ID"].tolist(),
                                      frame["Invoice No"].tolist(), strict=True):
        if pd.notna(customer):
            payers.setdefault(row, (invoice, customer))
    return payers


def _read_instead(table: Table, kind: str, letter: str,
                  payer: tuple[Any, Any] | None) -> str:
    """What a formula cell read blank became: blank, or a receipt's customer taken from the
    invoice it names (``payer``: the row's, ``_payers``)."""
    if kind == "Payments" and table.letters.get("Customer ID") == letter and payer is not None:
        invoice, customer = payer
        return (f"so it is read as blank, and the receipt as invoice {invoice}'s customer, "
                f"{customer}")
    field = next((f for f, at in table.letters.items() if at == letter), "")
    return _required_blank(kind, field)


def _required_blank(kind: str, field: str) -> str:
    """What becomes of a row whose required ``field`` is read blank, as the jobs treat it:
    only a document without its Amount is left out; an invoice without its customer is still
    aged, under core.aging's UNKNOWN_CUSTOMER, and a customer without its ID is left out of
    the master, its invoices so aged; a number or a date is read blank, the rest of the row
    as it is (the Invoice Checks say what that does)."""
    if field == "Amount":
        return "so the row cannot be used"
    if field == "Customer ID" and kind == "Invoices":
        return "so it is read as blank: the invoice is aged under '(not in Customers)'"
    if field == "Customer ID" and kind == "Payments":
        return "so it is read as blank: the receipt is aged under '(not in Customers)'"
    if field == "Customer ID" and kind == "Customers":
        return ("so it is read as blank: the customer is left out and its invoices are aged "
                "under '(not in Customers)'")
    return "so it is read as blank"


def _cannot(column: str, formula: str, why: str, so: str) -> str:
    return (f"{column} holds the formula {formula} with no saved value (the file was written "
            f"by a program, not saved by Excel) and {why}, {so}: open the workbook in Excel, "
            "save it and run again")
