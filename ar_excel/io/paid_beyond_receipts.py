"""An invoice list that says more of its invoices is paid than the Payments sheet records.

A clerk's register often keeps each invoice's paid-to-date or balance (``المسدد``,
``الرصيد``) beside a receipts sheet holding only the month's receipts. The contract reads the
receipts from Payments where there is such a sheet: the register's Balance and Paid Amount
columns are then not used (``core.ledger``), so an invoice the register shows paid before
the receipts sheet begins stays owed in full, with nothing said. One Input Issue at the
column names the invoices whose stated paid amount exceeds what the Payments rows naming
them add up to, and by how much, so the missing receipts are recorded (or the Payments sheet
is left out and the list aged by its column); a customer's receipts in Payments naming no
invoice are taken to be that money first. Nothing is changed: the figures stay the
contract's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book


def paid_beyond_the_receipts(book: Book) -> None:
    """The Input Issue described in the module docstring, where it applies."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or payments is None or not len(payments.frame):
        return
    frame = invoices.frame
    column = next((c for c in ("Balance", "Paid Amount") if c in frame
                   and frame[c].notna().any()), None)
    if column is None or "Invoice No" not in frame or "Invoice No" not in payments.frame:
        return
    amount = pd.to_numeric(frame["Amount"], errors="coerce")
    said = pd.to_numeric(frame[column], errors="coerce")
    paid = amount - said if column == "Balance" else said.abs()
    receipts = payments.frame[payments.frame["Invoice No"].notna()]
    recorded = pd.to_numeric(receipts["Amount"], errors="coerce").groupby(
        receipts["Invoice No"].astype(str)).sum()
    named = frame["Invoice No"].map(lambda v: None if v is None or v != v else str(v))
    first = ~frame["Invoice No"].duplicated() & frame["Invoice No"].notna()
    gap = (paid.clip(upper=amount) - named.map(recorded).fillna(0.0)).to_numpy(dtype="float64")
    short = first.to_numpy(dtype=bool) & (amount > 0).to_numpy(dtype=bool) & (gap >= 0.005)
    if not short.any():
        return
    # a customer's receipts in Payments naming no invoice (ERPNext's and SAP's payment lists
    # name none) are the money the list shows paid: only what they do not cover is missing
    loose = payments.frame[payments.frame["Invoice No"].isna()]
    on_account = pd.to_numeric(loose["Amount"], errors="coerce").clip(lower=0.0).groupby(
        loose["Customer ID"]).sum()
    gaps = pd.Series(np.where(short, gap, 0.0), index=frame.index).groupby(
        frame["Customer ID"]).sum()
    missing = (gaps - on_account.reindex(gaps.index).fillna(0.0)).clip(lower=0.0)
    missing = missing[missing >= 0.005]
    short &= frame["Customer ID"].isin(missing.index).to_numpy(dtype=bool)
    if not short.any():
        return
    rows = frame.index[short]
    total = float(missing.sum())
    header = invoices.headers.get(column, column)
    cells = [invoices.cell(i, column) for i in rows]
    book.issues.append(invoices.issue(rows[0], column, (
        f"{len(rows)} invoice(s) the list shows paid for {total:,.2f} more than the Payments "
        f"rows naming them add up to ({cells_named(cells)}): with a Payments sheet the "
        f"receipts are read from it, not from the '{header}' column, so that part is still "
        f"owed; record those receipts in Payments, or leave the Payments sheet out to age the "
        f"list by '{header}'")))
