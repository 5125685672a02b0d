"""Customer statements (كشف حساب): balance brought forward, the period's movements, a running
balance and an aging footer.

Rules:

* Signs as in the ledger: an invoice is a debit (+), a credit note and a receipt are credits
  (-); a negative receipt (a refund paid out) is a debit.
* Opening balance = the signed sum of the customer's documents dated before the period's
  first day. The period's documents (dated from the first to the last day, inclusive)
  follow in date order — invoices, then credit notes, then receipts on the same day, then by
  document number — each with the running balance. Documents without a date are shown last
  in the period, so nothing is left out. Documents dated after the last day do not exist yet.
* Closing balance = opening + debits - credits, which equals the ledger's open balance on
  the last day (``ledger.open_items``): the aging footer is that ledger's buckets
  (``aging.aging_by_customer``), so the footer's total equals the closing balance.
* A credit note applied to an invoice in Payments (a pair of rows of one Payment ID and
  date whose Method says credit note: + on the invoice, - on the credit note, as Receipts
  To Post writes them) moves no balance: the statement shows the credit note once, as the
  Invoices sheet has it, and not the pair (whose negative row read as a refund paid out).
  A credit-note row that is not so balanced is an adjustment, never a refund.
* Money the customer paid earlier, taken off its account and put onto invoices the day it
  was applied (``kpis.account_moves``: -1,000 on account, +1,000 to INV-7, with or without a
  Payment ID) moves no balance: the receipt shows the day the money came, and the move
  only for what it brings in beyond it (``net_of_moves``), never as a refund.
* A running ledger's balance brought forward (``entries.opening_rows``: "Balance b/f",
  "رصيد افتتاحي") is a line of type Balance Brought Forward (رصيد مرحل), first on its day,
  not an invoice: it is what the customer owed before the ledger starts.
* A returned cheque (``core.returned_cheques``: a negative Payments row whose Method says
  so) is a debit of its own type, Returned Cheque (شيك مرتد), not a refund paid out; so is
  a running ledger's debit row saying so (``returned_in_list``), not an invoice.
* A running ledger's refund paid out (``entries.refund_rows``: a debit typed Refund, a سند
  صرف, a Payment on the Dr side) is a Refund (رد مبلغ), as a refund in Payments is: no
  invoice, no due date.
* A receipt recorded under one customer but naming another customer's invoice is where the
  ledger applied it: the part it paid is on the invoice's customer's statement, what is left
  on the payer's (as the Aging has them).
* An open-items list taken at its word (a Balance or Paid Amount column, no Payments sheet:
  ``ledger.balances_as_stated``) says what is open, not when the rest was settled: each
  document's settled part is a line of its own, on the document's own date (a Receipt for
  an invoice's paid part, an Adjustment for a credit note's applied part, Reference the
  document), so the opening and closing balances are the list's open balances, as in the
  Aging, on any date, but for the settlements the list keeps as rows (below). A receipt the list keeps as a row of its own and says is applied is
  the money that paid those invoices, and a credit note it says is applied likewise: it is
  its one line, on its own date, with neither an adjustment taking it back nor the
  invoices' paid parts it covers beside it (the invoice a credit note names first, then
  oldest first). The list is as of today: a settlement it dates after a statement's last
  day was not yet made then, so the invoice it paid still owed that part on that day (the
  part is no Receipt on the invoice's date); the closing of one statement is the opening of
  the next, and the statement to today closes at the list's balances, as the Aging. To an
  earlier day, the statement and its aging footer close at what was owed then (``owed_on``,
  which the ledger also uses, so the Aging of that day says the same).
* One section per currency: amounts in different currencies are never added. A receipt is
  in the currency of the invoice it names, else in the customer's currency. A currency with
  nothing to say (no balance at either end, no movement in the period) is left out, unless
  it is the statement's only one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.entries import (
    CREDIT_NOTE_METHOD,
    cash_sale_rows,
    opening_rows,
    void_or_draft,
)
from ar_excel.core.kpis import account_moves, cash_rows, may_move
from ar_excel.core.ledger import (
    balances_as_stated,
    currency_of_receipts,
    kinds_of,
    list_kinds,
    open_as_stated,
)
from ar_excel.core.money import decimals_of
from ar_excel.core.non_cash import non_cash
from ar_excel.core.paid_in_the_list import PAID_IN_THE_LIST
from ar_excel.core.returned_cheques import returned_rows
from ar_excel.policy import Policy

LINE_COLUMNS = ["Date", "Type", "Document", "Reference", "Due Date", "Debit", "Credit",
                "Balance"]
TAB_COLUMNS = ["Customer ID", "Customer", "Currency", *LINE_COLUMNS]
TAB_FORMATS = {"Date": "date", "Due Date": "date", "Debit": "money", "Credit": "money",
               "Balance": "money"}
_TYPE_ORDER = {"Balance Brought Forward": -1, "Invoice": 0, "Credit Note": 1, "Receipt": 2,
               "Adjustment": 3, "Refund": 4, "Returned Cheque": 5}
# the line types in Arabic, as the statement tab and its PDF both write them
TYPE_NAMES_AR = {"Invoice": "فاتورة", "Credit Note": "إشعار دائن", "Receipt": "تحصيل",
                 "Adjustment": "تسوية", "Refund": "رد مبلغ", "Returned Cheque": "شيك مرتد",
                 "Balance Brought Forward": "رصيد مرحل"}


@dataclass
class CurrencySection:
    currency: str | None
    opening: float
    lines: pd.DataFrame  # LINE_COLUMNS, period documents only
    closing: float
    aging: dict[str, float] = field(default_factory=dict)  # bucket label -> amount


@dataclass
class Statement:
    customer_id: str
    name: str | None
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    sections: list[CurrencySection]
    language: str = "en"
    address: str | None = None
    email: str | None = None
    tax_id: str | None = None


DOC_COLUMNS = ["Customer ID", "Date", "Type", "Document", "Reference", "Due Date", "Signed",
               "Currency"]



def _corrected_invoice(inv: pd.DataFrame) -> pd.Series:
    """Each row's entry in the Invoices column naming the invoice a credit note corrects
    (``Original Invoice``, ``Against Invoice``...), as text; blank where there is none."""
    from ar_excel.core.billing.credit_notes import reference_column

    column = reference_column(inv)
    if column is None:
        return pd.Series(None, index=inv.index, dtype=object)
    return inv[column].map(lambda v: None if v is None or (not isinstance(v, str) and pd.isna(v))
                           else str(int(v)) if isinstance(v, float) and v.is_integer()
                           else str(v).strip() or None).astype(object)



def credit_note_rows(payments: pd.DataFrame) -> pd.Series:
    """Per Payments row: True where its Method says it applies a credit note."""
    if "Method" not in payments:
        return pd.Series(False, index=payments.index)
    return payments["Method"].map(
        lambda m: isinstance(m, str) and CREDIT_NOTE_METHOD.search(m) is not None
    ).astype(bool)


def balanced_applications(payments: pd.DataFrame, applying: pd.Series) -> pd.Series:
    """Per Payments row: True for a credit-note row whose receipt (Payment ID, customer,
    date) nets to nothing with its other credit-note rows: an application, no movement."""
    out = pd.Series(False, index=payments.index)
    if not applying.any():
        return out
    rows = payments[applying]
    keys = (rows["Payment ID"].astype(str) + "|" + rows["Customer ID"].astype(str) + "|"
            + pd.to_datetime(rows["Date"]).astype(str))
    net = rows["Amount"].astype(float).groupby(keys).transform("sum")
    out.loc[rows.index] = (net.abs() < 0.0005).to_numpy()
    return out


def net_of_moves(payments: pd.DataFrame, currencies: pd.Series | None = None) -> pd.Series:
    """Per Payments row, its amount on the statement: a move of money the customer paid
    earlier off its account and onto invoices the day it was applied (``kpis.account_moves``,
    as the KPIs read it: -1,000 on account, +1,000 to INV-7, with or without a Payment ID)
    moves no balance, so as much of its rows each way as the other way offsets counts 0, the
    earliest rows first: the statement shows the receipt when it came, not a second receipt
    and a refund on the day it was applied. What a move brings in beyond the money it takes
    off the account (+1,200 onto invoices, 1,000 of it held) is a receipt of that much (200),
    not 1,200 received and 1,000 refunded. ``currencies``: each row's (the statement's
    section)."""
    amounts = payments["Amount"].astype(float)
    # every move has a row off the account: the kinds of rows are read only for the
    # customers with a negative one
    maybe = may_move(payments)
    if not maybe.any():
        return amounts
    some = payments[maybe]
    cash = pd.Series(False, index=payments.index)
    cash.loc[some.index] = cash_rows(some).to_numpy()
    keys = account_moves(payments, currencies, cash)
    moving = keys.notna()
    if not moving.any():
        return amounts
    out = amounts.copy()
    for _, rows in amounts[moving].groupby(keys[moving], sort=False):
        moved = min(float(rows[rows > 0].sum()), float(-rows[rows < 0].sum()))
        for side in (rows[rows > 0], -rows[rows < 0]):
            left = moved
            for k, value in side.items():
                take = min(float(value), left)
                out.loc[k] = round(float(out.loc[k]) - take * np.sign(out.loc[k]), 6)
                left -= take
                if left < 0.0005:
                    break
    return out


def documents(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
              due: pd.Series, as_of: date | None = None,
              as_stated: bool | None = None) -> pd.DataFrame:
    """Every customer's documents as statement lines with their signed amounts (all at once:
    the job cuts this frame by customer instead of building one per customer). ``as_of``:
    the statements' last day, the ledger's date for a receipt paying another customer's
    invoice. ``as_stated``: whether the book is an open-items list taken at its word
    (``ledger.balances_as_stated`` of the whole book; worked out from the frames given
    when None)."""
    currency = _currencies(customers)
    inv, docs_inv = _list_docs(invoices, currency, due)
    # a cancelled invoice (counted 0 by the reader, kept so its number is no gap), a draft,
    # a cash sale, is no line of the customer's account: listed, it read as an invoice of 0.00
    void = _cancelled(inv)
    if void.any():
        inv, docs_inv = inv[~void], docs_inv[~void.to_numpy()]
    pay = payments[payments["Amount"].notna()]
    inv_currency = docs_inv["Currency"]
    # a receipt belongs to its own Currency where its row states one (an EGP customer's
    # USD 1,000 on account is on its USD statement), else to the currency of the invoice it
    # pays, else the customer's (``ledger.currency_of_receipts``; an invoice dated after the
    # last day does not exist yet: as in the ledger on that day)
    exists = _existing_on(inv, as_of)
    by_invoice = pd.Series(inv_currency[exists].to_numpy(),
                           index=inv.loc[exists, "Invoice No"].to_numpy())
    by_invoice = by_invoice[~by_invoice.index.duplicated()]
    pay_currency = currency_of_receipts(pay, by_invoice, currency)
    applying = credit_note_rows(pay)
    net = net_of_moves(pay, pay_currency)
    moved = ~balanced_applications(pay, applying) & (net.abs() >= 0.0005)
    pay, applying, pay_currency = pay[moved], applying[moved], pay_currency[moved]
    pay = pay.assign(Amount=net[moved])
    pamount = pay["Amount"].astype(float)
    docs_pay = pd.DataFrame({
        "Customer ID": pay["Customer ID"],
        "Date": pd.to_datetime(pay["Date"]),
        # a write-off or tax withheld settles like a receipt, but no money came in
        "Type": np.select([applying.to_numpy(dtype=bool), returned_rows(pay).to_numpy(dtype=bool),
                           (pamount < 0).to_numpy(dtype=bool), non_cash(pay).to_numpy(dtype=bool)],
                          ["Adjustment", "Returned Cheque", "Refund", "Adjustment"], "Receipt"),
        # a receipt read from the invoice list's paid part and day (``io.paid_dates``) has no
        # number of its own: its line names the invoice it paid
        "Document": pay["Payment ID"].where(~pay["Payment ID"].map(
            lambda v: isinstance(v, str) and v.endswith(PAID_IN_THE_LIST)), None),
        "Reference": pay["Invoice No"],
        "Due Date": pd.NaT,
        "Signed": -pamount,
        "Currency": pay_currency,
    })
    if len(docs_pay):
        docs_pay = _to_invoice_owners(docs_pay, pay, invoices, payments, customers, as_of)
    if as_stated is None:
        as_stated = balances_as_stated(invoices, payments)
    docs_settled = _settled_as_stated(docs_inv, inv) if as_stated else None
    parts = [p for p in (docs_inv, docs_pay, docs_settled) if p is not None and len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in DOC_COLUMNS})
    docs = pd.concat(parts, ignore_index=True)
    docs["Date"] = pd.to_datetime(docs["Date"])
    docs["Due Date"] = pd.to_datetime(docs["Due Date"])
    return docs[DOC_COLUMNS]


def _cancelled(inv: pd.DataFrame) -> pd.Series:
    """Per invoice row: True where the reader counted it 0 as no receivable and nothing is
    owed on it (amount 0): said cancelled, void or a draft (``entries.void_or_draft``, which
    holds what ``entries.said_cancelled`` says), a document the tax portal rejected
    (``einvoice.portal_refusals``) or a cash sale (``entries.cash_sale_rows``: paid at the
    sale, never on the account)."""
    from ar_excel.core.billing.einvoice import portal_refusals

    counted_out = void_or_draft(inv) | portal_refusals(inv) | cash_sale_rows(inv)
    return pd.Series(counted_out, index=inv.index) & (inv["Amount"].astype(float).abs() < 0.0005)


def _currencies(customers: pd.DataFrame) -> pd.Series:
    """Each customer's Currency (its first row's), for a document naming none."""
    if "Currency" not in customers:
        return pd.Series(dtype=object)
    return customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]


def _list_docs(invoices: pd.DataFrame, currency: pd.Series, due: pd.Series | None
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The invoice list's rows with an amount, and their statement lines
    (``_invoice_docs``), as the statements and ``owed_on`` both read them."""
    inv = invoices[invoices["Amount"].notna()]
    return inv, _invoice_docs(inv, kinds_of(list_kinds(invoices), inv), currency, due)


