"""Banque Misr's statement (as Egyptian banks word it) opens with 'رصيد أول المدة' (the
balance at the period's start) and ends with 'رصيد آخر المدة' (or of the month, 'الشهر'; in English
'Balance at beginning of period', 'Ledger Opening Balance', US banks' 'Balance Forward'), each a dated row with its figure
in the credit column as well as the balance. Worked out by hand: three lines (17,100.00,
-35.00, 8,550.00) from 250,000.00 to 275,615.00, tied out. Before: both rows were read as
credits of 250,000.00 and 275,615.00 (a 'running balance does not follow' issue at E9):
'المدة' (the period), 'الشهر', 'Ledger' left over from the label were taken for a
narrative's words, where 'as of the period' in English says nothing more; a balance named
before the day it is at ('Balance at beginning of period'), or 'Balance Forward', was no
balance label at all."""

from __future__ import annotations

import csv

import pytest

from ar_excel.bank import read_statement

HEAD = ["التاريخ", "البيان", "مدين", "دائن", "الرصيد"]
LINES = [["02/11/2026", "حوالة واردة من شركة النيل للأغذية فاتورة 2026-118", "", "17,100.00",
          "267,100.00"],
         ["05/11/2026", "عمولة تحويل", "35.00", "", "267,065.00"],
         ["09/11/2026", "إيداع شيك رقم 445566 شركة دلتا للتجارة", "", "8,550.00", "275,615.00"]]


@pytest.mark.parametrize(("opening", "closing"), [
    ("رصيد أول المدة", "رصيد آخر المدة"),
    ("الرصيد في أول الفترة", "الرصيد في آخر الفترة"),
    ("رصيد أول الشهر", "رصيد آخر الشهر"),
    ("Balance at beginning of period", "Balance at end of period"),
    ("Balance as at the start of the month", "Balance as at the end of the month"),
    ("Ledger Opening Balance", "Ledger Closing Balance"),
    ("Balance Forward", "Ending Balance"),
])
def test_the_balance_at_the_periods_start_and_end(tmp_path, opening, closing):
    rows = [["بنك مصر - كشف حساب"], ["رقم الحساب", "1234567890123456"], ["العملة", "EGP"],
            HEAD, ["01/11/2026", opening, "", "250,000.00", "250,000.00"], *LINES,
            ["30/11/2026", closing, "", "275,615.00", "275,615.00"]]
    path = tmp_path / "bm.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    statement = read_statement(path)
    assert statement.lines["Amount"].tolist() == [17100.0, -35.0, 8550.0]
    assert [(b.opening, b.closing, b.difference) for b in statement.balances] == [
        (250000.0, 275615.0, 0.0)]
    assert statement.issues == []
