"""Credit control: each customer's exposure against its credit limit, as of a date.

Definitions (the contract's ``Credit Status`` tab, made explicit):

* Open Balance = the signed sum of the customer's open items on the as-of date
  (``ledger.open_items``: invoices +, credit notes and unapplied receipts -), in the
  customer's currency, the limit's. An item in another currency is converted at the Policy's
  ``exchange_rates`` (``core.fx``) and ``Note`` says at what rate; without a rate for it, it
  is added as it stands, like the ledger's balance, and ``Note`` says so; the limit is
  compared with that sum, as the contract defines Over Limit (Exposure > Credit Limit on the
  row's own figures: a grader, or an accountant checking the row, sees the same sum). Without
  rates the tab's total therefore equals the ledger's open balance. A limit the master keeps in
  another currency than the customer's (SAP Business One's, in the company's own currency)
  makes that currency the row's: what is owed is converted into it, and ``Note`` says why
  the limit is in it; where a rate is missing the two are not compared (no Utilization %,
  never Over Limit or Warning; ``Reason`` says so and the job's Input Issue names the cell).
* Overdue Amount = the open amount of invoices past their due date (days past due > 0), as
  the Dunning tab's: what is owed late, the invoices to chase. Unapplied receipts and credit
  notes are not netted here; they show in ``Unapplied Credits``. The Aging tab buckets them
  by their own date, so its past-due buckets are net of those dated before the as-of date:
  where that differs, ``Note`` gives the net figure and says why (both tabs tie to the
  ledger; they answer different questions).
* Oldest Overdue Days = the most days past due of an open invoice (0 when none is overdue).
* Exposure = Open Balance + open orders (``Orders`` sheet: not invoiced, not cancelled, no
  draft or quotation, dated on or before the as-of date). Without an Orders sheet, Exposure
  = Open Balance.
* A credit limit is *set* when it is a positive amount; blank, 0 or a word for it
  ("Unlimited", "غير محدود": Reason says so) = no limit (and a
  negative limit is an input error reported by ``validate``): no utilization, never over.
  Cash terms (Payment Terms 0 days: COD, Cash, نقدي) do not change that: a cash customer
  with a blank or 0 limit has no limit set, as the contract rules, so it is never Over
  Limit; what it owes on credit it was never given (its Open Balance, less invoices dated in
  the last ``CASH_GRACE_DAYS`` days: the cash on its way, a COD driver's takings, a transfer
  clearing; an open order is paid on delivery) is said in Reason ("cash terms give no credit,
  yet 500.00 is owed"), or what is due on receipt.
  Only a limit type saying so (Dynamics GP's "No Credit") sets a limit of 0: no credit at
  all, so what it owes beyond those days is Over Limit (Utilization % blank: nothing to
  divide by), judged on the Open Balance alone and quoted in Reason.
* Utilization % = Exposure / Credit Limit x 100, to 0.1 (a half up). Over Limit = a
  limit is set and Exposure > Credit Limit. A customer in credit (Exposure below zero) uses
  nothing of its limit: 0 %, and Note says it is in credit by how much (Exposure keeps the
  negative figure, which the totals tie on).
* Status, the most severe that applies: ``Hold`` (Status Hold in the master, or an invoice
  more than ``overdue_hold_days`` past due that the customer's credits on account do not
  cover: unapplied receipts and credit notes set against its invoices oldest first, as the
  Dunning sets them; a covered one is named in Reason, to apply the credits, and where the
  hold is on a later invoice, the older one Oldest Overdue Days counts is named as covered;
  an invoice held on that is in dispute is said so), ``Over Limit``, ``Warning``
  (Utilization % >= ``credit_warning_pct``), ``OK``. ``Reason`` says why, in the workbook's
  language.

* One company under several accounts (the master's duplicate checks: same tax ID, or a
  possible duplicate): the rows stay apart, each judged on its own limit, and ``Note`` gives
  the group's exposure against its limits (a cash account's counting 0), and by how much it
  is over.

Rows: every customer of the master (first row of a repeated ID), then customers with open
items or orders that the master does not have. Sorted by Status severity, then master order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from ar_excel.core.arabic_counts import agree_days
from ar_excel.core.fx import Rates
from ar_excel.core.money import amount_in_units, decimals_of, round_half_up
from ar_excel.policy import Policy
from ar_excel.schema import NO_CREDIT, TERMS_EOM, UNLIMITED

CREDIT_COLUMNS = ["Customer ID", "Customer", "Credit Limit", "Open Balance", "Overdue Amount",
                  "Exposure", "Utilization %", "Oldest Overdue Days", "Over Limit", "Status"]
EXTRA_COLUMNS = ["Currency", "Open Orders", "Unapplied Credits", "Customer Status",
                 "Next Credit Review", "Reason", "Note"]
# Days an invoice of a cash customer may stay open before it is owed on credit it never had
CASH_GRACE_DAYS = 2
STATUS_ORDER = {"Hold": 0, "Over Limit": 1, "Warning": 2, "OK": 3}
FORMATS = {"Credit Limit": "money", "Open Balance": "money", "Overdue Amount": "money",
           "Exposure": "money", "Utilization %": "percent", "Oldest Overdue Days": "int",
           "Over Limit": "bool", "Open Orders": "money", "Unapplied Credits": "money",
           "Next Credit Review": "date"}

# Order statuses that mean the order no longer adds to exposure, or never did: a draft or a
# quotation (ERPNext's Draft, Odoo's Quotation) is no commitment to deliver.
_CLOSED_ORDER = re.compile(
    r"(?i)invoiced|billed|cancel+ed|cancel|closed|complete|void|rejected|draft|quotation|"
    r"مفوتر|فوترة|ملغ[يى]|الغاء|إلغاء|مغلق|مكتمل|مرفوض|مسود|عرض سعر")

_REASONS = {
    "hold_master": ("customer is on Hold in the master", "العميل موقوف في بيانات العملاء"),
    "hold_overdue": ("invoice {invoice} is {days} days past due (policy: hold after {limit})",
                     "الفاتورة {invoice} متأخرة {days} يوماً (السياسة: إيقاف بعد {limit})"),
    # the Dunning does not chase it meanwhile: the Reason says why the account is held on it
    "in_dispute": ("; it is in dispute: resolve it", "؛ وهي محل نزاع: يلزم حسمه"),
    # held on a later invoice: the Oldest Overdue Days' older one is paid by the credits
    "older_covered": ("; the older invoice {oldest} ({days} days past due, the Oldest Overdue "
                      "Days) is covered by credits on account of {credit}: apply them",
                      "؛ الفاتورة الأقدم {oldest} (متأخرة {days} يوماً، أقدم أيام تأخير) "
                      "تغطيها الأرصدة الدائنة على الحساب ({credit}): طبّقها"),
    "hold_covered": ("invoice {invoice} is {days} days past due, but credits on account of "
                     "{credit} cover it: apply them (no hold)",
                     "الفاتورة {invoice} متأخرة {days} يوماً، لكن الأرصدة الدائنة على الحساب "
                     "({credit}) تغطيها: طبّقها (لا إيقاف)"),
    "over": ("exposure {exposure} is over the limit {limit} by {excess}",
             "المديونية {exposure} تتجاوز الحد {limit} بمقدار {excess}"),
    # a cash customer is judged on its Open Balance alone: the Reason quotes it, not Exposure
    "over_owed": ("open balance {owed} is over the limit {limit} by {excess}",
                  "الرصيد المفتوح {owed} يتجاوز الحد {limit} بمقدار {excess}"),
    "warning": ("utilization {pct}% is at or above the warning level {warn}%",
                "نسبة الاستخدام {pct}% بلغت حد التنبيه {warn}% أو تجاوزته"),
    "ok_limit": ("within the limit", "ضمن الحد"),
    "cash_owing": ("cash terms give no credit, yet {owed} is owed",
                   "شروط الدفع النقدي لا تمنح ائتماناً، ومع ذلك على العميل {owed}"),
    "cash_recent": ("cash terms: {recent} invoiced in the last {grace} days, due on receipt",
                    ("شروط دفع نقدي: فواتير آخر {grace} يوماً بمبلغ {recent} "
                     "تُسدد عند الاستلام")),
    "same_company": ("same company as {others} (Customer Checks: duplicate): combined exposure "
                     "{exposure} against combined limit {limit}",
                     "نفس الشركة مسجلة أيضاً بالحساب {others} (فحص العملاء: تكرار): إجمالي "
                     "المديونية {exposure} مقابل إجمالي الحدود {limit}"),
    "same_company_over": (", over by {excess}", "، بتجاوز {excess}"),
    # branches without a limit of their own under a parent account holding the group's
    "group": ("{parent}'s group ({members}): combined exposure {exposure} against the limit "
              "{limit} set on {parent} for the group",
              "مجموعة الحساب {parent} ({members}): إجمالي المديونية {exposure} مقابل الحد "
              "{limit} المحدد على الحساب {parent} للمجموعة"),
    "same_company_no_limit": ("same company as {others} (Customer Checks: duplicate): combined "
                              "exposure {exposure}; no combined limit ({unset} has none set)",
                              "نفس الشركة مسجلة أيضاً بالحساب {others} (فحص العملاء: تكرار): "
                              "إجمالي المديونية {exposure}؛ لا حد إجمالي (لا حد للحساب {unset})"),
    "same_company_currencies": ("same company as {others} (Customer Checks: duplicate), in "
                                "other currencies: exposures not added",
                                "نفس الشركة مسجلة أيضاً بالحساب {others} (فحص العملاء: تكرار) "
                                "بعملات أخرى: لم تُجمع المديونيات"),
    "in_credit": ("in credit by {amount}: nothing of the limit used",
                  "رصيد دائن للعميل بمبلغ {amount}: لم يُستخدم شيء من الحد"),
    "no_limit": ("no credit limit set", "لا يوجد حد ائتمان"),
    "unlimited": ("unlimited credit (no limit)", "ائتمان غير محدود (بلا حد)"),
    "negative_limit": ("credit limit {limit} is negative: not used (see Customer Checks)",
                       "حد الائتمان {limit} سالب: لم يُستخدم (انظر فحص العملاء)"),
    "closed_owing": ("customer is Closed in the master but owes {exposure}",
                     "العميل مغلق في بيانات العملاء وعليه {exposure}"),
    "unknown": ("not in the Customers sheet", "غير موجود في بيانات العملاء"),
    "overdue_net": ("Overdue Amount {gross} is the invoices past due before unapplied credits; "
                    "net of the credits dated before the as-of date it is {net}",
                    "المبلغ المتأخر {gross} هو الفواتير المتأخرة قبل خصم الدائن غير المطبق؛ "
                    "بعد خصم الدائن المؤرخ قبل تاريخ التقرير يصبح {net}"),
    # (only where the Aging's buckets count days past due: by invoice date they hold old
    # invoices, not late ones)
    "as_in_aging": (", as in the Aging tab's past-due buckets",
                    " كما في أعمدة التأخير في تبويب أعمار الديون"),
    "currencies": ("open items in {currencies}: added without conversion",
                   "بنود مفتوحة بعملات {currencies}: جُمعت دون تحويل"),
    "converted": ("open items converted to {currency} at the Policy's exchange rates: {rates}",
                  "بنود مفتوحة حُولت إلى {currency} بأسعار الصرف في السياسة: {rates}"),
    # the rates not typed in the Policy: where they came from (``Rates.source``)
    "converted_sheet": ("open items converted to {currency} at the exchange rates of sheet "
                        "'{name}': {rates}",
                        "بنود مفتوحة حُولت إلى {currency} بأسعار الصرف في ورقة '{name}': {rates}"),
    "converted_invoices": ("open items converted to {currency} at the invoices' own exchange "
                           "rates (column '{name}'): {rates}",
                           "بنود مفتوحة حُولت إلى {currency} بأسعار الصرف المكتوبة على الفواتير "
                           "(عمود '{name}'): {rates}"),
    "limit_currency": ("credit limit in {currency}: {why}", "حد الائتمان بعملة {currency}: {why}"),
    "not_compared": ("credit limit {limit} is in {currency} ({why}), what is owed in {owed}: no "
                     "exchange rate in the Policy, not compared",
                     "حد الائتمان {limit} بعملة {currency} ({why})، والمستحق بعملة {owed}: لا سعر "
                     "صرف في السياسة، فلم تتم المقارنة"),
}

# Why a limit is in another currency than its customer's (``credit_status``'s
# ``limit_currencies``: io.limit_currencies' TYPED, HEADED, COMPANY, SAP_B1)
_LIMIT_WHY = {
    "typed": ("as typed in its cell", "كما كُتب في خانته"),
    "headed": ("as its column is headed", "كما في عنوان عموده"),
    "company": ("its column is in the company's own currency", "عموده بعملة الشركة المحلية"),
    "sap b1": ("SAP Business One keeps it in the company's own currency",
               "يحفظه SAP Business One بعملة الشركة المحلية"),
}


def reason(key: str, arabic: bool, **values: object) -> str:
    if arabic:  # '9 أيام', '137 يوماً': the count's own form (arabic_counts)
        return agree_days(_REASONS[key][1].format(**values))
    return _REASONS[key][0].format(**values)


def _money(places: int, value: float) -> str:
    """An amount in a Reason or Note in its currency's minor units: a dinar's fils on every
    amount (100,000.000 beside 4,000.125), as the tab's columns and the letters give them."""
    return amount_in_units(value, places)


