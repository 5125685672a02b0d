"""Workbooks that are no workbook file: a web page or an Excel 2003 XML spreadsheet saved
under a workbook's name.

Many ERPs and portals "export to Excel" by writing something Excel happens to open:

* a web page (an HTML table; Odoo's, SAP GUI's "Spreadsheet"/HTML export, web ERPs of Egypt
  and the Gulf), in UTF-8 or Windows-1256, named ``.xls``;
* a single-file web page (MHTML: the page as one part of a MIME message, as Excel's "Single
  File Web Page" saves a workbook, a part per sheet);
* an Excel 2003 XML spreadsheet (SpreadsheetML, ``<?mso-application progid="Excel.Sheet"?>``),
  a ``<Worksheet ss:Name=...>`` per sheet.

Each is read as a workbook whose sheets the book builder takes as it takes any other's:

* an XML spreadsheet's worksheets by their names, their cells by their ``ss:Type`` (read by
  ``bank.spreadsheet_xml``, as a bank's such statement is); a cell merged down several rows
  fills each of them, as a workbook's merged cells do (``sheet_loading.fill_merged_down``);
* a page's tables as sheets (read by ``bank.html_table``): a page of one table is a sheet
  named after the file, known by its header as a one-sheet export (a CSV) is; the tables
  of a page of several are named by the sheet names the page gives (Excel's
  ``<x:ExcelWorksheet>``), else by their caption or the heading before them. A table
  without two filled cells in a row holds no list and is no sheet.

Cells are the page's text, parsed as typed text is in a workbook ('1,500.00', '(250.00)',
Arabic-Indic digits, dates as text), except where Excel saved the page and wrote the cell's
value beside it (``x:num``: a date shown month first is its serial, as in the workbook); a
value that cannot be used is an Input Issue at its cell, addressed by the table's row and
column. Such a file is never written into: the writer
writes only into .xlsx workbooks, and says to use -o.

A page holding no list a job reads (a portal's login page saved as the export), or an XML
file that is no spreadsheet, is left to the cell reader, whose failure says what the file
is (``not_a_workbook``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ar_excel.bank.html_table import TableRows
from ar_excel.io.grid import Grid
from ar_excel.io.not_a_workbook import OLE, ZIP
from ar_excel.model import Book
from ar_excel.names import match_key
from ar_excel.parsing import is_blank

_SNIFF = 65536  # bytes looked at to tell what the file is
_MAX_NAME = 31  # Excel's longest sheet name
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# tags that end a line of text outside the tables: the text before a table is its last line
_BLOCKS = frozenset(("p", "div", "br", "tr", "li", "center", "hr", "body", *_HEADINGS))
_UNSEEN = frozenset(("script", "style", "title"))
_MIME_HEADERS = ("mime-version:", "content-type:", "from:", "subject:", "date:", "x-")


def web_kind(head: bytes) -> str | None:
    """What a file whose first bytes are ``head`` is, if a web page or an XML spreadsheet:
    'mhtml', 'spreadsheetml' or 'html'; None for anything else (a workbook, a text file)."""
    head = head[:_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # a page saved as "Unicode" (UTF-16)
        text = head[:len(head) - len(head) % 2].decode("utf-16", errors="replace")
    elif not head or head.startswith((ZIP, OLE)) or b"\x00" in head:
        return None
    else:
        text = head.decode("latin-1")
    start = text.lstrip("\ufeff\xef\xbb\xbf \r\n\t").lower()
    if start.startswith(_MIME_HEADERS) and "multipart/related" in start[:8192]:
        return "mhtml"  # a single-file web page: a MIME message of the page and its parts
    from ar_excel.bank.spreadsheet_xml import is_spreadsheet_xml

    if start.startswith("<") and is_spreadsheet_xml(text):
        return "spreadsheetml"
    if re.search(r"<(?:html|table)\b", text, re.I):
        return "html"
    return None


def web_book(path: Path) -> Book | None:
    """The workbook a web page or an XML spreadsheet holds (module comment); None when the
    file is neither, or holds no sheet the book commands read (the cell reader's failure
    then says what the file is)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
            if head in (ZIP, OLE):  # a workbook: nothing more to look at
                return None
            head += fh.read(_SNIFF - 4)
    except OSError:
        return None
    kind = web_kind(head)
    if kind is None:
        return None
    data = path.read_bytes()
    if kind == "spreadsheetml":
        sheets = _spreadsheet_sheets(data, path.name)
    elif kind == "mhtml":
        sheets = _mhtml_sheets(data, path.stem)
    else:
        sheets = html_sheets(_decoded(data), path.stem)
    if not any(_a_list(s.rows) for s in sheets if not s.hidden):
        return None
    from ar_excel.io.book_build import book_from_grids

    grids = [Grid(s.name, s.rows, hidden=s.hidden, merged=list(s.merged)) for s in sheets]
    by_key = {match_key(s.name): s.rows for s in sheets}
    book = book_from_grids(grids, source=path,
                           sheet_loader=lambda name: by_key.get(match_key(name)))
    if not book.tables and not book.unusable:
        return None  # no list a job reads (a portal's login or error page): said as what it is
    return book


