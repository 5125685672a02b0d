"""Two small AR books for an independent check of the ``collections`` job, written cell by
cell with openpyxl (not with ``ar_excel.demo``); the expected figures are worked out by hand
in ``tests/test_independent_collections.py``. As of 2026-11-30.

* ``egypt_distributor``: EGP, Arabic sheets and headers, terms 30 days, default dunning levels.
  N-01 10 days overdue, N-02 35 days (plus a current invoice), N-03 70 days, N-04 120 and 60
  days overdue with a credit note and cash on account, N-05 on a 3-instalment monthly plan
  (``Payment Plans`` with a ``Total Amount`` header) with the second instalment missed.
* ``gulf_trader``: SAR base with an AED customer, English, Policy dunning levels 15/45/75
  (three levels): 40, 50, 75 (exactly the last level) and 10 days overdue, and a fortnightly
  plan of 4 instalments whose second instalment falls due on the as-of date.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from tests._workbooks import save_workbook

AS_OF = "2026-11-30"


def _d(y: int, m: int, day: int) -> datetime:
    return datetime(y, m, day)


def _book(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.remove(wb["Sheet"])
    save_workbook(wb, path)
    return path


def egypt_distributor(path: Path) -> Path:
    return _book(path, {
        "العملاء": [
            ["كود العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان",
             "البريد الإلكتروني", "الهاتف", "العنوان", "المدينة"],
            ["N-01", "شركة النيل للتجارة", "EGP", "30 يوم", 100000, "ap@nile-trading.eg",
             "01001234567", "12 شارع التحرير", "القاهرة"],
            ["N-02", "مؤسسة الدلتا للتوريدات", "EGP", "30 يوم", 80000, "fin@delta-supply.eg",
             "01112345678", "5 شارع الجيش", "طنطا"],
            ["N-03", "صيدليات الشفاء", "EGP", "30 يوم", 60000, "accounts@elshifa.eg",
             "01223456789", "8 شارع النصر", "المنصورة"],
            ["N-04", "سوبرماركت الأمانة", "EGP", "30 يوم", 70000, "amana@market.eg",
             "01534567890", "3 شارع البحر", "الإسكندرية"],
            ["N-05", "شركة الأهرام للمقاولات", "EGP", "30 يوم", 50000, "pay@ahram-co.eg",
             "01098765432", "20 شارع الهرم", "الجيزة"],
        ],
        "الفواتير": [
            ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ"],
            ["F-0950", "N-05", _d(2026, 6, 1), _d(2026, 7, 1), 25000],
            ["F-0990", "N-01", _d(2026, 8, 1), _d(2026, 8, 31), 10000],
            ["F-1004", "N-04", _d(2026, 7, 3), _d(2026, 8, 2), 40000],
            ["F-1014", "N-04", _d(2026, 9, 1), _d(2026, 10, 1), 15000],
            ["F-1003", "N-03", _d(2026, 8, 22), _d(2026, 9, 21), 33750.50],
            ["F-1002", "N-02", _d(2026, 9, 26), _d(2026, 10, 26), 20000],
            ["CN-01", "N-04", _d(2026, 10, 15), None, -6000],
            ["F-1001", "N-01", _d(2026, 10, 21), _d(2026, 11, 20), 12500],
            ["F-1012", "N-02", _d(2026, 11, 15), _d(2026, 12, 15), 5000],
        ],
        "التحصيلات": [
            ["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
            ["RC-01", "N-01", _d(2026, 9, 10), 10000, "F-0990"],
            ["RC-02", "N-05", _d(2026, 9, 30), 8333.33, "F-0950"],
            ["RC-03", "N-04", _d(2026, 11, 10), 4000, None],
        ],
        "خطط السداد": [
            ["كود العميل", "إجمالي المبلغ", "عدد الأقساط", "تاريخ البدء", "التكرار"],
            ["N-05", 25000, 3, _d(2026, 9, 30), "شهري"],
        ],
        "السياسة": [
            ["البند", "القيمة"],
            ["اسم الشركة", "شركة المستقبل للتوزيع"],
            ["العملة الأساسية", "EGP"],
        ],
    })


def gulf_trader(path: Path) -> Path:
    return _book(path, {
        "Customers": [
            ["Customer ID", "Customer Name", "Currency", "Payment Terms", "Credit Limit",
             "Email", "Phone", "Address", "City"],
            ["G-01", "Al Noor Trading Est.", "SAR", "Net 30", 50000, "ar@alnoor.sa",
             "+966 11 234 5678", "King Fahd Rd", "Riyadh"],
            ["G-02", "Desert Rose General Trading LLC", "AED", "Net 30", 40000,
             "accounts@desertrose.ae", "+971 4 321 7654", "Al Quoz 3", "Dubai"],
            ["G-03", "Gulf Star Contracting", "SAR", "Net 60", 150000, "finance@gulfstar.sa",
             "+966 13 888 1200", "Prince Mohammed St", "Dammam"],
            ["G-04", "Bahri Marine Supplies", "SAR", "Net 30", 20000, "ap@bahri-marine.sa",
             "+966 12 600 4400", "Corniche Rd", "Jeddah"],
            ["G-05", "Al Waha Foodstuff Co.", "SAR", "Net 30", 30000, "pay@alwaha.sa",
             "+966 11 410 9090", "Olaya St", "Riyadh"],
        ],
        "Invoices": [
            ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            ["INV-1950", "G-05", _d(2026, 6, 1), _d(2026, 7, 1), 10000.10, "SAR"],
            ["INV-1990", "G-01", _d(2026, 7, 1), _d(2026, 7, 31), 11500, "SAR"],
            ["INV-2003", "G-03", _d(2026, 7, 18), _d(2026, 9, 16), 64400, "SAR"],
            ["INV-2002", "G-02", _d(2026, 9, 11), _d(2026, 10, 11), 18375.75, "AED"],
            ["INV-2001", "G-01", _d(2026, 9, 21), _d(2026, 10, 21), 7850.25, "SAR"],
            ["INV-2004", "G-04", _d(2026, 10, 21), _d(2026, 11, 20), 3200, "SAR"],
        ],
        "Payments": [
            ["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
            ["RV-101", "G-01", _d(2026, 8, 5), 11500, "INV-1990"],
            ["RV-102", "G-02", _d(2026, 11, 5), 5000, "INV-2002"],
            ["RV-103", "G-05", _d(2026, 11, 16), 2500.02, None],
        ],
        "Payment Plans": [
            ["Customer ID", "Total Amount", "Instalments", "Start Date", "Frequency"],
            ["G-05", 10000.10, 4, _d(2026, 11, 16), "every 2 weeks"],
        ],
        "Policy": [
            ["Key", "Value"],
            ["Company Name", "Gulf Horizon Trading"],
            ["Base Currency", "SAR"],
            ["Dunning Levels Days", "15, 45, 75"],
        ],
    })


def kuwait_trader(path: Path) -> Path:
    """KWD (fils, three decimals), English headers, customers with Arabic names (written to
    in Arabic): exactly 7 and 30 days overdue (the level boundaries), one whose credit note
    covers its overdue invoice, and a monthly plan from 31 August (month ends) part-paid."""
    return _book(path, {
        "Customers": [
            ["Customer ID", "Customer Name", "Currency", "Payment Terms", "Email", "Phone"],
            ["K-01", "شركة الخليج للأغذية", "KWD", "Net 30", "ap@gulf-food.kw", "+965 2245 1100"],
            ["K-02", "Boubyan Electrical Co.", "KWD", "Net 30", "ar@boubyan-elec.kw",
             "+965 2233 4400"],
            ["K-03", "Al Mubarakiya Stores", "KWD", "Net 30", "acc@mubarakiya.kw",
             "+965 2241 0000"],
            ["K-04", "Salmiya Furniture W.L.L.", "KWD", "Net 30", "fin@salmiya-furn.kw",
             "+965 2575 3030"],
        ],
        "Invoices": [
            ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
            ["INV-K400", "K-04", _d(2026, 6, 15), _d(2026, 7, 15), 1000.001],
            ["INV-K300", "K-03", _d(2026, 9, 1), _d(2026, 10, 1), 500.000],
            ["INV-K200", "K-02", _d(2026, 10, 1), _d(2026, 10, 31), 845.250],
            ["CN-K301", "K-03", _d(2026, 11, 1), None, -500.000],
            ["INV-K100", "K-01", _d(2026, 10, 24), _d(2026, 11, 23), 1234.567],
        ],
        "Payments": [
            ["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
            ["KR-1", "K-04", _d(2026, 8, 31), 250.000, "INV-K400"],
            ["KR-2", "K-04", _d(2026, 10, 5), 150.000, "INV-K400"],
        ],
        "Payment Plans": [
            ["Customer ID", "Total Amount", "Instalments", "Start Date", "Frequency"],
            ["K-04", 1000.001, 4, _d(2026, 8, 31), "Monthly"],
        ],
    })
