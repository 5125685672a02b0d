"""The receipts a document list keeps beside invoices whose paid part it states, read as the
money those paid parts are (``core.list_receipts_applied``), with one Input Issue naming
them."""

from __future__ import annotations

from ar_excel.core.list_receipts_applied import applied_receipts, column_for, with_applied
from ar_excel.model import ROW, Book, Issue

_SHOWN = 5  # cells named in the message


def list_receipts_as_applied(book: Book) -> None:
    """Where there are no Payments rows: the list's receipts that say nothing of their
    application paid its invoices' stated paid parts (written in the list's Paid Amount, or
    Balance), not money on account again."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or (payments is not None and len(payments.frame)):
        return
    parts = applied_receipts(invoices.frame)
    if parts.empty:
        return
    frame = invoices.frame
    column = column_for(frame)
    header = invoices.headers.get(column, column)
    invoices.frame = with_applied(frame, parts)
    letter = invoices.letters.get("Invoice No", invoices.letters.get("Amount", ""))
    cells = [f"{letter}{int(frame.at[i, ROW])}" for i in parts.index[:_SHOWN]]
    shown = ", ".join(cells) + (" ..." if len(parts) > _SHOWN else "")
    book.issues.append(Issue(
        invoices.sheet_at(parts.index[0]), cells[0], invoices.headers.get("Invoice No", ""),
        None, f"{len(parts)} receipt(s) listed beside the invoices ({shown}) say nothing of "
              f"what they paid: read as the money the invoices' '{header}' shows paid (oldest "
              f"first, per customer), not as money on account again"))
