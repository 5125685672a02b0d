"""Writing tabs: formatted, never duplicated, text kept as text, and never losing a workbook."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine as pc

from ar_excel.errors import UnsafeWriteError
from ar_excel.io.writer import write_tabs
from ar_excel.model import Chart, Tab
from tests.conftest import soffice_convert

DANGEROUS = ["=HYPERLINK(\"http://x\",\"click\")", "+201001234567", "-CR 500", "@SUM(A1:A9)",
             "=1+1"]


def _frame():
    return pd.DataFrame({
        "Customer ID": ["C1", "C2", "C3", "C4", "C5"],
        "Description": DANGEROUS,
        "Amount": [1200.5, -30.0, float("nan"), 0.0, 1e6],
        "Date": pd.to_datetime(["2024-01-31", None, "2024-02-29", "2024-03-01", "2024-12-31"]),
        "Over Limit": [True, False, False, True, False],
    })


def _source(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Credit Limit"])
    ws.append(["C1", "Nile Foods", 5000])
    ws["D2"] = "=C2*2"
    ws.column_dimensions["B"].width = 33
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_new_workbook_has_a_formatted_table(tmp_path):
    out = write_tabs([Tab("Aging", _frame(), formats={"Amount": "money", "Date": "date"},
                          charts=[Chart("column", "By customer", "Customer ID", ["Amount"])])],
                     out=tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Aging"]
    assert [c.value for c in ws[1]] == ["Customer ID", "Description", "Amount", "Date", "Over Limit"]
    assert ws.freeze_panes == "A2"
    assert list(ws.tables) == ["tblAging"] and ws.tables["tblAging"].ref == "A1:E6"
    assert ws["C2"].value == 1200.5 and ws["C2"].number_format.startswith("#,##0.00")
    assert ws["D2"].value == datetime(2024, 1, 31) and ws["D2"].number_format == "yyyy-mm-dd"
    assert ws["C4"].value is None and ws["D3"].value is None  # blanks stay blank
    assert ws["E2"].value is True
    assert ws["A1"].font.bold
    assert len(ws._charts) == 1


def test_formula_looking_text_stays_text(tmp_path):
    out = write_tabs([Tab("Bank Matches", _frame())], out=tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(out)["Bank Matches"]
    for row, text in enumerate(DANGEROUS, start=2):
        assert ws.cell(row=row, column=2).value == text
        assert ws.cell(row=row, column=2).data_type == "s"
    values = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Bank Matches").to_python()
    assert [r[1] for r in values[1:]] == DANGEROUS
    with zipfile.ZipFile(out) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")


def test_writing_twice_replaces_the_tab(tmp_path):
    src = _source(tmp_path)
    write_tabs([Tab("Aging", _frame())], source=src)
    write_tabs([Tab("aging", _frame().head(2))], source=src)  # same tab, other case
    wb = openpyxl.load_workbook(src)
    assert wb.sheetnames == ["Customers", "aging"]
    assert wb["aging"].max_row == 3
    assert wb["Customers"]["B2"].value == "Nile Foods"
    assert wb["Customers"]["D2"].value == "=C2*2"  # formulas survive
    assert wb["Customers"].column_dimensions["B"].width == 33
    backups = sorted(tmp_path.glob("book.backup-*.xlsx"))
    assert len(backups) == 2
    assert not list(tmp_path.glob(".book.*"))  # no temporary file left behind


def test_a_tab_written_again_keeps_its_place_among_the_sheets(tmp_path):
    """The accountant moved Aging between Customers and Invoices and Credit Status to the
    front: a month later the tabs are written again where they stand (they went to the end),
    and a tab new to the book goes after the others."""
    src = _source(tmp_path)
    write_tabs([Tab("Aging", _frame()), Tab("Credit Status", _frame())], source=src)
    wb = openpyxl.load_workbook(src)
    wb.create_sheet("Invoices").append(["Invoice No", "Customer ID", "Amount"])
    wb.move_sheet("Credit Status", offset=-2)
    wb.save(src)
    assert wb.sheetnames == ["Credit Status", "Customers", "Aging", "Invoices"]
    write_tabs([Tab("Aging", _frame().head(2)), Tab("Dunning", _frame()),
                Tab("credit status", _frame().head(1))], source=src)
    wb = openpyxl.load_workbook(src)
    assert wb.sheetnames == ["credit status", "Customers", "Aging", "Invoices", "Dunning"]
    assert wb["Aging"].max_row == 3 and wb["credit status"].max_row == 2
    assert wb["Invoices"]["A1"].value == "Invoice No"


def test_arabic_option_adds_label_row_and_rtl(tmp_path):
    out = write_tabs([Tab("Aging", _frame())], out=tmp_path / "o.xlsx", arabic=True)
    ws = openpyxl.load_workbook(out)["Aging"]
    assert ws["A1"].value == "رقم العميل" and ws["A2"].value == "Customer ID"
    assert ws.sheet_view.rightToLeft
    assert ws.tables["tblAging"].ref == "A2:E7"


def _with_part(path: Path, part: str, data: bytes, suffix: str) -> Path:
    out = path.with_name(path.stem + "_x" + suffix)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr(part, data)
    return out


def test_refuses_in_place_write_into_a_workbook_with_vba(tmp_path):
    book = _with_part(_source(tmp_path), "xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 fake", ".xlsm")
    before = book.read_bytes()
    with pytest.raises(UnsafeWriteError, match=r"VBA project \(macros\).*use -o OUT"):
        write_tabs([Tab("Aging", _frame())], source=book)
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("*backup*"))
    out = write_tabs([Tab("Aging", _frame())], source=book, out=tmp_path / "results.xlsx")
    assert openpyxl.load_workbook(out).sheetnames == ["Aging"]


_XLSX_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLSM_MAIN = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _workbook_type(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml")
        assert "xl/vbaProject.bin" not in z.namelist()
    return re.search(rb'PartName="/xl/workbook\.xml" ContentType="([^"]+)"', types)[1]


@pytest.mark.parametrize("typed", [_XLSM_MAIN, _XLSX_MAIN])
def test_an_xlsm_without_macros_is_written_into_and_stays_a_macro_enabled_workbook(
        tmp_path, typed):
    """An .xlsm whose macros were deleted (Excel keeps it macro-enabled, no VBA project) holds
    nothing openpyxl drops: written into, and typed as its extension says, else Excel refuses
    to open it ('the file format or file extension is not valid'). One typed as an .xlsx under
    the .xlsm name (renamed by hand) is typed as Excel wants it too."""
    src = _source(tmp_path)
    book = tmp_path / "book.xlsm"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(book, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data.replace(_XLSX_MAIN, typed)
                          if item.filename == "[Content_Types].xml" else data)
    assert _workbook_type(book) == typed
    for run in (_frame(), _frame().head(2)):
        assert write_tabs([Tab("Aging", run)], source=book) == book
        assert _workbook_type(book) == _XLSM_MAIN
        wb = openpyxl.load_workbook(book)
        assert wb.sheetnames == ["Customers", "Aging"]
        assert [c.value for c in wb["Customers"][2]] == ["C1", "Nile Foods", 5000, "=C2*2"]
        assert wb["Aging"].max_row == len(run) + 1
    assert len(sorted(tmp_path.glob("book.backup-*.xlsm"))) == 2


def _cell_formats(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml")
    cell_xfs = re.search(rb"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)[1]
    return re.findall(rb"<xf\b.*?(?:/>|</xf>)", cell_xfs, re.S)


def test_validating_in_place_again_adds_no_cell_formats(tmp_path):
    """Each run in place wrote the header cells' formats (white on blue, aligned) once more:
    4 more cell formats a month toward Excel's limit. The second run finds them."""
    from ar_excel.cli import main

    book = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Customer Name", "Credit Limit", "Payment Terms"])
    ws.append(["C1", "Nile Foods", 5000, 30])
    ws.append(["C2", "Delta Trading", None, 45])
    wb.save(book)
    counts = []
    for _ in range(3):
        assert main(["validate", str(book)]) == 0
        counts.append(len(_cell_formats(book)))
    assert counts[1:] == counts[:1] * 2
    assert len(set(_cell_formats(book))) == counts[0]  # none twice


