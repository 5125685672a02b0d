"""A Customer ID that is a code and a total word ('C001 Total', 'C001 المجموع': the label
Excel's Data > Subtotal writes under a customer's rows) is no "code then name" reading of
C001: a row so keyed that reaches the key matching (here dated, so it is no bare subtotal row
the reader sets aside) stays an unknown customer, reported as one, instead of adding its
amount to C001's balance unsaid. A customer 'C001 Total Petroleum Co' is still C001's."""

from __future__ import annotations

from datetime import datetime as D

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.customers.ids import ids_as_spelled
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
             ["C001", "Nile Trading", "EGP", "30"], ["C002", "Delta", "EGP", "30"]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
            ["F-1", "C001", D(2026, 10, 1), 1000], ["F-2", "C002", D(2026, 10, 2), 2000]]


def _run(tmp_path, sheets):
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, **sheets})
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", "2026-11-20", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    aging = {r[0]: r[7] for r in wb["Aging"].iter_rows(min_row=2, values_only=True)
             if r[0] in ("C001", "C002") or (isinstance(r[0], str) and "Total" in r[0])}
    checks = [(r[0], r[3], r[7]) for r in wb["Invoice Checks"].iter_rows(min_row=2,
                                                                         values_only=True)]
    return aging, checks


def test_an_invoice_keyed_c001_total_is_not_added_to_c001(tmp_path):
    aging, checks = _run(tmp_path, {"Invoices": [
        *INVOICES, ["F-3", "C001 Total", D(2026, 10, 3), 1000]]})
    assert aging == {"C001": 1000, "C002": 2000, "C001 Total": 1000}
    assert ("F-3", "UNKNOWN_CUSTOMER", "C001 Total") in checks


def test_a_receipt_keyed_c001_total_does_not_pay_c001(tmp_path):
    aging, _ = _run(tmp_path, {"Invoices": INVOICES, "Payments": [
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
        ["P1", "C001", D(2026, 10, 20), 300, "F-1"],
        ["P2", "C001 Total", D(2026, 10, 20), 300, None]]})
    assert aging == {"C001": 700, "C002": 2000, "C001 Total": -300}


def test_a_customer_named_total_something_is_still_read_as_its_code(tmp_path):
    aging, checks = _run(tmp_path, {"Invoices": [
        *INVOICES, ["F-3", "C001 Total Petroleum Co", D(2026, 10, 3), 500]]})
    assert aging == {"C001": 1500, "C002": 2000}
    assert [c for c in checks if c[1] == "UNKNOWN_CUSTOMER"] == []


@pytest.mark.parametrize("label", [
    "C001 Total", "C001 TOTAL", "C001 Sub Total", "C001 Subtotal", "C001 Grand Total",
    "C001 Sum", "C001 المجموع", "C001 الإجمالي", "C001 إجمالي", "C001 اجمالي", "C001 مجموع",
    "C001 - Total", "C001 | المجموع"])
def test_a_code_and_a_total_word_is_no_reading_of_the_code(label):
    assert ids_as_spelled(pd.Series([label]), {"C001", "C002"}) == {}


@pytest.mark.parametrize("value", [
    "C001 Total Petroleum Co", "C001 Nile Trading", "C001 - Nile Trading",
    "C001 Totalgaz", "C001 مجموعة النيل"])
def test_a_code_and_a_name_is_still_read_as_the_code(value):
    assert ids_as_spelled(pd.Series([value]), {"C001", "C002"}) == {
        value: "C001"}
