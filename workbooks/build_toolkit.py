"""Build the toolkit workbooks accountants open to get ar_excel's buttons.

* ``ar_toolkit.xlsm`` (desktop Excel, Windows/macOS, via the xlwings add-in): the contract's
  input sheets with example data, a ``Start`` sheet with one labelled form button per job
  bound to the macros of ``macros/*.bas``, the VBA project carrying those modules and a
  reference to the xlwings add-in, and an ``xlwings.conf`` sheet.
* ``ar_toolkit_lite.xlsx`` (xlwings Lite, no local Python): the same sheets; its ``Start``
  sheet has one named shape per job whose hyperlink points to the cell it covers, the binding
  ``@script(button="[name]Sheet!Cell")`` in ``macros/lite/main.py`` expects.

The VBA project (``vbaProject.bin``) is compiled on any OS from the ``.bas`` sources with
``ms-ovba`` (MS-OVBA container, source only: Office compiles it on first open), and attached
with XlsxWriter's ``add_vba_project``. Output is deterministic: same sources, same bytes.

Run: ``python workbooks/build_toolkit.py [OUT_DIR]`` (default: this folder).
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import random
import re
import shutil
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
from ar_excel.excel.layout import BUTTONS, FIRST_ROW, MODULE, START  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MACROS = REPO / "macros"
LITE = MACROS / "lite" / "main.py"
FIXED_TIME = dt.datetime(2026, 1, 1)  # document properties: reproducible bytes
PROJECT_ID = "{5B2E9C71-0A4D-4E8B-9C3F-AE17D0C2B6A1}"
XLWINGS_ADDIN = r"C:\Program Files\xlwings\xlwings.xlam"  # resolved by name when the add-in is loaded


# ------------------------------------------------------------------ macros

def bas_modules(folder: Path = MACROS) -> dict[str, str]:
    """VBA module name (its ``Attribute VB_Name``) -> source, for every ``macros/*.bas``."""
    modules = {}
    for path in sorted(folder.glob("*.bas")):
        text = path.read_text(encoding="ascii")
        m = re.search(r'^Attribute VB_Name = "([^"]+)"', text, re.M)
        if not m:
            raise ValueError(f"{path.name} has no 'Attribute VB_Name' line")
        modules[m.group(1)] = text
    return modules


def public_subs(source: str) -> list[str]:
    return re.findall(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(\s*\)", source, re.M | re.I)


def lite_scripts(path: Path = LITE) -> dict[str, str]:
    """``@script`` function name -> its ``button=`` reference, read from main.py's source."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "id", getattr(deco.func, "attr", "")) == "script":
                button = next((k.value.value for k in deco.keywords if k.arg == "button"), None)
                out[node.name] = button
    return out


def parse_button_ref(ref: str) -> tuple[str, str, str]:
    """``[btnAging]Start!B12`` -> (shape name, sheet, cell)."""
    m = re.fullmatch(r"\[([^\]]+)\](.+)!([A-Z]+\d+)", ref)
    if not m:
        raise ValueError(f"not a Lite button reference: {ref!r}")
    return m.group(1), m.group(2), m.group(3)


# ------------------------------------------------------------------ VBA project

def _fix_ms_ovba_compression() -> None:
    """ms-ovba-compression 1.0.1 computes a copy token's maximum length as
    ``0xFFFF << bit_count + 3``; MS-OVBA 2.4.1.3.19.4 says ``(0xFFFF >> BitCount) + 3``. With
    the wrong value any match longer than the length field can hold corrupts the stream (we
    saw it on modules over ~1.4 KB). Patched here, and every stream is checked after."""
    from ms_ovba_compression.ms_ovba import MsOvba

    def copytoken_help(difference: int) -> dict:
        bit_count = MsOvba.ceil_log2(difference)
        length_mask = 0xFFFF >> bit_count
        return {"lengthMask": length_mask, "offsetMask": ~length_mask & 0xFFFF,
                "bitCount": bit_count, "maxLength": length_mask + 3}

    MsOvba.copytoken_help = staticmethod(copytoken_help)


def check_vba_project(path: Path, modules: dict[str, str]) -> None:
    """Read the compiled project back with oletools: every module's source as written."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        found = {name.rsplit(".", 1)[0] if "." in name else name: code
                 for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()
    for name, source in modules.items():
        if normalized_source(found.get(name, "")) != normalized_source(source):
            raise RuntimeError(f"the VBA module {name} does not read back as written")


def normalized_source(text: str) -> str:
    """VBA source for comparison: CRLF/LF alike, ``Attribute`` lines (which olevba hides)
    dropped, trailing blank lines ignored."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")
             if not ln.startswith("Attribute VB_")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def vba_project(modules: dict[str, str], sheet_codenames: list[str], out: Path) -> Path:
    """Compile ``vbaProject.bin``: ThisWorkbook and one document module per sheet, the
    standard modules, references to stdole and to the xlwings add-in (for ``RunPython``)."""
    from ms_ovba.Models.Entities.doc_module import DocModule
    from ms_ovba.Models.Entities.reference import Reference
    from ms_ovba.Models.Entities.reference_project import ReferenceProject
    from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
    from ms_ovba.Models.Entities.std_module import StdModule
    from ms_ovba.Models.Fields.libid_reference import LibidReference
    from ms_ovba.Models.Fields.project_reference import ProjectReference
    from ms_ovba.vbaProject import VbaProject
    from ms_ovba.Views.project_ole_file import ProjectOleFile

    _fix_ms_ovba_compression()
    template = (Path(__import__("ms_ovba").__file__).parent / "blank_files" / "Sheet1.cls").read_text()
    project = VbaProject()
    project.project_id = PROJECT_ID
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # ms-ovba writes its intermediate streams into the working folder
        try:
            docs = [("ThisWorkbook", "0002081900000000C000000000000046")]
            docs += [(name, "0002082000000000C000000000000046") for name in sheet_codenames]
            for name, guid in docs:
                Path(f"{name}.cls").write_text(template.replace('"Sheet1"', f'"{name}"'))
                module = DocModule(name)
                module.add_file(f"{name}.cls")
                module.add_guid(uuid.UUID(guid))
                module.normalize_file()
                project.add_module(module)
            for name, source in modules.items():
                Path(f"{name}.bas").write_text(_crlf(source), newline="")
                module = StdModule(name)
                module.add_file(f"{name}.bas")
                module.normalize_file()
                project.add_module(module)
            stdole = LibidReference(uuid.UUID("0002043000000000C000000000000046"), "2.0", "0",
                                    "C:\\Windows\\System32\\stdole2.tlb", "OLE Automation")
            project.add_reference(Reference(ReferenceRegistered(stdole), "stdole"))
            xlwings = ReferenceProject(ProjectReference(XLWINGS_ADDIN, embedded=False))
            project.add_reference(Reference(xlwings, "xlwings"))
            # the PROJECT stream's CMG/DPB/GC are obfuscated with random seeds (MS-OVBA
            # 2.4.3); fixed here so the same sources give the same bytes
            state = random.getstate()
            random.seed(PROJECT_ID)
            try:
                ProjectOleFile.write_file(project)
            finally:
                random.setstate(state)
            shutil.copyfile("vbaProject.bin", out)
        finally:
            os.chdir(cwd)
    check_vba_project(out, modules)
    return out


# ------------------------------------------------------------------ example data

def example_sheets(n_customers: int = 40, n_invoices: int = 300,
                   n_payments: int = 220) -> dict[str, pd.DataFrame]:
    """The contract's input sheets with a small, realistic example ledger."""
    from ar_excel.demo.ledger import AS_OF, make_ledger

    frames = make_ledger(n_customers=n_customers, n_invoices=n_invoices, n_payments=n_payments)
    frames.pop("_defects")
    sheets = {k: v.drop(columns=["_row"], errors="ignore") for k, v in frames.items()}
    policy = sheets.pop("Policy")
    policy = pd.concat([policy, pd.DataFrame([
        ["as_of", AS_OF.isoformat(), "Date the aging and credit buttons run as of (blank = today)"],
        # no note on a row left blank: the reader would take the note for the value
        ["bank_statement", "", ""],
        ["protect_password", "", ""],  # Validate customers protects the Customers sheet
        ["editable", "", ""],  # the fields left open on it (blank: contact details)
    ], columns=policy.columns)], ignore_index=True)
    sheets["Bank Statement"] = example_bank_statement(frames, AS_OF)
    sheets["Policy"] = policy
    order = ["Customers", "Invoices", "Payments", "Bank Statement", "Orders", "Credit Requests",
             "Invoice Lines", "Price List", "Payment Plans", "Policy"]
    return {k: sheets[k] for k in order if k in sheets}


def example_bank_statement(frames: dict[str, pd.DataFrame], as_of: dt.date) -> pd.DataFrame:
    """A month of receipts as a bank exports them: references in all the usual places."""
    from ar_excel.core.ledger import open_items

    items = open_items(frames["Customers"], frames["Invoices"], frames["Payments"], as_of=as_of)
    known = set(frames["Customers"]["Customer ID"])
    invoices = items[(items["Item Type"] == "Invoice") & (items["Open Amount"] > 0)
                     & items["Customer ID"].isin(known)]
    invoices = invoices.sort_values(["Due Date", "Document No"]).head(14).reset_index(drop=True)
    customers = frames["Customers"].set_index("Customer ID")
    rng = np.random.default_rng(7)
    start = pd.Timestamp(as_of) - pd.Timedelta(days=27)
    rows = []
    for i, inv in invoices.iterrows():
        cust = customers.loc[inv["Customer ID"]]
        cust = cust.iloc[0] if isinstance(cust, pd.DataFrame) else cust
        amount = round(float(inv["Open Amount"]), 2)
        digits = re.sub(r"\D", "", inv["Invoice No"])[-5:].lstrip("0")
        narrative = [f"TRF FROM {str(cust['Name'] or '').upper()[:30]} INV {inv['Invoice No']}",
                     f"PAYMENT {digits} THANK YOU",
                     f"{cust['Name'] or ''} /RFB/{inv['Invoice No'].replace('-', '')}",
                     "TRANSFER"][i % 4]
        if i % 5 == 3:
            amount = round(amount - 15.0, 2)  # bank charges taken on the way
        account = str(cust.get("IBAN / Bank Account") or "").split(";")[0].strip()
        rows.append([start + pd.Timedelta(days=int(rng.integers(0, 27))), narrative, amount,
                     cust["Name"], account, f"BNK{2600000 + i}"])
    rows.append([start + pd.Timedelta(days=20), "MONTHLY ACCOUNT FEE", -35.0, None, None, "BNK2609998"])
    rows.append([start + pd.Timedelta(days=21), "CASH DEPOSIT BRANCH 114", 1250.0, None, None, "BNK2609999"])
    frame = pd.DataFrame(rows, columns=["Date", "Description", "Amount", "Counterparty",
                                        "Counterparty Account", "Bank Ref"])
    return frame.sort_values(["Date", "Bank Ref"], kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------ workbooks

def _write_sheet(wb, ws, frame: pd.DataFrame, formats: dict[str, object]) -> None:
    headers = [str(c) for c in frame.columns]
    for j, h in enumerate(headers):
        ws.write_string(0, j, h, formats["header"])
    for j, h in enumerate(headers):
        col = frame[h]
        is_date = pd.api.types.is_datetime64_any_dtype(col)
        is_money = pd.api.types.is_float_dtype(col)
        for i, v in enumerate(col.tolist(), start=1):
            if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
                continue  # a blank cell (pandas' NA of a typed column too, never "<NA>")
            if is_date:
                ws.write_datetime(i, j, pd.Timestamp(v).to_pydatetime(), formats["date"])
            elif isinstance(v, bool):
                ws.write_boolean(i, j, v)
            elif isinstance(v, int | float | np.integer | np.floating):
                ws.write_number(i, j, float(v), formats["money"] if is_money else None)
            else:
                ws.write_string(i, j, str(v))  # typed text stays text (IDs with leading zeros)
        width = max([len(h)] + [len(str(v)) for v in col.head(100).tolist()])
        ws.set_column(j, j, min(max(width + 2, 9), 45))
    ws.freeze_panes(1, 0)
    if len(frame):
        name = "tbl" + re.sub(r"\W", "", ws.get_name().title().replace(" ", ""), flags=re.ASCII)
        ws.add_table(0, 0, len(frame), len(headers) - 1, {
            "name": name, "columns": [{"header": h} for h in headers],
            "style": "Table Style Medium 2"})


def _start_sheet(wb, ws, formats: dict[str, object], lite: bool) -> None:
    ws.set_column(0, 0, 3)
    ws.set_column(1, 1, 36)
    ws.set_column(2, 2, 3)
    ws.set_column(3, 3, 80)
    ws.write_string(0, 1, "ar_excel — accounts receivable toolkit", formats["title"])
    ws.write_string(1, 1, (
        "Click a button: the job reads this workbook's sheets and writes its tabs here. "
        "Progress shows in the status bar, problems in Input Issues, every run in AR Log.")
        if not lite else (
        "xlwings Lite: open the xlwings Lite add-in once (Home > Add-ins), paste "
        "macros/lite/main.py and requirements.txt into its editor, then click a button."),
        formats["note"])
    for k, b in enumerate(BUTTONS):
        row = FIRST_ROW - 1 + 2 * k  # 0-based, the row of layout.button_cell(k)
        ws.set_row(row, 24)
        ws.write_string(row, 3, b.what, formats["note"])
        if lite:
            continue
        ws.insert_button(row, 1, {  # column B
            "macro": f"{MODULE}.{b.macro}", "caption": b.label,
            "width": 250, "height": 28, "x_offset": 2, "y_offset": 2})
    last = FIRST_ROW + 2 * len(BUTTONS)
    ws.write_string(last, 1, "The bank statement comes from the file you choose when asked, "
                    "else the Bank Statement sheet, else the file(s) named in Policy "
                    "(bank_statement). A Policy protect_password makes Validate customers "
                    "protect the Customers sheet (editable: the fields left open).",
                    formats["note"])
    ws.activate()


def _formats(wb) -> dict[str, object]:
    return {
        "header": wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78"}),
        "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
        "money": wb.add_format({"num_format": "#,##0.00"}),
        "title": wb.add_format({"bold": True, "font_size": 16}),
        "note": wb.add_format({"italic": True, "font_color": "#595959"}),
    }


def _conf_sheet(wb, formats: dict[str, object]) -> None:
    """The ``xlwings.conf`` sheet: keys in A, values in B, read down to the first blank row;
    notes start below that blank row so they are never read as settings."""
    ws = wb.add_worksheet("xlwings.conf")
    ws.write_string(0, 0, "ADD_WORKBOOK_TO_PYTHONPATH")
    ws.write_string(0, 1, "False")  # the handlers live in the installed ar_excel package
    notes = [
        "Settings above the first blank row override the xlwings ribbon for this workbook.",
        "To pin the Python that has ar_excel installed, add a row above the blank one:",
        "Interpreter_Win | C:\\Users\\you\\AppData\\Local\\Programs\\Python\\Python312\\pythonw.exe",
        "Interpreter_Mac | /Users/you/.venvs/ar/bin/python",
        "Conda Path / Conda Env | when ar_excel is installed in a conda environment",
        "Leave them out to use the interpreter set on the xlwings ribbon tab.",
    ]
    for i, text in enumerate(notes, start=2):
        ws.write_string(i, 0, text, formats["note"])
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 20)


def build_xlsm(out: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    import xlsxwriter

    with tempfile.TemporaryDirectory() as tmp:
        wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False})
        wb.set_properties({"title": "ar_excel toolkit", "created": FIXED_TIME})
        wb.set_vba_name("ThisWorkbook")
        formats = _formats(wb)
        codenames = []
        start = wb.add_worksheet(START)
        for name, frame in sheets.items():
            _write_sheet(wb, wb.add_worksheet(name), frame, formats)
        _conf_sheet(wb, formats)
        for i, ws in enumerate(wb.worksheets(), start=1):
            ws.set_vba_name(f"Sheet{i}")
            codenames.append(f"Sheet{i}")
        _start_sheet(wb, start, formats, lite=False)
        wb.add_vba_project(str(vba_project(bas_modules(), codenames, Path(tmp) / "vbaProject.bin")))
        wb.close()
    return out


def build_lite(out: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    import xlsxwriter

    scripts = lite_scripts()
    wb = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"title": "ar_excel toolkit (xlwings Lite)", "created": FIXED_TIME})
    formats = _formats(wb)
    start = wb.add_worksheet(START)
    for name, frame in sheets.items():
        _write_sheet(wb, wb.add_worksheet(name), frame, formats)
    _start_sheet(wb, start, formats, lite=True)
    names = []
    for b in BUTTONS:
        shape, sheet, cell = parse_button_ref(scripts[b.script])
        if sheet != START:
            raise ValueError(f"{b.script}: its button must be on the {START} sheet")
        start.insert_textbox(cell, b.label, {
            "width": 250, "height": 28, "x_offset": 2, "y_offset": 2, "object_position": 1,
            "url": f"internal:{_sheet_ref(sheet)}!{cell}", "tip": b.what,
            "fill": {"color": "#1F4E78"}, "line": {"none": True},
            "font": {"color": "white", "bold": True},
            "align": {"vertical": "middle", "horizontal": "center"}})
        names.append(shape)
    wb.close()
    _name_shapes(out, names)
    return out


def _sheet_ref(sheet: str) -> str:
    """A sheet name as Excel writes it in a link: quoted only when it must be."""
    return sheet if re.fullmatch(r"[A-Za-z_]\w*", sheet) else "'" + sheet.replace("'", "''") + "'"


def _name_shapes(path: Path, names: list[str]) -> None:
    """XlsxWriter calls every text box "TextBox N"; Lite finds a button by its shape name,
    so rename them in the drawing part, in insertion order."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/drawings/drawing1.xml":
                text = data.decode("utf-8")
                found = re.findall(r'name="TextBox \d+"', text)
                if len(found) != len(names):
                    raise ValueError(f"expected {len(names)} text boxes, found {len(found)}")
                for old, new in zip(found, names, strict=True):
                    text = text.replace(old, f'name="{new}"', 1)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    tmp.replace(path)


def build(out_dir: Path = HERE) -> tuple[Path, Path]:
    """Both toolkit workbooks into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sheets = example_sheets()
    return (build_xlsm(out_dir / "ar_toolkit.xlsm", sheets),
            build_lite(out_dir / "ar_toolkit_lite.xlsx", sheets))


if __name__ == "__main__":
    for built in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(built)
