"""Job ``aging``: the ``Aging`` tab (one row per customer, buckets from the policy) with its
tie-out to the ledger and a chart of the buckets, and ``Aging Detail`` (every open item).

The ledger is taken as it stood on ``--as-of`` (default today): later invoices and receipts
do not exist yet. The tab's caption and the tie-out block under the table state the grand
total, the ledger's open balance and the difference, per currency.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.aging import (
    TieOut,
    aging_by_customer,
    aging_detail,
    bucket_labels,
    bucket_totals,
    fill_blank_currency,
    tie_out,
    undated_items,
)
from ar_excel.core.ledger import account_currencies, open_items
from ar_excel.core.local_currency import GUESSED, LocalCurrency, local_currency
from ar_excel.core.money import amount_in_units, amount_text, decimals_of
from ar_excel.io.cells_named import cells_named
from ar_excel.jobs import Job, JobOptions
from ar_excel.model import Book, Chart, Issue, JobResult, Tab, cell_ref
from ar_excel.policy import Policy

MAX_DETAIL_ROWS = 1_048_576 - 4  # Excel's rows less title, Arabic labels, header, spare


def _money(value: float, currency: object = None) -> str:
    """An amount in its currency's minor units: 13,000.750 KWD, as its tabs show it."""
    return amount_in_units(value, decimals_of(currency))


def tie_out_caption(as_of: pd.Timestamp, policy: Policy, checks: list[TieOut]) -> str:
    basis = "invoice date" if policy.aging_basis.lower().startswith("inv") else "due date"
    head = f"Aging as of {as_of:%Y-%m-%d} by {basis}"
    if not checks:
        return f"{head}: no open items; ledger open balance 0.00, difference 0.00"
    parts = []
    for c in checks:
        ccy = f" {c.currency}" if c.currency else ""
        verdict = "ties" if c.ties else "DOES NOT TIE"
        parts.append(f"grand total{ccy} {_money(c.aging_total, c.currency)} vs ledger open "
                     f"balance {_money(c.ledger_balance, c.currency)}: difference "
                     f"{_money(c.difference, c.currency)} ({verdict})")
    return f"{head}; " + "; ".join(parts)


def tie_out_block(checks: list[TieOut]) -> Tab:
    frame = pd.DataFrame({
        "Currency": [c.currency for c in checks],
        "Aging Grand Total": [c.aging_total for c in checks],
        "Ledger Open Balance": [c.ledger_balance for c in checks],
        "Difference": [c.difference for c in checks],
        "Check": ["OK" if c.ties else "DIFFERENCE" for c in checks],
    }, columns=["Currency", "Aging Grand Total", "Ledger Open Balance", "Difference", "Check"])
    money = dict.fromkeys(("Aging Grand Total", "Ledger Open Balance", "Difference"), "money")
    return Tab("Tie-out", frame, formats={**money, "Currency": "text", "Check": "text"},
               title="Tie-out: aging grand total vs the ledger's open balance")


def buckets_block(aging: pd.DataFrame, policy: Policy) -> Tab:
    """Bucket | one amount column per currency: the data behind the bucket chart."""
    totals = bucket_totals(aging, policy)
    labels = bucket_labels(policy.aging_buckets_days)
    frame = pd.DataFrame({"Bucket": labels})
    codes = totals["Currency"].fillna("").astype(str)
    currencies = list(dict.fromkeys(codes))
    for ccy in currencies:
        frame[ccy or "Amount"] = totals.loc[codes == ccy, "Amount"].to_numpy()
    if len(currencies) == 1:
        frame["Share %"] = totals["Share %"].to_numpy()
    value_columns = [c or "Amount" for c in currencies]
    title = "Open balance by bucket" + (f" ({currencies[0]})" if len(currencies) == 1
                                        and currencies[0] else "")
    return Tab("Buckets", frame,
               formats={**dict.fromkeys(value_columns, "money"), "Share %": "percent",
                        "Bucket": "text"},
               charts=[Chart("column", title, "Bucket", value_columns)] if value_columns else [],
               title="Grand total by bucket")


def _local_currency(book: Book) -> LocalCurrency:
    """The book's local currency and how it was found (``core.local_currency``), worked out
    once per book: every job of a month-end run asks, some twice."""
    key = ("local currency", "")
    if key not in book.worked_out:
        from ar_excel.io.fils_amounts import fils_without_a_currency

        book.worked_out[key] = local_currency(book.policy, book.named_currencies(),
                                              book.customers,
                                              fils=bool(fils_without_a_currency(book)))
    return book.worked_out[key]


