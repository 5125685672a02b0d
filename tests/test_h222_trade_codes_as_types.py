"""A Type column naming each invoice's line of business by a two-letter code (IT for IT
services, AD for advertising, ED for education, HR, RF for refrigeration) is no document type
column: Sage 300's IT (interest), AD (adjustment) and RF (refund) are its codes only beside its
other documents (IN, CN, DN, PY, UC), as ED and PI already were beside its receipts.

Worked out by hand: five invoices, all owed, 5,000 + 3,000 = 8,000.00 for Gulf Media and
2,000 + 1,000 + 700 = 3,700.00 for Nile Soft, all current at 30 November (30 days' terms from
1-5 November). Before: IT and AD were document types, so ED and HR were each 'no document type
ar_excel reads', and RF 700.00 was a refund paid out (aged by its own date, 1-30 days)."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def _book(tmp_path, kinds):
    return read_book(save_sheets(tmp_path / "trade.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms"],
                      ["C1", "Gulf Media LLC", 30], ["C2", "Nile Soft", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Type"],
                     ["1001", "C1", D(2026, 11, 1), 5000, kinds[0]],
                     ["1002", "C1", D(2026, 11, 2), 3000, kinds[1]],
                     ["1003", "C2", D(2026, 11, 3), 2000, kinds[2]],
                     ["1004", "C2", D(2026, 11, 4), 1000, kinds[3]],
                     ["1005", "C2", D(2026, 11, 5), 700, kinds[4]]]}))


def _aging(book):
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    return next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")


def test_trade_codes_are_no_document_types(tmp_path):
    book = _book(tmp_path, ["IT", "AD", "ED", "HR", "RF"])
    assert [(i.cell, i.message) for i in book.issues if "document type" in i.message] == []
    aging = _aging(book)
    assert aging.loc[["C1", "C2"], "Current"].tolist() == [8000, 3700]
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [8000, 3700]


def test_sage_300_codes_beside_its_invoices_stay_read(tmp_path):
    """Beside Sage 300's IN, RF is a refund paid back (a debit, no sale), IT an interest
    charge: no issue; the refund of 700.00 still counts on the account."""
    book = _book(tmp_path, ["IN", "IT", "IN", "IN", "RF"])
    assert [i.cell for i in book.issues if "document type" in i.message] == []
    from ar_excel.core.entries import refund_rows
    assert refund_rows(book.invoices).tolist() == [False, False, False, False, True]
    assert _aging(book).loc[["C1", "C2"], "Total"].tolist() == [8000, 3700]
