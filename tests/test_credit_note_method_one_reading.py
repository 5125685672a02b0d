"""A Payments row's Method saying a credit note is read by one pattern everywhere
(``entries.CREDIT_NOTE_METHOD``): the statements read 'Credit-Note' (hyphened, as some ERPs
export it) as no credit note while the non-cash reading did, so a credit note's use recorded
as the usual pair (+300 on the invoice, -300 on the credit note, one Payment ID) showed on the
customer's statement as an Adjustment of 300.00 and a Refund of 300.00 (helper-194's review);
'CN' was a credit note to the reader's credit-note check and cash to the rest."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _statement_lines(tmp_path: Path, method: str) -> list[tuple]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C1", "Nile Foods", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C1", D(2026, 11, 1), 1000.0],
                     ["CN-1", "C1", D(2026, 11, 10), -300.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["P1", "C1", D(2026, 11, 15), 300.0, "INV-1", method],
                     ["P1", "C1", D(2026, 11, 15), -300.0, "CN-1", method]],
    })
    out = tmp_path / "s.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["statements", str(book), "--as-of", "2026-11-30", "-o", str(out),
                     "--no-pdf"]) == 0
    rows = list(openpyxl.load_workbook(out)["Customer Statements"].iter_rows(values_only=True))
    head = rows[0]
    lines = [dict(zip(head, r, strict=False)) for r in rows[1:] if r[0] is not None]
    return [(r["Type"], r["Debit"], r["Credit"], r["Balance"]) for r in lines
            if r["Type"] not in (None, "Opening balance", "Closing balance", "Aging")]


@pytest.mark.parametrize("method", ["Credit Note", "CreditNote", "Credit-Note", "CN",
                                    "إشعار دائن"])
def test_a_credit_notes_use_is_no_adjustment_nor_refund(tmp_path: Path, method: str) -> None:
    assert _statement_lines(tmp_path, method) == [
        ("Invoice", 1000, 0, 1000), ("Credit Note", 0, 300, 700)]
