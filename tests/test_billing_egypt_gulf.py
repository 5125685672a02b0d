"""The invoices job on billing as it is done in Egypt and the Gulf: workbooks written as a
clerk keeps them (Arabic headers, Arabic units, e-invoice registers, VAT-inclusive prices,
1 % withholding on the invoice), run as a user runs the job, every finding checked: code,
cell, severity, wording; and normal practice gives none."""

from __future__ import annotations

from datetime import datetime as D
from datetime import timedelta

import pytest

from ar_excel.core.billing.units import normalize_units
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 20).date()


def run(tmp_path, sheets, name="book.xlsx"):
    result = JOB.run(read_book(save_sheets(tmp_path / name, sheets)), JobOptions(as_of=AS_OF))
    checks = result.tabs[0].frame
    return [[r["Invoice No"], int(r["Row"]) if r["Row"] == r["Row"] else None, r["Field"],
             r["Code"], str(r["Severity"]), r["Message"]] for _, r in checks.iterrows()]


def codes(found):
    return [(f[0], f[1], f[3], f[4]) for f in found]


# --- Gulf VAT: the rate in force on the invoice's date -------------------------------------

GULF_CUSTOMERS = [
    ["Customer ID", "Customer Name", "VAT No", "Currency", "Payment Terms", "Country"],
    ["S-100", "Al Rajhi Building Materials", "310123456700003", "SAR", "Net 30", "Saudi Arabia"],
    ["A-200", "Emirates Steel Trading LLC", "100345678900003", "AED", "30", "UAE"],
    ["B-300", "Bahrain Foods WLL", "", "BHD", "30", "Bahrain"],
    ["K-400", "Kuwait Retail Co", "", "KWD", "30", "Kuwait"],
    ["Q-500", "Doha Supplies", "", "QAR", "30", "Qatar"],
    ["O-600", "Muscat Trading LLC", "", "OMR", "30", "Oman"],
]
LINE_HEAD = ["Invoice No", "Item", "Qty", "UOM", "Unit Price", "Disc %", "VAT %", "VAT Amount",
             "Line Amount"]


def gulf_book(rows):
    """rows: (invoice, customer, date, currency, rate) of one 100-unit line each."""
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"]]
    lines = [LINE_HEAD]
    for number, customer, day, currency, rate in rows:
        tax = 100 * rate / 100
        invoices.append([number, customer, day, day + timedelta(days=30), currency,
                         100 + tax])
        lines.append([number, "X-1", 1, "PCS", 100, 0, rate, tax, 100 + tax])
    return {"Customers": GULF_CUSTOMERS, "Invoices": invoices, "Invoice Lines": lines}


def test_each_country_is_held_to_the_vat_rate_in_force_on_the_invoice_date(tmp_path):
    found = run(tmp_path, gulf_book([
        ("A-01", "S-100", D(2020, 5, 10), "SAR", 5),    # 5 % until 30 June 2020: right
        ("A-02", "S-100", D(2020, 7, 1), "SAR", 5),     # from 1 July 2020 15 %: wrong
        ("A-03", "S-100", D(2026, 11, 1), "SAR", 15),
        ("A-04", "S-100", D(2019, 3, 1), "SAR", 15),    # 15 % before it existed: wrong
        ("A-05", "A-200", D(2026, 11, 2), "AED", 5),
        ("A-06", "B-300", D(2021, 6, 4), "BHD", 5),     # Bahrain 5 % until 2021: right
        ("A-07", "B-300", D(2026, 11, 4), "BHD", 10),
        ("A-08", "B-300", D(2022, 2, 4), "BHD", 5),     # 10 % from 2022: wrong
        ("A-09", "K-400", D(2026, 11, 4), "KWD", 0),    # Kuwait: no VAT
        ("A-10", "K-400", D(2026, 11, 5), "KWD", 5),    # wrong: Kuwait charges none
        ("A-11", "Q-500", D(2026, 11, 6), "QAR", 5),    # wrong: Qatar charges none
        ("A-12", "O-600", D(2026, 11, 7), "OMR", 5),
        ("A-13", "S-100", D(2026, 11, 8), "SAR", 0),    # a zero-rated export
    ]))
    assert codes(found) == [
        ("A-02", 3, "TAX_RATE_NOT_ALLOWED", "Error"),
        ("A-04", 5, "TAX_RATE_NOT_ALLOWED", "Error"),
        ("A-08", 9, "TAX_RATE_NOT_ALLOWED", "Error"),
        ("A-10", 11, "TAX_RATE_NOT_ALLOWED", "Error"),
        ("A-11", 12, "TAX_RATE_NOT_ALLOWED", "Error"),
    ]
    message = {f[0]: f[5] for f in found}
    assert message["A-02"] == "Tax rate 5% is not an allowed rate (0, 15 for SAR)"
    assert message["A-04"] == "Tax rate 15% is not an allowed rate (0, 5 for SAR on 2019-03-01)"
    assert message["A-08"] == "Tax rate 5% is not an allowed rate (0, 10 for BHD)"
    assert message["A-10"] == "Tax rate 5% is not an allowed rate (0 for KWD)"
    assert all(f[2] == "VAT %" or f[2] == "Tax Rate" for f in found)


