"""The workbook contract (shared/spec/workbook-contract.md) as a user meets it through the
``ar-excel`` command: what the other contract tests leave out.

* Exit status: 1 with ONE line on stderr for every kind of unusable input, 2 for bad usage
  (reconcile with no statement anywhere), and never a Python traceback, even for a failure
  ar_excel has no message for.
* Writing into BOOK: a single job after a month-end run (the Aging and Cash Forecast charts
  on the workbook); a workbook whose buttons sit in a legacy drawing is refused, not stripped.
* Determinism: two month-end runs give the same cell values on every tab.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ar_excel import cli
from ar_excel.cli import main

AS_OF = "2026-10-31"


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms", "Credit Limit", "Currency"])
    ws.append(["C1", "Nile Foods", "Net 30", "50,000", "EGP"])
    ws.append(["C2", "Delta Traders", 45, 1000, "EGP"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-1", "C1", datetime(2026, 8, 1), 1200])
    inv.append(["INV-2", "C1", datetime(2026, 10, 10), 800])
    inv.append(["INV-3", "C2", datetime(2026, 9, 1), 1500])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    pay.append(["P-1", "C1", datetime(2026, 9, 5), 200, "INV-1"])
    wb.save(path)
    return path


def _bank(path: Path) -> Path:
    path.write_text("Date,Description,Amount\n"
                    "2026-10-20,TRANSFER NILE FOODS INV-2,800\n"
                    "2026-10-21,UNKNOWN PAYER,55.5\n", encoding="utf-8")
    return path


def _values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    return err.strip()


# ------------------------------------------------------------------ exit status and stderr

def _encrypted(path: Path, tmp_path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _book(tmp_path / "plain.xlsx")
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)
    return path


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _renamed_copy(path: Path, tmp_path: Path) -> Path:
    book = _book(tmp_path / "whole.xlsx")
    return _written(path.with_suffix(".xls"), book.read_bytes())


# what the file is, said so the clerk can act (was the library's words: "invalid Zip
# archive: Could not find EOCD", "Cfb error: Invalid OLE (signature ...)")
UNUSABLE = {
    "missing": (lambda p, t: p, "ar-excel: no such file: {path}"),
    "csv renamed .xlsx": (
        lambda p, t: _written(p, "Customer ID;Name\nC1;Nile\nC2;شركة النور\n".encode()),
        "ar-excel: cannot open 'book.xlsx': it is a text file (a CSV or similar export), not an "
        "Excel workbook; rename it .csv to read it as a list, or open it in Excel and save it as .xlsx"),
    "web page named .xlsx": (
        lambda p, t: _written(p, b"<html><body><table><tr><td>C1</td></tr></table>"),
        "ar-excel: cannot open 'book.xlsx': it is a web page or XML file saved under a workbook's "
        "name, not a workbook; open it in Excel and save it as .xlsx"),
    "empty file": (lambda p, t: _written(p, b""),
                   "ar-excel: cannot open 'book.xlsx': it is empty (0 bytes), not a workbook"),
    "cut short": (lambda p, t: _written(p, _book(t / "whole.xlsx").read_bytes()[:900]),
                  "ar-excel: cannot open 'book.xlsx': the workbook is damaged (cut short or broken, "
                  "as by an interrupted download or copy); open it in Excel to repair it, or "
                  "copy it again (invalid Zip archive: Could not find EOCD)"),
    "xlsx named .xls": (_renamed_copy,
                        "ar-excel: cannot open 'book.xls': it is an .xlsx workbook named .xls; rename "
                        "it book.xlsx"),
    "password protected": (_encrypted,
                           "ar-excel: cannot open 'book.xlsx': it has a password to open it, which "
                           "ar_excel cannot read; save a copy without it (File > Info > Protect Workbook "
                           "> Encrypt with Password, cleared)"),
    "a folder": (lambda p, t: p.mkdir() or p, "ar-excel: cannot open 'book.xlsx': it is a folder, not a workbook"),
}


@pytest.mark.parametrize("case", UNUSABLE)
def test_an_unusable_workbook_exits_1_with_one_line(tmp_path, capsys, case):
    make, said = UNUSABLE[case]
    book = make(tmp_path / "book.xlsx", tmp_path)
    for job in (["validate"], ["aging", "--as-of", AS_OF]):
        assert main([job[0], str(book), *job[1:], "-o", str(tmp_path / "out.xlsx")]) == 1
        assert _one_line(capsys.readouterr().err) == said.format(path=book)
    assert not (tmp_path / "out.xlsx").exists()


def test_a_workbook_without_customers_or_an_empty_statement_exits_1(tmp_path, capsys):
    other = tmp_path / "notes.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["just", "notes"])
    wb.save(other)
    assert main(["credit", str(other), "-o", str(tmp_path / "o.xlsx")]) == 1
    assert _one_line(capsys.readouterr().err) == \
        "ar-excel: credit: the workbook has no 'Customers' sheet"
    empty = tmp_path / "statement.csv"
    empty.write_text("")
    book = _book(tmp_path / "book.xlsx")
    assert main(["reconcile", str(book), "--bank", str(empty), "-o", str(tmp_path / "o.xlsx")]) == 1
    assert _one_line(capsys.readouterr().err) == \
        f"ar-excel: {empty.name}: the bank statement file is empty"


def test_reconcile_with_no_statement_anywhere_is_bad_usage(tmp_path, capsys):
    # the contract's usage line is `reconcile BOOK --bank STATEMENT`: without --bank, and no
    # Bank Statement sheet or Policy key, the command was used wrongly (was exit 1)
    book = _book(tmp_path / "book.xlsx")
    assert main(["reconcile", str(book), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert _one_line(capsys.readouterr().err) == (
        "ar-excel: reconcile: no bank statement (give --bank FILE, a 'Bank Statement' sheet, "
        "or the Policy key bank_statement)")
    # in a month-end run it is skipped, as before
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "o.xlsx")]) == 0
    assert "reconcile: skipped, no bank statement" in capsys.readouterr().out


def test_a_folder_given_as_the_output_is_one_line_not_a_traceback(tmp_path, capsys):
    # in-process: the aging command's entry point in a real process is
    # test_arabic_output_into_a_file_in_a_windows_code_page_does_not_fail's
    book = _book(tmp_path / "book.xlsx")
    (tmp_path / "results.xlsx").mkdir()
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "results.xlsx")]) == 1
    assert _one_line(capsys.readouterr().err) == \
        f"ar-excel: cannot use '{tmp_path / 'results.xlsx'}': Is a directory"


def _book_whose_aging_raises(tmp_path, monkeypatch, exc: BaseException):
    """A book, the aging job made to raise ``exc`` (named 'broken' in the traceback), and
    the error log kept in ``tmp_path``."""
    jobs = cli.registry()

    def broken(book, options):
        raise exc

    monkeypatch.setattr(cli, "registry", lambda: {
        **jobs, "aging": dataclasses.replace(jobs["aging"], run=broken)})
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return _book(tmp_path / "book.xlsx")


def test_a_failure_ar_excel_has_no_message_for_is_one_line(tmp_path, capsys, monkeypatch):
    book = _book_whose_aging_raises(tmp_path, monkeypatch, KeyError("Amount"))
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "o.xlsx")]) == 1
    log = tmp_path / "ar-excel-error.txt"
    assert _one_line(capsys.readouterr().err) == \
        f"ar-excel: internal error (KeyError: 'Amount'); details in {log}"
    assert "Traceback" in log.read_text() and "in broken" in log.read_text()
    # in a month-end run the other jobs' tabs are still written (the runner's rule)
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "run.xlsx")]) == 1
    assert "ar-excel: aging: internal error: 'Amount'" in capsys.readouterr().err
    assert "Credit Status" in openpyxl.load_workbook(tmp_path / "run.xlsx").sheetnames


def test_a_panic_of_the_cell_reader_is_one_line_too(tmp_path, capsys, monkeypatch):
    """python-calamine's Rust panics reach Python as a PanicException, a BaseException that
    no 'except Exception' catches: one line and exit 1 for a job alone, and a failed job (the
    others' tabs written) in a month-end run, as any other failure."""
    class PanicException(BaseException):  # (pyo3_runtime's, as calamine raises it)
        pass

    book = _book_whose_aging_raises(
        tmp_path, monkeypatch, PanicException("TimeDelta::milliseconds out of bounds"))
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "o.xlsx")]) == 1
    assert _one_line(capsys.readouterr().err) == (
        "ar-excel: internal error (PanicException: TimeDelta::milliseconds out of bounds); "
        f"details in {tmp_path / 'ar-excel-error.txt'}")
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "run.xlsx")]) == 1
    assert "ar-excel: aging: internal error: TimeDelta" in capsys.readouterr().err
    assert "Credit Status" in openpyxl.load_workbook(tmp_path / "run.xlsx").sheetnames


