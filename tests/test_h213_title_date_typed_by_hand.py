"""A US system's export (dates month first: 11/25/2026 shows it) under a title a clerk typed
day first ('كشف فواتير العملاء حتى 30/11/2026'), its receipts dated either way (11/05/2026,
10/09/2026). Worked out by hand: the receipts are dated as the export's invoices are, month
first: 5 November and 9 October 2026 (one Input Issue says so). Before: the title's day-first
date (ded908f) set against the invoices' month-first dates left the receipts as read, day
first: 11 May (before the invoice it pays, of 5 October) and 10 September."""

from __future__ import annotations

from datetime import datetime

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def test_a_column_s_own_order_says_more_than_a_typed_title(tmp_path):
    path = save_sheets(tmp_path / "us_export.xlsx", {
        "Invoices": [
            ["كشف فواتير العملاء حتى 30/11/2026"], [],
            ["Invoice Date", "Invoice No", "Customer ID", "Due Date", "Amount"],
            ["10/05/2026", "1001", "Nile Foods", "11/04/2026", "3,000.00"],
            ["11/25/2026", "1002", "Nile Foods", "12/25/2026", "2,000.00"],
            ["09/08/2026", "1003", "Delta Traders", "10/08/2026", "8,000.00"]],
        "Payments": [
            ["Payment ID", "Customer ID", "Payment Date", "Amount", "Invoice No"],
            ["77", "Nile Foods", "11/05/2026", "1,000.00", "1001"],
            ["78", "Delta Traders", "10/09/2026", "500.00", "1003"]]})
    book = read_book(path)
    assert book.payments["Date"].tolist() == [datetime(2026, 11, 5), datetime(2026, 10, 9)]
    assert [(i.sheet, i.cell) for i in book.issues if "read month first" in i.message] == [
        ("Payments", "C2")]
