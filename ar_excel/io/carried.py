"""What openpyxl drops on a round trip but ar_excel puts back itself, writing into a workbook.

openpyxl reads a sheet's cells, styles, filters, validation, print settings and protection,
but not some small settings a clerk makes in Excel, which it would silently leave out when
ar_excel writes its tabs into the workbook itself:

* on a sheet: the errors told to be ignored (the green triangles of 'number stored as text'
  switched off on a column of customer IDs), ranges a password lets users edit (Allow Edit
  Ranges), the sort last applied, Consolidate settings, watched cells, phonetic settings;
  and its headers and footers, which openpyxl rewrites (the part in another font or colour
  no longer so: the whole third of the header took it), are written back as they were, and
  its drop-down lists drawn from another sheet and its sparklines (Excel 2010 extensions);
* in the workbook: 'always create a backup', the privacy and link-update settings and the
  rest of its properties (openpyxl writes only the 1904 date system and the code name),
  'password to modify' and 'read-only recommended', AutoRecover switched off;
* in the document properties: the company, the manager and the hyperlink base;
* the workbook's preview picture (thumbnail), which openpyxl leaves out;
* a sheet's printer settings (two-sided printing, the paper tray: what the page setup's
  printer keeps of its own), which openpyxl leaves out;
* notes (cell comments): openpyxl keeps their text and author but writes every box anew,
  hidden, at its default size, plain: a note pinned visible was hidden, its bold author
  line and its box's size and colour lost. A kept sheet's notes are written back as they
  were (their cells have not moved).

They refer to nothing openpyxl renumbers (cell ranges of a sheet whose cells are written
back where they were, passwords' hashes, flags), so they are copied from the workbook as it
was into the parts openpyxl writes, at their place in the schema's order. What cannot be
carried over so makes ``safety.losses`` refuse instead.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as defused
from lxml import etree

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

# A worksheet's elements after its cells, in the schema's order (CT_Worksheet).
SHEET_ORDER = (
    "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
    "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
    "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
    "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
    "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
    "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst")
# Those openpyxl drops that are carried over.
# Those openpyxl drops that are carried over, and the headers and footers it rewrites: it
# takes one font, size and colour for each third of a header, so 'Nile Foods &KFF0000Ltd'
# (only 'Ltd' red) came back all red, and an italic word in the middle italicised the rest.
SHEET_CARRIED = ("protectedRanges", "sortState", "dataConsolidate", "phoneticPr", "cellWatches",
                 "ignoredErrors", "headerFooter")
_SHEET_CARRIED_RE = re.compile(rb"<(?:\w+:)?(?:" + b"|".join(
    t.encode() for t in (*SHEET_CARRIED, "extLst")) + rb")\b")
# Excel 2010+ extensions of a sheet that stand alone, carried over when a sheet's extensions
# are all of them: drop-down lists and other validation referring to another sheet (Excel
# writes those as an extension: a 'Payment Terms' list kept on a Lists sheet), sparklines.
# Any other (data bars and icon sets tied to a rule openpyxl rewrites, slicers) is refused
# by ``safety.losses``.
SHEET_EXT_CARRIED = frozenset({
    "{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}",  # x14:dataValidations
    "{05C60535-1F16-4FD2-B633-F4F36F0B64E0}",  # x14:sparklineGroups
})
_EXT_URI = re.compile(rb'<(?:\w+:)?ext\b[^>]*?\buri="([^"]*)"')


def sheet_extensions(xml: bytes) -> set[str]:
    """The extensions (their uri, upper case) a worksheet's XML holds, at any depth."""
    return {m.group(1).decode().upper() for m in _EXT_URI.finditer(xml)}

# The workbook part's elements (CT_Workbook), in order.
BOOK_ORDER = (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
    "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst")
BOOK_CARRIED = ("fileSharing", "fileRecoveryPr")
# document properties openpyxl does not write (it writes a new app.xml)
APP_CARRIED = ("Company", "Manager", "HyperlinkBase")

_TAG = re.compile(rb"<(/?)([\w:.-]+)[^>]*?(/?)>")


@dataclass
class Carried:
    """What is carried over: fragments of XML ready to be put back, by where they go."""

    sheets: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)  # sheet name
    # sheet name -> its notes' comments part and VML drawing, as they were
    notes: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    # sheet name -> its printer settings (the printer's own: two-sided, paper tray, quality)
    printers: dict[str, bytes] = field(default_factory=dict)
    # the preview picture of the workbook (Mac Excel saves one by default): path, picture
    thumbnail: tuple[str, bytes] | None = None
    thumbnail_type: str = ""  # its content type, as the workbook typed it
    workbook_pr: dict[str, str] = field(default_factory=dict)
    workbook: list[tuple[str, bytes]] = field(default_factory=list)
    app: list[bytes] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# a file's XML read as data only: no entities expanded, nothing fetched
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _parse(xml: bytes):
    """A part of the workbook parsed, after defusedxml has read it: the file comes from
    outside, and a part declaring entities (an XML bomb, an external entity) is refused
    there with an error, as every other XML the project reads is; lxml then keeps the
    prefixes and extensions as Excel wrote them, which the parts written back need."""
    defused.fromstring(xml)
    return etree.fromstring(xml, _PARSER)


_MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"


def _ignorable(root) -> frozenset[str]:
    """The namespaces a part's root declares ignorable (``mc:Ignorable``, by prefix)."""
    return frozenset(filter(None, ((root.nsmap or {}).get(p)
                                   for p in (root.get(_MC_IGNORABLE) or "").split())))


def _fragment(element, namespace: str, extension: bool = False,
              droppable: frozenset[str] = frozenset()) -> bytes:
    """An element as XML of its own (its namespace declared on it), without what belongs to
    other namespaces (Excel's revision ids): the part it goes into does not declare them
    ignorable, and Excel would call the file corrupt. An ``extension`` keeps its elements of
    other namespaces (an extension is made of them), not its revision ids nor attributes of
    the ``droppable`` namespaces: those the part it came from declared ignorable (a reader
    may drop them), which an Excel not knowing them calls corrupt where the part written
    does not declare them ignorable."""
    copy = etree.fromstring(etree.tostring(element), _PARSER)
    if extension:
        for e in copy.iter():
            for key in [k for k in e.attrib if "/revision" in k or
                        (k.startswith("{") and etree.QName(k).namespace in droppable)]:
                del e.attrib[key]
        etree.cleanup_namespaces(copy)
        return etree.tostring(copy, encoding="us-ascii")
    for e in list(copy.iter()):
        if not isinstance(e.tag, str) or etree.QName(e).namespace != namespace:
            if e is not copy and e.getparent() is not None:
                e.getparent().remove(e)
            continue
        for key in list(e.attrib):
            if key.startswith("{"):
                del e.attrib[key]
    etree.cleanup_namespaces(copy)
    return etree.tostring(copy, encoding="us-ascii")


