"""The Arabic wording of the reader's messages (``io.messages_ar``) matches each English
message by its words. Each pattern is checked here against messages the reader and the
parsers really produce, from workbooks built cell by cell and from bad values parsed: a
pattern no real message matches any more (the English reworded) fails, and so does a real
message left without its Arabic wording."""

from __future__ import annotations

import re
from datetime import datetime, time
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from ar_excel.io.messages_ar import _PATTERNS, arabic_message
from ar_excel.io.reader import read_book
from ar_excel.parsing import parse_column
from tests._workbooks import save_sheets

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "excel_errors"

# Bad values of each kind a contract column parses, as typed in workbooks.
BAD_VALUES = {
    "money": ["abc", "1,00,0", True, datetime(2024, 1, 1), "9" * 400],
    "int": ["1.5", 1e308],
    "date": ["31/02/2024", 10**9, "hello", True, "01/01/1500", "31 Foo 2024", time(12, 30)],
    "terms": ["abc", 1.5, "10D+CM", "ZB01"],
    "status": ["xyz"],
    "percent": [1e308],
}


def parser_messages() -> list[str]:
    found = []
    for kind, values in BAD_VALUES.items():
        column = np.empty(len(values), dtype=object)
        column[:] = values
        _, errors = parse_column(column, kind)
        assert len(errors) == len(values), (kind, errors)  # each value is one message
        found.extend(errors.values())
    return found


def _save(tmp_path: Path, name: str, sheets: dict[str, list[list]]) -> Path:
    return save_sheets(tmp_path / name, sheets)


def _subtotalled_invoices(customers: int) -> list[list]:
    rows = [[None, "Invoice No", "Invoice Date", "Amount"]]
    for n in range(1, customers + 1):
        rows += [[f"Customer {n}"], [None, f"S{n}", datetime(2026, 10, n), 100],
                 [f"Total for Customer {n}", None, None, 100]]
    return rows + [["Total", None, None, 100 * customers]]


