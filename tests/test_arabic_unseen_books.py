"""Books as Egyptian and Gulf accountants keep them, read as their chief accountant would.

* An Egyptian distributor: Arabic sheet names and headers (كود العميل، الأجل، الحد الائتماني،
  فواتير المبيعات، المتحصلات), invoice numbers, dates and amounts typed in Arabic-Indic digits as
  text (ف-٢٠٢٦-٠١٠٢, ١٥/١١/٢٠٢٦, ٥٧٬٠٠٠٫٥٠), a credit note (إشعار دائن), and the bank's
  statement exported with Arabic headers (التاريخ، البيان، مدين، دائن، الرصيد).
* A Saudi trader keeping the Hijri date in a column beside the Gregorian one.
* A Kuwaiti book in English, amounts in dinars (three decimals), one customer named in Arabic.

Checked: the PDF statement's aging footer names its buckets in Arabic (١-٣٠ يوم), as the
Aging tab does, not '1-30' and '90+' (which a right-to-left line shows as '+90'); a dinar
statement prints its three decimals on every line (12,500.250, not 12,500.25); the dunning
letter says the overdue total is the invoices' net of credits (it read as the credits'
total); the match reason gives the name likeness as 'تطابق 98%' not a bare '(98)'; Arabic
text cells, captions and page headers are told to read right to left (LibreOffice lays them
out left to right otherwise, and a sentence holding an invoice number comes out scrambled),
and English text, or an English book, is left as it was.
"""

from __future__ import annotations

import csv
import email
from datetime import date
from email import policy as email_policy

import openpyxl
import pytest
from pypdf import PdfReader

from ar_excel.cli import main
from ar_excel.io.text_direction import RLM
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"
_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _ar(text: object) -> str:
    return str(text).translate(_DIGITS)


def _ar_date(d: date) -> str:  # ١٥/١١/٢٠٢٦, typed as text
    return _ar(d.strftime("%d/%m/%Y"))


def _ar_money(x: float) -> str:  # ٥٧٬٠٠٠٫٥٠: the Arabic thousands and decimal signs
    return _ar(f"{x:,.2f}".replace(",", "٬").replace(".", "٫"))


