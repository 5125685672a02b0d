"""Job ``collections``: dunning levels and letters, call and visit lists, payment plans,
late-payment risk and the 13-week cash forecast, from the ledger as of ``--as-of``.

Tabs: ``Dunning``, ``Call List``, ``Visit List``, ``Payment Plan Schedule``, ``Payment
Risk``, ``Expected Payments``, ``Cash Forecast`` and ``Dunning History`` (the letters of
every run so far: the previous history is read back from the workbook so a customer is not
escalated twice in a week; a re-run on the same date replaces that date's rows). The letters
are written as email drafts (``.eml``) into ``<out_dir>/dunning`` when an output folder is
known, named ``<as-of date>_<customer id>.eml`` (a re-run for the same date replaces that
date's drafts); a final notice carries the customer's statement as a PDF attachment. A
draft is dated the as-of date (its Date header), so a re-run for the same date writes the
same files, byte for byte (``io.eml``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ar_excel.core.aging import fill_blank_currency
from ar_excel.core.collections import call_lists, dunning, forecast, payment_plans, risk
from ar_excel.core.collections.bank_receipts import (
    bank_accounts,
    hold_letters_of_payers,
    plan_notes,
)
from ar_excel.core.collections.disputes import dispute_log, mark_disputed
from ar_excel.core.collections.letters import (
    Letter,
    dunning_letter,
    mark_brought_forward,
    plan_letter,
)
from ar_excel.core.collections.texts import letter_kind
from ar_excel.core.fx import policy_rates
from ar_excel.core.kpis import mover_currencies
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.core.money import amount_in_units, amount_text, decimals_of
from ar_excel.errors import InputError
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.aging import blank_currency, ledger_blank
from ar_excel.model import Book, Chart, Issue, JobResult, Tab

TEXT = "text"


def _text(*columns: str) -> dict[str, str]:
    return dict.fromkeys(columns, TEXT)


HISTORY_KEYS = ("Date", "Customer ID", "Level")
_FIX = ("add the header row " + ", ".join(dunning.HISTORY_COLUMNS)
        + " above its rows, or rename the sheet")
# written with -o OUT: OUT gets a history of its own, the workbook's sheet is left alone
HEADERLESS_HISTORY = ("the Dunning History sheet has no header row with "
                      + ", ".join(HISTORY_KEYS) + ": its rows were not read and the sheet is "
                      "kept as it is; the Dunning History written with this run starts from "
                      "this run's letters (earlier letters were not known to pace them); "
                      "to use it, " + _FIX)


def history_refusal(workbook: str) -> str:
    """Why a run writing into the workbook that holds a headerless Dunning History stops."""
    return ("the Dunning History sheet has no header row with " + ", ".join(HISTORY_KEYS)
            + f", so the letters in it cannot be read: the sheet is kept as it is and the "
            f"collections run could not be written into '{workbook}' (ar_excel never writes "
            "over a sheet it does not recognise as its own tab; no tab and no letter was "
            "written); " + _FIX + " (a new history then starts from the next run)")


def _history_in_target(book: Book, options: JobOptions) -> bool:
    """Whether the Dunning History that was read is in the workbook the tabs go to: BOOK
    itself, or an -o OUT that has one (an earlier run's history is read from OUT first)."""
    target = options.out if options.out is not None else book.source
    if target is None or book.source is None:
        return True  # a button writes into the workbook it read
    target = Path(target)
    if target.resolve() == Path(book.source).resolve():
        return True
    if not target.exists():
        return False
    import python_calamine as pc

    from ar_excel.names import match_key

    try:
        names = pc.CalamineWorkbook.from_path(str(target)).sheet_names
    except Exception:  # unreadable: the writer will say so
        return False
    return match_key("Dunning History") in {match_key(n) for n in names}


def read_history(book: Book) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The ``Dunning History`` tab of a previous run, if the workbook has one.

    Its header is the row holding Date, Customer ID and Level: above it there may be the
    tab's caption and, in an Arabic workbook, a row of Arabic labels. A sheet of that name
    without such a row cannot be read: it is left as it is (the writer never replaces a
    sheet that does not look like its own tab) and reported (``HEADERLESS_HISTORY``).
    """
    frame = book.sheet_frame("Dunning History", HISTORY_KEYS)
    if frame is None:
        loader = book.sheet_loader
        if loader is None or not loader("Dunning History"):
            return None, []
        return None, [Issue("Dunning History", "A1", ", ".join(HISTORY_KEYS), None,
                            HEADERLESS_HISTORY)]
    frame["Customer ID"] = frame["Customer ID"].map(_id)
    frame["Date"] = pd.to_datetime(frame["Date"], errors="coerce")
    return frame, []


def _id(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _plan_issues(book: Book, problems: list) -> list[Issue]:
    table = book.table("Payment Plans")
    return [table.issue(idx, column, message) for idx, column, message in problems] \
        if table is not None else []


def build_letters(dun: pd.DataFrame, items: pd.DataFrame, schedule: pd.DataFrame | None,
                  levels: int, signature: str | None = None,
                  invoices: pd.DataFrame | None = None,
                  chased: pd.DataFrame | None = None,
                  reminders: pd.DataFrame | None = None) -> list[Letter]:
    """A letter for every Dunning row marked Letter, in the tab's order. ``invoices``: the
    invoice list the items come from, to tell a balance brought forward from an invoice.
    ``chased``: ``dunning.chased_items(items)`` and ``reminders``:
    ``payment_plans.plan_reminders(schedule)``, when the caller has them already."""
    # the letter names the days of the oldest invoice it asks for: a small old remainder
    # does not set the level, but it is listed and asked for
    chased = dunning.chased_items(items) if chased is None else chased
    asked = dunning.overdue_chased(chased)
    oldest = asked.groupby([asked["Customer ID"], asked["Currency"].fillna("")])[
        "Days Past Due"].max().to_dict() if len(asked) else {}
    if reminders is None and schedule is not None:
        reminders = payment_plans.plan_reminders(schedule)
    reminders = reminders.set_index("Customer ID") if reminders is not None else None
    if invoices is not None:  # a balance b/f is listed as such, not as an invoice
        items = mark_brought_forward(items, invoices)
    ordered = items.sort_values(["Customer ID", "Due Date", "Date", "Document No"], kind="stable")
    # the rows of each account, cut out only for the accounts that get a letter
    by_account = ordered.groupby(["Customer ID", ordered["Currency"].fillna("")],
                                 sort=False).indices
    letters = []
    planned: set[str] = set()
    rows_of = dun["Customer ID"].value_counts()  # a customer's accounts (one per currency)
    for row in dun[dun["Letter"]].to_dict("records"):
        cid = row["Customer ID"]
        if row["Level"] == 0:
            if reminders is None or cid not in reminders.index or cid in planned:
                continue  # one plan reminder per customer, whatever its currencies
            planned.add(cid)
            rem = reminders.loc[cid].to_dict()
            letters.append(plan_letter(row, rem, schedule, signature))
            continue
        ccy = row["Currency"] or ""
        rows = by_account.get((cid, ccy))
        mine = ordered.iloc[rows] if rows is not None else items.iloc[0:0]
        days = oldest.get((cid, ccy))
        letters.append(dunning_letter(row, mine, levels, signature,
                                      several_currencies=rows_of.get(cid, 1) > 1,
                                      oldest_days=None if days is None else int(days)))
    return letters


def _drop_drafts(book: Book, folder: Path, as_of: pd.Timestamp) -> None:
    """Remove this book's drafts of the as-of date (letters, enclosed statements) before the
    run writes its own: a re-run for the same date leaves none from a letter no longer due
    (the customer paid in between), also when no letter at all is due any more. Only the
    drafts of this book's customers: month-end for several companies into one folder kept
    the other books' letters then (the last run deleted them all)."""
    from ar_excel.io.eml import safe_name
    from ar_excel.io.pdf_statement import draft_owners

    if not folder.is_dir():
        return
    ids = {safe_name(str(c)) for frame in (book.customers, book.invoices, book.payments)
           if "Customer ID" in frame for c in frame["Customer ID"].dropna().unique()}
    for old in folder.iterdir():  # the names draft_file_name gives this date's drafts
        if any(owner in ids for owner in draft_owners(old.name, as_of)) and old.is_file():
            old.unlink()


def _write_letters(book: Book, letters: list[Letter], dun: pd.DataFrame, items: pd.DataFrame,
                   due: pd.Series, as_of: pd.Timestamp, folder: Path, levels: int) -> list[Path]:
    from ar_excel.core.collections.statements import customer_statements
    from ar_excel.io.eml import write_draft
    from ar_excel.io.pdf_statement import draft_file_name, render_each
    from ar_excel.jobs.statements import book_documents

    sender = book.policy.get("collections_email") or book.policy.get("sender_email")
    company = book.policy.get("company_name") or book.policy.get("company")
    # a final notice encloses the customer's statement, from the month of its oldest open item
    finals = sorted({x.customer_id for x in letters
                     if x.level and letter_kind(x.level, levels) == 3})
    statements = []
    if finals:
        oldest = pd.to_datetime(items.groupby("Customer ID")["Date"].min())
        starts = {}
        for cid in finals:
            start = oldest.get(cid, pd.NaT)
            starts[cid] = (start if pd.notna(start) else as_of).replace(day=1)
        # all of them at once: the ledger is cut by customer once, not filtered per customer
        # the statements job's lines: a blank currency is the book's, as in the open items
        statements = customer_statements(finals, book.customers, book.invoices, book.payments,
                                         starts, as_of, due, items, book.policy, book.arabic,
                                         docs=book_documents(book, due, as_of))
    pdfs = render_each(statements, folder, company, as_of=as_of) if statements else []
    enclosed = dict(zip(finals, pdfs, strict=True))
    per_customer = dun.groupby("Customer ID").size()
    files: list[Path] = list(pdfs)
    for letter in letters:
        attach = [enclosed[letter.customer_id]] \
            if letter.level and letter_kind(letter.level, levels) == 3 else []
        several = per_customer.get(letter.customer_id, 1) > 1  # one letter per currency
        name = draft_file_name(letter.customer_id, as_of,
                               letter.currency if several else None)
        # dated the as-of date: a re-run for the same date writes the same files
        files.append(write_draft(letter, folder / name, sender, attach, sent_on=as_of))
    return files


def collections_tabs(book: Book, options: JobOptions) -> JobResult:
    policy = book.policy
    as_of = pd.Timestamp(options.as_of).normalize()
    customers, invoices, payments = book.customers, book.invoices, book.payments
    levels = len(dunning.levels_days(policy))
    issues: list[Issue] = []

    options.progress(0.05, "open items")
    # a blank currency is the book's, as in the Aging tab (a book kept in one currency)
    items = fill_blank_currency(open_items(customers, invoices, payments, as_of,
                                           blank=ledger_blank(book)), blank_currency(book))
    items = mark_disputed(items, invoices, dispute_log(book))  # owed, not chased meanwhile
    plans_frame = book.frame("Payment Plans")
    received = options.received
    # each account's currency (a customer kept without one in the one its invoices name), read
    # once for the receipts of the books and of the bank both
    accounts = payment_plans.account_customers(customers, invoices) \
        if plans_frame is not None or (received is not None and len(received)) else None
    # a receipt pays the plan of its own currency only: each Payments row's currency
    booked_in = payment_plans.booked_currencies(payments, items, customers, invoices,
                                                blank_currency(book), accounts) \
        if plans_frame is not None else None
    schedule, problems = (payment_plans.plan_schedule(plans_frame, payments, as_of, customers,
                                                         items, booked_in)
                          if plans_frame is not None else (None, []))
    issues += _plan_issues(book, problems)
    previous, hist_issues = read_history(book)
    if hist_issues and _history_in_target(book, options):
        # the writer would refuse to replace the sheet: stop before any letter is drafted,
        # rather than leave drafts the workbook never records
        target = options.out if options.out is not None else book.source
        raise InputError(history_refusal(Path(target).name if target else "the workbook"))
    issues += hist_issues

    options.progress(0.2, "dunning levels")
    chased = dunning.chased_items(items)  # open invoices less credits, taken once for all the tabs
    # amounts in several currencies are ranked by their worth at the Policy's rates
    rates = policy_rates(policy, [*customers.get("Currency", []), *items["Currency"]],
                         as_of)
    # the instalment each plan customer is reminded of, for the tab, its history and letters
    reminders = payment_plans.plan_reminders(schedule) if schedule is not None else None
    drafted = dunning.dunning_run(items, customers, as_of, policy, previous, schedule,
                                  arabic=book.arabic, chased=chased, rates=rates,
                                  reminders=reminders)
    # each receipt holds the letter of its own currency's account only
    # (a customer kept without a currency in the one its invoices name, as the ledger has it)
    paid_in = payment_plans.booked_currencies(received, items, customers, invoices,
                                              blank_currency(book), accounts) \
        if received is not None and len(received) else None
    # what the bank's receipts leave to collect once recorded: nothing, or the rest
    bank, after = bank_accounts(received, paid_in, items, policy, chased) \
        if paid_in is not None else (None, None)
    dun = hold_letters_of_payers(drafted, received, as_of, book.arabic, paid_in, bank)
    held = int(drafted["Letter"].astype(bool).sum() - dun["Letter"].astype(bool).sum())
    options.progress(0.35, "payment history and risk")
    due = due_dates(invoices, customers)
    paid = risk.paid_history(invoices, payments, due, as_of,
                             mover_currencies(payments, customers, invoices), customers)
    issues += list(rates.issues) if rates is not None else []
    # how late each customer pays: scored and expected from the one reading
    lateness = risk.paid_lateness(paid, customers, items, as_of)
    scores = risk.risk_scores(items, paid, customers, as_of, chased, lateness, rates)
    calls, visits = call_lists.severe_delays(dun, chased, customers, policy, scores, rates,
                                             bank, book.arabic)
    # listed by the books, not once the bank's receipts are recorded
    unlisted = call_lists.listed_count(dun, policy) - (len(calls) + len(visits)) \
        if bank is not None else 0
    # the instalments the bank's receipts pay once recorded, said beside the books' figures
    plan_tab, plans_then = plan_notes(schedule, plans_frame, payments, received, paid_in,
                                      as_of, customers, items, book.arabic, booked_in) \
        if schedule is not None else (pd.DataFrame(columns=[*payment_plans.SCHEDULE_COLUMNS,
                                                            "Note"]), None)
    # money the bank statement already shows is no receipt to come: the forecast expects
    # what is left once it is recorded
    expected = risk.expected_payments(items, scores, as_of, policy, plans_then,
                                      after if after is not None else chased,
                                      lateness=lateness)
    weekly = forecast.forecast_from_expected(expected, as_of, forecast.WEEKS, policy)
    history = dunning.merge_history(previous, dunning.history_rows(dun, as_of, schedule,
                                                                   reminders), as_of)

    options.progress(0.5, "letters")
    signature = policy.get("collections_signature") or policy.get("company_name") or None
    letters = build_letters(dun, items, schedule, levels, signature, invoices, chased,
                            reminders)
    files: list[Path] = []
    if options.out_dir is not None:
        folder = Path(options.out_dir) / "dunning"
        _drop_drafts(book, folder, as_of)
        if letters:
            files = _write_letters(book, letters, dun, items, due, as_of, folder, levels)

    money_ccy = weekly.attrs.get("currency")
    forecast_money = {c: "money" for c in weekly.columns if c.startswith("Expected Receipts")}
    tabs = [
        Tab("Dunning", dun, formats={**dunning.DUNNING_FORMATS,
                                     **_text("Customer ID", "Customer", "Currency", "Email",
                                             "Phone", "Next Action")},
            highlight=dun["Letter"].astype(bool),
            title=f"Dunning as of {as_of:%Y-%m-%d}: levels at "
                  + ", ".join(str(d) for d in dunning.levels_days(policy))
                  + " days overdue; one escalation a week; Letter = draft written"),
        Tab("Call List", calls, formats={**call_lists.LIST_FORMATS,
                                         **_text("Customer ID", "Customer", "Phone", "Email",
                                                 "Oldest Invoice", "Note")},
            title="Customers to call: oldest unpaid invoice past the firm-reminder level, "
                  "largest amount first"),
        Tab("Visit List", visits, formats={**call_lists.LIST_FORMATS,
                                           **_text("Customer ID", "Customer", "Phone",
                                                   "Oldest Invoice", "Note")},
            title="Customers to visit: oldest unpaid invoice past the last dunning level"),
        Tab("Payment Plan Schedule", plan_tab,
            formats={**payment_plans.SCHEDULE_FORMATS,
                     **_text("Plan", "Customer ID", "Customer", "Note")},
            title="Instalments of each payment plan; receipts fill them oldest first"),
        Tab("Payment Risk", scores, formats={**risk.RISK_FORMATS,
                                             **_text("Customer ID", "Customer", "Currency", "Basis")},
            title="Risk Score = 60 x min(avg days late, 60)/60 + 40 x share 30+ days overdue; "
                  "avg days late weighted by amount, halving every 180 days"),
        Tab("Expected Payments", expected, formats={**risk.EXPECTED_FORMATS,
                                                    **_text("Customer ID", "Customer",
                                                            "Invoice No", "Basis")},
            title="Each open invoice's expected payment date (due date + the customer's "
                  "average days late)"),
        Tab("Cash Forecast", weekly, formats={**forecast.FORECAST_FORMATS, **forecast_money},
            charts=[Chart("column", "Expected receipts by week"
                          + (f" ({money_ccy})" if money_ccy else ""), "Week Start",
                          ["Expected Receipts"])],
            title=f"13-week cash-collection forecast from {as_of:%Y-%m-%d}"
                  + (f", in {money_ccy}: {amount_text(weekly['Expected Receipts'].sum())} "
                     "in all" if money_ccy and len(weekly) else "") + _other_currencies(weekly)),
        Tab("Dunning History", history,
            formats={"Date": "date", "Level": "int", "Amount": "money",
                     **_text("Customer ID", "Level Name", "Currency", "Action")},
            title="Letters of every collections run (read back to pace escalations)"),
    ]
    if book.arabic:  # captions and explanations in the workbook's language
        tabs = _in_arabic(tabs)
    sent = int(dun["Letter"].sum()) if len(dun) else 0
    overdue = int((dun["Amount To Collect"] > 0).sum()) if len(dun) else 0
    total = float(weekly["Expected Receipts"].sum())
    summary = (f"Collections as of {as_of:%Y-%m-%d}: {overdue} customer row(s) overdue, "
               f"{sent} letter(s) due ({len([f for f in files if f.suffix == '.eml'])} drafts "
               f"written), {len(calls)} to call, {len(visits)} to visit, "
               f"{0 if schedule is None else schedule['Plan'].nunique()} payment plan(s); "
               f"13-week forecast {amount_in_units(total, decimals_of(money_ccy))}"
               f"{' ' + money_ccy if money_ccy else ''}")
    if held:
        summary += (f"; {held} letter(s) held: paid on the bank statement, not yet in "
                    "Payments")
    if unlisted:
        summary += (f"; {unlisted} call(s) or visit(s) held: paid on the bank statement, "
                    "not yet in Payments")
    options.progress(1.0, "collections done")
    return JobResult(tabs=tabs, issues=issues, summary=summary, files=files)


def _other_currencies(weekly: pd.DataFrame) -> str:
    """The caption's words on the forecast's other currencies, each totalled in its own
    column (amounts in different currencies are never added)."""
    others = [(c.removeprefix("Expected Receipts ").strip(), float(weekly[c].sum()))
              for c in weekly.columns if c.startswith("Expected Receipts ")]
    others = [(ccy, total) for ccy, total in others if ccy and total]
    if not others:
        return ""
    return "; in their own columns: " + ", ".join(
        f"{ccy} {amount_in_units(total, decimals_of(ccy))}" for ccy, total in others)


def _in_arabic(tabs: list[Tab]) -> list[Tab]:
    """The tabs as an Arabic workbook shows them: captions, chart titles and how each figure
    was reached (copies: the frames the job computed with are left as they are). A plan
    instalment's Status, the Risk Class and a plan instalment's key in Invoice No ('Plan P-1
    #2') stay English: codes, as the credit Status."""
    from dataclasses import replace

    from ar_excel.io.wording_ar import arabic_caption, arabic_chart, cell_text, translate_columns

    values = {"Payment Risk": {"Basis": cell_text},
              "Expected Payments": {"Basis": cell_text}}
    return [replace(t, title=arabic_caption(t.title),
                    frame=translate_columns(t.frame, values.get(t.name, {})),
                    charts=[arabic_chart(c) for c in t.charts]) for t in tabs]


def run(book: Book, options: JobOptions) -> JobResult:
    return collections_tabs(book, options)


JOB = Job(
    name="collections",
    help="Dunning levels and email drafts, call/visit lists, payment plans, payment risk "
         "and the 13-week cash forecast",
    run=run,
    month_end=True,
    needs=("Customers", "Invoices"),
)
