"""QuickBooks' Transaction List by Customer as it exports: each line's ledger Account beside
its Transaction Type, among them documents that never touch the receivable. Worked out by
hand before running: Nile Foods owes 10,000.00 (invoice 1001) less its Payment of 2,000.00
= 8,000.00; its bank Deposit of 750.00 (cash for samples, banked straight to 'Checking'),
its Refund Receipt of 300.00 (a sale's money paid back at the till) and its Sales Receipt
(a cash sale) leave that unchanged. Delta Traders owes 8,000.00 less its credit memo of
1,000.00 = 7,000.00; its Estimate of 4,000.00 is nothing billed. Before: the 'Checking'
and 'Estimates' accounts made the Account column read as the customers (every invoice under
'Accounts Receivable (A/R)'); with that mended, the Deposit was 750.00 owed, the Refund
Receipt took 300.00 off and the Estimate was 4,000.00 owed (8,450.00 and 11,000.00)."""

from __future__ import annotations

from datetime import date

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AR = "Accounts Receivable (A/R)"


def _list(tmp_path):
    return save_sheets(tmp_path / "qb.xlsx", {"Transaction List by Customer": [
        ["Nile Co"], ["Transaction List by Customer"], ["January - November, 2026"], [],
        [None, "Date", "Transaction Type", "Num", "Memo/Description", "Account", "Amount"],
        ["Nile Foods"],
        [None, "10/01/2026", "Invoice", "1001", None, AR, "10,000.00"],
        [None, "11/15/2026", "Payment", "77", None, "Undeposited Funds", "2,000.00"],
        [None, "11/18/2026", "Deposit", None, "cash for samples", "Checking", "750.00"],
        [None, "11/20/2026", "Refund Receipt", "1006", "returned goods", "Checking", "-300.00"],
        [None, "11/21/2026", "Sales Receipt", "1007", None, "Undeposited Funds", "500.00"],
        ["Total for Nile Foods", None, None, None, None, None, "$8,950.00"],
        ["Delta Traders"],
        [None, "09/15/2026", "Invoice", "1003", None, AR, "8,000.00"],
        [None, "11/05/2026", "Credit Memo", "1005", None, AR, "-1,000.00"],
        [None, "11/22/2026", "Estimate", "1008", None, "Estimates", "4,000.00"],
        ["Total for Delta Traders", None, None, None, None, None, "$11,000.00"],
        [], [], ["Accrual Basis Monday, November 30, 2026 01:02 AM GMT+02:00"]]})


def test_documents_outside_the_receivable_count_nothing(tmp_path):
    book = read_book(_list(tmp_path))
    assert book.invoices["Customer ID"].tolist() == ["Nile Foods"] * 5 + ["Delta Traders"] * 3
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["Nile Foods", "Delta Traders"], "Total"].tolist() == [8000, 7000]
    said = [(i.cell, i.message) for i in book.issues if "never touch" in i.message]
    assert said == [("C9", "3 row(s) of documents that never touch the receivable ('Deposit', "
                           "'Refund Receipt', 'Estimate': a bank deposit, a sale's money "
                           "refunded at the till, an estimate or an order): not receivables "
                           "nor receipts, counted as 0 (C9, C10, C16)")]
    assert arabic_message(said[0][1]) != said[0][1]
    # a Deposit has no number of its own: no 'required but blank' at D9
    assert not [i for i in book.issues if i.cell == "D9"]


def test_an_account_column_of_customers_with_a_bank_in_it_stays_the_customer(tmp_path):
    """Customers whose names read as no ledger account stay customers: the column is the
    ledger's only where the receivable account itself is named on two lines or more."""
    path = save_sheets(tmp_path / "b.xlsx", {"Invoices": [
        ["Invoice No", "Account", "Invoice Date", "Amount"],
        ["1", "Nile Foods", date(2026, 11, 1), 100], ["2", "Checking Tools Co", date(2026, 11, 2), 50],
        ["3", "Receivables Finance Ltd", date(2026, 11, 3), 70],
        ["4", "Receivables Finance Ltd", date(2026, 11, 4), 30]]})
    assert read_book(path).invoices["Customer ID"].tolist() == [
        "Nile Foods", "Checking Tools Co", "Receivables Finance Ltd", "Receivables Finance Ltd"]


def test_a_statement_charge_is_a_charge_on_the_account(tmp_path):
    """QuickBooks Desktop's Statement Charge (a charge posted straight to the customer's
    account) is owed, as an invoice is: 250.00, no 'no document type' issue."""
    path = save_sheets(tmp_path / "sc.xlsx", {"Invoices": [
        ["Type", "Date", "Num", "Customer", "Amount"],
        ["Invoice", "10/01/2026", "1041", "Nile Foods", "3,500.00"],
        ["Statement Charge", "10/15/2026", "SC-3", "Nile Foods", "250.00"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [3500, 250]
    assert [i.message for i in book.issues if "no document type" in i.message] == []


def test_a_deposit_written_as_a_credit_is_money_received(tmp_path):
    """A hand-kept signed list's 'Deposit -2,000.00' is the customer's money received on
    account, not QuickBooks' bank Deposit (printed positive): it stays a credit as written,
    Nile Foods owing 10,000.00 (it was counted 0, 12,000.00 owed, with a 'never touch the
    receivable' issue)."""
    path = save_sheets(tmp_path / "d.xlsx", {"Invoices": [
        ["Type", "Invoice No", "Customer", "Invoice Date", "Amount"],
        ["Invoice", "F-1", "Nile Foods", date(2026, 10, 1), 12000],
        ["Deposit", "D-1", "Nile Foods", date(2026, 10, 20), -2000]]})
    book = read_book(path)
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc["Nile Foods", "Total"] == 10000
    assert [i.message for i in book.issues if "never touch" in i.message] == []
