"""Month-end run: a customer on a payment plan is followed by its plan, not called or visited
(call_lists._worth_chasing). When the bank statement shows an instalment paid (a Matched
receipt not yet in Payments), the Call List's 'what is left' relabelled its row by days
overdue ('Overdue, below first level' beside 87 days), the plan's Level Name was lost, and the
customer who had just paid was put on the Call List for the rest (20,000.00), while the same
customer, not paying, was on no list. Found by helper-241 on a hand-made company month
(Minya Agro, instalment paid on 15 November)."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"


def _month(tmp_path: Path, pays: bool) -> tuple[Path, Path]:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Phone"],
                      ["C1", "Minya Agro", "EGP", 30, "0100000001"],
                      ["C2", "Aswan Electric", "EGP", 30, "0100000002"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-26-0060", "C1", D(2026, 8, 5), 60000.0],   # due 4 Sep: 87 days
                     ["INV-26-0030", "C2", D(2026, 9, 16), 18750.0]],  # due 16 Oct: 45 days
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["RCT-0020", "C1", D(2026, 10, 15), 20000.0, "INV-26-0060"]],
        "Payment Plans": [["Customer ID", "Amount", "Instalments", "Start", "Frequency"],
                          ["C1", 40000.0, 2, D(2026, 11, 15), "Monthly"]],
    })
    bank = tmp_path / "bank.csv"
    lines = ["Date,Description,Amount,Balance",
             "20/11/2026,ASWAN ELECTRIC INV-26-0030 PART PAYMENT,10000.00,110000.00"]
    if pays:
        lines.append("15/11/2026,MINYA AGRO INV-26-0060 INSTALMENT,20000.00,130000.00")
    bank.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return book, bank


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def _run(tmp_path: Path, pays: bool) -> Path:
    book, bank = _month(tmp_path, pays)
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                     "-o", str(out)]) == 0
    return out


def test_a_plan_customer_who_paid_on_the_bank_is_not_called(tmp_path: Path) -> None:
    out = _run(tmp_path, pays=True)
    matched = [(r["Invoice No"], r["Status"]) for r in _rows(out, "Bank Matches")]
    assert ("INV-26-0060", "Matched") in matched
    calls = _rows(out, "Call List")
    # Aswan Electric, no plan, is called for what is left after its 10,000.00
    assert [(r["Customer ID"], r["Amount To Collect"]) for r in calls] == [("C2", 8750.0)]
    assert _rows(out, "Visit List") == []
    dun = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    assert (dun["C1"]["Level Name"], dun["C1"]["Letter"]) == ("Payment plan", False)


def test_nor_is_it_called_when_it_has_not_paid(tmp_path: Path) -> None:
    out = _run(tmp_path, pays=False)
    calls = _rows(out, "Call List")
    assert [(r["Customer ID"], r["Amount To Collect"]) for r in calls] == [("C2", 8750.0)]
    dun = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    assert (dun["C1"]["Level Name"], dun["C1"]["Letter"]) == ("Payment plan", True)


def test_in_arabic_too(tmp_path: Path) -> None:
    book, bank = _month(tmp_path, pays=True)
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF, "--lang", "ar",
                     "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Call List"].iter_rows(values_only=True))
    ids = [r[1] for r in rows[2:] if r[0] is not None]  # under the Arabic label row
    assert ids == ["C2"]
