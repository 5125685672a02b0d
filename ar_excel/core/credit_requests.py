"""Credit limit requests: a recommendation per request, from the customer's payment record.

Evidence per request (as of the as-of date):

* Average days late: over the receipts applied to invoices so far, the amount-weighted
  average of (receipt date - invoice due date), an early payment counting as 0 days late.
  ``Paid Invoices`` counts the invoices those receipts paid off; one still open after a
  part payment is history (its receipts weigh in the average) but no paid invoice: the
  Reasons give it apart ("over 1 paid invoice(s) and 1 part-paid").
* Overdue share: what the customer owes late after its credits on account (invoices past
  due less unapplied receipts and credit notes, never below zero: ``kpis.overdue_by_customer``,
  the Dashboard's overdue receivables) / what it owes (its open balance), in %. Credit
  Status' Overdue Amount is before those credits: 7,000.00 received and not yet applied
  is no lateness to decline a customer for. Both are the open items as Credit Status counts
  them (the caller's ``items``): in the currency of the customer's row, converted at the
  Policy's exchange rates, so a USD credit note offsets EGP arrears by what it is worth.
* Utilization now, and at the requested limit (Exposure / Requested Limit).

Rules, first that applies (thresholds can be set in the Policy sheet under the keys in
``THRESHOLDS``):

* Decline: unknown or closed customer; customer on Hold (master status or an invoice more
  than ``overdue_hold_days`` past due); requested limit missing or below zero;
  average days late > ``decline_days_late`` (30) or overdue share > ``decline_overdue_pct`` (50).
* Refer to the credit manager: a requested limit written so that it cannot be read (in
  words, "خمسمائة ألف": no library reads Arabic number words well enough to trust with a
  limit), suggesting the current limit until a person reads it; no payment history yet; average days late > ``refer_days_late``
  (10) or overdue share > ``refer_overdue_pct`` (20); the request more than doubles the
  current limit; the requested limit would already be exceeded by today's exposure.
* Approve otherwise.

A request to lower a limit (requested below the current limit; 0 is a cut to no credit, stop
credit or cash only, and so where no limit is set: a customer on credit terms without a
limit is given credit without a cap, and "cash only from now" stops it) lowers the risk:
the evidence that would decline an increase (a closed account, Hold, lateness, overdue share)
argues for it.
It is approved, or referred where today's exposure is already above the lower limit (the
customer is over it at once, its orders held until it pays down); the evidence is listed.
A request for 0 also says how to record it: a Credit Limit of 0 is read as no limit set (the
contract's rule), so the stop is recorded as Status ``Cash only`` (a Hold: no more credit).

``Suggested Limit``: Approve -> the requested limit; Refer -> the smaller of the request and
the current limit + 50 % (what can be granted while the manager decides; with no limit set:
the request); Decline -> the current limit. Every reason is spelled out.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.arabic_counts import agree_days
from ar_excel.core.kpis import days_late, overdue_by_customer
from ar_excel.core.money import decimals, decimals_of, round_total
from ar_excel.policy import Policy

THRESHOLDS = {
    "decline_days_late": 30.0,
    "decline_overdue_pct": 50.0,
    "refer_days_late": 10.0,
    "refer_overdue_pct": 20.0,
}
REQUEST_COLUMNS = ["Customer ID", "Customer", "Requested Limit", "Current Limit", "Increase",
                   "Open Balance", "Exposure", "Utilization %", "Utilization At Request %",
                   "Avg Days Late", "Paid Invoices", "Overdue Share %", "Recommendation",
                   "Suggested Limit", "Reasons", "Request Reason", "Row"]
FORMATS = {"Requested Limit": "money", "Current Limit": "money", "Increase": "money",
           "Open Balance": "money", "Exposure": "money", "Utilization %": "percent",
           "Utilization At Request %": "percent", "Avg Days Late": "days",
           "Paid Invoices": "int", "Overdue Share %": "percent", "Suggested Limit": "money",
           "Row": "int"}

_TEXT = {
    "unknown": ("customer {cid} is not in the Customers sheet", "العميل {cid} غير موجود في بيانات العملاء"),
    "closed": ("the account is closed", "الحساب مغلق"),
    "hold": ("the customer is on Hold ({why})", "العميل موقوف ({why})"),
    "no_amount": ("no requested limit above zero", "لا يوجد حد مطلوب أكبر من صفر"),
    "unread": ("the requested limit '{typed}' could not be read as an amount: a person to read "
               "it and decide", "تعذرت قراءة الحد المطلوب '{typed}' كمبلغ: يقرؤه شخص ويقرر"),
    "late": ("pays on average {days} days late over {n} paid invoice(s)",
             "يسدد متأخراً {days} يوماً في المتوسط على {n} فاتورة مسددة"),
    "on_time": ("pays on time on average over {n} paid invoice(s)",
                "يسدد في الموعد في المتوسط على {n} فاتورة مسددة"),
    # receipts on invoices still open: payment history, not paid invoices
    "and_part": (" and {m} part-paid", " و{m} مسددة جزئياً"),
    "late_part": ("pays on average {days} days late over {m} part-paid invoice(s)",
                  "يسدد متأخراً {days} يوماً في المتوسط على {m} فاتورة مسددة جزئياً"),
    "on_time_part": ("pays on time on average over {m} part-paid invoice(s)",
                     "يسدد في الموعد في المتوسط على {m} فاتورة مسددة جزئياً"),
    "no_history": ("no payment history yet", "لا يوجد سجل سداد بعد"),
    "overdue": ("{pct}% of what it owes is overdue (after credits on account)",
                "{pct}% من المستحق عليه متأخر (بعد خصم الدائن)"),
    "util": ("utilization {now}% now, {then}% at the requested limit",
             "نسبة الاستخدام {now}% حالياً و{then}% عند الحد المطلوب"),
    "util_new": ("exposure {exposure}; {then}% of the requested limit",
                 "المديونية {exposure}؛ {then}% من الحد المطلوب"),
    "exceeded": ("the requested limit is below today's exposure", "الحد المطلوب أقل من المديونية الحالية"),
    "doubles": ("the request more than doubles the current limit", "الطلب يزيد الحد الحالي لأكثر من الضعف"),
    "lowers": ("a lower limit reduces the credit risk", "تخفيض الحد يقلل مخاطر الائتمان"),
    "negative": ("the current limit {limit} is negative: not used (see Customer Checks)",
                 "الحد الحالي {limit} سالب: لم يُستخدم (انظر فحص العملاء)"),
    "stops": ("stopping the credit given without a limit reduces the credit risk",
              "إيقاف الائتمان الممنوح بلا حد يقلل مخاطر الائتمان"),
    "record_stop": ("a Credit Limit of 0 is read as no limit set: record the stop as Status "
                    "'Cash only' (a Hold)", "حد الائتمان 0 يُقرأ بلا حد: سجّل الإيقاف بالحالة "
                    "'كاش فقط' (إيقاف)"),
    "over_at_once": ("exposure {exposure} is already above the lower limit: the customer is "
                     "over it at once", "المديونية {exposure} أعلى من الحد المخفض: يتجاوزه العميل فوراً"),
    "too_late": ("average lateness above {limit} days", "متوسط التأخير أعلى من {limit} يوماً"),
    "too_overdue": ("overdue share above {limit}%", "نسبة المتأخرات أعلى من {limit}%"),
    "not_weighed": ("Credit Status does not compare the exposure with the limit (owed in "
                    "another currency, no exchange rate)",
                    "لا تقارن حالة الائتمان المديونية بالحد (مستحقة بعملة أخرى بلا سعر صرف)"),
}


def _t(key: str, arabic: bool, **values: object) -> str:
    if arabic:  # '9 أيام', '137 يوماً': the count's own form (arabic_counts)
        return agree_days(_TEXT[key][1].format(**values))
    return _TEXT[key][0].format(**values)


def threshold(policy: Policy, key: str) -> float:
    """The Policy's number for ``key``, else (none, or no number) its ``THRESHOLDS`` default."""
    try:
        return float(policy.get(key, THRESHOLDS[key]))
    except (TypeError, ValueError):
        return THRESHOLDS[key]


