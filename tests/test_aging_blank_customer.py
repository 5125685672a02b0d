"""A receipt whose customer was left blank is in the books all the same: the aging shows it
(under "not in Customers") and still ties out to the ledger's open balance."""

from __future__ import annotations

import openpyxl

from ar_excel.cli import main
from tests.test_reader import _book


def test_a_receipt_without_its_customer_still_ties_out(tmp_path, capsys):
    book = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile", 30],
                      ["C2", "Delta", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-09-01", 1000], ["I-2", "C2", "2026-10-01", 500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "C1", "2026-10-01", 400, "I-1"], ["P2", None, "2026-10-05", 300, None],
                     ["P3", None, "2026-10-06", 200, "I-2"]]})
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert "grand total 600.00 (ties to the ledger)" in capsys.readouterr().out
    rows = [r for r in openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True)]
    tie = rows[[k for k, r in enumerate(rows) if r[0] == "Currency"][0] + 1]
    assert tie[1:5] == (600, 600, 0, "OK")
