"""Invoices go to known customers, in their currency, within their credit.

Rules:

* The invoice's Customer ID is in Customers, else UNKNOWN_CUSTOMER (Error): nobody can be
  dunned or reconciled for it.
* A Currency given on the invoice is the customer's Currency, else CURRENCY_MISMATCH
  (Warning: billing a Gulf customer in USD is common, but the amount may be read in the
  wrong money; a blank one means the customer's; a customer currency that is no ISO 4217
  code is left to the customer checks).
* A customer on Hold, or Closed, is not billed without approval: its open invoices of the
  current billing cycle (see ``BillingBook.cycle_start``) are CUSTOMER_ON_HOLD /
  CUSTOMER_CLOSED Errors; its older open invoices the same codes as Warnings (billed before
  the block, still to be collected). What the customer's own open credit notes naming an
  invoice take off it (an SAP cancellation, a return against it) is not open: an invoice
  they cancel in full is not reported (``credit_notes.credited``).
* OVER_CREDIT_LIMIT (Warning): where a limit is set and the open balance is over it, the
  open invoices that took it over, walked oldest first from the customer's credits
  (unapplied payments, credit notes): each invoice after which the running balance exceeds
  the limit. Open items come from the ledger as of the billing position date.
* INVOICE_BEFORE_CUSTOMER (Warning): where the master keeps the day each customer was
  created (``Created On``, ``Customer Since``, ``تاريخ الإنشاء``...), an invoice dated before
  it was billed to an account that did not exist yet: backdated, or keyed to the wrong
  customer. A creation day shared by at least 5 customers and a tenth of the master is the
  day the master was imported from an older system, not the customers' start: not judged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core import credit
from ar_excel.core.aging import fill_blank_currency
from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import DECIMALS, KEY, BillingBook
from ar_excel.core.billing.credit_notes import credited
from ar_excel.core.billing.findings import dates, empty, findings, money, text
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.core.ledger import open_balance
from ar_excel.core.money import decimals_of
from ar_excel.model import ROW
from ar_excel.names import match_key
from ar_excel.parsing import parse_date

# The master's column of the day each customer was created.
CREATED_HEADERS = frozenset(match_key(h) for h in (
    "Created", "Created On", "Created Date", "Creation Date", "Date Created", "Created At",
    "Customer Since", "Opening Date", "Account Opened", "Date Opened", "Open Date",
    "Account Creation Date", "تاريخ الإنشاء", "تاريخ الانشاء", "تاريخ الإضافة",
    "تاريخ التسجيل", "تاريخ فتح الحساب", "تاريخ إنشاء الحساب", "تاريخ بداية التعامل",
    "عميل منذ"))
_IMPORT_DAY_SHARE, _IMPORT_DAY_MIN = 0.1, 5


def _master(book: BillingBook) -> pd.DataFrame:
    return book.customers.drop_duplicates("Customer ID").set_index("Customer ID")


def unknown_customers(book: BillingBook) -> pd.DataFrame:
    """UNKNOWN_CUSTOMER: the invoice's customer is not in Customers."""
    inv = book.invoices
    known = set(book.customers["Customer ID"].dropna())
    bad = inv[inv["Customer ID"].notna() & ~inv["Customer ID"].isin(known)]
    return findings(
        "UNKNOWN_CUSTOMER", n=len(bad), sheet=book.sheet_of("Invoices", bad), row=bad[ROW],
        field="Customer ID", invoice=bad["Invoice No"], customer=bad["Customer ID"],
        amount=bad["Amount"], document=bad[KEY], arabic=book.arabic,
        params={"customer": text(bad["Customer ID"])},
    )


def currency_mismatch(book: BillingBook) -> pd.DataFrame:
    """CURRENCY_MISMATCH: the invoice's Currency is not the customer's."""
    inv = book.invoices
    theirs = inv["Customer ID"].map(_master(book)["Currency"])
    # a customer currency that is no ISO code is the customer checks' finding, not the invoice's
    valid = theirs.astype("string").str.strip().str.upper().isin(ISO_4217).fillna(False)
    bad_mask = inv["Currency"].notna() & valid.astype(bool) & (inv["Currency"] != theirs)
    bad = inv[bad_mask]
    return findings(
        "CURRENCY_MISMATCH", n=len(bad), sheet=book.sheet_of("Invoices", bad), row=bad[ROW],
        field="Currency", invoice=bad["Invoice No"], customer=bad["Customer ID"],
        amount=bad["Amount"], document=bad[KEY], arabic=book.arabic,
        params={"currency": text(bad["Currency"]), "expected": text(theirs[bad_mask])},
    )


