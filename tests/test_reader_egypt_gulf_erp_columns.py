"""Columns of SAP Business One's and Al-Ameen's exports, each read as the program means it
(the whole books, by pencil, are in test_reports_unseen_egypt_gulf_erps)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

D = datetime
CUSTOMERS = [["BP Code", "BP Name", "Currency", "Payment Terms Code"],
             ["C1", "Delta Pharma", "EGP", "Net 30"], ["C2", "Gulf Star", "USD", "Net 45"]]


def test_an_amount_in_the_invoice_currency_left_empty_on_a_local_invoice_is_its_local_one(
        tmp_path):
    """SAP Business One's A/R list gives each amount in the company's currency and, as
    ``(FC)``, in the invoice's: empty (or 0) on an invoice in the company's own currency.
    Before, the EGP column was read for every invoice: the USD 30,000 invoice was aged as
    USD 1,455,000."""
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Due Date", "Document Currency",
                 "Document Total", "Balance Due", "Document Total (FC)", "Balance Due (FC)"],
                [1001, "C1", D(2026, 10, 1), D(2026, 10, 31), "EGP", 114000, 14000, None, None],
                [1002, "C1", D(2026, 10, 5), D(2026, 11, 4), "EGP", 57000, 0, 0, 0],
                [1005, "C2", D(2026, 9, 1), D(2026, 10, 16), "USD", 1455000, 970000, 30000,
                 20000]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {"Customers": CUSTOMERS,
                                                        "Invoices": invoices}))
    frame = book.invoices
    assert frame["Amount"].tolist() == [114000, 57000, 30000]
    assert frame["Balance"].tolist() == [14000, 0, 20000]
    assert frame["Currency"].tolist() == ["EGP", "EGP", "USD"]
    assert book.issues == []


def test_a_foreign_invoice_paid_in_full_is_paid_whatever_its_local_balance_says(tmp_path):
    """A USD invoice paid in full: Balance Due (FC) 0, while its EGP Balance Due keeps the
    exchange difference of the payment (1,500 until the exchange-rate-difference run). Its
    currency is told by its Document Total (FC): it is paid. Before, the 0 in its (FC)
    column was taken as 'a local invoice' and the EGP 1,500 read as USD 1,500 open."""
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Due Date", "Document Currency",
                 "Document Total", "Balance Due", "Document Total (FC)", "Balance Due (FC)"],
                [1002, "C1", D(2026, 10, 5), D(2026, 11, 4), "EGP", 57000, 7000, 0, 0],
                [1006, "C2", D(2026, 9, 1), D(2026, 10, 16), "USD", 1455000, 1500, 30000, 0]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {"Customers": CUSTOMERS,
                                                        "Invoices": invoices}))
    assert book.invoices["Amount"].tolist() == [57000, 30000]
    assert book.invoices["Balance"].tolist() == [7000, 0]


def test_a_cancelled_flag_says_which_invoices_are_no_receivables(tmp_path):
    """SAP Business One keeps a cancelled invoice in the list, Closed like a paid one, with
    Canceled Yes. Before, with the receipts recorded, it was open for its 34,200."""
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Due Date", "Document Total",
                 "Document Status", "Canceled"],
                [1004, "C1", D(2026, 11, 5), D(2026, 12, 5), 57000, "Open", "No"],
                [1009, "C1", D(2026, 11, 20), D(2026, 12, 20), 34200, "Closed", "Yes"]]
    payments = [["Doc. No.", "Posting Date", "Customer/Vendor Code", "Payment Means", "Total"],
                [501, D(2026, 11, 10), "C1", "Bank Transfer", 1000]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {
        "Customers": CUSTOMERS, "Invoices": invoices, "Incoming Payments": payments}))
    assert book.invoices["Amount"].tolist() == [57000, 0]
    assert [(i.cell, i.value, i.message) for i in book.issues] == [
        ("G3", "Yes", "1 cancelled invoice(s): not receivables, counted as 0 (G3)")]
    # the incoming payments are the receipts: Doc. No., Customer/Vendor Code, Total, Means
    assert book.payments[["Payment ID", "Customer ID", "Amount", "Method"]].values.tolist() \
        == [["501", "C1", 1000, "Bank Transfer"]]


def test_all_currencies_and_a_vendor_in_the_business_partners(tmp_path):
    """SAP Business One's business partners: Currency "##" (All Currencies) is no currency
    of the customer's own, not an invalid one; a Vendor no invoice names is no customer; the
    row number "#" is not the ID. Before, "##" was an INVALID_CURRENCY error and the
    currency of the customer's receipts (## -100,000 beside EGP 342,000)."""
    partners = [["Business Partner Master Data"], [],
                ["#", "BP Code", "BP Name", "BP Type", "Currency", "Federal Tax ID"],
                [1, "C1", "Delta Pharma", "Customer", "##", "100-200-300"],
                [2, "V1", "Cairo Paper", "Vendor", "EGP", "400-500-603"]]
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Due Date", "Document Total"],
                [1001, "C1", D(2026, 10, 1), D(2026, 10, 31), 114000]]
    path = save_sheets(tmp_path / "b1.xlsx", {"Business Partners": partners,
                                              "A-R Invoices": invoices})
    book = read_book(path)
    customers = book.customers
    assert customers["Customer ID"].tolist() == ["C1"]
    assert customers["Tax ID"].tolist() == ["100-200-300"]
    assert customers["Currency"].isna().tolist() == [True]
    assert [(i.cell, i.value) for i in book.issues] == [("D5", "Vendor")]
    out = tmp_path / "out.xlsx"
    assert main(["validate", str(path), "-o", str(out)]) == 0
    import openpyxl

    checks = openpyxl.load_workbook(out)["Customer Checks"]
    assert [c.value for c in checks[2]] == [None] * checks.max_column


