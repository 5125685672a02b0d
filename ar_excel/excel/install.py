"""``ar-excel install-buttons BOOK``: put the ar_excel buttons into the user's own workbook.

Where Excel is on the computer (Windows), Excel itself does the work, so the result is a
workbook Excel made: the VBA modules of ``macros/*.bas`` are imported into BOOK's VBA project,
a reference to the xlwings add-in is added, a ``Start`` sheet gets one labelled button per job
(``layout.BUTTONS``) bound to its macro, and the book is saved as ``.xlsm`` (an ``.xlsx`` is
saved as a new ``.xlsm`` next to it; the original is left as it was). Running it again
replaces the modules and buttons, never duplicates them.

Excel only lets a program touch a VBA project when the user allows it once: File > Options >
Trust Center > Trust Center Settings > Macro Settings > "Trust access to the VBA project
object model". Without it, or without Excel (Linux; Excel for Mac, whose scripting cannot
import VBA modules), the command says what to do instead and changes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ar_excel.errors import ArExcelError, InputError, UsageError
from ar_excel.excel.layout import BUTTONS, MODULE, START, button_cell, macros_folder

XLWINGS_REFERENCE = "xlwings"
VBEXT_CT_STDMODULE = 1
BUTTON_PREFIX = "ar_excel "  # buttons we own are named "ar_excel <Macro>"


@dataclass
class Plan:
    """What installing into BOOK will do; printed by ``--dry-run``."""

    book: Path
    target: Path  # where the workbook with buttons is saved (.xlsm)
    modules: dict[str, Path] = field(default_factory=dict)  # VBA module name -> .bas file

    def lines(self) -> list[str]:
        out = [f"open {self.book}"]
        out += [f"import VBA module {name} from {path}" for name, path in self.modules.items()]
        out.append(f"reference the xlwings add-in ({XLWINGS_REFERENCE})")
        out += [f"button '{b.label}' on sheet {START} -> {MODULE}.{b.macro}" for b in BUTTONS]
        out.append(f"save as {self.target}")
        return out


def module_name(bas: Path) -> str:
    for line in bas.read_text(encoding="ascii").splitlines():
        if line.startswith("Attribute VB_Name"):
            return line.split("=", 1)[1].strip().strip('"')
    raise InputError(f"{bas.name} has no 'Attribute VB_Name' line")


def plan(book: Path, macros: Path | None = None) -> Plan:
    book = Path(book).expanduser().resolve()
    if not book.exists():
        raise InputError(f"no such workbook: {book}")
    if book.suffix.lower() not in (".xlsx", ".xlsm", ".xlsb", ".xls"):
        raise UsageError(f"'{book.name}' is not an Excel workbook")
    folder = Path(macros) if macros else macros_folder()
    if folder is None or not any(folder.glob("*.bas")):
        raise InputError("the ar_excel VBA modules (macros/*.bas) were not found: give "
                         "--macros DIR (the 'macros' folder of the ar_excel sources)")
    target = book if book.suffix.lower() in (".xlsm", ".xlsb") else book.with_suffix(".xlsm")
    return Plan(book, target, {module_name(p): p for p in sorted(folder.glob("*.bas"))})


# ------------------------------------------------------------------ doing it in Excel

def _excel_app() -> Any:
    """A new, hidden Excel through xlwings; InputError where there is none."""
    if not sys.platform.startswith("win"):
        raise InputError(
            "install-buttons needs Microsoft Excel for Windows (Excel for Mac does not let a "
            "program import VBA modules). Instead open workbooks/ar_toolkit.xlsm (it has the "
            "buttons) and copy your sheets into it, or import macros/ArExcel.bas yourself "
            "(Developer > Visual Basic > File > Import File) and add buttons bound to its macros")
    try:
        import xlwings as xw

        return xw.App(visible=False, add_book=False)
    except Exception as exc:  # no Excel installed, or it would not start
        raise InputError(f"Microsoft Excel could not be started through xlwings: {exc}") from exc


def _import_modules(vbproject: Any, modules: dict[str, Path]) -> None:
    components = vbproject.VBComponents
    for name, bas in modules.items():
        with contextlib.suppress(Exception):  # not there yet: nothing to replace
            components.Remove(components.Item(name))
        # the VBA editor wants CRLF line ends; a checkout may have LF
        text = bas.read_text(encoding="ascii").replace("\r\n", "\n").replace("\n", "\r\n")
        with tempfile.TemporaryDirectory() as tmp:
            crlf = Path(tmp) / bas.name
            crlf.write_bytes(text.encode("ascii"))
            components.Import(str(crlf))


def _reference_xlwings(app: Any, vbproject: Any) -> str | None:
    """Reference the xlwings add-in; returns a warning when it is not installed."""
    if any(ref.Name == XLWINGS_REFERENCE for ref in vbproject.References):
        return None
    startup = Path(str(app.api.StartupPath))
    addin = startup / "xlwings.xlam"
    if not addin.exists():
        return ("the xlwings add-in is not installed: run 'xlwings addin install', then in the "
                "VBA editor tick Tools > References > xlwings")
    vbproject.References.AddFromFile(str(addin))
    return None


def _start_sheet(wb: Any) -> Any:
    sheets = {s.name.lower(): s for s in wb.sheets}
    sheet = sheets.get(START.lower()) or wb.sheets.add(START, before=wb.sheets[0])
    sheet.range("B1").value = "ar_excel — accounts receivable"
    for k, b in enumerate(BUTTONS):
        cell = sheet.range(button_cell(k))
        sheet.range(f"D{cell.row}").value = b.what
        name = BUTTON_PREFIX + b.macro
        with contextlib.suppress(Exception):  # a button from an earlier install
            sheet.api.Buttons(name).Delete()
        button = sheet.api.Buttons().Add(cell.left + 2, cell.top + 2, 250, 26)
        button.Name = name
        button.Caption = b.label
        button.OnAction = f"{MODULE}.{b.macro}"
    sheet.range("B1").column_width = 40  # the whole column B
    return sheet


def install(p: Plan, app: Any = None) -> list[str]:
    """Carry out the plan in Excel; returns warnings for the user."""
    own_app = app is None
    app = app or _excel_app()
    warnings: list[str] = []
    try:
        wb = app.books.open(str(p.book))
        try:
            vbproject = wb.api.VBProject
            _ = vbproject.VBComponents.Count
        except Exception as exc:
            raise InputError(
                "Excel does not allow access to the workbook's VBA project. Turn on File > "
                "Options > Trust Center > Trust Center Settings > Macro Settings > 'Trust "
                "access to the VBA project object model', then run this again") from exc
        _import_modules(vbproject, p.modules)
        warning = _reference_xlwings(app, vbproject)
        if warning:
            warnings.append(warning)
        _start_sheet(wb)
        wb.save(str(p.target))  # xlwings picks the macro-enabled format from .xlsm
        wb.close()
    finally:
        if own_app:
            with contextlib.suppress(Exception):
                app.quit()
    return warnings


# ------------------------------------------------------------------ command line

def register_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("install-buttons", help="add the ar_excel buttons to your own workbook "
                       "(needs Excel for Windows)",
                       description="Import the ar_excel VBA macros into BOOK, reference the "
                                   "xlwings add-in and add a Start sheet with one button per "
                                   "job; saves BOOK as .xlsm.")
    p.add_argument("book", metavar="BOOK", type=Path)
    p.add_argument("--macros", metavar="DIR", type=Path,
                   help="folder with the .bas modules (default: macros/ of the ar_excel sources)")
    p.add_argument("--dry-run", action="store_true", help="say what would be done, do nothing")
    p.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Entry point for ``ar-excel install-buttons``; returns the exit status."""
    try:
        p = plan(args.book, args.macros)
        if args.dry_run:
            print("\n".join(p.lines()))
            return 0
        for warning in install(p):
            print(f"ar-excel: warning: {warning}", file=sys.stderr)
    except ArExcelError as exc:
        print(f"ar-excel: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    print(f"buttons installed: {p.target}")
    return 0
