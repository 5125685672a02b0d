"""Workbooks as finance teams really keep them, built cell by cell, read and run through the
jobs: figures checked against what an accountant works out by hand."""

from __future__ import annotations

import zipfile
from datetime import datetime

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.entries import split_multi_invoice_receipts
from ar_excel.io.reader import read_book
from tests.conftest import soffice_convert


def _save(wb: openpyxl.Workbook, tmp_path, name: str = "book.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def _sheet(wb: openpyxl.Workbook, title: str, rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)


def _tab(path, tab: str, key: str = "Customer ID") -> list[dict]:
    """A written tab's rows under its English header row (the row starting with ``key``),
    down to the first blank row."""
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r and r[0] == key)
    header = [c for c in rows[h] if c is not None]
    out = []
    for r in rows[h + 1:]:
        if r[0] is None and r[1] is None:
            break
        out.append(dict(zip(header, r, strict=False)))
    return out


def _run(tmp_path, book, job: str, *args: str):
    out = tmp_path / f"{job}.xlsx"
    assert main([job, str(book), "-o", str(out), *args]) == 0
    return out


def _aging(tmp_path, book, as_of: str = "2026-11-30") -> dict[str, tuple]:
    rows = _tab(_run(tmp_path, book, "aging", "--as-of", as_of), "Aging")
    return {r["Customer ID"]: (r["Current"], r["1-30"], r["31-60"], r["61-90"], r["90+"],
                               r["Total"]) for r in rows}


def _arabic_book_with_totals(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("العملاء")
    ws.append(["شركة الأمل للتوزيع - سجل العملاء"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["كود العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان"])
    ws.append([1001, "شركة النور للتجارة", "EGP", "30 يوم", "50,000"])
    ws.append(["1002 ", "مؤسسة الفجر", "ج.م", 45, 20000])
    ws.append([])
    ws.append(["الإجمالي", None, None, None, 70000])
    _sheet(wb, "الفواتير", [
        ["كشف الفواتير - نوفمبر 2026"], [],
        ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "العملة", "المبلغ"],
        [5001, "1001", datetime(2026, 8, 1), "EGP", "EGP 12,500.00"],
        [5002, 1001.0, "15/09/2026", "EGP", "7,250.50 ج.م"],
        [],
        [5003, " 1002", "٠١/١١/٢٠٢٦", None, "١٬٠٠٠"],
        [None, "إجمالي العميل 1002", None, None, 1000],  # a subtotal between customers
        [],
        ["الإجمالي", None, None, None, 20750.50],
    ])
    _sheet(wb, "المدفوعات", [
        ["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
        ["R1", 1001, "10/09/2026", "12,500", 5001],
        ["Total", None, None, 12500, None],
    ])
    return _save(wb, tmp_path)


def test_totals_and_subtotal_rows_are_no_records_and_are_reported(tmp_path):
    book = read_book(_arabic_book_with_totals(tmp_path))
    assert book.customers["Customer ID"].tolist() == ["1001", "1002"]
    assert book.invoices["Invoice No"].tolist() == ["5001", "5002", "5003"]
    assert book.payments["Payment ID"].tolist() == ["R1"]
    found = [(i.sheet, i.cell, i.value, i.message) for i in book.issues]
    assert found == [
        ("العملاء", "A7", "الإجمالي", "'الإجمالي' row is a totals row, not a record: not read"),
        ("الفواتير", "B8", "إجمالي العميل 1002",
         "'إجمالي العميل 1002' row is a totals row, not a record: not read"),
        ("الفواتير", "A10", "الإجمالي", "'الإجمالي' row is a totals row, not a record: not read"),
        ("المدفوعات", "A3", "Total", "'Total' row is a totals row, not a record: not read"),
    ]


def test_totals_rows_do_not_reach_the_aging(tmp_path):
    # 5001 paid in full; 5002 due 15/10 (30 days), 46 days late; 5003 due 16/12 (45 days)
    assert _aging(tmp_path, _arabic_book_with_totals(tmp_path)) == {"1001": (0, 0, 7250.5, 0, 0, 7250.5),
                                   "1002": (1000, 0, 0, 0, 0, 1000)}


def test_a_customer_called_total_is_a_customer(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Total"], ["Total", "Total Egypt"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["Total", "C1", datetime(2026, 1, 1), 10]])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Name"].tolist() == ["Total", "Total Egypt"]
    assert book.invoices["Invoice No"].tolist() == ["Total"]
    assert book.issues == []


@pytest.mark.parametrize(("master", "typed"), [
    ("C-1003", "c-1003 "), ("c-1003", "C-1003"), ("C 1003", "C1003"), ("01001", 1001),
    ("1001", "001001"),
])
def test_keys_spelled_another_way_are_the_masters(tmp_path, master, typed):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Payment Terms"], [master, "Delta", 60]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["INV-7", typed, datetime(2026, 10, 5), 2000]])
    _sheet(wb, "Payments", [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                            ["R1", typed, datetime(2026, 11, 10), 500, " inv-7"]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Customer ID"].tolist() == [master.strip()]
    assert book.payments["Customer ID"].tolist() == [master.strip()]
    assert book.payments["Invoice No"].tolist() == ["INV-7"]
    # due 04/12 on the customer's 60 days: current, 2,000 less the 500 received
    assert _aging(tmp_path, tmp_path / "book.xlsx") == {master.strip(): (1500, 0, 0, 0, 0, 1500)}


def test_two_master_keys_one_spelling_apart_are_left_as_typed(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["ab-1", "One"], ["AB-1", "Two"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "Ab-1", datetime(2026, 10, 5), 10]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Customer ID"].tolist() == ["Ab-1"]


def _typed_credit_notes_and_multi_invoice_receipts(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customer Master", [
        ["ACME Distribution LLC"], ["Customer master as at 30 Nov 2026"], [],
        ["Cust ID", "Customer Name", "Ccy", "Terms", "Credit Limit"],
        ["C-001", "Nile Foods", "EGP", "Net 30", 100000],
    ])
    _sheet(wb, "Sales Invoices", [
        ["Doc No", "Document Type", "Customer Code", "Document Date", "Amount", "Balance"],
        [10001, "Invoice", "C-001", datetime(2026, 7, 10), 40000, None],
        [10002, "Tax Invoice", "C-001", datetime(2026, 10, 20), 25000, None],
        [10003, "Invoice", "C-001", datetime(2026, 10, 25), 8000, None],
        [10004, "Credit Note", "C-001", datetime(2026, 11, 5), 5000, 5000],
        [10005, "إشعار دائن", "C-001", datetime(2026, 11, 6), "-1,000", None],  # negative already
    ])
    _sheet(wb, "Receipts", [
        ["Receipt No", "Customer Code", "Receipt Date", "Receipt Amount", "Applied To"],
        ["RC-0", "C-001", datetime(2026, 8, 1), 10000, 10001],
        ["RC-1", "C-001", datetime(2026, 8, 15), 50000, "10001, 10002"],
        ["RC-2", "C-001", datetime(2026, 11, 20), 9000, "10003 و 10099"],  # 10099: unknown
    ])
    return _save(wb, tmp_path)


def test_a_type_column_makes_credit_notes_negative(tmp_path):
    book = read_book(_typed_credit_notes_and_multi_invoice_receipts(tmp_path))
    assert book.invoices["Amount"].tolist() == [40000, 25000, 8000, -5000, -1000]
    assert book.invoices["Balance"].tolist()[3] == -5000


def test_a_receipt_naming_several_invoices_pays_them_in_the_order_written(tmp_path):
    book = read_book(_typed_credit_notes_and_multi_invoice_receipts(tmp_path))
    pay = book.payments
    # RC-1: 10001 had 30,000 left after RC-0, 10002 takes the other 20,000
    assert list(zip(pay["Payment ID"], pay["Invoice No"], pay["Amount"], pay["_row"],
                    strict=True)) == [("RC-0", "10001", 10000, 2), ("RC-1", "10001", 30000, 3),
                                      ("RC-1", "10002", 20000, 3), ("RC-2", "10003 و 10099", 9000, 4)]
    # RC-2 names an invoice the list does not hold: on account, and said
    assert [(i.cell, i.message) for i in book.issues] == [
        ("E4", "'10003 و 10099' is not in the invoice list: the receipt is held on account, "
               "unapplied, until its invoice number is corrected")]


def test_typed_credit_notes_and_split_receipts_in_the_aging(tmp_path):
    # 10002: 25,000 - 20,000 = 5,000, due 19/11 (11 days); 10003 due 24/11 (6 days), 8,000;
    # credit notes by their own dates (25 and 24 days); RC-2 names an unknown invoice: on
    # account, dated 20/11 (10 days)
    assert _aging(tmp_path, _typed_credit_notes_and_multi_invoice_receipts(tmp_path)) == {
        "C-001": (0, 5000 + 8000 - 5000 - 1000 - 9000, 0, 0, 0, -2000)}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 3), st.integers(1, 90_000)),
                min_size=1, max_size=8),
       st.lists(st.integers(1, 50_000), min_size=3, max_size=3))
