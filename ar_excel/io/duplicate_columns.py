"""Two columns of a customer list giving one field (or of an invoice or receipts list,
one of them hidden).

A customer master kept for years gathers a second column for a field: the old ``Credit
Limit`` hidden left of the current one, or ``Credit Limit`` beside ``Credit Limit 2026``.
Only one can be read; which one decides every credit check, so it is never chosen in silence.

* Where the two differ on some row, one Input Issue names both columns and the one read
  (columns giving the same values are one field written twice: nothing to say).
* A column hidden in Excel (``<col hidden="1">`` in an .xlsx/.xlsm sheet) is the one put out
  of use: the visible one is read, where exactly one of them is visible. Otherwise the
  surer header wins as before (the field's own name, then the leftmost).
* Only fields that decide something (a limit, terms, a currency, a status, a date): a name or
  an address kept in two languages is no second column of one field.
* Limit columns named by currency (``Credit Limit USD``) are each row's limit in its own
  currency (``limit_currencies``), no second column of one field.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from ar_excel.io.headers import alias_index
from ar_excel.io.limit_currencies import header_currency
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, parse_column
from ar_excel.schema import SheetSchema

# A header written with a year or a word telling its version ("Credit Limit 2026", "Old
# Credit Limit", "Credit Limit (new)", "الحد الائتماني الجديد") names the same field.
_VERSION = re.compile(
    r"(?i)^\s*(?:old|new|current|previous|prev\.?|revised|updated|latest)\s+|"
    r"[\s\-_/(]*(?:(?:19|20)\d\d|old|new|current|previous|revised|updated|latest|v\d+|"
    r"القديم|القديمة|الجديد|الجديدة|الحالي|الحالية|السابق|السابقة|المعدل|المعدلة)\)?\s*$")
# The fields a second column of which changes a decision (a name or an address kept in two
# languages, "Name (Arabic)", is no second name).
_DECIDING = frozenset(("money", "terms", "percent", "currency", "status", "date"))
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ATTRIBUTE = re.compile(rb"\b(min|max|hidden)=[\"']([^\"']*)[\"']")
_HEAD = 1 << 20  # the <cols> element precedes the cells: the sheet's first MiB holds it


def hidden_columns_of(path: Path | None, sheets: list[str]) -> dict[str, frozenset[int]]:
    """Sheet -> its 0-based columns hidden in Excel or LibreOffice, of the sheets asked for:
    an .xlsx/.xlsm's ``<col hidden="1">`` (the archive opened once for them all), an .ods's
    ``table:visibility="collapse"`` column, an .xls's COLINFO record flagged hidden (none of
    other files, or of one that cannot be looked into)."""
    from ar_excel.io.cell_errors import UNREADABLE_XLSX
    from ar_excel.io.safety import sheet_parts

    suffix = "" if path is None else Path(path).suffix.lower()
    if suffix == ".ods":
        return {sheet: _ods_hidden_columns(Path(path), sheet) for sheet in sheets}
    if suffix == ".xls":
        return {sheet: _xls_hidden_columns(Path(path), sheet) for sheet in sheets}
    if path is None or suffix not in (".xlsx", ".xlsm"):
        return {}
    heads: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            for sheet in (s for s in sheets if parts.get(s) is not None):
                try:
                    heads[sheet] = _head(archive, parts[sheet])
                except UNREADABLE_XLSX:
                    continue  # (a sheet that cannot be looked into hides none)
    except UNREADABLE_XLSX:
        return {}
    return {sheet: _hidden_in(head) for sheet, head in heads.items()}


def _head(archive: zipfile.ZipFile, part: str) -> bytes:
    """A sheet's XML up to its cells (``sheetData``), where its ``<cols>`` is."""
    head = b""
    with archive.open(part) as stream:
        while len(head) < _HEAD and b"sheetData" not in head[-1 << 16:]:
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            head += chunk
    return head.split(b"sheetData", 1)[0]


def _hidden_in(head: bytes) -> frozenset[int]:
    """The 0-based columns a sheet's ``<col hidden="1" min= max=>`` elements hide."""
    hidden: set[int] = set()
    for tag in _COL.findall(head):
        attributes = {k: v for k, v in _ATTRIBUTE.findall(tag)}
        if attributes.get(b"hidden") not in (b"1", b"true"):
            continue
        try:
            low, high = int(attributes[b"min"]), int(attributes.get(b"max", attributes[b"min"]))
        except (KeyError, ValueError):
            continue
        hidden.update(range(low - 1, min(high, low + 16_384)))
    return frozenset(hidden)


_ODS_COLUMN_MARKS = (b'visibility="collapse"', b'visibility="filter"',
                     b"visibility='collapse'", b"visibility='filter'")
_MAX_COLUMNS = 16_384


