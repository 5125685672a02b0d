"""An invoice list that says more of its invoices is paid than the Payments sheet records.

A clerk's register often keeps each invoice's paid-to-date or balance (``المسدد``,
``الرصيد``) beside a receipts sheet holding only the month's receipts. The contract reads the
receipts from Payments where there is such a sheet: the register's Balance and Paid Amount
columns are then not used (``core.ledger``), so an invoice the register shows paid before
the receipts sheet begins stays owed in full, with nothing said. One Input Issue at the
column names the invoices whose stated paid amount exceeds what the Payments rows naming
them add up to (``core.paid_as_stated``), and by how much, so the missing receipts are
recorded (or the Payments sheet is left out and the list aged by its columns). Nothing is
changed: the figures stay the contract's.
"""

from __future__ import annotations

from ar_excel.core.paid_as_stated import STATED, paid_beyond_receipts
from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book


def paid_beyond_the_receipts(book: Book) -> None:
    """The Input Issue described in the module docstring, where it applies."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or payments is None:
        return
    found = paid_beyond_receipts(invoices.frame, payments.frame)
    if found is None:
        return
    # each invoice at the cell saying it is paid: its Balance, else its Paid Amount
    cells = [invoices.cell(i, c) for i, c in zip(found.rows, found.columns, strict=True)]
    # (both named, Balance first, where some rows give a balance and others only a paid figure)
    said = " / ".join(f"'{invoices.headers.get(c, c)}'" for c in STATED if c in found.columns)
    book.issues.append(invoices.issue(found.rows[0], found.columns[0], (
        f"{len(found.rows)} invoice(s) the list shows paid for {found.missing:,.2f} more than "
        f"the Payments rows naming them add up to ({cells_named(cells)}): with a Payments "
        f"sheet the receipts are read from it, not from the {said} column, so that part is "
        f"still owed; record those receipts in Payments, or leave the Payments sheet out to "
        f"age the list by {said}")))
