"""Bank reconciliation and cash application over DataFrames (no I/O).

``match_statement(lines, open_items, customers, policy, learned=None, balances=None)``
returns a ``MatchResult``: the ``Bank Matches`` rows (one per bank line x invoice
allocation), the ``Unmatched Bank`` rows (credits not fully applied, with the reason and
the best candidates, and debits, which are not AR), the ``Reconciliation`` summary that
ties out to the statement, and issues. The rules are in ``engine``; see its docstring.

Learned payer accounts: the Payments sheet has no bank account column, so the engine learns
``account -> customer`` and ``printed name -> customer`` from (a) a previous run's ``Bank
Matches`` tab (its ``Counterparty Account`` / ``Counterparty`` columns, rows with Status
``Matched``), (b) an optional ``Payer Accounts`` sheet (Customer ID, Counterparty Account,
Counterparty), and (c) lines of this statement matched by a full invoice reference, before
the rules that need a payer run. ``learned_payers`` builds that frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.matching.credit_notes import OpenCredits
from ar_excel.core.matching.early_discounts import EarlyDiscounts
from ar_excel.core.matching.engine import (
    THOUSANDTHS,
    Allocation,
    Matcher,
    OpenInvoices,
    unit_of,
)
from ar_excel.core.matching.payers import THIRD_PARTY_CHECK, PayerDirectory
from ar_excel.core.matching.recorded import receipts_in_window
from ar_excel.core.matching.review import Review, apply_reviews
from ar_excel.core.matching.statement_order import newest_first
from ar_excel.core.money import half_unit
from ar_excel.model import Issue
from ar_excel.policy import Policy

MATCH_COLUMNS = ["Bank Line", "Date", "Bank Amount", "Invoice No", "Customer ID",
                 "Applied Amount", "Method", "Confidence", "Status"]
MATCH_EXTRA = ["Write-off", "Customer", "Reason", "Description", "Counterparty",
               "Counterparty Account", "Statement", "Line No"]
UNMATCHED_COLUMNS = ["Bank Line", "Date", "Amount", "Description", "Unallocated Amount", "Reason"]
UNMATCHED_EXTRA = ["Candidates", "Counterparty", "Counterparty Account", "Reference",
                   "Statement", "Line No"]
SUMMARY_COLUMNS = ["Item", "Amount", "Lines", "Note"]
# After the contract's and our columns, only when some receipt was paid less income tax
# withheld at source (``withholding``): the tax per invoice, a receivable from the tax authority.
WITHHELD = "Withholding Tax"
METHODS = ["recorded", "reference", "reference-fuzzy", "multi-invoice", "amount+payer", "fee-writeoff",
           "early-discount",
           "withholding-tax", "credit-note", "partial", "overpayment", "on-account", "oldest-first", "amount-only"]


@dataclass
class MatchResult:
    matches: pd.DataFrame
    unmatched: pd.DataFrame
    summary: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    # Receipts recorded in Payments within the statement's period that no bank line pairs
    # with (``recorded``); None when Payments was not given or has no receipt near the period.
    unbanked: pd.DataFrame | None = None


def open_invoices(open_items: pd.DataFrame) -> pd.DataFrame:
    """The invoices a receipt can pay: open items of type Invoice with a positive open amount."""
    if "Item Type" in open_items:
        open_items = open_items[open_items["Item Type"] == "Invoice"]
    items = open_items[open_items["Open Amount"] > 0.005]
    return items.sort_values(["Due Date", "Invoice No"], kind="stable").reset_index(drop=True)


def learned_payers(*frames: pd.DataFrame | None) -> pd.DataFrame:
    """(Customer ID, Counterparty Account, Counterparty) from previous ``Bank Matches`` tabs or
    ``Payer Accounts`` sheets: only rows applied with certainty (Status Matched, or no
    Status column at all)."""
    parts = []
    for f in frames:
        if f is None or not len(f) or "Customer ID" not in f:
            continue
        if "Status" in f:
            f = f[f["Status"].astype(str).str.strip().str.lower() == "matched"]
        account = next((c for c in ("Counterparty Account", "IBAN", "Account", "Payer Account",
                                    "Bank Account") if c in f), None)
        name = next((c for c in ("Counterparty", "Payer", "Payer Name", "Name") if c in f), None)
        parts.append(pd.DataFrame({
            "Customer ID": f["Customer ID"].astype("object"),
            "Counterparty Account": f[account] if account else None,
            "Counterparty": f[name] if name else None,
            # A previous run's Bank Matches (it has a Method column) may hold a third party
            # paying by reference: learned only where the name may be the customer's
            # (``PayerDirectory.name_fits``); a Payer Accounts sheet is the user's word.
            THIRD_PARTY_CHECK: "Method" in f,
        }))
    if not parts:
        return pd.DataFrame(columns=["Customer ID", "Counterparty Account", "Counterparty",
                                     THIRD_PARTY_CHECK])
    return pd.concat(parts, ignore_index=True)


def _col(lines: pd.DataFrame, name: str) -> pd.Series:
    return lines[name] if name in lines else pd.Series(None, index=lines.index, dtype="object")


def match_statement(lines: pd.DataFrame, open_items: pd.DataFrame, customers: pd.DataFrame,
                    policy: Policy, learned: pd.DataFrame | None = None,
                    balances: list[Any] | None = None,
                    recorded: pd.DataFrame | None = None,
                    reviews: dict[str, Review] | None = None,
                    invoice_sheet: pd.DataFrame | None = None) -> MatchResult:
    """Apply the statement's credits to the open invoices; see the module docstring.
    ``recorded``: the Payments sheet, whose receipts near the statement's period the credits
    are first paired with (``recorded``: book-to-bank); ``reviews``: a person's answers to
    the previous run's suggestions (``review.reviews_from``); ``invoice_sheet``: the
    Invoices sheet, whose own Payment Terms may grant an early-payment discount
    (``early_discounts``)."""
    lines = lines.reset_index(drop=True)
    # One unit for the run: thousandths where the ledger or the statement has a currency
    # counted in fils (KWD, BHD, OMR...), else cents.
    currencies = [c for frame in (open_items, lines) if "Currency" in frame
                  for c in pd.unique(frame["Currency"].to_numpy(dtype=object))]
    unit = unit_of(currencies)
    invoices = OpenInvoices(open_invoices(open_items), policy, unit)
    payers = PayerDirectory(customers, learned)
    matcher = Matcher(lines, invoices, payers, policy, OpenCredits(open_items, unit),
                      OpenCredits(open_items, unit, "Payment"))
    matcher.discounts = EarlyDiscounts(invoices, customers, invoice_sheet)
    matcher.invoice_sheet = invoice_sheet
    if recorded is not None and len(recorded) and "Date" in lines:
        dates = pd.to_datetime(lines["Date"], errors="coerce")
        matcher.period = (dates.min(), dates.max())
        matcher.recorded = receipts_in_window(recorded, *matcher.period)
    matcher.run()
    matches = _matches_frame(lines, matcher, payers)
    unmatched = _unmatched_frame(lines, matcher)
    if reviews:
        matches, unmatched = apply_reviews(matches, unmatched, lines, reviews)
    places = 3 if unit == THOUSANDTHS else 2
    summary = reconciliation_summary(lines, matches, unmatched, balances, places=places)
    if matcher.unbanked is not None:
        summary = _with_book_to_bank(summary, matches, matcher.unbanked, matcher.period, places)
    return MatchResult(matches, unmatched, summary, [], matcher.unbanked)


def _with_book_to_bank(summary: pd.DataFrame, matches: pd.DataFrame, unbanked: pd.DataFrame,
                       period: tuple[pd.Timestamp, pd.Timestamp], places: int) -> pd.DataFrame:
    """The book-to-bank rows, after the tie-out of the credits: the receipts of Payments the
    bank holds, and those it does not (the reconciling items)."""
    first, last = period
    recorded = matches[matches["Method"] == "recorded"]
    rows = pd.DataFrame([
        {"Item": "Recorded in the books and in the bank",
         "Amount": round(float(recorded["Applied Amount"].sum()), places) + 0.0,
         "Lines": int(recorded["Bank Line"].nunique()),
         "Note": "receipts already in Payments that bank lines pair with (Method recorded): "
                 "not applied again"},
        {"Item": "Recorded in the books, not in the bank",
         "Amount": round(float(unbanked["Amount"].sum()), places) + 0.0,
         "Lines": int(len(unbanked)),
         "Note": f"receipts in Payments dated {first:%Y-%m-%d} to {last:%Y-%m-%d} that no bank "
                 "line pairs with (Unbanked Receipts): deposits in transit or posting errors"},
    ], columns=SUMMARY_COLUMNS)
    at = summary.index[summary["Item"].str.startswith("Check:")]
    cut = int(at[0]) + 1 if len(at) else len(summary)
    return pd.concat([summary.iloc[:cut], rows, summary.iloc[cut:]], ignore_index=True)


def _dates(lines: pd.DataFrame, pos: list[int]) -> pd.DatetimeIndex:
    """The lines' dates at ``pos`` (taken as an array: a list of Timestamps is slow)."""
    return pd.to_datetime(_col(lines, "Date").to_numpy()[np.asarray(pos, dtype=np.int64)])


