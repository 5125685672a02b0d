"""Sage 300's receivables document types beside its invoices (IN), credit notes (CN) and
receipts (PY): PI a prepayment, ED an earned discount, RF a refund, AD an adjustment, IT an
interest charge. Worked out by hand: Nile Foods owes IN 10,000.00 less PY 4,000.00, ED
200.00 and PI 1,500.00, plus RF 300.00 paid back = 4,600.00; Delta Traders 8,000.00 less CN
500.00 (and, where listed, AD -50.00). Before: each of PI, ED, RF, AD was 'no document type
ar_excel reads', read as written: in an export of unsigned amounts the prepayment and the
discount were owed (Nile Foods 8,000.00)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


@pytest.mark.parametrize("sign, delta", [(-1, 7450), (1, 7500)])
def test_sage_300_types(tmp_path, sign, delta):
    rows = [["Customer No.", "Customer Name", "Doc. Type", "Document Number", "Doc. Date",
             "Due Date", "Doc. Amount"],
            ["1200", "Nile Foods", "IN", "IN0000101", D(2026, 10, 1), D(2026, 10, 31), 10000],
            ["1200", "Nile Foods", "PY", "PY0000044", D(2026, 11, 5), D(2026, 11, 5), sign * 4000],
            ["1200", "Nile Foods", "ED", "ED0000003", D(2026, 11, 5), D(2026, 11, 5), sign * 200],
            ["1200", "Nile Foods", "PI", "PY0000051", D(2026, 11, 25), D(2026, 11, 25),
             sign * 1500],
            ["1200", "Nile Foods", "RF", "RF0000002", D(2026, 11, 26), D(2026, 11, 26), 300],
            ["1300", "Delta Traders", "IN", "IN0000095", D(2026, 9, 15), D(2026, 10, 15), 8000],
            ["1300", "Delta Traders", "CN", "CN0000007", D(2026, 11, 2), D(2026, 11, 2), sign * 500]]
    if sign < 0:  # an adjustment's sign says which way it goes: in a signed list only
        rows.append(["1300", "Delta Traders", "AD", "AD0000004", D(2026, 11, 20),
                     D(2026, 11, 20), -50])
    book = read_book(save_sheets(tmp_path / "sage.xlsx", {"AR Transactions": rows}))
    assert [i.message for i in book.issues if "no document type" in i.message] == []
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["1200", "1300"], "Total"].tolist() == [4600, delta]


def test_pi_without_sage_receipts_stays_unread(tmp_path):
    """Beside no Sage 300 receipt (PY / UC), PI is as often a pro-forma invoice: said."""
    book = read_book(save_sheets(tmp_path / "pi.xlsx", {"Invoices": [
        ["Invoice No", "Customer ID", "Invoice Date", "Amount", "Type"],
        ["1", "C1", D(2026, 11, 1), 100, "Invoice"], ["2", "C1", D(2026, 11, 2), 40, "PI"]]}))
    assert book.invoices["Amount"].tolist() == [100, 40]
    assert [i.cell for i in book.issues if "no document type" in i.message] == ["E3"]
