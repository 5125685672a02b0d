"""Job ``invoices``: check the billing cycle before invoices go out.

Reads Customers and Invoices (required) and, where the workbook has them, Invoice Lines,
Price List, Unit Conversions, Deliveries/Orders and Payments. Writes:

* ``Invoice Checks``: one row per finding (Invoice No, Row, Field, Code, Severity, Message,
  then Sheet and Customer ID so a Row can be found in the right sheet);
* ``Invoice Exceptions``: the problem accounts for the clerk, errors first, by amount at stake.

Checks that need a missing optional sheet simply find nothing; the summary names the sheets
that were checked.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.billing import (
    TAB_COLUMNS,
    BillingBook,
    exception_report,
    prepare,
    run_checks,
)
from ar_excel.core.billing.codes import ERROR
from ar_excel.core.billing.context import QTY_UNREAD
from ar_excel.core.billing.installments import repeated_instalments
from ar_excel.core.billing.lines import subtotal_rows
from ar_excel.core.billing.units import counted
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.credit import limit_terms
from ar_excel.model import ROW, Book, Issue, JobResult, Tab
from ar_excel.parsing import parse_number_text

CHECKS_TAB = "Invoice Checks"
EXCEPTIONS_TAB = "Invoice Exceptions"
_OPTIONAL = {"Invoice Lines": "lines", "Price List": "prices", "Unit Conversions": "conversions",
             "Orders": "deliveries", "Payments": "payments"}


def billing_book(book: Book, options: JobOptions, issues: list[Issue] | None = None
                 ) -> BillingBook:
    """The workbook's frames joined for the billing checks; an invoice's subtotal rows in
    its lines set aside, each an Input Issue added to ``issues``."""
    frames = {arg: book.frame(kind) for kind, arg in _OPTIONAL.items()}
    if frames["lines"] is not None and len(frames["lines"]):
        frames["lines"] = _without_subtotals(book, _counted_quantities(book, frames["lines"]),
                                             issues)
    sheets = {kind: t.sheet for kind, t in book.tables.items()}
    lines, prices = book.table("Invoice Lines"), book.table("Price List")
    # a credit limit weighed as the credit job weighs it (its currency, the Policy's rates)
    rates, blank, stated = limit_terms(book, [
        *book.customers.get("Currency", []), *book.invoices.get("Currency", []),
        *(frames["payments"].get("Currency", []) if frames["payments"] is not None else [])],
        options.as_of)
    return prepare(invoices=book.invoices, customers=book.customers, policy=book.policy,
                   as_of=options.as_of, arabic=book.arabic, sheets=sheets,
                   line_headers=lines.headers if lines is not None else None,
                   price_headers=prices.headers if prices is not None else None,
                   rates=rates, blank_currency=blank,
                   limit_currencies={cid: found.code for cid, found in stated.items()},
                   **frames)


def _counted_quantities(book: Book, lines: pd.DataFrame) -> pd.DataFrame:
    """Quantities typed with their unit ('5 كرتونة', '10 pcs'), which the reader could not
    read as numbers (a line of one unit, its total then wrong by the rest): the number as
    the Quantity and, where the line states none, the unit as its Unit; the reader's issue
    at the cell is answered, so withdrawn."""
    table = book.table("Invoice Lines")
    if table is None or "Quantity" not in table.raw.columns or ROW not in table.raw.columns:
        return lines
    by_row = table.raw.drop_duplicates(ROW).set_index(ROW)["Quantity"]
    raw = lines[ROW].map(by_row)
    unread = lines["Quantity"].isna() & raw.map(lambda v: isinstance(v, str) and bool(v.strip()))
    if not unread.any():
        return lines
    quantity = lines["Quantity"].copy()
    unit = (lines["Unit"] if "Unit" in lines else pd.Series(None, index=lines.index)
            ).astype("object").copy()
    cells = set()
    letter = table.letters.get("Quantity", "")
    for i in lines.index[unread.to_numpy()]:
        found = counted(raw[i])
        if found is None:
            continue
        try:
            quantity[i] = parse_number_text(found[0])
        except ValueError:
            continue
        if pd.isna(unit[i]) or not str(unit[i]).strip():
            unit[i] = found[1]
        cells.add(f"{letter}{int(lines.at[i, ROW])}")
    unread = unread & quantity.isna()
    if cells:
        book.withdraw(lambda issue: issue.sheet == table.sheet and issue.cell in cells)
    return lines.assign(Quantity=quantity, Unit=unit, **{QTY_UNREAD: unread})


def _without_subtotals(book: Book, lines: pd.DataFrame, issues: list[Issue] | None
                       ) -> pd.DataFrame:
    """The lines less the invoices' subtotal rows (``lines.subtotal_rows``), each said at
    its Line Total's cell."""
    subtotal = subtotal_rows(lines)
    if not subtotal.any():
        return lines
    table = book.table("Invoice Lines")
    if issues is not None and table is not None:
        letter = table.letters.get("Line Total", "")
        for _, row in lines[subtotal].iterrows():
            total = f"{row['Line Total']:,.2f}"
            issues.append(Issue(
                table.sheet, f"{letter}{int(row[ROW])}", table.headers.get("Line Total",
                                                                           "Line Total"),
                total,
                f"الصف {int(row[ROW])} إجمالي فرعي للفاتورة {row['Invoice No']} ({total}، "
                f"مجموع بنودها أعلاه) وليس بندًا: لم يُقرأ" if book.arabic else
                f"Row {int(row[ROW])} is invoice {row['Invoice No']}'s subtotal ({total}, the "
                f"sum of its lines above), not a line: not read"))
    return lines[~subtotal]