def _with_paid_twice(allocs: list[Allocation], m: Matcher) -> list[str]:
    """The allocations' reasons; a suggestion for a line that names an invoice already
    settled (in the books, or by another line of the statement) says so: most likely paid
    twice (a refund or a credit on account), which the person confirming should know."""
    own: dict[int, set] = {}
    for a in allocs:
        own.setdefault(a.line, set()).add(a.invoice)
    out = []
    for a in allocs:
        twice = sorted({n for n in m.settled_refs.get(a.line, ())} - {
            m.inv.number[p] for p in own[a.line] if p is not None})
        out.append(a.reason + (f"; {', '.join(twice)}, which it names, is already settled: "
                               "paid twice?" if twice and a.status == "Suggested" else ""))
    return out


def _matches_frame(lines: pd.DataFrame, m: Matcher, payers: PayerDirectory) -> pd.DataFrame:
    allocs: list[Allocation] = sorted(m.allocations, key=lambda a: a.line)
    cols = {c: _col(lines, c).tolist() for c in ("Bank Line", "Amount", "Description",
                                                  "Counterparty", "Counterparty Account",
                                                  "Statement", "Line No")}
    pos = [a.line for a in allocs]
    unit = m.inv.unit

    def take(c: str) -> list:
        return [cols[c][p] for p in pos]

    frame = pd.DataFrame({
        "Bank Line": take("Bank Line"), "Date": _dates(lines, pos),
        "Bank Amount": take("Amount"),
        "Invoice No": [a.invoice_no if a.invoice is None else m.inv.number[a.invoice]
                       for a in allocs],
        "Customer ID": [a.customer for a in allocs],
        "Applied Amount": [a.applied / unit for a in allocs],
        "Method": [a.method for a in allocs],
        "Confidence": [round(a.confidence, 2) for a in allocs],
        "Status": [a.status for a in allocs],
        "Write-off": [a.writeoff / unit for a in allocs],
        "Customer": [payers.names.get(str(a.customer), "") for a in allocs],
        "Reason": _with_paid_twice(allocs, m),
        "Description": take("Description"), "Counterparty": take("Counterparty"),
        "Counterparty Account": take("Counterparty Account"), "Statement": take("Statement"),
        "Line No": take("Line No"),
    }, columns=MATCH_COLUMNS + MATCH_EXTRA)
    for c in ("Bank Amount", "Applied Amount", "Write-off", "Confidence"):
        frame[c] = frame[c].astype("float64")
    frame["Date"] = frame["Date"].astype("datetime64[ns]")
    if any(a.withheld for a in allocs):
        frame[WITHHELD] = np.array([a.withheld for a in allocs], dtype=np.float64) / unit
    return frame


