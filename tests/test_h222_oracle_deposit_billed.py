"""Oracle Receivables' Deposit class is a document billed to the customer (a commitment
invoiced ahead of the goods), with its number, due date and open balance, not QuickBooks'
bank Deposit (money banked, no number, nothing open). Worked out by hand: Gulf Medical
Supplies owes 23,000.00 (10081, current) + 11,500.00 (10032, 90+) + the Deposit 10095 of
10,000.00 open (due 12 December: current) = 44,500.00, current 33,000.00. Before: the
Deposit was 'never touches the receivable', counted 0 (34,500.00)."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets
from tests.test_reports_unseen_oracle_receivables import CUSTOMERS, TRANSACTIONS


def _aging(tmp_path, open_amount):
    rows = TRANSACTIONS + [["1002", "Gulf Medical Supplies", "10095", "DEP", "Deposit",
                            "12-NOV-2026", "12-DEC-2026", "SAR", "10,000.00", open_amount]]
    book = read_book(save_sheets(tmp_path / "oracle.xlsx", {
        "Customers": CUSTOMERS, "Open Transactions": rows}))
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    return book, aging.loc["1002"]


def test_an_oracle_deposit_with_its_balance_open_is_owed(tmp_path):
    book, gms = _aging(tmp_path, "10,000.00")
    assert (gms["Current"], gms["90+"], gms["Total"]) == (33000, 11500, 44500)
    assert [i.cell for i in book.issues if "never touch" in i.message] == []


def test_an_oracle_deposit_paid_in_part_owes_its_balance(tmp_path):
    book, gms = _aging(tmp_path, "4,000.00")
    assert (gms["Current"], gms["Total"]) == (27000, 38500)
