"""Books exported from three accounting systems common in Egypt and the Gulf, closed on
Monday 30 November 2026 against a bank statement, checked by pencil.

* SAP Business One (a Cairo distributor, EGP, one USD export customer): the Business
  Partner master data (BP Code, BP Name, BP Type with a vendor among the customers, Currency
  ``##`` for all currencies, Federal Tax ID, Payment Terms Code), the A/R invoice list (Doc.
  No., Posting Date, Due Date, Document Total and Balance Due in EGP beside their ``(FC)``
  twins in the invoice's currency, blank on EGP invoices; Paid to Date; a Canceled flag;
  a totals row) and the Incoming Payments (Doc. No., Customer/Vendor Code, Payment Means,
  Total; no invoice named, so each is on account).
* Al-Ameen (الأمين): the account cards of the customers (رقم الحساب, اسم الحساب) and the
  customers' ledger as the program prints it: title rows, each account's vouchers (رقم
  السند, تاريخ السند, نوع السند, البيان, مدين, دائن, الرصيد) with its balance brought
  forward, a total per account (المجموع), blank rows between accounts, a grand total.
* Daftra (دفترة): its Arabic customers and invoices exports (الاسم التجاري; الإجمالي,
  المدفوع with the riyal sign, الحالة: مدفوعة / غير مدفوعة / مدفوعة جزئياً / مسودة).
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from openpyxl.styles import Font

from ar_excel.cli import main
from tests._report_runs import BUCKETS, table
from tests._workbooks import save_workbook

AS_OF = "2026-11-30"
D = datetime


def _run(folder, book, bank: str, *jobs: str) -> openpyxl.Workbook:
    statement = folder / "bank.csv"
    statement.write_text(bank, encoding="utf-8")
    written = folder / "run.xlsx"
    assert main(["run", str(book), "--bank", str(statement), "--as-of", AS_OF, "--lang", "en",
                 "-o", str(written)]) == 0
    return openpyxl.load_workbook(written)


def _rows(ws, first: str) -> list[dict]:
    top = next(r for r in range(1, 4) if ws.cell(r, 1).value == first)
    header = [c.value for c in ws[top]]
    rows = []
    for row in ws.iter_rows(min_row=top + 1, values_only=True):
        if row[0] is None:
            break
        rows.append({h: v for h, v in zip(header, row, strict=False) if h is not None})
    return rows


def _formats(ws, first_row: int, columns: tuple[int, int], number_format: str) -> None:
    for row in ws.iter_rows(min_row=first_row, min_col=columns[0], max_col=columns[1]):
        for c in row:
            c.number_format = number_format


# --------------------------------------------------------------------------- SAP Business One

def _sap_book(path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("Business Partners")
    ws.append(["Business Partner Master Data"])
    ws.merge_cells("A1:L1")
    ws.append(["Nile Valley Distribution S.A.E."])
    ws.merge_cells("A2:L2")
    ws.append(["BP Type: Customer, Vendor"])
    ws.append([])
    ws.append(["#", "BP Code", "BP Name", "BP Type", "Group", "Currency", "Federal Tax ID",
               "Telephone 1", "E-Mail", "Payment Terms Code", "Credit Limit",
               "Account Balance"])
    for row in (
            [1, "C10001", "Delta Pharma Distribution", "Customer", "Pharma", "##",
             "100-200-300", "0225551234", "ap@deltapharma.example", "Net 30", 500000, 242000],
            [2, "C10002", "Alexandria Foods S.A.E.", "Customer", "Retail", "EGP",
             "200-300-401", "034871234", "finance@alexfoods.example", "Net 60", 200000, 57000],
            [3, "C10003", "Gulf Star Trading LLC", "Customer", "Export", "USD",
             "100234567800003", "+971 4 555 0101", "ar@gulfstar.example", "Net 45", 2500000,
             2037000],
            [4, "C10004", "Nile Construction Co.", "Customer", "Contracting", "EGP",
             "300-400-502", "01001234567", "accounts@nilecon.example", "Net 30", 100000,
             103300],
            [5, "V30001", "Cairo Paper Supplies", "Vendor", "Local Vendors", "EGP",
             "400-500-603", "0223456789", "sales@cairopaper.example", "Net 30", 0, -45000]):
        ws.append(row)
    _formats(ws, 6, (11, 12), "#,##0.00")
    for c in ws[5]:
        c.font = Font(bold=True)

    ws = wb.create_sheet("A-R Invoices")
    ws.append(["A/R Invoice List"])
    ws.merge_cells("A1:N1")
    ws.append(["Posting Date From 01.01.2026 To 30.11.2026"])
    ws.append([])
    ws.append(["#", "Doc. No.", "Customer Code", "Customer Name", "Posting Date", "Due Date",
               "Document Currency", "Document Total", "Paid to Date", "Balance Due",
               "Document Total (FC)", "Balance Due (FC)", "Document Status", "Canceled"])
    delta, alex, gulf, nile = ("Delta Pharma Distribution", "Alexandria Foods S.A.E.",
                               "Gulf Star Trading LLC", "Nile Construction Co.")
    for row in (
            [1, 1001, "C10001", delta, D(2026, 7, 15), D(2026, 8, 14), "EGP", 114000, 0,
             114000, None, None, "Open", "No"],
            [2, 1002, "C10001", delta, D(2026, 10, 20), D(2026, 11, 19), "EGP", 228000,
             100000, 128000, None, None, "Open", "No"],
            [3, 1003, "C10002", alex, D(2026, 9, 10), D(2026, 11, 9), "EGP", 171000, 171000,
             0, None, None, "Closed", "No"],
            [4, 1004, "C10002", alex, D(2026, 11, 5), D(2027, 1, 4), "EGP", 57000, 0, 57000,
             None, None, "Open", "No"],
            # USD 30,000 and 12,000 booked at 48.50: the EGP columns are the company's
            [5, 1005, "C10003", gulf, D(2026, 9, 1), D(2026, 10, 16), "USD", 1455000, 0,
             1455000, 30000, 30000, "Open", "No"],
            [6, 1006, "C10003", gulf, D(2026, 11, 12), D(2026, 12, 27), "USD", 582000, 0,
             582000, 12000, 12000, "Open", "No"],
            [7, 1007, "C10004", nile, D(2026, 10, 1), D(2026, 10, 31), "EGP", 85500, 0, 85500,
             None, None, "Open", "No"],
            [8, 1008, "C10004", nile, D(2026, 11, 15), D(2026, 12, 15), "EGP", 22800, 0, 22800,
             None, None, "Open", "No"],
            # cancelled by its cancellation credit memo: Closed, Canceled Yes
            [9, 1009, "C10002", alex, D(2026, 11, 20), D(2027, 1, 19), "EGP", 34200, 0, 0,
             None, None, "Closed", "Yes"]):
        ws.append(row)
    ws.append([None] * 7 + [2749500, 271000, 2444300, 42000, 42000, None, None])
    _formats(ws, 5, (5, 6), "DD.MM.YY")
    _formats(ws, 5, (8, 12), "#,##0.00")

    ws = wb.create_sheet("Incoming Payments")
    ws.append(["Incoming Payments"])
    ws.append([])
    ws.append(["#", "Doc. No.", "Posting Date", "Customer/Vendor Code", "Customer/Vendor Name",
               "Payment Means", "Total", "Canceled"])
    for row in ([1, 501, D(2026, 11, 10), "C10001", delta, "Bank Transfer", 100000, "No"],
                [2, 502, D(2026, 11, 8), "C10002", alex, "Check", 171000, "No"],
                [3, 503, D(2026, 11, 25), "C10004", nile, "Cash", 5000, "No"]):
        ws.append(row)
    ws.append([None] * 6 + [276000, None])
    _formats(ws, 4, (3, 3), "DD.MM.YY")
    _formats(ws, 4, (7, 7), "#,##0.00")

    ws = wb.create_sheet("Policy")  # the accountant's own: the month's rate
    ws.append(["Key", "Value"])
    ws.append(["exchange_rates", "USD=48.50"])
    return save_workbook(wb, path)


SAP_BANK = """Date,Description,Debit,Credit,Balance
08/11/2026,CHQ DEP 771234 ALEXANDRIA FOODS,,171000.00,671000.00
10/11/2026,INWARD TRF DELTA PHARMA DISTRIBUTION INV 1002,,100000.00,771000.00
26/11/2026,CASH DEPOSIT,,5000.00,776000.00
27/11/2026,INWARD TRF NILE CONSTRUCTION CO INV 1007,,85500.00,861500.00
30/11/2026,BANK CHARGES,150.00,,861350.00
"""


@pytest.fixture(scope="module")
def sap(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sap_b1")
    return _run(folder, _sap_book(folder / "sap_b1.xlsx"), SAP_BANK)


def test_sap_business_partners_are_the_customers_and_none_is_in_error(sap):
    # the BP Code is the customer's ID (not the row number "#"), the vendor is left out,
    # and "##" (all currencies) is no invalid currency: nothing to report
    assert [r["Customer ID"] for r in table(sap["Credit Status"])] == [
        "C10001", "C10004", "C10003", "C10002"]
    assert _rows(sap["Customer Checks"], "Customer ID") == []
    assert {(r["Sheet"], r["Cell"], r["Value"]) for r in _rows(sap["Input Issues"], "Sheet")} \
        == {("A-R Invoices", "I14", "271000.0"),  # the totals rows
            ("Incoming Payments", "G7", "276000.0"),
            ("A-R Invoices", "N13", "Yes"),  # 1009 cancelled
            ("Business Partners", "D10", "Vendor")}


def test_sap_aging_in_each_invoice_currency_by_pencil(sap):
    got = {r["Customer ID"]: (r["Currency"], *(r[b] for b in BUCKETS))
           for r in table(sap["Aging"])}
    assert got == {
        # 1001 due 14 Aug: 108 days; 1002's 228,000 due 19 Nov (11 days) beside receipt
        # 501's 100,000 on account of 10 Nov (20 days): 242,000 as SAP's balance
        "C10001": ("EGP", 0, 128000, 0, 0, 114000, 242000),
        # 1003 due 9 Nov and receipt 502 a day before it: 0; 1004 not due; 1009 cancelled
        "C10002": ("EGP", 57000, 0, 0, 0, 0, 57000),
        # USD 30,000 due 16 Oct (45 days) and 12,000 not due, not their EGP 2,037,000
        "C10003": ("USD", 12000, 0, 30000, 0, 0, 42000),
        # 1007 due 31 Oct: 30 days, less cash 503's 5,000 of 25 Nov; 1008 not due
        "C10004": ("EGP", 22800, 80500, 0, 0, 0, 103300)}


def test_sap_credit_status_by_pencil(sap):
    got = {r["Customer ID"]: (r["Open Balance"], r["Utilization %"], r["Status"])
           for r in table(sap["Credit Status"])}
    assert got == {"C10001": (242000, 48.4, "Hold"),  # 1001 108 days past due
                   "C10002": (57000, 28.5, "OK"),
                   # SAP B1's limit is in the company's EGP: USD 42,000 x 48.50 of 2,500,000
                   "C10003": (2037000, 81.5, "Warning"),
                   "C10004": (103300, 103.3, "Over Limit")}
    assert [(r["Invoice No"], r["Code"]) for r in _rows(sap["Invoice Checks"], "Invoice No")] \
        == [("1008", "OVER_CREDIT_LIMIT")]


def test_sap_statement_pairs_the_recorded_receipts_and_applies_the_new_one(sap):
    assert [(r["Bank Line"], r["Invoice No"], r["Customer ID"], r["Applied Amount"],
             r["Method"], r["Status"]) for r in _rows(sap["Bank Matches"], "Bank Line")] == [
        ("1", None, "C10002", 171000, "recorded", "Matched"),
        ("2", None, "C10001", 100000, "recorded", "Matched"),
        ("3", None, "C10004", 5000, "recorded", "Suggested"),  # a round cash sum: confirm
        ("4", "1007", "C10004", 85500, "reference", "Matched")]
    assert [(r["Customer ID"], r["Amount"], r["Invoice No"])
            for r in _rows(sap["Receipts To Post"], "Payment ID")] == [
        ("C10004", 85500, "1007")]
    assert _rows(sap["Unbanked Receipts"], "Payment ID") == []


# --------------------------------------------------------------------------- Al-Ameen

NOOR, FAJR, SHIFA = "شركة النور للتجارة", "مؤسسة الفجر للمقاولات", "صيدليات الشفاء"


def _ameen_book(path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("دليل الحسابات")
    ws.sheet_view.rightToLeft = True
    ws.append(["شركة المنار للتوزيع"])
    ws.merge_cells("A1:F1")
    ws.append(["بطاقات الحسابات - العملاء"])
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["رقم الحساب", "اسم الحساب", "الهاتف", "المدينة", "مدة السداد", "حد الائتمان"])
    ws.append(["1201001", NOOR, "01001112233", "القاهرة", 30, 150000])
    ws.append(["1201002", FAJR, "01223334455", "الجيزة", 60, 80000])
    ws.append(["1201003", SHIFA, "0403334455", "طنطا", 30, 40000])

    ws = wb.create_sheet("كشف حساب")
    ws.sheet_view.rightToLeft = True
    ws.append(["شركة المنار للتوزيع"])
    ws.merge_cells("A1:I1")
    ws.append(["كشف حساب تفصيلي - العملاء"])
    ws.merge_cells("A2:I2")
    ws.append(["من تاريخ: 01/09/2026", None, None, "إلى تاريخ: 30/11/2026"])
    ws.append([])
    ws.append(["رقم الحساب", "اسم الحساب", "تاريخ السند", "رقم السند", "نوع السند", "البيان",
               "مدين", "دائن", "الرصيد"])
    invoice, receipt, returned = "فاتورة مبيعات", "سند قبض", "مردود مبيعات"
    for row in (
            ["1201001", NOOR, D(2026, 9, 1), None, None, "رصيد سابق", 20000, None, 20000],
            ["1201001", NOOR, D(2026, 9, 5), "3102", invoice, "فاتورة مبيعات رقم 3102",
             45000, None, 65000],
            ["1201001", NOOR, D(2026, 10, 20), "7001", receipt,
             "سند قبض شيك رقم 4521 سداد فاتورة 3102", None, 45000, 20000],
            ["1201001", NOOR, D(2026, 11, 10), "3105", invoice, "فاتورة مبيعات رقم 3105",
             57000, None, 77000],
            [None, "المجموع", None, None, None, None, 122000, 45000, 77000],
            [],
            ["1201002", FAJR, D(2026, 8, 10), "3101", invoice, "فاتورة مبيعات رقم 3101",
             60000, None, 60000],
            ["1201002", FAJR, D(2026, 9, 25), "3103", invoice, "فاتورة مبيعات رقم 3103",
             30000, None, 90000],
            ["1201002", FAJR, D(2026, 10, 15), "8002", returned, "مردود مبيعات عن فاتورة 3103",
             None, 5000, 85000],
            [None, "المجموع", None, None, None, None, 90000, 5000, 85000],
            [],
            ["1201003", SHIFA, D(2026, 10, 5), "3104", invoice, "فاتورة مبيعات رقم 3104",
             12000, None, 12000],
            ["1201003", SHIFA, D(2026, 11, 3), "7005", receipt, "سند قبض نقدا دفعة من الحساب",
             None, 8000, 4000],
            [None, "المجموع", None, None, None, None, 12000, 8000, 4000],
            [],
            [None, "الإجمالي العام", None, None, None, None, 224000, 58000, 166000]):
        ws.append(row)
    _formats(ws, 6, (3, 3), "dd/mm/yyyy")
    _formats(ws, 6, (7, 9), "#,##0.00")
    return save_workbook(wb, path)


AMEEN_BANK = """التاريخ,البيان,مدين,دائن,الرصيد
20/10/2026,إيداع شيك 4521 شركة النور للتجارة,,45000.00,145000.00
03/11/2026,إيداع نقدي صيدليات الشفاء,,8000.00,153000.00
24/11/2026,تحويل وارد مؤسسة الفجر للمقاولات فاتورة 3101,,60000.00,213000.00
30/11/2026,عمولة بنكية,25.00,,212975.00
"""


@pytest.fixture(scope="module")
def ameen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ameen")
    return _run(folder, _ameen_book(folder / "ameen.xlsx"), AMEEN_BANK)


def test_ameen_accounts_are_keyed_by_their_account_number(ameen):
    # رقم الحساب beside اسم الحساب is the account's own number, not a bank account
    got = {r["Customer ID"]: (r["Customer"], r["Credit Limit"], r["Open Balance"],
                              r["Status"]) for r in table(ameen["Credit Status"])}
    assert got == {"1201001": (NOOR, 150000, 77000, "OK"),
                   "1201002": (FAJR, 80000, 85000, "Over Limit"),
                   "1201003": (SHIFA, 40000, 4000, "OK")}
    assert _rows(ameen["Customer Checks"], "Customer ID") == []
    # (each account's المجموع: one list's subtotals, said once naming every row, 036422d)
    issues = _rows(ameen["Input Issues"], "Sheet")
    assert [(r["Cell"], r["Value"]) for r in issues] == [
        ("B10", "المجموع"), ("B21", "الإجمالي العام"), ("F6", "رصيد سابق")]
    assert issues[0]["Message"].endswith("(B10, B15, B19)")


def test_ameen_aging_by_pencil(ameen):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(ameen["Aging"])}
    assert got == {
        # the 20,000 brought forward on 1 Sep, due 1 Oct on 30 days' terms: 60 days; 3102
        # paid by 7001 (its البيان names it); 3105 due 10 Dec
        "1201001": (57000, 0, 20000, 0, 0, 77000),
        # 60 days' terms: 3101 due 9 Oct, 52 days; 3103 due 24 Nov, 6 days; the sales return
        # 8002 (مردود مبيعات) a credit note of its own day, 15 Oct: 46 days
        "1201002": (0, 30000, 55000, 0, 0, 85000),
        # 3104 due 4 Nov: 26 days, beside 7005's 8,000 on account of 3 Nov (27 days)
        "1201003": (0, 4000, 0, 0, 0, 4000)}
    assert [(r["Document No"], r["Item Type"], r["Open Amount"], r["Bucket"])
            for r in table(ameen["Aging Detail"]) if r["Customer ID"] == "1201002"] == [
        ("3101", "Invoice", 60000, "31-60"), ("8002", "Credit Note", -5000, "31-60"),
        ("3103", "Invoice", 30000, "1-30")]


def test_ameen_statement_pairs_the_ledger_receipts(ameen):
    # the receipt vouchers are in the books: their credits are paired, not applied again
    assert [(r["Bank Line"], r["Invoice No"], r["Customer ID"], r["Applied Amount"],
             r["Method"], r["Status"]) for r in _rows(ameen["Bank Matches"], "Bank Line")] == [
        ("1", None, "1201001", 45000, "recorded", "Matched"),
        ("2", None, "1201003", 8000, "recorded", "Matched"),
        ("3", "3101", "1201002", 60000, "reference", "Matched")]
    assert [(r["Customer ID"], r["Amount"], r["Invoice No"])
            for r in _rows(ameen["Receipts To Post"], "Payment ID")] == [
        ("1201002", 60000, "3101")]
    assert _rows(ameen["Unbanked Receipts"], "Payment ID") == []
    assert [(r["Invoice No"], r["Code"]) for r in _rows(ameen["Invoice Checks"], "Invoice No")] \
        == [("3103", "OVER_CREDIT_LIMIT")]


# --------------------------------------------------------------------------- Daftra

RIYADA, WAHA, SHAMI = "شركة الريادة للتجارة", "مؤسسة الواحة", "مطاعم البيت الشامي"


def _daftra_book(path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("العملاء")
    ws.sheet_view.rightToLeft = True
    ws.append(["رقم العميل", "الاسم التجاري", "الاسم الأول", "الاسم الأخير", "الجوال",
               "البريد الإلكتروني", "المدينة", "الرقم الضريبي", "العملة", "حد الائتمان",
               "شروط الدفع"])
    ws.append(["1", RIYADA, "أحمد", "سالم", "0551234567", "ap@riyada.example", "الرياض",
               "310111222300003", "SAR", 100000, "30 يوم"])
    ws.append(["2", WAHA, "خالد", "عمر", "0509876543", "fin@waha.example", "جدة",
               "310222333400003", "SAR", 30000, "15 يوم"])
    ws.append(["3", SHAMI, "سامر", "حداد", "0561112223", None, "الدمام", None, "SAR", None,
               "نقدي"])
    ws = wb.create_sheet("الفواتير")
    ws.sheet_view.rightToLeft = True
    ws.append(["رقم الفاتورة", "العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "الإجمالي",
               "المدفوع", "الحالة"])
    for row in (
            ["000101", RIYADA, "2026-08-20", "2026-09-19", "23,000.00 ر.س", "0.00 ر.س",
             "غير مدفوعة"],
            ["000102", RIYADA, "2026-10-25", "2026-11-24", "34,500.00 ر.س", "20,000.00 ر.س",
             "مدفوعة جزئياً"],
            ["000103", WAHA, "2026-10-01", "2026-10-16", "11,500.00 ر.س", "11,500.00 ر.س",
             "مدفوعة"],
            ["000104", WAHA, "2026-11-10", "2026-11-25", "28,750.00 ر.س", "0.00 ر.س",
             "غير مدفوعة"],
            ["000105", SHAMI, "2026-11-28", "2026-11-28", "1,725.00 ر.س", "0.00 ر.س", "مسودة"],
            ["000106", SHAMI, "2026-11-18", "2026-11-18", "2,300.00 ر.س", "0.00 ر.س",
             "غير مدفوعة"]):
        ws.append(row)
    ws.append([None, "الإجمالي", None, None, "101,775.00 ر.س", "31,500.00 ر.س", None])
    return save_workbook(wb, path)


DAFTRA_BANK = """التاريخ,البيان,مدين,دائن,الرصيد
05/11/2026,حوالة واردة شركة الريادة للتجارة 000102,,20000.00,120000.00
20/11/2026,حوالة واردة مؤسسة الواحة فاتورة 000104,,28750.00,148750.00
29/11/2026,رسوم خدمة,11.50,,148738.50
"""


def test_daftra_invoices_export_by_pencil(tmp_path):
    out = _run(tmp_path, _daftra_book(tmp_path / "daftra.xlsx"), DAFTRA_BANK)
    assert {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(out["Aging"])} == {
        # 000101 due 19 Sep: 72 days; 000102's 14,500 left, due 24 Nov: 6 days
        "1": (0, 14500, 0, 23000, 0, 37500),
        # 000103 paid; 000104 due 25 Nov: 5 days
        "2": (0, 28750, 0, 0, 0, 28750),
        # cash terms: 000106 due on its day, 12 days; the draft 000105 is no receivable
        "3": (0, 2300, 0, 0, 0, 2300)}
    assert {r["Customer ID"]: (r["Utilization %"], r["Status"])
            for r in table(out["Credit Status"])} == {
        "1": (37.5, "OK"), "2": (95.8, "Warning"), "3": (None, "OK")}
    assert [(r["Cell"], r["Value"]) for r in _rows(out["Input Issues"], "Sheet")] == [
        ("B8", "الإجمالي"), ("G6", "مسودة"), ("B2", RIYADA), ("B4", WAHA), ("B6", SHAMI)]
    # the 20,000 the list shows paid on 000102 is in the books; 000104's transfer is new
    assert [(r["Bank Line"], r["Invoice No"], r["Applied Amount"], r["Method"], r["Status"])
            for r in _rows(out["Bank Matches"], "Bank Line")] == [
        ("1", "000102", 20000, "recorded", "Matched"),
        ("2", "000104", 28750, "reference", "Matched")]
    assert [(r["Invoice No"], r["Amount"]) for r in _rows(out["Receipts To Post"], "Payment ID")
            ] == [("000104", 28750)]