def _settled_parts(docs_inv: pd.DataFrame, inv: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """An open-items list's rows' open amounts as it states them (``open_as_stated``) and
    what of each is settled: its Amount less that. The statement's settled lines and
    ``owed_on`` pair those parts with the list's receipts and credit notes alike."""
    amount = inv["Amount"].astype(float)
    stated = open_as_stated(inv, amount, docs_inv["Currency"])
    return stated, (amount - stated).round(6)


def _invoice_docs(inv: pd.DataFrame, kinds: pd.DataFrame, currency: pd.Series,
                  due: pd.Series | None) -> pd.DataFrame:
    """The invoice list's rows as statement lines (DOC_COLUMNS); ``kinds``: their
    ``ledger.list_kinds`` (read once a run, as the ledger and the KPIs read them);
    ``currency``: each customer's, for a row naming none; ``due``: ``ledger.due_dates``
    (None: no due dates)."""
    amount = inv["Amount"].astype(float)
    inv_currency = inv["Currency"] if "Currency" in inv else pd.Series(None, index=inv.index)
    inv_currency = inv_currency.fillna(inv["Customer ID"].map(currency))
    # a running ledger's شيك مرتد: no invoice, due at once
    returned = kinds["returned"].to_numpy(dtype=bool)
    # a running ledger's سند صرف (money paid back out): a refund, as one in Payments reads,
    # no invoice and nothing falling due
    refunded = kinds["refund"].to_numpy(dtype=bool)
    return pd.DataFrame({
        "Customer ID": inv["Customer ID"],
        "Date": pd.to_datetime(inv["Invoice Date"]),
        # a receipt kept in the invoice list (a running ledger's سند قبض) is one on the
        # customer's statement too, not a credit note
        "Type": np.select([opening_rows(inv), kinds["received"].to_numpy(dtype=bool),
                           amount < 0, returned, refunded],
                          ["Balance Brought Forward", "Receipt", "Credit Note",
                           "Returned Cheque", "Refund"], "Invoice"),
        "Document": inv["Invoice No"],
        # a credit note names the invoice it corrects, where the sheet says which
        "Reference": _corrected_invoice(inv).where(amount < 0, None),
        "Due Date": (pd.NaT if due is None else
                     pd.to_datetime(due.reindex(inv.index)).where(
                         (amount >= 0) & ~returned & ~refunded)),
        "Signed": amount,
        "Currency": inv_currency,
    })


def _settled_as_stated(docs_inv: pd.DataFrame, inv: pd.DataFrame) -> pd.DataFrame:
    """An open-items list's settled parts as lines: what its Balance / Paid Amount says is
    no longer open (an invoice's a receipt, a credit note's applied part an adjustment),
    dated the document's own date, as the ledger holds the stated balance on any date.

    A receipt the list keeps as a row of its own (Type Receipt), or a credit note, that it
    says is applied settled its customer's invoices: the document is its line, on its date,
    and neither its applied part (an adjustment debiting it back) nor as much of the
    invoices' paid parts (a credit note's named invoice first, then oldest first) is a line
    again, whatever the statement's last day: one dated after that day is not on the
    statement, nor the paid parts it settled, which the invoices still owed then (had
    those parts stood for it, that statement would close lower than the next opened)."""
    settled = _receipts_settle_invoices(docs_inv, _settled_parts(docs_inv, inv)[1])
    moved = (settled.abs() >= 0.0005).to_numpy()
    rows = docs_inv[moved]
    return rows.assign(Type=np.where(settled[moved] > 0, "Receipt", "Adjustment"),
                       Document=None, Reference=rows["Document"], **{"Due Date": pd.NaT},
                       Signed=-settled[moved].to_numpy())


def _receipts_settle_invoices(docs_inv: pd.DataFrame, settled: pd.Series,
                              made: pd.Series | None = None) -> pd.Series:
    """``settled`` less, per customer and currency, the part of its applied list receipts
    and credit notes (negative) and of its invoices' paid parts (positive) that are the same
    settlement: what the receipts and credit notes applied, up to what the invoices say is
    paid. A credit note naming the invoice it corrects took that invoice's paid part first;
    the rest is taken oldest first on both sides. ``made``: the receipts and credit notes
    taken (all when None)."""
    settling = docs_inv["Type"].isin(["Receipt", "Credit Note"])
    credit = settling & (settled < 0)
    if made is not None:
        credit &= made
    paid = ~settling & (docs_inv["Signed"] > 0) & (settled > 0)
    if not credit.any() or not paid.any():
        return settled
    out = settled.copy()
    keys = docs_inv["Customer ID"].astype(str) + "|" + docs_inv["Currency"].fillna("").astype(str)
    order = docs_inv.assign(_undated=docs_inv["Date"].isna()).sort_values(
        ["_undated", "Date"], kind="stable").index
    named = credit & (docs_inv["Type"] == "Credit Note") & docs_inv["Reference"].notna()
    if named.any():
        paid_row = {(keys[j], str(docs_inv.at[j, "Document"])): j for j in order[paid[order]]}
        for i in order[named[order]]:
            j = paid_row.get((keys[i], str(docs_inv.at[i, "Reference"])))
            if j is not None:
                _take(out, i, j, min(-float(out.loc[i]), float(out.loc[j])))
    for key in set(keys[credit]) & set(keys[paid]):
        mine = order[keys[order] == key]
        credits, invoices = mine[credit[mine]], mine[paid[mine]]
        same = min(float(-out[credits].sum()), float(out[invoices].sum()))
        for rows, sign in ((credits, -1.0), (invoices, 1.0)):
            left = same
            for i in rows:  # oldest first
                take = min(left, sign * float(out.loc[i]))
                out.loc[i] = round(float(out.loc[i]) - sign * take, 6)
                left -= take
                if left < 0.0005:
                    break
    return out


def owed_on(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
            as_of: date) -> pd.DataFrame:
    """The invoice list as it stood on ``as_of``, for the statement's aging footer: an
    open-items list (``ledger.balances_as_stated``) is as of today, and an invoice whose paid
    part a receipt or credit note of the list dated after ``as_of`` settled still owed that
    part then (as the statement's lines say: ``_settled_as_stated``); its Balance is that
    much more. The list itself where no such settlement is kept."""
    if not balances_as_stated(invoices, payments):
        return invoices
    inv, docs_inv = _list_docs(invoices, _currencies(customers), None)
    later = docs_inv["Date"] > pd.Timestamp(as_of).normalize()
    if not later.any():
        return invoices
    stated, settled = _settled_parts(docs_inv, inv)
    # the earlier settlements paid the oldest paid parts, as on the statement's lines: what
    # the later ones took is the difference of the two pairings
    extra = (_receipts_settle_invoices(docs_inv, settled, ~later)
             - _receipts_settle_invoices(docs_inv, settled)).round(6)
    owed = (docs_inv["Signed"] > 0) & ~docs_inv["Type"].isin(["Receipt", "Credit Note"]) \
        & (extra >= 0.0005)
    if not owed.any():
        return invoices
    balance = (invoices["Balance"].astype("float64") if "Balance" in invoices
               else pd.Series(np.nan, index=invoices.index))
    balance.loc[owed[owed].index] = (stated + extra)[owed]
    return invoices.assign(Balance=balance)


def _take(out: pd.Series, credit: object, invoice: object, amount: float) -> None:
    """``amount`` of a credit's applied part and of an invoice's paid part are the same money."""
    if amount > 0:
        out.loc[credit] = round(float(out.loc[credit]) + amount, 6)
        out.loc[invoice] = round(float(out.loc[invoice]) - amount, 6)


def _existing_on(inv: pd.DataFrame, as_of: date | None) -> pd.Series:
    """The invoices that exist on ``as_of`` (undated ones are taken to exist)."""
    if as_of is None:
        return pd.Series(True, index=inv.index)
    dates = pd.to_datetime(inv["Invoice Date"])
    return dates.isna() | (dates <= pd.Timestamp(as_of).normalize())


def _to_invoice_owners(docs_pay: pd.DataFrame, pay: pd.DataFrame, invoices: pd.DataFrame,
                       payments: pd.DataFrame, customers: pd.DataFrame,
                       as_of: date | None) -> pd.DataFrame:
    """Receipts naming another customer's invoice split as the ledger applies them: the
    applied part to the invoice's customer, the rest left with the payer."""
    first = invoices[invoices["Invoice No"].notna() & _existing_on(invoices, as_of)]
    first = first.drop_duplicates("Invoice No")
    owner = pd.Series(first["Customer ID"].to_numpy(), index=first["Invoice No"].to_numpy())
    named = pay["Invoice No"].map(owner)
    crossing = (named.notna() & (named != pay["Customer ID"])
                & (pay["Amount"].astype(float) > 0)).to_numpy()
    if not crossing.any():
        return docs_pay
    from ar_excel.core.ledger import applications

    apps = applications(invoices, payments, as_of, customers)
    applied = apps["Applied Amount"].reindex(pay.index).fillna(0.0).to_numpy()
    amount = pay["Amount"].astype(float).to_numpy()
    moved = docs_pay[crossing].assign(**{"Customer ID": named[crossing].to_numpy(),
                                         "Signed": -applied[crossing]})
    kept = docs_pay[crossing].assign(Signed=-(amount - applied)[crossing])
    parts = [docs_pay[~crossing], moved[moved["Signed"].abs() >= 0.0005],
             kept[kept["Signed"].abs() >= 0.0005]]
    parts = [p for p in parts if len(p)]
    # (a receipt of a fraction of a fils, 1E-9 typed, moves and keeps nothing)
    return pd.concat(parts).sort_index(kind="stable") if parts else docs_pay.iloc[:0]


def customer_statement(customer_id: str, customers: pd.DataFrame, invoices: pd.DataFrame,
                       payments: pd.DataFrame, period_start: date, period_end: date,
                       due: pd.Series, items: pd.DataFrame, policy: Policy | None = None,
                       arabic: bool = False, aging: pd.DataFrame | None = None,
                       docs: pd.DataFrame | None = None) -> Statement:
    """One customer's statement for [period_start, period_end].

    ``due`` is ``ledger.due_dates(invoices, customers)``; ``items`` is
    ``ledger.open_items(..., as_of=period_end)`` (any customers: filtered here); ``aging``,
    when given, is ``aging.aging_by_customer`` of those items, and ``docs`` likewise
    ``documents(...)``. The frames may be cut to this customer. For many customers use
    ``customer_statements``, which cuts the ledger once instead of once per customer.
    """
    if docs is None:
        # its own invoices and receipts, the invoices these name and the receipts naming its
        # invoices (recorded under another customer): a receipt takes the currency of the
        # invoice it names, and sits where the ledger applied it
        own = invoices["Customer ID"] == customer_id
        paying = (payments["Customer ID"] == customer_id) | payments["Invoice No"].isin(
            set(invoices.loc[own, "Invoice No"].dropna()))
        named = own | invoices["Invoice No"].isin(set(payments.loc[paying, "Invoice No"]
                                                      .dropna()))
        # every receipt of those invoices: they are applied in date order
        paying |= payments["Invoice No"].isin(set(invoices.loc[named, "Invoice No"].dropna()))
        docs = documents(customers, invoices[named], payments[paying], due, period_end,
                         balances_as_stated(invoices, payments))
    if aging is None:
        items = items[items["Customer ID"] == customer_id]
    return customer_statements([customer_id], customers, invoices, payments, period_start,
                               period_end, due, items, policy, arabic, aging, docs)[0]


_DIGIT_RUNS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """A document number's place in a statement's order: its runs of digits read as numbers
    (INV-9 before INV-10, as an accountant lists them; read as text INV-10 came first), its
    text between them as text, then the number as written (INV-009 before INV-9)."""
    parts = _DIGIT_RUNS.split(text)  # text, digits, text, ...: digits at odd places
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), text


