"""HTML pages saved as ``.xls`` by bank portals: the cells of their table rows.

The rule: the rows are laid out as Excel shows them - a cell spanning columns or rows fills its
first position and leaves the others empty, so every column keeps its place.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class TableRows(HTMLParser):
    """Cells of every <table> row in an HTML page (banks' "Excel" exports are often HTML),
    laid out as Excel shows them: a cell spanning columns or rows (``colspan``/``rowspan``: a
    header "Amount" over "Debit | Credit") fills the first position and leaves the others
    empty, so every column keeps its place. Closing tags HTML lets a page leave out
    (``</td>``, ``</tr>``) are supplied."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)  # colspan, rowspan of the open cell
        self._below: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def _skip_covered(self) -> None:
        """Empty cells where a cell of a row above reaches down."""
        assert self._row is not None
        while self._below.get(len(self._row), 0) > 0:
            self._below[len(self._row)] -= 1
            self._row.append("")

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self._below = {}
        elif tag == "tr":
            if self._row is not None:
                self.handle_endtag("tr")
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            if self._cell is not None:
                self.handle_endtag(tag)
            named = dict(attrs)

            def span(key: str) -> int:
                text = str(named.get(key) or "1").strip()
                return max(1, min(int(text), 100)) if text.isdigit() else 1

            self._span = (span("colspan"), span("rowspan"))
            self._skip_covered()
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            columns, rows = self._span
            first = len(self._row)
            self._row.append(" ".join("".join(self._cell).split()))
            self._row.extend([""] * (columns - 1))
            if rows > 1:
                for col in range(first, first + columns):
                    self._below[col] = rows - 1
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._cell is not None:
                self.handle_endtag("td")
            self._skip_covered()
            for col, left in self._below.items():  # a row ending before a covered column
                if col >= len(self._row) and left > 0:
                    self._below[col] = left - 1
            self.rows.append(self._row)
            self._row = None
        elif tag == "table" and self._row is not None:
            self.handle_endtag("tr")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
