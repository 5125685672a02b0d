"""An invoice list keyed by an 'Account' column of customers, one of them the walk-in
customer kept as 'Sundry Debtors' (two cash-counter invoices). Worked out by hand: four
invoices, three customers (Nile Foods 100.00, Delta Traders 50.00, Sundry Debtors 100.00).
Before: the two 'Sundry Debtors' lines named the receivable account, so the column was read
as each line's ledger account (as QuickBooks' Transaction List prints it under customer
headings) and the list had no customer column at all: 'sheet 'Invoices' has no column for
Customer ID'."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def test_a_walk_in_customer_named_sundry_debtors_is_a_customer(tmp_path):
    path = save_sheets(tmp_path / "b.xlsx", {"Invoices": [
        ["Invoice No", "Account", "Invoice Date", "Amount"],
        ["1", "Nile Foods", date(2026, 11, 1), 100],
        ["2", "Delta Traders", date(2026, 11, 2), 50],
        ["3", "Sundry Debtors", date(2026, 11, 3), 70],
        ["4", "Sundry Debtors", date(2026, 11, 4), 30]]})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == [
        "Nile Foods", "Delta Traders", "Sundry Debtors", "Sundry Debtors"]
    assert book.invoices.groupby("Customer ID")["Amount"].sum().to_dict() == {
        "Delta Traders": 50, "Nile Foods": 100, "Sundry Debtors": 100}


def test_customer_sub_accounts_by_code_and_name_are_customers(tmp_path):
    """Ledgers keeping an account per customer print it as its code and name ('100001 Nile
    Foods'), as a general ledger account reads ('1100 Trade Debtors'): in a flat list with
    no customer headings they are its customers. Before: the column was read as each line's
    ledger account and the list had no customer column (Nile Foods' 170.00 unread)."""
    path = save_sheets(tmp_path / "c.xlsx", {"Invoices": [
        ["Invoice No", "Account", "Invoice Date", "Amount"],
        ["1", "100001 Nile Foods", date(2026, 11, 1), 100],
        ["2", "100002 Delta Traders", date(2026, 11, 2), 50],
        ["3", "100001 Nile Foods", date(2026, 11, 3), 70]]})
    book = read_book(path)
    assert book.invoices.groupby("Customer ID")["Amount"].sum().to_dict() == {
        "100001 Nile Foods": 170, "100002 Delta Traders": 50}


def test_a_flat_transaction_list_s_accounts_are_never_its_customers(tmp_path):
    """QuickBooks' Transaction List exported flat (no customer headings): its Account column
    names the receivable beside 'Undeposited Funds', 'Checking' and 'Estimates', ledger
    accounts all; they are never read as customers ('Accounts Receivable (A/R)' owing
    18,000.00): the customers are under 'Name', read since tests/test_h222_customer_beside_
    account.py (before, the list was refused: 'no column for Customer ID')."""
    ar = "Accounts Receivable (A/R)"
    path = save_sheets(tmp_path / "qb.xlsx", {"Transaction List": [
        ["Date", "Transaction Type", "Num", "Name", "Memo/Description", "Account", "Amount"],
        ["10/01/2026", "Invoice", "1001", "Nile Foods", None, ar, "10,000.00"],
        ["11/15/2026", "Payment", "77", "Nile Foods", None, "Undeposited Funds", "2,000.00"],
        ["11/18/2026", "Deposit", None, "Nile Foods", "samples", "Checking", "750.00"],
        ["09/15/2026", "Invoice", "1003", "Delta Traders", None, ar, "8,000.00"],
        ["11/22/2026", "Estimate", "1008", "Delta Traders", None, "Estimates", "4,000.00"]]})
    book = read_book(path)
    assert set(book.invoices["Customer ID"]) == {"Nile Foods", "Delta Traders"}