def test_vat_rounded_per_line_or_once_on_the_invoice_is_no_error(tmp_path):
    """Seven lines of 12.35 at 14 %: tax per line 1.73 (lines add to 98.56); tax on the
    total 86.45 × 14 % = 12.10 (98.55). Both are right; 98.57 is not."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Nile Foods", "EGP", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["I-1", "C1", D(2026, 11, 3), D(2026, 12, 3), 98.55],
                ["I-2", "C1", D(2026, 11, 4), D(2026, 12, 4), 98.56],
                ["I-3", "C1", D(2026, 11, 5), D(2026, 12, 5), 98.58]]
    lines = [LINE_HEAD]
    for number in ("I-1", "I-2", "I-3"):
        lines += [[number, f"P{i}", 1, "pcs", 12.35, 0, 14, 1.73, 14.08] for i in range(7)]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines})
    assert codes(found) == [("I-3", 4, "INVOICE_TOTAL_MISMATCH", "Error")]
    assert found[0][5] == ("Invoice amount 98.58 does not equal its 7 line(s) with tax: "
                           "98.56; difference 0.02")


def test_prices_entered_with_vat_in(tmp_path):
    """A retailer's lines: 3 × 115 SAR with 15 % VAT in = 345, of which VAT 45. Per-line
    discount before VAT; a line totalled as if the price were before VAT is wrong."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["S-101", "Panda Retail Co.", "SAR", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["SI-1", "S-101", D(2026, 11, 3), D(2026, 12, 3), 345.00],
                ["SI-2", "S-101", D(2026, 11, 4), D(2026, 12, 4), 1150.00],
                ["SI-3", "S-101", D(2026, 11, 5), D(2026, 12, 5), 327.75]]
    lines = [LINE_HEAD,
             ["SI-1", "RICE-5", 3, "PCS", 115, 0, 15, 45, 345],           # VAT inside
             ["SI-2", "CEM-50", 20, "bag", 50, 0, 15, 150, 1150],          # VAT on top
             ["SI-3", "RICE-5", 3, "PCS", 115, 5, 15, 42.75, 327.75]]      # 5 % off first
    assert run(tmp_path, {"Customers": customers, "Invoices": invoices,
                          "Invoice Lines": lines}) == []

    # a sheet whose price column says VAT is in: its lines are held to that reading
    head = ["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "السعر شامل الضريبة", "نسبة الضريبة",
            "الإجمالي"]
    lines = [head, ["SI-1", "RICE-5", 3, "قطعة", 115, 15, 345],
             ["SI-2", "OIL-1", 10, "كرتونة", 115, 15, 1322.50],            # VAT added again
             ["SI-3", "RICE-5", 3, "قطعه", 109.25, 15, 327.75]]
    invoices[2][4] = 1322.50
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines}, "incl.xlsx")
    assert codes(found) == [("SI-2", 3, "LINE_TOTAL_MISMATCH", "Error")]
    assert found[0][2] == "Line Total"
    assert "should be 1,150.00" in found[0][5] and "price includes tax" in found[0][5]


