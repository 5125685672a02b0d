"""An invoice list naming its customers as an ERP prints them, code and name together, with or
without a separator ("C003 Sinai Build", "C001 - Nile Foods"): each is the customer of that
code, where the code is one the master holds."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book


def test_code_and_name_printed_together_key_the_customer(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name"], ["C001", "Nile Foods"], ["C003", "Sinai Build"]):
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for row in (["I1", "C003 Sinai Build", date(2026, 10, 1), 100],
                ["I2", "C001 - Nile Foods", date(2026, 10, 2), 200],
                ["I3", "C007 Delta Traders", date(2026, 10, 3), 300]):  # no such code
        inv.append(row)
    path = tmp_path / "b.xlsx"
    wb.save(path)
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["C003", "C001", "C007 Delta Traders"]
