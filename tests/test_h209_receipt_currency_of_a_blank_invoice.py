"""A customer master and invoice list that state no currency (the company's own), the
receipts stating EGP: the ledger applies R-1 (12,000.00) to F-101 (10,000.00) and R-2
(3,000.00) to F-103, but the reader said of each 'a receipt in EGP names invoice F-101,
which is in nan: none of it is applied to F-101 ... F-101 stays open' (the invoices'
currencies, all blank, came back as NaN and were taken for a currency)."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def test_a_receipt_in_egp_on_invoices_stating_no_currency_is_applied_and_not_said(tmp_path):
    path = save_sheets(tmp_path / "b.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods", None],
                      ["C2", "Delta Traders", None]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["F-101", "C1", D(2026, 10, 1), D(2026, 10, 31), 10000],
                     ["F-102", "C1", D(2026, 11, 10), D(2026, 12, 10), 5000],
                     ["F-103", "C2", D(2026, 9, 15), D(2026, 10, 15), 8000]],
        "Payments": [["Payment ID", "Customer ID", "Payment Date", "Amount", "Invoice No",
                      "Currency"],
                     ["R-1", "C1", D(2026, 11, 20), 12000, "F-101", "EGP"],
                     ["R-2", "C2", D(2026, 11, 21), 3000, "F-103", "EGP"]]})
    book = read_book(path)
    assert [i.message for i in book.issues if "names invoice" in i.message] == []
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    detail = next(t.frame for t in result.tabs if t.name == "Aging Detail")
    open_invoices = detail[detail["Item Type"] == "Invoice"]
    assert dict(zip(open_invoices["Invoice No"], open_invoices["Open Amount"], strict=True)) == {
        "F-102": 5000, "F-103": 5000}
