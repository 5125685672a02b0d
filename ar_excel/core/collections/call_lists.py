"""Call and field-visit lists: the severe delays a person has to chase, biggest first.

Rules:

* Call List: customers whose oldest unpaid overdue invoice (after credits on account; the
  one that sets the Dunning level, ``dunning.oldest_chased``) is at least the second
  dunning threshold (default 30 days) and below the last (90): the firm
  reminder and the final notice are followed by a call.
* Visit List: customers at or beyond the last threshold (default 90 days): the account goes
  on hold and someone visits.
* Customers on an active payment plan are not on these lists (the plan is being followed).
* In a month-end run, an account whose money the bank statement shows (Receipts To Post,
  not yet in Payments) is listed for what it will owe once that is recorded
  (``bank_receipts.left_after``): off the lists when that is nothing worth chasing, else in
  the list, place and order its amount and oldest days left give it, its Note saying what
  came in and what the books show.
* Ordered by the amount to collect (largest first), then days overdue (oldest first), then
  Customer ID; ``Priority`` numbers the rows. Amounts in different currencies are ranked by
  their worth in the base currency where the Policy's exchange rates give it (USD 10,000 at
  50.50 is EGP 505,000, ahead of EGP 30,000); without a rate, as they stand.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.collections.bank_receipts import lowers_overdue
from ar_excel.core.collections.dunning import (
    codes,
    dunning_level,
    levels_days,
    min_amount,
    oldest_chased,
    overdue_chased,
    worth,
)
from ar_excel.core.fx import Rates
from ar_excel.core.money import amount_text, round_total
from ar_excel.policy import Policy

CALL_COLUMNS = [
    "Priority", "Customer ID", "Customer", "Phone", "Email", "Currency", "Amount To Collect",
    "Days Overdue", "Overdue Invoices", "Level Name", "Last Letter", "Risk Score",
    "Oldest Invoice", "Oldest Due Date", "Note",
]
VISIT_COLUMNS = [
    "Priority", "Customer ID", "Customer", "Address", "City", "Phone", "Currency",
    "Amount To Collect", "Days Overdue", "Overdue Invoices", "Level Name", "Last Letter",
    "Risk Score", "Oldest Invoice", "Oldest Due Date", "Note",
]
LIST_FORMATS = {
    "Priority": "int", "Amount To Collect": "money", "Days Overdue": "int",
    "Overdue Invoices": "int", "Last Letter": "date", "Risk Score": "int",
    "Oldest Due Date": "date",
}


def _oldest(chased: pd.DataFrame, policy: Policy | None = None) -> pd.DataFrame:
    """Per account, the invoice that sets its level (``dunning.oldest_chased``)."""
    return oldest_chased(overdue_chased(chased), policy)[["Invoice No", "Due Date"]]


def severe_delays(dunning: pd.DataFrame, chased: pd.DataFrame, customers: pd.DataFrame,
                  policy: Policy | None = None, risk: pd.DataFrame | None = None,
                  rates: Rates | None = None, bank: pd.DataFrame | None = None,
                  arabic: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(Call List, Visit List) from the Dunning tab and ``dunning.chased_items``; ``rates``:
    the Policy's exchange rates (``core.fx.policy_rates``), to rank currencies by worth.
    ``bank``: ``bank_receipts.bank_accounts``' accounts of the receipts the bank statement
    shows and not yet recorded, with what each leaves (``arabic``: their notes' language)."""
    policy = policy or Policy()
    dunning = dunning.assign(Note=None)
    moved = None
    if bank is not None and len(bank) and len(dunning):
        dunning, moved = _as_left(dunning, bank, arabic, policy)
    call_from, visit_from = _edges(policy)
    d = dunning[_worth_chasing(dunning, policy)].copy()
    cust = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    for col in ("Address", "City"):
        d[col] = d["Customer ID"].map(cust[col]) if col in cust else None
    # (customers without an ID, reported by the reader, have no score to look up)
    scored = risk.dropna(subset=["Customer ID"]).drop_duplicates("Customer ID") \
        if risk is not None and len(risk) else None
    d["Risk Score"] = d["Customer ID"].map(scored.set_index("Customer ID")["Risk Score"]) \
        if scored is not None and len(scored) else None
    oldest = _oldest(chased, policy) if len(chased) else None
    if oldest is not None and len(d):
        first = oldest.reindex(pd.MultiIndex.from_arrays([d["Customer ID"],
                                                          d["Currency"].fillna("")]))
        number = first["Invoice No"].to_numpy(dtype=object)
        d["Oldest Invoice"] = [None if v is None or v != v else v for v in number]
        d["Oldest Due Date"] = pd.to_datetime(first["Due Date"].to_numpy())
    else:
        d["Oldest Invoice"] = None
        d["Oldest Due Date"] = pd.to_datetime([pd.NaT] * len(d))
    if moved is not None and moved.any() and len(d):
        # what is left once the bank's receipts are recorded: its own oldest invoice
        mine = moved.reindex(d.index).fillna(False).astype(bool).to_numpy()
        left = bank.reindex(pd.MultiIndex.from_arrays([d["Customer ID"].astype(str),
                                                       codes(d["Currency"])]))
        number = left["Left Invoice"].to_numpy(dtype=object)
        d.loc[mine, "Oldest Invoice"] = [None if v is None or v != v else v
                                         for v in number[mine]]
        d.loc[mine, "Oldest Due Date"] = pd.to_datetime(
            left["Left Due Date"].to_numpy()[mine])
    d["_worth"] = worth(d, rates)
    d = d.sort_values(["_worth", "Days Overdue", "Customer ID"],
                      ascending=[False, False, True], kind="stable")
    calls = d[(d["Days Overdue"] >= call_from) & (d["Days Overdue"] < visit_from)]
    visits = d[d["Days Overdue"] >= visit_from]
    return _numbered(calls, CALL_COLUMNS), _numbered(visits, VISIT_COLUMNS)


