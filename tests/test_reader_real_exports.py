"""Workbooks as accountants really hand them over, each built cell by cell after a real
export or a hand-kept sheet, read and aged as of 30/11/2026 and checked against what the
accountant works out by hand: the rows read, the amounts and dates exact, the customers
linked to their invoices, the rows that are no records set aside (and said where they hold
values).

The ledger behind most of them: Nile Foods 10,000 of 01/10 due 31/10 (1-30 late) and 5,000 of
10/11 due 10/12 with 2,000 paid (3,000 current); Delta Traders 8,000 of 15/09 due 15/10
(31-60 late); Sinai Build 12,000 of 20/11 due 20/12 (current). Open: 33,000."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from ar_excel.parsing import parse_date
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
D = datetime


def _book(tmp_path, sheets: dict[str, list[list]], name: str = "book.xlsx", post=None):
    return save_sheets(tmp_path / name, sheets, post=post)


def _aging(book) -> pd.DataFrame:
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    return aging.set_index("Customer ID")


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


# ---------------------------------------------------------------- dates as typed


@pytest.mark.parametrize(("typed", "day"), [
    ("15 يونيه 2026", date(2026, 6, 15)),  # Egypt's June and July
    ("١٥ يوليه ٢٠٢٦", date(2026, 7, 15)),
    ("15 اذار 2026", date(2026, 3, 15)),  # hamza and madda left off
    ("15 ايار 2026", date(2026, 5, 15)),
    ("15 تشرين ثاني 2026", date(2026, 11, 15)),  # the article left off
    ("15 كانون اول 2026", date(2026, 12, 15)),
    ("15 Nov 2026 00:00", date(2026, 11, 15)),  # an ERP's timestamp
    ("Nov 15, 2026 10:32 AM", date(2026, 11, 15)),
    ("15-Nov-2026 14:05:33", date(2026, 11, 15)),
    ("15 نوفمبر 2026 10:00 ص", date(2026, 11, 15)),
])
def test_month_names_as_egypt_and_the_levant_type_them_and_times_after_them(typed, day):
    assert parse_date(typed).date() == day


def test_a_word_that_is_no_month_is_still_no_date():
    with pytest.raises(ValueError, match="is not a month"):
        parse_date("15 رمضانيه 2026")


# ---------------------------------------------------------------- QuickBooks Online


QBO_STAMP = "Monday, November 23, 2026 01:02 AM GMT+02:00"


def test_quickbooks_online_contact_list_and_invoice_list_with_their_title_and_stamp(tmp_path):
    """QuickBooks Online's Customer Contact List and Invoice List exported to Excel: the
    company and report title above the header, an unlabelled first column, the A/R account
    on every line beside the customer's name, a TOTAL row and the run stamp at the foot. The
    customers are the names (the Account column is the ledger's), the stamp is no customer."""
    path = _book(tmp_path, {
        "Customer Contact List": [
            ["Nile Co"], ["Customer Contact List"], [],
            ["Customer", "Phone Numbers", "Email", "Full Name", "Billing Address"],
            ["Nile Foods", "+20 2 2345 6789", "ap@nilefoods.eg", "Ahmed Said", "Cairo"],
            ["Delta Traders", "+20 100 123 4567", "pay@delta.eg", "Mona Ali", "Tanta"],
            ["Sinai Build", None, None, None, None],
            [], [], [QBO_STAMP]],
        "Invoice List": [
            ["Nile Co"], ["Invoice List"], ["All Dates"], [],
            [None, "Date", "Transaction type", "Num", "Name", "Memo/Description", "Account",
             "Due date", "Amount", "Open balance"],
            [None, "10/01/2026", "Invoice", "1001", "Nile Foods", None,
             "Accounts Receivable (A/R)", "10/31/2026", "10,000.00", "10,000.00"],
            [None, "11/10/2026", "Invoice", "1002", "Nile Foods", None,
             "Accounts Receivable (A/R)", "12/10/2026", "5,000.00", "3,000.00"],
            [None, "09/15/2026", "Invoice", "1003", "Delta Traders", None,
             "Accounts Receivable (A/R)", "10/15/2026", "8,000.00", "8,000.00"],
            [None, "11/20/2026", "Invoice", "1004", "Sinai Build", None,
             "Accounts Receivable (A/R)", "12/20/2026", "12,000.00", "12,000.00"],
            [None, "09/01/2026", "Invoice", "1000", "Nile Foods", None,
             "Accounts Receivable (A/R)", "10/01/2026", "4,000.00", "0.00"],
            ["TOTAL", None, None, None, None, None, None, None, "$39,000.00", "$33,000.00"],
            [], [], [QBO_STAMP]]})
    book = read_book(path)
    assert _issues(book) == [
        ("Invoice List", "A11", "'TOTAL' row is a totals row, not a record: not read")]
    assert book.customers["Customer ID"].tolist() == ["Nile Foods", "Delta Traders",
                                                      "Sinai Build"]
    assert book.customers["Phone"].tolist()[:2] == ["+20 2 2345 6789", "+20 100 123 4567"]
    inv = book.invoices
    assert inv["Customer ID"].tolist() == ["Nile Foods", "Nile Foods", "Delta Traders",
                                           "Sinai Build", "Nile Foods"]
    assert inv["Account"].unique().tolist() == ["Accounts Receivable (A/R)"]
    aging = _aging(book)
    assert aging.loc["Nile Foods", ["Current", "1-30", "Total"]].tolist() == [3000, 10000, 13000]
    assert aging.loc["Delta Traders", "31-60"] == 8000
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].sum() == 33000


@pytest.mark.parametrize("footer", [
    QBO_STAMP, "Accrual Basis Monday, November 23, 2026 01:02 AM GMT+02:00", "Page 1 of 1",
    "صفحة ١ من ١", "Printed on 23/11/2026 by admin", "*** End of Report ***"])
def test_a_reports_print_line_under_a_customer_list_is_no_customer(tmp_path, footer):
    path = _book(tmp_path, {"Customers": [
        ["Customer", "Email"], ["Nile Foods", "ap@nilefoods.eg"], ["Sinai Build", None],
        [], [footer]]})
    book = read_book(path)
    assert book.customers["Name"].tolist() == ["Nile Foods", "Sinai Build"]
    assert book.issues == []


def test_a_customer_named_alone_under_the_list_is_still_a_customer(tmp_path):
    """Only a page line or a run stamp (a date with its time) is a footer: a name alone is a
    customer whose other details are not typed yet."""
    path = _book(tmp_path, {"Customers": [
        ["Customer", "Email"], ["Nile Foods", "ap@nilefoods.eg"], [], ["Sinai Build"]]})
    assert read_book(path).customers["Name"].tolist() == ["Nile Foods", "Sinai Build"]


