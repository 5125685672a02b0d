"""Payment plans: the instalment schedule of each agreed plan, and which instalments are paid.

Rules:

* A plan (a row of the ``Payment Plans`` sheet) splits its Amount into N equal instalments
  rounded to the cent; the last instalment takes the rounding difference, so the instalments
  add up to the plan exactly.
* Instalment k (k = 0 .. N-1) falls due on Start + k periods; the period is the row's
  Frequency (weekly, fortnightly / biweekly, monthly — the default —, quarterly,
  semi-annual, yearly, or "N days / weeks / months", in English or Arabic; "twice a month"
  is reported, as it does not say which days). Months are counted from the Start date each time,
  so a plan starting 31 January falls due 28/29 February, then 31 March.
* Paid tracking: the customer's receipts (positive payments, whatever invoice they name,
  in the plan's currency or of none known) dated from one period before Start up to the
  as-of date count towards its plans — a plan is usually agreed a period before its first
  instalment, and an early payment of it counts.
  They fill the customer's instalments in due-date order, oldest first; the excess over all
  instalments is left for the rest of the account. An instalment's Paid Date is the date of
  the receipt that completed it.
* Status: ``Paid``; ``Written off`` (settled, some of it by a write-off or another non-cash
  row of Payments); ``Overdue`` (due before the as-of date, not fully paid); ``Due soon``
  (due within 7 days); ``Partly paid``; ``Not yet due``. A plan is active while any
  instalment is outstanding.
* Plan reminders replace dunning letters for a customer with an active plan: the earliest
  overdue instalment, else the next instalment due within 7 days.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.collections.dunning import codes
from ar_excel.core.money import DEFAULT_DECIMALS, decimals_of, half_unit, half_units, round_money
from ar_excel.core.non_cash import non_cash
from ar_excel.model import ROW

SOON_DAYS = 7

SCHEDULE_COLUMNS = [
    "Plan", "Customer ID", "Customer", "Instalment", "Of", "Due Date", "Currency", "Amount",
    "Paid Amount", "Outstanding", "Paid Date", "Status", "Days Overdue",
]
SCHEDULE_FORMATS = {
    "Instalment": "int", "Of": "int", "Due Date": "date", "Amount": "money",
    "Paid Amount": "money", "Outstanding": "money", "Paid Date": "date", "Days Overdue": "int",
}

_UNITS = {
    "day": ("days", 1), "daily": ("days", 1), "يوم": ("days", 1), "ايام": ("days", 1), "أيام": ("days", 1),
    "week": ("days", 7), "اسبوع": ("days", 7), "أسبوع": ("days", 7), "اسابيع": ("days", 7),
    "أسابيع": ("days", 7), "fortnight": ("days", 14), "biweek": ("days", 14),
    "month": ("months", 1), "شهر": ("months", 1), "اشهر": ("months", 1), "أشهر": ("months", 1),
    "شهور": ("months", 1), "quarter": ("months", 3), "ربع": ("months", 3),
    "year": ("months", 12), "annual": ("months", 12), "سنة": ("months", 12),
    "سنوي": ("months", 12), "عام": ("months", 12),
}


def _at_most_yearly(text: object, frequency: tuple[str, int]) -> tuple[str, int]:
    """An instalment at least once a year: '45000' months is an amount or a date serial
    typed in the Frequency column (its second instalment would fall after the year 2262)."""
    unit, size = frequency
    if size > (12 if unit == "months" else 366):
        raise ValueError(f"frequency '{text}' is longer than a year between instalments")
    return frequency


def parse_frequency(text: object) -> tuple[str, int]:
    """``"monthly"`` -> ("months", 1); ``"every 2 weeks"`` -> ("days", 14); blank -> monthly.

    Raises ValueError for text that names no period.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)) or not str(text).strip():
        return ("months", 1)
    from ar_excel.parsing import normalize_digits

    s = normalize_digits(str(text)).strip().lower()
    if s in ("أسبوعين", "اسبوعين", "كل أسبوعين", "كل اسبوعين"):
        return ("days", 14)
    if s in ("شهرين", "كل شهرين", "bimonthly", "bi-monthly"):
        return ("months", 2)
    # the prefixes change the period the word names: "biweekly" is every two weeks, not
    # weekly; "semi-annual" / "نصف سنوي" every six months, not yearly
    if re.search(r"\bbi[- ]?week", s):
        return ("days", 14)
    if re.search(r"(semi|half)[- ]?(annual|year)|نصف (سنوي|سنة|عام)", s):
        return ("months", 6)
    if re.search(r"semi[- ]?month|twice (a|per|every) month|twice monthly|نصف شهري"
                 r"|مرتين (في |ف)?(ال)?شهر", s):
        # the 1st and the 15th, or every 15 days? the sheet has to say which
        raise ValueError(f"frequency '{text}' (twice a month) does not say which days: "
                         "write '15 days' or '2 weeks'")
    number = re.search(r"\d+", s)
    times = int(number.group(0)) if number else 1
    for word, (unit, size) in _UNITS.items():
        if word in s:
            if times < 1:
                break
            return _at_most_yearly(text, (unit, size * times))
    if number and not re.search(r"[^\d\s]", s):  # a bare number: months
        return _at_most_yearly(text, ("months", times))
    raise ValueError(f"unknown frequency '{text}' (use weekly, monthly, quarterly or e.g. '2 weeks')")