def reader_messages(tmp_path: Path) -> list[str]:
    """The messages of a few workbooks, each built to hold what a clerk types wrong."""
    book = _save(tmp_path, "book.xlsx", {
        "Customers": [
            ["Customer master"],
            ["Customer ID", "Name", "Payment Terms", "Credit Limit", "Status"],
            ["C-1001", "Nile Foods", 30, "50K", "Active"],
            ["C-1002", "Delta Traders", "Net 30", 10_000, "Active"],
            [None, "Sinai Build", 30, 5_000, "Active"],  # required but blank
            ["Customer ID", "Name", "Payment Terms", "Credit Limit", "Status"],  # repeated
            ["Total", None, None, 65_000, None],
        ],
        "Invoices": [
            ["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount", "Status"],
            ["I-1", "1001", "Nile Foods", datetime(2026, 10, 1), 100, "Open"],  # C-1001
            ["I-2", "Delta Traders", "Delta Traders", datetime(2026, 10, 2), 200, "Open"],
            ["I-3", None, "Nile Foods", datetime(2026, 10, 3), 300, "Open"],  # beside it
            ["I-4", "C-1002", "Delta Traders", datetime(2026, 10, 4), 400, "Cancelled"],
        ],
        "Payments": [
            ["Payment ID", "Date", "Amount", "Invoice No"],
            ["R1", datetime(2026, 11, 1), -100, "I-1"],
            ["R2", datetime(2026, 11, 2), -50, "I-99"],  # no customer to be found
        ],
        "Policy": [["Key", "Value"], ["Overdue Hold Days", "ninety"],
                   # values read but out of range: each keeps its default
                   ["Uninvoiced Delivery Days", -3], ["Max Discount", 150],
                   ["Aging Buckets", "60; 30"], ["Dunning Levels", "30, 7"],
                   ["Allowed Terms", "0, -30"], ["Fee Tolerance", -5],
                   ["Base Currency", "EGYPT"], ["Date Order", "sideways"],
                   ["Aging Basis", "someday"], ["Language", "fr"]],
    })
    unusable = _save(tmp_path, "unusable.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date"], ["I-1", "C1", "1/10/2026"]],
        "Payments": [["a note, no table"]],
    })
    many = _save(tmp_path, "subtotals.xlsx", {"Customers": [["Customer ID", "Name"]] + [
        [f"Customer {n}", f"Customer {n}"] for n in range(1, 8)],
        "Invoices": _subtotalled_invoices(7)})
    few = _save(tmp_path, "few.xlsx", {"Customers": [["Customer ID", "Name"], ["Customer 1", "A"],
                                                     ["Customer 2", "B"]],
                                       "Invoices": _subtotalled_invoices(2)})
    # a clerk's ledger: the customer on its group's first row only, unlabelled sum rows
    tidied = _save(tmp_path, "tidied.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"], ["C2", "Delta"]],
        "Invoices": [["Customer ID", "Invoice No", "Invoice Date", "Amount"],
                     ["C1", "I-1", datetime(2026, 10, 1), 100],
                     [None, "I-2", datetime(2026, 10, 2), 200],
                     [None, None, None, 300],
                     ["C2", "I-3", datetime(2026, 10, 3), 400],
                     [None, "I-4", datetime(2026, 10, 4), 500],
                     [None, None, None, 900]]})
    one_sum = _save(tmp_path, "one_sum.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Customer ID", "Invoice No", "Invoice Date", "Amount"],
                     ["C1", "I-1", datetime(2026, 10, 1), 100],
                     [None, None, None, 100],
                     ["C1", "I-2", "١٤٤٨/٠٥/١٥", 50]]})  # a Saudi system's Hijri date
    from tests.test_reader_table_tails import _book as table_book

    tail = table_book(tmp_path / "tail.xlsx", [["I3", "C1", datetime(2026, 10, 3), 300]])
    # an aging report giving due dates only, its types GP's and one unknown
    due_only = _save(tmp_path, "due_only.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile", 30],
                      ["C2", "Delta", None]],
        "AR Aging": [["Type", "Customer", "Document No", "Due Date", "Amount"],
                     ["SLS", "C1", "I-1", datetime(2026, 10, 31), 100],
                     ["CR", "C1", "CN-1", datetime(2026, 10, 20), 10],
                     ["XYZ", "C2", "I-2", datetime(2026, 10, 31), 200],
                     ["SLS", "C1", "I-3", None, 300]]})
    # the user's invoice list on a sheet named like our Aging tab
    aging_tab = _save(tmp_path, "aging_tab.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile", 30]],
        "Aging": [["Customer", "Document No", "Due Date", "Amount"],
                  ["C1", "I-1", datetime(2026, 10, 31), 100]]})
    # a customer list keyed by name beside a code column the reader does not know
    by_name = _save(tmp_path, "by_name.xlsx", {
        "Customers": [["Legacy Code", "Customer Name"], ["D-1", "Nile"]]})
    # a Policy value that is a formula's error as text (as live Excel or an .ods gives it)
    error_text = _save(tmp_path, "error_text.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Policy": [["Key", "Value"], ["Credit Warning", None]]})
    wb = openpyxl.load_workbook(error_text)
    wb["Policy"]["B2"].value, wb["Policy"]["B2"].data_type = "#DIV/0!", "s"
    wb.save(error_text)
    # a Policy's days beyond a century
    century = _save(tmp_path, "century.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Policy": [["Key", "Value"], ["dunning_levels_days", "0, 15, 1000000000"],
                   # and a dunning minimum below nothing
                   ["Minimum Dunning Amount", -5]]})
    # a row of invoices holding nothing but a broken formula's error
    error_row = _save(tmp_path, "error_row.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100], [None, None, "#N/A", None],
                     ["I-2", "C1", datetime(2026, 10, 2), 200]]})
    # ERPNext's Accounts Receivable: a return shown only by its negative outstanding amount
    credit_open = _save(tmp_path, "credit_open.xlsx", {
        "Accounts Receivable": [["Posting Date", "Customer", "Voucher No", "Invoiced Amount",
                                 "Outstanding Amount", "Status"],
                                ["2026-11-05", "Nile", "SINV-7", 0, -1000, "Posted"],
                                # Odoo's reversal numbering and an unposted draft
                                ["2026-11-06", "Nile", "INV/2026/1", 100, 100, "Posted"],
                                ["2026-11-07", "Nile", "RINV/2026/1", 50, 50, "Posted"],
                                ["2026-11-08", "Nile", "INV/2026/2", 10, 10, "Draft"]]})
    # invoices exported one row per line (Zoho) and with their lines under them (Odoo)
    per_line = _save(tmp_path, "per_line.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Total", "Item Name",
                      "Invoice lines/Product"],
                     ["1", "C1", "2026-11-01", 100, "Rice", None],
                     ["1", "C1", "2026-11-01", 100, "Tea", None],
                     [None, None, None, None, None, "Sugar"]]})
    # formulas written by a program, never calculated: one worked out, one not
    formulas = _save(tmp_path, "formulas.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Qty", "Price", "Amount"],
                     ["1", "C1", "2026-11-01", 2, 50, "=D2*E2"],
                     ["2", "C1", "2026-11-01", 2, 50, "=VLOOKUP(A3,P!A:B,2,0)"]]})
    # a ledger kept a month per sheet, with its credit notes, its paid invoices and a copy;
    # receipts a month per sheet
    head = ["Invoice No", "Customer ID", "Invoice Date", "Amount"]
    receipts = ["Receipt No", "Customer ID", "Date", "Amount"]
    months = _save(tmp_path, "months.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Oct": [head, ["1", "C1", "2026-10-01", 100]],
        "Nov": [head, ["2", "C1", "2026-11-01", 100]],
        "Credit Notes": [head, ["CN1", "C1", "2026-11-02", 10]],
        "Paid Invoices": [head, ["P1", "C1", "2026-09-02", 10]],
        "Oct (2)": [head, ["1", "C1", "2026-10-01", 100]],
        "Receipts Oct": [receipts, ["R1", "C1", "2026-10-05", 50]],
        "Receipts Nov": [receipts, ["R2", "C1", "2026-11-05", 50]]})
    # an ERP's payments: a vendor's, a transfer, a draft and a refund
    erp_payments = _save(tmp_path, "erp_payments.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [head, ["1", "C1", "2026-10-01", 100]],
        "Payments": [["Number", "Customer", "Date", "Amount", "Payment Type", "Partner Type",
                      "Status"],
                     ["P1", "C1", "2026-11-01", 10, "Receive", "Customer", "Posted"],
                     ["P2", "V1", "2026-11-01", 10, "Send", "Vendor", "Posted"],
                     ["P3", "C1", "2026-11-01", 10, "Internal Transfer", "Customer", "Posted"],
                     ["P4", "C1", "2026-11-01", 10, "Receive", "Customer", "Draft"],
                     ["P5", "C1", "2026-11-01", 10, "Send", "Customer", "Posted"]]})
    # a receipt paying two invoices exported one row per invoice (Zoho Books)
    applied = _save(tmp_path, "applied.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [head, ["1", "C1", "2026-10-01", 100], ["2", "C1", "2026-10-02", 100]],
        "Payments": [["Payment Number", "Customer ID", "Date", "Amount", "Invoice Number",
                      "Invoice Amount Applied"],
                     ["P1", "C1", "2026-11-01", 150, "1", 100],
                     ["P1", "C1", "2026-11-01", 150, "2", 50]]})
    # receipts naming invoices the list does not hold: a slip, a number from nowhere, and a
    # receipts log beside open invoices only
    slips = _save(tmp_path, "slips.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1054", "C1", "2026-11-01", 100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R1", "C1", "2026-11-02", 100, "INV-1045"],
                     ["R2", "C1", "2026-11-02", 100, "X-77"]]})
    open_only = _save(tmp_path, "open_only.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1054", "C1", "2026-11-01", 100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     *[[f"R{n}", "C1", "2026-06-02", 100, f"OLD-{n}"] for n in range(25)]]})
    # last year's invoice list: an archive beside receipts, aged as open in a book of none
    head = ["Invoice No", "Customer ID", "Invoice Date", "Amount"]
    years = {"Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
             "Invoices": [head, ["1001", "C1", "2026-11-01", 100]],
             "Invoices 2025": [head, ["0999", "C1", "2025-12-20", 50]]}
    archive = _save(tmp_path, "archive.xlsx", {**years, "Payments": [
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
        ["R1", "C1", "2026-11-02", 100, "1001"]]})
    no_receipts = _save(tmp_path, "no_receipts.xlsx", years)
    # ERPNext's Data Export of Payment Entry: a second reference on a row of its own
    entry = _save(tmp_path, "entry.xlsx", {**years, "Payment Entry": [
        ["ID", "Posting Date", "Party", "Paid Amount", "Name (Payment References)",
         "Allocated (Payment References)"],
        ["PE-1", "2026-11-05", "C1", 120, "1001", 100], [None, None, None, None, "0999", 20]]})
    ledger = ["Date", "Ref", "Description", "Debit", "Credit", "Balance"]
    by_customer = _save(tmp_path, "by_customer.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"], ["C2", "Delta"], ["C3", "Sinai"],
                      ["C4", "Aswan"]],
        "Sheet1": [["Customer: C1"], ledger, [None, None, "Balance b/f", None, None, 50],
                   [datetime(2026, 10, 1), "I-1", "Invoice", 100, None, 150],
                   [datetime(2026, 10, 2), "I-2", "Invoice", 10, None, 999],  # (no sum)
                   [None, None, "Balance c/f", None, 150, None]],
        "Sheet6": [["Customer: C1"], ["Invoice No", "Invoice Date", "Amount", None,
                                      "Receipt No", "Receipt Date", "Amount Received"],
                   ["I-7", datetime(2026, 10, 1), 100, None, "R-7", datetime(2026, 11, 1), 60]],
        "Sheet5": [["Customer: C4"], ledger,  # (carried in, no brought forward row)
                   [datetime(2026, 10, 1), "I-5", "Invoice", 100, None, 300],
                   [datetime(2026, 10, 2), "I-6", "Invoice", 10, None, 310]],
        "Sheet2": [["Customer: C2"], ledger, [None, None, "Opening Balance", 70, None, 70]],
        "Sheet3": [["Customer: C3"], ["Date", "Description", "Debit", "Credit", "Balance"],
                   [None, "Opening Balance", None, None, None],
                   [datetime(2026, 10, 1), "Invoice I-3", 100, None, 100]],
        "Sheet4": [["Customer: someone"], ledger, [datetime(2026, 10, 1), "I-4", "x", 1, None, 1]],
    })
    filtered, collapsed = tmp_path / "filtered.xlsx", tmp_path / "collapsed.xlsx"
    for path, hide in ((filtered, True), (collapsed, False)):
        wb = openpyxl.load_workbook(_save(tmp_path, path.name, {
            "Customers": [["Customer ID", "Name"], ["C1", "Nile"], ["C2", "Delta"]],
            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                         ["I-1", "C1", datetime(2026, 10, 1), 100],
                         ["I-2", "C2", datetime(2026, 10, 2), 200]]}))
        if hide:
            wb["Invoices"].auto_filter.ref = "A1:D3"
        wb["Invoices"].row_dimensions[3].hidden = True
        wb.save(path)
    thousands = _save(tmp_path, "thousands.xlsx", {
        "Customers": [["Customer ID", "Name", "Credit Limit (EGP '000)", "Next Credit Review",
                       "Currency", "Credit Limit (USD '000)"],
                      ["C1", "Nile", 50, "Mar 2027", "SAR", 10]]})
    # a template's lists left empty, the accounts kept a sheet per customer
    template = _save(tmp_path, "template.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"]],
        "Nile": [["Customer: C1"], ["Invoice No", "Invoice Date", "Amount"],
                 ["I-1", datetime(2026, 10, 1), 100]]})
    # two columns of one field: an old limit hidden, and a limit beside this year's
    limits = []
    for name, second, hide in (("old_limit.xlsx", "Credit Limit", True),
                               ("two_limits.xlsx", "Credit Limit 2026", False)):
        path = _save(tmp_path, name, {"Customers": [["Customer ID", "Name", "Credit Limit",
                                                     second], ["C1", "Nile", 100, 200]]})
        if hide:
            wb = openpyxl.load_workbook(path)
            wb["Customers"].column_dimensions["C"].hidden = True
            wb.save(path)
        limits.append(path)
    # "12.000": thousands of pounds, or of a currency nothing names; two decimal marks mixed
    marks = [_save(tmp_path, f"marks_{n}.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", currency]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
            [f"I-{k}", "C1", "1/10/2026", a] for k, a in enumerate(amounts)]})
        for n, (currency, amounts) in enumerate((("EGP", ["12.000"]), (None, ["12.000"]),
                                                 ("EGP", ["1.234,56", "1,234.56", "2.500"])))]
    # a day-first CSV opened month first: the dates Excel could turn, turned the wrong way
    marks.append(_save(tmp_path, "swapped.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 1, 9), 1], ["I-2", "C1", datetime(2026, 2, 9), 1],
                     ["I-3", "C1", "15/09/2026", 1]]}))
    # a credit review scheduled for a quarter
    marks.append(_save(tmp_path, "quarters.xlsx", {
        "Customers": [["Customer ID", "Name", "Next Credit Review"], ["C1", "Nile", "Q1 2027"]]}))
    # SAP's customers a row per sales area, alike and with terms differing by area
    for n, terms in enumerate((("NT30", "NT30"), ("NT30", "NT45"))):
        marks.append(_save(tmp_path, f"areas_{n}.xlsx", {
            "Customers": [["Customer", "Name 1", "Sales Organization", "Terms of Payment"],
                          ["100001", "Nile", "EG10", terms[0]],
                          ["100001", "Nile", "EG20", terms[1]]]}))
    # Tally's ledger groups (one under Primary, one only named as the others' group) and a
    # credit limit type that is none
    marks.append(_save(tmp_path, "groups.xlsx", {
        "Ledgers": [["Name of Ledger", "Under", "Phone No.", "Credit Limit Type", "Credit Limit"],
                    ["Sundry Debtors", "Primary", None, None, None],
                    ["Dubai Customers", None, None, None, None],
                    ["Al Maya", "Dubai Customers", "04-3977700", "Sometimes", 100]]}))
    # limits typed in another currency than the customer's (one customer without an ID), and
    # a customer's further contact line under it
    marks.append(_save(tmp_path, "limit_currencies.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Credit Limit", "Phone"],
                      ["C1", "Nile", "EGP", "USD 10,000", "01001234567"],
                      ["C1", None, None, None, "0223456789"],
                      [None, "Delta", "EGP", "$5,000", "01001234568"]]}))
    # one limit cell merged over two customers' rows
    marks.append(save_sheets(tmp_path / "merged_limit.xlsx", {
        "Customers": [["Customer ID", "Name", "Credit Limit"], ["C1", "Nile", 70000],
                      ["C2", "Delta", None]]}, merges={"Customers": ["C2:C3"]}))
    # a semicolon CSV opened whole into column A
    marks.append(_save(tmp_path, "semicolons.xlsx", {
        "Customers": [["Customer ID;Name;Currency"], ["C1;Nile;EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "1/10/2026", 1]]}))
    # a short export's dates that read either way beside a month-first one; an inactive flag
    # that is neither yes nor no; a contacts list with a supplier among its customers
    marks.append(_save(tmp_path, "month_first.xlsx", {
        "Customers": [["Customer ID", "Name", "Inactive", "Contact Type"],
                      ["C1", "Nile", "Maybe", "Customer"], ["S1", "Paper Co", None, "Vendor"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "9/5/2026", 1]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount"],
                     ["P-1", "C1", "10/28/2026", 1]]}))
    # a credit note of the invoice list applied to an invoice by a Payments row
    marks.append(_save(tmp_path, "credit_note_used.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-09-01", 500], ["CN-1", "C1", "2026-09-05", -100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["CN-1", "C1", "2026-09-05", 100, "I-1", "Credit Note"]]}))
    # a USD invoice paid by a receipt written in EGP
    marks.append(_save(tmp_path, "receipt_currency.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["I-1", "C1", "2026-09-01", 400, "USD"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Currency"],
                     ["P-1", "C1", "2026-09-05", 19600, "I-1", "EGP"]]}))
    # a refund and a returned cheque typed positive, their Method saying so
    marks.append(_save(tmp_path, "paid_out.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-09-01", 500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["P-1", "C1", "2026-09-05", 500, "I-1", "Cheque"],
                     ["P-1R", "C1", "2026-09-09", 500, "I-1", "Returned cheque"],
                     ["R-1", "C1", "2026-09-10", 50, None, "Refund"],
                     # a discount typed negative, as a deduction on a voucher
                     ["D-1", "C1", "2026-09-10", -20, "I-1", "Cash discount"]]}))
    # a Payments row naming a credit note of the list and no invoice it paid
    marks.append(_save(tmp_path, "credit_note_alone.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
                     ["I-1", "C1", "2026-09-01", "Invoice", 500],
                     ["CN-1", "C1", "2026-09-02", "Credit Note", -100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["A-1", "C1", "2026-09-05", 100, "CN-1", "Credit Note"]]}))
    # a dinar list typing its thousands with commas and, on one row, a point before three digits
    marks.append(_save(tmp_path, "dinar_point.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "KWD"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-09-01", "75,000"], ["I-2", "C1", "2026-09-02", "50.000"]]}))
    # a customer's second contact on the line under it, its ID left out
    marks.append(_save(tmp_path, "contact_no_id.xlsx", {
        "Customers": [["Customer ID", "Name", "Phone"], ["C1", "Nile", "0223456782"],
                      [None, None, "0223456799"]]}))
    # a limit typed in dollars for a customer left without a currency, in a pound book
    marks.append(_save(tmp_path, "limit_blank_currency.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Credit Limit"],
                      ["C1", "Nile", None, "USD 10,000"]],
        "Policy": [["Key", "Value"], ["base_currency", "EGP"]]}))
    # SAP Business One: a cancelled incoming payment; its aging report's business partner
    # rows carrying their documents' sums. Daftra: a partly paid status and no amount paid
    marks.append(_save(tmp_path, "b1_cancelled.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 500]],
        "Incoming Payments": [["Doc. No.", "Posting Date", "Customer/Vendor Code", "Total",
                               "Canceled"], [501, datetime(2026, 11, 1), "C1", 100, "Yes"],
                              [502, datetime(2026, 11, 2), "C1", 100, "No"]]}))
    marks.append(_save(tmp_path, "b1_aging.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Customer Receivables Aging": [
            ["BP Code", "BP Name", "Doc. No.", "Posting Date", "Balance Due"],
            ["C1", "Nile", None, None, 300],
            [None, None, 1001, datetime(2026, 10, 1), 100],
            [None, None, 1002, datetime(2026, 10, 2), 200]]}))
    marks.append(_save(tmp_path, "partly_paid.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                     ["I-1", "C1", datetime(2026, 10, 1), 500, "Partially Paid"],
                     ["I-2", "C1", datetime(2026, 10, 2), 300, "Paid"]]}))
    marks.append(_save(tmp_path, "returned_by_note.xlsx", {  # a cheque's return in a note
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Remarks"],
                     ["P1", "C1", datetime(2026, 10, 5), 500, "I-1", None],
                     ["P2", "C1", datetime(2026, 10, 9), -500, "I-1", "Bounced cheque"]]}))
    marks.append(_save(tmp_path, "amount_before_tax.xlsx", {  # every VAT 14 % of Amount
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "VAT"],
                     ["I-1", "C1", datetime(2026, 10, 1), 1000, 140]]}))
    marks.append(_save(tmp_path, "receipt_naming_a_credit.xlsx", {  # a receipt for a credit
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["CN-1", "C1", datetime(2026, 10, 1), -300]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "C1", datetime(2026, 10, 5), 300, "CN-1"]]}))
    marks.append(_save(tmp_path, "due_as_terms.xlsx", {  # '45 يوم' as the due date
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), "45 يوم", 300]]}))
    marks.append(_save(tmp_path, "formula_ids.xlsx", {  # IDs by formulas never calculated
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"],
                      ['=VLOOKUP("Delta",P!A:B,2,0)', "Delta"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["1", '=VLOOKUP("Nile",P!A:B,2,0)', "2026-11-01", 100]]}))
    marks.append(_save(tmp_path, "eta_portal.xlsx", {  # refused documents; by tax number
        "Customers": [["Customer ID", "Name", "Tax ID"], ["C1", "Nile", "123456789"]],
        "Documents": [["Internal ID", "UUID", "Issuance Date", "Receiver Name", "Receiver ID",
                       "Total Amount", "Status"],
                      ["I-1", "A1", "2026-10-01T10:00:00Z", "NILE FOODS", "123456789", 500,
                       "Valid"],
                      ["I-2", "A2", "2026-10-02T10:00:00Z", "NILE FOODS", "123456789", 300,
                       "Rejected"]]}))
    # a limit typed as cash only; a write-off naming a credit note, a receipt naming a receipt
    marks.append(_save(tmp_path, "cash_limit.xlsx", {
        "Customers": [["Customer ID", "Name", "Credit Limit"], ["C1", "Nile", "كاش"]]}))
    marks.append(_save(tmp_path, "no_currency.xlsx", {  # a currency mistyped
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), "EGX", 100]]}))
    marks.append(_save(tmp_path, "named_credits.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Type"],
                     ["CN-1", "C1", datetime(2026, 10, 5), -50, "Credit Note"],
                     ["RV-9", "C1", datetime(2026, 10, 6), -300, "Receipt"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["P1", "C1", datetime(2026, 10, 20), 50, "CN-1", "Write-off"],
                     ["P2", "C1", datetime(2026, 10, 22), 300, "RV-9", "Cash"]]}))
    marks.append(_save(tmp_path, "jobs.xlsx", {  # QuickBooks' Customer:Job, the job unlisted
        "Customers": [["Customer", "Email"], ["Nile Foods", "ap@nile.com"]],
        "Invoices": [["Num", "Name", "Date", "Amount"],
                     ["1012", "Nile Foods:Cairo Branch", datetime(2026, 10, 1), 100]]}))
    marks.append(_save(tmp_path, "odoo_contacts.xlsx", {  # Odoo's contact of a company
        "Customers": [["Display Name", "Tax ID"], ["Nile Foods", "200-111-222"],
                      ["Nile Foods, Mona Adel", None]],
        "Invoices": [["Number", "Customer", "Invoice Date", "Total"],
                     ["INV/2026/00140", "Nile Foods, Mona Adel", datetime(2026, 10, 1), 100]]}))
    marks.append(_save(tmp_path, "register_paid.xlsx", {  # paid-to-date beside a month's
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],  # receipts
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Paid"],
                     ["I-1", "C1", datetime(2026, 9, 1), 1000, 1000],
                     ["I-2", "C1", datetime(2026, 11, 1), 500, 500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "C1", datetime(2026, 11, 20), 500, "I-2"]]}))
    marks.append(_save(tmp_path, "fils.xlsx", {  # dinars kept blank beside USD customers
        "Customers": [["Customer ID", "Name", "Currency"], ["K1", "Salam", None],
                      ["U1", "Acme", "USD"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "K1", datetime(2026, 10, 1), "1,250.500"]]}))
    marks.append(_save(tmp_path, "fils_unnamed.xlsx", {  # dinars, no currency named at all
        "Customers": [["Customer ID", "Name"], ["K1", "Salam"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "K1", datetime(2026, 10, 1), "1,250.500"]]}))
    marks.append(_save(tmp_path, "cash_sale.xlsx", {  # QuickBooks' Sales Receipt: a cash sale
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Type"],
                     ["1040", "C1", datetime(2026, 10, 2), 3500, "Invoice"],
                     ["1041", "C1", datetime(2026, 10, 5), 750, "Sales Receipt"],
                     # and its Refund Receipt, a sale's money paid back: outside the receivable
                     ["1042", "C1", datetime(2026, 10, 6), 200, "Refund Receipt"]]}))
    marks.append(_save(tmp_path, "amount_currency.xlsx", {  # 'EGP 700.00' in a USD row
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["I1", "C1", datetime(2026, 10, 1), "EGP 700.00", "USD"]]}))
    marks.append(_save(tmp_path, "unread_list.xlsx", {  # FBL5N, its amount heading unknown
        "Customers": [["Customer", "Name 1"], ["100001", "Nile Foods"]],
        "FBL5N": [["St", "DocumentNo", "Type", "Doc. Date", "Net due dt", "Betrag", "Curr."],
                  ["@5C@", "9001", "RV", "01.10.2026", "31.10.2026", "1.000,00", "EGP"]]}))
    marks.append(_save(tmp_path, "rates.xlsx", {  # a rate that is no number
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "FX Rates": [["Currency", "Rate to EGP"], ["USD", 48.5], ["GBP", "n/a"]]}))
    marks.append(_save(tmp_path, "sage_aged.xlsx", {  # Sage 50: A/C and Name above each group
        "Customers": [["A/C", "Name"], ["NIL001", "Nile"]],
        "Aged Debtors": [["A/C", "Name", "No", "Type", "Date", "Ref", "Balance"],
                         ["NIL001", "Nile", None, None, None, None, None],
                         [None, None, "45", "SI", datetime(2026, 9, 15), "10045", 3400]]}))
    def green(wb):  # a collected invoice marked only by its row's colour
        from openpyxl.styles import PatternFill

        for cell in wb["Invoices"][3]:
            cell.fill = PatternFill("solid", fgColor="00B050")

    marks.append(save_sheets(tmp_path / "colours.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100],
                     ["I-2", "C1", datetime(2026, 10, 2), 200],
                     ["I-3", "C1", datetime(2026, 10, 3), 300]]}, post=green))
    marks.append(_save(tmp_path, "receipt_no_currency.xlsx", {  # a receipt's Currency 'CHQ'
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Currency"],
                     ["R-1", "C1", datetime(2026, 10, 5), 100, "I-1", "CHQ"]]}))
    marks.append(_save(tmp_path, "walk_in.xlsx", {  # a register's cash sales, no customer
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount",
                      "Balance"], ["I-1", "C1", "Nile", datetime(2026, 10, 1), 100, 100],
                     ["I-2", None, "Cash Customer", datetime(2026, 10, 2), 50, 0]]}))
    marks.append(_save(tmp_path, "till_sales.xlsx", {  # cash sales paid at the till (mada)
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount",
                      "Payment Method"], ["I-1", "C1", "Nile", datetime(2026, 10, 1), 100, "آجل"],
                     ["I-2", None, "عميل نقدي", datetime(2026, 10, 2), 50, "مدى"]]}))
    for name, policy in (("local_word.xlsx", []), ("local_word_policy.xlsx", [["Currency", "SAR"]])):
        # a customer's Currency 'محلي': the company's, the Policy's or the receipts' one currency
        marks.append(_save(tmp_path, name, {
            "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "محلي"]],
            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                         ["I-1", "C1", datetime(2026, 10, 1), 100]],
            "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Currency"],
                         ["R-1", "C1", datetime(2026, 10, 5), 100, None if policy else "EGP"]],
            **({"Policy": [["Key", "Value"], *policy]} if policy else {})}))
    for name, rows in (  # a register's Paid Date beside its Paid Amount (io.paid_dates)
            ("paid_dates.xlsx", [["I-1", 100, 100, datetime(2026, 10, 9)], ["I-2", 50, None, None]]),
            ("paid_undated.xlsx", [["I-1", 100, 100, None], ["I-2", 50, None, datetime(2026, 11, 9)]]),
            ("paid_no_date.xlsx", [["I-1", 100, 100, None], ["I-2", 50, 50, datetime(2026, 11, 9)]]),
            ("paid_unpaid_date.xlsx", [["I-1", 100, None, datetime(2026, 10, 9)],
                                       ["I-2", 50, 50, datetime(2026, 10, 9)]])):
        marks.append(_save(tmp_path, name, {
            "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Paid Amount",
                          "Paid Date"],
                         *[[no, "C1", datetime(2026, 10, 1), amount, paid, day]
                           for no, amount, paid, day in rows]]}))
    marks.append(_save(tmp_path, "list_receipts.xlsx", {  # SAP B1's documents in one list
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Document Type",
                      "Paid to Date"],
                     ["1001", "C1", datetime(2026, 10, 1), 100, "A/R Invoice", 100],
                     ["9001", "C1", datetime(2026, 10, 9), 100, "Incoming Payment", None]]}))
    marks.append(_save(tmp_path, "invoice_rates.xlsx", {  # the invoices' own Exchange Rate
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency",
                      "Exchange Rate"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100, "EGP", 1],
                     ["I-2", "C1", datetime(2026, 10, 2), 10, "USD", 48.5]]}))
    marks.append(_save(tmp_path, "fx_rate.xlsx", {  # a rate column not saying its direction
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency",
                      "FX Rate"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100, "EGP", 1],
                     ["I-2", "C1", datetime(2026, 10, 2), 10, "USD", 48.5]]}))
    marks.append(_save(tmp_path, "orders_items.xlsx", {  # an orders sheet's 'Name' of items
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", datetime(2026, 10, 1), 100]],
        "Orders": [["Order No", "Name", "Amount"], ["SO-1", "Steel pipes", 50]]}))
    paths = [book, unusable, many, few, FIXTURES / "errors.xlsx", tail, tidied, one_sum,
             due_only, aging_tab, by_name, error_text, error_row, century, credit_open, per_line, formulas, months,
             erp_payments, slips, open_only, applied, archive, no_receipts, entry,
             by_customer, filtered, collapsed, thousands, template, *limits, *marks]
    return [i.message for p in paths for i in read_book(p).issues]


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> list[str]:
    return parser_messages() + reader_messages(tmp_path_factory.mktemp("messages"))


