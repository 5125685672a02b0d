"""Dunning: which reminder each customer gets, from how long its oldest unpaid invoice is overdue.

Rules:

* Levels come from ``policy.dunning_levels_days`` (default 7, 30, 60, 90). A customer is at
  level k when its oldest overdue invoice still unpaid is at least the k-th number of days
  past due: 1 friendly reminder (7+), 2 firm reminder (30+), 3 final notice (60+: offers a
  payment plan and lists the statement), 4 account on hold and a field visit (90+). An old
  remainder too small to chase does not set the level: counted from the oldest, the invoice
  at which the amount at least that late reaches the dunning minimum does (``oldest_chased``).
* Money the customer already has on account (unapplied receipts, credit notes) is set
  against its overdue invoices oldest first: an invoice it covers is not chased. When it
  covers them all, the action is to apply it, not to send a letter.
* One escalation a week: a customer whose level went up less than 7 days before the as-of
  date (by the ``Dunning History``) stays at that level until the week is over.
* A letter is drafted when the level goes up, or when the last letter is at least 7 days
  old (a repeat, or a lower level after a part payment); otherwise the tab says when the
  next step is due. Letters dated on the as-of date itself are this run's own (a re-run
  replaces them) and letters dated after it are ignored.
* A customer with an active payment plan is not dunned: it gets the plan's reminders
  instead (``payment_plans.plan_reminders``), while it owes anything (an account in credit
  gets none).
* A trivial amount is not chased: where the Amount To Collect of a currency is below the
  dunning minimum there is no level, letter, call or visit; the row still shows it as
  overdue and says why nothing is sent. The minimum is the Policy's ``dunning_min_amount``
  where the sheet sets it (one figure, in each currency's own units; 0 chases every cent);
  by default 10 units of most currencies (EGP, SAR, AED, USD ...) and, for a currency whose
  unit is worth far more or far less, a round amount worth about as much as 10 SAR or AED:
  1.000 KWD, BHD or OMR, 2.000 JOD, 500 JPY, 5,000 KRW or IQD, 250,000 LBP
  (``policy.DUNNING_MINIMUMS``; a blank currency takes the base currency's).
* Invoices in dispute (``disputes``) are owed but not dunned: they take no credit, set no
  level, are not in Overdue Amount nor Amount To Collect, and show in Disputed Amount
  (every open disputed invoice); where they are all that is overdue, the next action is to
  resolve the dispute.
* One row per customer and currency, dunned on its own (amounts in different currencies
  are never added): each currency has its own level, from its own oldest unpaid invoice,
  its own letter and its own pace in the ``Dunning History`` (a customer 95 days late in
  USD and current in EGP gets a hold in USD and nothing in EGP). A currency in which
  nothing is overdue gets no letter (level 0). History rows without a currency (written
  before the history kept one) count for each of the customer's currencies; for a customer
  with one currency every row of its history counts, whatever currency it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.collections.disputes import is_disputed
from ar_excel.core.fx import Rates
from ar_excel.core.money import TOTAL_DECIMALS, amount_in_units, decimals_of, round_total
from ar_excel.policy import Policy

CENT = 0.005
WEEK = 7

DUNNING_COLUMNS = [
    "Customer ID", "Customer", "Currency", "Level", "Level Name", "Days Overdue",
    "Overdue Amount", "Credit On Account", "Amount To Collect", "Open Balance",
    "Overdue Invoices", "Last Level", "Last Letter", "Letter", "Next Action",
    "Next Action Date", "Email", "Phone", "Language", "Disputed Amount",
]
DUNNING_FORMATS = {
    "Level": "int", "Days Overdue": "int", "Overdue Amount": "money",
    "Credit On Account": "money", "Amount To Collect": "money", "Open Balance": "money",
    "Overdue Invoices": "int", "Last Level": "int", "Last Letter": "date", "Letter": "bool",
    "Next Action Date": "date", "Disputed Amount": "money",
}
HISTORY_COLUMNS = ["Date", "Customer ID", "Level", "Level Name", "Currency", "Amount", "Action"]


# The dunning thresholds of a Policy that names none (an API caller's
# ``Policy(dunning_levels_days=())``): Policy's own default, one for every tab.
DEFAULT_LEVELS_DAYS = tuple(Policy().dunning_levels_days) or (7, 30, 60, 90)


def levels_days(policy: Policy | None = None) -> list[int]:
    """The Policy's dunning thresholds in days, ascending; ``DEFAULT_LEVELS_DAYS`` where it
    has none. The Dunning, the Call and Visit Lists, the Expected Payments' doubtful debts
    and the job's captions all read them here, so none counts levels the others do not."""
    found = (policy or Policy()).dunning_levels_days
    return sorted(int(d) for d in found) or list(DEFAULT_LEVELS_DAYS)


