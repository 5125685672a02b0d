"""Letters held for customers the bank statement shows have just paid.

In a month-end run the reconciliation matches this month's bank credits to invoices before
the collections job drafts its letters, but the receipts are not in the books until someone
records them (``Receipts To Post``). A reminder to a customer whose money is already on the
bank statement is the one letter a collections desk must not send, and its amount would be
wrong. Such a customer's letter is held: no draft, no Dunning History entry (its escalation
does not advance), the Next Action saying what was received and to record it and run again.
The tab's figures stay as the books have them, so they still tie to the Aging.

Each currency of a customer is an account of its own, as in Dunning: a receipt holds the
letter of its own currency only (a USD transfer says nothing of what is owed in EGP). A
receipt's currency is its row's own Currency where it states one, else that of the open
item it pays, else that of the invoice it names, else its customer's
(``kpis.payment_currency``), a blank one the book's.

What the receipts leave to collect is worked out as the Dunning would once they are
recorded (``left_after``): each pays the open item it names, the rest goes on account
against the oldest overdue invoices. A receipt that leaves nothing worth chasing (less than
the dunning minimum) takes the customer off the call and visit lists as well, its Next
Action saying so; one that leaves part keeps it there for what is left, with a note saying
what came in (``call_lists``). Either way its letter is held, since a letter drafted now
would ask for money already paid.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.collections import texts
from ar_excel.core.collections.dunning import (
    CENT,
    chased_items,
    codes,
    min_amount,
    oldest_chased,
    overdue_chased,
)
from ar_excel.core.money import TOTAL_DECIMALS, amount_text, round_total
from ar_excel.core.non_cash import non_cash
from ar_excel.parsing import is_blank
from ar_excel.policy import Policy

ACCOUNT = ["Customer ID", "_code"]


def receipt_currencies(received: pd.DataFrame, items: pd.DataFrame, customers: pd.DataFrame,
                       invoices: pd.DataFrame | None = None,
                       blank: str | None = None) -> pd.Series:
    """The currency code of each row of ``received`` (Receipts To Post, Payments rows): its
    own Currency where the row states one, else that of the open item of its customer it
    names (``items``: the open items, blank currencies filled), else of the invoice it
    names, else its customer's; ``blank`` where none is known."""
    from ar_excel.core.kpis import payment_currency
    from ar_excel.core.ledger import stated_currencies

    own = payment_currency(received, customers, invoices) if "Customer ID" in customers \
        else pd.Series(None, index=received.index, dtype=object)
    if len(items) and "Invoice No" in received:
        first = items.drop_duplicates(["Customer ID", "Document No"])
        by_item = pd.Series(first["Currency"].to_numpy(dtype=object),
                            index=pd.MultiIndex.from_arrays([first["Customer ID"].astype(str),
                                                             first["Document No"].astype(str)]))
        keys = pd.MultiIndex.from_arrays([received["Customer ID"].astype(str),
                                          received["Invoice No"].astype(str).str.strip()])
        named = pd.Series(by_item.reindex(keys).to_numpy(dtype=object), index=received.index)
        # (a row's own Currency, where it states one, before the item it names: a receipt
        # in EGP naming a USD invoice pays none of it, ``core.ledger``)
        named = named.where(stated_currencies(received).isna(), None)
        own = named.where(named.notna(), own)
    out = codes(own)
    if blank:
        out = out.where(out != "", str(blank).strip().upper())
    return out


def currencies_from_items(received: pd.DataFrame, items: pd.DataFrame) -> pd.Series:
    """``receipt_currencies`` for a caller that has only the open items (the Python API's
    ``bank_accounts`` without ``currencies``): the currency of the open item of its customer
    a row names, else its customer's one currency among its open items; blank where
    neither says (its customer owes in several or none)."""
    named = receipt_currencies(received, items, pd.DataFrame())
    if not len(items):
        return named
    ccys = pd.DataFrame({"cid": items["Customer ID"].astype(str),
                         "ccy": codes(items["Currency"])})
    ccys = ccys[ccys["ccy"] != ""].drop_duplicates()
    single = ccys.drop_duplicates("cid", keep=False).set_index("cid")["ccy"]
    own = received["Customer ID"].astype(str).map(single).fillna("")
    return named.where(named != "", own)