def instalment_amounts(amount: float, count: int, places: int = DEFAULT_DECIMALS) -> list[float]:
    """Equal instalments in whole minor units of the currency (cents; fils for a KWD plan,
    ``places`` 3); the last takes the rounding difference."""
    scale = 10 ** places
    total = int(round(amount * scale))
    base = total // count if total >= 0 else -((-total) // count)
    return [base / scale] * (count - 1) + [(total - base * (count - 1)) / scale]


# Ten years of weekly instalments: the longest schedule a plan for a customer in difficulty
# runs to; more is a value typed in the wrong column.
MAX_INSTALMENTS = 520


def due_dates(start: pd.Timestamp, count: int, frequency: tuple[str, int]) -> list[pd.Timestamp]:
    unit, size = frequency
    if unit == "days":
        return [start + pd.Timedelta(days=size * k) for k in range(count)]
    return [start + pd.DateOffset(months=size * k) for k in range(count)]


def plan_schedule(plans: pd.DataFrame, payments: pd.DataFrame, as_of: date,
                  customers: pd.DataFrame | None = None, items: pd.DataFrame | None = None,
                  currencies: pd.Series | None = None,
                  ) -> tuple[pd.DataFrame, list[tuple[Hashable, str, str]]]:
    """The instalment schedule with paid tracking, and problems as (index, column, message).

    A plan is in its customer's currency: the master's, else (a master without one) the one
    currency of the customer's open invoices in ``items`` (``invoice_currency_each``: the
    debt the plan covers), in whose minor unit its instalments are cut. Expected Payments
    and the forecast take the plan's currency from this schedule.
    A plan row without a customer (or whose customer is not in ``customers``), a positive
    amount, a number of instalments of at least 1 or a start date cannot be scheduled: it is
    reported and left out.
    ``currencies``: each ``payments`` row's currency code, by position
    (``bank_receipts.receipt_currencies``): a receipt in another currency than its plan's
    pays none of it (USD 900 is not 900 of an EGP instalment); one of no known currency
    (blank), or without ``currencies``, counts for the plan as it stands.
    """
    day = pd.Timestamp(as_of).normalize()
    problems: list[tuple[Hashable, str, str]] = []
    names = _lookup(customers, "Name")
    currency = {**invoice_currency_each(items),
                **{c: v for c, v in _lookup(customers, "Currency").items()
                   if isinstance(v, str) and v.strip()}}
    known = set(customers["Customer ID"].dropna().astype(str)) \
        if customers is not None and "Customer ID" in customers and len(customers) else None
    rows: list[dict] = []
    seq: dict[str, int] = {}
    order = plans.sort_values(["Start", ROW], kind="stable", na_position="last") \
        if len(plans) else plans
    for idx, p in order.iterrows():
        cid = p.get("Customer ID")
        amount = p.get("Amount")
        count = p.get("Instalments")
        start = p.get("Start")
        if cid is None or (not isinstance(cid, str) and pd.isna(cid)):
            problems.append((idx, "Customer ID", "payment plan without a customer: not scheduled"))
            continue
        if amount is None or pd.isna(amount) or amount <= 0:
            problems.append((idx, "Amount", "payment plan amount must be a positive amount: "
                                            "not scheduled"))
            continue
        if count is None or pd.isna(count) or int(count) < 1:
            problems.append((idx, "Instalments", "number of instalments must be 1 or more: "
                                                 "not scheduled"))
            continue
        if count != int(count) or count > MAX_INSTALMENTS:
            # 2.5 instalments, or a date or an amount typed in the column (45,000 monthly
            # instalments would run past the year 5000): not a plan anyone agreed
            problems.append((idx, "Instalments", "number of instalments must be a whole number "
                                                 f"up to {MAX_INSTALMENTS}: not scheduled"))
            continue
        if start is None or pd.isna(start):
            problems.append((idx, "Start", "payment plan without a start date: not scheduled"))
            continue
        try:
            freq = parse_frequency(p.get("Frequency"))
        except ValueError as exc:
            problems.append((idx, "Frequency", f"{exc}; monthly is used"))
            freq = ("months", 1)
        start = pd.Timestamp(start).normalize().as_unit("ns")  # (the schedule's dates: ns)
        cid = str(cid)
        if known is not None and cid not in known:
            # a mistyped account would put instalments nobody owes into the forecast
            problems.append((idx, "Customer ID", f"customer '{cid}' is not in the Customers "
                                                 "sheet: payment plan not scheduled"))
            continue
        seq[cid] = seq.get(cid, 0) + 1
        plan_id = f"{cid}-{seq[cid]}"
        n = int(count)
        try:
            dues = due_dates(start, max(n, 2), freq)
        except pd.errors.OutOfBoundsDatetime:
            # a start in 2261 (a 'never' placeholder): its instalments run past April 2262,
            # the last day a schedule holds, and the collections job failed
            problems.append((idx, "Start", "payment plan runs past the year 2261: not "
                                           "scheduled"))
            continue
        back = dues[1] - start
        for k, (due, amt) in enumerate(zip(dues[:n],
                                           instalment_amounts(float(amount), n, decimals_of(currency.get(cid))),
                                           strict=True)):
            rows.append({"Plan": plan_id, "Customer ID": cid, "Customer": names.get(cid),
                         "Instalment": k + 1, "Of": n, "Due Date": due,
                         "Currency": currency.get(cid), "Amount": amt,
                         "_window": start - back})
    problems.sort(key=lambda p: plans.index.get_loc(p[0]))  # in sheet order
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in SCHEDULE_COLUMNS}), problems

    sched = pd.DataFrame(rows)
    sched["Paid Amount"] = 0.0
    sched["Paid Date"] = pd.NaT
    sched["_written_off"] = 0.0
    _apply_receipts(sched, payments if currencies is None
                    else payments.assign(**{_PAID_IN: currencies.to_numpy(dtype=object)}), day)
    sched["Outstanding"] = round_money(sched["Amount"] - sched["Paid Amount"], sched["Currency"])
    sched["Status"] = _status(sched, day)
    late = (day - sched["Due Date"]).dt.days
    sched["Days Overdue"] = np.where(sched["Status"] == "Overdue", late, 0).astype(int)
    sched = sched.sort_values(["Customer ID", "Plan", "Instalment"], kind="stable")
    return sched.reset_index(drop=True)[SCHEDULE_COLUMNS], problems