@pytest.mark.parametrize("header", ["رقم الحساب", "رقم الحساب "])
def test_an_account_number_beside_the_account_name_is_the_customer(tmp_path, header):
    """Al-Ameen's account cards: رقم الحساب beside اسم الحساب is the customer's account
    number in the chart of accounts, its ID, not a bank account. Before, the list had no
    Customer ID (each name was read as its ID) and 1201001 was its IBAN / Bank Account."""
    cards = [["بطاقات الحسابات - العملاء"], [],
             [header, "اسم الحساب", "الهاتف", "مدة السداد", "حد الائتمان"],
             ["1201001", "شركة النور للتجارة", "01001112233", 30, 150000]]
    ledger = [[header, "اسم الحساب", "تاريخ السند", "رقم السند", "نوع السند", "البيان", "مدين",
               "دائن", "الرصيد"],
              ["1201001", "شركة النور للتجارة", D(2026, 9, 5), "3102", "فاتورة مبيعات",
               "فاتورة مبيعات رقم 3102", 45000, None, 45000],
              ["1201001", "شركة النور للتجارة", D(2026, 10, 15), "8002", "مردود مبيعات",
               "مردود مبيعات عن فاتورة 3102", None, 5000, 40000]]
    book = read_book(save_sheets(tmp_path / "ameen.xlsx", {"دليل الحسابات": cards,
                                                           "كشف حساب": ledger}))
    assert book.customers[["Customer ID", "Name", "IBAN / Bank Account"]].values.tolist() == [
        ["1201001", "شركة النور للتجارة", None]]
    frame = book.invoices
    assert frame[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["3102", "1201001", 45000], ["8002", "1201001", -5000]]
    assert frame["Invoice Date"].tolist() == [D(2026, 9, 5), D(2026, 10, 15)]
    # the sales return (مردود مبيعات) is a credit note, not a receipt paying 3102
    from ar_excel.core.entries import receipt_rows

    assert receipt_rows(frame).tolist() == [False, False]


def test_a_cancelled_incoming_payment_is_no_receipt(tmp_path):
    """SAP Business One lists a cancelled incoming payment with Canceled Yes (its reversal
    is no row of the list). Before, it was a receipt: C1 owed 57,000 less 20,000 twice."""
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Due Date", "Document Total"],
                [1004, "C1", D(2026, 11, 5), D(2026, 12, 5), 57000]]
    payments = [["Doc. No.", "Posting Date", "Customer/Vendor Code", "Payment Means", "Total",
                 "Canceled"],
                [501, D(2026, 11, 10), "C1", "Check", 20000, "Yes"],
                [502, D(2026, 11, 12), "C1", "Check", 20000, "No"]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {
        "Customers": CUSTOMERS, "Invoices": invoices, "Incoming Payments": payments}))
    assert book.payments["Payment ID"].tolist() == ["502"]
    assert [(i.sheet, i.cell, i.value, i.message) for i in book.issues] == [
        ("Incoming Payments", "F2", "Yes",
         "1 payment(s) cancelled, not posted: not read as receipts (F2)")]


