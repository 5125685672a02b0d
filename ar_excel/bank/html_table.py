"""HTML pages saved as ``.xls`` by bank portals: the cells of their table rows.

The rule: the rows are laid out as Excel shows them - a cell spanning columns or rows fills its
first position and leaves the others empty, so every column keeps its place. A line of text
outside the tables (a portal's account details in a <p> or <div> above the table, its note
below it) is a row of one cell where it stands, as Excel opens the page: read, not lost.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class TableRows(HTMLParser):
    """Cells of every <table> row in an HTML page (banks' "Excel" exports are often HTML),
    laid out as Excel shows them: a cell spanning columns or rows (``colspan``/``rowspan``: a
    header "Amount" over "Debit | Credit") fills the first position and leaves the others
    empty, so every column keeps its place. Closing tags HTML lets a page leave out
    (``</td>``, ``</tr>``) are supplied. ``loose_text``: each line of text outside the tables
    is a row of one cell too (the page's head, styles and scripts aside)."""

    def __init__(self, loose_text: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self._loose_text = loose_text
        self._tables = 0  # tables open around the parser's place
        self._unseen = 0  # elements open whose text is no page text (head, style, script)
        self._loose: list[str] = []  # the line of text outside the tables being read
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

    def _end_loose_line(self) -> None:
        """The line of text read outside the tables, as a row of one cell."""
        line = " ".join("".join(self._loose).split())
        if line:
            self.rows.append([line])
        self._loose = []

    def _loose_tag(self, tag: str, start: bool) -> None:
        if tag in _UNSEEN:
            self._unseen = max(0, self._unseen + (1 if start else -1))
        elif tag == "table":
            self._end_loose_line()
            self._tables = max(0, self._tables + (1 if start else -1))
        elif tag in _LINE_BREAKS and not self._tables:
            self._end_loose_line()

    def close(self) -> None:
        super().close()
        if self._loose_text:
            self._end_loose_line()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self._loose_text:
            self._loose_tag(tag, True)
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
        if self._loose_text:
            self._loose_tag(tag, False)
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
        elif self._loose_text and not self._tables and not self._unseen:
            self._loose.append(data)


# elements whose text a page does not show
_UNSEEN = frozenset({"head", "title", "style", "script", "noscript", "template"})
# elements that end a line of text outside the tables
_LINE_BREAKS = frozenset({"p", "div", "br", "hr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                          "h6", "section", "header", "footer", "center", "form", "body", "html",
                          "pre", "blockquote", "address", "dl", "dt", "dd"})