def test_split_receipts_keep_every_receipt_whole(receipts, invoice_amounts):
    """However receipts name invoices, the rows they become add up to each receipt (money
    is neither made nor lost) and name only the invoices listed."""
    invoices = pd.DataFrame({"Invoice No": ["I1", "I2", "I3"],
                             "Amount": [float(a) for a in invoice_amounts]})
    names = ["I1", "I1, I2", "I2; I3", "I3 / I1 / I2"]
    payments = pd.DataFrame({
        "Payment ID": [f"R{i}" for i in range(len(receipts))],
        "Date": pd.to_datetime([datetime(2026, 1, d) for _, d, _ in receipts]),
        "Amount": [float(a) for _, _, a in receipts],
        "Invoice No": [names[n] for n, _, _ in receipts],
        "_row": range(2, len(receipts) + 2)})
    split = split_multi_invoice_receipts(payments, invoices)
    out = payments if split is None else split[0]
    assert out.groupby("Payment ID")["Amount"].sum().round(2).to_dict() == \
        payments.set_index("Payment ID")["Amount"].to_dict()
    assert set(out["Invoice No"]) <= {"I1", "I2", "I3"}


def test_headers_with_units_accounting_dashes_and_arabic_locale_dates(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Clients", [
        ["Customer\nCode", "Customer Name:", "Payment terms (days)", "Credit limit (EGP)"],
        ["K1", "Alpha", "٣٠", "EGP 100,000"],
        ["K2", "Beta", "COD", "—"],  # no limit set
    ])
    _sheet(wb, "Invoices", [
        ["Invoice\nNo.", "Customer Code", "Inv. Date", "Amount (EGP)", "Tax [EGP]", "المبلغ ج.م"],
        ["A1", "K1", "١٥\u200f/٩\u200f/٢٠٢٦", "(1,250.00)", " - ", 1],
        ["A2", "K2", "Sep 15, 2026", "EGP -", "EGP 175.00", 2],
    ])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Credit Limit"].tolist()[0] == 100000
    assert book.customers["Credit Limit"].tolist()[1] == 0  # "—": nothing, i.e. no limit
    assert book.customers["Payment Terms"].tolist() == [30, 0]
    inv = book.invoices
    assert inv["Amount"].tolist() == [-1250.0, 0.0]
    assert inv["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-09-15"] * 2
    assert book.table("Invoices").headers["Amount"] == "Amount (EGP)"
    assert inv["المبلغ ج.م"].tolist() == [1, 2]  # Amount is taken: a second one is carried
    assert book.issues == []