def blank_currency(book: Book) -> str | None:
    """What a blank currency means in this book (``core.local_currency``'s rule): its local
    currency (a Business Central master leaves it blank, "LCY")."""
    return _local_currency(book).code


def ledger_blank(book: Book) -> str | None:
    """The blank currency the open-items ledger is built with (``open_items``' ``blank``):
    the book's where it counts in other than cents (a Kuwaiti dinar's fils), so amounts of
    customers kept without a currency keep their fils; else None, and ``fill_blank_currency``
    names it afterwards (the same items, and the ledger the month-end jobs share)."""
    code = blank_currency(book)
    return code if code and decimals_of(code) != 2 else None


def guessed_currency_issues(book: Book, items: pd.DataFrame) -> list[Issue]:
    """One Input Issue where open items without a currency are read as the only currency
    the workbook names because nothing else says the company's own currency (no Policy Base
    Currency, no customers' country or tax IDs): a guess a person should confirm. It names
    the blank Currency cells of those customers (else of their invoices)."""
    found = _local_currency(book)
    if found.source != GUESSED or not len(items):
        return []
    # customers with open items whose currency neither the master nor their invoices name
    named = account_currencies(book.customers, book.invoices).dropna()
    ids = set(items["Customer ID"].dropna()) - set(named.index)
    if not ids:
        return []
    for kind in ("Customers", "Invoices"):
        table = book.table(kind)
        if table is None or "Currency" not in table.frame or "Currency" not in table.letters:
            continue
        frame = table.frame
        blank = frame.index[frame["Currency"].isna() & frame["Customer ID"].isin(ids)]
        if not len(blank):
            continue
        cells = [table.cell(i, "Currency") for i in blank]
        what = ("customer" if kind == "Customers" else "invoice") + \
            (" has" if len(blank) == 1 else "s have")
        return [table.issue(blank[0], "Currency", (
            f"{len(blank)} {what} no currency ({cells_named(cells)}): read as "
            f"{found.code}, the only currency the workbook names; nothing says the company's "
            "own currency (set Base Currency on the Policy sheet, or the customers' Country)"))]
    return [Issue("Customers", "", "Currency", None, (
        f"open items without a currency are read as {found.code}, the only currency the "
        "workbook names; nothing says the company's own currency (set Base Currency on "
        "the Policy sheet, or the customers' Country)"))]


def aging_tab(book: Book, as_of: pd.Timestamp) -> tuple[Tab, pd.DataFrame, list, list[Issue]]:
    """The Aging tab, the open items it ages, its tie-out to the ledger, and issues about
    items that cannot be aged (the management pack needs no more than this)."""
    policy = book.policy
    items = open_items(book.customers, book.invoices, book.payments, as_of,
                       blank=ledger_blank(book))
    guessed = guessed_currency_issues(book, items)
    items = fill_blank_currency(items, blank_currency(book))
    aging = aging_by_customer(items, book.customers, policy)
    checks = tie_out(aging, items)
    labels = bucket_labels(policy.aging_buckets_days)
    money = dict.fromkeys([*labels, "Total"], "money")
    title = tie_out_caption(as_of, policy, checks)
    blocks = [tie_out_block(checks), buckets_block(aging, policy)]
    if book.arabic:  # the caption and the small tables in the workbook's language
        from ar_excel.io.wording_ar import (
            CHECKS,
            UNKNOWN_CUSTOMER_AR,
            arabic_block,
            arabic_caption,
            bucket_label,
            translate_columns,
        )

        title = arabic_caption(title)
        aging = translate_columns(aging, {"Customer": UNKNOWN_CUSTOMER_AR})
        blocks = [arabic_block(blocks[0], {"Check": CHECKS}),
                  arabic_block(blocks[1], {"Bucket": bucket_label})]
    tab = Tab(
        "Aging", aging,
        formats={**money, "Customer ID": "text", "Customer": "text", "Currency": "text"},
        title=title, blocks=blocks,
    )
    return tab, items, checks, guessed + _undated_issues(book, undated_items(items))


def _with_disputes(detail: pd.DataFrame, items: pd.DataFrame, book: Book) -> pd.DataFrame:
    """Aging Detail with a Disputed column (TRUE for an invoice in dispute: still aged and
    owed, not dunned) where the workbook marks any open invoice so; unchanged otherwise."""
    from ar_excel.core.collections.disputes import DISPUTED, dispute_log, mark_disputed

    if not len(items) or "Source Row" not in detail:
        return detail
    marked = mark_disputed(items, book.invoices, dispute_log(book))
    rows = set(marked.loc[marked[DISPUTED], "_row"].tolist())
    if not rows:
        return detail
    return detail.assign(Disputed=((detail["Item Type"] == "Invoice")
                                   & detail["Source Row"].isin(rows)).to_numpy())