def _unmatched_frame(lines: pd.DataFrame, m: Matcher) -> pd.DataFrame:
    cols = {c: _col(lines, c).tolist() for c in ("Bank Line", "Amount", "Description",
                                                  "Counterparty", "Counterparty Account",
                                                  "Reference", "Statement", "Line No")}
    rows = []
    reverses = {debit: credit for credit, debit in m.reversed.items()}
    for pos, amount in enumerate(cols["Amount"]):
        f = m.facts.get(pos)
        if f is not None:
            if f.remaining <= 0:
                continue
            reason, cands = m.unmatched_reason(f)
            if f.remaining < f.amount:
                reason = "partly applied; " + reason
            left = f.remaining / m.inv.unit
        elif amount is None or amount != amount:
            reason, cands, left = "no amount on the line", "", None
        elif amount < 0:
            reason, cands, left = "debit (money out): not accounts receivable", "", None
            if pos in reverses:
                reason += f"; reverses the credit of bank line {cols['Bank Line'][reverses[pos]]}"
        else:
            reason, cands, left = "zero amount", "", 0.0
        rows.append((pos, reason, cands, left))
    debit = [cols["Amount"][p] is not None and cols["Amount"][p] < 0 for p, *_ in rows]
    # Credits to work on first, debits after; statement order within each.
    rows = [r for _, r in sorted(zip(debit, rows, strict=True), key=lambda x: x[0])]
    pos = [r[0] for r in rows]

    def take(c: str) -> list:
        return [cols[c][p] for p in pos]

    frame = pd.DataFrame({
        "Bank Line": take("Bank Line"), "Date": _dates(lines, pos),
        "Amount": take("Amount"), "Description": take("Description"),
        "Unallocated Amount": [r[3] for r in rows], "Reason": [r[1] for r in rows],
        "Candidates": [r[2] for r in rows], "Counterparty": take("Counterparty"),
        "Counterparty Account": take("Counterparty Account"), "Reference": take("Reference"),
        "Statement": take("Statement"), "Line No": take("Line No"),
    }, columns=UNMATCHED_COLUMNS + UNMATCHED_EXTRA)
    frame["Date"] = frame["Date"].astype("datetime64[ns]")
    for c in ("Amount", "Unallocated Amount"):
        frame[c] = frame[c].astype("float64")
    return frame


