"""Writing into the workbook itself: what ``io.carried`` splices back into the parts openpyxl
writes must leave a file Excel opens without 'We found a problem with some content': each
element at its place in the schema's order and once, each prefix declared, nothing of a
namespace the part written does not declare ignorable, every relationship and content type
in place, and the same after a second run."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc
from lxml import etree

from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab
from tests.test_writer import _customers_book, _edited, _frame, _with_part

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# CT_Worksheet and CT_Workbook (ECMA-376 Part 1, transitional), in order
SHEET_ORDER = [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst"]
BOOK_ORDER = [
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
    "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst"]
REPEATABLE = {"cols", "conditionalFormatting", "fileRecoveryPr"}


def _problems(book: Path) -> list[str]:
    """What would make Excel call ``book`` corrupt, of what splicing can get wrong."""
    out: list[str] = []
    with zipfile.ZipFile(book) as z:
        names = set(z.namelist())
        types = etree.fromstring(z.read("[Content_Types].xml"))
        defaults = {e.get("Extension").lower() for e in types if e.tag.endswith("Default")}
        overrides = {e.get("PartName")[1:] for e in types if e.tag.endswith("Override")}
        out += [f"{n}: no content type" for n in names
                if n not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults]
        for part in sorted(n for n in names if n.endswith((".xml", ".rels"))):
            root = etree.fromstring(z.read(part))
            out += [f"{part}: ignorable '{p}' not declared" for p in
                    (root.get(f"{{{MC}}}Ignorable") or "").split() if p not in root.nsmap]
            order = SHEET_ORDER if part.startswith("xl/worksheets/sheet") else \
                BOOK_ORDER if part == "xl/workbook.xml" else None
            if order is None:
                continue
            children = [etree.QName(e).localname for e in root
                        if isinstance(e.tag, str) and etree.QName(e).namespace == MAIN]
            if [order.index(c) for c in children] != sorted(order.index(c) for c in children):
                out.append(f"{part}: out of the schema's order {children}")
            out += [f"{part}: {c} twice" for c in set(children)
                    if children.count(c) > 1 and c not in REPEATABLE]
            ignorable = {root.nsmap.get(p) for p in (root.get(f"{{{MC}}}Ignorable") or "").split()}
            known = {MAIN, MC, REL_ID[1:].split("}")[0], "http://www.w3.org/XML/1998/namespace"}
            for e in root.iter():
                out += [f"{part}: attribute {k} on {etree.QName(e).localname}" for k in e.attrib
                        if k.startswith("{") and etree.QName(k).namespace not in known | ignorable]
            folder, name = posixpath.split(part)
            rels = posixpath.join(folder, "_rels", name + ".rels")
            ids = {r.get("Id"): r.get("Target") for r in etree.fromstring(z.read(rels))} \
                if rels in names else {}
            for e in root.iter():
                if e.get(REL_ID) is not None and e.get(REL_ID) not in ids:
                    out.append(f"{part}: r:id {e.get(REL_ID)} has no relationship")
            for target in ids.values():
                path = target[1:] if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(folder, target))
                if path not in names and not target.startswith("http"):
                    out.append(f"{rels}: {target} missing")
        shapes: dict[bytes, str] = {}
        for part in sorted(n for n in names if n.endswith(".vml")):
            for spid in re.findall(rb'<v:shape\b[^>]*?\bid="([^"]+)"', z.read(part)):
                if spid in shapes:
                    out.append(f"note shape {spid.decode()} in {shapes[spid]} and {part}")
                shapes[spid] = part
    return out


def _excel_book(tmp_path: Path) -> Path:
    """Customers and Invoices as Excel 365 saves them: notes on both, switched-off green
    triangles, a header, sparklines and a drop-down drawn from a Lists sheet (an Excel 2010
    extension, with revision ids and an attribute of a namespace declared ignorable),
    printer settings on both, 'password to modify' and AutoRecover off."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "excel.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name", "Credit Limit", "Terms"])
    for i in range(1, 4):
        ws.write_string(i, 0, f"{1000 + i}")
        ws.write_row(i, 1, [f"Customer {i}", 1000 * i, "Net 30"])
        ws.add_sparkline(i, 5, {"range": f"Invoices!B{i + 1}:B{i + 1}"})
    ws.ignore_errors({"number_stored_as_text": "A2:A4"})
    ws.write_comment("B2", "Call before shipping", {"visible": True})
    ws.set_header("&LNile Foods &KFF0000Ltd")
    invoices = book.add_worksheet("Invoices")
    invoices.write_row(0, 0, ["Invoice No", "Amount"])
    for i in range(1, 4):
        invoices.write_row(i, 0, [f"INV{i}", 500 * i])
    invoices.write_comment("A2", "Disputed")
    book.add_worksheet("Lists").write_column(0, 0, ["Net 30", "Net 60"])
    book.close()
    root = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'xmlns:mc="{MC}" mc:Ignorable="x14ac xr x16r2" '
            'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
            'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
            'xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">')
    for n in (1, 2):
        part = f"xl/worksheets/sheet{n}.xml"
        with zipfile.ZipFile(path) as z:
            old = re.search(r"<worksheet [^>]*>", z.read(part).decode()).group(0)
        _edited(path, part, old, root)
        path = _with_part(path, f"xl/printerSettings/printerSettings{n}.bin",
                          b"\x00DUPLEX%d" % n * 30, ".xlsx")
        _edited(path, f"xl/worksheets/_rels/sheet{n}.xml.rels", "</Relationships>",
                '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/printerSettings" Target="../printerSettings/'
                f'printerSettings{n}.bin"/></Relationships>')
        _edited(path, part, "<pageMargins", '<printOptions gridLines="1"/><pageMargins')
        _edited(path, part, 'footer="0.3"/>', 'footer="0.3"/><pageSetup paperSize="9" r:id="rId9"/>')
    _edited(path, "xl/worksheets/sheet1.xml", "<ext xmlns:x14",
            '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.'
            'microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
            'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation '
            'type="list" allowBlank="1" xr:uid="{5F3B1C2A-0000-4000-8000-000000000001}">'
            '<x14:formula1><xm:f>Lists!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>D2:D4</xm:sqref>'
            '</x14:dataValidation></x14:dataValidations></ext><ext xmlns:x14')
    _edited(path, "xl/worksheets/sheet1.xml", '<x14:sparklineGroup ',
            '<x14:sparklineGroup x16r2:spare="1" ')
    _edited(path, "[Content_Types].xml", "<Default ", '<Default Extension="bin" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>'
            '<Default ')
    _edited(path, "xl/workbook.xml", "<workbookPr ",
            '<fileSharing readOnlyRecommended="1" userName="AR Clerk" algorithmName="SHA-512" '
            'hashValue="Zm9vYmFy" saltValue="c2FsdA==" spinCount="100000"/><workbookPr ')
    _edited(path, "xl/workbook.xml", "</workbook>", '<fileRecoveryPr autoRecover="0"/></workbook>')
    return path


