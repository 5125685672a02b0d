"""Late-payment risk: how late each customer pays, a score, and when each open invoice is
expected to be paid. Every figure can be recomputed by hand from the customer's history.

Rules:

* Paid history: a receipt that names an invoice settles that invoice (as the ledger applies
  it); what is left of a receipt, and receipts that name none, settle the customer's oldest
  open invoices (by due date) that exist on the receipt's date, as customers usually pay.
  A receipt naming another customer's invoice pays that invoice (as the ledger has it).
  Money held on account and moved onto an invoice later (-1,000 off the account, +1,000 to
  INV-7) came once, on its own day; a refund paid out of money on account gives back part
  of the latest earlier receipts on account (``payment_plans.receipts_until``).
  An invoice is paid on the date of the receipt that completes it (nothing of it left, to
  half its currency's minor unit: a KWD invoice 4 fils short is not paid); Days Late = that
  date - the Due Date (negative: paid early). Credit notes are not payments.
* Write-offs, discounts, tax withheld and other non-cash settlements (``non_cash``) settle
  their part of an invoice, but no money came with them: an invoice is paid on the date of
  the last cash receipt applied to it (a withholding certificate filed two months after the
  cash does not make the customer two months late), and an invoice settled without any cash
  (written off) is no paid invoice at all.
* Average Days Late = weighted average of Days Late over paid invoices, weight = invoice
  amount x 0.5 ^ (age / 180 days), age = as-of date - paid date: a payment half a year ago
  counts half as much as one made today. Open invoices already more days past due than
  that average join it with their current days past due (they are at least that late) and
  weight = amount, and the average is taken again. "Open" here and below means what is left
  after the customer's credits on account (``dunning.chased_items``), as in the ledger's
  balance: an invoice covered by cash already received is not late.
* A customer with no paid invoice and nothing overdue gets the portfolio's average: the
  paid invoices in its currency, same weights (amounts of different currencies are not
  weighed against each other), else every paid invoice where none is in its currency;
  Basis says which.
* Risk Score (0-100) = 60 x min(max(Average Days Late, 0), 60) / 60
  + 40 x (share of the open invoice balance more than 30 days past due), rounded. (A
  customer billed in several currencies gets no Open Balance figure: amounts in different
  currencies are not added; its share and weights use the amounts at what they are worth
  in the base currency where the Policy's exchange rates give every one of its currencies,
  else as they are.)
  Risk Class: Low below 20, Medium below 50, High from 50.
* Open Balance is the customer's balance in the ledger, as the Aging and Credit Status give
  it (disputed invoices in, credits on account netted, a credit balance negative); Overdue
  30+ % is the share of what is chased (undisputed invoices less the credits) more than 30
  days past due.
* Only an invoice past its due date is an "open overdue" one: an invoice not yet due never
  joins the average, even for a customer who pays early (an average below zero).
* Expected payment date of an open invoice = Due Date + Average Days Late. An invoice
  more than ``policy.dunning_levels_days[-1]`` (90) days past due is Doubtful (no date, left
  out of the forecast). When the expected date has passed, the invoice is expected 7 days
  after the as-of date (chased now, paid within the week). Amounts are what is left after the
  customer's credits on account (``dunning.chased_items``). A customer with an active payment
  plan is expected to pay its outstanding instalments on their due dates instead (overdue
  ones within 7 days); a plan settles the debt owed when it was agreed, so what the customer
  owes beyond the plan's outstanding instalments (in the plan's currency) is its newest
  invoices, billed since, expected as any invoice is (they were left out of the forecast),
  but by an average without the debt the plan covers: its paid history (else the
  portfolio's average), joined by those newest invoices already later than it. (The Risk
  tab keeps that debt in: a customer whose debt had to be rescheduled is a risk; its
  instalments, not its new invoices, are when that debt is expected.)
  The instalments are expected, oldest first, only as far as the customer still owes
  (its balance after credits, in the plan's currency): a credit note or cash outside the
  plan's window that cleared the debt leaves nothing to expect from the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice
from typing import NamedTuple

import numpy as np
import pandas as pd

from ar_excel.core.collections.disputes import DISPUTED
from ar_excel.core.collections.dunning import chased_items, levels_days
from ar_excel.core.collections.payment_plans import receipts_until
from ar_excel.core.fx import Rates
from ar_excel.core.ledger import open_balance
from ar_excel.core.money import (
    DEFAULT_DECIMALS,
    TOTAL_DECIMALS,
    decimals,
    decimals_of,
    half_unit,
    half_units,
    round_total,
)
from ar_excel.core.non_cash import non_cash
from ar_excel.model import ROW
from ar_excel.policy import Policy

CENT = 0.005
LEAST = half_unit(TOTAL_DECIMALS)  # a receipt's remainder below it is nothing, in any currency
HALF_LIFE_DAYS = 180.0
PORTFOLIO_AVERAGE = "portfolio average"  # Payment Risk's Basis of a customer with no history
POOLED = "portfolio pace"  # risk_scores' attrs key: the customers averaged at the portfolio's
SCORE_CAP_DAYS = 60.0
SEVERE_DAYS = 30
CHASE_DAYS = 7

RISK_COLUMNS = [
    "Customer ID", "Customer", "Risk Score", "Risk Class", "Average Days Late",
    "Paid Invoices", "Paid On Time %", "Open Balance", "Currency", "Overdue 30+ %", "Basis",
]
RISK_FORMATS = {
    "Risk Score": "int", "Average Days Late": "days", "Paid Invoices": "int",
    "Paid On Time %": "percent", "Open Balance": "money", "Overdue 30+ %": "percent",
}
EXPECTED_COLUMNS = [
    "Customer ID", "Customer", "Invoice No", "Due Date", "Days Past Due", "Currency",
    "Expected Amount", "Expected Days Late", "Expected Date", "Basis",
]
EXPECTED_FORMATS = {
    "Due Date": "date", "Days Past Due": "int", "Expected Amount": "money",
    "Expected Days Late": "days", "Expected Date": "date",
}


def paid_history(invoices: pd.DataFrame, payments: pd.DataFrame, due: pd.Series,
                 as_of: date, currencies: pd.Series | None = None,
                 customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Invoices fully paid by the as-of date: Customer ID, Invoice No, Due Date, Amount,
    Paid Date, Currency (the invoice's, blank where it names none), Days Late. ``due`` is
    ``ledger.due_dates(invoices, customers)``; ``currencies``: each payment's currency
    (``kpis.mover_currencies``), so that a refund and a receipt of another currency the same
    day are not read as money moved on account (``payment_plans.receipts_until``).
    ``customers``: where a Payments row states its own Currency, a receipt pays invoices
    of its currency only (``_paid_in``: a USD 1,000 on account pays no EGP invoice, as in the
    ledger)."""
    day = pd.Timestamp(as_of).normalize()
    inv = invoices.assign(_due=pd.to_datetime(due))
    inv = inv[(inv["Amount"] > 0) & inv["Invoice No"].notna() & inv["_due"].notna()
              & (pd.to_datetime(inv["Invoice Date"]) <= day)]
    inv = inv.drop_duplicates("Invoice No")
    pay = receipts_until(payments, day, currencies)
    cash = (~non_cash(pay)).tolist()
    inv = inv.sort_values(["Customer ID", "_due", "Invoice Date", ROW], kind="stable")
    # plain records grouped once: per-customer pandas slicing costs more than the rule;
    # dates as integers (nanoseconds) to compare, rows by position to take the dates from
    receipts: dict = {}
    # a receipt recorded under one customer naming another's invoice pays that invoice, as
    # the ledger applies it
    owner = dict(zip(inv["Invoice No"].tolist(), inv["Customer ID"].tolist(), strict=True))
    bill_ccy, paid_in = _paid_in(inv, pay, customers)
    for r in zip(pay["Customer ID"].tolist(), pay["Amount"].astype(float).tolist(),
                 pay["Invoice No"].tolist(), _nanoseconds(pay["Date"]), range(len(pay)), cash,
                 paid_in, strict=True):
        payer = owner.get(r[2], r[0]) if isinstance(r[2], str) else r[0]
        receipts.setdefault(payer, []).append(r[1:])
    bills: dict = {}
    # what is left of an invoice is nothing below half its currency's minor unit: a KWD
    # invoice 4 fils short is not paid, as an EGP one a piastre short is not
    places = decimals(inv["Currency"]).tolist() if "Currency" in inv \
        else [DEFAULT_DECIMALS] * len(inv)
    for r in zip(inv["Customer ID"].tolist(), inv["Invoice No"].tolist(),
                 inv["Amount"].astype(float).tolist(),
                 _nanoseconds(pd.to_datetime(inv["Invoice Date"])), range(len(inv)), places,
                 strict=True):
        bills.setdefault(r[0], []).append(r[1:])
    columns = ["Customer ID", "Invoice No", "Due Date", "Amount", "Paid Date"]
    ids, numbers, amounts, bill_rows, receipt_rows = [], [], [], [], []
    for cid in sorted(bills, key=str):
        invs = bills[cid]
        account = _OpenInvoices(invs)
        left, unit, nothing = account.left, account.places, account.nothing
        paid_on: dict[str, int] = {}  # invoice -> the row of its last cash receipt (-1: none)
        last_cash: dict[str, int] = {}
        for amount, named, when, at, is_cash, code in receipts.get(cid, []):
            for target in account.targets(named, when):
                if amount < LEAST:
                    break
                if code is not None and bill_ccy.get(target, code) not in (code, None):
                    continue  # (an invoice of another currency: none of it is paid)
                take = min(amount, left[target])
                left[target] = round(left[target] - take, unit[target])
                amount = round(amount - take, TOTAL_DECIMALS)
                if is_cash:
                    last_cash[target] = at
                if left[target] < nothing[target] and target not in paid_on:
                    paid_on[target] = last_cash.get(target, -1)
        for no, amount, _, at, _ in invs:
            if paid_on.get(no, -1) >= 0:
                ids.append(cid)
                numbers.append(no)
                amounts.append(amount)
                bill_rows.append(at)
                receipt_rows.append(paid_on[no])
    if not ids:
        out = pd.DataFrame([], columns=columns)
    else:
        out = pd.DataFrame({"Customer ID": ids, "Invoice No": numbers,
                            "Due Date": inv["_due"].to_numpy()[bill_rows], "Amount": amounts,
                            "Paid Date": pay["Date"].to_numpy()[receipt_rows]},
                           columns=columns)
    # the invoice's own currency (blank: its customer's, which risk_scores knows)
    out["Currency"] = (inv["Currency"].to_numpy()[bill_rows] if "Currency" in inv and ids
                       else None)
    out["Days Late"] = (pd.to_datetime(out["Paid Date"]) - pd.to_datetime(out["Due Date"])).dt.days
    return out