def _balance_value(b: Any, name: str) -> Any:
    return b.get(name) if isinstance(b, dict) else getattr(b, name, None)


def _opening_closing(lines: pd.DataFrame, stated: list[Any]
                     ) -> tuple[float | None, float | None, bool, bool]:
    """The opening and closing balance of ``lines``: from the balances the statements state,
    else from the lines' running balances; (None, None) where neither is given. The flags:
    whether the closing balance is the last running balance (none stated), and whether the
    balances stated are joined by running balances of statements stating none."""
    opening = closing = None
    joined = False
    opens: dict[str, float] = {}  # statement -> the opening it states, first of its account's
    if stated:
        # Consecutive statements of one account chain: the first opens, the last closes.
        chains: dict[tuple, list[Any]] = {}
        for b in stated:
            key = (_balance_value(b, "account"), _balance_value(b, "currency"))
            chains.setdefault(key, []).append(b)
        opening = sum(_balance_value(c[0], "opening") for c in chains.values())
        opens = {str(_balance_value(c[0], "statement")): _balance_value(c[0], "opening")
                 for c in chains.values()}
        closes = [_balance_value(c[-1], "closing") for c in chains.values()]
        closing = sum(closes) if all(c is not None for c in closes) else None
    if closing is not None and "Statement" in lines and "Balance" in lines:
        # Statements reconciled together of which some state both balances (Arab Bank's XLSX)
        # and others only run one on each line (Housing Bank's, Bank al Etihad's exports):
        # those others open and close with their own running balances, else the closing
        # stated misses them and the month 'does not tie out' by their movements.
        named = {str(_balance_value(b, "statement")) for b in stated}
        groups = dict(list(lines.groupby(lines["Statement"].astype(str), sort=True)))
        if named <= set(groups):
            for name, part in groups.items():
                ends = None if name in named else _running_ends(part)
                if ends is not None:
                    opening += ends[0]
                    closing += ends[1]
                    joined = True
    if closing is None and "Balance" in lines and lines["Balance"].notna().any():
        # Each statement's opening is its first running balance less that line's amount, its
        # closing its last running balance (a statement stating its opening balance only, as
        # an export with an "Opening balance" row above the lines, still ties out).
        # Statements reconciled together of which some state their opening (Bank Muscat's
        # XLSX) and some do not (QNB's, NBB's CSV): each opens with its own, stated or run.
        running_opening, closing, mixed = 0.0, 0.0, False
        groups = lines.groupby("Statement", sort=True, dropna=False) if "Statement" in lines \
            else [(None, lines)]
        for name, part in groups:
            ends = _running_ends(part)
            if ends is not None:
                if str(name) in opens:
                    running_opening += opens[str(name)]
                    mixed = True
                else:
                    running_opening += ends[0]
                closing += ends[1]
        opening = running_opening if opening is None or mixed else opening
        return opening, closing, True, False
    return opening, closing, False, joined


