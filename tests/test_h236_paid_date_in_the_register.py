"""A hand-kept Egyptian register, no Payments sheet: each invoice's payment written on its own
row, المبلغ المدفوع (or الرصيد) and تاريخ السداد. F-1006 (60,000, due 1 October) was paid on
3 December: as of 30 November it was owed 60 days, but the list was taken as stating today's
balances at every date, so it was missing from the Aging (590,000 for 650,000), the Dunning
and the Credit Status, and November's Receipts and CEI were blank. The paid date is the
receipt's date now; a column that is not one (a date beside an unpaid invoice, a paid invoice
without a date) is said at its cell and the list taken as it states, as before."""

from __future__ import annotations

from datetime import date

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING

_ROWS = [("F-1001", "K100", date(2026, 8, 1), date(2026, 9, 30), 200000, 200000, date(2026, 10, 5)),
         ("F-1002", "K101", date(2026, 9, 10), date(2026, 11, 9), 180000, 80000, date(2026, 11, 20)),
         ("F-1003", "K101", date(2026, 10, 15), date(2026, 12, 14), 250000, None, None),
         ("F-1006", "K200", date(2026, 9, 1), date(2026, 10, 1), 60000, 60000, date(2026, 12, 3)),
         ("F-1007", "K200", date(2026, 10, 20), date(2026, 11, 19), 45000, 45000, date(2026, 11, 25)),
         ("F-1008", "K300", date(2026, 11, 10), date(2026, 12, 25), 30000, None, None)]


def _book(tmp_path, rows=_ROWS, by_balance=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "شروط الدفع", "حد الائتمان", "العملة"])
    for cid, name in [("K100", "مجموعة النيل للتجارة"), ("K101", "النيل - فرع الإسكندرية"),
                      ("K200", "شركة الدلتا للمقاولات"), ("K300", "مؤسسة السلام")]:
        ws.append([cid, name, 30, 500000, "EGP"])
    sheet = wb.create_sheet("الفواتير")
    sheet.append(["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ",
                  "الرصيد" if by_balance else "المبلغ المدفوع", "تاريخ السداد"])
    for no, cid, day, due, amount, paid, paid_on in rows:
        sheet.append([no, cid, day, due, amount,
                      amount - (paid or 0) if by_balance else paid, paid_on])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    return path


def _aging(path, as_of):
    result = AGING.run(read_book(path), JobOptions(as_of=as_of))
    return {t.name: t.frame for t in result.tabs}["Aging"].set_index("Customer ID")


BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


@pytest.mark.parametrize("by_balance", [False, True])
def test_an_invoice_paid_after_the_as_of_date_is_owed_on_it(tmp_path, by_balance):
    aging = _aging(_book(tmp_path, by_balance=by_balance), date(2026, 11, 30))
    assert aging.loc["K200", BUCKETS].tolist() == [0, 0, 60000, 0, 0, 60000]
    assert aging.loc["K101", BUCKETS].tolist() == [250000, 100000, 0, 0, 0, 350000]
    assert "K100" not in aging.index  # paid on 5 October
    # as of 31 October: F-1002 not yet part-paid, F-1007 not yet paid, F-1001 paid
    aging = _aging(_book(tmp_path, by_balance=by_balance), date(2026, 10, 31))
    assert aging.loc["K101", BUCKETS].tolist() == [430000, 0, 0, 0, 0, 430000]
    assert aging.loc["K200", BUCKETS].tolist() == [45000, 60000, 0, 0, 0, 105000]


def test_the_months_receipts_are_known(tmp_path):
    path = _book(tmp_path)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=1)
    k = {(kpi, cur): v for kpi, cur, v in zip(table["KPI"], table["Currency"], table["Value"],
                                              strict=False)}
    # opening 430,000 + 105,000; F-1008 the month's sale; 80,000 + 45,000 received
    assert (k["Opening AR", "EGP"], k["Credit Sales", "EGP"]) == (535000, 30000)
    assert (k["Receipts Count", "EGP"], k["Receipts", "EGP"]) == (2, 125000)
    assert (k["Closing AR", "EGP"], k["Closing Current AR", "EGP"]) == (440000, 280000)
    assert k["CEI %", "EGP"] == round(125000 / (535000 + 30000 - 280000) * 100, 2)  # 43.86
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine", header=1)
    said = issues[issues["Column"] == "تاريخ السداد"]
    assert said["Cell"].tolist() == ["G2"]
    assert said["Message"].iloc[0].startswith("4 فاتورة مسددة في اليوم الذي يذكره العمود")