def natural_rank(documents: pd.Series) -> np.ndarray:
    """Each document number's rank in natural order (``natural_key``), each distinct number
    keyed once; a row without one (a receipt read from a paid date) ranks as a blank number,
    first, since factorize would code it -1: the last number's rank, or none at all."""
    codes, distinct = pd.factorize(documents.astype(object).where(documents.notna(), "")
                                   .astype(str))
    order = sorted(range(len(distinct)), key=[natural_key(t) for t in distinct].__getitem__)
    rank = np.empty(len(distinct), dtype="int64")
    rank[order] = np.arange(len(distinct))
    return rank[codes] if len(codes) else np.empty(0, dtype="int64")


def customer_statements(customer_ids: Iterable[str], customers: pd.DataFrame,
                        invoices: pd.DataFrame, payments: pd.DataFrame,
                        period_start: date | Mapping[str, date], period_end: date,
                        due: pd.Series, items: pd.DataFrame, policy: Policy | None = None,
                        arabic: bool = False, aging: pd.DataFrame | None = None,
                        docs: pd.DataFrame | None = None) -> list[Statement]:
    """The statements of many customers, in the order of ``customer_ids``.

    Same rules and arguments as ``customer_statement``; ``period_start`` may be one date for
    all or a date per customer ID. The ledger is sorted and cut by customer and currency
    once, so the work grows with the ledger, not with customers x ledger.
    """
    from ar_excel.core.aging import aging_by_customer, bucket_labels

    policy = policy or Policy()
    ids = list(customer_ids)
    end = pd.Timestamp(period_end).normalize()
    if isinstance(period_start, Mapping):
        starts = {c: pd.Timestamp(period_start[c]).normalize() for c in ids}
    else:
        first = pd.Timestamp(period_start).normalize()
        starts = dict.fromkeys(ids, first)
    if docs is None:
        docs = documents(customers, invoices, payments, due, end)
    if aging is None:
        aging = aging_by_customer(items, customers, policy) if len(items) else None
    labels = bucket_labels(policy.aging_buckets_days)

    # the customer's first master row, and the aging row of each (customer, currency)
    master = customers["Customer ID"].drop_duplicates()
    master_pos = dict(zip(master.to_numpy(), range(len(master)), strict=True))
    master_rows = customers.loc[master.index]
    buckets_of: dict[tuple, dict[str, float]] = {}
    if aging is not None and len(aging):
        keys = zip(aging["Customer ID"], aging["Currency"].fillna(""), strict=True)
        values = aging[labels].to_numpy(dtype=float).tolist()
        for key, row in zip(keys, values, strict=True):
            buckets_of.setdefault(key, dict(zip(labels, row, strict=True)))

    # the documents up to the last day, sorted once: customer, currency, then statement order
    wanted = docs["Customer ID"].isin(set(ids)) & (docs["Date"].isna() | (docs["Date"] <= end))
    d = docs[wanted].reset_index(drop=True)
    ccy = d["Currency"].fillna("")
    d = d.assign(_ccy=ccy, _undated=d["Date"].isna(), _t=d["Type"].map(_TYPE_ORDER),
                 _doc=natural_rank(d["Document"]))
    order = d.sort_values(["Customer ID", "_ccy", "_undated", "Date", "_t", "_doc"],
                          kind="stable").index.to_numpy()
    cid_sorted = d["Customer ID"].to_numpy(dtype=object)[order]
    ccy_sorted = d["_ccy"].to_numpy(dtype=object)[order]
    dates = d["Date"].to_numpy()
    start_of = d["Customer ID"].map(starts).to_numpy(dtype="datetime64[ns]")
    before = ~pd.isna(dates) & (dates.astype("datetime64[ns]") < start_of)
    signed = d["Signed"].to_numpy(dtype=float)
    columns = {c: d[c].to_numpy() for c in ("Date", "Type", "Document", "Reference",
                                            "Due Date")}
    # runs of one (customer, currency) in the sorted order
    change = np.ones(len(order), dtype=bool)
    if len(order):
        change[1:] = (cid_sorted[1:] != cid_sorted[:-1]) | (ccy_sorted[1:] != ccy_sorted[:-1])
    bounds = [*np.flatnonzero(change).tolist(), len(order)]
    runs: dict[str, dict[str, np.ndarray]] = {}
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        runs.setdefault(cid_sorted[a], {})[ccy_sorted[a]] = order[a:b]

    empty = np.empty(0, dtype="int64")
    out = []
    for customer_id in ids:
        pos = master_pos.get(customer_id)
        row = master_rows.iloc[pos] if pos is not None else pd.Series(dtype=object)
        known = pos is not None
        currency = row.get("Currency") if known else None
        start = starts[customer_id]
        mine = runs.get(customer_id, {})
        currencies = sorted(mine, key=lambda c, cur=currency: (c != (cur or ""), c))
        sections = []
        for code in currencies or [currency or ""]:
            rows = mine.get(code, empty)  # statement order
            early = before[rows]
            places = decimals_of(code or currency)  # the currency's minor unit (KWD: fils)
            # each document counts at its amount in that unit, as the ledger ages it: a list
            # of formula amounts (5,858.6175) summed unrounded let half-cents of several
            # invoices offset or add up, a closing a cent off the Aging and its own footer,
            # and a Balance that did not foot from the Debit and Credit printed beside it;
            # the opening sums the earlier documents in the ledger's order
            opening = round(float(np.round(signed[np.sort(rows[early])], places).sum()),
                            places)
            period = rows[~early]
            amounts = np.round(signed[period], places)
            lines = pd.DataFrame({
                "Date": columns["Date"][period],
                "Type": columns["Type"][period],
                "Document": columns["Document"][period],
                "Reference": columns["Reference"][period],
                "Due Date": columns["Due Date"][period],
                "Debit": np.where(amounts > 0, amounts, 0.0).round(places),
                "Credit": np.where(amounts < 0, -amounts, 0.0).round(places),
                "Balance": np.round(opening + np.cumsum(amounts), places),
            }, columns=LINE_COLUMNS)
            closing = round(opening + float(amounts.sum()), places)
            buckets = dict(buckets_of.get((customer_id, code), dict.fromkeys(labels, 0.0)))
            sections.append(CurrencySection(code or None, opening, lines, closing, buckets))
        # a currency settled before the period and quiet in it tells the customer nothing
        shown = [s for s in sections if len(s.lines) or s.opening or s.closing
                 or any(s.aging.values())]
        sections = shown or sections[:1]
        out.append(_statement(customer_id, row if known else None, start, end, sections,
                              arabic))
    return out


