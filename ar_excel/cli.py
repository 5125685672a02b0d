"""The ``ar-excel`` command: one subcommand per job, plus ``run`` for the month-end.

Exit status (the contract's): 0 success; 1 the input could not be processed at all (one-line
reason on stderr); 2 bad usage. Problems in rows are data, written to ``Input Issues``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import traceback
from pathlib import Path

from ar_excel import __version__
from ar_excel.errors import ArExcelError, UsageError
from ar_excel.jobs import Job, JobOptions, add_job_arguments, date_argument, registry

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

# Commands that are not jobs. Each module defines ``register_command(subparsers)``, which adds
# its parser and sets ``handler=fn(args) -> exit status`` as a default.
COMMAND_MODULES: list[str] = ["ar_excel.excel.install"]


def _common(p: argparse.ArgumentParser, *, bank: bool) -> None:
    p.add_argument("book", metavar="BOOK", type=Path, help="the AR workbook (.xlsx/.xlsm)")
    p.add_argument("-o", "--out", metavar="OUT", type=Path,
                   help="write the tabs to this workbook instead of into BOOK")
    p.add_argument("--as-of", type=date_argument("--as-of"), default=None, metavar="DATE",
                   help="the date the figures are as of, e.g. 2024-06-30 (default: the Policy "
                        "sheet's as_of, else today)")
    if bank:
        p.add_argument("--bank", metavar="STATEMENT", type=Path, action="append",
                       help="bank statement file (CSV, XLSX, MT940, camt.053, OFX, QIF); give it "
                            "once per bank account to reconcile them together")
    p.add_argument("--lang", choices=("auto", "ar", "en"), default="auto",
                   help="Arabic (ar) or English (en) output: header row, right-to-left tabs, "
                        "reasons and messages (default: as the workbook)")
    p.add_argument("--no-backup", action="store_true",
                   help="when writing into BOOK, do not keep a backup copy")


def build_parser(jobs: dict[str, Job]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ar-excel",
        description="Accounts receivable from Excel: checks, credit, bank reconciliation, "
                    "aging and reports, written as tabs into your workbook.",
    )
    parser.add_argument("--version", action="version", version=f"ar-excel {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for job in jobs.values():
        p = sub.add_parser(job.name, help=job.help, description=job.help)
        _common(p, bank="Bank Statement" in job.needs or job.name == "reconcile")
        if job.add_arguments:
            job.add_arguments(p)
        p.set_defaults(jobs=[job.name], month_end=False)
    run = sub.add_parser("run", help="month-end: every job in one go, one output workbook",
                         description="Run every month-end job on BOOK and write all their tabs "
                                     "in one go. Jobs whose inputs are absent are skipped.")
    _common(run, bank=True)
    add_job_arguments(run, [job for job in jobs.values() if job.month_end])
    run.set_defaults(jobs=[j.name for j in jobs.values() if j.month_end], month_end=True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register_command(sub)
    return parser


def _progress_bar(enabled: bool):
    if not enabled:
        return None, lambda *a, **k: None
    from tqdm import tqdm

    bar = tqdm(total=100, file=sys.stderr, leave=False, bar_format="{l_bar}{bar}| {desc}")

    def progress(fraction: float, message: str = "") -> None:
        bar.n = int(fraction * 100)
        bar.set_description_str(message[:40])
        bar.refresh()

    return bar, progress


def _read_statement_early(args: argparse.Namespace, selected: list[Job]) -> None:
    """Start reading ``--bank FILE`` while the workbook is read (``bank.prefetch``), with the
    settings the reconciliation will ask for unless the workbook's Policy says otherwise."""
    bank = getattr(args, "bank", None)
    if bank is None or len(bank) != 1 or not any("Bank Statement" in j.needs for j in selected):
        return
    bank = bank[0]
    from ar_excel.bank import prefetch
    from ar_excel.bank.column_mapping import bank_columns
    from ar_excel.policy import Policy

    try:
        mapping = bank_columns(getattr(args, "bank_columns", None))
    except ArExcelError:  # a bad --bank-columns: the job reports it
        return
    prefetch.start(bank, mapping, day_first=Policy().day_first)