def test_a_format_renumbered_on_reading_is_found_again(tmp_path):
    """A workbook whose own number format is numbered 170 (Excel numbers them as they were
    made): openpyxl reads it as 164, and a date written in the format a kept cell has was
    given a cell format of its own twice over."""
    src = tmp_path / "made.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Since"])
    ws.append(["C1", "Nile Foods", datetime(2020, 1, 5)])
    ws["C2"].number_format = "yyyy-mm-dd"
    wb.save(src)
    book = tmp_path / "book.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(book, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data.replace(b'numFmtId="164"', b'numFmtId="170"')
                          if item.filename == "xl/styles.xml" else data)
    frame = pd.DataFrame({"Customer ID": ["C1"], "Date": pd.to_datetime(["2026-11-30"])})
    counts = []
    for _ in range(2):
        write_tabs([Tab("Aging", frame, formats={"Date": "date"})], source=book)
        formats = _cell_formats(book)
        assert len(set(formats)) == len(formats)  # none twice
        counts.append(len(formats))
    assert counts[1] == counts[0]
    wb = openpyxl.load_workbook(book)
    assert wb["Customers"]["C2"].number_format == "yyyy-mm-dd"
    assert wb["Customers"]["C2"].value == datetime(2020, 1, 5)
    assert wb["Aging"]["B2"].number_format == "yyyy-mm-dd"


def test_refuses_in_place_write_into_a_workbook_with_shapes(tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "shapes.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name"])
    ws.write_row(1, 0, ["C1", "Nile Foods"])
    ws.insert_textbox("D2", "Click to run", {"object_position": 1})
    wb.close()
    before = path.read_bytes()
    with pytest.raises(UnsafeWriteError, match="shapes, pictures or charts"):
        write_tabs([Tab("Aging", _frame())], source=path)
    assert path.read_bytes() == before


