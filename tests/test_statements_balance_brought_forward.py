"""A running ledger's balance brought forward ('Balance b/f', 'رصيد افتتاحي') on the
customer's statement: what the customer owed before the ledger starts, not an invoice of the
day it is dated. Before, the statement listed it as 'Invoice' (فاتورة in Arabic books)."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _ledger(tmp_path, headers, customer, rows, name, arabic=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء" if arabic else "Customers"
    ws.append(["كود العميل", "اسم العميل", "البريد الإلكتروني", "العملة", "مدة السداد",
               "حد الائتمان"] if arabic else
              ["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append([customer, "Ledger Co", "l@ledger.example", "EGP", 30, 100000])
    ws = wb.create_sheet("الفواتير" if arabic else "Invoices")
    ws.append(headers)
    balance = 0
    for day, ref, text, debit, credit in rows:
        balance += (debit or 0) - (credit or 0)
        ws.append([customer, day, ref, text, debit, credit, balance])
    path = tmp_path / name
    wb.save(path)
    return path


def test_the_balance_brought_forward_is_no_invoice(tmp_path):
    path = _ledger(tmp_path, ["Customer ID", "Date", "Ref", "Description", "Debit", "Credit",
                              "Balance"], "L1", [
        (datetime(2026, 9, 1), "OB", "Balance b/f", 7000, None),
        (datetime(2026, 9, 10), "INV-5", "Invoice 5", 3000, None),
        (datetime(2026, 10, 5), "RCPT-1", "Cheque received", None, 2000)], "ledger.xlsx")
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--from", "2026-09-01",
                 "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    lines = tab[tab["Type"] != "Aging"]
    assert list(zip(lines["Type"], lines["Document"].fillna(""), lines["Balance"],
                    strict=True)) == [
        ("Opening balance", "", 0.0), ("Balance Brought Forward", "OB", 7000.0),
        ("Invoice", "INV-5", 10000.0), ("Receipt", "RCPT-1", 8000.0),
        ("Closing balance", "", 8000.0)]


def test_an_arabic_ledgers_opening_row_on_its_statement(tmp_path):
    path = _ledger(tmp_path, ["كود العميل", "التاريخ", "المرجع", "البيان", "مدين", "دائن",
                              "الرصيد"], "A1", [
        (datetime(2026, 9, 1), "1", "رصيد افتتاحي", 7000, None),
        (datetime(2026, 9, 10), "F-5", "فاتورة مبيعات", 3000, None)], "ledger_ar.xlsx",
        arabic=True)
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--from", "2026-09-01",
                 "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine", header=1)
    lines = tab[tab["Document"].isin(["1", 1, "F-5"])]
    assert list(zip(lines["Type"], lines["Balance"], strict=True)) == [
        ("رصيد مرحل", 7000.0), ("فاتورة", 10000.0)]