def execute(args: argparse.Namespace, jobs: dict[str, Job]) -> int:
    from ar_excel.io.pack import kept_tabs, write_pack
    from ar_excel.io.reader import read_book, remember_previous_output
    from ar_excel.io.writer import issues_tab, refuse_unwritable, write_tabs
    from ar_excel.runner import resolve_as_of, run_jobs

    bar, progress = _progress_bar(sys.stderr.isatty())
    try:
        progress(0.02, "reading workbook")
        _read_statement_early(args, [jobs[name] for name in args.jobs])
        book = read_book(args.book)
        if args.lang != "auto":  # as the Policy's language would: the jobs' wording too
            book.arabic = args.lang == "ar"
        if args.out is not None:
            remember_previous_output(book, args.out)
        extra = {k: v for k, v in vars(args).items()
                 if k not in ("book", "out", "as_of", "bank", "lang", "jobs", "month_end",
                              "command", "no_backup")}
        out_dir = (args.out or args.book).resolve().parent
        banks = getattr(args, "bank", None)
        options = JobOptions(as_of=resolve_as_of(book, args.as_of),
                             bank=banks[0] if banks and len(banks) == 1 else banks,
                             out_dir=out_dir, out=args.out or args.book, args=extra,
                             progress=lambda f, m="": progress(0.1 + 0.75 * f, m))
        selected = [jobs[name] for name in args.jobs]
        writer = selected[0].write if len(selected) == 1 and selected[0].write else write_tabs
        if writer is write_tabs and (args.out is None or args.out.resolve() == args.book.resolve()):
            refuse_unwritable(args.book)  # before the jobs write letters or drafts beside it
        outcome = run_jobs(book, selected, options, month_end=args.month_end,
                           progress=lambda f, m="": progress(0.1 + 0.75 * f, m))
        arabic = book.arabic
        tabs = [*outcome.tabs, issues_tab(outcome.issues, arabic)]
        progress(0.9, "writing tabs")
        extra_write = {"protect": outcome.protect} if outcome.protect and writer is write_tabs else {}
        out = args.out
        if writer is write_tabs and out is not None and out.resolve() == args.book.resolve():
            out = None  # -o BOOK is writing into BOOK: with its backup copy, as without -o
        written = writer(tabs, source=args.book, out=out, arabic=arabic,
                         backup=not args.no_backup, **extra_write)
        if writer is write_pack:  # (it leaves out an empty Input Issues: say what it wrote)
            tabs = kept_tabs(tabs)
    finally:
        if bar is not None:
            bar.close()
    for line in outcome.summaries:
        print(line)
    said = _arabic_lines if arabic else list
    if outcome.protect and args.out is not None:
        print(*said(["note: sheet protection applies to the sheets in the workbook written; "
                     f"{', '.join(p.sheet for p in outcome.protect)} is protected only when "
                     "written into BOOK (run without -o)"]))
    for line in outcome.skipped:
        print(line)
    for line in said([f"{len(outcome.issues)} input issue(s); tabs written to {written}: "
                      + ", ".join(t.name for t in tabs),
                      *(f"also wrote {path}" for path in outcome.files[:5]),
                      *([f"also wrote {len(outcome.files) - 5} more file(s) in "
                         f"{outcome.files[0].parent}"] if len(outcome.files) > 5 else [])]):
        print(line)
    for line in outcome.failures:
        print(one_line(f"ar-excel: {line}"), file=sys.stderr)
    return EXIT_INPUT if outcome.failures else EXIT_OK


def _arabic_lines(lines: list[str]) -> list[str]:
    from ar_excel.io.summaries_ar import arabic_summary

    return [arabic_summary(line) for line in lines]


def one_line(text: str) -> str:
    """A message as the one line the contract promises on stderr."""
    return " ".join(str(text).split())


def _unexpected(exc: BaseException) -> int:
    """What reaches the user when something failed that ar_excel has no message for: one line
    (the contract's), never a traceback; the traceback is kept in a file for whoever fixes it.
    A file or folder the system refused (a folder given as -o, a read-only disk) says which."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" '{exc.filename}'" if exc.filename else ""
        print(f"ar-excel: cannot use{where}: {exc.strerror}", file=sys.stderr)
        return EXIT_INPUT
    log = Path(tempfile.gettempdir()) / "ar-excel-error.txt"
    try:
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        kept = f"; details in {log}"
    except OSError:
        kept = ""
    print(one_line(f"ar-excel: internal error ({type(exc).__name__}: {exc}){kept}"),
          file=sys.stderr)
    return EXIT_INPUT


def _printable_output() -> None:
    """An Arabic workbook's summaries and messages printed to a file or a pipe in a Windows
    code page (cp1252: ``ar-excel run book.xlsx > log.txt``) failed the command after its tabs
    were written: such output is written as UTF-8, as Python's UTF-8 mode would; a console
    shows what it cannot as '?' rather than fail."""
    for stream in (sys.stdout, sys.stderr):
        if not hasattr(stream, "reconfigure") or not hasattr(stream, "isatty"):
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        elif not (stream.encoding or "").lower().replace("-", "").startswith("utf"):
            stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    _printable_output()
    jobs = registry()
    parser = build_parser(jobs)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if hasattr(args, "handler"):  # commands that are not jobs (install-buttons, demo)
            return int(args.handler(args) or 0)
        return execute(args, jobs)
    except ArExcelError as exc:
        print(one_line(f"ar-excel: {exc}"), file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_INPUT
    except KeyboardInterrupt:  # written files are replaced atomically: none is half written
        print("ar-excel: interrupted", file=sys.stderr)
        return 130
    except BaseException as exc:  # the boundary: no traceback reaches the user (a panic of
        # the cell reader's Rust code is raised as a BaseException, no Exception)
        if isinstance(exc, SystemExit | GeneratorExit) or os.environ.get("AR_EXCEL_DEBUG"):
            raise
        return _unexpected(exc)


if __name__ == "__main__":
    sys.exit(main())
