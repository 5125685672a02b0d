"""A PDF conversion that wrapped a line's date cell ("02/11/2026" over "10:15:22") onto the
row below, the rest of the narrative beside the time (helper-155): that row carries the line's
narrative on; its reference is not lost."""

from __future__ import annotations

import datetime as dt

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets


def test_a_time_under_the_date_carries_the_narrative_on(tmp_path):
    rows = [["Date", "Description", "Debit", "Credit", "Balance"],
            ["01/11/2026", "Opening Balance", None, None, "10,000.00"],
            ["02/11/2026", "INWARD TT FROM AL NOOR", None, "2,500.00", "12,500.00"],
            ["10:15:22", "REF FT2630612 INV-2026-101", None, None, None],
            ["03/11/2026", "DEWA", "500.00", None, "12,000.00"],
            ["2:02 PM", "ACC 2003344", None, None, None],
            [dt.date(2026, 11, 4), "CHQ DEP GULF MARINE", None, "3,700.00", "15,700.00"],
            [dt.time(9, 5), "CHQ 000123 INV-2026-102", None, None, None]]
    stmt = read_statement(save_sheets(tmp_path / "enbd.xlsx", {"Sheet": rows}))
    assert stmt.lines["Amount"].tolist() == [2500.0, -500.0, 3700.0]
    # before: 'row with no date and no amount ('10:15:22'): not a transaction; left out',
    # and the invoice reference beside the time with it
    assert stmt.lines["Description"].tolist() == [
        "INWARD TT FROM AL NOOR REF FT2630612 INV-2026-101", "DEWA ACC 2003344",
        "CHQ DEP GULF MARINE CHQ 000123 INV-2026-102"]
    assert stmt.lines["Line No"].tolist() == [3, 5, 7]
    assert stmt.balances[0].difference is None and stmt.balances[0].opening == 10000.0
    assert stmt.issues == []


def test_arabic_time_with_its_am_pm_mark(tmp_path):
    path = tmp_path / "nbe.csv"
    path.write_text("التاريخ,البيان,المبلغ,الرصيد\n"
                    '٠٢/١١/٢٠٢٦,حوالة واردة من شركة النور,"2,500.00","12,500.00"\n'
                    "١٠:١٥ ص,فاتورة رقم 1045,,\n"
                    '13/11/2026,رسوم,-5.00,"12,495.00"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Description"].tolist() == ["حوالة واردة من شركة النور فاتورة رقم 1045",
                                                  "رسوم"]
    assert stmt.issues == []
