"""``ar-excel credit``: credit status per customer, reviews due and limit requests, as of a date.

Writes ``Credit Status`` (the contract's columns, then Currency, Open Orders, Unapplied
Credits, Customer Status, Next Credit Review, Reason, Note; a title ties the Open Balance
total to the ledger), ``Credit Reviews`` (reviews overdue or due within the notice period,
Policy key ``credit_review_notice_days``, default 30) and, when the workbook has a
``Credit Requests`` sheet, ``Credit Requests Review`` with a recommendation per request.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core import credit, credit_requests
from ar_excel.core.aging import fill_blank_currency
from ar_excel.core.collections.disputes import dispute_log, mark_disputed
from ar_excel.core.customers.check_context import flagged_for_deletion
from ar_excel.core.customers.duplicate_checks import same_company
from ar_excel.core.customers.parents import parent_accounts
from ar_excel.core.fx import Rates, policy_rates
from ar_excel.core.ledger import open_items
from ar_excel.core.money import amount_text, round_total
from ar_excel.core.per_run import once_per_run
from ar_excel.io.limit_currencies import (
    COMPANY,
    HEADED,
    SAP_B1,
    TYPED,
    LimitCurrency,
    company_currency_unknown,
    limit_currencies,
)
from ar_excel.jobs import Job, JobOptions
from ar_excel.jobs.aging import blank_currency, ledger_blank
from ar_excel.model import Book, Issue, JobResult, Tab

STATUS_TAB = "Credit Status"
REVIEWS_TAB = "Credit Reviews"
REQUESTS_TAB = "Credit Requests Review"


def _notice_days(book: Book) -> int:
    try:
        return int(float(book.policy.get("credit_review_notice_days", 30)))
    except (TypeError, ValueError):
        return 30


def _totals(status: pd.DataFrame, items: pd.DataFrame,
            counted: pd.Series) -> tuple[str, str, str, str]:
    """The tab's Open Balance total and the ledger's as the tab counts it (``counted``:
    ``credit.ledger_as_counted``, which the tie is judged on), as text, "=" or "≠", and the
    ledger in its items' own currencies: one figure each in a one-currency book, else one per
    currency (amounts in different currencies are never added)."""
    ledger = items["Open Amount"].astype("float64").groupby(
        items["Currency"].fillna("").astype(str)).sum()
    tab = status["Open Balance"].astype("float64").groupby(
        status["Currency"].fillna("").astype(str)).sum()
    codes = _codes(tab, counted)
    tie = "=" if all(abs(round_total(tab.get(c, 0.0)) - round_total(counted.get(c, 0.0)))
                     < 0.0005 for c in codes) else "≠"
    tab_text, counted_text = _totals_text(tab, counted)
    return tab_text, counted_text, tie, _totals_text(tab, ledger)[1]


def _codes(tab: pd.Series, ledger: pd.Series) -> list[str]:
    # a customer without items or currency adds a blank code holding nothing: left out
    return [c for c in sorted(set(ledger.index) | set(tab.index))
            if abs(tab.get(c, 0.0)) >= 0.0005 or abs(ledger.get(c, 0.0)) >= 0.0005]


def _totals_text(tab: pd.Series, ledger: pd.Series) -> tuple[str, str]:
    codes = _codes(tab, ledger)
    if len(codes) <= 1:
        return amount_text(round_total(tab.sum())), amount_text(round_total(ledger.sum()))

    def text(sums: pd.Series) -> str:
        return ", ".join(f"{c or '(no currency)'} {amount_text(round_total(sums.get(c, 0.0)))}"
                         for c in codes)

    return text(tab), text(ledger)


def _converted(status: pd.DataFrame) -> bool:
    """Some row's Note says its items were converted at the Policy's rates."""
    if "Note" not in status:
        return False
    note = status["Note"].astype("string").fillna("")
    return bool(note.str.contains("converted|محوّلة|محولة|حُولت|حولت", regex=True).any())


# Why a limit is in another currency than its customer's, as the Input Issue says it
_KEPT = {TYPED: "as typed", HEADED: "as its column is headed",
         COMPANY: "its column is in the company's own currency",
         SAP_B1: "SAP Business One keeps a credit limit in the company's own currency"}


def _not_compared(book: Book, items: pd.DataFrame, stated: dict[object, LimitCurrency],
                  rates: Rates | None, orders_open: pd.Series) -> list[Issue]:
    """An Input Issue at each Credit Limit cell in one currency whose customer owes (or has
    on order: ``orders_open``) in another that no exchange rate converts into it: Credit
    Status leaves it uncompared (``credit.weighed_limits``, as it decides)."""
    table = book.table("Customers")
    if table is None or not stated:
        return []
    master = book.customers.dropna(subset=["Customer ID"]).drop_duplicates("Customer ID")
    apart = credit.weighed_limits(items[items["Customer ID"].notna()],
                                  {cid: found.code for cid, found in stated.items()}, rates,
                                  master, orders_open)[1]
    if not apart:
        return []
    return [table.issue(stated[cid].index, "Credit Limit", (
        f"customer {cid}'s credit limit is in {stated[cid].code} ({_KEPT[stated[cid].how]}) "
        f"and it owes in {', '.join(owed)}: no exchange rate in the Policy for "
        f"{', '.join(owed)} to {stated[cid].code}, so Credit Status does not compare them; "
        "give the rate (exchange_rates)"))
        for cid, owed in apart.items()]


def _rates_named(rates: Rates) -> str:
    """Where the exchange rates came from, as the tab's title names them (``Rates.source``)."""
    kind, name = rates.source if len(rates.source) == 2 else ("", "")
    if kind == "sheet":
        return f"the exchange rates of sheet '{name}'"
    if kind == "invoices":
        return f"the invoices' own exchange rates (column '{name}')"
    return "the Policy's exchange rates"


