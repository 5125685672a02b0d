"""Month-end run: a plan instalment the bank statement shows paid (Receipts To Post, not yet
in Payments) says so in the Payment Plan Schedule's Note, the books' figures and Status kept
(as the Dunning keeps them); the plan reminder is held (helper-156)."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_the_instalments_the_bank_pays_are_noted(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["P1", "Pyramids Contracting", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-5001", "P1", D(2026, 5, 2), 30000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "P1", D(2026, 10, 15), 10000.0, "INV-5001"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["P1", 30000.0, 3, D(2026, 10, 15), "monthly"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "28/11/2026,TRANSFER PYRAMIDS CONTRACTING INV-5001,14000.00,114000.00\n",
                    encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    plan = _rows(tmp_path / "out.xlsx", "Payment Plan Schedule")
    assert [(r["Instalment"], r["Paid Amount"], r["Outstanding"], r["Status"], r["Note"])
            for r in plan] == [
        (1, 10000.0, 0.0, "Paid", None),
        (2, 0.0, 10000.0, "Overdue",
         "10,000.00 of it received on the bank statement (2026-11-28), not yet in Payments: "
         "paid once recorded"),
        (3, 0.0, 10000.0, "Not yet due",
         "4,000.00 of it received on the bank statement (2026-11-28), not yet in Payments: "
         "6,000.00 outstanding once recorded")]
    dun = _rows(tmp_path / "out.xlsx", "Dunning")
    assert [(r["Level Name"], r["Letter"], r["Next Action"]) for r in dun] == [
        ("Payment plan", False, "Letter held: 14,000.00 received on the bank statement "
         "(2026-11-28), not yet in Payments; record it (Receipts To Post) and run again")]
    # the forecast expects what is left of the plan once the 14,000.00 is recorded
    expected = _rows(tmp_path / "out.xlsx", "Expected Payments")
    assert [(r["Invoice No"], r["Expected Amount"], r["Expected Date"]) for r in expected] == [
        ("Plan P1-1 #3", 6000.0, D(2026, 12, 15))]
