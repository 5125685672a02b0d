"""The problems found in a statement table, each at its row and column, in reading order.

The rule: every row left out or doubted is reported at its cell as Excel shows the file
(``C5``: the column's letter and the row's number; ``row 5`` where the issue is the whole
row's, or where the file's columns are no Excel columns: a fixed-width report, labelled
records, QIF) and the column's header as the file prints it (the role's name where the file
has no such header); notes on the whole file come first, then the rows top down, and within
a row the checks in the order they ran, so the clerk reads them as the file reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ar_excel.model import Issue, column_letter


@dataclass
class RowIssues:
    """The issues of one table; ``numbers`` are the data rows' 1-based rows in the file (the
    rows Excel shows it with); ``excel``: whether the table's columns are the file's columns
    as Excel shows them; ``moved``: for a row whose cells the reader joined back (a narrative
    or an amount the CSV's delimiter split), the column in the file each of its cells starts
    at."""

    source: str
    numbers: list[int]
    header: list[str]
    cols: dict[str, int]
    excel: bool = True
    moved: dict[int, list[int]] = field(default_factory=dict)
    found: list[tuple[int, int, Issue]] = field(default_factory=list)  # (row, order, issue)
    _pos_of: dict[int, int] = field(default_factory=dict, repr=False)  # file row -> data row

    def __call__(self, pos: int, order: int, canon: str, value: Any, message: str) -> None:
        """An issue at data row ``pos``, in the column of role ``canon`` (or the column
        headed ``canon``: one side of a Debit/Credit pair, named as the file names it)."""
        idx = self.cols.get(canon)
        if idx is None and self.header.count(canon) == 1:
            idx = self.header.index(canon)
        name = self.column_name(idx, canon)
        self.found.append((pos, order, Issue(self.source, self.cell(pos, idx), name,
                                             value, message)))

    def cell(self, pos: int, idx: int | None, spread: bool = False) -> str:
        """Data row ``pos``'s cell in column ``idx`` as Excel shows the file (``C5``; with
        ``spread``, ``C5:D5`` where the delimiter split the cell over the next columns);
        ``row 5`` without a column, or where the file's columns are no Excel's."""
        row = self.numbers[pos]
        if idx is None or not self.excel:
            return f"row {row}"
        starts = self.moved.get(pos)
        if starts is None or idx >= len(starts):
            return f"{column_letter(idx)}{row}"
        first = starts[idx]
        end = starts[idx + 1] - 1 if spread and idx + 1 < len(starts) else first
        return f"{column_letter(first)}{row}" + (
            f":{column_letter(end)}{row}" if end > first else "")

    def cell_of_row(self, row: int, idx: int | None) -> str:
        """The cell in column ``idx`` of the file's row ``row`` (a line's ``Line No``)."""
        if not self._pos_of:
            self._pos_of.update((n, p) for p, n in enumerate(self.numbers))
        pos = self._pos_of.get(row)
        return self.cell(pos, idx) if pos is not None else f"row {row}"

    def rows_reported(self) -> set[int]:
        """The file's rows with an issue of their own (left out, or doubted)."""
        return {self.numbers[pos] for pos, _, _ in self.found if pos >= 0}

    def add(self, pos: int, order: int, cell: str, column: str, value: Any,
            message: str, kind: str = "") -> None:
        """An issue with its cell and column as given (``pos`` -1: a note on the file)."""
        self.found.append((pos, order, Issue(self.source, cell, column, value, message, kind)))

    def column_name(self, idx: int | None, default: str) -> str:
        """The header of column ``idx`` as the file prints it, else ``default``."""
        return self.header[idx] if idx is not None and idx < len(self.header) else default

    def in_reading_order(self) -> list[Issue]:
        """The issues, notes on the file first, then row by row."""
        self.found.sort(key=lambda item: (item[0], item[1]))
        return [item[2] for item in self.found]


def row_span(rows: list[int]) -> str:
    """"2-31" for rows one after another, else the first ten named ("2, 5, 9 ...")."""
    if rows == list(range(rows[0], rows[0] + len(rows))):
        return f"{rows[0]}-{rows[-1]}" if len(rows) > 1 else str(rows[0])
    return ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
