"""The invoices job on billing books kept by hand in Egypt and the Gulf, as their clerks head
and fill them: each planted defect found at its cell with the figure to type in, and the
clean invoices beside them give nothing."""

from __future__ import annotations

from datetime import datetime as D

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
