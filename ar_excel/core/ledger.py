"""The receivables ledger as it stood on a date: which items are open, and for how much.

Rules (the contract's, made explicit):

* A blank invoice currency is the customer's (the master's, else the one currency its other
  invoices name). A receipt is in its Payments row's own Currency where it states one, else
  in that of the invoice it names, else its customer's (``currency_of_receipts``): an EGP
  customer's 130 paying a USD 100 invoice leaves USD 30 on account, and its USD 1,000 kept
  on account is USD 1,000, not EGP 1,000, as the KPIs and statements count that receipt.
* A receipt is applied only to an invoice in its own currency: EGP 19,600 naming USD
  invoice X-1 pays nothing of it (amounts are never converted); it stays on account as
  EGP 19,600 and X-1 stays open, and the reader's Input Issue says so at its Currency cell.
* An invoice's due date is its Due Date, or when blank its Invoice Date plus its own Payment
  Terms where the invoice list states them, else the customer's (no terms known: due on
  the invoice date); end-of-month terms ("Net 30 EOM") count from the last day of the
  invoice's month.
* Invoices dated after the as-of date and payments dated after it do not exist yet, so an
  invoice paid after the as-of date is still open in that ledger.
* A payment that names an invoice is applied to that invoice in date order, never beyond the
  invoice's amount; the excess, payments that name no invoice, an unknown invoice or a credit
  note, and negative payments (refunds) stay open on the customer's account.
* A refund pays out a credit the customer holds: it settles the credit note or receipt it
  names, then the customer's oldest credits in its currency (credit notes, cash on account);
  only what exceeds them stays open, as a debit (``refunds_settle_credits``).
* Credit notes (negative invoices) stay open at their full amount, due on their own date.
* A workbook that records no payments but keeps its invoice list as open items (a Balance or
  Paid Amount column) is taken at its word: an invoice is open for its Balance, else its
  Amount less Paid Amount, within the invoice's amount. Those columns tell what is open now,
  not when it was paid, so they hold for any as-of date; with a Payments sheet they are not
  used (the payments are the record). But for the settlements the list keeps as dated rows
  (its receipts, its applied credit notes): one dated after the as-of date was not yet made,
  so the invoices it settled still owed that part then (``statements.owed_on``, the pairing
  of the customer's statement), as an invoice paid by a later Payments row is still open.
* A returned cheque (a negative Payments row whose Method says so) and the receipt it
  reverses pay nothing: the invoice is open again, nothing is left on account
  (``core.returned_cheques``).
* Amounts are exact to their currency's minor unit (``ar_excel.core.money``): a KWD invoice
  of 1,234.125 is open for 1,234.125, an EGP one of 1,140.0456 for 1,140.05; an item below
  half a unit of its currency (half a piastre, half a fils) is settled.
* A receipt kept in the invoice list (a running-balance ledger's credit row) that the
  reader found naming one invoice of its customer (``PAYS_INVOICE``) pays that invoice as a
  Payments row naming it would; what exceeds it stays on account (``io.receipts_naming_invoices``).
* Signs: invoices positive, credit notes and money received negative; a customer's balance is
  the plain sum of its open items.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import count, repeat
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.money import DEFAULT_DECIMALS, decimals_of, half_units, round_money
from ar_excel.core.per_run import once_per_run, sharing
from ar_excel.core.returned_cheques import reversed_in_list, reversed_pairs
from ar_excel.model import ROW
from ar_excel.schema import ORDER_REFERENCES, TERMS_EOM

PAYS_INVOICE = "_pays_invoice"  # the invoice a credit row of the invoice list pays
# a row of an aging report (its amount beside age-band columns: ``io.age_band_amounts``): the
# list holds what is open only, the invoices paid and the receipts that paid them left out
AGED_REPORT = "_aged_report"
# what a sale paid at the till was sold for (``io.erp_entries``' walk-in sales): its Amount
# counts 0 as a receivable (no one owes it, nothing is received for it later), the invoice
# checks take it at this amount (its net and tax add up to it)
TILL_AMOUNT = "_till_amount"
CENT = 0.005  # below half a cent an item of a two-decimal currency is settled

OPEN_ITEM_COLUMNS = [
    "Customer ID", "Item Type", "Document No", "Invoice No", "Date", "Due Date", "Currency",
    "Amount", "Open Amount", "Days Past Due", ROW,
]


def _timestamp(as_of: date | datetime | pd.Timestamp | None) -> pd.Timestamp:
    return pd.Timestamp(date.today() if as_of is None else as_of).normalize()


def terms_from_month_end(invoices: pd.DataFrame, customers: pd.DataFrame) -> pd.Series:
    """For each invoice whose terms (its own where it states them, else its customer's)
    count from a month's end ("Net 30 EOM"): from the end of which month, 0 for its own, 1
    for the next; blank (NA) for terms counted from the invoice date."""
    months = pd.Series(pd.NA, index=invoices.index, dtype="Int64")
    if TERMS_EOM in customers:
        flags = customers.drop_duplicates("Customer ID").set_index("Customer ID")[TERMS_EOM]
        months = invoices["Customer ID"].map(flags).astype("Int64")
    if "Payment Terms" in invoices:
        own = invoices["Payment Terms"]
        mine = invoices[TERMS_EOM] if TERMS_EOM in invoices else pd.Series(
            pd.NA, index=invoices.index, dtype="Int64")
        months = months.where(own.isna(), mine)
    return months.astype("Int64")


def due_dates(invoices: pd.DataFrame, customers: pd.DataFrame) -> pd.Series:
    """Due Date where given, else Invoice Date + the invoice's own Payment Terms in days
    where it states them, else the customer's."""
    terms = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Payment Terms"]
    given = pd.to_datetime(invoices["Due Date"])
    blank = given.isna().to_numpy()
    # the terms are looked up for the invoices without a due date only: the others keep theirs
    days = np.zeros(len(invoices))
    month_end = np.full(len(invoices), _NO_MONTH_END)  # after which month's end
    if blank.any():
        looked_up = invoices["Customer ID"][blank].map(terms)
        if "Payment Terms" in invoices:  # the invoice's own terms, where it states them
            own = invoices["Payment Terms"][blank]
            looked_up = own.where(own.notna(), looked_up)
        days[blank] = pd.to_numeric(looked_up, errors="coerce").fillna(0).astype("float64")
        if TERMS_EOM in customers or TERMS_EOM in invoices:
            month_end[blank] = terms_from_month_end(invoices[blank], customers).fillna(
                _NO_MONTH_END).to_numpy(dtype="int64")
    dated = pd.to_datetime(invoices["Invoice Date"])
    start = dated
    for months in sorted(set(month_end[month_end != _NO_MONTH_END].tolist())):
        # "Net 30 EOM": the days count from the end of the invoice's month (or the next's);
        # "25th of current month" (-1) from the end of the month before the invoice's
        at = month_end == months
        ends = start[at] + pd.offsets.MonthEnd(0)
        start = start.where(~at, ends + pd.offsets.MonthEnd(months) if months > 0 else
                            ends - pd.offsets.MonthEnd(-months) if months else ends)
    computed = start + pd.to_timedelta(pd.Series(days, index=invoices.index), unit="D")
    if (this_month := month_end == -1).any():
        # a day of the invoice's own month already past when it was raised: due at once,
        # never before the invoice
        computed = computed.where(~this_month | (computed >= dated), dated)
    return given.fillna(computed)


_NO_MONTH_END = -99  # (due_dates: terms counted from the invoice date)


def account_currencies(customers: pd.DataFrame, invoices: pd.DataFrame) -> pd.Series:
    """Each customer's currency (what a blank invoice or receipt currency stands for): the
    master's, else the one currency the customer's invoices name (a customer kept without a
    currency whose invoices say EGP is an EGP account)."""
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    named = invoices["Currency"].notna()
    if not named.any():
        return master
    kept_blank = master.isna().any()
    if not kept_blank:
        # every master customer has its currency: only the invoices of customers missing
        # from it can add one (the master's are kept as they are)
        named &= ~invoices["Customer ID"].isin(master.index)
        if not named.any():
            return master
    pairs = invoices.loc[named, ["Customer ID", "Currency"]].drop_duplicates()
    only = pairs.drop_duplicates("Customer ID", keep=False).set_index("Customer ID")["Currency"]
    filled = master.where(master.notna(), master.index.to_series().map(only))
    extra = only[~only.index.isin(master.index)]
    return pd.concat([filled, extra]) if len(extra) else filled


def _existing(frame: pd.DataFrame, column: str, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Rows that exist on the as-of date (an undated row is taken to exist)."""
    if as_of is None:
        return frame
    dates = pd.to_datetime(frame[column])
    exists = dates.isna() | (dates <= as_of)
    return frame if exists.all() else frame[exists]


def applications(invoices: pd.DataFrame, payments: pd.DataFrame,
                 as_of: date | datetime | None = None,
                 customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each recorded payment went to the invoice it names.

    Returns one row per payment: Payment ID, Customer ID, Date, Amount, Invoice No,
    Applied Amount (0 when nothing could be applied), Unapplied Amount, and the payment's
    ``_row``. Payments to one invoice are applied oldest first, up to the invoice's amount.
    Amounts are exact to the customer's currency (``customers``' Currency, else the one its
    invoices name).
    """
    cutoff = None if as_of is None else _timestamp(as_of)
    inv = _existing(invoices, "Invoice Date", cutoff)
    pay = _existing(payments, "Date", cutoff)
    if _list_receipts_pay(inv, payments):
        inv, pay = _receipts_as_payments(inv, pay)
    currency = None
    master = customers if customers is not None and "Currency" in customers else \
        pd.DataFrame({"Customer ID": pd.Series(dtype=object),
                      "Currency": pd.Series(dtype=object)})
    if "Currency" in invoices:  # each customer's currency, else the one its invoices name
        currency = account_currencies(master, invoices)
    return _applications(inv, pay, currency, _master_currencies(master))[0]


def _master_currencies(customers: pd.DataFrame) -> pd.Series:
    """Each customer's Currency as its master row says it (none guessed)."""
    if "Currency" not in customers:
        return pd.Series(dtype=object)
    return customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]


def _other_decimals(currency: pd.Series | None, *more: pd.Series) -> bool:
    """Whether any of these currencies counts in other than hundredths (KWD, JPY...)."""
    codes = [] if currency is None else [currency]
    return any(decimals_of(c) != DEFAULT_DECIMALS
               for s in (*codes, *more) for c in pd.unique(s.to_numpy(dtype=object)))


@dataclass
class _InvoiceKeys:
    """Invoice numbers as integer codes shared by the invoices and the payments that name
    them (-1: a payment naming none): each number hashed once, not once per lookup."""

    inv: np.ndarray
    pay: np.ndarray
    count: int

    @staticmethod
    def of(inv: pd.DataFrame, pay: pd.DataFrame) -> _InvoiceKeys | None:
        """None where the general path must decide (an invoice without a number, amounts
        not plain floats)."""
        numbers = inv["Invoice No"]
        if numbers.isna().any() or inv["Amount"].dtype != np.float64:
            return None
        # an invoice number's code is the row of its first invoice (one dict, built by C
        # loops: many times faster than sorting or re-hashing the texts)
        first: dict[Any, int] = {}
        codes = np.fromiter(map(first.setdefault, numbers.to_numpy(dtype=object), count()),
                            dtype=np.int64, count=len(inv))
        named = pay["Invoice No"].to_numpy(dtype=object)
        paying = np.fromiter(map(first.get, named, repeat(-1)), dtype=np.int64, count=len(named))
        return _InvoiceKeys(codes, paying, len(inv))

    def target(self, amounts: pd.Series, index: pd.Index) -> pd.Series:
        """For each payment, the amount of the first invoice with a positive amount and the
        number it names; NaN where there is none."""
        values = amounts.to_numpy()
        positive = np.flatnonzero(values > 0)
        codes, first = np.unique(self.inv[positive], return_index=True)
        amount_of = np.full(self.count + 1, np.nan)  # the last place: "no invoice" (-1)
        amount_of[codes] = values[positive[first]]
        return pd.Series(amount_of[self.pay], index=index)

    def paid(self, apps: pd.DataFrame, index: pd.Index) -> pd.Series:
        """For each invoice row, the sum applied to its number; 0 for a repeated number."""
        named = apps["Invoice No"].notna().to_numpy()
        sums = apps["Applied Amount"][named].groupby(self.pay[named], sort=False).sum()
        per_code = np.full(self.count + 1, np.nan)
        per_code[sums.index.to_numpy()] = sums.to_numpy()
        first = self.inv == np.arange(len(self.inv))  # a number's code is its first row
        return pd.Series(per_code[self.inv], index=index).fillna(0.0).where(first, 0.0)


def _invoice_amounts(inv: pd.DataFrame) -> pd.Series:
    """Amount by invoice number: the first invoice with a positive amount under each number
    (a credit note or a zero line takes no payment)."""
    known = inv[inv["Amount"] > 0].drop_duplicates("Invoice No")
    return known.set_index("Invoice No")["Amount"]


def _applications(inv: pd.DataFrame, pay: pd.DataFrame, currency: pd.Series | None = None,
                  master: pd.Series | None = None
                  ) -> tuple[pd.DataFrame, _InvoiceKeys | None, pd.Series | None]:
    """``applications`` of the invoices and payments that exist, the invoice keys used, and
    each payment's currency where some currency has other than two decimals (else None);
    a payment is in its own Currency, else its customer's ``currency`` (Customer ID ->
    code; None: two decimals). A receipt stating another currency than the invoice it names
    pays none of it, where the invoice's currency is said: its own Currency, else its
    customer's in ``master`` (the Currency the master gives, none guessed; None: ``currency``),
    the invoices the reader's Input Issue names (``io.erp_entries``)."""
    keys = _InvoiceKeys.of(inv, pay)
    amount = pay["Amount"].fillna(0.0).astype("float64")
    invoice_amount = None
    if keys is None:
        invoice_amount = _invoice_amounts(inv)
        target = pay["Invoice No"].map(invoice_amount)
    else:
        target = keys.target(inv["Amount"], pay.index)
    # A payment naming no invoice is on account, even where an invoice lacks its number too.
    applicable = target.notna() & (amount > 0) & pay["Invoice No"].notna()
    # a receipt in another currency than the invoice it names pays none of it: amounts are
    # never converted, so EGP 19,600 is no USD 19,600 (it stays on account, in EGP)
    stated = stated_currencies(pay)
    if stated.notna().any():
        theirs = _named_currencies(pay, inv, currency if master is None else master,
                                   positive=True)
        applicable &= ~(stated.notna() & theirs.notna() & stated.ne(theirs))
    # a returned cheque and the receipt it reverses pay nothing, and leave nothing on account
    reversed_ = reversed_pairs(pay)
    applicable &= ~reversed_

    applied = pd.Series(0.0, index=pay.index)
    if applicable.any() and not _apply_in_date_order(
            pay, amount, target, applicable, applied,
            keys.pay if keys is not None else invoice_amount.index.get_indexer):
        if invoice_amount is None:
            invoice_amount = _invoice_amounts(inv)
        order = pay[applicable].assign(_amount=amount[applicable])
        order = order.sort_values(["Invoice No", "Date", ROW], kind="stable", na_position="last")
        paid_before = order.groupby("Invoice No")["_amount"].cumsum() - order["_amount"]
        room = (order["Invoice No"].map(invoice_amount) - paid_before).clip(lower=0.0)
        applied.loc[order.index] = np.minimum(order["_amount"], room)

    pay_currency = None
    if currency is not None and _other_decimals(
            currency, stated, *([inv["Currency"]] if "Currency" in inv else [])):
        # each receipt counted in its own currency (``currency_of_receipts``): a KWD
        # customer's USD receipt in cents, an EGP customer's receipt paying its KWD invoice
        # in fils (counted in piastres, its KWD 100.125 paid 100.13 of 100.125)
        pay_currency = _receipt_currencies(pay, inv, currency)
    out = pd.DataFrame({
        "Payment ID": pay["Payment ID"],
        "Customer ID": pay["Customer ID"],
        "Date": pd.to_datetime(pay["Date"]),
        "Amount": amount,
        "Invoice No": pay["Invoice No"].where(applied > 0, None),
        "Applied Amount": round_money(applied, pay_currency),
        "Unapplied Amount": round_money((amount - applied).where(~reversed_, 0.0),
                                        pay_currency),
        ROW: pay[ROW],
    })
    return out, keys, pay_currency


def _apply_in_date_order(pay: pd.DataFrame, amount: pd.Series, target: pd.Series,
                         applicable: pd.Series, applied: pd.Series,
                         codes: np.ndarray | Callable[[pd.Series], np.ndarray]) -> bool:
    """``applications``' rule for typed columns (dated payments with row numbers, invoice
    numbers given): each invoice's payments oldest first (undated last, then by row), each
    applied up to what the invoice still has open. The invoices are told apart by integer
    ``codes`` (one per payment, or the function giving them) rather than sorted by their
    text, which gives the same groups and the same order within each, so the same running
    sums. False when the columns are not of that shape (the caller's general path then
    applies)."""
    dates, rows, numbers = pay["Date"], pay[ROW], pay["Invoice No"]
    if not (pd.api.types.is_datetime64_dtype(dates) and pd.api.types.is_integer_dtype(rows)
            and rows.dtype != object and pay.index.is_unique):
        return False
    where = np.flatnonzero(applicable.to_numpy())
    invoice = numbers.iloc[where]
    if invoice.isna().any():
        return False
    codes = codes[where] if isinstance(codes, np.ndarray) else codes(invoice)
    day = dates.iloc[where].to_numpy().astype("datetime64[ns]")
    undated = np.isnat(day)
    row = rows.iloc[where].to_numpy()
    # a stable sort keeps the rows' order among equal keys: a key that only repeats that
    # order (rows ascending, as read; every payment dated) need not be sorted on
    keys = ([] if (np.diff(row) >= 0).all() else [row]) + [day.view("int64")] + (
        [undated] if undated.any() else []) + [codes]
    order = np.lexsort(keys)
    paid = pd.Series(amount.iloc[where].to_numpy()[order])
    paid_before = paid.groupby(codes[order]).cumsum() - paid
    room = (pd.Series(target.iloc[where].to_numpy()[order]) - paid_before).clip(lower=0.0)
    values = applied.to_numpy().copy()
    values[where[order]] = np.minimum(paid, room).to_numpy()
    applied[:] = values
    return True


def currency_of_receipts(payments: pd.DataFrame, by_invoice: Mapping | pd.Series | None,
                         by_customer: Mapping | pd.Series | None) -> pd.Series:
    """Each receipt's currency, as the ledger, the KPIs, the statements and the payment
    history all count it: its Payments row's own Currency where it states one
    (``stated_currencies``: no Currency column, a blank cell or a text that is no currency
    states none), else that of the invoice it names (``by_invoice``: Invoice No -> currency;
    None: not asked), else its customer's (``by_customer``: Customer ID -> currency). An
    EGP customer's USD 1,000 on account is USD; its unstated 130 paying a USD invoice is
    USD; a receipt stating EGP that names a USD invoice stays EGP (and pays none of it).
    Each caller gives the invoices' and customers' currencies as it reads them."""
    own = payments["Customer ID"].map(by_customer) if by_customer is not None \
        else pd.Series(None, index=payments.index, dtype=object)
    if by_invoice is not None and "Invoice No" in payments:
        theirs = payments["Invoice No"].map(by_invoice)
        own = own.where(theirs.isna(), theirs)  # (the customers' column's dtype kept)
    stated = stated_currencies(payments)
    return stated.where(stated.notna(), own) if stated.notna().any() else own


def stated_currencies(payments: pd.DataFrame) -> pd.Series:
    """Each Payments row's own Currency where it states an ISO 4217 code (``USD``), else
    None (no Currency column, a blank cell, text that is no currency)."""
    if "Currency" not in payments:
        return pd.Series(None, index=payments.index, dtype=object)
    return said_currencies(payments["Currency"])


def said_currencies(values: pd.Series) -> pd.Series:
    """Each value as the ISO 4217 code it states (``usd `` -> ``USD``), else None: a blank
    or a text that is no currency (a customer kept in 'محلي', a receipt's 'CHQ') says no
    currency, so keeps no receipt off an invoice, as the reader reads an invoice's so."""
    from ar_excel.core.customers.currencies import ISO_4217

    if not values.notna().any():
        return pd.Series(None, index=values.index, dtype=object)
    # each distinct cell read once (a ledger's 300,000 receipts name a few currencies)
    at, distinct = pd.factorize(values.to_numpy(dtype=object))
    read = [str(v).strip().upper() if isinstance(v, str) else None for v in distinct]
    codes = np.array([c if c in ISO_4217 else None for c in read] + [None], dtype=object)
    return pd.Series(codes[at], index=values.index, dtype=object)


def _named_currencies(pay: pd.DataFrame, inv: pd.DataFrame, currency: pd.Series | None,
                      positive: bool = False) -> pd.Series:
    """Per payment, the currency of the invoice it names (``_currencies_by_invoice``); None
    where it names none known."""
    out = pd.Series(None, index=pay.index, dtype=object)
    named = pay["Invoice No"]
    wanted = named.notna()
    if not wanted.any() or not len(inv):
        return out
    by_invoice = _currencies_by_invoice(inv, set(named[wanted]), currency, positive)
    if by_invoice is None:
        return out
    return named.map(by_invoice).astype(object)


def _receipt_currencies(pay: pd.DataFrame, inv: pd.DataFrame, currency: pd.Series | None
                        ) -> pd.Series:
    """``currency_of_receipts`` with the invoices each receipt is applied to (the first
    under its number with a positive amount) and the customers' ``currency``."""
    named = pay["Invoice No"].dropna()
    by_invoice = _currencies_by_invoice(inv, set(named), currency, positive=True) \
        if len(named) and len(inv) else None
    return currency_of_receipts(pay, by_invoice, currency)


def _currencies_by_invoice(inv: pd.DataFrame, numbers: set, currency: pd.Series | None,
                           positive: bool = False) -> pd.Series | None:
    """Invoice No -> the ISO code (``said_currencies``) of each currency
    ``_currencies_as_kept`` finds; those with none left out."""
    kept = _currencies_as_kept(inv, numbers, currency, positive)
    if kept is None:
        return None
    codes = said_currencies(kept)
    return codes[codes.notna()]


def _currencies_as_kept(inv: pd.DataFrame, numbers: set, currency: pd.Series | None,
                        positive: bool = False) -> pd.Series | None:
    """Invoice No -> the currency, as the book keeps it, of the invoice of each of
    ``numbers`` (the first under that number; with ``positive``, the first with a positive
    amount, the one a payment is applied to): its Currency, else its customer's in
    ``currency``. None where no invoice has one of the numbers."""
    first = inv[inv["Invoice No"].isin(numbers)]
    if positive:
        first = first[first["Amount"] > 0]
    first = first.drop_duplicates("Invoice No")
    if not len(first):
        return None
    theirs_ccy = first["Customer ID"].map(currency) if currency is not None else \
        pd.Series(None, index=first.index, dtype=object)
    codes = first["Currency"].where(first["Currency"].notna(), theirs_ccy) \
        if "Currency" in first else theirs_ccy
    return pd.Series(codes.to_numpy(dtype=object), index=first["Invoice No"].to_numpy())


def _left_currency(on_account: pd.DataFrame, named: np.ndarray, inv: pd.DataFrame,
                   currency: pd.Series, stated: pd.Series | None = None) -> pd.Series:
    """The currency of what is left of each receipt (``currency_of_receipts``): its own
    (``stated``, aligned with ``on_account``) where it states one, else that of the invoice
    it names (blank: the invoice's customer's), else its own customer's."""
    receipts = pd.DataFrame({"Customer ID": on_account["Customer ID"],
                             "Invoice No": pd.Series(named, index=on_account.index, dtype=object)})
    if stated is not None:
        receipts["Currency"] = stated.to_numpy(dtype=object)
    by_invoice = None
    wanted = receipts["Invoice No"].notna()
    if wanted.any() and len(inv):
        by_invoice = _currencies_as_kept(inv, set(receipts["Invoice No"][wanted]), currency)
    return currency_of_receipts(receipts, by_invoice, currency)


def open_items(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
               as_of: date | datetime | None = None, blank: str | None = None) -> pd.DataFrame:
    """Every item open on the as-of date, with its signed open amount and days past due.
    ``blank``: the currency of a customer kept without one (``core.local_currency``), so its
    amounts are exact to that currency's minor unit (fils of a dinar)."""
    if as_of is None or not sharing():
        return _open_items(customers, invoices, payments, as_of, blank)
    # the month-end jobs (credit, reconcile, aging, collections) each ask for the same
    # ledger on the same date; each gets its own copy, to change freely
    return once_per_run(("open items", _timestamp(as_of), blank), (customers, invoices, payments),
                        lambda: _open_items(customers, invoices, payments, as_of, blank)).copy()


def _with_blank(currency: pd.Series, blank: str, *frames: pd.DataFrame) -> pd.Series:
    """Each customer's currency, ``blank`` for every customer of ``frames`` without one."""
    ids = pd.Index(pd.unique(pd.concat([f["Customer ID"] for f in frames]).dropna()))
    extra = ids[~ids.isin(currency.index)]
    if len(extra):
        currency = pd.concat([currency, pd.Series(None, index=extra, dtype=object)])
    return currency.where(currency.notna(), blank)


def _open_items(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                as_of: date | datetime | None = None, blank: str | None = None
                ) -> pd.DataFrame:
    cutoff = None if as_of is None else _timestamp(as_of)
    today = _timestamp(as_of)
    # what each row of the list is (a receipt, a refund, a returned cheque), read once a run
    # for every as-of date: the rows below are the list's own, only fewer
    kinds = list_kinds(invoices)
    if cutoff is not None and not len(payments) and _settled_after(invoices, cutoff):
        # an open-items list's balances are today's: a receipt or credit note of the list
        # dated after the as-of date had not yet settled the invoices it paid (the
        # statement's own pairing, so the Aging and the statement to that day agree)
        from ar_excel.core.collections.statements import owed_on

        invoices = owed_on(customers, invoices, payments, cutoff.date())
    currency = account_currencies(customers, invoices)
    if blank:
        currency = _with_blank(currency, blank, invoices, payments)

    inv = _existing(invoices, "Invoice Date", cutoff)
    if inv["Amount"].isna().any():
        inv = inv[inv["Amount"].notna()]
    existing_payments = _existing(payments, "Date", cutoff)
    if _list_receipts_pay(inv, payments):
        inv, existing_payments = _receipts_as_payments(inv, existing_payments)
    apps, keys, pay_currency = _applications(inv, existing_payments, currency,
                                             _master_currencies(customers))
    kinds = kinds_of(kinds, inv)
    # each invoice's currency, where some currency of the book has other than two decimals
    inv_currency = None
    if "Currency" in inv and _other_decimals(currency, inv["Currency"]):
        inv_currency = inv["Currency"].where(inv["Currency"].notna(),
                                             inv["Customer ID"].map(currency))
    if keys is None:
        applied = apps.groupby("Invoice No", sort=False)["Applied Amount"].sum()
        first = ~inv["Invoice No"].duplicated() | inv["Invoice No"].isna()
        paid = inv["Invoice No"].map(applied).fillna(0.0).where(first, 0.0)
    else:
        paid = keys.paid(apps, inv.index)
    open_amount = round_money(inv["Amount"] - paid, inv_currency)
    if not len(payments):
        open_amount = open_as_stated(inv, open_amount, inv_currency)
    # a running ledger's returned cheque and the receipt of the list it reverses: open for
    # nothing, so what the cheque was for is unpaid again
    open_amount = open_amount.where(~reversed_in_list(
        inv, kinds["returned"].to_numpy(), kinds["received"].to_numpy()), 0.0)
    stated = stated_currencies(existing_payments).set_axis(apps.index)
    settled_below = CENT
    if inv_currency is not None or stated.notna().any():
        # what is left of a receipt is settled below half its own currency's minor unit
        # (``currency_of_receipts``: 3 fils left of a receipt paying a KWD invoice are not)
        if pay_currency is None:  # (a receipt stating a currency, all of two decimals)
            pay_currency = _receipt_currencies(existing_payments, inv, currency)
        settled_below = half_units(pay_currency.set_axis(apps.index), apps.index)
    left = (apps["Unapplied Amount"].abs() >= settled_below).to_numpy()
    on_account = apps[left]
    payment_rows = pd.DataFrame({
        "Customer ID": on_account["Customer ID"],
        "Item Type": "Payment",
        "Document No": on_account["Payment ID"],
        "Invoice No": None,
        "Date": on_account["Date"],
        "Due Date": on_account["Date"],
        "Currency": _left_currency(on_account, existing_payments["Invoice No"].to_numpy(
            dtype=object)[np.flatnonzero(left)], inv, currency, stated[left]),
        "Amount": -on_account["Amount"],
        "Open Amount": -on_account["Unapplied Amount"],
        ROW: on_account[ROW],
        # what a refund names (the credit note it pays out); apps keep the payments' order
        _REFUND_OF: existing_payments["Invoice No"].to_numpy(dtype=object)[np.flatnonzero(left)],
    })

    # Settled invoices are no items: when some invoice is open, only the open ones are built
    # (the same rows, columns and types as building all and dropping the settled ones).
    invoice_below = CENT if inv_currency is None else half_units(inv_currency, inv.index)
    still_open = (open_amount.abs() >= invoice_below).to_numpy()
    if still_open.any() and not still_open.all():
        inv, open_amount, kinds = inv[still_open], open_amount[still_open], kinds[still_open]
    invoice_rows = _invoice_rows(inv, open_amount, customers, currency, kinds)

    parts = [p for p in (invoice_rows, payment_rows) if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in OPEN_ITEM_COLUMNS})
    items = refunds_settle_credits(pd.concat(parts, ignore_index=True))
    # (imported here: it reads the credit notes' references with core.billing, which builds
    # on this module, so an import at the top would be a cycle)
    from ar_excel.core.credit_notes_applied import credit_notes_settle_their_invoices

    if len(payments) or not _states_open(inv):  # (a list stating what is open is believed)
        items = credit_notes_settle_their_invoices(items, inv)  # 'Against Invoice': that one's
    item_below = CENT if inv_currency is None else half_units(items["Currency"], items.index)
    items = items[items["Open Amount"].abs() >= item_below].reset_index(drop=True)
    items["Days Past Due"] = (today - pd.to_datetime(items["Due Date"])).dt.days.astype("Int64")
    # An invoice's customer PO or payment reference, where the list gives them, goes with it:
    # the reconciliation reads receipts quoting them (``matching.order_references``).
    return items[OPEN_ITEM_COLUMNS + [c for c in ORDER_REFERENCES if c in items]]