def _parsed(received: pd.DataFrame, currencies: pd.Series | None) -> pd.DataFrame:
    """``received`` as the sums read it: Customer ID as text, Amount and Date parsed (blank
    where they cannot be read), ``_code`` the currency of each row (``receipt_currencies``;
    blank without)."""
    return received.assign(**{"Customer ID": received["Customer ID"].astype(str)},
                           _code=currencies.to_numpy(dtype=object) if currencies is not None
                           else "",
                           Amount=pd.to_numeric(received["Amount"], errors="coerce"),
                           Date=pd.to_datetime(received["Date"], errors="coerce"))


def _cash(received: pd.DataFrame, currencies: pd.Series | None) -> pd.DataFrame:
    """The money received of ``received`` (``_parsed``): its cash rows of a positive amount
    (a write-off or tax withheld is no money received)."""
    rows = _parsed(received, currencies)
    return rows[~non_cash(received).to_numpy() & (rows["Amount"] > 0).to_numpy()]


def cash_by_account(received: pd.DataFrame | None, currencies: pd.Series | None = None
                    ) -> pd.DataFrame:
    """Money in per customer and currency (index Customer ID, ``_code``): Received, the sum
    of the cash rows (a write-off or tax withheld is no money received), and Latest, their
    last date."""
    empty = pd.DataFrame({"Received": pd.Series(dtype="float64"),
                          "Latest": pd.Series(dtype="datetime64[ns]")},
                         index=pd.MultiIndex.from_arrays([[], []], names=ACCOUNT))
    if received is None or not len(received):
        return empty
    rows = _cash(received, currencies)
    if not len(rows):
        return empty
    grouped = rows.groupby(ACCOUNT)
    return pd.DataFrame({"Received": grouped["Amount"].sum(), "Latest": grouped["Date"].max()})


