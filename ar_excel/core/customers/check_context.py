"""How the customer master checks read the Customers sheet: the Finding each rule gives, the
context a rule reads the sheet through (its raw and parsed cells, built once per run), and the
readings both the record checks (``checks``) and the duplicate checks (``duplicate_checks``)
rely on: a cell as typed, a field's further columns (Mobile beside Phone, Tax Number 1 beside
Tax ID), each customer's tax ID, and the records the master has closed or flagged for deletion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ar_excel.core.customers import duplicates
from ar_excel.core.customers.messages import message, severity
from ar_excel.model import ROW, Table
from ar_excel.names import match_key
from ar_excel.parsing.numbers import MAX_AMOUNT
from ar_excel.policy import YES_WORDS, Policy
from ar_excel.schema import CUSTOMERS

CHECKS_COLUMNS = ["Customer ID", "Row", "Field", "Code", "Severity", "Message", "Cell", "Value"]


@dataclass(frozen=True)
class Finding:
    """One problem in one customer record: a row of the ``Customer Checks`` tab."""

    customer_id: str
    row: int | None
    field: str
    code: str
    severity: str
    message: str
    cell: str = ""
    value: str = ""

    def as_row(self) -> dict[str, object]:
        return dict(zip(CHECKS_COLUMNS, (self.customer_id, self.row, self.field, self.code,
                                         self.severity, self.message, self.cell, self.value),
                        strict=True))


@dataclass(frozen=True)
class CheckContext:
    table: Table
    policy: Policy
    as_of: pd.Timestamp
    arabic: bool
    _cache: dict = field(default_factory=dict, compare=False, repr=False)
    # {frame index: ISO code} of the limits kept in another currency than their customer's
    # (io.limit_currencies: SAP Business One's company currency, 'EGP 50,000' typed...)
    limit_currencies: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.frame

    def has(self, column: str) -> bool:
        """The sheet has this column (not just an empty one added by the reader)."""
        if column not in self.frame.columns:
            return False
        return column in self.table.letters if self.table.letters else True

    def values(self, column: str) -> pd.Series:
        return self.frame[column] if column in self.frame.columns else pd.Series(
            None, index=self.frame.index, dtype="object")

    def _column(self, which: str, column: str) -> dict[object, object]:
        """{frame index: value} of a parsed or raw column, built once per run."""
        key = (which, column)
        if key not in self._cache:
            source = self.table.raw if which == "raw" and self.table.raw is not None and \
                column in self.table.raw.columns else self.frame
            values = source[column].tolist() if column in source.columns else \
                [None] * len(self.frame)
            self._cache[key] = dict(zip(self.frame.index, values, strict=True))
        return self._cache[key]

    def raw(self, index: object, column: str) -> object:
        return self._column("raw", column)[index]

    def cell(self, index: object, column: str) -> str:
        return self._address(column, self.row(index))

    def _address(self, column: str, row: int) -> str:
        letter = self.table.letters.get(column)
        return f"{letter}{row}" if letter else f"{column} @ {row}"

    def row(self, index: object) -> int:
        return int(self._column("parsed", ROW)[index])

    def customer_id(self, index: object) -> str:
        value = self._column("parsed", "Customer ID")[index]
        return "" if blank(value) else str(value).strip()

    def finding(self, index: object, column: str, code: str, value: object = None,
                line: int | None = None, **details: object) -> Finding:
        """A finding on one cell, its message filled with the row's facts. ``line``: the
        sheet row of a further line of the record where ``value`` was typed (``typed_on``)."""
        raw = self.raw(index, column) if value is None else value
        if value is None and isinstance(raw, float) and column in _KEYS:
            raw = self._column("parsed", column)[index]  # a number cell's key: 123456789, no commas
        shown = display(raw)
        row = self.row(index) if line is None else line
        cell = self._address(column, row)
        text = message(code, self.arabic, id=self.customer_id(index) or "?", row=row,
                       cell=cell, value=shown, **details)
        return Finding(self.customer_id(index), row, column, code, severity(code), text, cell,
                       shown)

    def typed_on(self, index: object, column: str) -> list[tuple[int, str]] | None:
        """Each line's sheet row and text where the record's cell was read from several
        lines (a further contact line, ``io.contact_rows``); None: from its own cell."""
        return self.table.typed_on.get((self.row(index), column))


# Keys typed into number cells are shown as the keys they are, not as amounts.
_KEYS = frozenset(f.name for f in CUSTOMERS.fields if f.kind == "id") | {"Phone"}


def blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and value.strip() == ""


def display(value: object) -> str:
    if blank(value):
        return ""
    if isinstance(value, pd.Timestamp | date):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if isinstance(value, float) and abs(value) >= MAX_AMOUNT:
        # no amount: as Excel shows it (1E+308), not its 309 digits
        return f"{value:.6G}"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}" if abs(value) >= 10_000 else str(int(value))
    return str(value).strip()


Check = Callable[[CheckContext], Iterable[Finding]]


# Every way the schema names a field kept in more than one column (Phone, Email, Tax ID), to
# find the sheet's further columns of it.
_ALIASES = {field.name: {match_key(a) for a in (field.name, *field.aliases)}
            for field in CUSTOMERS.fields if field.name in ("Phone", "Email", "Tax ID")}


def further_columns(ctx: CheckContext, field: str) -> list[str]:
    """The sheet's further columns of a phone, email or tax ID field ("Phone" and "Mobile",
    "تليفون" and "موبايل", "Email" and "Email 2", "Tax ID" and SAP's "Tax Number 1"): the
    reader reads one and carries the others as written; a customer's may be in any of them."""
    key = ("more", field)
    if key not in ctx._cache:
        ctx._cache[key] = [
            c for c in ctx.frame.columns if isinstance(c, str) and c != field and
            c in ctx.table.letters and match_key(re.sub(r"\s*\(\d+\)$|\s*\d$", "", c))
            in _ALIASES[field]]
    return ctx._cache[key]