@pytest.mark.parametrize(("sheet", "kind"), [
    ("المدفوعات", "Payments"), ("الدفعات", "Payments"), ("فواتير المبيعات", "Invoices"),
    ("بيانات العملاء", "Customers")])
def test_arabic_sheet_names_finance_teams_use(tmp_path, sheet, kind):
    from ar_excel.io.reader import find_kind

    assert find_kind(sheet) == kind


def test_the_surer_header_wins_and_the_invoice_total_is_the_amount(tmp_path):
    """Sheets listing the customer's name beside its code, and the amount before tax beside
    the VAT and the invoice total, as an ERP export or a sales register does."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer", "Customer Code", "Terms"], ["Nile Foods", "C1", 30],
                             ["Nile Foods", "C2", 30]])  # one name, two accounts
    _sheet(wb, "Invoices", [
        ["Date", "Invoice #", "Customer", "Customer Code", "Amount", "VAT 14%", "Total"],
        [datetime(2026, 10, 1), "S-1", "Nile Foods", "C1", 1000, 140, 1140],
        [datetime(2026, 10, 1), "S-2", "Nile Foods", "C2", 500, 70, 570]])
    _sheet(wb, "Payments", [["Date", "Customer", "Customer Code", "Amount", "Invoice"],
                            [datetime(2026, 11, 10), "Nile Foods", "C1", 1140, "S-1"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.table("Invoices").headers == {"Invoice Date": "Date", "Invoice No": "Invoice #",
                                              "Customer ID": "Customer Code", "Amount": "Total"}
    assert book.invoices["Customer ID"].tolist() == ["C1", "C2"]
    assert book.invoices["Amount"].tolist() == [1140, 570]
    assert book.payments["Customer ID"].tolist() == ["C1"]
    assert book.issues == []
    # S-1 paid in full; S-2 due 31/10, 30 days late
    assert _aging(tmp_path, path) == {"C2": (0, 570, 0, 0, 0, 570)}


def test_without_a_tax_column_the_amount_stays_the_amount(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Total"],
                            ["S-1", "C1", datetime(2026, 10, 1), 1000, 3000]])
    assert read_book(_save(wb, tmp_path)).invoices["Amount"].tolist() == [1000]


def test_a_repeated_header_row_is_no_record(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], ["1001", "Nile", 30],
                             [" customer id", "Name", "Terms"],  # a second block pasted below
                             ["1002.0", "Delta", 45]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            [1, 1002, datetime(2026, 10, 1), 100]])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["1001", "1002.0"]
    assert book.invoices["Customer ID"].tolist() == ["1002.0"]  # the master's "1002.0"
    assert [(i.cell, i.message) for i in book.issues] == [
        ("A3", "row 3 repeats the header row: not read")]


def test_an_excel_error_in_a_required_cell_is_named_as_such(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["1001", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            [1, 1001, datetime(2026, 10, 1), "=NA()"],
                            [2, 1001, datetime(2026, 10, 1), "=2*50"],
                            [3, 1001, datetime(2026, 10, 1), None]])
    src = _save(wb, tmp_path, "formulas.xlsx")
    out = tmp_path / "lo"
    out.mkdir()
    saved = soffice_convert(src, "xlsx", out)  # saved by LibreOffice: formulas' results kept
    book = read_book(saved)
    assert book.invoices["Amount"].tolist()[1] == 100
    assert [(i.cell, i.value, i.message) for i in book.issues] == [
        ("D2", "#N/A", "Amount is the Excel error #N/A (its formula has no value), so the row "
                       "cannot be used"),
        ("D4", None, "Amount is required but blank")]


def test_a_hidden_old_copy_gives_way_to_the_visible_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I-1", "C1", datetime(2026, 10, 1), 100]])
    _sheet(wb, "Invoices 2025", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                                 ["OLD-1", "C1", datetime(2025, 1, 1), 999]])
    wb["Invoices 2025"].sheet_state = "hidden"
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C0", "Old customer"]])
    wb["Customers"].sheet_state = "hidden"
    _sheet(wb, "Customer List", [["Customer ID", "Name"], ["C1", "Nile"]])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["C1"]
    assert book.invoices["Invoice No"].tolist() == ["I-1"]


def _two_currency_book(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [
        ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"],
        ["C1", "Export Co", "EGP", 30, 100000, "a@b.com"],
        ["C2", "Local Co", None, 30, 5000, "c@d.com"]])  # no currency kept in the master
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"],
        ["I1", "C1", datetime(2026, 9, 1), None, "USD", 3000],
        ["I2", "C1", datetime(2026, 11, 1), None, "EGP", 90000],
        ["I3", "C2", datetime(2026, 11, 1), None, None, 6000],
        ["I4", "C2", datetime(2026, 7, 1), datetime(2026, 7, 31), "EGP", 1000]])
    _sheet(wb, "Payments", [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                            ["P1", "C1", datetime(2026, 10, 15), 1000, "I1"],
                            ["P2", "C2", datetime(2026, 11, 2), 250, None]])
    return _save(wb, tmp_path)


def test_a_blank_currency_is_the_one_the_customers_invoices_name(tmp_path):
    rows = _tab(_run(tmp_path, _two_currency_book(tmp_path), "aging", "--as-of", "2026-11-30"),
                "Aging")
    # C2: I3 (blank, due 01/12: current) and I4 (EGP, 122 days) are one EGP account, with
    # the 250 received on account (28 days old)
    assert [(r["Customer ID"], r["Currency"], r["Current"], r["1-30"], r["31-60"], r["90+"],
             r["Total"]) for r in rows] == [
        ("C1", "EGP", 90000, 0, 0, 0, 90000), ("C1", "USD", 0, 0, 2000, 0, 2000),
        ("C2", "EGP", 6000, -250, 0, 1000, 6750)]


def test_no_dunning_letter_for_a_currency_with_nothing_overdue(tmp_path):
    out = _run(tmp_path, _two_currency_book(tmp_path), "collections", "--as-of", "2026-11-30")
    rows = _tab(out, "Dunning")
    assert [(r["Customer ID"], r["Currency"], r["Level"], r["Amount To Collect"], r["Letter"])
            for r in rows] == [("C2", "EGP", 4, 750, True), ("C1", "USD", 3, 2000, True),
                               ("C1", "EGP", 0, 0, False)]
    assert sorted(p.name for p in (tmp_path / "dunning").glob("*.eml")) == [
        "2026-11-30_C1_USD.eml", "2026-11-30_C2.eml"]


def test_statements_for_a_customer_typed_another_way(tmp_path):
    path = _arabic_book_with_totals(tmp_path)  # customers 1001 and 1002
    out = _run(tmp_path, path, "statements", "--customer", "01001", "--no-pdf",
               "--as-of", "2026-11-30")
    rows = _tab(out, "Customer Statements")
    assert {r["Customer ID"] for r in rows} == {"1001"}
    closing = [r["Balance"] for r in rows if r["Type"] == "الرصيد الختامي"]  # closing balance
    assert closing == [7250.5]  # 5002 open; 5001 paid by R1


def test_customer_printed_with_its_name_as_erp_exports_do(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "العملاء", [["كود العميل", "اسم العميل"], [1001, "شركة النور"], ["C-7", "Delta"]])
    _sheet(wb, "الفواتير", [["رقم الفاتورة", "العميل", "التاريخ", "المبلغ"],
                            [1, "1001 - شركة النور", datetime(2026, 10, 1), 100],
                            [2, "Delta (C-7)", datetime(2026, 10, 1), 200],
                            [3, "1001 - 1002", datetime(2026, 10, 1), 300]])  # no name: unknown
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Customer ID"].tolist() == ["1001", "C-7", "1001 - 1002"]


def test_a_receipts_log_without_customers_pays_the_invoices_it_names(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], ["C1", "Nile", 30],
                             ["C2", "Delta", 30]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), 100],
                            ["I2", "C1", datetime(2026, 10, 2), 200],
                            ["I3", "C2", datetime(2026, 10, 2), 50]])
    _sheet(wb, "Payments", [["Receipt No", "Date", "Amount", "Invoice No"],
                            ["R1", datetime(2026, 10, 20), 100, "I1"],
                            ["R2", datetime(2026, 10, 21), 20, "i3"],
                            ["R3", datetime(2026, 10, 22), 70, "I9"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.payments["Customer ID"].tolist() == ["C1", "C2", None]
    assert [(i.cell, i.value, i.message) for i in book.issues] == [
        ("D4", "I9", "no Customer ID: the sheet has no customer column and this invoice is not "
                     "in the invoice list")]
    # I1 paid; I2 200 due 01/11 (29 days); I3 50 - 20 (29 days); R3's 70 is money received
    # from nobody known (39 days): kept, unassigned, so the aging still ties to the books
    assert _aging(tmp_path, path) == {"C1": (0, 200, 0, 0, 0, 200), "C2": (0, 30, 0, 0, 0, 30),
                                      None: (0, 0, -70, 0, 0, -70)}


def test_a_receipt_with_a_blank_customer_cell_is_the_invoices_customers(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), 100]])
    _sheet(wb, "Payments", [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                            ["R1", None, datetime(2026, 10, 20), 100, "I1"],
                            ["R2", None, datetime(2026, 10, 20), 5, None]])
    book = read_book(_save(wb, tmp_path))
    assert book.payments["Customer ID"].tolist() == ["C1", None]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("B3", "Customer ID is required but blank")]


def test_a_receipts_sheet_that_cannot_be_read_stops_the_jobs_that_need_it(tmp_path, capsys):
    """Without its amounts a receipts sheet is no "no receipts": every invoice would look
    unpaid, so the jobs that age or chase the ledger stop and say why."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), 100]])
    _sheet(wb, "Payments", [["Receipt No", "Customer ID", "Date", "Sum", "Invoice No"],
                            ["R1", "C1", datetime(2026, 10, 20), 100, "I1"]])
    path = _save(wb, tmp_path)
    assert main(["aging", str(path), "-o", str(tmp_path / "a.xlsx")]) == 1
    assert capsys.readouterr().err.strip() == (
        "ar-excel: sheet 'Payments' has no column for Amount (header row 1 has: Receipt No, "
        "Customer ID, Date, Sum, Invoice No)")


