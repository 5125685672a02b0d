"""The invoices job on registers as ERPs and clerks really export them (not our generator's
layout): ZATCA's line tax categories, Odoo's journal items, a QuickBooks ledger with its
Payment rows, an Egyptian register's Arabic discount column, Zoho's credit notes sheet. Each
finding is checked by code, cell and wording, and normal practice gives none."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from ar_excel.parsing import parse_percent
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()


def run(tmp_path, sheets):
    result = JOB.run(read_book(save_sheets(tmp_path / "book.xlsx", sheets)),
                     JobOptions(as_of=AS_OF))
    checks = result.tabs[0].frame
    return [(r["Invoice No"], int(r["Row"]), r["Field"], r["Code"], r["Severity"], r["Message"])
            for _, r in checks.iterrows()], result


# --- ZATCA: the line's tax category (S / Z / E / O) is its tax treatment --------------------

SA_CUSTOMERS = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"],
                ["C-101", "شركة الراجحي للتجارة", "SAR", "30 يوم"],
                ["C-103", "Gulf Import LLC", "USD", "Net 45"]]


def zatca_book(lines):
    """lines: (invoice, customer, currency, category, rate, net, vat); one line each."""
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "العملة",
                 "الإجمالي شامل الضريبة"]]
    rows = [["رقم الفاتورة", "الصنف", "الكمية", "الوحدة", "سعر الوحدة", "Tax Category",
             "VAT Rate", "VAT Amount", "Line Total"]]
    for day, (number, customer, currency, category, rate, net, vat) in enumerate(lines, 1):
        invoices.append([number, customer, D(2026, 11, day), currency, net + vat])
        rows.append([number, "P-100", 1, "حبة", net, category, rate, vat, net + vat])
    return {"العملاء": SA_CUSTOMERS, "الفواتير": invoices, "بنود الفواتير": rows}


def test_zatca_categories_that_contradict_the_tax_charged_are_errors(tmp_path):
    found, _ = run(tmp_path, zatca_book([
        ("INV-1", "C-101", "SAR", "S", 15, 1000.0, 150.0),   # standard at 15 %: right
        ("INV-2", "C-101", "SAR", "Z", 0, 1000.0, 0.0),      # zero-rated: right
        ("INV-3", "C-101", "SAR", "E", None, 1000.0, 0.0),   # exempt, no rate typed: 0 %
        ("INV-4", "C-103", "USD", "O", None, 1000.0, 0.0),   # out of scope export
        ("INV-5", "C-101", "SAR", "E", 15, 1000.0, 150.0),   # exempt but taxed
        ("INV-6", "C-101", "SAR", "S", 0, 1000.0, 0.0),      # standard but no tax
        ("INV-7", "C-101", "SAR", "S", None, 1000.0, 150.0),  # rate blank: S is 15 % in SAR
        ("INV-8", "C-101", "SAR", "z", None, 1000.0, 50.0),  # zero-rated, tax stated
    ]))
    assert [f[:5] for f in found] == [
        ("INV-5", 6, "Tax Category", "TAX_CATEGORY_MISMATCH", "Error"),
        ("INV-6", 7, "Tax Category", "TAX_CATEGORY_MISMATCH", "Error"),
        ("INV-8", 9, "Tax Category", "TAX_CATEGORY_MISMATCH", "Error"),
        ("INV-8", 9, "Tax Amount", "TAX_AMOUNT_MISMATCH", "Error"),  # 50.00 of 0 % tax
    ]
    assert found[0][5] == ("فئة الضريبة E (معفى) لكن البند يحمل ضريبة 15%: إما الفئة المبلغة "
                           "للجهة الضريبية أو الضريبة المفوترة خاطئة")
    assert found[1][5].startswith("فئة الضريبة S (النسبة الأساسية) لكن البند يحمل ضريبة 0%")
    assert "ضريبة 50.00" in found[2][5]


def test_a_category_column_of_other_words_is_not_read_as_tax_categories(tmp_path):
    book = zatca_book([("INV-1", "C-101", "SAR", "Goods", 0, 1000.0, 0.0),
                       ("INV-2", "C-101", "SAR", "Services", 15, 1000.0, 150.0)])
    found, _ = run(tmp_path, book)
    assert found == []


def test_english_category_words_and_a_standard_line_priced_in_usd_for_a_saudi_company(tmp_path):
    # the company bills in SAR; a USD line of category S takes the Saudi standard rate
    book = zatca_book([("INV-1", "C-101", "SAR", "Standard rated", 15, 100.0, 15.0),
                       ("INV-2", "C-101", "SAR", "Standard rated", 15, 100.0, 15.0),
                       ("INV-3", "C-103", "USD", "S", None, 200.0, 30.0),
                       ("INV-4", "C-103", "USD", "Exempt", 5, 200.0, 10.0)])
    book = {"Customers": [["Customer ID", "Name", "Currency", "Terms"], ["C-101", "Rajhi", "SAR",
                                                                         "30"],
                          ["C-103", "Gulf Import", "USD", "30"]],
            "Invoices": book["الفواتير"], "Invoice Lines": book["بنود الفواتير"]}
    found, _ = run(tmp_path, book)
    assert [(f[0], f[1], f[3]) for f in found] == [("INV-4", 5, "TAX_CATEGORY_MISMATCH")]
    assert found[0][5] == ("Tax category E (exempt) but the line charges 5% tax: the category "
                           "reported to the tax authority or the tax billed is wrong")


# --- Odoo: the invoices' journal items as exported ------------------------------------------

def test_odoo_journal_items_are_read_as_the_invoice_lines(tmp_path):
    customers = [["Name", "Customer Payment Terms"], ["Azure Interior", "30 Days"],
                 ["Lumber Inc", "45 Days"]]
    invoices = [["Number", "Partner", "Invoice/Bill Date", "Due Date", "Currency",
                 "Total Signed"],
                ["INV/2026/00001", "Azure Interior", D(2026, 11, 3), D(2026, 12, 3), "SAR",
                 4255.0],
                ["INV/2026/00002", "Lumber Inc", D(2026, 11, 4), D(2026, 12, 19), "SAR", 2800.0]]
    lines = [["Journal Entry", "Product", "Quantity", "Unit of Measure", "Unit Price",
              "Discount (%)", "Taxes", "Subtotal", "Total"],
             ["INV/2026/00001", "[FURN_7800] Desk", 2, "Units", 1850.0, 0, "15%", 3700.0,
              4255.0],
             ["INV/2026/00002", "[FURN_9999] Software", 1, "Units", 2800.0, 10, "0% Export",
              2520.0, 2800.0]]  # the 10 % discount was not taken off: 2,520.00
    found, result = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                                   "Invoice Lines": lines})
    assert found == [("INV/2026/00002", 3, "Line Total", "LINE_TOTAL_MISMATCH", "Error",
                      "Line total 2,800.00 should be 2,520.00 (1 × 2,800, discount 10%, "
                      "tax 0%); difference 280.00")]
    assert "2 lines" in result.summary and not result.issues


def test_a_tax_named_with_its_rate_reads_as_that_rate():
    assert parse_percent("VAT 15%") == 15.0
    assert parse_percent("0% Export") == 0.0
    assert parse_percent("ضريبة ١٤٪") == 14.0
    # ZATCA's category letters typed as the rate: zero-rated, exempt, out of scope
    assert [parse_percent(v) for v in ("Z", "E", "o")] == [0.0, 0.0, 0.0]


# --- QuickBooks: a ledger export whose Payment rows carry cheque numbers -------------------

def test_receipts_in_the_invoice_list_make_no_numbering_gap_or_duplicate(tmp_path):
    customers = [["Customer", "Terms"], ["Acme Corp", "Net 30"], ["Cobalt Inc", "Net 30"]]
    invoices = [["Type", "Date", "Num", "Name", "Due Date", "Amount", "Open Balance"],
                ["Invoice", D(2026, 9, 1), "1041", "Acme Corp", D(2026, 10, 1), 5200.0, 5200.0],
                ["Payment", D(2026, 10, 3), "5521", "Acme Corp", None, -3000.0, -3000.0],
                ["Invoice", D(2026, 9, 10), "1042", "Cobalt Inc", D(2026, 10, 10), 1800.0,
                 1800.0],
                ["Invoice", D(2026, 10, 5), "1044", "Cobalt Inc", D(2026, 11, 4), 7400.0,
                 7400.0],
                ["Payment", D(2026, 11, 2), "5530", "Cobalt Inc", None, -500.0, -500.0],
                ["Payment", D(2026, 11, 2), "5531", "Cobalt Inc", None, -500.0, -500.0],
                ["Payment", D(2026, 11, 9), "1042", "Cobalt Inc", None, -200.0, -200.0]]
    found, _ = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    # only the invoices' own gap: the cheques 5521-5531 (and cheque 1042) are no invoices
    assert [f[:5] for f in found] == [
        ("1043", 5, "Invoice No", "NUMBER_GAP", "Warning")]
    assert found[0][5] == ("1 number(s) missing in the numeric series: 1043 (between 1042 "
                           "and 1044)")


# --- Egypt: the discount column as a clerk heads it ------------------------------------------

def test_an_arabic_discount_rate_column_is_read_and_held_to_the_customers_discount(tmp_path):
    customers = [["كود العميل", "اسم العميل", "شروط الدفع", "نسبة الخصم"],
                 ["ع-001", "شركة النيل للمقاولات", "٣٠ يوم", "5%"],
                 ["ع-005", "مكتب الهندسة الحديثة", "15 يوم", None]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["ف-2026/101", "ع-001", D(2026, 11, 3), 41154.0],
                ["ف-2026/102", "ع-005", D(2026, 11, 5), 10260.0]]
    lines = [["رقم الفاتورة", "كود الصنف", "الكمية", "الوحدة", "سعر الوحدة", "نسبة الخصم",
              "نسبة الضريبة", "قيمة الضريبة", "الإجمالي"],
             ["ف-2026/101", "أسمنت-50", 400, "شيكارة", 95.0, "5%", "14%", 5054.0, 41154.0],
             ["ف-2026/102", "رمل", 40, "م3", 250.0, "10%", "14%", 1260.0, 10260.0]]
    found, _ = run(tmp_path, {"العملاء": customers, "الفواتير": invoices,
                              "بنود الفواتير": lines})
    assert [f[:5] for f in found] == [
        ("ف-2026/102", 3, "Discount %", "DISCOUNT_NOT_AGREED", "Error")]
    assert found[0][5] == "الخصم 10% أكبر من الخصم المتفق عليه مع العميل ع-005 (0%)"


# --- Zoho Books: its credit notes exported on a sheet of their own -------------------------

def test_zoho_credit_notes_sheet_is_read_and_its_associated_invoice_checked(tmp_path):
    customers = [["Display Name", "Customer Number", "Currency Code", "Payment Terms"],
                 ["Emirates Catering", "CUS-00002", "AED", 15]]
    invoices = [["Invoice Date", "Invoice Number", "Customer Name", "Due Date", "Currency Code",
                 "Total", "Balance"],
                ["2026-11-10", "INV-000106", "Emirates Catering", "2026-11-25", "AED", 446.25,
                 446.25]]
    notes = [["Credit Note Date", "Credit Note Number", "Customer Name", "Currency Code",
              "Total", "Balance", "Associated Invoice Number"],
             ["2026-11-15", "CN-00011", "Emirates Catering", "AED", 500.0, 500.0,
              "INV-000106"]]
    found, result = run(tmp_path, {"Contacts": customers, "Invoices": invoices,
                                   "Credit Notes": notes})
    assert [f[:5] for f in found] == [
        ("CN-00011", 2, "Amount", "CREDIT_NOTE_EXCEEDS_INVOICE", "Error")]
    assert "Invoice Date" not in " ".join(i.message for i in result.issues)


def test_zatca_invoice_type_codes_read_a_381_as_a_credit_note(tmp_path):
    customers = [["Customer ID", "Name", "Currency", "Terms"], ["C-101", "Rajhi", "SAR", "30"]]
    invoices = [["Invoice No", "Invoice Type Code", "Customer ID", "Invoice Date", "Amount",
                 "Original Invoice"],
                ["INV-0001", "388", "C-101", D(2026, 11, 2), 1150.0, None],
                ["INV-0002", "381", "C-101", D(2026, 11, 9), 1380.0, "INV-0001"]]
    found, result = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert [f[:5] for f in found] == [
        ("INV-0002", 3, "Amount", "CREDIT_NOTE_EXCEEDS_INVOICE", "Error")]
    assert not result.issues


def test_a_running_ledgers_receipt_vouchers_make_no_numbering_gap(tmp_path):
    # one list of debits and credits, the receipts known by their narration (البيان)
    customers = [["كود العميل", "اسم العميل", "شروط الدفع"], ["1001", "شركة الأمل", "30 يوم"],
                 ["1002", "مؤسسة الفجر", "45 يوم"]]
    ledger = [["التاريخ", "رقم المستند", "كود العميل", "البيان", "مدين", "دائن"],
              [D(2026, 9, 1), "501", "1001", "فاتورة مبيعات", 20000, None],
              [D(2026, 9, 20), "7781", "1001", "سند قبض - شيك بنك مصر", None, 20000],
              [D(2026, 10, 2), "503", "1001", "فاتورة مبيعات", 30000, None],
              [D(2026, 10, 15), "7790", "1002", "سند قبض نقدي", None, 5000],
              [D(2026, 10, 20), "504", "1002", "فاتورة مبيعات", 12000, None],
              [D(2026, 11, 3), "7802", "1001", "سند قبض - تحويل", None, 10000]]
    found, _ = run(tmp_path, {"العملاء": customers, "حركة العملاء": ledger})
    assert found == [("502", 4, "Invoice No", "NUMBER_GAP", "Warning",
                      "أرقام مفقودة (1) في التسلسل الرقمي: 502 (بين 501 و 503)")]


def test_credit_notes_numbered_apart_from_the_invoices_are_a_series_of_their_own(tmp_path):
    customers = [["Customer ID", "Name", "Terms"], ["K1", "Alpha", "30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]
    for i, n in enumerate([101, 102, 103, 105, 106]):
        invoices.append([str(n), "K1", D(2026, 11, 1 + i), 1000.0 + i])
    for i, n in enumerate([9001, 9002, 9004]):
        invoices.append([str(n), "K1", D(2026, 11, 10 + i), -100.0 - i])
    found, _ = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert [(f[0], f[1], f[3]) for f in found] == [("104", 5, "NUMBER_GAP"),
                                                   ("9003", 9, "NUMBER_GAP")]
    assert found[1][5] == ("1 number(s) missing in the numeric series: 9003 (between 9002 "
                           "and 9004)")


def test_egypt_portal_export_types_and_status(tmp_path):
    # the ETA portal's Documents export: Type I / C / D, every amount positive, Status as the
    # portal holds the document, beside its UUID
    customers = [["Customer ID", "Customer Name", "Payment Terms"], ["C1", "Nile Trading", 30],
                 ["C2", "Delta Steel", 60]]
    head = ["Internal ID", "Type", "Status", "Date Issued", "Receiver Name", "Total Sales",
            "Total Discount", "Net Amount", "Total Tax", "Total Amount", "UUID", "Customer ID"]
    rows = [["INV-26-0001", "I", "Valid", D(2026, 10, 1, 10, 5), "Nile Trading", 10000, 0,
             10000, 1400, 11400, "A1B2C3", "C1"],
            ["INV-26-0002", "I", "Invalid", D(2026, 10, 20, 9), "Delta Steel", 8000, 0, 8000,
             1120, 9120, "G7H8I9", "C2"],
            ["CN-26-0001", "C", "Valid", D(2026, 11, 2, 11), "Nile Trading", 2000, 0, 2000, 280,
             2280, "J1K2L3", "C1"],
            ["DN-26-0001", "D", "Valid", D(2026, 11, 18, 11), "Delta Steel", 500, 0, 500, 70,
             570, "P7Q8R9", "C2"]]
    found, result = run(tmp_path, {"Customers": customers, "Invoices": [head, *rows]})
    # the portal's own list: the document it found Invalid is no tax invoice, no receivable
    # (counted 0, said once), so no finding that it is still open
    assert found == []
    assert not result.issues
    book = read_book(tmp_path / "book.xlsx")
    assert [i.message for i in book.issues] == [
        "1 document(s) the tax authority holds as Invalid (no valid tax invoice): not "
        "receivables, counted as 0 (C3)"]  # I and D are read as what they are, C as a credit
    credit = book.invoices.set_index("Invoice No")["Amount"]
    assert (credit["CN-26-0001"], credit["DN-26-0001"], credit["INV-26-0002"]) == (
        -2280.0, 570.0, 0.0)


def test_a_book_naming_no_currency_is_held_to_the_vat_of_its_customers_tax_ids(tmp_path):
    # an Egyptian clerk's register: no currency anywhere, the customers' 9-digit tax cards
    customers = [["كود العميل", "اسم العميل", "رقم التسجيل الضريبي", "شروط الدفع"],
                 ["ع-001", "شركة النيل", "204-331-876", "30"],
                 ["ع-002", "مصنع الدلتا", "311-222-444", "30"],
                 ["ع-003", "سوبر ماركت الأمل", "455666777", "30"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["ف-1", "ع-001", D(2026, 11, 2), 1140.0],
                ["ف-2", "ع-002", D(2026, 11, 3), 1150.0],
                ["ف-3", "ع-003", D(2026, 11, 4), 1050.0]]
    lines = [["رقم الفاتورة", "كود الصنف", "الكمية", "سعر الوحدة", "نسبة الضريبة", "الإجمالي"],
             ["ف-1", "A", 1, 1000.0, "14%", 1140.0],
             ["ف-2", "A", 1, 1000.0, "15%", 1150.0],  # a Saudi template's rate
             ["ف-3", "A", 1, 1000.0, "5%", 1050.0]]
    found, result = run(tmp_path, {"العملاء": customers, "الفواتير": invoices,
                                   "بنود الفواتير": lines})
    assert found == [("ف-2", 3, "Tax Rate", "TAX_RATE_NOT_ALLOWED", "Error",
                      "نسبة الضريبة 15% غير مسموح بها (0, 5, 14 للعملة EGP)")]
    assert "لا عملة في الدفاتر: EGP" in result.summary
