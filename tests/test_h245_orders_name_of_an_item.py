"""An Orders sheet with no customer column heads its item 'Name' ('Steel pipes 2in', 3 of
them, 1,500.00). a5fcee1 gave Orders the invoice lists' customer headers, 'Name' among them:
the product became a Credit Status row 'not in the Customers sheet' with an exposure of
1,500.00, where 576b740 said the sheet had no column for Customer ID and left the order out.
A column found by such a header that names no customer of the book (by ID or by name) is not
the orders' customer: said as before, with why, at Orders A1; Credit Buyer stays OK at
2,000.00 and no other row appears. A 'Name' naming a customer is still read (a5fcee1)."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets


def _book(tmp_path, names):
    return read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                      ["C1", "Credit Buyer", "Net 30", 3000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", D(2026, 11, 1), 2000.0]],
        "Orders": [["Order No", "Name", "Qty", "Amount"],
                   *[[f"SO{n}", name, 3, 1500.0] for n, name in enumerate(names, 1)]]}))


def _status(book):
    frame = CREDIT.run(book, JobOptions(as_of=D(2026, 11, 30).date())).tabs[0].frame
    return frame[["Customer ID", "Open Orders", "Exposure", "Status"]].values.tolist()


def test_an_items_name_is_no_customer(tmp_path):
    book = _book(tmp_path, ["Steel pipes 2in", "Copper wire 4mm"])
    assert "Orders" not in book.tables
    said = [i for i in book.issues if i.sheet == "Orders"]
    assert [(i.cell, i.column) for i in said] == [("A1", "Customer ID")]
    assert said[0].message == (
        "sheet 'Orders' has no column for Customer ID: column 'Name' (B1) names no customer "
        "of sheet 'Customers' ('Steel pipes 2in' ...), so it is not read as the orders' "
        "customer and the 2 order(s) are left out (header row 1 has: Order No, Name, Qty, "
        "Amount)")
    assert arabic_message(said[0].message).startswith(
        "الورقة 'Orders' ليس فيها عمود رقم العميل: العمود 'Name' (B1)")
    assert _status(book) == [["C1", 0.0, 2000.0, "OK"]]


def test_a_name_of_a_customer_is_still_read(tmp_path):
    # one order the customer's by name, one a name the master lacks: the column is the
    # customers'; the unknown one is said as before
    book = _book(tmp_path, ["Credit Buyer", "New Trader"])
    assert book.frame("Orders")["Customer ID"].tolist() == ["C1", "New Trader"]
    assert _status(book)[0] == ["C1", 1500.0, 3500.0, "Over Limit"]