@dataclass
class WebSheet:
    """A sheet of a web page or an XML spreadsheet: its name and cell values from A1, blank
    cells None; ``merged``: ((first row, column), (last row, column)), 0-based."""

    name: str
    rows: list[list[Any]]
    hidden: bool = False
    merged: tuple = ()


def _a_list(rows: list[list[Any]]) -> bool:
    """Whether some row has two filled cells (the contract's header row needs as many)."""
    return any(sum(not is_blank(v) for v in row) >= 2 for row in rows)


# ------------------------------------------------------------------------- web pages


def _decoded(data: bytes, charset: str | None = None) -> str:
    """A page's text: in UTF-8 where its bytes are (whatever it declares: a page saved again
    keeps a stale declaration), else in the code page its MIME part or the page declares
    (windows-1256), else in the one its letters fit best (``bank.text``)."""
    from ar_excel.bank.text import decode_bytes, page_charset

    return decode_bytes(data, page_charset(data, charset)).text


class _PageTables(TableRows):
    """The rows of each table of a page apart (``TableRows`` lays out the cells), each with
    its caption, else the heading or the line of text just before it. A table within a
    table's cell (a page laid out in tables) is a table of its own, its text no part of the
    cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]], list]] = []  # title, rows, merges
        self._merges: list = []  # the open table's cells spanning rows (``WebSheet.merged``)
        self._number: float | None = None  # the open cell's value, where Excel gave it
        self._outer: list[tuple[Any, ...]] = []  # the enclosing tables' reading state
        self._lines: list[str] = []  # lines of text outside the tables since the last one
        self._line: list[str] = []
        self._heading = ""  # the last heading's text since the last table
        self._title = ""  # the open table's: what stood before it
        self._caption = ""  # the open table's caption
        self._in: dict[str, int] = {}  # open caption, heading and unseen elements

    def _end_line(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self._lines.append(line)
        self._line = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _UNSEEN or tag == "caption" or tag in _HEADINGS:
            self._in[tag] = self._in.get(tag, 0) + 1
        if tag == "table":
            self._end_line()
            self._outer.append((self.rows, self._row, self._cell, self._span, self._below,
                                self._title, self._caption, self._merges, self._number))
            self.rows, self._row, self._cell, self._caption = [], None, None, ""
            self._merges, self._number = [], None
            before = " ".join("".join(self._outer[-1][2] or ()).split())  # (within a cell)
            self._title = self._heading or (self._lines[-1] if self._lines else before)
            self._lines, self._heading = [], ""
        elif not self._outer and tag in _BLOCKS:
            self._end_line()
        super().handle_starttag(tag, attrs)
        if tag in ("td", "th") and self._cell is not None:
            self._number = _excel_number(dict(attrs).get("x:num"))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            self._in[tag] -= 1
            if not self._in[tag]:
                del self._in[tag]
        if tag == "table" and self._outer:
            super().handle_endtag(tag)  # (its last row, left open)
            self.tables.append((self._caption or self._title, self.rows, self._merges))
            (self.rows, self._row, self._cell, self._span, self._below, self._title,
             self._caption, self._merges, self._number) = self._outer.pop()
            return
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            row, col = len(self.rows), len(self._row)
            if self._span[1] > 1:  # a customer's ID beside its invoices: filled down
                self._merges.append(((row, col), (row + self._span[1] - 1, col)))
            number, self._number = self._number, None
            super().handle_endtag(tag)
            if number is not None:
                self._row[col] = number
            return
        if not self._outer and tag in _BLOCKS:
            self._end_line()
            if tag in _HEADINGS and self._lines:
                self._heading = self._lines[-1]
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if any(t in self._in for t in _UNSEEN):
            return
        if "caption" in self._in and self._outer:
            self._caption = " ".join(f"{self._caption} {data}".split())
        elif not self._outer:
            self._line.append(data)
        else:
            super().handle_data(data)


# Excel's own sheet names in a page it saved: <x:ExcelWorksheet><x:Name>Invoices</x:Name>
_EXCEL_NAMES = re.compile(r"<x:ExcelWorksheet>\s*<x:Name>([^<]*)</x:Name>", re.I)


def html_sheets(text: str, stem: str) -> list[WebSheet]:
    """The tables of a page as sheets (module comment): their cells from A1, blank None."""
    import html

    parser = _PageTables()
    parser.feed(text)
    parser.close()
    while parser._outer:  # a table the page leaves open at its end
        parser.handle_endtag("table")
    from ar_excel.io.sheet_loading import fill_merged_down

    tables = [(title, fill_merged_down(_cells(rows), merged), merged)
              for title, rows, merged in parser.tables]
    tables = [t for t in tables if _a_list(t[1])]
    given = [html.unescape(n).strip() for n in _EXCEL_NAMES.findall(text)]
    if len(given) == len(tables) and all(given):
        names = given
    elif len(tables) == 1:
        names = [stem]
    else:
        names = [title or f"Table {n}" for n, (title, _, _) in enumerate(tables, start=1)]
    return [WebSheet(name, rows, merged=tuple(merged))
            for name, (_, rows, merged) in zip(_unique(names), tables, strict=True)]


def _excel_number(value: str | None) -> float | None:
    """A cell's value as Excel wrote it beside the text it shows, in a page it saved
    (``x:num="46266"`` for a date shown 9/1/2026 in a month-first Excel, ``x:num="-250"`` for
    (250.00)): the cell's own value, as the workbook held it; None where there is none."""
    try:
        number = float(value) if value else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def _cells(rows: list[list[Any]]) -> list[list[Any]]:
    """A table's rows all as wide as its widest, a blank cell None, as a sheet is read."""
    width = max(map(len, rows), default=0)
    return [[None if isinstance(v, str) and not v.strip() else v for v in row]
            + [None] * (width - len(row)) for row in rows]