def _egypt_book(path):
    d = date
    customers = [
        ["شركة النيل للتوزيع والتجارة - بيانات العملاء"], [],
        ["كود العميل", "اسم العميل", "البطاقة الضريبية", "التليفون", "البريد الالكتروني",
         "العنوان", "المحافظة", "العملة", "الأجل", "الحد الائتماني", "الحالة"],
        ["1201", "شركة الأمل للمقاولات", "٢٠٤-٣٣١-٨٧٦", "٠١٠٠١٢٣٤٥٦٧", "accounts@alamal.com.eg",
         "١٥ شارع التحرير", "القاهرة", "ج.م", "٣٠ يوم", "٢٥٠٬٠٠٠", "نشط"],
        ["1202", "مؤسسة النور التجارية", "٣١٢-٤٤٥-٩٠١", "٠٢٢٣٤٥٦٧٨٩", "nour@nour-trade.com",
         "ميدان الجيزة", "الجيزة", "ج.م", "٦٠ يوم", "١٠٠٬٠٠٠", "نشط"],
        ["1203", "شركة الدلتا للأغذية", "٤٠٩-١١٢-٣٣٤", "٠١٢٢٧٧٧٨٨٨٩", "finance@delta-foods.com",
         "المنطقة الصناعية", "طنطا", "ج.م", "٤٥ يوم", "٥٠٬٠٠٠", "موقوف"],
        ["1205", "شركة الصعيد للتوريدات", "", "٠٩٣٢٣٤٥٦٧٨", "", "أسيوط الجديدة", "أسيوط",
         "ج.م", "٣٠ يوم", "٧٥٬٠٠٠", "نشط"]]
    invoices = [["رقم الفاتورة", "التاريخ", "كود العميل", "اسم العميل", "البيان", "نوع المستند",
                 "الإجمالي", "تاريخ الاستحقاق"]]
    for no, when, cid, name, kind, amount, terms in [
            ("ف-٢٠٢٦-٠١٠١", d(2026, 8, 10), "1201", "شركة الأمل للمقاولات", "فاتورة", 114000, 30),
            ("ف-٢٠٢٦-٠١٠٢", d(2026, 9, 5), "1201", "شركة الأمل للمقاولات", "فاتورة", 57000.5, 30),
            ("ف-٢٠٢٦-٠١٠٣", d(2026, 10, 20), "1202", "مؤسسة النور التجارية", "فاتورة", 22800, 60),
            ("ف-٢٠٢٦-٠١٠٤", d(2026, 6, 1), "1203", "شركة الدلتا للأغذية", "فاتورة", 68400, 45),
            ("ف-٢٠٢٦-٠١٠٥", d(2026, 11, 15), "1205", "شركة الصعيد للتوريدات", "فاتورة", 91200, 30),
            ("إ-٢٠٢٦-٠٠٠٧", d(2026, 10, 1), "1201", "شركة الأمل للمقاولات", "إشعار دائن", -11400,
             0),
            ("ف-٢٠٢٦-٠١٠٦", d(2026, 7, 12), "1202", "مؤسسة النور التجارية", "فاتورة", 34200, 60)]:
        invoices.append([no, _ar_date(when), cid, name, "توريد", kind, _ar_money(amount),
                         _ar_date(date.fromordinal(when.toordinal() + terms))])
    receipts = [["رقم الإيصال", "التاريخ", "كود العميل", "المبلغ", "رقم الفاتورة", "طريقة السداد"],
                ["١٠٠١", _ar_date(d(2026, 9, 12)), "1201", _ar_money(114000), "ف-٢٠٢٦-٠١٠١", "شيك"],
                ["١٠٠٢", _ar_date(d(2026, 10, 28)), "1202", _ar_money(20000), "ف-٢٠٢٦-٠١٠٦",
                 "تحويل بنكي"]]
    return save_sheets(path, {"بيانات العملاء": customers, "فواتير المبيعات": invoices,
                              "المتحصلات": receipts})


def _egypt_bank(path):
    rows = [("03/11/2026", "إيداع شيك رقم ٧٧٨٨٩٩ من شركة الأمل للمقاولات سداد ف-٢٠٢٦-٠١٠٢", "",
             "57,000.50", "557,000.50"),
            ("09/11/2026", "تحويل وارد من مؤسسة النور التجارية فاتورة ف-٢٠٢٦-٠١٠٦", "",
             "14,200.00", "571,200.50"),
            ("10/11/2026", "مصاريف بنكية", "35.00", "", "571,165.50"),
            ("18/11/2026", "إيداع نقدي - الصعيد للتوريدات", "", "45,600.00", "616,765.50")]
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(["التاريخ", "البيان", "مدين", "دائن", "الرصيد"])
        out.writerows(rows)
    return path


