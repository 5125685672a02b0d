"""The invoices job on billing books kept by hand in Egypt and the Gulf, as their clerks head
and fill them: each planted defect found at its cell with the figure to type in, and the
clean invoices beside them give nothing."""

from __future__ import annotations

from datetime import datetime as D
from datetime import timedelta

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()


def run(tmp_path, sheets, name="book.xlsx"):
    result = JOB.run(read_book(save_sheets(tmp_path / name, sheets)), JobOptions(as_of=AS_OF))
    checks = result.tabs[0].frame
    return [[r["Invoice No"], int(r["Row"]), r["Field"], r["Code"], str(r["Severity"]),
             r["Message"]] for _, r in checks.iterrows()]


def codes(found):
    return [(f[0], f[1], f[3], f[4]) for f in found]


EGYPT_CUSTOMERS = [["كود العميل", "اسم العميل", "الرقم الضريبي", "العملة", "شروط الدفع"],
                   ["C-01", "شركة النيل للأغذية", "123456789", "EGP", "45 يوم"],
                   ["C-03", "مقاولات الصعيد", "310555120", "EGP", "نقدي"]]
EGYPT_INVOICES = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي"],
                  ["F-1001", "C-01", D(2026, 11, 2), D(2026, 12, 17), 16187.25],
                  ["F-1002", "C-03", D(2026, 11, 21), D(2026, 11, 21), 2644.20]]
# a distributor's own lines: discount and VAT rates headed with a % sign, the 1 % income tax
# the customer withholds (Form 41) on each line and the line's total after it
EGYPT_LINES = [["رقم الفاتورة", "كود الصنف", "الكمية", "الوحدة", "سعر الوحدة", "الخصم %",
                "نسبة الضريبة %", "قيمة الضريبة", "ضريبة الخصم والإضافة", "إجمالي البند"],
               ["F-1001", "ZT-1L", 10, "كرتونة", 720, 0, 14, 1008, 72, 8136],
               # 5 × 1,500 less 5 % = 7,125; VAT 997.50; withheld 71.25: 8,051.25
               ["F-1001", "SG-50", 5, "شيكارة", 1500, 5, 14, 997.50, 71.25, 8051.25],
               # 3 × 780 = 2,340; VAT 327.60; withheld 23.40: 2,644.20, typed 2,464.20
               ["F-1002", "ZT-1L", 3, "كرتونة", 780, 0, 14, 327.60, 23.40, 2464.20]]


def test_rates_headed_with_a_percent_sign_are_read():
    """'الخصم %' and 'نسبة الضريبة %' were no columns: the 5 % discount was left out and a
    right line was reported twice (its total and its VAT); the rate columns are read now."""
    from ar_excel.io.headers import alias_index, header_field
    from ar_excel.schema import INVOICE_LINES

    index = alias_index(INVOICE_LINES)
    assert [header_field(h, index) for h in ("الخصم %", "نسبة الخصم %", "Discount Rate")] == [
        "Discount %"] * 3
    assert [header_field(h, index) for h in ("نسبة الضريبة %", "الضريبة %", "VAT Rate %",
                                             "ضريبة القيمة المضافة %", "Tax Rate %")] == [
        "Tax Rate"] * 5


def test_egyptian_lines_after_withholding_name_the_figure_to_type(tmp_path):
    found = run(tmp_path, {"العملاء": EGYPT_CUSTOMERS, "الفواتير": EGYPT_INVOICES,
                           "بنود الفواتير": EGYPT_LINES})
    # the discounted line is right; the mistyped one is wanted at its total after the 1 %
    assert codes(found) == [("F-1002", 3, "INVOICE_TOTAL_MISMATCH", "Error"),
                            ("F-1002", 4, "LINE_TOTAL_MISMATCH", "Error")]
    assert found[1][5] == ("إجمالي البند 2,464.20 يجب أن يكون 2,644.20 (3 × 780، خصم 0%، "
                           "ضريبة 14%، بعد خصم 23.40 ضريبة الخصم من المنبع)؛ الفرق -180.00")