def _ods_hidden_columns(path: Path, sheet: str) -> frozenset[int]:
    """An .ods sheet's hidden columns: its ``table:table-column`` elements (each standing
    for ``number-columns-repeated`` columns) marked ``collapse`` or ``filter``, read up to
    its first row (the columns come first); content.xml parsed only where a mark is."""
    from defusedxml import DefusedXmlException

    from ar_excel.io.ods_xml import (
        COLS_REPEATED,
        ROW,
        SHEET,
        TABLE,
        content_xml,
        count,
        sheet_elements,
    )

    try:
        data = content_xml(path)
    except (OSError, KeyError, zipfile.BadZipFile):
        return frozenset()
    if not any(mark in data for mark in _ODS_COLUMN_MARKS):
        return frozenset()
    column_tag, visibility = f"{{{TABLE}}}table-column", f"{{{TABLE}}}visibility"
    hidden: set[int] = set()
    column = 0
    try:
        for event, element, name in sheet_elements(data):
            if element.tag == SHEET:
                column = 0
                continue
            if name != sheet:
                continue
            if element.tag == ROW:
                break  # (past the sheet's columns)
            if element.tag == column_tag and event == "start":
                repeat = min(count(element, COLS_REPEATED), _MAX_COLUMNS)
                if element.get(visibility) in ("collapse", "filter"):
                    hidden.update(range(column, min(column + repeat, _MAX_COLUMNS)))
                column += repeat
    except (DefusedXmlException, SyntaxError):
        return frozenset()
    return frozenset(hidden)


# BIFF8's COLINFO record (0x007D, 12 bytes: first and last column, width, format, options
# whose lowest bit hides them), as bytes: xlrd (which parses the whole book in Python) is
# run only where one hides columns.
_HIDDEN_COLINFO = re.compile(rb"\x7d\x00\x0c\x00.{8}[\x01\x03\x05\x07\x09\x0b\x0d\x0f"
                             rb"\x11\x13\x15\x17\x19\x1b\x1d\x1f]", re.S)


def _xls_hidden_columns(path: Path, sheet: str) -> frozenset[int]:
    """A legacy .xls sheet's hidden columns (its COLINFO records, through xlrd)."""
    import os

    import xlrd

    try:
        data = path.read_bytes()
        if _HIDDEN_COLINFO.search(data) is None:
            return frozenset()
        with open(os.devnull, "w") as quiet:  # xlrd reports oddities of the file on its log
            book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=quiet,
                                      formatting_info=True)
            try:
                if sheet not in book.sheet_names():
                    return frozenset()
                info = book.sheet_by_name(sheet).colinfo_map
                return frozenset(c for c, i in info.items() if i.hidden)
            finally:
                book.release_resources()
    except Exception:  # noqa: BLE001 - a file xlrd cannot read hides nothing we can tell
        return frozenset()


def _gives(header: Any, index: dict[str, str]) -> str | None:
    """The field a header gives, written with its version or not."""
    if not isinstance(header, str) or not header.strip():
        return None
    # (exactly a name of the field: "Payment Terms Label" beside Zoho's "Payment Terms" is
    # its wording, not a second column of it)
    key = match_key(_VERSION.sub("", header.strip()) or header)
    return index.get(key, index.get(match_key(header)))


def _cell(value: Any) -> Any:
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(float(value), 6)
    return str(value).strip()


def one_field_twice(header: list[Any], names: list[str], written: dict[str, str],
                    columns: list[np.ndarray], schema: SheetSchema, sheet: str, left: int,
                    header_row: int, hidden: frozenset[int], only_hidden: bool = False
                    ) -> list[Issue]:
    """Say each field two differing columns give, reading the visible one where the other
    is hidden (``names``/``written`` changed then); module docstring. ``only_hidden``: only
    where one of the two is hidden (an invoice list's old Amount hidden beside the current
    one; its other pairs, an amount before and after tax, are told apart elsewhere)."""
    index = alias_index(schema)
    fields = set(index.values())
    issues = []
    gives = {j: _gives(h, index) for j, h in enumerate(header) if names[j] not in fields}
    for field in [f.name for f in schema.fields if f.name in written and f.kind in _DECIDING]:
        used = names.index(field)
        others = [j for j, g in gives.items() if g == field
                  and not (field == "Credit Limit" and header_currency(header[j]))]
        differing = {}
        kind = next(f.kind for f in schema.fields if f.name == field)
        for j in others:
            count = sum(_cell(a) != _cell(b) for a, b in zip(columns[used].tolist(),
                                                              columns[j].tolist(), strict=True))
            if count:  # (as read: "Net 30" and 30 are the same terms)
                mine, theirs = (parse_column(columns[k], kind)[0] for k in (used, j))
                count = int((~((mine == theirs) | (mine.isna() & theirs.isna()))).sum())
            if count and (not only_hidden or {left + used, left + j} & hidden):
                differing[j] = count
        if not differing:
            continue
        read, why = used, "the surer header, the leftmost"
        visible = [j for j in differing if left + j not in hidden]
        if left + used in hidden and len(visible) == 1:
            read, why = visible[0], "the other is hidden in Excel"
            names[read], names[used] = field, names[read]
            written[field] = str(header[read]).strip()
        elif left + used not in hidden and len(visible) < len(differing):
            why = "the other is hidden in Excel"
        for j, count in sorted(differing.items()):
            other = used if j == read else j
            shown = sorted((read, other))
            said = " and ".join(f"{column_letter(left + k)} ('{str(header[k]).strip()}')"
                                for k in shown)
            issues.append(Issue(
                sheet, f"{column_letter(left + read)}{header_row}", written[field], None,
                f"columns {said} both give the {field} and differ on {count} row(s): column "
                f"{column_letter(left + read)} is read ({why}); delete or rename the other"))
    return issues
