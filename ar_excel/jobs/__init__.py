"""The job registry: every ``ar-excel`` subcommand and every Excel button runs a Job from here.

A job is a plain function ``run(book, options) -> JobResult`` over a ``Book`` already read;
it never reads or writes files itself (extra outputs such as PDFs go to ``options.out_dir``).
Each job module defines ``JOB = Job(...)``; ``JOB_MODULES`` lists them in month-end order.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ar_excel.model import Book, JobResult

if TYPE_CHECKING:  # (pandas is imported by the jobs that need it, not by the registry)
    import pandas as pd

# Month-end order: master data first, then cash, then the reports that use the cleaned ledger.
JOB_MODULES: list[str] = ["validate", "credit", "invoices", "reconcile", "aging", "collections", "statements", "report"]


def _no_progress(fraction: float, message: str = "") -> None:
    return None


@dataclass
class JobOptions:
    as_of: date
    bank: Path | list[Path] | None = None  # bank statement file(s), when the job needs one
    out_dir: Path | None = None  # where extra files (PDF statements, .eml drafts) go
    # the workbook the tabs will be written into (BOOK, or -o OUT); None: the workbook read
    out: Path | None = None
    args: dict[str, Any] = field(default_factory=dict)  # job-specific command-line options
    progress: Callable[..., None] = _no_progress  # progress(fraction 0..1, message)
    # in a month-end run, the receipts this run's bank statement matched that Payments does
    # not hold yet (reconcile's Receipts To Post): their payers' letters are held
    received: pd.DataFrame | None = None


@dataclass(frozen=True)
class Job:
    name: str
    help: str
    run: Callable[[Book, JobOptions], JobResult]
    month_end: bool = True  # part of `ar-excel run`
    needs: tuple[str, ...] = ("Customers",)  # sheets the job cannot do without
    # of those, the ones it needs as the workbook keeps them, not made up from another sheet
    # (validate checks the customer list itself: the customers an invoice list names are none)
    own: tuple[str, ...] = ()
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
    # Writes the job's tabs itself instead of ``io.writer.write_tabs`` (same arguments), e.g.
    # the management pack: always a new, protected workbook, never BOOK.
    write: Callable[..., Path] | None = None


def date_argument(option: str) -> Callable[[str], date]:
    """The argparse type of a date option (``--as-of``, ``--from``): day first, as the
    contract reads dates; a bad date is a usage error naming the option."""
    from ar_excel.parsing import parse_date_text
    from ar_excel.parsing.dates import usable_as_of

    def parse(text: str) -> date:
        try:
            return usable_as_of(parse_date_text(text, day_first=True).date())
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{option}: {exc}") from None

    return parse


def add_job_arguments(parser: argparse.ArgumentParser, jobs: list[Job]) -> None:
    """The options of ``jobs`` on one parser (the month-end run, a button running several);
    an option two jobs share is added once."""
    for job in jobs:
        if job.add_arguments:
            with contextlib.suppress(argparse.ArgumentError):
                job.add_arguments(parser)


def registry() -> dict[str, Job]:
    """All jobs, in month-end order."""
    jobs: dict[str, Job] = {}
    for module in JOB_MODULES:
        job: Job = importlib.import_module(f"ar_excel.jobs.{module}").JOB
        jobs[job.name] = job
    return jobs