def test_lines_totalled_before_the_withholding_are_held_to_that(tmp_path):
    """A sheet whose lines total before the income tax withheld: the figure is that total."""
    lines = [row[:] for row in EGYPT_LINES]
    lines[1][9], lines[2][9] = 8208, 8122.50
    invoices = [row[:] for row in EGYPT_INVOICES]
    invoices[1][4], invoices[2][4] = 16330.50, 2667.60
    found = run(tmp_path, {"العملاء": EGYPT_CUSTOMERS, "الفواتير": invoices,
                           "بنود الفواتير": lines})
    assert codes(found) == [("F-1002", 3, "INVOICE_TOTAL_MISMATCH", "Error"),
                            ("F-1002", 4, "LINE_TOTAL_MISMATCH", "Error")]
    assert found[1][5] == ("إجمالي البند 2,464.20 يجب أن يكون 2,667.60 (3 × 780، خصم 0%، "
                           "ضريبة 14%)؛ الفرق -203.40")


def _register(head, rows, vat_rate):
    """rows: (number, customer, day, days, subtotal, discount, vat or None, total or None);
    VAT on the subtotal less the discount, the total that plus the VAT, unless given."""
    out = [head]
    for number, customer, day, days, sub, disc, vat, total in rows:
        vat = round((sub - disc) * vat_rate, 2) if vat is None else vat
        total = round(sub - disc + vat, 2) if total is None else total
        out.append([number, customer, day, day + timedelta(days=days), sub, disc, vat, total])
    return out


def test_a_saudi_register_with_a_discount_on_the_whole_invoice(tmp_path):
    """Subtotal, Discount, VAT 15 % on what is left, Total: 10,000 − 500 + 1,425 = 10,925.
    Before, each discounted invoice was two errors (total 'should be 11,425.00', VAT 'should
    be 1,500.00'). The VAT charged before the discount (750 on 5,000 − 250) is wrong."""
    customers = [["Customer ID", "Customer Name", "VAT Number", "Currency", "Payment Terms"],
                 ["S-1", "Bin Dawood Stores", "300111222300003", "SAR", "Net 30"],
                 ["S-2", "Nahdi Medical", "300444555600003", "SAR", "Net 60"]]
    head = ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Subtotal", "Discount",
            "VAT 15%", "Total"]
    invoices = _register(head, [
        ("INV-301", "S-1", D(2026, 11, 1), 30, 10000, 0, None, None),
        ("INV-302", "S-1", D(2026, 11, 2), 30, 10000, 500, None, None),
        ("INV-303", "S-2", D(2026, 11, 3), 60, 8400, 400, None, None),
        ("INV-304", "S-2", D(2026, 11, 4), 60, 5000, 250, 750.0, None),
        ("INV-305", "S-1", D(2026, 11, 5), 30, 2000, 0, None, 2330.0),
        ("INV-306", "S-2", D(2026, 11, 6), 60, 1234.56, 34.56, None, None),
        ("INV-307", "S-2", D(2026, 11, 7), 60, 3000, 200, None, 3320.0)], 0.15)
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("INV-304", 5, "TAX_AMOUNT_MISMATCH", "Error"),
                            ("INV-305", 6, "INVOICE_TOTAL_MISMATCH", "Error"),
                            ("INV-307", 8, "INVOICE_TOTAL_MISMATCH", "Error")]
    assert found[0][5] == "Tax amount 750.00 should be 712.50 (15% of 4,750.00); difference 37.50"
    assert found[1][5] == ("Invoice amount 2,330.00 does not equal its Subtotal 2,000.00 + "
                           "VAT 15% 300.00 = 2,300.00; difference 30.00")
    assert found[2][5] == ("Invoice amount 3,320.00 does not equal its Subtotal 3,000.00 − "
                           "Discount 200.00 + VAT 15% 420.00 = 3,220.00; difference 100.00")


