"""A receipt kept in the invoice list (a transaction list's Payment line, a running ledger's
سند قبض) is money received: a payment on account in Aging Detail, a Receipt on the customer's
statement and a receipt in the KPIs, not a credit note. Before, it was a credit note
everywhere: the period's credit sales were short by the receipts, the receipts 0, so DSO,
CEI and the collection rate were wrong for every book keeping its receipts so."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(tmp_path, invoices):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"])
    ws.append(["C1", "Nile Foods", "EGP", 30, 100000, "ap@nilefoods.com"])
    sheet = wb.create_sheet("Invoices")
    for row in invoices:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


TYPED = [["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
         ["INV-1", "C1", "2026-08-01", "Invoice", 1000],
         ["INV-2", "C1", "2026-09-01", "Invoice", 2000],
         ["RV-7", "C1", "2026-09-15", "Payment", 500],
         ["CN-3", "C1", "2026-09-20", "Credit Note", 100]]


def _kpis(path):
    table = pd.read_excel(path, sheet_name="KPIs", engine="calamine")
    return dict(zip(table["KPI"], table["Value"], strict=False))


def test_a_payment_line_is_a_receipt_in_the_kpis(tmp_path):
    path = _book(tmp_path, TYPED)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    kpis = _kpis(out)
    assert kpis["Credit Notes Issued"] == 1
    assert kpis["Credit Note Value"] == -100.0
    assert kpis["Credit Sales"] == 1900.0  # 2,000 - 100: the receipt is no credit note
    assert kpis["Receipts Count"] == 1
    assert kpis["Receipts"] == 500.0
    assert kpis["Closing AR"] == 2400.0
    assert kpis["DSO"] == 37.89  # 2,400 / 1,900 x 30
    assert kpis["CEI %"] == 55.56  # (1,000 + 1,900 - 2,400) / (1,000 + 1,900 - 2,000)
    assert kpis["Collection Rate %"] == 17.24  # 500 / 2,900


def test_a_payment_line_is_a_payment_in_aging_detail_and_a_receipt_on_the_statement(tmp_path):
    path = _book(tmp_path, TYPED)
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    assert dict(zip(detail["Document No"], detail["Item Type"], strict=True)) == {
        "INV-1": "Invoice", "INV-2": "Invoice", "RV-7": "Payment", "CN-3": "Credit Note"}
    assert detail["Open Amount"].sum() == 2400.0
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    lines = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    documents = lines[lines["Document"].isin(["INV-2", "RV-7", "CN-3"])]
    assert list(zip(documents["Document"], documents["Type"], strict=True)) == [
        ("INV-2", "Invoice"), ("RV-7", "Receipt"), ("CN-3", "Credit Note")]


def test_a_running_ledgers_receipt_voucher_is_a_receipt(tmp_path):
    path = _book(tmp_path, [
        ["Invoice No", "Customer ID", "Invoice Date", "البيان", "Amount"],
        ["F-100", "C1", "2026-09-02", "فاتورة مبيعات", 3000],
        ["SQ-55", "C1", "2026-09-18", "سند قبض - شيك 4411", -1200],
        ["M-9", "C1", "2026-09-25", "مرتجع مبيعات", -300]])
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    kpis = _kpis(out)
    assert (kpis["Credit Notes Issued"], kpis["Credit Note Value"]) == (1, -300.0)
    assert (kpis["Receipts Count"], kpis["Receipts"]) == (1, 1200.0)
    assert kpis["Credit Sales"] == 2700.0