# ------------------------------------------------------------------ writing into BOOK

def _charts(path: Path) -> dict[str, int]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: len(ws._charts) for ws in wb.worksheets if ws._charts}


def test_a_single_job_writes_into_book_after_a_month_end_run(tmp_path, capsys):
    # `run` into BOOK leaves charts on Aging and Cash Forecast; every single job into the same
    # BOOK was then refused ("has shapes, pictures or charts"), even aging itself
    book = _book(tmp_path / "book.xlsx")
    bank = _bank(tmp_path / "bank.csv")
    assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF]) == 0
    charts = _charts(book)
    assert charts == {"Aging": 1, "Cash Forecast": 1}
    names = openpyxl.load_workbook(book).sheetnames
    for job in (["validate"], ["credit", "--as-of", AS_OF], ["aging", "--as-of", AS_OF],
                ["reconcile", "--bank", str(bank)]):
        capsys.readouterr()
        assert main([job[0], str(book), *job[1:]]) == 0, capsys.readouterr().err
        assert _charts(book) == charts  # the other tabs' charts kept
        after = openpyxl.load_workbook(book).sheetnames
        assert sorted(after) == sorted(names) and len(set(after)) == len(after)
    assert len(list(tmp_path.glob("book.backup-*.xlsx"))) >= 1
    aging = _values(book)["Aging"]
    assert aging[0][:8] == ("Customer ID", "Customer", "Current", "1-30", "31-60", "61-90",
                            "90+", "Total")
    assert aging[1][:8] == ("C1", "Nile Foods", 800, 0, 0, 1000, 0, 1800)
    assert aging[2][:8] == ("C2", "Delta Traders", 0, 1500, 0, 0, 0, 1500)