def limit_terms(book: Book, currencies: list[object], as_of: date
                ) -> tuple[Rates | None, str | None, dict[object, LimitCurrency]]:
    """What a credit limit is weighed in: the Policy's exchange rates (``currencies``: those
    the book names), the book's own currency (what a blank one means) and the limits the
    master keeps in another currency than their customer's. The invoice checks' credit
    limit takes them from here too, so both jobs compare a limit alike."""
    rates = policy_rates(book.policy, currencies, as_of)
    local = blank_currency(book)
    if rates is not None and rates.base is None and local and local not in rates.rates:
        # 'USD=48.50' in a book whose own currency is EGP is against EGP, though no customer
        # or item names EGP (its customers leave their Currency blank)
        rates = Rates(rates.rates, local, rates.issues, rates.source)
    # a limit in another currency than its customer's (typed 'EGP 50,000', SAP Business
    # One's in the company's currency): compared in its own, what is owed converted into it
    company = local or (rates.base if rates is not None else None)
    # validate, credit and invoices each ask in a month-end run: the master walked once
    stated = once_per_run(("limit currencies", company),
                          (book, book.tables.get("Customers"), book.tables.get("Invoices")),
                          lambda: limit_currencies(book, company))
    return rates, local, stated


def run(book: Book, options: JobOptions) -> JobResult:
    as_of = options.as_of
    customers = book.customers
    invoices = book.invoices
    payments = book.payments
    options.progress(0.1, "building the open items ledger")
    # a blank currency is the book's, as in the Aging tab (a book kept in one currency)
    items = fill_blank_currency(open_items(customers, invoices, payments, as_of,
                                           blank=ledger_blank(book)), blank_currency(book))
    # an invoice in dispute still holds the account; its Reason says it is in dispute
    items = mark_disputed(items, invoices, dispute_log(book))
    rates, local, stated = limit_terms(book, [*customers.get("Currency", []),
                                              *items["Currency"]], as_of)
    table = book.table("Customers")
    # one company under several accounts, as the master's duplicate checks find it
    same = same_company(table, book.policy, as_of) if table is not None and len(
        table.frame) else None
    limit_in = {cid: (found.code, found.how) for cid, found in stated.items()}
    # the open orders, once: Credit Status weighs a limit with them, and its Input Issue and
    # its tie to the ledger leave the same limits uncompared
    orders_open = credit.open_orders(book.frame("Orders"), as_of, places=None)
    status = credit.credit_status(customers, items, book.policy, book.frame("Orders"), as_of,
                                  book.arabic, rates, same, limit_in, orders_open,
                                  parent_accounts(customers))
    issues = [*(rates.issues if rates is not None else ()),
              *_not_compared(book, items, stated, rates, orders_open),
              *company_currency_unknown(book, local or (rates.base if rates is not None
                                                        else None))]

    counted, moved = credit.ledger_as_counted(status, items, customers, rates, limit_in,
                                              orders_open)
    tab_totals, ledger_totals, tie, own = _totals(status, items, counted)
    title = (f"As of {pd.Timestamp(as_of):%Y-%m-%d}: Open Balance total "
             f"{tab_totals} {tie} ledger open balance {ledger_totals}"
             + ("" if not moved else
                f" (other currencies converted at {_rates_named(rates)}; in their own "
                f"currencies: {own})"
                if rates is not None and _converted(status) else
                " (other currencies added to their customer's currency as they stand: no "
                f"exchange rate; in their own currencies: {own})"))
    if book.arabic:
        from ar_excel.io.wording_ar import arabic_caption

        title = arabic_caption(title)
    tabs = [Tab(STATUS_TAB, status, formats=credit.FORMATS, title=title,
                highlight=status["Status"].isin(["Hold", "Over Limit"]))]

    # a record flagged for deletion or disabled is given no credit: no review due on it
    ids = customers["Customer ID"] if "Customer ID" in customers else pd.Series(dtype=object)
    retired = ids.loc[list(flagged_for_deletion(dict(customers.items())))]
    reviews = credit.reviews_due(status, as_of, _notice_days(book), book.arabic, retired)
    tabs.append(Tab(REVIEWS_TAB, reviews, formats={
        "Next Credit Review": "date", "Days To Review": "int", "Credit Limit": "money",
        "Exposure": "money", "Utilization %": "percent"},
        highlight=reviews["Days To Review"] < 0))

    requests = book.frame("Credit Requests")
    decided = None
    if requests is not None:
        options.progress(0.7, "reviewing credit requests")
        table = book.table("Credit Requests")
        typed = table.raw.get("Requested Limit") if table is not None else None
        # what is owed and late in the currency Credit Status weighs each customer in (a
        # USD credit note converted at the Policy's rate, not set as 200 against EGP arrears)
        as_counted = credit.counted_items(items, customers, rates, limit_in, orders_open)
        record = credit_requests.payment_record(customers, invoices, payments, as_of, items)
        decided = credit_requests.recommend(requests, status, record, as_counted, book.policy,
                                            book.arabic, typed)
        tabs.append(Tab(REQUESTS_TAB, decided, formats=credit_requests.FORMATS,
                        highlight=decided["Recommendation"] == "Decline"))

    counts = status["Status"].value_counts()
    summary = (f"{len(status)} customers as of {pd.Timestamp(as_of):%Y-%m-%d}: "
               + ", ".join(f"{counts.get(s, 0)} {s}" for s in credit.STATUS_ORDER)
               + f"; {len(reviews)} credit reviews due")
    if decided is not None:
        verdicts = decided["Recommendation"].value_counts()
        summary += "; requests: " + ", ".join(
            f"{verdicts.get(v, 0)} {v}" for v in ("Approve", "Refer", "Decline"))
    return JobResult(tabs=tabs, issues=issues, summary=summary)


JOB = Job(
    name="credit",
    help="credit status per customer (limit, exposure, overdue, hold), reviews due, "
         "recommendations on credit requests",
    run=run,
    month_end=True,
    needs=("Customers", "Invoices"),
)
