"""The records every part of ar_excel passes around.

* ``Issue``: one input value that could not be used (a row of the ``Input Issues`` tab).
* ``Table``: one input sheet after reading: parsed frame, raw values and where each came from.
* ``Book``: everything read from a workbook: the contract's sheets, the policy, the issues.
* ``Tab``: one output tab to write, with the number formats of its columns.
* ``JobResult``: what a job hands back: its tabs, issues and a one-line summary.

Parsed frames use the contract's English column names (``Customer ID``, ``Amount`` ...), so
a finding can name its field exactly as the clerk sees it. ``ROW`` holds the 1-based Excel
row each record came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ar_excel.policy import Policy

ROW = "_row"  # 1-based worksheet row of the record, for messages with cell addresses
# the sheet a record came from, where a table was read from several sheets (a month each:
# ``io.sibling_sheets``); absent where it is the table's one sheet
SHEET = "_sheet"


@dataclass(frozen=True)
class Issue:
    """An input value that could not be used; written to the ``Input Issues`` tab."""

    sheet: str
    cell: str
    column: str
    value: Any
    message: str
    # what the issue is, for the code that acts on it (``bank.statement.TIE_OUT``...): no
    # part of the issue as written, nor of its identity
    kind: str = field(default="", compare=False)

    def as_row(self) -> dict[str, Any]:
        return {
            "Sheet": self.sheet,
            "Cell": self.cell,
            "Column": self.column,
            "Value": "" if self.value is None else str(self.value),
            "Message": self.message,
        }


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(letter: str | None, row: int) -> str:
    """The address of a value in ``row``: ``D14``; the whole row (``14:14``, as Excel writes
    it) where the sheet has no such column, so the address still leads to the record."""
    return f"{letter}{row}" if letter and letter != "?" else f"{row}:{row}"


def cell_parts(cell: str) -> tuple[str, int | None]:
    """A cell address's column letters and row number: ``D14`` -> (``D``, 14); no row
    (None) where no digits end it, so an address that is none is passed over, not a crash."""
    letter = cell.rstrip("0123456789")
    digits = cell[len(letter):]
    return letter, int(digits) if digits else None


@dataclass
class Table:
    """One input sheet (or Excel table) after reading.

    ``frame`` holds parsed values under canonical names (plus unknown columns as found, and
    ``ROW``); ``raw`` holds the values exactly as read, same index and columns; ``letters``
    maps each column to its worksheet column letter.
    """

    kind: str  # canonical sheet name, e.g. "Customers"
    sheet: str  # the sheet name as it is in the workbook
    frame: pd.DataFrame
    raw: pd.DataFrame
    letters: dict[str, str] = field(default_factory=dict)
    header_row: int = 1
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> header as written
    # A table read from several sheets (``io.sibling_sheets``): the letters and headers of
    # each other sheet, whose columns may stand in another order (a credit notes sheet)
    sheet_letters: dict[str, dict[str, str]] = field(default_factory=dict)
    sheet_headers: dict[str, dict[str, str]] = field(default_factory=dict)
    # A cell read from several lines (a customer's further contact lines, ``io.contact_rows``):
    # (the record's sheet row, column) -> each line's sheet row and what it held, so a check
    # names the cell where a contact was typed
    typed_on: dict[tuple[int, str], list[tuple[int, str]]] = field(default_factory=dict)
    _rows: tuple[pd.DataFrame, dict[int, list[Any]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def sheet_at(self, index: Any) -> str:
        """The sheet the record with frame index ``index`` is on."""
        if SHEET in self.frame.columns:
            sheet = self.frame.at[index, SHEET]
            if isinstance(sheet, str):
                return sheet
        return self.sheet

    def letter(self, index: Any, column: str) -> str | None:
        """The column letter of ``column`` on the record's own sheet (None: not there)."""
        if self.sheet_letters:
            sheet = self.sheet_at(index)
            if sheet != self.sheet:
                return self.sheet_letters.get(sheet, {}).get(column)
        return self.letters.get(column)

    def header(self, index: Any, column: str) -> str:
        """``column``'s header as written on the record's own sheet."""
        if self.sheet_headers:
            sheet = self.sheet_at(index)
            if sheet != self.sheet:
                return self.sheet_headers.get(sheet, {}).get(column, column)
        return self.headers.get(column, column)

    def record_at(self, row: int, key: str, value: Any) -> Any:
        """The frame index of the record on worksheet row ``row`` whose ``key`` is ``value``
        (rows of several sheets share numbers), or None."""
        if self._rows is None or self._rows[0] is not self.frame:  # (built once per frame)
            by_row: dict[int, list[Any]] = {}
            for index, r in zip(self.frame.index, self.frame[ROW].to_numpy(), strict=True):
                by_row.setdefault(int(r), []).append(index)
            self._rows = (self.frame, by_row)
        at = self._rows[1].get(int(row), [])
        if len(at) > 1 and key in self.frame.columns:
            at = [i for i in at if self.frame.at[i, key] == value]
        return at[0] if at else None

    def cell(self, index: Any, column: str) -> str:
        """Excel address (e.g. ``D14``) of ``column`` in the record with frame index ``index``,
        on the record's own sheet (``sheet_at``)."""
        row = int(self.frame.at[index, ROW])
        return cell_ref(self.letter(index, column), row)

    def issue(self, index: Any, column: str, message: str) -> Issue:
        value = self.raw.at[index, column] if column in self.raw.columns else None
        return Issue(self.sheet_at(index), self.cell(index, column), self.header(index, column),
                     value, message)

    def __len__(self) -> int:
        return len(self.frame)