def test_o_naming_book_itself_keeps_a_backup_as_writing_into_book_does(tmp_path, capsys):
    # `-o BOOK` wrote into BOOK without the backup copy the contract promises for BOOK
    book = _book(tmp_path / "book.xlsx")
    before = book.read_bytes()
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "." / "book.xlsx")]) == 0
    backups = list(tmp_path.glob("book.backup-*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert "Aging" in openpyxl.load_workbook(book).sheetnames


def _rezip(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info)))
    return dst


def test_a_chart_of_the_users_own_is_still_refused(tmp_path, capsys):
    # only charts openpyxl wrote (ar_excel's own) are known to come back as they were; one
    # Excel extended, or one another program wrote (c: prefixed, as Excel and LibreOffice
    # write them), would lose what openpyxl does not read
    xlsxwriter = pytest.importorskip("xlsxwriter")
    book = _book(tmp_path / "book.xlsx")
    assert main(["aging", str(book), "--as-of", AS_OF]) == 0
    extended = _rezip(book, tmp_path / "extended.xlsx", lambda name, data: data.replace(
        b"</chartSpace>", b"<extLst/></chartSpace>") if name.startswith("xl/charts/") else data)
    theirs = tmp_path / "theirs.xlsx"
    wb = xlsxwriter.Workbook(theirs)
    ws = wb.add_worksheet("Customers")
    ws.write_row(0, 0, ["Customer ID", "Name", "Credit Limit"])
    ws.write_row(1, 0, ["C1", "Nile Foods", 5000])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "=Customers!$C$2:$C$2"})
    ws.insert_chart("E2", chart)
    wb.close()
    for path in (extended, theirs):
        before = path.read_bytes()
        capsys.readouterr()
        assert main(["validate", str(path)]) == 1
        assert "has shapes, pictures or charts" in _one_line(capsys.readouterr().err)
        assert path.read_bytes() == before


