"""The data rows of an output table, written straight into the sheet's XML when saving.

openpyxl makes a ``Cell`` object for every cell and, when saving, an lxml element for each:
about 7 µs a cell, five of the seven seconds it takes to write a month of 40,000 bank lines.
The rows of a data table are plain values of a few kinds (text, number, date, bool) in a
handful of styles, so they are kept as columns here and serialised when the workbook is
saved, exactly as openpyxl serialises such cells (inline strings, ``%.16g`` numbers, dates
as serial numbers, the same style indexes, which openpyxl assigns); openpyxl still writes all
the rest of the workbook (header, captions, tables, views, print setup, other sheets, styles).
``tests/test_sheet_rows.py`` holds the two serialisations to byte-equal sheets.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from queue import Queue
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging import manifest
from openpyxl.packaging.manifest import Override
from openpyxl.packaging.relationship import Relationship
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import (
    ARC_APP,
    ARC_CONTENT_TYPES,
    ARC_ROOT_RELS,
    ARC_WORKBOOK,
    XLSM,
    XLSX,
)

from ar_excel.io.carried import Carried, app_with, root_rels_with, sheet_with, workbook_with

_ROW_START = re.compile(rb'<row r="(\d+)"')
_PRINTER_REL = "rIdArPrinter"
_PRINTER_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"
_BIN_AS_VBA = re.compile(rb'<Default Extension="bin" ContentType="application/vnd\.ms-office\.'
                         rb'vbaProject"\s*/>')
_NOTES_PART = re.compile(r"^xl/(?:comments/comment\d+\.xml|drawings/commentsDrawing\d+\.vml)$")
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"\s*/>')
_CHUNK_ROWS = 2000  # rows serialised per write into the zip stream
HIGHLIGHTED, BOLD = 1, 2  # a row's look: filled to catch the eye, in bold (a balance)
_INFINITIES = (float("inf"), float("-inf"))


@dataclass
class SheetRows:
    """Rows ``first_row``.. of one worksheet as columns of plain values (``plain_column``),
    each value styled as a model cell made by ``make_cell(ws, value, number_format)`` (with
    ``highlight_fill`` on highlighted rows, ``bold_font`` on ``bold`` rows) would be."""

    ws: Worksheet
    first_row: int
    columns: list[list[Any]]
    number_formats: list[str | None]
    highlight: list[Any] | None
    make_cell: Any
    highlight_fill: Any
    # row number -> height in points, for rows whose wrapped text needs more than one line
    heights: dict[int, float] | None = None
    bold: list[Any] | None = None  # per row: a balance or totals row
    bold_font: Any = None

    def __post_init__(self) -> None:
        self.n_rows = len(self.columns[0]) if self.columns else 0
        # (column, value type, look) -> (data type, ' s="7"' or ''); a row's look is
        # HIGHLIGHTED | BOLD, or 0
        self._templates: dict[tuple[int, type, int], tuple[str, str]] = {}

    @property
    def last_row(self) -> int:
        return self.first_row + self.n_rows - 1

    def _template(self, j: int, value: Any, lit: int) -> tuple[str, str]:
        key = (j, type(value), lit)
        found = self._templates.get(key)
        if found is None:
            model: Cell = self.make_cell(self.ws, value, self.number_formats[j])
            if lit & HIGHLIGHTED:
                model.fill = self.highlight_fill
            if lit & BOLD:
                model.font = self.bold_font
            # style_id registers the style with the workbook, as saving a real cell would.
            style = f' s="{model.style_id}"' if model.has_style else ""
            found = self._templates[key] = (model.data_type, style)
        return found

    def xml_rows(self) -> Iterator[str]:
        """The ``<row>`` elements, a chunk of rows at a time."""
        lits = self._looks()
        self._register_styles(lits)
        for start in range(0, self.n_rows, _CHUNK_ROWS):
            stop = min(start + _CHUNK_ROWS, self.n_rows)
            numbers = range(self.first_row + start, self.first_row + stop)
            cells = [self._column_cells(j, start, stop, lits) for j in range(len(self.columns))]
            if self.heights:
                yield "".join([f'<row r="{r}"{_height(self.heights.get(r))}>{"".join(row)}</row>'
                               for r, row in zip(numbers, zip(*cells, strict=True),
                                                 strict=True)])
                continue
            yield "".join([f'<row r="{r}">{"".join(row)}</row>'
                           for r, row in zip(numbers, zip(*cells, strict=True), strict=True)])

    def _looks(self) -> list[int]:
        """Each row's look: HIGHLIGHTED, BOLD, both (``|``) or 0."""
        lits = [0] * self.n_rows if self.highlight is None else \
            [HIGHLIGHTED if h else 0 for h in self.highlight]
        if self.bold is not None:
            lits = [lit | BOLD if b else lit for lit, b in zip(lits, self.bold, strict=True)]
        return lits

    def _register_styles(self, lits: list[int]) -> None:
        """Make the templates in the order openpyxl meets the cells (row by row), so the
        style indexes are the ones it would give."""
        first: dict[tuple[int, type, int], tuple[int, int]] = {}
        first_of = {lit: lits.index(lit) for lit in sorted(set(lits))}
        for j, column in enumerate(self.columns):
            kinds = set(map(type, column))
            if len(kinds) == 1:  # the common case: where each (type, fill) first is is known
                kind = next(iter(kinds))
                first.update({(j, kind, lit): (i, j) for lit, i in first_of.items()})
                continue
            for i, (kind, lit) in enumerate(zip(map(type, column), lits, strict=True)):
                if (j, kind, lit) not in first:
                    first[(j, kind, lit)] = (i, j)
        for (j, _, lit), (i, _) in sorted(first.items(), key=lambda x: x[1]):
            self._template(j, self.columns[j][i], lit)

    def _column_cells(self, j: int, start: int, stop: int, lits: list[int]) -> list[str]:
        """The ``<c>`` elements of column ``j`` for rows ``start:stop`` ('' for no cell)."""
        values = self.columns[j][start:stop]
        kinds = set(map(type, values))
        if len(kinds) == 1 and (kind := kinds.pop()) in (str, float, int):
            cells = self._cells_of_one_kind(j, kind, values, lits[start:stop],
                                            self.first_row + start)
            if cells is not None:
                return cells
        letter = get_column_letter(j + 1)
        epoch = self.ws.parent.epoch
        templates = self._templates
        out = []
        r = self.first_row + start
        for value, lit in zip(values, lits[start:stop], strict=True):
            kind, style = templates[(j, type(value), lit)]
            if value is None:  # a blank cell keeps its row's fill
                out.append(f'<c r="{letter}{r}"{style} t="{kind}"></c>' if style else "")
            elif kind == "s":
                if value == "":
                    out.append(f'<c r="{letter}{r}"{style} t="inlineStr"></c>')
                else:
                    space = ' xml:space="preserve"' if value != value.strip() else ""
                    out.append(f'<c r="{letter}{r}"{style} t="inlineStr"><is><t{space}>'
                               f'{_escape(value)}</t></is></c>')
            elif kind == "d":
                out.append(f'<c r="{letter}{r}"{style} t="n"><v>'
                           f'{_number(to_excel(value, epoch))}</v></c>')
            else:
                out.append(f'<c r="{letter}{r}"{style} t="{kind}"><v>{_number(value)}</v></c>')
            r += 1
        return out

    def _cells_of_one_kind(self, j: int, kind: type, values: list[Any], looks: list[int],
                           first: int) -> list[str] | None:
        """``_column_cells`` of rows whose values are all of one kind (text, or numbers of
        one type: the common case), each written as there, a comprehension over the rows;
        None where their cells are typed otherwise (left to the loop)."""
        letter = get_column_letter(j + 1)
        templates = {look: self._templates[(j, kind, look)] for look in set(looks)}
        data_types = {t for t, _ in templates.values()}
        if (data_types != {"s"}) if kind is str else ("s" in data_types or "d" in data_types):
            return None
        styles = [templates[look][1] for look in looks] if len(templates) > 1 else \
            [next(iter(templates.values()))[1]] * len(values)
        rows = range(first, first + len(values))
        if kind is str:  # (most tabs hold nothing to escape: their texts checked at once)
            texts = [_escape(v) for v in values] if _TO_ESCAPE.search("".join(values)) \
                else values
            return [f'<c r="{letter}{r}"{style} t="inlineStr"></c>' if v == "" else
                    f'<c r="{letter}{r}"{style} t="inlineStr"><is><t'
                    f'{_PRESERVE if v != v.strip() else ""}>{text}</t></is></c>'
                    for r, style, v, text in zip(rows, styles, values, texts, strict=True)]
        types = [templates[look][0] for look in looks] if len(templates) > 1 else \
            [next(iter(templates.values()))[0]] * len(values)
        return [f'<c r="{letter}{r}"{style} t="{t}"><v>{_number(v)}</v></c>'
                for r, style, t, v in zip(rows, styles, types, values, strict=True)]


