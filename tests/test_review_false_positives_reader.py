"""Ordinary, correct workbooks that the reader's heuristics for hand-tidied ERP exports must
not misread: a receipts log kept in date order with unidentified receipts (no customer filled
down from the row above), an invoice whose amount happens to equal the rows above it (kept),
a customer master with a missing ID (reported, not a subtotal), amounts grouped the usual way
beside the Indian one, a real invoice list that merely repeats a customer's amount.

An accountant expects every real row read, and nothing guessed without an Input Issue."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Credit Limit", "Payment Terms"],
             ["C001", "Nile Foods", 50000, 30], ["C002", "Delta Trading", 20000, 30],
             ["C003", "Cairo Steel", 10000, 30], ["C004", "Giza Mills", 30000, 30]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
            ["INV-1", "C001", D(2026, 10, 1), D(2026, 10, 31), 1000],
            ["INV-2", "C002", D(2026, 10, 2), D(2026, 11, 1), 2000],
            ["INV-3", "C003", D(2026, 10, 3), D(2026, 11, 2), 3000],
            ["INV-4", "C004", D(2026, 10, 4), D(2026, 11, 3), 4000]]


def _read(tmp_path, sheets: dict[str, list[list]]):
    return read_book(save_sheets(tmp_path / "book.xlsx", sheets))


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


def test_unidentified_receipts_in_a_dated_receipts_log_are_not_given_the_customer_above(
        tmp_path):
    """A month's receipts log, each customer paying once, two receipts nobody has identified
    yet (Customer ID left blank on purpose). Every customer is written once, so the list
    looks like a report grouped by customer; but its dates run in order down the whole list,
    as a log kept day by day does: the blanks are unknown payers, not Nile's and Delta's."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": [
        ["Receipt No", "Customer ID", "Payment Date", "Amount", "Invoice No"],
        ["R1", "C001", D(2026, 11, 2), 1000, "INV-1"],
        ["R2", None, D(2026, 11, 3), 500, None],
        ["R3", "C002", D(2026, 11, 4), 2000, "INV-2"],
        ["R4", None, D(2026, 11, 5), 750, None],
        ["R5", "C003", D(2026, 11, 6), 3000, "INV-3"]]})
    pay = book.payments
    assert pay["Customer ID"].tolist()[:1] + pay["Customer ID"].tolist()[2:3] == ["C001", "C002"]
    assert pay["Customer ID"].isna().tolist() == [False, True, False, True, False]
    assert pay["Amount"].tolist() == [1000, 500, 2000, 750, 3000]
    assert _issues(book) == [("Payments", "B3", "Customer ID is required but blank"),
                             ("Payments", "B5", "Customer ID is required but blank")]


def test_a_receipt_without_customer_naming_an_invoice_is_that_invoice_s_customer_s(tmp_path):
    """The same log, newest first, where the blank receipts name the invoice they pay: each is
    its invoice's customer's (Giza's INV-4, Cairo's INV-3), not the customer on the row above."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": [
        ["Receipt No", "Customer ID", "Payment Date", "Amount", "Invoice No"],
        ["R5", "C002", D(2026, 11, 6), 2000, "INV-2"],
        ["R4", None, D(2026, 11, 5), 4000, "INV-4"],
        ["R3", "C001", D(2026, 11, 4), 1000, "INV-1"],
        ["R2", None, D(2026, 11, 3), 3000, "INV-3"]]})
    assert book.payments[["Payment ID", "Customer ID"]].values.tolist() == [
        ["R5", "C002"], ["R4", "C004"], ["R3", "C001"], ["R2", "C003"]]
    assert not any("first row of each customer" in m for _, _, m in _issues(book))


def test_a_ledger_grouped_by_customer_is_still_filled_down(tmp_path):
    """The report the fill-down is for: each group's dates start again under the next
    customer, so the blanks are the customer above (said in one Input Issue)."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": [
        ["Customer ID", "Invoice No", "Invoice Date", "Due Date", "Amount"],
        ["C001", "INV-12", D(2026, 10, 1), D(2026, 10, 31), 10000],
        [None, "INV-31", D(2026, 11, 10), D(2026, 12, 10), 5000],
        ["C002", "INV-8", D(2026, 9, 15), D(2026, 10, 15), 8000],
        [None, "INV-9", D(2026, 11, 1), D(2026, 12, 1), 1000]]})
    assert book.invoices["Customer ID"].tolist() == ["C001", "C001", "C002", "C002"]
    assert _issues(book) == [("Invoices", "A3", "Customer ID is written only on the first row of "
                              "each customer's group: 2 blank cell(s) read as the customer "
                              "above (A3, A5)")]


def test_an_invoice_equal_to_the_sum_of_the_two_above_is_a_real_invoice(tmp_path):
    """INV-3 for 3,000 is 1,000 + 2,000 by chance: numbered and dated, it is read; one that
    lacks its date is still read, with the missing date reported."""
    rows = [INVOICES[0],
            ["INV-1", "C001", D(2026, 10, 1), D(2026, 10, 31), 1000],
            ["INV-2", "C001", D(2026, 10, 2), D(2026, 11, 1), 2000],
            ["INV-3", "C001", D(2026, 10, 3), D(2026, 11, 2), 3000],
            ["INV-4", "C001", None, None, 6000]]
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": rows})
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2", "INV-3", "INV-4"]
    assert book.invoices["Amount"].tolist() == [1000, 2000, 3000, 6000]
    assert _issues(book) == [("Invoices", "C5", "Invoice Date is required but blank")]


