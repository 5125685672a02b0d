"""Receivables exports pasted as they come out of ERPs and accounting packages (helper-191):
report titles and filters above the header, a heading row per customer, subtotal and total
rows, amounts with their currency in the cell, negatives in parentheses or with a trailing
minus, dates as text in the export's format or as Excel serials. Each book's figures are an
accountant's by hand, as of 30/11/2026."""

from __future__ import annotations

import pytest

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets
from tests.test_erp_exports import _run as _tabs

BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _aging(book) -> dict[str, list[float]]:
    aging = _tabs(book, "aging")["Aging"]
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()}


# ---------------------------------------------------------------- labelled group headings


@pytest.mark.parametrize("heading", [
    "Customer: {code} - {name}", "Customer: {name}", "Customer {code} - {name}",
    "Account: {code} {name}", "Customer No.: {code}", "Customer {code} {name}", "العميل: {code} - {name}",
    "اسم العميل: {name}", "كود العميل : {code}"])
def test_a_group_heading_labelled_customer_names_the_customer(tmp_path, heading):
    """Sage's and local Arabic systems' open-items reports head each customer's group with a
    label ("Customer: 1001 - Nile Foods", "العميل: 1001 - مؤسسة النيل"): the group is that
    customer's, as a bare "1001 - Nile Foods" heading is. The heading was taken whole as an
    unknown customer's key (its invoices aged under '(not in Customers)')."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["1001", "Nile Foods"],
                      ["1002", "مؤسسة الدلتا"]],
        "Invoices": [
            ["Open Invoices by Customer"], ["As of 30/11/2026"], [],
            [None, "Invoice No", "Invoice Date", "Due Date", "Amount"],
            [heading.format(code="1001", name="Nile Foods")],
            [None, "INV-11", "15/09/2026", "15/10/2026", "4,000.00"],
            [None, "INV-12", "01/11/2026", "01/12/2026", "1,500.00"],
            [heading.format(code="1002", name="مؤسسة الدلتا")],
            [None, "INV-21", "01/08/2026", "31/08/2026", "(250.00)"],
            [None, "INV-22", "10/10/2026", "09/11/2026", "2,000.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["1001", "1001", "1002", "1002"]
    assert _aging(book) == {
        "1001": [1500, 0, 4000, 0, 0, 5500],
        # the credit of 250 aged by its own date (1 August: 121 days), INV-22 21 days late
        "1002": [0, 2000, 0, 0, -250, 1750]}


def test_a_heading_that_only_starts_like_a_label_is_left_as_written():
    from ar_excel.io.report_rows import heading_customer

    assert heading_customer("1 - 30 days past due") == "1 - 30 days past due"
    assert heading_customer("Customer Care Ltd") == "Customer Care Ltd"
    assert heading_customer("Current") == "Current"
    assert heading_customer("Due: 31/12/2026") == "Due: 31/12/2026"
    assert heading_customer("Customer 01") == "Customer 01"
    assert heading_customer("Account 7 Holdings") == "Account 7 Holdings"


# ---------------------------------------------------------------- SAP FBL5N, grouped by account


def _fbl5n(amount_header: str) -> list[list]:
    """FBL5N's all-items list exported from its ALV grid with the short column headings, one
    block per customer under a 'Customer <number> <name>' heading, SAP's '*' beside each
    customer's sum and '**' beside the list's."""
    return [
        ["Customer Line Item Display"], [], ["Company Code", "1000"],
        ["Open items as of key date", "30.11.2026"], [],
        ["St", "Assignment", "DocumentNo", "Type", "Doc. Date", "PK", "Net due dt",
         amount_header, "Curr.", "Clrng doc.", "Text"],
        ["Customer 100001 Nile Foods"],
        ["@5C\\QOpen@", "PO-4471", "90000012", "RV", "01.10.2026", "01", "31.10.2026",
         "10.000,00", "EGP", None, "Invoice"],
        ["@5C\\QOpen@", "PO-4502", "90000031", "RV", "10.11.2026", "01", "10.12.2026",
         "5.000,00", "EGP", None, None],
        ["@5C\\QOpen@", "PO-4502", "1400000077", "DZ", "20.11.2026", "15", "20.11.2026",
         "2.000,00-", "EGP", None, "Part payment"],
        ["@5B\\QCleared@", "PO-4390", "90000005", "RV", "01.09.2026", "01", "01.10.2026",
         "4.000,00", "EGP", "1400000041", None],
        ["@5B\\QCleared@", "PO-4390", "1400000041", "DZ", "20.09.2026", "15", "20.09.2026",
         "4.000,00-", "EGP", "1400000041", None],
        [None, None, None, None, None, None, "*", "13.000,00", "EGP", None, None],
        ["Customer 100002 Delta Traders"],
        ["@5C\\QOpen@", "PO-1180", "90000008", "RV", "15.09.2026", "01", "14.11.2026",
         "8.000,00", "EGP", None, None],
        ["@5C\\QOpen@", "RET-1", "1600000003", "DG", "25.11.2026", "11", "25.11.2026",
         "500,00-", "EGP", None, "Credit memo"],
        [None, None, None, None, None, None, "*", "7.500,00", "EGP", None, None],
        [None, None, None, None, None, None, "**", "20.500,00", "EGP", None, None]]


@pytest.mark.parametrize("amount_header", ["Amount in DC", "Amt in loc.cur.", "Amount in LC"])
def test_sap_fbl5n_grouped_by_account_with_its_star_subtotals(tmp_path, amount_header):
    """The '*' and '**' rows were read as three undated invoices (13,000, 7,500 and 20,500
    more owed, under Current); 'Amount in DC' and 'Amt in loc.cur.' (FBL5N's own headings)
    named no amount, and the list was left unread without a word."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer", "Name 1", "City", "Currency"],
                      ["100001", "Nile Foods", "Cairo", "EGP"],
                      ["100002", "Delta Traders", "Giza", "EGP"]],
        "FBL5N": _fbl5n(amount_header)})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        ("FBL5N", "G13", "3 subtotal rows ('*' and the like) are not records: not read "
                         "(G13, G17, G18)")]
    # Nile: 90000012 due 31/10 (30 days), the part payment of 20/11 (10 days), 90000031
    # not due; 90000005 cleared by 1400000041. Delta: 90000008 due 14/11 (16 days), the
    # credit memo of 25/11 (5 days)
    assert _aging(book) == {"100001": [5000, 8000, 0, 0, 0, 13000],
                            "100002": [0, 7500, 0, 0, 0, 7500]}


