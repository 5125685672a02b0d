"""A customer's statement lists what is on the account: a document the reader counts 0 as no
receivable is no line of it (helper-197). A draft invoice (Status 'Draft', 900.00: not
posted) was listed on Nile Foods' statement as 'Invoice I-2' of 0.00 beside its posted
invoice of 3,500.00, as cancelled invoices were before h166; so was a document the tax
portal rejected. By hand: opening 0.00, Invoice I-1 3,500.00, closing 3,500.00."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _lines(tmp_path: Path, status: str) -> list[tuple]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                     ["I-1", "C1", D(2026, 11, 2), 3500, "Valid" if status == "Rejected"
                      else "Posted"],
                     ["I-2", "C1", D(2026, 11, 3), 900, status]]})
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["statements", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Customer Statements"].iter_rows(values_only=True))
    head = rows[0]
    return [(r[head.index("Type")], r[head.index("Document")], r[head.index("Debit")],
             r[head.index("Balance")]) for r in rows[1:]
            if r[0] == "C1" and r[head.index("Type")] != "Aging"]


@pytest.mark.parametrize("status", ["Draft", "Cancelled"])
def test_a_document_counted_out_is_no_line_of_the_statement(tmp_path, status):
    assert _lines(tmp_path, status) == [
        ("Opening balance", None, None, 0), ("Invoice", "I-1", 3500, 3500),
        ("Closing balance", None, None, 3500)]


def test_a_document_the_tax_portal_rejected_is_no_line_of_the_statement(tmp_path):
    """The ETA portal's export: I-2 (300.00) Rejected, no tax invoice, counted 0; before, it
    was listed as 'Invoice I-2' of 0.00."""
    book = save_sheets(tmp_path / "eta.xlsx", {
        "Customers": [["Customer ID", "Name", "Tax ID"], ["C1", "Nile", "123456789"]],
        "Documents": [["Internal ID", "UUID", "Issuance Date", "Receiver Name", "Receiver ID",
                       "Total Amount", "Status"],
                      ["I-1", "A1", "2026-11-01T10:00:00Z", "NILE FOODS", "123456789", 500,
                       "Valid"],
                      ["I-2", "A2", "2026-11-02T10:00:00Z", "NILE FOODS", "123456789", 300,
                       "Rejected"]]})
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["statements", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Customer Statements"].iter_rows(values_only=True))
    head = rows[0]
    assert [r[head.index("Document")] for r in rows[1:] if r[0] == "C1"
            and r[head.index("Type")] == "Invoice"] == ["I-1"]