def test_refuses_form_controls(tmp_path):
    book = _with_part(_source(tmp_path), "xl/ctrlProps/ctrlProp1.xml", b"<formControlPr/>", ".xlsx")
    with pytest.raises(UnsafeWriteError, match="form controls"):
        write_tabs([Tab("Aging", _frame())], source=book)


def test_own_chart_tab_can_be_rewritten_in_place(tmp_path):
    src = _source(tmp_path)
    tab = Tab("Aging", _frame(), charts=[Chart("column", "Buckets", "Customer ID", ["Amount"])])
    write_tabs([tab], source=src)
    write_tabs([tab], source=src)  # the chart is on the tab being replaced: nothing is lost
    assert openpyxl.load_workbook(src).sheetnames == ["Customers", "Aging"]


def test_written_workbook_opens_in_libreoffice(tmp_path):
    out = write_tabs([Tab("Aging", _frame(), formats={"Amount": "money"},
                          charts=[Chart("column", "Buckets", "Customer ID", ["Amount"])])],
                     out=tmp_path / "lo.xlsx", arabic=True)
    csv = soffice_convert(out, "csv", tmp_path)
    text = csv.read_text(encoding="utf-8", errors="replace")
    assert "Customer ID,Description,Amount,Date,Over Limit" in text
    assert "=1+1" in text and "+201001234567" in text  # shown as text, not evaluated to 2
    assert "1,200.50" in text or "1200.5" in text


def test_other_formats_are_never_written_into(tmp_path):
    ods = tmp_path / "book.ods"
    ods.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UnsafeWriteError, match=r"'book.ods' is a .ods file .* use -o OUT"):
        write_tabs([Tab("Aging", _frame())], source=ods)
    assert ods.read_bytes() == b"PK\x03\x04 not really"