def dunning_level(days_overdue: float, levels_days: Sequence[int]) -> int:
    """Number of policy thresholds reached: (7, 30, 60, 90) and 45 days -> 2. Nothing
    overdue (0 days or fewer) is no level, even under a Policy's 0-day threshold."""
    if days_overdue is None or pd.isna(days_overdue) or days_overdue <= 0:
        return 0
    edges = sorted(int(d) for d in levels_days)
    return int(np.searchsorted(np.asarray(edges), days_overdue, side="right"))


def min_amount(policy: Policy | None, currency: object = None) -> float:
    """The least Amount To Collect in ``currency`` that is dunned
    (``Policy.dunning_minimum``), at least a cent."""
    return max((policy or Policy()).dunning_minimum(currency), CENT)


def chased_items(items: pd.DataFrame) -> pd.DataFrame:
    """Open invoices with ``Uncovered Amount``: what is left after credits on account.

    Per customer and currency, the credits (negative open items) are set against the
    invoices in due-date order, overdue ones first, so the oldest debt is the one cleared.
    """
    if len(items) == 0:
        return items.assign(**{"Uncovered Amount": pd.Series(dtype="float64")})
    invoice = (items["Item Type"] == "Invoice") & (items["Open Amount"] > 0)
    in_dispute = is_disputed(items)
    # an invoice in dispute is not chased, and the credits go to the ones that are
    held = items[invoice & in_dispute].assign(**{"Uncovered Amount": 0.0})
    inv = items[invoice & ~in_dispute].copy()
    credit = (-items.loc[items["Open Amount"] < 0, "Open Amount"]).groupby(
        [items["Customer ID"], items["Currency"].fillna("")]).sum()
    inv["_ccy"] = inv["Currency"].fillna("")
    inv = inv.sort_values(["Customer ID", "_ccy", "Due Date", "Date", "Document No"],
                          kind="stable")
    keys = pd.MultiIndex.from_arrays([inv["Customer ID"], inv["_ccy"]])
    available = credit.reindex(keys).fillna(0.0).to_numpy(dtype="float64") if len(credit) \
        else np.zeros(len(inv))
    before = inv.groupby(["Customer ID", "_ccy"])["Open Amount"].cumsum() - inv["Open Amount"]
    used = np.clip(available - before.to_numpy(), 0.0, None)
    inv["Uncovered Amount"] = np.round(
        np.clip(inv["Open Amount"].to_numpy() - used, 0.0, None), TOTAL_DECIMALS)
    inv = inv.drop(columns="_ccy")
    if len(held):
        inv = pd.concat([inv, held])
        inv = inv.assign(_ccy=inv["Currency"].fillna("")).sort_values(
            ["Customer ID", "_ccy", "Due Date", "Date", "Document No"], kind="stable",
        ).drop(columns="_ccy")
    return inv


def overdue_chased(chased: pd.DataFrame) -> pd.DataFrame:
    """The ``chased_items`` rows still to collect: past due with an uncovered amount (what
    the Dunning counts, a letter lists and a receipt may leave)."""
    return chased[(chased["Days Past Due"] > 0) & (chased["Uncovered Amount"] >= CENT)]