def payment_record(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                   as_of: date, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per Customer ID: ``Avg Days Late`` (amount-weighted over every receipt applied, early
    = 0), ``Paid Invoices`` (those receipts paid, no longer open in ``items``, the open
    items as of ``as_of``) and ``Part Paid`` (receipts applied, still open: a part payment
    is payment history, not a paid invoice). Without ``items`` every invoice a receipt was
    applied to counts as paid."""
    late = days_late(customers, invoices, payments, as_of)
    if late.empty:  # nothing measurable paid: no customer has a record
        return pd.DataFrame(columns=["Avg Days Late", "Paid Invoices", "Part Paid"])
    amount = late["Applied Amount"]
    grouped = late.assign(_weighted=late["Days Late"] * amount).groupby("Customer ID")
    paid_to = late.drop_duplicates(["Customer ID", "Invoice No"])
    # (by customer and number: another customer's open 1001 leaves this one's paid)
    open_now = _open_invoices(items) if items is not None else set()
    still_open = pd.Series([k in open_now for k in zip(
        paid_to["Customer ID"], paid_to["Invoice No"], strict=True)], index=paid_to.index,
        dtype=bool)
    counts = still_open.groupby(paid_to["Customer ID"])
    return pd.DataFrame({
        "Avg Days Late": (grouped["_weighted"].sum() / grouped["Applied Amount"].sum()).round(1),
        "Paid Invoices": counts.size() - counts.sum(),
        "Part Paid": counts.sum(),
    })


def _open_invoices(items: pd.DataFrame) -> set[tuple[object, object]]:
    """(Customer ID, invoice number) of each invoice with something still owed on it among
    the open items."""
    if not len(items):
        return set()
    owed = (items["Item Type"] == "Invoice") & (items["Open Amount"].astype("float64") > 0) \
        & items["Invoice No"].notna()
    return set(zip(items.loc[owed, "Customer ID"], items.loc[owed, "Invoice No"], strict=True))


def _record_fact(days: float, paid: int, part: int, arabic: bool) -> str:
    """How late the customer pays, over how many invoices paid and part-paid."""
    late = days > 0
    if not paid:
        return _t("late_part" if late else "on_time_part", arabic, days=f"{days:g}", m=part)
    text = _t("late" if late else "on_time", arabic, days=f"{days:g}", n=paid)
    return text + (_t("and_part", arabic, m=part) if part else "")


def _unread(as_typed: pd.Series | None, index: object) -> str:
    """The Requested Limit cell as written where something is written there, else ""."""
    if as_typed is None or index not in as_typed.index:
        return ""
    value = as_typed.at[index]
    return "" if value is None or pd.isna(value) else " ".join(str(value).split())


def recommend(requests: pd.DataFrame, status: pd.DataFrame, record: pd.DataFrame,
              items: pd.DataFrame, policy: Policy, arabic: bool = False,
              as_typed: pd.Series | None = None) -> pd.DataFrame:
    """One row per request (in the sheet's order) with the recommendation and its reasons.
    ``record``: ``payment_record``'s (Paid Invoices, Part Paid, Avg Days Late per customer).
    ``as_typed``: the Requested Limit cells as written (same index): a limit written so that
    it cannot be read ("خمسمائة ألف", words) is referred to a person, not declined."""
    by_id = status.set_index("Customer ID")
    # late after credits, of what is owed: as the Dunning chases and the Dashboard counts
    # (to the fils where the items count in fils: a dinar's overdue is no cents)
    places = int(decimals(items["Currency"]).max()) if len(items) and "Currency" in items \
        else 2
    late = overdue_by_customer(items, places) if len(items) else pd.Series(dtype="float64")
    owed = items.groupby(items["Customer ID"].astype(str))["Open Amount"].sum() \
        if len(items) else pd.Series(dtype="float64")
    rows = []
    for _, req in requests.iterrows():
        cid = req.get("Customer ID")
        requested = req.get("Requested Limit")
        requested = float(requested) if pd.notna(requested) else np.nan
        known = cid in by_id.index and pd.notna(by_id.at[cid, "Customer"]) if pd.notna(cid) else False
        decline: list[str] = []
        refer: list[str] = []
        has_limit = False
        facts: list[str] = []
        row = {c: None for c in REQUEST_COLUMNS}
        row.update({"Customer ID": cid, "Requested Limit": requested,
                    "Request Reason": req.get("Reason"), "Row": req.get("_row")})
        if not known:
            decline.append(_t("unknown", arabic, cid=cid if pd.notna(cid) else "?"))
            current = np.nan
        else:
            s = by_id.loc[cid]
            # its amounts shown in its currency's decimals (1,234.125 KWD, not 1,234.13)
            p = decimals_of(s["Currency"]) if "Currency" in s.index else 2
            current = float(s["Credit Limit"]) if pd.notna(s["Credit Limit"]) else np.nan
            exposure = float(s["Exposure"])
            row.update({"Customer": s["Customer"], "Current Limit": current,
                        "Open Balance": s["Open Balance"], "Exposure": exposure,
                        "Utilization %": s["Utilization %"]})
            if current < 0:  # an input error (INVALID_CREDIT_LIMIT): no limit, as Credit
                # Status reads it; never a limit to keep or suggest
                facts.append(_t("negative", arabic, limit=f"{current:,.{p}f}"))
                current = np.nan
            has_limit = not np.isnan(current) and current > 0
            # a limit set that Credit Status left uncompared (what is owed is in another
            # currency, no rate): the exposure is no amount in the limit's currency
            unweighed = has_limit and pd.isna(s["Utilization %"])
            if s["Customer Status"] == "Closed":
                decline.append(_t("closed", arabic))
            if s["Status"] == "Hold":
                decline.append(_t("hold", arabic, why=s["Reason"]))
            if np.isnan(requested) and (typed := _unread(as_typed, req.name)):
                refer.append(_t("unread", arabic, typed=typed))
            elif np.isnan(requested) or requested < 0:
                decline.append(_t("no_amount", arabic))
            elif requested == 0:  # stop credit, cash only: a cut to 0 (no utilization at 0)
                # (from no limit there is no amount to cut: credit without a cap, stopped)
                row["Increase"] = round_total(-current) if has_limit else None
            else:
                # two limits as typed: their difference to the fils, exact for every currency
                row["Increase"] = round_total(requested - (current if has_limit else 0.0))
            if unweighed and not np.isnan(requested) and requested > 0:
                refer.append(_t("not_weighed", arabic))
            elif not np.isnan(requested) and requested > 0:
                # a customer in credit uses nothing of a limit (0 %, as Credit Status shows)
                at_request = round(max(exposure, 0.0) / requested * 100, 1)
                row["Utilization At Request %"] = at_request
                facts.append(_t("util", arabic, now=f"{s['Utilization %']:g}", then=f"{at_request:g}")
                             if has_limit else
                             _t("util_new", arabic, exposure=f"{exposure:,.{p}f}", then=f"{at_request:g}"))
                if exposure > requested:
                    refer.append(_t("exceeded", arabic))
            if not np.isnan(requested) and requested > 0 and has_limit and \
                    requested > 2 * current:
                refer.append(_t("doubles", arabic))

            paid, part = (int(record.at[cid, "Paid Invoices"]), int(record.at[cid, "Part Paid"])
                          ) if cid in record.index else (0, 0)
            history = paid + part  # invoices receipts were applied to
            days_late = float(record.at[cid, "Avg Days Late"]) if history else np.nan
            row.update({"Avg Days Late": days_late, "Paid Invoices": paid})
            if not history:
                refer.append(_t("no_history", arabic))
            else:
                facts.insert(0, _record_fact(days_late, paid, part, arabic))
                if days_late > threshold(policy, "decline_days_late"):
                    decline.append(_t("too_late", arabic,
                                      limit=f"{threshold(policy, 'decline_days_late'):g}"))
                elif days_late > threshold(policy, "refer_days_late"):
                    refer.append(_t("too_late", arabic,
                                    limit=f"{threshold(policy, 'refer_days_late'):g}"))
            base = float(owed.get(str(cid), 0.0))
            share = round(float(late.get(str(cid), 0.0)) / base * 100, 1) if base > 0 else 0.0
            row["Overdue Share %"] = share
            facts.insert(1 if history else 0, _t("overdue", arabic, pct=f"{share:g}"))
            if share > threshold(policy, "decline_overdue_pct"):
                decline.append(_t("too_overdue", arabic,
                                  limit=f"{threshold(policy, 'decline_overdue_pct'):g}"))
            elif share > threshold(policy, "refer_overdue_pct"):
                refer.append(_t("too_overdue", arabic,
                                limit=f"{threshold(policy, 'refer_overdue_pct'):g}"))

        lowering = known and not np.isnan(requested) and (
            (not np.isnan(current) and 0 <= requested < current)
            or (requested == 0 and not has_limit))  # credit without a cap, stopped
        if lowering:
            # the risk that would stop an increase is the reason to cut: facts, not verdicts
            facts = [r for r in decline + refer if r != _t("exceeded", arabic)] + facts
            # (a known customer's: its Credit Status row's; not where it is in another
            # currency than the limit)
            over = exposure > requested and not unweighed
            why = [_t("lowers" if has_limit else "stops", arabic)] + (
                [_t("over_at_once", arabic, exposure=f"{exposure:,.{p}f}")] if over else []) + (
                # (a Closed or Hold master status has recorded it already)
                [_t("record_stop", arabic)] if requested == 0 and s["Customer Status"]
                not in ("Closed", "Hold") else [])
            verdict, suggested = ("Refer" if over else "Approve"), requested
        elif decline:
            verdict, suggested, why = "Decline", current, decline + refer
        elif refer and np.isnan(requested):  # an amount not read: nothing granted meanwhile
            verdict, suggested, why = "Refer", current, refer
        elif refer:
            cap = current * 1.5 if not np.isnan(current) and current > 0 else requested
            verdict, suggested, why = "Refer", min(requested, cap), refer
        else:
            verdict, suggested, why = "Approve", requested, []
        sep = "؛ " if arabic else "; "
        row.update({"Recommendation": verdict, "Suggested Limit": suggested,
                    "Reasons": sep.join(why + facts)})
        rows.append(row)
    out = pd.DataFrame(rows, columns=REQUEST_COLUMNS)
    for c in ("Paid Invoices", "Row"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    return out
