"""An invoice list that prints 'Total' under each customer's invoices: every such row was
its own Input Issue ("'Total' row is a totals row, not a record: not read", three times for
three customers); they are one list's subtotals, said once as 'Total for Nile Foods' rows
are. The figures stay: 2,800.00 owed by the three."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def test_total_under_each_customer_is_one_issue(tmp_path):
    path = save_sheets(tmp_path / "t.xlsx", {"Invoices": [
        ["Customer ID", "Invoice No", "Invoice Date", "Due Date", "Amount"],
        ["Nile Foods", "F-1", D(2026, 10, 1), D(2026, 10, 31), 1000],
        ["Nile Foods", "F-2", D(2026, 11, 1), D(2026, 12, 1), 500],
        [None, "Total", None, None, 1500],
        ["Delta Traders", "F-3", D(2026, 9, 1), D(2026, 10, 1), 800],
        [None, "Total", None, None, 800],
        ["Sinai Build", "F-4", D(2026, 11, 5), D(2026, 12, 5), 300],
        ["Sinai Build", "F-5", D(2026, 11, 6), D(2026, 12, 6), 200],
        [None, "Total", None, None, 500]]})
    book = read_book(path)
    said = [(i.cell, i.message) for i in book.issues if "Total" in i.message]
    assert said == [("B4", "3 subtotal rows ('Total' and the like) are not records: not read "
                           "(B4, B6, B9)")]
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    assert aging["Total"].sum() == 2800