def _oldest_uncovered(items: pd.DataFrame, amount: pd.Series, dpd: pd.Series
                      ) -> dict[object, tuple[object, int]]:
    """Per customer, (Document No, Days Past Due) of its oldest overdue invoice that its
    credits on account (the negative open items, all of them: money already in) leave
    unpaid, set against the invoices oldest first; customers with none are left out."""
    customer = items["Customer ID"]
    credit = (-amount[amount < 0]).groupby(customer[amount < 0]).sum()
    owed = (items["Item Type"] == "Invoice") & (amount > 0)
    inv = pd.DataFrame({"cid": customer[owed], "doc": items.loc[owed, "Document No"],
                        "dpd": dpd[owed], "amount": amount[owed]}).sort_values(
        ["cid", "dpd", "doc"], ascending=[True, False, True], kind="stable")
    paid_by_credit = inv["cid"].map(credit).fillna(0.0)
    left = inv.groupby("cid")["amount"].cumsum() - paid_by_credit
    late = inv[(left > 0.005) & (inv["dpd"] > 0)].drop_duplicates("cid")
    return {cid: (doc, int(days)) for cid, doc, days in
            zip(late["cid"], late["doc"], late["dpd"], strict=True)}


def utilization_pct(exposure: float, limit: float) -> float:
    """Exposure / limit x 100 to one decimal, a half rounded up as an accountant (and
    Excel's ROUND) does: 8,900 on a limit of 8,000 is 111.3 %, not the float's 111.2."""
    if not (np.isfinite(exposure) and np.isfinite(limit)):  # no ratio of infinities
        return float("nan")
    exact = Decimal(repr(float(exposure))) * 100 / Decimal(repr(float(limit)))
    return round_half_up(exact, "0.1")