def test_every_arabic_pattern_words_a_message_the_code_produces(messages):
    """Each pattern is the one that words at least one real message (the first that
    matches it): none is dead, whether by a rewording or behind a broader pattern."""
    used = {next((k for k, (p, _) in enumerate(_PATTERNS) if p.match(m)), None)
            for m in messages}
    unused = [p.pattern for k, (p, _) in enumerate(_PATTERNS) if k not in used]
    assert unused == []


def test_every_message_the_code_produces_here_has_its_arabic_wording(messages):
    assert [m for m in messages if arabic_message(m) == m] == []


def test_each_message_takes_the_first_pattern_meant_for_it(messages):
    """A message reads in Arabic with its values in place: no English words are left but
    the values (a header, a cell, a typed value) the message quotes."""
    for message in messages:
        arabic = arabic_message(message)
        for word in ("is not", "required", "read as", "row", "treated", "Excel error"):
            if word in arabic:
                assert word in _quoted(message), (message, arabic)


def _quoted(message: str) -> str:
    """The values a message quotes ('...' and the header before "is"), as a text."""
    import re

    head = message.split(" is ", 1)[0] if " is " in message else ""
    return " ".join(re.findall(r"'([^']*)'", message) + [head])


# The reader's messages whose Arabic another test holds to its own workbooks (the clerks'
# ways: ``io.clerk_messages_ar``, tests/test_h183_clerk_books.py; a limit column in the
# company's currency: tests/test_limit_currency_company_unknown.py), by module and words.
HELD_ELSEWHERE = {
    ("dinars.py", "' names no one currency"),
    ("ditto_customers.py", "' (a ditto) read as the customer above"),
    ("ditto_customers.py", " is blank between two rows of customer"),
    ("net_payable.py", "the invoices' amounts owed are read from"),
    ("percent_columns.py", " percentage(s) typed as fractions read as percentages"),
    ("percent_columns.py", " percentage(s) typed as a fraction beside whole percentages"),
    ("table_read.py", " row(s) numbered ahead hold nothing but their number"),
    ("yearless_dates.py", " date(s) typed without a year read in the year of the dates"),
    ("limit_currencies.py", ", but nothing in the workbook names it"),
}


