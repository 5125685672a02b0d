"""An open sales orders sheet heads its customer as the same book's invoice list may
('Name', as NetSuite's and QuickBooks' lists print it; Odoo's 'Partner'): the Orders sheet's
Customer ID takes the invoice list's words for it (``schema.CUSTOMER_OF_A_DOCUMENT``). Worked
out by hand: Credit Buyer owes 2,000.00 and has 1,500.00 ordered, exposure 3,500.00, over its
3,000.00 limit by 500.00. Before: the Orders sheet had "no column for Customer ID", its
orders were left out, and the customer was OK at an exposure of 2,000.00."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets


@pytest.mark.parametrize("header", ["Name", "Partner"])
def test_an_orders_customer_headed_as_the_invoices_head_it(tmp_path, header):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                      ["Q2", "Credit Buyer", "Net 30", 3000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-202", "Q2", D(2026, 11, 10), 2000.0]],
        "Sales Orders": [["Order No", header, "Date", "Amount", "Status"],
                         ["SO-22", "Credit Buyer", D(2026, 11, 25), 1500.0, "Open"]]}))
    assert book.frame("Orders")["Customer ID"].tolist() == ["Q2"]
    status = CREDIT.run(book, JobOptions(as_of=D(2026, 11, 30).date())).tabs[0].frame
    row = status.set_index("Customer ID").loc["Q2"]
    assert (row["Open Balance"], row["Open Orders"], row["Exposure"], row["Status"]) == (
        2000.0, 1500.0, 3500.0, "Over Limit")