def test_a_workbook_open_in_excel_is_left_alone_with_a_clear_message(tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open: the old file stays as it was, no
    temporary file is left behind, and the message says what to do."""
    import os

    from ar_excel.errors import InputError

    out = tmp_path / "out.xlsx"
    write_tabs([Tab("Aging", _frame())], source=None, out=out)
    before = out.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="open in Excel or another program"):
        write_tabs([Tab("Aging", _frame())], source=None, out=out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_an_output_path_through_a_file_is_a_clear_message(tmp_path):
    from ar_excel.errors import InputError

    (tmp_path / "report").write_text("not a folder")
    for out in (tmp_path / "report" / "out.xlsx", tmp_path / "report" / "sub" / "out.xlsx"):
        with pytest.raises(InputError, match=rf"cannot write into the folder {out.parent}: a "
                                             "file of that name is in its way"):
            write_tabs([Tab("Aging", _frame())], source=None, out=out)
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_a_column_of_answers_gets_a_drop_down_that_still_takes_other_words(tmp_path):
    out = tmp_path / "out.xlsx"
    frame = pd.DataFrame({"Bank Line": ["L1", "L2", "L3"], "Status": ["Matched", "Suggested",
                                                                      "Suggested"]})
    write_tabs([Tab("Bank Matches", frame, choices={"Status": ["Matched", "Suggested",
                                                                "Rejected"]})],
               source=None, out=out)
    ws = openpyxl.load_workbook(out)["Bank Matches"]
    (check,) = ws.data_validations.dataValidation
    assert check.type == "list" and check.formula1 == '"Matched,Suggested,Rejected"'
    assert str(check.sqref) == "B2:B4"
    assert check.showErrorMessage is False  # معتمد may be typed too
    assert [c.value for c in ws["B"]] == ["Status", "Matched", "Suggested", "Suggested"]


def test_a_block_below_the_table_gets_columns_wide_enough_for_its_headers(tmp_path):
    main = pd.DataFrame({"Measure": ["DSO"], "Unit": ["days"]})
    trend = Tab("trend", pd.DataFrame({"Month": ["2026-10"], "DSO": [41.5],
                                       "Best-Possible DSO": [30.2],
                                       "Average Days Delinquent": [11.3]}))
    out = tmp_path / "pack.xlsx"
    write_tabs([Tab("Dashboard", main, blocks=[trend])], out=out)
    widths = openpyxl.load_workbook(out)["Dashboard"].column_dimensions
    # a header in bold (a tenth wider) with the filter button beside it (3 characters)
    assert widths["A"].width == 11  # "Measure": 7 * 1.1 -> 8, + 3
    assert widths["C"].width == 22  # "Best-Possible DSO": 17 * 1.1 -> 19, + 3
    assert widths["D"].width == 29  # "Average Days Delinquent": 23 * 1.1 -> 26, + 3


def test_an_arabic_chart_names_its_series_by_the_arabic_labels(tmp_path):
    import zipfile

    frame = _frame().assign(Paid=[1.0, 2.0, 3.0, 4.0, 5.0])
    tab = Tab("Aging", frame, charts=[Chart("column", "By customer", "Customer ID",
                                            ["Amount", "Paid"])])
    out = write_tabs([tab], out=tmp_path / "ar.xlsx", arabic=True)
    ws = openpyxl.load_workbook(out)["Aging"]
    assert ws["C2"].value == "Amount" and ws["C1"].value != "Amount"  # label row above
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    # the legend reads the label row (row 1), not the English header row (row 2)
    assert "<f>'Aging'!$C$1</f>" in chart and "<f>'Aging'!$F$1</f>" in chart
    assert "'Aging'!$C$2</f>" not in chart
    english = write_tabs([tab], out=tmp_path / "en.xlsx")
    with zipfile.ZipFile(english) as z:
        assert "<f>'Aging'!C1</f>" in z.read("xl/charts/chart1.xml").decode()  # its header


def test_a_sheet_of_the_clerks_own_named_like_a_tab_is_not_replaced(tmp_path):
    # a hand-kept 'Aging' sheet in the book: writing the Aging tab into it would have
    # replaced it (kept only in the backup copy), without a word
    src = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Customers"
    own = wb.create_sheet("Aging")
    own.append(["My own aging, kept by hand"])
    own.append(["C1", 100, "call Monday"])
    wb.create_sheet("Aging Detail")  # an empty sheet of that name loses nothing
    wb.save(src)
    before = src.read_bytes()
    tabs = [Tab("Aging", _frame()), Tab("Aging Detail", _frame())]
    with pytest.raises(UnsafeWriteError, match="a sheet of its own named 'Aging' "):
        write_tabs(tabs, source=src)
    assert src.read_bytes() == before
    assert list(tmp_path.glob("*.backup-*")) == []
    out = write_tabs(tabs, source=src, out=tmp_path / "out.xlsx")  # a new -o is fine
    assert write_tabs(tabs, source=src, out=out) == out  # and so is a re-run into it
    # ours, once written, is replaced on the next run
    wb = openpyxl.load_workbook(src)
    del wb["Aging"]
    wb.save(src)
    write_tabs(tabs, source=src)
    write_tabs(tabs, source=src)
    assert openpyxl.load_workbook(src)["Aging"]["A1"].value == "Customer ID"


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX file permissions")
def test_the_written_workbook_keeps_its_permissions_or_gets_a_new_files(tmp_path):
    """Written via a private temporary file (0600): the user's workbook written in place keeps
    who may read it, and a new workbook gets what any new file gets (the umask), not 0600."""
    import os
    import stat

    src = _source(tmp_path)
    os.chmod(src, 0o640)
    write_tabs([Tab("Aging", _frame())], source=src)
    assert stat.S_IMODE(src.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    try:
        out = write_tabs([Tab("Aging", _frame())], out=tmp_path / "new.xlsx")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def _runs(book: Path, sheet: str = "Customers") -> list[str]:
    """The formatted runs of the sheet's text cells, as Excel reads them: inline strings in
    the sheet part and shared ones in xl/sharedStrings.xml."""
    from xml.etree import ElementTree

    from ar_excel.io.safety import sheet_parts

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(book) as z:
        cells = ElementTree.fromstring(z.read(sheet_parts(z)[sheet])).iter(f"{ns}c")
        shared = list(ElementTree.fromstring(z.read("xl/sharedStrings.xml"))) if \
            "xl/sharedStrings.xml" in z.namelist() else []
    out = []
    for cell in cells:
        text = shared[int(cell.find(f"{ns}v").text)] if cell.get("t") == "s" else \
            cell.find(f"{ns}is")
        for run in text.iter(f"{ns}r") if text is not None else ():
            font = run.find(f"{ns}rPr")
            bold = font is not None and font.find(f"{ns}b") is not None and \
                font.find(f"{ns}b").get("val", "1") in ("1", "true")
            red = font is not None and font.find(f"{ns}color") is not None and \
                font.find(f"{ns}color").get("rgb", "").endswith("FF0000")
            out.append(f"{cell.get('r')}:{'bold ' if bold else ''}{'red ' if red else ''}"
                       f"{run.find(f'{ns}t').text}")
    return out


def test_text_formatted_in_part_keeps_its_formatting_when_written_in_place(tmp_path):
    """A note in Customers typed half in bold red ('Important:' then the rest plain), both as
    openpyxl writes it (inline) and as Excel does (a shared string): written into in place,
    the note was flattened to plain text."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    xlsxwriter = pytest.importorskip("xlsxwriter")
    src = _source(tmp_path)
    wb = openpyxl.load_workbook(src)
    wb["Customers"]["E2"] = CellRichText([TextBlock(InlineFont(b=True, color="FF0000"),
                                                    "Important: "), "check limits"])
    wb.save(src)
    excel = tmp_path / "excel.xlsx"
    book = xlsxwriter.Workbook(excel)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name", "Credit Limit"])
    ws.write_row(1, 0, ["C1", "Nile Foods", 5000])
    ws.write_rich_string("E2", book.add_format({"bold": True, "font_color": "#FF0000"}),
                         "Hold: ", "until the cheque clears")
    book.close()
    for path, note in ((src, ["E2:bold red Important: ", "E2:check limits"]),
                       (excel, ["E2:bold red Hold: ", "E2:until the cheque clears"])):
        assert _runs(path) == note
        write_tabs([Tab("Aging", _frame())], source=path)
        assert _runs(path) == note
        assert pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
            "Customers").to_python()[1][4] == "".join(n.split(":", 1)[1].replace(
                "bold red ", "") for n in note)


