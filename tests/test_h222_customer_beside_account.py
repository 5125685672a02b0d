"""The customer column of an invoice list where the first header naming a customer is each
line's ledger account, and of a list whose account column is headed in Arabic.

QuickBooks' flat Transaction List (no heading per customer) prints each line's Account
('Accounts Receivable (A/R)', 'Undeposited Funds', 'Checking') and the customer under 'Name'.
Worked out by hand: Nile Foods owes 10,000.00 less its Payment of 2,000.00 = 8,000.00 (its
bank Deposit of 750.00 counts 0); Delta Traders 8,000.00 (its Estimate 0). Before: 'Account'
set aside as the ledger's account, the list had 'no column for Customer ID' and was refused.

A hand-kept Arabic list heads its customers' sub-accounts 'الحساب' (Account), as an English
one heads them 'Account': Nile Foods (120101) owes 100.00 + 70.00 = 170.00, Delta (120102)
50.00. Before: 'no column for Customer ID'."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AR = "Accounts Receivable (A/R)"


def _totals(book):
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    return dict(zip(aging["Customer ID"], aging["Total"], strict=True))


def test_quickbooks_flat_transaction_list_names_its_customers(tmp_path):
    book = read_book(save_sheets(tmp_path / "qb.xlsx", {"Transaction List": [
        ["Date", "Transaction Type", "Num", "Name", "Memo/Description", "Account", "Split",
         "Amount"],
        ["10/01/2026", "Invoice", "1001", "Nile Foods", None, AR, "Sales", "10,000.00"],
        ["11/15/2026", "Payment", "77", "Nile Foods", None, "Undeposited Funds", AR,
         "2,000.00"],
        ["11/18/2026", "Deposit", None, "Nile Foods", "cash for samples", "Checking", "Sales",
         "750.00"],
        ["09/15/2026", "Invoice", "1003", "Delta Traders", None, AR, "Sales", "8,000.00"],
        ["11/22/2026", "Estimate", "1008", "Delta Traders", None, "Estimates", "Sales",
         "4,000.00"]]}))
    assert not [i for i in book.issues if "no column" in i.message]
    assert book.invoices["Customer ID"].tolist() == ["Nile Foods"] * 3 + ["Delta Traders"] * 2
    assert _totals(book) == {"Nile Foods": 8000, "Delta Traders": 8000}


def test_sub_accounts_headed_account_in_arabic(tmp_path):
    book = read_book(save_sheets(tmp_path / "ar.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل"], ["120101", "شركة النيل للأغذية"],
                    ["120102", "الدلتا للتجارة"]],
        "الفواتير": [["رقم الفاتورة", "الحساب", "التاريخ", "المبلغ"],
                     ["1", "120101 شركة النيل للأغذية", datetime(2026, 11, 1), 100],
                     ["2", "120102 الدلتا للتجارة", datetime(2026, 11, 2), 50],
                     ["3", "120101 شركة النيل للأغذية", datetime(2026, 11, 3), 70]]}))
    assert not [i for i in book.issues if "no column" in i.message]
    assert _totals(book) == {"120101": 170, "120102": 50}
