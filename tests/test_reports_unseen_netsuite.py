"""A NetSuite company's October, closed on Saturday 31 October 2026, checked by pencil.

The books are NetSuite saved searches pasted as they export: the customer search (ID, Name
with the Customer:Job hierarchy "Acme Corp : Cairo Branch", Terms, the entity Status
"CUSTOMER-Closed Won"), the transaction search of invoices and credit memos (m/d/yyyy dates
as text, "Due Date/Receive By", the amount twice: "Amount (Foreign Currency)" in the
invoice's currency and "Amount" in the company's USD, "Amount Remaining", credits in
parentheses) and the payment search, whose "Applied To Transaction" shows the invoice as
NetSuite links it ("Invoice #INV10466"). The month's cash came through Payoneer: its
activity CSV with a Status column (a cancelled and a pending line).
"""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, table
from tests._workbooks import save_sheets

AS_OF = "2026-10-31"

CUSTOMERS = [
    ["Internal ID", "ID", "Name", "Email", "Phone", "Terms", "Credit Limit", "Currency",
     "Status", "Balance"],
    [1201, "CUST1001", "Acme Corp", "ap@acme.example", "212-555-0100", "Net 30", 50000, "USD",
     "CUSTOMER-Closed Won", 11750],
    [1202, "CUST1002", "Acme Corp : Cairo Branch", "cairo@acme.example", "+20 2 2555 0101",
     "Net 30", 20000, "USD", "CUSTOMER-Closed Won", 5600],
    [1203, "CUST1003", "Hamburg Handel GmbH", "fin@hh.example", None, "Net 60", 40000, "EUR",
     "CUSTOMER-Closed Won", 11700],
    [1204, "CUST1004", "Delta Trading", "ar@delta.example", None, "Due on receipt", None, "USD",
     "CUSTOMER-Renewal", 3300],
]
INVOICES = [
    ["Date", "Type", "Document Number", "Name", "Status", "Due Date/Receive By", "Currency",
     "Exchange Rate", "Amount (Foreign Currency)", "Amount", "Amount Remaining", "Memo"],
    ["6/15/2026", "Invoice", "INV10388", "Acme Corp : Cairo Branch", "Open", "7/15/2026", "USD",
     1, "2,400.00", "2,400.00", "2,400.00", None],
    ["7/20/2026", "Invoice", "INV10412", "Hamburg Handel GmbH", "Open", "9/18/2026", "EUR",
     1.17, "10,000.00", "11,700.00", "11,700.00", None],
    # due 14 November by agreement, not Acme's Net 30 (15 October)
    ["9/15/2026", "Invoice", "INV10451", "Acme Corp", "Open", "11/14/2026", "USD", 1,
     "12,500.00", "12,500.00", "12,500.00", None],
    ["9/28/2026", "Invoice", "INV10466", "Acme Corp : Cairo Branch", "Open", "10/28/2026",
     "USD", 1, "8,200.00", "8,200.00", "3,200.00", None],
    ["10/3/2026", "Invoice", "INV10480", "Acme Corp", "Paid In Full", "11/2/2026", "USD", 1,
     "4,000.00", "4,000.00", "0.00", None],
    ["10/12/2026", "Credit Memo", "CM1007", "Acme Corp", "Open", None, "USD", 1, "(750.00)",
     "(750.00)", "(750.00)", "Returned goods"],
    ["10/20/2026", "Invoice", "INV10495", "Delta Trading", "Open", "10/20/2026", "USD", 1,
     "3,300.00", "3,300.00", "3,300.00", None],
]
PAYMENTS = [
    ["Date", "Type", "Document Number", "Name", "Applied To Transaction", "Amount", "Currency",
     "Memo"],
    ["10/10/2026", "Payment", "PYMT2201", "Acme Corp : Cairo Branch", "Invoice #INV10466",
     "5,000.00", "USD", "Wire"],
    ["10/25/2026", "Payment", "PYMT2207", "Acme Corp", "Invoice #INV10480", "4,000.00", "USD",
     "Payoneer"],
]
PAYONEER = [
    ["Transaction Date", "Transaction ID", "Description", "Amount", "Currency", "Status"],
    ["10/10/2026", "118000001", "Payment from Acme Corp Cairo Branch INV10466", "5,000.00",
     "USD", "Completed"],
    ["10/15/2026", "118000002", "Payment from Delta Trading", "3,300.00", "USD", "Canceled"],
    ["10/25/2026", "118000003", "Payment from ACME CORP INV10480", "4,000.00", "USD",
     "Completed"],
    ["10/27/2026", "118000004", "Payment from Acme Corp - INV10451", "12,500.00", "USD",
     "Completed"],
    ["10/28/2026", "118000005", "Payment from Delta Trading INV10495", "3,280.00", "USD",
     "Completed"],
    ["10/29/2026", "118000006", "Withdrawal to bank account ****1234", "-10,000.00", "USD",
     "Completed"],
    ["10/30/2026", "118000007", "Payment from Hamburg Handel", "2,000.00", "USD", "Pending"],
    ["10/30/2026", "118000008", "Annual account fee", "-29.95", "USD", "Completed"],
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("netsuite")
    book = save_sheets(folder / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                              "Payments": PAYMENTS})
    statement = folder / "payoneer.csv"
    with statement.open("w", newline="") as f:
        csv.writer(f).writerows(PAYONEER)
    written = folder / "out.xlsx"
    assert main(["run", str(book), "--bank", str(statement), "--as-of", AS_OF,
                 "-o", str(written)]) == 0
    return openpyxl.load_workbook(written)


