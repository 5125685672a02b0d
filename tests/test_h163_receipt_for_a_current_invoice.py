"""Month-end run: a receipt on the bank statement (Receipts To Post, not yet in Payments) that
pays only an invoice not yet due leaves the overdue one as owed as before (helper-163). The
letter for the overdue invoice asks for exactly what is still overdue once the receipt is
recorded, so it is sent, not held; the Call List says nothing of a receipt that changed
nothing there. A receipt that pays overdue money still holds its letter."""

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


def _run(tmp_path: Path) -> tuple[str, Path]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Phone"],
                      ["C1", "Nile Foods", "EGP", 30, "0100000001"],
                      ["C8", "Fayoum Farms", "EGP", 30, "0100000008"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-101", "C1", D(2026, 9, 16), 4000.0],   # 45 days overdue
                     ["INV-801", "C8", D(2026, 9, 16), 5000.0],   # 45 days overdue
                     ["INV-802", "C8", D(2026, 11, 20), 3000.0]],  # due 20 December
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "24/11/2026,TRANSFER NILE FOODS INV-101,4000.00,104000.00\n"
                    "25/11/2026,TRANSFER FAYOUM FARMS INV-802,3000.00,107000.00\n",
                    encoding="utf-8")
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    return said.getvalue(), tmp_path / "out.xlsx"


def test_a_receipt_for_a_current_invoice_does_not_hold_the_overdue_letter(
        tmp_path: Path) -> None:
    said, out = _run(tmp_path)
    dun = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    # Dunning!N (Letter) and O (Next Action) of C8: the 5,000.00 overdue is chased
    assert (dun["C8"]["Amount To Collect"], dun["C8"]["Letter"], dun["C8"]["Next Action"]) \
        == (5000.0, True, "Send firm reminder; call if no reply within 7 days")
    # C1's receipt pays its overdue invoice: its letter is held as before
    assert dun["C1"]["Letter"] is False
    assert dun["C1"]["Next Action"].startswith("Letter held: 4,000.00 received")
    history = [(r["Customer ID"], r["Amount"]) for r in _rows(out, "Dunning History")]
    assert history == [("C8", 5000.0)]
    calls = _rows(out, "Call List")
    assert [(r["Customer ID"], r["Amount To Collect"], r["Days Overdue"], r["Note"])
            for r in calls] == [("C8", 5000.0, 45, None)]
    assert "1 letter(s) due (1 drafts written)" in said and "1 letter(s) held" in said, said
    assert (tmp_path / "dunning" / "2026-11-30_C8.eml").exists()