def test_egyptian_invoice_showing_the_1pct_withholding(tmp_path):
    """An ETA invoice: net 10,000, VAT 14 % 1,400, withholding (T4) 1 % 100 taken off: the
    invoice's total 11,300. The ERP may also record it before the withholding (11,400)."""
    customers = [["كود العميل", "اسم العميل", "العملة", "شروط الدفع"],
                 ["C1", "شركة النيل للأغذية", "EGP", "30"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي"],
                ["I-1", "C1", D(2026, 11, 3), D(2026, 12, 3), 11300.00],
                ["I-2", "C1", D(2026, 11, 4), D(2026, 12, 4), 11400.00],
                ["I-3", "C1", D(2026, 11, 5), D(2026, 12, 5), 11200.00]]
    for column, withheld in (("ضريبة الخصم والإضافة", 100), ("WHT %", "1%")):
        lines = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", "نسبة الضريبة",
                  "قيمة الضريبة", column, "إجمالي البند"]]
        lines += [[n, "P1", 100, "كرتونه", 100, 14, 1400, withheld, 11400]
                  for n in ("I-1", "I-2", "I-3")]
        found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices,
                               "بنود الفواتير": lines}, f"wht{withheld!s:.1}.xlsx")
        assert codes(found) == [("I-3", 4, "INVOICE_TOTAL_MISMATCH", "Error")]
        assert found[0][5].startswith("مبلغ الفاتورة 11,200.00 لا يساوي مجموع بنودها")


def test_returns_on_an_invoice_and_zero_rated_exports_are_normal(tmp_path):
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Delta Supplies", "EGP", "30"], ["C2", "Gulf Trade FZE", "USD", "60"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"],
                ["I-1", "C1", D(2026, 11, 3), D(2026, 12, 3), "EGP", 1140.00],
                ["I-2", "C2", D(2026, 11, 4), D(2027, 1, 3), "USD", 3000.00]]
    lines = [LINE_HEAD,
             ["I-1", "P1", 12, "pcs", 100, 0, 14, 168, 1368],
             ["I-1", "P1", -2, "pcs", 100, 0, 14, -28, -228],       # two returned
             ["I-2", "STL-1", 3, "طن", 1000, 0, 0, 0, 3000]]       # export: 0 %
    assert run(tmp_path, {"Customers": customers, "Invoices": invoices,
                          "Invoice Lines": lines}) == []


# --- Egypt's e-invoices (ETA) ---------------------------------------------------------------

ETA_CUSTOMERS = [
    ["كود العميل", "اسم العميل", "الرقم الضريبي", "العملة", "شروط الدفع", "الدولة",
     "تاريخ الإنشاء"],
    ["C-001", "شركة النيل للأغذية", "123-456-789", "EGP", "30", "مصر", D(2023, 1, 10)],
    ["C-002", "الدلتا للتوريدات", "204-331-876", "EGP", "30", "مصر", D(2024, 3, 1)],
    ["C-003", "مصنع الأهرام للبلاستيك", "310-555-120", "EGP", "30", "مصر", D(2026, 11, 10)],
]
ETA_HEAD = ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي",
            "الرقم الداخلي", "UUID", "حالة الفاتورة الإلكترونية", "الرقم الضريبي للمشتري",
            "الرقم الضريبي للبائع"]


