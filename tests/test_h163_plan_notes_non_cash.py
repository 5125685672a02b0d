"""Month-end run, Payment Plan Schedule notes (helper-163): a plan customer paid its last two
instalments on the bank less 10.00 of bank charges, which Receipts To Post writes off with a
row of its own (Method Write-off) after the cash. Once both rows are recorded the write-off
closes the last instalment (the books count a non-cash Payments row towards a plan: Status
Written off), but the Note read the cash alone and said '10.00 outstanding once recorded'.
The Note says the cash received and what is left once every row is recorded."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_a_write_off_on_the_bank_closes_the_instalment_in_the_note(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E4", "Nile Foods", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["INV-77401", "E4", D(2026, 5, 31), D(2026, 6, 30), 4000.0],
                     ["INV-77402", "E4", D(2026, 6, 30), D(2026, 7, 30), 8000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "E4", D(2026, 9, 30), 4000.0, "INV-77401"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Instalments", "Start Date",
                           "Frequency"],
                          ["E4", 12000.0, 3, D(2026, 9, 30), "monthly"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "24/11/2026,TRANSFER NILE FOODS INV-77402,7990.00,107990.00\n",
                    encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    out = tmp_path / "out.xlsx"
    posted = [(r["Amount"], r["Method"]) for r in _rows(out, "Receipts To Post")]
    assert posted == [(7990.0, "Bank Transfer"), (10.0, "Write-off")]
    plan = _rows(out, "Payment Plan Schedule")
    # Payment Plan Schedule!N (Note), the books' figures kept
    assert [(r["Instalment"], r["Paid Amount"], r["Status"], r["Note"]) for r in plan] == [
        (1, 4000.0, "Paid", None),
        (2, 0.0, "Overdue", "4,000.00 of it received on the bank statement (2026-11-24), not "
                            "yet in Payments: paid once recorded"),
        (3, 0.0, "Due soon", "3,990.00 of it received on the bank statement (2026-11-24), not "
                             "yet in Payments: paid once recorded")]
    assert _rows(out, "Expected Payments") == []