def _kuwait_book(path):
    d = date
    return save_sheets(path, {
        "Customers": [["Customer ID", "Name", "Email", "Currency", "Payment Terms",
                       "Credit Limit", "Status"],
                      ["K100", "شركة الكويت للتجارة", "ap@kwtrade.com.kw", "KWD", "30", 20000,
                       "Active"],
                      ["K101", "Boubyan Foods Co.", "fin@boubyanfoods.com", "KWD", "60", 15000,
                       "Active"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Currency"],
                     ["KI-1", "K100", d(2026, 8, 1), d(2026, 8, 31), 12500.25, "KWD"],
                     ["KI-2", "K101", d(2026, 10, 1), d(2026, 11, 30), 4000, "KWD"],
                     ["KI-3", "K100", d(2026, 11, 5), d(2026, 12, 5), 1500.5, "KWD"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P-1", "K100", d(2026, 9, 15), 5000, "KI-1"]]})


def _saudi_book(path):
    from hijridate import Gregorian

    def hijri(x: date) -> str:
        h = Gregorian(x.year, x.month, x.day).to_hijri()
        return _ar(f"{h.year}/{h.month:02d}/{h.day:02d}")

    d = date
    invoices = [["رقم الفاتورة", "التاريخ الهجري", "التاريخ الميلادي", "رقم العميل",
                 "الإجمالي شامل الضريبة", "العملة", "تاريخ الاستحقاق"]]
    for no, when, cid, gross, terms in [("INV-1448-002", d(2026, 8, 15), "C-502", 287500, 60),
                                        ("INV-1448-006", d(2026, 5, 3), "C-504", 9200, 30)]:
        invoices.append([no, hijri(when), when, cid, f"{gross:,.2f} ر.س", "ر.س",
                         date.fromordinal(when.toordinal() + terms)])
    return save_sheets(path, {
        "العملاء": [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان"],
                    ["C-502", "شركة المراعي الحديثة", "ر.س", "٦٠ يوم", "500,000 ر.س"],
                    ["C-504", "شركة نجد للتموين", "ر.س", "٣٠ يوم", "50,000 ر.س"]],
        "الفواتير": invoices,
        "سندات القبض": [["رقم السند", "التاريخ الهجري", "التاريخ الميلادي", "رقم العميل", "المبلغ",
                         "رقم الفاتورة"],
                        ["RV-0092", hijri(d(2026, 10, 15)), d(2026, 10, 15), "C-502",
                         _ar_money(100000), "INV-1448-002"]]})


@pytest.fixture(scope="module")
def egypt(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("egypt")
    book, bank = _egypt_book(tmp / "book.xlsx"), _egypt_bank(tmp / "bank.csv")
    assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(tmp / "run.xlsx")]) == 0
    assert main(["statements", str(book), "--as-of", AS_OF, "--from", "2026-07-01",
                 "-o", str(tmp / "st.xlsx"), "--pdf-dir", str(tmp / "pdf")]) == 0
    (tmp / "alone").mkdir()  # collections without the bank statement: every letter drafted
    assert main(["collections", str(book), "--as-of", AS_OF,
                 "-o", str(tmp / "alone" / "collections.xlsx")]) == 0
    return {"run": openpyxl.load_workbook(tmp / "run.xlsx"), "dir": tmp}


@pytest.fixture(scope="module")
def kuwait(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kuwait")
    book = _kuwait_book(tmp / "book.xlsx")
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp / "run.xlsx")]) == 0
    assert main(["statements", str(book), "--as-of", AS_OF, "--from", "2026-07-01",
                 "-o", str(tmp / "st.xlsx"), "--pdf-dir", str(tmp / "pdf")]) == 0
    return {"run": openpyxl.load_workbook(tmp / "run.xlsx"), "dir": tmp}


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_arabic_pdf_statement_names_its_aging_buckets_in_arabic(egypt):
    text = _pdf_text(egypt["dir"] / "pdf" / "Statement_1201.pdf")
    assert "كشف حساب" in text and "الرصيد الختامي" in text and "أعمار الديون" in text
    # the footer's buckets as the Aging tab's header names them; no '1-30', no '90+'
    header = next(line for line in text.splitlines() if "غير مستحق" in line)
    assert "أكثر من" in header and header.count("يوم") == 4 and "الإجمالي" in header
    assert not any(c in header for c in "0123456789+")  # no '1-30', no '90+'
    # 1201: 57,000.50 open, less the credit note 11,400.00, all of it 56 days past due
    assert text.splitlines()[-2] == "45,600.50 0.00 0.00 45,600.50 0.00 0.00"


def test_dinar_pdf_statement_prints_three_decimals_on_every_line(kuwait):
    lines = _pdf_text(kuwait["dir"] / "pdf" / "Statement_K101.pdf").splitlines()
    assert "2026-10-01 Invoice KI-2 2026-11-30 4,000.000 4,000.000" in lines
    assert "2026-11-30 Closing balance 4,000.000" in lines
    assert "4,000.000 0.000 0.000 0.000 0.000 4,000.000" in lines
    # K100's statement is in Arabic (its name is): 12,500.250 KWD, less 5,000.000 received
    text = _pdf_text(kuwait["dir"] / "pdf" / "Statement_K100.pdf")
    for figure in ("12,500.250", "5,000.000", "7,500.250", "1,500.500", "9,000.750"):
        assert figure in text
    assert "12,500.25 " not in text and "1,500.50 " not in text


def test_arabic_dunning_letter_says_whose_total_the_figure_is(egypt):
    # in the month-end run 1202's letter is held: the bank statement shows its 14,200.00 of
    # 9 November (Receipts To Post); collections run alone drafts it
    assert not (egypt["dir"] / "dunning" / "2026-11-30_1202.eml").exists()
    with open(egypt["dir"] / "alone" / "dunning" / "2026-11-30_1202.eml", "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email_policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert message["Subject"] == "إنذار نهائي: حساب رقم 1202"
    # 1202 owes 14,200.00 past due (34,200.00 less 20,000.00 received) and has no credit: the
    # figure follows the invoices, not "the credits totalling 14,200.00"
    assert body.splitlines()[3].startswith(
        "هذا إنذار نهائي. فواتيركم المتأخرة بإجمالي 14,200.00 EGP بعد خصم الأرصدة الدائنة "
        "متأخرة حتى 81 يوماً عن تاريخ استحقاقها.")
    assert "الأرصدة الدائنة بإجمالي" not in body


def test_match_reason_gives_the_name_likeness_as_a_percentage(egypt):
    ws = egypt["run"]["Bank Matches"]
    assert [c.value for c in ws[2]][:12] == [
        "Bank Line", "Date", "Bank Amount", "Invoice No", "Customer ID", "Applied Amount",
        "Method", "Confidence", "Status", "Write-off", "Customer", "Reason"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, max_col=12, values_only=True) if r[0]}
    assert rows["1"][3:9] == ("ف-2026-0102", "1201", 57000.5, "reference", 0.99, "Matched")
    assert rows["4"][3:9] == ("ف-2026-0105", "1205", 45600, "partial", 0.6, "Suggested")
    assert rows["4"][11] == (
        "الدافع عُرف من الاسم في البيان (تطابق 98%)؛ لا يذكر فاتورة ويدفع أقل من أقدم فاتورة "
        "مفتوحة (ف-2026-0105، 91,200.00 مفتوح): دفعة تحت الحساب مقترحة على الأقدم، يُرجى التأكيد")


def test_arabic_text_cells_read_right_to_left_english_ones_as_they_were(egypt):
    ws = egypt["run"]["Credit Status"]
    assert ws.sheet_view.rightToLeft
    assert [ws[c].value for c in ("A3", "B3", "J3")] == ["1203", "شركة الدلتا للأغذية", "Hold"]
    assert ws["P3"].value.startswith("العميل موقوف في بيانات العملاء؛ الفاتورة ف-2026-0104 "
                                     "متأخرة 137 يوماً")
    assert [ws[c].alignment.readingOrder for c in ("B3", "P3", "A1", "S1")] == [2, 2, 2, 2]
    # a code, an id and the contract's English header keep the default (context) order
    assert [ws[c].alignment.readingOrder for c in ("A3", "J3", "A2")] == [0, 0, 0]
    assert all(ws[c].alignment.horizontal == "right" for c in ("B3", "J3", "P3"))
    # a small table under a tab: its Arabic rows too
    aging = egypt["run"]["Aging"]
    assert (aging["A14"].value, aging["A14"].alignment.readingOrder) == ("غير مستحق", 2)
    assert (aging["A10"].value, aging["A10"].alignment.readingOrder) == ("EGP", 0)
    # the caption, printed as the page header, begins with a right-to-left mark
    assert ws.oddHeader.center.text == (
        RLM + "في 2026-11-30: إجمالي الرصيد المفتوح 242,200.50 = الرصيد المفتوح في الدفاتر "
              "242,200.50")


def test_english_book_gets_no_reading_order_nor_mark(kuwait):
    wb = kuwait["run"]
    for ws in wb.worksheets:
        assert not ws.sheet_view.rightToLeft
        assert all(c.alignment.readingOrder == 0 for row in ws.iter_rows() for c in row), \
            ws.title
        assert RLM not in (ws.oddHeader.center.text or "")
    # an Arabic customer name in an English tab is data: as written, in the tab's order
    assert wb["Aging"]["B2"].value == "شركة الكويت للتجارة"
    assert wb["Aging"]["B2"].alignment.readingOrder == 0


def test_hijri_column_beside_the_gregorian_one_is_not_the_invoice_date(tmp_path):
    book = _saudi_book(tmp_path / "book.xlsx")
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "a.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["Aging Detail"]
    head = [c.value for c in ws[2]]
    rows = {r[head.index("Invoice No")]: r for r in ws.iter_rows(min_row=3, values_only=True)
            if r[0]}
    due, date_, open_ = head.index("Due Date"), head.index("Date"), head.index("Open Amount")
    assert {k: (r[date_].date(), r[due].date(), r[open_]) for k, r in rows.items()} == {
        "INV-1448-002": (date(2026, 8, 15), date(2026, 10, 14), 187500),
        "INV-1448-006": (date(2026, 5, 3), date(2026, 6, 2), 9200)}
    issues = openpyxl.load_workbook(tmp_path / "a.xlsx")["Input Issues"]
    assert issues.max_row == 2  # the Arabic and English header rows: nothing unreadable


def test_undated_receipt_is_named_at_its_arabic_column(tmp_path):
    """An Arabic receipts log with a receipt whose date was left blank: the Input Issue
    names the column as the sheet writes it (التاريخ), as the reader's own issues do."""
    book = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"],
                    ["A-1", "شركة الفجر للتجارة", "ر.س", "٣٠ يوم"]],
        "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                     ["F-1", "A-1", "٠١/٠٩/٢٠٢٦", "١١٥٬٠٠٠٫٠٠"]],
        "التحصيلات": [["رقم التحصيل", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["R-1", "A-1", "١٠/١٠/٢٠٢٦", "٥٠٬٠٠٠", "F-1"],
                      ["R-2", "A-1", None, "١٬٠٠٠", None]]})
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "a.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["Input Issues"]
    assert [c.value for c in ws[3]] == [
        "التحصيلات", "C3", "التاريخ", None,
        "R-2 بلا تاريخ فلا يمكن حساب عمره: مبلغه -1,000.00 يظهر تحت غير مستحق"]


