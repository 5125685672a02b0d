"""Headers as clerks shorten them ("Cust Code", "Inv Dt", "Amt", "VAT Reg No", "Disc %"), a
customer list without a code column (said, not silent), and re-running validate after the
clerk added a column to the customer list."""

from __future__ import annotations

import openpyxl
import pytest

from ar_excel.cli import main
from ar_excel.io.headers import alias_index, header_field
from ar_excel.io.reader import read_book
from ar_excel.schema import CUSTOMERS, INVOICES, PAYMENTS
from tests.test_reader import _book


@pytest.mark.parametrize(("schema", "header", "field"), [
    (CUSTOMERS, "Cust Code", "Customer ID"), (CUSTOMERS, "Cust. No.", "Customer ID"),
    (CUSTOMERS, "Cust #", "Customer ID"), (CUSTOMERS, "A/C No", "Customer ID"),
    (CUSTOMERS, "VAT Reg No", "Tax ID"), (CUSTOMERS, "TRN", "Tax ID"),
    (CUSTOMERS, "Disc %", "Discount %"), (CUSTOMERS, "Curr", "Currency"),
    (CUSTOMERS, "Credit Lmt", "Credit Limit"), (CUSTOMERS, "Cust Name", "Name"),
    (CUSTOMERS, "Debtor Code", "Customer ID"), (CUSTOMERS, "Debtor Name", "Name"),
    (INVOICES, "Inv No", "Invoice No"), (INVOICES, "Inv #", "Invoice No"),
    (INVOICES, "Inv. Dt", "Invoice Date"), (INVOICES, "Due Dt", "Due Date"),
    (INVOICES, "Amt (EGP)", "Amount"), (PAYMENTS, "Rcpt No", "Payment ID"),
    (PAYMENTS, "Pmt Date", "Date"),
])
def test_a_shortened_header_names_its_column(schema, header, field):
    assert header_field(header, alias_index(schema)) == field


@pytest.mark.parametrize("header", ["Region", "Sales Rep", "Notes", "Cust Group", "Inv Qty"])
def test_other_headers_name_no_column(header):
    assert header_field(header, alias_index(CUSTOMERS)) is None
    assert header_field(header, alias_index(INVOICES)) is None


def test_a_customer_master_with_shortened_headers_is_read_by_its_codes(tmp_path):
    path = _book(tmp_path, {
        "Customer Master": [
            ["Cust Code", "Customer Name", "VAT Reg No", "Curr", "Terms", "Credit Lmt", "Disc %"],
            ["C100", "Al Nour Trading Co.", "100-200-300", "EGP", 30, 250000, 2],
            ["C101", "Delta Foods", "555666777", "EGP", 45, 50000, None]],
        "Invoices": [["Inv No", "Cust Code", "Inv Dt", "Amt"],
                     ["S-1", "C100", "2026-10-01", 1000], ["S-2", "C101", "2026-10-05", 2500.5]]})
    book = read_book(path)
    assert book.customers["Customer ID"].tolist() == ["C100", "C101"]
    assert book.customers["Tax ID"].tolist() == ["100-200-300", "555666777"]
    assert book.customers["Credit Limit"].tolist() == [250000, 50000]
    assert book.customers["Discount %"].tolist()[0] == 2
    assert book.invoices["Customer ID"].tolist() == ["C100", "C101"]
    assert book.invoices["Amount"].tolist() == [1000, 2500.5]
    assert not [i for i in book.issues if "Customer ID" in i.message]


def test_a_customer_list_keyed_by_name_beside_an_unknown_code_column_says_so(tmp_path):
    path = _book(tmp_path, {
        "Customers": [["Legacy Code", "Customer Name", "Region", "Credit Limit"],
                      ["D-1", "Al Nour Trading Co.", "Cairo", 1000],
                      ["D-2", "Delta Foods", "Delta", 500]],
        "Invoices": [["Invoice No", "Customer", "Invoice Date", "Amount"],
                     ["S-1", "Delta Foods", "2026-10-01", 100]]})
    book = read_book(path)
    assert book.customers["Customer ID"].tolist() == ["Al Nour Trading Co.", "Delta Foods"]
    said = [i for i in book.issues if i.column == "Customer ID"]
    assert [(i.sheet, i.cell, i.message) for i in said] == [(
        "Customers", "B1", "sheet 'Customers' has no Customer ID column (column 'Legacy Code' "
        "is not read as one): each customer's Customer Name is read as its ID; name the code "
        "column 'Customer ID' to key by code")]


def test_a_customer_list_keyed_by_name_alone_is_read_in_silence(tmp_path):
    path = _book(tmp_path, {
        "Customers": [["Customer Name", "Region", "Credit Limit"],
                      ["Al Nour Trading Co.", "Cairo", 1000]]})
    book = read_book(path)
    assert book.customers["Customer ID"].tolist() == ["Al Nour Trading Co."]
    assert not [i for i in book.issues if i.column == "Customer ID"]


def test_validate_reruns_into_its_output_after_a_column_is_added_to_the_customers(tmp_path):
    """The hidden snapshot tab is ar_excel's own whatever its columns: a customer list that
    gained a column must not make the next run refuse to write."""
    book = _book(tmp_path, {"Customers": [["Customer ID", "Name", "Credit Limit"],
                                          ["C1", "Nile Foods", 1000], ["C2", "Delta", 500]]})
    out = tmp_path / "checks.xlsx"
    assert main(["validate", str(book), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws.insert_cols(1)  # a Region column in front
    ws["A1"], ws["A2"], ws["A3"] = "Region", "Cairo", "Delta"
    ws["C3"] = "Delta Foods"
    wb.save(book)
    assert main(["validate", str(book), "-o", str(out)]) == 0
    changes = openpyxl.load_workbook(out)["Customer Changes"]
    assert any(row and "Delta Foods" in [str(c) for c in row]
               for row in changes.iter_rows(values_only=True))


def test_the_names_as_ids_issue_in_arabic():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message(
        "sheet 'العملاء' has no Customer ID column (column 'الكود القديم' is not read as one): "
        "each customer's اسم العميل is read as its ID; name the code column 'Customer ID' to "
        "key by code") == (
        "الورقة 'العملاء' ليس فيها عمود رقم العميل (العمود 'الكود القديم' لا يُقرأ كذلك): يُقرأ "
        "اسم العميل لكل عميل رقماً له؛ سمِّ عمود الكود 'رقم العميل' ليُعرف العملاء بأكوادهم")
