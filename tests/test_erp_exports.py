"""Workbooks as accountants export them from their ERP or accounting package, built cell by
cell with each package's own headers, sheet names, title rows, group headings and totals
rows: Odoo, ERPNext, QuickBooks, Xero, Zoho Books, SAP (FBL5N), Dynamics 365 Business
Central and an Arabic ERP. Each is read and run through validate, aging and reconcile (with
a small bank CSV): customers, invoices, open balances and matches checked against what an
accountant works out by hand, and no Input Issue but the ones a clerk should see.

The ledger in every export is the same (as of 30/11/2026):

* Nile Foods: invoice A, 10,000 of 01/10 due 31/10 (open, 30 days late); invoice B, 5,000
  of 10/11 due 10/12 with 2,000 paid (3,000 open, current); invoice P, 4,000 of 01/09
  paid in full.
* Delta Traders: invoice C, 8,000 of 15/09 due 15/10 (open, 46 days late).
* Sinai Build: invoice D, 12,000 of 20/11 due 20/12 (open, current).

Open: 33,000. The bank statement pays invoice A (10,000, its number in the narrative),
charges a fee and has a credit from nobody we know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
D = datetime


@dataclass
class Export:
    """An ERP's workbook and what its invoice numbers and customer keys are."""

    path: object
    ids: dict[str, str]  # Nile / Delta / Sinai -> the Customer ID the jobs should show
    numbers: dict[str, str]  # A, B, C, D, P -> the invoice number as exported
    invoices: int  # invoice rows the Invoices table should hold
    issues: list[tuple[str, str, str]]  # the Input Issues a clerk should see
    nile: tuple = (3000, 10000, 0, 13000)  # Nile's Current, 1-30, 31-60 and Total
    # Customer Checks' (Cell, Code, Severity) a clerk should see: none but a currency written
    # otherwise than its ISO code (ج.م read as EGP: a Warning, 2d5aea4)
    checks: tuple = ()


def _book(tmp_path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None,
          name="export.xlsx"):
    return save_sheets(tmp_path / name, sheets, merges=merges)


def _bank(tmp_path, number_a: str):
    path = tmp_path / "bank.csv"
    path.write_text(
        "Date,Description,Amount\n"
        f"28/11/2026,INWARD TRANSFER NILE FOODS PAYMENT {number_a},10000.00\n"
        "28/11/2026,ACCOUNT MAINTENANCE FEE,-15.00\n"
        "29/11/2026,TRANSFER FROM UNKNOWN PARTY REF 88812,777.00\n", encoding="utf-8")
    return path


def _run(book, job: str, bank=None) -> dict[str, pd.DataFrame]:
    result = registry()[job].run(book, JobOptions(as_of=AS_OF, bank=bank))
    return {t.name: t.frame for t in result.tabs}


def check_export(tmp_path, export: Export) -> None:
    book = read_book(export.path)
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == export.issues
    ids = export.ids
    assert sorted(book.customers["Customer ID"]) == sorted(ids.values())
    assert len(book.invoices) == export.invoices

    checks = _run(book, "validate")["Customer Checks"]
    assert [tuple(r) for r in checks[["Cell", "Code", "Severity"]].values.tolist()] == list(
        export.checks), checks[["Customer ID", "Code", "Message"]].values.tolist()

    aging = _run(book, "aging")["Aging"]
    aging = aging[aging["Customer ID"].isin(ids.values())].set_index("Customer ID")
    assert tuple(aging.loc[ids["Nile"], ["Current", "1-30", "31-60", "Total"]]) == export.nile
    assert aging.loc[ids["Delta"], ["31-60", "Total"]].tolist() == [8000, 8000]
    assert aging.loc[ids["Sinai"], ["Current", "Total"]].tolist() == [12000, 12000]
    assert aging["Total"].sum() == 33000

    tabs = _run(book, "reconcile", bank=_bank(tmp_path, export.numbers["A"]))
    matches = tabs["Bank Matches"]
    assert matches[["Invoice No", "Customer ID", "Applied Amount", "Status"]].values.tolist(
    ) == [[export.numbers["A"], ids["Nile"], 10000.0, "Matched"]]
    assert sorted(tabs["Unmatched Bank"]["Amount"]) == [-15.0, 777.0]


# ---------------------------------------------------------------- Odoo