def test_arabic_summary_lists_are_parted_by_the_arabic_comma():
    from ar_excel.io.summaries_ar import arabic_summary

    assert arabic_summary(
        "aging: Aging as of 2026-11-30: 5 customer rows, 6 open items, grand total 2,300.00 "
        "AED, 76,200.00 SAR (ties to the ledger)") == (
        "aging: أعمار الديون في 2026-11-30: 5 صف عميل، 6 بند مفتوح، الإجمالي العام 2,300.00 "
        "AED، 76,200.00 SAR (مطابق للدفاتر)")
    assert arabic_summary(
        "invoices: Invoice checks on 1,500 invoices, 304 lines (with بنود الفواتير, قائمة "
        "الأسعار): 17 errors, 15 warnings") == (
        "invoices: فحص 1,500 فاتورة، 304 سطر (مع بنود الفواتير، قائمة الأسعار): 17 خطأ، 15 تنبيه")


@pytest.mark.parametrize(("text", "worded"), [
    ("منذ 1 يوماً.", "منذ يوم واحد."),
    ("متأخرة 2 يوماً", "متأخرة يومين"),
    ("يسدد متأخراً 9 يوماً في المتوسط", "يسدد متأخراً 9 أيام في المتوسط"),
    ("متأخرة 10 يوماً", "متأخرة 10 أيام"),
    ("متأخرة 11 يوماً", "متأخرة 11 يوماً"),
    ("متأخرة 137 يوماً", "متأخرة 137 يوماً"),
    ("خلال 100 يوماً", "خلال 100 يوم"),
    ("متأخرة 103 يوماً", "متأخرة 103 أيام"),
    ("السياسة تسمح بـ 0, 7, 15, 30, 45, 60, 90 يوماً.",
     "السياسة تسمح بـ 0, 7, 15, 30, 45, 60, 90 يوماً."),
    ("متوسط 21.6 يوماً", "متوسط 21.6 يوماً"),  # a decimal keeps the written form
])
def test_days_take_the_form_their_number_asks(text, worded):
    from ar_excel.core.arabic_counts import agree_days

    assert agree_days(text) == worded