def oldest_chased(overdue: pd.DataFrame, policy: Policy | None = None) -> pd.DataFrame:
    """Per account (index Customer ID, ``_ccy``: blank as ``""``), the overdue invoice that
    sets its level: Days Past Due, Invoice No, Due Date. ``overdue``: ``chased_items`` past
    due with an uncovered amount (``overdue_chased``).

    The oldest one, unless what is that late is too little to chase: counted from the
    oldest, the invoice at which the amount at least that late reaches the dunning minimum.
    A short payment's 9.50 left 91 days ago beside 12,000.00 30 days overdue is a firm
    reminder's matter, not an account hold and a field visit (as SAP dunning takes a level's
    items below its minimum amount to the level below). An account whose whole amount is
    below the minimum keeps its oldest (it is not chased anyway)."""
    keys = ["Customer ID", "_ccy"]
    c = overdue.assign(_ccy=overdue["Currency"].fillna(""))
    c = c.sort_values([*keys, "Due Date", "Document No"], kind="stable")
    columns = ["Days Past Due", "Invoice No", "Due Date"]
    if not len(c):
        return pd.DataFrame(columns=columns, index=pd.MultiIndex.from_arrays([[], []],
                                                                              names=keys))
    so_far = c.groupby(keys)["Uncovered Amount"].cumsum().round(TOTAL_DECIMALS)
    floors = {k: min_amount(policy, k) for k in c["_ccy"].unique()}
    reached = (so_far >= c["_ccy"].map(floors)).to_numpy()
    first = c.drop_duplicates(keys).set_index(keys)[columns]
    setting = c[reached].drop_duplicates(keys).set_index(keys)[columns]
    return pd.concat([setting, first[~first.index.isin(setting.index)]])


def letter_history(history: pd.DataFrame | None, as_of: date,
                   by_currency: bool = False) -> pd.DataFrame:
    """Per customer: Last Level, Last Letter (date), Last Escalation (date), from the history.

    Only letters dated before the as-of date count. An escalation is a letter whose level is
    above the customer's letter before it (the first letter is one). ``by_currency``: per
    customer and currency (index Customer ID, Currency; the history's Currency column,
    blank as ``""``) instead.
    """
    cols = ["Last Level", "Last Letter", "Last Escalation", "Last Plan Reminder"]
    keys = ["Customer ID", "Currency"] if by_currency else "Customer ID"
    if history is None or len(history) == 0:
        index = pd.MultiIndex.from_arrays([[], []], names=keys) if by_currency \
            else pd.Index([], name="Customer ID")
        return pd.DataFrame(columns=cols, index=index)
    day = pd.Timestamp(as_of).normalize()
    h = history.copy()
    h["Date"] = pd.to_datetime(h["Date"], errors="coerce").dt.normalize()
    h["Level"] = pd.to_numeric(h["Level"], errors="coerce").fillna(0).astype(int)
    h = h[h["Date"].notna() & (h["Date"] < day) & h["Customer ID"].notna()]
    h = h.assign(**{"Customer ID": h["Customer ID"].astype(str)})
    if by_currency:
        h["Currency"] = codes(h["Currency"]) if "Currency" in h else ""
    rows = {}
    for cid, g in h.sort_values(["Date"], kind="stable").groupby(keys, sort=True):
        # one letter per customer and day: the highest level sent that day
        daily = g.groupby("Date")["Level"].max()
        previous = daily.shift(1, fill_value=0)
        escalations = daily.index[daily.to_numpy() > previous.to_numpy()]
        plan = g.loc[g["Level Name"].astype(str).isin(texts.PLAN_REMINDER.values()), "Date"] \
            if "Level Name" in g else pd.Series(dtype="datetime64[ns]")
        dunning = g[g["Level"] > 0]
        rows[cid] = {
            "Last Level": int(daily.iloc[-1]),
            "Last Letter": dunning["Date"].max() if len(dunning) else pd.NaT,
            "Last Escalation": escalations.max() if len(escalations) else pd.NaT,
            "Last Plan Reminder": plan.max() if len(plan) else pd.NaT,
        }
    out = pd.DataFrame.from_dict(rows, orient="index", columns=cols)
    if by_currency:
        out.index = pd.MultiIndex.from_tuples(list(out.index), names=keys) if len(out) \
            else pd.MultiIndex.from_arrays([[], []], names=keys)
    else:
        out.index.name = "Customer ID"
    return out


def codes(currencies: pd.Series) -> pd.Series:
    """Currency codes as compared: trimmed, upper case, blank as ``""``."""
    if not len(currencies):
        return currencies.map(str)  # (as empty as it came, of the type map gives)
    # once per distinct value: a ledger's items repeat a handful of currencies
    at, distinct = pd.factorize(currencies.astype("object"), use_na_sentinel=True)
    spelt = np.array([str(c).strip().upper() for c in distinct] + [""], dtype=object)
    return pd.Series(spelt[at], index=currencies.index, name=currencies.name)