def test_a_customer_master_row_missing_its_id_is_reported_not_summed_away(tmp_path):
    """A customer whose ID is not typed yet, its limit the sum of the two above by chance
    (10,000 + 20,000): a customer missing its ID, reported at its cell, never a subtotal."""
    book = _read(tmp_path, {"Customers": [
        ["Customer ID", "Name", "Credit Limit"],
        ["C001", "Nile Foods", 10000], ["C002", "Delta Trading", 20000],
        [None, "Sinai Build", 30000], [None, "Aswan Agro", 30000]]})
    assert book.customers["Name"].tolist() == ["Nile Foods", "Delta Trading", "Sinai Build",
                                               "Aswan Agro"]
    assert book.customers["Credit Limit"].tolist() == [10000, 20000, 30000, 30000]
    assert all("sum of the rows above" not in m for _, _, m in _issues(book))


def test_usual_and_indian_digit_grouping_side_by_side(tmp_path):
    """'1,234,567.00', '12,345' and '12,50,000.00' (Indian) in one list: each its own value;
    'Dr' in a note beside an amount changes nothing."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": [
        ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Notes"],
        ["INV-1", "C001", D(2026, 10, 1), D(2026, 10, 31), "1,234,567.00", "Dr Ahmed"],
        ["INV-2", "C002", D(2026, 10, 2), D(2026, 11, 1), "12,345", None],
        ["INV-3", "C003", D(2026, 10, 3), D(2026, 11, 2), "12,50,000.00", None]]})
    assert book.invoices["Amount"].tolist() == [1234567.0, 12345.0, 1250000.0]
    assert _issues(book) == []


def test_an_unidentified_receipt_for_the_same_amount_as_the_one_above_is_read(tmp_path):
    """Two 1,000.00 transfers on consecutive days, the second from a payer not identified yet
    (numbered and dated, customer blank), and an unidentified 3,000.00 that equals the
    identified receipts above it: receipts, each read and its blank customer reported."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": [
        ["Receipt No", "Customer ID", "Payment Date", "Amount"],
        ["R1", "C001", D(2026, 11, 2), 1000],
        ["R2", None, D(2026, 11, 3), 1000],
        ["R3", "C002", D(2026, 11, 4), 2000],
        ["R4", None, D(2026, 11, 5), 3000]]})
    assert book.payments["Payment ID"].tolist() == ["R1", "R2", "R3", "R4"]
    assert book.payments["Amount"].tolist() == [1000, 1000, 2000, 3000]
    assert _issues(book) == [("Payments", "B3", "Customer ID is required but blank"),
                             ("Payments", "B5", "Customer ID is required but blank")]


def test_a_book_of_one_customer_keeps_its_account_column_as_the_customer(tmp_path):
    """A distributor's invoices, all to one customer: 'Account' holds its code on every row
    and 'Contact' the person who ordered. The one code is the customer, not a receivable
    account (Odoo's '121000 Account Receivable'): the contacts are no customers."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": [
        ["Invoice No", "Account", "Contact", "Invoice Date", "Due Date", "Amount"],
        ["INV-1", "C001", "Ahmed Samir", D(2026, 10, 1), D(2026, 10, 31), 1000],
        ["INV-2", "C001", "Mona Adel", D(2026, 10, 5), D(2026, 11, 4), 2000],
        ["INV-3", "C001", "Ahmed Samir", D(2026, 10, 9), D(2026, 11, 8), 3000]]})
    assert book.invoices["Customer ID"].tolist() == ["C001", "C001", "C001"]
    assert book.tables["Invoices"].headers["Customer ID"] == "Account"
    assert _issues(book) == []


def test_a_journal_of_the_receivable_account_still_reads_its_partners(tmp_path):
    """Journal items of the receivable account written by its name ('Accounts Receivable
    (A/R)', as QuickBooks and Xero do): the Partner column names the customers."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": [
        ["Invoice No", "Account", "Partner", "Invoice Date", "Due Date", "Amount"],
        ["INV-1", "Accounts Receivable (A/R)", "C001", D(2026, 10, 1), D(2026, 10, 31), 1000],
        ["INV-2", "Accounts Receivable (A/R)", "C002", D(2026, 10, 5), D(2026, 11, 4), 2000],
        ["INV-3", "Accounts Receivable (A/R)", "C001", D(2026, 10, 9), D(2026, 11, 8), 3000]]})
    assert book.invoices["Customer ID"].tolist() == ["C001", "C002", "C001"]


def test_a_customer_s_balance_typed_without_number_or_date_is_not_another_s_subtotal(tmp_path):
    """A hand ledger: Delta's balance brought forward typed with its customer and amount only
    (3,000.00), under Nile's two invoices that add up to 3,000.00 by chance. It is Delta's
    record missing its number and date (reported), not Nile's subtotal."""
    book = _read(tmp_path, {"Customers": CUSTOMERS, "Invoices": [
        INVOICES[0],
        ["INV-1", "C001", D(2026, 10, 1), D(2026, 10, 31), 1000],
        ["INV-2", "C001", D(2026, 10, 2), D(2026, 11, 1), 2000],
        [None, "C002", None, None, 3000],
        ["INV-3", "C002", D(2026, 10, 3), D(2026, 11, 2), 500]]})
    assert book.invoices["Customer ID"].tolist() == ["C001", "C001", "C002", "C002"]
    assert book.invoices["Amount"].tolist() == [1000, 2000, 3000, 500]
    assert sorted(_issues(book)) == [("Invoices", "A4", "Invoice No is required but blank"),
                                     ("Invoices", "C4", "Invoice Date is required but blank")]