_TO_ESCAPE = re.compile(r"[&<>\r]")  # what ``_escape`` replaces
_PRESERVE = ' xml:space="preserve"'


def _height(points: float | None) -> str:
    """A row's height attributes, as openpyxl writes a row dimension's."""
    return "" if points is None else f' ht="{points:g}" customHeight="1"'


def _escape(text: str) -> str:
    """Text as lxml escapes it in an element (the other control characters never reach
    here: ``writer.excel_text`` drops them). Most text has nothing to escape: checked first."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))
    return text


def _number(value: Any) -> str:
    """A number as openpyxl writes it (``compat.safe_string``)."""
    if value != value or value in _INFINITIES:
        return ""
    return "%.16g" % value  # noqa: UP031 (openpyxl's own format, kept identical)


class _Archive:
    """The zip archive written into, the workbook part and the document properties with what
    openpyxl leaves out of them put back (``carried``)."""

    def __init__(self, archive: ZipFile, carried: Carried) -> None:
        self._zip, self._carried = archive, carried
        self.notes: tuple[bytes, bytes] | None = None  # the sheet's whose notes are written

    def writestr(self, name, data, *args, **kwargs) -> None:
        if self.notes is not None and _NOTES_PART.match(name):
            data = self.notes[0] if name.endswith(".xml") else self.notes[1]
        elif name == ARC_CONTENT_TYPES and self._carried.printers:
            # openpyxl's manifest types every .bin file a VBA project; here they are printer
            # settings (as Excel types them), each also named
            data = _BIN_AS_VBA.sub(f'<Default Extension="bin" ContentType="{_PRINTER_TYPE}"/>'
                                   .encode(), data.encode() if isinstance(data, str) else data)
        elif name == ARC_ROOT_RELS and self._carried.thumbnail is not None:
            # the preview picture written before the manifest, which types it by its name
            # from Python's list of types: a Windows Excel thumbnail.wmf missing from it
            # made the save fail (KeyError '.wmf'); the type the workbook gave it is added
            extension = posixpath.splitext(self._carried.thumbnail[0])[1]
            if extension and extension not in manifest.mimetypes.types_map[True]:
                manifest.mimetypes.add_type(self._carried.thumbnail_type or
                                            f"image/{extension[1:].lower()}", extension)
            self._zip.writestr(*self._carried.thumbnail)
            data = root_rels_with(data.encode() if isinstance(data, str) else data,
                                  self._carried)
        elif name in (ARC_WORKBOOK, ARC_APP):
            data = data.encode() if isinstance(data, str) else data
            data = workbook_with(data, self._carried) if name == ARC_WORKBOOK else \
                app_with(data, self._carried)
        self._zip.writestr(name, data, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._zip, name)


class _Writer(ExcelWriter):
    """openpyxl's workbook writer, with the rows of ``deferred`` sheets spliced into their XML
    and what openpyxl drops from a workbook written into put back (``carried``)."""

    def __init__(self, workbook, archive, deferred: dict[Worksheet, SheetRows],
                 carried: Carried | None = None) -> None:
        super().__init__(workbook, archive if carried is None else _Archive(archive, carried))
        self.deferred = deferred
        self.carried = carried

    def _write_printer(self, ws, settings: bytes) -> None:
        """A kept sheet's printer settings, as they were, the page setup referring to them."""
        self._printers = getattr(self, "_printers", 0) + 1
        path = f"/xl/printerSettings/printerSettings{self._printers}.bin"
        self._archive.writestr(path[1:], settings)
        ws._rels.append(Relationship(Id=_PRINTER_REL, type="printerSettings", Target=path))
        self.manifest.Override.append(Override(PartName=path, ContentType=_PRINTER_TYPE))

    def _write_comment(self, ws) -> None:
        # openpyxl's parts for a kept sheet's notes (its names, relationships, content
        # types) holding the notes as they were
        notes = self.carried.notes.get(ws.title) if self.carried is not None else None
        if notes is None or len(re.findall(rb"<(?:\w+:)?comment\b", notes[0])) != len(
                ws._comments):  # not the notes it had: openpyxl's
            super()._write_comment(ws)
            return
        self._archive.notes = notes
        try:
            super()._write_comment(ws)
        finally:
            self._archive.notes = None

    def write_worksheet(self, ws) -> None:
        if self.workbook.write_only:
            super().write_worksheet(ws)
            return
        # As ExcelWriter.write_worksheet, but the sheet's XML is built in memory, not in a
        # temporary file (making and removing one cost ~2.4 ms a sheet, ~50 ms a month-end
        # run), and a deferred sheet's part is written by _splice.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        # openpyxl writes the sheet's outline depth for columns before it works it out from
        # the columns (written after): grouped columns lost their outline bar
        ws.column_dimensions.max_outline = max(
            (d.outlineLevel or 0 for d in ws.column_dimensions.values()), default=0) or None
        printer = self.carried.printers.get(ws.title) if self.carried is not None else None
        if printer is not None:
            ws.page_setup.id = _PRINTER_REL
        writer = WorksheetWriter(ws, out=BytesIO())
        writer.write()
        ws._rels = writer._rels
        if printer is not None:
            self._write_printer(ws, printer)
        xml = writer.out.getvalue()
        if self.carried is not None and ws.title in self.carried.sheets:
            xml = sheet_with(xml, self.carried.sheets[ws.title])
        rows = self.deferred.get(ws)
        with self._archive.open(ws.path[1:], "w") as part:
            if rows is None or not rows.n_rows:
                part.write(xml)
            else:
                write_meanwhile(part, _splice(xml, rows))
        self.manifest.append(ws)


