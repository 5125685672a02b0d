"""A rectangle of cell values as a workbook gives it: a sheet, or an Excel table with its
header apart. Both the file reader (calamine) and the live-Excel reader (xlwings) hand the
book builder these, so a workbook parses the same however it is opened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    # Input Issues about how the grid was read (rows found under an Excel table)
    notes: list = field(default_factory=list)
    # a ledger kept a sheet per customer (``io.customer_sheets``): the sheet's customer, as
    # its title names it, and the column letter of that title cell
    customer: str | None = None
    customer_letter: str | None = None
    # the sheet's columns hidden in Excel (0-based), where looked for (``duplicate_columns``)
    hidden_columns: frozenset[int] = frozenset()
    # the sheet's merged cells, ((first row, first column), (last row, last column)), 0-based
    # from A1, where the cell reader gives them: a merge down several rows has been filled
    # into each (``sheet_loading.fill_merged_down``); this says where
    merged: list = field(default_factory=list)