def open_orders(orders: pd.DataFrame | None, as_of: date | pd.Timestamp,
                places: int | None = 2) -> pd.Series:
    """Open order value per Customer ID: orders not invoiced, not cancelled, no draft or
    quotation (``_CLOSED_ORDER``), dated by as-of (rounded to ``places`` decimals; None:
    unrounded, for the caller to round per currency)."""
    if orders is None or orders.empty:
        return pd.Series(dtype="float64")
    cutoff = pd.Timestamp(as_of).normalize()
    dates = pd.to_datetime(orders["Date"]) if "Date" in orders else pd.Series(pd.NaT,
                                                                             index=orders.index)
    invoiced = orders["Invoice No"].notna() if "Invoice No" in orders else False
    status = orders["Status"].fillna("").astype(str) if "Status" in orders else pd.Series(
        "", index=orders.index)
    closed = status.str.contains(_CLOSED_ORDER)
    is_open = ~invoiced & ~closed & (dates.isna() | (dates <= cutoff)) & orders["Amount"].notna()
    live = orders[is_open]
    totals = live.groupby("Customer ID", sort=True)["Amount"].sum()
    return totals if places is None else totals.round(places)


def not_comparable(items: pd.DataFrame, limit_currencies: Mapping[object, str],
                   rates: Rates | None) -> dict[object, list[str]]:
    """Per customer whose limit is in another currency than its Currency says
    (``limit_currencies``), the currencies of its open items no rate converts into the
    limit's: its exposure cannot be weighed against its limit."""
    if not limit_currencies or not len(items):
        return {}
    found: dict[object, set[str]] = {}
    for cid, ccy in zip(items["Customer ID"].tolist(), items["Currency"].tolist(), strict=True):
        target = limit_currencies.get(cid)
        if target is None or not isinstance(ccy, str) or not ccy.strip() or ccy == target:
            continue
        if rates is None or rates.factor(ccy, target) is None:
            found.setdefault(cid, set()).add(ccy)
    return {cid: sorted(ccys) for cid, ccys in found.items()}


