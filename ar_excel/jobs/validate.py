"""``ar-excel validate``: check the customer master and keep its change log.

Writes ``Customer Checks`` (one row per finding: the contract's columns, then Cell and Value),
``Customer Changes`` (the log so far plus what changed since the last run) and the hidden
snapshot ``_ar_customer_snapshot`` the next run compares with. With ``--protect-password``
the Customers sheet of the source workbook is protected, leaving only the editable fields
(``--editable``; by default contact details) open to typing; the Policy keys
``protect_password`` and ``editable`` do the same where no option is given (the buttons).
"""

from __future__ import annotations

import argparse
import getpass
import re
from datetime import datetime

import pandas as pd

from ar_excel.core.customers.changes import CHANGE_COLUMNS, append_log, diff, snapshot
from ar_excel.core.customers.checks import findings_frame, run_checks
from ar_excel.errors import InputError
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.credit import limit_terms
from ar_excel.model import Book, JobResult, SheetProtection, Tab
from ar_excel.names import match_key

CHECKS_TAB = "Customer Checks"
CHANGES_TAB = "Customer Changes"
SNAPSHOT_TAB = "_ar_customer_snapshot"
DEFAULT_EDITABLE = ("Email", "Phone", "Address", "City", "Country")


def _user(options: JobOptions) -> str:
    user = options.args.get("user")
    if user:
        return str(user)
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services): say so rather than fail the run
        return "unknown"


def _protection(book: Book, options: JobOptions) -> list[SheetProtection]:
    # the option, else the Policy sheet's keys: what a button (no command line) goes by
    password = options.args.get("protect_password")
    if not password:
        password = str(book.policy.get("protect_password") or "").strip()
        if re.fullmatch(r"\d+\.0", password):  # typed as a number: 1234, not "1234.0"
            password = password[:-2]
    if not password:
        return []
    table = book.table("Customers")
    chosen = options.args.get("editable") or book.policy.get("editable") or None
    fields = [f for f in chosen.split(",") if f.strip()] if isinstance(chosen, str) else \
        list(chosen or DEFAULT_EDITABLE)
    by_key = {match_key(c): c for c in table.letters}
    by_key.update({match_key(w): c for c, w in table.headers.items()})
    letters = []
    for f in fields:
        column = by_key.get(match_key(f))
        if column is None or column not in table.letters:
            if chosen:  # the user named it: say so; a default field the sheet lacks is skipped
                where = "--editable" if options.args.get("editable") else "Policy key editable"
                raise InputError(f"{where}: the Customers sheet has no column '{f.strip()}'")
            continue
        letters.append(table.letters[column])
    return [SheetProtection(table.sheet, str(password), tuple(letters), table.header_row)]


def run(book: Book, options: JobOptions) -> JobResult:
    table = book.table("Customers")
    if table is None:
        raise InputError("the workbook has no 'Customers' sheet (or Excel table)")
    options.progress(0.05, "checking customers")
    # a limit kept in another currency than its customer's, as Credit Status reads it
    _, _, stated = limit_terms(book, book.named_currencies(), options.as_of)
    findings = run_checks(table, book.policy, options.as_of, book.arabic, limit_currencies={
        found.index: found.code for found in stated.values()})
    checks = findings_frame(findings)
    errors = int((checks["Severity"] == "Error").sum())
    checks_tab = Tab(CHECKS_TAB, checks, formats={"Row": "int", "Value": "text", "Cell": "text",
                                                  "Message": "wrap"},
                     highlight=checks["Severity"] == "Error")

    options.progress(0.7, "comparing with the last run")
    current = snapshot(table.frame, table.raw)
    previous = book.sheet_frame(SNAPSHOT_TAB, ("Key", "Customer ID"))
    when = options.args.get("now") or datetime.now().replace(microsecond=0)
    if previous is None:
        new_rows = pd.DataFrame(columns=CHANGE_COLUMNS)
    else:
        new_rows = diff(previous, current, _user(options), when, book.arabic)
    log = append_log(book.sheet_frame(CHANGES_TAB, ("Customer ID", "Field", "Old Value")), new_rows)
    changes_tab = Tab(CHANGES_TAB, log, formats={"When": "datetime", "Old Value": "text",
                                                 "New Value": "text", "Credit Change": "bool"},
                      highlight=log["Credit Change"].fillna(False).astype(bool))
    snapshot_tab = Tab(SNAPSHOT_TAB, current, formats={c: "text" for c in current.columns},
                       hidden=True, as_table=False)

    customers = len(table.frame)
    summary = (f"{customers} customers checked: {errors} errors, {len(checks) - errors} "
               f"warnings; {len(new_rows)} changes since the last run"
               if previous is not None else
               f"{customers} customers checked: {errors} errors, {len(checks) - errors} "
               f"warnings; change log started")
    protect = _protection(book, options)
    for p in protect:
        summary += (f"; sheet '{p.sheet}' to be protected, editable columns: "
                    f"{', '.join(p.editable) or 'none'}")
    return JobResult(tabs=[checks_tab, changes_tab, snapshot_tab], summary=summary,
                     protect=protect)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--protect-password", dest="protect_password", metavar="PASSWORD",
                        help="protect the Customers sheet with this password (written into "
                             "the workbook itself)")
    parser.add_argument("--editable", metavar="FIELDS",
                        help="comma-separated fields left editable on the protected sheet "
                             f"(default: {', '.join(DEFAULT_EDITABLE)})")
    parser.add_argument("--user", metavar="NAME",
                        help="name recorded in the change log (default: the login name)")



JOB = Job(
    name="validate",
    help="check the customer master (duplicates, contacts, policy) and log changes",
    run=run,
    month_end=True,
    needs=("Customers",),
    own=("Customers",),
    add_arguments=add_arguments,
)
