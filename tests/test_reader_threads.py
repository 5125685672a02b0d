"""Sheets read side by side give the same Book as sheets read one after the other; sheets no
contract sheet can come from are listed (and readable on demand) but not parsed."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ar_excel.io import sheet_loading
from ar_excel.io.reader import read_book, sheet_frame
from tests._workbooks import save_sheets


def _write(path, sheets, hidden=()):
    return save_sheets(path, sheets, hidden=tuple(hidden))


CUSTOMERS = [["Customer ID", "Name", "Payment Terms", "Credit Limit"]] + [
    [f"C{i}", f"Customer {i}", 30, "1,000" if i % 7 == 0 else 500.0 * i] for i in range(1, 60)]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
    [f"INV{i}", f"C{i % 59 + 1}", date(2024, 1, 1 + i % 28) if i % 11 else "31/02/2024",
     "abc" if i == 17 else 100.0 + i] for i in range(1, 400)]
PAYMENTS = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]] + [
    [f"R{i}", f"C{i % 59 + 1}", date(2024, 2, 1 + i % 28), 50.0, f"INV{i}"] for i in range(1, 200)]
BANK_MATCHES = [["Bank Line", "Customer ID", "Invoice No"], ["L1", "C1", "INV1"]]


def _same_book(a, b):
    assert a.issues == b.issues
    assert a.sheet_names == b.sheet_names and a.unusable == b.unusable and a.arabic == b.arabic
    assert list(a.tables) == list(b.tables)
    for kind in a.tables:
        pd.testing.assert_frame_equal(a.tables[kind].frame, b.tables[kind].frame)
        pd.testing.assert_frame_equal(a.tables[kind].raw, b.tables[kind].raw)


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_threads_read_the_same_book(tmp_path, monkeypatch, threads):
    path = _write(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                           "Payments": PAYMENTS, "Bank Matches": BANK_MATCHES})
    monkeypatch.setattr(sheet_loading, "MAX_READ_THREADS", 1)
    one = read_book(path)
    monkeypatch.setattr(sheet_loading, "MAX_READ_THREADS", threads)
    monkeypatch.setattr(sheet_loading.os, "cpu_count", lambda: 4)
    many = read_book(path)
    _same_book(one, many)
    assert len(many.issues) == 37  # 36 impossible dates and one amount, each with its cell
    cells = [(i.cell, i.value) for i in many.issues]
    assert cells[:2] == [("C12", "31/02/2024"), ("C23", "31/02/2024")]
    assert cells[-1] == ("D18", "abc")  # column by column, as one after the other


def test_output_tabs_and_hidden_sheets_are_listed_and_read_on_demand(tmp_path):
    path = _write(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": PAYMENTS,
        "Bank Matches": BANK_MATCHES, "_snapshot": [["Customer ID", "Name"], ["C1", "Old"]],
        "Notes": [["Customer ID", "Name", "Credit Limit"], ["C1", "x", 1]]}, hidden=("_snapshot",))
    book = read_book(path)
    assert book.sheet_names == ["Customers", "Invoices", "Payments", "Bank Matches", "_snapshot",
                                "Notes"]
    assert sheet_frame(book, "Bank Matches", ("Bank Line",))["Invoice No"].tolist() == ["INV1"]
    assert sheet_frame(book, "_snapshot", ("Customer ID",))["Name"].tolist() == ["Old"]
    assert len(book.customers) == 59


def test_a_sheet_named_otherwise_is_still_found_by_its_header(tmp_path):
    path = _write(tmp_path / "book.xlsx", {"Clients 2024": CUSTOMERS, "Invoices": INVOICES,
                                           "Aging": [["Customer ID", "Name", "Payment Terms"]]})
    book = read_book(path)
    assert book.tables["Customers"].sheet == "Clients 2024"
    assert book.customers["Customer ID"].tolist()[:2] == ["C1", "C2"]


def test_a_sheet_that_cannot_be_read_raises_the_first_in_order(tmp_path, monkeypatch):
    path = _write(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                           "Payments": PAYMENTS})
    real = sheet_loading._SheetLoads._work

    def failing(self, book):
        class Book:
            def get_sheet_by_name(self, name):
                if name in ("Invoices", "Payments"):
                    raise ValueError(f"broken {name}")
                return book.get_sheet_by_name(name)
        real(self, Book())

    monkeypatch.setattr(sheet_loading._SheetLoads, "_work", failing)
    with pytest.raises(ValueError, match="broken Invoices"):
        read_book(path)
