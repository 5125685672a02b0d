"""Receivables exports as accountants hand them over: an ERP's list (SAP FBL5N, Tally's Bills
Receivable, Odoo's Journal Items, a local Arabic system's aging) tidied by hand: title rows,
subtotals and totals printed without a label, the customer written only on the first row of
its group, Debit and Credit columns instead of one signed amount, amounts as text marked Dr /
Cr, grouped the Indian way, in parentheses or with a trailing minus, dates typed as text.

Each book is read and run through validate, credit, invoices and aging as of 30/11/2026; the
figures asserted are an accountant's by hand (open balance per customer, its aging buckets,
its credit status), and every row we do not read as a record is named in an Input Issue.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from tests.test_erp_exports import _book
from tests.test_erp_exports import _run as _tabs

D = datetime
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


def _aging(book) -> dict[str, list[float]]:
    aging = _tabs(book, "aging")["Aging"]
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()}


def _credit(book) -> dict[str, tuple]:
    status = _tabs(book, "credit")["Credit Status"]
    return {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Status"])
            for _, r in status.iterrows()}


def _every_job_runs(book) -> None:
    """validate and invoices run on the book (their findings are other tests' business)."""
    assert "Customer Checks" in _tabs(book, "validate")
    assert "Invoice Checks" in _tabs(book, "invoices")


# ---------------------------------------------------------------- SAP FBL5N


def test_sap_fbl5n_open_items_with_unlabelled_subtotals_per_account(tmp_path):
    """FBL5N's open items exported to a spreadsheet: the list's title rows, decimal-comma
    amounts with SAP's trailing minus, a payment on account (DZ) and a credit memo (DG), and
    the list's subtotal per account and grand total printed as rows holding only an amount
    (one also shows its account). The customer list is SAP's: "Customer" is the number,
    "Name 1" the name."""
    path = _book(tmp_path, {
        "Customers": [
            ["Customer", "Name 1", "Payment Terms", "Credit Limit", "Currency"],
            ["100001", "Nile Foods", "Net 30", 12000, "EGP"],
            ["100002", "Delta Traders", "Net 30", 20000, "EGP"],
            ["100003", "Sinai Build", "Net 30", 0, "EGP"]],
        "FBL5N": [
            ["Customer Line Item Display"], ["Company Code 1000  Cairo"], [],
            ["Account", "Document Number", "Document Type", "Document Date", "Net Due Date",
             "Amount in Local Currency", "Local Currency", "Clearing Document", "Assignment",
             "Reference"],
            ["100001", "90000012", "RV", "01.10.2026", "31.10.2026", "10.000,00", "EGP", None,
             "PO-4471", "INV12"],
            ["100001", "90000031", "RV", "10.11.2026", "10.12.2026", "5.000,00", "EGP", None,
             "PO-4502", "INV31"],
            ["100001", "1400000077", "DZ", "20.11.2026", "20.11.2026", "2.000,00-", "EGP", None,
             "PO-4502", "PAYMENT"],
            ["100001", "1600000003", "DG", "25.11.2026", "25.11.2026", "500,00-", "EGP", None,
             "RET-1", "CN3"],
            ["100001", None, None, None, None, "12.500,00", "EGP", None, None, None],
            ["100002", "90000008", "RV", "15.09.2026", "15.10.2026", "8.000,00", "EGP", None,
             "PO-1180", "INV8"],
            [None, None, None, None, None, "8.000,00", "EGP", None, None, None],
            ["100003", "90000034", "RV", "20.11.2026", "20.12.2026", "12.000,00", "EGP", None,
             "PO-2214", "INV34"],
            [None, None, None, None, None, "12.000,00", "EGP", None, None, None],
            [None, None, None, None, None, "32.500,00", "EGP", None, None, None],
        ]})
    book = read_book(path)
    assert _issues(book) == [
        ("FBL5N", "F9", "4 rows hold only the sum of the rows above them (subtotals and totals "
                        "without a label, the first 12,500.00): not records, not read (F9, "
                        "F11, F13, F14)")]
    assert book.customers[["Customer ID", "Name"]].values.tolist() == [
        ["100001", "Nile Foods"], ["100002", "Delta Traders"], ["100003", "Sinai Build"]]
    assert len(book.invoices) == 6
    # Nile: 90000012 due 31/10 (30 days: 1-30), 90000031 not due; the payment on account of
    # 20/11 and the credit memo of 25/11 by their own dates (1-30)
    assert _aging(book) == {
        "100001": [5000, 7500, 0, 0, 0, 12500],
        "100002": [0, 0, 8000, 0, 0, 8000],
        "100003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "100001": (12500, 10000, "Over Limit"),
        "100002": (8000, 8000, "OK"),
        "100003": (12000, 0, "OK")}
    _every_job_runs(book)


def test_sap_customer_list_keeps_its_name_column_for_the_name(tmp_path):
    """"Customer" beside "Customer Name" in a customer list: the first is the number."""
    path = _book(tmp_path, {
        "Customers": [["Customer", "Customer Name", "Credit Limit"],
                      ["100001", "Nile Foods", 5000], ["100002", "Delta Traders", 0]],
        "Invoices": [["Invoice No", "Customer", "Invoice Date", "Amount"],
                     ["I-1", "100001", D(2026, 11, 1), 100]]})
    book = read_book(path)
    assert book.issues == []
    assert book.customers[["Customer ID", "Name"]].values.tolist() == [
        ["100001", "Nile Foods"], ["100002", "Delta Traders"]]


# ---------------------------------------------------------------- Tally


def test_tally_bills_receivable_with_dr_cr_amounts_in_lakhs(tmp_path):
    """Tally's Bills Receivable exported to Excel: company, report name and period merged
    across as titles, dates as 1-Oct-26, pending amounts as text marked Dr (owed by the
    party) or Cr (a credit note: owed to it), grouped the Indian way (1,08,000.00), and the
    report's total in a row of its own. The ledger list's "Name of Ledger", "Credit Period"
    and a limit in lakhs."""
    path = _book(tmp_path, {
        "Customers": [
            ["Name of Ledger", "Under", "Credit Period", "Credit Limit", "GSTIN/UIN"],
            ["Nile Foods", "Sundry Debtors", "30 Days", "50,000.00", None],
            ["Delta Traders", "Sundry Debtors", "30 Days", "1,00,000.00", None],
            ["Sinai Build", "Sundry Debtors", "30 Days", None, None]],
        "Bills Receivable": [
            ["Nile Trading Co"], ["Bills Receivable"], ["1-Apr-26 to 30-Nov-26"],
            ["Date", "Ref. No.", "Party's Name", "Pending Amount", "Due on", "Overdue by days"],
            ["1-Oct-26", "NT/101", "Nile Foods", "10,000.00 Dr", "31-Oct-26", 30],
            ["10-Nov-26", "NT/131", "Nile Foods", "3,000.00 Dr", "10-Dec-26", None],
            ["15-Sep-26", "NT/088", "Delta Traders", "1,08,000.00 Dr", "15-Oct-26", 46],
            ["20-Nov-26", "NT/134", "Sinai Build", "12,000.00 Dr", "20-Dec-26", None],
            ["25-Nov-26", "NT/CN2", "Sinai Build", "500.00 Cr", "25-Nov-26", 5],
            [None, None, None, "1,32,500.00 Dr", None, None],
        ]}, merges={"Bills Receivable": ["A1:F1", "A2:F2", "A3:F3"]})
    book = read_book(path)
    assert _issues(book) == [
        ("Bills Receivable", "D10", "row 10 holds only 132,500.00, the sum of the rows above "
                                    "it: a totals row, not a record: not read")]
    assert book.customers["Credit Limit"].tolist()[:2] == [50000, 100000]
    assert book.invoices["Amount"].tolist() == [10000, 3000, 108000, 12000, -500]
    assert _aging(book) == {
        "Delta Traders": [0, 0, 108000, 0, 0, 108000],
        "Nile Foods": [3000, 10000, 0, 0, 0, 13000],
        "Sinai Build": [12000, -500, 0, 0, 0, 11500]}
    assert _credit(book) == {
        "Delta Traders": (108000, 108000, "Over Limit"),
        "Nile Foods": (13000, 10000, "OK"),
        "Sinai Build": (11500, 0, "OK")}
    _every_job_runs(book)


# ---------------------------------------------------------------- hand-kept ledger


def _ledger_rows() -> list[list]:
    return [
        ["Nile Trading Co. - Receivables ledger"], ["As at 30/11/2026"], [],
        ["Customer", None, "Invoice No", "Invoice Date", "Due Date", None, "Debit", "Credit"],
        ["C001", None, "INV-12", "01/10/2026", "31/10/2026", None, "10,000.00", None],
        [None, None, "INV-31", "10/11/2026", "10/12/2026", None, "5,000.00", None],
        [None, None, "CN-3", "25/11/2026", "25/11/2026", None, None, "500.00"],
        ["C002", None, "INV-8", "15-Sep-26", "15-Oct-26", None, "8,000.00", None],
        [None, None, "INV-9", "01-Nov-26", "01-Nov-26", None, "(1,000.00)", None],
        ["C003", None, "INV-34", "20/11/2026", "20/12/2026", None, "12,000.00", None],
        [None, None, None, None, None, None, "34,000.00", "500.00"],
    ]


LEDGER_CUSTOMERS = [["Customer Code", "Customer Name", "Terms", "Credit Limit"],
                    ["C001", "Nile Foods", 30, "50,000"], ["C002", "Delta Traders", 30, "20,000"],
                    ["C003", "Sinai Build", 30, "10,000"]]


def test_hand_kept_ledger_with_debit_credit_columns_and_the_customer_on_its_first_row(
        tmp_path):
    """A clerk's ledger: title rows, the customer written on the first row of its group only,
    blank spacer columns, Debit and Credit columns (a credit note in Credit, another typed
    in parentheses in Debit), dates as 01/10/2026 and 15-Sep-26, a totals row without a
    label."""
    path = _book(tmp_path, {"Customers": LEDGER_CUSTOMERS, "AR Ledger": _ledger_rows()})
    book = read_book(path)
    assert _issues(book) == [
        ("AR Ledger", "G11", "row 11 holds only 34,000.00, the sum of the rows above it: a "
                             "totals row, not a record: not read"),
        ("AR Ledger", "A6", "Customer is written only on the first row of each customer's "
                            "group: 3 blank cell(s) read as the customer above (A6, A7, A9)")]
    assert book.invoices[["Customer ID", "Invoice No", "Amount"]].values.tolist() == [
        ["C001", "INV-12", 10000], ["C001", "INV-31", 5000], ["C001", "CN-3", -500],
        ["C002", "INV-8", 8000], ["C002", "INV-9", -1000], ["C003", "INV-34", 12000]]
    assert _aging(book) == {
        "C001": [5000, 9500, 0, 0, 0, 14500],
        "C002": [0, -1000, 8000, 0, 0, 7000],
        "C003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "C001": (14500, 10000, "OK"),
        "C002": (7000, 8000, "OK"),
        "C003": (12000, 0, "Over Limit")}
    _every_job_runs(book)


def test_a_blank_customer_in_a_list_that_repeats_its_customers_is_a_gap_not_a_group(
        tmp_path):
    """Where customers are written on every row, one blank is a clerk's gap: reported, not
    guessed from the row above; and a row without keys whose amount sums nothing is a record
    missing its keys, reported as such."""
    path = _book(tmp_path, {
        "Customers": LEDGER_CUSTOMERS,
        "Invoices": [["Customer", "Invoice No", "Invoice Date", "Debit", "Credit"],
                     ["C001", "INV-1", "01/11/2026", 100, None],
                     ["C001", "INV-2", "02/11/2026", 200, None],
                     [None, "INV-3", "03/11/2026", 300, None],
                     ["C002", "INV-4", "04/11/2026", 400, None],
                     [None, None, None, 250, None]]})
    book = read_book(path)
    assert sorted(_issues(book)) == [
        ("Invoices", "A4", "Customer is required but blank"),
        ("Invoices", "A6", "Customer is required but blank"),
        ("Invoices", "B6", "Invoice No is required but blank"),
        ("Invoices", "C6", "Invoice Date is required but blank")]
    assert book.invoices["Amount"].tolist() == [100, 200, 300, 400, 250]


def test_a_running_balance_beside_debit_and_credit_is_not_the_open_amount(tmp_path):
    """A ledger's "Balance" beside Debit and Credit runs down the rows: each item is open for
    its own debit less credit, not for the balance printed beside it."""
    path = _book(tmp_path, {
        "Customers": LEDGER_CUSTOMERS,
        "Invoices": [["Customer", "Invoice No", "Invoice Date", "Debit", "Credit", "Balance"],
                     ["C001", "INV-1", "01/11/2026", 100, None, 100],
                     ["C001", "INV-2", "02/11/2026", 200, None, 300],
                     ["C001", "CN-1", "03/11/2026", None, 50, 250]]})
    book = read_book(path)
    assert book.issues == []
    assert book.invoices["Amount"].tolist() == [100, 200, -50]
    assert book.invoices["Balance"].isna().all()
    assert _aging(book)["C001"][-1] == 250


# ---------------------------------------------------------------- Odoo journal items


def test_odoo_journal_items_of_the_receivable_account(tmp_path):
    """Odoo's Journal Items (account.move.line) of the receivable account, exported as
    "Sheet1": Account is the receivable account on every row, Partner the customer; Debit
    and Credit; Balance is each line's debit less credit and Amount Residual what is open."""
    path = _book(tmp_path, {
        "Contact (res.partner)": [
            ["Name", "Reference", "Credit Limit", "Customer Payment Terms"],
            ["Nile Foods", "C0001", 50000, "30 Days"],
            ["Delta Traders", "C0002", 8000, "30 Days"],
            ["Sinai Build", "C0003", 0, "30 Days"]],
        "Sheet1": [
            ["Date", "Journal Entry", "Account", "Partner", "Label", "Due Date", "Debit",
             "Credit", "Balance", "Amount Residual", "Matching"],
            [D(2026, 10, 1), "INV/2026/00012", "121000 Account Receivable", "Nile Foods",
             "INV/2026/00012", D(2026, 10, 31), 10000, 0, 10000, 10000, None],
            [D(2026, 11, 10), "INV/2026/00031", "121000 Account Receivable", "Nile Foods",
             "INV/2026/00031", D(2026, 12, 10), 5000, 0, 5000, 3000, "P1"],
            [D(2026, 11, 20), "PBNK1/2026/00077", "121000 Account Receivable", "Nile Foods",
             "Customer Payment", D(2026, 11, 20), 0, 2000, -2000, 0, "P1"],
            [D(2026, 9, 15), "INV/2026/00008", "121000 Account Receivable", "Delta Traders",
             "INV/2026/00008", D(2026, 10, 15), 8000, 0, 8000, 8000, None],
            [D(2026, 11, 25), "RINV/2026/00002", "121000 Account Receivable", "Delta Traders",
             "Reversal of INV/2026/00008", D(2026, 11, 25), 0, 500, -500, -500, None],
            [D(2026, 11, 20), "INV/2026/00034", "121000 Account Receivable", "Sinai Build",
             "INV/2026/00034", D(2026, 12, 20), 12000, 0, 12000, 12000, None],
        ]})
    book = read_book(path)
    assert book.issues == []
    assert book.tables["Invoices"].headers["Customer ID"] == "Partner"
    assert book.tables["Invoices"].headers["Balance"] == "Amount Residual"
    assert _aging(book) == {
        "C0001": [3000, 10000, 0, 0, 0, 13000],
        "C0002": [0, -500, 8000, 0, 0, 7500],
        "C0003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "C0001": (13000, 10000, "OK"),
        "C0002": (7500, 8000, "Warning"),
        "C0003": (12000, 0, "OK")}
    _every_job_runs(book)


# ---------------------------------------------------------------- Arabic aging report


def test_arabic_aging_report_with_arabic_indic_digits_and_currencies_in_the_amounts(
        tmp_path):
    """A local Arabic system's receivables aging: Arabic-Indic digits everywhere, dates as
    ٢٠٢٦/١٠/٠١, ١٥/٠٩/٢٠٢٦ and ٢٠ نوفمبر ٢٠٢٦, amounts with ج.م / ر.س / د.إ before or after,
    a credit note in parentheses, a subtotal per customer (إجمالي العميل) and a grand total;
    a limit typed in words (غير محدود)."""
    path = _book(tmp_path, {
        "العملاء": [
            ["كود العميل", "اسم العميل", "حد الائتمان", "مدة السداد", "العملة"],
            ["١٠٠١", "شركة النيل للأغذية", "٥٠٬٠٠٠", "٣٠ يوم", "ج.م"],
            ["١٠٠٢", "مؤسسة الدلتا التجارية", "٢٠٬٠٠٠ ر.س", "٣٠", "ر.س"],
            ["١٠٠٣", "سيناء للمقاولات", "غير محدود", "٦٠ يوم", "د.إ"]],
        "أعمار الذمم": [
            ["شركة النيل التجارية"], ["كشف أعمار الذمم المدينة حتى ٢٠٢٦/١١/٣٠"], [],
            ["رقم العميل", "رقم الفاتورة", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ",
             "المسدد", "الرصيد"],
            ["١٠٠١", "ف-١٠١٢", "٢٠٢٦/١٠/٠١", "٢٠٢٦/١٠/٣١", "١٠٬٠٠٠٫٠٠ ج.م", "٠",
             "١٠٬٠٠٠٫٠٠ ج.م"],
            ["١٠٠١", "ف-١٠٣١", "٢٠٢٦/١١/١٠", "٢٠٢٦/١٢/١٠", "٥٬٠٠٠ ج.م", "٢٬٠٠٠ ج.م",
             "٣٬٠٠٠ ج.م"],
            ["إجمالي العميل ١٠٠١", None, None, None, "١٥٬٠٠٠", "٢٬٠٠٠", "١٣٬٠٠٠"],
            ["١٠٠٢", "ف-١٠٠٨", "١٥/٠٩/٢٠٢٦", "١٥/١٠/٢٠٢٦", "ر.س ٨٬٠٠٠", None, "ر.س ٨٬٠٠٠"],
            ["١٠٠٢", "إشعار-٥", "٢٥/١١/٢٠٢٦", "٢٥/١١/٢٠٢٦", "(٥٠٠) ر.س", None, "(٥٠٠) ر.س"],
            ["إجمالي العميل ١٠٠٢", None, None, None, "٧٬٥٠٠", None, "٧٬٥٠٠"],
            ["١٠٠٣", "ف-١٠٣٤", "٢٠ نوفمبر ٢٠٢٦", "١٩ يناير ٢٠٢٧", "١٢٬٠٠٠ د.إ", None,
             "١٢٬٠٠٠ د.إ"],
            ["الإجمالي", None, None, None, None, None, "٣٢٬٥٠٠"],
        ]})
    book = read_book(path)
    assert _issues(book) == [
        ("أعمار الذمم", "A7", "2 subtotal rows ('إجمالي العميل ١٠٠١' and the like) are not "
                             "records: not read (A7, A10)"),
        ("أعمار الذمم", "A12", "'الإجمالي' row is a totals row, not a record: not read")]
    assert book.invoices["Invoice Date"].dt.strftime("%d/%m/%Y").tolist() == [
        "01/10/2026", "10/11/2026", "15/09/2026", "25/11/2026", "20/11/2026"]
    aging = _tabs(book, "aging")["Aging"]
    assert aging["Currency"].tolist() == ["EGP", "SAR", "AED"]
    assert _aging(book) == {
        "1001": [3000, 10000, 0, 0, 0, 13000],
        "1002": [0, -500, 8000, 0, 0, 7500],
        "1003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "1001": (13000, 10000, "OK"),
        "1002": (7500, 8000, "OK"),
        "1003": (12000, 0, "OK")}
    _every_job_runs(book)


# ---------------------------------------------------------------- month-end from the CLI


@pytest.mark.parametrize("build", ["ledger", "tally"])
def test_month_end_run_on_a_tidied_export(tmp_path, build):
    """``ar-excel run BOOK --as-of`` on a hand-tidied export: exit 0, the tabs written, the
    Aging's grand total the ledger's open balance, and the Input Issues tab naming the rows
    not read."""
    if build == "ledger":
        path = _book(tmp_path, {"Customers": LEDGER_CUSTOMERS, "AR Ledger": _ledger_rows()})
        total, cell = 33500, "G11"
    else:
        path = _book(tmp_path, {
            "Customers": [["Name of Ledger", "Credit Period"], ["Nile Foods", "30 Days"]],
            "Bills Receivable": [
                ["Bills Receivable"],
                ["Date", "Ref. No.", "Party's Name", "Pending Amount", "Due on"],
                ["1-Oct-26", "NT/101", "Nile Foods", "10,000.00 Dr", "31-Oct-26"],
                ["25-Nov-26", "NT/CN2", "Nile Foods", "500.00 Cr", "25-Nov-26"],
                [None, None, None, "9,500.00 Dr", None]]})
        total, cell = 9500, "D5"
    out = tmp_path / "out.xlsx"
    assert main(["run", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    aging = pd.read_excel(out, sheet_name="Aging")
    assert aging.loc[aging["Customer ID"].notna(), "Total"].sum() == total
    issues = pd.read_excel(out, sheet_name="Input Issues")
    assert cell in issues["Cell"].tolist()


def test_the_new_reading_notes_have_their_arabic_wording():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message("row 10 holds only 132,500.00, the sum of the rows above it: a "
                          "totals row, not a record: not read") == (
        "الصف 10 فيه 132,500.00 فقط، مجموع الصفوف التي فوقه: صف إجماليات وليس سجلاً: لم يُقرأ")
    assert arabic_message(
        "4 rows hold only the sum of the rows above them (subtotals and totals without a "
        "label, the first 12,500.00): not records, not read (F9, F11, F13, F14)").startswith(
        "4 صفوف فيها مجموع الصفوف التي فوقها فقط")
    assert arabic_message(
        "كود العميل is written only on the first row of each customer's group: 3 blank "
        "cell(s) read as the customer above (A6, A7, A9)") == (
        "كود العميل مكتوب في أول صف من كل مجموعة للعميل فقط: 3 خلية فارغة قُرئت على أنها "
        "العميل الذي فوقها (A6, A7, A9)")


# ---------------------------------------------------------------- Dynamics GP, Sage 50


def test_dynamics_gp_receivables_transactions_with_positive_credit_memos_and_payments(
        tmp_path):
    """Dynamics GP's SmartList of receivables transactions, pasted as "Sheet1": every amount
    positive, the Document Type telling a credit memo or a payment; US dates; Current Trx
    Amount is what is open. The customer list's Payment Terms ID and Credit Limit Amount."""
    path = _book(tmp_path, {
        "Customers": [
            ["Customer Number", "Customer Name", "Payment Terms ID", "Credit Limit Amount"],
            ["NILE0001", "Nile Foods", "Net 30", 50000],
            ["DELTA0001", "Delta Traders", "Net 30", 8000],
            ["SINAI0001", "Sinai Build", "Net 30", 0]],
        "Sheet1": [
            ["Customer Number", "Customer Name", "Document Type", "Document Number",
             "Document Date", "Due Date", "Original Trx Amount", "Current Trx Amount"],
            ["NILE0001", "Nile Foods", "Sales / Invoices", "STDINV2012", "10/01/2026",
             "10/31/2026", 10000, 10000],
            ["NILE0001", "Nile Foods", "Sales / Invoices", "STDINV2031", "11/10/2026",
             "12/10/2026", 5000, 3000],
            ["NILE0001", "Nile Foods", "Payments", "PYMNT000077", "11/20/2026", None, 2000, 0],
            ["DELTA0001", "Delta Traders", "Sales / Invoices", "STDINV2008", "09/15/2026",
             "10/15/2026", 8000, 8000],
            ["DELTA0001", "Delta Traders", "Credit Memos", "CRNOTE00005", "11/25/2026",
             "11/25/2026", 500, 500],
            ["SINAI0001", "Sinai Build", "Sales / Invoices", "STDINV2034", "11/20/2026",
             "12/20/2026", 12000, 12000]]})
    book = read_book(path)
    assert book.issues == []
    assert book.invoices["Amount"].tolist() == [10000, 5000, -2000, 8000, -500, 12000]
    assert _aging(book) == {
        "DELTA0001": [0, -500, 8000, 0, 0, 7500],
        "NILE0001": [3000, 10000, 0, 0, 0, 13000],
        "SINAI0001": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "NILE0001": (13000, 10000, "OK"),
        "DELTA0001": (7500, 8000, "Warning"),
        "SINAI0001": (12000, 0, "OK")}
    _every_job_runs(book)


def test_sage_50_customer_activity_with_type_codes_and_a_totals_label_in_a_middle_column(
        tmp_path):
    """Sage 50's Customer Activity: A/C, Type (SI invoice, SR receipt, SC credit), Ref, O/S
    (outstanding), title rows, and "Totals:" under Details."""
    path = _book(tmp_path, {
        "Customers": [["A/C", "Name", "Credit Limit", "Terms"],
                      ["NILE001", "Nile Foods", 50000, "30 days"],
                      ["DELTA001", "Delta Traders", 20000, "30 days"],
                      ["SINAI001", "Sinai Build", 10000, "30 days"]],
        "Customer Activity": [
            ["Nile Trading Ltd"], ["Customer Activity (Detailed)"],
            ["Date From: 01/01/2026", None, "Date To: 30/11/2026"], [],
            ["A/C", "Type", "Date", "Ref", "Details", "Amount", "O/S", "Due Date"],
            ["NILE001", "SI", "01/10/2026", "1012", "Goods", "10,000.00", "10,000.00",
             "31/10/2026"],
            ["NILE001", "SI", "10/11/2026", "1031", "Goods", "5,000.00", "3,000.00",
             "10/12/2026"],
            ["NILE001", "SR", "20/11/2026", "BACS", "Payment", "2,000.00", "0.00", None],
            ["DELTA001", "SI", "15/09/2026", "1008", "Goods", "8,000.00", "8,000.00",
             "15/10/2026"],
            ["DELTA001", "SC", "25/11/2026", "CN5", "Return", "500.00", "500.00",
             "25/11/2026"],
            ["SINAI001", "SI", "20/11/2026", "1034", "Goods", "12,000.00", "12,000.00",
             "20/12/2026"],
            [None, None, None, None, "Totals:", "37,500.00", "32,500.00", None]]})
    book = read_book(path)
    assert _issues(book) == [("Customer Activity", "E12",
                              "'Totals:' row is a totals row, not a record: not read")]
    assert _aging(book) == {
        "DELTA001": [0, -500, 8000, 0, 0, 7500],
        "NILE001": [3000, 10000, 0, 0, 0, 13000],
        "SINAI001": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book)["SINAI001"] == (12000, 0, "Over Limit")
    _every_job_runs(book)


# ---------------------------------------------------------------- a header on two rows


def test_a_header_on_two_rows_under_merged_group_labels(tmp_path):
    """"Customer" merged over "Code" and "Name", "Invoice" over "No" and "Date"; "Due Date"
    and "Amount" merged down both header rows."""
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
        "Invoices": [
            ["Receivables as at 30/11/2026"],
            ["Customer", None, "Invoice", None, "Due Date", "Amount"],
            ["Code", "Name", "No", "Date", None, None],
            ["C1", "Nile Foods", "I-1", "01/10/2026", "31/10/2026", "10,000.00"],
            ["C2", "Delta Traders", "I-2", "15/09/2026", "15/10/2026", "8,000.00"],
            ["C2", "Delta Traders", "CN-1", "20/11/2026", "20/11/2026", "(300.00)"]]},
        merges={"Invoices": ["A1:F1", "A2:B2", "C2:D2", "E2:E3", "F2:F3"]})
    book = read_book(path)
    assert book.issues == []
    assert book.tables["Invoices"].headers == {
        "Customer ID": "Customer Code", "Invoice No": "Invoice No",
        "Invoice Date": "Invoice Date", "Due Date": "Due Date", "Amount": "Amount"}
    assert book.invoices["Invoices" and "Invoice No"].tolist() == ["I-1", "I-2", "CN-1"]
    assert _aging(book) == {"C1": [0, 10000, 0, 0, 0, 10000], "C2": [0, -300, 8000, 0, 0, 7700]}


def test_a_first_record_of_text_under_the_header_is_no_second_header_row(tmp_path):
    """A customer list's rows are all text: the first is a record, not labels."""
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Email"],
                      ["C1", "Nile Foods", "ap@nile.com"], ["C2", "Delta", "ap@delta.com"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", D(2026, 11, 1), 100]]}, name="plain.xlsx")
    book = read_book(path)
    assert book.issues == []
    assert book.customers["Customer ID"].tolist() == ["C1", "C2"]


# ---------------------------------------------------------------- Oracle receivables aging


def test_oracle_aging_report_with_oracle_dates_and_a_report_total(tmp_path):
    """Oracle Receivables' "Aging - 4 Buckets" exported to Excel (sheet "Aging Report"):
    Transaction Number, dates as 01-OCT-2026, Amount Due Original / Remaining, the report's
    own buckets (not read: we age by the as-of date) and "Report Total" in the name column.
    A cash customer (IMMEDIATE, no limit) owing anything is over its limit."""
    path = _book(tmp_path, {
        "Customers": [["Customer Number", "Customer Name", "Credit Limit", "Payment Terms"],
                      ["1001", "Nile Foods", 50000, "30 NET"],
                      ["1002", "Delta Traders", 20000, "30 NET"],
                      ["1003", "Sinai Build", 0, "IMMEDIATE"]],
        "Aging Report": [
            ["Aging - 4 Buckets Report"], ["As of Date: 30-NOV-2026"], [],
            ["Customer Name", "Customer Number", "Transaction Number", "Type",
             "Transaction Date", "Due Date", "Days Past Due", "Amount Due Original",
             "Amount Due Remaining", "Current", "1-30 Days Past Due", "31-60 Days Past Due",
             "61-90 Days Past Due", "Over 90"],
            ["Nile Foods", "1001", "10012", "Invoice", "01-OCT-2026", "31-OCT-2026", 30, 10000,
             10000, 0, 10000, 0, 0, 0],
            ["Nile Foods", "1001", "10031", "Invoice", "10-NOV-2026", "10-DEC-2026", -10, 5000,
             3000, 3000, 0, 0, 0, 0],
            ["Delta Traders", "1002", "10008", "Invoice", "15-SEP-2026", "15-OCT-2026", 46,
             8000, 8000, 0, 0, 8000, 0, 0],
            ["Delta Traders", "1002", "CM-5", "Credit Memo", "25-NOV-2026", "25-NOV-2026", 5,
             -500, -500, 0, -500, 0, 0, 0],
            ["Sinai Build", "1003", "10034", "Invoice", "20-NOV-2026", "20-DEC-2026", -20,
             12000, 12000, 12000, 0, 0, 0, 0],
            ["Report Total", None, None, None, None, None, None, 34500, 32500, 15000, 9500,
             8000, 0, 0]]})
    book = read_book(path)
    assert _issues(book) == [("Aging Report", "A10", "'Report Total' row is a totals row, not "
                                                     "a record: not read")]
    assert _aging(book) == {
        "1001": [3000, 10000, 0, 0, 0, 13000],
        "1002": [0, -500, 8000, 0, 0, 7500],
        "1003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "1001": (13000, 10000, "OK"),
        "1002": (7500, 8000, "OK"),
        "1003": (12000, 0, "OK")}  # cash terms and a 0 limit: no limit set
    _every_job_runs(book)


# ---------------------------------------------------------------- Odoo Aged Receivable


def _odoo_aged(partner_sums: bool = True) -> list[list]:
    def partner(name, *sums):
        return [name, None, None, None, None, None, *(sums if partner_sums else [None] * 7)]

    return [
        ["My Company (EG)"], ["Aged Receivable"], ["As of 11/30/2026"], [],
        [None, "Invoice Date", "Account", "Due Date", "Amount Currency", "Currency", "At Date",
         "1-30", "31-60", "61-90", "91-120", "Older", "Total"],
        partner("Delta Traders", 0, -500, 8000, 0, 0, 0, 7500),
        ["INV/2026/00008", "09/15/2026", "121000", "10/15/2026", 8000, "EGP", 0, 0, 8000, 0, 0,
         0, 8000],
        ["RINV/2026/00002", "11/25/2026", "121000", "11/25/2026", -500, "EGP", 0, -500, 0, 0, 0,
         0, -500],
        partner("Nile Foods", 3000, 10000, 0, 0, 0, 0, 13000),
        ["INV/2026/00012", "10/01/2026", "121000", "10/31/2026", 10000, "EGP", 0, 10000, 0, 0,
         0, 0, 10000],
        ["INV/2026/00031", "11/10/2026", "121000", "12/10/2026", 3000, "EGP", 3000, 0, 0, 0, 0,
         0, 3000],
        partner("Sinai Build", 12000, 0, 0, 0, 0, 0, 12000),
        ["INV/2026/00034", "11/20/2026", "121000", "12/20/2026", 12000, "EGP", 12000, 0, 0, 0,
         0, 0, 12000],
        ["Total Aged Receivable", None, None, None, None, None, 15000, 9500, 8000, 0, 0, 0,
         32500]]


@pytest.mark.parametrize("partner_sums", [True, False])
def test_odoo_aged_receivable_with_a_partner_row_over_its_documents(tmp_path, partner_sums):
    """Odoo's Aged Receivable, unfolded and exported to xlsx: the first column has no
    header and holds each partner's name on its row (with the partner's sums by age, or
    folded without them) and the documents' numbers under it; Account is the receivable
    account on every document; Total is what is open of each."""
    path = _book(tmp_path, {
        "Customers": [["Name", "Reference", "Credit Limit"], ["Nile Foods", "C0001", 50000],
                      ["Delta Traders", "C0002", 8000], ["Sinai Build", "C0003", 0]],
        "Aged Receivable": _odoo_aged(partner_sums)})
    book = read_book(path)
    assert _issues(book) == [("Aged Receivable", "A14", "'Total Aged Receivable' row is a "
                                                        "totals row, not a record: not read")]
    assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["INV/2026/00008", "C0002", 8000], ["RINV/2026/00002", "C0002", -500],
        ["INV/2026/00012", "C0001", 10000], ["INV/2026/00031", "C0001", 3000],
        ["INV/2026/00034", "C0003", 12000]]
    assert _aging(book) == {
        "C0001": [3000, 10000, 0, 0, 0, 13000],
        "C0002": [0, -500, 8000, 0, 0, 7500],
        "C0003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "C0001": (13000, 10000, "OK"),
        "C0002": (7500, 8000, "Warning"),
        "C0003": (12000, 0, "OK")}
    _every_job_runs(book)


def test_a_partner_row_whose_sums_do_not_add_up_is_reported_not_taken_for_a_heading(
        tmp_path):
    rows = _odoo_aged()
    rows[8] = ["Nile Foods", None, None, None, None, None, 3000, 10000, 0, 0, 0, 0, 99999]
    path = _book(tmp_path, {
        "Customers": [["Name", "Reference"], ["Nile Foods", "C0001"],
                      ["Delta Traders", "C0002"], ["Sinai Build", "C0003"]],
        "Aged Receivable": rows})
    book = read_book(path)
    assert ("Aged Receivable", "B9", "Invoice Date is required but blank") in _issues(book)
    assert "Nile Foods" in book.invoices["Invoice No"].tolist()  # kept, not dropped


# ---------------------------------------------------------------- QuickBooks, dollars


def test_quickbooks_ar_aging_detail_with_dollar_amounts_and_a_credit_memo(tmp_path):
    """QuickBooks Online's A/R Aging Detail exported with its formatting: "$10,000.00",
    "-$500.00", the age bands as headings with their totals. The customer list's "Customer"
    is the display name (the key the report uses), "Company name" the name."""
    path = _book(tmp_path, {
        "Customers": [["Customer", "Company name", "Email", "Terms", "Credit Limit"],
                      ["Nile Foods", "Nile Foods LLC", "a@nile.com", "Net 30", "$50,000.00"],
                      ["Delta Traders", "Delta", "d@delta.com", "Net 30", "$8,000.00"],
                      ["Sinai Build", "Sinai", "s@sinai.com", "Due on receipt", None]],
        "AR Aging Detail": [
            ["Nile Trading"], ["A/R Aging Detail"], ["As of November 30, 2026"], [],
            ["Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due", "Amount",
             "Open Balance"],
            ["Current"],
            ["11/10/2026", "Invoice", "1031", "Nile Foods", "12/10/2026", -10, "$5,000.00",
             "$3,000.00"],
            ["Total for Current", None, None, None, None, None, "$5,000.00", "$3,000.00"],
            ["1 - 30 days past due"],
            ["10/01/2026", "Invoice", "1012", "Nile Foods", "10/31/2026", 30, "$10,000.00",
             "$10,000.00"],
            ["11/20/2026", "Invoice", "1034", "Sinai Build", "11/20/2026", 10, "$12,000.00",
             "$12,000.00"],
            ["11/25/2026", "Credit Memo", "CM-5", "Delta Traders", "11/25/2026", 5, "-$500.00",
             "-$500.00"],
            ["Total for 1 - 30 days past due", None, None, None, None, None, "$21,500.00",
             "$21,500.00"],
            ["31 - 60 days past due"],
            ["09/15/2026", "Invoice", "1008", "Delta Traders", "10/15/2026", 46, "$8,000.00",
             "$8,000.00"],
            ["Total for 31 - 60 days past due", None, None, None, None, None, "$8,000.00",
             "$8,000.00"],
            ["TOTAL", None, None, None, None, None, "$34,500.00", "$32,500.00"]]})
    book = read_book(path)
    assert _issues(book) == [
        ("AR Aging Detail", "A8", "3 subtotal rows ('Total for Current' and the like) are not "
                                  "records: not read (A8, A13, A16)"),
        ("AR Aging Detail", "A17", "'TOTAL' row is a totals row, not a record: not read")]
    assert book.customers[["Customer ID", "Name"]].values.tolist()[0] == [
        "Nile Foods", "Nile Foods LLC"]
    assert _aging(book) == {
        "Delta Traders": [0, -500, 8000, 0, 0, 7500],
        "Nile Foods": [3000, 10000, 0, 0, 0, 13000],
        "Sinai Build": [0, 12000, 0, 0, 0, 12000]}
    assert _credit(book)["Delta Traders"] == (7500, 8000, "Warning")
    _every_job_runs(book)


# ---------------------------------------------------------------- Odoo in Arabic, Saudi


def test_odoo_in_arabic_with_arabic_indic_amounts_and_a_hijri_dated_invoice(tmp_path):
    """Odoo run in Arabic exports its headers in Arabic (الرقم، الشريك، الإجمالي بعملة
    الشركة، المبلغ المستحق، المرجع، شروط السداد للعميل), amounts as text with Arabic-Indic
    digits and the currency mark (١٠٬٠٠٠٫٠٠ ج.م.‏), and 'الدفع الفوري' for Immediate
    Payment. One invoice keyed from a Saudi system carries Hijri dates (١٤٤٨/٠٥/١٥ =
    26/10/2026): read as the Gregorian day, said once per column."""
    egp = "\u062c.\u0645.\u200f"
    path = _book(tmp_path, {
        "جهة الاتصال (res.partner)": [
            ["الاسم", "المرجع", "حد الائتمان", "شروط السداد للعميل"],
            ["شركة النيل للأغذية", "C0001", 50000, "30 يوم"],
            ["مؤسسة الدلتا", "C0002", 8000, "30 يوم"],
            ["سيناء للمقاولات", "C0003", 0, "الدفع الفوري"]],
        "قيد اليومية (account.move)": [
            ["الرقم", "الشريك", "تاريخ الفاتورة", "تاريخ الاستحقاق", "العملة",
             "الإجمالي بعملة الشركة", "المبلغ المستحق", "حالة الدفع", "الحالة"],
            ["INV/2026/00012", "شركة النيل للأغذية", "٠١/١٠/٢٠٢٦", "٣١/١٠/٢٠٢٦", "EGP",
             f"١٠٬٠٠٠٫٠٠ {egp}", f"١٠٬٠٠٠٫٠٠ {egp}", "غير مدفوعة", "مُرحل"],
            ["INV/2026/00031", "شركة النيل للأغذية", "١٠/١١/٢٠٢٦", "١٠/١٢/٢٠٢٦", "EGP",
             f"٥٬٠٠٠٫٠٠ {egp}", f"٣٬٠٠٠٫٠٠ {egp}", "مدفوعة جزئياً", "مُرحل"],
            ["INV/2026/00008", "مؤسسة الدلتا", "١٥/٠٩/٢٠٢٦", "١٥/١٠/٢٠٢٦", "EGP",
             f"٨٬٠٠٠٫٠٠ {egp}", f"٨٬٠٠٠٫٠٠ {egp}", "غير مدفوعة", "مُرحل"],
            ["RINV/2026/00002", "مؤسسة الدلتا", "٢٥/١١/٢٠٢٦", "٢٥/١١/٢٠٢٦", "EGP",
             f"-٥٠٠٫٠٠ {egp}", f"-٥٠٠٫٠٠ {egp}", "غير مدفوعة", "مُرحل"],
            ["INV/2026/00034", "سيناء للمقاولات", "٢٠/١١/٢٠٢٦", "٢٠/١٢/٢٠٢٦", "EGP",
             f"١٢٬٠٠٠٫٠٠ {egp}", f"١٢٬٠٠٠٫٠٠ {egp}", "غير مدفوعة", "مُرحل"],
            ["INV/2026/00040", "سيناء للمقاولات", "١٤٤٨/٠٥/١٥", "١٤٤٨/٠٦/١٥", "EGP",
             "1,000", "1,000", "غير مدفوعة", "مُرحل"]]})
    book = read_book(path)
    sheet = "قيد اليومية (account.move)"
    assert _issues(book) == [
        (sheet, "C7", "1 date(s) in the Hijri calendar read as Gregorian dates "
                      "('١٤٤٨/٠٥/١٥' = 26/10/2026): C7"),
        (sheet, "D7", "1 date(s) in the Hijri calendar read as Gregorian dates "
                      "('١٤٤٨/٠٦/١٥' = 25/11/2026): D7")]
    assert book.customers["Payment Terms"].tolist() == [30, 30, 0]
    assert book.invoices["Customer ID"].tolist() == ["C0001"] * 2 + ["C0002"] * 2 + [
        "C0003"] * 2
    assert _aging(book) == {
        "C0001": [3000, 10000, 0, 0, 0, 13000],
        "C0002": [0, -500, 8000, 0, 0, 7500],
        "C0003": [12000, 1000, 0, 0, 0, 13000]}  # the Hijri invoice: due 25/11, 5 days late
    assert _credit(book) == {
        "C0001": (13000, 10000, "OK"),
        "C0002": (7500, 8000, "Warning"),
        "C0003": (13000, 1000, "OK")}  # a cash customer: 0 is no limit set
    _every_job_runs(book)


# ---------------------------------------------------------------- an export on its own


def test_an_export_handed_over_without_its_customer_list(tmp_path):
    """QuickBooks' Open Invoices exported on its own: no customer list in the workbook. Its
    customers are the report's headings; every job runs on the ledger as it stands (no
    limits set), with one Input Issue saying the customer list was taken from the report."""
    path = _book(tmp_path, {"Open Invoices": [
        ["Nile Trading"], ["Open Invoices"], ["As of November 30, 2026"], [],
        [None, "Date", "Transaction Type", "Num", "Terms", "Due Date", "Amount",
         "Open Balance"],
        ["Delta Traders"],
        [None, "09/15/2026", "Invoice", "1008", "Net 30", "10/15/2026", 8000, 8000],
        ["Total for Delta Traders", None, None, None, None, None, 8000, 8000],
        ["Nile Foods"],
        [None, "10/01/2026", "Invoice", "1012", "Net 30", "10/31/2026", 10000, 10000],
        [None, "11/10/2026", "Invoice", "1031", "Net 30", "12/10/2026", 5000, 3000],
        ["Total for Nile Foods", None, None, None, None, None, 15000, 13000],
        ["TOTAL", None, None, None, None, None, 23000, 21000]]})
    book = read_book(path)
    assert _issues(book)[-1] == (
        "Open Invoices", "A5", "the workbook has no customer list: its 2 customer(s) are the "
                               "ones 'Open Invoices' names (no credit limits, payment terms or "
                               "tax IDs known)")
    assert book.customers[["Customer ID", "Name"]].values.tolist() == [
        ["Delta Traders", "Delta Traders"], ["Nile Foods", "Nile Foods"]]
    assert _aging(book) == {"Delta Traders": [0, 0, 8000, 0, 0, 8000],
                            "Nile Foods": [3000, 10000, 0, 0, 0, 13000]}
    assert _credit(book) == {"Delta Traders": (8000, 8000, "OK"),
                             "Nile Foods": (13000, 10000, "OK")}
    _every_job_runs(book)
    out = tmp_path / "out.xlsx"
    assert main(["run", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert pd.read_excel(out, sheet_name="Aging")["Total"].dropna().sum() == 21000


def test_a_customer_list_that_cannot_be_read_is_not_replaced_by_the_invoices(tmp_path):
    path = _book(tmp_path, {"Customers": [["Notes", "Owner"], ["to be filled", "Omar"]],
                            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                                         ["I-1", "C1", D(2026, 11, 1), 100]]})
    book = read_book(path)
    assert "Customers" not in book.tables
    assert [i.message for i in book.issues][0].startswith("sheet 'Customers' has no column")


# ---------------------------------------------------------------- Zoho Books report


def test_zoho_books_ar_aging_details_report_with_currency_glued_to_amounts(tmp_path):
    """Zoho Books' "AR Aging Details" report exported to xlsx: Transaction#, Type (a credit
    note positive), Status words (Overdue, Sent: no customer statuses), amounts as
    "EGP10,000.00"; no due date column: due by the contacts' payment terms."""
    path = _book(tmp_path, {
        "Contacts": [["Contact ID", "Display Name", "Payment Terms", "Credit Limit"],
                     ["4600001", "Nile Foods", 30, 50000], ["4600002", "Delta Traders", 30, 0],
                     ["4600003", "Sinai Build", 30, 10000]],
        "AR Aging Details": [
            ["Zylker Inc"], ["AR Aging Details By Invoice Due Date"], ["As of 30/11/2026"], [],
            ["Date", "Transaction#", "Type", "Status", "Customer Name", "Age", "Amount",
             "Balance Due"],
            ["01/10/2026", "INV-000012", "Invoice", "Overdue", "Nile Foods", "30 Days",
             "EGP10,000.00", "EGP10,000.00"],
            ["10/11/2026", "INV-000031", "Invoice", "Partially Paid", "Nile Foods", None,
             "EGP5,000.00", "EGP3,000.00"],
            ["15/09/2026", "INV-000008", "Invoice", "Overdue", "Delta Traders", "46 Days",
             "EGP8,000.00", "EGP8,000.00"],
            ["25/11/2026", "CN-00002", "Credit Note", "Open", "Delta Traders", "5 Days",
             "EGP500.00", "EGP500.00"],
            ["20/11/2026", "INV-000034", "Invoice", "Sent", "Sinai Build", None,
             "EGP12,000.00", "EGP12,000.00"],
            ["Total", None, None, None, None, None, "EGP34,500.00", "EGP32,500.00"]]})
    book = read_book(path)
    assert _issues(book) == [("AR Aging Details", "A11",
                              "'Total' row is a totals row, not a record: not read")]
    assert _aging(book) == {
        "4600001": [3000, 10000, 0, 0, 0, 13000],
        "4600002": [0, -500, 8000, 0, 0, 7500],  # the credit note by its own date
        "4600003": [12000, 0, 0, 0, 0, 12000]}
    assert _credit(book) == {
        "4600001": (13000, 10000, "OK"),
        "4600002": (7500, 8000, "OK"),
        "4600003": (12000, 0, "Over Limit")}
    _every_job_runs(book)


def test_a_report_of_documents_is_never_taken_for_the_customer_list_or_the_receipts(
        tmp_path):
    """A report by document whose number column is not recognised ("Trans Ref") names
    dated amounts by customer and what is still due: it is no customer list (the Status
    words are no customer statuses) and no receipts list; the workbook is refused with a
    reason rather than read as either."""
    path = _book(tmp_path, {"Report": [
        ["Date", "Trans Ref", "Status", "Customer Name", "Amount", "Balance Due"],
        ["01/10/2026", "INV-12", "Overdue", "Nile Foods", 10000, 10000],
        ["10/11/2026", "INV-31", "Sent", "Delta Traders", 5000, 3000]]})
    book = read_book(path)
    assert book.tables == {}
    assert main(["aging", str(path), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "out.xlsx")]) == 1


# ---------------------------------------------------------------- Dr/Cr beside the amount


def test_a_ledger_with_unsigned_amounts_beside_a_dr_cr_column(tmp_path):
    """A local system's customer ledger: every amount unsigned, a Dr/Cr column telling an
    invoice (Dr) from a receipt or credit note (Cr); Business Central's (LCY) headers in the
    second book; neither has a customer list."""
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
        "Ledger": [["Date", "Voucher No", "Customer ID", "Amount", "Dr/Cr", "Due Date"],
                   ["01/10/2026", "S-1", "C1", "10,000.00", "Dr", "31/10/2026"],
                   ["20/11/2026", "R-1", "C1", "4,000.00", "Cr", "20/11/2026"],
                   ["22/11/2026", "CN-1", "C1", "500.00", "Cr", "22/11/2026"],
                   ["15/09/2026", "S-2", "C2", "8,000.00", "Dr", "15/10/2026"]]})
    book = read_book(path)
    assert book.issues == []
    assert book.invoices["Amount"].tolist() == [10000, -4000, -500, 8000]
    assert _aging(book) == {"C1": [0, 5500, 0, 0, 0, 5500], "C2": [0, 0, 8000, 0, 0, 8000]}