def left_after(items: pd.DataFrame, received: pd.DataFrame,
               currencies: pd.Series, chased: pd.DataFrame | None = None) -> pd.DataFrame:
    """``dunning.chased_items`` of the open items as they will be once ``received`` (Receipts
    To Post, every row: cash, write-offs, credit notes used) is recorded: a row naming an open
    item of its customer settles it, the others go on account in their currency. Customer ID
    and Currency as ``items`` has them. ``chased``: ``chased_items(items)`` when the caller
    has it already: only the payers' accounts are worked out again (a month's receipts
    touch a few hundred customers of a ledger's tens of thousands)."""
    if chased is not None:
        payers = set(received["Customer ID"].astype(str))
        theirs = items["Customer ID"].astype(str).isin(payers)
        if not theirs.any() or theirs.all():
            return left_after(items, received, currencies)
        kept = chased[~chased["Customer ID"].astype(str).isin(payers)]
        again = left_after(items[theirs], received, currencies)
        both = pd.concat([kept, again], ignore_index=True)
        # in chased_items' order: customer and currency as text and codes, then due date
        order = both.assign(_cid=both["Customer ID"].astype(str), _ccy=codes(both["Currency"]))
        order = order.sort_values(["_cid", "_ccy", "Due Date", "Date", "Document No"],
                                  kind="stable").index
        return both.loc[order].reset_index(drop=True)
    # matched as text and codes; the items keep their own values to give back
    it = items.assign(_given_id=items["Customer ID"], _given_ccy=items["Currency"],
                      **{"Customer ID": items["Customer ID"].astype(str),
                         "Currency": codes(items["Currency"])})
    rows = _parsed(received, currencies)
    rows = rows[rows["Amount"].notna() & (rows["Amount"] != 0)]
    if not len(rows):
        return _as_given(chased_items(it))
    key = it["Customer ID"] + "\x1f" + it["Document No"].astype(str)
    number = rows["Invoice No"] if "Invoice No" in rows else pd.Series(None, index=rows.index)
    named_key = rows["Customer ID"] + "\x1f" + number.map(
        lambda v: "" if is_blank(v) else str(v).strip())
    named = ~number.map(is_blank).astype(bool) & named_key.isin(set(key))
    settled = rows["Amount"][named].groupby(named_key[named]).sum()
    hit = ~key.duplicated() & key.isin(settled.index)  # an item listed twice is paid once
    if hit.any():  # (pandas refuses an empty object-typed difference into a float column)
        it.loc[hit, "Open Amount"] = (it.loc[hit, "Open Amount"]
                                      - key[hit].map(settled)).round(6)
    loose = rows[~named]
    if len(loose):
        on_account = pd.DataFrame({
            "Customer ID": loose["Customer ID"].to_numpy(), "Item Type": "Payment",
            "Document No": loose["Payment ID"].astype(str).to_numpy()
            if "Payment ID" in loose else "",
            "Invoice No": None, "Date": loose["Date"].to_numpy(),
            "Due Date": loose["Date"].to_numpy(), "Currency": loose["_code"].to_numpy(),
            "Amount": -loose["Amount"].to_numpy(), "Open Amount": -loose["Amount"].to_numpy(),
            "Days Past Due": 0})
        first = it.drop_duplicates(["Customer ID", "Currency"])
        own_id = dict(zip(first["Customer ID"], first["_given_id"], strict=True))
        own_ccy = dict(zip(zip(first["Customer ID"], first["Currency"], strict=True),
                           first["_given_ccy"], strict=True))
        on_account["_given_id"] = [own_id.get(c, c) for c in on_account["Customer ID"]]
        on_account["_given_ccy"] = [own_ccy.get((c, k), k or None) for c, k in
                              zip(on_account["Customer ID"], on_account["Currency"],
                                  strict=True)]
        it = pd.concat([it, on_account], ignore_index=True)
    return _as_given(chased_items(it))


def _as_given(chased: pd.DataFrame) -> pd.DataFrame:
    return chased.assign(**{"Customer ID": chased["_given_id"],
                            "Currency": chased["_given_ccy"]}).drop(
        columns=["_given_id", "_given_ccy"])


def left_by_account(after: pd.DataFrame, policy: Policy | None = None,
                    accounts: pd.Index | None = None) -> pd.DataFrame:
    """Per customer and currency (index Customer ID, ``_code``) of ``left_after``'s items,
    of ``accounts`` only where given: Left, what is still overdue to collect, Left Invoices,
    how many invoices that is, and the invoice its level would be set by
    (``dunning.oldest_chased``): Left Days, its days past due, Left Invoice, Left Due Date."""
    over = overdue_chased(after)
    ids = over["Customer ID"].astype(str)
    if accounts is not None:  # the payers' accounts only: the rest are as the books say
        over, ids = (f[ids.isin(set(accounts.get_level_values(0))).to_numpy()]
                     for f in (over, ids))
    over = over.assign(**{"Customer ID": ids, "Currency": codes(over["Currency"])})
    grouped = over.groupby(["Customer ID", "Currency"])["Uncovered Amount"]
    out = pd.DataFrame({"Left": grouped.sum(), "Left Invoices": grouped.size()})
    out.index.names = ACCOUNT
    setting = oldest_chased(over, policy).reindex(out.index)
    out["Left Days"] = setting["Days Past Due"]
    out["Left Invoice"] = setting["Invoice No"]
    out["Left Due Date"] = setting["Due Date"]
    return out


