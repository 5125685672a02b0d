"""Why a file given as the workbook could not be opened, said as the clerk can act on it.

The spreadsheet library's own words ("invalid Zip archive: Could not find EOCD", "Cfb error:
Invalid OLE signature") name its internals. The file's first bytes usually tell what it is:
nothing at all, a text export (CSV) or a web page saved under a workbook's name, or a
workbook cut short by a download or a copy.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

ZIP = b"PK\x03\x04"  # .xlsx, .xlsm, .ods
OLE = b"\xd0\xcf\x11\xe0"  # .xls, and a password-protected .xlsx


def _is_text(head: bytes) -> bool:
    """Whether the file's first bytes read as text: a BOM of UTF-16 (Excel's "Unicode text"),
    else UTF-8 or Windows-1256 without control characters but line ends and tabs."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        text = head[:-4].decode("utf-8")  # the last bytes may cut a character in two
    except UnicodeDecodeError:
        text = head.decode("cp1256", errors="replace")
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


def saved_as_text(path: Path) -> bool:
    """Whether ``path``, an .xls, is a delimited text export (tabs, commas or semicolons
    between the values of its first line): what many systems' "Export to Excel" writes under
    that name, and Excel opens after a word of warning. (Excel refuses such a file named
    .xlsx: so does ar_excel, saying what it is.)"""
    if path.suffix.lower() != ".xls":
        return False
    head = _head(path)
    if not head or head.startswith((ZIP, OLE)) or not _is_text(head):
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": tab-separated
        return True
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    first = lowered.split(b"\n", 1)[0]
    # (a file opening with a tag or a comment is markup, whatever its first line holds:
    # <head><meta content="text/html; charset=utf-8"> has its ';')
    return not lowered.startswith(b"<") and any(d in first for d in (b"\t", b",", b";"))


def why_not_a_workbook(path: Path, reason: object) -> str:
    """The one line saying why ``path`` is no workbook; ``reason``: the library's words,
    kept where the file's bytes tell nothing better."""
    head = _head(path)
    name = path.name
    said = _what_it_is(path, head, reason)
    return f"cannot open '{name}': {said}" if said else \
        f"cannot open '{name}' as a workbook: {reason}"


def _head(path: Path) -> bytes | None:
    """The file's first bytes, enough to tell what it is; None where it cannot be read."""
    try:
        with path.open("rb") as fh:
            return fh.read(4096)
    except OSError:
        return None


def _what_it_is(path: Path, head: bytes | None, reason: object) -> str | None:
    if path.is_dir():
        return "it is a folder, not a workbook"
    if head is not None and not head:
        return "it is empty (0 bytes), not a workbook"
    if "password" in str(reason).lower():
        return ("it has a password to open it, which ar_excel cannot read; save a copy without "
                "it (File > Info > Protect Workbook > Encrypt with Password, cleared)")
    if head is None:
        return None
    if head.startswith(ZIP) and zipfile.is_zipfile(path):
        kind = ".ods" if b"mimetypeapplication/vnd.oasis" in head[:100] else ".xlsx"
        if path.suffix.lower() not in (kind, ".xlsm" if kind == ".xlsx" else kind):
            named = f"named {path.suffix}" if path.suffix else "without its extension"
            return f"it is an {kind} workbook {named}; rename it {path.stem}{kind}"
    if head.startswith(ZIP):
        return ("the workbook is damaged (cut short or broken, as by an interrupted download "
                f"or copy); open it in Excel to repair it, or copy it again ({reason})")
    if not head.startswith(OLE) and _is_text(head):
        from ar_excel.io.web_workbook import web_kind

        lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
        # (markup, or a page web_workbook reads as one whatever it opens with: a single-file
        # web page; with no list, no text file to rename .csv)
        if lowered.startswith(b"<") or web_kind(head) is not None:
            return ("it is a web page or XML file saved under a workbook's name, not a "
                    "workbook; open it in Excel and save it as .xlsx")
        return ("it is a text file (a CSV or similar export), not an Excel workbook; rename it "
                ".csv to read it as a list, or open it in Excel and save it as .xlsx")
    return None