def test_eta_register_cancelled_rejected_and_invalid_still_open(tmp_path):
    rows = [ETA_HEAD,
            ["F-001", "C-001", D(2026, 11, 2), None, 11400, "F-001", "4E7NK", "Valid",
             123456789, "100200300"],
            ["F-002", "C-002", D(2026, 11, 5), None, 5700, "F-002", "5E7NK", "Rejected",
             "204331876", "100200300"],
            ["F-003", "C-001", D(2026, 11, 6), None, 1407.40, "F-003", "6E7NK", "ملغاة",
             "123456789", "100200300"],
            ["F-004", "C-001", D(2026, 11, 7), None, 5700, "F-004", "7E7NK", "Invalid",
             "12345678", "100200300"],
            ["F-005", "C-002", D(2026, 11, 8), None, 2280, "F-005", "8E7NK", "Cancelled",
             "204331876", "100200300"],                                # paid back: settled
            ["F-006", "C-002", D(2026, 11, 9), None, 1140, "F-006", "9E7NK", "Submitted",
             "999888777", "100-200-301"],
            ["F-007", "C-003", D(2026, 11, 12), None, 1140, "F-007", "AE7NK", "Valid", "",
             "100200300"]]
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                ["R-1", "C-002", D(2026, 11, 15), 2280, "F-005"]]
    found = run(tmp_path, {"العملاء": ETA_CUSTOMERS, "الفواتير": rows, "Payments": payments})
    assert codes(found) == [
        ("F-002", 3, "EINVOICE_NOT_VALID", "Error"),
        ("F-003", 4, "EINVOICE_NOT_VALID", "Error"),
        ("F-004", 5, "EINVOICE_NOT_VALID", "Error"),
        ("F-004", 5, "EINVOICE_TAX_ID", "Error"),
        ("F-006", 7, "EINVOICE_TAX_ID", "Warning"),
        ("F-006", 7, "EINVOICE_TAX_ID", "Warning"),
    ]
    by = {(f[0], f[3], f[2]): f for f in found}
    rejected = by[("F-002", "EINVOICE_NOT_VALID", "حالة الفاتورة الإلكترونية")][5]
    assert rejected == ("الفاتورة الإلكترونية مرفوضة لدى الجهة الضريبية ('Rejected') ولكن "
                        "5,700.00 ما زال مفتوحًا في المديونية: ألغها بإشعار دائن أو استبدلها "
                        "بفاتورة إلكترونية صالحة")
    assert "ملغاة" in by[("F-003", "EINVOICE_NOT_VALID", "حالة الفاتورة الإلكترونية")][5]
    short = by[("F-004", "EINVOICE_TAX_ID", "الرقم الضريبي للمشتري")][5]
    assert short == ("رقم التسجيل الضريبي '12345678' على الفاتورة الإلكترونية (الرقم الضريبي "
                     "للمشتري): الرقم الضريبي المصري 9 أرقام")
    other = by[("F-006", "EINVOICE_TAX_ID", "الرقم الضريبي للمشتري")][5]
    assert "يختلف عن الرقم الضريبي للعميل في ورقة العملاء (204331876)" in other
    issuer = by[("F-006", "EINVOICE_TAX_ID", "الرقم الضريبي للبائع")][5]
    assert "يختلف عن رقم الشركة في باقي الفواتير (100200300)" in issuer


def test_zatca_and_fta_numbers_in_english(tmp_path):
    customers = [["Customer ID", "Customer Name", "VAT No", "Currency", "Payment Terms",
                  "Country"],
                 ["S-1", "Al Rajhi Building Materials", "310123456700003", "SAR", "30",
                  "Saudi Arabia"],
                 ["A-1", "Emirates Steel Trading LLC", "100345678900003", "AED", "30", "UAE"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "ZATCA Status",
                 "Buyer VAT Number"],
                ["Z-1", "S-1", D(2026, 11, 2), 1150, "CLEARED", "310123456700003"],
                ["Z-2", "S-1", D(2026, 11, 3), 1150, "NOT_CLEARED", "310123456700004"],
                ["Z-3", "A-1", D(2026, 11, 4), 105, "REPORTED", "200345678900003"],
                ["Z-4", "A-1", D(2026, 11, 5), 105, "Reported", "100-3456-7890-0003"]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("Z-2", 3, "EINVOICE_NOT_VALID", "Error"),
                            ("Z-2", 3, "EINVOICE_TAX_ID", "Error"),
                            ("Z-3", 4, "EINVOICE_TAX_ID", "Error")]
    assert found[0][5] == ("The e-invoice is Rejected at the tax authority ('NOT_CLEARED') but "
                           "1,150.00 is still open in receivables: reverse it with a credit "
                           "note or replace it with a valid e-invoice")
    assert found[1][5] == ("E-invoice tax registration number '310123456700004' (Buyer VAT "
                           "Number): a Saudi tax registration number has 15 digits starting "
                           "and ending with 3")
    assert found[2][5].endswith("a UAE tax registration number has 15 digits starting with 100")


def test_an_erp_status_column_is_not_an_e_invoice_status(tmp_path):
    customers = [["Customer ID", "Customer Name", "Currency"], ["C1", "Nile", "EGP"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Invoice Status"],
                ["I-1", "C1", D(2026, 11, 2), 100, "Rejected"]]
    assert run(tmp_path, {"Customers": customers, "Invoices": invoices}) == []


# --- dates, terms, units --------------------------------------------------------------------

def test_invoice_dated_before_the_customer_was_created(tmp_path):
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["F-1", "C-003", D(2026, 11, 2), 1140],      # 8 days before C-003 existed
                ["F-2", "C-003", D(2026, 11, 10), 1140],
                ["F-3", "C-001", D(2023, 1, 10), 570]]
    found = run(tmp_path, {"العملاء": ETA_CUSTOMERS, "الفواتير": invoices})
    assert codes(found) == [("F-1", 2, "INVOICE_BEFORE_CUSTOMER", "Warning")]
    assert found[0][2] == "Invoice Date"
    assert found[0][5] == ("تاريخ الفاتورة 2026-11-02 يسبق إنشاء العميل C-003 في ورقة العملاء "
                           "(2026-11-10) بعدد 8 يوم: هل الفاتورة بتاريخ سابق أم صادرة لحساب خاطئ؟")


