"""Month-end run: the Call and Visit Lists, like the letters, leave the money the bank
statement shows paid (Receipts To Post, not yet in Payments) to be recorded, not chased
(helper-156). A customer whose receipt covers what is overdue is neither called nor visited
(its Dunning Next Action says why, its letter held); one whose receipt covers part stays
listed for what is left - amount, oldest days, oldest invoice - with a Note saying what came
in and what the books show; one whose receipt paid the old invoices and leaves only a young
one is no longer a call or a visit. The Dunning figures stay as the books have them."""

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
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Phone"],
                      ["C1", "Nile Foods", "EGP", 30, "0100000001"],
                      ["C2", "Delta Paper", "EGP", 30, "0100000002"],
                      ["C3", "Giza Steel", "EGP", 30, "0100000003"],
                      ["C4", "Aswan Glass", "EGP", 30, "0100000004"],
                      ["C5", "Luxor Textiles", "EGP", 30, "0100000005"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1001", "C1", D(2026, 9, 16), 5000.0],   # 45 days: a call
                     ["INV-1002", "C2", D(2026, 7, 3), 8000.0],    # 120 days: a visit
                     ["INV-1003", "C2", D(2026, 7, 23), 3000.0],   # 100 days
                     ["INV-1004", "C3", D(2026, 9, 11), 6000.0],   # 50 days, nothing paid
                     ["INV-1005", "C4", D(2026, 9, 21), 4000.0],   # 40 days
                     ["INV-1006", "C5", D(2026, 7, 3), 9000.0],    # 120 days
                     ["INV-1007", "C5", D(2026, 10, 11), 2500.0]],  # 20 days
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
        # C4 had its firm reminder three days ago: no letter due this week
        "Dunning History": [["Date", "Customer ID", "Level", "Level Name", "Currency",
                             "Amount", "Action"],
                            [D(2026, 11, 27), "C4", 2, "Firm reminder", "EGP", 4000.0,
                             "Send firm reminder; call if no reply within 7 days"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Balance\n"
                    "20/11/2026,TRANSFER NILE FOODS INV-1001,5000.00,105000.00\n"
                    "24/11/2026,TRANSFER DELTA PAPER INV-1002,8000.00,113000.00\n"
                    "25/11/2026,TRANSFER ASWAN GLASS INV-1005,4000.00,117000.00\n"
                    "26/11/2026,TRANSFER LUXOR TEXTILES INV-1006,9000.00,126000.00\n",
                    encoding="utf-8")
    return book, bank


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def _run(tmp_path: Path) -> tuple[str, Path]:
    book, bank = _month(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    return out.getvalue(), tmp_path / "out.xlsx"


def test_calls_and_visits_are_for_what_the_bank_leaves_unpaid(tmp_path: Path) -> None:
    said, out = _run(tmp_path)
    posted = _rows(out, "Receipts To Post")
    assert sorted((r["Customer ID"], r["Invoice No"], r["Amount"]) for r in posted) == [
        ("C1", "INV-1001", 5000.0), ("C2", "INV-1002", 8000.0), ("C4", "INV-1005", 4000.0),
        ("C5", "INV-1006", 9000.0)]
    calls = _rows(out, "Call List")
    assert [(r["Priority"], r["Customer ID"], r["Amount To Collect"], r["Days Overdue"],
             r["Oldest Invoice"], r["Note"]) for r in calls] == [
        (1, "C3", 6000.0, 50, "INV-1004", None)]
    visits = _rows(out, "Visit List")
    assert [(r["Priority"], r["Customer ID"], r["Amount To Collect"], r["Days Overdue"],
             r["Overdue Invoices"], r["Oldest Invoice"], r["Oldest Due Date"])
            for r in visits] == [(1, "C2", 3000.0, 100, 1, "INV-1003", D(2026, 8, 22))]
    assert visits[0]["Note"] == (
        "8,000.00 received on the bank statement (2026-11-24), not yet in Payments: the "
        "books show 11,000.00 to collect, 120 days overdue; this row is what is left")
    dun = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    # the books' figures, as the Aging has them
    assert [(c, dun[c]["Amount To Collect"], dun[c]["Days Overdue"], dun[c]["Letter"])
            for c in sorted(dun)] == [
        ("C1", 5000.0, 45, False), ("C2", 11000.0, 120, False), ("C3", 6000.0, 50, True),
        ("C4", 4000.0, 40, False), ("C5", 11500.0, 120, False)]
    assert dun["C1"]["Next Action"] == (
        "Letter held: 5,000.00 received on the bank statement (2026-11-20), not yet in "
        "Payments; record it (Receipts To Post) and run again")
    assert dun["C2"]["Next Action"] == (
        "Letter held: 8,000.00 received on the bank statement (2026-11-24), not yet in "
        "Payments; 3,000.00 left to collect; record it (Receipts To Post) and run again")
    assert dun["C4"]["Next Action"] == (
        "Not chased: 4,000.00 received on the bank statement (2026-11-25) covers the "
        "overdue, not yet in Payments; record it (Receipts To Post) and run again")
    assert dun["C4"]["Next Action Date"] == D(2026, 11, 30)
    assert dun["C5"]["Next Action"] == (
        "Letter held: 9,000.00 received on the bank statement (2026-11-26), not yet in "
        "Payments; 2,500.00 left to collect; record it (Receipts To Post) and run again")
    # by the books: C1, C3, C4 to call, C2, C5 to visit; C1, C4 and C5 (20 days left) held
    assert ("1 letter(s) due (1 drafts written), 1 to call, 1 to visit" in said
            and "; 3 letter(s) held: paid on the bank statement, not yet in Payments; "
                "3 call(s) or visit(s) held: paid on the bank statement, not yet in "
                "Payments" in said), said


def test_collections_alone_lists_by_the_books(tmp_path: Path) -> None:
    book, _ = _month(tmp_path)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", AS_OF,
                     "-o", str(tmp_path / "c.xlsx")]) == 0
    calls = _rows(tmp_path / "c.xlsx", "Call List")
    visits = _rows(tmp_path / "c.xlsx", "Visit List")
    assert [(r["Customer ID"], r["Amount To Collect"], r["Note"]) for r in calls] == [
        ("C3", 6000.0, None), ("C1", 5000.0, None), ("C4", 4000.0, None)]
    assert [(r["Customer ID"], r["Amount To Collect"]) for r in visits] == [
        ("C5", 11500.0), ("C2", 11000.0)]
