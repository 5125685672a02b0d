"""Due dates follow the customer's payment terms.

Rule: a stated Due Date equals the Invoice Date plus the invoice's own Payment Terms where the
invoice list states them, else the customer's Payment Terms in days
(the ledger's rule for a blank Due Date, so both agree). Where it does not:

* a due date before the invoice date is an Error;
* a due date later than the terms allow is an Error: it gives credit nobody approved and
  delays the cash;
* an earlier due date is a Warning: the customer will pay on its terms and the invoice
  will look overdue too soon.

End-of-month terms ("30 days EOM", "نهاية الشهر") are read as the days after the end of the
invoice's month; a due date that another common reading of them gives (the month's end
after adding the days; the end of the next month for 30 days) is accepted too: the terms
do not say which the customer agreed. Terms of whole months (``شهرين``, ``3 months``,
``60 days``) also accept the due date that many calendar months on (Excel's EDATE).

Terms counted from the goods' receipt or delivery ("30 يوم من تاريخ الاستلام", "30 days
from delivery") cannot be held to the invoice date: the day the goods arrived is in no sheet.
Any due date from the invoice date up to the terms plus a delivery's time (60 days) after the
invoice's is accepted; one later still is an Error saying the terms count from receipt.

The instalments of an invoice after its first (``installments``: a row each, one number)
fall due as the schedule agreed: only the first is held to the terms.

A retention invoice (``retention``: its type or narration says "Retention", "محتجزات")
falls due when the works are accepted: a due date later than the terms is expected there.

An interest note or a finance charge (its document type says so: Dynamics 365's 'Interest',
QuickBooks' 'Finance Charge', Dynamics GP's 'FIN', Sage 300's 'IT' beside its invoices) due
the day it is charged follows no terms: it charges for paying late, under no sale's terms.
One due later is still held to them.

Credit notes and blank due dates are not judged; for a customer without terms only a due
date before the invoice date is (wrong whatever the terms).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import KEY, BillingBook
from ar_excel.core.billing.findings import dates, empty, findings, signed
from ar_excel.core.billing.installments import later_instalments
from ar_excel.core.billing.retention import retention_invoices
from ar_excel.core.debit_types import INTEREST_TYPES
from ar_excel.core.entries import SAGE_300_INTEREST, sage_300_kinds, type_column
from ar_excel.core.ledger import due_dates, terms_from_month_end
from ar_excel.model import ROW
from ar_excel.names import match_key


def _month_end_readings(inv: pd.DataFrame, days: pd.Series, month_end: pd.Series,
                        due: pd.Series) -> pd.Series:
    """True where end-of-month terms counted from the invoice's month give the stated due
    date by one of the other readings ERPs use for them: the month's end after adding the
    days (SAP's, Odoo's "30 days, end of month"), or, for whole months of days, the end of
    the month that many months on ("30 days EOM" as the end of the next month)."""
    eom = month_end.eq(0).fillna(False).to_numpy(dtype=bool) & days.notna().to_numpy()
    out = pd.Series(False, index=inv.index)
    if not eom.any():
        return out
    start = pd.to_datetime(inv["Invoice Date"]).dt.normalize()[eom]
    n = pd.to_numeric(days[eom], errors="coerce").fillna(0).astype("int64")
    after_days = start + pd.to_timedelta(n, unit="D") + pd.offsets.MonthEnd(0)
    months = n // 30
    whole = (n % 30 == 0) & (months > 0)
    month_ends = pd.Series([s + pd.offsets.MonthEnd(0) + pd.offsets.MonthEnd(int(m)) if w
                            else pd.NaT for s, m, w in zip(start, months, whole, strict=True)],
                           index=start.index, dtype="datetime64[ns]")
    out[eom] = (due[eom] == after_days) | (due[eom] == month_ends)
    return out


def _calendar_months(inv: pd.DataFrame, days: pd.Series, month_end: pd.Series,
                     due: pd.Series) -> pd.Series:
    """True where terms of whole months of days ("شهرين", "3 months", "60 days") give the
    stated due date as that many calendar months on: 10 Nov + 2 months = 10 Jan, not the
    60th day (9 Jan); the way Excel's EDATE and most ERPs count months."""
    n = pd.to_numeric(days, errors="coerce")
    whole = (n > 0) & (n % 30 == 0) & month_end.isna()
    out = pd.Series(False, index=inv.index)
    start = pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    for months in sorted(set((n[whole] // 30).astype("int64"))):
        at = whole & (n // 30 == months)
        out[at] = due[at] == start[at] + pd.DateOffset(months=int(months))
    return out


# Beside Payment Terms (Customers, Invoices): True on the rows whose terms count from the
# goods' receipt or delivery, as the reader marks them (``io.receipt_terms``).
TERMS_FROM_RECEIPT = "_terms_from_receipt"
# The longest a delivery is taken to take after its invoice (a container from the port, a
# site's acceptance): a due date later still is no receipt's, even counted from receipt.
_RECEIPT_LAG_DAYS = 60


def _from_receipt(inv: pd.DataFrame, customers: pd.DataFrame) -> pd.Series:
    """For each invoice whose terms (its own where it states them, else its customer's)
    count from the goods' receipt or delivery (``io.receipt_terms``): True."""
    flags = pd.Series(False, index=inv.index)
    if TERMS_FROM_RECEIPT in customers:
        theirs = customers.drop_duplicates("Customer ID").set_index("Customer ID")[
            TERMS_FROM_RECEIPT]
        flags = inv["Customer ID"].map(theirs).fillna(False).astype(bool)
    if "Payment Terms" in inv:
        own = inv[TERMS_FROM_RECEIPT].fillna(False).astype(bool) if TERMS_FROM_RECEIPT in \
            inv else pd.Series(False, index=inv.index)
        flags = flags.where(inv["Payment Terms"].isna(), own)
    return flags.astype(bool)


def _interest_charges(inv: pd.DataFrame) -> pd.Series:
    """Whether each row is an interest note or finance charge (by its document type)."""
    column = type_column(inv)
    if column is None:
        return pd.Series(False, index=inv.index)
    kinds = pd.unique(inv[column].dropna())
    interest = {v for v in kinds if isinstance(v, str) and match_key(v) in INTEREST_TYPES}
    interest.update(sage_300_kinds(kinds, {SAGE_300_INTEREST}))
    return inv[column].isin(interest)


def due_date_terms(book: BillingBook) -> pd.DataFrame:
    """DUE_DATE_INCONSISTENT: Due Date ≠ Invoice Date + the customer's Payment Terms."""
    inv = book.invoices
    terms = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")["Payment Terms"]
    days = inv["Customer ID"].map(terms)
    if "Payment Terms" in inv:  # the invoice's own terms, where it states them (as the ledger)
        days = inv["Payment Terms"].where(inv["Payment Terms"].notna(), days)
    due_on = pd.to_datetime(inv["Due Date"]).dt.normalize()
    issued = pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    dated = (inv["Due Date"].notna() & inv["Invoice Date"].notna() & ~(inv["Amount"] < 0)
             & ~(_interest_charges(inv) & (due_on == issued))  # an interest note due when charged
             & ~later_instalments(inv))  # an instalment after the first: the agreed schedule
    before_all = dated & (due_on < issued)
    inv = inv[dated & (days.notna() | before_all)]
    if inv.empty:
        return empty()
    with_terms = days.loc[inv.index].notna()
    expected = pd.Series(pd.NaT, index=inv.index, dtype="datetime64[ns]")
    if with_terms.any():
        expected[with_terms] = due_dates(inv[with_terms].assign(**{"Due Date": pd.NaT}),
                                         book.customers)
    due = pd.to_datetime(inv["Due Date"]).dt.normalize()
    diff = (due - expected.dt.normalize()).dt.days
    before = before_all.loc[inv.index]
    month_end = terms_from_month_end(inv, book.customers)
    other_reading = (_month_end_readings(inv, days.loc[inv.index], month_end, due)
                     | _calendar_months(inv, days.loc[inv.index], month_end, due))
    # a retention invoice falls due when the works are accepted, long after the terms
    retained_later = retention_invoices(inv).to_numpy() & (diff > 0).fillna(False).to_numpy()
    # terms counted from receipt: the goods arrive on a day no sheet gives, around the
    # invoice's, so any due date from the invoice date to a delivery's time after the terms
    received = _from_receipt(inv, book.customers)
    in_transit = received & diff.between(-days.loc[inv.index].fillna(0), _RECEIPT_LAG_DAYS)
    bad = (with_terms & (diff != 0) & ~other_reading & ~retained_later & ~in_transit) | before
    inv, diff, before, expected = inv[bad], diff[bad], before[bad], expected[bad]
    month_end, received = month_end[bad], received[bad]
    if inv.empty:
        return empty()
    severity = np.where(before | (diff > 0), ERROR, WARNING)
    # terms counted from a month's end are said so: the invoice's month (0) or the next (1)
    counted_from = np.where(month_end.eq(1).fillna(False).to_numpy(bool), "eom_next",
                            np.where(month_end.notna().to_numpy(), "eom", None))
    counted_from = np.where(received.to_numpy(bool), "receipt", counted_from)
    return findings(
        "DUE_DATE_INCONSISTENT", n=len(inv), sheet=book.sheet_of("Invoices", inv), row=inv[ROW],
        field="Due Date", invoice=inv["Invoice No"], customer=inv["Customer ID"],
        amount=inv["Amount"], document=inv[KEY], arabic=book.arabic, severity=severity,
        variant=np.where(before, "before", counted_from).tolist(),
        params={"due": dates(inv["Due Date"]), "date": dates(inv["Invoice Date"]),
                "terms": ["" if pd.isna(t) else str(int(t)) for t in days.loc[inv.index]],
                "expected": dates(expected), "diff": signed(diff.tolist())},
    )
