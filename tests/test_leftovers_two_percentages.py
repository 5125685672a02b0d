"""A percentage cell holding two percentages ("5% off 10%") is no one rate: it was read as
510 % (the figures glued together). It is now an Input Issue at its cell, naming both; a
tax's name with one rate in it ("VAT 15% (2020)") still reads that rate."""

from __future__ import annotations

import pytest

from ar_excel.io.reader import read_book
from ar_excel.parsing import parse_percent
from tests._workbooks import save_sheets


@pytest.mark.parametrize("cell", ["5% off 10%", "5% 10%", "5%/10%", "5 % + 10 %",
                                  "خصم ٥٪ و ١٠٪"])
def test_two_percentages_are_not_one_rate(cell):
    with pytest.raises(ValueError, match=r"names 2 percentages \(5%, 10%\): which one "
                                         r"applies is not clear"):
        parse_percent(cell)


@pytest.mark.parametrize(("cell", "rate"), [
    ("5% off", 5.0), ("10%", 10.0), ("VAT 15%", 15.0), ("15% VAT 2020", 15.0),
    ("0% Export", 0.0), ("2/10 Net 30", 2.0), ("12.5 %", 12.5), ("١٠٪", 10.0)])
def test_one_percentage_among_words_is_read(cell, rate):
    assert parse_percent(cell) == rate


def test_figures_without_a_percent_sign_are_not_glued():
    with pytest.raises(ValueError, match="'5 10' is not one percentage"):
        parse_percent("5 10")


def test_the_discount_cell_with_two_percentages_is_an_input_issue(tmp_path):
    customers = [["Customer ID", "Name", "Currency", "Discount %"],
                 ["C1", "Alpha Trading", "EGP", "5%"],
                 ["C2", "Beta Foods", "EGP", "5% off 10%"],
                 ["C3", "Gamma Steel", "EGP", 2.5]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I1", "C1", "2026-10-01", 100]]
    book = read_book(save_sheets(tmp_path / "b.xlsx",
                                 {"Customers": customers, "Invoices": invoices}))
    discounts = book.customers["Discount %"].tolist()
    assert discounts[0] == 5.0 and discounts[2] == 2.5 and discounts[1] != discounts[1]  # NaN
    said = [(i.sheet, i.cell, i.message) for i in book.issues]
    assert said == [("Customers", "D3", "'5% off 10%' names 2 percentages (5%, 10%): which "
                                        "one applies is not clear")]
