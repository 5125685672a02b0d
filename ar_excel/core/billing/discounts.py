"""Discounts on invoice lines are the ones the customer was granted.

Rule: a line's Discount % is at most the customer's Discount % in Customers; more is
DISCOUNT_NOT_AGREED (Error): revenue given away without approval. Where the customer master
records discounts at all (some customer has one), a customer with none has 0 % agreed; a
master without any discount is not a reference and nothing is judged. Discounts stated as
amounts are not judged here.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.billing.context import CUSTOMER, KEY, BillingBook
from ar_excel.core.billing.findings import empty, findings, number, text
from ar_excel.model import ROW


def discounts(book: BillingBook) -> pd.DataFrame:
    """DISCOUNT_NOT_AGREED: a line's Discount % above the customer's agreed Discount %."""
    master = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")["Discount %"]
    if master.notna().sum() == 0:
        return empty()
    lines = book.lines
    agreed = lines[CUSTOMER].map(master.fillna(0.0))
    given = lines["Discount %"]
    bad = lines[given.notna() & agreed.notna() & (given > agreed + 1e-9)]
    if bad.empty:
        return empty()
    return findings(
        "DISCOUNT_NOT_AGREED", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Discount %", invoice=bad["Invoice No"], customer=bad[CUSTOMER],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={"disc": number(bad["Discount %"]), "agreed": number(agreed[bad.index]),
                "customer": text(bad[CUSTOMER])},
    )
