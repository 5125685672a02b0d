"""Run jobs on a workbook: read once, run each job, write all their tabs in one go.

The command line and the Excel buttons both come through here, so a job behaves the same
everywhere. A job that fails does not take the others down in a month-end run: its error is
reported and the other jobs' tabs are still written.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from ar_excel.core.per_run import shared_work
from ar_excel.core.receipts_to_post import received_by
from ar_excel.errors import ArExcelError, InputError, UsageError
from ar_excel.jobs import Job, JobOptions
from ar_excel.model import Book, Issue, JobResult, SheetProtection, Tab


@dataclass
class RunOutcome:
    tabs: list[Tab] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "job: reason"
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # tracebacks, for a log tab
    protect: list[SheetProtection] = field(default_factory=list)  # input sheets to protect


NO_STATEMENT = ("no bank statement (give --bank FILE, a 'Bank Statement' sheet, or the Policy "
                "key bank_statement)")


def missing_inputs(job: Job, book: Book, options: JobOptions) -> str | None:
    """Why a job cannot run on this book, or None."""
    from ar_excel.jobs.reconcile import statement_on_sheet

    for kind in job.needs:
        if kind == "Bank Statement":
            # (a sheet the reader could not read, a bank's export pasted as it came, is
            # read by the bank importer: ``bank.workbook_sheet``, with the columns asked)
            if options.bank is None and not statement_on_sheet(book, options) and \
                    not book.policy.bank_statement:
                return NO_STATEMENT
        elif book.table(kind) is None:
            return book.why_missing(kind) or f"the workbook has no '{kind}' sheet"
        elif kind in job.own and kind in book.derived:
            return (f"the workbook has no '{kind}' sheet of its own (its customers are the "
                    f"ones '{book.derived[kind]}' names)")
    return None


def run_jobs(book: Book, jobs: list[Job], options: JobOptions, *, month_end: bool = False,
             progress: Callable[[float, str], None] | None = None) -> RunOutcome:
    """Run ``jobs`` in order. With ``month_end`` a job whose inputs are absent is skipped and
    a failing job is recorded; for a single job both are errors (raised)."""
    # the jobs of one run share the work they have in common (``core.per_run``): the open
    # items of a date, the master's duplicate records
    with shared_work():
        return _run_jobs(book, jobs, options, month_end, progress)


def _run_jobs(book: Book, jobs: list[Job], options: JobOptions, month_end: bool,
              progress: Callable[[float, str], None] | None) -> RunOutcome:
    outcome = RunOutcome()
    seen_issues: set[Issue] = set()

    def add_issues(issues: list[Issue]) -> None:
        for i in issues:
            if i not in seen_issues:
                seen_issues.add(i)
                outcome.issues.append(i)

    add_issues(book.issues)
    withdrawn = len(book.withdrawn)
    tab_index: dict[str, int] = {}
    for n, job in enumerate(jobs):
        if progress:
            progress(n / max(len(jobs), 1), job.name)
        why = missing_inputs(job, book, options)
        if why:
            if not month_end:
                # the statement is the command's to give (reconcile BOOK --bank STATEMENT):
                # without it, and none in the workbook, the command was used wrongly
                raise (UsageError if why == NO_STATEMENT else InputError)(f"{job.name}: {why}")
            outcome.skipped.append(f"{job.name}: skipped, {why}")
            continue
        try:
            result: JobResult = job.run(book, options)
        except ArExcelError as exc:
            if not month_end:
                raise
            outcome.failures.append(f"{job.name}: {exc}")
            continue
        except BaseException as exc:  # one broken job must not lose the month-end run (nor
            # a panic of the cell reader's Rust code, raised as a BaseException)
            if not month_end or isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            outcome.failures.append(f"{job.name}: internal error: {exc}")
            outcome.details.append(f"{job.name}\n{traceback.format_exc()}")
            continue
        for tab in result.tabs:  # a later job's tab of the same name wins
            if tab.name in tab_index:
                outcome.tabs[tab_index[tab.name]] = tab
            else:
                tab_index[tab.name] = len(outcome.tabs)
                outcome.tabs.append(tab)
        add_issues(result.issues)
        if len(book.withdrawn) > withdrawn:  # a job answered what the reader said (a Bank
            # Statement sheet it could not read, read by the bank importer): left out
            gone = set(book.withdrawn[withdrawn:])
            outcome.issues = [i for i in outcome.issues if i not in gone]
            withdrawn = len(book.withdrawn)
        posted = next((t.frame for t in result.tabs if t.name == "Receipts To Post"), None)
        if posted is not None and len(posted):  # the later jobs hold letters to these payers
            # (those whose money had come in by the as-of date only)
            came = posted[received_by(posted, options.as_of)]
            options = replace(options, received=came if len(came) else None)
        outcome.files.extend(result.files)
        outcome.protect.extend(result.protect)
        if result.summary:
            outcome.summaries.append(f"{job.name}: {result.summary}")
    unposted = next((t.frame for t in outcome.tabs if t.name == "Receipts To Post"), None)
    later = {"Aging", "Credit Status", "Customer Statements", "Dunning"} & set(tab_index)
    if unposted is not None and len(unposted) and later:
        # The later jobs read the books as they stand; say so rather than let an aging that
        # still shows this month's cash as owing pass unnoticed. A receipt booked after the
        # as-of date is owing at that date even once recorded: said apart, not counted here.
        came = received_by(unposted, options.as_of)
        n = unposted.loc[came, "Payment ID"].nunique()
        if n:
            outcome.summaries.append(
                f"note: {n} receipt{'s' if n > 1 else ''} matched on the bank statement "
                f"{'are' if n > 1 else 'is'} not in Payments yet; {', '.join(sorted(later))} "
                f"show {'them' if n > 1 else 'it'} as owing until recorded (Receipts To Post)")
        k = unposted.loc[~came, "Payment ID"].nunique()
        if k:
            outcome.summaries.append(
                f"note: {k} receipt{'s' if k > 1 else ''} matched on the bank statement "
                f"{'are' if k > 1 else 'is'} dated after the as-of date {options.as_of}: not "
                f"received at that date, {'they hold' if k > 1 else 'it holds'} no letter, "
                "call or visit")
    if book.arabic:  # the printout and the buttons' message box in the workbook's language
        from ar_excel.io.summaries_ar import arabic_summary

        outcome.summaries = [arabic_summary(s) for s in outcome.summaries]
        outcome.skipped = [arabic_summary(s) for s in outcome.skipped]
    if progress:
        progress(1.0, "done")
    return outcome


def resolve_as_of(book: Book, as_of: date | str | None = None) -> date:
    """The as-of date: the one asked for, else the Policy sheet's ``as_of``, else today."""
    from ar_excel.parsing import parse_date
    from ar_excel.parsing.dates import usable_as_of

    value = as_of if as_of not in (None, "") else book.policy.get("as_of")
    if value in (None, ""):
        return date.today()
    try:
        day = value if isinstance(value, date) else parse_date(value, book.policy.day_first)
    except ValueError as exc:
        raise InputError(f"the as-of date '{value}' is not a date (use YYYY-MM-DD)") from exc
    try:  # 9999-12-31 failed every dated job with an internal error (OutOfBoundsDatetime)
        return usable_as_of(day.date() if isinstance(day, datetime) else day)
    except ValueError as exc:
        raise InputError(f"the as-of date {exc}") from None
