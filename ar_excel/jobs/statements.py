"""Job ``statements``: customer statements (كشف حساب) for one customer or all, as the
``Customer Statements`` tab (or one tab per customer) and as PDFs.

The period runs from ``--from`` (default: the first day of the as-of month) to ``--as-of``.
"All customers" means every customer with a balance or a movement up to the as-of date.
PDFs go to ``--pdf-dir`` (default ``<output folder>/statements``), one per customer
(``Statement_<ID>.pdf``); ``--combined`` also writes them all into one PDF for printing.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

from ar_excel.core.aging import aging_by_customer, fill_blank_currency
from ar_excel.core.collections.statements import (
    TAB_COLUMNS,
    TAB_FORMATS,
    TYPE_NAMES_AR,
    Statement,
    customer_statements,
    documents,
    statement_rows,
)
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.errors import UsageError
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.aging import blank_currency, ledger_blank
from ar_excel.model import Book, JobResult, Tab

ARABIC_WORDS = {"opening": "الرصيد الافتتاحي", "closing": "الرصيد الختامي", "aging": "أعمار الديون",
                **TYPE_NAMES_AR}  # the document types, as the PDF statement writes them


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--customer", metavar="ID", action="append",
                   help="statement for this customer only (repeat, or comma-separate, for several)")
    p.add_argument("--from", dest="period_from", metavar="DATE",
                   help="first day of the statement period (default: first day of the as-of month)")
    p.add_argument("--pdf-dir", metavar="DIR", type=Path,
                   help="folder for the PDF statements (default: <output folder>/statements)")
    p.add_argument("--no-pdf", action="store_true", help="only the workbook tab, no PDFs")
    p.add_argument("--combined", action="store_true",
                   help="also write every statement into one PDF for printing")
    p.add_argument("--tab-per-customer", action="store_true",
                   help="one tab per customer ('Statement <ID>') instead of one tab for all")


def _wanted(book: Book, asked: list[str] | None) -> list[str]:
    ids = [str(c) for c in book.customers["Customer ID"].dropna().drop_duplicates()]
    if not asked:
        return ids
    wanted = [c.strip() for a in asked for c in str(a).split(",") if c.strip()]
    from ar_excel.core.customers.ids import ids_as_spelled

    # typed as the user remembers it: c-1003 for C-1003, 1001 for 01001
    spelled = ids_as_spelled(pd.Series(wanted, dtype="object"), set(ids))
    wanted = [spelled.get(c, c) for c in wanted]
    unknown = [c for c in wanted if c not in ids]
    if unknown:
        raise UsageError(f"--customer: no customer {', '.join(unknown)} in the Customers sheet")
    return wanted


def _period_start(options: JobOptions, as_of: pd.Timestamp) -> pd.Timestamp:
    text = options.args.get("period_from")
    if not text:
        return as_of.replace(day=1)
    from ar_excel.parsing import parse_date

    try:
        start = pd.Timestamp(parse_date(text)).normalize()
    except ValueError as exc:
        raise UsageError(f"--from: {exc}") from None
    if start > as_of:
        raise UsageError(f"--from {start:%Y-%m-%d} is after the as-of date {as_of:%Y-%m-%d}")
    return start


def _has_activity(stmt: Statement) -> bool:
    return any(abs(s.opening) >= 0.005 or len(s.lines) for s in stmt.sections)


def _tab_name(customer_id: str) -> str:
    return ("Statement " + re.sub(r"[\[\]:*?/\\]", "_", customer_id))[:31]


def book_documents(book: Book, due: pd.Series, as_of: pd.Timestamp) -> pd.DataFrame:
    """The book's statement lines (``documents``), a blank currency read as the book's, as
    in the Aging tab (a book kept in one currency): a line left without one would miss its
    aging row, and the statement's footer would be zeros under its closing balance."""
    docs = documents(book.customers, book.invoices, book.payments, due, as_of)
    code = blank_currency(book)
    if code is not None and docs["Currency"].isna().any():
        docs = docs.assign(Currency=docs["Currency"].fillna(code))
    return docs


