"""A cash receipts register that keeps each cheque's number (رقم الشيك, Cheque No): the bank's
"CHQ DEP NO 648914" line pairs with the cheque already recorded, by its number, instead of
being suggested against another customer's invoice of the same round amount."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from tests.test_reader import _book


@pytest.mark.parametrize("header", ["رقم الشيك", "Cheque No", "Check Number", "Reference"])
def test_a_recorded_cheque_pairs_by_its_number(tmp_path, header):
    book = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile Foods", 30],
                      ["C2", "Delta Traders", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-09-01", 2500], ["I-2", "C2", "2026-09-03", 2500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                      header],
                     ["RV-101", "C1", "2026-11-02", 2500, "I-1", "Cheque", 648914]]})
    assert read_book(book).payments["Reference"].tolist() == ["648914"]
    statement = tmp_path / "bank.csv"
    with open(statement, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerows([["Date", "Description", "Amount"],
                     ["04/11/2026", "CHQ DEP NO 648914 CIB CLG", "2500.00"],
                     ["05/11/2026", "CHQ DEP NO 555123 NBE CLG", "2500.00"]])
    out = tmp_path / "rec.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", engine="calamine")
    assert list(zip(m["Bank Line"], m["Invoice No"], m["Method"], m["Status"], strict=True)) \
        == [(1, "I-1", "recorded", "Matched"), (2, "I-2", "amount-only", "Suggested")]
    assert "its reference 648914 is in the narrative" in m["Reason"].iat[0]
