"""Leftovers of the real-export round: a credit notes sheet whose columns stand in another
order than the invoices' names its own cells; a past year's invoice list with nothing saying
what is paid is no open ledger; ERPNext's Payment Entry with its allocation rows is applied
as allocated. Each read as 30/11/2026 and checked against the accountant's own figures."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
D = datetime
CUSTOMERS = [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile Foods", 30],
             ["C2", "Delta Traders", 30], ["C3", "Sinai Build", 30]]


def _book(tmp_path, sheets: dict[str, list[list]], name: str = "book.xlsx"):
    return save_sheets(tmp_path / name, sheets)


def _aging(book) -> pd.DataFrame:
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    return next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


# ------------------------------------------------- credit notes under their own columns

CREDIT_SHEETS = [
    ("Credit Notes", ["Customer ID", "Date", "Credit Note No", "Against Invoice", "Reason",
                      "Amount"]),
    ("مرتجعات المبيعات", ["كود العميل", "التاريخ", "رقم الإشعار", "رقم الفاتورة", "السبب",
                          "القيمة"])]


def _credit_book(tmp_path, title, head):
    return _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["1001", "C1", D(2026, 10, 1), 10000],
                     ["1003", "C2", D(2026, 9, 15), 8000]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R1", "C1", D(2026, 11, 1), 4000, "1001"]],
        title: [head, ["C2", D(2026, 11, 5), "CN-1", "1003", "damaged", 1000],
                ["C1", "5 Novemberish", "CN-2", "1001", "price", 500],
                ["C3", D(2026, 11, 7), "CN-3", "9999", "return", 300],
                ["C3", D(2026, 11, 8), "CN-4", "1001", "return", "3OO"]]})


@pytest.mark.parametrize(("title", "head"), CREDIT_SHEETS)
def test_credit_notes_in_their_own_column_order_name_their_own_cells(tmp_path, title, head):
    """The credit notes sheet's Date is its column B and its Amount its column F (the
    invoices' are C and D): every message about one of its rows names its own cell."""
    book = read_book(_book_path := _credit_book(tmp_path, title, head))
    assert _book_path.exists()
    assert book.invoices["Invoice No"].tolist() == ["1001", "1003", "CN-1", "CN-2", "CN-3",
                                                "CN-4"]
    assert book.invoices["Amount"].tolist()[:3] == [10000, 8000, -1000]
    told = {(s, c) for s, c, m in _issues(book) if "3OO" in m or "5 Novemberish" in m}
    assert told == {(title, "F5"), (title, "B3")}
    table = book.table("Invoices")
    assert [table.cell(i, "Amount") for i in range(5)] == ["D2", "D3", "F2", "F3", "F4"]
    assert [table.cell(i, "Invoice Date") for i in range(5)] == ["C2", "C3", "B2", "B3", "B4"]
    assert table.cell(2, "Invoice No") == "C2"
    assert table.issue(4, "Customer ID", "x").sheet == title
    assert table.issue(4, "Customer ID", "x").column == head[0]
    assert table.cell(4, "Due Date") == "4:4"  # (a column the credit notes sheet lacks)
    # the invoice checks: the credit note naming an invoice nobody issued, on its own row
    result = registry()["invoices"].run(book, JobOptions(as_of=AS_OF))
    checks = next(t.frame for t in result.tabs if t.name == "Invoice Checks")
    unknown = checks[checks["Code"] == "CREDIT_NOTE_INVOICE_UNKNOWN"]
    assert unknown[["Invoice No", "Sheet", "Row"]].values.tolist() == [["CN-3", title, 4]]
    # the aging: the undated credit note is told at its own date cell
    aging = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    assert [(i.sheet, i.cell) for i in aging.issues if "CN-2" in i.message] == [(title, "B3")]


# ------------------------------------------------- a past year's invoice list

INVOICE_HEAD = ["Invoice No", "Customer ID", "Invoice Date", "Amount"]
RECEIPT_HEAD = ["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"]