def test_a_master_imported_on_one_day_says_nothing_of_older_invoices(tmp_path):
    customers = [["Customer ID", "Customer Name", "Created On"]] + [
        [f"C{i}", f"Customer {i}", D(2025, 1, 1)] for i in range(6)]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
        [f"I-{i}", f"C{i}", D(2024, 6, 1 + i), 100] for i in range(6)]
    assert run(tmp_path, {"Customers": customers, "Invoices": invoices}) == []


@pytest.mark.parametrize("terms", ["30 days EOM", "Net 30 EOM", "30 يوم من نهاية الشهر"])
def test_end_of_month_terms_read_either_common_way(tmp_path, terms):
    """20 Sep + 30 days EOM: 30 Sep + 30 = 30 Oct, or the end of October (31 Oct): both
    are how ERPs compute it. 30 Nov is a month too late; 15 Oct too early."""
    customers = [["Customer ID", "Customer Name", "Payment Terms"], ["C1", "Nile", terms]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["I-1", "C1", D(2026, 9, 20), D(2026, 10, 30), 100],
                ["I-2", "C1", D(2026, 9, 21), D(2026, 10, 31), 100],
                ["I-3", "C1", D(2026, 9, 22), D(2026, 11, 30), 100],
                ["I-4", "C1", D(2026, 9, 23), D(2026, 10, 15), 100]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("I-3", 4, "DUE_DATE_INCONSISTENT", "Error"),
                            ("I-4", 5, "DUE_DATE_INCONSISTENT", "Warning")]
    assert found[0][5] == ("Due date 2026-11-30 does not follow the customer's terms: end of "
                           "the month of the invoice date 2026-09-22 + 30 days = 2026-10-30 "
                           "(+31 days)")


def test_arabic_end_of_month_terms(tmp_path):
    customers = [["كود العميل", "اسم العميل", "شروط الدفع"], ["C1", "الدلتا", "نهاية الشهر"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي"],
                ["I-1", "C1", D(2026, 11, 5), D(2026, 11, 30), 100],
                ["I-2", "C1", D(2026, 11, 6), D(2026, 12, 6), 100]]
    found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices})
    assert codes(found) == [("I-2", 3, "DUE_DATE_INCONSISTENT", "Error")]
    assert "نهاية شهر تاريخ الفاتورة 2026-11-06 + 0 يوم = 2026-11-30 (+6 يوم)" in found[0][5]


def test_units_as_written_in_egypt_and_the_gulf():
    import pandas as pd

    written = pd.Series(["pcs", "قطعة", "قطعه", "PC", "كرتونة", "كرتونه", "CTNS", "kg", "كجم",
                         "كيلو جرام", "طن", "Ton", "شيكارة", "اكياس", None])
    assert normalize_units(written).tolist() == [
        "PC", "PC", "PC", "PC", "CTN", "CTN", "CTN", "KG", "KG", "KG", "T", "T", "BAG", "BAG",
        ""]


def test_arabic_unit_spelling_matches_the_price_list(tmp_path):
    customers = [["كود العميل", "اسم العميل", "العملة"], ["C1", "النيل", "EGP"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["I-1", "C1", D(2026, 11, 2), 1140.00]]
    lines = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", "نسبة الضريبة",
              "إجمالي البند"],
             ["I-1", "P-20", 2, "كرتونه", 500, 14, 1140]]
    prices = [["الصنف", "الوحدة", "السعر"], ["P-20", "كرتونة", 500]]
    assert run(tmp_path, {"العملاء": customers, "الفواتير": invoices, "بنود الفواتير": lines,
                          "قائمة الأسعار": prices}) == []
    prices[1][2] = 480
    found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices, "بنود الفواتير": lines,
                           "قائمة الأسعار": prices}, "off.xlsx")
    assert codes(found) == [("I-1", 2, "PRICE_OFF_LIST", "Error")]