def receipts_until(payments: pd.DataFrame, day: pd.Timestamp,
                   currencies: pd.Series | None = None) -> pd.DataFrame:
    """The receipts of ``payments`` (positive amounts) dated on or before ``day``, oldest
    first, then by row; Date parsed. Undated ones are left out: nobody knows when they came.
    Money held on account and put onto an invoice later (``statements.net_of_moves``: -1,000
    off the account, +1,000 to INV-7 the day it was applied) came once, on its own day: the
    move is no second receipt (it paid INV-7 twice over, a plan's instalment twice). A refund
    paid out of money on account (a negative row naming no invoice, neither a returned cheque
    nor a non-cash one) gives back part of the customer's latest earlier receipts on account:
    only what it leaves paid anything (20,000 on account less a 2,000 refund clears 18,000 of
    invoices, as the Dunning sets it). ``currencies``: each row's currency code, by position
    (else the payments' ``_PAID_IN`` column, else one currency): a move, and a refund, are of
    one currency's money (a USD refund gives back no EGP receipt)."""
    from ar_excel.core.collections.statements import net_of_moves

    if len(payments):
        if currencies is None and _PAID_IN in payments:
            currencies = payments[_PAID_IN]
        if currencies is not None:
            currencies = pd.Series(codes(pd.Series(currencies.to_numpy(dtype=object)))
                                   .to_numpy(dtype=object), index=payments.index)
        payments = payments.assign(Amount=_less_refunds(
            payments, net_of_moves(payments, currencies), day, currencies))
    pay = payments[payments["Amount"] > 0].copy()
    pay["Date"] = pd.to_datetime(pay["Date"])
    pay = pay[pay["Date"].notna() & (pay["Date"] <= day)]
    return pay.sort_values(["Date", ROW], kind="stable")