def test_what_is_spliced_into_a_kept_sheet_is_in_order_once_and_declared(tmp_path):
    """Excel, unlike LibreOffice, calls a part corrupt where an element is out of the
    schema's order or twice, a prefix undeclared, an attribute of a namespace it may not know
    not declared ignorable, an r:id without its relationship or a part without its type.
    An attribute Excel 365 wrote in a namespace the sheet declared ignorable (x16r2 here)
    was carried into a sheet that declares nothing ignorable."""
    book = _excel_book(tmp_path)
    assert _problems(book) == []
    before = {n: pc.CalamineWorkbook.from_path(str(book)).get_sheet_by_name(n).to_python()
              for n in ("Customers", "Invoices", "Lists")}
    written = []
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=book)
        assert _problems(book) == []
        with zipfile.ZipFile(book) as z:
            # all but the Aging tab, the styles (each run adds the tab's anew) and the dates
            written.append({n: z.read(n) for n in z.namelist() if "sheet4" not in n and
                            n not in ("xl/styles.xml", "docProps/core.xml")})
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            assert z.read("xl/workbook.xml").count(b"<fileSharing ") == 1
        assert "x16r2" not in sheet and "xr:uid" not in sheet
        assert re.findall(r"<xm:(?:f|sqref)>([^<]*)</xm:", sheet) == [
            "Lists!$A$1:$A$2", "D2:D4", "Invoices!B4:B4", "F4", "Invoices!B3:B3", "F3",
            "Invoices!B2:B2", "F2"]
        assert sheet.count("<extLst") == sheet.count("<headerFooter") == 1
        assert sheet.count("<ignoredErrors") == 1 and "<dataValidations" not in sheet
    assert written[0] == written[1]  # a second run changes nothing and duplicates nothing
    wb = openpyxl.load_workbook(book)
    assert wb["Customers"]["B2"].comment.text == "Call before shipping"
    assert wb["Invoices"]["A2"].comment.text == "Disputed"
    after = pc.CalamineWorkbook.from_path(str(book))
    assert {n: after.get_sheet_by_name(n).to_python() for n in before} == before