# ---------------------------------------------------------------- Odoo


def test_odoo_contacts_take_the_display_name_not_the_owning_company(tmp_path):
    """Odoo's contacts export: "Company" is the company owning the record (blank on the
    customers themselves), "Display Name" the customer's name."""
    path = _book(tmp_path, {"Contacts (res.partner)": [
        ["Display Name", "Email", "Phone", "Company", "Tax ID", "Customer Payment Terms",
         "Credit Limit"],
        ["Nile Foods", "ap@nilefoods.eg", "+20 2 2345 6789", None, "EG123", "30 Days", 100000],
        ["Delta Traders", "pay@delta.eg", None, None, "EG234", "30 Days", 50000]]})
    book = read_book(path)
    assert book.issues == []
    assert book.customers["Name"].tolist() == ["Nile Foods", "Delta Traders"]
    assert book.customers["Payment Terms"].tolist() == [30, 30]


def test_egyptian_phone_headers(tmp_path):
    path = _book(tmp_path, {"العملاء": [
        ["كود العميل", "اسم العميل", "التليفون"], ["ع-001", "شركة النيل", "٠١٠٠١٢٣٤٥٦٧"]]})
    assert read_book(path).customers["Phone"].tolist() == ["٠١٠٠١٢٣٤٥٦٧"]


def test_odoo_customer_invoices_list_with_a_reversal_a_draft_and_a_sum_row(tmp_path):
    """Odoo's Customer Invoices list exported as it shows: the partner's display name, the
    unsigned Total (a credit note RINV/... positive as well), Amount Due, Payment Status and
    Status (a Draft is not posted), and the sums Odoo prints under the list."""
    head = ["Number", "Invoice Partner Display Name", "Invoice Date", "Due Date",
            "Tax Excluded", "Tax", "Total", "Amount Due", "Payment Status", "Status"]
    path = _book(tmp_path, {
        "Contacts (res.partner)": [
            ["Display Name", "Email", "Company", "Customer Payment Terms"],
            ["Nile Foods", "ap@nilefoods.eg", None, "30 Days"],
            ["Delta Traders", "pay@delta.eg", None, "30 Days"],
            ["Sinai Build", None, None, "30 Days"]],
        "Journal Entry (account.move)": [
            head,
            ["INV/2026/00001", "Nile Foods", D(2026, 10, 1), D(2026, 10, 31), 8771.93, 1228.07,
             10000, 10000, "Not Paid", "Posted"],
            ["INV/2026/00002", "Nile Foods", D(2026, 11, 10), D(2026, 12, 10), 4385.96, 614.04,
             5000, 3000, "Partially Paid", "Posted"],
            ["INV/2026/00003", "Delta Traders", D(2026, 9, 15), D(2026, 10, 15), 7017.54,
             982.46, 8000, 8000, "Not Paid", "Posted"],
            ["INV/2026/00004", "Sinai Build", D(2026, 11, 20), D(2026, 12, 20), 10526.32,
             1473.68, 12000, 12000, "Not Paid", "Posted"],
            ["RINV/2026/00001", "Delta Traders", D(2026, 11, 5), D(2026, 11, 5), 877.19, 122.81,
             1000, 1000, "Not Paid", "Posted"],
            ["INV/2026/00006", "Delta Traders", D(2026, 11, 25), D(2026, 12, 25), 1000, 140,
             1140, 1140, "Not Paid", "Draft"],
            [None, None, None, None, 32578.94, 4561.06, 37140, 35140, None, None]]})
    book = read_book(path)
    sheet = "Journal Entry (account.move)"
    assert _issues(book) == [
        (sheet, "G8", "row 8 holds only 37,140.00, the sum of the rows above it: a totals row, "
                      "not a record: not read"),
        (sheet, "J7", "1 draft invoice(s) (not posted): not receivables, counted as 0 (J7)"),
        (sheet, "A6", "1 document(s) numbered as reversals of the invoices ('RINV/2026/00001') "
                      "read as credit notes: their amounts count negative (A6)")]
    inv = book.invoices.set_index("Invoice No")
    assert inv.loc["RINV/2026/00001", ["Amount", "Balance"]].tolist() == [-1000, -1000]
    assert inv.loc["INV/2026/00006", ["Amount", "Balance"]].tolist() == [0, 0]
    aging = _aging(book)
    assert aging.loc["Delta Traders", ["1-30", "31-60", "Total"]].tolist() == [-1000, 8000, 7000]
    assert aging.loc["Nile Foods", "Total"] == 13000
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].sum() == 32000