def _less_refunds(payments: pd.DataFrame, amounts: pd.Series, day: pd.Timestamp,
                  currencies: pd.Series | None = None) -> pd.Series:
    """``amounts`` (each Payments row's, moves netted) with each refund paid out by ``day``
    taken off its customer's receipts on account in its currency (``currencies``, codes;
    None: one currency) dated on or before it, the latest first: what a refund pays back is
    the money left on account, and the receipts fill what is owed oldest first, so what is
    left is the latest (``ledger.refunds_settle_credits`` pays out credits oldest first:
    there the credits are open items of their own, each aged by its date)."""
    dates = pd.to_datetime(payments["Date"], errors="coerce")
    # each row's kind (on account, cash) read only where it may be a refund, then among the
    # refunding customers' receipts: a ledger's refunds are few, its receipts many
    refunds = _cash_on_account(payments, (amounts.lt(0) & dates.notna()
                                          & (dates <= day)).to_numpy())
    if not refunds.any():
        return amounts
    # (a row without a Customer ID is no account: astype(str) leaves its None a float)
    customer = payments["Customer ID"].fillna("").astype(str).to_numpy(dtype=object)
    if currencies is not None:  # a customer's money in each currency is an account of its own
        customer = customer + "|" + currencies.fillna("").astype(str).to_numpy(dtype=object)
    when = dates.to_numpy(dtype="datetime64[ns]")
    value = amounts.to_numpy(dtype="float64").copy()
    # each refunding customer's receipts on account (positions) in date order, cut out once
    payers = set(customer[refunds])
    mine = np.flatnonzero(_cash_on_account(payments, (
        amounts.gt(0) & dates.notna() & pd.Series(customer, index=amounts.index).isin(payers)
    ).to_numpy()))
    mine = mine[np.lexsort((when[mine], customer[mine]))]
    by_customer: dict[object, list[int]] = {}
    for j in mine.tolist():
        by_customer.setdefault(customer[j], []).append(j)
    for k in np.flatnonzero(refunds)[np.argsort(when[refunds], kind="stable")].tolist():
        left = -value[k]
        for j in reversed(by_customer.get(customer[k], [])):  # the latest first
            if when[j] > when[k]:
                continue
            take = min(left, value[j])
            value[j] = round(value[j] - take, 6)
            left = round(left - take, 6)
            if left <= 0:
                break
    return pd.Series(value, index=amounts.index)


