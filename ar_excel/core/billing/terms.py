"""Due dates follow the customer's payment terms.

Rule: a stated Due Date equals the Invoice Date plus the invoice's own Payment Terms where the
invoice list states them, else the customer's Payment Terms in days
(the ledger's rule for a blank Due Date, so both agree). Where it does not:

* a due date before the invoice date is an Error;
* a due date later than the terms allow is an Error: it gives credit nobody approved and
  delays the cash;
* an earlier due date is a Warning: the customer will pay on its terms and the invoice
  will look overdue too soon.

Credit notes, blank due dates and customers without terms are not judged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import KEY, BillingBook
from ar_excel.core.billing.findings import dates, empty, findings, signed
from ar_excel.core.ledger import due_dates, terms_from_month_end
from ar_excel.model import ROW


def due_date_terms(book: BillingBook) -> pd.DataFrame:
    """DUE_DATE_INCONSISTENT: Due Date ≠ Invoice Date + the customer's Payment Terms."""
    inv = book.invoices
    terms = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")["Payment Terms"]
    days = inv["Customer ID"].map(terms)
    if "Payment Terms" in inv:  # the invoice's own terms, where it states them (as the ledger)
        days = inv["Payment Terms"].where(inv["Payment Terms"].notna(), days)
    judged = (inv["Due Date"].notna() & inv["Invoice Date"].notna() & days.notna()
              & ~(inv["Amount"] < 0))
    inv = inv[judged]
    if inv.empty:
        return empty()
    expected = due_dates(inv.assign(**{"Due Date": pd.NaT}), book.customers)
    due = pd.to_datetime(inv["Due Date"]).dt.normalize()
    diff = (due - expected.dt.normalize()).dt.days
    before = due < pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    bad = (diff != 0) | before
    inv, diff, before, expected = inv[bad], diff[bad], before[bad], expected[bad]
    if inv.empty:
        return empty()
    severity = np.where(before | (diff > 0), ERROR, WARNING)
    # terms counted from a month's end are said so: the invoice's month (0) or the next (1)
    month_end = terms_from_month_end(inv, book.customers)
    counted_from = np.where(month_end.eq(1).fillna(False).to_numpy(bool), "eom_next",
                            np.where(month_end.notna().to_numpy(), "eom", None))
    return findings(
        "DUE_DATE_INCONSISTENT", n=len(inv), sheet=book.sheet("Invoices"), row=inv[ROW],
        field="Due Date", invoice=inv["Invoice No"], customer=inv["Customer ID"],
        amount=inv["Amount"], document=inv[KEY], arabic=book.arabic, severity=severity,
        variant=np.where(before, "before", counted_from).tolist(),
        params={"due": dates(inv["Due Date"]), "date": dates(inv["Invoice Date"]),
                "terms": [str(int(t)) for t in days.loc[inv.index]],
                "expected": dates(expected), "diff": signed(diff.tolist())},
    )
