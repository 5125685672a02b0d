"""Books as accountants keep them, each figure worked by hand: Arabic sheet names and
headers in other words under a title, dates typed three ways, amounts with their currency,
a subtotal inside the table, a hidden column; English headers in other words ('Client Code',
'Value'); the Maghreb's words and month names ('رمز الزبون', '12 ماي 2026')."""

from __future__ import annotations

from datetime import date

import openpyxl
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.parsing import parse_date


def _save(path, sheets, merges=(), hidden_columns=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=i, column=j, value=value)
    for title, cells in merges:
        wb[title].merge_cells(cells)
    for title, letter in hidden_columns:
        wb[title].column_dimensions[letter].hidden = True
    wb.save(path)
    return path


def _run(tmp_path, book):
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", "2026-10-31", "--lang", "en",
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    tabs = {t: wb.get_sheet_by_name(t).to_python()[1:]
            for t in ("Input Issues", "Aging Detail", "Credit Status", "Customer Checks")}
    detail = {r[3]: (r[0], r[5], r[6], r[7], r[9], r[12]) for r in tabs["Aging Detail"]}
    return tabs, detail


def test_an_arabic_book_under_its_titles(tmp_path):
    book = _save(tmp_path / "book.xlsx", {
        "العملاء": [["شركة النيل للتجارة"], ["دليل العملاء"], [],
                    ["كود العميل", "اسم العميل", "العملة", "مدة السداد", "حد الائتمان"],
                    ["ع-001", "مؤسسة الأمل", "EGP", "30 يوم", "50,000"],
                    ["ع-002", "شركة الفجر", "EGP", "آجل ٦٠ يوم", "١٠٠٬٠٠٠"],
                    ["ع-003", "محلات السلام", "EGP", "نقدي", "كاش"]],
        "الفواتير": [["كشف فواتير المبيعات"], ["عن شهر أكتوبر 2026"], [],
                     ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "ملاحظة داخلية",
                      "قيمة الفاتورة"],
                     ["ف-101", "ع-001", "05/09/2026", "x", "12,500.00 ج.م"],
                     ["ف-102", "ع-001", 46300, "y", "EGP 3,000"],  # 5 October 2026
                     [],
                     ["ف-103", "ع-002", "15 أكتوبر 2026", None, "٢٬٥٠٠"],
                     ["إجمالي العميل", None, None, None, "18,000.00"],
                     ["ف-104", "ع-003", "28/10/2026", None, "1,000 جنيه"]],
        "التحصيلات": [["رقم الإيصال", "كود العميل", "تاريخ التحصيل", "المبلغ المحصل",
                       "رقم الفاتورة", "طريقة الدفع"],
                      ["ق-1", "ع-001", "10/10/2026", "5,000 ج.م", "ف-101", "شيك"],
                      ["ق-2", "ع-002", "٢٠/١٠/٢٠٢٦", "١٬٠٠٠", "ف-103", "تحويل بنكي"]]},
        merges=[("العملاء", "A1:E1"), ("الفواتير", "A1:E1")],
        hidden_columns=[("الفواتير", "D")])
    tabs, detail = _run(tmp_path, book)
    assert detail == {
        "ف-101": ("ع-001", date(2026, 9, 5), date(2026, 10, 5), "EGP", 7500.0, "1-30"),
        "ف-102": ("ع-001", date(2026, 10, 5), date(2026, 11, 4), "EGP", 3000.0, "Current"),
        "ف-103": ("ع-002", date(2026, 10, 15), date(2026, 12, 14), "EGP", 1500.0, "Current"),
        "ف-104": ("ع-003", date(2026, 10, 28), date(2026, 10, 28), "EGP", 1000.0, "1-30")}
    assert [r[:2] for r in tabs["Input Issues"]] == [["العملاء", "E7"], ["الفواتير", "A9"]]
    status = {r[0]: (r[2], r[3], r[6], r[8], r[9]) for r in tabs["Credit Status"]}
    assert status == {"ع-001": (50000.0, 10500.0, 21.0, False, "OK"),
                      "ع-002": (100000.0, 1500.0, 1.5, False, "OK"),
                      "ع-003": (0.0, 1000.0, "", True, "Over Limit")}


def test_english_headers_in_other_words(tmp_path):
    # 'Client Code' and 'Value' were no columns of the invoice list: no credit, no aging
    book = _save(tmp_path / "book.xlsx", {
        "Clients": [["Client Code", "Client Name", "Ccy", "Terms", "Limit"],
                    ["A100", "Blue Ocean Trading", "EGP", "Net 30", "200K"],
                    ["A200", "Red Sea Hotels", "USD", "45 days", "USD 20,000"]],
        "Sales Invoices": [["Sales invoices - October 2026"], [],
                           ["Inv. No.", "Client Code", "Inv. Date", "Due", "Value"],
                           ["S-1", "A100", 46296, None, "10,000 EGP"],
                           ["S-2", "A200", 46300, 46345, "2,500.50"], [],
                           ["S-3", "A100", 46310, None, "(1,000) EGP"],
                           ["Total", None, None, None, "11,500.50"], [],
                           ["Prepared by: Mona", None, "Approved by: ______"]],
        "Receipts": [["Receipt No", "Client Code", "Receipt Date", "Amount Received",
                      "Against Invoice"],
                     ["R-1", "A100", "2026-10-20", "4,000", "S-1"],
                     ["R-2", "A200", "25/10/2026", "2,500.50", "S-2"]]})
    tabs, detail = _run(tmp_path, book)
    assert detail == {
        "S-1": ("A100", date(2026, 10, 1), date(2026, 10, 31), "EGP", 6000.0, "Current"),
        "S-3": ("A100", date(2026, 10, 15), date(2026, 10, 15), "EGP", -1000.0, "1-30")}
    assert [r[1] for r in tabs["Input Issues"]] == ["E2", "A8"]  # '200K'; the Total row
    status = {r[0]: (r[2], r[3]) for r in tabs["Credit Status"]}
    assert status == {"A100": (200000.0, 5000.0), "A200": (20000.0, 0.0)}