def owed_currencies(items: pd.DataFrame, named: Mapping[object, object],
                    orders_open: pd.Series) -> pd.DataFrame:
    """Customer ID and Currency of what each customer owes or has on order: its open items,
    and its open orders (``open_orders``) in its Currency ``named`` (an Orders sheet names
    none), weighed against a limit in another currency as the items are."""
    owed = items[["Customer ID", "Currency"]]
    if not len(orders_open):
        return owed
    return pd.concat([owed, pd.DataFrame({
        "Customer ID": orders_open.index,
        "Currency": [named.get(cid) for cid in orders_open.index]})], ignore_index=True)


def weighed_limits(items: pd.DataFrame, limit_currencies: Mapping[object, str],
                   rates: Rates | None, master: pd.DataFrame | None = None,
                   orders_open: pd.Series | None = None
                   ) -> tuple[dict[object, str], dict[object, list[str]]]:
    """Which limits the master keeps in another currency than their customer's
    (``limit_currencies``) can be weighed against what the customer owes: those that can,
    each in its currency, and those that cannot, with the currencies of what is owed that no
    rate converts into the limit's (``not_comparable``). What is owed is the open items and,
    with ``orders_open`` (``open_orders``), the open orders in the customer's Currency in
    ``master``. Credit Status, its tie to the ledger, the credit job's Input Issue and the
    invoice checks' credit limit all decide it here, so none compares a limit another
    leaves uncompared."""
    if not limit_currencies:
        return {}, {}
    owed = items
    if orders_open is not None:
        named = master.set_index("Customer ID")["Currency"].to_dict() \
            if master is not None and "Currency" in master else {}
        owed = owed_currencies(items, named, orders_open)
    apart = not_comparable(owed, limit_currencies, rates)
    return {cid: code for cid, code in limit_currencies.items() if cid not in apart}, apart


def _targets(items: pd.DataFrame, master: pd.DataFrame, rates: Rates | None,
             limit_in: Mapping[object, str]) -> dict[object, str]:
    """The currency each customer's open items are counted in where its master names none:
    the one currency its items are in (a customer without a Currency invoiced in USD is
    billed in USD, and its limit is read so), else the rates' base; ``limit_in`` over all."""
    if rates is None or not len(items):
        return dict(limit_in)
    named = master.set_index("Customer ID")["Currency"] if "Currency" in master else None
    found: dict[object, set[str]] = {}
    for cid, ccy in zip(items["Customer ID"].tolist(), items["Currency"].tolist(), strict=True):
        own = named.get(cid) if named is not None else None
        if not (isinstance(own, str) and own.strip()):
            ccys = found.setdefault(cid, set())
            if isinstance(ccy, str) and ccy.strip():
                ccys.add(ccy)
    blank = {cid: next(iter(ccys)) if len(ccys) == 1 else rates.base
             for cid, ccys in found.items()}
    return {**{cid: c for cid, c in blank.items() if c}, **limit_in}


def _in_customer_currency(items: pd.DataFrame, master: pd.DataFrame, rates: Rates | None,
                          limit_currencies: Mapping[object, str] | None = None
                          ) -> tuple[pd.DataFrame, dict[str, dict[str, float]]]:
    """The open items with their amounts in their customer's currency (its limit's, where
    ``limit_currencies`` names another) where ``rates`` allow, and per customer the rates
    used ({currency: what one unit is in the customer's})."""
    if rates is None or not len(items) or "Currency" not in master:
        return items, {}
    own = items["Customer ID"].map(master.set_index("Customer ID")["Currency"])
    if limit_currencies:
        limit_ccy = items["Customer ID"].map(limit_currencies)
        own = limit_ccy.where(limit_ccy.notna(), own)
    used: dict[str, dict[str, float]] = {}
    factors = []
    for cid, source, target in zip(items["Customer ID"], items["Currency"], own, strict=True):
        source = source if isinstance(source, str) and source.strip() else None
        target = target if isinstance(target, str) and target.strip() else rates.base
        factor = rates.factor(source, target)  # 1 for the same or an unnamed currency
        if factor is None or factor == 1.0:
            factors.append(1.0)
            continue
        factors.append(factor)
        used.setdefault(cid, {})[source] = round(factor, 6)
    if not used:
        return items, {}
    converted = items["Open Amount"].astype("float64") * np.array(factors)
    return items.assign(**{"Open Amount": converted}), used


def items_as_counted(items: pd.DataFrame, master: pd.DataFrame, rates: Rates | None,
                     limit_in: Mapping[object, str]
                     ) -> tuple[pd.DataFrame, dict[str, dict[str, float]], dict[object, str]]:
    """The open items as Credit Status counts them: in the currency each customer is weighed
    in (its limit's where ``limit_in`` names another, else its Currency, else ``_targets``'),
    converted where ``rates`` allow; the rates used per customer; and the currency of each
    customer the master names none for, or whose limit is in another (``_targets``)."""
    targets = _targets(items, master, rates, limit_in)
    counted, used = _in_customer_currency(items, master, rates, targets)
    return counted, used, targets


def counted_items(items: pd.DataFrame, customers: pd.DataFrame, rates: Rates | None,
                  limit_currencies: Mapping[object, tuple[str, str]] | None = None,
                  orders_open: pd.Series | None = None) -> pd.DataFrame:
    """The open items of a customer (a Customer ID) as Credit Status counts them
    (``items_as_counted``, with the limits it weighs, ``weighed_limits``): each in the
    currency of its customer's row, converted at ``rates`` where they give one.
    ``limit_currencies`` and ``orders_open``: as ``credit_status``'s."""
    master = customers[customers["Customer ID"].notna()].drop_duplicates("Customer ID")
    known = items[items["Customer ID"].notna()]
    stated = {cid: code for cid, (code, _) in (limit_currencies or {}).items()}
    limit_in = weighed_limits(known, stated, rates, master, orders_open)[0]
    return items_as_counted(known, master, rates, limit_in)[0]


