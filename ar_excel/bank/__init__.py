"""Bank statements in: every format a bank exports, into one normalised frame of lines.

``read_statement(path)`` detects the format from the file's content (not its extension):
OFX/QFX, camt.053/.052/.054 XML (also a ZIP of them), MT940/MT942, QIF, XLSX/XLS, Excel 2003 XML
and HTML tables saved as .xls, else CSV; ``statement_from_table`` turns a
``Bank Statement`` sheet already read from the workbook into the same ``Statement``.

The matching engine works on ``Statement.lines`` (columns ``statement.LINE_COLUMNS``: the
contract's ``COLUMNS``, then ``DETAIL_COLUMNS`` where the file states them): amounts
signed with credits (money in) positive, one line per transaction, each with a unique
``Bank Line``. Lines that cannot be used are ``Statement.issues``, never dropped silently;
statements that state balances are tied out (``Statement.balances``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ar_excel.bank.mt940_byte_wrap import swift_lines
from ar_excel.bank.spreadsheet_xml import is_spreadsheet_xml
from ar_excel.bank.statement import (
    COLUMNS,
    LINE_COLUMNS,
    Statement,
    StatementBalance,
)
from ar_excel.bank.text import as_utf8
from ar_excel.errors import InputError
from ar_excel.model import Table

__all__ = ["COLUMNS", "LINE_COLUMNS", "Statement", "StatementBalance", "detect_format", "read_statement",
           "statement_from_table"]


def detect_format(data: bytes, name: str = "") -> str:
    """'ofx', 'camt053', 'mt940', 'qif', 'xlsx', 'spreadsheetml', 'html' or 'csv', from the
    bytes of the file."""
    if data[:4] == b"PK\x03\x04":
        names = _zip_names(data)
        if names and "[Content_Types].xml" not in names and all(
                n.lower().endswith(".xml") for n in names):
            return "camt053"  # camt.053 files zipped together, as banks deliver them by EBICS
        if names and "[Content_Types].xml" not in names and "mimetype" not in names:
            # (else calamine said only "Cannot detect file format")
            raise InputError(f"{name}: a ZIP archive of {', '.join(names[:5])}"
                             f"{', ...' if len(names) > 5 else ''}, neither a workbook nor camt "
                             "XML statements: unzip it and import the statement file inside")
    if data.lstrip()[:5] == b"%PDF-":  # else "could not find the header row" of '%PDF-1.4'
        raise InputError(f"{name}: a PDF statement, which is not read (its figures are drawn "
                         "text, not a table): download the statement from the bank's portal "
                         "as Excel or CSV (or MT940, camt.053, OFX) and import that file")
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xlsx"  # a zip (xlsx/xlsm/ods) or an OLE2 (xls) workbook
    data = as_utf8(data)  # UTF-16 text: its tags are looked for in its letters, not bytes
    head = data[:8192].decode("latin-1")
    if re.search(r"OFXHEADER|<OFX>", head, re.I):
        return "ofx"
    stripped = head.lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    if stripped.startswith("<"):
        if "camt.05" in head or "BkToCstmr" in head:
            return "camt053"
        if is_spreadsheet_xml(head):  # before HTML: its rows are in a <Table> too
            return "spreadsheetml"
        if re.search(r"<(html|table)\b", data[:65536].decode("latin-1"), re.I):
            return "html"  # a web page saved as .xls by the bank's portal
        raise InputError(f"{name}: an XML file that is neither camt.05x nor OFX")
    from ar_excel.bank.qif import is_qif

    if is_qif(stripped):
        return "qif"
    body = data.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark before ":20:"
    body = swift_lines(body)  # a FinTS bank's one line ("@@"), a portal's indented tags
    if _starts_a_line(body, b":20:") and any(_starts_a_line(body, tag)
                                            for tag in (b":61:", b":60F:", b":60M:", b":13D:",
                                                        b":34F:")):
        return "mt940"  # an MT942 (:13D: time, :34F: floor limit) too, even without lines
    if _BAI2.match(stripped) and re.search(r"(?m)^(02|03|16),", stripped):
        # else "could not find the header row" of '01,CITIBANK,...', a fault it is not
        raise InputError(f"{name}: a BAI2 cash management file (record 01, then 02/03/16 "
                         "records), which is not read: download the statement from the "
                         "bank's portal as MT940, camt.053, Excel or CSV and import that file")
    return "csv"


# BAI2's file header: "01,<sender>,<receiver>,<YYMMDD>,<HHMM>,<file id>,..."
_BAI2 = re.compile(r"01,[^,\n]*,[^,\n]*,\d{6},\d{4},")


def _zip_names(data: bytes) -> list[str] | None:
    """The files of a ZIP archive (a workbook's parts, camt files...); None where it cannot be
    read as one (left to the workbook reader to say)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [n for n in archive.namelist() if not n.endswith("/")]
    except (zipfile.BadZipFile, OSError):
        return None


def _starts_a_line(data: bytes, tag: bytes) -> bool:
    """Whether a line of the file starts with ``tag`` (one scan for it, not one per line)."""
    return data.startswith(tag) or b"\n" + tag in data


def read_statement(path: str | Path, mapping: dict[str, Any] | None = None,
                   encoding: str | None = None, day_first: bool | None = None) -> Statement:
    """Read a bank statement file of any supported format.

    ``mapping`` ({canonical column: header in the file}, plus ``decimal``, ``date_format``,
    ``delimiter``, ``header_row``, ``sheet``) and ``day_first`` apply to CSV/XLSX exports;
    ``encoding`` overrides detection for text formats (CSV, MT940). A read of the same file
    with the same arguments begun earlier (``prefetch.start``) is taken instead.
    """
    from ar_excel.bank import prefetch

    early = prefetch.take(path, mapping, encoding, day_first)
    if early is not None:
        return early
    return read_statement_file(path, mapping, encoding, day_first)


def read_statement_file(path: str | Path, mapping: dict[str, Any] | None = None,
                        encoding: str | None = None, day_first: bool | None = None) -> Statement:
    """``read_statement``, always from the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the bank statement {path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{path.name}: the bank statement file is empty")
    if encoding is None:
        data = as_utf8(data)  # a UTF-16 export: read as the same text in UTF-8
    fmt = detect_format(data, path.name)
    if fmt == "ofx":
        from ar_excel.bank.ofx import read_ofx

        return read_ofx(path, data)
    if fmt == "camt053":
        from ar_excel.bank.camt import read_camt

        return read_camt(path, data)
    if fmt == "mt940":
        from ar_excel.bank.mt940_import import read_mt940

        return read_mt940(path, data, encoding)
    from ar_excel.bank.csv_import import (
        read_csv,
        read_html,
        read_qif,
        read_spreadsheet_xml,
        read_xlsx,
    )

    if fmt == "qif":
        return read_qif(path, data, mapping, encoding, day_first)

    if fmt == "xlsx":
        return read_xlsx(path, mapping, day_first)
    if fmt == "spreadsheetml":
        return read_spreadsheet_xml(path, data, mapping, day_first)
    if fmt == "html":
        return read_html(path, data, mapping, encoding, day_first)
    return read_csv(path, data, mapping, encoding, day_first)


def statement_from_table(table: Table, loader: Any = None, mapping: dict[str, Any] | None = None,
                         day_first: bool | None = None) -> Statement:
    """A ``Bank Statement`` sheet read by the workbook reader -> Statement, through the same
    importer as a statement file (``workbook_sheet``): its issues name the sheet's cells.

    ``loader`` (the book's ``sheet_loader``) gives the sheet's rows again, the account details
    and totals rows the reader left out too; without it, the table's own rows are read.
    ``Line No`` is the Excel row; ``Bank Line`` without a bank reference is the line's
    position in the statement.
    """
    from ar_excel.bank.workbook_sheet import statement_of_sheet

    return statement_of_sheet(table, table.sheet, loader, mapping, day_first)