def _message_templates() -> list[tuple[str, int, str, re.Pattern]]:
    """Each message the reader's modules (ar_excel/io) word for an Input Issue (``X.issue(...,
    message)``, ``Issue(..., message)``) as a pattern: its text as written, each value put in
    it matching anything. (A message put together elsewhere is not seen here.)"""
    import ast

    def pattern(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return re.escape(node.value)
        if isinstance(node, ast.JoinedStr):
            return "".join(re.escape(v.value) if isinstance(v, ast.Constant) else "(?s:.*?)"
                           for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = pattern(node.left), pattern(node.right)
            return None if left is None or right is None else left + right
        return None

    found = []
    for path in sorted((Path(__file__).resolve().parents[1] / "ar_excel" / "io").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func
            message = node.args[2] if isinstance(called, ast.Attribute) and \
                called.attr == "issue" and len(node.args) >= 3 else node.args[4] if \
                isinstance(called, ast.Name) and called.id == "Issue" and len(node.args) >= 5 \
                else None
            text = pattern(message) if message is not None else None
            if text is not None:
                # its words as written, each value put in it as {}
                opening = message.value if isinstance(message, ast.Constant) else "".join(
                    v.value if isinstance(v, ast.Constant) else "{}"
                    for v in getattr(message, "values", ()))
                found.append((path.name, node.lineno, opening, re.compile(text)))
    return found


def test_every_message_the_reader_words_is_made_by_a_workbook_here(messages):
    """Every Input Issue message the reader's modules word is made by one of the workbooks
    above (so its Arabic wording is checked), or by another test's that holds its Arabic
    (``HELD_ELSEWHERE``). A new message with neither fails here: two messages of session 28
    (an amount in another currency than its Currency cell, a sheet headed as an invoice
    list that cannot be read) went to Arabic books in English, no workbook here making them."""
    unmade = [(name, line, opening) for name, line, opening, p in _message_templates()
              if not any(p.fullmatch(m) for m in messages)]
    elsewhere = [(name, line, opening) for name, line, opening in unmade
                 if any(name == n and o in opening for n, o in HELD_ELSEWHERE)]
    assert [u for u in unmade if u not in elsewhere] == []
    # each held elsewhere is a message still worded (none left over from a rewording)
    assert {(n, o) for n, o in HELD_ELSEWHERE if not any(
        name == n and o in opening for name, _, opening in elsewhere)} == set()
