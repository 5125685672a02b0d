"""Payments rows typed positive, as every row of a hand-kept sheet is, whose Method says the
money went the other way: a refund paid out, a cheque the bank returned. They are read
negative, with an Input Issue at their Method cells. Before, each was one more receipt: Beta
Foods' 500 refund doubled its credit balance (-1,000.00 for 0.00), and a returned cheque
typed 5,000 paid the customer's next invoice."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(tmp_path, invoices, payments):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C2", "Beta Foods", "beta@beta.example", "EGP", 30, 20000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    for row in invoices:
        ws.append(row)
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    for row in payments:
        ws.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_a_refund_typed_positive_is_money_paid_out(tmp_path):
    path = _book(tmp_path, [["INV-010", "C2", datetime(2026, 9, 1), datetime(2026, 10, 1), 1500]],
                 [["P3", "C2", datetime(2026, 9, 20), 2000, "INV-010", "Cheque"],
                  ["R1", "C2", datetime(2026, 10, 15), 500, None, "Refund"]])
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    lines = tab[tab["Type"] != "Aging"]
    assert list(zip(lines["Type"], lines["Debit"].fillna(0), lines["Balance"],
                    strict=True)) == [("Opening balance", 0, -500.0), ("Refund", 500.0, 0.0),
                                      ("Closing balance", 0, 0.0)]
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert issues[["Sheet", "Cell", "Column"]].values.tolist() == [["Payments", "F3", "Method"]]
    assert "refunds paid out" in issues["Message"].iloc[0]


def test_a_returned_cheque_typed_positive_takes_back_its_receipt(tmp_path):
    path = _book(tmp_path, [["RI-1", "C2", datetime(2026, 7, 1), datetime(2026, 7, 31), 5000],
                            ["RI-2", "C2", datetime(2026, 9, 1), datetime(2026, 10, 1), 800]],
                 [["CHQ-77", "C2", datetime(2026, 7, 30), 5000, "RI-1", "Cheque"],
                  ["CHQ-77R", "C2", datetime(2026, 8, 5), 5000, "RI-1", "شيك مرتد"]])
    out = tmp_path / "collections.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    dun = pd.read_excel(out, sheet_name="Dunning", engine="calamine")
    (row,) = dun.to_dict("records")
    assert (row["Level"], row["Days Overdue"], row["Amount To Collect"],
            row["Open Balance"]) == (4, 92, 5800.0, 5800.0)
