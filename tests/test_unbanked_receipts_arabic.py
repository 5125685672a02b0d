"""A receipt kept in Payments without a Payment ID is named by its row ("Payments row 3") in
Unbanked Receipts and in Bank Matches' reasons. An Arabic workbook names it in Arabic there,
as the Input Issues name a row ("الصف 14") and the tabs' reasons are worded."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from tests.test_matching_rules import CUSTOMERS, frame
from tests.test_reconcile_job import read_tab, write_book
from tests.test_reconcile_recorded import INVOICES


def _book(tmp_path, arabic: bool):
    payments = frame("Payments", [
        {"Customer ID": "C4", "Date": "2026-11-05", "Amount": 4000.00, "Invoice No": "INV-1"},
        {"Customer ID": "C3", "Date": "2026-11-28", "Amount": 4321.00,
         "Invoice No": "INV-2026-00301"}]).drop(columns=["_row", "Payment ID"])
    names = ({"Customers": "العملاء", "Invoices": "الفواتير", "Payments": "التحصيلات",
              "Bank Statement": "كشف الحساب البنكي"} if arabic else {})
    return write_book(tmp_path / "book.xlsx", {
        names.get("Customers", "Customers"): CUSTOMERS.drop(columns="_row"),
        names.get("Invoices", "Invoices"): INVOICES.drop(columns="_row"),
        names.get("Payments", "Payments"): payments,
        names.get("Bank Statement", "Bank Statement"): pd.DataFrame({
            "Date": pd.to_datetime(["2026-11-05", "2026-11-30"]), "Amount": [4000.00, 12500.00],
            "Description": ["PAYMENT INV-1", "TRF INV-2026-00205"]})})


def test_a_receipt_without_an_id_is_named_by_its_row_in_arabic(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path, True)), "-o", str(out), "--lang", "ar"]) == 0
    u = read_tab(out, "Unbanked Receipts", "Payment ID")
    assert u[["Payment ID", "Customer ID", "Amount"]].values.tolist() == [
        ["الصف 3 من التحصيلات", "C3", 4321.0]]
    m = read_tab(out, "Bank Matches", "Bank Line")
    assert m["Reason"].iloc[0].startswith(
        "مسجل في التحصيلات برقم الصف 2 من التحصيلات بتاريخ 2026-11-05: ")
    assert "Payments" not in m["Reason"].iloc[0]


def test_an_english_workbook_keeps_the_english_name(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path, False)), "-o", str(out)]) == 0
    u = read_tab(out, "Unbanked Receipts", "Payment ID")
    assert u["Payment ID"].tolist() == ["Payments row 3"]
    m = read_tab(out, "Bank Matches", "Bank Line")
    assert m["Reason"].iloc[0].startswith("recorded in Payments as Payments row 2 on 2026-11-05")