def test_price_far_from_the_usual_without_a_price_list(tmp_path):
    """Cement sells at about 120 EGP a bag (شيكارة / كيس are one unit); one line typed
    1,200 (a zero too many) and one at 30, each against its customer's usual price; C2's
    negotiated 35 is its own usual price; a bonus bag at 0 and a price per ton (another
    unit) are not compared."""
    customers = [["Customer ID", "Customer Name", "Currency"],
                 ["C1", "Delta Builders", "EGP"], ["C2", "Nile Contracting", "EGP"],
                 ["C3", "Giza Homes", "EGP"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "Line Amount"]]
    sales = [("I-1", "C1", 118, "شيكارة"), ("I-2", "C1", 120, "كيس"), ("I-3", "C3", 125, "bag"),
             ("I-4", "C3", 122, "شكارة"), ("I-5", "C1", 1200, "شيكارة"),
             ("I-6", "C3", 30, "bag"), ("I-7", "C2", 35, "bag"), ("I-8", "C2", 36, "bag"),
             ("I-9", "C2", 34, "bag"), ("I-10", "C1", 0, "شيكارة"),
             ("I-11", "C1", 2400, "طن")]
    for day, (number, customer, price, unit) in enumerate(sales, start=1):
        invoices.append([number, customer, D(2026, 11, day), 10 * price])
        lines.append([number, "CEM-50", 10, unit, price, 10 * price])
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines})
    assert codes(found) == [("I-5", 6, "PRICE_UNUSUAL", "Warning"),
                            ("I-6", 7, "PRICE_UNUSUAL", "Warning")]
    assert found[0][2] == "Unit Price"
    assert found[0][5] == ("Unit price 1,200.00 of item CEM-50 per شيكارة is 10 × this "
                           "customer's usual price 120.00 (median of 3 lines): a price per "
                           "another unit, or a digit too many or too few?")
    assert "is 1/4.1 × this customer's usual price 122.00 (median of 3 lines)" in found[1][5]