@pytest.mark.parametrize("header", ["Amount Received", "Value Received", "المبلغ المحصل"])
def test_receipt_amount_headers(tmp_path, header):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Payments", [["Customer ID", "Date Received", header], ["C1", "01/10/2026", 100]])
    book = read_book(_save(wb, tmp_path))
    assert book.payments["Amount"].tolist() == [100]
    assert book.payments["Date"].tolist() == [datetime(2026, 10, 1)]


@pytest.mark.parametrize(("typed", "days"), [
    ("2/10 Net 30", 30), ("60 يوماً", 60), ("شهر", 30), ("شهرين", 60), ("3 أشهر", 90),
    ("Due in 30 days", 30), ("30 days from invoice", 30), ("30-day", 30), ("1 month", 30),
    ("45 Tage", 45)])
def test_payment_terms_written_out(typed, days):
    from ar_excel.parsing import parse_terms

    assert parse_terms(typed) == days


@pytest.mark.parametrize("typed", ["30/60", "30 or 60 days", "soon"])
def test_payment_terms_that_say_no_one_number_are_reported(typed):
    from ar_excel.parsing import parse_terms

    with pytest.raises(ValueError, match="is not payment terms in days"):
        parse_terms(typed)


@pytest.mark.parametrize(("typed", "status"), [("مجمد", "Hold"), ("Dormant", "Closed"),
                                               ("On Stop", "Hold")])