@pytest.mark.parametrize("sheets", [
    ("Contact (res.partner)", "Journal Entry (account.move)", "Payments (account.payment)"),
    ("Sheet3", "Sheet1", "Sheet2"),  # each export's own "Sheet1", renamed when pasted
])
def test_odoo_exports_of_contacts_invoices_and_payments(tmp_path, sheets):
    """Odoo's "Export" of res.partner, account.move and account.payment, pasted into one
    workbook with Odoo's own sheet names (or none); the invoices name the partner, not a
    code."""
    contacts, moves, payments = sheets
    path = _book(tmp_path, {
        contacts: [
            ["Name", "Reference", "Tax ID", "Email", "Phone", "Country", "Currency",
             "Customer Payment Terms", "Credit Limit"],
            ["Nile Foods", "C0001", "EG-100-200-301", "ap@nilefoods.com", "+20 2 2345 6701",
             "Egypt", "EGP", "30 Days", 50000],
            ["Delta Traders", "C0002", "EG-100-200-302", "ap@delta.com", "+20 2 2345 6702",
             "Egypt", "EGP", "30 Days", 20000],
            ["Sinai Build", "C0003", "EG-100-200-303", "ap@sinai.com", "+20 2 2345 6703",
             "Egypt", "EGP", "Immediate Payment", 0],
        ],
        moves: [
            ["Number", "Partner", "Invoice/Bill Date", "Due Date", "Currency",
             "Amount Total Signed", "Amount Due", "Payment State", "Status"],
            ["INV/2026/00012", "Nile Foods", D(2026, 10, 1), D(2026, 10, 31), "EGP", 10000,
             10000, "Not Paid", "Posted"],
            ["INV/2026/00031", "Nile Foods", D(2026, 11, 10), D(2026, 12, 10), "EGP", 5000,
             3000, "Partially Paid", "Posted"],
            ["INV/2026/00005", "Nile Foods", D(2026, 9, 1), D(2026, 10, 1), "EGP", 4000, 0,
             "Paid", "Posted"],
            ["INV/2026/00008", "Delta Traders", D(2026, 9, 15), D(2026, 10, 15), "EGP", 8000,
             8000, "Not Paid", "Posted"],
            ["INV/2026/00034", "Sinai Build", D(2026, 11, 20), D(2026, 12, 20), "EGP", 12000,
             12000, "Not Paid", "Posted"],
        ],
        payments: [
            ["Number", "Date", "Customer/Vendor", "Amount", "Memo", "Journal", "Status"],
            ["PBNK1/2026/00041", D(2026, 9, 20), "Nile Foods", 4000, "INV/2026/00005", "Bank",
             "Posted"],
            ["PBNK1/2026/00077", D(2026, 11, 20), "Nile Foods", 2000, "INV/2026/00031",
             "Bank", "Posted"],
        ],
    })
    check_export(tmp_path, Export(path, {"Nile": "C0001", "Delta": "C0002", "Sinai": "C0003"},
                                  {"A": "INV/2026/00012"}, 5, []))


# ---------------------------------------------------------------- ERPNext


