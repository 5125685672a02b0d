"""Job ``reconcile``: bank reconciliation and cash application.

Reads the bank statement (``--bank FILE``, else the workbook's ``Bank Statement`` sheet, else
the file named by the Policy key ``bank_statement``, relative to the workbook), matches its
credits to the open invoices (``ar_excel.core.matching``) and writes:

* ``Bank Matches``: one row per (bank line, invoice) allocation with its Method, Confidence
  and Status (``Matched`` = applied automatically, ``Suggested`` = for review, highlighted),
  then Write-off, Customer, Reason and the line's narrative, counterparty and account, and
  ``Withholding Tax`` where a receipt paid invoices less income tax withheld at source;
* ``Unmatched Bank``: credits not (fully) applied with the reason and the best candidates,
  then debits, which are not AR;
* ``Reconciliation``: opening and closing balance, credits, debits, matched, suggested,
  unmatched, write-offs, withholding tax receivable, on account and counts per rule; it ties
  out to the statement;
* ``Receipts To Post`` (when a line is Matched): the Matched receipts as rows of the Payments
  sheet (``core.receipts_to_post``), to record in the books; once recorded, a re-run pairs
  each with its bank line (``recorded``) and applies nothing twice.

The ledger is taken as it stands on the statement's last date: invoices issued up to then can
be paid by it, receipts already recorded in ``Payments`` up to then have reduced the open
amounts. Book-to-bank (``ar_excel.core.matching.recorded``): a credit that is a receipt already
recorded in Payments (same amount, a date within the clearing window, and its Payment ID, its
invoice or its customer as the line's payer, else the amount alone when unique in the window)
is paired with it (Method ``recorded``) and not
applied again; the receipts of the statement's period no line pairs with are listed in an
``Unbanked Receipts`` tab (Payment ID, Date, Customer ID, Customer, Invoice No, Amount,
Reason) and counted in ``Reconciliation`` ("recorded in the books, not in the bank"). The tab
and those rows are written only when Payments holds a receipt dated within the statement's
period or a line paired with one (otherwise the three tabs are exactly as before).

Payer accounts are learned from a ``Payer Accounts`` sheet (Customer ID, Counterparty
Account, Counterparty) and from the ``Bank Matches`` tab of an earlier month still in the
workbook (its Matched rows of other bank lines: a re-run of the same statement learns
nothing from its own previous output, so it gives the same result). What a re-run does read
from that output is a person's review (``core.matching.review``): a Suggested line whose Status
cell was answered Matched or Rejected (the cell offers them in a drop-down) is applied, or
left unapplied, when the same allocations are proposed again.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ar_excel.bank.column_mapping import bank_columns
from ar_excel.core.ledger import balances_as_stated, open_items
from ar_excel.core.matching import learned_payers, match_statement
from ar_excel.core.matching.review import reviews_from
from ar_excel.core.money import amount_text, decimals_of
from ar_excel.core.paid_in_the_list import paid_in_the_list, receipts_in_the_list
from ar_excel.core.receipts_to_post import bank_line_positions, receipts_to_post
from ar_excel.errors import InputError
from ar_excel.io.bulk import bulk
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.aging import ledger_blank
from ar_excel.model import Book, JobResult, Tab

if TYPE_CHECKING:  # (the bank importer is loaded only when a statement is read)
    from ar_excel.bank.statement import Statement

MATCH_FORMATS = {
    "Bank Line": "text", "Date": "date", "Bank Amount": "money", "Invoice No": "text",
    "Customer ID": "text", "Applied Amount": "money", "Method": "text", "Confidence": "number",
    "Status": "text", "Write-off": "money", "Customer": "text", "Reason": "text",
    "Description": "text", "Counterparty": "text", "Counterparty Account": "text",
    "Statement": "text", "Line No": "int", "Withholding Tax": "money",
}
UNMATCHED_FORMATS = {
    "Bank Line": "text", "Date": "date", "Amount": "money", "Description": "text",
    "Unallocated Amount": "money", "Reason": "text", "Candidates": "text",
    "Counterparty": "text", "Counterparty Account": "text", "Reference": "text",
    "Statement": "text", "Line No": "int",
}

POST_FORMATS = {
    "Payment ID": "text", "Customer ID": "text", "Date": "date", "Amount": "money",
    "Invoice No": "text", "Method": "text", "Reference": "text", "Customer": "text",
    "Bank Line": "text", "Note": "text",
}
UNBANKED_FORMATS = {
    "Payment ID": "text", "Date": "date", "Customer ID": "text", "Customer": "text",
    "Invoice No": "text", "Amount": "money", "Reason": "text",
}

# The tabs' captions, English and Arabic.
_TITLES = {
    "Bank Matches": "One row per bank line x invoice; Suggested rows need a person's review: "
                    "set Status to Matched or Rejected and run again",
    "Unmatched Bank": "Credits not applied (with the reason and the best candidates), then "
                      "debits",
    "Reconciliation": "Bank reconciliation of {n} lines up to {date}",
    "tie": ": statement {tie}",
    "Receipts To Post": "The Matched receipts as Payments rows: record them in the books "
                        "(paste under Payments) so the aging and statements show them",
    "Unbanked Receipts": "Receipts recorded in Payments in the statement's period that no "
                         "bank line pairs with: deposits in transit or posting errors",
}
_TITLES_AR = {
    "Bank Matches": "سطر لكل سطر بنك × فاتورة؛ السطور المقترحة تحتاج مراجعة: اكتب في الحالة "
                    "معتمد أو مرفوض ثم أعد التشغيل",
    "Unmatched Bank": "الإيداعات غير المطبقة (مع السبب وأفضل المرشحين)، ثم المسحوبات",
    # مطابقة: the reconciliation; تسوية is an adjustment (a write-off, the statement's own)
    "Reconciliation": "مطابقة بنكية لـ {n} سطر من كشف البنك حتى {date}",
    "tie": "؛ الكشف {tie}",
    "Receipts To Post": "التحصيلات المطابقة بصيغة ورقة التحصيلات: سجّلها في الدفاتر (الصقها أسفل "
                        "التحصيلات) لتظهر في أعمار الديون وكشوف الحساب",
    "Unbanked Receipts": "تحصيلات مسجلة في فترة الكشف لا يقابلها سطر بنك: إيداعات بالطريق أو "
                         "أخطاء قيد",
}


def _arabic_note(note: str) -> str:
    from ar_excel.io.reasons_ar import arabic_note

    return arabic_note(note)


def statement_columns(book: Book, options: JobOptions | None = None) -> dict[str, str] | None:
    """The columns asked for the bank statement, as the importer's mapping (``bank_columns``):
    the command's ``--bank-columns``, else the Policy's key ``bank_columns``; None where
    neither names any (the importer finds the layout itself)."""
    asked = options.args.get("bank_columns") if options is not None else None
    return bank_columns(asked or book.policy.get("bank_columns"))


def statement_on_sheet(book: Book, options: JobOptions | None = None) -> bool:
    """Whether the workbook holds the statement in its Bank Statement sheet: one the reader
    read, or a bank's export pasted as it came, which the bank importer reads with the columns
    asked (``bank.workbook_sheet``)."""
    from ar_excel.bank.workbook_sheet import pasted_statement_sheet

    return book.table("Bank Statement") is not None or \
        pasted_statement_sheet(book, statement_columns(book, options)) is not None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bank-columns", dest="bank_columns", metavar="MAP",
        help="for a bank export whose layout is not recognised: which header holds what, e.g. "
             "\"Date=Buchungstag;Amount=Betrag;Description=Verwendungszweck;decimal=,\"; "
             "a file without a header row by column letter or number: "
             "\"Date=A;Amount=D;Description=C\"; the order of the file's dates: "
             "\"date_order=month first\"; dates printed without their year (02/11, 28 Dec): the year "
             "the statement begins in, \"year=2026\"")


def load_statement(book: Book, options: JobOptions) -> Statement:
    """The statement to reconcile, from the option (one file, or several: one per bank
    account, reconciled together), the sheet or the policy, in that order."""
    from ar_excel.bank import read_statement
    from ar_excel.bank.combine import combine_statements, file_names, named_files
    from ar_excel.bank.workbook_sheet import workbook_statement

    mapping = statement_columns(book, options)

    def read_all(paths: list[Path]):  # every bank account's statement: one month
        if len(paths) == 1:
            return read_statement(paths[0], mapping=mapping, day_first=book.policy.day_first)
        return combine_statements([
            (name, read_statement(path, mapping=mapping, day_first=book.policy.day_first))
            for name, path in zip(file_names(paths), paths, strict=True)])

    if isinstance(options.bank, list | tuple):
        return read_all([Path(p) for p in options.bank])
    if options.bank is not None:
        return read_statement(options.bank, mapping=mapping, day_first=book.policy.day_first)
    on_sheet = workbook_statement(book, mapping)  # the workbook's Bank Statement sheet
    if on_sheet is not None:
        return on_sheet
    if book.policy.bank_statement.strip():
        paths = [Path(n) for n in named_files(book.policy.bank_statement)]
        folder = Path(book.source).parent if book.source is not None else None
        return read_all([folder / p if folder and not p.is_absolute() else p for p in paths])
    raise InputError("no bank statement: give --bank FILE, a 'Bank Statement' sheet, or the "
                     "Policy key bank_statement")


def _optional_sheet(book: Book, name: str, header: tuple[str, ...]) -> pd.DataFrame | None:
    try:
        return book.sheet_frame(name, header)
    except Exception:  # an unreadable optional sheet must not stop the reconciliation
        return None


def history(book: Book, current_lines: pd.Series, previous: pd.DataFrame | None) -> pd.DataFrame:
    """Payers learned from earlier months: a Payer Accounts sheet and an old Bank Matches tab
    (``previous``: the workbook's Bank Matches, of which this statement's own lines are left
    out, so a re-run learns nothing from its own output)."""
    if previous is not None and "Bank Line" in previous:
        previous = previous[~previous["Bank Line"].astype(str).isin(set(current_lines.astype(str)))]
    return learned_payers(_optional_sheet(book, "Payer Accounts", ("Customer ID",)), previous)


def receipts_of_accounts(book: Book, lines: pd.DataFrame) -> pd.DataFrame | None:
    """The receipts of Payments that can be on the statement's accounts: those in one of its
    currencies (a receipt's currency: its invoice's, else its customer's), and those whose
    currency is unknown; all of them when the statement states no currency. A SAR receipt is
    banked on the SAR account: on an EGP statement it is neither paired nor unbanked."""
    payments = book.payments
    if payments is None or not len(payments):
        return payments
    ccys = _stated_currencies(lines)
    if not ccys:
        return payments
    from ar_excel.core.kpis import payment_currency
    from ar_excel.core.matching.recorded import receipts_in_window

    # Only the receipts the statement's dates can hold are looked at (the pairing's own
    # window): a ledger's years of receipts need no currency worked out.
    if "Date" in lines:
        dates = pd.to_datetime(lines["Date"], errors="coerce")
        if dates.notna().any():
            payments = receipts_in_window(payments, dates.min(), dates.max())
            if payments is None:
                return None
    ccy = payment_currency(payments, book.customers, book.invoices)
    known = ccy.notna() & ccy.astype(str).str.strip().ne("")
    return payments[(~known | ccy.astype(str).str.strip().str.upper().isin(ccys)).to_numpy()]


@bulk()
def run(book: Book, options: JobOptions) -> JobResult:
    options.progress(0.05, "reading the bank statement")
    statement = load_statement(book, options)
    lines = statement.lines
    if not len(lines):
        raise InputError("the bank statement has no lines")
    dates = pd.to_datetime(lines["Date"])
    as_of = dates.max() if dates.notna().any() else pd.Timestamp(options.as_of)
    options.progress(0.2, "open invoices")
    # customers kept without a currency owe in the book's own: a dinar's fils are kept
    items = open_items(book.customers, book.invoices, book.payments, as_of, ledger_blank(book))
    previous = _optional_sheet(book, "Bank Matches", ("Bank Line", "Customer ID"))
    learned = history(book, lines["Bank Line"], previous)
    options.progress(0.35, "matching")
    recorded = receipts_of_accounts(book, lines)
    if balances_as_stated(book.invoices, book.payments):
        # an open-items list exported after the month's receipts: those the statement shows
        # are in the books already (``core.paid_in_the_list``)
        recorded = paid_in_the_list(book.invoices, lines)
    elif not len(book.payments):
        # a running ledger's receipts (its credit rows: سند قبض, Receipt) are in the books:
        # their bank credits are paired with them, not applied again
        recorded = receipts_in_the_list(book.invoices)
    result = match_statement(lines, items, book.customers, book.policy, learned,
                             statement.balances, recorded=recorded,
                             reviews=reviews_from(previous, lines, _optional_sheet(
                                 book, "Unmatched Bank", ("Bank Line", "Reason"))),
                             invoice_sheet=book.invoices)
    matches, unmatched, summary = result.matches, result.unmatched, result.summary
    options.progress(0.9, "tabs")
    check = summary.set_index("Item")["Amount"]
    tie = summary.set_index("Item")["Note"].get("Difference", "")
    words = _TITLES_AR if book.arabic else _TITLES
    title = words["Reconciliation"].format(n=len(lines), date=f"{as_of:%Y-%m-%d}") + (
        words["tie"].format(tie=_arabic_note(tie) if book.arabic else tie) if tie else "")
    to_post = receipts_to_post(matches, arabic=book.arabic,
                               positions=bank_line_positions(lines))
    unbanked = result.unbanked
    if book.arabic:  # the reasons and the summary in the workbook's language
        matches, unmatched, summary, unbanked = _in_arabic(matches, unmatched, summary, unbanked)
    tabs = [
        Tab("Bank Matches", matches, formats=MATCH_FORMATS,
            highlight=matches["Status"].eq("Suggested"),
            title=words["Bank Matches"],
            choices={"Status": ["Matched", "Suggested", "Rejected"]
                     + (["معتمد", "مرفوض"] if book.arabic else [])}),
        Tab("Unmatched Bank", unmatched, formats=UNMATCHED_FORMATS,
            highlight=unmatched["Amount"].gt(0),
            title=words["Unmatched Bank"]),
        Tab("Reconciliation", summary,
            formats={"Item": "text", "Amount": "money", "Lines": "int", "Note": "text"},
            title=title),
    ]
    if len(to_post):
        tabs.append(Tab("Receipts To Post", to_post, formats=POST_FORMATS,
                        title=words["Receipts To Post"]))
    if unbanked is not None:
        tabs.append(Tab("Unbanked Receipts", unbanked, formats=UNBANKED_FORMATS,
                        title=words["Unbanked Receipts"]))
    n_matched = matches.loc[matches["Status"] == "Matched", "Bank Line"].nunique()
    n_suggested = matches.loc[matches["Status"] == "Suggested", "Bank Line"].nunique()
    n_unmatched = int((unmatched["Amount"] > 0).sum())
    summary_line = (f"Reconciled {len(lines)} bank lines: {n_matched} matched "
                    f"({_money_of(lines, check.get('Matched (applied)', 0))}), "
                    f"{n_suggested} suggested, "
                    f"{n_unmatched} credits unmatched"
                    + (f"; {to_post['Payment ID'].nunique()} receipts to record in Payments "
                       "(Receipts To Post)" if len(to_post) else ""))
    options.progress(1.0, "reconciliation done")
    return JobResult(tabs=tabs, issues=[*statement.issues, *result.issues], summary=summary_line)


def _stated_currencies(lines: pd.DataFrame) -> set[str]:
    """The currencies the statement's lines state; none when one of the statements reconciled
    together states none on any line: that account (NBB's CSV, beside QNB's in QAR) may hold
    any currency, as when its statement is reconciled alone."""
    if "Currency" not in lines:
        return set()
    stated = lines["Currency"].astype("string").str.strip().str.upper().replace("", pd.NA)
    accounts = lines["Statement"] if "Statement" in lines else pd.Series(0, index=lines.index)
    if stated.groupby(accounts.astype(str)).count().eq(0).any():
        return set()
    return set(stated.dropna())


def _money_of(lines: pd.DataFrame, amount: float) -> str:
    """An amount of the statement for the run's summary: with its currency where the statement
    has one, to that currency's minor unit (KWD 11,500.250); else as ``amount_text``."""
    ccys = _stated_currencies(lines)
    if len(ccys) != 1:
        return amount_text(amount)
    ccy = ccys.pop()
    return f"{ccy} {float(amount):,.{decimals_of(ccy)}f}"


def _in_arabic(matches: pd.DataFrame, unmatched: pd.DataFrame, summary: pd.DataFrame,
               unbanked: pd.DataFrame | None):
    """The tabs' reasons, items and notes in Arabic (``io.reasons_ar``)."""
    from ar_excel.io.reasons_ar import (
        arabic_candidates,
        arabic_item,
        arabic_note,
        arabic_reason,
        arabic_receipt_name,
    )

    def reasons(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        if frame is None or "Reason" not in frame:
            return frame
        words = {r: arabic_reason(r) for r in pd.unique(frame["Reason"].to_numpy(dtype=object))
                 if isinstance(r, str)}
        return frame.assign(Reason=[words.get(r, r) if isinstance(r, str) else r
                                    for r in frame["Reason"]])

    summary = summary.assign(Item=summary["Item"].map(arabic_item),
                             Note=summary["Note"].map(arabic_note))
    unmatched = reasons(unmatched)
    if "Candidates" in unmatched:
        unmatched = unmatched.assign(Candidates=unmatched["Candidates"].map(arabic_candidates))
    if unbanked is not None and "Payment ID" in unbanked:
        unbanked = unbanked.assign(**{"Payment ID": unbanked["Payment ID"].map(
            arabic_receipt_name)})  # (a receipt without its ID: named by its row)
    return reasons(matches), unmatched, summary, reasons(unbanked)


JOB = Job(
    name="reconcile",
    help="Bank reconciliation and cash application: match the statement's credits to open "
         "invoices (Bank Matches, Unmatched Bank, Reconciliation)",
    run=run,
    month_end=True,
    needs=("Customers", "Invoices", "Bank Statement"),
    add_arguments=add_arguments,
)
