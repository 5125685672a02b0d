"""A person's review of the Suggested allocations, carried into the next run.

A Suggested allocation waits for somebody to look at it. The reviewer answers in the ``Bank
Matches`` tab itself, in its Status cell: ``Matched`` (or Approved, OK, Yes, معتمد, موافق...)
to accept the suggestion, ``Rejected`` (or No, Wrong, مرفوض, خطأ...) to turn it down. The next
run of the same statement (into the same output workbook, or the workbook itself) reads those
answers from the previous ``Bank Matches`` tab:

* an accepted line whose allocations the cascade proposes again, the same invoices and the same
  amounts, is ``Matched`` (Reason starts "approved on review"), so it is applied and posted
  (``Receipts To Post``) like any certain match;
* a rejected line whose same allocations come back is not applied: it goes to ``Unmatched
  Bank`` with the rejection as its reason, and its invoices stay open for the others;
* where the proposal changed since the review (the books or the statement changed), the answer
  no longer applies: the line stays Suggested and its reason says the review is to be redone.

Only the Status cell is read, only for lines of this statement (a previous month's tab has
other bank lines), and a line whose rows carry different answers is left as proposed. A row
the run itself wrote Matched (its Confidence at the automatic threshold or above) is no answer:
re-running into an earlier output, or onto changed books, promotes nothing. A
rejection stays: the rejected line sits in the previous ``Unmatched Bank`` tab with its reason
naming the invoices turned down, and the same invoices proposed again are turned down again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ar_excel.core.matching.booking import MATCHED
from ar_excel.core.matching.recorded import key_text
from ar_excel.core.money import TOTAL_DECIMALS
from ar_excel.names import match_key

APPROVE = {"matched", "approved", "approve", "ok", "yes", "y", "confirmed", "accepted", "accept",
           "✓", "✔", "معتمد", "موافق", "موافقة", "نعم", "تم", "مطابق", "مؤكد"}
REJECT = {"rejected", "reject", "no", "n", "wrong", "declined", "not matched", "✗", "✘",
          "مرفوض", "رفض", "لا", "خطأ", "غير مطابق"}
_APPROVE_KEYS = {match_key(w) for w in APPROVE}
_REJECT_KEYS = {match_key(w) for w in REJECT}
_REJECTED = re.compile(r"^the suggestion \((?P<invoices>.*?)\) was rejected on review")
# The same reason as an Arabic workbook shows it (``io.reasons_ar``), read back alike.
REJECTED_AR = "رُفض الاقتراح ({}) عند المراجعة"
_REJECTED_AR = re.compile("^" + re.escape(REJECTED_AR).replace(r"\{\}", "(?P<invoices>.*?)"))


@dataclass(frozen=True)
class Review:
    approved: bool
    # (Invoice No, Applied Amount); a rejection carried over from an Unmatched Bank reason
    # knows the invoices only (amount None): the same invoices are turned down again.
    allocations: frozenset[tuple[str | None, float | None]]

    def fits(self, proposed: frozenset[tuple[str | None, float]]) -> bool:
        if all(a is None for _, a in self.allocations):
            return {i for i, _ in proposed} == {i for i, _ in self.allocations}
        return proposed == self.allocations


def _answer(status: object, confidence: object = None) -> bool | None:
    """True for an acceptance, False for a rejection, None for no answer. ``Matched`` is what
    the run itself writes for a confident allocation: it is a person's answer only on a row
    whose Confidence is below the automatic threshold (the run wrote Suggested there)."""
    key = match_key(str(status)) if isinstance(status, str) else ""
    if key == "matched":
        try:
            return True if float(confidence) < MATCHED else None
        except (TypeError, ValueError):
            return None
    if key in _APPROVE_KEYS:
        return True
    if key in _REJECT_KEYS:
        return False
    return None


def _allocation(invoice: object, applied: object) -> tuple[str | None, float] | None:
    """(Invoice No, Applied Amount) of a Bank Matches row, amounts to the fils (exact for
    every currency); None when the amount cannot be read."""
    try:
        amount = round(float(applied), TOTAL_DECIMALS)
    except (TypeError, ValueError):
        return None
    return key_text(invoice), amount


def _key(line: object, date: object, amount: object) -> tuple[str, object, object]:
    """A bank line as a review names it: its id, booking date and amount. Ids alone repeat from
    month to month where a statement numbers its lines 1, 2, 3."""
    try:
        day = pd.Timestamp(date).normalize() if date is not None else None
    except (TypeError, ValueError):
        day = None
    try:
        value = round(float(amount), TOTAL_DECIMALS)
    except (TypeError, ValueError):
        value = None
    return str(line), None if day is pd.NaT else day, value


def reviews_from(previous: pd.DataFrame | None, lines: pd.DataFrame,
                 previous_unmatched: pd.DataFrame | None = None) -> dict[str, Review]:
    """The answers a person gave in a previous ``Bank Matches`` tab (and the rejections kept in
    a previous ``Unmatched Bank`` tab), per bank line of this statement (``lines``: its Bank
    Line, Date and Amount; a previous row counts for the line of the same id, date and amount,
    or of the same id where the tab has no Date or amount column)."""
    if previous_unmatched is None and (previous is None or not len(previous)):
        return {}  # (no earlier tab, nothing answered: the lines' keys are not worked out)
    current = {str(b): _key(b, d, a) for b, d, a in zip(
        lines["Bank Line"], lines["Date"] if "Date" in lines else [None] * len(lines),
        lines["Amount"] if "Amount" in lines else [None] * len(lines), strict=True)}

    def same_line(frame: pd.DataFrame, amount_column: str) -> pd.Series:
        ids = frame["Bank Line"].astype(str)
        known = ids.isin(current.keys())
        if "Date" not in frame or amount_column not in frame:
            return known
        return known & pd.Series([k and current[i] == _key(i, d, a) for i, d, a, k in zip(
            ids, frame["Date"], frame[amount_column], known, strict=True)], index=frame.index)

    out: dict[str, Review] = {}
    if previous_unmatched is not None and {"Bank Line", "Reason"} <= set(previous_unmatched):
        kept = previous_unmatched[same_line(previous_unmatched, "Amount")]
        for line, reason in zip(kept["Bank Line"].astype(str), kept["Reason"], strict=True):
            found = (_REJECTED.match(reason) or _REJECTED_AR.match(reason)
                     if isinstance(reason, str) else None)
            if found:
                invoices = {None if i == "on account" else i
                            for i in found["invoices"].split(", ")}
                out[line] = Review(False, frozenset((i, None) for i in invoices))
    if previous is None or not len(previous) or not {"Bank Line", "Status", "Invoice No",
                                                      "Applied Amount"} <= set(previous.columns):
        return out
    rows = previous[same_line(previous, "Bank Amount")]
    for line, part in rows.groupby(rows["Bank Line"].astype(str), sort=False):
        confidence = part["Confidence"] if "Confidence" in part else [None] * len(part)
        answers = {_answer(s, c) for s, c in zip(part["Status"], confidence, strict=True)}
        allocations = {_allocation(i, a) for i, a in zip(part["Invoice No"], part["Applied Amount"],
                                                         strict=True)}
        if len(answers) != 1 or None in answers or None in allocations:
            continue
        out[line] = Review(answers.pop(), frozenset(allocations))
    return out


def apply_reviews(matches: pd.DataFrame, unmatched: pd.DataFrame, lines: pd.DataFrame,
                  reviews: dict[str, Review]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``matches`` and ``unmatched`` with the answers of ``reviews`` applied to this run's
    Suggested lines (see the module docstring)."""
    if not reviews or not len(matches):
        return matches, unmatched
    matches = matches.copy()
    line_ids = matches["Bank Line"].astype(str)
    rejected: list[tuple[str, float, str]] = []
    drop = pd.Series(False, index=matches.index)
    for line, review in reviews.items():
        rows = matches.index[(line_ids == line) & (matches["Status"] == "Suggested")]
        if not len(rows):
            continue  # settled for certain this time, or not allocated at all
        part = matches.loc[rows]
        proposed = frozenset(_allocation(i, a) for i, a in zip(
            part["Invoice No"], part["Applied Amount"], strict=True))
        if not review.fits(proposed):
            matches.loc[rows, "Reason"] = ("the proposal changed since it was reviewed: review "
                                           "again; " + part["Reason"].astype(str))
        elif review.approved:
            matches.loc[rows, "Status"] = "Matched"
            matches.loc[rows, "Reason"] = "approved on review; " + part["Reason"].astype(str)
        else:
            drop[rows] = True
            invoices = ", ".join(sorted({i for i, _ in proposed if i} or {"on account"}))
            rejected.append((line, float(part["Applied Amount"].sum()),
                             f"the suggestion ({invoices}) was rejected on review"))
    if rejected:
        matches = matches[~drop].reset_index(drop=True)
        unmatched = _with_rejected(unmatched, lines, rejected)
    return matches, unmatched


