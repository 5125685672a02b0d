"""An invoice list typing each line by the trade it bills (IT, ED for education, AD for
advertising), no Sage 300 receipt (PY / UC) beside them. Worked out by hand: Nile Foods owes
1,000.00 + 500.00 = 1,500.00, Delta Traders 700.00. Before: 'ED', Sage 300's earned discount
(82d61db), was a credit wherever it stood, so invoice 2's 500.00 was taken off silently
(Nile Foods 500.00). Sage 300's ED beside its receipts is still a credit (as PI is a
prepayment there only): tests/test_h209_sage300_document_types.py."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets


def test_ed_beside_no_sage_receipt_is_owed(tmp_path):
    path = save_sheets(tmp_path / "trades.xlsx", {"Invoices": [
        ["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
        ["1", "Nile Foods", date(2026, 11, 1), "IT", 1000],
        ["2", "Nile Foods", date(2026, 11, 2), "ED", 500],
        ["3", "Delta Traders", date(2026, 11, 3), "AD", 700]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [1000, 500, 700]
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["Nile Foods", "Delta Traders"], "Total"].tolist() == [1500, 700]
    # read as written, and not said: IT, ED and AD are Sage 300's types only beside its
    # other documents, so this column of trades is no document type column at all (was: IT
    # and AD read as types, so ED was said at D3; tests/test_h222_trade_codes_as_types.py)
    assert [i.cell for i in book.issues if "no document type" in i.message] == []
