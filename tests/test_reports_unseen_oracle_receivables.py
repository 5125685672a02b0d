"""A Saudi distributor on Oracle Receivables, closed on Monday 30 November 2026, by pencil.

The books are Oracle's exports as they come: the customer accounts (Party Number, Party
Name, Account Number, Payment Terms "30 NET" / "IMMEDIATE", Account Status A / I) and the
open transactions (AR_OPEN_TRX_V's columns as labelled: Account Number, Bill-to Customer,
Transaction Number, Class INV / CM / PMT / DM, Transaction Type "Standard Invoice", dates as
05-AUG-2026, Amount Due Original, Balance Due, a credit as <2,300.00>): an open-items list,
no Payments sheet. The account number keys the customer; the party number is the company's,
not the account's. The bank is SNB's statement (an opening balance row, Debit / Credit, a
running balance).
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, table
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"

CUSTOMERS = [
    ["Party Number", "Party Name", "Account Number", "Account Description", "Payment Terms",
     "Credit Limit", "Credit Currency", "Tax Registration Number", "Account Status"],
    ["20001", "Al Noor Trading Co.", "1001", "Al Noor - Riyadh", "30 NET", 200000, "SAR",
     "300012345600003", "A"],
    ["20002", "Gulf Medical Supplies", "1002", "GMS Jeddah", "45 NET", 150000, "SAR",
     "300098765400003", "A"],
    ["20003", "Red Sea Contracting", "1003", "RSC", "IMMEDIATE", 0, "SAR", "300055555500003",
     "I"],
]
TRANSACTIONS = [
    ["Account Number", "Bill-to Customer", "Transaction Number", "Class", "Transaction Type",
     "Transaction Date", "Due Date", "Currency", "Amount Due Original", "Balance Due"],
    ["1001", "Al Noor Trading Co.", "10045", "INV", "Standard Invoice", "05-AUG-2026",
     "04-SEP-2026", "SAR", "57,500.00", "57,500.00"],
    ["1001", "Al Noor Trading Co.", "10077", "INV", "Standard Invoice", "20-OCT-2026",
     "19-NOV-2026", "SAR", "34,500.00", "14,500.00"],
    # a BI Publisher layout's PR number format: negatives in angle brackets
    ["1001", "Al Noor Trading Co.", "5012", "CM", "Credit Memo", "02-NOV-2026", "02-NOV-2026",
     "SAR", "<2,300.00>", "<2,300.00>"],
    ["1001", "Al Noor Trading Co.", "88231", "PMT", "Receipt", "15-NOV-2026", None, "SAR",
     "-5,000.00", "-5,000.00"],
    ["1002", "Gulf Medical Supplies", "10081", "INV", "Standard Invoice", "01-NOV-2026",
     "16-DEC-2026", "SAR", "23,000.00", "23,000.00"],
    ["1002", "Gulf Medical Supplies", "10032", "INV", "Standard Invoice", "10-JUL-2026",
     "24-AUG-2026", "SAR", "11,500.00", "11,500.00"],
    ["1003", "Red Sea Contracting", "10090", "DM", "Debit Memo", "10-NOV-2026", "10-NOV-2026",
     "SAR", "1,150.00", "1,150.00"],
]
SNB = [
    ["The Saudi National Bank"], ["Account Number", "10000012345678"],
    ["IBAN", "SA4410000010000012345678"], ["Period", "01/11/2026 - 30/11/2026"], [],
    ["Date", "Transaction Details", "Debit", "Credit", "Balance"],
    ["01/11/2026", "OPENING BALANCE", None, None, "250,000.00"],
    # Al Noor's 20,000 on 10077: applied in Oracle already (34,500 less 20,000 is its 14,500)
    ["03/11/2026", "SARIE INCOMING TRANSFER AL NOOR TRADING CO INV 10077", None,
     "20,000.00", "270,000.00"],
    # Al Noor's unapplied receipt 88231, in Oracle as a PMT line
    ["15/11/2026", "IPS INCOMING AL NOOR TRADING", None, "5,000.00", "275,000.00"],
    ["29/11/2026", "SARIE INCOMING TRANSFER GULF MEDICAL SUPPLIES INV 10032", None,
     "11,500.00", "286,500.00"],
    ["30/11/2026", "SARIE FEES + VAT", "5.75", None, "286,494.25"],
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oracle")
    book = save_sheets(folder / "book.xlsx", {"Customers": CUSTOMERS,
                                              "Open Transactions": TRANSACTIONS})
    statement = save_sheets(folder / "snb.xlsx", {"Statement": SNB})
    written = folder / "out.xlsx"
    assert main(["run", str(book), "--bank", str(statement), "--as-of", AS_OF,
                 "-o", str(written)]) == 0
    return openpyxl.load_workbook(written)


def test_aging_keyed_by_account_number_by_pencil(out):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(out["Aging"])}
    assert got == {
        # 10045 due 4 Sep: 87 days; 10077's balance 14,500 due 19 Nov: 11 days, with the
        # credit memo (-2,300 of 2 Nov) and the unapplied receipt (-5,000 of 15 Nov)
        "1001": (0, 7200, 0, 57500, 0, 64700),
        # 10081 due 16 Dec: current; 10032 due 24 Aug: 98 days
        "1002": (23000, 0, 0, 0, 11500, 34500),
        # the debit memo, IMMEDIATE: due 10 Nov, 20 days
        "1003": (0, 1150, 0, 0, 0, 1150),
    }


def test_types_and_statuses_read_without_issues(out):
    assert table(out["Input Issues"]) == []  # "Standard Invoice" is an invoice
    assert {r["Customer ID"]: r["Customer Status"] for r in table(out["Credit Status"])} == {
        "1001": "Active", "1002": "Active", "1003": "Closed"}


def test_snb_receipts_paired_with_the_books_or_matched(out):
    # the 20,000 is in the books (what the list shows paid on 10077), so is the 5,000 (the
    # PMT line 88231 of 15 Nov): not applied again; Gulf Medical's 11,500 is new: matched to
    # 10032 and to post
    assert [(r["Bank Line"], r["Invoice No"], r["Customer ID"], r["Applied Amount"],
             r["Method"], r["Status"]) for r in table(out["Bank Matches"])] == [
        ("1", "10077", "1001", 20000, "recorded", "Matched"),
        ("2", None, "1001", 5000, "recorded", "Matched"),
        ("3", "10032", "1002", 11500, "reference", "Matched")]
    assert "recorded in Payments as 88231 on 2026-11-15" in table(out["Bank Matches"])[1][
        "Reason"]
    assert table(out["Unbanked Receipts"]) == []
    assert [(r["Invoice No"], r["Amount"]) for r in table(out["Receipts To Post"])] == [
        ("10032", 11500)]
    assert [(r["Date"], r["Amount"]) for r in table(out["Unmatched Bank"])] == [
        (datetime(2026, 11, 30), -5.75)]


def test_open_transactions_under_the_views_labels(tmp_path):
    """The open transactions as a BI report labels AR_OPEN_TRX_V's columns: the customer
    account number keys the customer (not its name beside it) and the invoice currency is
    each transaction's own."""
    from ar_excel.io.reader import read_book

    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS,
        "Open Transactions": [
            ["Transaction Number", "Customer Account Number", "Customer Name",
             "Transaction Date", "Due Date", "Invoice Currency", "Original Amount",
             "Remaining Amount", "Class"],
            ["10101", "1002", "Gulf Medical Supplies", "03-NOV-2026", "18-DEC-2026", "USD",
             "4,000.00", "4,000.00", "INV"]]}))
    assert book.invoices[["Invoice No", "Customer ID", "Currency", "Amount", "Balance"]
                         ].values.tolist() == [["10101", "1002", "USD", 4000.0, 4000.0]]
    assert book.issues == []