def history_per_account(history: pd.DataFrame | None,
                        accounts: pd.DataFrame) -> pd.DataFrame | None:
    """The history rows that pace each (customer, currency) account of ``accounts``
    (columns Customer ID, ``_ccy``), their Currency set to the account's.

    A customer with one account takes all its rows; a customer with several takes, for each
    currency, the rows naming it and the rows naming none (written before the history kept
    a currency: they may have been about any of them, so they pace every one)."""
    if history is None or len(history) == 0:
        return history
    h = history[history["Customer ID"].notna()].copy()
    h["Customer ID"] = h["Customer ID"].astype(str)
    h["_code"] = codes(h["Currency"]) if "Currency" in h else ""
    acc = pd.DataFrame({"Customer ID": accounts["Customer ID"].astype(str).to_numpy(),
                        "Currency": accounts["_ccy"].to_numpy(dtype=object)})
    acc["_code"] = codes(acc["Currency"])
    acc["_single"] = acc.groupby("Customer ID")["Currency"].transform("size") == 1
    joined = h.drop(columns=["Currency"], errors="ignore").merge(
        acc.rename(columns={"_code": "_account"}), on="Customer ID", how="inner")
    keep = joined["_single"] | (joined["_code"] == "") | (joined["_code"] == joined["_account"])
    return joined[keep].drop(columns=["_code", "_account", "_single"]).reset_index(drop=True)