_REFUND_OF = "_refund_of"
_KINDS = ["received", "refund", "returned"]


def list_kinds(invoices: pd.DataFrame) -> pd.DataFrame:
    """Per row of the invoice list, by its index: money received (``entries.received_rows``),
    a refund paid out (``entries.refund_rows``), a returned cheque
    (``returned_cheques.returned_in_list``). Each row's own type, narration and sign say
    which, so the answer holds for any of its rows: read once in a run (a 40,000-row running
    ledger's narrations take a second, and a month-end asks for several as-of dates)."""
    return once_per_run("invoice list kinds", (invoices,), lambda: _read_kinds(invoices))


def _read_kinds(invoices: pd.DataFrame) -> pd.DataFrame:
    from ar_excel.core.entries import received_rows, refund_rows  # (they build on this module)
    from ar_excel.core.returned_cheques import returned_in_list

    returned = returned_in_list(invoices)
    return pd.DataFrame({"received": received_rows(invoices),
                         "refund": refund_rows(invoices, returned),
                         "returned": returned}, index=invoices.index, columns=_KINDS)


def kinds_of(kinds: pd.DataFrame, inv: pd.DataFrame) -> pd.DataFrame:
    """``list_kinds`` of ``inv``, rows of the list they were read from (fewer, or a Balance
    changed: ``statements.owed_on``, ``_receipts_as_payments``), taken by index; read afresh
    where the index cannot tell its rows apart."""
    if kinds.index.is_unique:
        at = kinds.index.get_indexer(inv.index)
        if (at >= 0).all():
            return kinds.iloc[at].set_axis(inv.index)
    return _read_kinds(inv)


