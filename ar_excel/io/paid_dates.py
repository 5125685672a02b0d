"""A hand-kept invoice register that writes each invoice's payment on its own row: a Paid
Amount (or a Balance) and the day it was paid (``Paid Date``, تاريخ السداد).

Without a Payments sheet such a list is taken as it states what is open (``ledger.
open_as_stated``): today's balances at every as-of date, so an invoice paid on 3 December
was missing from the Aging as of 30 November, and the month's receipts were not known (the
KPIs' Receipts and CEI blank). The paid date says when: each invoice's paid part is a
receipt of that day naming the invoice, as a Payments row would be. The ledger then applies
it from that day on (an earlier as-of date shows the invoice owed), and the KPIs, the
statements and the payment history read it as any receipt.

Only where the column holds paid dates for sure: every invoice with a paid part has a date
and every date stands beside a paid part. Otherwise (a paid invoice without a date, a date
beside an unpaid invoice: an expected or due date kept under that name) the list is taken
as it states, as before, and one Input Issue names the cells. Nothing is lost either way:
the register's own columns are read as written. Nor where the list keeps its receipts on
rows of their own (a سند قبض row): those dated rows are the money the paid parts show
(``io.list_receipts``).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.entries import received_rows
from ar_excel.core.ledger import CENT
from ar_excel.core.list_receipts_applied import column_for
from ar_excel.core.paid_as_stated import STATED, paid_as_stated
from ar_excel.core.paid_in_the_list import PAID_IN_THE_LIST
from ar_excel.model import ROW, SHEET, Book, Issue, Table
from ar_excel.schema import empty_frame

PAID_DATE = "Paid Date"
_SHOWN = 5  # cells named in a message


def _paid_parts(frame: pd.DataFrame) -> pd.Series:
    """Each row's part the list says is paid (its Amount less what it states open); 0 on a
    credit note and a row without an amount. A number on several rows here is not an
    invoice's lines (``line_items.one_row_per_invoice`` kept one row of those): it is rows
    the ledger keeps apart, an invoice's instalments, each with its own paid part and date,
    as the list read as it states counts them."""
    # (core's rule, unrounded: the ledger's open_as_stated rounds what is open to two decimals
    # where no currency is given, and a KWD invoice of 1,000.125 with 0.125 open was paid
    # 999.995, leaving 0.130 owed)
    return paid_as_stated(frame).fillna(0.0)


def _cells(table: Table, rows: pd.Index, column: str) -> str:
    letter = table.letters.get(column, "")
    cells = [f"{letter}{int(table.frame.at[i, ROW])}" for i in rows[:_SHOWN]]
    return ", ".join(cells) + (" ..." if len(rows) > _SHOWN else "")


def receipts_from_paid_dates(book: Book) -> None:
    """The module docstring's rule: a Payments table read from the register's paid parts and
    paid dates, where there is no Payments sheet (or an empty one)."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or (payments is not None and len(payments.frame)):
        return
    frame = invoices.frame
    if PAID_DATE not in frame or not frame[PAID_DATE].notna().any() or not any(
            c in frame and frame[c].notna().any() for c in STATED):
        return
    if received_rows(frame).any():
        # the list keeps its receipts on rows of their own, dated: they are the money the
        # paid parts show (list_receipts reads them so); receipts made of the paid parts
        # as well would count it twice (F-1 20,000 paid on 5 Nov beside RC-1 -20,000)
        return
    paid = _paid_parts(frame)
    dated = frame[PAID_DATE].notna()
    undated = frame.index[(paid >= CENT) & ~dated]
    unpaid = frame.index[(paid < CENT) & dated]
    header = invoices.headers.get(PAID_DATE, PAID_DATE)
    if len(undated) or len(unpaid):
        said = []
        if len(undated):
            said.append(f"{len(undated)} paid invoice(s) without a date "
                        f"({_cells(invoices, undated, 'Invoice No')})")
        if len(unpaid):
            said.append(f"{len(unpaid)} date(s) beside an invoice the list shows unpaid "
                        f"({_cells(invoices, unpaid, PAID_DATE)})")
        first = (undated if len(undated) else unpaid)[0]
        book.issues.append(Issue(
            invoices.sheet_at(first), _cells(invoices, pd.Index([first]), PAID_DATE), header,
            None, f"column '{header}' not read as the days invoices were paid: "
                  f"{'; '.join(said)}; the list is taken as it states what is open, today's "
                  f"balances at every date"))
        return
    rows = frame.index[paid >= CENT]
    if not len(rows):
        return
    receipts = empty_frame("Payments").reindex(range(len(rows)))
    # (the ID as the list's other receipts are named; an Arabic tab words it, io.reasons_ar)
    receipts["Payment ID"] = [f"{n}{PAID_IN_THE_LIST}" for n in frame.loc[rows, "Invoice No"]]
    receipts["Customer ID"] = frame.loc[rows, "Customer ID"].to_numpy(dtype=object)
    receipts["Date"] = pd.to_datetime(frame.loc[rows, PAID_DATE]).to_numpy()
    receipts["Amount"] = paid[rows].to_numpy(dtype="float64")  # (rounded by paid_as_stated)
    receipts["Invoice No"] = frame.loc[rows, "Invoice No"].to_numpy(dtype=object)
    if "Currency" in frame and frame["Currency"].notna().any():
        receipts["Currency"] = frame.loc[rows, "Currency"].to_numpy(dtype=object)
    receipts[ROW] = frame.loc[rows, ROW].to_numpy(dtype="int64")
    if SHEET in frame:
        receipts[SHEET] = frame.loc[rows, SHEET].to_numpy(dtype=object)
    amount_from = column_for(frame)  # the column the list states its paid parts in
    letters = {"Payment ID": invoices.letters.get("Invoice No", ""),
               "Customer ID": invoices.letters.get("Customer ID", ""),
               "Date": invoices.letters.get(PAID_DATE, ""),
               "Amount": invoices.letters.get(amount_from, ""),
               "Invoice No": invoices.letters.get("Invoice No", "")}
    headers = {"Date": header, "Amount": invoices.headers.get(amount_from, amount_from),
               "Invoice No": invoices.headers.get("Invoice No", "Invoice No"),
               "Customer ID": invoices.headers.get("Customer ID", "Customer ID"),
               "Payment ID": invoices.headers.get("Invoice No", "Invoice No")}
    book.tables["Payments"] = Table(
        "Payments", invoices.sheet, receipts, receipts.astype(object).where(
            receipts.notna(), None), letters={k: v for k, v in letters.items() if v},
        header_row=invoices.header_row, headers=headers)
    book.unusable.pop("Payments", None)
    days = pd.to_datetime(frame.loc[rows, PAID_DATE])
    book.issues.append(Issue(
        invoices.sheet_at(rows[0]), _cells(invoices, rows[:1], PAID_DATE), header, None,
        f"{len(rows)} invoice(s) paid on the day column '{header}' gives "
        f"({_cells(invoices, rows, PAID_DATE)}; {days.min():%Y-%m-%d} .. "
        f"{days.max():%Y-%m-%d}): each paid part read as a "
        f"receipt of that day naming its invoice, so an earlier as-of date shows it owed"))
