"""Audit: a credit note never credits more than its invoice, nor another customer's invoice.

Hand-made book (Invoices rows 2..): INV-2001 1,140.00 and INV-2002 2,280.00 of K1, INV-2003
100.250 KWD of K2. CN-501 (-1,000) and CN-502 (-200) name INV-2001 in Original Invoice:
1,200.00 credited on 1,140.00, so CN-502 (row 6) goes over by 60.00; CN-INV-2002 names
INV-2002 by its own number and credits 2,280.01 (over by 0.01); CN-504 credits INV-2003
100.250 KWD (all of it: fine); CN-505 names K2's INV-2003 for K1; CN-506 names
INV-9999, not in the book; CN-503 names nothing (no finding); CN-1001 of K3 is the credit
notes' own sequence, not invoice 1001 (a number of digits alone is no reference).
"""

from __future__ import annotations

from datetime import datetime as D

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.billing import prepare, run_checks
from tests._aging_books import frame

AS_OF = D(2026, 10, 31)
ROWS = [  # Invoice No, Customer ID, Invoice Date, Amount, Original Invoice
    ("INV-2001", "K1", D(2026, 10, 1), 1140.0, None),
    ("INV-2002", "K1", D(2026, 10, 2), 2280.0, None),
    ("INV-2003", "K2", D(2026, 10, 3), 100.25, None),
    ("CN-501", "K1", D(2026, 10, 10), -1000.0, "INV-2001"),
    ("CN-502", "K1", D(2026, 10, 12), -200.0, "INV-2001"),
    ("CN-503", "K1", D(2026, 10, 13), -2500.0, None),
    ("CN-INV-2002", "K1", D(2026, 10, 14), -2280.01, None),
    ("CN-504", "K2", D(2026, 10, 15), -100.25, "INV-2003"),
    ("CN-505", "K1", D(2026, 10, 15), -50.0, "INV-2003"),
    ("CN-506", "K1", D(2026, 10, 15), -50.0, "INV-9999"),
    ("1001", "K3", D(2026, 10, 1), 500.0, None),
    ("CN-1001", "K3", D(2026, 10, 5), -600.0, None),
]
CODES = ("CREDIT_NOTE_EXCEEDS_INVOICE", "CREDIT_NOTE_OTHER_CUSTOMER",
         "CREDIT_NOTE_INVOICE_UNKNOWN")


def _findings() -> pd.DataFrame:
    customers = frame("Customers", [
        {"Customer ID": "K1", "Name": "Alpha", "Currency": "EGP", "Payment Terms": 30},
        {"Customer ID": "K2", "Name": "Beta", "Currency": "KWD", "Payment Terms": 30},
        {"Customer ID": "K3", "Name": "Gamma", "Currency": "EGP", "Payment Terms": 30}])
    invoices = frame("Invoices", [
        {"Invoice No": n, "Customer ID": c, "Invoice Date": d, "Amount": a}
        for n, c, d, a, _ in ROWS])
    invoices["Original Invoice"] = [r[4] for r in ROWS]
    found, issues = run_checks(prepare(invoices=invoices, customers=customers, as_of=AS_OF))
    assert issues == []
    return found[found["Code"].isin(CODES)]


def test_credit_notes_over_their_invoice_are_errors():
    found = _findings()
    got = sorted(zip(found["Invoice No"], found["Row"], found["Code"], found["Severity"],
                     strict=True))
    assert got == [
        ("CN-502", 6, "CREDIT_NOTE_EXCEEDS_INVOICE", "Error"),
        ("CN-505", 10, "CREDIT_NOTE_OTHER_CUSTOMER", "Error"),
        ("CN-506", 11, "CREDIT_NOTE_INVOICE_UNKNOWN", "Warning"),
        ("CN-INV-2002", 8, "CREDIT_NOTE_EXCEEDS_INVOICE", "Error"),
    ]
    msg = dict(zip(found["Invoice No"], found["Message"], strict=True))
    assert msg["CN-502"] == ("Credit note 200.00 for invoice INV-2001 takes the credits on it "
                             "to 1,200.00, more than the invoice's 1,140.00 by 60.00")
    assert msg["CN-INV-2002"].endswith("to 2,280.01, more than the invoice's 2,280.00 by 0.01")
    assert "billed to customer K2" in msg["CN-505"]


def test_cli_reports_the_over_credit_at_its_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name", "Currency", "Payment Terms"], ["K1", "Alpha", "EGP", 30]):
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    for row in (["Invoice No", "Customer ID", "Invoice Date", "Amount", "Original Invoice"],
                ["INV-2001", "K1", D(2026, 10, 1), 1140, None],
                ["CN-501", "K1", D(2026, 10, 10), -1000, "INV-2001"],
                ["CN-502", "K1", D(2026, 10, 12), -200, "INV-2001"]):
        inv.append(row)
    book, out = tmp_path / "b.xlsx", tmp_path / "o.xlsx"
    wb.save(book)
    assert main(["invoices", str(book), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Invoice Checks"]
    rows = [r for r in ws.iter_rows(min_row=2, max_col=8, values_only=True) if r[0]]
    over = [r for r in rows if r[3] == "CREDIT_NOTE_EXCEEDS_INVOICE"]
    assert [(r[0], r[1], r[2], r[4], r[6], r[7]) for r in over] == [
        ("CN-502", 4, "Amount", "Error", "Invoices", "K1")]


def test_statement_names_the_invoice_a_credit_note_corrects(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name", "Currency", "Payment Terms"], ["K1", "Alpha", "EGP", 30]):
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    for row in (["Invoice No", "Customer ID", "Invoice Date", "Amount", "Original Invoice"],
                ["INV-2001", "K1", D(2026, 10, 1), 1140, None],
                ["CN-501", "K1", D(2026, 10, 10), -1000, "INV-2001"]):
        inv.append(row)
    book, out = tmp_path / "b.xlsx", tmp_path / "o.xlsx"
    wb.save(book)
    assert main(["statements", str(book), "--as-of", "2026-10-31", "--no-pdf",
                 "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Customer Statements"]
    lines = [r[4:11] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "K1"]
    assert lines[1][:3] == ("Invoice", "INV-2001", None)
    assert lines[2] == ("Credit Note", "CN-501", "INV-2001", None, 0, 1000, 140)
