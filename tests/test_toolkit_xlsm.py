"""The built ``ar_toolkit.xlsm``: its VBA project is ``macros/*.bas`` (read back with oletools'
olevba), it references the xlwings add-in, every button runs an existing macro and every
macro calls an existing handler, and LibreOffice opens it with its buttons and macros."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import olefile
import openpyxl
import pytest
from oletools.olevba import VBA_Parser, decompress_stream

from ar_excel.excel import buttons
from ar_excel.io.reader import read_book
from ar_excel.jobs import registry

REPO = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"


def _load_build():
    spec = importlib.util.spec_from_file_location("build_toolkit", REPO / "workbooks" / "build_toolkit.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="module")
def toolkit(tmp_path_factory) -> Path:
    xlsm, _ = build.build(tmp_path_factory.mktemp("toolkit"))
    return xlsm


def _vba_modules(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _bound_macros(path: Path) -> list[str]:
    """The macro each form button runs, from the sheet's VML drawing (``[0]!Module.Sub``)."""
    with zipfile.ZipFile(path) as z:
        vml = [n for n in z.namelist() if n.startswith("xl/drawings/vmlDrawing")]
        text = "".join(z.read(n).decode("utf-8") for n in vml)
    return re.findall(r"<x:FmlaMacro>\[0\]!([^<]+)</x:FmlaMacro>", text)


def test_vba_source_extracted_by_olevba_equals_macros(toolkit):
    found = _vba_modules(toolkit)
    expected = build.bas_modules()
    assert expected, "macros/*.bas is empty"
    standard = {n[:-4]: code for n, code in found.items() if n.endswith(".bas")}
    assert set(standard) == set(expected)
    for name, source in expected.items():
        assert build.normalized_source(standard[name]) == build.normalized_source(source), name
    documents = {n[:-4] for n in found if n.endswith(".cls")}
    sheets = openpyxl.load_workbook(toolkit, read_only=True).sheetnames
    assert documents == {"ThisWorkbook"} | {f"Sheet{i}" for i in range(1, len(sheets) + 1)}


def test_vba_project_references_the_xlwings_addin(toolkit):
    with zipfile.ZipFile(toolkit) as z:
        assert "xl/vbaProject.bin" in z.namelist()
        ole = olefile.OleFileIO(z.read("xl/vbaProject.bin"))
    dir_stream = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    # REFERENCENAME "xlwings" followed by a REFERENCEPROJECT record (id 0x000E) to the add-in
    at = dir_stream.index(b"\x16\x00\x07\x00\x00\x00xlwings")
    record = dir_stream.index(b"\x0e\x00", at)
    assert b"xlwings.xlam" in dir_stream[record: record + 200]
    assert b"stdole2.tlb" in dir_stream


def test_every_button_runs_an_existing_macro_and_every_macro_has_a_button(toolkit):
    subs = {f"{m}.{s}" for m, src in build.bas_modules().items() for s in build.public_subs(src)}
    bound = _bound_macros(toolkit)
    assert len(bound) == len(build.BUTTONS) == len(set(bound))
    assert set(bound) == subs
    assert [f"ArExcel.{b.macro}" for b in build.BUTTONS] == bound


@pytest.mark.parametrize("sub,call", [
    (s, c) for src in build.bas_modules().values()
    for s, c in re.findall(r'Sub (\w+)\(\)\s*\n(?:.*\n)*?\s*RunPython HANDLERS & "([^"(]+\([^)]*)', src)])
def test_every_macro_calls_an_existing_handler(sub, call):
    name = call.split("(")[0]
    handler = getattr(buttons, name)  # AttributeError: the macro calls nothing
    assert callable(handler)
    job = re.match(r"run\('([\w-]+)'", call)
    if job:
        assert job.group(1) in registry(), f"{sub} runs '{job.group(1)}', which is not registered"
    else:
        assert name in buttons.NAMED, sub


def test_the_toolkit_holds_the_contract_sheets_with_example_data(toolkit):
    book = read_book(toolkit)
    for kind in ("Customers", "Invoices", "Payments", "Bank Statement", "Orders"):
        assert len(book.tables[kind]) > 0, kind
    assert len(book.customers) == 40
    from ar_excel.demo.ledger import AS_OF

    assert book.policy.get("as_of") == AS_OF.isoformat()
    wb = openpyxl.load_workbook(toolkit)
    conf = wb["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("ADD_WORKBOOK_TO_PYTHONPATH", "False")
    assert conf["A2"].value is None  # xlwings reads settings down to the first blank row
    assert wb.sheetnames[0] == "Start"


def test_the_build_is_reproducible(toolkit, tmp_path):
    again = build.build_xlsm(tmp_path / "again.xlsm", build.example_sheets())
    assert again.read_bytes() == toolkit.read_bytes()


def _lo_available() -> str | None:
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} has no 'uno' module (Debian package python3-uno)"
    return None


def _lo_source(text: str) -> str:
    """LibreOffice shows VBA modules with two lines of its own on top."""
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n")
             if not ln.startswith(("Rem Attribute VBA_ModuleType", "Option VBASupport"))]
    return build.normalized_source("\n".join(lines))


def test_libreoffice_opens_it_with_its_buttons_and_macros(toolkit):
    why = _lo_available()
    if why:
        pytest.skip(why)
    path_from_dialog = "C:/Users/O'Brien/كشف البنك/يونيو 2026.csv"
    done = subprocess.run([SYSTEM_PYTHON, str(REPO / "tests" / "lo_probe.py"), str(toolkit),
                           path_from_dialog], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["sheets"][0] == "Start"
    for name, source in build.bas_modules().items():
        assert _lo_source(seen["modules"][f"VBAProject.{name}"]) == build.normalized_source(source)
    labels = [c["label"] for c in seen["controls"]]
    assert labels == [b.label for b in build.BUTTONS]
    for control, b in zip(seen["controls"], build.BUTTONS, strict=True):
        assert control["sheet"] == "Start"
        (url,) = control["scripts"]
        assert f"VBAProject.ArExcel.{b.macro}?" in url
        assert seen["resolves"][url], f"{b.macro} does not compile or is missing"
    # the VBA that passes the chosen bank file, run by LibreOffice, gives what Python decodes
    assert buttons.decode_vba_text(seen["pytext"]) == path_from_dialog


def test_the_committed_toolkit_carries_the_current_macros():
    committed = REPO / "workbooks" / "ar_toolkit.xlsm"
    if not committed.exists():
        pytest.skip("workbooks/ar_toolkit.xlsm is not built in this checkout")
    found = {n[:-4]: c for n, c in _vba_modules(committed).items() if n.endswith(".bas")}
    for name, source in build.bas_modules().items():
        assert build.normalized_source(found.get(name, "")) == build.normalized_source(source), (
            "workbooks/ar_toolkit.xlsm is out of date: run python workbooks/build_toolkit.py")
    assert _bound_macros(committed) == [f"ArExcel.{b.macro}" for b in build.BUTTONS]
