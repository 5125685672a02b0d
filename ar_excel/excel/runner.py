"""Run a registered job for an Excel button: read the open workbook, run, write, report.

What a clerk clicking a button gets, whatever happens:
* progress in Excel's status bar while the job runs, and the outcome there afterwards;
* a short message box: the job's one-line summary, or a plain-language reason it failed;
* never a Python traceback dialog: every error is caught here; the traceback goes to the
  ``AR Log`` tab (one row per run, newest last) for whoever supports the workbook;
* never a half-written workbook: all tabs are computed first, then written all or nothing
  (``writing.write_tabs_live``).
The tabs are exactly those the ``ar-excel`` command writes for the same job and workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ar_excel.errors import ArExcelError, InputError
from ar_excel.excel.cells import cell_value
from ar_excel.excel.reading import read_live_book, workbook_path
from ar_excel.excel.sheet_protection import protect_input_sheets
from ar_excel.excel.writing import find_sheet, write_tabs_live
from ar_excel.io.writer import issues_tab
from ar_excel.jobs import Job, JobOptions, add_job_arguments, registry
from ar_excel.model import Book, Tab
from ar_excel.runner import RunOutcome, resolve_as_of, run_jobs

LOG_SHEET = "AR Log"
LOG_HEADER = ["When", "Job", "Outcome", "Message", "Tabs Written", "Details"]
TITLE = "ar_excel"
MONTH_END = "month-end"


@dataclass
class Outcome:
    """What one button click did (returned for scripts and tests; Excel ignores it)."""

    job: str
    ok: bool
    message: str
    tabs: list[str] = field(default_factory=list)
    details: str = ""
    files: list[Path] = field(default_factory=list)


def caller_book() -> Any:
    """The workbook whose button was clicked (``xw.Book.caller()``)."""
    import xlwings as xw

    return xw.Book.caller()


def _status(xlbook: Any, text: str | bool) -> None:
    with contextlib.suppress(Exception):  # an engine without a status bar: not worth failing
        xlbook.app.status_bar = text


def _alert(xlbook: Any, text: str, critical: bool = False) -> None:
    with contextlib.suppress(Exception):
        xlbook.app.alert(text, title=TITLE, mode="critical" if critical else "info")


def _progress(xlbook: Any, label: str) -> Callable[..., None]:
    def progress(fraction: float, message: str = "") -> None:
        pct = max(0, min(100, round(float(fraction) * 100)))
        _status(xlbook, f"{TITLE} {label}: {message or 'working'}… {pct}%")

    return progress


# ------------------------------------------------------------------ inputs

def bank_file(book: Book, xlbook: Any, bank: str | Path | None) -> Path | list[Path] | None:
    """The bank statement file, in the order the ``ar-excel`` command takes it
    (``jobs.reconcile.load_statement``): the one chosen in the dialog (the command's
    ``--bank``), else None where the workbook has a ``Bank Statement`` sheet (the job reads
    it), else the Policy sheet's ``bank_statement`` (relative to the workbook's folder;
    several separated by ``;``, one per bank account, are reconciled together). A file named
    but missing is left to the job to report, as on the command line: a month-end run still
    does its other jobs."""
    from ar_excel.bank.combine import named_files
    from ar_excel.jobs.reconcile import statement_on_sheet

    chosen = str(bank).strip() if bank not in (None, False) else ""
    if not chosen and statement_on_sheet(book):
        return None
    named = [chosen] if chosen else named_files(book.policy.bank_statement)
    if not named:
        return None
    paths = []
    for name in named:
        path = Path(name).expanduser()
        if not path.is_absolute():
            folder = workbook_path(xlbook)
            if folder is not None:
                path = folder.parent / path
        paths.append(path)
    return paths[0] if len(paths) == 1 else paths


def out_dir(xlbook: Any) -> Path:
    """Where extra files (PDF statements, e-mail drafts) go: next to the workbook."""
    path = workbook_path(xlbook)
    base = path.parent if path is not None else Path.home()
    stem = path.stem if path is not None else "ar_excel"
    return base / f"{stem} - ar_excel output"


# ------------------------------------------------------------------ running

def _jobs(name: str) -> list[Job]:
    jobs = registry()
    if name == MONTH_END:
        return [j for j in jobs.values() if j.month_end]
    if name not in jobs:
        known = ", ".join(jobs) or "none"
        raise InputError(f"no job called '{name}' is installed (installed: {known})")
    return [jobs[name]]


def compute(book: Book, jobs: list[Job], options: JobOptions, *, month_end: bool) -> RunOutcome:
    """Run the jobs exactly as ``ar-excel`` does (``ar_excel.runner.run_jobs``); the tabs to
    write are ``outcome.tabs`` plus ``Input Issues``. Nothing is written here."""
    outcome = run_jobs(book, jobs, options, month_end=month_end, progress=options.progress)
    outcome.tabs = [*outcome.tabs, issues_tab(outcome.issues, book.arabic)]
    return outcome


def _write(xlbook: Any, book: Book, jobs: list[Job], tabs: list[Tab]) -> tuple[list[str], str]:
    """Write the tabs where the CLI would: into the open workbook, or, for a job with its
    own writer (the management pack: a separate protected workbook), through that writer
    next to the saved workbook. Returns the tab names and a note on where they went."""
    if len(jobs) == 1 and jobs[0].write is not None:
        source = workbook_path(xlbook)
        if source is None:
            raise InputError("save the workbook first: the report is written next to it")
        path = jobs[0].write(tabs, source=source, out=None, arabic=book.arabic, backup=True)
        with contextlib.suppress(Exception):  # show it, where Excel can open files
            xlbook.app.books.open(str(path))
        return [t.name for t in tabs], f"written to {path}"
    return write_tabs_live(xlbook, tabs, arabic=book.arabic), ""


def job_arguments(jobs: list[Job], given: dict[str, Any] | None = None) -> dict[str, Any]:
    """The job options a button passes: each option's command-line default (as ``ar-excel``
    would fill them when the option is not typed), overridden by ``given``."""
    import argparse

    parser = argparse.ArgumentParser(add_help=False)
    add_job_arguments(parser, jobs)
    args = {a.dest: a.default for a in parser._actions if a.dest != argparse.SUPPRESS}
    args.update(given or {})
    return args


def run_button(job_name: str, xlbook: Any = None, *, bank: str | Path | None = None,
               as_of: dt.date | str | None = None, args: dict[str, Any] | None = None,
               quiet: bool = False) -> Outcome:
    """Run ``job_name`` (a registered job, or ``month-end`` for every month-end job) on the
    calling workbook and write its tabs into it; ``args`` are job options by their
    command-line names (``{"no_pdf": True}``). Never raises: a failure is reported."""
    xlbook = xlbook if xlbook is not None else caller_book()
    month_end = job_name == MONTH_END
    label = "month-end run" if month_end else job_name
    try:
        _status(xlbook, f"{TITLE} {label}: reading the workbook…")
        jobs = _jobs(job_name)
        book = read_live_book(xlbook)
        needs_bank = any("Bank Statement" in j.needs for j in jobs)
        options = JobOptions(
            as_of=resolve_as_of(book, as_of),
            bank=bank_file(book, xlbook, bank) if needs_bank or bank else None,
            out_dir=out_dir(xlbook),
            args={"user": excel_user(xlbook), **job_arguments(jobs, args)},
            progress=_progress(xlbook, label),
        )
        run = compute(book, jobs, options, month_end=month_end)
        _status(xlbook, f"{TITLE} {label}: writing {len(run.tabs)} tabs…")
        written, where = _write(xlbook, book, jobs, run.tabs)
        lines = [*run.summaries, *run.skipped, *(f"failed: {f}" for f in run.failures)]
        if where:
            lines.append(where)
        elif run.protect:  # the tabs went into this workbook: its input sheets too, as the CLI
            lines.extend(protect_input_sheets(xlbook, run.protect))
        message = "; ".join(lines) or f"{label}: done"
        outcome = Outcome(label, not run.failures, message, written,
                          details="\n".join(run.details), files=run.files)
    except ArExcelError as exc:
        reason = str(exc).replace("give --bank FILE", "choose the statement file when asked")
        outcome = Outcome(label, False, f"{label} stopped: {reason}. Nothing was changed.",
                          details=traceback.format_exc())
    except Exception as exc:  # anything else: a plain message, the traceback in the log
        outcome = Outcome(
            label, False,
            f"{label} could not finish ({exc.__class__.__name__}: {exc}). Nothing was changed; "
            f"the details are in the '{LOG_SHEET}' tab.",
            details=traceback.format_exc())
    _log(xlbook, outcome)
    _status(xlbook, f"{TITLE} {label}: {'done' if outcome.ok else 'failed'}: {_short(outcome.message)}")
    if not quiet:
        _alert(xlbook, outcome.message, critical=not outcome.ok)
    if sys.platform == "emscripten":  # xlwings Lite: the task pane shows what is printed
        print(outcome.message)
    return outcome


def excel_user(xlbook: Any) -> str | None:
    """Excel's user name (File > Options > User name) for the change log; None where the
    engine does not expose it (the change log then takes the login name)."""
    try:
        name = xlbook.app.api.UserName
    except Exception:  # no COM/AppleScript API (xlwings Lite, the test stand-in)
        return None
    return str(name).strip() or None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _log(xlbook: Any, outcome: Outcome) -> None:
    """Append one row to the ``AR Log`` tab (created on first use). Best effort: a log that
    cannot be written must not hide the outcome."""
    try:
        sheet = find_sheet(xlbook, LOG_SHEET)
        if sheet is None:
            sheet = xlbook.sheets.add(name=LOG_SHEET, after=list(xlbook.sheets)[-1])
            sheet.range((1, 1)).value = [LOG_HEADER]
        used = sheet.used_range
        row = used.row + used.shape[0]
        sheet.range((row, 1)).number_format = "yyyy-mm-dd hh:mm:ss"
        sheet.range((row, 2), (row, len(LOG_HEADER))).number_format = "@"
        sheet.range((row, 1)).value = [[
            dt.datetime.now().replace(microsecond=0), outcome.job,
            "OK" if outcome.ok else "Failed", cell_value(outcome.message, True),
            ", ".join(outcome.tabs), cell_value(outcome.details, True),
        ]]
    except Exception:
        pass


def decode_vba_text(hex_utf16: str) -> str:
    """Text passed from VBA as hex of its UTF-16LE bytes (``ArExcel.bas`` ``PyText``): any
    path, Arabic or with quotes, survives the ``RunPython`` command line unchanged."""
    return bytes.fromhex(hex_utf16).decode("utf-16-le") if hex_utf16 else ""
