"""The receipt an open-items list already holds is named after its invoice with a note that
it was paid in the invoice list (``core.paid_in_the_list``): in the workbook's language."""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl

from ar_excel.cli import main


def _book(path, arabic: bool):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء" if arabic else "Customers"
    ws.append(["كود العميل", "اسم العميل", "العملة", "مدة السداد"] if arabic else
              ["Customer ID", "Customer Name", "Currency", "Payment Terms"])
    ws.append(["C1", "شركة النور للتجارة", "EGP", 30])
    inv = wb.create_sheet("الفواتير" if arabic else "Invoices")
    inv.append(["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "المبلغ", "الرصيد المتبقي"]
               if arabic else ["Invoice No", "Customer ID", "Invoice Date", "Amount", "Balance"])
    inv.append(["INV-2001", "C1", datetime(2026, 10, 5), 8200, 3200])  # 5,000 paid in October
    inv.append(["INV-2002", "C1", datetime(2026, 10, 9), 4000, 4000])
    wb.save(path)
    return path


def _reasons(tmp_path, arabic: bool) -> list[str]:
    book = _book(tmp_path / "book.xlsx", arabic)
    bank = tmp_path / "bank.csv"
    with open(bank, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Description", "Debit", "Credit"])
        w.writerow(["16/11/2026", "TRANSFER FROM AL NOUR INV-2001", "", "5,000.00"])
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Bank Matches"]
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if "Method" in r)  # under an Arabic label row
    header = list(rows[at])
    return [(r[header.index("Method")], r[header.index("Reason")]) for r in rows[at + 1:]]


def test_the_receipt_paid_in_the_invoice_list_is_named_in_arabic_in_an_arabic_book(tmp_path):
    assert _reasons(tmp_path, arabic=True) == [(
        "recorded", "مسجل في التحصيلات برقم INV-2001 (مسدد في قائمة الفواتير) بتاريخ "
                    "2026-11-16: البيان يذكر فاتورته INV-2001؛ مسجل بالدفاتر بالفعل، لا يُطبق "
                    "مرة أخرى")]


def test_the_receipt_paid_in_the_invoice_list_keeps_its_english_name_in_an_english_book(
        tmp_path):
    assert _reasons(tmp_path, arabic=False) == [(
        "recorded", "recorded in Payments as INV-2001 (paid in the invoice list) on 2026-11-16: "
                    "the narrative names its invoice INV-2001; already in the books, not "
                    "applied again")]