def _statement(customer_id: str, row: pd.Series | None, start: pd.Timestamp,
               end: pd.Timestamp, sections: list[CurrencySection], arabic: bool) -> Statement:
    from ar_excel.core.collections.language import letter_language

    name = row.get("Name") if row is not None else None
    address = ", ".join(str(row.get(c)) for c in ("Address", "City", "Country")
                        if row is not None and row.get(c) is not None
                        and not pd.isna(row.get(c))) or None
    return Statement(customer_id=customer_id, name=name, period_start=start, period_end=end,
                     sections=sections, language=letter_language(name, arabic),
                     address=address, email=row.get("Email") if row is not None else None,
                     tax_id=row.get("Tax ID") if row is not None else None)


def statement_rows(stmt: Statement, words: dict[str, str] | None = None) -> pd.DataFrame:
    """The statement as tab rows: opening line, documents, closing line, aging footer.
    ``words``: the labels (opening, closing, aging) and document types (Invoice, Receipt...)
    in the workbook's language."""
    w = {"opening": "Opening balance", "closing": "Closing balance", "aging": "Aging"}
    w.update(words or {})
    rows = []
    for s in stmt.sections:
        base = {"Customer ID": stmt.customer_id, "Customer": stmt.name, "Currency": s.currency}
        rows.append({**base, "Date": stmt.period_start, "Type": w["opening"],
                     "Balance": s.opening})
        for line in s.lines.to_dict("records"):  # a document's type in the words given
            rows.append({**base, **line, "Type": w.get(line["Type"], line["Type"])})
        rows.append({**base, "Date": stmt.period_end, "Type": w["closing"], "Balance": s.closing})
        for label, amount in s.aging.items():
            rows.append({**base, "Type": w["aging"], "Document": label, "Balance": amount})
    out = pd.DataFrame(rows, columns=TAB_COLUMNS)
    for col in ("Date", "Due Date"):
        out[col] = pd.to_datetime(out[col])
    return out
