"""Excel error values (``#N/A``, ``#REF!``, ``#DIV/0!``) behind cells read as blank.

The cell reader gives a formula's error result as an empty value, so a required amount
that a broken VLOOKUP turned into ``#N/A`` would be reported as "blank". The clerk must
know it is the formula: for the few cells an issue names, the saved workbook (.xlsx/.xlsm)
is looked at once more for their error value (sheet XML parsed with defusedxml).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part in the archive."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_REL)}
    parts = {}
    for sheet in book.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        parts[sheet.get("name", "")] = path
    return parts


def error_values(path: Path, cells: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> the Excel error the cell holds, for the ``cells`` asked by sheet; a
    cell holding no error is not in the answer (nor anything of a file that is no xlsx)."""
    found: dict[tuple[str, str], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            for sheet, wanted in cells.items():
                part = parts.get(sheet)
                if part is None or part not in archive.namelist():
                    continue
                data = archive.read(part)
                if b't="e"' not in data:  # no error cell at all (most sheets): nothing to parse
                    continue
                for cell in ElementTree.fromstring(data).iter(f"{{{_NS['m']}}}c"):
                    ref = cell.get("r")
                    if cell.get("t") == "e" and ref in wanted:
                        value = cell.find("m:v", _NS)
                        found[(sheet, ref)] = value.text if value is not None else "#VALUE!"
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return found  # not an xlsx we can look into: the message stays as it was
    return found


_BLANK = re.compile(r"^(.*) is required but blank$")


def explain_error_cells(path: Path, issues: list) -> list:
    """The issues, with "required but blank" reworded where the cell holds an Excel error."""
    from ar_excel.model import Issue

    asked: dict[str, set[str]] = {}
    for issue in issues:
        if _BLANK.match(issue.message):
            asked.setdefault(issue.sheet, set()).add(issue.cell)
    if not asked or path.suffix.lower() not in (".xlsx", ".xlsm"):
        return issues
    errors = error_values(path, asked)
    if not errors:
        return issues
    out = []
    for issue in issues:
        error = errors.get((issue.sheet, issue.cell))
        if error is not None and _BLANK.match(issue.message):
            issue = Issue(issue.sheet, issue.cell, issue.column, error,
                          f"{issue.column} is the Excel error {error} (its formula has no "
                          f"value), so the row cannot be used")
        out.append(issue)
    return out