@pytest.mark.parametrize("header", [
    ["DocumentNo", "Account", "Doc. Date", "Net due dt", "Amt in loc.cur.", "LCurr",
     "Amount in DC", "Curr."],
    ["DocumentNo", "Account", "Doc. Date", "Net due dt", "Amount in DC", "Crcy",
     "Amount in LC", "LCurr"]])
def test_fbl5n_amount_in_document_currency_beside_local(tmp_path, header):
    """FBL5N with both amounts: a USD invoice of 1,000.00 (48,500.00 EGP in local currency)
    is owed as USD 1,000.00, the amount in its own currency (it was USD 48,500.00)."""
    values = {"DocumentNo": ("9001", "9002"), "Account": ("100001", "100001"),
              "Doc. Date": ("01.10.2026", "01.10.2026"),
              "Net due dt": ("31.10.2026", "31.10.2026"),
              "Amount in DC": ("1.000,00", "5.000,00"), "Curr.": ("USD", "EGP"),
              "Crcy": ("USD", "EGP"), "Amt in loc.cur.": ("48.500,00", "5.000,00"),
              "Amount in LC": ("48.500,00", "5.000,00"), "LCurr": ("EGP", "EGP")}
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer", "Name 1"], ["100001", "Nile Foods"]],
        "FBL5N": [header, *([values[h][k] for h in header] for k in (0, 1))]})
    book = read_book(path)
    assert book.invoices[["Invoice No", "Amount", "Currency"]].values.tolist() == [
        ["9001", 1000.0, "USD"], ["9002", 5000.0, "EGP"]]