def _edited(path: Path, part: str, old: str, new: str) -> None:
    """``path`` with ``old`` replaced by ``new`` in one of its parts (what Excel writes that
    the libraries building test books do not)."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item, data in items:
            if item.filename == part:
                assert old.encode() in data, f"{old!r} not in {part}"
                data = data.replace(old.encode(), new.encode(), 1)
            z.writestr(item, data)


def _elements(book: Path, part: str, *tags: str) -> dict[str, list[dict[str, str]]]:
    """The attributes of the ``tags`` elements (and of their children) in a part: what a
    round trip must keep."""
    from xml.etree import ElementTree

    from ar_excel.io.safety import sheet_parts

    with zipfile.ZipFile(book) as z:
        root = ElementTree.fromstring(z.read(sheet_parts(z).get(part, part)))
    out: dict[str, list[dict[str, str]]] = {}
    for e in root.iter():
        tag = e.tag.rsplit("}", 1)[-1]
        if tag in tags:
            out.setdefault(tag, []).extend([dict(e.attrib)] + [dict(c.attrib) for c in e])
    return out


def _customers_book(tmp_path: Path, **options) -> Path:
    """A customer master as Excel has it: IDs kept as text, their 'number stored as text'
    flags (the green triangles) switched off, credit limits grouped away from view."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "master.xlsx"
    book = xlsxwriter.Workbook(path)
    book.set_properties({"company": "Nile Foods Ltd", "manager": "Finance Manager",
                         "hyperlink_base": "https://intranet/ar/", **options})
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name", "Credit Limit", "Contact"])
    for i in range(1, 6):
        ws.write_string(i, 0, f"{1000 + i}")
        ws.write_row(i, 1, [f"Customer {i}", 1000 * i, f"c{i}@example.com"])
    ws.ignore_errors({"number_stored_as_text": "A2:A6"})
    ws.set_column("C:C", 12, None, {"level": 1})
    ws.set_header('&LNile Foods &KFF0000Ltd&C&"Arial,Bold"Customers &"Arial,Italic"as of &D')
    book.close()
    return path


def test_what_openpyxl_leaves_out_of_a_kept_sheet_is_put_back(tmp_path):
    """Written into in place, the customer master lost its switched-off green triangles
    (ignored 'number stored as text'), its Allow Edit Ranges (contacts editable with a
    password), its last sort, its phonetic settings and its column outline bar: openpyxl
    reads none of them; and its page header, which openpyxl rewrites with one font and colour
    for each third of it. A second run keeps them once."""
    book = _customers_book(tmp_path)
    _edited(book, "xl/worksheets/sheet1.xml", "<pageMargins",
            '<protectedRanges><protectedRange algorithmName="SHA-512" hashValue="Zm9v" '
            'saltValue="c2Fs" spinCount="100000" sqref="D2:D6" name="Contacts"/>'
            '</protectedRanges><sortState ref="A2:D6"><sortCondition descending="1" '
            'ref="C2:C6"/></sortState><phoneticPr fontId="0" type="noConversion"/><pageMargins')
    tags = ("ignoredErrors", "protectedRanges", "sortState", "phoneticPr", "sheetFormatPr")
    before = _elements(book, "Customers", *tags)

    def header(book: Path) -> str:
        with zipfile.ZipFile(book) as z:
            return z.read("xl/worksheets/sheet1.xml").decode().split("<oddHeader>")[1].split(
                "</oddHeader>")[0]

    assert header(book) == '&amp;LNile Foods &amp;KFF0000Ltd&amp;C&amp;"Arial,Bold"Customers ' \
                           '&amp;"Arial,Italic"as of &amp;D'
    written = header(book)
    assert before["ignoredErrors"][1] == {"sqref": "A2:A6", "numberStoredAsText": "1"}
    assert before["sheetFormatPr"][0]["outlineLevelCol"] == "1"
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=book)
        after = _elements(book, "Customers", *tags)
        assert {t: after.get(t) for t in tags[:-1]} == {t: before[t] for t in tags[:-1]}
        assert after["sheetFormatPr"][0]["outlineLevelCol"] == "1"
        assert header(book) == written  # only 'Ltd' red, only 'as of' in italics
    assert openpyxl.load_workbook(book).sheetnames == ["Customers", "Aging"]


