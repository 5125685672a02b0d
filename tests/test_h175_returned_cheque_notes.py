"""A returned cheque recorded as a negative Payments row whose words are only in its Notes,
Comments or Reference cell (the Method blank or naming just the cheque): it takes back its
receipt, so the invoice is open again from its own due date; before, each was a debit on
account dated the day the cheque came back, and the invoice stayed paid."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.core.returned_cheques import is_returned_method
from tests._workbooks import save_sheets

CASES = {
    "notes": (["Notes"], [["chq 4411", "I1"], ["Bounced cheque", "I1"]], "F3", "Notes"),
    "reference": (["Reference"], [["4411", "I1"], ["شيك مرتد 4411", "I1"]], "F3", "Reference"),
    # no invoice named: the cheque's number, words around it, finds its receipt
    "cheque_no": (["Cheque No"], [["4411", "I1"], ["4411 مرتد", None]], "F3", "Cheque No"),
    "comments": (["Method", "Comments"], [["Cheque", "4411", "I1"],
                                          ["Cheque", "returned cheque 4411", "I1"]],
                 "G3", "Comments"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_returned_cheque_takes_back_its_receipt(tmp_path, case):
    extra, (first, second), cell, column = CASES[case]
    header = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", *extra]

    def row(pid, day, amount, cells):
        *notes, invoice = cells
        return [pid, "C1", day, amount, invoice, *notes]

    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C1", "Nile", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", date(2026, 9, 1), 1000]],
        "Payments": [header, row("P1", date(2026, 10, 5), 1000, first),
                     row("P2", date(2026, 10, 12), -1000, second)]})
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", "en",
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    detail = [(r[2], r[3], r[9], r[10]) for r in wb.get_sheet_by_name("Aging Detail")
              .to_python()[1:]]
    assert detail == [("Invoice", "I1", 1000.0, 30.0)]  # due 1 October, open again
    issues = [r[1:4] for r in wb.get_sheet_by_name("Input Issues").to_python()[1:]]
    assert issues == [[cell, column, second[-2]]]


def test_returned_words():
    assert is_returned_method("4411 مرتد") and is_returned_method("مرتدة من البنك")
    assert not is_returned_method("مرتجع مبيعات") and not is_returned_method("مرتديات")