def test_business_central_ledger_entries_in_lcy_without_a_customer_list(tmp_path):
    path = _book(tmp_path, {"Customer Ledger Entries": [
        ["Posting Date", "Document Type", "Document No.", "Customer No.", "Customer Name",
         "Original Amt. (LCY)", "Remaining Amt. (LCY)", "Due Date", "Open"],
        ["01/10/2026", "Invoice", "103012", "C10000", "Nile Foods", "10,000.00", "10,000.00",
         "31/10/2026", "Yes"],
        ["10/11/2026", "Invoice", "103031", "C10000", "Nile Foods", "5,000.00", "3,000.00",
         "10/12/2026", "Yes"],
        ["20/11/2026", "Payment", "2611202", "C10000", "Nile Foods", "-2,000.00", "0.00",
         "20/11/2026", "No"],
        ["25/11/2026", "Credit Memo", "104002", "C20000", "Delta Traders", "-500.00",
         "-500.00", "25/11/2026", "Yes"],
        ["15/09/2026", "Invoice", "103008", "C20000", "Delta Traders", "8,000.00", "8,000.00",
         "15/10/2026", "Yes"],
        ["28/11/2026", "Payment", "2611280", "C30000", "Sinai Build", "-1,000.00", "-1,000.00",
         "28/11/2026", "Yes"],
        ["20/11/2026", "Invoice", "103034", "C30000", "Sinai Build", "12,000.00", "12,000.00",
         "20/12/2026", "Yes"]]})
    book = read_book(path)
    assert book.tables["Invoices"].headers["Balance"] == "Remaining Amt. (LCY)"
    assert book.customers[["Customer ID", "Name"]].values.tolist() == [
        ["C10000", "Nile Foods"], ["C20000", "Delta Traders"], ["C30000", "Sinai Build"]]
    assert _aging(book) == {
        "C10000": [3000, 10000, 0, 0, 0, 13000],
        "C20000": [0, -500, 8000, 0, 0, 7500],
        "C30000": [12000, -1000, 0, 0, 0, 11000]}  # a payment on account, by its own date
    _every_job_runs(book)


# ---------------------------------------------------------------- amounts as exports type them


@pytest.mark.parametrize("text, bank, ledger", [
    ("1,08,000.00 Dr", -108000.0, 108000.0),  # Tally, lakhs: owed by the customer
    ("500.00 Cr", 500.0, -500.0),  # a credit to the customer
    ("Rs. 1,000", 1000.0, 1000.0),
    ("Rs 12,50,000.00 Dr", -1250000.0, 1250000.0),
    ("١٬٠٠٠ مدين", -1000.0, 1000.0),
    ("١٬٠٠٠ دائن", 1000.0, -1000.0),
    ("EGP 10,000.00-", -10000.0, -10000.0),  # SAP's trailing minus: no side mark
])
def test_amounts_marked_with_their_side_read_as_a_bank_and_as_a_customer_ledger(
        text, bank, ledger):
    import numpy as np

    from ar_excel.parsing import as_ledger_sides, parse_column

    values = np.array([text], dtype=object)
    series, errors = parse_column(values, "money")
    assert errors == {}
    assert series.iat[0] == bank  # a statement's DR is money out
    assert as_ledger_sides(values, series).iat[0] == ledger