def test_workbook_settings_and_document_properties_are_put_back(tmp_path):
    """openpyxl writes a workbook's properties anew: 'always create a backup', the privacy
    flag, 'don't update links', 'password to modify' with 'read-only recommended', AutoRecover
    switched off, and the document's company, manager and hyperlink base were gone."""
    book = _customers_book(tmp_path)
    _edited(book, "xl/workbook.xml", "<workbookPr ",
            '<fileSharing readOnlyRecommended="1" userName="AR Clerk" algorithmName="SHA-512" '
            'hashValue="Zm9vYmFy" saltValue="c2FsdA==" spinCount="100000"/><workbookPr '
            'backupFile="1" filterPrivacy="1" updateLinks="never" ')
    _edited(book, "xl/workbook.xml", "</workbook>", '<fileRecoveryPr autoRecover="0"/></workbook>')
    tags = ("fileSharing", "workbookPr", "fileRecoveryPr")
    before = _elements(book, "xl/workbook.xml", *tags)
    assert before["workbookPr"][0]["backupFile"] == "1"
    write_tabs([Tab("Aging", _frame())], source=book)
    assert _elements(book, "xl/workbook.xml", *tags) == before
    with zipfile.ZipFile(book) as z:
        app = z.read("docProps/app.xml").decode()
    for text in ("<Company", ">Nile Foods Ltd</Company>", ">Finance Manager</Manager>",
                 ">https://intranet/ar/</HyperlinkBase>"):
        assert text in app
    assert openpyxl.load_workbook(book)["Customers"]["B2"].value == "Customer 1"


@pytest.mark.parametrize(("part", "old", "new", "what"), [
    ("xl/worksheets/sheet1.xml", "<pageMargins",
     '<customSheetViews><customSheetView guid="{0A1B2C3D-0000-0000-0000-000000000001}" '
     'filter="1"><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
     'footer="0.3"/></customSheetView></customSheetViews><pageMargins',
     r"custom views \(View > Custom Views\) on sheet 'Customers'"),
    ("xl/workbook.xml", "</workbook>",
     '<customWorkbookViews><customWorkbookView name="Collections" '
     'guid="{0A1B2C3D-0000-0000-0000-000000000001}" windowWidth="900" windowHeight="600" '
     'activeSheetId="1"/></customWorkbookViews></workbook>',
     r"custom views \(View > Custom Views\)"),
    ("xl/sharedStrings.xml", "<t>Customer 1</t>",
     '<t>東京商事</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
     r"phonetic guides \(furigana\)"),
    ("xl/workbook.xml", "</workbook>",
     '<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="http://schemas.'
     'microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerCaches/></ext></extLst>'
     '</workbook>', r"Excel 2010\+ workbook features"),
    ("xl/workbook.xml", "<calcPr",
     '<definedNames><definedName name="_xlnm.Criteria" localSheetId="0">Customers!$F$1:$F$2'
     '</definedName></definedNames><calcPr',
     r"Advanced Filter criteria and copy-to ranges on sheet 'Customers'"),
])
def test_refuses_what_openpyxl_would_drop_and_cannot_be_put_back(tmp_path, part, old, new, what):
    book = _customers_book(tmp_path)
    _edited(book, part, old, new)
    before = book.read_bytes()
    with pytest.raises(UnsafeWriteError, match=rf"'master.xlsx' has {what}.*, which would be "
                                                r"lost .*use -o OUT"):
        write_tabs([Tab("Aging", _frame())], source=book)
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("*backup*"))


def test_extensions_excel_writes_into_every_workbook_are_no_reason_to_refuse(tmp_path):
    book = _customers_book(tmp_path)
    _edited(book, "xl/workbook.xml", "</workbook>",
            '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://'
            'schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr '
            'chartTrackingRefBase="1"/></ext><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" '
            'xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures">'
            '<xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures>'
            '</ext></extLst></workbook>')
    write_tabs([Tab("Aging", _frame())], source=book)
    assert openpyxl.load_workbook(book).sheetnames == ["Customers", "Aging"]


def test_a_chart_sheet_is_named_in_the_refusal(tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "charts.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Customers").write_column(0, 0, ["Credit Limit", 1000, 2000])
    chart = book.add_chart({"type": "column"})
    chart.add_series({"values": "=Customers!$A$2:$A$3"})
    book.add_chartsheet("Limits").set_chart(chart)
    book.close()
    with pytest.raises(UnsafeWriteError, match=r"'charts.xlsx' has chart sheets, shapes"):
        write_tabs([Tab("Aging", _frame())], source=path)


