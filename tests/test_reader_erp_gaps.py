"""ERP exports the reader once refused or misread, read as the accountant means them:

* an aging report giving due dates and no invoice dates ("Customer, Document No, Due Date,
  Amount, 0-30, 31-60 ..."): read as open invoices, the invoice date worked out from the
  terms where they are known (and said), else left blank, and every job copes;
* SAP's payment terms keys (NT30, ZB30, Z030, 0001) in the customers' terms;
* Dynamics GP's document types ("CR" credit memo, "RTN" return) typed positive;
* the user's invoice list on a sheet named like a tab ar_excel writes ("Aging");
* a minimal receipts list (Customer, Amount) where a receipt repeats the amount above it.
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.io.sheet_kinds import is_own_tab
from ar_excel.parsing import parse_terms_text
from tests.test_erp_exports import _book, _run

D = datetime
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


def _aging(book) -> dict[str, list[float]]:
    aging = _run(book, "aging")["Aging"]
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()}


# ---------------------------------------------------------------- due dates only

CUSTOMERS = [["Customer ID", "Name", "Payment Terms", "Credit Limit", "Currency"],
             ["C001", "Nile Foods", "Net 30", 50000, "EGP"],
             ["C002", "Delta Traders", "NT45", 40000, "EGP"],
             ["C003", "Sinai Build", None, 30000, "EGP"],
             ["C004", "Red Sea Hotels", "Net 30 EOM", 30000, "EGP"]]

AGING_REPORT = [
    ["Aged Receivables as at 30/11/2026"],
    [],
    ["Customer", "Document No", "Due Date", "Amount", "Current", "0-30", "31-60", "61-90",
     "90+"],
    ["C001", "INV-101", D(2026, 10, 31), 10000, None, 10000, None, None, None],
    ["C001", "INV-102", D(2026, 12, 10), 3000, 3000, None, None, None, None],
    ["C001", "CN-7", D(2026, 11, 20), -500, None, -500, None, None, None],
    ["C002", "INV-201", D(2026, 10, 15), 8000, None, None, 8000, None, None],
    ["C003", "INV-301", D(2026, 12, 20), 12000, 12000, None, None, None, None],
    ["C004", "INV-401", D(2026, 9, 15), 2000, None, None, None, 2000, None],
    ["Total", None, None, 34500, 15000, 9500, 8000, 2000, 0]]


def test_an_aging_report_with_due_dates_only_is_read_as_open_invoices(tmp_path):
    """Invoice date = due date less the terms (Net 30, SAP's NT45), said in one issue; a
    credit note's date is its due date; a customer without terms, or with terms counting
    from a month's end, keeps a blank invoice date, said in another. Aged by due date."""
    book = read_book(_book(tmp_path, {"Customers": CUSTOMERS, "AR Aging": AGING_REPORT}))
    assert _issues(book) == [
        ("AR Aging", "A10", "'Total' row is a totals row, not a record: not read"),
        ("AR Aging", "C4", "sheet 'AR Aging' has no Invoice Date column: 4 invoice date(s) "
                           "worked out as the Due Date less the Payment Terms (a credit note: "
                           "its own date) (C4, C5, C6, C7)"),
        ("AR Aging", "C8", "sheet 'AR Aging' has no Invoice Date column and no Payment Terms "
                           "in days for 2 invoice(s): their invoice dates are left blank (aged "
                           "by their Due Date; DSO and the invoice date checks leave them out) "
                           "(C8, C9)")]
    invoices = book.invoices.set_index("Invoice No")
    dates = invoices["Invoice Date"].dt.strftime("%Y-%m-%d").fillna("").to_dict()
    assert dates == {"INV-101": "2026-10-01", "INV-102": "2026-11-10", "CN-7": "2026-11-20",
                     "INV-201": "2026-08-31", "INV-301": "", "INV-401": ""}
    assert invoices["Amount"].tolist() == [10000, 3000, -500, 8000, 12000, 2000]
    assert _aging(book) == {
        "C001": [3000, 9500, 0, 0, 0, 12500],
        "C002": [0, 0, 8000, 0, 0, 8000],
        "C003": [12000, 0, 0, 0, 0, 12000],
        "C004": [0, 0, 0, 2000, 0, 2000]}


def test_every_job_copes_with_invoices_of_unknown_date(tmp_path):
    """The month-end run and the management pack on the aging report: the aging ties, the
    undated invoice is aged by its due date, and DSO (whose sales cannot be known) is blank."""
    from ar_excel.cli import main

    path = _book(tmp_path, {"Customers": CUSTOMERS, "AR Aging": AGING_REPORT})
    out = tmp_path / "out.xlsx"
    assert main(["run", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    undated = detail[detail["Invoice No"] == "INV-301"].iloc[0]
    assert pd.isna(undated["Date"]) and undated["Bucket"] == "Current"
    assert detail["Open Amount"].sum() == 34500
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert issues["Cell"].tolist() == ["A10", "C4", "C8"]

    pack = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-11-30", "-o", str(pack)]) == 0
    kpis = pd.read_excel(pack, sheet_name="KPIs", engine="calamine")
    kpis = kpis[kpis["Currency"] == "EGP"].set_index("KPI")["Value"]
    assert kpis["Closing AR"] == 34500
    assert pd.isna(kpis["DSO"]) and pd.isna(kpis["Credit Sales"])


def test_a_due_dates_only_list_on_sheet1_is_found_by_its_header(tmp_path):
    """No sheet named for invoices: the header (Customer, Document No, Due Date, Amount)
    is an invoice list's; a row without a due date has no date at all and is said."""
    book = read_book(_book(tmp_path, {
        "Customers": CUSTOMERS[:3],
        "Sheet1": [["Customer", "Document No", "Due Date", "Amount"],
                   ["C001", "INV-101", D(2026, 10, 31), 10000],
                   ["C002", "INV-201", None, 8000]]}))
    assert book.tables["Invoices"].sheet == "Sheet1"
    assert _issues(book) == [
        ("Sheet1", "C2", "sheet 'Sheet1' has no Invoice Date column: 1 invoice date(s) worked "
                         "out as the Due Date less the Payment Terms (C2)"),
        ("Sheet1", "C3", "Due Date is required but blank (the sheet has no Invoice Date "
                         "column)")]
    assert book.invoices["Invoice Date"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2026-10-01", ""]


def test_an_aging_report_handed_over_without_a_customer_list_keeps_blank_dates(tmp_path):
    """No customer list, so no terms: no invoice date is invented."""
    book = read_book(_book(tmp_path, {"AR Aging": [
        ["Customer", "Document No", "Due Date", "Amount"],
        ["Nile Foods", "INV-101", D(2026, 10, 31), 10000],
        ["Delta Traders", "INV-201", D(2026, 12, 15), 8000]]}))
    assert book.invoices["Invoice Date"].isna().all()
    assert ("AR Aging", "C2", "sheet 'AR Aging' has no Invoice Date column and no Payment Terms "
                              "in days for 2 invoice(s): their invoice dates are left blank "
                              "(aged by their Due Date; DSO and the invoice date checks leave "
                              "them out) (C2, C3)") in _issues(book)
    assert _aging(book) == {"Delta Traders": [8000, 0, 0, 0, 0, 8000],
                            "Nile Foods": [0, 10000, 0, 0, 0, 10000]}


def test_an_invoice_date_column_is_never_replaced_by_the_due_date(tmp_path):
    """A list with both keeps its invoice dates, blank ones reported as before."""
    book = read_book(_book(tmp_path, {
        "Customers": CUSTOMERS[:2],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV-1", "C001", None, D(2026, 10, 31), 100]]}))
    assert _issues(book) == [("Invoices", "C2", "Invoice Date is required but blank")]
    assert book.invoices["Invoice Date"].isna().all()


# ---------------------------------------------------------------- SAP terms keys


@pytest.mark.parametrize(("key", "days"), [
    ("NT30", 30), ("nt60", 60), ("ZB30", 30), ("Z030", 30), ("ZN45", 45), ("Z000", 0),
    ("0001", 0)])
def test_sap_payment_terms_keys_named_for_their_net_days(key, days):
    assert parse_terms_text(key) == days


@pytest.mark.parametrize("key", ["ZB01", "0002", "0004", "NT05"])
def test_sap_keys_whose_days_their_names_do_not_say_are_reported(key):
    with pytest.raises(ValueError, match=rf"^'{key}' is an SAP payment terms key whose net "
                                         rf"days cannot be read from it"):
        parse_terms_text(key)


def test_a_sap_customer_master_with_terms_keys(tmp_path):
    """SAP's customer list: "Terms of Payment" holds keys; the readable ones give the due
    dates, an unreadable one is said at its cell and its customer's terms stay blank."""
    book = read_book(_book(tmp_path, {
        "Customers": [["Customer", "Name 1", "Terms of Payment"],
                      ["100001", "Nile Foods", "NT30"], ["100002", "Delta Traders", "0001"],
                      ["100003", "Sinai Build", "ZB01"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["90000012", "100001", D(2026, 10, 1), 10000],
                     ["90000013", "100002", D(2026, 11, 20), 4000],
                     ["90000014", "100003", D(2026, 11, 25), 1000]]}))
    assert _issues(book) == [
        ("Customers", "C4", "'ZB01' is an SAP payment terms key whose net days cannot be read "
                            "from it: write its days (e.g. 30, Net 30)")]
    assert book.customers["Payment Terms"].fillna(-1).tolist() == [30, 0, -1]
    assert _aging(book) == {"100001": [0, 10000, 0, 0, 0, 10000],
                            "100002": [0, 4000, 0, 0, 0, 4000],
                            "100003": [0, 1000, 0, 0, 0, 1000]}


# ---------------------------------------------------------------- GP document types


def test_dynamics_gp_document_types_cr_and_rtn_are_credits(tmp_path):
    """GP's receivables types typed positive: SLS and DR are charges, CR, CM, Credit Memo and
    RTN credits, PMT money received; an unknown type is said, read as written."""
    book = read_book(_book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["NILE", "Nile Foods"]],
        "Invoices": [
            ["Document Type", "Document Number", "Customer ID", "Document Date", "Amount"],
            ["SLS", "STDINV1", "NILE", D(2026, 11, 1), 1000],
            ["CR", "CR-1", "NILE", D(2026, 11, 2), 200],
            ["CM", "CM-1", "NILE", D(2026, 11, 3), 30],
            ["Credit Memo", "CM-2", "NILE", D(2026, 11, 3), 20],
            ["RTN", "RTN-1", "NILE", D(2026, 11, 4), 50],
            ["DR", "DM-1", "NILE", D(2026, 11, 5), 70],
            ["PMT", "PYMNT1", "NILE", D(2026, 11, 6), 100],
            ["XYZ", "X-1", "NILE", D(2026, 11, 7), 40],
            ["XYZ", "X-2", "NILE", D(2026, 11, 8), 10]]}))
    assert _issues(book) == [
        ("Invoices", "A9", "Document Type 'XYZ' is no document type ar_excel reads (an invoice, "
                           "a credit note, a receipt): 2 row(s) read with their amounts as "
                           "written (A9, A10)")]
    assert book.invoices["Amount"].tolist() == [1000, -200, -30, -20, -50, 70, -100, 40, 10]
    assert _aging(book) == {"NILE": [0, 720, 0, 0, 0, 720]}


def test_cr_beside_cash_is_a_sale_on_credit_not_a_credit_memo(tmp_path):
    """A sale-terms column (Cash / CR): both are sales, nothing is said."""
    book = read_book(_book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["NILE", "Nile Foods"]],
        "Invoices": [["Type", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["Cash", "I-1", "NILE", D(2026, 11, 1), 1000],
                     ["CR", "I-2", "NILE", D(2026, 11, 2), 200]]}))
    assert book.issues == []
    assert book.invoices["Amount"].tolist() == [1000, 200]


def test_a_type_column_naming_no_document_type_is_left_alone(tmp_path):
    """"Goods" / "Services": another column headed Type; nothing to say."""
    book = read_book(_book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["NILE", "Nile Foods"]],
        "Invoices": [["Type", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["Goods", "I-1", "NILE", D(2026, 11, 1), 1000],
                     ["Services", "I-2", "NILE", D(2026, 11, 2), 200]]}))
    assert book.issues == []
    assert book.invoices["Amount"].tolist() == [1000, 200]


# ---------------------------------------------------------------- output tab names

USERS_AGING = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
               ["INV-1", "C001", D(2026, 10, 1), D(2026, 10, 31), 10000],
               ["INV-2", "C002", D(2026, 11, 10), D(2026, 12, 25), 4000]]


