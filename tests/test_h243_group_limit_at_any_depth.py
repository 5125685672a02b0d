"""A group's limit kept on its head office (a4a60b2), the parent column naming each account's
own parent: K100 (limit 500,000) over K101 (Alexandria, no limit), K101 over K102 (its
Giza sub-account, no limit), owing 0 / 350,000 / 210,000. The group note counted K100's
direct children only: 'K100's group (K100, K101): combined exposure 350,000.00 against the
limit 500,000.00', within the limit, where the group owes 560,000.00, over by 60,000.00, and
K102 had no note. A parent column naming accounts in a loop makes no group."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT


def test_an_account_under_a_branch_is_in_the_head_offices_group(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
               "Parent Account"])
    ws.append(["K100", "Nile Group", "EGP", 30, 500000, None])
    ws.append(["K101", "Nile Group - Alexandria", "EGP", 30, None, "K100"])
    ws.append(["K102", "Nile Group - Giza", "EGP", 30, None, "K101"])
    ws.append(["K200", "Loop A", "EGP", 30, None, "K201"])
    ws.append(["K201", "Loop B", "EGP", 30, None, "K200"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    inv.append(["I1", "K101", date(2026, 11, 1), date(2026, 12, 1), 350000])
    inv.append(["I2", "K102", date(2026, 11, 1), date(2026, 12, 1), 210000])
    inv.append(["I3", "K200", date(2026, 11, 1), date(2026, 12, 1), 1000])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    status = CREDIT.run(read_book(path), JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    notes = status.set_index("Customer ID")["Note"].fillna("")
    said = ("K100's group (K100, K101, K102): combined exposure 560,000.00 against the limit "
            "500,000.00 set on K100 for the group, over by 60,000.00")
    assert [said in notes[c] for c in ["K100", "K101", "K102"]] == [True, True, True]
    assert [notes[c] for c in ["K200", "K201"]] == ["", ""]


def test_numeric_account_numbers_with_the_head_office_naming_no_parent(tmp_path):
    # (helper-247's re-read: the parent column, blank on the head office's row, is read as
    # floats, 1001.0, and no account matched it: no group note at all)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
               "Parent Account"])
    ws.append([1001, "Nile Group", "EGP", 30, 500000, None])
    ws.append([1002, "Nile Group - Alexandria", "EGP", 30, None, 1001])
    ws.append([1003, "Nile Group - Giza", "EGP", 30, None, 1001])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    inv.append(["I1", 1002, date(2026, 11, 1), date(2026, 12, 1), 350000])
    inv.append(["I2", 1003, date(2026, 11, 1), date(2026, 12, 1), 210000])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    status = CREDIT.run(read_book(path), JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    notes = dict(zip(status["Customer ID"].astype(str), status["Note"].fillna(""), strict=True))
    said = ("1001's group (1001, 1002, 1003): combined exposure 560,000.00 against the limit "
            "500,000.00 set on 1001 for the group, over by 60,000.00")
    assert [said in notes[c] for c in ["1001", "1002", "1003"]] == [True, True, True]
