"""In the month-end run, a customer whose overdue invoice the bank statement shows paid (a
Matched receipt, in Receipts To Post, not yet in Payments) gets no reminder: its letter is
held until the receipt is recorded. The Dunning figures stay as the books have them (they tie
to the Aging); run alone, collections drafts the letter as before."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"


def _month(tmp_path: Path) -> tuple[Path, Path]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Email"],
                      ["C1", "Nile Foods", "EGP", 30, "ap@nilefoods.example"],
                      ["C2", "Delta Paper", "EGP", 30, "ap@deltapaper.example"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1001", "C1", D(2026, 9, 1), 5000.0],
                     ["INV-1002", "C2", D(2026, 9, 1), 7000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "24/11/2026,TRANSFER NILE FOODS INV-1001,5000.00,105000.00\n",
                    encoding="utf-8")
    return book, bank


def _run(args: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    return out.getvalue()


def _dunning(path: Path) -> dict[str, dict]:
    rows = list(openpyxl.load_workbook(path)["Dunning"].iter_rows(values_only=True))
    head = rows[0]
    return {r[0]: dict(zip(head, r, strict=False)) for r in rows[1:] if r[0]}


def test_the_payer_on_the_bank_gets_no_letter_in_the_month_end_run(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    said = _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(tmp_path / "out.xlsx")])
    assert "1 letter(s) held: paid on the bank statement, not yet in Payments" in said
    dun = _dunning(tmp_path / "out.xlsx")
    assert (dun["C1"]["Letter"], dun["C1"]["Overdue Amount"], dun["C1"]["Level"]) == (
        False, 5000.0, 3)
    assert dun["C1"]["Next Action"] == (
        "Letter held: 5,000.00 received on the bank statement (2026-11-24), not yet in "
        "Payments; record it (Receipts To Post) and run again")
    assert (dun["C2"]["Letter"], dun["C2"]["Overdue Amount"]) == (True, 7000.0)
    drafts = sorted(p.name for p in (tmp_path / "dunning").iterdir() if p.suffix == ".eml")
    assert drafts == ["2026-11-30_C2.eml"]
    history = list(openpyxl.load_workbook(tmp_path / "out.xlsx")["Dunning History"]
                   .iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in history if r[1]] == ["C2"]  # C1's escalation does not advance


def test_run_alone_collections_still_writes_both_letters(tmp_path: Path) -> None:
    book, _ = _month(tmp_path)
    said = _run(["collections", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "c.xlsx")])
    assert "held" not in said
    dun = _dunning(tmp_path / "c.xlsx")
    assert (dun["C1"]["Letter"], dun["C2"]["Letter"]) == (True, True)
    drafts = sorted(p.name for p in (tmp_path / "dunning").iterdir() if p.suffix == ".eml")
    assert drafts == ["2026-11-30_C1.eml", "2026-11-30_C2.eml"]


def test_the_held_letter_is_said_in_arabic(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF, "--lang", "ar",
          "-o", str(tmp_path / "out.xlsx")])
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    texts = [c for row in wb["Dunning"].iter_rows(values_only=True) for c in row
             if isinstance(c, str) and "مؤجل" in c]
    assert texts == ["الخطاب مؤجل: ورد 5,000.00 في كشف البنك (2026-11-24) ولم يسجل في "
                     "التحصيلات بعد؛ سجله (Receipts To Post) ثم أعد التشغيل"]


def test_an_undated_receipt_and_a_write_off_row() -> None:
    import datetime

    import pandas as pd

    from ar_excel.core.collections.bank_receipts import hold_letters_of_payers

    dun = pd.DataFrame({"Customer ID": ["C1", "C2"], "Letter": [True, True],
                        "Next Action": ["Send friendly reminder"] * 2,
                        "Next Action Date": [pd.Timestamp("2026-11-30")] * 2})
    received = pd.DataFrame({"Customer ID": ["C1", "C2"], "Date": [pd.NaT, pd.NaT],
                             "Amount": [100.0, 5.0], "Method": ["Bank Transfer", "Write-off"]})
    out = hold_letters_of_payers(dun, received, datetime.date(2026, 11, 30))
    assert out["Letter"].tolist() == [False, True]  # a write-off is no money received
    assert out["Next Action"].tolist() == [
        "Letter held: 100.00 received on the bank statement (undated), not yet in Payments; "
        "record it (Receipts To Post) and run again", "Send friendly reminder"]