def ledger_as_counted(status: pd.DataFrame, items: pd.DataFrame, customers: pd.DataFrame,
                      rates: Rates | None,
                      limit_currencies: Mapping[object, tuple[str, str]] | None = None,
                      orders_open: pd.Series | None = None) -> tuple[pd.Series, bool]:
    """The ledger's open balance grouped by the currency of the Credit Status row each item
    is counted in (its customer's; converted at ``rates`` where they give one, else as it
    stands), and whether any item was counted in another currency than its own. This is
    what the tab's Open Balance total is tied to: by the items' own currencies a customer
    billed in two currencies would never tie. ``limit_currencies``: as ``credit_status``'s;
    ``orders_open``: the open orders it weighed (``open_orders``, unrounded), which can leave
    a limit uncompared (``weighed_limits``)."""
    known = items[items["Customer ID"].notna()]
    counted = counted_items(items, customers, rates, limit_currencies, orders_open)
    rows = status.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    row_ccy = known["Customer ID"].map(rows)
    row_ccy = row_ccy.where(row_ccy.notna(), known["Currency"]).fillna("").astype(str)
    own = known["Currency"].fillna("").astype(str)
    moved = bool(((own != row_ccy) & (own != "") & (row_ccy != "")).any())
    # each customer's balance to its currency's minor unit, as its row shows it
    per_row = counted["Open Amount"].astype("float64").groupby(
        [known["Customer ID"], row_ccy]).sum()
    per_row = pd.Series([round(float(v), decimals_of(c or None)) for (_, c), v in per_row.items()],
                        index=per_row.index.get_level_values(1), dtype="float64")
    loose = items[items["Customer ID"].isna()]  # no row: counted in their own currency
    amounts = pd.concat([per_row, pd.Series(loose["Open Amount"].astype("float64").to_numpy(),
                                            index=loose["Currency"].fillna("").astype(str))])
    return amounts.groupby(level=0).sum(), moved