def aging_tabs(book: Book, as_of: pd.Timestamp) -> tuple[list[Tab], list[Issue], str]:
    """The Aging and Aging Detail tabs, issues about items that cannot be aged, a summary."""
    policy = book.policy
    summary_tab, items, checks, issues = aging_tab(book, as_of)
    aging = summary_tab.frame
    detail = aging_detail(items, book.customers, policy)
    for column in ("Days Past Due", "Age Days"):  # blank for an undated item, not pd.NA
        detail[column] = detail[column].astype("float64")
    detail = _with_disputes(detail, items, book)
    detail_title = f"Open items as of {as_of:%Y-%m-%d}, each with its bucket"
    if len(detail) > MAX_DETAIL_ROWS:  # one sheet holds 1,048,576 rows
        detail_title += (f" (the first {MAX_DETAIL_ROWS:,} of {len(detail):,} items: more than"
                         " a sheet holds; the Aging tab includes them all)")
        detail = detail.head(MAX_DETAIL_ROWS)
    if book.arabic:
        from ar_excel.io.wording_ar import UNKNOWN_CUSTOMER_AR, arabic_caption, translate_columns

        # Item Type and Bucket stay English: codes (a bucket names its Aging column)
        detail_title = arabic_caption(detail_title)
        detail = translate_columns(detail, {"Customer": UNKNOWN_CUSTOMER_AR})
    detail_tab = Tab(
        "Aging Detail", detail,
        formats={"Customer ID": "text", "Customer": "text", "Document No": "text",
                 "Invoice No": "text", "Date": "date", "Due Date": "date", "Amount": "money",
                 "Open Amount": "money", "Days Past Due": "int", "Age Days": "int",
                 "Bucket": "text", "Source Row": "int", "Disputed": "bool"},
        title=detail_title,
    )
    ties = all(c.ties for c in checks)
    totals = ", ".join(f"{_money(c.aging_total, c.currency)}"
                       f"{' ' + c.currency if c.currency else ''}"
                       for c in checks) or "0.00"
    summary = (f"Aging as of {as_of:%Y-%m-%d}: {len(aging)} customer rows, {len(items)} open "
               f"items, grand total {totals} "
               + ("(ties to the ledger)" if ties else "(DOES NOT TIE to the ledger)"))
    return [summary_tab, detail_tab], issues, summary


def _undated_issues(book: Book, undated: pd.DataFrame) -> list[Issue]:
    """An open item without a date is aged as Current; say so at the cell that is blank."""
    issues = []
    for _, item in undated.iterrows():
        # (a receipt kept in the invoice list is a Payment item with its Invoice No)
        in_payments = item["Item Type"] == "Payment" and pd.isna(item["Invoice No"])
        kind, column = ("Payments", "Date") if in_payments else ("Invoices", "Invoice Date")
        table = book.table(kind)
        message = (f"{item['Document No'] or 'this item'} has no date, so it cannot be aged: "
                   f"its {amount_text(item['Open Amount'])} is shown under Current")
        index = None
        if table is not None and table.sheet_letters:  # (a list read from several sheets)
            index = table.record_at(int(item["_row"]), "Payment ID" if kind == "Payments"
                                    else "Invoice No", item["Document No"])
        if index is not None:  # (its own sheet and cell, where a list spans several sheets)
            issues.append(table.issue(index, column, message))
            continue
        sheet = table.sheet if table is not None else kind
        letter = table.letters.get(column) if table is not None else None
        header = table.headers.get(column, column) if table is not None else column
        # the column named as its sheet writes it (التاريخ), as the reader's issues name it
        issues.append(Issue(sheet, cell_ref(letter, int(item['_row'])), header, None, message))
    return issues


def run(book: Book, options: JobOptions) -> JobResult:
    as_of = pd.Timestamp(options.as_of).normalize()
    options.progress(0.1, "reading the ledger")
    tabs, issues, summary = aging_tabs(book, as_of)
    options.progress(1.0, "aging done")
    return JobResult(tabs=tabs, issues=issues, summary=summary)


JOB = Job(
    name="aging",
    help="Aging by customer as of a date (buckets from the Policy), tied out to the ledger",
    run=run,
    month_end=True,
    needs=("Customers", "Invoices"),
)
