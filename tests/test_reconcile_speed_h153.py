"""Speed-ups of the reconcile job's ledger and statement reading that must change no answer
(helper-153): each keeps the rule it speeds up, and where a pure function was rewritten the
old one is kept here as the reference it is checked against."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import ar_excel.core.returned_cheques as rc
from ar_excel.core.matching import classify as c
from ar_excel.core.matching.normalize import Joined, fold_text
from ar_excel.core.returned_cheques import reversed_pairs


def _payments(rows):
    return pd.DataFrame(rows, columns=["Payment ID", "Customer ID", "Date", "Amount",
                                       "Invoice No", "Reference", "Method"]).assign(
        Date=lambda f: pd.to_datetime(f["Date"]))


def test_a_book_without_returned_cheques_reads_no_cheque_numbers(monkeypatch):
    """A register's References are one per receipt, all distinct (202,881 on the bench
    book): with no returned cheque among its rows none of them is read."""
    read = []
    key = rc._cheque_key
    monkeypatch.setattr(rc, "_cheque_key", lambda v: read.append(v) or key(v))
    pay = _payments([("P1", "C1", "2026-07-10", 1000.0, "I1", "CHQ 4411", "Cheque"),
                     ("P2", "C1", "2026-07-20", 2000.0, None, "CHQ 4412", "Cheque"),
                     ("X", "C1", "2026-07-26", -300.0, None, "CHQ 4412", "Refund")])
    assert reversed_pairs(pay).tolist() == [False, False, False]
    assert read == []


def test_a_returned_cheque_without_its_invoice_still_pairs_by_its_number(monkeypatch):
    pay = _payments([("P1", "C1", "2026-07-10", 2000.0, None, "CHQ-4411", "Cheque"),
                     ("P2", "C1", "2026-07-20", 2000.0, None, "CHQ 4412", "Cheque"),
                     ("P2R", "C1", "2026-07-25", -2000.0, None, "chq4412", "Returned cheque"),
                     ("P3R", "C1", "2026-07-26", -2000.0, None, "4413", "Bounced")])
    assert reversed_pairs(pay).tolist() == [False, True, True, False]


# ------------------------------------------------------------------ a statement classified

def _inflow_categories_before(folded: list[str]) -> list[str | None]:
    """``classify.inflow_categories`` as it was before the trigger words were looked for in
    the whole statement at once (each line held by some alternative tried every word)."""
    joined = Joined(folded)
    if not joined.apart:
        return [c.inflow_category(t) for t in folded]
    has_trigger = [any(t in literal for t in c._TRIGGERS) for _, _, literal in c._RULE_ALTERNATIVES]
    holds: dict[int, list[int]] = {}
    found = c._lines_with_literals(joined)
    for a, (_, _, literal) in enumerate(c._RULE_ALTERNATIVES):
        for line in found[literal]:
            holds.setdefault(line, []).append(a)
    out: list[str | None] = [None] * len(folded)
    for line, alternatives in holds.items():
        text = folded[line]
        if not any(has_trigger[a] for a in alternatives) and not any(t in text for t in c._TRIGGERS):
            continue
        m = c._rules_pattern(tuple(alternatives)).search(text)
        if m is not None:
            out[line] = c._CATEGORY[m.lastgroup]
    return out


def _words() -> list[str]:
    return sorted({*c._TRIGGERS, *(lit for _, _, lit in c._RULE_ALTERNATIVES if lit),
                   "BID BOND RELEASE", "TABBY PAYOUT", "MID 44100231", "INTL", "PRINT", "CO",
                   "INV-2026-00042", "من", "شركه", "ايداع نقدي", "TRF FROM", "ACME", "12"})


_PIECE = st.one_of(st.sampled_from(_words()),
                   st.text(alphabet="ABCDEINORSTUL -/.:#0129رد تحويلمن", max_size=8))
_LINE = st.lists(_PIECE, max_size=6).map(lambda ws: fold_text(" ".join(ws)))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(texts=st.lists(_LINE, max_size=40))
def test_a_statement_is_classified_as_before_and_as_line_by_line(texts):
    got = c.inflow_categories(texts)
    assert got == _inflow_categories_before(texts)
    assert got == [c.inflow_category(t) for t in texts]
    joined = Joined(texts)
    if joined.apart:  # each word's lines, whether read from shorter words' lines or scanned
        found = c._lines_with_literals(joined)
        assert found == {w: {i for i, t in enumerate(texts) if w in t} for w in c._LITERALS}