def _paid_in(inv: pd.DataFrame, pay: pd.DataFrame, customers: pd.DataFrame | None
             ) -> tuple[dict, list]:
    """Where some receipt of ``pay`` states its own Currency (``ledger.stated_currencies``)
    and ``customers`` say theirs: each invoice's currency by number (its own, else its
    customer's) and each receipt's (``ledger.currency_of_receipts``: its own, else its
    invoice's, else its customer's), None where unknown; else nothing and Nones (one
    account per customer, as before)."""
    from ar_excel.core.ledger import currency_of_receipts, said_currencies, stated_currencies

    stated = stated_currencies(pay)
    if customers is None or "Currency" not in customers or not stated.notna().any():
        return {}, [None] * len(pay)
    # (a master's Currency that is no currency, 'محلي', says none: the ledger's reading)
    master = said_currencies(
        customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"])
    own = said_currencies(inv["Currency"]) if "Currency" in inv \
        else pd.Series(None, index=inv.index)
    code = own.where(own.notna(), inv["Customer ID"].map(master))
    by_no = {no: c for no, c in zip(inv["Invoice No"], code, strict=True) if isinstance(c, str)}
    paid_in = currency_of_receipts(pay, by_no, master)
    return by_no, [c if isinstance(c, str) else None for c in paid_in.tolist()]


def _nanoseconds(dates: pd.Series) -> list[int]:
    """Dates as integers that compare as the dates do (none of them is blank here)."""
    return dates.to_numpy(dtype="datetime64[ns]").view("int64").tolist()


class _OpenInvoices:
    """A customer's invoices in due-date order with what is left to pay on each."""

    def __init__(self, invs: list[tuple]) -> None:
        self.order = [no for no, _, _, _, _ in invs]
        self.left = {no: amount for no, amount, _, _, _ in invs}
        self.issued = {no: when for no, _, when, _, _ in invs}
        self.places = {no: places for no, _, _, _, places in invs}
        self.nothing = {no: half_unit(places) for no, _, _, _, places in invs}
        self.first_open = 0  # everything before it is settled

    def targets(self, named: object, when: int) -> Iterator[str]:
        """The invoice a receipt names first, then the oldest open invoices issued by then
        (lazily: the caller stops when the receipt is used up)."""
        left, nothing = self.left, self.nothing
        if isinstance(named, str) and named in left and left[named] >= nothing[named]:
            yield named
        while self.first_open < len(self.order) \
                and left[self.order[self.first_open]] < nothing[self.order[self.first_open]]:
            self.first_open += 1
        for no in islice(self.order, self.first_open, None):
            if left[no] >= nothing[no] and no != named and self.issued[no] <= when:
                yield no


def _weighted(days: pd.Series, weights: pd.Series) -> float:
    total = float(weights.sum())
    return float((days * weights).sum() / total) if total > 0 else float("nan")


def _mean(pairs: list[tuple[float, float]]) -> float:
    """Weighted mean of (days, weight) pairs; NaN when there is no weight."""
    total = sum(w for _, w in pairs)
    return sum(d * w for d, w in pairs) / total if total > 0 else float("nan")


def _average_days_late(paid: list[tuple[float, float]], open_: list[tuple[float, float]],
                       otherwise: float) -> tuple[float, float, list]:
    """The module's Average Days Late: the weighted mean of the ``paid`` (days late, weight)
    pairs, else ``otherwise`` (the portfolio's), joined by the ``open_`` (days past due,
    amount) pairs later than it, and the mean taken again. Also the average before those
    joined it and the pairs that did (an invoice not yet due never joins)."""
    before = _mean(paid)
    if np.isnan(before):
        before = otherwise
    late = [(d, a) for d, a in open_ if d > before and d > 0]
    return (_mean(paid + late) if late else before), before, late


def _recency(history: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    age = (day - pd.to_datetime(history["Paid Date"])).dt.days.clip(lower=0)
    return history["Amount"] * np.power(0.5, age / HALF_LIFE_DAYS)


def risk_scores(items: pd.DataFrame, history: pd.DataFrame, customers: pd.DataFrame,
                as_of: date, chased: pd.DataFrame | None = None,
                lateness: Lateness | None = None, rates: Rates | None = None
                ) -> pd.DataFrame:
    """The Payment Risk tab: one row per customer with paid history or open invoices.
    ``chased``: ``chased_items(items)`` when the caller has it already; ``lateness``:
    ``paid_lateness`` of these ``history``, ``customers`` and ``items``, likewise.
    ``rates``: the Policy's exchange rates (``core.fx.policy_rates``), to order equal
    scores by what each balance is worth (``_worth``)."""
    hist_by, portfolio_of = lateness or paid_lateness(history, customers, items, as_of)
    # what is really unpaid: open invoices less the customer's credits on account
    if chased is None:
        chased = chased_items(items) if len(items) else items
    inv = chased
    if len(inv):
        inv = inv[inv["Uncovered Amount"] >= CENT].assign(**{"Open Amount": inv["Uncovered Amount"]})
    open_by: dict = {}
    currencies: dict = {}
    # the ledger's balance per customer (every open item, signed), as the Aging gives it
    balances = open_balance(items).to_dict() if len(items) else {}
    if len(items):
        for cid, ccy in zip(items["Customer ID"], items["Currency"], strict=True):
            currencies.setdefault(cid, set()).add(ccy if isinstance(ccy, str) else "")
    if len(inv):
        for cid, dpd, amount in zip(inv["Customer ID"], inv["Days Past Due"].astype(float),
                                    inv["Open Amount"].astype(float), strict=True):
            open_by.setdefault(cid, []).append((dpd, amount))
    if rates is not None and rates.base:
        # a customer in several currencies: its amounts weighed at what they are worth
        hist_by, open_by = _in_base(hist_by, open_by, history, inv, customers, items, rates)
    names = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Name"]
    rows = []
    pooled = []  # averaged at the portfolio's pace: no paid invoice, none of its open later
    for cid in sorted(set(hist_by) | set(open_by), key=str):
        h, o = hist_by.get(cid, []), open_by.get(cid, [])
        avg, _, late = _average_days_late(h, o, portfolio_of(cid))
        basis = f"own history ({len(h)} paid)" if not np.isnan(_mean(h)) \
            else PORTFOLIO_AVERAGE
        if basis == PORTFOLIO_AVERAGE and not late:
            pooled.append(cid)
        if late:
            basis = (f"own history ({len(h)} paid) and {len(late)} open overdue" if h
                     else f"{len(late)} open overdue")
        balance = sum(a for _, a in o)
        severe = sum(a for d, a in o if d > SEVERE_DAYS)
        share = severe / balance if balance >= CENT else 0.0
        score = risk_score(avg, share)
        rows.append({
            "Customer ID": cid, "Customer": names.get(cid),
            "Risk Score": score, "Risk Class": risk_class(score),
            "Average Days Late": round(avg, 1), "Paid Invoices": len(h),
            "Paid On Time %": round(100.0 * sum(d <= 0 for d, _ in h) / len(h), 1)
            if h else None,
            "Open Balance": round_total(balances.get(cid, 0.0))
            if len(currencies.get(cid, ())) <= 1 else None,
            "Currency": "/".join(sorted(currencies[cid])) or None if cid in currencies else None,
            "Overdue 30+ %": round(100.0 * share, 1), "Basis": basis,
        })
    out = pd.DataFrame(rows, columns=RISK_COLUMNS)
    out = out.assign(_worth=_worth(out, items, rates)).sort_values(
        ["Risk Score", "_worth", "Customer ID"], ascending=[False, False, True], kind="stable",
        na_position="last")
    out = out.drop(columns="_worth").reset_index(drop=True)
    # read by expected_payments: the Basis words may be shown translated or edited
    out.attrs[POOLED] = frozenset(pooled)
    return out


def _in_base(hist_by: dict, open_by: dict, history: pd.DataFrame, open_: pd.DataFrame,
             customers: pd.DataFrame, items: pd.DataFrame, rates: Rates) -> tuple[dict, dict]:
    """``hist_by`` (paid: days late, weight) and ``open_by`` (open: days past due, amount)
    with the weights and amounts of each customer in several currencies converted into the
    rates' base, where the rates give every one of its currencies: USD 5,000 is not less
    than EGP 100,000. The pairs are in the order of ``history`` and ``open_`` (the rows they
    were made from); a blank currency is the customer's own. Others are left as they are."""
    home = _home_currencies(customers, items)

    def each(frame: pd.DataFrame) -> dict:
        out: dict = {}
        if not len(frame):
            return out
        own = frame["Currency"] if "Currency" in frame else pd.Series(None, index=frame.index)
        for cid, ccy in zip(frame["Customer ID"], own, strict=True):
            code = ccy.strip() if isinstance(ccy, str) else ""
            out.setdefault(cid, []).append(code or home.get(cid) or "")
        return out

    paid_in, owed_in = each(history), each(open_)
    hist_out, open_out = dict(hist_by), dict(open_by)
    for cid in set(paid_in) | set(owed_in):
        paid, owed = paid_in.get(cid, []), owed_in.get(cid, [])
        if len(set(paid) | set(owed)) < 2 or len(paid) != len(hist_by.get(cid, [])) \
                or len(owed) != len(open_by.get(cid, [])):
            continue
        factor = {c: rates.factor(c or None, rates.base) for c in set(paid) | set(owed)}
        if any(f is None for f in factor.values()):
            continue  # no rate for one of them: all there is to go by is the figures
        if paid:
            hist_out[cid] = [(d, w * factor[c]) for (d, w), c in zip(hist_by[cid], paid,
                                                                     strict=True)]
        if owed:
            open_out[cid] = [(d, a * factor[c]) for (d, a), c in zip(open_by[cid], owed,
                                                                     strict=True)]
    return hist_out, open_out


def _worth(rows: pd.DataFrame, items: pd.DataFrame, rates: Rates | None) -> pd.Series:
    """What each row's balance is worth in the rates' base, to put the larger first among
    equal scores: EGP 50,000 is less than USD 2,000 at 48.50. A customer in several
    currencies (no Open Balance: its currencies are not added as they stand) is worth its
    balances converted; where no rate gives it, the Open Balance as it stands (all there is
    to go by; blank for several currencies: last)."""
    worth = rows["Open Balance"].astype("float64")
    if rates is None or not rates.base:
        return worth

    def factor(code: object) -> float | None:
        return rates.factor(code if isinstance(code, str) and code else None, rates.base)

    single = [None if f is None else w * f
              for w, f in zip(worth, rows["Currency"].map(factor), strict=True)]
    several = worth.isna() & rows["Currency"].notna()
    if several.any():
        mixed = items[items["Customer ID"].isin(set(rows.loc[several, "Customer ID"]))]
        code = mixed["Currency"].where(mixed["Currency"].map(
            lambda c: isinstance(c, str) and c != ""), "")
        owed = mixed["Open Amount"].astype("float64").groupby(
            [mixed["Customer ID"], code]).sum()
        total: dict = {}
        for (cid, ccy), amount in owed.items():
            f = factor(ccy)
            total[cid] = None if f is None or total.get(cid, 0.0) is None \
                else total.get(cid, 0.0) + amount * f
        for at in np.flatnonzero(several.to_numpy()):
            single[at] = total.get(rows["Customer ID"].iloc[at])
    converted = pd.Series(single, index=rows.index, dtype="float64")
    return converted.where(converted.notna(), worth)


class Lateness(NamedTuple):
    """Each customer's paid invoices as (days late, weight by recency) pairs, and the days
    late a customer without any is taken to pay by (``paid_lateness``)."""

    paid: dict
    otherwise: Callable[[object], float]


def paid_lateness(history: pd.DataFrame, customers: pd.DataFrame, items: pd.DataFrame,
                  as_of: date) -> Lateness:
    """Each customer's paid invoices as (days late, weight by recency) pairs, and the days
    late a customer without any is taken to pay by: its currency's portfolio average, else
    the whole portfolio's. The Payment Risk tab and Expected Payments both average them: a
    caller of both works them out once and gives them to each."""
    day = pd.Timestamp(as_of).normalize()
    hist = history.assign(_w=_recency(history, day)) if len(history) else \
        history.assign(_w=pd.Series(dtype="float64"))
    portfolio = _weighted(hist["Days Late"], hist["_w"]) if len(hist) else 0.0
    portfolio = 0.0 if np.isnan(portfolio) else portfolio
    home = _home_currencies(customers, items)
    by_currency = _portfolios(hist, home)
    hist_by: dict = {}
    for cid, days, w in zip(hist["Customer ID"], hist["Days Late"].astype(float), hist["_w"],
                            strict=True):
        hist_by.setdefault(cid, []).append((days, float(w)))
    return Lateness(hist_by, lambda cid: by_currency.get(home.get(cid), portfolio))


def _home_currencies(customers: pd.DataFrame, items: pd.DataFrame) -> dict:
    """Each customer's currency: the master's, else the one currency of its open items."""
    home: dict = {}
    if len(items) and "Currency" in items:
        for cid, ccys in items.groupby("Customer ID")["Currency"]:
            named = {c for c in ccys if isinstance(c, str) and c}
            if len(named) == 1:
                home[cid] = next(iter(named))
    if "Currency" in customers:
        for cid, ccy in zip(customers["Customer ID"], customers["Currency"], strict=True):
            if isinstance(ccy, str) and ccy.strip():
                home[cid] = ccy.strip()
    return home


def _portfolios(hist: pd.DataFrame, home: dict) -> dict[str, float]:
    """The portfolio's average days late per currency: the paid invoices of that currency
    only, weighted as every average is (amounts of different currencies are not weighed
    against each other: 12,000 EUR is not 12,000 EGP)."""
    if not len(hist):
        return {}
    own = hist["Currency"] if "Currency" in hist else pd.Series(None, index=hist.index)
    ccy = own.where(own.notna() & (own.astype(str).str.strip() != ""),
                    hist["Customer ID"].map(home))
    out = {}
    for code, part in hist.groupby(ccy.to_numpy()):
        average = _weighted(part["Days Late"], part["_w"])
        if not np.isnan(average):
            out[code] = average
    return out


def _plan_currency(ccy: object) -> str:
    """A plan's currency as the schedule gives it (``payment_plans.plan_schedule``: the
    master's, else the one currency of the invoices the plan covers), and an open invoice's
    as a plan is matched to it; blank as ``""``."""
    return ccy.strip() if isinstance(ccy, str) else ""


def _beyond_plans(records: list[dict], plans: pd.DataFrame, on_plan: set,
                  ) -> tuple[dict[int, float], dict[tuple, float]]:
    """For the undisputed invoices of customers on a plan (positions in ``records``): the
    part owed beyond the plans' outstanding instalments, taken from the newest invoices;
    and per (customer, currency) what the instalments can still bring in: no more than the
    customer owes after its credits (a credit note or cash received outside the plan's
    window can clear the debt the plan was agreed for: nothing is then expected)."""
    active = plans[plans["Customer ID"].isin(on_plan)]
    covered: dict[tuple, float] = {}
    for cid, ccy, outstanding in zip(active["Customer ID"], active["Currency"],
                                     active["Outstanding"].astype(float), strict=True):
        key = (cid, _plan_currency(ccy))
        covered[key] = covered.get(key, 0.0) + outstanding
    mine: dict = {}
    owed_all: dict = {}
    for at, r in enumerate(records):
        if r["Customer ID"] in on_plan:
            key = (r["Customer ID"], _plan_currency(r["Currency"]))
            owed_all[key] = owed_all.get(key, 0.0) + float(r["Uncovered Amount"])
            if not bool(r.get(DISPUTED, False)):
                mine.setdefault(key, []).append(at)
    room = {key: max(0.0, min(amount, owed_all.get(key, 0.0)))
            for key, amount in covered.items()}
    out: dict[int, float] = {}
    for key, positions in mine.items():
        owed = sum(float(records[at]["Uncovered Amount"]) for at in positions)
        left = round(owed - float(covered.get(key, 0.0)), 3)
        newest_first = sorted(positions, key=lambda at: pd.Timestamp(records[at]["Due Date"])
                              if pd.notna(records[at]["Due Date"]) else pd.Timestamp.min,
                              reverse=True)
        for at in newest_first:
            if left < CENT:
                break
            take = min(float(records[at]["Uncovered Amount"]), left)
            out[at] = round_total(take)
            left = round(left - take, 3)
    return out, room


def _plan_customer_lateness(records: list[dict], beyond: dict[int, float], on_plan: set,
                            hist_by: dict, portfolio_of: Callable[[object], float]) -> dict:
    """The days late a plan customer's invoices beyond its plan are expected by: its paid
    history (or the portfolio's average), joined by those invoices of them already later
    (the rule of ``risk_scores``), without the debt the plan rescheduled, which its
    instalments bring in. Only customers whose Payment Risk average that debt changed (an
    open overdue invoice later than the paid average) are given."""
    overdue: dict = {}  # what risk_scores averaged: every invoice still unpaid after credits
    owed: dict = {}  # the invoices beyond the plan
    for at, r in enumerate(records):
        cid, dpd = r["Customer ID"], r["Days Past Due"]
        dpd = float(dpd) if pd.notna(dpd) else float("nan")
        if cid in on_plan and float(r["Uncovered Amount"]) >= CENT:
            overdue.setdefault(cid, []).append((dpd, float(r["Uncovered Amount"])))
        if at in beyond and not np.isnan(dpd):
            owed.setdefault(cid, []).append((dpd, beyond[at]))
    out = {}
    for cid in on_plan:
        h = hist_by.get(cid, [])
        _, paid, later = _average_days_late(h, overdue.get(cid, []), portfolio_of(cid))
        if not later:
            continue  # the Payment Risk average is its paid one
        out[cid] = _average_days_late(h, owed.get(cid, []), paid)[0]
    return out


def risk_score(average_days_late: float, overdue_30_share: float) -> int:
    """60 points for lateness (capped at 60 days), 40 for the share seriously overdue."""
    lateness = min(max(average_days_late, 0.0), SCORE_CAP_DAYS) / SCORE_CAP_DAYS
    return int(round(60.0 * lateness + 40.0 * min(max(overdue_30_share, 0.0), 1.0)))


def risk_class(score: int) -> str:
    return "Low" if score < 20 else "Medium" if score < 50 else "High"


def expected_payments(items: pd.DataFrame, risk: pd.DataFrame, as_of: date,
                      policy: Policy | None = None,
                      plans: pd.DataFrame | None = None,
                      chased: pd.DataFrame | None = None,
                      history: pd.DataFrame | None = None,
                      customers: pd.DataFrame | None = None,
                      lateness: Lateness | None = None) -> pd.DataFrame:
    """One row per open invoice (or outstanding plan instalment): when it should be paid.
    ``chased``: ``chased_items(items)`` when the caller has it already. ``history`` (the
    ``paid_history`` ``risk`` was scored by) and ``customers``, or their ``paid_lateness``
    (``lateness``, as ``risk_scores`` was given it): a plan customer's newest invoices
    expected by its paid history, not by the debt its plan rescheduled."""
    policy = policy or Policy()
    day = pd.Timestamp(as_of).normalize()
    doubtful_after = max(levels_days(policy))
    from ar_excel.core.collections.payment_plans import active_plan_customers

    on_plan = set(active_plan_customers(plans)) if plans is not None and len(plans) else set()
    # plain dicts: a Series lookup per open invoice costs more than the rule
    avg = dict(zip(risk["Customer ID"], risk["Average Days Late"], strict=True)) \
        if len(risk) else {}
    names = dict(zip(risk["Customer ID"], risk["Customer"], strict=True)) if len(risk) else {}
    # a customer with no payments of its own is expected at the portfolio's pace: say so
    # (as risk_scores found it; a frame from elsewhere by its Basis words)
    pooled = set(risk.attrs[POOLED]) if POOLED in risk.attrs \
        else set(risk.loc[risk["Basis"] == PORTFOLIO_AVERAGE, "Customer ID"]) \
        if len(risk) and "Basis" in risk else set()
    if chased is None:
        chased = chased_items(items) if len(items) else pd.DataFrame()
    records = chased.to_dict("records") if len(chased) else []
    beyond, room = _beyond_plans(records, plans, on_plan) if on_plan else ({}, {})
    if on_plan and lateness is None and history is not None and customers is not None:
        lateness = paid_lateness(history, customers, items, as_of)
    plan_late = _plan_customer_lateness(records, beyond, on_plan, *lateness) \
        if on_plan and lateness is not None else {}
    rows = []
    for at, r in enumerate(records):
        cid, amount = r["Customer ID"], float(r["Uncovered Amount"])
        disputed = bool(r.get(DISPUTED, False))
        if disputed:
            amount = float(r["Open Amount"])  # owed, but not expected until it is settled
        if cid in on_plan:
            amount = 0.0 if disputed else beyond.get(at, 0.0)
        if amount < CENT:
            continue
        late = float(plan_late.get(cid, avg.get(cid, 0.0)))
        due = pd.Timestamp(r["Due Date"])
        # an invoice whose date could not be read (an Input Issue) has no due date to go by
        dpd = None if pd.isna(r["Days Past Due"]) else int(r["Days Past Due"])
        lateness = pd.Timedelta(days=round(late))
        # (a due date a frame can hold, 2262-01-30, may be one the lateness takes past it)
        beyond_dates = pd.notna(due) and due > pd.Timestamp.max - max(lateness, pd.Timedelta(0))
        expected = pd.NaT if beyond_dates else due + lateness
        whose = "portfolio" if cid in pooled and cid not in plan_late else "customer"
        basis = f"due + {round(late, 1):g} days ({whose} average)"
        if beyond_dates:
            basis = "not expected: due too far off to forecast"
        if disputed:
            expected, basis = pd.NaT, "in dispute: not expected until the dispute is resolved"
        elif dpd is None:
            expected, basis = pd.NaT, "no due date: the invoice's date could not be read"
        elif dpd > doubtful_after:
            expected, basis = pd.NaT, f"doubtful: more than {doubtful_after} days past due"
        elif expected < day:
            expected = day + pd.Timedelta(days=CHASE_DAYS)
            basis = f"later than usual: expected within {CHASE_DAYS} days of chasing"
        rows.append({"Customer ID": cid, "Customer": names.get(cid),
                     "Invoice No": r["Invoice No"], "Due Date": due, "Days Past Due": dpd,
                     "Currency": r["Currency"],
                     "Expected Amount": round_total(amount), "Expected Days Late": round(late, 1),
                     "Expected Date": expected, "Basis": basis})
    if plans is not None and len(plans):
        open_ = plans[(plans["Outstanding"] >= half_units(plans["Currency"], plans.index))
                      & plans["Customer ID"].isin(on_plan)]
        # (a caller without the ledger, no items' columns, cannot say what is owed)
        ledger = "Customer ID" in items.columns
        open_ = open_.sort_values(["Customer ID", "Due Date", "Plan", "Instalment"],
                                  kind="stable")
        for r in open_.to_dict("records"):
            # the oldest instalments first, as far as the customer still owes anything
            key = (r["Customer ID"], _plan_currency(r["Currency"]))
            amount = float(r["Outstanding"])
            if ledger:
                amount = round(min(amount, room.get(key, 0.0)), 3)
                room[key] = round(room.get(key, 0.0) - amount, 3)
            if amount < half_unit(decimals_of(key[1] or r["Currency"])):
                continue
            due = pd.Timestamp(r["Due Date"])
            expected = due if due >= day else day + pd.Timedelta(days=CHASE_DAYS)
            rows.append({"Customer ID": r["Customer ID"], "Customer": r["Customer"],
                         "Invoice No": f"Plan {r['Plan']} #{r['Instalment']}", "Due Date": due,
                         "Days Past Due": max(0, (day - due).days),
                         "Currency": key[1] or r["Currency"],
                         "Expected Amount": round_total(amount),
                         "Expected Days Late": 0.0,
                         "Expected Date": expected, "Basis": "payment plan instalment"})
    out = pd.DataFrame(rows, columns=EXPECTED_COLUMNS)
    out["Expected Date"] = pd.to_datetime(out["Expected Date"])
    out = out.sort_values(["Expected Date", "Customer ID", "Invoice No"], kind="stable",
                          na_position="last")
    return out.reset_index(drop=True)
