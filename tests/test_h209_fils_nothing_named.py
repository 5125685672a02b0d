"""A Kuwaiti book kept without any currency (no Currency column, no Policy, no country):
its amounts in fils (99.999, 1,234.125, 0.755) counted in cents, 1,300.754 owed aged as
1,300.76 and 99.999 as 100.00, and nothing said so. Nothing in the book says which dinar or
rial it is: one Input Issue now says the fils are counted to the cent and how to keep them
(the currency column or Base Currency on the Policy, which keeps them: 1,300.754 KWD)."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def _book(tmp_path, policy=None):
    sheets = {
        "Customers": [["Customer ID", "Name"], ["C1", "Al Wazzan Trading"], ["C2", "Gulf Marine"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["K-101", "C1", D(2026, 10, 5), D(2026, 11, 4), 99.999],
                     ["K-102", "C1", D(2026, 11, 10), D(2026, 12, 10), 1234.125],
                     ["K-103", "C2", D(2026, 9, 1), D(2026, 10, 1), 0.755]]}
    if policy:
        sheets["Policy"] = [["Key", "Value"], ["base_currency", policy]]
    return read_book(save_sheets(tmp_path / "kw.xlsx", sheets))


def test_fils_with_no_currency_named_are_said(tmp_path):
    book = _book(tmp_path)
    said = [(i.cell, i.message) for i in book.issues if "fils" in i.message]
    assert said == [("E2", "3 amount(s) kept without a currency are written with three "
                           "decimals (99.999: fils, as a dinar or rial counts them) and nothing "
                           "in the workbook names the currency: they are counted to the cent; "
                           "write it in the Currency column (e.g. KWD, BHD, OMR) or set Base "
                           "Currency on the Policy sheet (E2, E3, E4)")]
    assert arabic_message(said[0][1]) != said[0][1]


def test_the_policy_currency_keeps_them(tmp_path):
    book = _book(tmp_path, "KWD")
    assert [i for i in book.issues if "fils" in i.message] == []
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [1334.124, 0.755]
