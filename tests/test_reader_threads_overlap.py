"""The sheets already read are parsed while the others are still being read: the customer
list is parsed before the invoice list's cells have arrived (a CSV opened whole into column A
is still split as Text to Columns would, once its cells are here)."""

from __future__ import annotations

import threading

from ar_excel.io import book_build, sheet_loading
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name"]] + [[f"C{i}", f"Customer {i}"] for i in range(1, 30)]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
    [f"INV{i}", f"C{i % 29 + 1}", "2024-01-05", 100.0 + i] for i in range(1, 200)]
PAYMENTS_AS_ONE_TEXT = [["Payment ID;Customer ID;Date;Amount"]] + [
    [f"R{i};C{i % 29 + 1};2024-02-01;50"] for i in range(1, 40)]


def test_customers_parsed_while_the_invoices_are_read(tmp_path, monkeypatch):
    path = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                                 "Payments": PAYMENTS_AS_ONE_TEXT})
    customers_parsed, invoices_arrived = threading.Event(), threading.Event()
    seen = []
    reading = sheet_loading.sheet_rows

    def slow_rows(wb, path, name, sheet=None):
        if name == "Invoices":  # held back until the customers are parsed (or 5 s)
            customers_parsed.wait(5)
        rows = reading(wb, path, name, sheet)
        if name == "Invoices":
            invoices_arrived.set()
        return rows

    parsing = book_build.read_table

    def read_table(grid, kind, policy):
        seen.append((kind, invoices_arrived.is_set()))
        if kind == "Customers":
            customers_parsed.set()
        return parsing(grid, kind, policy)

    monkeypatch.setattr(sheet_loading, "sheet_rows", slow_rows)
    monkeypatch.setattr(book_build, "read_table", read_table)
    monkeypatch.setattr(sheet_loading.os, "cpu_count", lambda: 4)
    book = read_book(path)
    assert seen[0] == ("Customers", False)  # before the invoices' cells were there
    assert len(book.tables["Customers"].frame) == 29
    assert len(book.tables["Invoices"].frame) == 199
    assert len(book.tables["Payments"].frame) == 39  # split at ';' as before
    assert any("separated by ';'" in i.message for i in book.issues)