BUTTON_VML = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml" '
              b'xmlns:o="urn:schemas-microsoft-com:office:office" '
              b'xmlns:x="urn:schemas-microsoft-com:office:excel">'
              b'<v:shape id="_x0000_s1025" type="#_x0000_t201" o:button="t">'
              b'<x:ClientData ObjectType="Button"><x:Anchor>1, 2, 3, 2, 1, 252, 3, 30</x:Anchor>'
              b'<x:FmlaMacro>[0]!ArExcel.Aging</x:FmlaMacro></x:ClientData></v:shape></xml>')


def test_buttons_in_a_legacy_drawing_are_never_stripped(tmp_path, capsys):
    # a form-control button kept in the sheet's VML drawing (no ctrlProps part): openpyxl
    # writes VML back only for comments, so writing into BOOK silently removed the buttons
    book = _book(tmp_path / "book.xlsx")
    rel = (b'<Relationship Id="rIdVml" Type="http://schemas.openxmlformats.org/officeDocument/'
           b'2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>')

    def add_button(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", b'<Default Extension="vml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.vmlDrawing"/></Types>')
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(rb"</worksheet>$", b'<legacyDrawing xmlns:r="http://schemas.openxml'
                          b'formats.org/officeDocument/2006/relationships" r:id="rIdVml"/>'
                          b"</worksheet>", data)
        return data

    with_button = _rezip(book, tmp_path / "buttons.xlsx", add_button)
    with zipfile.ZipFile(with_button, "a") as z:
        z.writestr("xl/drawings/vmlDrawing1.vml", BUTTON_VML)
        z.writestr("xl/worksheets/_rels/sheet1.xml.rels",
                   b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships">' + rel + b"</Relationships>")
    assert openpyxl.load_workbook(with_button)["Customers"]["A2"].value == "C1"  # a sound file
    before = with_button.read_bytes()
    assert main(["aging", str(with_button), "--as-of", AS_OF]) == 1
    assert _one_line(capsys.readouterr().err) == (
        "ar-excel: 'buttons.xlsx' has form controls (buttons, check boxes), which would be lost "
        "if ar_excel wrote into it; use -o OUT to write the results to a new workbook")
    assert with_button.read_bytes() == before and not list(tmp_path.glob("buttons.backup*"))
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(with_button), "--as-of", AS_OF, "-o", str(out)]) == 0


