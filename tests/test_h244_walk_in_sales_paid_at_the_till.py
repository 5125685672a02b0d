"""A ZATCA simplified-invoice register: cash sales paid at the till (blank Customer ID, buyer
'عميل نقدي' / 'Cash Customer', Payment Method نقدي / مدى / Card), no Balance or Paid column,
beside a credit sale to a customer of the master. The till sales were aged as owed by
'(not in Customers)' (1,725.00 SAR): nothing in the sheet said they were paid. Now a walk-in
sale whose Payment Method is a till payment is no receivable (Amount 0 in the Aging and
KPIs), yet still checked as an invoice at what it was sold for (its net and VAT add up: no
INVOICE_TOTAL_MISMATCH); one Input Issue says how many. A walk-in sale on credit ('آجل')
stays owed."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.invoices import JOB as INVOICES

AS_OF = date(2026, 11, 30)


def _book(tmp_path, credit_word="آجل"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "مؤسسة الرياض للتجارة", "SAR", 30])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Invoice Date", "Due Date", "Customer ID", "Customer Name",
                  "Payment Method", "Currency", "Net Amount", "VAT Amount", "Amount"])
    sheet.append(["SIM-001", date(2026, 11, 2), date(2026, 11, 2), None, "عميل نقدي", "نقدي",
                  "SAR", 500, 75, 575])
    sheet.append(["SIM-002", date(2026, 11, 3), date(2026, 11, 3), None, "عميل نقدي", "مدى",
                  "SAR", 600, 90, 690])
    sheet.append(["SIM-003", date(2026, 11, 4), date(2026, 11, 4), None, "Cash Customer",
                  "Card", "SAR", 400, 60, 460])
    sheet.append(["STD-001", date(2026, 11, 5), date(2026, 12, 5), "C1",
                  "مؤسسة الرياض للتجارة", "آجل", "SAR", 10000, 1500, 11500])
    sheet.append(["SIM-004", date(2026, 11, 6), date(2026, 11, 6), None, "عميل نقدي",
                  credit_word, "SAR", 200, 30, 230])
    path = tmp_path / "zatca.xlsx"
    wb.save(path)
    return path


def test_till_sales_are_no_receivable_but_still_invoices(tmp_path):
    book = read_book(_book(tmp_path))
    said = [i for i in book.issues if "paid at the till" in i.message]
    assert [(i.sheet, i.cell, i.message) for i in said] == [(
        "Invoices", "F2", "3 sale(s) to the walk-in account with no Customer ID paid at the "
        "till (نقدي, مدى, Card): not receivables, counted as 0 in the Aging and KPIs; still "
        "checked as invoices (F2, F3, F4)")]
    aging = {t.name: t.frame for t in AGING.run(book, JobOptions(as_of=AS_OF)).tabs}["Aging"]
    totals = dict(zip(aging["Customer ID"].fillna("(blank)"), aging["Total"], strict=True))
    # C1's 11,500 and the walk-in sale on credit (230.00) only, not the 1,725.00 paid at the till
    assert {k: v for k, v in totals.items() if v} == {"C1": 11500, "(blank)": 230}
    checks = {t.name: t.frame for t in INVOICES.run(read_book(_book(tmp_path)),
                                                    JobOptions(as_of=AS_OF)).tabs}
    assert "INVOICE_TOTAL_MISMATCH" not in set(checks["Invoice Checks"]["Code"])


def test_only_a_till_payment_says_so(tmp_path):
    # 'آجل' (on credit) beside the walk-in name: owed, as before
    book = read_book(_book(tmp_path, credit_word="آجل"))
    amounts = book.invoices.set_index("Invoice No")["Amount"]
    assert amounts[["SIM-001", "SIM-004", "STD-001"]].tolist() == [0, 230, 11500]
