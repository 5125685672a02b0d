"""Excel error values (``#N/A``, ``#REF!``, ``#DIV/0!``) behind cells read as blank.

The cell reader gives a formula's error result as an empty value. The clerk must know it is
the formula, not a blank cell:

* a required cell ("Amount is required but blank") is reworded to name the error, the row
  cannot be used;
* a Policy setting's value cell is an Input Issue: its default is used;
* an optional cell of a contract column (a Credit Limit or Discount % that a broken VLOOKUP
  or a division by zero turned into an error) is an Input Issue of its own: the error and
  that the value is treated as missing (a blank limit is no limit, a blank due date comes
  from the terms), so nothing is silently taken for blank.

The saved workbook is looked at for error cells while the sheets are parsed (``ErrorScan``,
in a background thread: inflating a sheet's XML releases Python's lock): an .xlsx/.xlsm here,
an .ods by ``ods_errors``, an .xls by ``xls_errors``, so that a workbook saved in any of them
tells the same. A sheet is searched as bytes for an error cell, and parsed (defusedxml) only
when it has one.
Inflating costs about a second per 300 MB of XML, so a sheet larger than ``SCAN_BYTES`` is
looked at only where the workbook keeps formulas (Excel's calculation chain): a large sheet
exported by an ERP or a script holds values, not errors.
"""

from __future__ import annotations

import re
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from defusedxml import DefusedXmlException, ElementTree

from ar_excel.io.hidden_rows import HiddenRows
from ar_excel.io.safety import sheet_parts

if TYPE_CHECKING:
    from ar_excel.model import Book, Issue, Table

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_CELL = f"{{{_NS['m']}}}c"
_ERROR_MARKS = (b't="e"', b"t='e'")
FORMULA_MARKS = (b"<f>", b"<f ")  # a formula cell's element (``io.uncalculated``)
_CHUNK = 1 << 22  # bytes of a sheet's XML inflated at a time
SCAN_BYTES = 32 << 20  # sheets up to this much XML (~80,000 rows) are always looked at
CALC_CHAIN = "xl/calcChain.xml"  # Excel's list of formula cells: the workbook has formulas
# What may stop a look into an .xlsx's XML (entities or a DTD: refused by defusedxml)
UNREADABLE_XLSX = (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, EOFError,
                   DefusedXmlException, LookupError, ValueError)


def _has_error_cell(archive: zipfile.ZipFile, part: str, rows: HiddenRows | None = None,
                    formulas: bool = False) -> tuple[bool, bool]:
    """Whether a sheet's XML holds an error cell, searched as bytes a chunk at a time; with
    ``rows``, its hidden rows are found in the same pass (the whole sheet is then read), and
    with ``formulas`` too, whether it holds a formula (second; ``uncalculated`` need not
    inflate the sheet again to know)."""
    tail, found, formula = b"", False, False
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if rows is not None:
                rows.feed(chunk)
            if not found and any(mark in window for mark in _ERROR_MARKS):
                found = True
                if rows is None:
                    return True, formula
            if formulas and not formula:
                formula = any(mark in window for mark in FORMULA_MARKS)
            tail = window[-8:]
    return found, formula


