"""The problems found in a statement table, each at its row and column, in reading order.

The rule: every row left out or doubted is reported with its row number in the file and the
column's header as the file prints it (the role's name where the file has no such header);
notes on the whole file come first, then the rows top down, and within a row the checks in the
order they ran, so the clerk reads them as the file reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ar_excel.model import Issue


@dataclass
class RowIssues:
    """The issues of one table; ``numbers`` are the data rows' 1-based rows in the file."""

    source: str
    numbers: list[int]
    header: list[str]
    cols: dict[str, int]
    found: list[tuple[int, int, Issue]] = field(default_factory=list)  # (row, order, issue)

    def __call__(self, pos: int, order: int, canon: str, value: Any, message: str) -> None:
        """An issue at data row ``pos``, in the column of role ``canon``."""
        name = self.column_name(self.cols.get(canon), canon)
        self.found.append((pos, order, Issue(self.source, f"row {self.numbers[pos]}", name,
                                             value, message)))

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
