"""A Policy sheet naming the company's currency in its own words ('Currency', 'العملة',
'Local Currency') beside a book kept without a currency column: an Omani company's
invoices of 99.999, 1,234.125 and 0.755 OMR with 34.125 received are 1,300.754 OMR owed.
The key was not read (only base_currency, Functional / Company / Home Currency), the
amounts counted in cents: 1,300.76 with no currency, 99.999 shown as 100.00."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


@pytest.mark.parametrize("key", ["Currency", "العملة", "Local Currency"])
def test_the_policy_names_the_currency_in_its_own_words(tmp_path, key):
    path = save_sheets(tmp_path / "om.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Al Batinah Trading"], ["C2", "Sohar Marine"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["K-101", "C1", D(2026, 10, 5), D(2026, 11, 4), 99.999],
                     ["K-102", "C1", D(2026, 11, 10), D(2026, 12, 10), 1234.125],
                     ["K-103", "C2", D(2026, 9, 1), D(2026, 10, 1), 0.755]],
        "Payments": [["Payment ID", "Customer ID", "Payment Date", "Amount", "Invoice No"],
                     ["R-1", "C1", D(2026, 11, 20), 34.125, "K-102"]],
        "Policy": [["Key", "Value"], [key, "OMR"]]})
    book = read_book(path)
    assert book.policy.base_currency == "OMR"
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["C1", "C2"], "1-30"].tolist() == [99.999, 0]
    assert aging.loc[["C1", "C2"], "Total"].tolist() == [1299.999, 0.755]
    assert aging.loc["C1", "Currency"] == "OMR"


def test_a_rates_table_headed_currency_on_the_policy_sets_nothing(tmp_path):
    """A small rates table laid under the settings, headed 'Currency | Rate to EGP': no
    currency setting, and no issue for it."""
    path = save_sheets(tmp_path / "fx.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["F1", "C1", D(2026, 11, 1), 100]],
        "Policy": [["Key", "Value"], ["max_discount_pct", 5], [], ["Currency", "Rate to EGP"],
                   ["USD", 48.5]]})
    book = read_book(path)
    assert book.policy.base_currency == ""
    assert [i for i in book.issues if i.sheet == "Policy"] == []