def credit_status(customers: pd.DataFrame, items: pd.DataFrame, policy: Policy,
                  orders: pd.DataFrame | None = None, as_of: date | None = None,
                  arabic: bool = False, rates: Rates | None = None,
                  same_company: dict[str, list[str]] | None = None,
                  limit_currencies: Mapping[object, tuple[str, str]] | None = None,
                  orders_open: pd.Series | None = None,
                  parents: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The ``Credit Status`` rows (see the module's definitions), with the extra columns.
    ``rates``: the Policy's exchange rates (``core.fx.policy_rates``), None for none.
    ``same_company``: per Customer ID, its other accounts the master's duplicate checks take
    for the same company (``customers.duplicate_checks.same_company``): each row's Note gives the
    group's exposure against its limits (the rows are not merged).
    ``limit_currencies``: per Customer ID, the currency its limit is in where the master says
    it otherwise than by its Currency, and how that is known (``io.limit_currencies``' TYPED,
    HEADED, COMPANY, SAP_B1; Note words it, ``_LIMIT_WHY``): its row is in that currency,
    what it owes converted into it. Without a rate for one of its items' currencies into that
    limit's a limit is not compared (Reason says so; ``not_comparable``); a limit in the
    customer's own Currency is compared with its items added as they stand (Note says so).
    ``orders_open``: ``open_orders(orders, as_of, places=None)`` when the caller has it
    already (the job weighs its Input Issue and tie with the same figures).
    ``parents``: per Customer ID, the account it belongs under (``customers.parents``): where
    that account has a limit and its branches none, each row of the group notes the group's
    combined exposure against it (``_note_groups``; Status is each row's own)."""
    master = customers[customers["Customer ID"].notna()].drop_duplicates("Customer ID")
    items = items[items["Customer ID"].notna()]
    stated = {cid: code for cid, (code, _) in (limit_currencies or {}).items()}
    named = master.set_index("Customer ID")["Currency"].to_dict() if "Currency" in master \
        else {}
    orders_exact = open_orders(orders, as_of or date.today(), places=None) \
        if orders_open is None else orders_open
    limit_in, apart = weighed_limits(items, stated, rates, master, orders_exact)
    items, converted, counted_in = items_as_counted(items, master, rates, limit_in)
    if limit_in and rates is not None and len(orders_exact):
        orders_exact = orders_exact.copy()
        for cid in orders_exact.index.intersection(list(limit_in)):
            source = named.get(cid)
            factor = rates.factor(source if isinstance(source, str) else None, limit_in[cid])
            if factor is not None and factor != 1.0:
                orders_exact[cid] = orders_exact[cid] * factor
                converted.setdefault(cid, {})[source] = round(factor, 6)
    amount = items["Open Amount"].astype("float64")
    balance = amount.groupby(items["Customer ID"]).sum()
    invoice = items["Item Type"] == "Invoice"
    dpd = pd.to_numeric(items["Days Past Due"], errors="coerce").fillna(0)
    overdue_items = items[invoice & (dpd > 0) & (amount > 0)]
    overdue = overdue_items["Open Amount"].astype("float64").groupby(
        overdue_items["Customer ID"]).sum()
    oldest_pos = overdue_items.assign(_dpd=dpd[overdue_items.index]).sort_values(
        ["Customer ID", "_dpd", "Document No"], ascending=[True, False, True], kind="stable")
    oldest = oldest_pos.drop_duplicates("Customer ID").set_index("Customer ID")
    uncovered = _oldest_uncovered(items, amount, dpd)
    # invoices in dispute (``collections.disputes.mark_disputed``'s column, where the caller
    # marked them): owed and held on all the same, said in Reason
    marked = items["Disputed"].fillna(False).astype(bool) if "Disputed" in items else None
    disputed = set(zip(items.loc[marked, "Customer ID"], items.loc[marked, "Document No"],
                       strict=True)) if marked is not None and marked.any() else set()
    credits = amount[amount < 0].groupby(items.loc[amount < 0, "Customer ID"]).sum()
    # invoices of the last CASH_GRACE_DAYS days: on a cash customer, cash still on its way
    since = pd.Timestamp(as_of or date.today()).normalize() - pd.Timedelta(days=CASH_GRACE_DAYS)
    dated = pd.to_datetime(items["Date"], errors="coerce") if "Date" in items else pd.Series(
        pd.NaT, index=items.index, dtype="datetime64[ns]")
    fresh = invoice & (amount > 0) & (dated >= since)
    recent_of = amount[fresh].groupby(items.loc[fresh, "Customer ID"]).sum().to_dict()
    # the Aging tab's past-due buckets: every open item past its due date (credits by their
    # own date), net
    past = dpd > 0
    past_due_net = amount[past].groupby(items.loc[past, "Customer ID"]).sum()
    # each customer's currencies, sorted (one pass: a lambda per customer took seconds)
    with_ccy = items[items["Currency"].notna()]
    found: dict[object, set[str]] = {}
    for cid, ccy in zip(with_ccy["Customer ID"].tolist(), with_ccy["Currency"].astype(str).tolist(),
                        strict=True):
        found.setdefault(cid, set()).add(ccy)
    currencies_of = {cid: sorted(ccys) for cid, ccys in found.items()}
    orders_cents = orders_exact.round(2)

    ids = list(master["Customer ID"])
    known = set(ids)
    unknown = sorted((set(balance.index) | set(orders_cents.index)) - known)
    info = master.set_index("Customer ID")
    # One dict per column: a lookup per customer and column in dicts, not DataFrame.at (20,000
    # customers made 200,000 .at calls, most of the job's time)
    col = {c: info[c].to_dict() for c in info.columns}
    oldest_days, oldest_doc = oldest["_dpd"].to_dict(), oldest["Document No"].to_dict()
    balance_of, overdue_of, credits_of = balance.to_dict(), overdue.to_dict(), credits.to_dict()
    past_due_net_of = past_due_net.to_dict()
    orders_of, orders_exact_of = orders_cents.to_dict(), orders_exact.to_dict()

    def at(cid: object, name: str) -> object:
        return col[name][cid]

    rows = []
    sep = "؛ " if arabic else "; "  # the Arabic semicolon between an Arabic reason's clauses
    for cid in ids + unknown:
        in_master = cid in known
        limit = float(at(cid, "Credit Limit")) if in_master and pd.notna(
            at(cid, "Credit Limit")) else np.nan
        # cash terms (0 days; "EOM" is a month's credit)
        cash_terms = in_master and "Payment Terms" in info.columns and pd.notna(
            at(cid, "Payment Terms")) and int(at(cid, "Payment Terms")) == 0 and not (
            TERMS_EOM in info.columns and pd.notna(at(cid, TERMS_EOM)))
        # a limit type saying "no credit" (GP's No Credit) sets a limit of 0: no credit at all
        typed_no_credit = in_master and NO_CREDIT in info.columns and bool(at(cid, NO_CREDIT))
        unlimited = in_master and UNLIMITED in info.columns and bool(at(cid, UNLIMITED))
        no_limit = np.isnan(limit) or limit == 0
        no_credit = typed_no_credit and not unlimited and no_limit
        # cash terms without a limit: the contract's "blank or 0 = no limit set" (never Over
        # Limit), but what is owed on them is said in Reason
        cash_unlimited = cash_terms and not unlimited and no_limit and not no_credit
        has_limit = not np.isnan(limit) and (limit > 0 or (limit == 0 and no_credit))
        if cid in apart:  # a limit in one currency, what is owed in another: no rate
            has_limit = no_credit = cash_unlimited = False
        # money to the minor unit of the customer's currency (a KWD account's fils)
        places = max([decimals_of(c) for c in
                      [at(cid, "Currency") if in_master else None, limit_in.get(cid),
                       *currencies_of.get(cid, [])]])
        bal = round(float(balance_of.get(cid, 0.0)), places)
        ordered = round(float((orders_of if places == 2 else orders_exact_of).get(cid, 0.0)),
                        places)
        exposure = round(bal + ordered, places)
        utilization = utilization_pct(max(exposure, 0.0), limit) if has_limit and limit \
            else np.nan
        recent = round(min(float(recent_of.get(cid, 0.0)), max(bal, 0.0)), places)
        # what a cash buyer owes beyond the days cash takes to arrive; an order is not owed
        # (paid before or on delivery)
        owed_on_cash = (no_credit or cash_unlimited) and bool(
            bal - recent > 0.5 * 10 ** -places)
        over = owed_on_cash if no_credit else bool(has_limit and exposure > limit + 0.005)
        days = int(oldest_days[cid]) if cid in oldest_days else 0
        master_status = str(at(cid, "Status")) if in_master and pd.notna(
            at(cid, "Status")) else ""

        why = []
        if master_status == "Hold":
            why.append(reason("hold_master", arabic))
        # Only an invoice past due puts the account on hold (a Policy's hold days below zero
        # must not hold customers who owe nothing overdue), and only one its credits on
        # account do not cover: a receipt recorded without its invoice (a running ledger's
        # سند قبض) paid the oldest debt, as Dunning reads it.
        late_doc, late_days = uncovered.get(cid, (None, 0))
        if late_doc is not None and late_days > policy.overdue_hold_days:
            held_on = reason("hold_overdue", arabic, invoice=late_doc,
                             days=late_days, limit=policy.overdue_hold_days)
            if (cid, late_doc) in disputed:
                held_on += reason("in_dispute", arabic)
            if cid in oldest_days and days > late_days:
                # the row's Oldest Overdue Days is an older invoice the credits pay: said,
                # or the Reason's days contradict the column beside it
                held_on += reason("older_covered", arabic, oldest=oldest_doc[cid], days=days,
                                  credit=_money(places, -float(credits_of.get(cid, 0.0))))
            why.append(held_on)
        covered = [reason("hold_covered", arabic, invoice=oldest_doc[cid], days=days,
                          credit=_money(places, -float(credits_of.get(cid, 0.0))))] \
            if not why and cid in oldest_days and days > policy.overdue_hold_days else []
        if why:
            status = "Hold"
        elif over:
            status = "Over Limit"
        elif has_limit and utilization >= policy.credit_warning_pct:
            status = "Warning"
        else:
            status = "OK"
        if owed_on_cash and not over:  # cash terms, no limit set: said, not Over Limit
            if not why:
                why.append(reason("no_limit", arabic))
            why.append(reason("cash_owing", arabic, owed=_money(places, bal)))
        elif over and no_credit:  # no credit by its limit type: its orders are not credit
            why.append(reason("over_owed", arabic, owed=_money(places, bal), limit=_money(places, limit),
                              excess=_money(places, bal - limit)))
        elif over:
            why.append(reason("over", arabic, exposure=_money(places, exposure), limit=_money(places, limit),
                              excess=_money(places, exposure - limit)))
        elif (no_credit or cash_unlimited) and recent > 0:
            why.append(reason("cash_recent", arabic, recent=_money(places, recent),
                              grace=CASH_GRACE_DAYS))
        elif has_limit and utilization >= policy.credit_warning_pct:
            why.append(reason("warning", arabic, pct=f"{utilization:g}",
                              warn=f"{policy.credit_warning_pct:g}"))
        if cid in apart:
            code, how = (limit_currencies or {})[cid]
            why.append(reason("not_compared", arabic, limit=_money(places, limit), currency=code,
                              why=_LIMIT_WHY[how][arabic], owed=", ".join(apart[cid])))
        if not why:
            if not np.isnan(limit) and limit < 0:
                why.append(reason("negative_limit", arabic, limit=_money(places, limit)))
            else:
                why.append(reason("ok_limit" if has_limit else
                                  "unlimited" if unlimited else "no_limit", arabic))
        why.extend(covered)
        if master_status == "Closed" and exposure > 0:
            # a closed account still owing (or invoiced again): to collect, or to reopen
            why.append(reason("closed_owing", arabic, exposure=_money(places, exposure)))

        currency = at(cid, "Currency") if in_master else None
        currency = None if currency is None or pd.isna(currency) else str(currency)
        item_ccys = currencies_of.get(cid, [])
        # said where it is not plain: the master names another currency, or the items do
        # ('USD 10,000' on a customer without a currency billed in USD is plain)
        limit_said = cid in limit_in and bool(currency or set(item_ccys) - {limit_in[cid]})
        # the row is in its limit's currency, else the one its items are counted in
        currency = limit_in.get(cid, currency) or counted_in.get(cid)
        mixed = [c for c in item_ccys if c != currency] if currency else item_ccys[1:]
        note = [reason("unknown", arabic)] if not in_master else []
        if limit_said:
            note.append(reason("limit_currency", arabic, currency=limit_in[cid],
                               why=_LIMIT_WHY[(limit_currencies or {})[cid][1]][arabic]))
        if has_limit and limit and exposure < 0:
            note.append(reason("in_credit", arabic, amount=_money(places, -exposure)))
        gross = round(float(overdue_of.get(cid, 0.0)), places)
        net = round(float(past_due_net_of.get(cid, 0.0)), places)
        if gross > 0 and abs(net - gross) >= 0.5 * 10 ** -places:
            note.append(reason("overdue_net", arabic, gross=_money(places, gross), net=_money(places, net))
                        + (reason("as_in_aging", arabic) if policy.aging_basis == "due date"
                           else ""))
        done = converted.get(cid, {})
        if done:
            kind, name = (rates.source if rates is not None and len(rates.source) == 2
                          else ("", ""))
            note.append(reason({"sheet": "converted_sheet", "invoices": "converted_invoices"}
                               .get(kind, "converted"), arabic, name=name, rates=", ".join(
                f"{c} {r:g}" for c, r in sorted(done.items())), currency=currency or ""))
        as_they_stand = [c for c in mixed if c not in done]
        if as_they_stand and len(set(item_ccys) | ({currency} if currency else set())) > 1:
            note.append(reason("currencies", arabic, currencies=", ".join(item_ccys)))
        rows.append({
            "Customer ID": cid,
            "Customer": at(cid, "Name") if in_master else None,
            "Credit Limit": limit if in_master and not np.isnan(limit) else np.nan,
            "Open Balance": bal,
            "Overdue Amount": gross,
            "Exposure": exposure,
            "Utilization %": utilization,
            "Oldest Overdue Days": days,
            "Over Limit": over,
            "Status": status,
            "Currency": currency if currency else (item_ccys[0] if item_ccys else None),
            "Open Orders": ordered,
            "Unapplied Credits": round(float(credits_of.get(cid, 0.0)), places),
            "Customer Status": master_status or None,
            "Next Credit Review": at(cid, "Next Credit Review") if in_master else pd.NaT,
            "Reason": sep.join(why),
            "Note": sep.join(note) or None,
            # read by _note_same_company, not a column: a cash account adds no credit
            "_no_credit": no_credit or cash_unlimited,
        })
    if same_company:
        _note_same_company(rows, same_company, arabic, sep)
    if parents:
        _note_groups(rows, parents, arabic, sep)
    out = pd.DataFrame(rows, columns=CREDIT_COLUMNS + EXTRA_COLUMNS)
    out["Oldest Overdue Days"] = out["Oldest Overdue Days"].astype("int64")
    out["Over Limit"] = out["Over Limit"].astype(bool)
    out["Next Credit Review"] = pd.to_datetime(out["Next Credit Review"])
    order = out["Status"].map(STATUS_ORDER)
    out = out.assign(_order=order, _pos=range(len(out))).sort_values(
        ["_order", "_pos"], kind="stable").drop(columns=["_order", "_pos"])
    return out.reset_index(drop=True)


def _group_limit(row: dict) -> float:
    """What a Credit Status row adds to its company's combined limit: its limit where one is
    set, 0 on a cash account (no credit), NaN where none is set (no combined limit)."""
    if row.get("_no_credit"):
        return 0.0
    value = row["Credit Limit"]
    return float(value) if pd.notna(value) and value > 0 else np.nan


def _note_same_company(rows: list[dict], same_company: dict[str, list[str]], arabic: bool,
                       sep: str) -> None:
    """Adds to each row of a company kept under several accounts the group's exposure and
    limit: a limit per account hides a company owing more than any one limit allows.
    Amounts in different currencies are not added."""
    by_id = {str(r["Customer ID"]): r for r in rows}
    for row in rows:
        cid = str(row["Customer ID"])
        others = [o for o in same_company.get(cid, []) if o in by_id]
        if not others:
            continue
        group = [row, *(by_id[o] for o in others)]
        named = ", ".join(others)
        if len({r["Currency"] or "" for r in group}) > 1:
            text = reason("same_company_currencies", arabic, others=named)
        else:
            places = max(decimals_of(r["Currency"]) for r in group)
            exposure = round(sum(float(r["Exposure"]) for r in group), places)
            unset = [str(r["Customer ID"]) for r in group if np.isnan(_group_limit(r))]
            if unset:
                text = reason("same_company_no_limit", arabic, others=named,
                              exposure=_money(places, exposure), unset=", ".join(unset))
            else:
                limit = round(sum(_group_limit(r) for r in group), places)
                text = reason("same_company", arabic, others=named, exposure=_money(places, exposure),
                              limit=_money(places, limit))
                if exposure > limit + 0.5 * 10 ** -places:
                    text += reason("same_company_over", arabic,
                                   excess=_money(places, round(exposure - limit, places)))
        row["Note"] = sep.join([row["Note"], text]) if row["Note"] else text


def _note_groups(rows: list[dict], parents: Mapping[str, str], arabic: bool, sep: str) -> None:
    """Adds to each row of a parent account's group (the parent and the accounts under it, at
    any depth) the group's combined exposure against the limit set on the parent, where the accounts
    under it have none of their own: a limit kept at the head office covers its branches,
    and no one row shows it used. Groups in several currencies are not added."""
    by_id = {str(r["Customer ID"]): r for r in rows}
    under: dict[str, list[str]] = {}
    for child, parent in parents.items():
        if child in by_id and parent in by_id:
            under.setdefault(parent, []).append(child)
    for parent in under:
        # every account under it, a branch's sub-accounts too (K102 under K101 under K100)
        children: list[str] = []
        seen, queue = {parent}, list(under[parent])
        while queue:
            child = queue.pop(0)
            if child not in seen:  # (a parent column naming accounts in a loop)
                seen.add(child)
                children.append(child)
                queue.extend(under.get(child, ()))
        head = by_id[parent]
        limit = _group_limit(head)
        group = [head, *(by_id[c] for c in children)]
        if np.isnan(limit) or limit <= 0 or any(
                not np.isnan(_group_limit(by_id[c])) for c in children) or len(
                {r["Currency"] or "" for r in group}) > 1:
            continue
        places = max(decimals_of(r["Currency"]) for r in group)
        exposure = round(sum(float(r["Exposure"]) for r in group), places)
        text = reason("group", arabic, parent=parent, members=", ".join([parent, *children]),
                      exposure=_money(places, exposure), limit=_money(places, limit))
        if exposure > limit + 0.5 * 10 ** -places:
            text += reason("same_company_over", arabic,
                           excess=_money(places, round(exposure - limit, places)))
        for row in group:
            row["Note"] = sep.join([row["Note"], text]) if row["Note"] else text


REVIEW_COLUMNS = ["Customer ID", "Customer", "Next Credit Review", "Days To Review", "Review",
                  "Credit Limit", "Exposure", "Utilization %", "Status"]


def reviews_due(status: pd.DataFrame, as_of: date,
                notice_days: int = 30, arabic: bool = False,
                retired: Iterable[object] = ()) -> pd.DataFrame:
    """Customers whose credit review date has passed or falls within ``notice_days``,
    oldest first. Closed customers, and the ``retired`` IDs (a record flagged for deletion or
    disabled: given no credit), need no review."""
    today = pd.Timestamp(as_of).normalize()
    due = status[status["Next Credit Review"].notna()
                 & (status["Customer Status"].fillna("") != "Closed")
                 & ~status["Customer ID"].isin(list(retired))].copy()
    due = due[due["Next Credit Review"] <= today + pd.Timedelta(days=notice_days)]
    days = (due["Next Credit Review"] - today).dt.days
    due["Days To Review"] = days.astype("int64")
    overdue_text, today_text = ("متأخرة", "مستحقة اليوم") if arabic else ("Overdue", "Due today")

    def soon(d: int) -> str:  # '3 أيام', '15 يوماً': the count's own form (arabic_counts)
        if arabic:
            return agree_days(f"مستحقة خلال {d} يوماً")
        return f"Due in {d} day{'' if d == 1 else 's'}"

    due["Review"] = [overdue_text if d < 0 else today_text if d == 0 else soon(d) for d in days]
    due = due.sort_values(["Next Credit Review", "Customer ID"], kind="stable")
    return due[REVIEW_COLUMNS].reset_index(drop=True)