def test_an_arabic_register_with_an_additional_discount_is_judged(tmp_path):
    """'خصم إضافي' was read as another tax (the withholding's 'خصم'): the register was not
    judged at all, and a VAT charged before the discount and a mistyped total passed."""
    customers = [["كود العميل", "اسم العميل", "الرقم الضريبي", "العملة", "شروط الدفع"],
                 ["C1", "النيل", "123456789", "EGP", "30 يوم"],
                 ["C2", "الدلتا", "223456789", "EGP", "60 يوم"]]
    head = ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الصافي",
            "خصم إضافي", "ضريبة القيمة المضافة", "الإجمالي"]
    invoices = _register(head, [
        ("F-1", "C1", D(2026, 11, 1), 30, 10000, 0, None, None),
        ("F-2", "C1", D(2026, 11, 2), 30, 10000, 500, None, None),
        ("F-3", "C2", D(2026, 11, 3), 60, 5000, 250, 700.0, None),
        ("F-4", "C2", D(2026, 11, 4), 60, 2000, 100, None, 2216.0)], 0.14)
    found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices})
    assert codes(found) == [("F-3", 4, "TAX_AMOUNT_MISMATCH", "Error"),
                            ("F-4", 5, "INVOICE_TOTAL_MISMATCH", "Error")]
    assert found[0][5] == "مبلغ الضريبة 700.00 يجب أن يكون 665.00 (14% من 4,750.00)؛ الفرق 35.00"
    assert found[1][5] == ("مبلغ الفاتورة 2,216.00 لا يساوي الصافي 2,000.00 − خصم إضافي 100.00 "
                           "+ ضريبة القيمة المضافة 266.00 = 2,166.00؛ الفرق 50.00")


def test_invoice_lines_less_a_discount_on_the_whole_invoice(tmp_path):
    """UAE lines of 1,400 + 5 % VAT = 1,470; the invoice takes 50 off: 1,417.50 (off the net,
    VAT on 1,350) or 1,420 (off the total) are its lines; 1,470 less 60 is not."""
    customers = [["Customer Code", "Customer Name", "Currency", "Credit Terms"],
                 ["U-01", "Sharaf Retail LLC", "AED", "Net 60"]]
    invoices = [["Invoice No", "Customer Code", "Invoice Date", "Due Date", "Sub Total",
                 "Invoice Discount", "VAT", "Grand Total"]]
    lines = [["Invoice No", "Item", "Qty", "Unit", "Rate", "VAT Rate", "VAT Amount", "Amount"]]
    for i, total in enumerate((1417.50, 1420.00, 1410.00, 1470.00)):
        number, day = f"TI-500{i + 1}", D(2026, 11, 2 + i)
        invoices.append([number, "U-01", day, day + timedelta(days=60), 1400, 50, 67.50, total])
        lines.append([number, "SOAP-1", 400, "Pcs", 3.5, 5, 70, 1470])
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines})
    assert codes(found) == [("TI-5003", 4, "INVOICE_TOTAL_MISMATCH", "Error")]
    assert found[0][5] == ("Invoice amount 1,410.00 does not equal its 1 line(s) with tax: "
                           "1,470.00; difference -60.00")


