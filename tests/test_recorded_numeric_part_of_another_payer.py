"""A recorded receipt's invoice written by its numeric part, on a line that another customer
is known for sure to have paid.

Payments records RC-1 of Cairo Steel (C4), 7,500.00 on 3 November, for F-2026-0815. The bank
credits 7,500.00 on the 5th: 'TRF FROM DELTA FOODS S.A.E. INV 325,815'. 815 is the numeric
part of F-2026-0815, and of Delta Foods' own open SI-26/00815 too; with 325 (SI-26/00325) the
two make the amount exactly. Before, the numeric part paired the line with RC-1 (Matched,
'already in the books, not applied again') and Delta Foods' invoices stayed open. From a payer
known for sure, a numeric part writes that payer's invoice: the line pays Delta Foods' two
invoices, and RC-1 stays recorded in the books and not in the bank.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy
from tests.test_matching_rules import CUSTOMERS, frame, lines

INVOICES = frame("Invoices", [
    {"Invoice No": "F-2026-0815", "Customer ID": "C4", "Invoice Date": "2026-10-20",
     "Amount": 7500.00},
    {"Invoice No": "SI-26/00325", "Customer ID": "C2", "Invoice Date": "2026-09-20",
     "Amount": 5000.00},
    {"Invoice No": "SI-26/00815", "Customer ID": "C2", "Invoice Date": "2026-10-23",
     "Amount": 2500.00},
])
PAYMENTS = frame("Payments", [
    {"Payment ID": "RC-1", "Customer ID": "C4", "Date": "2026-11-03", "Amount": 7500.00,
     "Invoice No": "F-2026-0815"}])


def reconcile(desc: str):
    stmt = lines({"date": "2026-11-05", "amount": 7500.00, "desc": desc},
                 {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"})
    items = open_items(CUSTOMERS, INVOICES, PAYMENTS, pd.Timestamp("2026-11-30"))
    return match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=PAYMENTS)


def allocations(result) -> list[tuple]:
    m = result.matches[result.matches["Bank Line"] == "L1"]
    return sorted((i, c, round(a, 2), meth, st) for i, c, a, meth, st in m[
        ["Invoice No", "Customer ID", "Applied Amount", "Method", "Status"]].itertuples(
            index=False, name=None))


def test_a_numeric_part_from_another_payer_known_for_sure_is_that_payers_invoice():
    r = reconcile("TRF FROM DELTA FOODS S.A.E. INV 325,815")
    assert allocations(r) == [("SI-26/00325", "C2", 5000.0, "multi-invoice", "Matched"),
                              ("SI-26/00815", "C2", 2500.0, "multi-invoice", "Matched")]
    assert r.unbanked["Payment ID"].tolist() == ["RC-1"]


def test_the_numeric_part_still_pairs_the_receipt_without_another_payer():
    r = reconcile("TRF INV 815")
    assert allocations(r) == [("F-2026-0815", "C4", 7500.0, "recorded", "Matched")]
    assert len(r.unbanked) == 0
