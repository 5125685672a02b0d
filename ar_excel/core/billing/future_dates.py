"""Invoices dated after the as-of date.

Rule: an invoice dated after the run's as-of date is a Warning, ``INVOICE_AFTER_AS_OF``. It
is a slip in the date (2027 typed for 2026, a day and a month swapped) or an invoice raised
ahead of time; either way the ledger leaves it out of every balance, aging and statement as
of that date, so a person should look at it. Credit notes are not judged here.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.billing.context import KEY, BillingBook
from ar_excel.core.billing.findings import dates, empty, findings
from ar_excel.model import ROW


def invoices_after_as_of(book: BillingBook) -> pd.DataFrame:
    """INVOICE_AFTER_AS_OF: an invoice dated after the as-of date."""
    inv = book.invoices
    as_of = pd.Timestamp(book.as_of).normalize()
    dated = pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    later = (dated > as_of) & (inv["Amount"] > 0)
    later = later.fillna(False).astype(bool)
    if not later.any():
        return empty()
    bad = inv[later]
    days = (dated[later] - as_of).dt.days
    return findings(
        "INVOICE_AFTER_AS_OF", n=len(bad), sheet=book.sheet_of("Invoices", bad), row=bad[ROW],
        field="Invoice Date", invoice=bad["Invoice No"], customer=bad["Customer ID"],
        amount=bad["Amount"], document=bad[KEY], arabic=book.arabic,
        params={"date": dates(bad["Invoice Date"]), "as_of": as_of.strftime("%Y-%m-%d"),
                "days": [str(int(d)) for d in days]},
    )