def listed_count(dunning: pd.DataFrame, policy: Policy | None = None) -> int:
    """How many rows of ``dunning`` ``severe_delays`` lists without the bank's receipts
    (calls and visits together): the month-end run says how many of them those receipts
    take off the lists."""
    policy = policy or Policy()
    days = dunning.loc[_worth_chasing(dunning, policy), "Days Overdue"]
    return int((days >= _edges(policy)[0]).sum())  # a visit is past a call's threshold too


def _edges(policy: Policy) -> tuple[int, int]:
    """(days overdue from which a customer is called, from which it is visited)."""
    edges = levels_days(policy)
    return (edges[1] if len(edges) > 1 else edges[0]), edges[-1]


def _worth_chasing(dunning: pd.DataFrame, policy: Policy) -> pd.Series:
    """The Dunning rows a call or a visit may be for: not on a payment plan (the plan is
    being followed), nor a trivial amount (not worth a call or a visit, as it is not worth
    a letter)."""
    plan_names = set(texts.PLAN.values())  # the Level Name of a customer on a plan
    floor = dunning["Currency"].map(lambda c: min_amount(policy, c)) \
        if "Currency" in dunning else min_amount(policy)
    return (dunning["Amount To Collect"] >= floor) & ~dunning["Level Name"].isin(plan_names)


def _as_left(dunning: pd.DataFrame, bank: pd.DataFrame, arabic: bool,
             policy: Policy) -> tuple[pd.DataFrame, pd.Series]:
    """The Dunning rows of the accounts money came in for on the bank, with the amount,
    oldest days, invoices and Level Name left once it is recorded, and a Note of what the
    books show; and which rows those are."""
    d = dunning.copy()
    keys = pd.MultiIndex.from_arrays([d["Customer ID"].astype(str), codes(d["Currency"])])
    mine = bank.reindex(keys)
    # a receipt for what is not yet due changes nothing here: no note of it
    came = pd.Series(mine["Received"].notna().to_numpy()
                     & lowers_overdue(d["Amount To Collect"], mine["Left"].to_numpy()),
                     index=d.index)
    if not came.any():
        return d, came
    words = texts.ACTIONS["ar" if arabic else "en"]["listed_for_the_rest"]
    rows = came.to_numpy()
    d["Note"] = d["Note"].astype(object)
    d.loc[came, "Note"] = [
        words.format(amount=amount_text(r), books=amount_text(b), days=int(n),
                     date=f"{pd.Timestamp(t):%Y-%m-%d}" if pd.notna(t) else "undated")
        for r, t, b, n in zip(mine["Received"].to_numpy()[rows], mine["Latest"].to_numpy()[rows],
                              d.loc[came, "Amount To Collect"], d.loc[came, "Days Overdue"],
                              strict=True)]
    d.loc[came, "Amount To Collect"] = [round_total(v) for v in mine["Left"].to_numpy()[rows]]
    d.loc[came, "Days Overdue"] = mine["Left Days"].to_numpy()[rows].astype(int)
    d.loc[came, "Overdue Invoices"] = mine["Left Invoices"].to_numpy()[rows].astype(int)
    # the step the rest is at, not the books' ('Hold / visit' beside 45 days): its own due
    # level, no higher than the books' level (one escalation a week still holds it back)
    edges = levels_days(policy)
    books = pd.to_numeric(d.loc[came, "Level"], errors="coerce").fillna(0).astype(int) \
        if "Level" in d else None
    days = d.loc[came, "Days Overdue"].astype(int).tolist()
    level = [dunning_level(n, edges) for n in days]
    if books is not None:
        level = [min(k, b) for k, b in zip(level, books, strict=True)]
    # a customer on a payment plan stays on its plan (followed by the plan, never called or
    # visited): relabelled by days, an instalment paid on the bank put it on the Call List
    plan_names = set(texts.PLAN.values())
    d.loc[came, "Level Name"] = [
        old if old in plan_names else texts.level_name(k, len(edges), "ar" if arabic else "en", n)
        for old, k, n in zip(d.loc[came, "Level Name"], level, days, strict=True)]
    return d, came


def _numbered(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = frame.reset_index(drop=True).copy()
    out.insert(0, "Priority", range(1, len(out) + 1))
    return out[columns]
