"""Invoice dates of an invoice list that gives due dates only (an ERP's aging report:
"Customer, Document No, Due Date, Amount, 0-30, 31-60 ..."): the invoice date is never
taken to be the due date, nor invented without saying so.

* Where the invoice's own Payment Terms, else its customer's, are known in days counted from
  the invoice date, the invoice date is the due date less those days; one Input Issue says
  how many were worked out so, and where. A credit note (a negative amount) falls due on its
  own date (the ledger's rule): its date is its due date.
* Terms counting from a month's end ("Net 30 EOM") cannot be counted back to one day, and a
  customer without terms has none: those invoice dates stay blank, and one Input Issue says
  so. Every job copes with an undated invoice: the aging goes by due date, an undated item
  is taken to exist on the as-of date, DSO and the invoice date checks leave it out.
* In such a list the due date stands in for the invoice date: a row without one is said at
  its cell, as a blank invoice date would be.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book, Issue, Table
from ar_excel.schema import TERMS_EOM


def invoice_dates_from_due_dates(book: Book) -> None:
    """Give an invoice list without an Invoice Date column the invoice dates its due dates
    and terms tell (in place), and say what was worked out and what stays unknown."""
    invoices = book.tables.get("Invoices")
    if invoices is None or "Invoice Date" in invoices.headers or \
            "Due Date" not in invoices.headers:
        return
    frame = invoices.frame
    due = pd.to_datetime(frame["Due Date"])
    days = _terms_days(invoices, book.tables.get("Customers"))
    credit = (frame["Amount"] < 0).to_numpy(bool)
    days = days.where(~credit, 0)
    dated = due.notna().to_numpy(bool) & (days.notna().to_numpy(bool) | credit)
    if dated.any():
        counted = pd.to_timedelta(days[dated].astype("float64"), unit="D")
        frame.loc[dated, "Invoice Date"] = (due[dated] - counted).to_numpy()
    sheet, header = invoices.sheet, invoices.headers["Due Date"]
    at = frame.index[dated]
    if len(at):
        cells = [invoices.cell(i, "Due Date") for i in at]
        notes = " (a credit note: its own date)" if credit[dated].any() else ""
        book.issues.append(Issue(
            sheet, cells[0], header, None,
            f"sheet '{sheet}' has no Invoice Date column: {len(cells)} invoice date(s) worked "
            f"out as the {header} less the Payment Terms{notes} ({cells_named(cells)})"))
    unknown = frame.index[due.notna().to_numpy(bool) & ~dated]
    if len(unknown):
        cells = [invoices.cell(i, "Due Date") for i in unknown]
        book.issues.append(Issue(
            sheet, cells[0], header, None,
            f"sheet '{sheet}' has no Invoice Date column and no Payment Terms in days for "
            f"{len(cells)} invoice(s): their invoice dates are left blank (aged by their "
            f"{header}; DSO and the invoice date checks leave them out) ({cells_named(cells)})"))
    _blank_due_dates(book, invoices, due)


def _terms_days(invoices: Table, customers: Table | None) -> pd.Series:
    """Each invoice's terms in days counted from its invoice date: its own, else its
    customer's; blank where none are known or they count from a month's end."""
    frame = invoices.frame
    days = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if customers is not None and "Payment Terms" in customers.frame:
        master = customers.frame.drop_duplicates("Customer ID").set_index("Customer ID")
        theirs = master["Payment Terms"].astype("Int64")
        if TERMS_EOM in master:
            theirs = theirs.where(master[TERMS_EOM].isna())
        days = frame["Customer ID"].map(theirs).astype("Int64")
    if "Payment Terms" in invoices.headers:
        own = frame["Payment Terms"].astype("Int64")
        if TERMS_EOM in frame:
            month_end = frame[TERMS_EOM].notna().to_numpy(bool)
            days = days.where(~month_end)
            own = own.where(~month_end)
        days = own.where(own.notna(), days)
    return days


def _blank_due_dates(book: Book, invoices: Table, due: pd.Series) -> None:
    """A row of such a list with no due date has no date at all: said at its cell (unless
    its cell could not be read, said already)."""
    said = {(i.sheet, i.cell) for i in book.issues}
    header = invoices.headers["Due Date"]
    for i in invoices.frame.index[np.flatnonzero(due.isna().to_numpy(bool))]:
        cell = invoices.cell(i, "Due Date")
        if (invoices.sheet, cell) not in said:
            book.issues.append(Issue(invoices.sheet, cell, header, None,
                                     f"{header} is required but blank (the sheet has no "
                                     f"Invoice Date column)"))