def test_aging_in_each_invoice_currency_by_pencil(out):
    got = {(r["Customer ID"], r["Currency"]): tuple(r[b] for b in BUCKETS)
           for r in table(out["Aging"])}
    assert got == {
        # INV10451 12,500 due 14 Nov (its own due date): current; CM1007 -750 of 12 Oct: 19
        # days; INV10480 paid in full by PYMT2207 ("Invoice #INV10480")
        ("CUST1001", "USD"): (12500, -750, 0, 0, 0, 11750),
        # INV10466 8,200 less PYMT2201's 5,000, due 28 Oct: 3 days; INV10388 due 15 Jul: 108
        ("CUST1002", "USD"): (0, 3200, 0, 0, 2400, 5600),
        # the invoice's own 10,000 EUR, not the 11,700 USD it was booked at; due 18 Sep: 43
        ("CUST1003", "EUR"): (0, 0, 10000, 0, 0, 10000),
        # Due on receipt: due 20 Oct, 11 days
        ("CUST1004", "USD"): (0, 3300, 0, 0, 0, 3300),
    }


def test_customer_stage_and_applied_invoices_raise_no_issue(out):
    # the four "CUSTOMER-..." stages are customers; the payments' "Invoice #..." links are
    # their invoices; only the statement's two unbooked lines are said
    assert [(r["Sheet"], r["Cell"], r["Value"]) for r in table(out["Input Issues"])] == [
        ("payoneer.csv", "F3", "Canceled"), ("payoneer.csv", "F8", "Pending")]
    assert {r["Customer ID"]: r["Customer Status"] for r in table(out["Credit Status"])} == {
        "CUST1001": "Active", "CUST1002": "Active", "CUST1003": "Active", "CUST1004": "Active"}


def test_a_sub_customer_is_no_duplicate_of_its_parent(out):
    # "Acme Corp : Cairo Branch" is Acme Corp's sub-customer (NetSuite's Customer:Job names),
    # billed on its own: no POSSIBLE_DUPLICATE, as a QuickBooks job and its customer
    assert table(out["Customer Checks"]) == []