def as_typed(value: object) -> str:
    """A carried cell as typed: a number cell's phone 1012345678, not 1012345678.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def with_further_columns(ctx: CheckContext, field: str, joiner: str) -> pd.Series:
    """A contact field with its further columns' values joined in (for the duplicate search)."""
    more = further_columns(ctx, field)
    if not more:
        return ctx.values(field)
    cells = [ctx.values(c) for c in (field, *more)]
    return pd.Series([joiner.join(as_typed(v) for v in row if not blank(v)) or None
                      for row in zip(*cells, strict=True)], index=ctx.frame.index,
                     dtype="object")


# An ERP's flag marking a record for deletion (SAP's LOEVM "Deletion Flag": X) or put out of
# use (ERPNext's "Disabled": 1, Dynamics GP's "Inactive": Yes): retired.
_DELETION_FLAGS = frozenset(match_key(h) for h in (
    "Deletion Flag", "Central Deletion Flag", "Deletion Indicator", "Marked for Deletion",
    "Deletion Flag for Master Record", "Central Del.Flag", "Del. Flag", "Deleted",
    "Disabled", "Is Disabled", "Inactive", "Is Inactive"))  # (Dynamics GP's Inactive: Yes)


def flagged_for_deletion(columns: dict[object, pd.Series]) -> set[object]:
    """The index labels of records a deletion or out-of-use flag column marks (X, 1, Yes)."""
    flagged: set[object] = set()
    for column, values in columns.items():
        if isinstance(column, str) and match_key(column) in _DELETION_FLAGS:
            flagged |= {index for index, value in values.items()
                        if isinstance(value, str | bool | int | float) and
                        as_typed(value).lower() in YES_WORDS}
    return flagged


def retired_records(ctx: CheckContext) -> set[object]:
    """Records the master has closed (Closed, Inactive, Sage's "3 Closed") or marked for
    deletion (SAP's Deletion Flag X): kept for their history, nothing to complete on them."""
    key = ("retired",)
    if key not in ctx._cache:
        retired = {index for index, value in ctx.values("Status").items()
                   if isinstance(value, str) and value.strip() == "Closed"}
        flags = [c for c in ctx.frame.columns if isinstance(c, str) and c in ctx.table.letters]
        retired |= flagged_for_deletion({c: ctx.values(c) for c in flags})
        ctx._cache[key] = retired
    return ctx._cache[key]


def keeps_tax_ids(ctx: CheckContext) -> bool:
    return ctx.has("Tax ID") or bool(further_columns(ctx, "Tax ID"))


def customer_tax_ids(ctx: CheckContext) -> tuple[pd.Series, dict[object, str]]:
    """Each customer's tax ID and the column holding it: the Tax ID column's, else the first
    further tax column's (SAP keeps an Egyptian number in Tax Number 1 and a Gulf VAT number
    in VAT Registration No.: a customer's is in one or the other)."""
    key = ("tax ids",)
    if key not in ctx._cache:
        values, columns = ctx.values("Tax ID"), {}
        more = further_columns(ctx, "Tax ID")
        if more:
            further = [ctx._column("parsed", c) for c in more]
            out = []
            for index, value in values.items():
                if not duplicates.usable_tax_key(value):
                    for column, cells in zip(more, further, strict=True):
                        if not blank(cells[index]) and duplicates.usable_tax_key(
                                as_typed(cells[index])):
                            value, columns[index] = as_typed(cells[index]), column
                            break
                out.append(value)
            values = pd.Series(out, index=values.index, dtype="object")
        ctx._cache[key] = (values, columns)
    return ctx._cache[key]


def tax_finding(ctx: CheckContext, index: object, code: str, **details: object) -> Finding:
    """A finding on the cell holding the customer's tax ID (``customer_tax_ids``)."""
    values, columns = customer_tax_ids(ctx)
    column = columns.get(index, "Tax ID")
    return ctx.finding(index, column, code, value=None if column == "Tax ID" else values[index],
                       **details)