def bank_accounts(received: pd.DataFrame | None, currencies: pd.Series | None,
                  items: pd.DataFrame | None = None, policy: Policy | None = None,
                  chased: pd.DataFrame | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(accounts, after): per customer and currency that money came in for on the bank
    (``cash_by_account``), with ``left_by_account``'s figures (Left, Left Days and Left
    Invoices 0 where nothing is left) and Covered (what is left is below the dunning minimum:
    nothing to chase once the receipts are recorded); ``after``: ``left_after``'s items (None without ``items`` or
    without rows in ``received``), whether or not any of them is cash. ``currencies``:
    ``receipt_currencies`` of ``received`` (None: ``currencies_from_items``); ``chased``:
    ``dunning.chased_items(items)`` when the caller has it already."""
    paid = cash_by_account(received, currencies)
    if items is None or received is None or not len(received):
        return paid.assign(Left=float("nan"), **{"Left Days": 0}, Covered=True), None
    if currencies is None:
        # an API caller without the receipts' currencies: read from the open items, or
        # each account came out as nothing left (its Left keyed by no currency), Covered,
        # and the letter of a customer who paid 100.00 of 10,000.00 was held as paid
        currencies = currencies_from_items(received, items)
        paid = cash_by_account(received, currencies)
    # a write-off, tax withheld or credit note used closes invoices once recorded, cash or
    # none came in with it: what is left must not hang on an unrelated cash row being there
    after = left_after(items, received, currencies, chased)
    if not len(paid):
        return paid.assign(Left=float("nan"), **{"Left Days": 0}, Covered=True), after
    left = left_by_account(after, policy, paid.index).reindex(paid.index)
    paid["Left"] = left["Left"].fillna(0.0).round(6)
    paid["Left Days"] = left["Left Days"].fillna(0).astype(int)
    paid["Left Invoices"] = left["Left Invoices"].fillna(0).astype(int)
    paid["Left Invoice"] = left["Left Invoice"]
    paid["Left Due Date"] = left["Left Due Date"]
    paid["Covered"] = [round_total(v) < min_amount(policy, c)
                       for v, c in zip(paid["Left"], paid.index.get_level_values("_code"),
                                       strict=True)]
    return paid, after


def hold_letters_of_payers(dun: pd.DataFrame, received: pd.DataFrame | None, as_of: date,
                           arabic: bool = False, currencies: pd.Series | None = None,
                           accounts: pd.DataFrame | None = None) -> pd.DataFrame:
    """``dun`` (the Dunning rows) with the letters of customers who paid money in
    ``received`` (Receipts To Post rows: Customer ID, Date, Amount, Method) held back, each
    currency by the receipts in it (``currencies``: ``receipt_currencies`` of ``received``;
    without it every receipt counts for each of its customer's accounts). ``accounts``:
    ``bank_accounts``' first part, to say what is left to collect; where it covers the
    overdue, an account chased without a letter this run (waiting a week) says it is held
    too (it is off the call and visit lists)."""
    if received is None or not len(received) or not len(dun):
        return dun
    paid = accounts if accounts is not None else cash_by_account(received, currencies)
    if not len(paid):
        return dun
    ids = dun["Customer ID"].astype(str)
    blank = pd.MultiIndex.from_arrays([ids, pd.Series("", index=dun.index)])
    by_code = "Currency" in dun and (currencies is not None or (
        accounts is not None and bool((paid.index.get_level_values(1) != "").any())))
    mine = paid.reindex(pd.MultiIndex.from_arrays([ids, codes(dun["Currency"])])
                        if by_code else blank)
    if by_code and currencies is None:
        # ``bank_accounts`` read the receipts' currencies from the open items; a receipt it
        # could not place (its customer owes in several) counts for each of its accounts
        mine = mine.fillna(paid.reindex(blank).set_axis(mine.index))
    came = mine["Received"].notna().to_numpy()
    letter = dun["Letter"].astype(bool).to_numpy()
    chased = pd.to_numeric(dun["Level"], errors="coerce").fillna(0).to_numpy() > 0 \
        if "Level" in dun else letter
    covered = mine["Covered"].fillna(True).astype(bool).to_numpy() if "Covered" in mine \
        else came
    left = mine["Left"].to_numpy() if "Left" in mine else [float("nan")] * len(dun)
    # a receipt that pays only what is not yet due leaves the overdue as the letter asks for
    # it: that letter is sent (a plan reminder is held by any receipt, the plan's to fill)
    came = came & (~chased | lowers_overdue(dun.get("Amount To Collect"), left))
    hold = letter & came
    still = ~letter & chased & came  # waiting a week between letters
    if not (hold | still).any():
        return dun
    words = texts.ACTIONS["ar" if arabic else "en"]
    out = dun.copy()
    out["Letter"] = out["Letter"].astype(bool) & ~hold
    actions = out["Next Action"].tolist()
    received_in, latest_on = mine["Received"].to_numpy(), mine["Latest"].to_numpy()
    for k in (hold | still).nonzero()[0]:
        latest = latest_on[k]
        said = {"amount": amount_text(received_in[k]),
                "date": f"{pd.Timestamp(latest):%Y-%m-%d}" if pd.notna(latest) else "undated",
                "left": amount_text(left[k]) if left[k] == left[k] else ""}
        plan = hold[k] and not chased[k]  # a plan reminder: said as before
        if covered[k] or plan or not said["left"]:
            actions[k] = words["paid_on_the_bank" if hold[k] else "chasing_held"].format(**said)
        elif hold[k]:
            actions[k] = words["paid_on_the_bank_part"].format(**said)
        else:  # a part paid while waiting: the wait stands, and what came in is said
            actions[k] = f"{actions[k]}{words['then']}" + words["paid_part"].format(**said)
    out["Next Action"] = actions
    covered_now = hold | (still & covered)
    out.loc[covered_now, "Next Action Date"] = pd.Timestamp(as_of)
    return out


def lowers_overdue(books: pd.Series | None, left: object) -> np.ndarray:
    """Per Dunning row: whether the bank's receipts leave less overdue to collect (``left``:
    ``bank_accounts``' Left, NaN where not known, taken as lowering) than the books' Amount
    To Collect (``books``; None: not known, taken as lowering), by at least a cent."""
    left = np.asarray(left, dtype="float64")
    if books is None:
        return np.ones(len(left), dtype=bool)
    books = pd.to_numeric(books, errors="coerce").fillna(0.0).to_numpy(dtype="float64")
    return np.isnan(left) | (books - np.round(np.nan_to_num(left), TOTAL_DECIMALS) >= CENT)


def plan_notes(schedule: pd.DataFrame, plans: pd.DataFrame | None, payments: pd.DataFrame,
               received: pd.DataFrame | None, currencies: pd.Series | None, as_of: date,
               customers: pd.DataFrame, items: pd.DataFrame, arabic: bool = False,
               booked_in: pd.Series | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(``schedule`` - the Payment Plan Schedule - with a Note on each instalment the bank's
    cash receipts (``received``, not yet in Payments; in the plan's currency) pay more of
    once recorded, and what is left of it then; the schedule as it will be then). Every row
    of ``received`` fills the instalments as Payments rows would, a write-off or tax
    withheld too (the books count those towards a plan: Written off); the Note's amount is
    the cash. The tab's figures and Status stay the books', as the Dunning's do.
    ``booked_in``: each ``payments`` row's currency code, as the schedule was made with
    (``payment_plans.plan_schedule``'s ``currencies``)."""
    out = schedule.assign(Note=None)
    if plans is None or not len(schedule) or received is None or not len(received):
        return out, schedule
    plan_ccy = codes(schedule.drop_duplicates("Customer ID").set_index("Customer ID")[
        "Currency"])
    parsed = _parsed(received, currencies)
    mine = parsed["Customer ID"].map(plan_ccy)
    keep = (mine.notna() & ((parsed["_code"] == mine) | (parsed["_code"] == ""))
            & (parsed["Amount"] > 0)).to_numpy()
    rows = parsed[keep]
    cash = ~non_cash(received).to_numpy()[keep]
    if not cash.any():
        return out, schedule  # no money came in for a plan: nothing to note
    # the payers' plans filled again with their receipts and the bank's; the others stand
    then = _plans_then(schedule, plans, payments, rows, as_of, customers, items, booked_in)
    by_cash = then if cash.all() else _plans_then(schedule, plans, payments, rows[cash],
                                                  as_of, customers, items, booked_in)
    key = ["Plan", "Instalment"]
    at = pd.MultiIndex.from_frame(schedule[key])
    paid = then.set_index(key)["Paid Amount"].reindex(at).to_numpy(dtype="float64")
    more = by_cash.set_index(key)["Paid Amount"].reindex(at).to_numpy(dtype="float64") \
        - schedule["Paid Amount"].to_numpy(dtype="float64")
    rows = rows[cash]
    latest = rows.groupby("Customer ID")["Date"].max()
    words = texts.ACTIONS["ar" if arabic else "en"]
    notes = []
    for k, (cid, extra_paid, amount) in enumerate(zip(
            schedule["Customer ID"].astype(str), more, schedule["Amount"], strict=True)):
        if not extra_paid >= CENT:
            notes.append(None)
            continue
        day = latest.get(cid, pd.NaT)
        left = round_total(float(amount) - paid[k])
        notes.append(words["plan_paid" if left < CENT else "plan_part_paid"].format(
            amount=amount_text(extra_paid), left=amount_text(left),
            date=f"{pd.Timestamp(day):%Y-%m-%d}" if pd.notna(day) else "undated"))
    out["Note"] = notes
    return out, then


def _plans_then(schedule: pd.DataFrame, plans: pd.DataFrame, payments: pd.DataFrame,
                rows: pd.DataFrame, as_of: date, customers: pd.DataFrame,
                items: pd.DataFrame, booked_in: pd.Series | None = None) -> pd.DataFrame:
    """``schedule`` as it will be once ``rows`` (``_parsed`` Receipts To Post rows) are in
    Payments: their customers' plans scheduled again with them, the others as they are.
    ``booked_in``: the currency code of each ``payments`` row (the rows' own: ``_code``)."""
    from ar_excel.core.collections.payment_plans import plan_schedule
    from ar_excel.model import ROW

    extra = pd.DataFrame({c: rows[c].to_numpy() for c in ("Customer ID", "Date", "Amount")})
    extra["Invoice No"] = rows["Invoice No"].to_numpy() if "Invoice No" in rows else None
    extra["Method"] = rows["Method"].to_numpy() if "Method" in rows else None
    extra[ROW] = range(10**9, 10**9 + len(extra))  # after the books' own receipts of a day
    payers = set(rows["Customer ID"])
    theirs = payments["Customer ID"].astype(str).isin(payers).to_numpy()
    owed = items["Customer ID"].astype(str).isin(payers).to_numpy()
    # (an id that is no text is kept: plan_schedule makes it text its own way)
    agreed = [not isinstance(c, str) or c in payers for c in plans["Customer ID"]]
    paid_in = None if booked_in is None else pd.Series(np.concatenate(
        [booked_in.to_numpy(dtype=object)[theirs], rows["_code"].to_numpy(dtype=object)]))
    then, _ = plan_schedule(plans[agreed], pd.concat([payments[theirs], extra],
                                                     ignore_index=True),
                            as_of, customers, items[owed], paid_in)
    return pd.concat([schedule[~schedule["Customer ID"].isin(payers)],
                      then[then["Customer ID"].isin(payers)]]).sort_values(
        ["Customer ID", "Plan", "Instalment"], kind="stable").reset_index(drop=True)

