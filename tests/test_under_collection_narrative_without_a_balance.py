"""'CHEQUES UNDER COLLECTION' as the second row of a cheque deposit's narrative, in a statement
whose narrative is its first column and which prints no running balance.

Worked out by hand: four booked lines (12,500.00, 2,500.00 and 7,000.00 in, 25.00 out); the
row under the cheque deposit is the rest of its narrative. Before: the row read as the title of
a section of cheques not yet cleared, and the two lines under it (25.00 out, 7,000.00 in) were
left out as pending: the guard that tells a narrative's second row from such a title reads the
running balance, which this statement has not. A section set apart from the booked lines (a
blank row above its title), or titled in the date column, is still left out.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

NARRATIVE_FIRST = ("Narrative,Date,Debit,Credit\n"
                   'INWARD TRF NILE FOODS INV-1001,02/11/2026,,"12,500.00"\n'
                   'CHQ DEPOSIT 000145 CAIRO FOODS,04/11/2026,,"2,500.00"\n')
BELOW = ("BANK CHARGES,05/11/2026,25.00,\n"
         'INWARD TRF DELTA TRADING INV-1002,12/11/2026,,"7,000.00"\n')


def _read(tmp_path, text: str):
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    return read_statement(tmp_path / "s.csv")


@pytest.mark.parametrize("words", ["CHEQUES UNDER COLLECTION", "شيكات تحت التحصيل"])
def test_a_narratives_second_row_keeps_the_lines_below_booked(tmp_path, words):
    st = _read(tmp_path, NARRATIVE_FIRST + f"{words},,,\n" + BELOW)
    assert st.lines["Amount"].tolist() == [12500.0, 2500.0, -25.0, 7000.0]
    assert st.lines["Description"].tolist()[1] == f"CHQ DEPOSIT 000145 CAIRO FOODS {words}"
    assert st.issues == []


def test_a_section_set_apart_from_the_lines_is_still_pending(tmp_path):
    st = _read(tmp_path, NARRATIVE_FIRST + ",,,\nCHEQUES UNDER COLLECTION,,,\n"
                         '000146 ALEX TRADING,29/11/2026,,"4,025.00"\n')
    assert st.lines["Amount"].tolist() == [12500.0, 2500.0]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("B6", "pending (not yet booked) line under 'CHEQUES UNDER COLLECTION' left out; it "
               "will come on a later statement")]


def test_a_title_in_the_date_column_right_under_the_lines_is_still_pending(tmp_path):
    st = _read(tmp_path, "Date,Description,Debit,Credit\n"
                         '02/11/2026,INWARD TRF NILE FOODS INV-1001,,"12,500.00"\n'
                         "Pending Transactions,,,\n"
                         '29/11/2026,INWARD TRF ALEX TRADING,,"4,025.00"\n')
    assert st.lines["Amount"].tolist() == [12500.0]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("A4", "pending (not yet booked) line under 'Pending Transactions' left out; it will "
               "come on a later statement")]