def write_meanwhile(part: Any, pieces: Iterator[bytes]) -> None:
    """Each piece written into the zip part as it comes, by a second thread, while the next
    is made: deflating a month's rows takes about as long as making their XML, and zlib
    works without holding Python's lock, so the two go side by side on two cores. The part
    receives the same bytes in the same order; a failure on either side is raised here."""
    queue: Queue[bytes | None] = Queue(maxsize=4)  # (a few chunks of rows held at most)
    failed: list[BaseException] = []

    def write() -> None:
        while (piece := queue.get()) is not None:
            if not failed:
                try:
                    part.write(piece)
                except BaseException as exc:  # raised by the making thread
                    failed.append(exc)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        for piece in pieces:
            if failed:
                break
            queue.put(piece)
    finally:
        queue.put(None)
        writer.join()
    if failed:
        raise failed[0]


def _splice(xml: bytes, rows: SheetRows) -> Iterator[bytes]:
    """openpyxl's sheet XML (header, captions, blocks below) with ``rows`` put in place."""
    at = None
    for m in _ROW_START.finditer(xml):
        r = int(m.group(1))
        if rows.first_row <= r <= rows.last_row:
            raise RuntimeError(f"row {r} of sheet '{rows.ws.title}' was written twice")
        if r > rows.last_row:
            at = m.start()
            break
    if at is None:
        if b"<sheetData/>" in xml:
            xml = xml.replace(b"<sheetData/>", b"<sheetData></sheetData>", 1)
        at = xml.index(b"</sheetData>")
    head, tail = xml[:at], xml[at:]
    yield _DIMENSION.sub(lambda m: _wider_dimension(m, rows), head, count=1)
    for chunk in rows.xml_rows():
        # openpyxl's sheets are ASCII, other characters as references: the same here.
        yield chunk.encode("ascii", "xmlcharrefreplace")
    yield tail