# ---------------------------------------------------------------- amounts as reports print them


@pytest.mark.parametrize(("typed", "amount"), [
    ("1.250,-", 1250.0), ("15.000,-", 15000.0), ("EGP 1.250.000,-", 1_250_000.0),
    ("1,250.-", 1250.0), ("(1.250,-)", -1250.0),
    ("–1,000.00", -1000.0), ("1,000.00–", -1000.0), ("EGP –2,500.50", -2500.5),
    ("1.250,–", 1250.0), ("–", 0.0)])
def test_no_cents_after_a_decimal_comma_and_an_en_dash_minus(typed, amount):
    """'1.250,-' (no cents, the German and Swiss way) is 1,250: the comma before the dash is
    the decimal mark, so the dot is a thousands separator (it was read 1.25, and '15.000,-'
    15.00, a thousandth of the invoice, even in a decimal-comma workbook's neighbour rows).
    A report typeset before it was pasted prints its minus as an en dash ('–1,000.00'): it
    was 'not a number'."""
    from ar_excel.parsing import parse_money

    assert parse_money(typed) == amount
    assert parse_money(typed, decimal_comma=True) == amount


def test_no_cents_amounts_in_an_invoice_list(tmp_path):
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", "01/10/2026", "1.250,-"],
                     ["I2", "C1", "01/10/2026", "15.000,-"],
                     ["I3", "C1", "01/10/2026", "1,000.50"],
                     ["I4", "C1", "01/11/2026", "–300.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [1250.0, 15000.0, 1000.5, -300.0]
    assert book.issues == []


def test_arabic_statement_of_accounts_headed_customer_by_customer(tmp_path):
    """A local system's statement of accounts (كشف حساب العملاء) for all customers in one
    sheet: each customer's block headed 'العميل: 1001 - مؤسسة النيل للأغذية', with its
    opening balance, debit / credit / running balance, its total and closing balance rows.
    Each block was an unknown customer 'العميل: 1001 - ...'."""
    header = ["التاريخ", "رقم المستند", "نوع المستند", "البيان", "مدين", "دائن", "الرصيد"]
    path = save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["كود العميل", "اسم العميل", "مدة السداد"],
                    ["1001", "مؤسسة النيل للأغذية", "30"], ["1002", "شركة الدلتا", "30"]],
        "كشف الحساب": [
            ["شركة الأمل للتجارة"], ["كشف حساب العملاء"], ["من 01/01/2026 إلى 30/11/2026"], [],
            header,
            ["العميل: 1001 - مؤسسة النيل للأغذية"],
            ["01/01/2026", None, None, "رصيد أول المدة", "4,000.00", None, "4,000.00"],
            ["15/09/2026", "F-101", "فاتورة مبيعات", "توريد", "10,000.00", None, "14,000.00"],
            ["20/10/2026", "R-55", "سند قبض", "شيك 1234", None, "7,000.00", "7,000.00"],
            ["05/11/2026", "F-130", "فاتورة مبيعات", "توريد", "3,000.00", None, "10,000.00"],
            [None, None, None, "الإجمالي", "17,000.00", "7,000.00", "10,000.00"],
            [None, None, None, "رصيد آخر المدة", None, None, "10,000.00"],
            ["العميل: 1002 - شركة الدلتا"],
            ["01/01/2026", None, None, "رصيد أول المدة", None, "500.00", "(500.00)"],
            ["10/10/2026", "F-120", "فاتورة مبيعات", "", "2,500.00", None, "2,000.00"],
            ["12/11/2026", "RT-3", "مرتجع مبيعات", "", None, "300.00", "1,700.00"],
            [None, None, None, "الإجمالي", "2,500.00", "800.00", "1,700.00"],
            [None, None, None, "رصيد آخر المدة", None, None, "1,700.00"]]})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["1001"] * 4 + ["1002"] * 3
    # 1001: brought forward 4,000 (due 31/1: 90+), F-101 due 15/10 (46 days) less the
    # receipt of 20/10 on account (41 days), F-130 not due; 1002: its credit brought forward
    # (90+), F-120 due 9/11 (21 days) and the return of 12/11 (18 days): each its closing
    # balance
    assert _aging(book) == {"1001": [3000, 0, 3000, 0, 4000, 10000],
                            "1002": [0, 2200, 0, 0, -500, 1700]}
    cells = [i.cell for i in book.issues]
    # (the two blocks' الإجمالي rows: one issue naming both, D11 and D17)
    assert cells == ["D11", "D12", "D7", "D14"]
    assert book.issues[0].message.endswith("not read (D11, D17)")