def test_payoneer_lines_pair_the_recorded_payments_and_match_the_new(out):
    got = [(r["Bank Line"], r["Invoice No"], r["Customer ID"], r["Applied Amount"],
            r["Method"], r["Status"]) for r in table(out["Bank Matches"])]
    assert got == [
        ("118000001", "INV10466", "CUST1002", 5000, "recorded", "Matched"),
        ("118000003", "INV10480", "CUST1001", 4000, "recorded", "Matched"),
        ("118000004", "INV10451", "CUST1001", 12500, "reference", "Matched"),
        ("118000005", "INV10495", "CUST1004", 3280, "fee-writeoff", "Matched"),
    ]
    # only the new cash is to post (the 20.00 short as a write-off); none recorded twice
    assert [(r["Payment ID"], r["Invoice No"], r["Amount"], r["Method"])
            for r in table(out["Receipts To Post"])] == [
        ("118000004", "INV10451", 12500, "Bank Transfer"),
        ("118000005", "INV10495", 3280, "Bank Transfer"),
        ("118000005", "INV10495", 20, "Write-off")]
    assert table(out["Unbanked Receipts"]) == []
    assert [(r["Bank Line"], r["Date"], r["Amount"]) for r in table(out["Unmatched Bank"])] == [
        ("118000006", datetime(2026, 10, 29), -10000),
        ("118000008", datetime(2026, 10, 30), -29.95)]


def test_ar_aging_detail_report_and_an_inactive_customer(tmp_path):
    """NetSuite's A/R Aging Detail report exported to Excel (company and title rows, a
    heading per customer, "Total - <customer>" rows, $ amounts with credits in brackets)
    beside the customer search with its Inactive column: Delta Trading is inactive."""
    customers = [[*row, flag] for row, flag in zip(CUSTOMERS, ["Inactive", "No", "No", "No",
                                                               "Yes"], strict=True)]
    report = [
        ["Nile Holdings Inc."], ["A/R Aging Detail"], ["As of 10/31/2026"], [],
        [None, "Type", "Date", "Document Number", "Due Date", "Age", "Open Balance"],
        ["Acme Corp"],
        [None, "Invoice", "9/15/2026", "INV10451", "11/14/2026", None, "$12,500.00"],
        [None, "Credit Memo", "10/12/2026", "CM1007", "10/12/2026", "19", "($750.00)"],
        ["Total - Acme Corp", None, None, None, None, None, "$11,750.00"],
        ["Acme Corp : Cairo Branch"],
        [None, "Invoice", "6/15/2026", "INV10388", "7/15/2026", "108", "$2,400.00"],
        [None, "Invoice", "9/28/2026", "INV10466", "10/28/2026", "3", "$3,200.00"],
        ["Total - Acme Corp : Cairo Branch", None, None, None, None, None, "$5,600.00"],
        ["Delta Trading"],
        [None, "Invoice", "10/20/2026", "INV10495", "10/20/2026", "11", "$3,300.00"],
        ["Total - Delta Trading", None, None, None, None, None, "$3,300.00"],
        ["Total", None, None, None, None, None, "$20,650.00"]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": customers, "Sheet1": report})
    written = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(written)]) == 0
    out = openpyxl.load_workbook(written)
    assert {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(out["Aging"])} == {
        "CUST1001": (12500, -750, 0, 0, 0, 11750),
        "CUST1002": (0, 3200, 0, 0, 2400, 5600),
        "CUST1004": (0, 3300, 0, 0, 0, 3300)}
    assert [r["Cell"] for r in table(out["Input Issues"])] == ["A9", "A17"]  # the totals
    status = {r["Customer ID"]: r["Customer Status"] for r in table(out["Credit Status"])}
    assert status == {"CUST1001": "Active", "CUST1002": "Active", "CUST1003": "Active",
                      "CUST1004": "Closed"}


