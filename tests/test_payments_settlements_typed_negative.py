"""A write-off, discount, tax withheld or bank charge typed negative in Payments, as a
deduction is on a voucher, settles the invoice all the same: its Method says what it is, its
sign does not turn it into a refund. Before, Nile Foods' 200 early-payment discount typed
-200 was read as money paid out: a debit on the account beside the 200 it left unpaid, a
closing balance of 400.00 instead of 0.00, and Non-Cash Settlements of -200.00."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main


def _book(tmp_path, discount=-200, method="Early payment discount"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Nile Foods", "ap@nile.example", "EGP", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    ws.append(["INV-1", "C1", datetime(2026, 9, 1), datetime(2026, 10, 1), 10000])
    ws.append(["INV-2", "C1", datetime(2026, 10, 5), datetime(2026, 11, 4), 3000])
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    ws.append(["R1", "C1", datetime(2026, 10, 20), 9800, "INV-1", "Bank transfer"])
    ws.append(["D1", "C1", datetime(2026, 10, 20), discount, "INV-1", method])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def _statement_and_kpis(tmp_path, path):
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    pack = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-10-31", "-o", str(pack)]) == 0
    table = pd.read_excel(pack, sheet_name="KPIs", engine="calamine")
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    closing = tab.loc[tab["Type"] == "Closing balance", "Balance"].tolist()
    return closing, issues, kpis


def test_a_discount_typed_negative_settles_the_invoice(tmp_path):
    closing, issues, kpis = _statement_and_kpis(tmp_path, _book(tmp_path))
    assert closing == [3000.0]  # INV-2 only; was 3,400.00 (INV-1's 200 and a 200 debit)
    assert issues[["Sheet", "Cell", "Column"]].values.tolist() == [["Payments", "F3", "Method"]]
    assert issues["Message"].iloc[0] == (
        "1 payment(s) typed negative whose Method says a write-off, discount, tax withheld or "
        "charge: read as settling what the customer owes, their amounts positive (F3)")
    assert (kpis["Receipts"], kpis["Non-Cash Settlements"], kpis["Refunds Paid"]) == (
        9800.0, 200.0, 0.0)
    assert kpis["Closing AR"] == 3000.0


def test_the_same_discount_typed_positive_reads_the_same(tmp_path):
    closing, issues, kpis = _statement_and_kpis(tmp_path, _book(tmp_path, discount=200))
    assert closing == [3000.0] and issues.empty
    assert (kpis["Non-Cash Settlements"], kpis["Closing AR"]) == (200.0, 3000.0)


def test_a_negative_adjustment_keeps_its_sign(tmp_path):
    """An adjustment may go either way: a negative one stays a debit, as typed."""
    closing, issues, _ = _statement_and_kpis(tmp_path, _book(tmp_path, method="Adjustment"))
    assert closing == [3400.0] and issues.empty


def _written_off_and_recovered(tmp_path, method):
    """INV-1 10,000 written off in September; in October a row typed -10,000 whose Method
    says the bad debt is recovered puts it back on the account, and 10,000 is received."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Nile Foods", "ap@nile.example", "EGP", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    ws.append(["INV-1", "C1", datetime(2026, 6, 1), datetime(2026, 7, 1), 10000])
    ws.append(["INV-2", "C1", datetime(2026, 10, 5), datetime(2026, 11, 4), 3000])
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    ws.append(["W1", "C1", datetime(2026, 9, 30), 10000, "INV-1", "Write-off"])
    ws.append(["B1", "C1", datetime(2026, 10, 20), -10000, "INV-1", method])
    ws.append(["R1", "C1", datetime(2026, 10, 20), 10000, "INV-1", "Bank transfer"])
    path = tmp_path / "recovered.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("method", ["Bad debt recovered", "Write-off reinstated",
                                    "Write-off written back", "استرداد ديون معدومة"])
def test_a_write_off_undone_typed_negative_keeps_its_sign(tmp_path, method):
    """A write-off undone puts the debt back: read positive (7cab3bf) it was a second
    write-off, INV-1 settled 30,000 for 10,000 and C1 in credit by 17,000."""
    closing, issues, kpis = _statement_and_kpis(tmp_path, _written_off_and_recovered(
        tmp_path, method))
    assert closing == [3000.0] and issues.empty  # INV-2 only
    assert (kpis["Receipts"], kpis["Non-Cash Settlements"], kpis["Closing AR"]) == (
        10000.0, -10000.0, 3000.0)


@pytest.mark.parametrize("method", ["Late payment charges", "Interest charges",
                                    "Penalty charges", "Delivery charges"])
def test_a_charge_billed_to_the_customer_typed_negative_keeps_its_sign(tmp_path, method):
    """INV-1 paid in full, then a 150 late payment charge billed to C1, typed -150 in
    Payments (a debit on its account). 'charges' is a non-cash word (a bank's charges
    deducted from a receipt), but a charge the company bills puts a debt on the account:
    read positive (7cab3bf) it settled 150 more, C1 in credit by 150 instead of owing it."""
    wb = openpyxl.load_workbook(_book(tmp_path, discount=-150, method=method))
    ws = wb["Payments"]
    ws["D2"] = 10000  # R1 pays INV-1 in full
    ws = wb["Invoices"]
    ws.delete_rows(3)  # INV-2 left out: C1 owes only the charge
    path = tmp_path / "charged.xlsx"
    wb.save(path)
    closing, issues, kpis = _statement_and_kpis(tmp_path, path)
    assert closing == [150.0] and issues.empty
    assert (kpis["Non-Cash Settlements"], kpis["Closing AR"]) == (-150.0, 150.0)