def _related(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The parts a part refers to, by the kind of relationship (its Type's last word): the
    first of each kind, by relationship id where the part names it (``ids``)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    found: dict[str, str] = {}
    if rels not in z.namelist():
        return found
    for rel in _parse(z.read(rels)):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External" and kind not in found:
            found[kind] = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
    return {k: v for k, v in found.items() if v in z.namelist()}


def _content_type(z: zipfile.ZipFile, part: str) -> str:
    """A part's content type as the package's manifest gives it (its own, else its
    extension's), or '' where the manifest gives none."""
    types = _parse(z.read("[Content_Types].xml"))
    extension = posixpath.splitext(part)[1][1:].lower()
    found = ""
    for e in types:
        if not isinstance(e.tag, str):
            continue
        if _local(e.tag) == "Override" and e.get("PartName", "").lstrip("/") == part:
            return e.get("ContentType", "")
        if _local(e.tag) == "Default" and e.get("Extension", "").lower() == extension:
            found = e.get("ContentType", "")
    return found


def _notes(related: dict[str, str], z: zipfile.ZipFile) -> tuple[bytes, bytes] | None:
    """A sheet's notes as Excel wrote them: the comments part and the VML drawing of their
    boxes, or None without both (``safety.losses`` has refused a drawing holding anything
    but notes, and a picture in a note's box)."""
    if "comments" not in related or "vmlDrawing" not in related:
        return None
    return z.read(related["comments"]), z.read(related["vmlDrawing"])


def read_carried(path: Path, kept: Iterable[str]) -> Carried:
    """What openpyxl would drop from ``path`` that is carried over, for the sheets named in
    ``kept`` (those written back as they were)."""
    from ar_excel.io.safety import sheet_parts

    carried = Carried()
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        parts = sheet_parts(z)
        for sheet in kept:
            part = parts.get(sheet)
            if part not in names:
                continue
            related = _related(z, part)
            notes = _notes(related, z)
            if notes:
                carried.notes[sheet] = notes
            if "printerSettings" in related:
                carried.printers[sheet] = z.read(related["printerSettings"])
            xml = z.read(part)
            if not _SHEET_CARRIED_RE.search(xml):  # nearly every sheet: no parsing
                continue
            root = _parse(xml)
            found = [(_local(e.tag), _fragment(e, MAIN_NS)) for e in root
                     if isinstance(e.tag, str) and _local(e.tag) in SHEET_CARRIED]
            found += [("extLst", _fragment(e, MAIN_NS, True, _ignorable(root))) for e in root
                      if isinstance(e.tag, str) and _local(e.tag) == "extLst"
                      and sheet_extensions(etree.tostring(e)) <= SHEET_EXT_CARRIED]
            if found:
                carried.sheets[sheet] = found
        book = _parse(z.read("xl/workbook.xml"))
        for e in book:
            if not isinstance(e.tag, str):
                continue
            if _local(e.tag) == "workbookPr":
                carried.workbook_pr = {k: v for k, v in e.attrib.items() if "}" not in k}
            elif _local(e.tag) in BOOK_CARRIED:
                carried.workbook.append((_local(e.tag), _fragment(e, MAIN_NS)))
        thumbnail = _related(z, "").get("thumbnail")
        if thumbnail:
            carried.thumbnail = (thumbnail, z.read(thumbnail))
            carried.thumbnail_type = _content_type(z, thumbnail)
        if "docProps/app.xml" in names:
            app = _parse(z.read("docProps/app.xml"))
            carried.app = [_fragment(e, APP_NS) for e in app if isinstance(e.tag, str)
                           and _local(e.tag) in APP_CARRIED and (e.text or "").strip()]
    return carried


def _top_level(xml: bytes, start: int) -> list[tuple[str, int, int]]:
    """The root's children from ``start`` (a position at the root's depth): local name and
    where each begins and ends; the root's end tag last, as ''."""
    out: list[tuple[str, int, int]] = []
    depth, began = 0, 0
    for m in _TAG.finditer(xml, start):
        closing, name, empty = m.group(1), m.group(2).decode().rsplit(":", 1)[-1], m.group(3)
        if closing:
            if depth == 0:
                out.append(("", m.start(), m.start()))
                break
            depth -= 1
            if depth == 0:
                out[-1] = (out[-1][0], began, m.end())
        elif depth == 0:
            began = m.start()
            out.append((name, began, m.end()))
            depth += not empty
        else:
            depth += not empty
    return out


def insert_in_order(xml: bytes, fragments: list[tuple[str, bytes]], order: tuple[str, ...],
                    start: int) -> bytes:
    """``xml`` with each fragment (its element's name, its XML) in place of the root's child
    of that name from ``start``, or put before the first that comes after it in ``order``.
    Fragments of one name (a workbook's several AutoRecover settings) go together."""
    together: dict[str, bytes] = {}
    for name, fragment in fragments:
        together[name] = together.get(name, b"") + fragment
    for name, fragment in sorted(together.items(), key=lambda f: -order.index(f[0])):
        rank = order.index(name)
        children = _top_level(xml, start)
        same = next(((b, e) for child, b, e in children if child == name), None)
        if same is not None:
            xml = xml[:same[0]] + fragment + xml[same[1]:]
            continue
        at = next(b for child, b, _ in children
                  if child == "" or (child in order and order.index(child) > rank))
        xml = xml[:at] + fragment + xml[at:]
    return xml


def sheet_with(xml: bytes, fragments: list[tuple[str, bytes]]) -> bytes:
    """A worksheet's XML as openpyxl wrote it, with the carried elements put back (all of
    them come after the cells: only the part after them is searched)."""
    end = xml.rfind(b"</sheetData>")
    if end >= 0:
        end += len(b"</sheetData>")
    else:
        m = re.search(rb"<sheetData\s*/>", xml)
        end = m.end() if m else -1
    if end < 0:
        return xml
    return insert_in_order(xml, fragments, SHEET_ORDER, end)


def workbook_with(xml: bytes, carried: Carried) -> bytes:
    """The workbook part as openpyxl wrote it, with its properties and settings put back."""
    if carried.workbook_pr:
        m = re.search(rb"<workbookPr\b([^>]*?)(/?)>", xml)
        if m:
            written = dict(re.findall(r'([\w:]+)="([^"]*)"', m.group(1).decode()))  # escaped
            # openpyxl's own (the 1904 date system, the code name) win: they are the workbook's
            attrs = {**{k: _escape(v) for k, v in carried.workbook_pr.items()}, **written}
            text = "".join(f' {k}="{v}"' for k, v in attrs.items())
            xml = xml[:m.start()] + f"<workbookPr{text}".encode() + m.group(2) + b">" + \
                xml[m.end():]
    if carried.workbook:
        root = re.search(rb"<(?:\w+:)?workbook\b[^>]*>", xml)
        if root:
            xml = insert_in_order(xml, carried.workbook, BOOK_ORDER, root.end())
    return xml


THUMBNAIL_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def root_rels_with(xml: bytes, carried: Carried) -> bytes:
    """The package's relationships as openpyxl wrote them, with the preview picture's."""
    end = xml.rfind(b"</Relationships>")
    if carried.thumbnail is None or end < 0:
        return xml
    rel = f'<Relationship Id="rIdArThumbnail" Type="{THUMBNAIL_TYPE}" ' \
          f'Target="{_escape(carried.thumbnail[0])}"/>'
    return xml[:end] + rel.encode() + xml[end:]


def app_with(xml: bytes, carried: Carried) -> bytes:
    """The document properties as openpyxl wrote them, with the company, manager and
    hyperlink base put back."""
    end = xml.rfind(b"</Properties>")
    if not carried.app or end < 0:
        return xml
    return xml[:end] + b"".join(carried.app) + xml[end:]


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
