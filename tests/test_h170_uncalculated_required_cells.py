"""A required cell holding a formula written by a program with no saved value (Customer ID
=VLOOKUP(...)): its Input Issue says what happens to the row. Only a blank Amount leaves the
row out; a blank Customer ID leaves the invoice in, aged under '(not in Customers)', and it
said 'so the row cannot be used'; a customer with no ID is left out, its invoices aged so."""

from __future__ import annotations

from datetime import date

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

_F = '=VLOOKUP("Alpha",Customers!A:B,1,FALSE)'
_HEAD = ("{0} holds the formula " + _F + " with no saved value (the file was written by a "
         "program, not saved by Excel) and it uses VLOOKUP, which is not worked out here, ")
_TAIL = ": open the workbook in Excel, save it and run again"


def _issues(tmp_path, sheet, cell):
    def post(wb):
        wb[sheet][cell] = _F
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C1", "Alpha", "EGP", 30], ["C2", "Beta", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I1", "C1", date(2026, 9, 1), date(2026, 10, 1), 100],
                     ["I2", "C2", date(2026, 9, 1), date(2026, 10, 1), 200]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]},
        post=post))
    return [(i.sheet, i.cell, i.column, i.message) for i in book.issues if i.cell == cell]


def test_an_invoices_customer_id_formula_says_the_invoice_is_aged_with_no_customer(tmp_path):
    message = (_HEAD.format("Customer ID") + "so it is read as blank: the invoice is aged "
               "under '(not in Customers)'" + _TAIL)
    assert _issues(tmp_path, "Invoices", "B2") == [("Invoices", "B2", "Customer ID", message)]
    arabic = arabic_message(message)
    assert arabic != message and "(غير مسجل في العملاء)" in arabic and "فلا يمكن" not in arabic


def test_a_customers_id_formula_says_the_customer_is_left_out(tmp_path):
    message = (_HEAD.format("Customer ID") + "so it is read as blank: the customer is left "
               "out and its invoices are aged under '(not in Customers)'" + _TAIL)
    assert _issues(tmp_path, "Customers", "A2") == [("Customers", "A2", "Customer ID",
                                                      message)]
    arabic = arabic_message(message)
    assert arabic != message and "(غير مسجل في العملاء)" in arabic


def test_an_invoice_number_or_date_formula_is_read_as_blank(tmp_path):
    for cell, column in (("A2", "Invoice No"), ("C2", "Invoice Date")):
        message = _HEAD.format(column) + "so it is read as blank" + _TAIL
        assert _issues(tmp_path, "Invoices", cell) == [("Invoices", cell, column, message)]


def test_an_amount_formula_still_leaves_the_row_out(tmp_path):
    message = _HEAD.format("Amount") + "so the row cannot be used" + _TAIL
    assert _issues(tmp_path, "Invoices", "E2") == [("Invoices", "E2", "Amount", message)]