def test_the_maghrebs_words_and_months(tmp_path):
    for typed, day in (("12 ماي 2026", date(2026, 5, 12)), ("3 شتنبر 2026", date(2026, 9, 3)),
                       ("20 يوليوز 2026", date(2026, 7, 20)), ("1 أوت 2026", date(2026, 8, 1)),
                       ("5 جوان 2026", date(2026, 6, 5)), ("9 دجنبر 2026", date(2026, 12, 9))):
        assert parse_date(typed, True).date() == day
    book = _save(tmp_path / "book.xlsx", {
        "الزبناء": [["رمز الزبون", "اسم الزبون", "العملة", "أجل الأداء"],
                    ["M1", "شركة الأطلس", "MAD", 60]],
        "الفواتير": [["رقم الفاتورة", "رمز الزبون", "تاريخ الفاتورة", "المبلغ"],
                     ["FA-1", "M1", "12 ماي 2026", "15 000,00"],
                     ["FA-2", "M1", "3 شتنبر 2026", "7 500,50"]],
        "التحصيلات": [["رقم الإيصال", "رمز الزبون", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["E1", "M1", "20 يوليوز 2026", "15 000,00", "FA-1"]]})
    tabs, detail = _run(tmp_path, book)
    assert detail == {
        "FA-2": ("M1", date(2026, 9, 3), date(2026, 11, 2), "MAD", 7500.5, "Current")}
    assert tabs["Input Issues"] == [] and tabs["Customer Checks"] == []


def test_a_receipts_list_keyed_by_names_beside_an_arabic_excel_table(tmp_path):
    # terms 'آجل شهر', a receipt dated '15 / 10 / 2026' of '5,000 جنيه فقط لا غير': the
    # terms, the date and the amount were each unreadable, the receipt lost
    from openpyxl.worksheet.table import Table

    book = _save(tmp_path / "book.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "الحالة", "شروط الدفع", "حد الائتمان",
                     "العملة"],
                    ["101", "شركة المستقبل", "نشط", "آجل شهر", "50 ألف", "EGP"],
                    ["102", "مكتبة المعرفة", "موقوف", "15 يوم", "10,000", "EGP"]],
        "بيانات": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                   ["F-1", "101", "01/10/2026", "20,000"], ["F-2", "102", "01/09/2026", "3,000"]],
        "التحصيلات": [["رقم الإيصال", "العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["R1", "شركة المستقبل", "15 / 10 / 2026", "5,000 جنيه فقط لا غير",
                       "F-1"]]})
    wb = openpyxl.load_workbook(book)
    wb["بيانات"].add_table(Table(displayName="الفواتير", ref="A1:D3"))
    wb.save(book)
    tabs, detail = _run(tmp_path, book)
    assert detail == {
        "F-1": ("101", date(2026, 10, 1), date(2026, 10, 31), "EGP", 15000.0, "Current"),
        "F-2": ("102", date(2026, 9, 1), date(2026, 9, 16), "EGP", 3000.0, "31-60")}
    assert [r[1] for r in tabs["Input Issues"]] == ["E2", "B2"]  # '50 ألف'; a name for 101
    status = {r[0]: (r[2], r[3], r[9]) for r in tabs["Credit Status"]}
    assert status == {"101": (50000.0, 15000.0, "OK"), "102": (10000.0, 3000.0, "Hold")}


def test_an_egyptian_receipts_book_in_its_own_words(tmp_path):
    # 'تاريخ الإيصال', 'المبلغ المقبوض', 'مقابل الفاتورة', 'طريقة التحصيل' named no column: the
    # receipts sheet had no Amount and none was read; 'موعد الاستحقاق' no due date
    book = _save(tmp_path / "book.xlsx", {
        "العملاء": [["كود العميل", "اسم العميل بالكامل", "عملة التعامل", "السجل الضريبي"],
                    ["E1", "شركة القاهرة للتوريدات", "EGP", "123-456-789"]],
        "الفواتير": [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "موعد الاستحقاق",
                      "القيمة الإجمالية"],
                     ["INV-1", "E1", "01/09/2026", "01/10/2026", "11,400.00"],
                     ["INV-2", "E1", "01/10/2026", "15/11/2026", "5,700.00"]],
        "سندات القبض": [["رقم الإيصال", "كود العميل", "تاريخ الإيصال", "المبلغ المقبوض",
                         "مقابل الفاتورة", "طريقة التحصيل"],
                        ["1", "E1", "10/10/2026", "6,400.00", "INV-1", "نقدي"]]})
    tabs, detail = _run(tmp_path, book)
    assert detail == {
        "INV-1": ("E1", date(2026, 9, 1), date(2026, 10, 1), "EGP", 5000.0, "1-30"),
        "INV-2": ("E1", date(2026, 10, 1), date(2026, 11, 15), "EGP", 5700.0, "Current")}
    assert tabs["Input Issues"] == []
