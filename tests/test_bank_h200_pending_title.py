"""A section of pending transactions under the booked lines (CIB's 'Pending Transactions /
حركات تحت التنفيذ') is left out; a row of words between two booked lines that only reads like
such a title (the second row of a line's narrative, 'HELD FUNDS RELEASE', in a statement whose
narrative is its first column) is none: the lines under it move the running balance on from
the line above it, as booked lines do (helper-200's review).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ar_excel.bank import read_statement

HEADER = ["Description", "Date", "Debit", "Credit", "Balance"]


def save(rows: list[list], path: Path) -> Path:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_a_narratives_second_row_between_booked_lines_opens_no_pending_section(tmp_path):
    """'BLOCKED AMOUNT' is the rest of the first line's narrative; the four lines under it
    carry the running balance on (1,500.00 + 300.00 = 1,800.00 ...): booked, not pending (they
    were left out, 'pending (not yet booked) line under 'BLOCKED AMOUNT'', and with them
    1,100.00 received)."""
    rows = [HEADER,
            ["TRF FROM NILE FOODS", "01/10/2026", None, 500.00, 1500.00],
            ["BLOCKED AMOUNT", None, None, None, None],
            ["HELD FUNDS RELEASE", "02/10/2026", None, 300.00, 1800.00],
            ["CHARGES", "03/10/2026", 20.00, None, 1780.00],
            ["TRF FROM DELTA", "04/10/2026", None, 700.00, 2480.00],
            ["CHQ DEP 000123", "05/10/2026", None, 100.00, 2580.00]]
    st = read_statement(save(rows, tmp_path / "narrative_first.xlsx"))
    assert st.lines["Amount"].tolist() == [500.0, 300.0, -20.0, 700.0, 100.0]
    assert st.lines["Description"].tolist()[0] == "TRF FROM NILE FOODS BLOCKED AMOUNT"
    assert not [i for i in st.issues if "pending" in i.message]


def test_a_pending_section_under_the_closing_balance_is_still_left_out(tmp_path):
    rows = [HEADER,
            ["TRF FROM NILE FOODS", "01/10/2026", None, 500.00, 1500.00],
            ["CHARGES", "03/10/2026", 20.00, None, 1480.00],
            ["Closing Balance", None, None, None, 1480.00],
            ["Pending Transactions"],
            ["TRF FROM DELTA", "04/10/2026", None, 700.00, None]]
    st = read_statement(save(rows, tmp_path / "pending.xlsx"))
    assert st.lines["Amount"].tolist() == [500.0, -20.0]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("B6", "pending (not yet booked) line under 'Pending Transactions' left out; it will "
               "come on a later statement")]