def _cash_on_account(payments: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Which of ``rows`` (a mask over ``payments``) are money on account: naming no invoice,
    cash (``kpis.cash_rows``: neither a non-cash settlement, a credit note applied, nor a
    returned cheque); False elsewhere."""
    from ar_excel.core.kpis import cash_rows
    from ar_excel.parsing import is_blank

    out = np.zeros(len(payments), dtype=bool)
    if not rows.any():
        return out
    some = payments[rows]
    on_account = some["Invoice No"].map(is_blank).astype(bool) if "Invoice No" in some \
        else pd.Series(True, index=some.index)
    out[rows] = (on_account & cash_rows(some)).to_numpy()
    return out


def _apply_receipts(sched: pd.DataFrame, payments: pd.DataFrame, day: pd.Timestamp) -> None:
    """Fill instalments oldest first with the receipts each plan's window admits."""
    if len(payments) == 0:
        return
    # each plan customer's receipts cut out once, not by a scan of all receipts per customer
    # (and before they are read: a move or a refund is one customer's)
    pay = receipts_until(payments[payments["Customer ID"].isin(sched["Customer ID"].unique())],
                         day)
    if _PAID_IN in pay:  # (spelt as compared once, not per receipt of each customer)
        pay = pay.assign(**{_PAID_IN: codes(pay[_PAID_IN])})
    plan_codes = codes(sched["Currency"])
    by_customer = pay.groupby("Customer ID", sort=False).indices
    for cid, group in sched.groupby("Customer ID", sort=False):
        order = group.sort_values(["Due Date", "Plan", "Instalment"], kind="stable").index
        places = decimals_of(group["Currency"].iloc[0])  # a customer's plans share its currency
        nothing = half_unit(places)
        rows = by_customer.get(cid)
        receipts = pay.iloc[rows] if rows is not None else pay.iloc[0:0]
        written_off = non_cash(receipts).tolist()
        plan_ccy = plan_codes.at[group.index[0]]
        paid_in = receipts[_PAID_IN].tolist() if _PAID_IN in receipts else [""] * len(receipts)
        for receipt, settled_so, ccy in zip(receipts.itertuples(), written_off, paid_in,
                                            strict=True):
            if ccy and plan_ccy and ccy != plan_ccy:
                continue  # another currency's money: it pays that currency's invoices
            left = float(receipt.Amount)
            for i in order:
                if left < nothing:
                    break
                if receipt.Date < sched.at[i, "_window"]:
                    continue  # received before this plan was in place
                room = round(sched.at[i, "Amount"] - sched.at[i, "Paid Amount"], places)
                if room < nothing:
                    continue
                take = min(room, left)
                sched.at[i, "Paid Amount"] = round(sched.at[i, "Paid Amount"] + take, places)
                if settled_so:
                    sched.at[i, "_written_off"] = round(sched.at[i, "_written_off"] + take,
                                                        places)
                left = round(left - take, places)
                if sched.at[i, "Amount"] - sched.at[i, "Paid Amount"] < nothing:
                    sched.at[i, "Paid Date"] = receipt.Date


_PAID_IN = "_paid_in"  # the payments' column of each receipt's currency code


def account_customers(customers: pd.DataFrame, invoices: pd.DataFrame) -> pd.DataFrame:
    """``customers`` as ``booked_currencies`` reads them: a customer kept without a currency
    taken in the one its invoices name, as the ledger takes it (``ledger.
    account_currencies``); as they are where either sheet has no currency."""
    from ar_excel.core.ledger import account_currencies

    if "Currency" in customers and "Currency" in invoices and "Customer ID" in invoices \
            and "Customer ID" in customers:
        accounts = account_currencies(customers, invoices)
        return pd.DataFrame({"Customer ID": accounts.index,
                             "Currency": accounts.to_numpy(dtype=object)})
    return customers


def booked_currencies(payments: pd.DataFrame, items: pd.DataFrame, customers: pd.DataFrame,
                      invoices: pd.DataFrame, blank: str | None = None,
                      accounts: pd.DataFrame | None = None) -> pd.Series | None:
    """Each receipt's currency code (``payments``: Payments or Receipts To Post rows; for
    ``plan_schedule``, and the bank's receipts' accounts): ``bank_receipts.
    receipt_currencies``, a customer kept without a currency taken in the one its invoices
    name (``account_customers``; ``accounts``: those, where the caller has them already):
    its receipt on account is money on that account. None without rows or customer ids."""
    from ar_excel.core.collections.bank_receipts import receipt_currencies

    if not len(payments) or "Customer ID" not in payments or "Customer ID" not in customers:
        return None
    if accounts is None:
        accounts = account_customers(customers, invoices)
    return receipt_currencies(payments, items, accounts, invoices, blank)


def _status(sched: pd.DataFrame, day: pd.Timestamp) -> np.ndarray:
    """An instalment settled in full is Paid, or Written off where a write-off, discount or
    other non-cash row of Payments (``core.non_cash``) settled any of it: the plan is closed,
    but the customer did not pay it."""
    due = sched["Due Date"]
    nothing = half_units(sched["Currency"], sched.index)
    settled = sched["Outstanding"] < nothing
    return np.select(
        [settled & (sched["_written_off"] >= nothing), settled, due < day,
         (due - day).dt.days <= SOON_DAYS, sched["Paid Amount"] >= nothing],
        ["Written off", "Paid", "Overdue", "Due soon", "Partly paid"], default="Not yet due")


def active_plan_customers(schedule: pd.DataFrame) -> list[str]:
    """Customers with at least one instalment still outstanding, in ID order."""
    if len(schedule) == 0:
        return []
    open_ = schedule[schedule["Outstanding"] >= half_units(schedule["Currency"], schedule.index)]
    return sorted(open_["Customer ID"].astype(str).unique())


def plan_reminders(schedule: pd.DataFrame) -> pd.DataFrame:
    """Per customer with an active plan: the instalment to remind of, if any.

    Kind ``overdue`` for the earliest overdue instalment; otherwise ``upcoming`` for an
    instalment due within 7 days; customers with neither are on track (no row). ``Overdue
    Instalments`` lists every overdue instalment of the reminded plan (its numbers) and
    ``Overdue Total`` what is outstanding on them: a customer who missed two instalments is
    asked for both, not for the first one alone.
    """
    cols = ["Customer ID", "Kind", "Plan", "Instalment", "Of", "Due Date", "Currency",
            "Amount", "Outstanding", "Overdue Instalments", "Overdue Total"]
    if len(schedule) == 0:
        return pd.DataFrame(columns=cols)
    s = schedule[schedule["Status"].isin(["Overdue", "Due soon"])]
    s = s.sort_values(["Customer ID", "Due Date", "Plan", "Instalment"], kind="stable")
    first = s.drop_duplicates("Customer ID")
    out = first.assign(Kind=np.where(first["Status"] == "Overdue", "overdue", "upcoming"))
    overdue = s[s["Status"] == "Overdue"]
    by_plan = {plan: (tuple(int(n) for n in g["Instalment"]),
                      round(float(g["Outstanding"].sum()), decimals_of(g["Currency"].iloc[0])))
               for plan, g in overdue.groupby("Plan", sort=False)}
    out["Overdue Instalments"] = [by_plan.get(p, ((), 0.0))[0] for p in out["Plan"]]
    out["Overdue Total"] = [by_plan.get(p, ((), 0.0))[1] for p in out["Plan"]]
    return out[cols].reset_index(drop=True)


def invoice_currency_each(items: pd.DataFrame | None) -> dict[str, str]:
    """Each customer's currency where its open invoices (the debt a plan covers) name one
    only. Credit notes and cash on account are not what a plan is agreed for: an EGP
    invoice beside a USD credit note makes an EGP plan, not one in no currency."""
    if items is None or not len(items) or "Currency" not in items:
        return {}
    owed = items["Open Amount"] > 0 if "Open Amount" in items else True
    if "Item Type" in items:
        owed = owed & (items["Item Type"] == "Invoice")
    named = items[owed & items["Currency"].notna()
                  & (items["Currency"].astype(str).str.strip() != "")]
    each = named.groupby(named["Customer ID"].astype(str))["Currency"].unique()
    return {cid: str(c[0]) for cid, c in each.items() if len(c) == 1}


def _lookup(customers: pd.DataFrame | None, column: str) -> dict:
    if customers is None or column not in customers:
        return {}
    c = customers.drop_duplicates("Customer ID")
    return dict(zip(c["Customer ID"].astype(str), c[column], strict=True))
