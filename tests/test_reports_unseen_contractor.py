"""A Gulf contractor's books, in Arabic, closed on Saturday 28 February 2026, checked by
pencil: progress billing (interim payment certificates) with the retention billed apart and
due a year on, an advance received months before the first certificate, another before
its customer was billed at all, and a credit note never applied. The sheets and headers
are Arabic, so every output tab has its Arabic header row above the contract's English one.

Every figure below is worked out by hand in the comments. The advances sit in the Aging's
past-due buckets by their own dates (as ERPs show them); the KPIs set each customer's credits
on account against its own past-due invoices first (the overdue AR was -140,000 AED when the
advances were netted against every customer's arrears by their dates).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-02-28"
GULF = "شركة الخليج للتطوير العقاري"
RAYAN = "مؤسسة الريان للمقاولات"


def _book(path, policy=None):
    d = date
    customers = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان", "الهاتف",
                  "المدينة"],
                 ["C-100", GULF, "AED", "Net 30", 2000000, "+971 4 000 0001", "دبي"],
                 ["C-200", RAYAN, "AED", "Net 60", 500000, "+971 2 000 0002", "أبوظبي"],
                 ["C-300", "Emaar Facilities LLC", "AED", "Net 45", 0, "+971 4 000 0003",
                  "Dubai"]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "العملة",
                 "المبلغ", "البيان"],
                ["IPC-01", "C-100", d(2025, 10, 31), d(2025, 11, 30), "AED", 400000,
                 "شهادة إنجاز 1"],
                ["RET-01", "C-100", d(2025, 10, 31), d(2026, 10, 31), "AED", 50000,
                 "محتجزات شهادة 1"],
                ["IPC-02", "C-100", d(2025, 12, 31), d(2026, 1, 30), "AED", 320000,
                 "شهادة إنجاز 2"],
                ["RET-02", "C-100", d(2025, 12, 31), d(2026, 12, 31), "AED", 40000,
                 "محتجزات شهادة 2"],
                ["IPC-03", "C-100", d(2026, 2, 28), d(2026, 3, 30), "AED", 280000,
                 "شهادة إنجاز 3"],
                ["IPC-11", "C-200", d(2025, 11, 15), d(2026, 1, 14), "AED", 150000,
                 "شهادة إنجاز 1"],
                ["CN-11", "C-200", d(2026, 2, 10), None, "AED", -15000, "إشعار دائن - خصم أعمال"],
                ["IPC-21", "C-300", d(2026, 2, 15), d(2026, 3, 31), "AED", 90000,
                 "Progress claim 1"]]
    payments = [["رقم الإيصال", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة", "طريقة الدفع"],
                ["ADV-100", "C-100", d(2025, 9, 15), 300000, None, "دفعة مقدمة"],
                ["R-101", "C-100", d(2025, 12, 20), 400000, "IPC-01", "تحويل بنكي"],
                ["R-102", "C-100", d(2026, 2, 25), 200000, "IPC-02", "شيك"],
                ["ADV-300", "C-300", d(2026, 1, 20), 45000, None, "دفعة مقدمة"],
                ["R-201", "C-200", d(2026, 2, 26), 50000, "IPC-11", "تحويل بنكي"]]
    sheets = {"العملاء": customers, "الفواتير": invoices, "التحصيلات": payments}
    if policy:
        sheets["السياسة"] = [["المفتاح", "القيمة"], *policy]
    return save_sheets(path, sheets)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return run_jobs(_book(tmp_path_factory.mktemp("contractor") / "book.xlsx"), AS_OF)


def test_aging_with_retentions_and_advances(runs):
    ws = runs["run"]["Aging"]
    assert [c.value for c in ws[1]][:9] == ["رقم العميل", "العميل", "غير مستحق", "١-٣٠ يوم",
                                            "٣١-٦٠ يوم", "٦١-٩٠ يوم", "أكثر من ٩٠ يوم",
                                            "الإجمالي", "العملة"]
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(ws)}
    assert got == {
        # RET-01 50,000 + RET-02 40,000 (due a year on) + IPC-03 280,000 not due; IPC-02
        # 320,000 - 200,000 due 30 January (29 days); the advance of 15 September, 166 days
        "C-100": (370000, 120000, 0, 0, -300000, 190000),
        # IPC-11 150,000 - 50,000 (45 days); CN-11 of 10 February (18 days)
        "C-200": (0, -15000, 100000, 0, 0, 85000),
        # IPC-21 not due; the advance of 20 January (39 days)
        "C-300": (90000, 0, -45000, 0, 0, 45000),
    }
    assert (ws["A9"].value, ws["B9"].value, ws["E9"].value) == ("AED", 320000, "مطابق")


def test_dunning_sets_the_advance_against_the_overdue_certificate(runs):
    dun = {r["Customer ID"]: r for r in table(runs["run"]["Dunning"])}
    pick = ("Level", "Overdue Amount", "Credit On Account", "Amount To Collect", "Next Action")
    assert {c: tuple(dun[c][k] for k in pick) for c in dun} == {
        "C-200": (2, 100000, 15000, 85000, "إرسال تذكير حازم، والاتصال إذا لم يرد خلال 7 أيام"),
        "C-100": (0, 120000, 300000, 0, "تسوية الرصيد الدائن مع الفواتير المتأخرة"),
        "C-300": (0, 0, 45000, 0, "لا توجد متأخرات"),
    }
    calls = [(r["Customer ID"], r["Phone"], r["Amount To Collect"])
             for r in table(runs["run"]["Call List"])]
    assert calls == [("C-200", "+971 2 000 0002", 85000)]


def test_forecast_leaves_the_retentions_beyond_13_weeks(runs):
    expected = {r["Invoice No"]: (r["Expected Amount"], r["Expected Date"])
                for r in table(runs["run"]["Expected Payments"])}
    # the advance's 300,000 covers IPC-02's 120,000 and 180,000 of IPC-03 (due 30 March
    # before the retentions): 100,000 of IPC-03 is left, expected at C-100's 20 days late
    # (IPC-01 paid 20 December, due 30 November)
    assert expected == {"IPC-11": (85000, datetime(2026, 2, 28)),
                        "IPC-03": (100000, datetime(2026, 4, 19)),
                        "IPC-21": (45000, datetime(2026, 4, 20)),
                        "RET-01": (50000, datetime(2026, 11, 20)),
                        "RET-02": (40000, datetime(2027, 1, 20))}
    ws = runs["run"]["Cash Forecast"]
    assert ws["G1"].value == ("توقعات التحصيل النقدي لـ 13 أسبوعاً من 2026-02-28، بعملة AED: "
                              "230,000.00 إجمالاً")


def test_kpis_that_do_not_depend_on_the_advances(runs):
    k = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"]) if r["Currency"] == "AED"}
    # opening at 31 January: C-100 50,000 + 320,000 + 40,000 - 300,000; C-200 150,000;
    # C-300 -45,000. Sales IPC-03 + IPC-21 - CN-11; receipts R-102 + R-201;
    # DSO 320,000 / 355,000 x 28; rate 250,000 / 570,000
    assert [k[n] for n in ("Days in Period", "Opening AR", "Invoice Value Issued",
                           "Credit Note Value", "Credit Sales", "Receipts", "Closing AR", "DSO",
                           "Collection Rate %")] == [28, 215000, 370000, -15000, 355000, 250000,
                                                     320000, 25.24, 43.86]


def test_arabic_statement_and_its_pdf(runs):
    rows = table(runs["statements"]["Customer Statements"])
    lines = [(r["Type"], r.get("Document"), r.get("Debit"), r.get("Credit"), r["Balance"])
             for r in rows if r["Customer ID"] == "C-100" and r["Type"] != "أعمار الديون"]
    assert lines == [("الرصيد الافتتاحي", None, None, None, 110000),
                     ("تحصيل", "R-102", 0, 200000, -90000),
                     ("فاتورة", "IPC-03", 280000, 0, 190000),
                     ("الرصيد الختامي", None, None, None, 190000)]
    closing = {r["Customer ID"]: r["Balance"] for r in rows if r["Type"] == "الرصيد الختامي"}
    assert closing == {"C-100": 190000, "C-200": 85000, "C-300": 45000}
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    pdf = runs["dir"] / "statements" / "Statement_C-100.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for figure in ("110,000.00", "-90,000.00", "280,000.00", "190,000.00", "-300,000.00",
                   "370,000.00", "120,000.00"):
        assert figure in text


def test_the_policy_s_own_buckets_get_arabic_headers(tmp_path):
    """Buckets of 30, 60, 90, 180, 365 days by invoice date: the Arabic header row named the
    Policy's own buckets in English ('91-180', '365+') while the bucket table below named
    them in Arabic."""
    book = _book(tmp_path / "book.xlsx", policy=[["فئات أعمار الديون", "30, 60, 90, 180, 365"],
                                                 ["aging_basis", "invoice date"]])
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Aging"]
    assert [c.value for c in ws[1]][6:9] == ["91-180 يوم", "181-365 يوم", "أكثر من 365 يوم"]
    got = {r["Customer ID"]: tuple(r[b] for b in ("Current", "1-30", "31-60", "61-90",
                                                    "91-180", "181-365", "365+", "Total"))
           for r in table(ws)}
    assert got == {
        # by invoice date: IPC-03 (0 days); IPC-02 120,000 + RET-02 (59 days); RET-01 (120
        # days) and the advance (166 days)
        "C-100": (280000, 0, 160000, 0, -250000, 0, 0, 190000),
        "C-200": (0, -15000, 0, 0, 100000, 0, 0, 85000),  # IPC-11 105 days
        "C-300": (0, 90000, -45000, 0, 0, 0, 0, 45000),
    }


def test_an_arabic_payment_plans_sheet(tmp_path):
    """خطط السداد with تاريخ البداية and الدورية (and Arabic-Indic figures): the plan was
    dropped ("no column Start") though every column was there under its Arabic name."""
    book = _book(tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb.create_sheet("خطط السداد")
    for row in (["رقم العميل", "المبلغ", "عدد الأقساط", "تاريخ البداية", "الدورية"],
                ["C-200", "١٠٠٬٠٠٠", "٤", "15/12/2025", "شهري"]):
        ws.append(row)
    wb.save(book)
    out = tmp_path / "col.xlsx"
    assert main(["collections", str(book), "--as-of", AS_OF, "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    plan = [(r["Instalment"], r["Due Date"], r["Paid Amount"], r["Status"])
            for r in table(wb["Payment Plan Schedule"])]
    # R-201's 50,000 of 26 February pays instalments 1 and 2 (late); 3 is 13 days overdue
    assert plan == [(1, datetime(2025, 12, 15), 25000, "Paid"),
                    (2, datetime(2026, 1, 15), 25000, "Paid"),
                    (3, datetime(2026, 2, 15), 0, "Overdue"),
                    (4, datetime(2026, 3, 15), 0, "Not yet due")]
    assert [r for r in table(wb["Input Issues"]) if r["Sheet"] == "خطط السداد"] == []
    dun = {r["Customer ID"]: r["Next Action"] for r in table(wb["Dunning"])}
    assert dun["C-200"] == "إرسال تذكير بالقسط رقم 3 المتأخر"


def test_kpis_set_each_customer_s_advance_against_its_own_arrears(runs):
    """Overdue AR per customer, its certificates past due less its own credits on account,
    never below zero: C-100 IPC-02 120,000 - ADV-100 300,000 -> 0 (the rest of the advance
    lowers its current AR); C-200 IPC-11 100,000 - CN-11 15,000 = 85,000 (the Dunning's
    Amount To Collect); C-300 nothing past due, ADV-300 45,000 -> 0. The advances no longer
    offset other customers' arrears (the Aging's past-due buckets, 105,000 + 55,000 - 300,000,
    gave an overdue of -140,000, an ADD of -11.04 and a CEI of 227.27 %)."""
    k = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"]) if r["Currency"] == "AED"}
    assert k["Closing Overdue AR"] == 85000  # 0 + 85,000 + 0
    # 320,000 - 85,000: C-100 370,000 not due - 180,000 of its advance left; C-300 90,000 -
    # 45,000
    assert k["Closing Current AR"] == 235000
    assert k["Best-Possible DSO"] == 18.54  # 235,000 / 355,000 x 28 = 18.535
    assert k["Average Days Delinquent"] == 6.7  # 25.24 - 18.54 (85,000 / 355,000 x 28)
    # (215,000 + 355,000 - 320,000 - 0) / (215,000 + 355,000 - 235,000) = 250,000 / 335,000
    assert k["CEI %"] == 74.63  # 74.627
    ws = runs["pack"]["Dashboard"]
    rows = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 4).value)
            for r in range(1, 25)}
    assert rows["المديونية المتأخرة"] == (
        85000, "لكل عميل: فواتيره المتأخرة في نهاية الفترة ناقص أرصدته الدائنة على الحساب "
               "(دفعات مقدمة، تحصيلات وإشعارات دائنة غير مخصومة)، بحد أدنى صفر؛ مجموع العملاء")
    assert rows["متوسط أيام التأخر (ADD)"] == (
        6.7, "الرصيد المتأخر آخر الفترة / صافي المبيعات الآجلة × أيام الفترة (= DSO - أفضل "
             "DSO ممكن من الأرقام قبل التقريب، حيث يُعطى كلاهما)")
    assert rows["نسبة المتأخر من المديونية"][0] == 26.56  # 85,000 / 320,000 = 26.5625
    assert rows["عملاء لهم رصيد متأخر"][0] == 1  # C-200 only