def test_a_number_used_again_each_year_is_a_duplicate_said_so(tmp_path):
    customers = [["Customer ID", "Customer Name"], ["C1", "Nile"], ["C2", "Delta"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["0001", "C1", D(2025, 1, 5), 100], ["0002", "C1", D(2025, 1, 6), 200],
                ["0001", "C2", D(2026, 1, 4), 300], ["0002", "C2", D(2026, 1, 4), 400],
                ["0002", "C1", D(2026, 1, 9), 500]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    dup = [f for f in found if f[3] == "DUPLICATE_INVOICE_NO"]
    assert [(f[0], f[1], f[4]) for f in dup] == [("0001", 2, "Error"), ("0001", 4, "Error"),
                                                 ("0002", 3, "Error"), ("0002", 5, "Error"),
                                                 ("0002", 6, "Error")]
    assert dup[0][5] == ("Invoice number 0001 appears 2 times (rows 2, 4), once in each of "
                         "2025, 2026: the series restarts each year, so receipts and the bank "
                         "cannot tell them apart; put the year in the number (2025-0001)")
    # twice in one year is a plain duplicate
    assert dup[2][5] == "Invoice number 0002 appears 3 times (rows 3, 5, 6)"


@pytest.mark.parametrize(("column", "table"), [("ضريبة الجدول", 50), ("Table Tax %", "5%")])
def test_egypt_table_tax_is_in_the_vat_base(tmp_path, column, table):
    """Net 1,000, table tax 5 % = 50, VAT 14 % on 1,050 = 147: total 1,197. VAT charged on
    the net alone (140) is wrong, and said against the right base."""
    customers = [["كود العميل", "اسم العميل", "العملة"], ["C1", "النيل", "EGP"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["I-1", "C1", D(2026, 11, 2), 1197.00], ["I-2", "C1", D(2026, 11, 3), 1190.00]]
    lines = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", column,
              "نسبة الضريبة", "قيمة الضريبة", "إجمالي البند"],
             ["I-1", "CIG-1", 10, "كرتونة", 100, table, 14, 147, 1197],
             ["I-2", "CIG-1", 10, "كرتونة", 100, table, 14, 140, 1190]]
    found = run(tmp_path, {"العملاء": customers, "الفواتير": invoices, "بنود الفواتير": lines})
    assert codes(found) == [("I-2", 3, "TAX_AMOUNT_MISMATCH", "Error")]
    assert found[0][5] == ("مبلغ الضريبة 140.00 يجب أن يكون 147.00 (14% من 1,050.00)؛ "
                           "الفرق -7.00")


def test_exempt_zero_rated_and_reverse_charge_lines_read_as_no_tax(tmp_path):
    """ETA/ZATCA exports write the VAT treatment instead of 0 %: no Input Issue, no finding;
    a line that says exempt but charges VAT is still caught by its arithmetic."""
    customers = [["Customer ID", "Customer Name", "Currency"], ["C1", "Gulf Trade FZE", "AED"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]
    lines = [LINE_HEAD]
    words = ["Exempt", "معفى", "Reverse Charge", "RC", "Zero-rated", "خاضع للنسبة الصفرية",
             "Out of scope"]
    for i, word in enumerate(words):
        invoices.append([f"I-{i}", "C1", D(2026, 11, 1 + i), 100 + i])
        lines.append([f"I-{i}", "SRV", 1, "HR", 100 + i, 0, word, 0, 100 + i])
    invoices.append(["I-7", "C1", D(2026, 11, 20), 105])
    lines.append(["I-7", "SRV", 1, "HR", 100, 0, "Exempt", "", 105])
    book = read_book(save_sheets(tmp_path / "rc.xlsx", {
        "Customers": customers, "Invoices": invoices, "Invoice Lines": lines}))
    assert book.issues == []
    assert book.frame("Invoice Lines")["Tax Rate"].tolist() == [0.0] * 8
    result = JOB.run(book, JobOptions(as_of=AS_OF))
    found = result.tabs[0].frame
    assert found[["Invoice No", "Row", "Code"]].values.tolist() == [
        ["I-7", 9, "LINE_TOTAL_MISMATCH"]]


def test_an_eta_discount_column_of_amounts(tmp_path):
    """ETA exports write the line's discount as an amount under الخصم: 50.00 off 1,000, VAT
    on the 950. Read as amounts (they add up so), the lines are right; a wrong one is still
    caught."""
    customers = [["كود العميل", "اسم العميل", "العملة"], ["C1", "النيل", "EGP"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["I-1", "C1", D(2026, 11, 2), 1083.00], ["I-2", "C1", D(2026, 11, 3), 2280.00],
                ["I-3", "C1", D(2026, 11, 4), 1140.00]]
    lines = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", "الخصم",
              "نسبة الضريبة", "إجمالي البند"],
             ["I-1", "P1", 10, "قطعة", 100, 50, 14, 1083.00],
             ["I-2", "P1", 20, "قطعة", 100, 0, 14, 2280.00],
             ["I-3", "P1", 10, "قطعة", 100, 25, 14, 1140.00]]    # 25 off not taken
    book = read_book(save_sheets(tmp_path / "d.xlsx", {
        "العملاء": customers, "الفواتير": invoices, "بنود الفواتير": lines}))
    result = JOB.run(book, JobOptions(as_of=AS_OF))
    found = result.tabs[0].frame
    assert found[["Invoice No", "Row", "Code"]].values.tolist() == [
        ["I-3", 4, "LINE_TOTAL_MISMATCH"]]
    assert found["Message"].iloc[0] == ("إجمالي البند 1,140.00 يجب أن يكون 1,111.50 (10 × 100، "
                                        "خصم 25.00، ضريبة 14%)؛ الفرق 28.50")
    assert "Discount % read as amounts" in result.summary


def test_saudi_register_with_net_and_vat_columns_by_date(tmp_path):
    customers = [["Customer ID", "Customer Name", "Currency"], ["S1", "Riyadh Co", "SAR"],
                 ["B1", "Manama Co", "BHD"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount Excl VAT", "VAT Amount",
                 "Total Incl VAT"],
                ["R-1", "S1", D(2020, 5, 10), 1000, 50, 1050],
                ["R-2", "S1", D(2026, 11, 1), 1000, 150, 1150],
                ["R-3", "S1", D(2026, 11, 2), 1000, 50, 1050],
                ["R-4", "B1", D(2021, 11, 2), 100.000, 5.000, 105.000],
                ["R-5", "B1", D(2026, 11, 2), 100.000, 10.000, 110.000],
                ["R-6", "S1", D(2026, 11, 3), 333.33, 50.00, 383.33]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert [f[:5] for f in found] == [
        ["R-3", 4, "VAT Amount", "TAX_RATE_NOT_ALLOWED", "Error"]]
    assert found[0][5] == "Tax rate 5% is not an allowed rate (0, 15 for SAR)"


def test_the_command_writes_the_egyptian_findings_in_arabic(tmp_path, capsys):
    import openpyxl

    from ar_excel.cli import build_parser, execute

    rows = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي",
             "حالة الفاتورة الإلكترونية"],
            ["F-1", "C-001", D(2026, 11, 2), 1140, "صالحة"],
            ["F-2", "C-002", D(2026, 11, 3), 2280, "مرفوضة"]]
    path = save_sheets(tmp_path / "eta.xlsx", {"العملاء": ETA_CUSTOMERS, "الفواتير": rows})
    out = tmp_path / "out.xlsx"
    jobs = {"invoices": JOB}
    args = build_parser(jobs).parse_args(
        ["invoices", str(path), "--as-of", "2026-11-20", "-o", str(out)])
    assert execute(args, jobs) == 0
    assert "1 خطأ" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out)["Invoice Checks"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[1][:8] == ["Invoice No", "Row", "Field", "Code", "Severity", "Message", "Sheet",
                           "Customer ID"]
    assert rows[2][:5] == ["F-2", 3, "حالة الفاتورة الإلكترونية", "EINVOICE_NOT_VALID", "Error"]
    assert rows[2][5].startswith("الفاتورة الإلكترونية مرفوضة لدى الجهة الضريبية ('مرفوضة')")
    assert rows[2][6:8] == ["الفواتير", "C-002"]


def test_one_e_invoice_uuid_on_two_invoices(tmp_path):
    rows = [ETA_HEAD,
            ["F-1", "C-001", D(2026, 11, 2), None, 1140, "F-1", "4E7NKYT4AJEX8Q5B2PR7QPQE10",
             "Valid", "123456789", "100200300"],
            ["F-2", "C-002", D(2026, 11, 3), None, 2280, "F-2", "4E7NKYT4AJEX8Q5B2PR7QPQE10",
             "Valid", "204331876", "100200300"],
            ["F-3", "C-002", D(2026, 11, 4), None, 570, "F-3", "", "Valid", "204331876",
             "100200300"],
            ["F-4", "C-002", D(2026, 11, 5), None, 570, "F-4", "", "Valid", "204331876",
             "100200300"]]
    found = run(tmp_path, {"العملاء": ETA_CUSTOMERS, "الفواتير": rows})
    assert [f[:5] for f in found] == [
        ["F-1", 2, "UUID", "EINVOICE_DUPLICATE", "Error"],
        ["F-2", 3, "UUID", "EINVOICE_DUPLICATE", "Error"]]
    assert found[0][5] == ("الرقم الموحد للفاتورة الإلكترونية 4E7NKYT4AJEX8Q5B2PR7QPQE10 مسجل "
                           "أيضًا على الفاتورة F-2: لا يمكن أن تكون فاتورة إلكترونية واحدة "
                           "فاتورتين؛ الفاتورة المسجلة برقم غيرها ليس لها فاتورة إلكترونية صالحة")


def test_a_rejected_e_invoice_is_judged_by_what_is_still_open(tmp_path):
    """An open-items list (a Balance column, no receipts): the rejected invoice paid off is
    history; the one still owing 1,000 of 2,280 is reported for the 1,000."""
    rows = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي", "الرصيد",
             "ETA Status"],
            ["F-1", "C-001", D(2026, 11, 2), 1140, 0, "Rejected"],
            ["F-2", "C-002", D(2026, 11, 3), 2280, 1000, "Rejected"],
            ["F-3", "C-002", D(2026, 11, 4), 570, 570, "Valid"]]
    found = run(tmp_path, {"العملاء": ETA_CUSTOMERS, "الفواتير": rows})
    assert [f[:5] for f in found] == [["F-2", 3, "ETA Status", "EINVOICE_NOT_VALID", "Error"]]
    assert "ولكن 1,000.00 ما زال مفتوحًا" in found[0][5]
