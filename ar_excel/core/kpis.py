"""Collection KPIs for a period, computed from the ledger as it stood at each date.

Definitions (each is also written beside its value in the ``KPIs`` tab):

* Period: start..end, both days included; days in period = end - start + 1. The default
  period is the calendar month of the as-of date when that is a month end, else the month
  that ends on the as-of date (e.g. 16 Oct .. 15 Nov).
* AR at a date: the sum of the signed open items of ``ledger.open_items`` on that date
  (invoices less credit notes less unapplied cash). Opening AR = AR at the day before start,
  closing AR = AR at end.
* Overdue AR at a date, per customer (and currency, as every KPI): its invoices past due
  (positive open items, days past due > 0) less its credits on account (negative open items:
  unapplied receipts, advances received before invoicing, unapplied credit notes, whatever
  their own date), never below zero; the book's overdue AR is the sum over its customers.
  Current AR = AR - overdue AR: the invoices not yet due less whatever credits are left
  after the customer's own past-due invoices. So a customer's advance first clears its own
  arrears (as the Dunning tab's Amount To Collect sets it) and never another customer's, and
  an advance dated months ago is no negative "overdue" (the Aging tab still shows each
  credit in the bucket of its own date, as ERPs do; its past-due buckets may therefore add
  up to less than the overdue AR here). Total AR, and so DSO, is the same either way.
  An invoice in dispute past due is overdue AR all the same (the Dunning leaves it out of
  what it chases, not out of what is owed). CEI takes the whole opening AR, which the rule
  does not change; only the closing current AR enters it.
  A running ledger's balance brought forward (``entries.opening_rows``) dated in the
  period is owed from before it: opening AR, not a sale of the period.
* Credit sales = invoices issued in the period less credit notes issued in it (net).
* DSO = closing AR / credit sales x days in period; blank when closing AR is below zero
  (customers' credits exceed what they owe: no days of sales are outstanding).
* Best-possible DSO = closing current AR / credit sales x days in period; blank when the
  current AR is below zero (credits left on account exceed the invoices not yet due).
* Average days delinquent (ADD) = DSO - best-possible DSO, worked from the unrounded figures:
  closing overdue AR / credit sales x days in period (the difference of the two rounded
  DSOs can be a cent of a day off: 16.66 for 16.67).
* CEI (single period) = (opening AR + credit sales - closing AR - non-cash settlements) /
  (opening AR + credit sales - closing current AR) x 100 (DOMAIN.md's single-period CEI,
  its numerator the cash collected). Non-cash settlements are the Payments rows of the
  period whose Method is a write-off, discount, tax withheld, charge or other adjustment
  (``non_cash``): they lower AR as a receipt does, but no money came in, so the AR they
  clear is not counted as collected (a 200 early-payment discount on a 10,000 invoice is
  9,800 collected of 10,000). Credit notes in Invoices are netted in credit sales, above
  and below the line, as DOMAIN.md's credit sales are.
* Refunds paid = the period's Payments rows paying money back out to customers (negative,
  neither a returned cheque nor a non-cash settlement), and the refunds a running ledger
  keeps in its invoice list (``entries.refund_rows``: a debit typed Refund, a سند صرف),
  which are no sales. A receipt whose rows go both ways (Payment ID, customer and date
  shared: -1,000 off the account, +1,000 onto an invoice, the day money received earlier is
  applied; without a Payment ID, a row off the account and one onto an invoice of the same
  customer, date and currency: ``account_moves``) counts its net only
  (``Ledger.cash_amounts``): the move is neither a receipt nor a refund.
* Collection rate = (receipts - refunds paid) in the period / (opening AR + credit sales) x
  100; receipts are money received (not write-offs, discounts, tax withheld, nor refunds
  paid out), less the cheques returned unpaid in the period (a Payments row so named, or a
  running ledger's شيك مرتد debit, ``returned_cheques.returned_in_list``, which is no
  sale). Its numerator is CEI's: AR's movement less non-cash settlements is the cash
  collected less refunds paid out, so an overpayment refunded in the month is collected
  in neither (collection rate and CEI both 100 %, not one of them 105 %).
* A workbook that records no receipts but keeps its invoice list as open items (a Balance or
  Paid Amount column, ``ledger.balances_as_stated``; or an aging report's rows, its bucket
  columns beside their amount, ``ledger.aged_report_only``) does not say what was received in a
  period: its receipts, non-cash settlements, CEI and collection rate are blank, not 0 (an
  aging export read as "nothing collected, CEI 0 %").
* A ratio whose denominator is zero or negative is left blank, never a made-up number. So are
  the period's sales and the KPIs built on them where invoices without an invoice date (an
  aging report giving due dates only) may have been issued in the period (they fall due on or
  after the period's start) for more than 5 % of its dated sales: its sales are not known. A
  few undated invoices (mistyped dates, each an Input Issue) are left out of the sales.
* Amounts in different currencies are never added: every KPI is computed per currency;
  a receipt counts in the currency of the invoice it pays (an AED customer's payment of
  a USD invoice is USD received), else in its customer's.
* Ratios are rounded to two decimals, a half up (as Excel's ROUND).

Per customer (payment behaviour): each recorded payment applied to an invoice
(``ledger.applications``) is late by payment date - the invoice's due date (0 when on time or
early). Avg Days Late is weighted by the amount applied; Share Paid Late % = amount applied
after the due date / amount applied x 100. Trend compares the avg days late of the last 3
months with the 3 months before: more than 5 days worse is ``Worsening``, more than 5 days
better ``Improving``, else ``Stable``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property

import numpy as np
import pandas as pd

from ar_excel.core.blanks import filled
from ar_excel.core.entries import opening_rows
from ar_excel.core.ledger import (
    aged_report_only,
    applications,
    balances_as_stated,
    currency_of_receipts,
    due_dates,
    list_kinds,
    open_as_stated,
    open_items,
)
from ar_excel.core.money import TOTAL_DECIMALS, decimals_of, round_half_up
from ar_excel.core.non_cash import non_cash
from ar_excel.core.returned_cheques import returned_rows
from ar_excel.policy import Policy

TREND_DAYS = 5.0  # a change in avg days late smaller than this is "Stable"


@dataclass(frozen=True)
class Period:
    start: pd.Timestamp
    end: pd.Timestamp

    @property
    def days(self) -> int:
        return int((self.end - self.start).days) + 1

    @property
    def label(self) -> str:
        return f"{self.start:%Y-%m-%d} .. {self.end:%Y-%m-%d}"


def _day(value: date | datetime | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def _is_month_end(day: pd.Timestamp) -> bool:
    return (day + pd.Timedelta(days=1)).day == 1


def month_to(as_of: date | datetime | str | pd.Timestamp) -> Period:
    """The month ending on the as-of date (the calendar month when as-of is a month end)."""
    end = _day(as_of)
    if _is_month_end(end):
        return Period(end.replace(day=1), end)
    return Period(end - pd.DateOffset(months=1) + pd.Timedelta(days=1), end)


def trailing_months(as_of: date | datetime | str | pd.Timestamp, months: int = 12) -> list[Period]:
    """The ``months`` consecutive one-month periods ending on the as-of date, oldest first."""
    end = _day(as_of)
    month_end = _is_month_end(end)
    periods = []
    for k in range(months):
        e = end - pd.DateOffset(months=k)
        if month_end:
            e = e + pd.offsets.MonthEnd(0)
        periods.append(month_to(e) if month_end else
                       Period(e - pd.DateOffset(months=1) + pd.Timedelta(days=1), e))
    return periods[::-1]


def main_currency_of(totals: pd.Series, policy: Policy | None = None) -> str:
    """The currency a report leads with: the Policy's base currency, else the one with the
    largest of ``totals`` (a figure per currency code, "" for none), the first by code on a
    tie; "" where there is neither. The Dashboard weighs the open balances, the cash
    forecast what it expects to collect."""
    if policy is not None and policy.base_currency.strip():
        return policy.base_currency.strip().upper()
    if not len(totals):
        return ""
    return str(totals.sort_index().sort_values(ascending=False, kind="stable").index[0])


def invoice_currency(invoices: pd.DataFrame, customers: pd.DataFrame) -> pd.Series:
    """The invoice's currency, or its customer's when blank (as the ledger does)."""
    by_customer = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    return invoices["Currency"].fillna(invoices["Customer ID"].map(by_customer))


def payment_currency(payments: pd.DataFrame, customers: pd.DataFrame,
                     invoices: pd.DataFrame | None = None) -> pd.Series:
    """A receipt's currency (``ledger.currency_of_receipts``): its Payments row's own
    Currency where it states one (an EGP customer's USD 1,000 on account is USD), else that
    of the invoice it pays (a USD invoice of an AED customer is paid in USD), else its
    customer's."""
    by_customer = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    by_invoice = None
    if invoices is not None and "Invoice No" in payments and len(invoices):
        # Only the invoices the receipts name (a ledger's 300,000 invoices need no currency
        # worked out for a month's receipts).
        named_here = invoices["Invoice No"].isin(set(payments["Invoice No"].dropna()))
        first = invoices[named_here & invoices["Invoice No"].notna()].drop_duplicates(
            "Invoice No")
        by_invoice = pd.Series(invoice_currency(first, customers).to_numpy(),
                               index=first["Invoice No"].to_numpy())
        by_invoice = by_invoice[by_invoice.notna()]
    return currency_of_receipts(payments, by_invoice, by_customer)


def _ccy(series: pd.Series, blank: str = "") -> pd.Series:
    return filled(series, blank).astype(str)


def _ratio(numerator: float, denominator: float, scale: float = 1.0) -> float:
    """numerator / denominator x scale to two decimals, a half rounded up as an accountant
    (and Excel's ROUND) does; the inputs are sums of money, so six decimals hold them."""
    if denominator is None or not np.isfinite(denominator) or denominator <= 0.005 \
            or not np.isfinite(numerator):
        return float("nan")
    exact = Decimal(repr(round(numerator * scale, 6))) / Decimal(repr(round(denominator, 6)))
    return round_half_up(exact, "0.01")


@dataclass(frozen=True)
class Ledger:
    """The three input frames, with currencies resolved once."""

    customers: pd.DataFrame
    invoices: pd.DataFrame
    payments: pd.DataFrame
    blank_currency: str = ""  # what a blank currency stands for (core.local_currency)
    ledger_blank: str = ""  # the same, where the ledger needs it (jobs.aging.ledger_blank)
    _ar: dict = field(default_factory=dict, compare=False, repr=False)  # AR by date, reused

    def currencies(self) -> list[str]:
        found = set(self.invoice_currencies)
        found |= set(self.payment_currencies)
        return sorted(found)

    @cached_property
    def invoice_currencies(self) -> pd.Series:
        """Each invoice's currency (its customer's when blank), resolved once."""
        return _ccy(invoice_currency(self.invoices, self.customers), self.blank_currency)

    @cached_property
    def payment_currencies(self) -> pd.Series:
        """Each payment's currency (its customer's), resolved once."""
        return _ccy(payment_currency(self.payments, self.customers, self.invoices),
                    self.blank_currency)

    @cached_property
    def receipts_in_invoices(self) -> pd.Series:
        """The invoice list's rows that are money received (a running ledger's سند قبض, a
        transaction list's Payment lines): receipts, not credit notes (``entries``)."""
        return list_kinds(self.invoices)["received"]

    @cached_property
    def refunds_in_invoices(self) -> pd.Series:
        """The invoice list's rows that are money paid back out to customers (a running
        ledger's سند صرف, a transaction list's Refund lines: ``entries.refund_rows``)."""
        return list_kinds(self.invoices)["refund"]

    @cached_property
    def returned_in_invoices(self) -> pd.Series:
        """The invoice list's returned cheques (a running ledger's شيك مرتد debit:
        ``returned_cheques.returned_in_list``): cash taken back, as a Payments returned
        cheque is, not a sale."""
        return list_kinds(self.invoices)["returned"]

    @cached_property
    def brought_forward(self) -> pd.Series:
        """The invoice list's balances brought forward (``entries.opening_rows``): owed
        before the ledger starts, so opening AR of the period they are dated in, no sale."""
        return pd.Series(opening_rows(self.invoices), index=self.invoices.index)

    @cached_property
    def non_cash_payments(self) -> pd.Series:
        """The Payments rows that settle without money (``non_cash``), classified once for
        every period and currency."""
        return non_cash(self.payments)

    @cached_property
    def returned_payments(self) -> pd.Series:
        """The Payments rows that are cheques returned unpaid (``returned_rows``), classified
        once for every period and currency."""
        return returned_rows(self.payments)

    @cached_property
    def cash_amounts(self) -> pd.Series:
        """Each Payments row's money in or out (non-cash settlements and returned cheques
        aside, which are counted on their own), a receipt's move from the account netted:
        where money held on account is put onto invoices (``account_moves``: an ERP's receipt
        application, -1,000 off the account, +1,000 to INV-7, the day it was applied, with or
        without a Payment ID), only the net came in (or went out): it is carried by the
        move's first row, its other rows count 0. Read row by row, the move was a receipt of
        1,000 and a refund of 1,000 paid out."""
        pay = self.payments
        amounts = pay["Amount"].astype("float64")
        cash = cash_rows(pay, self.non_cash_payments, self.returned_payments)
        if not cash.any():
            return amounts
        keys = account_moves(pay, self.payment_currencies, cash)
        moving = keys.notna()
        if not moving.any():
            return amounts
        net = amounts[moving].groupby(keys[moving]).transform("sum")
        first = ~keys[moving].duplicated()
        out = amounts.copy()
        out.loc[net.index] = np.where(first, net, 0.0)
        return out

    @cached_property
    def balances_stated(self) -> bool:
        """An open-items list without receipts (``ledger.balances_as_stated``), unless it is
        a whole document list whose receipts are the money its invoices show paid
        (``receipts_in_the_list_known``)."""
        return (balances_as_stated(self.invoices, self.payments)
                or aged_report_only(self.invoices, self.payments)) and not \
            receipts_in_the_list_known(self.invoices)

    def ar(self, on: pd.Timestamp) -> pd.DataFrame:
        """The open items on a date (computed once per date)."""
        on = _day(on)
        if on not in self._ar:
            items = open_items(self.customers, self.invoices, self.payments, on,
                               blank=self.ledger_blank or None)
            self._ar[on] = items.assign(
                Currency=_ccy(items["Currency"], self.blank_currency) if len(items) else "")
        return self._ar[on]


def _cents_sum(values: pd.Series, places: int = 2) -> float:
    """The sum of amounts each rounded to the currency's minor unit (``places`` decimals:
    cents, or fils of a dinar), exact."""
    if places == 2:
        return float(np.rint(np.nan_to_num(values.to_numpy(dtype="float64")) * 100).sum() / 100.0)
    scale = 10.0 ** places
    return float(np.rint(np.nan_to_num(values.to_numpy(dtype="float64")) * scale).sum() / scale)


def _given(values: pd.Series) -> pd.Series:
    """Per cell: True where something is written (a Payment ID, an Invoice No), not blank
    nor only spaces. Receipts, moves and the money they moved read a row's ID and invoice by
    this one test, so a row is the same receipt to all of them."""
    return values.notna() & (values.astype(str).str.strip() != "")


def receipt_keys(rows: pd.DataFrame) -> pd.Series:
    """A key per Payments row, the same for the rows of one receipt: rows sharing a Payment
    ID, customer and date are one receipt (a receipt naming two invoices is recorded, or
    split, as a row per invoice); a row without a Payment ID is a receipt of its own."""
    blank = pd.Series(None, index=rows.index, dtype=object)
    ids = rows.get("Payment ID", blank)
    named = _given(ids)
    dates = pd.to_datetime(rows["Date"]) if "Date" in rows else blank
    customers = rows.get("Customer ID", blank)
    keys = (ids.astype(str).str.strip() + "|" + customers.astype(str) + "|"
            + dates.astype(str))
    return keys.where(named, pd.Series([f"#{k}" for k in range(len(rows))], index=rows.index))


def goes_both_ways(amounts: pd.Series, keys: pd.Series) -> pd.Series:
    """Whether each row's receipt (its ``keys``: ``receipt_keys``) has rows of both signs:
    money it held on account taken off and put onto invoices (-1,000 / +1,000) the day the
    clerk applied it, not a receipt and a refund."""
    return (amounts.gt(0).groupby(keys).transform("any")
            & amounts.lt(0).groupby(keys).transform("any"))


def cash_rows(payments: pd.DataFrame, non_cash_rows: pd.Series | None = None,
              returned: pd.Series | None = None) -> pd.Series:
    """Per Payments row: True where it is money in or out, so may be part of a move
    (``account_moves``): an amount that is neither a non-cash settlement (a write-off,
    discount, tax withheld, a credit note applied: ``non_cash``) nor a cheque returned unpaid
    (``returned_rows``). The KPIs' cash, Payment Behaviour's payment dates, the statements
    and the payment plans all read a row's kind here. ``non_cash_rows`` / ``returned``: those
    masks where the caller has them already."""
    if non_cash_rows is None:
        non_cash_rows = non_cash(payments)
    if returned is None:
        returned = returned_rows(payments)
    return payments["Amount"].notna() & ~non_cash_rows & ~returned


def may_move(payments: pd.DataFrame, rows: pd.Series | None = None) -> pd.Series:
    """Per Payments row: True where its customer has a negative row among ``rows`` (None:
    any row), so may have moved money off its account onto an invoice (``account_moves``):
    every move has such a row. The one screen of the customers worth looking at, for
    ``account_moves`` (``rows``: its cash rows, exact) and for the callers that look before
    they know which rows are cash (``mover_currencies``, the statements' ``net_of_moves``:
    any negative row, a few more customers, no move missed), so a ledger's hundreds of
    thousands of receipts are not read row by row for the few customers who ever moved
    money."""
    negative = payments["Amount"].astype("float64").lt(0)
    if rows is not None:
        negative &= rows
    return payments["Customer ID"].isin(set(payments.loc[negative, "Customer ID"]))


def account_moves(payments: pd.DataFrame, currencies: pd.Series | None = None,
                  cash: pd.Series | None = None) -> pd.Series:
    """Per Payments row, the key of the move it is part of where it moves money the customer
    paid earlier off its account and onto invoices (the day the clerk applied it: -1,000 off
    the account, +1,000 to INV-7), None elsewhere: no money came in or went out by it but
    the move's net. The KPIs' cash, Payment Behaviour's payment dates and the customer's
    statement all read the moves here, so they agree on them.

    * Rows with a Payment ID: the rows of one receipt (``receipt_keys``) in one currency that
      go both ways.
    * Rows without one (a receipt is then known by nothing else): a row taking money off the
      account (negative, naming no invoice) and one putting it on an invoice (positive,
      naming it) of the same customer, date and currency; other rows of that day stay
      receipts and refunds of their own.

    ``currencies``: each row's currency (``payment_currency``; None: one currency);
    ``cash``: the rows that can be part of a move (None: those with an amount)."""
    out = pd.Series(None, index=payments.index, dtype=object)
    if not len(payments):
        return out
    amounts = payments["Amount"].astype("float64")
    cash = amounts.notna() if cash is None else cash & amounts.notna()
    if not ((cash & amounts.lt(0)).any() and (cash & amounts.gt(0)).any()):
        return out
    # every move has a row off the account: only the customers with one are looked at (a
    # ledger's few hundred such rows, not its hundreds of thousands of receipts)
    cash &= may_move(payments, cash)
    rows = payments[cash]
    signed = amounts[cash]
    blank = pd.Series(None, index=rows.index, dtype=object)
    ids = rows.get("Payment ID", blank)
    named = _given(ids)
    ccy = (currencies[cash] if currencies is not None else blank).fillna("").astype(str)
    number = rows.get("Invoice No", blank)
    names_invoice = _given(number)
    plain = ("~|" + rows["Customer ID"].astype(str) + "|"
             + pd.to_datetime(rows["Date"]).astype(str) + "|" + ccy)
    keys = (receipt_keys(rows) + "|" + ccy).where(named, plain)
    moving = named & goes_both_ways(signed, keys)
    off = ~named & signed.lt(0) & ~names_invoice
    onto = ~named & signed.gt(0) & names_invoice
    moving |= (off | onto) & off.groupby(keys).transform("any") \
        & onto.groupby(keys).transform("any")
    out.loc[rows.index[moving.to_numpy()]] = keys[moving].to_numpy()
    return out


def receipt_count(rows: pd.DataFrame) -> int:
    """How many receipts the Payments rows are (``receipt_keys``)."""
    return int(receipt_keys(rows).nunique()) if len(rows) else 0


def overdue_after_credits(items: pd.DataFrame, places: int = 2) -> float:
    """The overdue AR of open items of one currency: per customer, its invoices past due less
    its credits on account (negative open items, whatever their date), never below zero,
    summed over the customers; each item to the currency's minor unit (``places``), exact."""
    # summed in minor units, divided once: 128.02, not 128.01999999999998
    return float(_overdue_units(items, places).sum() / 10.0 ** places)


def overdue_by_customer(items: pd.DataFrame, places: int = 2) -> pd.Series:
    """Per Customer ID (open items of one currency): its invoices past due less its credits
    on account, never below zero (``overdue_after_credits``)."""
    return _overdue_units(items, places) / 10.0 ** places


def overdue_share(items: pd.DataFrame, places: int = 2) -> float:
    """The overdue AR of open items of one currency as a share of what customers owe: the
    balances of the customers who owe (a customer in credit owes nothing and has nothing
    overdue), x 100, two decimals; blank when none owes. Never above 100 %: a customer's
    overdue AR is at most its balance. (Over the net closing AR a customer in credit made
    it 125 %: its credit lowered the total but not the other customers' arrears.)"""
    if not len(items):
        return float("nan")
    units = np.rint(np.nan_to_num(items["Open Amount"].to_numpy(dtype="float64"))
                    * 10.0 ** places)
    balances = pd.Series(units).groupby(
        items["Customer ID"].fillna("").astype(str).to_numpy(), sort=False).sum()
    owed = float(balances.clip(lower=0).sum())
    return _ratio(float(_overdue_units(items, places).sum()) * 100.0, owed)


def _overdue_units(items: pd.DataFrame, places: int) -> pd.Series:
    """``overdue_by_customer`` in the currency's minor units (cents, fils), whole numbers."""
    if not len(items):
        return pd.Series(dtype="float64")
    scale = 10.0 ** places
    units = np.rint(np.nan_to_num(items["Open Amount"].to_numpy(dtype="float64")) * scale)
    past_due = items["Days Past Due"].fillna(0).to_numpy(dtype="float64") > 0
    owed = np.where(past_due & (units > 0), units, 0.0)
    credits = np.where(units < 0, units, 0.0)
    per_customer = pd.DataFrame({"owed": owed, "credits": credits}).groupby(
        items["Customer ID"].fillna("").astype(str).to_numpy(), sort=False).sum()
    return (per_customer["owed"] + per_customer["credits"]).clip(lower=0)


def period_figures(ledger: Ledger, period: Period, currency: str,
                   closing_items: pd.DataFrame | None = None,
                   opening_items: pd.DataFrame | None = None) -> dict[str, float]:
    """The raw figures and KPIs of one period in one currency (a flat dict)."""
    closing = ledger.ar(period.end) if closing_items is None else closing_items
    opening = (ledger.ar(period.start - pd.Timedelta(days=1))
               if opening_items is None else opening_items)
    closing = closing[closing["Currency"] == currency]
    opening = opening[opening["Currency"] == currency]

    inv = ledger.invoices
    inv_dates = pd.to_datetime(inv["Invoice Date"])
    in_period = (inv_dates >= period.start) & (inv_dates <= period.end) & inv["Amount"].notna()
    in_period &= ledger.invoice_currencies == currency
    # a balance brought forward dated in the period was owed before it: opening AR, no sale
    brought_forward = inv.loc[in_period & ledger.brought_forward, "Amount"]
    in_period &= ~ledger.brought_forward
    # a refund the list keeps is money paid out, as a negative Payments row: no sale
    refunded_in_list = inv.loc[in_period & ledger.refunds_in_invoices, "Amount"]
    in_period &= ~ledger.refunds_in_invoices
    # a cheque the list says came back unpaid takes its cash back out of Receipts
    bounced_in_list = -inv.loc[in_period & ledger.returned_in_invoices, "Amount"]
    in_period &= ~ledger.returned_in_invoices
    issued = inv.loc[in_period & (inv["Amount"] > 0), "Amount"]
    listed_receipts = ledger.receipts_in_invoices
    credited = inv.loc[in_period & (inv["Amount"] < 0) & ~listed_receipts, "Amount"]
    received_in_list = -inv.loc[in_period & listed_receipts, "Amount"]

    pay = ledger.payments
    pay_dates = pd.to_datetime(pay["Date"])
    mine = ((pay_dates >= period.start) & (pay_dates <= period.end)
            & (ledger.payment_currencies == currency))
    settled_non_cash = ledger.non_cash_payments
    cash = ledger.cash_amounts  # a receipt's move from the account onto invoices netted
    received = cash[mine & ~settled_non_cash & (cash > 0)]  # a refund paid out is no receipt
    # A cheque returned unpaid takes back the cash its receipt counted (in the period it
    # came back): without it a bounced cheque stayed collected in Receipts.
    returned = ledger.returned_payments
    bounced = pay.loc[mine & returned, "Amount"]
    # Money paid back out to customers: AR rises by it, so CEI's numerator (AR's movement)
    # is already net of it; the collection rate takes it off too, or a 500 overpayment
    # refunded in the month counted as 500 more collected there than in CEI.
    refunded = -cash[mine & ~settled_non_cash & ~returned & (cash < 0)]
    adjusted = pay.loc[mine & settled_non_cash, "Amount"]

    places = decimals_of(currency)  # the currency's minor unit: KWD in fils
    opening_ar = round(_cents_sum(opening["Open Amount"], places)
                       + _cents_sum(brought_forward, places), places)
    closing_ar = _cents_sum(closing["Open Amount"], places)
    overdue_ar = overdue_after_credits(closing, places)
    current_ar = round(closing_ar - overdue_ar, places)
    sales = round(_cents_sum(issued, places) + _cents_sum(credited, places), places)
    receipts = _cents_sum(pd.concat([received, received_in_list, bounced, bounced_in_list]),
                          places)
    refunds = _cents_sum(pd.concat([refunded, refunded_in_list]), places)
    non_cash_settled = _cents_sum(adjusted, places)
    issued_figures = {
        "Invoices Issued": float(len(issued)),
        "Invoice Value Issued": _cents_sum(issued, places),
        "Credit Notes Issued": float(len(credited)),
        "Credit Note Value": _cents_sum(credited, places),
    }
    if _undated_may_be_in(inv, inv.index[(ledger.invoice_currencies == currency).to_numpy(bool)],
                          period, sales):
        # an invoice of unknown date (an aging report giving due dates only) may have been
        # issued in the period: its sales, and every figure built on them (each ratio below
        # is blank over unknown sales), are unknown
        issued_figures = dict.fromkeys(issued_figures, float("nan"))
        sales = float("nan")
    # Days of sales in a credit balance are no days: a DSO of -12 (customers' credits
    # exceeding what they owe) is left blank, its reason said on the Dashboard.
    dso = _ratio(closing_ar * period.days, sales) if closing_ar >= 0 else float("nan")
    best = _ratio(current_ar * period.days, sales) if current_ar >= 0 else float("nan")
    figures = {
        "Opening AR": opening_ar,
        **issued_figures,
        "Credit Sales": sales,
        "Receipts Count": float(max(receipt_count(pay.loc[received.index])
                                    + len(received_in_list) - len(bounced)
                                    - len(bounced_in_list), 0)),
        "Receipts": receipts,
        "Non-Cash Settlements": non_cash_settled,
        "Refunds Paid": refunds,
        "Closing AR": closing_ar,
        "Closing Current AR": current_ar,
        "Closing Overdue AR": overdue_ar,
        "DSO": dso,
        "Best-Possible DSO": best,
        # DSO - best-possible DSO worked from the unrounded figures (closing AR - closing
        # current AR is the overdue AR), not from the two rounded ones: 16.67, not 16.66
        "Average Days Delinquent": _ratio(overdue_ar * period.days, sales),
        "CEI %": _ratio((opening_ar + sales - closing_ar - non_cash_settled) * 100.0,
                        opening_ar + sales - current_ar),
        "Collection Rate %": _ratio((receipts - refunds) * 100.0, opening_ar + sales),
    }
    if ledger.balances_stated:  # no receipt is recorded: what came in is not known
        figures.update(dict.fromkeys(RECEIPT_FIGURES, float("nan")))
    return figures


def receipts_in_the_list_known(invoices: pd.DataFrame) -> bool:
    """Whether an invoice list stating its invoices' paid parts also holds the receipts that
    paid them: a whole document list (SAP Business One's invoices, credit memos and incoming
    payments; ``list_receipts_applied``), not an open-items report. It lists an invoice
    settled in full (the paid ones are in it), holds receipts, and its receipts and credit
    notes settled, as it states them, at least what its invoices show paid. Then what came in,
    and when, is known from the list's receipts."""
    from ar_excel.core.entries import received_rows

    if not len(invoices) or "Amount" not in invoices:
        return False
    amount = invoices["Amount"].astype("float64")
    received = pd.Series(received_rows(invoices), index=invoices.index)
    if not received.any():
        return False
    stated = open_as_stated(invoices, amount)
    settled = (amount - stated).fillna(0.0)
    bills = (amount > 0) & ~received
    paid = float(settled[bills].clip(lower=0.0).sum())
    credited = float((-settled[amount < 0]).clip(lower=0.0).sum())
    whole = bool((bills & (stated.abs() < 0.005)).any())
    return whole and paid > 0 and credited >= paid - 0.005


# the figures a book without recorded receipts cannot give
RECEIPT_FIGURES = ("Receipts Count", "Receipts", "Non-Cash Settlements", "Refunds Paid",
                   "CEI %", "Collection Rate %")


# Undated invoices that may be the period's leave its sales unknown only when they would
# weigh this much of them: one invoice whose date was mistyped (an Input Issue of its own)
# does not blank a pack; an aging report giving due dates only does.
UNDATED_SHARE = 0.05


def _undated_may_be_in(invoices: pd.DataFrame, mine: pd.Index, period: Period,
                       sales: float) -> bool:
    """Whether invoices of this currency without an invoice date may have been issued in
    the period (they fall due on or after the period's start, or when is not known either)
    for more than ``UNDATED_SHARE`` of the period's dated ``sales``."""
    rows = invoices.loc[mine]
    undated = rows["Invoice Date"].isna() & rows["Amount"].notna()
    if not undated.any():
        return False
    due = pd.to_datetime(rows.loc[undated, "Due Date"]) if "Due Date" in rows else None
    maybe = undated[undated].index if due is None else due.index[(due.isna()
                                                                   | (due >= period.start))]
    weight = float(rows.loc[maybe, "Amount"].abs().sum())
    return bool(len(maybe)) and weight > UNDATED_SHARE * max(abs(sales), 0.0)


NON_CASH_DEFINITION = ("write-offs, discounts, tax withheld, bank charges and other non-cash "
                       "settlements recorded in Payments in the period: they reduce AR but "
                       "are not collections")
CEI_DEFINITION = ("(opening AR + credit sales - closing AR - non-cash settlements) / "
                  "(opening AR + credit sales - closing current AR) x 100; the numerator is "
                  "the cash collected less refunds paid out (single-period CEI)")
REFUNDS_DEFINITION = ("refunds paid out to customers recorded in Payments or the invoice list "
                      "in the period (not cheques returned unpaid: Receipts takes those back)")
COLLECTION_RATE_DEFINITION = ("(receipts - refunds paid) / (opening AR + credit sales) x 100; "
                              "the numerator is the cash collected less refunds paid out, "
                              "as CEI's")
# Said as overdue days of sales, not as the difference: a month whose closing AR is a credit
# balance has no DSO, yet its customers in arrears owe days of sales all the same.
ADD_DEFINITION = ("closing overdue AR / credit sales x days in period (= DSO - best-possible "
                  "DSO from the unrounded figures, where both are given)")
# the Dashboard's overdue share (``overdue_share``)
OVERDUE_SHARE_DEFINITION = ("overdue receivables / the balances of the customers who owe x "
                            "100 (a customer in credit owes nothing)")
OVERDUE_DEFINITION = ("per customer, its invoices past due at the period end less its "
                      "credits on account (advances, unapplied receipts and credit notes), "
                      "never below zero; summed over the customers")
CURRENT_DEFINITION = "closing AR - closing overdue AR"
# Why a Dashboard figure is left blank, said after its definition (jobs.report); the Arabic
# pack words each (io.pack_ar), finding them by their "blank: " opening.
NO_SALES = "blank: no credit sales in the period"
NET_RETURNS = ("blank: credit notes exceed the invoices of the period (net credit sales below "
               "zero)")
UNKNOWN_SALES = "blank: the period's sales are not known (invoices without an invoice date)"
NOTHING_COLLECTIBLE = "blank: nothing was collectible in the period"
NOTHING_RECEIVABLE = "blank: nothing is receivable at the period end"
NO_RECEIPTS = ("blank: the workbook records no receipts (its invoice list states what is "
               "open)")
CREDIT_BALANCE = ("blank: closing AR is a credit balance (customers' credits exceed what they "
                  "owe)")
CURRENT_CREDIT = ("blank: closing current AR is below zero (credits on account exceed the "
                  "invoices not yet due)")
# (KPI, unit, definition) in the order of the KPIs tab.
KPI_ROWS: list[tuple[str, str, str]] = [
    ("Opening AR", "amount", "open items at the day before the period starts"),
    ("Invoices Issued", "count", "invoices dated in the period"),
    ("Invoice Value Issued", "amount", "total of the invoices dated in the period"),
    ("Credit Notes Issued", "count", "credit notes dated in the period"),
    ("Credit Note Value", "amount", "total of the credit notes dated in the period"),
    ("Credit Sales", "amount", "invoices less credit notes issued in the period"),
    ("Receipts Count", "count", "cash receipts recorded in the period (not write-offs, "
                                "discounts, tax withheld or refunds; a receipt paying several "
                                "invoices counts once), less cheques returned unpaid in it"),
    ("Receipts", "amount", "cash receipts recorded in the period (not write-offs, discounts, "
                           "tax withheld or refunds), less cheques returned unpaid in it"),
    ("Non-Cash Settlements", "amount", NON_CASH_DEFINITION),
    ("Refunds Paid", "amount", REFUNDS_DEFINITION),
    ("Closing AR", "amount", "open items at the period end"),
    ("Closing Current AR", "amount", CURRENT_DEFINITION),
    ("Closing Overdue AR", "amount", OVERDUE_DEFINITION),
    ("DSO", "days", "closing AR / credit sales x days in period"),
    ("Best-Possible DSO", "days", "closing current AR / credit sales x days in period"),
    ("Average Days Delinquent", "days", ADD_DEFINITION),
    ("CEI %", "%", CEI_DEFINITION),
    ("Collection Rate %", "%", COLLECTION_RATE_DEFINITION),
]


def kpi_table(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
              period: Period, ledger: Ledger | None = None) -> pd.DataFrame:
    """KPI, Currency, Value, Unit, Definition, Period: one block of rows per currency.

    Pass the same ``ledger`` to several calls to compute the AR of each date only once.
    """
    ledger = ledger or Ledger(customers, invoices, payments)
    closing = ledger.ar(period.end)
    opening = ledger.ar(period.start - pd.Timedelta(days=1))
    rows = []
    # every currency of the period's documents, and of the AR at either end (a receipt
    # left on account in its customer's currency counts in that one's closing AR)
    codes = set(ledger.currencies())
    for items in (opening, closing):
        if len(items):
            codes |= set(items["Currency"].astype(str))
    for ccy in sorted(codes):
        figures = period_figures(ledger, period, ccy, closing, opening)
        rows.append({"KPI": "Days in Period", "Currency": ccy or None,
                     "Value": float(period.days), "Unit": "days",
                     "Definition": f"{period.label}, both days included",
                     "Period": period.label})
        for name, unit, definition in KPI_ROWS:
            rows.append({"KPI": name, "Currency": ccy or None, "Value": figures[name],
                         "Unit": unit, "Definition": definition, "Period": period.label})
    return pd.DataFrame(rows, columns=["KPI", "Currency", "Value", "Unit", "Definition",
                                       "Period"])


def dso_trend(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
              as_of: date | datetime | str | pd.Timestamp, months: int = 12,
              ledger: Ledger | None = None) -> pd.DataFrame:
    """Per month and currency: credit sales, closing AR, DSO, best-possible DSO, ADD, CEI %."""
    ledger = ledger or Ledger(customers, invoices, payments)
    periods = trailing_months(as_of, months)
    rows = []
    for ccy in ledger.currencies():
        for p in periods:
            f = period_figures(ledger, p, ccy)
            rows.append({"Month": f"{p.end:%Y-%m}", "Currency": ccy or None,
                         "Period Start": p.start, "Period End": p.end,
                         "Credit Sales": f["Credit Sales"], "Receipts": f["Receipts"],
                         "Closing AR": f["Closing AR"], "DSO": f["DSO"],
                         "Best-Possible DSO": f["Best-Possible DSO"],
                         "Average Days Delinquent": f["Average Days Delinquent"],
                         "CEI %": f["CEI %"]})
    return pd.DataFrame(rows, columns=["Month", "Currency", "Period Start", "Period End",
                                       "Credit Sales", "Receipts", "Closing AR", "DSO",
                                       "Best-Possible DSO", "Average Days Delinquent",
                                       "CEI %"])


def money_dates(payments: pd.DataFrame, currencies: pd.Series | None = None) -> pd.Series:
    """For each Payments row that puts money held on account onto an invoice (a positive row
    of a move, ``account_moves``, as ``Ledger.cash_amounts`` reads it: -1,000 off the
    account, +1,000 to INV-7, the day it was applied), the day that money came: the latest
    earlier row putting money on account (positive, naming no invoice) of the same customer
    and, where the move has a Payment ID, of that Payment ID. NaT elsewhere. A customer who
    paid on 5 October, before its invoice fell due, did not pay late because the clerk
    applied the money on 10 November. ``currencies``: each row's (``payment_currency``)."""
    out = pd.Series(pd.NaT, index=payments.index, dtype="datetime64[ns]")
    if not len(payments):
        return out
    amounts = payments["Amount"].astype("float64")
    if not ((amounts < 0).any() and (amounts > 0).any()):
        return out
    cash = cash_rows(payments)
    moves = account_moves(payments, currencies, cash)
    applying = moves.index[(moves.notna() & amounts.gt(0)).to_numpy()]
    if not len(applying):
        return out
    dates = pd.to_datetime(payments["Date"])
    blank = pd.Series(None, index=payments.index, dtype=object)
    invoice = payments.get("Invoice No", blank)
    ids = payments.get("Payment ID", blank)
    named = _given(ids)
    customer = payments["Customer ID"].astype(str)
    by_id = ids.astype(str).str.strip() + "|" + customer
    by_customer = "~|" + customer
    on_account = cash & amounts.gt(0) & ~_given(invoice)
    # a move with a Payment ID looks for the money under that ID; one without, for any
    # money its customer put on account
    who = by_id.where(named, by_customer)
    # the latest strictly earlier on-account date, all the applying rows at once (row by row
    # it was a pass over every payment for each of them)
    asked = pd.DataFrame({"who": who.loc[applying], "date": dates.loc[applying]}).dropna(
        subset=["date"]).sort_values("date", kind="stable")
    held = pd.concat([
        pd.DataFrame({"who": by_id[on_account & named], "date": dates[on_account & named]}),
        pd.DataFrame({"who": by_customer[on_account], "date": dates[on_account]}),
    ]).dropna(subset=["date"]).sort_values("date", kind="stable")
    if asked.empty or held.empty:
        return out
    held["came"] = held["date"]
    found = pd.merge_asof(asked.reset_index(), held, on="date", by="who",
                          direction="backward", allow_exact_matches=False).set_index("index")
    came = found["came"].dropna()
    out.loc[came.index] = came.to_numpy()
    return out


def mover_currencies(payments: pd.DataFrame, customers: pd.DataFrame,
                      invoices: pd.DataFrame) -> pd.Series:
    """``payment_currency`` of the rows that may be part of a move (``account_moves``: their
    customer has a row off the account), blank elsewhere: a ledger's every receipt looked up
    among its invoices took most of ``days_late`` (0.8 s of 300,000 receipts), for the few
    customers who ever moved money."""
    out = pd.Series(None, index=payments.index, dtype=object)
    maybe = may_move(payments).to_numpy()
    if maybe.any():
        out.iloc[np.flatnonzero(maybe)] = payment_currency(
            payments[maybe], customers, invoices).to_numpy(dtype=object)
    return out


def days_late(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
              as_of: date | datetime | str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Each payment application: Customer ID, Invoice No, Date, Due Date, Applied Amount, Days
    Late, Currency (the invoice's, else its customer's; blank where neither says).

    Days Late = payment date - due date, 0 when paid on time or early. Undated payments and
    payments applied to nothing are left out (nothing to measure).
    """
    apps = applications(invoices, payments, as_of, customers)
    # a write-off or tax withheld closes the invoice on the receipt's date; it is no payment
    cash = ~non_cash(payments).reindex(apps.index, fill_value=False)
    apps = apps[(apps["Applied Amount"] > 0) & apps["Date"].notna() & cash]
    columns = ["Customer ID", "Invoice No", "Date", "Due Date", "Applied Amount", "Days Late",
               "Currency", "Payment ID"]
    if apps.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    first = invoices.drop_duplicates("Invoice No")
    due = pd.Series(due_dates(first, customers).to_numpy(), index=first["Invoice No"])
    currency = pd.Series(invoice_currency(first, customers).to_numpy(), index=first["Invoice No"])
    paid_on = pd.to_datetime(apps["Date"])
    came = money_dates(payments, mover_currencies(payments, customers, invoices)).reindex(
        apps.index)
    paid_on = paid_on.where(came.isna(), came)
    out = pd.DataFrame({
        "Customer ID": apps["Customer ID"],
        "Invoice No": apps["Invoice No"],
        "Date": paid_on,
        "Due Date": apps["Invoice No"].map(due),
        "Applied Amount": apps["Applied Amount"],
    })
    out = out[out["Due Date"].notna()]
    out["Days Late"] = (out["Date"] - out["Due Date"]).dt.days.clip(lower=0).astype("int64")
    out["Currency"] = out["Invoice No"].map(currency)
    out["Payment ID"] = apps.loc[out.index, "Payment ID"]
    return out.reset_index(drop=True)


def _weighted(days_x_amount: pd.Series, amount: pd.Series) -> pd.Series:
    """Amount-weighted average days, to 0.1 day; blank where nothing was paid."""
    return (days_x_amount / amount.where(amount >= 0.005)).round(1)


def payment_behaviour(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                      as_of: date | datetime | str | pd.Timestamp,
                      blank_currency: str = "") -> pd.DataFrame:
    """Per customer and currency (the invoices'; amounts in two currencies are never added
    nor weighed together), over payments of the last 6 months: days late, share paid late,
    trend. ``blank_currency``: what a blank currency stands for (the book's)."""
    columns = ["Customer ID", "Customer", "Payments", "Amount Paid", "Avg Days Late",
               "Share Paid Late %", "Avg Days Late (last 3 months)",
               "Avg Days Late (3 months before)", "Trend", "Currency"]
    end = _day(as_of)
    mid = end - pd.DateOffset(months=3)
    start = end - pd.DateOffset(months=6)
    late = days_late(customers, invoices, payments, end)
    late = late[late["Date"] > start]
    if late.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    amount = late["Applied Amount"].astype("float64")
    weighted = late["Days Late"].astype("float64") * amount
    recent = late["Date"] > mid
    parts = pd.DataFrame({
        "Customer ID": late["Customer ID"],
        "Currency": _ccy(late["Currency"], blank_currency),
        "receipt": receipt_keys(late),  # one receipt paying two invoices is one payment
        "amount": amount,
        "weighted": weighted,
        "late_amount": amount.where(late["Days Late"] > 0, 0.0),
        "recent_amount": amount.where(recent, 0.0),
        "recent_weighted": weighted.where(recent, 0.0),
        "earlier_amount": amount.where(~recent, 0.0),
        "earlier_weighted": weighted.where(~recent, 0.0),
    })
    by = parts.groupby(["Customer ID", "Currency"], sort=True)
    g = by.sum(numeric_only=True)
    g["n"] = by["receipt"].nunique()
    names = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Name"]
    recent_days = _weighted(g["recent_weighted"], g["recent_amount"])
    earlier_days = _weighted(g["earlier_weighted"], g["earlier_amount"])
    ids = g.index.get_level_values("Customer ID")
    out = pd.DataFrame({
        "Customer ID": ids.to_numpy(dtype=object),
        "Customer": filled(ids.map(names)).to_numpy(dtype=object),
        "Payments": g["n"].astype("int64").to_numpy(),
        "Amount Paid": g["amount"].round(TOTAL_DECIMALS).to_numpy(),
        "Avg Days Late": _weighted(g["weighted"], g["amount"]).to_numpy(),
        "Share Paid Late %": (g["late_amount"] / g["amount"] * 100).round(2).to_numpy(),
        "Avg Days Late (last 3 months)": recent_days.to_numpy(),
        "Avg Days Late (3 months before)": earlier_days.to_numpy(),
        "Trend": [_trend(r, e) for r, e in zip(recent_days, earlier_days, strict=True)],
        "Currency": [c or None for c in g.index.get_level_values("Currency")],
    })
    return out[columns]


def _trend(recent: float, earlier: float) -> str:
    if np.isnan(recent) and np.isnan(earlier):
        return ""
    if np.isnan(earlier):
        return "New (no payments before)"
    if np.isnan(recent):
        return "No recent payments"
    change = recent - earlier
    if change > TREND_DAYS:
        return "Worsening"
    if change < -TREND_DAYS:
        return "Improving"
    return "Stable"
