"""An Arabic book's month-end output: every header of every visible tab has its Arabic label
(the translated row above the contract's English names)."""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl
import python_calamine as pc

from ar_excel.cli import main
from ar_excel.io.labels_ar import LABELS

# Headers that read the same in both languages.
SAME_IN_BOTH = {"Row"}


def arabic_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "الرقم الضريبي", "التليفون", "العملة", "حد الائتمان",
               "مدة السداد", "الحالة", "العنوان", "المدينة"])
    ws.append(["ع-001", "شركة النور للتجارة", "123-456-789", "01001234567", "EGP", 50000, 30,
               "نشط", "12 شارع التحرير", "القاهرة"])
    ws.append(["ع-002", "مؤسسة الفجر للمقاولات", "223-456-789", "0223456789", "EGP", 100000, 60,
               "نشط", "5 شارع النصر", "الجيزة"])
    inv = wb.create_sheet("الفواتير")
    inv.append(["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ"])
    inv.append(["ف-101", "ع-001", datetime(2026, 9, 5), datetime(2026, 10, 5), 11400])
    inv.append(["ف-102", "ع-001", datetime(2026, 10, 20), datetime(2026, 11, 19), 22800])
    inv.append(["ف-103", "ع-002", datetime(2026, 6, 1), datetime(2026, 7, 31), 57000])
    pay = wb.create_sheet("التحصيلات")
    pay.append(["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"])
    pay.append(["إ-501", "ع-001", datetime(2026, 10, 1), 11400, "ف-101"])
    plans = wb.create_sheet("Payment Plans")
    plans.append(["Customer ID", "Total Amount", "Instalments", "Start Date", "Frequency"])
    plans.append(["ع-002", 57000, 3, datetime(2026, 10, 1), "شهري"])
    wb.save(path)
    return path


def test_every_visible_header_of_an_arabic_month_end_has_its_arabic_label(tmp_path):
    book = arabic_book(tmp_path / "book.xlsx")
    bank = tmp_path / "bank.csv"
    with open(bank, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["التاريخ", "البيان", "مدين", "دائن"])
        w.writerow(["16/11/2026", "حوالة واردة من شركة النور للتجارة فاتورة ف-102", "",
                    "22,800.00"])
        w.writerow(["20/11/2026", "مصاريف بنكية", "25.00", ""])
        w.writerow(["25/11/2026", "CASH DEPOSIT", "", "1,000.00"])
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    wb = pc.CalamineWorkbook.from_path(str(out))
    visible = [s.name for s in wb.sheets_metadata if str(s.visible).endswith("Visible")]
    checked = 0
    untranslated: dict[str, list[str]] = {}
    for name in visible:
        rows = wb.get_sheet_by_name(name).to_python()
        # the English header row: the one right under the Arabic labels
        for above, header in zip(rows, rows[1:], strict=False):
            if any(h in LABELS and LABELS[h] == a for a, h in zip(above, header, strict=False)):
                left = [h for a, h in zip(above, header, strict=False)
                        if h and a == h and h not in SAME_IN_BOTH]
                if left:
                    untranslated[name] = left
                checked += 1
                break
    assert checked >= 15  # the month-end tabs of the run
    assert untranslated == {}
