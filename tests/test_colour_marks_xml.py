"""The fills of an .xlsx read as XML (``io.colour_marks``, defusedxml): a row of a coloured
cell is found with or without its number, under any namespace prefix, and a styles part
that declares entities is refused (nothing said) instead of searched as text."""

from __future__ import annotations

import io
import zipfile

from ar_excel.io.colour_marks import _coloured_rows, _coloured_styles, _rows_styled

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="{MAIN}">
<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill>
<x:fill><x:patternFill patternType="gray125"/></x:fill>
<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FF00B050"/></x:patternFill></x:fill>
</x:fills>
<x:cellStyleXfs count="1"><x:xf fillId="2"/></x:cellStyleXfs>
<x:cellXfs count="3"><x:xf fillId="0"/><x:xf fillId="2"/><x:xf fillId="1"/></x:cellXfs>
</x:styleSheet>""".encode()
SHEET = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData>
<row r="1"><c r="A1" s="1"><v>1</v></c></row>
<row r="3"><c r="A3" s="2"><v>3</v></c><c r="B3" s="1"><v>3</v></c></row>
<row><c s="1"><v>4</v></c></row>
<row r="6"><c r="A6" s="0"><v>6</v></c></row>
</sheetData></worksheet>""".encode()


def test_the_solid_fills_formats_and_the_rows_they_colour():
    styles = _coloured_styles(io.BytesIO(STYLES))
    assert styles == {1}  # (cellXfs only: the cell style's solid fill is no cell's format)
    # the row without a number is the one after row 3 (it was missed)
    assert _rows_styled(io.BytesIO(SHEET), styles) == {1, 3, 4}


def _book(tmp_path, styles: bytes):
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
                   'name="Invoices" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
        z.writestr("xl/styles.xml", styles)
    return path


def test_a_workbook_read_once_and_a_styles_part_with_entities_refused(tmp_path):
    assert _coloured_rows(_book(tmp_path, STYLES), "Invoices") == {1, 3, 4}
    bomb = STYLES.replace(b"<x:styleSheet", b'<!DOCTYPE x [<!ENTITY a "solid">]>\n<x:styleSheet')
    assert _coloured_rows(_book(tmp_path, bomb), "Invoices") == set()