@dataclass
class Book:
    """An AR workbook as read: the contract's sheets, optional sheets, policy and issues."""

    source: Path | None
    policy: Policy
    tables: dict[str, Table] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    arabic: bool = False  # the workbook's headers or sheet names are mostly Arabic
    unusable: dict[str, str] = field(default_factory=dict)  # kind -> why it could not be read
    # kind -> the sheet the reader took it from, where the workbook has none of its own (the
    # customers an invoice list names: io.customers_from_lists)
    derived: dict[str, str] = field(default_factory=dict)
    sheet_names: list[str] = field(default_factory=list)
    # The Policy sheet -> {cell: key} of its settings read as blank: an Excel error there is
    # read as blank too, and must be told (io.cell_errors)
    policy_blank_cells: dict[str, dict[str, str]] = field(default_factory=dict)
    sheet_loader: Callable[[str], list[list[Any]] | None] | None = None  # other sheets, lazily
    # the reader's issues a job answered (``withdraw``): left out of the run's Input Issues
    withdrawn: list[Issue] = field(default_factory=list)
    # what the jobs of a run work out from the book alike, worked out once (the pasted Bank
    # Statement sheet: ``bank.workbook_sheet``)
    worked_out: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False,
                                                   compare=False)

    def table(self, kind: str) -> Table | None:
        return self.tables.get(kind)

    def withdraw(self, answered: Callable[[Issue], bool]) -> None:
        """The reader's issues that a job answered (a Bank Statement sheet the reader could
        not read, read by the bank importer) are withdrawn: no longer the book's issues, and
        left out of the run's (``runner``)."""
        gone = [i for i in self.issues if answered(i)]
        if gone:
            self.issues = [i for i in self.issues if not answered(i)]
            self.withdrawn.extend(gone)

    def withdraw_blanks(self, cells: set[tuple[str, str]]) -> None:
        """The reader's "is required but blank" at these (sheet, cell) withdrawn: cells a
        later reading filled (a payment's cells on its allocation rows) or found no fault in
        (a receipt's number on a ledger's receipt line)."""
        if cells:
            self.withdraw(lambda i: i.message.endswith("is required but blank")
                          and (i.sheet, i.cell) in cells)

    def withdraw_blank_rows(self, rows: set[tuple[str, str]]) -> None:
        """The reader's "is required but blank" at any cell of these (sheet, Excel row as
        text) withdrawn: rows a later reading set aside with an issue of their own (a
        payment that is no customer's receipt, a contact line folded into its customer)."""
        if rows:
            self.withdraw(lambda i: i.message.endswith("is required but blank")
                          and (i.sheet, i.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) in rows)

    def frame(self, kind: str) -> pd.DataFrame | None:
        t = self.tables.get(kind)
        return None if t is None else t.frame

    def named_currencies(self) -> list[object]:
        """The Currency of each customer and invoice as read, blanks too, and each ISO code
        the receipts state: what ``core.local_currency`` tells the book's own currency from
        (the reader asks before the jobs do, with the invoice list perhaps absent). A book
        naming no currency but on its receipts (EGP) is in that one: its customers kept
        blank were aged apart from their own EGP receipts on account."""
        named = [code for kind in ("Customers", "Invoices")
                 if (frame := self.frame(kind)) is not None
                 for code in frame["Currency"].tolist()]
        receipts = self.frame("Payments")
        if receipts is not None and "Currency" in receipts:
            from ar_excel.core.ledger import said_currencies

            named += sorted(said_currencies(receipts["Currency"]).dropna().unique())
        return named

    @property
    def customers(self) -> pd.DataFrame:
        return self._required("Customers")

    @property
    def invoices(self) -> pd.DataFrame:
        return self._required("Invoices")

    @property
    def payments(self) -> pd.DataFrame:
        from ar_excel.schema import empty_frame

        f = self.frame("Payments")
        if f is None and "Payments" in self.unusable:
            # a receipts sheet that cannot be read is no "no receipts": every invoice would
            # look unpaid
            return self._required("Payments")
        return empty_frame("Payments") if f is None else f

    def _required(self, kind: str) -> pd.DataFrame:
        f = self.frame(kind)
        if f is None:
            from ar_excel.errors import InputError

            raise InputError(self.why_missing(kind)
                             or f"the workbook has no '{kind}' sheet (or Excel table)")
        return f

    def why_missing(self, kind: str) -> str | None:
        """Why the book has no ``kind``, where the reader could say: its sheet could not be
        read, or (for the customers of a book without a customer list, which come from its
        invoice list) the invoice list could not be read: 'no Customers sheet' sent the
        user after a sheet the book never needed, its invoice list's amount heading unknown."""
        why = self.unusable.get(kind)
        if why is None and kind == "Customers" and "Invoices" not in self.tables:
            why = self.unusable.get("Invoices")
        return why

    def sheet_frame(self, name: str, must_have: tuple[str, ...] = ()) -> pd.DataFrame | None:
        """Another sheet of the workbook (a previous run's tab, a hidden snapshot) as a plain
        frame of values as read under the row naming ``must_have``, or None when the
        workbook has no such sheet."""
        from ar_excel.io.reader import sheet_frame

        return sheet_frame(self, name, must_have)


