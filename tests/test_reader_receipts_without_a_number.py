"""QuickBooks' Transaction List by Customer leaves a Payment's Num blank (a receipt has no
invoice number of its own): each payment row was an Input Issue 'Num is required but blank',
though the ledger read it as money received (found by helper-197 and helper-201)."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from ar_excel.io.reader import read_book


def test_a_payments_blank_num_is_no_issue_an_invoices_still_is(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Transaction List by Customer"
    ws.append(["Type", "Date", "Num", "Customer", "Memo", "Amount", "Open Balance"])
    ws.append(["Invoice", datetime(2026, 10, 1), "1041", "Nile Foods", "", 3500.0, 1500.0])
    ws.append(["Payment", datetime(2026, 10, 20), None, "Nile Foods", "", -2000.0, 0.0])
    ws.append(["Invoice", datetime(2026, 10, 5), None, "Delta Trading", "", 1200.0, 1200.0])
    path = tmp_path / "qb.xlsx"
    wb.save(path)
    book = read_book(path)
    blank = [(i.cell, i.message) for i in book.issues if "required but blank" in i.message]
    assert blank == [("C4", "Num is required but blank")]