def test_a_customer_row_carrying_the_sums_of_its_documents_is_no_document(tmp_path):
    """SAP Business One's Customer Receivables Aging: each business partner's row carries
    the sums of its documents listed under it (their customer cells blank). Before, that row
    was one more invoice of the whole balance, undated: Delta owed 484,000 (242,000 twice)
    and Nile 206,600, with 'Doc. No. is required but blank' at each."""
    aging = [["Customer Receivables Aging"], ["Aging Date: 30.11.26"], [],
             ["BP Code", "BP Name", "Type", "Doc. No.", "Posting Date", "Due Date",
              "Balance Due", "0 - 30", "31 - 60", "61 - 90", "91 - 120", "121+"],
             ["C1", "Delta Pharma", None, None, None, None, 242000, 128000, 0, 0, 114000, 0],
             [None, None, "IN", 1001, D(2026, 7, 15), D(2026, 8, 14), 114000, None, None, None,
              114000, None],
             [None, None, "IN", 1002, D(2026, 10, 20), D(2026, 11, 19), 128000, 128000, None,
              None, None, None],
             ["C2", "Gulf Star", None, None, None, None, 22800, 27800, 0, 0, 0, 0],
             [None, None, "IN", 1008, D(2026, 11, 15), D(2026, 12, 15), 27800, 27800, None,
              None, None, None],
             [None, None, "RC", 503, D(2026, 11, 25), D(2026, 11, 25), -5000, -5000, None,
              None, None, None],
             [None, "Total", None, None, None, None, 264800, 155800, 0, 0, 114000, 0]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {"Customers": CUSTOMERS,
                                                        "Customer Receivables Aging": aging}))
    frame = book.invoices
    assert frame[["Invoice No", "Customer ID", "Balance"]].values.tolist() == [
        ["1001", "C1", 114000], ["1002", "C1", 128000], ["1008", "C2", 27800],
        ["503", "C2", -5000]]
    assert [(i.cell, i.message) for i in book.issues if i.column == "BP Code"] == [
        ("A5", "2 customer row(s) carry the sums of the documents listed under them: not "
               "documents, not read; each document is its customer's (A5, A8)")]


def test_daftra_lists_headed_by_a_bare_number_and_a_failed_payment(tmp_path):
    """Daftra's invoices and payments lists head their numbers رقم (Number), and a payment
    the gateway failed (الحالة: فشل) beside the completed ones (مكتمل) paid nothing. Before,
    the invoice list was refused ('no column for Invoice No'); with it read, the failed
    23,000 card payment settled 000101."""
    customers = [["رقم العميل", "الاسم التجاري", "العملة"], ["1", "شركة الريادة للتجارة", "SAR"]]
    invoices = [["رقم", "التاريخ", "العميل", "تاريخ الاستحقاق", "الإجمالي", "المدفوع",
                 "المتبقي", "حالة الدفع"],
                ["000101", "20/08/2026", "شركة الريادة للتجارة", "19/09/2026", "23,000.00",
                 "0.00", "23,000.00", "غير مدفوعة"],
                ["000102", "25/10/2026", "شركة الريادة للتجارة", "24/11/2026", "34,500.00",
                 "20,000.00", "14,500.00", "مدفوعة جزئيا"]]
    payments = [["رقم", "التاريخ", "العميل", "رقم الفاتورة", "طريقة الدفع", "المبلغ", "الحالة"],
                ["P-1", "05/11/2026", "شركة الريادة للتجارة", "000102", "تحويل بنكي",
                 "20,000.00", "مكتمل"],
                ["P-2", "07/11/2026", "شركة الريادة للتجارة", "000101", "بطاقة ائتمان",
                 "23,000.00", "فشل"]]
    book = read_book(save_sheets(tmp_path / "daftra.xlsx", {
        "العملاء": customers, "الفواتير": invoices, "المدفوعات": payments}))
    assert book.invoices["Invoice No"].tolist() == ["000101", "000102"]
    assert book.payments[["Payment ID", "Invoice No", "Amount"]].values.tolist() == [
        ["P-1", "000102", 20000]]
    assert [(i.sheet, i.cell, i.value) for i in book.issues if i.column == "الحالة"] == [
        ("المدفوعات", "G3", "فشل")]