# ---------------------------------------------------------------- a report's filter line


@pytest.mark.parametrize("filters", [
    ["Customer:", "All", "Currency:", "EGP", "Date:", "30/11/2026"],
    ["Customer", "All", "Currency", "EGP", "As of", "30/11/2026"],
    ["العميل:", "الكل", "العملة:", "EGP", "حتى تاريخ:", "30/11/2026"]])
def test_a_filter_line_above_the_header_is_not_the_header(tmp_path, filters):
    """ERPNext, Odoo and local systems print the report's filters above its header. Naming
    two columns (Customer, Currency), the line was taken for the header: the sheet 'had no
    column for Invoice No, Amount' and no invoice was read."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [
            ["Open Invoices"], filters, [],
            ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            ["I1", "C1", "01/10/2026", "31/10/2026", "1,000.00", "EGP"],
            ["I2", "C1", "01/11/2026", "01/12/2026", "500.00", "EGP"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["I1", "C1", 1000.0], ["I2", "C1", 500.0]]
    assert book.issues == []
    assert _aging(book) == {"C1": [500, 1000, 0, 0, 0, 1500]}


# ---------------------------------------------------------------- amounts before and after VAT


@pytest.mark.parametrize("with_vat", [
    "Amount Including VAT", "Amount Incl. VAT", "Invoice Amount Incl. VAT",
    "المبلغ شامل ضريبة القيمة المضافة", "الإجمالي بعد الضريبة"])
def test_business_central_amount_including_vat_is_the_invoice_total(tmp_path, with_vat):
    """Business Central's Posted Sales Invoices: 'Amount' is before VAT, 'Amount Including
    VAT' the invoice's total, 'Remaining Amount' what is open of that total. The invoice of
    1,150.00 still wholly open was aged as 1,000.00 (its open amount held to the Amount
    before VAT): AR short by the VAT."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["No.", "Name", "Currency Code"], ["C10000", "Nile Foods", "SAR"]],
        "Posted Sales Invoices": [
            ["No.", "Sell-to Customer No.", "Sell-to Customer Name", "Posting Date",
             "Due Date", "Amount", with_vat, "Remaining Amount"],
            ["103001", "C10000", "Nile Foods", "01/10/2026", "31/10/2026", 1000, 1150, 1150],
            ["103002", "C10000", "Nile Foods", "31/10/2026", "30/11/2026", 2000, 2300, 300]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [1150.0, 2300.0]
    # 103001 due 31/10 (30 days late), 103002 due today
    assert _aging(book) == {"C10000": [300, 1150, 0, 0, 0, 1450]}


# ---------------------------------------------------------------- bilingual headers


def test_bilingual_headers_with_only_a_space_between_the_languages(tmp_path):
    """A Saudi company's template heads each column in both languages on one line, a space
    between them ('رقم الفاتورة Invoice No', 'Credit Limit حد الائتمان'). Those named no
    column (a slash, a dash or a line break between them did): the customer list had no
    Customer ID, the invoice list no Invoice No, and neither was read."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["رقم العميل Customer No.", "اسم العميل Customer Name",
                       "Credit Limit حد الائتمان", "العملة Currency"],
                      ["1001", "مؤسسة النيل", "50,000", "SAR"]],
        "Invoices": [["رقم الفاتورة Invoice No", "رقم العميل Customer No.",
                      "تاريخ الفاتورة Invoice Date", "Due Date تاريخ الاستحقاق",
                      "المبلغ Amount"],
                     ["F-1", "1001", "01/10/2026", "31/10/2026", "11,500.00"],
                     ["F-2", "1001", "20/11/2026", "20/12/2026", "2,300.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.customers[["Customer ID", "Name", "Credit Limit"]].values.tolist() == [
        ["1001", "مؤسسة النيل", 50000.0]]
    assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["F-1", "1001", 11500.0], ["F-2", "1001", 2300.0]]
    assert _aging(book) == {"1001": [2300, 11500, 0, 0, 0, 13800]}


# ---------------------------------------------------------------- a currency in the amount


def test_an_amount_written_with_its_currency_is_the_invoices_currency(tmp_path):
    """A multi-currency list pasted as it shows, the currency in each amount and no Currency
    column: 'USD 1,000.00' of an EGP customer was owed as EGP 1,000.00 (its customer's
    currency), 'EUR 300.00' as EGP 300.00. A currency several countries share ('$ 700.00')
    leaves the invoice in its customer's, as does its customer's own ('EGP 5,000.00': blank,
    the customer's already)."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods", "EGP"],
                      ["C2", "Gulf Star", "USD"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I1", "C1", "01/10/2026", "31/10/2026", "USD 1,000.00"],
                     ["I2", "C1", "01/10/2026", "31/10/2026", "EGP 5,000.00"],
                     ["I3", "C2", "01/10/2026", "31/10/2026", "$ 700.00"],
                     ["I4", "C1", "01/11/2026", "01/12/2026", "€ 300.00"],
                     ["I5", "C1", "01/11/2026", "01/12/2026", "2,000.00 ر.س"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices[["Invoice No", "Currency"]].values.tolist() == [
        ["I1", "USD"], ["I2", None], ["I3", None], ["I4", "EUR"], ["I5", "SAR"]]
    assert book.issues == []
    aging = _tabs(book, "aging")["Aging"]
    rows = {(r["Customer ID"], r["Currency"]): r["Total"] for _, r in aging.iterrows()}
    assert rows == {("C1", "EGP"): 5000, ("C1", "USD"): 1000, ("C1", "EUR"): 300,
                    ("C1", "SAR"): 2000, ("C2", "USD"): 700}


def test_an_amount_in_another_currency_than_its_currency_cell_is_said(tmp_path):
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["I1", "C1", "01/10/2026", "USD 1,000.00", None],
                     ["I2", "C1", "01/10/2026", "EGP 700.00", "USD"],
                     ["I3", "C1", "01/10/2026", "EGP 500.00", "EGP"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Currency"].tolist() == ["USD", "USD", "EGP"]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("D3", "1 amount(s) written in another currency than their Currency (the first in "
               "EGP, its Currency USD): read in the Currency as written; correct whichever "
               "is wrong (D3)")]


def test_a_sheet_headed_as_an_invoice_list_that_cannot_be_read_is_named(tmp_path):
    """An FBL5N list whose amount heading the reader does not know ('Betrag'), on a sheet no
    name says is the invoice list: passed over without a word (no aging, no Input Issue)."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer", "Name 1"], ["100001", "Nile Foods"]],
        "FBL5N": [["Customer Line Item Display"], [],
                  ["St", "DocumentNo", "Type", "Doc. Date", "Net due dt", "Betrag", "Curr."],
                  ["Customer 100001 Nile Foods"],
                  ["@5C@", "9001", "RV", "01.10.2026", "31.10.2026", "1.000,00", "EGP"]]})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.column, i.message) for i in book.issues] == [
        # (its customers are read from the headings it is grouped under: only the Amount
        # is missing, as an 'Amount' heading shows)
        ("FBL5N", "A3", "Amount",
         "sheet 'FBL5N' looks like an invoice list (its header row 3 names Invoice No, "
         "Invoice Date, Due Date, Currency) but has no column for Amount: not "
         "read; head those columns as the contract names them (e.g. 'Amount', "
         "'Customer ID')")]
    assert "Invoices" in book.unusable