def _unique(names: list[str]) -> list[str]:
    """Sheet names as Excel allows them: at most 31 characters, none of ``[]:*?/\\``, each
    once (a second "Invoices" is "Invoices (2)")."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        name = " ".join(re.sub(r"[\[\]:*?/\\]", " ", name).split())[:_MAX_NAME] or "Sheet"
        base, n = name, 1
        while match_key(name) in seen:
            n += 1
            name = f"{base[:_MAX_NAME - len(str(n)) - 3]} ({n})"
        seen.add(match_key(name))
        out.append(name)
    return out


def _mhtml_sheets(data: bytes, stem: str) -> list[WebSheet]:
    """A single-file web page's sheets: each HTML part's tables, a part Excel saved for a
    sheet named as its frame page says (``<x:WorksheetSource HRef=...>``)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    pages = []
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            pages.append((str(part.get("Content-Location") or ""),
                          _decoded(payload, part.get_content_charset())))
    sources = {}  # a sheet's part, by the last part of its address -> the sheet's name
    for _, text in pages:
        for name, href in re.findall(
                r"<x:ExcelWorksheet>\s*<x:Name>([^<]*)</x:Name>\s*<x:WorksheetSource\s+"
                r"HRef=\"?([^\">\s]+)", text, re.I):
            sources[href.replace("\\", "/").rsplit("/", 1)[-1].lower()] = name
    sheets: list[WebSheet] = []
    for location, text in pages:
        found = html_sheets(text, stem)
        named = sources.get(location.replace("\\", "/").rsplit("/", 1)[-1].lower())
        if named and len(found) == 1:
            found[0].name = named
        sheets.extend(found)
    if len(sheets) > 1 and sum(s.name == stem for s in sheets) > 1:
        for n, s in enumerate(sheets, start=1):
            s.name = s.name if s.name != stem else f"Table {n}"
    for sheet, name in zip(sheets, _unique([s.name for s in sheets]), strict=True):
        sheet.name = name
    return sheets


# -------------------------------------------------------------- XML spreadsheets

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"


def _spreadsheet_sheets(data: bytes, source: str) -> list[WebSheet]:
    """An Excel 2003 XML spreadsheet's worksheets (``bank.spreadsheet_xml`` reads the cells),
    a cell merged down several rows filling each, a sheet hidden in Excel kept hidden."""
    from defusedxml import ElementTree

    from ar_excel.bank.spreadsheet_xml import merged_cells, spreadsheet_rows
    from ar_excel.io.sheet_loading import fill_merged_down

    sheets = spreadsheet_rows(data, source)  # (refuses a file with a DTD or entities)
    # read again only for what the cells' reader leaves out: merges down, hidden sheets
    looked = list(ElementTree.fromstring(data).iter(f"{_SS}Worksheet")) if \
        b"MergeDown" in data or b"Visible" in data else [None] * len(sheets)
    out = []
    for (name, rows), sheet in zip(sheets, looked, strict=True):
        cells = [[None if is_blank(v) else v for v in row] for row in rows]
        table = sheet.find(f"{_SS}Table") if sheet is not None else None
        merged = merged_cells(table) if table is not None else []
        fill_merged_down(cells, merged)
        visible = "" if sheet is None else \
            sheet.findtext(f"{_X}WorksheetOptions/{_X}Visible") or ""
        out.append(WebSheet(name, cells, hidden="hidden" in visible.lower(),
                            merged=tuple(merged)))
    return out