def _summary(found: pd.DataFrame, report: pd.DataFrame, book: Book,
             billing: BillingBook) -> str:
    errors = int((found["Severity"] == ERROR).sum())
    warnings = len(found) - errors
    optional = [book.tables[k].sheet for k in ("Invoice Lines", "Price List", "Orders")
                if book.table(k) is not None]
    lines = book.table("Invoice Lines")
    invoices = book.table("Invoices")
    # lines read from the invoice list's own rows (an export of a row per line)
    own_rows = lines is not None and invoices is not None and lines.sheet == invoices.sheet
    if own_rows:
        optional.remove(lines.sheet)
    # an invoice written as a row per instalment is one invoice (``repeated_instalments``)
    inv = billing.invoices
    repeated = int(repeated_instalments(inv).sum()) if len(inv) else 0
    checked = f"{len(book.invoices) - repeated:,} invoices" + (
        f", {len(lines):,} lines" if lines is not None else "") + (
        f" (read from the rows of '{lines.sheet}')" if own_rows else "")
    extra = f" (with {', '.join(optional)})" if optional else ""
    notes = "".join(f"; {n}" for n in billing.notes)
    return (f"Invoice checks on {checked}{extra}: {errors} errors, {warnings} warnings; "
            f"{len(report)} accounts to review{notes}")


def _title(options: JobOptions, arabic: bool) -> str:
    day = f"{pd.Timestamp(options.as_of):%Y-%m-%d}"
    if arabic:
        return f"العملاء ذوو مخالفات الفوترة، الأخطاء أولًا، حسب المبلغ المعرض للخطر (حتى {day})"
    return f"Accounts with billing exceptions, errors first, by amount at stake (as of {day})"


def run(book: Book, options: JobOptions) -> JobResult:
    options.progress(0.05, "joining invoices, lines and prices")
    read_issues: list[Issue] = []
    billing = billing_book(book, options, read_issues)
    options.progress(0.2, "checking invoices")
    found, issues = run_checks(billing)
    issues = read_issues + issues
    options.progress(0.9, "writing the exception report")
    report = exception_report(found, billing)

    checks = found[TAB_COLUMNS].reset_index(drop=True)
    checks_tab = Tab(CHECKS_TAB, checks,
                     formats={"Invoice No": "text", "Row": "int", "Field": "text", "Code": "text",
                              "Severity": "text", "Message": "wrap", "Sheet": "text",
                              "Customer ID": "text"},
                     highlight=checks["Severity"].eq(ERROR))
    report_tab = Tab(EXCEPTIONS_TAB, report.reset_index(drop=True),
                     formats={"Customer ID": "text", "Customer": "text", "Severity": "text",
                              "Errors": "int", "Warnings": "int", "Documents": "int",
                              "Amount at Stake": "money", "Top Codes": "text",
                              "Avg Days to Invoice": "days"},
                     highlight=report["Severity"].eq(ERROR).reset_index(drop=True),
                     title=_title(options, book.arabic))
    return JobResult(tabs=[checks_tab, report_tab], issues=issues,
                     summary=_summary(found, report, book, billing))


JOB = Job(
    name="invoices",
    help=("Check the billing cycle: line and invoice totals, prices, units, tax rates, due "
          "dates, duplicates, numbering gaps, blocked customers, uninvoiced deliveries"),
    run=run,
    month_end=True,
    needs=("Customers", "Invoices"),
)
