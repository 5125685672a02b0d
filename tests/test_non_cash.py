"""Write-offs, discounts and tax withheld recorded in Payments: they settle the invoice, but
they are no cash: not looked for in the bank, not collected, not a receipt on a statement."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.kpis import Period, days_late, kpi_table
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.non_cash import is_non_cash_method, non_cash
from ar_excel.policy import Policy
from tests.test_matching_rules import CUSTOMERS, INVOICES, frame, lines


@pytest.mark.parametrize("method", [
    "Write-off", "write off", "Writeoff", "W/O", "Discount", "Early payment discount",
    "Cash Discount", "Settlement discount allowed", "Withholding Tax", "WHT", "Tax withheld",
    "Bank charges", "Charges", "Credit Note", "Adjustment", "Bad debt",
    "شطب", "خصم تعجيل دفع", "خصم نقدي", "ضريبة خصم من المنبع", "ضريبة الخصم والإضافة",
    "مصاريف بنكية", "عمولة بنك", "تسوية", "إشعار دائن", "ديون معدومة"])
def test_adjustments_are_not_cash(method):
    assert is_non_cash_method(method)


@pytest.mark.parametrize("method", [
    "Bank Transfer", "Cheque", "Check", "Cash", "Card", "Wire", "SWIFT", "Instapay",
    "تحويل بنكي", "شيك", "نقدي", "بطاقة", "إيداع نقدي", "فوري", "Charge card", "Visa charge",
    None, float("nan"), 12])
def test_instruments_are_cash(method):
    assert not is_non_cash_method(method)


def test_a_sheet_without_method_is_all_cash():
    pay = pd.DataFrame({"Payment ID": ["R1"], "Amount": [100.0]})
    assert non_cash(pay).tolist() == [False]


# C1 pays INV-2026-00102 (5,700.00) on 5 Nov: 5,650.00 by transfer and 50.00 bank charges
# written off, both rows under receipt R-77 as Receipts To Post lays them out.
SHORT_PAID = frame("Payments", [
    {"Payment ID": "R-77", "Customer ID": "C1", "Date": "2026-11-05", "Amount": 5650.00,
     "Invoice No": "INV-2026-00102", "Method": "Bank Transfer"},
    {"Payment ID": "R-77", "Customer ID": "C1", "Date": "2026-11-05", "Amount": 50.00,
     "Invoice No": "INV-2026-00102", "Method": "Write-off"},
])


def test_the_write_off_closes_the_invoice_with_its_receipt():
    items = open_items(CUSTOMERS, INVOICES, SHORT_PAID, pd.Timestamp("2026-11-30"))
    assert "INV-2026-00102" not in set(items["Invoice No"])


def test_book_to_bank_pairs_the_cash_and_never_looks_for_the_write_off():
    stmt = lines({"id": "FT1", "date": "2026-11-05", "amount": 5650.00,
                  "desc": "TRF FROM AL NOUR TRADING R-77"})
    as_of = stmt["Date"].max()
    result = match_statement(stmt, open_items(CUSTOMERS, INVOICES, SHORT_PAID, as_of),
                             CUSTOMERS, Policy(), None, recorded=SHORT_PAID)
    assert result.matches[["Bank Line", "Method", "Status", "Applied Amount"]].values.tolist() \
        == [["FT1", "recorded", "Matched", 5650.00]]
    assert len(result.unbanked) == 0  # the 50.00 write-off is in no bank

    # without the Method the same two rows would be one receipt of 5,700.00 the bank lacks
    as_cash = SHORT_PAID.assign(Method="Bank Transfer")
    result = match_statement(stmt, open_items(CUSTOMERS, INVOICES, as_cash, as_of),
                             CUSTOMERS, Policy(), None, recorded=as_cash)
    assert result.unbanked["Amount"].tolist() == [5700.00]


def test_kpis_count_the_cash_received_not_the_write_off():
    period = Period(pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-30"))
    kpis = kpi_table(CUSTOMERS, INVOICES, SHORT_PAID, period).set_index("KPI")["Value"]
    assert kpis["Receipts"] == 5650.00
    assert kpis["Receipts Count"] == 1
    late = days_late(CUSTOMERS, INVOICES, SHORT_PAID, pd.Timestamp("2026-11-30"))
    assert late[["Invoice No", "Applied Amount"]].values.tolist() == [["INV-2026-00102", 5650.0]]


def test_a_customer_statement_shows_the_write_off_as_an_adjustment():
    from ar_excel.core.collections.statements import documents
    from ar_excel.core.ledger import due_dates

    docs = documents(CUSTOMERS, INVOICES, SHORT_PAID, due_dates(INVOICES, CUSTOMERS))
    rows = docs[docs["Document"] == "R-77"]
    assert rows[["Type", "Signed"]].values.tolist() == [["Receipt", -5650.0],
                                                        ["Adjustment", -50.0]]


def test_the_reader_takes_a_payment_method_column(tmp_path):
    from openpyxl import Workbook

    from ar_excel.io.reader import read_book

    wb = Workbook()
    wb.active.title = "Customers"
    wb.active.append(["Customer ID", "Name"])
    wb.active.append(["C1", "Nile Foods"])
    ws = wb.create_sheet("التحصيلات")
    ws.append(["رقم التحصيل", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة", "طريقة الدفع"])
    ws.append(["R-1", "C1", "2026-11-05", 950, "INV-1", "تحويل بنكي"])
    ws.append(["R-1", "C1", "2026-11-05", 50, "INV-1", "خصم تعجيل دفع"])
    wb.save(tmp_path / "book.xlsx")
    book = read_book(tmp_path / "book.xlsx")
    assert non_cash(book.payments).tolist() == [False, True]


def test_the_window_of_receipts_a_statement_can_hold():
    from ar_excel.core.matching.recorded import receipts_in_window

    pay = pd.DataFrame({
        "Payment ID": ["R-1", "R-2", "R-3", "R-4", "R-5"],
        "Date": pd.to_datetime(["2026-09-15", "2026-10-27", "2026-11-05", "2026-11-05",
                                "2026-12-09"]),
        "Amount": [100.0, 200.0, 300.0, 15.0, 400.0],
        "Method": ["Cheque", "Cheque", "Bank Transfer", "Write-off", "Cheque"]})
    window = receipts_in_window(pay, pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-30"))
    # a week before the first line to three days after the last; no write-off
    assert window["Payment ID"].tolist() == ["R-2", "R-3"]