@pytest.mark.parametrize(("current", "past", "receipts_sheet"), [
    ("Invoices", "Invoices 2025", "Payments"),
    ("الفواتير", "فواتير ٢٠٢٥", "التحصيلات")])
def test_last_years_invoice_list_nothing_pays_is_an_archive(tmp_path, current, past,
                                                           receipts_sheet):
    """Last year's register beside this year's, no Paid column, no receipt for it: its
    invoices were settled in a year this book does not keep; ageing them would dun two
    customers for a year-old 2,500. Kept as an archive, and said with its count and total."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        current: [INVOICE_HEAD, ["1001", "C1", D(2026, 10, 1), 10000],
                  ["1002", "C2", D(2026, 11, 10), 4000]],
        receipts_sheet: [RECEIPT_HEAD, ["R1", "C1", D(2026, 11, 1), 4000, "1001"]],
        past: [INVOICE_HEAD, ["0998", "C2", D(2025, 11, 20), 2000],
               ["0999", "C3", D(2025, 12, 20), 500]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "1002"]
    assert _issues(book) == [(
        past, "A1", f"sheet '{past}' is the invoice list of 2025 (the current one, "
        f"'{current}', runs to 2026), with no Paid or Balance column, and no receipt of the "
        "book pays one of its invoices or is dated in 2025: kept as last year's archive, not "
        f"aged as open (2 invoice(s), 2,500.00 in all); if some are still owed, carry them to "
        f"'{current}' or add a Balance column")]
    aging = _aging(book)
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [6000, 4000]
    assert "C3" not in aging.index or aging.loc["C3", "Total"] == 0


def test_last_years_invoices_a_receipt_pays_are_more_invoices(tmp_path):
    """A receipt of this year pays one of 2025's invoices: the book runs across the years,
    the 2025 sheet is part of the ledger (its other invoice open, a year late)."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD, ["1001", "C1", D(2026, 10, 1), 10000]],
        "Payments": [RECEIPT_HEAD, ["R1", "C2", D(2026, 1, 10), 2000, "0998"]],
        "Invoices 2025": [INVOICE_HEAD, ["0998", "C2", D(2025, 11, 20), 2000],
                          ["0999", "C3", D(2025, 12, 20), 500]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "0998", "0999"]
    assert [m for _, _, m in _issues(book)] == [
        "sheets 'Invoices 2025' hold more invoices of 'Invoices': read with it as one list "
        "(3 rows)"]
    aging = _aging(book)
    assert aging.loc["C3", ["90+", "Total"]].tolist() == [500, 500]
    assert "C2" not in aging.index or aging.loc["C2", "Total"] == 0


def test_last_years_invoices_with_their_own_balance_are_more_invoices(tmp_path):
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD, ["1001", "C1", D(2026, 10, 1), 10000]],
        "Payments": [RECEIPT_HEAD, ["R1", "C1", D(2026, 11, 1), 4000, "1001"]],
        "Invoices 2025": [[*INVOICE_HEAD, "Balance"], ["0998", "C2", D(2025, 11, 20), 2000, 0],
                          ["0999", "C3", D(2025, 12, 20), 500, 500]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "0998", "0999"]
    aging = _aging(book)
    assert aging.loc[["C1", "C3"], "Total"].tolist() == [6000, 500]