def _with_rejected(unmatched: pd.DataFrame, lines: pd.DataFrame,
                   rejected: list[tuple[str, float, str]]) -> pd.DataFrame:
    """The rejected lines added to ``unmatched`` (or their unallocated amount raised where the
    line is there already), credits in statement order before the debits."""
    unmatched = unmatched.copy()
    ids = unmatched["Bank Line"].astype(str)
    position = {str(b): p for p, b in enumerate(lines["Bank Line"])}
    new_rows = []
    for line, amount, why in rejected:
        at = unmatched.index[ids == line]
        if len(at):
            unmatched.loc[at[0], "Unallocated Amount"] = round(
                float(unmatched.loc[at[0], "Unallocated Amount"]) + amount, TOTAL_DECIMALS)
            unmatched.loc[at[0], "Reason"] = f"{why}; {unmatched.loc[at[0], 'Reason']}"
            continue
        src = lines.iloc[position[line]]
        new_rows.append({c: src.get(c) for c in unmatched.columns if c in src.index}
                        | {"Unallocated Amount": amount, "Reason": why, "Candidates": ""})
    if new_rows:
        added = pd.DataFrame(new_rows, columns=unmatched.columns)
        added["Date"] = pd.to_datetime(added["Date"])
        unmatched = pd.concat([unmatched, added], ignore_index=True)
    key = pd.DataFrame({"debit": unmatched["Amount"].astype("float64") < 0,
                        "pos": unmatched["Bank Line"].astype(str).map(position)})
    order = key.sort_values(["debit", "pos"], kind="stable").index
    return unmatched.loc[order].reset_index(drop=True)