def _closing_stated_alone(lines: pd.DataFrame, balances: list[Any]) -> float | None:
    """The closing balance of statements that state it without an opening one (OFX states
    only LEDGERBAL; a camt.052 report or an export may give only its closing balance): the
    last one stated of each account, where every statement of ``lines`` states one. The
    figure the bank gives to compare with the cash account in the books, though with no
    opening there is nothing to tie the lines out to. None where a statement states none."""
    stated = [b for b in balances if _balance_value(b, "closing") is not None]
    if not stated:
        return None
    named = {str(_balance_value(b, "statement")) for b in stated}
    if "Statement" in lines and not set(lines["Statement"].dropna().astype(str)) <= named:
        return None  # a statement of the lines states no closing: the sum would miss it
    last: dict[tuple, float] = {}  # consecutive statements of one account: the last closes
    for b in stated:
        last[(_balance_value(b, "account"), _balance_value(b, "currency"))] = \
            _balance_value(b, "closing")
    return sum(last.values())


def _running_ends(part: pd.DataFrame) -> tuple[float, float] | None:
    """One statement's opening (its oldest line's running balance less that line's amount)
    and closing (its newest line's running balance); None without running balances."""
    bal = part["Balance"].astype("float64")
    if not bal.notna().any():
        return None
    first, last = bal.first_valid_index(), bal.last_valid_index()
    if newest_first(part):  # (Commercial Bank of Qatar's CSV: the oldest last)
        first, last = last, first
    return bal[first] - part["Amount"].astype("float64")[first], bal[last]