def test_last_years_invoices_in_a_book_keeping_no_payments_are_aged_and_said(tmp_path):
    """No receipts and no Paid column anywhere: every invoice is open as the book stands,
    last year's too, and the reader says it aged them so."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD, ["1001", "C1", D(2026, 10, 1), 10000]],
        "Payments": [RECEIPT_HEAD],
        "Invoices 2025": [INVOICE_HEAD, ["0999", "C2", D(2025, 12, 20), 500]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "0999"]
    assert _issues(book)[1] == (
        "Invoices 2025", "A1", "sheet 'Invoices 2025' is the invoice list of 2025, and nothing "
        "in the book says what is paid (no receipts, no Paid or Balance column): its 1 "
        "invoice(s), 500.00 in all, are aged as still open; add a Balance column, or move the "
        "paid ones out, if they are not")
    assert _aging(book).loc[["C1", "C2"], "Total"].tolist() == [10000, 500]


# ------------------------------------------------- ERPNext's Payment Entry with its references

LEDGER = {"Customers": CUSTOMERS,
          "Invoices": [INVOICE_HEAD, ["A", "C1", D(2026, 10, 1), 10000],
                       ["B", "C1", D(2026, 11, 10), 5000], ["C", "C2", D(2026, 9, 15), 8000],
                       ["D", "C3", D(2026, 11, 20), 12000]]}
ENTRY_HEAD = ["ID", "Payment Type", "Posting Date", "Party Type", "Party", "Paid Amount",
              "Status", "ID (Payment References)", "Type (Payment References)",
              "Name (Payment References)", "Allocated (Payment References)"]


def test_erpnext_payment_entry_data_export_applies_each_allocation(tmp_path):
    """ERPNext's Data Export of Payment Entry with its Payment References: a payment's first
    reference on its row, the next ones on rows below with the payment's columns blank. The
    12,000 from Nile Foods pays A 10,000 and B 2,000 as allocated (before, all 12,000 went
    to A, B stayed wholly open and the blank row was told as missing its amount); a
    supplier's payment with two references is no receipt, either row."""
    path = _book(tmp_path, {**LEDGER, "Payment Entry": [
        ENTRY_HEAD,
        ["ACC-PAY-2026-00001", "Receive", "2026-11-15", "Customer", "C1", 12000, "Submitted",
         "r1", "Sales Invoice", "A", 10000],
        [None, None, None, None, None, None, None, "r2", "Sales Invoice", "B", 2000],
        ["ACC-PAY-2026-00002", "Pay", "2026-11-16", "Supplier", "SUP-1", 900, "Submitted",
         "r3", "Purchase Invoice", "PINV-1", 400],
        [None, None, None, None, None, None, None, "r4", "Purchase Invoice", "PINV-2", 500],
        ["ACC-PAY-2026-00003", "Receive", "2026-11-16", "Customer", "C2", 3000, "Submitted",
         "r5", "Sales Invoice", "C", 3000]]})
    book = read_book(path)
    assert book.payments[["Payment ID", "Customer ID", "Invoice No", "Amount"]].values.tolist() \
        == [["ACC-PAY-2026-00001", "C1", "A", 10000], ["ACC-PAY-2026-00001", "C1", "B", 2000],
            ["ACC-PAY-2026-00003", "C2", "C", 3000]]
    messages = _issues(book)
    assert not [m for m in messages if "required but blank" in m[2]]
    assert messages[0] == (
        "Payment Entry", "J3", "2 allocation row(s) under their payment (the invoice and its "
        "Allocated (Payment References), the payment's own cells blank) read as part of the "
        "payment above them (J3, J5)")
    assert ("Payment Entry", "D4", "2 payment(s) paid to or by a vendor, supplier or "
            "employee, not a customer: not read as receipts (D4, D5)") in messages
    detail = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    items = next(t.frame for t in detail.tabs if t.name == "Aging Detail")
    open_by_invoice = items.set_index("Document No")["Open Amount"].to_dict()
    assert {k: open_by_invoice.get(k, 0) for k in "ABCD"} == {
        "A": 0, "B": 3000, "C": 5000, "D": 12000}