def test_the_users_invoice_list_on_a_sheet_named_aging_is_read_and_said(tmp_path):
    book = read_book(_book(tmp_path, {"Customers": CUSTOMERS[:3], "Aging": USERS_AGING}))
    assert book.tables["Invoices"].sheet == "Aging"
    assert _issues(book) == [
        ("Aging", "A1", "sheet 'Aging' is named like a tab ar_excel writes, but holds an "
                        "invoice list (no other sheet does): read as the Invoices sheet; rename "
                        "it (e.g. 'Invoices'), as ar_excel writes a tab of that name")]
    assert _aging(book) == {"C001": [0, 10000, 0, 0, 0, 10000],
                            "C002": [4000, 0, 0, 0, 0, 4000]}


def test_a_sheet_named_aging_gives_way_to_the_invoice_sheet(tmp_path):
    book = read_book(_book(tmp_path, {
        "Customers": CUSTOMERS[:3], "Aging": USERS_AGING,
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-9", "C001", D(2026, 11, 1), 500]]}))
    assert book.tables["Invoices"].sheet == "Invoices" and book.issues == []
    assert book.invoices["Invoice No"].tolist() == ["INV-9"]


def test_our_own_output_tabs_are_never_read_as_input(tmp_path):
    """Every tab of a month-end run, in a workbook with the customer list and no invoices:
    none is taken for the invoices (Aging Detail and Receipts To Post have invoice-like
    headers; they are known as ours) nor for the receipts."""
    from ar_excel.cli import main

    path = _book(tmp_path, {"Customers": CUSTOMERS[:3], "Invoices": USERS_AGING})
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n28/11/2026,NILE FOODS PAYMENT INV-1,10000.00\n",
                    encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["run", str(path), "--bank", str(bank), "--as-of", "2026-11-30", "-o",
                 str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert {"Aging Detail", "Receipts To Post", "Expected Payments"} <= set(wb.sheetnames)
    customers = wb.create_sheet("Customers")
    for row in CUSTOMERS[:3]:
        customers.append(row)
    wb.save(out)
    book = read_book(out)
    assert set(book.tables) == {"Customers"}
    from ar_excel.io.grid import Grid
    for name in ("Aging Detail", "Receipts To Post", "Expected Payments"):
        rows = [list(r) for r in wb[name].iter_rows(values_only=True)]
        assert is_own_tab(Grid(name, rows)), name


# ---------------------------------------------------------------- a repeated receipt


def _receipts(tmp_path, rows):
    return read_book(_book(tmp_path, {
        "Customers": [["Customer ID", "Name"], ["C001", "A"], ["C002", "B"], ["C003", "C"],
                      ["C004", "D"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C001", D(2026, 11, 1), 100]],
        "Payments": [["Customer", "Amount"], *rows]}))


def test_a_blank_customer_repeating_the_receipt_above_is_a_second_receipt(tmp_path):
    """After a subtotal of two receipts, a blank-customer 200 under a single 200 is another
    receipt of the same size (its blank customer said), not a subtotal of one."""
    book = _receipts(tmp_path, [["C001", 500], ["C002", 300], [None, 800], ["C003", 200],
                                [None, 200]])
    assert book.payments["Amount"].tolist() == [500, 300, 200, 200]
    assert _issues(book) == [
        ("Payments", "B4", "row 4 holds only 800.00, the sum of the rows above it: a totals "
                           "row, not a record: not read"),
        ("Payments", "A6", "Customer is required but blank")]


def test_a_later_total_leaving_the_repeated_amount_out_makes_it_a_subtotal(tmp_path):
    """The grand total (1,150) sums the receipts without the 200 under C003's: a subtotal
    after all, as are the others."""
    book = _receipts(tmp_path, [["C001", 500], ["C001", 300], [None, 800], ["C003", 200],
                                [None, 200], ["C004", 100], ["C004", 50], [None, 150],
                                [None, 1150]])
    assert book.payments["Amount"].tolist() == [500, 300, 200, 100, 50]
    assert _issues(book) == [
        ("Payments", "B4", "4 rows hold only the sum of the rows above them (subtotals and "
                           "totals without a label, the first 800.00): not records, not read "
                           "(B4, B6, B9, B10)")]


@pytest.mark.parametrize(("rows", "kept"), [
    ([["C001", 500], [None, 500]], [500]),  # one receipt and its total
    ([["C001", 500], [None, 500], ["C002", 300], [None, 300]], [500, 300]),  # each subtotalled
    ([["C001", 500], ["C001", 500], [None, 1000]], [500, 500]),
    ([["C001", 500], ["C002", 500], [None, 500]], [500, 500, 500]),  # no sum of the two
])
def test_real_totals_are_still_set_aside(tmp_path, rows, kept):
    assert _receipts(tmp_path, rows).payments["Amount"].tolist() == kept