def dunning_run(items: pd.DataFrame, customers: pd.DataFrame, as_of: date,
                policy: Policy | None = None, history: pd.DataFrame | None = None,
                plans: pd.DataFrame | None = None, arabic: bool = False,
                chased: pd.DataFrame | None = None, rates: Rates | None = None,
                reminders: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Dunning tab: one row per customer and currency with an open balance.

    ``items`` is ``ledger.open_items`` as of ``as_of``; ``history`` the ``Dunning History``
    tab so far (Date, Customer ID, Level, Level Name); ``plans`` the payment-plan schedule
    (``payment_plans.plan_schedule``): customers with an active plan get its reminders.
    ``arabic``: the tab's words in Arabic (letters follow each customer's ``Language``).
    Letters are not built here: rows with ``Letter`` TRUE are the ones to send.
    ``chased``: ``chased_items(items)`` when the caller has it already. ``rates``: the
    Policy's exchange rates (``core.fx.policy_rates``): within a level, rows are ranked by
    what their Amount To Collect is worth in the base currency (``worth``). ``reminders``:
    ``payment_plans.plan_reminders(plans)`` when the caller has it already.
    """
    from ar_excel.core.collections.language import letter_language
    from ar_excel.core.collections.payment_plans import active_plan_customers, plan_reminders

    language = "ar" if arabic else "en"
    schedule = plans if plans is not None else pd.DataFrame()
    plan_customers = active_plan_customers(schedule)
    reminders = (plan_reminders(schedule) if reminders is None else reminders).set_index(
        "Customer ID") if len(schedule) else None
    policy = policy or Policy()
    day = pd.Timestamp(as_of).normalize()
    edges = levels_days(policy)
    n_levels = len(edges)
    on_plan = {str(c) for c in plan_customers}
    if len(items) == 0:
        return _no_dunning()

    chased = chased_items(items) if chased is None else chased
    overdue = overdue_chased(chased)
    items = items.assign(_ccy=items["Currency"].fillna(""))
    keys = ["Customer ID", "_ccy"]
    balance = items.groupby(keys)["Open Amount"].sum()
    credit = -items.loc[items["Open Amount"] < 0].groupby(keys)["Open Amount"].sum()
    # overdue invoices before credits, those in dispute apart (Disputed Amount)
    gross = chased[(chased["Days Past Due"] > 0) & ~is_disputed(chased)].assign(
        _ccy=lambda f: f["Currency"].fillna(""))
    gross_overdue = gross.groupby(keys)["Open Amount"].sum()
    ov = overdue.assign(_ccy=overdue["Currency"].fillna(""))
    to_collect = ov.groupby(keys)["Uncovered Amount"].sum()
    oldest = oldest_chased(overdue, policy)["Days Past Due"]
    oldest_due = ov.groupby(keys)["Due Date"].min()
    count = ov.groupby(keys).size()
    in_dispute = chased[is_disputed(chased)].assign(_ccy=lambda f: f["Currency"].fillna(""))
    disputed = in_dispute.groupby(keys)["Open Amount"].sum()
    disputed_overdue = in_dispute[in_dispute["Days Past Due"] > 0].groupby(keys)[
        "Open Amount"].sum()

    frame = balance.rename("Open Balance").to_frame()
    frame = frame[(frame["Open Balance"].abs() >= CENT) | frame.index.isin(gross_overdue.index)]
    frame["Overdue Amount"] = gross_overdue.reindex(frame.index).fillna(0.0)
    frame["Credit On Account"] = credit.reindex(frame.index).fillna(0.0)
    frame["Amount To Collect"] = to_collect.reindex(frame.index).fillna(0.0)
    frame["Days Overdue"] = oldest.reindex(frame.index).fillna(0).astype(int)
    frame["Overdue Invoices"] = count.reindex(frame.index).fillna(0).astype(int)
    frame["_oldest_due"] = oldest_due.reindex(frame.index)
    frame["Disputed Amount"] = disputed.reindex(frame.index).fillna(0.0)
    frame["_disputed_overdue"] = disputed_overdue.reindex(frame.index).fillna(0.0)
    frame = frame.reset_index()
    frame["Due Level"] = [dunning_level(d, edges) for d in frame["Days Overdue"]]

    # each currency is paced by its own letters; a plan reminder is the customer's, whatever
    # the currency
    past = letter_history(history_per_account(history, frame), day, by_currency=True)
    plan_past = letter_history(history, day)
    cust = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    words = texts.ACTIONS[language]
    rows = []
    # plain dicts: a frame row (iterrows) or a .loc lookup per customer costs more than the
    # rules applied to it
    frame["_code"] = codes(frame["_ccy"]).to_numpy(dtype=object) if len(frame) else []
    past_rows = past.to_dict("index")
    plan_rows = plan_past.to_dict("index")
    letter_row = _plan_letter_rows(frame, reminders)
    for r in frame.to_dict("records"):
        cid = r["Customer ID"]
        due_level = int(r["Due Level"])
        last = past_rows.get((str(cid), r["_code"]))
        last_level = int(last["Last Level"]) if last is not None else 0
        last_letter = last["Last Letter"] if last is not None else pd.NaT
        last_esc = last["Last Escalation"] if last is not None else pd.NaT
        level, letter, action, action_date = due_level, False, "", pd.NaT
        trivial = False
        minimum = min_amount(policy, r["_ccy"])
        if cid in on_plan:
            level, action = 0, words["plan_ok"]
            last_plan = plan_rows[str(cid)]["Last Plan Reminder"] \
                if str(cid) in plan_rows else pd.NaT
            if r["Open Balance"] < CENT:
                # a credit note or cash outside the plan cleared the debt: a reminder would
                # ask a customer in credit for an instalment
                if r["Overdue Amount"] >= CENT:
                    action, action_date = words["covered"], day
            elif reminders is not None and cid in reminders.index:
                rem = reminders.loc[cid]
                if pd.notna(last_plan) and (day - last_plan).days < WEEK:
                    action = words["plan_wait"].format(date=_iso(last_plan))
                    action_date = last_plan + pd.Timedelta(days=WEEK)
                elif letter_row.get(str(cid), r["_code"]) != r["_code"]:
                    # one reminder goes, in the plan's currency: this row gets no letter
                    action = words["plan_other_currency"].format(
                        currency=letter_row[str(cid)] or "-")
                else:
                    letter, action_date = True, day
                    wording, several = texts.plan_reminder_wording(rem)
                    action = words[wording].format(
                        n=int(rem["Instalment"]), date=_iso(rem["Due Date"]),
                        numbers=texts.numbers_list(several, language))
        elif due_level == 0 or r["Amount To Collect"] < CENT:
            # nothing to collect in this currency: no letter for it, whatever the customer's
            # level in another currency (a "final notice" for 0.00 is no letter to send)
            level = 0
            if r["_disputed_overdue"] >= CENT and r["Amount To Collect"] < CENT:
                action, action_date = words["disputed"], day
            elif r["Overdue Amount"] >= CENT and r["Amount To Collect"] < CENT:
                action, action_date = words["covered"], day
            elif r["Amount To Collect"] >= CENT and round_total(r["Amount To Collect"]) < minimum:
                # at the first level it will still be too little to chase: no reminder is
                # coming, so no day to wait for (its Level Name stays below the first level)
                action = _below_minimum(words, minimum, r["_ccy"])
            elif r["Amount To Collect"] >= CENT:
                action = words["watch"]
                action_date = r["_oldest_due"] + pd.Timedelta(days=edges[0])
            else:
                action = words["credit_balance"] if r["Open Balance"] < 0 else words["current"]
        elif round_total(r["Amount To Collect"]) < minimum:
            # a trivial balance (a short payment's cents) is not chased: it stays owed and
            # overdue in the tab, with no letter, call or visit. (Compared as the tab shows
            # it, as the Call List does: 0.01 + 9.37 + 0.62 sums to 9.999999999999998.)
            level, trivial = 0, True
            action = _below_minimum(words, minimum, r["_ccy"])
        else:
            since_esc = (day - last_esc).days if pd.notna(last_esc) else None
            since_letter = (day - last_letter).days if pd.notna(last_letter) else None
            if due_level > last_level and since_esc is not None and since_esc < WEEK:
                level = last_level  # one escalation a week
                action = words["held"].format(date=_iso(last_esc + pd.Timedelta(days=WEEK)))
                action_date = last_esc + pd.Timedelta(days=WEEK)
            elif due_level > last_level or since_letter is None or since_letter >= WEEK:
                letter, action, action_date = True, words[texts.letter_kind(due_level, n_levels)], day
            else:
                action = words["wait"].format(date=_iso(last_letter))
                action_date = last_letter + pd.Timedelta(days=WEEK)
        name = cust["Name"].get(cid) if "Name" in cust else None
        rows.append({
            "Customer ID": cid,
            "Customer": name,
            "Currency": r["_ccy"] or None,
            "Level": level,
            "Level Name": texts.PLAN[language] if cid in on_plan
            else texts.level_name(level, n_levels, language, int(r["Days Overdue"]), trivial),
            "Days Overdue": int(r["Days Overdue"]),
            "Overdue Amount": round_total(r["Overdue Amount"]),
            "Credit On Account": round_total(r["Credit On Account"]),
            "Amount To Collect": round_total(r["Amount To Collect"]),
            "Open Balance": round_total(r["Open Balance"]),
            "Overdue Invoices": int(r["Overdue Invoices"]),
            "Last Level": last_level,
            "Last Letter": last_letter,
            "Letter": letter,
            "Next Action": action,
            "Next Action Date": action_date,
            "Email": cust["Email"].get(cid) if "Email" in cust else None,
            "Phone": cust["Phone"].get(cid) if "Phone" in cust else None,
            "Language": letter_language(name, arabic),
            "Disputed Amount": round_total(r["Disputed Amount"]),
        })
    if not rows:  # open items, but none with a balance to chase (all settled to the cent)
        return _no_dunning()
    out = pd.DataFrame(rows)
    out["_worth"] = worth(out, rates)
    out = out.sort_values(["Level", "_worth", "Days Overdue", "Customer ID"],
                          ascending=[False, False, False, True], kind="stable")
    for col in ("Last Letter", "Next Action Date"):
        out[col] = pd.to_datetime(out[col])
    return out.reset_index(drop=True)[DUNNING_COLUMNS]


def _plan_letter_rows(frame: pd.DataFrame, reminders: pd.DataFrame | None) -> dict[str, str]:
    """Per plan customer to remind with rows in several currencies (``frame``: Customer ID,
    ``_code``), the currency code of the row its one reminder goes on: the plan's (its
    ``reminders`` Currency), else, no row being in it, the customer's first."""
    if reminders is None or not len(reminders) or not len(frame):
        return {}
    ids = frame["Customer ID"].astype(str)
    several = ids.duplicated(keep=False) & frame["Customer ID"].isin(reminders.index)
    if not several.any():
        return {}
    plan_ccy = codes(reminders["Currency"])
    plan_ccy.index = plan_ccy.index.astype(str)
    out: dict[str, str] = {}
    for cid, code in zip(ids[several], frame.loc[several, "_code"], strict=True):
        wanted = plan_ccy.get(cid, "")
        if cid not in out or (code == wanted and out[cid] != wanted):
            out[cid] = code
    return out