def _wider_dimension(m: re.Match, rows: SheetRows) -> bytes:
    """The sheet's used range including the spliced rows."""
    min_col, min_row, max_col, max_row = range_boundaries(m.group(1).decode())
    min_row, max_row = min(min_row, rows.first_row), max(max_row, rows.last_row)
    min_col, max_col = min(min_col, 1), max(max_col, len(rows.columns))
    ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
    return f'<dimension ref="{ref}"/>'.encode()


class _MacroEnabled(manifest.Manifest):
    """The content types of an .xlsm: its workbook part typed macro-enabled though it holds
    no VBA project (openpyxl types it by the project alone). Excel refuses to open an .xlsm
    typed as an .xlsx ('the file format or file extension is not valid'), and one whose
    macros were deleted is still typed macro-enabled by Excel."""

    # openpyxl's serialiser takes a class's parts from its own body: Manifest's, as they are
    __elements__ = manifest.Manifest.__elements__
    __attrs__ = manifest.Manifest.__attrs__

    def append(self, obj) -> None:
        super().append(obj)
        if self.Override[-1].ContentType == XLSX:
            self.Override[-1].ContentType = XLSM


def save_workbook(wb, filename, deferred: dict[Worksheet, SheetRows],
                  carried: Carried | None = None) -> None:
    """``openpyxl.Workbook.save`` with the deferred rows written into their sheets, and what
    openpyxl drops from a workbook read put back (``carried.read_carried``)."""
    with ZipFile(filename, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=3) as archive:
        wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(
            tzinfo=None)
        writer = _Writer(wb, archive, deferred, carried)
        if str(filename).lower().endswith(".xlsm"):
            writer.manifest = _MacroEnabled()
        writer.write_data()