def _with_invoice_rows(book: BillingBook, items: pd.DataFrame) -> pd.DataFrame:
    """Open invoice items with the invoice's key and decimals (by its Excel row)."""
    by_row = book.invoices.drop_duplicates(ROW).set_index(ROW)
    return items.assign(**{KEY: items[ROW].map(by_row[KEY]),
                           DECIMALS: items[ROW].map(by_row[DECIMALS]).fillna(2).astype("int64")})


def blocked_customers(book: BillingBook) -> pd.DataFrame:
    """CUSTOMER_ON_HOLD / CUSTOMER_CLOSED: open invoices of customers on Hold or Closed."""
    status = _master(book)["Status"].astype("object")
    blocked = set(status[status.isin(["Hold", "Closed"])].index)
    if not blocked:
        return empty()
    items = book.open_items
    items = items[(items["Item Type"] == "Invoice") & items["Customer ID"].isin(blocked)]
    items = _with_invoice_rows(book, items)
    # an invoice its own credit notes cancel (SAP's S1, a return against it) holds nothing
    # back: what they leave open is what the customer still owes on it
    left = items["Open Amount"] - items[KEY].map(credited(book)).fillna(0.0)
    items = items.assign(**{"Open Amount": left.clip(lower=0.0)})
    items = items[items["Open Amount"] >= 0.5 * 10.0 ** -items[DECIMALS].astype("float64")]
    parts = []
    for state, code in (("Hold", "CUSTOMER_ON_HOLD"), ("Closed", "CUSTOMER_CLOSED")):
        these = items[items["Customer ID"].map(status) == state]
        if len(these):
            current = (pd.to_datetime(these["Date"]) > book.cycle_start).to_numpy()
            parts.append(findings(
                code, n=len(these), sheet=book.sheet_of("Invoices", these), row=these[ROW],
                field="Customer ID", invoice=these["Invoice No"], customer=these["Customer ID"],
                amount=these["Amount"], document=these[KEY], arabic=book.arabic,
                severity=np.where(current, ERROR, WARNING),
                variant=np.where(current, None, "earlier").tolist(),
                params={"customer": text(these["Customer ID"]),
                        "amount": money(these["Open Amount"], these[DECIMALS]),
                        "date": dates(these["Date"])},
            ))
    return pd.concat(parts, ignore_index=True) if parts else empty()


def _counted(book: BillingBook, items: pd.DataFrame, limited: pd.Index
             ) -> tuple[pd.DataFrame, dict[object, str]]:
    """The open items of customers with a limit, in the currency each is weighed in, as the
    credit job counts them (``core.credit``): a limit the master keeps in another currency
    (SAP Business One's, 'EGP 50,000', 'Credit Limit (EGP)') in it, what is owed converted
    at the Policy's rates; other items into the customer's currency where a rate allows,
    else added as they stand (the contract's Over Limit on the sum). Also the currency of
    each customer whose items were converted or whose limit is in another currency (its
    message names it). A customer whose limit cannot be weighed (in another currency than
    some of what it owes, with no rate) is left out: its sum is no amount in the limit's
    currency, and the credit job's Input Issue at the limit's cell asks for the rate."""
    items = fill_blank_currency(items, book.blank_currency)
    stated = {cid: code for cid, code in book.limit_currencies.items() if cid in limited}
    # weighed on the open items alone: this check compares the balance, not the exposure
    limit_in, apart = credit.weighed_limits(items, stated, book.rates)
    master = book.customers[book.customers["Customer ID"].notna()].drop_duplicates(
        "Customer ID")
    counted, used, targets = credit.items_as_counted(items, master, book.rates, limit_in)
    own = master.set_index("Customer ID")["Currency"]
    named = {cid: targets.get(cid) or own.get(cid) for cid in {*used, *limit_in}}
    return (counted[~counted["Customer ID"].isin(set(apart))],
            {cid: c for cid, c in named.items() if isinstance(c, str) and c})