def _settled_after(invoices: pd.DataFrame, cutoff: pd.Timestamp) -> bool:
    """Whether the invoice list keeps a credit (a receipt, a credit note) dated after
    ``cutoff``: the only rows that can have settled, later, what the list says is paid."""
    if not len(invoices):
        return False
    later = pd.to_datetime(invoices["Invoice Date"], errors="coerce") > cutoff
    return bool((later & (invoices["Amount"].astype("float64") < 0)).any())


def balances_as_stated(invoices: pd.DataFrame, payments: pd.DataFrame) -> bool:
    """Whether the ledger is an open-items list taken at its word: no Payments rows, and the
    invoice list says what is open (a Balance or Paid Amount). Such a book records no
    receipt: what was received, and when, is not known."""
    return not len(payments) and _states_open(invoices)


def aged_report_only(invoices: pd.DataFrame, payments: pd.DataFrame) -> bool:
    """Whether the ledger is an aging report with no Payments rows (Xero's Aged Receivables
    Detail: contact headings, its bucket columns and Total, no Balance or Paid column): it
    lists what is open, not what was received, so no receipt is known either."""
    return bool(not len(payments) and AGED_REPORT in invoices
                and invoices[AGED_REPORT].fillna(False).astype(bool).any())


def _states_open(inv: pd.DataFrame) -> bool:
    """Whether the invoice list says what is open itself (a Balance or Paid Amount)."""
    return any(c in inv and inv[c].notna().any() for c in ("Balance", "Paid Amount"))