def test_a_date_beside_an_unpaid_invoice_is_no_paid_date(tmp_path):
    rows = [*_ROWS[:5], ("F-1008", "K300", date(2026, 11, 10), date(2026, 12, 25), 30000, None,
                         date(2026, 12, 25))]  # the day it is expected: no payment
    book = read_book(_book(tmp_path, rows))
    said = [i for i in book.issues if i.column == "تاريخ السداد"]
    assert [(i.sheet, i.cell) for i in said] == [("الفواتير", "G7")]
    assert said[0].message == (
        "column 'تاريخ السداد' not read as the days invoices were paid: 1 date(s) beside an "
        "invoice the list shows unpaid (G7); the list is taken as it states what is open, "
        "today's balances at every date")
    assert "لم يُقرأ العمود 'تاريخ السداد'" in arabic_message(said[0].message)
    assert "Payments" not in book.tables
    # taken as it states: F-1006 settled at every date, as before
    assert "K200" not in _aging(_book(tmp_path, rows), date(2026, 11, 30)).index


def test_a_paid_invoice_without_a_date_keeps_the_list_as_stated(tmp_path):
    rows = [*_ROWS[:4], ("F-1007", "K200", date(2026, 10, 20), date(2026, 11, 19), 45000, 45000,
                         None), _ROWS[5]]
    book = read_book(_book(tmp_path, rows))
    said = [i for i in book.issues if i.column == "تاريخ السداد"]
    assert [i.cell for i in said] == ["G6"]
    assert "1 paid invoice(s) without a date (A6)" in said[0].message
    assert arabic_message(said[0].message) != said[0].message
    assert "Payments" not in book.tables


def test_the_statement_shows_the_receipt_on_its_day_naming_its_invoice(tmp_path):
    path = _book(tmp_path)
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-11-30", "--customer", "K200",
                 "--no-pdf", "-o", str(out)]) == 0
    rows = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine", header=1)
    moved = rows[rows["Credit"].fillna(0) > 0]
    # F-1007's 45,000 paid on 25 November: no receipt number of its own, the invoice named
    # (was its Payment ID with English words, in an Arabic statement)
    assert moved[["Document", "Reference", "Credit"]].astype(object).where(
        moved[["Document", "Reference", "Credit"]].notna(), None).values.tolist() == [
        [None, "F-1007", 45000]]
    assert rows["Balance"].dropna().tolist()[:3] == [105000, 60000, 60000]


@pytest.mark.parametrize("currency_column", [True, False])
def test_a_dinar_invoice_paid_to_its_fils(tmp_path, currency_column):
    # (helper-247's re-read: the paid part was read through the ledger's open amount, rounded
    # to two decimals where no currency is given: a KWD invoice of 1,000.125 with 0.125 open
    # was paid 999.995, and 0.130 stayed owed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms", "Credit Limit", "Currency"])
    ws.append(["K1", "Gulf Trading", 30, 50000, "KWD"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Balance",
                "Paid Date"] + (["Currency"] if currency_column else []))
    for row in (["F-1", "K1", date(2026, 9, 1), date(2026, 10, 1), 1000.125, 0.125,
                 date(2026, 10, 20)],
                ["F-2", "K1", date(2026, 10, 1), date(2026, 10, 31), 2000.0, 2000.0, None]):
        inv.append(row + (["KWD"] if currency_column else []))
    path = tmp_path / "kwd.xlsx"
    wb.save(path)
    assert _aging(path, date(2026, 11, 30)).loc["K1", "Total"] == 2000.125
    assert _aging(path, date(2026, 10, 19)).loc["K1", "Total"] == 3000.125