def test_cell_comments_still_allow_writing_into_book(tmp_path):
    from openpyxl.comments import Comment

    book = _book(tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    wb["Customers"]["B2"].comment = Comment("key account", "AR")
    wb.save(book)
    # saved by openpyxl, the comments are xl/comments/comment1.xml and commentsDrawing1.vml
    # (Excel's names are xl/comments1.xml, vmlDrawing1.vml): the second write into BOOK was
    # refused ("has 'xl/comments/comment1.xml', shapes, pictures or charts")
    for job in (["aging", "--as-of", AS_OF], ["validate"]):
        assert main([job[0], str(book), *job[1:]]) == 0
        assert openpyxl.load_workbook(book)["Customers"]["B2"].comment.text == "key account"


# ------------------------------------------------------------------ determinism

def test_two_month_end_runs_give_the_same_cells_on_every_tab(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    bank = _bank(tmp_path / "bank.csv")
    outs = [tmp_path / "one.xlsx", tmp_path / "two.xlsx"]
    for seed, out in enumerate(outs, start=1):
        # two processes with different string hashing: no order may come from a set's
        done = subprocess.run([sys.executable, "-m", "ar_excel", "run", str(book), "--bank",
                               str(bank), "--as-of", AS_OF, "-o", str(out)],
                              capture_output=True, text=True, timeout=600, cwd=tmp_path,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)})
        assert done.returncode == 0, done.stderr
    one, two = (_values(out) for out in outs)
    assert list(one) == list(two)
    assert {"Customer Checks", "Credit Status", "Bank Matches", "Unmatched Bank",
            "Reconciliation", "Aging", "Input Issues"} <= set(one)
    for name in one:
        assert one[name] == two[name], name


# ------------------------------------------------------------------ Input Issues

def test_a_bad_cell_of_the_bank_statement_sheet_is_one_input_issue(tmp_path, capsys):
    # the reader said "'abc' is not a number" at C3 and the bank importer said it again with
    # "the line was left out": two rows for one cell
    book = _book(tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb.create_sheet("Bank Statement")
    ws.append(["Date", "Description", "Amount"])
    ws.append([datetime(2026, 10, 20), "TRANSFER NILE FOODS INV-2", 800])
    ws.append([datetime(2026, 10, 21), "CASH DEPOSIT", "abc"])
    ws.append(["someday", "DELTA TRADERS", 1500])
    wb.save(book)
    out = tmp_path / "out.xlsx"
    for job in (["reconcile"], ["run", "--as-of", AS_OF]):
        assert main([job[0], str(book), *job[1:], "-o", str(out)]) == 0
        issues = [r for r in _values(out)["Input Issues"][1:] if r[0] == "Bank Statement"]
        assert issues == [
            ("Bank Statement", "C3", "Amount", "abc", "Amount 'abc' could not be read as an "
             "amount ('abc' is not a number); the line was left out"),
            ("Bank Statement", "A4", "Date", "someday", "date 'someday' could not be read "
             "('someday' is not a date (expected e.g. 31/01/2024 or 2024-01-31)); the line was "
             "left out")]
    matched = [r for r in _values(out)["Bank Matches"][1:] if r[0] is not None]
    assert [(r[0], r[3], r[5], r[8]) for r in matched] == [("1", "INV-2", 800, "Matched")]


def test_arabic_output_into_a_file_in_a_windows_code_page_does_not_fail(tmp_path):
    # `ar-excel aging book.xlsx > log.txt` on Windows: stdout is cp1252, and printing the
    # Arabic summary raised UnicodeEncodeError after the tabs were written (exit 1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["رقم العميل", "اسم العميل", "شروط الدفع"])
    ws.append(["C1", "شركة النور للتجارة", "٣٠"])
    inv = wb.create_sheet("الفواتير")
    inv.append(["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"])
    inv.append(["F-1", "C1", datetime(2026, 9, 1), "١٬٠٠٠"])
    book = tmp_path / "دفتر.xlsx"
    wb.save(book)
    done = subprocess.run([sys.executable, "-m", "ar_excel", "aging", str(book), "--as-of", AS_OF,
                           "-o", str(tmp_path / "out.xlsx")], capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    printed = done.stdout.decode("utf-8")
    assert printed.startswith("aging: أعمار الديون في 2026-10-31: 1 صف عميل")
    aging = _values(tmp_path / "out.xlsx")["Aging"]
    assert aging[1][:8] == ("Customer ID", "Customer", "Current", "1-30", "31-60", "61-90",
                            "90+", "Total")
    assert aging[2][:8] == ("C1", "شركة النور للتجارة", 0, 1000, 0, 0, 0, 1000)
