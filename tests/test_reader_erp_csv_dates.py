"""An ERP's CSV export opened in an Excel set to the other date order and saved as .xlsx.

Xero's Invoices export of a UK organisation writes ``15/09/2026``; opened month first, Excel
turns ``01/09/2026`` into 9 January (a date cell) and leaves ``15/09/2026`` as text. The date
cells are swapped back and said; a column whose cells could not have been so turned is left
as read."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
D = datetime
HEAD = ["ContactName", "EmailAddress", "InvoiceNumber", "Reference", "InvoiceDate", "DueDate",
        "Total", "InvoiceAmountPaid", "InvoiceAmountDue", "Currency", "Type", "Status"]


def _xero(tmp_path, dates: list[tuple]) -> object:
    """The Invoices export: Nile's INV-0041 (paid), 0052 (open, 30 days late), 0063 (part
    paid, current); Delta's 0031 (46 days late); Sinai's 0070 (current)."""
    rows = [("Nile Foods", "INV-0041", 4000, 4000, 0), ("Nile Foods", "INV-0052", 10000, 0, 10000),
            ("Nile Foods", "INV-0063", 5000, 2000, 3000),
            ("Delta Traders", "INV-0031", 8000, 0, 8000),
            ("Sinai Build", "INV-0070", 12000, 0, 12000)]
    sheet = [HEAD] + [[name, None, number, None, issued, due, total, paid, left, "GBP",
                       "Sales invoice", "AUTHORISED"]
                      for (name, number, total, paid, left), (issued, due) in zip(
                          rows, dates, strict=True)]
    return save_sheets(tmp_path / "xero.xlsx", {"Invoices Export": sheet})


def test_xero_csv_opened_month_first_has_its_date_cells_swapped_back(tmp_path):
    book = read_book(_xero(tmp_path, [
        (D(2026, 1, 9), D(2026, 1, 10)),  # 01/09/2026 and 01/10/2026, turned month first
        (D(2026, 1, 10), "31/10/2026"),
        (D(2026, 10, 11), D(2026, 10, 12)),  # 10/11 and 10/12
        ("15/09/2026", "15/10/2026"),
        ("20/11/2026", "20/12/2026")]))
    assert [(i.cell, i.message) for i in book.issues[:2]] == [
        ("E2", "3 date cell(s) read with day and month swapped back (the cell's 09/01/2026 as "
               "01/09/2026): the column's typed dates are written day first ('15/09/2026') "
               "and none of its date cells has a day above 12, as where Excel opened a CSV in "
               "the other date order: E2, E3, E4"),
        ("F2", "2 date cell(s) read with day and month swapped back (the cell's 10/01/2026 as "
               "01/10/2026): the column's typed dates are written day first ('31/10/2026') "
               "and none of its date cells has a day above 12, as where Excel opened a CSV in "
               "the other date order: F2, F4")]
    inv = book.invoices
    assert inv["Invoice Date"].dt.strftime("%d/%m/%Y").tolist() == [
        "01/09/2026", "01/10/2026", "10/11/2026", "15/09/2026", "20/11/2026"]
    assert inv["Due Date"].dt.strftime("%d/%m/%Y").tolist() == [
        "01/10/2026", "31/10/2026", "10/12/2026", "15/10/2026", "20/12/2026"]
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc["Nile Foods", ["Current", "1-30", "Total"]].tolist() == [3000, 10000,
                                                                              13000]
    assert aging.loc["Delta Traders", ["31-60", "Total"]].tolist() == [8000, 8000]


def test_a_month_first_csv_opened_day_first(tmp_path):
    """A US organisation's export (11/25/2026) opened day first: 11/10/2026 became 11
    October; it is 10 November."""
    book = read_book(_xero(tmp_path, [
        ("09/15/2026", "10/15/2026"), ("10/20/2026", "11/19/2026"),
        (D(2026, 10, 11), "12/10/2026"), (D(2026, 3, 9), "10/15/2026"),
        ("11/20/2026", "12/20/2026")]))
    assert book.invoices["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-09-15", "2026-10-20", "2026-11-10", "2026-09-03", "2026-11-20"]
    assert book.issues[0].cell == "E4"
    assert "written month first ('09/15/2026')" in book.issues[0].message


@pytest.mark.parametrize("cells", [
    [D(2026, 9, 1), D(2026, 11, 20)],  # a day above 12: cells the clerk typed as dates
    [D(2026, 9, 1)],  # one cell alone says too little
    [D(2026, 9, 1, 14, 30), D(2026, 10, 1)],  # a time of day: no CSV date turned
])
def test_date_cells_that_excel_did_not_turn_are_left_as_read(tmp_path, cells):
    rows = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
        [f"I-{k}", "C1", c, 100] for k, c in enumerate(cells)] + [
        ["I-9", "C1", "25/10/2026", 100]]
    book = read_book(save_sheets(tmp_path / "mixed.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]], "Invoices": rows}))
    assert book.invoices["Invoice Date"].tolist()[:len(cells)] == [
        datetime(c.year, c.month, c.day) for c in cells]
    assert book.issues == []
