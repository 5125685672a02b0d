"""xlwings Lite: ``macros/lite/main.py`` has a script for every job, each bound to a button
that exists in ``ar_toolkit_lite.xlsx`` as a named shape whose hyperlink points to the cell it
covers; and a script run on a workbook writes what the desktop button writes."""

from __future__ import annotations

import ast
import importlib.util
import posixpath
import re
import sys
import zipfile
from pathlib import Path

import fake_xlwings as fake
import pytest
from defusedxml import ElementTree

from ar_excel.excel import buttons
from ar_excel.jobs import registry

REPO = Path(__file__).resolve().parents[1]
MAIN = REPO / "macros" / "lite" / "main.py"
NS = {
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build = _load("build_toolkit", REPO / "workbooks" / "build_toolkit.py")


@pytest.fixture(scope="module")
def lite_book(tmp_path_factory) -> Path:
    return build.build_lite(tmp_path_factory.mktemp("lite") / "ar_toolkit_lite.xlsx",
                            build.example_sheets(n_customers=12, n_invoices=60, n_payments=40))


def _jobs_run_by_scripts() -> dict[str, str]:
    """Script name -> the job it runs, read from each script's body."""
    tree = ast.parse(MAIN.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and \
                    getattr(call.func.value, "id", "") == "buttons":
                if call.func.attr == "run":
                    out[node.name] = call.args[0].value
                else:
                    out[node.name] = buttons.NAMED[call.func.attr]
    return out


def test_main_defines_a_script_for_every_job():
    scripts = build.lite_scripts()
    run_by = _jobs_run_by_scripts()
    assert set(scripts) == set(run_by), "every script runs a job, every job function is a script"
    assert all(scripts.values()), "every script is bound to a button"
    assert set(run_by.values()) >= set(registry()) | {buttons.MONTH_END}
    assert len(set(scripts.values())) == len(scripts)  # one button each


def _cell(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1  # 0-based like the drawing anchors


def _shapes(path: Path) -> dict[str, dict]:
    """Shapes of each sheet: name -> sheet, anchor cells, hyperlink target."""
    out = {}
    with zipfile.ZipFile(path) as z:
        wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
        wb_rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in wb_rels.findall("rel:Relationship", NS)}
        for sheet in wb.find("m:sheets", NS):
            part = posixpath.join("xl", targets[sheet.get(f"{{{NS['r']}}}id")])
            rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
            if rels_part not in z.namelist():
                continue
            rels = ElementTree.fromstring(z.read(rels_part))
            for rel in rels.findall("rel:Relationship", NS):
                if not rel.get("Type").endswith("/drawing"):
                    continue
                drawing = posixpath.normpath(posixpath.join(posixpath.dirname(part), rel.get("Target")))
                d_rels_part = posixpath.join(posixpath.dirname(drawing), "_rels",
                                             posixpath.basename(drawing) + ".rels")
                d_rels = ElementTree.fromstring(z.read(d_rels_part))
                links = {r.get("Id"): r.get("Target") for r in d_rels.findall("rel:Relationship", NS)}
                root = ElementTree.fromstring(z.read(drawing))
                for anchor in root:
                    shape = anchor.find("xdr:sp", NS)
                    if shape is None:
                        continue
                    props = shape.find("xdr:nvSpPr/xdr:cNvPr", NS)
                    link = props.find("a:hlinkClick", NS)
                    frm, to = anchor.find("xdr:from", NS), anchor.find("xdr:to", NS)
                    out[props.get("name")] = {
                        "sheet": sheet.get("name"),
                        "from": (int(frm.find("xdr:row", NS).text), int(frm.find("xdr:col", NS).text)),
                        "to": (int(to.find("xdr:row", NS).text), int(to.find("xdr:col", NS).text)),
                        "link": None if link is None else links[link.get(f"{{{NS['r']}}}id")],
                    }
    return out


def test_every_button_main_names_is_a_shape_linking_to_the_cell_it_covers(lite_book):
    shapes = _shapes(lite_book)
    for script, ref in build.lite_scripts().items():
        name, sheet, cell = build.parse_button_ref(ref)
        assert name in shapes, f"{script}: no shape named {name} in the Lite workbook"
        shape = shapes[name]
        assert shape["sheet"] == sheet, script
        target = shape["link"].lstrip("#").replace("'", "")
        assert target == f"{sheet}!{cell}", script
        row, col = _cell(cell)
        assert shape["from"] <= (row, col) and shape["from"][0] <= row <= shape["to"][0] \
            and shape["from"][1] <= col <= shape["to"][1], f"{name} does not cover {cell}"


def test_the_lite_workbook_has_no_macros_and_the_contract_sheets(lite_book):
    with zipfile.ZipFile(lite_book) as z:
        assert "xl/vbaProject.bin" not in z.namelist()
    import openpyxl

    names = openpyxl.load_workbook(lite_book, read_only=True).sheetnames
    assert names[0] == "Start" and {"Customers", "Invoices", "Payments", "Policy"} <= set(names)


def test_a_lite_script_writes_what_the_desktop_button_writes(lite_book, tmp_path):
    main = _load("ar_lite_main", MAIN)  # xlwings' @script is a no-op outside Lite
    lite = fake.book_from_file(lite_book)
    main.build_aging(lite)
    desktop = fake.book_from_file(lite_book)
    buttons.build_aging(desktop, quiet=True)
    for name in ("Aging", "Input Issues"):
        assert lite.sheets[name].grid() == desktop.sheets[name].grid()
    assert lite.sheets["AR Log"].grid()[1][2] == "OK"