def reconciliation_summary(lines: pd.DataFrame, matches: pd.DataFrame, unmatched: pd.DataFrame,
                           balances: list[Any] | None = None, places: int = 2) -> pd.DataFrame:
    """The tie-out: opening + credits - debits = closing, and credits = matched + suggested +
    unmatched, with counts per rule; amounts to ``places`` decimals (3 where a currency of the
    statement or the ledger counts in fils)."""
    half = half_unit(places)
    amount = lines["Amount"].astype("float64")
    credits, debits = amount[amount > 0], -amount[amount < 0]
    rows: list[dict[str, Any]] = []

    def row(item: str, value: float | None, n: int | None = None, note: str = "") -> None:
        rows.append({"Item": item,
                     "Amount": None if value is None else round(float(value), places) + 0.0,
                     "Lines": n, "Note": note})

    stated = [b for b in (balances or []) if _balance_value(b, "opening") is not None]
    opening, closing, running_closing, joined = _opening_closing(lines, stated)
    computed = None if opening is None else opening + credits.sum() - debits.sum()
    stated_ccy = (lines["Currency"].fillna("").astype(str) if "Currency" in lines
                  else pd.Series("", index=lines.index))
    currencies = sorted(set(stated_ccy))
    # (Several statements, some stating their balances and some not: each says which.)
    also = ", else from the oldest line's running balance" if joined else ""
    row("Opening balance", opening, None, f"as stated by the bank{also}" if stated else
        ("from the oldest line's running balance" if opening is not None else "not stated"))
    # Adding EGP to USD is no figure to post: say so where the reader starts.
    row("Credits (money in)", credits.sum(), int(len(credits)),
        f"adds {', '.join(c or 'no currency' for c in currencies)}: each currency below"
        if len(currencies) > 1 else "")
    row("Debits (money out, not AR)", -debits.sum(), int(len(debits)))
    row("Closing balance (computed)", computed, None, "opening + credits - debits")
    closing_only = (_closing_stated_alone(lines, balances or [])
                    if closing is None and len(currencies) <= 1 else None)
    row("Closing balance (statement)", closing if closing_only is None else closing_only, None,
        "from the newest line's running balance" if running_closing
        else "as stated by the bank, else from the newest line's running balance" if joined
        else "" if closing is not None
        else "as stated by the bank; no opening balance stated, so no tie-out"
        if closing_only is not None else "not stated")
    if computed is not None and closing is not None:
        diff = round(computed - closing, places)
        row("Difference", diff, None,
            "ties out" if abs(diff) < half else "DOES NOT TIE OUT: check the statement")
    if len(currencies) > 1:  # the totals above add currencies: each one's tie-out on its own
        # a balance stated without its currency is in its statement's lines' currency
        own = (lines.dropna(subset=["Currency"]).groupby("Statement")["Currency"].first()
               if "Statement" in lines else pd.Series(dtype=object))
        for ccy in currencies:
            mine = stated_ccy == ccy
            part = amount[mine]
            got = [b for b in stated if (_balance_value(b, "currency")
                                         or own.get(_balance_value(b, "statement")) or "") == ccy]
            o, c, _, _ = _opening_closing(lines[mine], got)
            label = ccy or "no currency"
            row(f"{label}: opening balance", o, None, "" if o is not None else "not stated")
            row(f"{label}: credits", part[part > 0].sum(), int((part > 0).sum()))
            row(f"{label}: debits", part[part < 0].sum(), int((part < 0).sum()))
            row(f"{label}: closing balance (statement)", c, None,
                "" if c is None or o is None else
                "ties out" if abs(o + part.sum() - c) < half else "DOES NOT TIE OUT")
            mine_lines = set(_col(lines, "Bank Line")[mine])
            applied = matches[matches["Bank Line"].isin(mine_lines)]
            for status, word in (("Matched", "matched (applied)"),
                                 ("Suggested", "suggested (to review)")):
                got_status = applied[applied["Status"] == status]
                row(f"{label}: {word}", got_status["Applied Amount"].sum(),
                    int(got_status["Bank Line"].nunique()))
            left = unmatched[unmatched["Bank Line"].isin(mine_lines) & (unmatched["Amount"] > 0)]
            row(f"{label}: unmatched credits", left["Unallocated Amount"].sum(), int(len(left)))
    if len(stated) > 1:  # several statements (accounts, currencies, days) in one file
        for b in stated:
            name = _balance_value(b, "statement") or ""
            ccy = _balance_value(b, "currency") or ""
            diff = _balance_value(b, "difference")
            # (a statement of a multi-currency export is named by its currency: said once)
            label = f"Statement {name}" + (f" {ccy}" if ccy != name else "")
            row(label.strip() + ": opening", _balance_value(b, "opening"))
            row(label.strip() + ": closing", _balance_value(b, "closing"),
                None, "" if diff is None else ("ties out" if abs(diff) < 0.005
                                               else f"difference {diff:,.2f}"))
    for status in ("Matched", "Suggested"):
        part = matches[matches["Status"] == status]
        row(f"{status} (applied)" if status == "Matched" else "Suggested (to review)",
            part["Applied Amount"].sum(), int(part["Bank Line"].nunique()))
    credit_left = unmatched[unmatched["Amount"] > 0]
    row("Unmatched credits", credit_left["Unallocated Amount"].sum(), int(len(credit_left)))
    check = (matches["Applied Amount"].sum() + credit_left["Unallocated Amount"].sum()
             - credits.sum())
    row("Check: matched + suggested + unmatched - credits", round(check, places), None,
        "ties out" if abs(check) < half else "DOES NOT TIE OUT")
    row("Write-offs proposed", matches["Write-off"].sum(), int((matches["Write-off"] > 0).sum()),
        "fees / discounts within the policy tolerance")
    if WITHHELD in matches:
        withheld = matches[WITHHELD]
        row("Withholding tax receivable", withheld.sum(), int((withheld > 0).sum()),
            "income tax the customers withheld at source: certificates expected (not written "
            "off: recovered from the tax authority)")
    onacc = matches[matches["Invoice No"].isna()]
    row("On account (no invoice)", onacc["Applied Amount"].sum(), int(len(onacc)))
    for method in METHODS + sorted(set(matches["Method"]) - set(METHODS)):
        part = matches[matches["Method"] == method]
        if len(part):
            row(f"Method: {method}", part["Applied Amount"].sum(), int(len(part)),
                f"{int((part['Status'] == 'Matched').sum())} matched, "
                f"{int((part['Status'] == 'Suggested').sum())} suggested allocations")
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