def test_customer_status_words(typed, status):
    from ar_excel.parsing import parse_status

    assert parse_status(typed) == status


@pytest.mark.parametrize(("typed", "code"), [
    ("Euro", "EUR"), ("دولار أمريكي", "USD"), ("Egyptian Pound", "EGP"), ("Kuwaiti Dinar", "KWD"),
    ("ريال عماني", "OMR"), ("Saudi Riyal", "SAR"), ("XYZ", "XYZ"),
    # the Gulf's abbreviations are read as their codes (the customer checks still flag them)
    ("SR", "SAR"), ("Dhs", "AED"), ("K.D.", "KWD")])
def test_currencies_by_name(typed, code):
    from ar_excel.parsing import parse_currency

    assert parse_currency(typed) == code


def test_a_customer_merged_down_beside_its_invoices(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer list"], ["Customer ID", "Name"], ["C1", "Nile"],
                             ["C2", "Delta"]])
    wb["Customers"].merge_cells("A1:B1")  # a title across: stays a title
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), 100],
                            ["I2", None, datetime(2026, 10, 2), 200],
                            ["I3", None, datetime(2026, 10, 3), 300],
                            ["I4", "C2", datetime(2026, 10, 3), 50]])
    wb["Invoices"].merge_cells("B2:B4")
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["C1", "C2"]
    assert book.invoices["Customer ID"].tolist() == ["C1", "C1", "C1", "C2"]
    assert book.issues == []


