"""``ar-excel install-buttons``: the plan, the refusal without Excel for Windows, and the
steps done in Excel (against a stand-in for the COM objects it drives)."""

from __future__ import annotations

from pathlib import Path

import fake_xlwings as fake
import pytest

from ar_excel.cli import main as cli_main
from ar_excel.excel import install
from ar_excel.excel.layout import BUTTONS, MODULE

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def book(tmp_path) -> Path:
    import openpyxl

    path = tmp_path / "our ledger.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Customers"
    wb.save(path)
    return path


def test_dry_run_lists_every_step(book, capsys):
    assert cli_main(["install-buttons", str(book), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"import VBA module {MODULE} from {REPO / 'macros' / 'ArExcel.bas'}"
    assert [ln for ln in out if ln.startswith("button")] == [
        f"button '{b.label}' on sheet Start -> {MODULE}.{b.macro}" for b in BUTTONS]
    assert out[-1] == f"save as {book.with_suffix('.xlsm')}"


def test_without_excel_for_windows_it_says_what_to_do_and_changes_nothing(book, capsys, monkeypatch):
    monkeypatch.setattr(install.sys, "platform", "linux")
    before = book.read_bytes()
    assert cli_main(["install-buttons", str(book)]) == 1
    err = capsys.readouterr().err
    assert "needs Microsoft Excel for Windows" in err and "ar_toolkit.xlsm" in err
    assert book.read_bytes() == before and not book.with_suffix(".xlsm").exists()


def test_bad_arguments(tmp_path, capsys):
    assert cli_main(["install-buttons", str(tmp_path / "missing.xlsx")]) == 1
    (tmp_path / "notes.txt").write_text("x")
    assert cli_main(["install-buttons", str(tmp_path / "notes.txt")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "b.xlsx").write_bytes(b"")
    assert cli_main(["install-buttons", str(tmp_path / "b.xlsx"), "--macros", str(empty)]) == 1
    assert "--macros DIR" in capsys.readouterr().err


# ---------------------------------------------------------------- in Excel (COM stand-in)

class _Components:
    def __init__(self):
        self.modules = {"ArExcel": "old version", "Module1": "user's own"}

    @property
    def Count(self):  # noqa: N802 - COM names
        return len(self.modules)

    def Item(self, name):  # noqa: N802
        if name not in self.modules:
            raise KeyError(name)
        return name

    def Remove(self, name):  # noqa: N802
        del self.modules[name]

    def Import(self, path):  # noqa: N802
        data = Path(path).read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
        self.modules[install.module_name(Path(path))] = data.decode("ascii")


class _Ref:
    def __init__(self, name):
        self.Name = name


class _References(list):
    def AddFromFile(self, path):  # noqa: N802
        self.append(_Ref(Path(path).stem))


class _VBProject:
    def __init__(self):
        self.VBComponents = _Components()
        self.References = _References([_Ref("VBA"), _Ref("Excel")])


class _FormButton:
    def __init__(self, left, top, width, height):
        self.Name = self.Caption = self.OnAction = None
        self.left, self.top = left, top


class _Buttons:
    def __init__(self):
        self.items: list[_FormButton] = []

    def __call__(self, name=None):
        if name is None:
            return self
        button = next(b for b in self.items if b.Name == name)
        button.Delete = lambda: self.items.remove(button)
        return button

    def Add(self, left, top, width, height):  # noqa: N802
        self.items.append(_FormButton(left, top, width, height))
        return self.items[-1]


class _SheetApi:
    def __init__(self):
        self.Buttons = _Buttons()


class _Book:
    def __init__(self, path, trusted):
        self.inner = fake.book_from_sheets({"Customers": [["Customer ID"], ["C1"]]})
        self.sheets = self.inner.sheets
        self.api = type("Api", (), {})()
        if trusted:
            self.api.VBProject = _VBProject()
        self.saved_as = None
        for s in self.sheets:
            s.api = _SheetApi()
        add = self.sheets.add

        def add_with_api(*a, **k):
            sheet = add(*a, **k)
            sheet.api = _SheetApi()
            return sheet

        self.sheets.add = add_with_api

    def save(self, path):
        self.saved_as = path

    def close(self):
        pass


class _App:
    def __init__(self, startup: Path, trusted=True):
        self.api = type("Api", (), {"StartupPath": str(startup)})()
        self.trusted = trusted
        outer = self

        class Books:
            def open(self, path):
                outer.book = _Book(path, trusted)
                return outer.book

        self.books = Books()


def _range_left_top(monkeypatch):
    monkeypatch.setattr(fake.Range, "left", property(lambda r: 10.0 * r.column), raising=False)
    monkeypatch.setattr(fake.Range, "top", property(lambda r: 15.0 * r.row), raising=False)
    monkeypatch.setattr(fake.Range, "column_width", 0.0, raising=False)


def test_install_imports_modules_references_xlwings_and_binds_buttons(book, tmp_path, monkeypatch):
    _range_left_top(monkeypatch)
    startup = tmp_path / "XLSTART"
    startup.mkdir()
    (startup / "xlwings.xlam").write_bytes(b"add-in")
    app = _App(startup)
    p = install.plan(book)
    assert install.install(p, app) == []
    wb = app.book
    modules = wb.api.VBProject.VBComponents.modules
    assert modules["Module1"] == "user's own"  # the user's code is kept
    assert modules["ArExcel"].replace("\r\n", "\n") == (REPO / "macros" / "ArExcel.bas").read_text()
    assert [r.Name for r in wb.api.VBProject.References][-1] == "xlwings"
    start = wb.sheets["Start"]
    assert [s.name for s in wb.sheets][0] == "Start"
    buttons = start.api.Buttons.items
    assert [(b.Caption, b.OnAction) for b in buttons] == [
        (b.label, f"ArExcel.{b.macro}") for b in BUTTONS]
    assert wb.saved_as == str(book.with_suffix(".xlsm"))
    # a second install replaces the buttons and the module, never duplicates them
    install.install(install.plan(book), app)
    assert len(app.book.sheets["Start"].api.Buttons.items) == len(BUTTONS)


def test_install_warns_when_the_xlwings_addin_is_missing(book, tmp_path, monkeypatch):
    _range_left_top(monkeypatch)
    app = _App(tmp_path)
    (warning,) = install.install(install.plan(book), app)
    assert "xlwings addin install" in warning


def test_install_explains_the_trust_setting(book, tmp_path, monkeypatch):
    app = _App(tmp_path, trusted=False)
    with pytest.raises(install.InputError, match="Trust access to the VBA project object model"):
        install.install(install.plan(book), app)