def test_lists_named_each_for_its_year_take_the_latest_as_the_current_one(tmp_path):
    """"فواتير 2025" found first, "فواتير 2026" beside it, receipts of 2026 only: 2026's is
    the current list and 2025's the archive, whichever sheet comes first (before, 2025's was
    the list and its 10,000 aged 90+ days)."""
    head = ["رقم الفاتورة", "كود العميل", "التاريخ", "القيمة"]
    path = _book(tmp_path, {
        "العملاء": [["كود العميل", "اسم العميل", "مدة السداد"], ["C1", "النيل", 30],
                    ["C2", "الدلتا", 45]],
        "فواتير 2025": [head, ["F-901", "C1", D(2025, 11, 3), 7000],
                        ["F-902", "C2", D(2025, 12, 9), 3000]],
        "فواتير 2026": [head, ["F-1001", "C1", D(2026, 10, 1), 10000],
                        ["F-1002", "C2", D(2026, 11, 10), 4000]],
        "التحصيلات": [["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["R1", "C1", D(2026, 11, 1), 4000, "F-1001"]]})
    book = read_book(path)
    assert book.table("Invoices").sheet == "فواتير 2026"
    assert book.invoices["Invoice No"].tolist() == ["F-1001", "F-1002"]
    assert [(s, c) for s, c, _ in _issues(book)] == [("فواتير 2025", "A1")]
    assert _aging(book).loc[["C1", "C2"], "Total"].tolist() == [6000, 4000]


# ------------------------------------------------- hand-kept Gulf books, end to end


def test_a_gulf_sales_register_and_receipt_vouchers_against_their_invoices(tmp_path):
    """A UAE clerk's book: a titled Sales Register (Total (AED) beside Amount and VAT,
    Received, Balance, a Total row) and receipt vouchers naming the invoice under 'Against
    Inv' (before, that column was not read: every receipt sat on account and the paid
    invoices aged as open, the totals tying only by chance)."""
    path = _book(tmp_path, {
        "Customer Master": [
            ["ABC Trading LLC - Customer Master"], [],
            ["Code", "Customer Name", "TRN", "Credit Days", "Credit Limit (AED)"],
            ["CU-001", "Al Noor Trading LLC", "100234567800003", "60 days", "150,000"],
            ["CU-002", "Gulf Star Contracting", "100234567800004", "Net 30", "AED 80,000"]],
        "Sales Register": [
            ["Sales Register Nov-2026"],
            ["Inv. No.", "Date", "Customer", "LPO No", "Amount (AED)", "VAT 5%", "Total (AED)",
             "Received", "Balance"],
            ["INV/26/0410", "01/10/2026", "CU-001", "LPO-77", 40000, 2000, 42000, 42000, 0],
            ["INV/26/0431", "15/10/2026", "CU-002", "LPO-91", 20000, 1000, 21000, 10000, 11000],
            ["INV/26/0450", "05/11/2026", "CU-001", "", 30000, 1500, 31500, 0, 31500],
            [None, None, "Total", None, 90000, 4500, 94500, 52000, 42500]],
        "Receipts": [
            ["Rcpt No", "Date", "Customer", "Mode", "Cheque No", "Bank", "Amount", "Against Inv"],
            ["RV-101", "10/10/2026", "CU-001", "Cheque", "000123", "ENBD", 42000, "INV/26/0410"],
            ["RV-102", "01/11/2026", "CU-002", "Transfer", "", "ADCB", 10000, "INV/26/0431"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [42000, 21000, 31500]
    assert book.invoices["Paid Amount"].tolist() == [42000, 10000, 0]
    assert book.payments["Invoice No"].tolist() == ["INV/26/0410", "INV/26/0431"]
    assert _issues(book) == [("Sales Register", "C6", "'Total' row is a totals row, not a "
                                                      "record: not read")]
    detail = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    items = next(t.frame for t in detail.tabs if t.name == "Aging Detail")
    assert items[["Document No", "Open Amount", "Days Past Due"]].values.tolist() == [
        ["INV/26/0450", 31500, -35], ["INV/26/0431", 11000, 16]]


def test_a_saudi_register_with_hijri_and_gregorian_dates_and_credit_notes_only(tmp_path):
    """A Saudi sales register: the Hijri date beside the Gregorian one (التاريخ الميلادي),
    the amount before VAT beside the total with it (الإجمالي شامل الضريبة, the invoice's
    amount), collected and remaining; credit notes on a sheet of their own, no receipts
    sheet. Before, the register had no invoice date (nothing aged) and the credit notes
    sheet was read twice: with the invoices and as the receipts (the 1,150 counted twice)."""
    path = _book(tmp_path, {
        "العملاء": [["رقم العميل", "اسم العميل", "مدة الائتمان"], ["1101", "مؤسسة الرياض", 30],
                    ["1102", "شركة جدة التجارية", 60]],
        "فواتير المبيعات": [
            ["رقم الفاتورة", "رقم العميل", "التاريخ الهجري", "التاريخ الميلادي",
             "المبلغ قبل الضريبة", "ضريبة القيمة المضافة 15%", "الإجمالي شامل الضريبة",
             "المحصل", "المتبقي"],
            ["S-2001", "1101", "1448/04/10", D(2026, 9, 22), 20000, 3000, 23000, 23000, 0],
            ["S-2002", "1102", "1448/05/01", D(2026, 10, 13), 10000, 1500, 11500, 0, 11500],
            ["S-2003", "1101", "1448/06/01", D(2026, 11, 11), 8000, 1200, 9200, 0, 9200]],
        "إشعارات دائنة": [["العميل", "التاريخ", "رقم الإشعار", "رقم الفاتورة", "المبلغ"],
                          ["1102", D(2026, 11, 2), "CN-15", "S-2002", 1150]]})
    book = read_book(path)
    assert "Payments" not in book.tables
    assert book.invoices[["Invoice No", "Amount"]].values.tolist() == [
        ["S-2001", 23000], ["S-2002", 11500], ["S-2003", 9200], ["CN-15", -1150]]
    assert book.table("Invoices").cell(3, "Amount") == "E2"
    detail = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    items = next(t.frame for t in detail.tabs if t.name == "Aging Detail")
    assert items[["Document No", "Open Amount"]].values.tolist() == [
        ["S-2003", 9200], ["CN-15", -1150], ["S-2002", 11500]]


def test_a_paid_column_of_words_on_every_month_sheet_is_read_on_each(tmp_path):
    """Yes / No under Paid on two month sheets: read as paid in full or not on both (before,
    the second month's words were also told as amounts that are no numbers)."""
    head = ["Invoice No", "Customer ID", "Invoice Date", "Amount", "Paid"]
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices Oct": [head, ["O-1", "C1", D(2026, 10, 1), 10000, "Yes"],
                         ["O-2", "C2", D(2026, 10, 5), 3000, "No"]],
        "Invoices Nov": [head, ["N-1", "C1", D(2026, 11, 1), 5000, "No"],
                         ["N-2", "C3", D(2026, 11, 5), 700, "Yes"]]})
    book = read_book(path)
    assert [m for _, _, m in _issues(book)] == [
        "sheets 'Invoices Nov' hold more invoices of 'Invoices Oct': read with it as one list "
        "(4 rows)"]
    assert book.invoices["Paid Amount"].tolist() == [10000, 0, 0, 700]
    assert _aging(book).loc[["C1", "C2"], "Total"].tolist() == [5000, 3000]


def test_a_kuwaiti_receipts_log_a_month_per_sheet_a_column_added_in_november(tmp_path):
    """Receipts kept a month per sheet; in November the clerk added a Bank column and moved
    the date first: still November's receipts, read with October's under their own cells
    (before, the sheet was left out unsaid and invoice B stayed open)."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD, ["A", "C1", D(2026, 10, 1), 10.125],
                     ["B", "C2", D(2026, 10, 5), 3.5]],
        "Receipts Oct": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                         ["R1", "C1", D(2026, 10, 20), 4.125, "A"]],
        "تحصيلات نوفمبر": [["Receipt No", "Date", "Customer ID", "Bank", "Amount", "Invoice No"],
                           ["R2", D(2026, 11, 20), "C2", "NBK", 3.5, "B"],
                           ["R3", D(2026, 11, 21), "C1", "KFH", "pending", "A"]]})
    book = read_book(path)
    assert book.payments[["Payment ID", "Amount"]].values.tolist()[:2] == [
        ["R1", 4.125], ["R2", 3.5]]
    assert ("تحصيلات نوفمبر", "E3") in [(s, c) for s, c, _ in _issues(book)]
    table = book.table("Payments")
    assert [table.cell(i, "Amount") for i in range(3)] == ["D2", "E2", "E3"]
    assert _aging(book).loc["C1", "Total"] == 6
    assert "C2" not in _aging(book).index or _aging(book).loc["C2", "Total"] == 0