def test_one_number_typed_two_ways_is_a_duplicate(tmp_path):
    """'inv 0104' (typed by hand) and 'INV-0104' (the series) are one number on two
    invoices; the export series EXP-0101 beside INV-0101 and branch numbers 12-1 and 1-21
    are not. Before, the two spellings passed as two numbers."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Cairo Foods", "EGP", "30"], ["C3", "Giza Build", "EGP", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["INV-0101", "C1", D(2026, 11, 1), 11400], ["EXP-0101", "C3", D(2026, 11, 2), 500],
                ["INV-0102", "C1", D(2026, 11, 3), 5700], ["INV-0103", "C3", D(2026, 11, 4), 2280],
                ["inv 0104", "C3", D(2026, 11, 5), 3420], ["INV-0104", "C1", D(2026, 11, 6), 1140],
                ["INV-0105", "C1", D(2026, 11, 7), 2280], ["12-1", "C1", D(2026, 11, 8), 100],
                ["1-21", "C1", D(2026, 11, 9), 200]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("inv 0104", 6, "DUPLICATE_INVOICE_NO", "Error"),
                            ("INV-0104", 7, "DUPLICATE_INVOICE_NO", "Error")]
    assert found[0][5] == "Invoice number inv 0104 appears 2 times (rows 6, 7)"


def test_an_invoices_subtotal_rows_in_its_lines_are_no_lines(tmp_path):
    """Excel's Data > Subtotal writes 'F-1 Total' under each invoice's lines, and a clerk
    'إجمالي الفاتورة' beside the number: each was read as one more line, and every invoice
    was INVOICE_TOTAL_MISMATCH at twice its amount. A freight line of its own stays a line."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Nile", "EGP", "30"], ["C2", "Delta", "EGP", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["F-1", "C1", D(2026, 11, 2), D(2026, 12, 2), 1596],
                ["F-2", "C2", D(2026, 11, 3), D(2026, 12, 3), 2380],
                ["F-3", "C1", D(2026, 11, 4), D(2026, 12, 4), 570]]
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "VAT Amount",
              "Line Total"],
             ["F-1", "A", 10, "PCS", 100, 14, 140, 1140],
             ["F-1", "B", 4, "PCS", 100, 14, 56, 456],
             ["F-1 Total", None, None, None, None, None, 196, 1596],
             ["F-2", "A", 20, "PCS", 100, 14, 280, 2280],
             ["F-2", None, None, None, None, None, None, 100],             # freight
             ["F-2 Total", None, None, None, None, None, 280, 2380],
             ["F-3", "B", 5, "PCS", 100, 14, 70, 570],
             ["F-3", "إجمالي الفاتورة", None, None, None, None, 70, 570],
             ["Grand Total", None, None, None, None, None, 546, 4546]]
    path = save_sheets(tmp_path / "book.xlsx", {"Customers": customers, "Invoices": invoices,
                                                "Invoice Lines": lines})
    book = read_book(path)
    result = JOB.run(book, JobOptions(as_of=AS_OF))
    assert result.tabs[0].frame.empty
    # the Data > Subtotal rows the reader sets aside (as on Invoices); the clerk's subtotal
    # beside the number, the job
    assert [(i.cell, i.message) for i in book.issues if i.sheet == "Invoice Lines"] == [
        ("A4", "2 subtotal rows ('F-1 Total' and the like) are not records: not read "
               "(A4, A7)"),
        ("A10", "'Grand Total' row is a totals row, not a record: not read")]
    assert [(i.cell, i.value, i.message) for i in result.issues] == [
        ("H9", "570.00", "Row 9 is invoice F-3's subtotal (570.00, the sum of its lines "
                         "above), not a line: not read")]