def over_credit_limit(book: BillingBook) -> pd.DataFrame:
    """OVER_CREDIT_LIMIT: the open invoices that took a customer's balance over its limit."""
    limit = _master(book)["Credit Limit"]
    limit = limit[limit.notna() & (limit > 0)]
    if limit.empty:
        return empty()
    items = book.open_items
    items, named = _counted(book, items[items["Customer ID"].isin(limit.index)], limit.index)
    balance = open_balance(items)
    over = balance[balance > limit.reindex(balance.index)].index
    items = items[items["Customer ID"].isin(over)]
    if items.empty:
        return empty()
    invoice = items["Item Type"] == "Invoice"
    credits = items[~invoice].groupby("Customer ID")["Open Amount"].sum()
    inv = _with_invoice_rows(book, items[invoice]).sort_values(
        ["Customer ID", "Date", "Invoice No", ROW], kind="stable")
    running = (inv["Customer ID"].map(credits).fillna(0.0)
               + inv.groupby("Customer ID")["Open Amount"].cumsum())
    cap = inv["Customer ID"].map(limit)
    hit = inv[running > cap + 0.005]
    running, cap = running[hit.index], cap[hit.index]
    # a balance converted, or weighed in its limit's other currency, names that currency:
    # it is not the invoice's
    ccy = hit["Customer ID"].map(named)
    places = [decimals_of(c) if isinstance(c, str) else p
              for c, p in zip(ccy.tolist(), hit[DECIMALS].tolist(), strict=True)]
    prefix = [f"{c} " if isinstance(c, str) else "" for c in ccy.tolist()]

    def said(values: pd.Series) -> list[str]:
        return [p + m for p, m in zip(prefix, money(values, places), strict=True)]

    return findings(
        "OVER_CREDIT_LIMIT", n=len(hit), sheet=book.sheet_of("Invoices", hit), row=hit[ROW],
        field="Amount", invoice=hit["Invoice No"], customer=hit["Customer ID"],
        amount=hit["Amount"], document=hit[KEY], arabic=book.arabic,
        params={"balance": said(running), "limit": said(cap),
                "excess": said(running - cap)},
    )


def _created_days(customers: pd.DataFrame) -> pd.Series | None:
    """Each customer's creation day from the master's column for it, or None."""
    column = next((c for c in customers.columns if isinstance(c, str)
                   and not c.startswith("_") and match_key(c) in CREATED_HEADERS), None)
    if column is None:
        return None

    def day(value: object) -> pd.Timestamp:
        try:
            return pd.Timestamp(parse_date(value))
        except (TypeError, ValueError, OverflowError):  # blank or no date: not judged
            return pd.NaT

    first = customers.drop_duplicates("Customer ID")
    days = pd.Series([day(v) for v in first[column].tolist()], index=first["Customer ID"],
                     dtype="datetime64[ns]")
    shared = days.map(days.value_counts())
    imported = (shared >= _IMPORT_DAY_MIN) & (shared >= _IMPORT_DAY_SHARE * len(days))
    return days.where(~imported)


def invoices_before_customer(book: BillingBook) -> pd.DataFrame:
    """INVOICE_BEFORE_CUSTOMER: an invoice dated before its customer was created."""
    created = _created_days(book.customers)
    if created is None:
        return empty()
    inv = book.invoices
    since = inv["Customer ID"].map(created)
    dated = pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    bad_mask = (since.notna() & dated.notna() & (dated < since) & (inv["Amount"] > 0)).fillna(
        False).astype(bool)
    bad = inv[bad_mask]
    if bad.empty:
        return empty()
    days = (since[bad_mask] - dated[bad_mask]).dt.days
    return findings(
        "INVOICE_BEFORE_CUSTOMER", n=len(bad), sheet=book.sheet_of("Invoices", bad),
        row=bad[ROW], field="Invoice Date", invoice=bad["Invoice No"],
        customer=bad["Customer ID"], amount=bad["Amount"], document=bad[KEY],
        arabic=book.arabic,
        params={"date": dates(bad["Invoice Date"]), "customer": text(bad["Customer ID"]),
                "created": dates(since[bad_mask]), "days": [str(int(d)) for d in days]},
    )
