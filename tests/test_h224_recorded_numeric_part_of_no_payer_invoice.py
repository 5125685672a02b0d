"""A recorded receipt's invoice written by its numeric part on a line whose payer, known for
sure, is another customer with no open invoice the line names.

Payments records RC-1 of Cairo Steel (C4), 7,500.00 on 3 November, for F-2026-0815. The bank
credits 7,500.00 on the 5th: 'TRF FROM DELTA FOODS S.A.E. INV 815'. Delta Foods (C2) owes
SI-26/00700, 7,500.00, and has no invoice numbered 815: 815 can only be F-2026-0815, recorded
two days before for this amount (a related company paying Cairo Steel's invoice). The line is
RC-1, already in the books. Since 12c42f6 (a numeric part from a payer known for sure evidences
only that payer's receipts) the pairing was refused and the line was Matched to SI-26/00700 by
its amount alone (amount+payer), RC-1 listed as unbanked: Delta Foods' invoice closed by money
the books already hold. Where the payer's own open invoice is named (the 12c42f6 case,
tests/test_recorded_numeric_part_of_another_payer.py), its invoice it stays.
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
    {"Invoice No": "SI-26/00700", "Customer ID": "C2", "Invoice Date": "2026-10-23",
     "Amount": 7500.00},
])
PAYMENTS = frame("Payments", [
    {"Payment ID": "RC-1", "Customer ID": "C4", "Date": "2026-11-03", "Amount": 7500.00,
     "Invoice No": "F-2026-0815"}])


def test_a_numeric_part_naming_none_of_the_payers_invoices_is_the_recorded_receipts():
    stmt = lines({"date": "2026-11-05", "amount": 7500.00,
                  "desc": "TRF FROM DELTA FOODS S.A.E. INV 815"},
                 {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"})
    items = open_items(CUSTOMERS, INVOICES, PAYMENTS, pd.Timestamp("2026-11-30"))
    r = match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=PAYMENTS)
    m = r.matches[r.matches["Bank Line"] == "L1"]
    assert m[["Invoice No", "Customer ID", "Applied Amount", "Method", "Status"]].values.tolist(
        ) == [["F-2026-0815", "C4", 7500.0, "recorded", "Matched"]]
    assert len(r.unbanked) == 0
