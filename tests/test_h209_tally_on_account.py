"""Tally's Bills Receivable: money held on a party's account against no bill is listed with
'On Account' where a bill's reference would be (its method of adjustment), one such row per
receipt. Worked out by hand: Nile Foods owes 10,000.00 + 5,000.00 less 2,000.00 and 1,000.00
on account = 12,000.00; Delta Traders 8,000.00 less 500.00 = 7,500.00; the 'On Account'
rows are money received, no billing documents. Before: they were credit notes all numbered
'On Account', each a DUPLICATE_INVOICE_NO error ('Invoice number On Account appears 3
times')."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets


def test_on_account_rows_are_receipts_not_numbered_documents(tmp_path):
    path = save_sheets(tmp_path / "tally.xlsx", {"Bills Receivable": [
        ["Nile Trading Co (2026-27)"], ["Bills Receivable"], ["1-Apr-2026 to 30-Nov-2026"], [],
        ["Date", "Ref. No.", "Party's Name", "Opening Amount", "Pending Amount", "Due on",
         "Overdue by days"],
        ["5-Oct-2026", "INV/101", "Nile Foods", "10,000.00 Dr", "10,000.00 Dr", "4-Nov-2026", 26],
        ["10-Nov-2026", "INV/117", "Nile Foods", "5,000.00 Dr", "5,000.00 Dr", "10-Dec-2026", None],
        ["12-Nov-2026", "On Account", "Nile Foods", "2,000.00 Cr", "2,000.00 Cr", "12-Nov-2026",
         None],
        ["20-Nov-2026", "On Account", "Nile Foods", "1,000.00 Cr", "1,000.00 Cr", "20-Nov-2026",
         None],
        ["15-Sep-2026", "INV/088", "Delta Traders", "8,000.00 Dr", "8,000.00 Dr", "15-Oct-2026",
         46],
        ["18-Nov-2026", "On Account", "Delta Traders", "500.00 Cr", "500.00 Cr", "18-Nov-2026",
         None],
        [None, None, "Grand Total", "19,500.00 Dr", "19,500.00 Dr", None, None]]})
    book = read_book(path)
    as_of = JobOptions(as_of=date(2026, 11, 30))
    aging = registry()["aging"].run(book, as_of)
    totals = next(t.frame for t in aging.tabs if t.name == "Aging").set_index("Customer ID")
    assert totals.loc[["Nile Foods", "Delta Traders"], "Total"].tolist() == [12000, 7500]
    detail = next(t.frame for t in aging.tabs if t.name == "Aging Detail")
    held = detail[detail["Document No"] == "On Account"]
    assert held["Item Type"].tolist() == ["Payment"] * 3
    checks = next(t.frame for t in registry()["invoices"].run(book, as_of).tabs
                  if t.name == "Invoice Checks")
    assert "DUPLICATE_INVOICE_NO" not in checks["Code"].tolist()