@pytest.mark.parametrize("sheet", ["أذون الصرف", "Delivery Notes"])
def test_delivery_notes_are_deliveries_not_receipts(tmp_path, sheet):
    """An Egyptian store's goods issue notes (أذون الصرف: رقم إذن الصرف, تاريخ الإذن) or a
    'Delivery Notes' sheet were read as Payments: each delivery a receipt paying its
    invoice, and no delivery checked. Now the deliveries: one not invoiced after 27 days,
    one invoiced 19 days late, one invoiced before it left, one naming no invoice."""
    customers = [["كود العميل", "اسم العميل", "العملة", "شروط الدفع"],
                 ["C1", "النيل", "EGP", "30 يوم"], ["C2", "الدلتا", "EGP", "30 يوم"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي"],
                ["F-1", "C1", D(2026, 11, 2), D(2026, 12, 2), 1140],
                ["F-2", "C2", D(2026, 11, 20), D(2026, 12, 20), 2280],
                ["F-3", "C1", D(2026, 11, 5), D(2026, 12, 5), 570]]
    notes = [["رقم إذن الصرف", "كود العميل", "تاريخ الإذن", "القيمة", "رقم الفاتورة"],
             ["D-101", "C1", D(2026, 11, 1), 1140, "F-1"],
             ["D-102", "C2", D(2026, 11, 1), 2280, "F-2"],
             ["D-103", "C1", D(2026, 11, 8), 570, "F-3"],
             ["D-104", "C2", D(2026, 11, 3), 3000, None],
             ["D-105", "C1", D(2026, 11, 27), 800, None],
             ["D-106", "C2", D(2026, 11, 4), 900, "F-9"]]
    sheets = {"العملاء": customers, "الفواتير": invoices, sheet: notes}
    book = read_book(save_sheets(tmp_path / "notes.xlsx", sheets))
    assert book.table("Orders").sheet == sheet and book.table("Payments") is None
    found = run(tmp_path, sheets)
    assert codes(found) == [("F-2", 3, "LATE_INVOICING", "Warning"),
                            ("F-3", 4, "INVOICE_BEFORE_DELIVERY", "Warning"),
                            ("F-9", 7, "DELIVERY_INVOICE_UNKNOWN", "Warning"),
                            (None, 5, "DELIVERY_NOT_INVOICED", "Error")]
    assert found[3][5] == ("التسليم D-104 بتاريخ 2026-11-03 (3,000.00) لم تصدر له فاتورة بعد "
                           "27 يوم (السياسة: 7 يوم)")


@pytest.mark.parametrize("header", ["الخصم %", "خصم العميل %", "نسبة الخصم المسموح"])
def test_the_discount_agreed_in_a_hand_kept_master(tmp_path, header):
    """The master's agreed discount headed 'الخصم %' (or as the customer's allowed discount)
    was no column: a 10 % discount to a customer agreed at 5 % passed."""
    customers = [["كود العميل", "اسم العميل", "العملة", "شروط الدفع", header],
                 ["C1", "النيل", "EGP", "30 يوم", 5], ["C2", "الدلتا", "EGP", "30 يوم", None]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي"],
                ["F-1", "C1", D(2026, 11, 2), D(2026, 12, 2), 1083],
                ["F-2", "C1", D(2026, 11, 3), D(2026, 12, 3), 1026],
                ["F-3", "C2", D(2026, 11, 4), D(2026, 12, 4), 1140]]
    lines = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", "نسبة الخصم",
              "نسبة الضريبة", "إجمالي البند"],
             ["F-1", "A", 10, "قطعة", 100, 5, 14, 1083],
             ["F-2", "A", 10, "قطعة", 100, 10, 14, 1026],
             ["F-3", "A", 10, "قطعة", 100, 0, 14, 1140]]
    found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices, "بنود الفواتير": lines})
    assert codes(found) == [("F-2", 3, "DISCOUNT_NOT_AGREED", "Error")]
    assert found[0][5] == "الخصم 10% أكبر من الخصم المتفق عليه مع العميل C1 (5%)"


@pytest.mark.parametrize("heads", [
    ("Qty", "Unit Price", "Amount Excl VAT", "VAT 15%", "Total Incl. VAT"),
    ("الكمية", "سعر الوحدة", "الإجمالي قبل الضريبة", "ضريبة القيمة المضافة",
     "الإجمالي شامل الضريبة"),
    ("الكمية", "سعر الوحدة", "الصافي", "ض.ق.م 14%", "الإجمالي بعد الضريبة")])
def test_lines_with_their_net_vat_and_total_with_vat(tmp_path, heads):
    """A Gulf or Egyptian line sheet: net, VAT (its rate in the header or none), total with
    VAT. The VAT and the total were no columns: every right invoice was INVOICE_TOTAL_MISMATCH
    against its lines' net (1,150.00 'with tax: 1,000.00'). Now only SI-3's mistyped 700."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["S-1", "Panda", "SAR", "Net 30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Total Incl. VAT"],
                ["SI-1", "S-1", D(2026, 11, 2), D(2026, 12, 2), 1150],
                ["SI-2", "S-1", D(2026, 11, 3), D(2026, 12, 3), 575],
                ["SI-3", "S-1", D(2026, 11, 4), D(2026, 12, 4), 690]]
    lines = [["Invoice No", "Item", *heads], ["SI-1", "A", 10, 100, 1000, 150, 1150],
             ["SI-2", "A", 5, 100, 500, 75, 575], ["SI-3", "A", 6, 100, 600, 90, 700]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines})
    assert codes(found) == [("SI-3", 4, "INVOICE_TOTAL_MISMATCH", "Error"),
                            ("SI-3", 4, "LINE_TOTAL_MISMATCH", "Error")]
    assert found[1][5] == ("Line total 700.00 should be 690.00 (6 × 100, discount 0%, tax 0%); "
                           "difference 10.00")