def test_notes_on_a_kept_sheet_keep_their_look(tmp_path):
    """openpyxl keeps a note's text but draws its box anew: the note the clerk pinned open
    ('always shown') was hidden, its enlarged pink box shrunk to the default yellow one, and
    its author line's bold lost. The kept sheet's notes are written back as they were."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "notes.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name"])
    ws.write_row(1, 0, ["C1", "Nile Foods"])
    ws.write_row(2, 0, ["C2", "Delta Traders"])
    ws.write_comment("B2", "Call before shipping", {"visible": True, "x_scale": 2,
                                                    "y_scale": 2, "color": "#FFCCCC"})
    ws.write_comment("B3", "Cheques bounce", {"author": "AR Clerk"})
    book.close()

    def notes(book: Path) -> tuple[bytes, bytes]:
        with zipfile.ZipFile(book) as z:
            names = z.namelist()
            comments = next(n for n in names if "comment" in n and n.endswith(".xml"))
            vml = next(n for n in names if n.endswith(".vml"))
            return z.read(comments), z.read(vml)

    comments, vml = notes(path)
    assert b"visibility:visible" in vml and b"width:192pt" in vml and b'"#ffcccc"' in vml
    write_tabs([Tab("Aging", _frame())], source=path)
    assert notes(path) == (comments, vml)
    ws = openpyxl.load_workbook(path)["Customers"]
    assert ws["B2"].comment.text == "Call before shipping"
    assert ws["B3"].comment.author == "AR Clerk"


def test_dates_and_times_on_a_kept_sheet_are_written_back_to_the_digit(tmp_path):
    """Read as datetimes, a kept sheet's date and time cells came back rounded or changed:
    a receipt time-stamped to the sub-millisecond (45000.123456789 became 45000.12345679398),
    a duration of 12.3456789012345 days (12.34567890046296), Excel's 29 Feb 1900 (serial 60,
    written as 59); a serial past year 9999 under a date format made the write refuse."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "stamps.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Receipts")
    ws.write_row(0, 0, ["Receipt No", "Received"])
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss.000"})
    values = [45000.123456789, 45000.99999999, 12.3456789012345, 60, 3000000, 0.5]
    for row, value in enumerate(values, start=1):
        ws.write_row(row, 0, [f"R{row}"])
        ws.write_number(row, 1, value, stamp)
    book.close()

    def stored(book: Path) -> list[str]:
        with zipfile.ZipFile(book) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode()
        import re

        return [v for row, v in re.findall(r'<c r="B(\d+)"[^>]*><v>([^<]*)</v>', xml)
                if row != "1"]

    assert stored(path) == ["45000.123456789", "45000.99999999", "12.3456789012345", "60",
                            "3000000", "0.5"]
    before = stored(path)
    write_tabs([Tab("Aging", _frame())], source=path)
    assert stored(path) == before
    assert openpyxl.load_workbook(path)["Receipts"]["B2"].number_format == \
        "yyyy-mm-dd hh:mm:ss.000"


def test_refuses_what_openpyxl_says_it_could_not_read(tmp_path):
    """openpyxl leaves out, with only a warning, what it cannot read: here a document
    property of a type it does not know (an ANSI string, as older document systems write
    them). Written into, the property was gone; now the write is refused, saying what."""
    book = _customers_book(tmp_path)
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "props.xlsx"
    made = xlsxwriter.Workbook(path)
    made.add_worksheet("Customers").write_row(0, 0, ["Customer ID", "Name"])
    made.set_custom_property("Department", "Receivables")
    made.close()
    _edited(path, "docProps/custom.xml", "<vt:lpwstr>Receivables</vt:lpwstr>",
            "<vt:lpstr>Receivables</vt:lpstr>")
    before = path.read_bytes()
    with pytest.raises(UnsafeWriteError, match=r"'props.xlsx' has what openpyxl, which writes "
                                                r"it, cannot read and would leave out \(Unknown "
                                                r"type for Department\); use -o OUT"):
        write_tabs([Tab("Aging", _frame())], source=path)
    assert path.read_bytes() == before
    write_tabs([Tab("Aging", _frame())], source=book)  # nothing said of a book read whole