def test_payoneer_payments_still_in_progress_are_left_for_the_next_statement(tmp_path):
    """Payoneer's activity export as it shows a payment not yet available ("In Progress"),
    Wise's as "Processing": no money on the account yet, so, as a pending line, left out
    and named at its cell; completed and cancelled lines as before."""
    from ar_excel.bank import read_statement

    path = tmp_path / "payoneer.csv"
    with path.open("w", newline="") as f:
        csv.writer(f).writerows([
            ["Date", "Description", "Amount", "Currency", "Status"],
            ["Nov 10, 2026", "Payment from Acme Corp", "5,000.00", "USD", "Completed"],
            ["Nov 12, 2026", "Payment from Delta Trading", "1,200.00", "USD", "In Progress"],
            ["Nov 13, 2026", "Payment from Hamburg Handel", "800.00", "USD", "Processing"],
            ["Nov 14, 2026", "Payment from Nile Foods", "300.00", "USD", "Canceled"]])
    statement = read_statement(str(path))
    assert statement.lines[["Date", "Amount"]].values.tolist() == [
        [datetime(2026, 11, 10), 5000.0]]
    assert [(i.cell, i.value) for i in statement.issues] == [
        ("E3", "In Progress"), ("E4", "Processing"), ("E5", "Canceled")]


def _short_export(policy=None):
    """A week's NetSuite export pasted as text: every invoice date and due date reads either
    way (9/5/2026, 10/3/2026); only the payment search's 10/28/2026 shows the order."""
    sheets = {
        "Customers": [["ID", "Name", "Terms"], ["CUST1001", "Acme Corp", "Net 30"]],
        "Invoices": [["Date", "Type", "Document Number", "Name", "Due Date/Receive By",
                      "Amount"],
                     ["9/5/2026", "Invoice", "INV1", "Acme Corp", "10/5/2026", "100.00"],
                     ["10/3/2026", "Invoice", "INV2", "Acme Corp", "11/2/2026", "200.00"],
                     ["10/12/2026", "Invoice", "INV3", "Acme Corp", "11/11/2026", "300.00"]],
        "Payments": [["Date", "Document Number", "Name", "Amount", "Applied To Transaction"],
                     ["10/28/2026", "P1", "Acme Corp", "100.00", "Invoice #INV1"]]}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    return sheets


def test_dates_that_read_either_way_follow_the_books_month_first_dates(tmp_path):
    from ar_excel.io.reader import read_book

    book = read_book(save_sheets(tmp_path / "book.xlsx", _short_export()))
    assert [(d.date().isoformat(), e.date().isoformat()) for d, e in zip(
        book.invoices["Invoice Date"], book.invoices["Due Date"], strict=True)] == [
        ("2026-09-05", "2026-10-05"), ("2026-10-03", "2026-11-02"),
        ("2026-10-12", "2026-11-11")]  # (day first: 9 May due 10 May, 10 March due 11 Feb)
    assert [(i.cell, i.column) for i in book.issues] == [
        ("A2", "Date"), ("E2", "Due Date/Receive By")]
    assert "read month first, as the book's other dates are written (Payments Date: " \
           "10/28/2026)" in book.issues[0].message


def test_a_bank_statement_sheets_order_is_the_banks_not_the_books(tmp_path):
    """An Egyptian book's invoice dates that read either way (05/10/2026: 5 October) beside
    a statement sheet of a bank writing month first: the bank's order says nothing of the
    book's, which stays day first (the default)."""
    from ar_excel.io.reader import read_book

    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "05/10/2026", 100]],
        "Bank Statement": [["Date", "Description", "Amount"],
                           ["10/28/2026", "Transfer Nile Foods I-1", 100]]}))
    assert book.invoices["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-05"]
    assert book.issues == []


def test_a_policy_saying_day_first_keeps_them_day_first(tmp_path):
    from ar_excel.io.reader import read_book

    book = read_book(save_sheets(tmp_path / "book.xlsx",
                                 _short_export([["date_order", "day first"]])))
    assert book.invoices["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-05-09", "2026-03-10", "2026-12-10"]
    assert book.issues == []


