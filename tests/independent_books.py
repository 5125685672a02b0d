"""Six small AR workbooks kept the way real finance teams keep them, written cell by cell
with openpyxl, independently of ``ar_excel.demo``: the data was not shaped by our generator.

* ``egypt_distributor``: EGP, Arabic sheet names and headers, a merged title row, terms as
  ``30 يوم`` / ``Net 45`` / ``٣٠``, a Due Date column with some cells blank, part payments,
  a receipt naming two invoices, cash on account, a credit note, a customer on Hold, a
  discount recorded as a Payments row (Method ``خصم``), an invoice and a receipt dated after
  the as-of date.
* ``saudi_contractor``: SAR, progress bills with 10 % retention invoiced separately on 365
  days, 90-day terms as the invoice's own Credit Days, VAT-inclusive totals beside the net
  and VAT columns, aging buckets 30/60/90/120 in the Policy.
* ``uae_trader``: AED customers with some invoices in USD, a USD customer, exchange rates in
  the Policy.
* ``kuwait_company``: KWD with fils (3 decimals), amounts typed as ``KD 1,234.125`` text,
  no Due Date column at all, day-first text dates.
* ``quickbooks_book``: an English QuickBooks-like book: customers keyed by name, a Type
  column with ``Credit Memo``, invoice Terms ``Net 30`` / ``Due on receipt``, month-first
  text dates (``MM/DD/YYYY`` in the Policy), Payment Method column.
* ``jordan_pharma``: JOD (fils), aging by invoice date, hold after 60 days and warning at
  75 % in the Policy, an overpayment, a credit note refunded in cash, invoices exactly 60
  and 61 days past due.

The expected figures are worked out by hand in ``tests/test_independent_books.py``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

from tests._workbooks import save_workbook

AS_OF = "2026-11-30"


def _d(y: int, m: int, day: int) -> datetime:
    return datetime(y, m, day)


def _sheet(wb: openpyxl.Workbook, title: str, rows: list[list], *,
           title_row: str | None = None) -> None:
    ws = wb.create_sheet(title)
    if title_row:  # a report title merged across the columns, then a blank row
        ws.append([title_row])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for row in rows:
        ws.append(row)


def _save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.remove(wb["Sheet"])
    save_workbook(wb, path)
    return path


def egypt_distributor(path: Path) -> Path:
    wb = openpyxl.Workbook()
    _sheet(wb, "العملاء", [
        ["كود العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان", "الحالة", "الهاتف"],
        ["C-101", "شركة النيل للتجارة", "EGP", "30 يوم", "250,000", "نشط", "01001234567"],
        ["C-102", "مؤسسة الدلتا للتوريدات", "ج.م", "Net 45", 100000, "نشط", "01112345678"],
        ["C-103", "صيدليات الشفاء", "EGP", 60, 50000, "موقوف", "01223456789"],
        ["C-104", "سوبرماركت الأمانة", "EGP", "٣٠", "٦٠٬٠٠٠", "نشط", "01534567890"],
    ], title_row="شركة المستقبل للتوزيع - بيانات العملاء")
    _sheet(wb, "الفواتير", [
        ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ", "ملاحظات"],
        ["F-2026-0710", "C-102", _d(2026, 7, 15), None, 18240.00, "توريد يوليو"],
        ["F-2026-0801", "C-101", _d(2026, 8, 10), None, "45,600.00", None],
        ["F-2026-0830", "C-104", "20/08/2026", None, 9120, None],
        ["F-2026-0902", "C-101", _d(2026, 9, 20), None, 38000, None],
        ["F-2026-0950", "C-103", _d(2026, 9, 10), None, "12,540.00 ج.م", None],
        ["F-2026-1005", "C-101", _d(2026, 10, 15), _d(2026, 11, 14), 57000, "آجل خاص"],
        ["F-2026-1012", "C-102", _d(2026, 10, 3), "17/11/2026", 30780, None],
        ["F-2026-1015", "C-104", _d(2026, 10, 25), None, 51300, None],
        [],
        ["F-2026-1103", "C-101", _d(2026, 11, 5), None, 22800, None],
        ["CN-2026-015", "C-102", _d(2026, 11, 10), None, -3420, "مرتجع من F-2026-1012"],
        ["F-2026-1118", "C-104", "١٨/١١/٢٠٢٦", None, 6840, None],
        ["F-2026-1120", "C-103", _d(2026, 11, 12), None, 4560, None],
        ["F-2026-1201", "C-101", _d(2026, 12, 2), None, 11400, "بعد تاريخ التقرير"],
    ], title_row="سجل فواتير المبيعات 2026")
    _sheet(wb, "التحصيلات", [
        ["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة", "طريقة الدفع"],
        ["RC-501", "C-101", _d(2026, 9, 25), 20000, "F-2026-0801", "تحويل بنكي"],
        ["RC-510", "C-102", _d(2026, 9, 30), 10000, "F-2026-0710", "شيك"],
        ["RC-502", "C-101", _d(2026, 10, 28), "60,000", "F-2026-0902 و F-2026-1005",
         "تحويل بنكي"],
        ["RC-503", "C-101", _d(2026, 11, 20), 15000, None, "نقدي"],
        ["RC-520", "C-103", _d(2026, 11, 25), 12400, "F-2026-0950", "شيك"],
        ["RC-521", "C-103", _d(2026, 11, 25), 140, "F-2026-0950", "خصم"],
        ["RC-540", "C-101", _d(2026, 12, 3), 22800, "F-2026-1103", "تحويل بنكي"],
    ])
    _sheet(wb, "السياسة", [
        ["البند", "القيمة"],
        ["اسم الشركة", "شركة المستقبل للتوزيع"],
        ["العملة الأساسية", "EGP"],
    ])
    return _save(wb, path)


def saudi_contractor(path: Path) -> Path:
    wb = openpyxl.Workbook()
    _sheet(wb, "Customer Master", [
        ["Customer Code", "Customer Name", "VAT No", "Currency", "Payment Terms",
         "Credit Limit", "Status"],
        [2001, "Al-Rajhi Development Co.", "300012345600003", "SAR", "90 days", 1500000,
         "Active"],
        [2002, "Nesma Projects", "300098765400003", "SAR", "Net 60", "500,000.00", "Active"],
        [2003, "Riyadh Municipality", None, "SAR", 90, None, "Active"],
    ])
    header = ["Invoice No", "Customer Code", "Invoice Date", "Description", "Net Amount",
              "VAT 15%", "Total Incl. VAT", "Credit Days"]

    def bill(no, cust, day, what, net, days):
        vat = round(net * 0.15, 2)
        return [no, cust, day, what, net, vat, round(net + vat, 2), days]

    _sheet(wb, "Sales Invoices", [
        header,
        bill("INV-2002-041", 2002, _d(2026, 5, 20), "Villa compound - fit-out", 80000, 60),
        bill("PB-0107", 2001, _d(2026, 6, 15), "Progress bill 7 (90%)", 360000, 90),
        bill("RET-0107", 2001, _d(2026, 6, 15), "Retention 10% - PB 7", 40000, 365),
        bill("INV-2003-007", 2003, _d(2026, 7, 1), "Road maintenance, Q2", 200000, 90),
        bill("PB-0108", 2001, _d(2026, 8, 31), "Progress bill 8 (90%)", 225000, 90),
        bill("RET-0108", 2001, _d(2026, 8, 31), "Retention 10% - PB 8", 25000, 365),
        bill("INV-2002-052", 2002, _d(2026, 9, 1), "Variation order 3", 50000, 60),
        bill("INV-2002-058", 2002, _d(2026, 10, 1), "Variation order 4", 30000, 60),
        bill("PB-0109", 2001, _d(2026, 10, 31), "Progress bill 9 (90%)", 162000, 90),
        bill("RET-0109", 2001, _d(2026, 10, 31), "Retention 10% - PB 9", 18000, 365),
        bill("CN-2003-001", 2003, _d(2026, 11, 15), "Credit note - penalty", -10000, None),
        bill("PB-0110", 2001, _d(2026, 11, 30), "Progress bill 10 (90%)", 90000, 90),
        bill("RET-0110", 2001, _d(2026, 11, 30), "Retention 10% - PB 10", 10000, 365),
    ])
    _sheet(wb, "Receipts", [
        ["Receipt No", "Customer Code", "Receipt Date", "Amount", "Invoice No"],
        ["RCV-3008", 2002, _d(2026, 8, 15), 50000, "INV-2002-041"],
        ["RCV-3001", 2001, _d(2026, 9, 28), 300000, "PB-0107"],
        ["RCV-3015", 2001, _d(2026, 11, 20), 114000, "PB-0107"],
        ["RCV-3020", 2002, _d(2026, 11, 28), 20000, None],
    ])
    _sheet(wb, "Policy", [
        ["Key", "Value"],
        ["Aging Buckets Days", "30, 60, 90, 120"],
        ["Company Name", "Al-Bina Contracting Co."],
    ])
    return _save(wb, path)


def uae_trader(path: Path) -> Path:
    wb = openpyxl.Workbook()
    _sheet(wb, "Customers", [
        ["Customer ID", "Customer Name", "TRN", "Currency", "Terms", "Credit Limit", "Email"],
        ["CU-01", "Gulf Star Trading LLC", "100234567800003", "AED", 30, 200000,
         "ap@gulfstar.ae"],
        ["CU-02", "Desert Rose General Trading", "100345678900003", "AED", 60, 100000,
         "accounts@desertrose.ae"],
        ["CU-03", "Oasis Marine Services FZE", None, "USD", 45, 50000, "finance@oasis.ae"],
    ])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"],
        ["INV-7010", "CU-02", _d(2026, 7, 1), None, "AED", 18900],
        ["INV-7001", "CU-01", _d(2026, 9, 15), _d(2026, 10, 15), "AED", 52500],
        ["INV-7020", "CU-03", _d(2026, 10, 1), None, None, 12250],
        ["INV-7011", "CU-02", _d(2026, 10, 5), None, "AED", 42000],
        ["INV-7002", "CU-01", _d(2026, 10, 20), _d(2026, 11, 19), "USD", 10000],
        ["INV-7003", "CU-01", _d(2026, 11, 10), _d(2026, 12, 10), "AED", 31500],
        ["CN-7011", "CU-02", _d(2026, 11, 15), None, "AED", -2100],
        ["INV-7021", "CU-03", _d(2026, 11, 20), None, "USD", 8400],
    ])
    _sheet(wb, "Payments", [
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
        ["PMT-01", "CU-01", _d(2026, 10, 10), 20000, "INV-7001"],
        ["PMT-02", "CU-01", _d(2026, 11, 25), 4000, "INV-7002"],
        ["PMT-05", "CU-03", _d(2026, 11, 30), 5000, None],
    ])
    _sheet(wb, "Policy", [
        ["Key", "Value"],
        ["Base Currency", "AED"],
        ["Exchange Rates", "USD=3.6725"],
    ])
    return _save(wb, path)


def kuwait_company(path: Path) -> Path:
    wb = openpyxl.Workbook()
    _sheet(wb, "Customers", [
        ["Customer No", "Customer Name", "Currency", "Payment Terms", "Credit Limit"],
        ["K-1", "Al-Shaya Trading Co.", "KWD", "30 days", "KD 15,000.000"],
        ["K-2", "Boodai Foods W.L.L.", "KWD", "60 days", "5,000.000"],
    ])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer No", "Invoice Date", "Amount"],
        ["KW-2001", "K-2", "10/06/2026", "KD 1,875.375"],
        ["KW-1001", "K-1", "25/08/2026", "KD 4,250.750"],
        ["KW-2002", "K-2", "22/09/2026", "2,960.625"],
        ["KW-1002", "K-1", "12/10/2026", "KD 3,180.125"],
        ["KW-2003", "K-2", "03/11/2026", "1,215.000"],
        ["KW-CN-01", "K-2", "10/11/2026", "-125.125"],
        ["KW-1003", "K-1", "16/11/2026", 2045.5],
    ])
    _sheet(wb, "Payments", [
        ["Receipt No", "Customer No", "Date", "Amount", "Invoice No"],
        ["P-10", "K-2", "30/08/2026", "1,000.000", "KW-2001"],
        ["P-01", "K-1", "30/10/2026", "KD 1,500.250", "KW-1001"],
        ["P-04", "K-1", "15/11/2026", "250.000", None],
        ["P-02", "K-1", "29/11/2026", "3,180.125", "KW-1002"],
    ])
    return _save(wb, path)


def quickbooks_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    _sheet(wb, "Customer List", [
        ["Customer", "Main Phone", "Main Email", "Terms", "Credit Limit"],
        ["Acme Hardware", "(555) 201-3344", "ap@acmehardware.com", "Net 30", "20,000.00"],
        ["Blue Ridge Cafe", "(555) 310-2299", "owner@blueridgecafe.com", "Net 15", 5000],
        ["Cornerstone Builders", "(555) 477-8120", "billing@cornerstone.com",
         "Due on receipt", 8000],
    ])
    _sheet(wb, "Invoice List", [
        ["Type", "Date", "Num", "Customer", "Terms", "Amount"],
        ["Invoice", "07/15/2026", "1072", "Cornerstone Builders", "Due on receipt", 3000],
        ["Invoice", "08/28/2026", "1045", "Acme Hardware", "Net 30", 4200],
        ["Invoice", "09/03/2026", "1050", "Blue Ridge Cafe", "Net 15", 1180],
        ["Invoice", "10/05/2026", "1061", "Acme Hardware", "Net 30", 6750],
        ["Invoice", "10/22/2026", "1068", "Blue Ridge Cafe", "Net 15", 2460],
        ["Invoice", "11/01/2026", "1071", "Cornerstone Builders", "Due on receipt", 8900],
        ["Credit Memo", "11/02/2026", "CM-1068", "Blue Ridge Cafe", None, 460],
        ["Invoice", "11/12/2026", "1077", "Acme Hardware", "Net 30", 3300],
        ["Invoice", "11/20/2026", "1080", "Blue Ridge Cafe", "Net 15", 1950],
    ])
    _sheet(wb, "Payments", [
        ["Date", "Num", "Customer", "Amount", "Applied To", "Payment Method"],
        ["08/20/2026", "5510", "Cornerstone Builders", 3000, "1072", "Check"],
        ["09/30/2026", "5521", "Acme Hardware", 2000, "1045", "Check"],
        ["11/04/2026", "5533", "Acme Hardware", 6750, "1061", "ACH"],
        ["11/10/2026", "5540", "Blue Ridge Cafe", 500, None, "Visa"],
    ])
    _sheet(wb, "Policy", [
        ["Setting", "Value"],
        ["Date Format", "MM/DD/YYYY"],
        ["Base Currency", "USD"],
    ])
    return _save(wb, path)


def jordan_pharma(path: Path) -> Path:
    """JOD (fils), the Policy ages by invoice date, holds after 60 days past due and warns at
    75 %; an overpayment, a credit note refunded in cash, invoices exactly 60 and 61 days
    past due."""
    wb = openpyxl.Workbook()
    _sheet(wb, "Customers", [
        ["Customer ID", "Customer Name", "Currency", "Payment Terms", "Credit Limit"],
        ["J-1", "Amman Medical Stores", "JOD", 30, 10000],
        ["J-2", "Irbid Pharmacy", "JOD", 45, 2000],
        ["J-3", "Zarqa Clinics Group", "JOD", 30, None],
    ])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Invoice Date", "Amount"],
        ["JI-01", "J-1", _d(2026, 9, 1), 1000.000],
        ["JI-02", "J-1", _d(2026, 11, 1), 2500.500],
        ["JI-10", "J-2", _d(2026, 8, 17), 800.000],
        ["JI-12", "J-2", _d(2026, 11, 20), 1100.000],
        ["JI-20", "J-3", _d(2026, 8, 31), 450.750],
        ["CN-20", "J-3", _d(2026, 10, 10), -300.000],
    ])
    _sheet(wb, "Payments", [
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
        ["RJ-1", "J-1", _d(2026, 11, 10), 1200.000, "JI-01"],
        ["RF-1", "J-3", _d(2026, 11, 5), -300.000, "CN-20"],
    ])
    _sheet(wb, "Policy", [
        ["Key", "Value"],
        ["Aging Basis", "Invoice Date"],
        ["Hold After Days", 60],
        ["Credit Warning %", 75],
    ])
    return _save(wb, path)


BOOKS = {
    "egypt": egypt_distributor,
    "saudi": saudi_contractor,
    "uae": uae_trader,
    "kuwait": kuwait_company,
    "quickbooks": quickbooks_book,
    "jordan": jordan_pharma,
}