def test_drop_downs_from_another_sheet_and_sparklines_are_kept_data_bars_refused(tmp_path):
    """Excel writes a drop-down list drawn from another sheet (the Payment Terms on a Lists
    sheet) and sparklines as Excel 2010 extensions, which openpyxl drops: writing into such a
    book was refused. They stand alone and are now written back as they were; a data bar,
    tied to a rule openpyxl rewrites, is still refused."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "terms.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name", "Credit Limit", "Terms"])
    ws.write_row(1, 0, ["C1", "Nile Foods", 5000, "Net 30"])
    ws.add_sparkline("F2", {"range": "Customers!C2:C2", "type": "column"})
    book.add_worksheet("Lists").write_column(0, 0, ["Net 30", "Net 60", "COD"])
    book.close()
    _edited(path, "xl/worksheets/sheet1.xml", '<ext xmlns:x14',
            '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.'
            'microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
            'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation '
            'type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{5F3B1C2A'
            '-0000-4000-8000-000000000001}" xmlns:xr="http://schemas.microsoft.com/office/'
            'spreadsheetml/2014/revision"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f>'
            '</x14:formula1><xm:sqref>D2:D6</xm:sqref></x14:dataValidation></x14:dataValidations>'
            '</ext><ext xmlns:x14')

    def extensions(book: Path) -> list[str]:
        import re

        with zipfile.ZipFile(book) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode()
        return re.findall(r"<xm:(?:f|sqref)>([^<]*)</xm:", xml)

    assert extensions(path) == ["Lists!$A$1:$A$3", "D2:D6", "Customers!C2:C2", "F2"]
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=path)
        assert extensions(path) == ["Lists!$A$1:$A$3", "D2:D6", "Customers!C2:C2", "F2"]
    with zipfile.ZipFile(path) as z:
        assert b"xr:uid" not in z.read("xl/worksheets/sheet1.xml")  # not declared ignorable

    bars = tmp_path / "bars.xlsx"
    book = xlsxwriter.Workbook(bars)
    ws = book.add_worksheet("Customers")
    ws.write_column(0, 0, ["Credit Limit", 1000, 2000])
    ws.conditional_format("A2:A3", {"type": "data_bar", "bar_solid": True})
    book.close()
    with pytest.raises(UnsafeWriteError, match=r"Excel 2010\+ features on sheet 'Customers' "
                                                r"\(data bars, icon sets, slicers or timelines\)"):
        write_tabs([Tab("Aging", _frame())], source=bars)


def test_a_kept_sheets_printer_settings_are_kept(tmp_path):
    """Excel keeps what a sheet's printer was set to (two-sided, the paper tray) in a part of
    its own, which openpyxl leaves out: the statements printed single-sided after a run."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "printed.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name"])
    ws.set_landscape()
    book.close()
    devmode = b"\x00DUPLEX\x02TRAY\x07" * 40
    path = _with_part(path, "xl/printerSettings/printerSettings1.bin", devmode, ".xlsx")
    path = _with_part(path, "xl/worksheets/_rels/sheet1.xml.rels", (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        b'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" '
        b'Target="../printerSettings/printerSettings1.bin"/></Relationships>'), ".xlsx")
    _edited(path, "xl/worksheets/sheet1.xml", '<pageSetup ', '<pageSetup r:id="rId1" ')
    _edited(path, "[Content_Types].xml", "<Default ", '<Default Extension="bin" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default ')

    def printer(book: Path) -> bytes | None:
        with zipfile.ZipFile(book) as z:
            rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
            setup = z.read("xl/worksheets/sheet1.xml").decode().split("<pageSetup")[1]
            import re

            rel = re.search(r'r:id="([^"]+)"', setup.split(">")[0])
            target = re.search(rf'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="{rel.group(1)}"'
                               rf'|<Relationship [^>]*?Id="{rel.group(1)}"[^>]*?Target="([^"]+)"',
                               rels)
            part = (target.group(1) or target.group(2)).replace("../", "xl/").lstrip("/")
            types = z.read("[Content_Types].xml").decode()
            assert "vbaProject" not in types and "printerSettings" in types
            return z.read(part)

    assert printer(path) == devmode
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=path)
        assert printer(path) == devmode
    assert openpyxl.load_workbook(path)["Customers"].page_setup.orientation == "landscape"


def test_a_workbook_saved_with_its_preview_picture_is_written_into_and_keeps_it(tmp_path):
    """Mac Excel saves a preview picture (docProps/thumbnail.jpeg) in every workbook by
    default: openpyxl leaves it out, so writing into such a book was refused, naming a part
    the accountant does not know. It is now written back as it was."""
    book = _customers_book(tmp_path)
    picture = b"\xff\xd8\xff\xe0 a preview"
    book = _with_part(book, "docProps/thumbnail.jpeg", picture, ".xlsx")
    _edited(book, "_rels/.rels", "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>')
    for _ in range(2):
        write_tabs([Tab("Aging", _frame())], source=book)
        with zipfile.ZipFile(book) as z:
            assert z.read("docProps/thumbnail.jpeg") == picture
            assert z.read("_rels/.rels").count(b"metadata/thumbnail") == 1
            assert b'Extension="jpeg"' in z.read("[Content_Types].xml")


def test_cell_metadata_and_people_nothing_uses_are_no_reason_to_refuse(tmp_path):
    """Excel keeps its cell metadata part after the last dynamic array formula is deleted,
    and its list of people after the last threaded comment: writing into such a book was
    refused ('dynamic array formulas', 'threaded comments') though nothing would be lost. A
    dynamic array formula on a kept sheet is still refused."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "spill.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Credit Limit"])
    ws.write_row(1, 0, ["C1", 5000])
    ws.write_dynamic_array_formula("D2:D2", "=SORT(B2:B2)")
    book.close()
    with pytest.raises(UnsafeWriteError, match="dynamic array formulas"):
        write_tabs([Tab("Aging", _frame())], source=path)
    _edited(path, "xl/worksheets/sheet1.xml", ' cm="1"', "")  # the formula retyped plain
    path = _with_part(path, "xl/persons/person.xml", b'<personList xmlns="http://schemas.'
                      b'microsoft.com/office/spreadsheetml/2018/threadedcomments"/>', ".xlsx")
    write_tabs([Tab("Aging", _frame())], source=path)
    assert openpyxl.load_workbook(path).sheetnames == ["Customers", "Aging"]
