"""Every registered job, run from its Excel button on the demo workbook, writes the same tabs
with the same values as ``ar-excel JOB BOOK -o OUT`` does.

The demo workbook is the toolkit workbook (``workbooks/build_toolkit.py``: the contract's input
sheets with example data), opened in the xlwings stand-in as Excel would show it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import sys
from pathlib import Path

import fake_xlwings as fake
import openpyxl
import pytest

from ar_excel.cli import main as cli_main
from ar_excel.excel import buttons
from ar_excel.jobs import registry

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-10-31"
JOBS = list(registry())
# Job options the comparison sets the same way on both sides (PDFs are not what is compared).
OPTIONS = {"statements": (["--no-pdf"], {"no_pdf": True})}


def _build_module():
    spec = importlib.util.spec_from_file_location("build_toolkit", REPO / "workbooks" / "build_toolkit.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo workbook as a plain .xlsx with the example sheets (no VBA needed here)."""
    import xlsxwriter

    build = _build_module()
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    formats = build._formats(wb)
    for name, frame in build.example_sheets(n_customers=20, n_invoices=120, n_payments=90).items():
        build._write_sheet(wb, wb.add_worksheet(name), frame, formats)
    wb.close()
    return path


def _normal(v, now: dt.datetime):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int | float):
        return round(float(v), 9) if not math.isnan(v) else None
    if isinstance(v, dt.datetime) and v.time() != dt.time(0) and abs(v - now) < dt.timedelta(hours=2):
        return "<time of the run>"  # change logs stamp when they ran
    if isinstance(v, str) and v == "":
        return None
    return v


def _grid(rows, now):
    rows = [[_normal(v, now) for v in r] for r in rows]
    rows = [r for r in rows]
    for r in rows:
        while r and r[-1] is None:
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _file_tabs(path: Path, now) -> dict[str, list[list]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: _grid([list(r) for r in ws.iter_rows(values_only=True)], now)
            for ws in wb.worksheets}


@pytest.mark.parametrize("job", JOBS)
def test_button_writes_the_same_tabs_as_the_command_line(job, demo, tmp_path):
    now = dt.datetime.now()
    cli_out = tmp_path / "cli" / "out.xlsx"
    cli_out.parent.mkdir()
    cli_args, button_args = OPTIONS.get(job, ([], None))
    assert cli_main([job, str(demo), "-o", str(cli_out), "--as-of", AS_OF, *cli_args]) == 0
    expected = _file_tabs(cli_out, now)

    workbook = tmp_path / "excel" / demo.name
    workbook.parent.mkdir()
    workbook.write_bytes(demo.read_bytes())
    book = fake.book_from_file(workbook)
    before = {s.name for s in book.sheets}
    outcome = buttons.run(job, book, as_of=AS_OF, args=button_args)
    assert outcome.ok, outcome.message
    assert book.app.alerts[-1]["mode"] == "info"
    if registry()[job].write is not None:  # its own workbook (the management pack)
        (written,) = [p for p in workbook.parent.glob("*.xlsx") if p != workbook]
        assert _file_tabs(written, now) == expected
        assert {s.name for s in book.sheets} == before | {"AR Log"}
        return
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name
    assert {s.name for s in book.sheets} == before | set(expected) | {"AR Log"}


def test_every_named_button_runs_a_registered_job_or_month_end():
    jobs = set(JOBS) | {buttons.MONTH_END}
    missing = {fn: job for fn, job in buttons.NAMED.items() if job not in jobs}
    assert missing == {}


def test_month_end_button_matches_ar_excel_run(demo, tmp_path):
    now = dt.datetime.now()
    cli_out = tmp_path / "run.xlsx"
    assert cli_main(["run", str(demo), "-o", str(cli_out), "--as-of", AS_OF]) == 0
    expected = _file_tabs(cli_out, now)
    workbook = tmp_path / "excel" / demo.name
    workbook.parent.mkdir()
    workbook.write_bytes(demo.read_bytes())
    book = fake.book_from_file(workbook)
    outcome = buttons.month_end_run(book, as_of=AS_OF, quiet=True)
    assert outcome.ok, outcome.message
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name


@pytest.fixture(scope="module", params=["en", "ar"])
def messy(request, tmp_path_factory) -> Path:
    """The demo ledger as clerks type it (``ar_excel.demo.workbook``): text amounts, Arabic
    digits, serial and text dates, a title row, ``tblInvoices``; English or Arabic sheets."""
    from ar_excel.demo.ledger import make_ledger
    from ar_excel.demo.workbook import write_workbook

    path = tmp_path_factory.mktemp("messy") / f"ledger_{request.param}.xlsx"
    write_workbook(make_ledger(20, 120, 90), path, arabic=request.param == "ar")
    return path


@pytest.mark.parametrize("job", [j for j in ("validate", "credit", "invoices", "aging") if j in JOBS])
def test_button_matches_the_command_line_on_the_messy_demo_workbook(job, messy, tmp_path):
    now = dt.datetime.now()
    cli_out = tmp_path / "out.xlsx"
    assert cli_main([job, str(messy), "-o", str(cli_out), "--as-of", AS_OF]) == 0
    expected = _file_tabs(cli_out, now)
    book = fake.book_from_file(messy)
    outcome = buttons.run(job, book, as_of=AS_OF, quiet=True)
    assert outcome.ok, outcome.message
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name
    issues = expected["Input Issues"]
    assert len(issues) > 1  # the planted unusable values, each with its cell