def test_a_windows_thumbnail_is_written_back_typed_as_the_workbook_typed_it(tmp_path):
    """A preview picture saved as Windows Excel saves it (docProps/thumbnail.wmf) made the
    write fail with "KeyError: '.wmf'": openpyxl types every part by its extension from a
    list without .wmf. It is written back, typed as the workbook typed it."""
    book = _customers_book(tmp_path)
    picture = b"\xd7\xcd\xc6\x9a a metafile"
    book = _with_part(book, "docProps/thumbnail.wmf", picture, ".xlsx")
    _edited(book, "_rels/.rels", "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/thumbnail" Target="docProps/thumbnail.wmf"/></Relationships>')
    _edited(book, "[Content_Types].xml", "<Default ",
            '<Default Extension="wmf" ContentType="image/x-wmf"/><Default ')
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=book)
        with zipfile.ZipFile(book) as z:
            assert z.read("docProps/thumbnail.wmf") == picture
            assert b'<Default Extension="wmf" ContentType="image/x-wmf"/>' in \
                z.read("[Content_Types].xml")
        assert _problems(book) == []


def test_consolidate_settings_drawing_from_another_workbook_are_refused(tmp_path):
    """Consolidate settings name a source in another workbook by a relationship of the
    sheet, which openpyxl does not keep: put back without it, the source became a sheet of
    this workbook, in silence. Such a book is refused; one drawing from its own sheets is
    written into, its settings kept."""
    from ar_excel.errors import UnsafeWriteError

    book = _customers_book(tmp_path)
    _edited(book, "xl/worksheets/sheet1.xml", "<pageMargins",
            '<dataConsolidate><dataRefs count="1"><dataRef ref="A1:C9" sheet="Sales" '
            'r:id="rId7"/></dataRefs></dataConsolidate><pageMargins')
    book = _with_part(book, "xl/worksheets/_rels/sheet1.xml.rels", (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="file:///C:/AR/Branches.xlsx" '
        b'TargetMode="External"/></Relationships>'), ".xlsx")
    before = book.read_bytes()
    with pytest.raises(UnsafeWriteError, match=r"has Consolidate settings drawing from another "
                                                r"workbook on sheet 'Customers'.*use -o OUT"):
        write_tabs([Tab("Aging", _frame())], source=book)
    assert book.read_bytes() == before

    (tmp_path / "own").mkdir()
    own = _customers_book(tmp_path / "own")
    _edited(own, "xl/worksheets/sheet1.xml", "<pageMargins",
            '<dataConsolidate><dataRefs count="1"><dataRef ref="A1:C6" sheet="Customers"/>'
            '</dataRefs></dataConsolidate><pageMargins')
    write_tabs([Tab("Aging", _frame())], source=own)
    with zipfile.ZipFile(own) as z:
        assert b'<dataRef ref="A1:C6" sheet="Customers"/>' in z.read("xl/worksheets/sheet1.xml")
    assert _problems(own) == []


def test_every_autorecover_setting_of_the_workbook_is_kept(tmp_path):
    """The workbook part may hold its AutoRecover settings more than once (the schema allows
    it); each was put in place of the one before, so only the last came back."""
    book = _customers_book(tmp_path)
    _edited(book, "xl/workbook.xml", "</workbook>", '<fileRecoveryPr autoRecover="0"/>'
            '<fileRecoveryPr repairLoad="1"/></workbook>')
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=book)
        with zipfile.ZipFile(book) as z:
            xml = z.read("xl/workbook.xml").decode()
        assert re.findall(r"<fileRecoveryPr [^>]*?(autoRecover|repairLoad)=", xml) == [
            "autoRecover", "repairLoad"]
        assert _problems(book) == []