def worth(rows: pd.DataFrame, rates: Rates | None) -> pd.Series:
    """Each row's Amount To Collect in the base currency where the rates give it (USD 1,000
    at 50.50 is EGP 50,500, ahead of EGP 30,000), else as it stands: the Dunning, Call and
    Visit Lists rank amounts in different currencies by it."""
    amount = rows["Amount To Collect"].astype("float64")
    if rates is None or not rates.base or "Currency" not in rows:
        return amount
    factors = [rates.factor(c if isinstance(c, str) and c else None, rates.base)
               for c in rows["Currency"]]
    return amount * pd.Series([1.0 if f is None else f for f in factors], index=rows.index)


def _no_dunning() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in DUNNING_COLUMNS})


def history_rows(dunning: pd.DataFrame, as_of: date, plans: pd.DataFrame | None = None,
                 reminders: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``Dunning History`` rows for the letters of this run (Letter TRUE), each with the
    amount its letter asks for: a dunning letter's Amount To Collect; a plan reminder's
    instalment (``plans``: the payment-plan schedule), what is outstanding on the overdue
    instalments it asks for, else on the instalment coming due - not the account's overdue
    invoices, which the plan has rescheduled. ``reminders``: the plans' reminders
    (``payment_plans.plan_reminders``) when the caller has them already."""
    from ar_excel.core.collections.payment_plans import plan_reminders

    sent = dunning[dunning["Letter"].astype(bool)]
    amount = sent["Amount To Collect"].astype("float64")
    if plans is not None and len(plans) and len(sent):
        rem = (plan_reminders(plans) if reminders is None else reminders).set_index(
            "Customer ID")
        asked = pd.Series(np.where(rem["Kind"] == "overdue", rem["Overdue Total"],
                                   rem["Outstanding"]).astype("float64"), index=rem.index)
        reminder = (sent["Level"] == 0) & sent["Customer ID"].isin(asked.index)
        # one reminder goes for the plan, in its currency: a customer's rows in other
        # currencies are asked nothing by it (an EGP instalment is no USD amount). A plan of no
        # known currency, or none of the customer's rows in it, puts it on the first row.
        plan_ccy = sent["Customer ID"].map(codes(rem["Currency"]))
        own = reminder & (codes(sent["Currency"]) == plan_ccy)
        first = reminder & ~sent["Customer ID"].duplicated() \
            & ~sent["Customer ID"].isin(set(sent.loc[own, "Customer ID"]))
        amount = amount.where(~reminder, 0.0)
        amount = amount.where(~(own | first), sent["Customer ID"].map(asked))
    return pd.DataFrame({
        "Date": pd.Timestamp(as_of).normalize(),
        "Customer ID": sent["Customer ID"].to_numpy(),
        "Level": sent["Level"].astype(int).to_numpy(),
        "Level Name": np.where(sent["Level"] > 0, sent["Level Name"],
                               [texts.PLAN_REMINDER["ar" if x == texts.PLAN["ar"] else "en"]
                                for x in sent["Level Name"]]),
        "Currency": sent["Currency"].to_numpy(),
        "Amount": amount.to_numpy(),
        "Action": sent["Next Action"].to_numpy(),
    }, columns=HISTORY_COLUMNS)


def merge_history(previous: pd.DataFrame | None, new: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """History so far plus this run's letters; a re-run on the same date replaces its rows."""
    day = pd.Timestamp(as_of).normalize()
    if previous is None or len(previous) == 0:
        merged = new
    else:
        prev = previous.copy()
        for col in HISTORY_COLUMNS:
            if col not in prev.columns:
                prev[col] = None
        prev["Date"] = pd.to_datetime(prev["Date"], errors="coerce").dt.normalize()
        prev = prev[prev["Date"] != day][HISTORY_COLUMNS]
        merged = pd.concat([prev, new], ignore_index=True) if len(new) else prev
    merged = merged.sort_values(["Date", "Customer ID"], kind="stable", na_position="first")
    return merged.reset_index(drop=True)


def _below_minimum(words: dict[str, str], minimum: float, currency: str) -> str:
    """The Next Action of an amount too small to chase, the minimum in its currency's units."""
    return words["below_minimum"].format(
        minimum=amount_in_units(minimum, decimals_of(currency or None)),
        currency=currency or "").replace(" )", ")")


def _iso(value: pd.Timestamp) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")