def test_erpnext_customer_list_and_accounts_receivable_report(tmp_path):
    """ERPNext: the Customer list (its ID is the customer's name) and the Accounts
    Receivable report (Party, Voucher No, Invoiced / Paid / Outstanding Amount, the age
    buckets, a Total row at the bottom); no receipts sheet: the report says what is open."""
    path = _book(tmp_path, {
        "Customer": [
            ["ID", "Customer Name", "Customer Group", "Territory", "Tax ID", "Default Currency",
             "Default Payment Terms Template", "Email ID"],
            ["Nile Foods", "Nile Foods", "Commercial", "Egypt", "EG-100-200-301", "EGP",
             "Net 30", "ap@nilefoods.com"],
            ["Delta Traders", "Delta Traders", "Commercial", "Egypt", "EG-100-200-302", "EGP",
             "Net 30", "ap@delta.com"],
            ["Sinai Build", "Sinai Build", "Commercial", "Egypt", "EG-100-200-303", "EGP",
             "Net 30", "ap@sinai.com"],
        ],
        "Accounts Receivable": [
            ["Posting Date", "Party", "Customer Name", "Voucher Type", "Voucher No", "Due Date",
             "Invoiced Amount", "Paid Amount", "Credit Note", "Outstanding Amount",
             "Age (Days)", "0-30", "31-60", "61-90", "91-120", "121-Above", "Currency"],
            [D(2026, 10, 1), "Nile Foods", "Nile Foods", "Sales Invoice",
             "ACC-SINV-2026-00012", D(2026, 10, 31), 10000, 0, 0, 10000, 30, 10000, 0, 0, 0,
             0, "EGP"],
            [D(2026, 11, 10), "Nile Foods", "Nile Foods", "Sales Invoice",
             "ACC-SINV-2026-00031", D(2026, 12, 10), 5000, 2000, 0, 3000, 0, 3000, 0, 0, 0, 0,
             "EGP"],
            [D(2026, 9, 15), "Delta Traders", "Delta Traders", "Sales Invoice",
             "ACC-SINV-2026-00008", D(2026, 10, 15), 8000, 0, 0, 8000, 46, 0, 8000, 0, 0, 0,
             "EGP"],
            [D(2026, 11, 20), "Sinai Build", "Sinai Build", "Sales Invoice",
             "ACC-SINV-2026-00034", D(2026, 12, 20), 12000, 0, 0, 12000, 0, 12000, 0, 0, 0, 0,
             "EGP"],
            ["Total", None, None, None, None, None, 35000, 2000, 0, 33000, None, 25000, 8000,
             0, 0, 0, None],
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    check_export(tmp_path, Export(path, ids, {"A": "ACC-SINV-2026-00012"}, 4, [
        ("Accounts Receivable", "A6", "'Total' row is a totals row, not a record: not read")]))


# ---------------------------------------------------------------- QuickBooks


QB_CUSTOMERS = [
    ["Sandbox Company_US_1"], ["Customer Contact List"], [],
    ["Customer", "Email", "Full Name", "Billing Address", "Tax ID"],
    ["Nile Foods", "ap@nilefoods.com", "Omar Nabil", "12 Nile St, Cairo", "EG-100-200-301"],
    ["Delta Traders", "ap@delta.com", "Mona Adel", "5 Port Rd, Alexandria", "EG-100-200-302"],
    ["Sinai Build", "ap@sinai.com", "Karim Saad", "9 Sinai Ave, Suez", "EG-100-200-303"],
]
QB_FOOTER = ["Accrual Basis Monday, December 1, 2026 09:15 AM GMT+02:00"]


def test_quickbooks_open_invoices_report_grouped_by_customer(tmp_path):
    """QuickBooks Online "Open Invoices": title rows, a heading row per customer (the
    customer's name alone in column A), its transactions, "Total for <customer>", a TOTAL
    row and the report's basis line at the foot."""
    path = _book(tmp_path, {
        "Customer Contact List": QB_CUSTOMERS,
        "Open Invoices": [
            ["Sandbox Company_US_1"], ["Open Invoices"], ["As of November 30, 2026"], [],
            [None, "Date", "Transaction Type", "Num", "Terms", "Due Date", "Amount",
             "Open Balance"],
            ["Delta Traders"],
            [None, "09/15/2026", "Invoice", "1008", "Net 30", "10/15/2026", 8000, 8000],
            ["Total for Delta Traders", None, None, None, None, None, 8000, 8000],
            ["Nile Foods"],
            [None, "10/01/2026", "Invoice", "1012", "Net 30", "10/31/2026", 10000, 10000],
            [None, "11/10/2026", "Invoice", "1031", "Net 30", "12/10/2026", 5000, 3000],
            ["Total for Nile Foods", None, None, None, None, None, 15000, 13000],
            ["Sinai Build"],
            [None, "11/20/2026", "Invoice", "1034", "Net 30", "12/20/2026", 12000, 12000],
            ["Total for Sinai Build", None, None, None, None, None, 12000, 12000],
            ["TOTAL", None, None, None, None, None, 35000, 33000],
            [], [], QB_FOOTER,
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    # the three customers' subtotals are one issue; the grand total one of its own
    check_export(tmp_path, Export(path, ids, {"A": "1012"}, 4, [
        ("Open Invoices", "A8", "3 subtotal rows ('Total for Delta Traders' and the like) are "
                                "not records: not read (A8, A12, A15)"),
        ("Open Invoices", "A16", "'TOTAL' row is a totals row, not a record: not read")]))


def test_quickbooks_ar_aging_detail_grouped_by_age(tmp_path):
    """QuickBooks "A/R Aging Detail": a Customer column on every row, grouped under the
    age headings ("Current", "1 - 30 days past due", ...) with their totals."""
    path = _book(tmp_path, {
        "Customer Contact List": QB_CUSTOMERS,
        "AR Aging Detail": [
            ["Sandbox Company_US_1"], ["A/R Aging Detail"], ["As of November 30, 2026"], [],
            [None, "Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due",
             "Amount", "Open Balance"],
            ["Current"],
            [None, "11/10/2026", "Invoice", "1031", "Nile Foods", "12/10/2026", -10, 5000,
             3000],
            [None, "11/20/2026", "Invoice", "1034", "Sinai Build", "12/20/2026", -20, 12000,
             12000],
            ["Total for Current", None, None, None, None, None, None, 17000, 15000],
            ["1 - 30 days past due"],
            [None, "10/01/2026", "Invoice", "1012", "Nile Foods", "10/31/2026", 30, 10000,
             10000],
            ["Total for 1 - 30 days past due", None, None, None, None, None, None, 10000, 10000],
            ["31 - 60 days past due"],
            [None, "09/15/2026", "Invoice", "1008", "Delta Traders", "10/15/2026", 46, 8000,
             8000],
            ["Total for 31 - 60 days past due", None, None, None, None, None, None, 8000, 8000],
            ["TOTAL", None, None, None, None, None, None, 35000, 33000],
            [], [], QB_FOOTER,
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    check_export(tmp_path, Export(path, ids, {"A": "1012"}, 4, [
        ("AR Aging Detail", "A9", "3 subtotal rows ('Total for Current' and the like) are not "
                                  "records: not read (A9, A12, A15)"),
        ("AR Aging Detail", "A16", "'TOTAL' row is a totals row, not a record: not read")]))


# ---------------------------------------------------------------- Xero


def test_xero_contacts_and_aged_receivables_detail(tmp_path):
    """Xero: the Contacts export (ContactName, EmailAddress, TaxNumber...) and the "Aged
    Receivables Detail" report: each contact a heading in the Invoice Date column, its
    invoices with the amount due by age, "Total <contact>" rows and a Total."""
    path = _book(tmp_path, {
        "Contacts": [
            ["*ContactName", "AccountNumber", "EmailAddress", "FirstName", "LastName",
             "TaxNumber", "DefaultCurrency"],
            ["Nile Foods", None, "ap@nilefoods.com", "Omar", "Nabil", "EG-100-200-301", "EGP"],
            ["Delta Traders", None, "ap@delta.com", "Mona", "Adel", "EG-100-200-302", "EGP"],
            ["Sinai Build", None, "ap@sinai.com", "Karim", "Saad", "EG-100-200-303", "EGP"],
        ],
        "Aged Receivables Detail": [
            ["Aged Receivables Detail"], ["Demo Company (EG)"], ["As at 30 November 2026"],
            ["Ageing by due date"], [],
            ["Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Current",
             "< 1 Month", "1 Month", "2 Months", "3 Months", "Older", "Total"],
            ["Delta Traders"],
            [D(2026, 9, 15), "INV-0008", "PO 7781", D(2026, 10, 15), 0, 0, 8000, 0, 0, 0,
             8000],
            ["Total Delta Traders", None, None, None, 0, 0, 8000, 0, 0, 0, 8000],
            [],
            ["Nile Foods"],
            [D(2026, 10, 1), "INV-0012", None, D(2026, 10, 31), 0, 10000, 0, 0, 0, 0, 10000],
            [D(2026, 11, 10), "INV-0031", None, D(2026, 12, 10), 3000, 0, 0, 0, 0, 0, 3000],
            ["Total Nile Foods", None, None, None, 3000, 10000, 0, 0, 0, 0, 13000],
            [],
            ["Sinai Build"],
            [D(2026, 11, 20), "INV-0034", None, D(2026, 12, 20), 12000, 0, 0, 0, 0, 0, 12000],
            ["Total Sinai Build", None, None, None, 12000, 0, 0, 0, 0, 0, 12000],
            [],
            ["Total", None, None, None, 15000, 10000, 8000, 0, 0, 0, 33000],
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    check_export(tmp_path, Export(path, ids, {"A": "INV-0012"}, 4, [
        ("Aged Receivables Detail", "A9", "3 subtotal rows ('Total Delta Traders' and the "
                                          "like) are not records: not read (A9, A14, A18)"),
        ("Aged Receivables Detail", "A20", "'Total' row is a totals row, not a record: not "
                                           "read")]))


# ---------------------------------------------------------------- Zoho Books


def test_zoho_books_contacts_invoices_and_customer_payments(tmp_path):
    """Zoho Books exports: Contacts (Contact ID, Display Name, Payment Terms in days and
    its label), Invoices (internal Invoice ID and Customer ID beside the Invoice Number and
    Customer Name, Total and Balance, Invoice Status) and Customer Payments."""
    path = _book(tmp_path, {
        "Contacts": [
            ["Contact ID", "Display Name", "Company Name", "EmailID", "Currency Code",
             "Payment Terms", "Payment Terms Label", "Credit Limit", "Tax Registration Number",
             "Status"],
            ["460000000026049", "Nile Foods", "Nile Foods SAE", "ap@nilefoods.com", "EGP", 30,
             "Net 30", 50000, "EG-100-200-301", "Active"],
            ["460000000026051", "Delta Traders", "Delta Traders", "ap@delta.com", "EGP", 30,
             "Net 30", 20000, "EG-100-200-302", "Active"],
            ["460000000026053", "Sinai Build", "Sinai Build", "ap@sinai.com", "EGP", 30,
             "Net 30", 50000, "EG-100-200-303", "Active"],
        ],
        "Invoices": [
            ["Invoice Date", "Invoice ID", "Invoice Number", "Invoice Status", "Customer ID",
             "Customer Name", "Due Date", "Currency Code", "Total", "Balance"],
            ["2026-10-01", "460000000031001", "INV-000012", "Overdue", "460000000026049",
             "Nile Foods", "2026-10-31", "EGP", 10000, 10000],
            ["2026-11-10", "460000000031002", "INV-000031", "PartiallyPaid", "460000000026049",
             "Nile Foods", "2026-12-10", "EGP", 5000, 3000],
            ["2026-09-01", "460000000031003", "INV-000005", "Paid", "460000000026049",
             "Nile Foods", "2026-10-01", "EGP", 4000, 0],
            ["2026-09-15", "460000000031004", "INV-000008", "Overdue", "460000000026051",
             "Delta Traders", "2026-10-15", "EGP", 8000, 8000],
            ["2026-11-20", "460000000031005", "INV-000034", "Sent", "460000000026053",
             "Sinai Build", "2026-12-20", "EGP", 12000, 12000],
        ],
        "Customer Payments": [
            ["Payment Number", "Date", "Customer ID", "Customer Name", "Mode", "Amount",
             "Invoice Number", "Reference Number"],
            ["1", "2026-09-20", "460000000026049", "Nile Foods", "Bank Transfer", 4000,
             "INV-000005", "FT2609201"],
            ["2", "2026-11-20", "460000000026049", "Nile Foods", "Bank Transfer", 2000,
             "INV-000031", "FT2611202"],
        ],
    })
    ids = {"Nile": "460000000026049", "Delta": "460000000026051", "Sinai": "460000000026053"}
    check_export(tmp_path, Export(path, ids, {"A": "INV-000012"}, 5, []))


# ---------------------------------------------------------------- SAP


def test_sap_customer_master_and_fbl5n_line_items_with_cleared_items(tmp_path):
    """SAP: a customer list (Customer Number, Name 1, Tax Number 1) and FBL5N's customer
    line items, all items: invoices (RV), the payments (DZ, negative) and the invoice
    they cleared share a Clearing Document; open items have none."""
    path = _book(tmp_path, {
        "Customers": [
            ["Customer Number", "Name 1", "City", "Country Key", "Tax Number 1", "Currency"],
            ["100001", "Nile Foods", "Cairo", "EG", "EG-100-200-301", "EGP"],
            ["100002", "Delta Traders", "Alexandria", "EG", "EG-100-200-302", "EGP"],
            ["100003", "Sinai Build", "Suez", "EG", "EG-100-200-303", "EGP"],
        ],
        "FBL5N": [
            ["Account", "Assignment", "Document Number", "Document Type", "Document Date",
             "Posting Date", "Net due date", "Amount in local currency", "Local Currency",
             "Clearing Document", "Text"],
            ["100001", "PO-4471", "90000012", "RV", "01.10.2026", "01.10.2026", "31.10.2026",
             "10.000,00", "EGP", None, None],
            ["100001", "PO-4502", "90000031", "RV", "10.11.2026", "10.11.2026", "10.12.2026",
             "5.000,00", "EGP", None, None],
            ["100001", "PO-4502", "1400000077", "DZ", "20.11.2026", "20.11.2026",
             "20.11.2026", "2.000,00-", "EGP", None, "Part payment 90000031"],
            ["100001", "PO-4390", "90000005", "RV", "01.09.2026", "01.09.2026", "01.10.2026",
             "4.000,00", "EGP", "1400000041", None],
            ["100001", "PO-4390", "1400000041", "DZ", "20.09.2026", "20.09.2026",
             "20.09.2026", "4.000,00-", "EGP", "1400000041", None],
            ["100002", "PO-1180", "90000008", "RV", "15.09.2026", "15.09.2026", "15.10.2026",
             "8.000,00", "EGP", None, None],
            ["100003", "PO-2214", "90000034", "RV", "20.11.2026", "20.11.2026", "20.12.2026",
             "12.000,00", "EGP", None, None],
        ],
    })
    ids = {"Nile": "100001", "Delta": "100002", "Sinai": "100003"}
    book = read_book(path)
    # the part payment is open on account (a credit of 2,000 dated 20/11, aged by its own
    # date: 1-30), beside invoice B's 5,000 (current)
    check_export(tmp_path, Export(path, ids, {"A": "90000012"}, 7, [],
                                  nile=(5000, 8000, 0, 13000)))
    assert book.invoices["Amount"].sum() == 33000.0  # cleared: the invoice and its payment


# ---------------------------------------------------------------- Dynamics 365 Business Central


def test_business_central_customers_and_customer_ledger_entries(tmp_path):
    """Dynamics 365 Business Central: the Customers list (No., Name, Payment Terms Code,
    Credit Limit (LCY)...) and Customer Ledger Entries (Document Type, Document No.,
    Customer No., Amount, Remaining Amount, Open), payments included."""
    path = _book(tmp_path, {
        "Customers": [
            ["No.", "Name", "Phone No.", "E-Mail", "Currency Code", "Payment Terms Code",
             "Credit Limit (LCY)", "VAT Registration No.", "Balance (LCY)"],
            ["C10000", "Nile Foods", None, "ap@nilefoods.com", "EGP", "30 DAYS", 50000,
             "EG-100-200-301", 13000],
            ["C20000", "Delta Traders", None, "ap@delta.com", "EGP", "30 DAYS", 20000,
             "EG-100-200-302", 8000],
            ["C30000", "Sinai Build", None, "ap@sinai.com", "EGP", "30 DAYS", 50000,
             "EG-100-200-303", 12000],
        ],
        "Customer Ledger Entries": [
            ["Posting Date", "Document Type", "Document No.", "Customer No.", "Customer Name",
             "Description", "Currency Code", "Original Amount", "Amount", "Remaining Amount",
             "Due Date", "Open"],
            [D(2026, 9, 1), "Invoice", "103005", "C10000", "Nile Foods", "Order 101005",
             "EGP", 4000, 4000, 0, D(2026, 10, 1), "No"],
            [D(2026, 9, 15), "Invoice", "103008", "C20000", "Delta Traders", "Order 101008",
             "EGP", 8000, 8000, 8000, D(2026, 10, 15), "Yes"],
            [D(2026, 9, 20), "Payment", "2609201", "C10000", "Nile Foods", "Payment 103005",
             "EGP", -4000, -4000, 0, D(2026, 9, 20), "No"],
            [D(2026, 10, 1), "Invoice", "103012", "C10000", "Nile Foods", "Order 101012",
             "EGP", 10000, 10000, 10000, D(2026, 10, 31), "Yes"],
            [D(2026, 11, 10), "Invoice", "103031", "C10000", "Nile Foods", "Order 101031",
             "EGP", 5000, 5000, 3000, D(2026, 12, 10), "Yes"],
            [D(2026, 11, 20), "Payment", "2611202", "C10000", "Nile Foods", "Payment 103031",
             "EGP", -2000, -2000, 0, D(2026, 11, 20), "No"],
            [D(2026, 11, 20), "Invoice", "103034", "C30000", "Sinai Build", "Order 101034",
             "EGP", 12000, 12000, 12000, D(2026, 12, 20), "Yes"],
        ],
    })
    ids = {"Nile": "C10000", "Delta": "C20000", "Sinai": "C30000"}
    check_export(tmp_path, Export(path, ids, {"A": "103012"}, 7, []))


def test_business_central_payment_terms_codes_and_date_formulas(tmp_path):
    """Business Central's Payment Terms Codes are date formulas or named after them: "CM"
    (the end of the current month), "CM+30D", "CM+1M" (the end of the next month), "14D",
    "2W", and CRONUS's "1M(8D)" (1 Month/2% 8 days: due in a month, 2% off within 8 days).
    Each gives its days and the month's end they count from, so due dates, aging and the
    policy check read them as Business Central does; a formula with days before the month's
    end ("10D+CM": the due date's month depends on the day) is an Input Issue at its cell."""
    codes = ["CM", "CM+30D", "CM+1M", "1M+CM", "14D", "30D", "2W", "1M(8D)", "14 DAYS", "COD",
             "10D+CM"]
    path = _book(tmp_path, {
        "Customers": [["No.", "Name", "Currency Code", "Payment Terms Code", "Credit Limit (LCY)"]]
        + [[f"C{n}0000", f"Customer {code}", "EGP", code, 100_000]
           for n, code in enumerate(codes, 1)],
        "Invoices": [["Document No.", "Customer No.", "Posting Date", "Amount"]]
        + [[f"1030{n:02d}", f"C{n}0000", D(2026, 10, 10), 1000 * n]
           for n in range(1, len(codes) + 1)],
    })
    book = read_book(path)
    assert [(i.sheet, i.cell, i.value, i.message) for i in book.issues] == [
        ("Customers", "D12", "10D+CM",
         "'10D+CM' is not payment terms in days (e.g. 30, Net 30, 30 days)")]
    from ar_excel.core.ledger import due_dates
    from ar_excel.schema import TERMS_EOM

    customers = book.customers
    assert customers["Payment Terms"].astype(object).where(
        customers["Payment Terms"].notna(), None).tolist() == [
        0, 30, 0, 0, 14, 30, 14, 30, 14, 0, None]
    month_end = customers[TERMS_EOM].astype(object).where(customers[TERMS_EOM].notna(), None)
    assert month_end.tolist() == [0, 0, 1, 1, None, None, None, None, None, None, None]
    due = due_dates(book.invoices, customers).dt.strftime("%d/%m/%Y").tolist()
    assert due == ["31/10/2026", "30/11/2026", "30/11/2026", "30/11/2026", "24/10/2026",
                   "09/11/2026", "24/10/2026", "09/11/2026", "24/10/2026", "10/10/2026",
                   "10/10/2026"]
    aging = _run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging.loc["C10000", ["Current", "1-30", "31-60"]].tolist() == [0, 1000, 0]
    assert aging.loc["C20000", ["Current", "1-30"]].tolist() == [2000, 0]  # due 30/11
    assert aging.loc["C30000", "Current"] == 3000 and aging.loc["C40000", "Current"] == 4000
    assert aging.loc["C50000", ["1-30", "31-60"]].tolist() == [0, 5000]  # due 24/10: 37 days
    assert aging.loc["C80000", ["1-30", "31-60"]].tolist() == [8000, 0]  # due 09/11: 21 days
    checks = _run(book, "validate")["Customer Checks"]
    unusual = checks[checks["Code"] == "UNUSUAL_TERMS"]
    # 14 days is no term of the default policy (0, 7, 15, 30, 45, 60, 90), however written
    assert unusual["Customer ID"].tolist() == ["C50000", "C70000", "C90000", "C110000"]


# ---------------------------------------------------------------- Arabic ERP


def test_arabic_erp_customers_invoices_and_receipts(tmp_path):
    """A local Arabic ERP: Arabic sheet names and headers, the invoices and receipts naming
    the customer (اسم العميل) rather than its code, amounts paid and remaining, a totals row,
    dates typed day first and an Arabic-Indic amount."""
    path = _book(tmp_path, {
        "بيانات العملاء": [
            ["كود العميل", "اسم العميل", "الرقم الضريبي", "مدة السداد", "حد الائتمان", "العملة"],
            ["ع-001", "شركة النيل للأغذية", "100-200-301", "30 يوم", 50000, "ج.م"],
            ["ع-002", "دلتا للتجارة", "100-200-302", "30 يوم", 20000, "ج.م"],
            ["ع-003", "سيناء للمقاولات", "100-200-303", "30 يوم", 50000, "ج.م"],
        ],
        "فواتير المبيعات": [
            ["تقرير أرصدة العملاء - حتى 30/11/2026"], [],
            ["رقم الفاتورة", "اسم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "قيمة الفاتورة",
             "المدفوع", "المبلغ المتبقي"],
            ["ف-1012", "شركة النيل للأغذية", "01/10/2026", "31/10/2026", 10000, 0, 10000],
            ["ف-1031", "شركة النيل للأغذية", "10/11/2026", "10/12/2026", "٥٬٠٠٠", 2000, 3000],
            ["ف-1005", "شركة النيل للأغذية", "01/09/2026", "01/10/2026", 4000, 4000, 0],
            ["ف-1008", "دلتا للتجارة", "15/09/2026", "15/10/2026", 8000, 0, 8000],
            ["ف-1034", "سيناء للمقاولات", "20/11/2026", "20/12/2026", 12000, 0, 12000],
            ["الإجمالي", None, None, None, 39000, 6000, 33000],
        ],
        "سندات القبض": [
            ["رقم السند", "التاريخ", "اسم العميل", "المبلغ", "رقم الفاتورة", "طريقة الدفع"],
            ["ق-77", "20/09/2026", "شركة النيل للأغذية", 4000, "ف-1005", "تحويل بنكي"],
            ["ق-91", "20/11/2026", "شركة النيل للأغذية", 2000, "ف-1031", "شيك"],
        ],
    })
    ids = {"Nile": "ع-001", "Delta": "ع-002", "Sinai": "ع-003"}
    check_export(tmp_path, Export(path, ids, {"A": "ف-1012"}, 5, [
        ("فواتير المبيعات", "A9", "'الإجمالي' row is a totals row, not a record: not read")],
        checks=tuple((f"F{r}", "INVALID_CURRENCY", "Warning") for r in (2, 3, 4))))


# ---------------------------------------------------------------- exports under field names

ERPNEXT_CUSTOMERS = [
    ["name", "customer_name", "customer_group", "tax_id", "default_currency"],
    ["Nile Foods", "Nile Foods", "Commercial", "EG-100-200-301", "EGP"],
    ["Delta Traders", "Delta Traders", "Commercial", "EG-100-200-302", "EGP"],
    ["Sinai Build", "Sinai Build", "Commercial", "EG-100-200-303", "EGP"],
]


def test_erpnext_sales_invoices_under_their_field_names(tmp_path):
    """ERPNext's Sales Invoice exported under its field names (``name`` is the invoice's
    number, ``customer`` its customer), with the invoices' own payments as outstanding."""
    path = _book(tmp_path, {
        "Customer": [["ID", "Customer Name", "Tax ID", "Default Currency"],
                     *[[r[0], r[1], r[3], r[4]] for r in ERPNEXT_CUSTOMERS[1:]]],
        "Sales Invoice": [
            ["name", "customer", "customer_name", "posting_date", "due_date", "currency",
             "grand_total", "outstanding_amount", "status"],
            ["ACC-SINV-2026-00012", "Nile Foods", "Nile Foods", "2026-10-01", "2026-10-31",
             "EGP", 10000, 10000, "Overdue"],
            ["ACC-SINV-2026-00031", "Nile Foods", "Nile Foods", "2026-11-10", "2026-12-10",
             "EGP", 5000, 3000, "Partly Paid"],
            ["ACC-SINV-2026-00005", "Nile Foods", "Nile Foods", "2026-09-01", "2026-10-01",
             "EGP", 4000, 0, "Paid"],
            ["ACC-SINV-2026-00008", "Delta Traders", "Delta Traders", "2026-09-15",
             "2026-10-15", "EGP", 8000, 8000, "Overdue"],
            ["ACC-SINV-2026-00034", "Sinai Build", "Sinai Build", "2026-11-20", "2026-12-20",
             "EGP", 12000, 12000, "Unpaid"],
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    check_export(tmp_path, Export(path, ids, {"A": "ACC-SINV-2026-00012"}, 5, []))


def test_odoo_invoices_under_their_technical_field_names(tmp_path):
    """Odoo's export with technical names (``name``, ``partner_id``, ``invoice_date``,
    ``invoice_date_due``, ``amount_total_signed``, ``amount_residual_signed``)."""
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Tax ID", "Currency"],
                      ["C0001", "Nile Foods", "EG-100-200-301", "EGP"],
                      ["C0002", "Delta Traders", "EG-100-200-302", "EGP"],
                      ["C0003", "Sinai Build", "EG-100-200-303", "EGP"]],
        "account.move": [
            ["name", "partner_id", "invoice_date", "invoice_date_due", "currency_id",
             "amount_total_signed", "amount_residual_signed", "payment_state", "state"],
            ["INV/2026/00012", "Nile Foods", "2026-10-01", "2026-10-31", "EGP", 10000, 10000,
             "not_paid", "posted"],
            ["INV/2026/00031", "Nile Foods", "2026-11-10", "2026-12-10", "EGP", 5000, 3000,
             "partial", "posted"],
            ["INV/2026/00005", "Nile Foods", "2026-09-01", "2026-10-01", "EGP", 4000, 0,
             "paid", "posted"],
            ["INV/2026/00008", "Delta Traders", "2026-09-15", "2026-10-15", "EGP", 8000, 8000,
             "not_paid", "posted"],
            ["INV/2026/00034", "Sinai Build", "2026-11-20", "2026-12-20", "EGP", 12000, 12000,
             "not_paid", "posted"],
        ],
    })
    ids = {"Nile": "C0001", "Delta": "C0002", "Sinai": "C0003"}
    check_export(tmp_path, Export(path, ids, {"A": "INV/2026/00012"}, 5, []))


# ---------------------------------------------------------------- no false aliases


def test_the_new_export_words_never_outrank_a_sheets_own_column(tmp_path):
    """Where a sheet has its contract column, an export's word beside it is carried, never
    read in its place: Memo beside Invoice No, No. (a row count) beside Customer Code,
    Reference beside Customer ID, Customer Name beside Customer ID, Number beside
    Invoice No, Original Amount beside Amount, Amount Due beside Balance."""
    path = _book(tmp_path, {
        "Customers": [["No.", "Customer Code", "Reference", "Customer Name", "Tax ID"],
                      [1, "C1", "Sales: Omar", "Nile Foods", "EG-1"],
                      [2, "C2", "Sales: Mona", "Delta Traders", "EG-2"]],
        "Invoices": [["Number", "Invoice No", "Customer ID", "Customer Name", "Invoice Date",
                      "Original Amount", "Amount", "Balance", "Amount Due"],
                     [1, "I-1", "C1", "Nile Foods", D(2026, 11, 1), 999, 100, 100, 7],
                     [2, "I-2", "C2", "Delta Traders", D(2026, 11, 2), 999, 200, 50, 7]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Memo"],
                     ["R1", "C2", D(2026, 11, 20), 150, "I-2", "I-1"]],
    })
    book = read_book(path)
    assert book.issues == []
    assert book.customers[["Customer ID", "Name"]].values.tolist() == [
        ["C1", "Nile Foods"], ["C2", "Delta Traders"]]
    assert book.invoices[["Invoice No", "Customer ID", "Amount", "Balance"]].values.tolist(
    ) == [["I-1", "C1", 100.0, 100.0], ["I-2", "C2", 200.0, 50.0]]
    assert book.payments["Invoice No"].tolist() == ["I-2"]
    aging = _run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging["Total"].to_dict() == {"C1": 100.0, "C2": 50.0}


def test_a_text_alone_in_a_key_column_is_a_broken_record_not_a_heading(tmp_path):
    """A group heading is a text alone in a column that cannot hold it; an invoice number
    alone, or a date alone, is a record missing the rest, and is reported."""
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", D(2026, 11, 1), 100],
                     ["I-2"],
                     ["I-3", "C1", D(2026, 11, 3), 300]],
        "Payments": [["Date", "Customer ID", "Amount", "Invoice No"],
                     [D(2026, 11, 4), "C1", 50, "I-1"],
                     ["01/11/2026"]],
    })
    book = read_book(path)
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        ("Invoices", "B3", "Customer ID is required but blank"),
        ("Invoices", "C3", "Invoice Date is required but blank"),
        ("Invoices", "D3", "Amount is required but blank"),
        ("Payments", "B3", "Customer ID is required but blank"),
        ("Payments", "C3", "Amount is required but blank")]
    assert book.invoices["Invoice No"].tolist() == ["I-1", "I-2", "I-3"]


def test_dynamics_365_finance_all_customers_and_open_transactions(tmp_path):
    """Dynamics 365 Finance & Operations: "All customers" (Customer account, Terms of
    payment, Credit limit) and the open customer transactions (Voucher, Invoice, Amount in
    transaction currency, Balance)."""
    path = _book(tmp_path, {
        "All customers": [
            ["Customer account", "Name", "Customer group", "Currency", "Terms of payment",
             "Credit limit", "Tax exempt number"],
            ["US-001", "Nile Foods", "30", "EGP", "Net30", 50000, "EG-100-200-301"],
            ["US-002", "Delta Traders", "30", "EGP", "Net30", 20000, "EG-100-200-302"],
            ["US-003", "Sinai Build", "30", "EGP", "Net30", 50000, "EG-100-200-303"],
        ],
        "Open transactions": [
            ["Customer account", "Voucher", "Invoice", "Date", "Due date", "Currency",
             "Amount in transaction currency", "Balance"],
            ["US-001", "ARI-000012", "CIV-000012", D(2026, 10, 1), D(2026, 10, 31), "EGP",
             10000, 10000],
            ["US-001", "ARI-000031", "CIV-000031", D(2026, 11, 10), D(2026, 12, 10), "EGP",
             5000, 3000],
            ["US-002", "ARI-000008", "CIV-000008", D(2026, 9, 15), D(2026, 10, 15), "EGP",
             8000, 8000],
            ["US-003", "ARI-000034", "CIV-000034", D(2026, 11, 20), D(2026, 12, 20), "EGP",
             12000, 12000],
        ],
    })
    ids = {"Nile": "US-001", "Delta": "US-002", "Sinai": "US-003"}
    check_export(tmp_path, Export(path, ids, {"A": "CIV-000012"}, 4, []))


def test_a_grouped_report_on_a_sheet_named_sheet1_is_found_by_its_header_and_headings(
        tmp_path):
    """An exported report keeps its export's sheet name ("Sheet1"): its header names the
    invoice columns, and the customer headings under it stand for the customer column."""
    path = _book(tmp_path, {
        "Sheet1": [r[:4] + [None] for r in QB_CUSTOMERS[3:]],
        "Sheet2": [
            [None, "Date", "Transaction Type", "Num", "Due Date", "Amount", "Open Balance"],
            ["Delta Traders"],
            [None, "09/15/2026", "Invoice", "1008", "10/15/2026", 8000, 8000],
            ["Nile Foods"],
            [None, "10/01/2026", "Invoice", "1012", "10/31/2026", 10000, 10000],
            [None, "11/10/2026", "Invoice", "1031", "12/10/2026", 5000, 3000],
            ["Sinai Build"],
            [None, "11/20/2026", "Invoice", "1034", "12/20/2026", 12000, 12000],
        ],
    })
    book = read_book(path)
    assert book.tables["Invoices"].sheet == "Sheet2"
    assert book.invoices[["Invoice No", "Customer ID"]].values.tolist() == [
        ["1008", "Delta Traders"], ["1012", "Nile Foods"], ["1031", "Nile Foods"],
        ["1034", "Sinai Build"]]
    assert book.issues == []


def test_quickbooks_desktop_open_invoices_with_indent_columns_and_only_open_balances(
        tmp_path):
    """QuickBooks Desktop's Open Invoices: two indent columns before Type, the customer a
    heading in the first, and only the Open Balance of each invoice (no original amount)."""
    path = _book(tmp_path, {
        "Customer Contact List": QB_CUSTOMERS,
        "Open Invoices": [
            ["Nile Trading Co."], ["Open Invoices"], ["As of November 30, 2026"],
            [None, None, "Type", "Date", "Num", "Terms", "Due Date", "Aging", "Open Balance"],
            ["Delta Traders"],
            [None, None, "Invoice", "09/15/2026", "1008", "Net 30", "10/15/2026", 46, 8000],
            ["Total Delta Traders", None, None, None, None, None, None, None, 8000],
            ["Nile Foods"],
            [None, None, "Invoice", "10/01/2026", "1012", "Net 30", "10/31/2026", 30, 10000],
            [None, None, "Invoice", "11/10/2026", "1031", "Net 30", "12/10/2026", None, 3000],
            ["Total Nile Foods", None, None, None, None, None, None, None, 13000],
            ["Sinai Build"],
            [None, None, "Invoice", "11/20/2026", "1034", "Net 30", "12/20/2026", None, 12000],
            ["Total Sinai Build", None, None, None, None, None, None, None, 12000],
            ["TOTAL", None, None, None, None, None, None, None, 33000],
        ],
    })
    ids = {"Nile": "Nile Foods", "Delta": "Delta Traders", "Sinai": "Sinai Build"}
    check_export(tmp_path, Export(path, ids, {"A": "1012"}, 4, [
        ("Open Invoices", "A7", "3 subtotal rows ('Total Delta Traders' and the like) are not "
                                "records: not read (A7, A11, A14)"),
        ("Open Invoices", "A15", "'TOTAL' row is a totals row, not a record: not read")]))