def _error_cells(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Cell address -> the Excel error it holds, of one sheet."""
    found: dict[str, str] = {}
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag != _CELL:
                continue
            if element.get("t") == "e" and element.get("r"):
                value = element.find("m:v", _NS)
                found[element.get("r")] = value.text if value is not None and value.text \
                    else "#VALUE!"
            element.clear()
    return found


def sheet_errors(path: Path, sheets: list[str],
                 hidden: dict[str, tuple[set[int], bool]] | None = None,
                 formulas: dict[str, bool] | None = None) -> dict[str, dict[str, str]]:
    """Sheet -> {cell: Excel error} for the error cells of these sheets of an .xlsx/.xlsm
    (nothing of a file that is none, or that cannot be looked into); ``hidden`` is given
    the sheets' hidden rows found in the same pass (``io.hidden_rows``), and ``formulas``
    (with ``hidden``) whether each sheet read whole holds a formula."""
    found: dict[str, dict[str, str]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {i.filename: i.file_size for i in archive.infolist()}
            for sheet, part in sheet_parts_to_scan(archive, sheets, sizes,
                                                   large=CALC_CHAIN in sizes):
                rows = None if hidden is None else HiddenRows()
                has_error, formula = _has_error_cell(archive, part, rows, formulas is not None)
                if formulas is not None and rows is not None:  # (only a sheet read whole)
                    formulas[sheet] = formula
                if rows is not None and rows.rows:
                    hidden[sheet] = (rows.rows, rows.filtered)
                if not has_error:
                    continue
                cells = _error_cells(archive, part)
                if cells:
                    found[sheet] = cells
    except UNREADABLE_XLSX:
        return found
    return found


def sheet_parts_to_scan(archive: zipfile.ZipFile, sheets: list[str], sizes: dict[str, int],
                        large: bool) -> list[tuple[str, str]]:
    """(sheet, worksheet part) of the sheets asked for that the archive holds; a sheet over
    ``SCAN_BYTES`` of XML only where ``large`` (the workbook keeps formulas: the scan is
    worth its time)."""
    parts = sheet_parts(archive)
    return [(sheet, parts[sheet]) for sheet in sheets
            if parts.get(sheet) in sizes and (large or sizes[parts[sheet]] <= SCAN_BYTES)]


def _ods_errors(path: Path, sheets: list[str],
                hidden: dict[str, tuple[set[int], bool]] | None = None
                ) -> dict[str, dict[str, str]]:
    from ar_excel.io.hidden_rows import ods_hidden_rows
    from ar_excel.io.ods_errors import ods_errors

    found = ods_errors(path, sheets)
    if hidden is not None:  # (from the same content.xml: ``ods_xml.read_once``)
        hidden.update(ods_hidden_rows(path, sheets))
    return found


def _xls_errors(path: Path, sheets: list[str],
                hidden: dict[str, tuple[set[int], bool]] | None = None
                ) -> dict[str, dict[str, str]]:
    from ar_excel.io.xls_errors import xls_errors

    return xls_errors(path, sheets)  # (an .xls is not looked at for hidden rows)


# How each kind of workbook file is looked at for its error cells, and hidden rows.
SCANNED = {".xlsx": sheet_errors, ".xlsm": sheet_errors, ".ods": _ods_errors, ".xls": _xls_errors}


class ErrorScan:
    """``sheet_errors`` of a workbook's sheets, found in a background thread while the
    sheets are parsed; ``result`` waits for it."""

    def __init__(self, path: Path, sheets: list[str]) -> None:
        self._found: dict[str, dict[str, str]] = {}
        self._formulas: dict[str, dict[str, str]] = {}  # saved without values (uncalculated)
        self._hidden: dict[str, tuple[set[int], bool]] = {}  # hidden rows (``hidden_rows``)
        self._thread: threading.Thread | None = None
        if path.suffix.lower() in SCANNED and sheets:
            self._thread = threading.Thread(target=self._run, args=(path, sheets), daemon=True)
            self._thread.start()

    def _run(self, path: Path, sheets: list[str]) -> None:
        from ar_excel.io.uncalculated import uncalculated_formulas

        try:
            if SCANNED[path.suffix.lower()] is sheet_errors:
                # (whether each sheet holds a formula is seen in the same pass)
                marked: dict[str, bool] = {}
                self._found = sheet_errors(path, sheets, self._hidden, marked)
                self._formulas = uncalculated_formulas(path, sheets, marked)
            else:
                self._found = SCANNED[path.suffix.lower()](path, sheets, self._hidden)
                self._formulas = uncalculated_formulas(path, sheets)
        except Exception:  # noqa: BLE001 - a helper scan: the book is read without it
            # Whatever defeats this look into the XML (an unexpected file) must not print a
            # thread traceback: the messages then stay as the reader wrote them.
            self._found = {}

    def result(self) -> dict[str, dict[str, str]]:
        if self._thread is not None:
            self._thread.join()
        return self._found

    def hidden(self) -> dict[str, tuple[set[int], bool]]:
        """Sheet -> (hidden rows, has an AutoFilter) (``io.hidden_rows``)."""
        self.result()
        return self._hidden

    def uncalculated(self) -> dict[str, dict[str, str]]:
        """Sheet -> {cell: formula} saved without a value (``io.uncalculated``)."""
        self.result()
        return self._formulas


_BLANK = re.compile(r"^(.*) is required but blank$")


def explain_error_cells(book: Book, errors: dict[str, dict[str, str]]) -> None:
    """The book's issues told about its Excel error cells: "required but blank" reworded
    where the cell holds an error, and an issue for each error in an optional contract
    column, whose value is treated as missing."""
    from ar_excel.model import Issue

    if not errors:
        return
    out: list[Issue] = []
    for issue in book.issues:
        error = errors.get(issue.sheet, {}).get(issue.cell)
        if error is not None and _BLANK.match(issue.message):
            issue = Issue(issue.sheet, issue.cell, issue.column, error,
                          f"{issue.column} is the Excel error {error} (its formula has no "
                          f"value), so the row cannot be used")
        out.append(issue)
    read = {kind: _read_rows(table) for kind, table in book.tables.items()
            if errors.get(table.sheet)}
    book.issues = (out + _policy_error_issues(book, errors)
                   + _optional_error_issues(book, errors, read))
    book.issues += _error_only_rows(book, errors, read)


def _read_rows(table: Table) -> pd.Series:
    """A table's records (frame index) by the sheet row each was read from; a row read
    into several records (a receipt split over its invoices) is there for each."""
    from ar_excel.model import ROW

    return pd.Series(table.frame.index, index=table.frame[ROW].to_numpy())


def _policy_error_issues(book: Book, errors: dict[str, dict[str, str]]) -> list[Issue]:
    """A Policy setting whose cell is an Excel error: its default is used, which the
    clerk must know (a broken link to a rates sheet would otherwise change nothing, in
    silence)."""
    from ar_excel.model import Issue

    return [Issue(sheet, cell, key, errors[sheet][cell],
                  f"policy '{key}' is the Excel error {errors[sheet][cell]} (its formula has no "
                  "value); the default is used")
            for sheet, cells in book.policy_blank_cells.items()
            for cell, key in cells.items() if cell in errors.get(sheet, {})]


def _error_only_rows(book: Book, errors: dict[str, dict[str, str]],
                     read: dict[str, pd.Series]) -> list[Issue]:
    """A row of a table holding nothing but Excel errors (a row of broken formulas): read as
    blank, it was left out in silence. It is said once, at its first error cell in the
    table's columns. ``read``: each table's records by their sheet row (``_read_rows``)."""
    from ar_excel.model import Issue, cell_parts

    tables = [(kind, table) for kind, table in book.tables.items()
              if errors.get(table.sheet) and not table.sheet_letters]
    # the rows an issue is at already, of the sheets looked at: one pass over the issues
    said: dict[str, set[int]] = {table.sheet: set() for _, table in tables}
    for issue in book.issues:
        if issue.sheet in said and (m := re.search(r"(\d+)$", str(issue.cell))):
            said[issue.sheet].add(int(m[1]))
    issues: list[Issue] = []
    for kind, table in tables:
        cells = errors[table.sheet]
        headers = {letter: table.headers.get(c, c) for c, letter in table.letters.items()}
        rows, told = read[kind].index, said[table.sheet]
        first: dict[int, str] = {}  # row -> its leftmost error's column letter
        for cell in cells:
            letter, row = cell_parts(cell)
            if (letter not in headers or row is None or row <= table.header_row or row in rows
                    or row in told):
                continue
            if row not in first or (len(letter), letter) < (len(first[row]), first[row]):
                first[row] = letter
        for row, letter in sorted(first.items()):
            error = cells[f"{letter}{row}"]
            issues.append(Issue(table.sheet, f"{letter}{row}", headers[letter], error,
                                f"the row holds nothing but the Excel error {error} (its "
                                "formula has no value): not read"))
    return issues


# What a missing optional value then means, where it is worth saying.
_MISSING_MEANS = {
    "Credit Limit": "no credit limit", "Due Date": "due by the payment terms",
    "Payment Terms": "no terms", "Currency": "the customer's currency",
}


def _optional_error_issues(book: Book, errors: dict[str, dict[str, str]],
                           read: dict[str, pd.Series]) -> list[Issue]:
    from ar_excel.model import Issue, cell_parts
    from ar_excel.schema import SCHEMAS

    issues: list[Issue] = []
    for kind, table in book.tables.items():
        cells = errors.get(table.sheet)
        if not cells:
            continue
        optional = {f.name for f in SCHEMAS[kind].fields if not f.required}
        by_letter = {table.letters[c]: c for c in table.headers if c in optional
                     and c in table.letters}
        rows = read[kind]
        for cell, error in cells.items():
            letter, row = cell_parts(cell)
            column = by_letter.get(letter)
            if column is None or row is None or row not in rows.index:
                continue
            index = rows[row]
            if isinstance(index, pd.Series):  # a receipt split over its invoices: once
                index = index.iloc[0]
            if not pd.isna(table.frame.at[index, column]):
                continue  # read from elsewhere (a name beside a blank ID...)
            header = table.headers[column]
            means = _MISSING_MEANS.get(column)
            issues.append(Issue(
                table.sheet, cell, header, error,
                f"{header} is the Excel error {error} (its formula has no value): treated as "
                f"missing" + (f" ({means})" if means else "")))
    issues.sort(key=lambda i: (i.sheet, int(re.sub(r"^[A-Z]+", "", i.cell)),
                               len(i.cell), i.cell))
    return issues
