"""A workbook without a customer list (an ERP's receivables export handed over on its own:
SAP's line items, QuickBooks' Open Invoices, an aging report) still names its customers: the
customer list is then the customers its invoice list and receipts name, each by its ID as
written, named by the list's customer name column where it has one (else by the ID). One
Input Issue says so. Nothing else is known of them: no credit limit is set, no terms (due
dates are the list's own), no tax ID; the aging, credit and collections jobs run on the
ledger as it stands instead of refusing the workbook.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.io.customer_keys import name_column
from ar_excel.model import ROW, Book, Issue, Table
from ar_excel.schema import empty_frame


def customers_from_lists(book: Book) -> None:
    """Give a book without a Customers sheet the customers its invoices and receipts name."""
    if "Customers" in book.tables or "Customers" in book.unusable:
        return
    invoices = book.tables.get("Invoices")
    if invoices is None or "Customer ID" not in invoices.frame:
        return
    frame = invoices.frame
    ids = frame["Customer ID"]
    names_at = name_column(invoices)
    firsts = ids.dropna().drop_duplicates()
    names = frame.loc[firsts.index, names_at] if names_at else firsts
    rows = frame.loc[firsts.index, ROW]
    payments = book.tables.get("Payments")
    if payments is not None and "Customer ID" in payments.frame:
        more = payments.frame["Customer ID"].dropna().drop_duplicates()
        more = more[~more.isin(firsts.tolist())]
        if len(more):  # a receipt from a customer without an invoice in the list
            firsts = pd.concat([firsts, more], ignore_index=True)
            names = pd.concat([names.reset_index(drop=True), more.reset_index(drop=True)],
                              ignore_index=True)
            rows = pd.concat([rows.reset_index(drop=True),
                              payments.frame.loc[more.index, ROW].reset_index(drop=True)],
                             ignore_index=True)
    if not len(firsts):
        return
    master = empty_frame("Customers")
    master = master.reindex(range(len(firsts)))
    master["Customer ID"] = firsts.to_numpy(object)
    master["Name"] = [n if isinstance(n, str) and n.strip() else i
                      for n, i in zip(names.tolist(), firsts.tolist(), strict=True)]
    master[ROW] = rows.to_numpy("int64")
    raw = master[["Customer ID", "Name", ROW]].astype(object)
    letters = {"Customer ID": invoices.letters.get("Customer ID", "A"),
               "Name": invoices.letters.get(names_at, invoices.letters.get("Customer ID", "A"))
               if names_at else invoices.letters.get("Customer ID", "A")}
    headers = {"Customer ID": invoices.headers.get("Customer ID", "Customer ID"),
               "Name": names_at or invoices.headers.get("Customer ID", "Customer ID")}
    book.derived["Customers"] = invoices.sheet
    book.tables["Customers"] = Table("Customers", invoices.sheet, master, raw, letters,
                                     invoices.header_row, headers)
    book.issues.append(Issue(
        invoices.sheet, f"{letters['Customer ID']}{invoices.header_row}",
        headers["Customer ID"], None,
        f"the workbook has no customer list: its {len(firsts)} customer(s) are the ones "
        f"'{invoices.sheet}' names (no credit limits, payment terms or tax IDs known)"))