# Number formats a Tab column can take; writers map them to Excel formats.
FORMATS = ("money", "date", "datetime", "percent", "int", "text", "bool", "number")


@dataclass
class Chart:
    """A native Excel chart beside a tab's table."""

    kind: str  # "bar", "column", "line", "pie"
    title: str
    categories: str  # column holding the category labels
    values: list[str]  # columns holding the series
    anchor: str | None = None  # top-left cell; default: two columns right of the table
    rows: int | None = None  # chart only the first N data rows (e.g. top 10)
    stacked: bool = False


@dataclass
class Tab:
    """An output tab: written as a formatted Excel table replacing any tab of that name."""

    name: str
    frame: pd.DataFrame
    formats: dict[str, str] = field(default_factory=dict)
    charts: list[Chart] = field(default_factory=list)
    highlight: pd.Series | None = None  # bool per row: fill the row to catch the eye
    as_table: bool = True  # an Excel table (ListObject) with filters
    rtl: bool | None = None  # None: follow the workbook's language
    hidden: bool = False
    title: str | None = None  # a caption written above the table (e.g. a tie-out note)
    # Small tables written under the main one (a blank row between), e.g. a tie-out or the
    # data of a chart; each keeps its own title, formats and charts (io/blocks.py).
    blocks: list[Tab] = field(default_factory=list)
    protect: bool = False  # sheet protection: cells can be read and selected, not edited
    protect_password: str | None = None  # with a password (implies protect)
    # A drop-down of answers offered in a column's cells (others may still be typed), e.g.
    # the review of Bank Matches: {"Status": ["Matched", "Suggested", "Rejected"]}.
    choices: dict[str, list[str]] = field(default_factory=dict)
    bold: pd.Series | None = None  # bool per row: a balance or totals row, in bold


@dataclass(frozen=True)
class SheetProtection:
    """Protect an input sheet of the source workbook (``ar_excel.io.protection.protect_sheet``):
    every cell locked except the ``editable`` column letters below ``header_row``."""

    sheet: str  # sheet name as in the workbook
    password: str
    editable: tuple[str, ...]  # column letters left editable, e.g. ("D", "E")
    header_row: int = 1


@dataclass
class JobResult:
    """What a job returns: the tabs to write, issues found on the way, and a summary line."""

    tabs: list[Tab] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    summary: str = ""
    files: list[Path] = field(default_factory=list)  # extra files written (PDFs, .eml)
    protect: list[SheetProtection] = field(default_factory=list)  # input sheets to protect