def test_keys_that_are_the_same_number_with_a_prefix_are_read_and_reported(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], [1001, "Nile", 30],
                             ["C-1002", "Delta", 30]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            [5001, "C-1001", datetime(2026, 10, 1), 100],
                            [5002, 1002, datetime(2026, 10, 2), 200],
                            [5003, "C-1001", datetime(2026, 10, 2), 300]])
    _sheet(wb, "Payments", [["Customer ID", "Date", "Amount", "Invoice No"],
                            [1001, datetime(2026, 10, 20), 100, "INV-5001"],
                            ["C-1002", datetime(2026, 10, 20), 200, "Inv 5002"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["1001", "C-1002", "1001"]
    assert book.payments["Invoice No"].tolist() == ["5001", "5002"]
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        ("Invoices", "B2", "'C-1001' is not in Customers: read as 1001, the same number, on "
                           "2 row(s)"),
        ("Invoices", "B3", "'1002' is not in Customers: read as C-1002, the same number, on "
                           "1 row(s)"),
        ("Payments", "D2", "'INV-5001' is not in Invoices: read as 5001, the same number, on "
                           "1 row(s)"),
        ("Payments", "D3", "'Inv 5002' is not in Invoices: read as 5002, the same number, on "
                           "1 row(s)")]
    # 5001 and 5002 paid; 5003 due 01/11, 29 days late
    assert _aging(tmp_path, path) == {"1001": (0, 300, 0, 0, 0, 300)}


def test_a_number_two_keys_share_is_left_as_typed(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C-1001", "Nile"], ["S-1001", "Delta"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            [1, 1001, datetime(2026, 10, 1), 100]])
    assert read_book(_save(wb, tmp_path)).invoices["Customer ID"].tolist() == ["1001"]


def test_an_invoices_own_terms_win_over_the_customers(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile", 30]])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Invoice Date", "Terms", "Due Date", "Amount"],
        ["I1", "C1", datetime(2026, 10, 1), "Net 60", None, 100],  # due 30/11: current
        ["I2", "C1", datetime(2026, 10, 1), None, None, 200],  # the customer's 30: 30 days late
        ["I3", "C1", datetime(2026, 10, 1), "Net 60", datetime(2026, 12, 30), 50]])
    path = _save(wb, tmp_path)
    assert _aging(tmp_path, path) == {"C1": (150, 200, 0, 0, 0, 350)}
    checks = _tab(_run(tmp_path, path, "invoices", "--as-of", "2026-11-30"), "Invoice Checks",
                  key="Invoice No")
    # I3's due date is 30 days later than its own 60 days allow
    assert [(r["Invoice No"], r["Code"], r["Severity"]) for r in checks] == [
        ("I3", "DUE_DATE_INCONSISTENT", "Error")]


def test_month_end_on_an_arabic_workbook_with_its_bank_sheet(tmp_path):
    """`ar-excel run` on the Arabic workbook: totals rows, text and Arabic-Indic amounts and
    dates, numeric and text IDs, and the bank's statement as a sheet with its own totals."""
    path = _arabic_book_with_totals(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("كشف الحساب البنكي")
    ws.append(["البنك الأهلي المصري - كشف حساب"])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["التاريخ", "البيان", "مدين", "دائن", "الرصيد"])
    ws.append(["٠١/١٢/٢٠٢٦", "تحويل من شركة النور للتجارة فاتورة 5002", None, "٧٬٢٥٠٫٥٠",
               "٧٬٢٥٠٫٥٠"])
    ws.append(["03/12/2026", "عمولة بنكية", "15.00", None, "7,235.50"])
    ws.append(["الإجمالي", None, "15.00", "7,250.50", None])
    wb["العملاء"]["E5"] = 500  # مؤسسة الفجر's limit, below its 1,000 invoice
    wb.save(path)
    out = _run(tmp_path, path, "run", "--as-of", "2026-12-03")
    credit = {r["Customer ID"]: r for r in _tab(out, "Credit Status")}
    assert (credit["1002"]["Exposure"], credit["1002"]["Over Limit"], credit["1002"]["Status"]) \
        == (1000, True, "Over Limit")
    assert (credit["1001"]["Open Balance"], credit["1001"]["Status"]) == (7250.5, "OK")
    matches = _tab(out, "Bank Matches", key="Bank Line")
    assert [(m["Invoice No"], m["Customer ID"], m["Applied Amount"], m["Status"])
            for m in matches] == [("5002", "1001", 7250.5, "Matched")]
    unmatched = _tab(out, "Unmatched Bank", key="Bank Line")
    assert [(u["Amount"], u["Description"]) for u in unmatched] == [(-15, "عمولة بنكية")]
    issues = _tab(out, "Input Issues", key="Sheet")
    # (The statement's totals row agrees with its lines: the importer checks it and leaves it
    # out without a word, f226666; one that disagreed would be said at its cell.)
    assert [(i["Sheet"], i["Cell"]) for i in issues] == [
        ("العملاء", "A7"), ("الفواتير", "B8"), ("الفواتير", "A10"), ("المدفوعات", "A3")]


def test_receipts_kept_as_credits_are_money_received(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], ["C1", "Nile", 30]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), 100],
                            ["I2", "C1", datetime(2026, 10, 5), 200]])
    _sheet(wb, "Payments", [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                            ["R1", "C1", datetime(2026, 10, 20), "(100.00)", "I1"],
                            ["R2", "C1", datetime(2026, 11, 1), -50, "I2"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.payments["Amount"].tolist() == [100, 50]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("D2", "every receipt amount is negative (receipts kept as credits): each is read as "
               "money received")]
    # I1 paid; I2 200 - 50, due 04/11: 26 days
    assert _aging(tmp_path, path) == {"C1": (0, 150, 0, 0, 0, 150)}


def test_one_refund_among_receipts_keeps_its_sign(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Payments", [["Customer ID", "Date", "Amount"], ["C1", "01/10/2026", 100],
                            ["C1", "02/10/2026", -20]])
    assert read_book(_save(wb, tmp_path)).payments["Amount"].tolist() == [100, -20]


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_the_same_book_saved_by_libreoffice_as_xlsx_xls_and_ods(tmp_path, fmt):
    src = _arabic_book_with_totals(tmp_path)
    out = tmp_path / fmt
    out.mkdir()
    saved = soffice_convert(src, fmt, out)
    book = read_book(saved)
    assert book.invoices["Invoice No"].tolist() == ["5001", "5002", "5003"]
    assert book.invoices["Amount"].tolist() == [12500.0, 7250.5, 1000.0]
    assert book.payments["Amount"].tolist() == [12500.0]
    assert len(book.issues) == 4  # the four totals rows, as in the workbook saved by openpyxl
    assert _aging(tmp_path, saved) == {"1001": (0, 0, 7250.5, 0, 0, 7250.5),
                                       "1002": (1000, 0, 0, 0, 0, 1000)}


def test_an_arabic_settings_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "العملاء", [["كود العميل", "اسم العميل", "شروط الدفع", "حد الائتمان"],
                           ["1001", "شركة النور", 30, 1000]])
    _sheet(wb, "الفواتير", [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "المبلغ"],
                            [1, "1001", "10/02/2026", 750]])  # month first: 2 October
    _sheet(wb, "الإعدادات", [["الإعداد", "القيمة"], ["حد التحذير", "70%"],
                             ["أيام الإيقاف", "٦٠"], ["فئات الأعمار", "30, 60"],
                             ["ترتيب التاريخ", "الشهر أولاً"], ["تاريخ التقرير", "30/11/2026"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    p = book.policy
    assert (p.credit_warning_pct, p.overdue_hold_days, p.aging_buckets_days, p.day_first) == \
        (70.0, 60, (30, 60), False)
    assert book.invoices["Invoice Date"].tolist() == [datetime(2026, 10, 2)]
    out = _run(tmp_path, path, "credit")  # as of the sheet's report date
    row = _tab(out, "Credit Status")[0]
    # due 01/11: 29 days late, under the 60 hold days; 750 of 1,000 is 75 % >= 70 %
    assert (row["Utilization %"], row["Oldest Overdue Days"], row["Status"]) == (75, 29, "Warning")


@pytest.mark.parametrize("arabic_first", [False, True])
def test_a_bilingual_header_is_one_header(tmp_path, arabic_first):
    english = ["Customer ID", "Name", "Credit Limit"]
    arabic = ["رقم العميل", "اسم العميل", "حد الائتمان"]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [arabic, english] if arabic_first else [english, arabic])
    wb["Customers"].append(["C1", "Nile", 5000])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["C1"]
    assert book.customers["Credit Limit"].tolist() == [5000]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("A2", "row 2 repeats the header row: not read")]


def test_excel_tables_named_in_arabic(tmp_path):
    from openpyxl.worksheet.table import Table as XlTable

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ورقة1"
    for row in [["كود العميل", "اسم العميل"], ["1001", "شركة النور"], [], [],
                ["رقم الفاتورة", "كود العميل", "التاريخ", "المبلغ"],
                [1, "1001", datetime(2026, 10, 1), 100]]:
        ws.append(row)
    ws.add_table(XlTable(displayName="جدول_العملاء", ref="A1:B2"))
    ws.add_table(XlTable(displayName="جدول_الفواتير", ref="A5:D6"))
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["1001"]
    assert book.invoices["Amount"].tolist() == [100]


def test_dates_and_amounts_as_clerks_type_them(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                            ["I1", "C1", "01/10/2026 12:00 AM", "EGP (1,250.00)"],
                            ["I2", "C1", "Thu 01/10/2026", "AED 1,250/-"],
                            ["I3", "C1", "الخميس 01/10/2026", "1,250.00 Cr"],
                            ["I4", "C1", "1st October 2026", "ج.م.\u200f 1,250.00"]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Invoice Date"].tolist() == [datetime(2026, 10, 1)] * 4
    # "Cr" on a customer's ledger amount is a credit to the customer (a credit note)
    assert book.invoices["Amount"].tolist() == [-1250, 1250, -1250, 1250]
    assert book.issues == []


def test_an_invoice_list_with_net_and_vat_but_no_total(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], ["C1", "Nile", 30]])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Invoice Date", "Net Amount", "VAT %", "VAT Amount"],
        ["I1", "C1", datetime(2026, 10, 1), 1000, 14, 140],
        ["I2", "C1", datetime(2026, 11, 1), "2,000.00", 14, None],  # tax-free
        ["I3", "C1", datetime(2026, 11, 1), 500, 14, "x"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.table("Invoices").headers["Amount"] == "Net Amount"
    assert book.invoices["Amount"].tolist() == [1140, 2000, 500]
    assert [(i.cell, i.column, i.message) for i in book.issues] == [
        ("F4", "VAT Amount", "'x' is not a number")]
    assert _aging(tmp_path, path) == {"C1": (2500, 1140, 0, 0, 0, 3640)}


def test_a_chart_on_the_users_own_sheet_is_named_once_in_the_refusal(tmp_path, capsys):
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Credit Limit"], ["C1", "Nile", 10]])
    chart = BarChart()
    chart.add_data(Reference(wb["Customers"], min_col=3, min_row=1, max_row=2))
    wb["Customers"].add_chart(chart, "E2")
    made = _save(wb, tmp_path, "made.xlsx")
    path = tmp_path / "book.xlsx"  # the chart as Excel keeps it, with its extensions
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w") as dst:
        for part in src.namelist():
            data = src.read(part)
            dst.writestr(part, data.replace(b"</chartSpace>", b"<extLst/></chartSpace>")
                         if part.startswith("xl/charts/") else data)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        "ar-excel: 'book.xlsx' has shapes, pictures or charts, which would be lost if ar_excel "
        "wrote into it; use -o OUT to write the results to a new workbook")


