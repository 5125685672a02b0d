"""Document types as ERPs export them (helper-197).

QuickBooks' (and Zoho Books') Sales Receipt is a cash sale: the money came at the sale, so
nothing is owed and nothing owed is received. A Transaction List by Customer with Nile Foods'
invoice of 3,500.00 and a Sales Receipt of 750.00 showed A/R 2,750.00: the cash sale read as a
customer's receipt. By hand: 3,500.00 owed. Beside Sage 50's own types (SI, SR, SC) a Sales
Receipt is Sage's customer receipt and still takes money off the account.

Codes real ERPs write for money received or a credit, each read as what it is (before: 'is no
document type ar_excel reads' and, written positive, read as an invoice adding to A/R):
UC (Sage 300's unapplied cash), PY (Sage 300's receipt), Prepayment, Customer Deposit,
Bank Receipt and On Account are money received (held on account); CRN is a credit note."""

from __future__ import annotations

from datetime import date
from datetime import datetime as D
from pathlib import Path

import pytest

from ar_excel.core.ledger import open_items
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)


def _transaction_list(tmp_path: Path) -> Path:
    return save_sheets(tmp_path / "qb.xlsx", {
        "Customer Contact List": [
            ["Customer Contact List"], [], ["Customer", "Email", "Bill to"],
            ["Nile Foods", "ap@nile.com", "Cairo"], ["Delta Traders", "ap@delta.com", "Giza"]],
        "Transaction List by Customer": [
            ["Nile Trading Co."], ["Transaction List by Customer"], ["November 2026"],
            [None, "Date", "Transaction Type", "Num", "Posting", "Memo/Description", "Account",
             "Amount"],
            ["Delta Traders"],
            [None, "11/03/2026", "Invoice", "1042", "Yes", None, "Accounts Receivable (A/R)",
             2000],
            [None, "11/20/2026", "Payment", "77", "Yes", None, "Undeposited Funds", 500],
            ["Total for Delta Traders", None, None, None, None, None, None, 2500],
            ["Nile Foods"],
            [None, "11/02/2026", "Invoice", "1040", "Yes", None, "Accounts Receivable (A/R)",
             3500],
            [None, "11/05/2026", "Sales Receipt", "1041", "Yes", "Walk-in order",
             "Undeposited Funds", 750],
            ["Total for Nile Foods", None, None, None, None, None, None, 4250]]})


def _balances(book) -> dict[str, float]:
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    return {k: round(float(v), 2) for k, v in
            items.groupby("Customer ID")["Open Amount"].sum().items()}


def test_a_quickbooks_sales_receipt_is_a_cash_sale_not_a_receipt(tmp_path):
    book = read_book(_transaction_list(tmp_path))
    assert _balances(book) == {"Delta Traders": 1500.0, "Nile Foods": 3500.0}
    said = [(i.cell, i.message) for i in book.issues if i.cell == "C11"]
    assert said == [("C11", "1 cash sale(s) (paid at the sale): not receivables nor "
                            "receipts, counted as 0 (C11)")]


def test_a_sage_sales_receipt_beside_its_sales_invoices_is_a_receipt(tmp_path):
    book = read_book(save_sheets(tmp_path / "sage.xlsx", {
        "Customers": [["Customer ID", "Name"], ["NIL001", "Nile Foods"]],
        "Invoices": [["Type", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["SI", "1040", "NIL001", D(2026, 11, 2), 3500],
                     ["Sales Receipt", "R-12", "NIL001", D(2026, 11, 5), 750]]}))
    assert _balances(book) == {"NIL001": 2750.0}
    assert not [i for i in book.issues if "cash sale" in i.message]


@pytest.mark.parametrize(("code", "kind"), [
    ("UC", "Payment"), ("PY", "Payment"), ("Prepayment", "Payment"),
    ("Customer Deposit", "Payment"), ("Bank Receipt", "Payment"), ("On Account", "Payment"),
    ("CRN", "Credit Note")])
def test_each_erp_code_is_read_as_what_it_is(tmp_path, code, kind):
    book = read_book(save_sheets(tmp_path / "codes.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Doc Type", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["Invoice", "INV-1", "C1", D(2026, 11, 2), 10000],
                     ["Invoice", "INV-2", "C1", D(2026, 11, 3), 4000],
                     [code, "D-7", "C1", D(2026, 11, 10), 1000]]}))
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    credit = items[items["Document No"] == "D-7"]
    assert (credit["Item Type"].tolist(), credit["Open Amount"].tolist()) == ([kind], [-1000.0])
    assert _balances(book) == {"C1": 13000.0}
    assert [i.message for i in book.issues if "document type" in i.message] == []


def test_a_cash_sale_is_no_line_of_the_customers_statement(tmp_path):
    """Counted 0, the cash sale was listed on Nile Foods' statement as 'Invoice 1041' of
    0.00 beside its invoice of 3,500.00; a sale paid at once is no line of the account."""
    import contextlib
    import io

    import openpyxl

    from ar_excel.cli import main

    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["statements", str(_transaction_list(tmp_path)), "--as-of", "2026-11-30",
                     "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Customer Statements"].iter_rows(values_only=True))
    head = rows[0]
    nile = [(r[head.index("Type")], r[head.index("Document")], r[head.index("Debit")],
             r[head.index("Balance")]) for r in rows[1:]
            if r[0] == "Nile Foods" and r[head.index("Type")] != "Aging"]
    assert nile == [("Opening balance", None, None, 0), ("Invoice", "1040", 3500, 3500),
                    ("Closing balance", None, None, 3500)]
