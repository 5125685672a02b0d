"""A month-end run as of a date inside the statement's month (Nile Delta's November statement
run as of 20 November): a receipt the bank booked on 26 November had not come in on the 20th.
The contract says payments dated after the as-of date do not exist yet (the Aging leaves them
out); the Dunning must not hold the letter for it either, nor the run's note count it among
the receipts the Aging shows as owing only until they are recorded (recorded, the Aging as of
the 20th still shows it owing). Found by helper-241 on a hand-made company month: Port Said
Trading's 21,110.75 of 26 November held its 20 November reminder."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from ar_excel.io.summaries_ar import arabic_summary
from tests._workbooks import save_sheets


def _month(tmp_path: Path) -> tuple[Path, Path]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Email"],
                      ["C1", "Al Ahram Foods", "EGP", 30, "ap@ahram.example"],
                      ["C2", "Port Said Trading", "EGP", 30, "ap@portsaid.example"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-26-0003", "C1", D(2026, 10, 5), 110250.0],
                     ["INV-26-0057", "C2", D(2026, 10, 10), 21110.75]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "06/11/2026,INCOMING TRF AL AHRAM FOODS INV-26-0003,110250.00,1360250.00\n"
                    "26/11/2026,PORT SAID TRADING INV-26-0057,21110.75,1381360.75\n",
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


def test_a_receipt_booked_after_the_as_of_date_holds_no_letter(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    said = _run(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-20",
                 "-o", str(tmp_path / "out.xlsx")])
    dun = _dunning(tmp_path / "out.xlsx")
    # C1 paid on 6 November, before the as-of date: held as before
    assert (dun["C1"]["Letter"], dun["C1"]["Days Overdue"]) == (False, 16)
    assert dun["C1"]["Next Action"].startswith("Letter held: 110,250.00 received on the bank")
    # C2's money came on the 26th: on the 20th it is 11 days overdue and reminded
    assert (dun["C2"]["Letter"], dun["C2"]["Level"], dun["C2"]["Amount To Collect"]) == (
        True, 1, 21110.75)
    assert dun["C2"]["Next Action"] == "Send friendly reminder"
    assert "1 letter(s) held: paid on the bank statement" in said
    assert ("note: 1 receipt matched on the bank statement is not in Payments yet; Aging, "
            "Credit Status, Dunning show it as owing until recorded (Receipts To Post)") in said
    assert ("note: 1 receipt matched on the bank statement is dated after the as-of date "
            "2026-11-20: not received at that date, it holds no letter, call or visit") in said
    drafts = sorted(p.name for p in (tmp_path / "dunning").iterdir() if p.suffix == ".eml")
    assert drafts == ["2026-11-20_C2.eml"]
    # both receipts are still the bank's, to record: Receipts To Post keeps them
    posted = list(openpyxl.load_workbook(tmp_path / "out.xlsx")["Receipts To Post"]
                  .iter_rows(min_row=2, values_only=True))
    assert sorted(r[4] for r in posted if r[0]) == ["INV-26-0003", "INV-26-0057"]


def test_at_the_month_end_both_receipts_hold_their_letters(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    said = _run(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                 "-o", str(tmp_path / "out.xlsx")])
    dun = _dunning(tmp_path / "out.xlsx")
    assert (dun["C1"]["Letter"], dun["C2"]["Letter"]) == (False, False)
    assert "note: 2 receipts matched on the bank statement are not in Payments yet" in said
    assert "after the as-of date" not in said


def test_every_receipt_after_the_as_of_date_leaves_only_that_note(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    said = _run(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-05",
                 "-o", str(tmp_path / "out.xlsx")])
    assert "not in Payments yet" not in said
    assert "held" not in said
    assert ("note: 2 receipts matched on the bank statement are dated after the as-of date "
            "2026-11-05: not received at that date, they hold no letter, call or visit") in said


def test_the_note_is_said_in_arabic() -> None:
    assert arabic_summary(
        "note: 2 receipts matched on the bank statement are dated after the as-of date "
        "2026-11-05: not received at that date, they hold no letter, call or visit") == (
        "ملاحظة: 2 تحصيل مطابق في كشف البنك بتاريخ بعد تاريخ التقرير 2026-11-05: لم يكن قد "
        "وصل في ذلك التاريخ، فلا يؤجل خطاب مطالبة ولا اتصالاً ولا زيارة")