def test_a_review_five_days_late_says_five_days(tmp_path):
    book = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "البريد الإلكتروني", "العملة", "شروط الدفع",
                     "حد الائتمان", "تاريخ مراجعة الائتمان"],
                    ["A-1", "شركة الفجر للتجارة", "a@fajr.sa", "SAR", "30", 100000,
                     date(2026, 11, 25)],
                    ["A-2", "شركة الرمال", "b@raml.sa", "SAR", "30", 100000,
                     date(2026, 10, 31)]]})
    assert main(["validate", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "v.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "v.xlsx")["Customer Checks"]
    messages = {r[0]: r[5] for r in ws.iter_rows(min_row=3, values_only=True)
                if r[3] == "REVIEW_OVERDUE"}
    assert messages == {
        "A-1": "مراجعة ائتمان العميل A-1 كانت مستحقة في 2026-11-25 (G2)، منذ 5 أيام.",
        "A-2": "مراجعة ائتمان العميل A-2 كانت مستحقة في 2026-10-31 (G3)، منذ 30 يوماً."}


def test_arabic_bank_workbook_issues_are_placed_and_worded_in_arabic(tmp_path):
    """A bank's Excel export in Arabic (preamble, Arabic-Indic digits with ٬ and ٫, an amount
    the clerk overtyped with a word, a closing balance 1,000.00 off): the Input Issues name
    the word's cell as Excel shows the export (D9), the statement in Arabic and the
    importer's field by its Arabic name."""
    book = _egypt_book(tmp_path / "book.xlsx")
    bank = save_sheets(tmp_path / "nbe.xlsx", {"كشف حساب": [
        ["البنك الأهلي المصري"], ["اسم العميل:", "شركة النيل للتوزيع والتجارة"],
        ["رقم الحساب:", "0123456789012"], [],
        ["التاريخ", "البيان", "مدين", "دائن", "الرصيد"],
        ["٠١/١١/٢٠٢٦", "رصيد افتتاحي", "", "", "٥٠٠٬٠٠٠٫٠٠"],
        ["٠٣/١١/٢٠٢٦", "إيداع شيك من شركة الأمل للمقاولات سداد ف-٢٠٢٦-٠١٠٢", "", "٥٧٬٠٠٠٫٥٠",
         "٥٥٧٬٠٠٠٫٥٠"],
        ["١٠/١١/٢٠٢٦", "مصاريف بنكية", "٣٥٫٠٠", "", "٥٥٦٬٩٦٥٫٥٠"],
        ["٢٠/١١/٢٠٢٦", "تحويل وارد", "", "خطأ", "٥٥٦٬٩٦٥٫٥٠"],
        ["الرصيد الختامي", "", "", "", "٥٥٧٬٩٦٥٫٥٠"]]})
    assert main(["reconcile", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(tmp_path / "r.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    issues = [r[1:] for r in wb["Input Issues"].iter_rows(min_row=3, values_only=True)]
    assert ("D9", "دائن", "خطأ",
            "دائن 'خطأ' تعذرت قراءته مبلغاً ('خطأ' ليس رقماً)؛ استُبعد السطر") in issues
    balance = next(i for i in issues if i[0] == "الكشف 1")
    assert balance[1] == "الرصيد" and "(الفرق -1,000.00)" in balance[3]
    matched = [r for r in wb["Bank Matches"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [(r[3], r[5], r[8]) for r in matched] == [("ف-2026-0102", 57000.5, "Matched")]


def test_reconciliation_is_called_a_bank_reconciliation(egypt):
    ws = egypt["run"]["Reconciliation"]
    # مطابقة بنكية (تسوية is an adjustment); the statement's running balance ties
    assert ws["F1"].value == "مطابقة بنكية لـ 4 سطر من كشف البنك حتى 2026-11-18؛ الكشف متطابق"
    items = {r[0]: r[1] for r in ws.iter_rows(min_row=3, max_col=2, values_only=True) if r[0]}
    assert items["الرصيد الافتتاحي"] == 500000
    assert items["الفرق"] == 0


def test_credit_and_matching_labels_in_the_accountants_terms(egypt):
    ws = egypt["run"]["Credit Status"]
    labels = dict(zip([c.value for c in ws[2]], [c.value for c in ws[1]], strict=False))
    assert (labels["Exposure"], labels["Unapplied Credits"], labels["Open Orders"]) == (
        "التعرض الائتماني", "أرصدة دائنة غير مطبقة", "أوامر بيع مفتوحة")
    ws = egypt["run"]["Bank Matches"]
    labels = dict(zip([c.value for c in ws[2]], [c.value for c in ws[1]], strict=False))
    assert labels["Confidence"] == "درجة الثقة"


def test_risk_score_caption_has_no_english_function(egypt):
    ws = egypt["run"]["Payment Risk"]
    caption = next(c.value for c in ws[1] if str(c.value or "").startswith("درجة المخاطر ="))
    assert caption == ("درجة المخاطر = 60 × (متوسط أيام التأخير بحد أقصى 60) / 60 + 40 × نسبة "
                       "المتأخر أكثر من 30 يوماً؛ متوسط أيام التأخير مرجّح بالمبلغ، ويقل وزن "
                       "السداد إلى النصف كل 180 يوماً")
    rows = {r[0]: r[3] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows == {"1203": "High", "1202": "High", "1201": "High", "1205": "Low"}


def test_pack_caption_lists_currencies_with_the_arabic_comma():
    from ar_excel.io.pack_ar import pack_caption

    assert pack_caption("Receivables in other currencies (equivalent in EGP at the Policy's "
                        "exchange rates; no rate for AED, SAR, USD)") == (
        "المديونية بالعملات الأخرى (المعادل بعملة EGP بأسعار الصرف في السياسة؛ لا يوجد سعر صرف "
        "لـ AED، SAR، USD)")


def test_gulf_book_with_currency_words_and_cash_terms_with_tanween(tmp_path):
    """A Dubai trader's Arabic book: currencies in words (درهم إماراتي، ريال، دولار أمريكي) and
    signs (د.إ، ر.س، $) beside the amounts, terms 'صافي ٣٠ يوم', '٦٠ يوماً' and 'نقداً' (cash,
    typed with its tanween): all read, nothing left to Input Issues."""
    book = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "الحد الائتماني"],
                    ["U-1", "مؤسسة الإمارات للتجارة", "درهم إماراتي", "صافي ٣٠ يوم",
                     "٢٠٠٬٠٠٠ درهم"],
                    ["U-2", "شركة الخليج للمقاولات", "ريال سعودي", "٦٠ يوماً", "SAR 150,000"],
                    ["U-3", "مكتب النخبة", "دولار", "نقداً", ""]],
        "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ", "العملة"],
                     ["INV-1", "U-1", "١٥/٠٩/٢٠٢٦", "٥٢٬٥٠٠٫٠٠ د.إ", "د.إ"],
                     ["INV-2", "U-2", "٠١/١٠/٢٠٢٦", "ر.س ٣٤٬٥٠٠", "ريال"],
                     ["INV-3", "U-3", "٠١/١١/٢٠٢٦", "$1,250.00", "دولار أمريكي"],
                     ["INV-4", "U-1", "٢٠/١١/٢٠٢٦", "١٠٬٥٠٠ درهم", ""]],
        "التحصيلات": [["رقم التحصيل", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["R-1", "U-1", "٠١/١١/٢٠٢٦", "٢٠٬٠٠٠ د.إ", "INV-1"]]})
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "r.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb["Input Issues"].max_row == 2
    # currencies in words are read, and each is a Warning saying its code (2d5aea4: the
    # master's Currency is an ISO code), nothing else
    checks = [r for r in wb["Customer Checks"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [r[3] for r in checks] == ["INVALID_CURRENCY"] * 3
    assert [next(m for m in r if isinstance(m, str) and "قُرئت" in m).split("؛ ")[-1]
            for r in checks] == ["قُرئت AED، فاكتب AED.", "قُرئت SAR، فاكتب SAR.",
                                 "قُرئت USD، فاكتب USD."]
    aging = {r[0]: r[2:9] for r in wb["Aging"].iter_rows(min_row=3, max_row=5, values_only=True)}
    # U-1: INV-1 52,500 less 20,000, due 15 Oct (46 days); INV-4 10,500 due 20 Dec.
    # U-2: INV-2 due 30 Nov (60 days): current. U-3: cash, INV-3 due 1 Nov: 29 days
    assert aging == {"U-1": (10500, 0, 32500, 0, 0, 43000, "AED"),
                     "U-2": (34500, 0, 0, 0, 0, 34500, "SAR"),
                     "U-3": (0, 1250, 0, 0, 0, 1250, "USD")}


@pytest.mark.parametrize(("text", "day"), [
    ("١٥ نوڤمبر ٢٠٢٦", date(2026, 11, 15)),  # the Gulf's ڤ
    ("1 ڤبراير 2026", date(2026, 2, 1)),
    ("15 نوفمبر 2026", date(2026, 11, 15)),
])
def test_month_names_as_the_gulf_spells_them(text, day):
    from ar_excel.parsing import parse_date

    assert parse_date(text).date() == day


def test_arabic_message_opening_on_an_invoice_number_reads_right_to_left(tmp_path):
    book = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"],
                    ["A-1", "Al Fajr Trading Co.", "SAR", "30"]],
        "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                     ["F-1", "A-1", "٠١/٠٩/٢٠٢٦", "١١٥٬٠٠٠٫٠٠"]],
        "التحصيلات": [["رقم التحصيل", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["R-1", "A-1", "١٠/١٠/٢٠٢٦", "١٬٠٠٠", "F-99"]]})
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "a.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    cell = wb["Input Issues"]["E3"]
    assert cell.value.startswith("'F-99' غير موجود في قائمة الفواتير")
    assert cell.alignment.readingOrder == 2
    # an English name in the Arabic tab keeps the context order (its final '.' in place)
    name = wb["Aging"]["B3"]
    assert (name.value, name.alignment.readingOrder) == ("Al Fajr Trading Co.", 0)


def test_dinar_summaries_give_three_decimals(kuwait):
    """The run's summary and the Aging caption of a dinar book in fils, as its tabs show."""
    ws = kuwait["run"]["Aging"]
    caption = next(c.value for c in ws[1] if str(c.value or "").startswith("Aging as of"))
    assert caption == ("Aging as of 2026-11-30 by due date; grand total KWD 13,000.750 vs ledger "
                       "open balance 13,000.750: difference 0.000 (ties)")


def test_dinar_run_summary_lines(tmp_path, capsys):
    book = _kuwait_book(tmp_path / "book.xlsx")
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "r.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "grand total 13,000.750 KWD (ties to the ledger)" in out
    assert "13-week forecast 4,000.000 KWD" in out


def test_credit_caption_lists_currencies_with_the_arabic_comma():
    from ar_excel.io.wording_ar import arabic_caption

    assert arabic_caption("As of 2026-11-30: Open Balance total AED 272,291.49, EGP 2,329,704.34 "
                          "= ledger open balance AED 272,291.49, EGP 2,329,704.34") == (
        "في 2026-11-30: إجمالي الرصيد المفتوح AED 272,291.49، EGP 2,329,704.34 = الرصيد المفتوح "
        "في الدفاتر AED 272,291.49، EGP 2,329,704.34")
