"""A hand-kept invoice list with one signed Amount column and no document type column: a
receipt is a negative row whose البيان says so and names the invoice it pays ('دفعة جزئية من
F-2026-031', 'سداد جزئي F-2026-042'). It pays that invoice, as the same row typed 'دفعة' or
kept in a Debit / Credit ledger does; before, it was read as money on account by its own date
(a Jordanian book as of 30 November: F-2026-031's 8,450.750 in 90+ and the 3,000.000 paid on
it at 61-90, where 5,450.750 is owed at 91 days)."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.core.ledger import PAYS_INVOICE
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"])
    ws.append(["J01", "شركة البتراء للأدوية", "JOD", "Due end of the month"])
    ws.append(["J03", "Zarqa Steel Co.", "JOD", "Due on Receipt"])
    sheet = wb.create_sheet("الفواتير")
    sheet.append(["التاريخ", "رقم المستند", "رقم العميل", "البيان", "المبلغ"])
    for row in [["2026-08-14", "F-2026-031", "J01", "توريد أدوية", 8450.75],
                ["2026-09-03", "P-2026-012", "J01", "دفعة جزئية من F-2026-031", -3000],
                ["2026-10-20", "F-2026-044", "J01", "توريد أدوية", 6200.125],
                ["2026-10-01", "F-2026-042", "J03", "حديد", 1750],
                ["2026-10-15", "P-2026-015", "J03", "سداد جزئي F-2026-042", -750],
                ["2026-11-20", "R-2026-003", "J03", "مرتجع من F-2026-042", -250]]:
        sheet.append(row)
    path = tmp_path / "jordan.xlsx"
    wb.save(path)
    return path


def test_a_narrated_receipt_naming_its_invoice_pays_it(tmp_path):
    book = read_book(_book(tmp_path))
    pays = dict(zip(book.invoices["Invoice No"], book.invoices[PAYS_INVOICE], strict=True))
    # the return names F-2026-042 too: a credit note by its own date, no receipt
    assert (pays["P-2026-012"], pays["P-2026-015"]) == ("F-2026-031", "F-2026-042")
    assert pays["R-2026-003"] is None
    result = AGING.run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = {t.name: t.frame for t in result.tabs}["Aging"].set_index("Customer ID")
    buckets = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]
    assert aging.loc["J01", buckets].tolist() == [0, 6200.125, 0, 0, 5450.75, 11650.875]
    assert aging.loc["J03", buckets].tolist() == [0, -250, 1000, 0, 0, 750]