def test_a_signed_odoo_list_keeps_its_reversals_as_written(tmp_path):
    """Total Signed already writes a credit note negative: nothing is turned over, and an
    invoice whose series only starts with R (no INV series beside it) is an invoice."""
    path = _book(tmp_path, {"Invoices": [
        ["Number", "Partner", "Invoice Date", "Total Signed", "Status"],
        ["INV/2026/00001", "Nile", D(2026, 10, 1), 10000, "Posted"],
        ["RINV/2026/00001", "Nile", D(2026, 11, 5), -1000, "Posted"],
        ["RINV/2026/00002", "Nile", D(2026, 11, 6), 500, "Posted"],  # (a rebill, as written)
        ["REC-2026-1", "Nile", D(2026, 11, 7), 700, "Posted"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [10000, -1000, 500, 700]
    assert [i.message for i in book.issues if "revers" in i.message] == []


def test_a_status_column_of_drafts_only_is_left_alone(tmp_path):
    path = _book(tmp_path, {"Invoices": [
        ["Invoice No", "Customer", "Invoice Date", "Amount", "Status"],
        ["1", "Nile", D(2026, 10, 1), 100, "Draft"], ["2", "Nile", D(2026, 10, 2), 50, "Draft"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [100, 50]


# ---------------------------------------------------------------- ERPNext, Xero


def test_erpnext_accounts_receivable_with_a_return_and_a_payment_on_account(tmp_path):
    """ERPNext's Accounts Receivable report: a return (Credit Note) and an unallocated
    Payment Entry show an Invoiced Amount of 0 and a negative Outstanding Amount: credits of
    what is open of them, aged by their own dates."""
    head = ["Posting Date", "Customer", "Receivable Account", "Voucher Type", "Voucher No",
            "Due Date", "Invoiced Amount", "Paid Amount", "Credit Note", "Outstanding Amount",
            "Age (Days)", "0-30", "31-60", "61-90", "91-120", "121-Above", "Currency"]
    rows = [
        ["2026-10-01", "Nile Foods", "ACC-SINV-2026-00001", "2026-10-31", 10000, 0, 0, 10000],
        ["2026-11-10", "Nile Foods", "ACC-SINV-2026-00002", "2026-12-10", 5000, 2000, 0, 3000],
        ["2026-09-15", "Delta Traders", "ACC-SINV-2026-00003", "2026-10-15", 8000, 0, 0, 8000],
        ["2026-11-05", "Delta Traders", "ACC-SINV-2026-00007", "2026-11-05", 0, 0, 1000, -1000],
        ["2026-11-20", "Sinai Build", "ACC-SINV-2026-00004", "2026-12-20", 12000, 0, 0, 12000],
        ["2026-11-28", "Sinai Build", "ACC-PAY-2026-00009", "2026-11-28", 0, 500, 0, -500]]
    sheet = [head] + [
        [r[0], r[1], "Debtors - NC", "Payment Entry" if "PAY" in r[2] else "Sales Invoice",
         r[2], r[3], r[4], r[5], r[6], r[7], 0, r[7], 0, 0, 0, 0, "EGP"] for r in rows] + [
        [None, "Total", None, None, None, None, 35000, 2500, 1000, 31500]]
    book = read_book(_book(tmp_path, {"Accounts Receivable": sheet}))
    assert ("Accounts Receivable", "G5",
            "2 row(s) with no amount of their own but a credit open (Outstanding Amount below "
            "zero: a credit note, a payment on account) read as credits of their open amount "
            "(G5, G7)") in _issues(book)
    aging = _aging(book)
    assert aging.loc["Delta Traders", ["1-30", "31-60", "Total"]].tolist() == [-1000, 8000, 7000]
    assert aging.loc["Sinai Build", ["Current", "1-30", "Total"]].tolist() == [12000, -500, 11500]
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].sum() == 31500


def test_xero_aged_receivables_detail_with_its_percentage_of_total_row(tmp_path):
    """Xero's Aged Receivables Detail: a heading per contact, a "Total <contact>" row under
    each, the report's Total and, under it, the "Percentage of total" of each column."""
    def contact(name, rows, total):
        return [[name], *rows, [f"Total {name}", None, None, None, *total], []]

    sheet = [["Aged Receivables Detail"], ["Nile Co"], ["As at 30 November 2026"], [],
             ["Invoice Date", "Number", "Invoice Reference", "Due Date", "Current",
              "< 1 Month", "1 Month", "2 Months", "3 Months", "Older", "Total"],
             *contact("Nile Foods", [
                 ["1 Oct 2026", "INV-0001", "PO 55", "31 Oct 2026", 0, 10000, 0, 0, 0, 0, 10000],
                 ["10 Nov 2026", "INV-0002", None, "10 Dec 2026", 3000, 0, 0, 0, 0, 0, 3000]],
                 [3000, 10000, 0, 0, 0, 0, 13000]),
             *contact("Delta Traders", [
                 ["15 Sep 2026", "INV-0003", None, "15 Oct 2026", 0, 0, 8000, 0, 0, 0, 8000]],
                 [0, 0, 8000, 0, 0, 0, 8000]),
             *contact("Sinai Build", [
                 ["20 Nov 2026", "INV-0004", None, "20 Dec 2026", 12000, 0, 0, 0, 0, 0, 12000]],
                 [12000, 0, 0, 0, 0, 0, 12000]),
             ["Total", None, None, None, 15000, 10000, 8000, 0, 0, 0, 33000],
             ["Percentage of total", None, None, None, "45%", "30%", "24%", "0%", "0%", "0%",
              "100%"]]
    book = read_book(_book(tmp_path, {"Aged Receivables Detail": sheet}))
    assert [m for _, _, m in _issues(book) if m.endswith("not read") or "not read (" in m] == [
        "3 subtotal rows ('Total Nile Foods' and the like) are not records: not read "
        "(A9, A13, A17)",
        "'Total' row is a totals row, not a record: not read",
        "'Percentage of total' row is a totals row, not a record: not read"]
    assert book.invoices["Invoice No"].tolist() == ["INV-0001", "INV-0002", "INV-0003",
                                                    "INV-0004"]
    aging = _aging(book)
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].tolist() == [
        13000, 8000, 12000]


# ---------------------------------------------------------------- one row per line item


ZOHO_CONTACTS = [
    ["Contact ID", "Display Name", "Currency Code", "Payment Terms", "EmailID"],
    ["460000000001001", "Nile Foods", "EGP", 30, "ap@nile.eg"],
    ["460000000001002", "Delta Traders", "EGP", 30, None],
    ["460000000001003", "Sinai Build", "EGP", 30, None]]


def test_zoho_books_invoices_exported_one_row_per_line_item(tmp_path):
    """Zoho Books' invoice export: a row per line item, the invoice's number, customer,
    dates, Total and Balance repeated on each. Each invoice counts once."""
    head = ["Invoice Date", "Invoice ID", "Invoice Number", "Invoice Status", "Customer ID",
            "Customer Name", "Due Date", "Currency Code", "Total", "Balance", "Item Name",
            "Quantity", "Item Price", "Item Total"]

    def inv(day, n, status, cust, due, total, balance, item, qty, price):
        return [day, f"4600000000500{n:02d}", f"INV-0000{n:02d}", status,
                f"46000000000100{cust}", None, due, "EGP", total, balance, item, qty, price,
                qty * price]

    rows = [
        inv("2026-10-01", 1, "Overdue", 1, "2026-10-31", 10000, 10000, "Rice", 100, 60),
        inv("2026-10-01", 1, "Overdue", 1, "2026-10-31", 10000, 10000, "Sugar", 100, 40),
        inv("2026-11-10", 2, "PartiallyPaid", 1, "2026-12-10", 5000, 3000, "Rice", 50, 100),
        inv("2026-09-15", 3, "Overdue", 2, "2026-10-15", 8000, 8000, "Oil", 80, 50),
        inv("2026-09-15", 3, "Overdue", 2, "2026-10-15", 8000, 8000, "Tea", 40, 50),
        inv("2026-09-15", 3, "Overdue", 2, "2026-10-15", 8000, 8000, "Salt", 40, 50),
        inv("2026-11-20", 4, "Sent", 3, "2026-12-20", 12000, 12000, "Cement", 12, 1000)]
    book = read_book(_book(tmp_path, {"Contacts": ZOHO_CONTACTS, "Invoice": [head, *rows]}))
    assert _issues(book) == [(
        "Invoice", "C3", "2 invoice(s) are written on several rows, one per line (Item Name "
        "differs, the invoice's total the same): each read once, 3 row(s) not counted again "
        "(C3, C6, C7)")]
    assert book.invoices["Invoice No"].tolist() == ["INV-000001", "INV-000002", "INV-000003",
                                                    "INV-000004"]
    assert book.invoices["_row"].tolist() == [2, 4, 5, 8]
    aging = _aging(book).set_index("Customer")
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].tolist() == [
        13000, 8000, 12000]


def test_an_invoice_typed_twice_is_left_for_the_duplicate_check(tmp_path):
    """Rows alike in every value are no lines of one invoice: both are read (the invoices
    job says the number is used twice); and one number on two different invoices (another
    amount) is two invoices."""
    path = _book(tmp_path, {"Invoices": [
        ["Invoice No", "Customer", "Invoice Date", "Amount", "Notes"],
        ["1001", "Nile", "2026-11-01", 100, "x"], ["1001", "Nile", "2026-11-01", 100, "x"],
        ["1002", "Nile", "2026-11-02", 100, "a"], ["1002", "Nile", "2026-11-02", 250, "b"]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "1001", "1002", "1002"]
    assert [i for i in book.issues if "several rows" in i.message] == []


def test_odoo_invoices_exported_with_their_lines_under_them(tmp_path):
    """Odoo's export of invoices with a field of their lines: the lines after the first sit
    on rows of their own, every invoice field blank. They are part of the invoice above."""
    path = _book(tmp_path, {
        "Sheet1": [
            ["Number", "Partner", "Invoice/Bill Date", "Due Date", "Total", "Amount Due",
             "Invoice lines/Product", "Invoice lines/Quantity"],
            ["INV/2026/00001", "Nile Foods", D(2026, 10, 1), D(2026, 10, 31), 10000, 10000,
             "Rice", 100],
            [None, None, None, None, None, None, "Sugar", 100],
            ["INV/2026/00002", "Nile Foods", D(2026, 11, 10), D(2026, 12, 10), 5000, 3000,
             "Rice", 50],
            ["INV/2026/00003", "Delta Traders", D(2026, 9, 15), D(2026, 10, 15), 8000, 8000,
             "Oil", 80],
            [None, None, None, None, None, None, "Tea", 80],
            [None, None, None, None, None, None, "Salt", 20],
            ["INV/2026/00004", "Sinai Build", D(2026, 11, 20), D(2026, 12, 20), 12000, 12000,
             "Cement", 12]],
        "Sheet2": [["Name", "Reference", "Email"], ["Nile Foods", "C1", "ap@nile.eg"],
                   ["Delta Traders", "C2", None], ["Sinai Build", "C3", None]]})
    book = read_book(path)
    assert _issues(book) == [(
        "Sheet1", "G3", "3 row(s) hold only the lines of the invoice above them (Invoice "
        "lines/Product, ...): read as part of it, not as invoices (G3, G6, G7)")]
    assert book.invoices["Customer ID"].tolist() == ["C1", "C1", "C2", "C3"]
    aging = _aging(book)
    assert aging.loc[["C1", "C2", "C3"], "Total"].tolist() == [13000, 8000, 12000]


def test_a_row_with_a_note_only_is_still_reported_as_a_record_missing_its_values(tmp_path):
    """A row holding a value under a column that is no line's (a note) is no invoice line:
    its blank required cells are said, as before."""
    path = _book(tmp_path, {"Invoices": [
        ["Invoice No", "Customer", "Invoice Date", "Amount", "Product", "Notes"],
        ["1001", "Nile", "2026-11-01", 100, "Rice", None],
        [None, None, None, None, None, "call the customer"]]})
    book = read_book(path)
    assert [i.cell for i in book.issues if "required but blank" in i.message] == [
        "A3", "B3", "C3", "D3"]


# ---------------------------------------------------------------- a month per sheet


INVOICE_HEAD = ["Invoice No", "Customer ID", "Invoice Date", "Amount", "Paid"]
CUSTOMERS = [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile Foods", 30],
             ["C2", "Delta Traders", 30], ["C3", "Sinai Build", 30]]


def test_invoices_kept_a_month_per_sheet_are_one_ledger(tmp_path):
    """A hand-kept ledger with a sheet per month, each copied from the last: every month is
    read (before, the second month was taken for the receipts and the third left out), each
    row with its own sheet and row."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices Sep": [INVOICE_HEAD, ["S-1", "C2", D(2026, 9, 15), 8000, 0]],
        "Invoices Oct": [INVOICE_HEAD, ["O-1", "C1", D(2026, 10, 1), 10000, 0]],
        "Invoices Nov": [INVOICE_HEAD, ["N-1", "C1", D(2026, 11, 10), 5000, 2000],
                         ["N-2", "C3", D(2026, 11, 20), 12000, None],
                         ["N-3", "C3", "not a date", 1, None]]})
    book = read_book(path)
    assert _issues(book) == [
        ("Invoices Sep", "A1", "sheets 'Invoices Oct', 'Invoices Nov' hold more invoices of "
                               "'Invoices Sep': read with it as one list (5 rows)"),
        ("Invoices Nov", "C4", "'not a date' is not a date (expected e.g. 31/01/2024 or "
                               "2024-01-31)")]
    assert "Payments" not in book.tables
    inv = book.invoices
    assert inv["Invoice No"].tolist() == ["S-1", "O-1", "N-1", "N-2", "N-3"]
    table = book.table("Invoices")
    assert table.issue(3, "Amount", "x").sheet == "Invoices Nov"
    assert (table.issue(3, "Amount", "x").cell, table.issue(0, "Amount", "x").cell) == (
        "D3", "D2")
    aging = _aging(book)
    assert aging.loc["C1", ["Current", "1-30", "Total"]].tolist() == [3000, 10000, 13000]
    assert aging.loc["C2", "31-60"] == 8000
    assert aging.loc[["C1", "C2", "C3"], "Total"].sum() == 33001


def test_arabic_month_sheets_with_a_copy_credit_notes_and_paid_invoices(tmp_path):
    """Sheets named by month in Arabic; a copy Excel made of one ("أكتوبر (2)") repeats its
    numbers and is not read; a sheet of credit notes typed positive counts negative; a sheet
    of paid invoices (no receipts kept) is paid."""
    head = ["رقم الفاتورة", "كود العميل", "التاريخ", "المبلغ"]
    path = _book(tmp_path, {
        "العملاء": [["كود العميل", "اسم العميل", "مدة السداد"], ["C1", "النيل", 30],
                    ["C2", "الدلتا", 30]],
        "أكتوبر": [head, ["O-1", "C1", D(2026, 10, 1), 10000]],
        "نوفمبر": [head, ["N-1", "C2", D(2026, 11, 20), 12000]],
        "أكتوبر (2)": [head, ["O-1", "C1", D(2026, 10, 1), 10000]],
        "مرتجعات": [head, ["R-1", "C2", D(2026, 11, 25), 2000]],
        "فواتير مسددة": [head, ["P-1", "C1", D(2026, 9, 1), 4000]]})
    book = read_book(path)
    assert [m for _, _, m in _issues(book)] == [
        "sheets 'نوفمبر', 'مرتجعات', 'فواتير مسددة' hold more invoices of 'أكتوبر': read with "
        "it as one list (4 rows)",
        "sheet 'مرتجعات': 1 positive amount(s) read as credit notes (the sheet's name)",
        "sheet 'فواتير مسددة': 1 invoice(s) read as paid in full (the sheet's name)",
        "sheet 'أكتوبر (2)' has the columns of 'أكتوبر' but repeats 1 of its numbers ('O-1' "
        "...): a copy, not read; delete it or hide it if it is an old copy"]
    aging = _aging(book)
    assert aging.loc["C1", "Total"] == 10000
    assert aging.loc["C2", ["Current", "1-30", "Total"]].tolist() == [12000, -2000, 10000]


def test_receipts_a_month_per_sheet_settle_invoices_of_any_month(tmp_path):
    receipts = ["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"]
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD[:4], ["A", "C1", D(2026, 10, 1), 10000],
                     ["B", "C1", D(2026, 11, 10), 5000]],
        "Receipts Oct": [receipts, ["R1", "C1", D(2026, 10, 20), 4000, "A"]],
        "Receipts Nov": [receipts, ["R2", "C1", D(2026, 11, 20), 6000, "A"],
                         ["R3", "C1", D(2026, 11, 21), 2000, "B"]]})
    book = read_book(path)
    assert book.payments["Payment ID"].tolist() == ["R1", "R2", "R3"]
    assert _aging(book).loc["C1", ["Current", "Total"]].tolist() == [3000, 3000]


def test_a_sheet_named_for_another_contract_sheet_is_never_a_month(tmp_path):
    """The receipts log on a sheet named Payments keeps its place even with columns like the
    invoices'; a hidden copy is an old copy, not a month."""
    head = INVOICE_HEAD[:4]
    wb_rows = {
        "Customers": CUSTOMERS,
        "Invoices": [head, ["A", "C1", D(2026, 10, 1), 10000]],
        "Payments": [["Invoice No", "Customer ID", "Date", "Amount"],
                     ["A", "C1", D(2026, 10, 20), 4000]],
        "Old": [head, ["Z", "C1", D(2026, 1, 1), 999]]}

    def hide(wb):
        wb["Old"].sheet_state = "hidden"

    book = read_book(_book(tmp_path, wb_rows, post=hide))
    assert book.invoices["Invoice No"].tolist() == ["A"]
    assert book.payments["Amount"].tolist() == [4000]
    assert _aging(book).loc["C1", "Total"] == 6000


# ---------------------------------------------------------------- Xero's invoice export


def test_xero_invoices_export_with_lines_a_credit_note_a_draft_and_a_void(tmp_path):
    """Xero's invoice export: ContactName, InvoiceNumber, InvoiceAmountPaid and
    InvoiceAmountDue, a row per line, the credit note positive with its Type, a Draft and a
    Voided invoice."""
    head = ["ContactName", "EmailAddress", "InvoiceNumber", "InvoiceDate", "DueDate", "Total",
            "InvoiceAmountPaid", "InvoiceAmountDue", "Currency", "Type", "Status",
            "Description", "LineAmount"]
    rows = [
        ["Nile Foods", "ap@nile.eg", "INV-0001", "01/10/2026", "31/10/2026", 10000, 0, 10000,
         "EGP", "Sales invoice", "Awaiting Payment", "Rice", 6000],
        ["Nile Foods", "ap@nile.eg", "INV-0001", "01/10/2026", "31/10/2026", 10000, 0, 10000,
         "EGP", "Sales invoice", "Awaiting Payment", "Sugar", 4000],
        ["Nile Foods", "ap@nile.eg", "INV-0002", "10/11/2026", "10/12/2026", 5000, 2000, 3000,
         "EGP", "Sales invoice", "Awaiting Payment", "Rice", 5000],
        ["Delta Traders", None, "INV-0003", "15/09/2026", "15/10/2026", 8000, 0, 8000, "EGP",
         "Sales invoice", "Awaiting Payment", "Oil", 8000],
        ["Delta Traders", None, "CN-0001", "05/11/2026", "05/11/2026", 1000, 0, 1000, "EGP",
         "Sales credit note", "Awaiting Payment", "Return", 1000],
        ["Sinai Build", None, "INV-0004", "20/11/2026", "20/12/2026", 12000, 0, 12000, "EGP",
         "Sales invoice", "Awaiting Payment", "Cement", 12000],
        ["Sinai Build", None, "INV-0005", "25/11/2026", "25/12/2026", 700, 0, 700, "EGP",
         "Sales invoice", "Draft", "Cement", 700],
        ["Sinai Build", None, "INV-0006", "26/11/2026", "26/12/2026", 300, 0, 300, "EGP",
         "Sales invoice", "Voided", "Cement", 300]]
    book = read_book(_book(tmp_path, {"Invoices": [head, *rows]}))
    assert [m for _, _, m in _issues(book)][:3] == [
        "1 invoice(s) are written on several rows, one per line (Description differs, the "
        "invoice's total the same): each read once, 1 row(s) not counted again (C3)",
        "1 draft invoice(s) (not posted): not receivables, counted as 0 (K8)",
        "1 cancelled invoice(s): not receivables, counted as 0 (K9)"]
    inv = book.invoices.set_index("Invoice No")
    assert inv.loc["CN-0001", ["Amount", "Balance"]].tolist() == [-1000, -1000]
    assert inv.loc["INV-0002", ["Paid Amount", "Balance"]].tolist() == [2000, 3000]
    aging = _aging(book)
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].tolist() == [
        13000, 7000, 12000]


# ---------------------------------------------------------------- hand-kept in Egypt


def test_an_egyptian_debt_statement_with_a_two_row_header_and_customer_blocks(tmp_path):
    """A hand-kept "كشف المديونية": the company and the date merged over the header, the
    amounts' columns under a merged "المبالغ", each customer's code and name on its first row
    only, a customer subtotal under each block, a grand total, a hidden notes column; the
    customer list's Egyptian headers (فترة السماح, تليفون) and amounts in pounds."""
    def layout(wb):
        ws = wb["كشف المديونية"]
        for rng in ("A1:H1", "A2:H2", "E4:G4"):
            ws.merge_cells(rng)
        ws.column_dimensions["H"].hidden = True
        ws.sheet_view.rightToLeft = True

    path = _book(tmp_path, {
        "بيانات العملاء": [
            ["كود", "الاسم", "الرقم الضريبى", "تليفون", "حد الائتمان", "فترة السماح"],
            [101, "شركة النيل للأغذية", "100-200-300", "0223456789", "١٠٠٬٠٠٠ ج.م", "30 يوم"],
            [102, "الدلتا للتجارة", "100-200-301", None, "50000", "شهر"],
            [103, "سيناء للمقاولات", "100-200-302", None, None, "30"]],
        "كشف المديونية": [
            ["شركة النور للتجارة"], ["كشف مديونية العملاء في ٣٠/١١/٢٠٢٦"], [],
            ["كود العميل", "اسم العميل", "رقم الفاتورة", "تاريخ الفاتورة", "المبالغ", None,
             None, "ملاحظة"],
            [None, None, None, None, "قيمة الفاتورة", "المسدد", "الباقي", None],
            [101, "شركة النيل للأغذية", "1001", "01/10/2026", "10,000.00", "-", "10,000.00"],
            [None, None, "1002", "10/11/2026", "5,000.00", "2,000.00", "3,000.00"],
            [None, "إجمالي العميل", None, None, "15,000.00", "2,000.00", "13,000.00"],
            [102, "الدلتا للتجارة", "1003", "15/09/2026", "8,000.00", None, "8,000.00"],
            [None, "إجمالي العميل", None, None, "8,000.00", None, "8,000.00"],
            [103, "سيناء للمقاولات", "1004", "20/11/2026", "12,000.00", None, "12,000.00"],
            [None, "إجمالي العميل", None, None, "12,000.00", None, "12,000.00"],
            [],
            [None, "الإجمالي", None, None, "35,000.00", "2,000.00", "33,000.00"]]},
        post=layout)
    book = read_book(path)
    sheet = "كشف المديونية"
    assert _issues(book) == [
        (sheet, "B8", "3 subtotal rows ('إجمالي العميل' and the like) are not records: not "
                      "read (B8, B10, B12)"),
        (sheet, "B14", "'الإجمالي' row is a totals row, not a record: not read"),
        (sheet, "A7", "كود العميل is written only on the first row of each customer's group: "
                      "1 blank cell(s) read as the customer above (A7)")]
    assert book.customers["Payment Terms"].tolist() == [30, 30, 30]
    assert book.customers["Phone"].tolist()[0] == "0223456789"
    inv = book.invoices
    assert inv["Customer ID"].tolist() == ["101", "101", "102", "103"]
    assert inv["Balance"].tolist() == [10000, 3000, 8000, 12000]
    aging = _aging(book)
    assert aging.loc["101", ["Current", "1-30", "Total"]].tolist() == [3000, 10000, 13000]
    assert aging.loc[["101", "102", "103"], "Total"].sum() == 33000


@pytest.mark.parametrize(("typed", "amount"), [
    ("500 ج", 500), ("٥٠٠ ج", 500), ("جم 1,200.50", 1200.5), ("(500 ج)", -500),
    ("500 جنيه مصرى", 500), ("500 ريال عماني", 500), ("KD 1.250", 1.25)])
def test_amounts_with_the_currency_as_egypt_and_the_gulf_shorten_it(typed, amount):
    from ar_excel.parsing import parse_currency, parse_money

    assert parse_money(typed) == amount
    assert parse_currency("جم") == "EGP"


def test_quickbooks_transaction_list_by_customer_prints_each_lines_ledger_account(tmp_path):
    """QuickBooks' Transaction List by Customer: the customer is the heading of its group;
    the Account column is each line's ledger account (the receivable for an invoice,
    Undeposited Funds for a payment), not the customer."""
    ar = "Accounts Receivable (A/R)"
    path = _book(tmp_path, {"Transaction List by Customer": [
        ["Nile Co"], ["Transaction List by Customer"], ["January - November, 2026"], [],
        [None, "Date", "Transaction Type", "Num", "Memo/Description", "Account", "Amount"],
        ["Nile Foods"],
        [None, "10/01/2026", "Invoice", "1001", None, ar, "10,000.00"],
        [None, "11/10/2026", "Invoice", "1002", None, ar, "5,000.00"],
        [None, "11/15/2026", "Payment", "77", None, "Undeposited Funds", "2,000.00"],
        ["Total for Nile Foods", None, None, None, None, None, "$13,000.00"],
        ["Delta Traders"],
        [None, "09/15/2026", "Invoice", "1003", None, ar, "8,000.00"],
        [None, "11/05/2026", "Credit Memo", "1005", None, ar, "-1,000.00"],
        ["Total for Delta Traders", None, None, None, None, None, "$7,000.00"],
        ["Sinai Build"],
        [None, "11/20/2026", "Invoice", "1004", None, ar, "12,000.00"],
        ["Total for Sinai Build", None, None, None, None, None, "$12,000.00"],
        [], [], ["Accrual Basis Monday, November 23, 2026 01:02 AM GMT+02:00"]]})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == [
        "Nile Foods", "Nile Foods", "Nile Foods", "Delta Traders", "Delta Traders",
        "Sinai Build"]
    assert book.invoices["Amount"].tolist() == [10000, 5000, -2000, 8000, -1000, 12000]
    assert sorted(book.customers["Customer ID"]) == ["Delta Traders", "Nile Foods",
                                                     "Sinai Build"]
    aging = _aging(book)
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].tolist() == [
        13000, 7000, 12000]


def test_a_customer_account_column_of_customers_stays_the_customer(tmp_path):
    """An "Account" column naming customers (one of them a bank) is the customer column."""
    path = _book(tmp_path, {"Invoices": [
        ["Invoice No", "Account", "Invoice Date", "Amount"],
        ["1", "Nile Foods", D(2026, 11, 1), 100], ["2", "National Bank of Egypt", D(2026, 11, 2), 50]]})
    assert read_book(path).invoices["Customer ID"].tolist() == ["Nile Foods",
                                                                 "National Bank of Egypt"]


# ---------------------------------------------------------------- ERPs' payment lists


LEDGER = {"Customers": CUSTOMERS,
          "Invoices": [INVOICE_HEAD[:4], ["A", "C1", D(2026, 10, 1), 10000],
                       ["B", "C1", D(2026, 11, 10), 5000], ["C", "C2", D(2026, 9, 15), 8000],
                       ["D", "C3", D(2026, 11, 20), 12000]]}


def test_odoo_payments_of_vendors_drafts_cancelled_and_a_refund(tmp_path):
    """Odoo's account.payment list: a vendor's payment, a draft and a cancelled receipt are
    no receipts (before, each reduced a balance: the vendor's as an unknown customer's
    credit); money sent to a customer is a refund."""
    path = _book(tmp_path, {**LEDGER, "Payments (account.payment)": [
        ["Number", "Date", "Journal", "Customer/Vendor", "Amount", "Memo", "Payment Type",
         "Partner Type", "Status"],
        ["PBNK1/2026/00001", D(2026, 11, 15), "Bank", "Nile Foods", 2000, "B", "Receive",
         "Customer", "Posted"],
        ["PBNK1/2026/00002", D(2026, 11, 16), "Bank", "Office Supplies Co", 500,
         "BILL/2026/0001", "Send", "Vendor", "Posted"],
        ["PBNK1/2026/00003", D(2026, 11, 17), "Bank", "Delta Traders", 300, "Refund", "Send",
         "Customer", "Posted"],
        ["PBNK1/2026/00004", D(2026, 11, 18), "Bank", "Sinai Build", 1000, "D", "Receive",
         "Customer", "Draft"],
        ["PBNK1/2026/00005", D(2026, 11, 19), "Bank", "Sinai Build", 700, "D", "Receive",
         "Customer", "Cancelled"]]})
    book = read_book(path)
    sheet = "Payments (account.payment)"
    assert [i for i in _issues(book) if "payment(s)" in i[2]] == [
        (sheet, "H3", "1 payment(s) paid to or by a vendor, supplier or employee, not a "
                      "customer: not read as receipts (H3)"),
        (sheet, "I5", "2 payment(s) drafts, cancelled or bounced, not posted: not read as "
                      "receipts (I5, I6)"),
        (sheet, "G4", "1 payment(s) sent to customers (refunds): read as money paid out, "
                      "their amounts negative (G4)")]
    pay = book.payments
    assert pay["Payment ID"].tolist() == ["PBNK1/2026/00001", "PBNK1/2026/00003"]
    assert pay["Amount"].tolist() == [2000, -300]
    aging = _aging(book)
    assert "Office Supplies Co" not in aging.index
    assert aging.loc[["C1", "C2", "C3"], "Total"].tolist() == [13000, 8300, 12000]


def test_erpnext_payment_entries_with_a_supplier_payment_and_their_references(tmp_path):
    """ERPNext's Payment Entry list: a payment to a supplier is not re-keyed to a customer
    whose code shares its number; the invoice paid is in Payment References/Reference Name."""
    path = _book(tmp_path, {**LEDGER, "Payment Entry": [
        ["ID", "Payment Type", "Posting Date", "Party Type", "Party", "Paid Amount",
         "Status", "Payment References/Reference Name"],
        ["ACC-PAY-2026-00001", "Receive", "2026-11-15", "Customer", "C1", 2000, "Submitted",
         "B"],
        ["ACC-PAY-2026-00002", "Pay", "2026-11-16", "Supplier", "SUP-001", 500, "Submitted",
         "PINV-1"],
        ["ACC-PAY-2026-00004", "Receive", "2026-11-18", "Customer", "C2", 100, "Draft", "C"]]})
    book = read_book(path)
    assert book.payments[["Customer ID", "Invoice No", "Amount"]].values.tolist() == [
        ["C1", "B", 2000]]
    assert [i.cell for i in book.issues] == ["D3", "G4"]
    aging = _aging(book)
    assert aging.loc["C1", ["Current", "1-30", "Total"]].tolist() == [3000, 10000, 13000]
    assert aging.loc["C2", "Total"] == 8000


@pytest.mark.parametrize("methods", [("Cheque", "Transfer"), ("Transfer", "Transfer")])
def test_a_payment_type_of_methods_is_left_alone(tmp_path, methods):
    """A "Payment Type" column of cheques and transfers is the method, not a direction; a
    cheque under collection is a receipt, a bounced one is none."""
    path = _book(tmp_path, {**LEDGER, "Payments": [
        ["Receipt No", "Customer ID", "Date", "Amount", "Payment Type", "Status"],
        ["R1", "C1", D(2026, 11, 15), 2000, methods[0], "Cleared"],
        ["R2", "C2", D(2026, 11, 16), 500, methods[1], "تحت التحصيل"],
        ["R3", "C2", D(2026, 11, 17), 900, methods[0], "شيك مرتد"]]})
    book = read_book(path)
    assert book.payments["Amount"].tolist() == [2000, 500]
    assert [i.cell for i in book.issues] == ["F4"]


@pytest.mark.parametrize(("typed", "days"), [
    ("ثلاثة أشهر", 90), ("ثلاث شهور", 90), ("أسبوعين", 14), ("اسبوع", 7), ("2 weeks", 14),
    ("three months", 90), ("CIA", 0), ("PIA", 0), ("Cash in advance", 0), ("مقدما", 0)])
def test_payment_terms_in_weeks_months_written_out_and_in_advance(typed, days):
    from ar_excel.parsing import parse_terms

    assert parse_terms(typed) == days


def test_an_archived_customer_is_closed():
    from ar_excel.parsing import parse_status

    assert [parse_status(v) for v in ("Archived", "مؤرشف", "Disabled")] == ["Closed"] * 3


@pytest.mark.parametrize(("header", "field"), [
    ("Date of Invoice", "Invoice Date"), ("Doc. Date", "Invoice Date"),
    ("Invoice Ref", "Invoice No"), ("Inv. Ref", "Invoice No"), ("Customer Ref", "Customer ID"),
    ("A/C No", "Customer ID"), ("Customer Code/Name", "Customer ID"),
    ("رقم العميل / الاسم", "Customer ID"), ("الباقي", "Balance"),
    ("InvoiceAmountDue", "Balance"), ("InvoiceAmountPaid", "Paid Amount"),
    ("ContactName", "Customer ID"), ("Invoice Partner Display Name", "Customer ID")])
def test_invoice_headers_clerks_and_exports_write(header, field):
    from ar_excel.io.headers import alias_index, header_field
    from ar_excel.schema import SCHEMAS

    assert header_field(header, alias_index(SCHEMAS["Invoices"])) == field


# ---------------------------------------------------------------- subtotals as clerks add them


def _subtotalled(rows):
    return {"Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
            "Invoices": rows}


@pytest.mark.parametrize("rows", [
    # each customer's subtotal keyed with its code and name, the label where the number goes
    [["Customer ID", "Customer Name", "Invoice No", "Invoice Date", "Amount"],
     ["C1", "Nile Foods", "1001", D(2026, 10, 1), 10000],
     ["C1", "Nile Foods", "1002", D(2026, 11, 10), 5000],
     ["C1", "Nile Foods", "Total", None, 15000],
     ["C2", "Delta Traders", "1003", D(2026, 9, 15), 8000],
     ["C2", "Delta Traders", "المجموع", None, 8000],
     [None, None, "Grand Total", None, 23000]],
    # Excel's Data > Subtotal: "<group> Total" in the grouped column
    [["Customer ID", "Customer Name", "Invoice No", "Invoice Date", "Amount"],
     ["C1", "Nile Foods", "1001", D(2026, 10, 1), 10000],
     ["C1", "Nile Foods", "1002", D(2026, 11, 10), 5000],
     [None, "Nile Foods Total", None, None, 15000],
     ["C2", "Delta Traders", "1003", D(2026, 9, 15), 8000],
     [None, "Delta Traders Total", None, None, 8000],
     [None, "Grand Total", None, None, 23000]],
    # the label after the customer's code, in the code's column
    [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
     ["1001", "C1", D(2026, 10, 1), 10000], ["1002", "C1", D(2026, 11, 10), 5000],
     [None, "C1 Total", None, 15000], ["1003", "C2", D(2026, 9, 15), 8000],
     [None, "C2 Total", None, 8000], [None, None, "Total", 23000]]])
def test_subtotal_rows_keyed_or_labelled_after_their_group_are_no_invoices(tmp_path, rows):
    book = read_book(_book(tmp_path, _subtotalled(rows)))
    assert book.invoices["Invoice No"].tolist() == ["1001", "1002", "1003"]
    assert len([i for i in book.issues if "total" in i.message]) in (2, 3)
    assert not [i for i in book.issues if "required" in i.message]
    aging = _aging(book)
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [15000, 8000]


def test_a_customer_whose_name_ends_in_total_is_still_a_customer(tmp_path):
    path = _book(tmp_path, {"Customers": [["Customer ID", "Name"], ["C1", "Petro Total"]],
                            "Invoices": [["Invoice No", "Customer", "Invoice Date", "Amount"],
                                         ["1", "Petro Total", D(2026, 11, 1), 100]]})
    book = read_book(path)
    assert book.customers["Name"].tolist() == ["Petro Total"]
    assert book.invoices["Customer ID"].tolist() == ["C1"]


@pytest.mark.parametrize(("title", "head"), [
    ("Credit Notes", ["Credit Note No", "Customer ID", "Date", "Amount", "Against Invoice"]),
    ("مرتجعات المبيعات", ["رقم الإشعار", "كود العميل", "التاريخ", "القيمة", "رقم الفاتورة"])])
def test_credit_notes_kept_on_a_sheet_of_their_own(tmp_path, title, head):
    """Credit notes (returns) on their own sheet, under their own columns, beside named
    Customers, Invoices and Payments sheets: read with the invoices, negative, the invoice
    each corrects carried (before, the sheet was not read at all)."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD[:4], ["1001", "C1", D(2026, 10, 1), 10000],
                     ["1003", "C2", D(2026, 9, 15), 8000]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R1", "C1", D(2026, 11, 1), 4000, "1001"]],
        title: [head, ["CN-1", "C2", D(2026, 11, 5), 1000, "1003"]]})
    book = read_book(path)
    assert [m for _, _, m in _issues(book)] == [
        f"sheets '{title}' hold more invoices of 'Invoices': read with it as one list (3 rows)",
        f"sheet '{title}': 1 positive amount(s) read as credit notes (the sheet's name)"]
    inv = book.invoices
    assert inv["Invoice No"].tolist() == ["1001", "1003", "CN-1"]
    assert inv["Amount"].tolist() == [10000, 8000, -1000]
    assert inv.iloc[2][[c for c in inv.columns if "Invoice" in str(c) and c != "Invoice No"
                        and c != "Invoice Date"]].tolist() == ["1003"]
    assert book.table("Invoices").issue(2, "Amount", "x").sheet == title
    aging = _aging(book)
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [6000, 7000]


def test_a_month_sheet_beside_named_contract_sheets_is_read(tmp_path):
    """Every contract sheet named, and last year's invoices on "Invoices 2025": that sheet
    is read too (before, a book whose contract sheets were all named never looked at it)."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD[:4], ["1001", "C1", D(2026, 10, 1), 10000]],
        "Payments": [["Receipt No", "Customer ID", "Date", "Amount"]],
        "Invoices 2025": [INVOICE_HEAD[:4], ["0999", "C2", D(2025, 12, 20), 500]],
        "Notes": [["Whatever", "Else"], ["a", "b"]]})
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["1001", "0999"]
    assert _aging(book).loc[["C1", "C2"], "Total"].tolist() == [10000, 500]


def test_zoho_payments_one_row_per_invoice_paid_count_each_receipt_once(tmp_path):
    """Zoho Books' customer payments export: a receipt paying two invoices is two rows, its
    Amount on each, the part for each invoice under Invoice Amount Applied."""
    path = _book(tmp_path, {
        "Customers": CUSTOMERS,
        "Invoices": [INVOICE_HEAD[:4], ["INV-1", "C1", D(2026, 10, 1), 3000],
                     ["INV-2", "C1", D(2026, 10, 5), 4000], ["INV-3", "C2", D(2026, 10, 7), 1000]],
        "Customer Payments": [
            ["Payment Number", "Date", "Customer ID", "Mode", "Amount", "Unused Amount",
             "Invoice Number", "Invoice Amount Applied"],
            ["1", "2026-11-10", "C1", "Bank Transfer", 5000, 0, "INV-1", 3000],
            ["1", "2026-11-10", "C1", "Bank Transfer", 5000, 0, "INV-2", 2000],
            ["2", "2026-11-12", "C2", "Cash", 1000, 0, "INV-3", 1000],
            ["3", "2026-11-20", "C1", "Cash", 700, 0, "INV-2", 500],
            ["3", "2026-11-20", "C1", "Cash", 700, 0, "INV-9", 100]]})
    book = read_book(path)
    assert _issues(book)[0] == (
        "Customer Payments", "E2", "2 receipt(s) written on several rows, one per invoice paid, "
        "the receipt's amount on each: each row read for its Invoice Amount Applied, the "
        "receipt counted once (E2, E5)")
    assert book.payments["Amount"].tolist() == [3000, 2000, 1000, 500, 200]
    assert book.payments["Method"].tolist()[:3] == ["Bank Transfer", "Bank Transfer", "Cash"]
    aging = _aging(book)
    assert aging.loc["C1", "Total"] == 7000 - 5000 - 700
    assert "C2" not in aging.index or aging.loc["C2", "Total"] == 0
