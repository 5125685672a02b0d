"""A dunning letter says how late the oldest invoice it lists as past due is (helper-163).
The Dunning level is set by the invoice at which the overdue reaches the dunning minimum
(a short payment's 9.50 left 92 days ago does not make a firm reminder a hold), but the
letter lists that 9.50 at 92 days and asks for it in its total: 'the oldest 35 days past
due' above a table showing 92 was untrue. The Dunning tab keeps Days Overdue 35 (its level's
invoice)."""

from __future__ import annotations

import contextlib
import email
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _body(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes())
    return next(p.get_payload(decode=True).decode() for p in message.walk()
                if p.get_content_type() == "text/plain")


def test_the_letter_names_the_days_of_its_oldest_past_due_invoice(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C7", "Red Sea Foods", "EGP", 30],
                      ["E7", "شركة البحر الأحمر", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-701", "C7", D(2026, 7, 31), 1000.0],   # 92 days, 9.50 left
                     ["INV-702", "C7", D(2026, 9, 26), 12000.0],  # 35 days
                     ["INV-711", "E7", D(2026, 7, 31), 1000.0],
                     ["INV-712", "E7", D(2026, 9, 26), 12000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-701", "C7", D(2026, 9, 10), 990.5, "INV-701"],
                     ["R-711", "E7", D(2026, 9, 10), 990.5, "INV-711"]],
    })
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["collections", str(book), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "out.xlsx")]) == 0
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx")["Dunning"]
                .iter_rows(values_only=True))
    head = rows[0]
    dun = {r[0]: dict(zip(head, r, strict=False)) for r in rows[1:] if r[0]}
    assert [(dun[c]["Level Name"], dun[c]["Days Overdue"], dun[c]["Amount To Collect"])
            for c in ("C7", "E7")] == [("Firm reminder", 35, 12009.5)] * 2
    body = _body(tmp_path / "dunning" / "2026-11-30_C7.eml")
    assert "12,009.50 EGP in all, the oldest 92 days past due." in body, body
    assert "INV-701 | Invoice | 2026-07-31 | 2026-08-30 | 92 | 9.50" in body
    arabic = _body(tmp_path / "dunning" / "2026-11-30_E7.eml")
    assert "وأقدمها متأخرة 92 يوماً" in arabic, arabic