def test_an_address_kept_on_numbered_lines_gives_its_first_line(tmp_path):
    """Daftra's customers export keeps the address on two lines (العنوان 1, العنوان 2), as
    Zoho and QuickBooks do (Address Line 1): the first is the Address the Visit List and the
    statements print. Before, the customer had no address."""
    customers = [["رقم العميل", "الاسم التجاري", "العنوان 1", "العنوان 2", "المدينة",
                  "السجل التجاري", "الرقم الضريبي"],
                 ["1", "شركة الريادة للتجارة", "طريق الملك فهد", "حي العليا", "الرياض",
                  "1010123456", "310111222300003"]]
    invoices = [["رقم الفاتورة", "العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["000101", "1", "2026-08-20", "23,000.00"]]
    book = read_book(save_sheets(tmp_path / "daftra.xlsx", {"العملاء": customers,
                                                            "الفواتير": invoices}))
    row = book.customers.iloc[0]
    assert (row["Address"], row["City"], row["Tax ID"]) == (
        "طريق الملك فهد", "الرياض", "310111222300003")
    # (the commercial registration number is no tax ID: carried as written)
    assert row["السجل التجاري"] == "1010123456"


def test_a_status_only_list_paid_more_than_due_and_partly_paid(tmp_path):
    """Daftra's invoices exported with their status and no amount paid: 'مدفوعة بالزيادة'
    (paid more than due) is paid, and 'مدفوعة جزئيا' (partly paid) is open in full, as
    nothing says how much, said at its cell. Before, the overpaid 28,750 stayed open and the
    partly paid 34,500 was open without a word."""
    customers = [["رقم العميل", "الاسم التجاري", "العملة"], ["1", "شركة الريادة للتجارة", "SAR"]]
    invoices = [["رقم", "العميل", "التاريخ", "تاريخ الاستحقاق", "الإجمالي", "الحالة"],
                ["000102", "1", "25/10/2026", "24/11/2026", "34,500.00", "مدفوعة جزئيا"],
                ["000103", "1", "01/10/2026", "16/10/2026", "11,500.00", "مدفوعة"],
                ["000104", "1", "10/11/2026", "25/11/2026", "28,750.00", "مدفوعة بالزيادة"]]
    path = save_sheets(tmp_path / "daftra.xlsx", {"العملاء": customers, "الفواتير": invoices})
    book = read_book(path)
    assert book.invoices["Paid Amount"].fillna(0).tolist() == [0, 11500, 28750]
    assert [(i.cell, i.value, i.message) for i in book.issues] == [
        ("F2", "مدفوعة جزئيا", "1 invoice(s) the status says are partly paid, the list giving "
                               "no amount paid: counted open in full (F2)")]


def test_the_new_messages_read_in_arabic():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message("1 invoice(s) the status says are partly paid, the list giving no "
                          "amount paid: counted open in full (F2)") == (
        "1 فاتورة حالتها مدفوعة جزئياً ولا تذكر القائمة المبلغ المدفوع: احتُسبت مفتوحة بكامل "
        "قيمتها (F2)")
    assert arabic_message("1 payment(s) cancelled, not posted: not read as receipts (F2)") == (
        "1 دفعة ملغاة غير مرحّلة: لم تُقرأ تحصيلات (F2)")
    assert arabic_message(
        "2 customer row(s) carry the sums of the documents listed under them: not documents, "
        "not read; each document is its customer's (A5, A8)") == (
        "2 صف عميل يحمل مجاميع المستندات المدرجة تحته: ليست مستندات ولم تُقرأ؛ كل مستند "
        "لعميله (A5, A8)")


def test_sap_business_ones_cash_terms(tmp_path):
    """SAP Business One's built-in payment terms '- Cash Basic -' are cash: 0 days. Before,
    'not payment terms in days' at the cell, and the customer had no terms."""
    partners = [["BP Code", "BP Name", "Payment Terms Code"], ["C1", "Counter Sales", "- Cash Basic -"],
                ["C2", "Delta Pharma", "Net 30"]]
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Document Total"],
                [1001, "C1", D(2026, 10, 1), 1000]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {"Business Partners": partners,
                                                        "A-R Invoices": invoices}))
    assert book.customers["Payment Terms"].tolist() == [0, 30]
    assert book.issues == []


def test_business_partners_with_a_lead_among_them(tmp_path):
    """SAP Business One's BP Type also says Lead (a prospect, kept as the customers are):
    the vendor is still left out. Before, a Lead made the column unread and the vendor was
    checked, credit-rated and dunned as a customer."""
    partners = [["BP Code", "BP Name", "BP Type"], ["C1", "Delta Pharma", "Customer"],
                ["L1", "Sinai Resorts", "Lead"], ["V1", "Cairo Paper", "Vendor"]]
    invoices = [["Doc. No.", "Customer Code", "Posting Date", "Document Total"],
                [1001, "C1", D(2026, 10, 1), 1000]]
    book = read_book(save_sheets(tmp_path / "b1.xlsx", {"Business Partners": partners,
                                                        "A-R Invoices": invoices}))
    assert book.customers["Customer ID"].tolist() == ["C1", "L1"]
    assert [(i.cell, i.value) for i in book.issues] == [("C4", "Vendor")]
