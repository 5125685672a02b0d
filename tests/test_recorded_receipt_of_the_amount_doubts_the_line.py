"""A line whose numeric part names both a recorded receipt's invoice and one of its payer's own.

Payments records RC-1 of Cairo Steel (C4), 7,500.00 on 3 November, for F-2026-0815. The bank
credits 7,500.00 on the 5th: 'TRF FROM DELTA FOODS S.A.E. INV 815'. Delta Foods (C2) owes
SI-26/00815 of 2,500.00: 815 writes its own invoice, so the line is not paired with RC-1 by that
number (tests/test_recorded_numeric_part_of_another_payer.py). But RC-1 is exactly the line's
amount, two days before: the money may be RC-1, a related company paying Cairo Steel's
invoice, already in the books. Before, the cascade Matched 2,500.00 to SI-26/00815 and
5,000.00 on account, RC-1 listed as not in the bank; now that reading is only suggested, the
reason naming RC-1 (in Arabic too). The payer's own invoices settled exactly stay Matched.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.io.reasons_ar import arabic_reason
from ar_excel.policy import Policy
from tests.test_matching_rules import CUSTOMERS, frame, lines

PAYMENTS = frame("Payments", [
    {"Payment ID": "RC-1", "Customer ID": "C4", "Date": "2026-11-03", "Amount": 7500.00,
     "Invoice No": "F-2026-0815"}])


def reconcile(delta_owes: float):
    invoices = frame("Invoices", [
        {"Invoice No": "F-2026-0815", "Customer ID": "C4", "Invoice Date": "2026-10-20",
         "Amount": 7500.00},
        {"Invoice No": "SI-26/00815", "Customer ID": "C2", "Invoice Date": "2026-10-23",
         "Amount": delta_owes}])
    stmt = lines({"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"},
                 {"date": "2026-11-05", "amount": 7500.00,
                  "desc": "TRF FROM DELTA FOODS S.A.E. INV 815"})
    items = open_items(CUSTOMERS, invoices, PAYMENTS, pd.Timestamp("2026-11-30"))
    return match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=PAYMENTS)


def rows(result) -> list[tuple]:
    m = result.matches[result.matches["Bank Line"] == "L2"]
    return [(i if isinstance(i, str) else None, c, round(a, 2), meth, st) for i, c, a, meth, st
            in m[["Invoice No", "Customer ID", "Applied Amount", "Method", "Status"]]
            .itertuples(index=False, name=None)]


def test_a_recorded_receipt_of_the_amount_makes_the_payers_reading_a_suggestion():
    r = reconcile(2500.00)
    assert rows(r) == [("SI-26/00815", "C2", 2500.0, "overpayment", "Suggested"),
                       (None, "C2", 5000.0, "on-account", "Suggested")]
    note = ("but recorded receipt RC-1 of 2026-11-03 (F-2026-0815) has this amount and the "
            "narrative writes its invoice's number: already in the books? please confirm")
    reason = r.matches.loc[r.matches["Bank Line"] == "L2", "Reason"].iloc[0]
    assert reason.endswith(note)
    assert "لكن التحصيل المسجل RC-1 بتاريخ 2026-11-03 (F-2026-0815) بنفس المبلغ" \
        in arabic_reason(reason)


def test_the_payers_own_invoice_settled_exactly_is_matched():
    # (SI-26/00815 is 7,500.00 too: its own invoice, named and paid exactly, is the likelier
    # reading by far)
    r = reconcile(7500.00)
    assert rows(r) == [("SI-26/00815", "C2", 7500.0, "reference", "Matched")]
