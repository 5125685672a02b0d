"""A group's credit limit kept on its head-office account: K100 (limit 500,000) and its two
branches K101 and K102 (الحساب الرئيسي K100, no limit of their own) owe 0, 350,000 and
210,000. Credit Status said K100 'within the limit' and K101 'no credit limit set' with
nothing about the group owing 560,000 against its 500,000. Each row of the group now notes
the combined exposure against the limit set on the parent (Status stays each row's own:
whether a group over its limit holds its branches is the company's decision)."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT

NOTE = ("K100's group (K100, K101, K102): combined exposure 560,000.00 against the limit "
        "500,000.00 set on K100 for the group, over by 60,000.00")


def _book(tmp_path, branch_limit=None, arabic=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء" if arabic else "Customers"
    ws.append(["كود العميل", "اسم العميل", "شروط الدفع", "حد الائتمان", "الحساب الرئيسي",
               "العملة"] if arabic else
              ["Customer ID", "Name", "Payment Terms", "Credit Limit", "Parent Account",
               "Currency"])
    ws.append(["K100", "مجموعة النيل للتجارة", 60, 500000, None, "EGP"])
    ws.append(["K101", "مجموعة النيل - فرع الإسكندرية", 60, branch_limit, "K100", "EGP"])
    ws.append(["K102", "مجموعة النيل - فرع أسيوط", 60, None, "K100", "EGP"])
    ws.append(["K200", "شركة الدلتا للمقاولات", 30, 200000, None, "EGP"])
    sheet = wb.create_sheet("الفواتير" if arabic else "Invoices")
    sheet.append(["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "المبلغ"] if arabic else
                 ["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for row in [["F-1002", "K101", date(2026, 10, 10), 100000],
                ["F-1003", "K101", date(2026, 10, 15), 250000],
                ["F-1005", "K102", date(2026, 11, 10), 210000],
                ["F-1008", "K200", date(2026, 11, 1), 60000]]:
        sheet.append(row)
    path = tmp_path / "group.xlsx"
    wb.save(path)
    return path


def _status(path):
    result = CREDIT.run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    return {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")


def test_the_group_limit_on_the_parent_is_noted_on_each_account(tmp_path):
    status = _status(_book(tmp_path, arabic=False))
    assert status.loc[["K100", "K101", "K102"], "Note"].tolist() == [NOTE] * 3
    assert status.loc[["K100", "K101", "K102"], "Status"].tolist() == ["OK", "OK", "OK"]
    assert not isinstance(status.loc["K200", "Note"], str)  # no group: no note


def test_in_arabic(tmp_path):
    result = CREDIT.run(read_book(_book(tmp_path)), JobOptions(as_of=date(2026, 11, 30)))
    status = {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")
    assert status.loc["K101", "Note"].startswith(
        "مجموعة الحساب K100 (K100, K101, K102): إجمالي المديونية 560,000.00 مقابل الحد "
        "500,000.00 المحدد على الحساب K100 للمجموعة، بتجاوز 60,000.00")


def test_a_branch_with_its_own_limit_is_no_group_of_the_parents(tmp_path):
    status = _status(_book(tmp_path, branch_limit=400000, arabic=False))
    assert not any(isinstance(n, str) and "group" in n for n in status["Note"])