def build_statements(book: Book, options: JobOptions) -> list[Statement]:
    as_of = pd.Timestamp(options.as_of).normalize()
    start = _period_start(options, as_of)
    asked = options.args.get("customer")
    ids = _wanted(book, asked)
    customers, invoices, payments = book.customers, book.invoices, book.payments
    due = due_dates(invoices, customers)
    # a blank currency is the book's, as in the Aging tab (a book kept in one currency)
    code = blank_currency(book)
    # an open-items list's footer ages what was owed on the last day: the ledger adds back
    # what the list's settlements dated after it paid (``owed_on``), as the Aging does
    items = fill_blank_currency(open_items(customers, invoices, payments, as_of,
                                           blank=ledger_blank(book)), code)
    aging = aging_by_customer(items, customers, book.policy)
    docs = book_documents(book, due, as_of)
    options.progress(0.1, "statements")
    # the ledger is cut by customer once (customer_statements), not filtered per customer
    statements = customer_statements(ids, customers, invoices, payments, start, as_of, due,
                                     items, book.policy, book.arabic, aging=aging,
                                     docs=docs)
    out = [stmt for stmt in statements if asked or _has_activity(stmt)]
    options.progress(0.4, "statements")
    return out


def _in_arabic(tab: Tab, aging_word: str) -> Tab:
    from dataclasses import replace

    from ar_excel.io.wording_ar import arabic_caption, bucket_label

    frame = tab.frame.copy()
    footer = frame["Type"] == aging_word
    if footer.any():
        frame.loc[footer, "Document"] = frame.loc[footer, "Document"].map(bucket_label)
    return replace(tab, frame=frame, title=arabic_caption(tab.title))


def _balance_rows(frame: pd.DataFrame, words: dict[str, str] | None) -> pd.Series:
    """The opening and closing balance rows of statement rows, which the tab shows in bold:
    a statement is read from balance to balance."""
    labels = [(words or {}).get(k, f"{k.title()} balance") for k in ("opening", "closing")]
    return frame["Type"].isin(labels) if "Type" in frame else pd.Series(False, index=frame.index)


def run(book: Book, options: JobOptions) -> JobResult:
    as_of = pd.Timestamp(options.as_of).normalize()
    statements = build_statements(book, options)
    words = ARABIC_WORDS if book.arabic else None
    if options.args.get("tab_per_customer"):
        tabs = [Tab(_tab_name(s.customer_id), rows, formats=TAB_FORMATS,
                    title=f"Statement of account {s.customer_id} {s.name or ''}: "
                          f"{s.period_start:%Y-%m-%d} to {s.period_end:%Y-%m-%d}",
                    bold=_balance_rows(rows, words))
                for s in statements for rows in [statement_rows(s, words)]]
    else:
        frames = [statement_rows(s, words) for s in statements]
        frame = pd.concat(frames, ignore_index=True) if frames else \
            pd.DataFrame(columns=TAB_COLUMNS)
        start = statements[0].period_start if statements else as_of.replace(day=1)
        tabs = [Tab("Customer Statements", frame,
                    formats={**TAB_FORMATS, "Customer ID": "text", "Customer": "text",
                             "Document": "text", "Reference": "text"},
                    title=f"Customer statements {start:%Y-%m-%d} to {as_of:%Y-%m-%d}: opening "
                          f"balance, movements, running balance, aging of the closing balance",
                    bold=_balance_rows(frame, words))]
    if book.arabic:  # the captions and the aging footer's buckets in Arabic
        tabs = [_in_arabic(t, words["aging"]) for t in tabs]
    files: list[Path] = []
    folder = options.args.get("pdf_dir") or (
        Path(options.out_dir) / "statements" if options.out_dir is not None else None)
    if folder is not None and not options.args.get("no_pdf") and statements:
        from ar_excel.io.pdf_statement import render_combined, render_each

        company = book.policy.get("company_name") or book.policy.get("company")
        n = len(statements)
        files = render_each(statements, Path(folder), company,
                            progress=lambda k: options.progress(0.4 + 0.55 * k / n, "PDF"))
        if options.args.get("combined"):
            files.append(render_combined(statements, Path(folder) /
                                         f"Statements_{as_of:%Y-%m-%d}.pdf", company))
    options.progress(1.0, "statements done")
    summary = (f"Statements to {as_of:%Y-%m-%d}: {len(statements)} customer(s)"
               + (f", {len(files)} PDF file(s) in {folder}" if files else ""))
    return JobResult(tabs=tabs, summary=summary, files=files)


JOB = Job(
    name="statements",
    help="Customer statements (opening balance, movements, running balance, aging) as a tab "
         "and PDFs, for one customer (--customer) or all",
    run=run,
    month_end=False,
    needs=("Customers", "Invoices"),
    add_arguments=add_arguments,
)