def _list_receipts_pay(inv: pd.DataFrame, payments: pd.DataFrame) -> bool:
    """Whether the invoice list's receipts naming an invoice (``PAYS_INVOICE``) are applied
    as payments: where there is a Payments sheet, or the list does not state what is open."""
    return bool(PAYS_INVOICE in inv and inv[PAYS_INVOICE].notna().any() and (
        len(payments) or not _states_open(inv)))


def _receipts_as_payments(inv: pd.DataFrame, pay: pd.DataFrame
                          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The invoice list's receipts that name the invoice they pay, moved to the payments
    (each as a Payments row naming that invoice, its number its Payment ID)."""
    moving = inv[PAYS_INVOICE].notna() & (inv["Amount"] < 0)
    moved = inv[moving]
    receipts = pd.DataFrame({
        "Payment ID": moved["Invoice No"].to_numpy(dtype=object),
        "Customer ID": moved["Customer ID"].to_numpy(dtype=object),
        "Date": pd.to_datetime(moved["Invoice Date"]).to_numpy(),
        "Amount": -moved["Amount"].to_numpy(dtype="float64"),
        "Invoice No": moved[PAYS_INVOICE].to_numpy(dtype=object),
        ROW: moved[ROW].to_numpy(),
    })
    columns = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", ROW]
    if "Currency" in pay:  # (the Payments rows' own currencies are kept: a receipt's own)
        columns.append("Currency")
    if len(pay):  # (the payments keep their index: others look them up by it)
        start = int(pay.index.max()) + 1 if pd.api.types.is_integer_dtype(pay.index) else 0
        receipts.index = pd.RangeIndex(start, start + len(receipts))
        receipts = pd.concat([pay[columns], receipts])
        if not receipts.index.is_unique:
            receipts = receipts.reset_index(drop=True)
    return inv[~moving], receipts


def refunds_settle_credits(items: pd.DataFrame) -> pd.DataFrame:
    """Open items after each refund has paid out the customer's credits.

    A refund (a negative receipt: money paid back) settles the credit it repays: the credit
    note or receipt it names (``_refund_of``), then the customer's other credits in its
    currency (credit notes, cash on account), oldest first. Only what exceeds them stays
    open, as a debit; the balance is unchanged.
    """
    refunds = (items["Item Type"] == "Payment") & (items["Open Amount"] > 0)
    credits = items["Open Amount"] < 0
    if not refunds.any() or not credits.any():
        return items
    items = items.reset_index(drop=True)
    # by position, as plain arrays: a Series read an item at a time (.iat) took most of a
    # 40,000-row running ledger's second here
    refunds, credits = refunds.to_numpy(dtype=bool), credits.to_numpy(dtype=bool)
    open_amount = items["Open Amount"].to_numpy(dtype="float64").copy()
    keys = list(zip(items["Customer ID"], items["Currency"].fillna(""), strict=True))
    named = items[_REFUND_OF].to_numpy(dtype=object) if _REFUND_OF in items else \
        np.full(len(items), None, dtype=object)
    documents = items["Document No"].to_numpy(dtype=object)
    by_date = items.assign(_undated=items["Date"].isna()).sort_values(
        ["_undated", "Date", ROW], kind="stable").index.to_numpy()
    held: dict[tuple, list[int]] = {}  # each customer's credits, oldest first
    for i in by_date:
        if credits[i]:
            held.setdefault(keys[i], []).append(i)
    touched: set[int] = set()
    for r in by_date:
        if not refunds[r] or keys[r] not in held:
            continue
        own = held[keys[r]]
        first = [c for c in own if isinstance(named[r], str) and documents[c] == named[r]]
        for c in first + [c for c in own if c not in first]:
            take = min(open_amount[r], -open_amount[c])
            if take <= 0:
                continue
            open_amount[r] -= take
            open_amount[c] += take
            touched |= {r, c}
            if open_amount[r] < CENT / 10:  # below half a fils: paid out in full
                break
    currencies = items["Currency"].to_numpy(dtype=object)
    for i in touched:  # to the currency's minor unit again (the sums are exact in it)
        open_amount[i] = round(open_amount[i], decimals_of(currencies[i])) + 0.0
    return items.assign(**{"Open Amount": open_amount})


def open_as_stated(inv: pd.DataFrame, open_amount: pd.Series,
                   currency: pd.Series | None = None) -> pd.Series:
    """What an open-items list says is open: its Balance, else Amount less Paid Amount, kept
    between nothing and the whole amount (a credit note's the same way, below zero)."""
    stated = pd.Series(np.nan, index=inv.index)
    if "Paid Amount" in inv:
        paid = inv["Paid Amount"].astype("float64").abs()
        stated = np.sign(inv["Amount"]) * (inv["Amount"].abs() - paid.clip(upper=inv["Amount"].abs()))
    if "Balance" in inv:
        balance = inv["Balance"].astype("float64")
        stated = balance.where(balance.notna(), stated)
    if stated.isna().all():
        return open_amount
    low = inv["Amount"].clip(upper=0.0)
    high = inv["Amount"].clip(lower=0.0)
    stated = round_money(stated.clip(lower=low, upper=high), currency) + 0.0
    return stated.where(stated.notna(), open_amount)


def _invoice_rows(inv: pd.DataFrame, open_amount: pd.Series, customers: pd.DataFrame,
                  currency: pd.Series, kinds: pd.DataFrame) -> pd.DataFrame:
    """Invoices and credit notes as open items (credit notes due on their own date); a
    receipt kept in the invoice list (a running ledger's سند قبض, a transaction list's
    Payment) is a payment held on account, as one in Payments is, not a credit note; a
    refund kept there (سند صرف, a Payment on the debit side) is money paid back, as a
    negative Payments row is: it pays out the customer's credits (``refunds_settle_credits``)
    and is due on its own date, not dunned as an invoice on the customer's terms. ``kinds``:
    ``list_kinds`` of ``inv``."""
    due = due_dates(inv, customers)
    credit_note = inv["Amount"] < 0
    received = kinds["received"].to_numpy(dtype=bool)
    refund = kinds["refund"].to_numpy(dtype=bool)
    own_date = credit_note | refund
    quoted = {c: inv[c] for c in ORDER_REFERENCES if c in inv and inv[c].notna().any()}
    return pd.DataFrame({
        "Customer ID": inv["Customer ID"],
        "Item Type": np.select([received | refund, credit_note], ["Payment", "Credit Note"],
                               "Invoice"),
        "Document No": inv["Invoice No"],
        "Invoice No": inv["Invoice No"],
        "Date": pd.to_datetime(inv["Invoice Date"]),
        "Due Date": due.where(~own_date, pd.to_datetime(inv["Invoice Date"])),
        "Currency": (inv["Currency"].fillna(inv["Customer ID"].map(currency))
                     if inv["Currency"].isna().any() else inv["Currency"].copy()),
        "Amount": inv["Amount"].astype("float64"),
        "Open Amount": open_amount,
        ROW: inv[ROW],
        **quoted,
    })


def open_balance(items: pd.DataFrame) -> pd.Series:
    """Each customer's balance: the sum of its signed open items, rounded to the minor unit
    of its currency (of the finest of its currencies, where it has several)."""
    # An item without a customer (a receipt whose customer was left blank) is in the books
    # all the same: its balance is kept, under a blank key, so the totals still tie out.
    totals = items.groupby("Customer ID", sort=True, dropna=False)["Open Amount"].sum()
    if "Currency" not in items or not _other_decimals(None, items["Currency"]):
        return totals.round(DEFAULT_DECIMALS)
    places = items["Currency"].map(decimals_of).groupby(items["Customer ID"], sort=True,
                                                        dropna=False).max()
    return pd.Series([round(float(t), int(d))
                      for t, d in zip(totals, places[totals.index], strict=True)],
                     index=totals.index, dtype="float64")
