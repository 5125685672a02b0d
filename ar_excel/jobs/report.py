"""Job ``report``: the management pack, a workbook to share with management.

Tabs: ``Dashboard`` (headline KPIs of the main currency with native charts: aging buckets,
DSO trend, top 10 overdue customers, the 13-week collection forecast), ``KPIs`` (every KPI
per currency with its formula, and the 12-month DSO trend), ``Aging`` (as the aging job,
with its tie-out), ``Top Overdue`` and ``Payment Behaviour`` (per customer and currency: days
late, share paid late, trend). The period is the month to the as-of date unless ``--from`` says
otherwise (``core.kpis``). The main currency is the policy's ``base_currency``, else the
one with the largest open balance.

The pack is written by ``io.pack.write_pack``: a new workbook (never BOOK), values and
charts only, every sheet protected. It is not part of the month-end ``run``: it is a
deliverable of its own, written to its own file.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ar_excel.core.aging import bucket_labels, bucket_limits, tie_out
from ar_excel.core.fx import ALL_CURRENCIES, Rates, policy_rates
from ar_excel.core.kpis import (
    CREDIT_BALANCE,
    CURRENT_CREDIT,
    KPI_ROWS,
    NET_RETURNS,
    NO_RECEIPTS,
    NO_SALES,
    NOTHING_COLLECTIBLE,
    NOTHING_RECEIVABLE,
    OVERDUE_SHARE_DEFINITION,
    UNKNOWN_SALES,
    Ledger,
    Period,
    dso_trend,
    kpi_table,
    main_currency_of,
    month_to,
    overdue_by_customer,
    overdue_share,
    payment_behaviour,
)
from ar_excel.core.money import decimals_of, half_unit, round_total
from ar_excel.core.top_overdue import CREDIT_COLUMN, top_overdue
from ar_excel.errors import UsageError
from ar_excel.io.pack import write_pack
from ar_excel.io.writer import Days, Percent, amount_of, money_kind, with_row_formats
from ar_excel.jobs import Job, JobOptions, date_argument
from ar_excel.jobs.aging import aging_tab, blank_currency, ledger_blank
from ar_excel.model import Book, Chart, JobResult, Tab

log = logging.getLogger(__name__)

TOP_CHART = 10
# Days (DSO, days late) with one decimal, 72.1, whatever the currency: formatted as money
# they took its decimals, 72.100 days in a book with a KWD customer
DAYS = "days"
HEADLINE = [  # (label on the dashboard, KPI name in kpi_table, unit)
    ("Total receivables", "Closing AR", "amount"),
    ("Overdue receivables", "Closing Overdue AR", "amount"),
    ("DSO", "DSO", "days"),
    ("Best-possible DSO", "Best-Possible DSO", "days"),
    ("Average days delinquent", "Average Days Delinquent", "days"),
    ("Collection effectiveness index (CEI)", "CEI %", "%"),
    ("Collection rate", "Collection Rate %", "%"),
    ("Credit sales (net)", "Credit Sales", "amount"),
    ("Invoice value issued", "Invoice Value Issued", "amount"),
    ("Receipts", "Receipts", "amount"),
]
TREND_FORMATS = {"Period Start": "date", "Period End": "date", "Credit Sales": "money",
                 "Receipts": "money", "Closing AR": "money", "DSO": DAYS,
                 "Best-Possible DSO": DAYS, "Average Days Delinquent": DAYS,
                 "CEI %": "percent", "Month": "text", "Currency": "text"}
DEFINITIONS = {name: definition for name, _, definition in KPI_ROWS}


def _forecast(book: Book, as_of: pd.Timestamp) -> pd.DataFrame | None:
    """The 13-week forecast from ``core.collections`` when that module is available."""
    try:
        from ar_excel.core.collections.disputes import dispute_log
        from ar_excel.core.collections.forecast import weekly_forecast
    except ImportError:
        return None
    plans = book.frame("Payment Plans")
    try:
        return weekly_forecast(book.customers, book.invoices, book.payments, as_of.date(),
                               policy=book.policy, plans=plans, disputed=dispute_log(book))
    except Exception:  # the pack must not be lost for one chart: leave it out, say so
        log.exception("the collection forecast could not be computed")
        return None


def main_currency(book: Book, items: pd.DataFrame, kpis: pd.DataFrame) -> str:
    """The Dashboard's headline currency (``kpis.main_currency_of``): the Policy's base
    currency, else the one with the largest open balance, credit or debit, else the first
    the KPIs name."""
    totals = items.groupby(items["Currency"].fillna(""))["Open Amount"].sum().abs() \
        if len(items) else pd.Series(dtype="float64")
    found = main_currency_of(totals, book.policy)
    if found or len(totals):
        return found
    codes = kpis["Currency"].dropna()
    return str(codes.iloc[0]) if len(codes) else ""


def overdue_customers(items: pd.DataFrame, currency: str) -> int:
    """Customers with overdue AR in ``currency`` as the KPIs count it: invoices past due
    left after their own credits on account (``kpis.overdue_by_customer``; a customer whose
    advance covers its arrears is not overdue, whatever bucket the advance is dated in)."""
    mine = items[items["Currency"].fillna("") == currency] if len(items) else items
    places = decimals_of(currency)  # (a dinar customer 3 fils overdue is overdue)
    return int((overdue_by_customer(mine, places) > half_unit(places)).sum())


def long_overdue_customers(items: pd.DataFrame, currency: str,
                           buckets_days: Sequence[int]) -> int:
    """Customers in ``currency`` with money in Top Overdue's last column: open amounts more
    than the last aging limit past their due date, of a customer still overdue after its
    credits on account. Not the Aging tab's last bucket: aged by invoice date (the Policy's
    ``aging_basis``) that holds invoices so many days old, not so many past due, and by due
    date it counted a customer whose advance of yesterday covers its arrears."""
    mine = items[items["Currency"].fillna("") == currency] if len(items) else items
    if not len(mine):
        return 0
    places = decimals_of(currency)
    owed = overdue_by_customer(mine, places)
    owed = owed[owed > half_unit(places)]
    units = np.rint(np.nan_to_num(mine["Open Amount"].to_numpy(dtype="float64"))
                    * 10.0 ** places)
    days = np.nan_to_num(mine["Days Past Due"].to_numpy(dtype="float64", na_value=np.nan))
    late = (units > 0) & (days > bucket_limits(buckets_days)[-1])
    ids = mine["Customer ID"].fillna("").astype(str).to_numpy()[late]
    return len(set(ids) & set(owed.index.astype(str)))


def _kpi(kpis: pd.DataFrame, currency: str, name: str) -> float:
    row = kpis[(kpis["Currency"].fillna("") == currency) & (kpis["KPI"] == name)]
    return float(row["Value"].iloc[0]) if len(row) else float("nan")


def other_currencies(kpis: pd.DataFrame, currency: str, rates: Rates | None
                     ) -> pd.DataFrame | None:
    """The receivables in the book's other currencies, for the Dashboard (whose headline is
    in the main ``currency``): per currency its total, overdue and DSO, and its worth in the
    main currency at the Policy's exchange ``rates`` (blank where they give none). None when
    every open item is in the main currency."""
    others = sorted({c for c in kpis["Currency"].fillna("") if c and c != currency})
    rows = []
    for c in others:
        total = _kpi(kpis, c, "Closing AR")
        if not total:
            continue
        factor = rates.factor(c, currency) if rates is not None else None
        rows.append({"Currency": c, "Receivables": total,
                     "Overdue": _kpi(kpis, c, "Closing Overdue AR"), "DSO": _kpi(kpis, c, "DSO"),
                     "Rate": factor if factor is not None else np.nan,
                     # worth in the main currency, to its minor unit (cents of a dollar)
                     "Equivalent": round(total * factor, decimals_of(currency))
                     if factor is not None else np.nan})
    return pd.DataFrame(rows) if rows else None


def _all_currencies(headline: pd.DataFrame, others: pd.DataFrame, currency: str,
                    total: float) -> None:
    """The headline's total of every currency at the Policy's rates, when they give each."""
    if others["Equivalent"].isna().any():
        return
    headline.loc[len(headline)] = ["Total receivables, all currencies",
                                   round(total + float(others["Equivalent"].sum()),
                                         decimals_of(currency)),
                                   currency, ALL_CURRENCIES]


# Why a headline ratio is left blank, said beside it (a manager reading an empty DSO cell
# should not have to guess; the reasons are kpis.NO_SALES and its kin). ON_SALES and
# ON_RECEIPTS are Dashboard labels (HEADLINE's first column): the ratios whose denominator
# is the period's sales, and the figures a book without recorded receipts cannot give.
ON_SALES = ("DSO", "Best-possible DSO", "Average days delinquent")
ON_RECEIPTS = ("Receipts", "Collection effectiveness index (CEI)", "Collection rate")


def _say_why_blank(headline: pd.DataFrame, sales: float, receipts: float,
                   closing: float = 0.0, current: float = 0.0) -> None:
    """Each blank ratio's reason appended to its 'How it is computed'. (No overdue figure
    falls below zero: a customer's credits on account offset only its own past-due invoices,
    never beyond them, ``kpis.overdue_after_credits``; ``closing`` and ``current``: the
    closing and closing current AR, blank DSOs below zero.)"""
    for at, label, value in zip(headline.index, headline["Measure"], headline["Value"],
                                strict=True):
        if not (isinstance(value, float) and np.isnan(value)):
            continue
        if label in ON_RECEIPTS and np.isnan(receipts):
            why = NO_RECEIPTS
        elif label == "DSO" and not np.isnan(sales) and sales > 0 and closing < 0:
            why = CREDIT_BALANCE
        elif label == "Best-possible DSO" and not np.isnan(sales) and sales > 0 and current < 0:
            why = CURRENT_CREDIT
        elif label in ON_SALES:
            # a month whose returns exceed its invoices had sales all the same: "no credit
            # sales" beside an Invoice value issued of 1,000.00 read as a month without any
            why = UNKNOWN_SALES if np.isnan(sales) else NET_RETURNS if sales < 0 else NO_SALES
        elif label in ("Collection effectiveness index (CEI)", "Collection rate") \
                and not np.isnan(sales):
            why = NOTHING_COLLECTIBLE
        elif label == "Overdue share of receivables":
            why = NOTHING_RECEIVABLE
        else:
            continue
        headline.at[at, "How it is computed"] = f"{headline.at[at, 'How it is computed']}; {why}"


def dashboard(book: Book, as_of: pd.Timestamp, period: Period, currency: str,
              kpis: pd.DataFrame, aging: pd.DataFrame, trend: pd.DataFrame,
              top: pd.DataFrame, forecast: pd.DataFrame | None, ties: bool,
              issues: int, *, items: pd.DataFrame, rates: Rates | None = None) -> Tab:
    headline = pd.DataFrame(
        [{"Measure": label, "Value": _kpi(kpis, currency, name),
          "Unit": currency if unit == "amount" else unit,
          "How it is computed": DEFINITIONS.get(name, "")} for label, name, unit in HEADLINE],
        columns=["Measure", "Value", "Unit", "How it is computed"])
    total = _kpi(kpis, currency, "Closing AR")
    mine_items = items[items["Currency"].fillna("") == currency] if len(items) else items
    headline.loc[len(headline)] = ["Overdue share of receivables",
                                   overdue_share(mine_items, decimals_of(currency)), "%",
                                   OVERDUE_SHARE_DEFINITION]
    _say_why_blank(headline, _kpi(kpis, currency, "Credit Sales"),
                   _kpi(kpis, currency, "Receipts"), total,
                   _kpi(kpis, currency, "Closing Current AR"))
    others = other_currencies(kpis, currency, rates)
    if others is not None:
        _all_currencies(headline, others, currency, total)

    mine = aging[aging["Currency"].fillna("") == currency]
    last = bucket_labels(book.policy.aging_buckets_days)[-1]
    counts = pd.DataFrame({
        "Measure": ["Invoices issued", "Credit notes issued", "Receipts recorded",
                    "Customers with an open balance", "Customers with an overdue balance",
                    f"Customers with amounts {last} days past due", "Input issues"],
        "Count": [_kpi(kpis, currency, "Invoices Issued"),
                  _kpi(kpis, currency, "Credit Notes Issued"),
                  _kpi(kpis, currency, "Receipts Count"),
                  int((mine["Total"] != 0).sum()),
                  overdue_customers(items, currency),
                  long_overdue_customers(items, currency, book.policy.aging_buckets_days),
                  issues],
    })
    # the counts are of the main currency's invoices, receipts and customers: in a book of
    # several currencies the caption says which (a USD invoice is not among them)
    several = len({c for c in kpis["Currency"].fillna("") if c}) > 1
    blocks = [Tab("Activity", counts, formats={"Count": "int", "Measure": "text"},
                  title=f"Activity, {period.label}" + (f" ({currency})" if several else ""))]
    if others is not None:
        missing = others.loc[others["Rate"].isna(), "Currency"].tolist()
        blocks.append(Tab(
            "Other Currencies", with_row_formats(others, {"Receivables": "money",
                                                          "Overdue": "money"}),
            # (the equivalent is in the main currency, whatever the row's)
            formats={"Currency": "text", "Receivables": "money", "Overdue": "money",
                     "DSO": DAYS, "Rate": "number", "Equivalent": money_kind(currency)},
            title=f"Receivables in other currencies (equivalent in {currency} at the Policy's "
                  "exchange rates" + (f"; no rate for {', '.join(missing)}" if missing else "")
                  + ")"))

    anchors = iter(["G2", "P2", "G18", "P18"])
    labels = bucket_labels(book.policy.aging_buckets_days)
    buckets = pd.DataFrame({"Bucket": labels,
                            "Amount": [round_total(mine[b].sum()) for b in labels]})
    blocks.append(Tab("Buckets", buckets,
                      formats={"Amount": money_kind(currency), "Bucket": "text"},
                      title=f"Aging by bucket ({currency})",
                      charts=[Chart("column", f"Aging by bucket ({currency})", "Bucket",
                                    ["Amount"], anchor=next(anchors))]))
    months = trend[trend["Currency"].fillna("") == currency][
        ["Month", "DSO", "Best-Possible DSO", "Average Days Delinquent"]]
    blocks.append(Tab("DSO Trend", months.reset_index(drop=True),
                      formats={"Month": "text", "DSO": DAYS,
                               "Best-Possible DSO": DAYS,
                               "Average Days Delinquent": DAYS},
                      title="DSO trend, last 12 months (days)" if _month_end(as_of) else
                      f"DSO trend, last 12 months, each ending on day {as_of.day}"
                      + (" or the month's last day" if as_of.day > 28 else "") + " (days)",
                      charts=[Chart("line", "DSO trend (days)", "Month",
                                    ["DSO", "Best-Possible DSO"], anchor=next(anchors))]))
    top_mine = top[top["Currency"].fillna("") == currency].head(TOP_CHART)
    top_frame = pd.DataFrame({"Customer": [n or i for n, i in zip(
        top_mine["Customer"], top_mine["Customer ID"], strict=True)],
        "Overdue Amount": top_mine["Overdue Amount"].to_numpy()})
    blocks.append(Tab("Top 10", top_frame, formats={"Customer": "text",
                                                    "Overdue Amount": money_kind(currency)},
                      title=f"Top {TOP_CHART} overdue customers ({currency})",
                      charts=[Chart("bar", f"Top {TOP_CHART} overdue customers", "Customer",
                                    ["Overdue Amount"], anchor=next(anchors))]))
    if forecast is not None and len(forecast):
        fc = pd.DataFrame({"Week": [f"W{w} {s:%d %b}" for w, s in zip(
            forecast["Week"], forecast["Week Start"], strict=True)],
            "Expected Receipts": forecast["Expected Receipts"].to_numpy()})
        fc_ccy = forecast.attrs.get("currency") or currency
        blocks.append(Tab("Forecast", fc, formats={"Week": "text",
                                                   "Expected Receipts": money_kind(fc_ccy)},
                          title=f"Collection forecast, next 13 weeks ({fc_ccy})",
                          charts=[Chart("column", f"Expected receipts, 13 weeks ({fc_ccy})",
                                        "Week", ["Expected Receipts"], anchor=next(anchors))]))

    headline["Value"] = _by_unit(headline["Value"], headline["Unit"])
    check = "ties to the ledger" if ties else "DOES NOT TIE to the ledger (see Aging)"
    title = (f"Management pack: receivables as of {as_of:%Y-%m-%d} in {currency or 'n/a'}; "
             f"period {period.label}; aging {check}")
    return Tab("Dashboard", headline, formats={"Value": "money", "Measure": "text",
                                               "Unit": "text", "How it is computed": "wrap"},
               title=title, blocks=blocks, as_table=False)


def _by_unit(values: pd.Series, units: pd.Series) -> pd.Series:
    """Figures of several kinds in one column, each shown as its unit reads: days with one
    decimal (DSO 72.1), a percentage as such (CEI 85.3%), an amount with its currency's
    decimals (``units``: a currency code, 'days', '%', or 'count' / '' for a value left
    as it is: an int count is shown whole, an amount of a tab with a Currency column takes
    its row's decimals from the writer)."""
    out = values.to_numpy(dtype=object).copy()
    for i, (v, unit) in enumerate(zip(out, units.tolist(), strict=True)):
        if not isinstance(v, float | np.floating) or not np.isfinite(v):
            continue
        if unit == "days":
            out[i] = Days(v)
        elif unit == "%":
            out[i] = Percent(v)
        elif unit != "count" and isinstance(unit, str) and unit:
            out[i] = amount_of(unit)(v)
    return pd.Series(out, index=values.index, dtype=object)


def _month_end(day: pd.Timestamp) -> bool:
    """Whether the trend's months are calendar months (an as-of date at a month's end);
    otherwise a month labelled 2028-03 runs from 16 February to 15 March, and the caption
    says so."""
    return (day + pd.Timedelta(days=1)).day == 1


def _shown_kpis(kpis: pd.DataFrame) -> pd.DataFrame:
    """The KPIs as the tab shows them: a count (invoices issued, receipts) and the days in
    the period as whole numbers (35, not 35.00: the ``figure`` format), the other figures as
    they are."""
    whole = (kpis["Unit"].eq("count") | kpis["KPI"].eq("Days in Period")).to_numpy()
    values = kpis["Value"].to_numpy(dtype=object).copy()
    for i in np.flatnonzero(whole):
        v = values[i]
        if isinstance(v, float | np.floating) and np.isfinite(v) and float(v).is_integer():
            values[i] = int(v)
    # days and percentages in formats of their own; amounts take their row's currency's
    # decimals from the writer (the tab's Currency column)
    units = kpis["Unit"].where(kpis["Unit"].isin(["days", "%"]), "")
    return kpis.assign(Value=_by_unit(pd.Series(values, index=kpis.index, dtype=object),
                                      units))


def _period(book: Book, options: JobOptions, as_of: pd.Timestamp) -> Period:
    start = options.args.get("period_from")
    if not start:
        return month_to(as_of)
    day = pd.Timestamp(start).normalize()
    if day > as_of:  # was taken silently as the month to the as-of date
        raise UsageError(f"--from {day:%Y-%m-%d} is after the as-of date {as_of:%Y-%m-%d}: "
                         "the period must start on or before it")
    return Period(day, as_of)


def run(book: Book, options: JobOptions) -> JobResult:
    as_of = pd.Timestamp(options.as_of).normalize()
    period = _period(book, options, as_of)
    customers, invoices, payments = book.customers, book.invoices, book.payments
    options.progress(0.05, "aging")
    aging_summary, _items, _checks, issues = aging_tab(book, as_of)
    # AR of each date computed once; blank currencies read as the book's currency.
    ledger = Ledger(customers, invoices, payments, blank_currency=blank_currency(book) or "",
                    ledger_blank=ledger_blank(book) or "")
    items = ledger.ar(as_of)
    aging = aging_summary.frame
    ties = all(c.ties for c in tie_out(aging, items))
    options.progress(0.25, "KPIs")
    kpis = kpi_table(customers, invoices, payments, period, ledger=ledger)
    options.progress(0.45, "DSO trend")
    trend = dso_trend(customers, invoices, payments, as_of, months=12, ledger=ledger)
    options.progress(0.7, "payment behaviour")
    behaviour = payment_behaviour(customers, invoices, payments, as_of,
                                  blank_currency=blank_currency(book) or "")
    currency = main_currency(book, items, kpis)
    top = top_overdue(aging, items, book.policy, limit=25, currency_order=[currency])
    # each customer's payment record in the currency of its overdue row
    late = behaviour.set_index(["Customer ID", behaviour["Currency"].fillna("")]) \
        if len(behaviour) else None
    keys = pd.MultiIndex.from_arrays([top["Customer ID"], top["Currency"].fillna("")])
    top["Avg Days Late"] = late["Avg Days Late"].reindex(keys).to_numpy() \
        if late is not None else np.nan
    top["Trend"] = late["Trend"].reindex(keys).fillna("").to_numpy() \
        if late is not None else ""
    options.progress(0.8, "forecast")
    forecast = _forecast(book, as_of)

    password = options.args.get("password") or None
    # a rates sheet's rates as they stood on the as-of date (a later one only for want of it)
    rates = policy_rates(book.policy, kpis["Currency"].dropna(), as_of)
    issues = [*issues, *(rates.issues if rates is not None else ())]
    dash = dashboard(book, as_of, period, currency, kpis, aging, trend, top, forecast, ties,
                     len(book.issues) + len(issues), items=items, rates=rates)
    past_due = bucket_labels(book.policy.aging_buckets_days)[1:]
    tabs = [
        dash,
        Tab("KPIs", _shown_kpis(kpis),
            formats={"Value": "figure", "KPI": "text", "Currency": "text",
                     "Unit": "text", "Definition": "wrap", "Period": "text"},
            title=f"Collection KPIs for {period.label} ({period.days} days), per currency",
            blocks=[Tab("DSO Trend", with_row_formats(trend, TREND_FORMATS),
                        formats=TREND_FORMATS,
                        title="DSO trend by month (each month: closing AR / its credit sales "
                              "x its days)")]),
        aging_summary,
        Tab("Top Overdue", top,
            formats={**dict.fromkeys(["Overdue Amount", *past_due, CREDIT_COLUMN,
                                      "Open Balance"], "money"),
                     "Rank": "int", "Oldest Days Past Due": "int", "Share of Overdue %":
                     "percent", "Avg Days Late": DAYS, "Customer ID": "text",
                     "Customer": "text", "Currency": "text", "Trend": "text"},
            title=f"Customers with the most overdue as of {as_of:%Y-%m-%d} (top 25 per "
                  "currency): Overdue Amount = invoices past due (by days past due) less the "
                  "customer's credits on account, whatever their date, as the KPIs' overdue "
                  "AR",
            charts=[Chart("bar", f"Top {TOP_CHART} overdue customers", "Customer",
                          ["Overdue Amount"], rows=min(TOP_CHART, int(
                              (top["Currency"].fillna("") == currency).sum()) or TOP_CHART))]),
        Tab("Payment Behaviour", behaviour,
            formats={"Payments": "int", "Amount Paid": "money", "Avg Days Late": DAYS,
                     "Share Paid Late %": "percent",
                     "Avg Days Late (last 3 months)": DAYS,
                     "Avg Days Late (3 months before)": DAYS, "Customer ID": "text",
                     "Customer": "text", "Trend": "text", "Currency": "text"},
            title="Payments applied to invoices in the 6 months to "
                  f"{as_of:%Y-%m-%d}: days late = payment date - due date (0 when on time), "
                  "weighted by amount; trend: last 3 months vs the 3 before (5-day band)"),
    ]
    for tab in tabs:
        tab.protect = True
        tab.protect_password = password
    if book.arabic:  # a page for management in the workbook's language
        from ar_excel.io.pack_ar import arabic_pack

        tabs = arabic_pack(tabs)
    forecast_note = "" if forecast is not None else " (no collection forecast available)"
    overdue = overdue_customers(items, currency)
    # (a book that names no currency has its figures in its own, unnamed one)
    summary = (f"management pack as of {as_of:%Y-%m-%d}{f', {currency}' if currency else ''}: DSO "
               f"{_fmt(_kpi(kpis, currency, 'DSO'))}, CEI {_fmt(_kpi(kpis, currency, 'CEI %'), ' %')}"
               f", {overdue} customers overdue{forecast_note}")
    return JobResult(tabs=tabs, issues=issues, summary=summary)


def _fmt(value: float, unit: str = "") -> str:
    return "n/a" if value != value else f"{value:,.2f}{unit}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="period_from", type=date_argument("--from"), default=None, metavar="DATE",
                        help="first day of the KPI period (default: the month to --as-of)")
    parser.add_argument("--password", default=None,
                        help="password for the pack's sheet protection (default: protected "
                             "without a password)")


JOB = Job(
    name="report",
    help="The management pack: a new protected workbook (values and charts) with the "
         "dashboard, KPIs, aging and top overdue customers; -o PACK.xlsx, default "
         "'<BOOK> - Management Pack.xlsx' next to BOOK",
    run=run,
    month_end=False,
    needs=("Customers", "Invoices"),
    add_arguments=add_arguments,
    write=write_pack,
)
