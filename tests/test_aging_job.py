"""The aging job end to end: workbook in, Aging and Aging Detail tabs out, read back."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.io.reader import read_book
from ar_excel.io.writer import write_tabs
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB
from tests._aging_books import june_book, write_book


def sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def caption(rows: list) -> str:
    """The tab's caption: the last value of the header row (written right of the table)."""
    return [v for v in rows[0] if v is not None][-1]


@pytest.fixture()
def june_xlsx(tmp_path):
    path = tmp_path / "book.xlsx"
    write_book(path, *june_book())
    return path


def run_to(tmp_path, book_path, as_of):
    book = read_book(book_path)
    result = JOB.run(book, JobOptions(as_of=as_of))
    out = write_tabs(result.tabs, source=book_path, out=tmp_path / "out.xlsx")
    return result, openpyxl.load_workbook(out)


def test_aging_tab_as_written(tmp_path, june_xlsx):
    result, wb = run_to(tmp_path, june_xlsx, date(2026, 6, 30))
    assert wb.sheetnames == ["Aging", "Aging Detail"]
    ws = wb["Aging"]
    rows = sheet_rows(ws)
    assert caption(rows) == ("Aging as of 2026-06-30 by due date; grand total EGP 3,080.15 vs "
                             "ledger open balance 3,080.15: difference 0.00 (ties)")
    assert rows[0][:9] == ["Customer ID", "Customer", "Current", "1-30", "31-60", "61-90",
                           "90+", "Total", "Currency"]
    assert rows[1][:9] == ["C1", "Nile Trading", 750, 180.15, 400, 0, 1000, 2330.15, "EGP"]
    assert rows[2][:9] == ["C2", "Delta Foods", -800, -500, 0, 2000, 0, 700, "EGP"]
    assert rows[3][:9] == ["C10", "Cairo Steel", 0, 0, -300, 250, 100, 50, "EGP"]
    assert ws["C2"].number_format.startswith("#,##0.00")
    # Under the table: the tie-out, then the bucket totals that the chart plots.
    assert rows[4] == [None] * len(rows[4]) or not any(rows[4])
    flat = [r[:5] for r in rows[5:]]
    assert ["Currency", "Aging Grand Total", "Ledger Open Balance", "Difference", "Check"] in flat
    assert ["EGP", 3080.15, 3080.15, 0, "OK"] in flat
    start = flat.index(["Bucket", "EGP", "Share %", None, None])
    assert [r[:2] for r in flat[start + 1:start + 6]] == [
        ["Current", -50], ["1-30", -319.85], ["31-60", 100], ["61-90", 2250], ["90+", 1100]]
    assert len(ws._charts) == 1
    assert "3,080.15" in result.summary and "ties" in result.summary
    assert result.issues == []


def test_detail_tab_lists_every_open_item(tmp_path, june_xlsx):
    _, wb = run_to(tmp_path, june_xlsx, date(2026, 6, 30))
    rows = sheet_rows(wb["Aging Detail"])
    header = rows[0]
    assert header[:13] == ["Customer ID", "Customer", "Item Type", "Document No", "Invoice No",
                           "Date", "Due Date", "Currency", "Amount", "Open Amount",
                           "Days Past Due", "Age Days", "Bucket"]
    body = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert len(body) == 11
    inv4 = next(r for r in body if r["Document No"] == "INV4")
    assert (inv4["Open Amount"], inv4["Days Past Due"], inv4["Bucket"]) == (400, 51, "31-60")
    p4 = next(r for r in body if r["Document No"] == "P4")
    assert (p4["Item Type"], p4["Open Amount"], p4["Bucket"]) == ("Payment", -500, "1-30")
    assert round(sum(r["Open Amount"] for r in body), 2) == 3080.15


def test_policy_sheet_buckets_and_basis(tmp_path):
    path = tmp_path / "book.xlsx"
    write_book(path, *june_book(), policy={"aging_buckets_days": "30, 60, 90, 120",
                                           "aging_basis": "invoice date"})
    _, wb = run_to(tmp_path, path, date(2026, 6, 30))
    rows = sheet_rows(wb["Aging"])
    assert "by invoice date" in caption(rows)
    assert rows[0][:10] == ["Customer ID", "Customer", "Current", "1-30", "31-60", "61-90",
                            "91-120", "120+", "Total", "Currency"]
    # C1 by invoice date: INV3 + CN1 | INV2 | INV4 | INV1 (121 days)
    assert rows[1][:9] == ["C1", "Nile Trading", 0, 629.9, 300.25, 400, 0, 1000, 2330.15]


def test_a_past_date_reopens_invoices_paid_later(tmp_path, june_xlsx):
    _, june = run_to(tmp_path, june_xlsx, date(2026, 6, 30))
    _, july = run_to(tmp_path, june_xlsx, date(2026, 7, 31))
    june_detail = {r[3] for r in sheet_rows(june["Aging Detail"])[1:]}
    july_detail = {r[3] for r in sheet_rows(july["Aging Detail"])[1:]}
    assert "INV4" in june_detail and "INV4" not in july_detail  # paid 2026-07-05
    assert "INV7" not in june_detail and "INV7" in july_detail  # issued 2026-07-02


def test_an_undated_receipt_is_aged_current_and_reported(tmp_path):
    cust, inv, pay = june_book()
    pay.loc[pay["Payment ID"] == "P1", "Date"] = None
    path = tmp_path / "book.xlsx"
    write_book(path, cust, inv, pay)
    result, wb = run_to(tmp_path, path, date(2026, 6, 30))
    rows = sheet_rows(wb["Aging"])
    assert rows[2][:8] == ["C2", "Delta Foods", -800, -500, 0, 2000, 0, 700]
    [issue] = result.issues
    assert (issue.sheet, issue.cell, issue.column) == ("Payments", "C2", "Date")
    assert "P1 has no date" in issue.message and "Current" in issue.message


def test_arabic_workbook_unknown_customer_and_blank_currency(tmp_path):
    """Arabic sheet and header names, typed values, a customer without a currency and an
    invoice for an ID missing from Customers: every amount is aged and the total ties."""
    from ar_excel.cli import main

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["تقرير العملاء"])
    ws.append(["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"])
    ws.append(["١٠١", "شركة النيل", "EGP", "Net 30"])
    ws.append(["102", "Delta", None, "٣٠"])
    inv = wb.create_sheet("الفواتير")
    inv.append(["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"])
    inv.append(["F-1", "101", "01/05/2026", "1,250.50"])
    inv.append(["F-2", "102", "2026-06-20", "٣٠٠"])
    inv.append(["F-3", "999", "2026-06-01", "50"])
    book = tmp_path / "دفتر.xlsx"
    wb.save(book)
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "30/06/2026", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Aging"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    header = [r[:9] for r in rows].index(("Customer ID", "Customer", "Current", "1-30", "31-60",
                                          "61-90", "90+", "Total", "Currency"))
    assert rows[header + 1][:9] == ("101", "شركة النيل", 0, 1250.5, 0, 0, 0, 1250.5, "EGP")
    assert rows[header + 2][:9] == ("102", "Delta", 300, 0, 0, 0, 0, 300, "EGP")  # blank = EGP
    assert rows[header + 3][:9] == ("999", "(غير مسجل في العملاء)", 0, 50, 0, 0, 0, 50, "EGP")
    assert "الإجمالي العام EGP 1,600.50 مقابل الرصيد المفتوح في الدفاتر 1,600.50" in caption(rows)
    assert ws.sheet_view.rightToLeft
