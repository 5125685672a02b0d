"""Whether writing into an existing workbook with openpyxl would lose anything.

openpyxl rewrites the whole file from what it understood. It keeps cell values, formulas,
styles, merged cells, Excel tables, comments, defined names and data validation, but drops
VBA projects (unless asked), form controls and ActiveX, shapes and text boxes, slicers,
timelines, Power Query connections, threaded comments, embedded objects and Excel 2010+
worksheet extensions (data bars, slicers), custom views and phonetic guides (``carried``
puts back some other settings it drops, drop-downs drawn from another sheet, sparklines).
So before writing in place we list the file's parts and refuse when any part we cannot
round-trip belongs to a sheet we would keep, or the sheets we keep or the workbook hold what
openpyxl drops.
Drawings, charts and images on tabs we are about to replace (our own output) don't count,
nor do charts openpyxl reads back as they were (our own, on a tab another job wrote).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from ar_excel.io.carried import SHEET_EXT_CARRIED, sheet_extensions
from ar_excel.names import match_key

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Parts openpyxl reads and writes back faithfully.
_SAFE = (
    r"\[Content_Types\]\.xml", r"_rels/\.rels", r"docProps/[^/]+\.xml",
    r"xl/workbook\.xml", r"xl/_rels/workbook\.xml\.rels", r"xl/styles\.xml",
    r"xl/sharedStrings\.xml", r"xl/theme/[^/]+\.xml", r"xl/calcChain\.xml",
    r"xl/worksheets/[^/]+\.xml", r"xl/worksheets/_rels/[^/]+\.rels", r"xl/tables/[^/]+\.xml",
    r"xl/comments[^/]*\.xml", r"xl/drawings/vmlDrawing[^/]*\.vml",
    # cell comments as openpyxl names them (a workbook ar_excel or openpyxl wrote before)
    r"xl/comments/[^/]+\.xml", r"xl/drawings/commentsDrawing[^/]*\.vml",
    r"xl/printerSettings/[^/]+\.bin", r"xl/externalLinks/.*",
    # the workbook's preview picture (``carried`` puts it back, as the printer settings)
    r"docProps/thumbnail\.[^/]+",
)
_SAFE_RE = re.compile("^(?:" + "|".join(_SAFE) + ")$")

_WHAT = (
    ("xl/vbaProject.bin", "a VBA project (macros)"),
    ("xl/ctrlProps/", "form controls (buttons, check boxes)"),
    ("xl/activeX/", "ActiveX controls"),
    ("xl/drawings/", "shapes, pictures or charts"),
    ("xl/charts/", "charts"),
    ("xl/media/", "pictures"),
    ("xl/embeddings/", "embedded objects"),
    ("xl/slicer", "slicers"),
    ("xl/timeline", "timelines"),
    ("xl/pivot", "pivot tables"),
    ("xl/connections.xml", "data connections (Power Query)"),
    ("xl/queryTables/", "query tables"),
    ("xl/threadedComments/", "threaded comments"),
    ("xl/persons/", "threaded comments"),
    ("customXml/", "custom XML parts"),
    ("xl/metadata.xml", "dynamic array formulas"),
    ("xl/richData/", "rich data (images in cells, data types)"),
    ("xl/chartsheets/", "chart sheets"),
    ("xl/customProperty", "sheet properties an add-in stored"),
)

# What openpyxl drops from a sheet we keep or from the workbook, and ar_excel cannot put
# back (``carried`` puts back the rest: ignored errors, Allow Edit Ranges, workbook settings).
# Custom views name the sheets' and the workbook's views by ids openpyxl does not keep.
_SHEET_DROPPED = {
    "customSheetViews": "custom views (View > Custom Views)",
    "smartTags": "smart tags",
    "webPublishItems": "web page publishing settings",
}
_SHEET_DROPPED_RE = re.compile(rb"<(?:\w+:)?(" + b"|".join(
    t.encode() for t in _SHEET_DROPPED) + rb")\b")
_BOOK_DROPPED = {
    "customWorkbookViews": "custom views (View > Custom Views)",
    "smartTagTypes": "smart tags",
    "webPublishObjects": "web page publishing settings",
    "functionGroups": "macro function categories",
}
# Extensions to the workbook part Excel and LibreOffice write into nearly every file, that
# record nothing the user made: chart data tracking, calculation features, image resolution,
# LibreOffice's reference syntax. Any other (slicers, timelines, a data model) is a loss.
_BOOK_EXT_HARMLESS = {
    "{140A7094-0E35-4892-8432-C4D2E57EDEB5}", "{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}",
    "{79F54976-1DA5-4618-B147-4CDE4B953A38}", "{7626C862-2A13-11E5-B345-FEFF819CDC9F}",
}
_PHONETIC_RE = re.compile(rb"<(?:\w+:)?rPh\b")
# Consolidate settings drawing from another workbook: the source names the workbook by a
# relationship of the sheet, which openpyxl does not keep (``carried`` puts the settings
# back without it: the source would become a sheet of this workbook)
_OTHER_BOOK_SOURCE_RE = re.compile(rb"<(?:\w+:)?dataRef\b[^>]*?\s\w+:id\s*=")
_CELL_METADATA_RE = re.compile(rb'<(?:\w+:)?c\b[^>]*?\s[cv]m="')


def _describe(part: str) -> str:
    return next((what for prefix, what in _WHAT if part.startswith(prefix)), f"'{part}'")


def _targets(z: zipfile.ZipFile, part: str) -> list[str]:
    """Parts a part refers to through its .rels file, resolved to zip paths."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in z.namelist():
        return []
    root = ElementTree.fromstring(z.read(rels))
    out = []
    for rel in root.iter(f"{_REL_NS}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append(path)
    return out


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part path."""
    wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = {}
    root = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for rel in root.iter(f"{_REL_NS}Relationship"):
        target = rel.get("Target", "")
        rels[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return {s.get("name"): rels.get(s.get(_DOC_REL), "") for s in wb.iter(f"{_MAIN_NS}sheet")}


def _owned(z: zipfile.ZipFile, part: str) -> set[str]:
    """A part and everything it refers to, transitively (a sheet's drawing, its charts...)."""
    seen: set[str] = set()
    todo = [part]
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        folder, name = posixpath.split(p)
        seen.add(posixpath.join(folder, "_rels", name + ".rels"))
        todo.extend(_targets(z, p))
    return seen


_DRAWING_RE = re.compile(r"^xl/drawings/drawing[^/]*\.xml$")
_ANCHOR_PARTS = {"from", "to", "ext", "pos", "clientData"}
# how openpyxl opens a chart part (the chart namespace as the default one, no prefix)
_OPENPYXL_CHART = re.compile(
    rb'^(?:<\?xml[^>]*\?>\s*)?<chartSpace xmlns="http://schemas\.openxmlformats\.org/'
    rb'drawingml/2006/chart"')


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _plain_charts(z: zipfile.ZipFile, drawing: str) -> set[str]:
    """The parts of a drawing that holds only charts openpyxl wrote and reads back as it
    wrote them (the Aging and Cash Forecast tabs' own charts, kept when another job writes
    beside them): the drawing, its charts and their .rels; empty where the drawing holds
    anything else (a shape, a picture) or a chart Excel, LibreOffice or another program
    wrote (their ``c:`` prefix) or extended (styles, colours, extensions: not kept)."""
    root = ElementTree.fromstring(z.read(drawing))
    for anchor in root:
        objects = [_local(e.tag) for e in anchor if _local(e.tag) not in _ANCHOR_PARTS]
        if objects != ["graphicFrame"] or not any(_local(e.tag) == "chart" for e in anchor.iter()):
            return set()
    charts = _targets(z, drawing)
    names = set(z.namelist())
    for chart in charts:
        folder, name = posixpath.split(chart)
        if chart not in names or posixpath.join(folder, "_rels", name + ".rels") in names:
            return set()
        xml = z.read(chart)
        if not _OPENPYXL_CHART.match(xml) or \
                any(mark in xml for mark in (b"extLst", b"AlternateContent", b"userShapes")):
            return set()
    folder, name = posixpath.split(drawing)
    return {drawing, posixpath.join(folder, "_rels", name + ".rels"), *charts}


def _form_controls(z: zipfile.ZipFile, part: str) -> bool:
    """Whether a legacy (VML) drawing holds form controls: openpyxl writes VML back only for
    cell comments (ObjectType Note), so a button drawn there would be lost."""
    kinds = re.findall(rb'ObjectType\s*=\s*"([^"]*)"', z.read(part))
    return any(k != b"Note" for k in kinds)


# A sheet's names Excel keeps for a command, which openpyxl reads and drops (it keeps only
# the print area and titles, and rebuilds the filter's own name from the sheet's filter).
_COMMAND_NAMES = {
    "_xlnm.Criteria": "Advanced Filter criteria and copy-to ranges",
    "_xlnm.Extract": "Advanced Filter criteria and copy-to ranges",
    "_xlnm.Consolidate_Area": "Consolidate settings",
    "_xlnm.Sheet_Title": "a sheet title name",
}


def _workbook_losses(z: zipfile.ZipFile, kept: list[str]) -> list[str]:
    """What openpyxl drops from the workbook part that ``carried`` does not put back;
    ``kept``: the sheets kept, in the workbook's order of sheets, None for those replaced."""
    out: list[str] = []
    for e in ElementTree.fromstring(z.read("xl/workbook.xml")):
        tag = _local(e.tag)
        if tag in _BOOK_DROPPED:
            out.append(_BOOK_DROPPED[tag])
        elif tag == "extLst" and any(ext.get("uri", "").upper() not in {
                u.upper() for u in _BOOK_EXT_HARMLESS} for ext in e):
            out.append("Excel 2010+ workbook features (slicers, timelines or a data model)")
        elif tag == "definedNames":
            for name in e:
                what = _COMMAND_NAMES.get(name.get("name", ""))
                at = name.get("localSheetId", "")
                sheet = kept[int(at)] if at.isdigit() and int(at) < len(kept) else None
                if what and sheet is not None:
                    out.append(f"{what} on sheet '{sheet}'")
    return list(dict.fromkeys(out))


def losses(path: Path, replaced_tabs: list[str]) -> list[str]:
    """What an openpyxl round trip of ``path`` would lose, keeping every sheet except the
    tabs named in ``replaced_tabs``. An empty list means it is safe to write in place."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return [f"a {path.suffix} format (only .xlsx can be updated in place)"]
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return ["an unreadable or encrypted file structure"]
    with z:
        names = set(z.namelist())
        replaced = {match_key(t) for t in replaced_tabs}
        sheets = sheet_parts(z)
        ignorable: set[str] = set()
        found: list[str] = []
        phonetic = "xl/sharedStrings.xml" in names and \
            _PHONETIC_RE.search(z.read("xl/sharedStrings.xml")) is not None
        cell_metadata = False
        for sheet, part in sheets.items():
            if match_key(sheet) in replaced:
                ignorable |= _owned(z, part)
                continue
            xml = z.read(part) if part in names else b""
            if sheet_extensions(xml) - SHEET_EXT_CARRIED:
                found.append(f"Excel 2010+ features on sheet '{sheet}' (data bars, icon sets, "
                             "slicers or timelines)")
            for tag in dict.fromkeys(m.group(1).decode() for m in _SHEET_DROPPED_RE.finditer(xml)):
                found.append(f"{_SHEET_DROPPED[tag]} on sheet '{sheet}'")
            if _OTHER_BOOK_SOURCE_RE.search(xml):
                found.append(f"Consolidate settings drawing from another workbook on sheet "
                             f"'{sheet}'")
            phonetic = phonetic or _PHONETIC_RE.search(xml) is not None
            cell_metadata = cell_metadata or _CELL_METADATA_RE.search(xml) is not None
        # Excel's cell metadata (a dynamic array formula's spill) and its list of people (the
        # authors of threaded comments) lose nothing where nothing uses them: a workbook
        # whose FILTER formula or threaded comment was deleted keeps both parts
        if not cell_metadata:
            ignorable.add("xl/metadata.xml")
        if not any(n.startswith("xl/threadedComments/") for n in names):
            ignorable |= {n for n in names if n.startswith("xl/persons/")}
        if phonetic:
            found.append("phonetic guides (furigana) over cell text")
        kept = [None if match_key(sheet) in replaced else sheet for sheet in sheets]
        found.extend(w for w in _workbook_losses(z, kept) if w not in found)
        for part in sorted(names - ignorable):
            if _DRAWING_RE.match(part):
                ignorable |= _plain_charts(z, part)
        for part in sorted(names - ignorable):
            if part.endswith("/"):
                continue
            buttons = part.endswith(".vml") and _form_controls(z, part)
            if buttons or not _SAFE_RE.match(part):
                what = _describe("xl/ctrlProps/" if buttons else part)
                if what not in found:
                    found.append(what)
        # "charts" says nothing "shapes, pictures or charts" did not say already
        return [w for w in found if not any(w != o and w in o for o in found)]


def looks_like_our_tab(rows: list[list[Any]] | list[tuple[Any, ...]], headers: list[str]
                      ) -> bool:
    """Whether a sheet whose first rows are ``rows`` may be replaced by the tab with
    ``headers``: one of its first rows opens with the tab's first headers (the contract's
    columns, which never change: an earlier run's tab), or it is empty."""
    heads = [match_key(h) for h in headers[:3]]
    filled = False
    for row in rows[:6]:
        cells = [match_key(str(c)) for c in (row or ()) if c is not None and str(c).strip()]
        filled |= bool(cells)
        if heads and cells[:len(heads)] == heads:
            return True
    return not filled


def sheets_of_their_own(path: Path, tabs: list[tuple[str, list[str]]]) -> list[str]:
    """The sheets of ``path`` that writing ``tabs`` (name, headers) would replace but that
    are no ar_excel output (``looks_like_our_tab``): a clerk's own 'Aging' or 'Dunning'."""
    import openpyxl

    wanted = {match_key(name): headers for name, headers in tabs if headers}
    own: list[str] = []
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # the writer's own load reports a file it cannot open
        return own
    try:
        for ws in wb.worksheets:
            key = match_key(ws.title)
            if key in wanted and not ws.title.startswith("_ar_") and not looks_like_our_tab(
                    list(ws.iter_rows(min_row=1, max_row=6, values_only=True)), wanted[key]):
                own.append(ws.title)
    finally:
        wb.close()
    return own