def test_headers_arabic_finance_teams_write(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "العملاء", [["م", "الكود", "الاسم"], [1, "1001", "شركة النور"]])
    _sheet(wb, "الفواتير", [["رقم الفاتوره", "كود العميل", "التاريخ", "قيمة الفاتورة"],
                            ["F-1", "1001", "01/10/2026", "١٬٥٠٠"]])
    _sheet(wb, "المقبوضات", [["رقم السند", "كود العميل", "التاريخ", "المبلغ المحصل",
                              "رقم الفاتورة"], ["S-1", "1001", "05/10/2026", 500, "F-1"]])
    book = read_book(_save(wb, tmp_path))
    assert book.customers["Customer ID"].tolist() == ["1001"]
    assert book.customers["م"].tolist() == [1]  # a row-number column is carried, not an ID
    assert book.invoices["Amount"].tolist() == [1500]
    assert book.payments["Payment ID"].tolist() == ["S-1"]
    assert book.issues == []


def test_an_invoice_list_that_only_says_paid(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "العملاء", [["كود العميل", "اسم العميل", "شروط الدفع"], ["1001", "النور", 30]])
    _sheet(wb, "الفواتير", [["رقم الفاتورة", "كود العميل", "التاريخ", "المبلغ", "حالة السداد"],
                            ["F-1", "1001", "01/09/2026", 1000, "مسددة"],
                            ["F-2", "1001", "01/10/2026", 400, "غير مسددة"],
                            ["F-3", "1001", "01/11/2026", 250, None]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.invoices["Paid Amount"].tolist()[0] == 1000
    # F-2 due 31/10: 30 days; F-3 due 01/12: current
    assert _aging(tmp_path, path) == {"1001": (250, 400, 0, 0, 0, 650)}


def test_a_paid_column_of_words(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms"], ["C1", "Nile", 30]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Paid"],
                            ["I1", "C1", datetime(2026, 9, 1), 1000, "Yes"],
                            ["I2", "C1", datetime(2026, 10, 1), 400, "No"],
                            ["I3", "C1", datetime(2026, 11, 1), 250, None]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.invoices["Paid Amount"].tolist() == [1000, 0, 0]
    assert book.issues == []
    assert _aging(tmp_path, path) == {"C1": (250, 400, 0, 0, 0, 650)}


def test_a_cancelled_invoice_is_no_receivable(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Terms", "Credit Limit"],
                             ["C1", "Nile", 30, 1000]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                            [101, "C1", datetime(2026, 10, 1), 400, "Posted"],
                            [102, "C1", datetime(2026, 10, 2), 900, "Cancelled"],
                            [103, "C1", datetime(2026, 11, 1), 250, "Posted"]])
    _sheet(wb, "Payments", [["Customer ID", "Date", "Amount", "Invoice No"],
                            ["C1", datetime(2026, 10, 20), 100, 101]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [400, 0, 250]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("E3", "1 cancelled invoice(s): not receivables, counted as 0 (E3)")]
    assert _aging(tmp_path, path) == {"C1": (250, 300, 0, 0, 0, 550)}
    credit = _tab(_run(tmp_path, path, "credit", "--as-of", "2026-11-30"), "Credit Status")
    assert (credit[0]["Exposure"], credit[0]["Status"]) == (550, "OK")  # 55 %, not 145 %
    checks = _tab(_run(tmp_path, path, "invoices", "--as-of", "2026-11-30"), "Invoice Checks",
                  key="Invoice No")
    assert [r["Code"] for r in checks if r["Code"] == "NUMBER_GAP"] == []


def test_the_cancelled_invoices_are_named_by_their_cells_as_the_drafts_are(tmp_path):
    from ar_excel.io.messages_ar import arabic_message

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                            *[[100 + n, "C1", datetime(2026, 10, n + 1), 100 * (n + 1),
                               "Void" if n in (1, 3, 4, 5, 6, 7, 8) else "Posted"]
                              for n in range(10)]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Amount"].tolist() == [100, 0, 300, 0, 0, 0, 0, 0, 0, 1000]
    message = "7 cancelled invoice(s): not receivables, counted as 0 (E3, E5, E6, E7, E8 and 2 more)"
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [("Invoices", "E3", message)]
    assert arabic_message("2 cancelled invoice(s): not receivables, counted as 0 (E3, E5)") == (
        "2 فاتورة ملغاة: ليست مديونية، احتُسبت صفراً (E3, E5)")


def test_a_blank_customer_id_beside_the_customers_name(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile Foods LLC"], ["C2", "Delta"]])
    _sheet(wb, "Invoices", [
        ["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount"],
        ["I1", "C1", "Nile Foods LLC", datetime(2026, 10, 1), 100],
        ["I2", None, "Nile Foods", datetime(2026, 10, 2), 200],  # legal form left out
        ["I3", None, "Unknown Co", datetime(2026, 10, 3), 50]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Customer ID"].tolist() == ["C1", "C1", None]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("B3", "Customer ID is blank: read as C1, the customer named beside it"),
        ("B4", "Customer ID is required but blank")]


def test_an_erp_export_of_plain_sheets_found_by_their_headers(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Sheet1", [["Customer Code", "Customer Name", "Credit Limit", "Terms"],
                          ["C1", "Nile", 1000, 30]])
    _sheet(wb, "Sheet2", [["Inv. No.", "Customer Code", "Inv. Date", "Net Amount", "VAT Amount"],
                          ["I1", "C1", datetime(2026, 10, 1), 1000, 140]])
    _sheet(wb, "Sheet3", [["Receipt No", "Receipt Date", "Amount Received", "Applied To"],
                          ["R1", datetime(2026, 10, 20), 140, "I1"]])
    path = _save(wb, tmp_path)
    book = read_book(path)
    assert {k: t.sheet for k, t in book.tables.items()} == {
        "Customers": "Sheet1", "Invoices": "Sheet2", "Payments": "Sheet3"}
    assert book.invoices["Amount"].tolist() == [1140]
    assert book.payments["Customer ID"].tolist() == ["C1"]
    assert book.issues == []
    # 1,140 less 140 received, due 31/10: 30 days
    assert _aging(tmp_path, path) == {"C1": (0, 1000, 0, 0, 0, 1000)}


def test_a_sale_on_credit_is_no_credit_note(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
                            ["I1", "C1", datetime(2026, 10, 1), "Credit", 100],
                            ["I2", "C1", datetime(2026, 10, 1), "Cash", 50],
                            ["I3", "C1", datetime(2026, 10, 1), "Credit Note", 30]])
    assert read_book(_save(wb, tmp_path)).invoices["Amount"].tolist() == [100, 50, -30]


def test_a_totals_row_labelled_after_a_row_count(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name"], ["C1", "Nile"]])
    _sheet(wb, "Invoices", [["#", "Invoice No", "Customer ID", "Invoice Date", "Note", "Amount"],
                            [1, "I1", "C1", datetime(2026, 10, 1), None, 100],
                            [2, "I2", "C1", datetime(2026, 10, 2), None, 200],
                            [2, None, None, None, "Grand Total", 300]])
    book = read_book(_save(wb, tmp_path))
    assert book.invoices["Invoice No"].tolist() == ["I1", "I2"]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("E4", "'Grand Total' row is a totals row, not a record: not read")]


def test_a_tax_id_in_a_number_cell_is_shown_as_a_key(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _sheet(wb, "Customers", [["Customer ID", "Name", "Tax ID"], ["1001", "Nile Foods", "123-456-789"],
                             ["1002", "Delta Trading", 123456789]])
    rows = _tab(_run(tmp_path, _save(wb, tmp_path), "validate"), "Customer Checks")
    dup = [r for r in rows if r["Code"] == "DUPLICATE_TAX_ID" and r["Customer ID"] == "1002"]
    assert dup[0]["Value"] == "123456789"
    assert "123456789" in dup[0]["Message"] and "123,456,789" not in dup[0]["Message"]
