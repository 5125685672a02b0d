"""Letters held for bank receipts, each currency on its own (helper-156): a USD receipt says
nothing of what a customer owes in EGP. It holds the USD letter only; the EGP letter is
drafted, and the held letter's note counts the USD money only."""

from __future__ import annotations

import contextlib
import datetime
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.cli import main
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"


def _month(tmp_path: Path) -> tuple[Path, Path]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Email"],
                      ["C1", "Nile Foods", "EGP", 30, "ap@nilefoods.example"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["INV-1001", "C1", D(2026, 9, 1), "EGP", 5000.0],
                     ["INV-1002", "C1", D(2026, 9, 1), "USD", 2000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount,Currency,Balance\n"
                    "24/11/2026,TRANSFER NILE FOODS INV-1002,2000.00,USD,105000.00\n",
                    encoding="utf-8")
    return book, bank


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def test_a_usd_receipt_holds_the_usd_letter_only(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    said = out.getvalue()
    assert "1 letter(s) due (1 drafts written)" in said
    assert "1 letter(s) held: paid on the bank statement" in said
    dun = {r["Currency"]: r for r in _rows(tmp_path / "out.xlsx", "Dunning")}
    assert (dun["EGP"]["Letter"], dun["EGP"]["Amount To Collect"], dun["EGP"]["Next Action"]) == (
        True, 5000.0, "Send final notice with statement; call the customer")
    assert (dun["USD"]["Letter"], dun["USD"]["Amount To Collect"]) == (False, 2000.0)
    assert dun["USD"]["Next Action"].startswith(
        "Letter held: 2,000.00 received on the bank statement (2026-11-24), not yet in Payments")
    drafts = sorted(p.name for p in (tmp_path / "dunning").iterdir() if p.suffix == ".eml")
    assert drafts == ["2026-11-30_C1_EGP.eml"]
    history = _rows(tmp_path / "out.xlsx", "Dunning History")
    assert [(r["Customer ID"], r["Currency"], r["Amount"]) for r in history] == [
        ("C1", "EGP", 5000.0)]


def test_each_receipt_counts_in_its_own_currency() -> None:
    """Two accounts of one customer, a receipt in each: each note says its own money."""
    from ar_excel.core.collections.bank_receipts import (
        hold_letters_of_payers,
        receipt_currencies,
    )

    items = pd.DataFrame({"Customer ID": ["C1", "C1"], "Document No": ["INV-1", "INV-2"],
                          "Currency": ["EGP", "USD"]})
    customers = pd.DataFrame({"Customer ID": ["C1", "C2"], "Currency": ["EGP", None]})
    received = pd.DataFrame({
        "Customer ID": ["C1", "C1", "C1", "C2"],
        "Date": pd.to_datetime(["2026-11-20", "2026-11-24", "2026-11-25", "2026-11-26"]),
        "Amount": [700.0, 300.0, 50.0, 80.0],
        "Invoice No": ["INV-2", None, "INV-9", None],  # paid in USD, on account, unknown
        "Method": ["Bank Transfer"] * 4})
    ccy = receipt_currencies(received, items, customers, None, blank="egp")
    assert ccy.tolist() == ["USD", "EGP", "EGP", "EGP"]
    dun = pd.DataFrame({"Customer ID": ["C1", "C1", "C2"], "Currency": ["EGP", "USD", "EGP"],
                        "Letter": [True, True, True],
                        "Next Action": ["Send friendly reminder"] * 3,
                        "Next Action Date": [pd.Timestamp(AS_OF)] * 3})
    out = hold_letters_of_payers(dun, received, datetime.date(2026, 11, 30), currencies=ccy)
    assert out["Letter"].tolist() == [False, False, False]
    assert [a.split(" received")[0] for a in out["Next Action"]] == [
        "Letter held: 350.00", "Letter held: 700.00", "Letter held: 80.00"]
    assert [a.split("(")[1][:10] for a in out["Next Action"]] == [
        "2026-11-25", "2026-11-20", "2026-11-26"]