def test_an_ar_register_of_invoices_and_their_payments(tmp_path):
    """NetSuite's A/R register as a transaction search: invoices, payments and a credit memo
    in one list (Type), signed amounts, the customer shown with its ID ("CUST1001 Acme
    Corp"), each payment's memo naming the invoice it paid. The sheet is the invoice list
    (no receipts list types a line Invoice), and each payment pays the invoice it names."""
    register = [
        ["Date", "Type", "Document Number", "Name", "Memo", "Amount", "Status"],
        ["9/15/2026", "Invoice", "INV10451", "CUST1001 Acme Corp", None, "12,500.00", "Open"],
        ["9/28/2026", "Invoice", "INV10466", "CUST1002 Acme Corp : Cairo Branch", None,
         "8,200.00", "Open"],
        ["10/3/2026", "Invoice", "INV10480", "CUST1001 Acme Corp", None, "4,000.00",
         "Paid In Full"],
        ["10/10/2026", "Payment", "PYMT2201", "CUST1002 Acme Corp : Cairo Branch",
         "Wire INV10466", "-5,000.00", "Deposited"],
        ["10/12/2026", "Credit Memo", "CM1007", "CUST1001 Acme Corp", "Returned goods",
         "-750.00", "Open"],
        ["10/25/2026", "Payment", "PYMT2207", "CUST1001 Acme Corp", "INV10480", "-4,000.00",
         "Deposited"]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Sheet1": register})
    written = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(written)]) == 0
    out = openpyxl.load_workbook(written)
    assert [(r["Customer ID"], r["Document No"], r["Open Amount"], r["Bucket"])
            for r in table(out["Aging Detail"])] == [
        ("CUST1001", "CM1007", -750, "1-30"),  # a credit memo stays a credit
        ("CUST1001", "INV10451", 12500, "1-30"),
        ("CUST1002", "INV10466", 3200, "1-30")]  # 8,200 less PYMT2201; INV10480 paid
    assert table(out["Input Issues"]) == []


def test_open_invoices_exported_after_the_months_payments(tmp_path):
    """The Open Invoices search alone (no payment search), exported at the month's end: its
    Amount Remaining already takes off October's payments. The Payoneer lines paying them
    (5,000 on INV10466, now 3,200 open; 4,000 on INV10480, Paid In Full) are in the books
    already: paired with what the list says is paid, not posted again. INV10451's and
    INV10495's payments are not in NetSuite yet: to post."""
    invoices = [row[:] for row in INVOICES]
    invoices.append(["10/1/2026", "Invoice", "INV10475", "Delta Trading", "Open",
                     "10/1/2026", "USD", 1, "6,000.00", "6,000.00", "3,000.00", None])
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS,
                                                "Open Invoices": invoices})
    statement = tmp_path / "payoneer.csv"
    with statement.open("w", newline="") as f:
        # and half of INV10475 (paid in two halves): which half, the list cannot say
        csv.writer(f).writerows([*PAYONEER, ["10/30/2026", "118000009",
                                             "Payment from Delta Trading INV10475",
                                             "3,000.00", "USD", "Completed"]])
    written = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--bank", str(statement), "--as-of", AS_OF,
                 "-o", str(written)]) == 0
    out = openpyxl.load_workbook(written)
    assert [(r["Bank Line"], r["Invoice No"], r["Applied Amount"], r["Method"], r["Status"])
            for r in table(out["Bank Matches"])] == [
        ("118000001", "INV10466", 5000, "recorded", "Matched"),
        ("118000003", "INV10480", 4000, "recorded", "Matched"),
        ("118000004", "INV10451", 12500, "reference", "Matched"),
        ("118000005", "INV10495", 3280, "fee-writeoff", "Matched"),
        ("118000009", "INV10475", 3000, "reference", "Matched")]
    assert [(r["Payment ID"], r["Invoice No"], r["Amount"])
            for r in table(out["Receipts To Post"])] == [
        ("118000004", "INV10451", 12500), ("118000005", "INV10495", 3280),
        ("118000005", "INV10495", 20), ("118000009", "INV10475", 3000)]
    assert table(out["Unbanked Receipts"]) == []
