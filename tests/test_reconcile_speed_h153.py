"""Speed-ups of the reconcile job's ledger and statement reading that must change no answer
(helper-153): each keeps the rule it speeds up, and where a pure function was rewritten the
old one is kept here as the reference it is checked against."""

from __future__ import annotations

import pandas as pd

import ar_excel.core.returned_cheques as rc
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
