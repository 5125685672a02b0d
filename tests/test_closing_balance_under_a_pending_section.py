"""The statement's closing balance printed under a section of pending lines or cheques under
collection.

An Alinma-style export: opening 150,000.00, two booked lines, then the cheques deposited and not
yet cleared ('شيكات تحت التحصيل', left out: they come on a later statement), then the closing
balance. The section ran to the end of the sheet, so the closing balance went with it: no
closing read, and a statement that does not tie out said nothing. The section now ends at a
closing-balance row, which is read as the statement's.
"""

from __future__ import annotations

import openpyxl
import pytest

from ar_excel.bank import read_statement

HEAD = [["Alinma Bank"], ["الرصيد الافتتاحي", "150,000.00"], [],
        ["التاريخ", "الوصف", "مدين", "دائن", "الرصيد"],
        ["02/11/2026", "حوالة واردة INV-26-0451", "0.00", "11,500.00", "161,500.00"],
        ["04/11/2026", "رسوم خدمات بنكية", "57.50", "0.00", "161,442.50"]]


def read(tmp_path, closing: str, section: list[list]):
    wb = openpyxl.Workbook()
    for row in HEAD + [[]] + section + [[], ["الرصيد الختامي", None, None, None, closing]]:
        wb.active.append(row)
    wb.save(tmp_path / "s.xlsx")
    return read_statement(tmp_path / "s.xlsx")


CHEQUES = [["شيكات تحت التحصيل"], ["تاريخ الإيداع", "رقم الشيك", "المبلغ"],
           ["29/11/2026", "000123", "4,025.00"]]
PENDING = [["حركات معلقة"], ["29/11/2026", "حوالة معلقة", "0.00", "4,025.00", None]]


@pytest.mark.parametrize("section, title_row", [(CHEQUES, 10), (PENDING, 9)])
def test_the_closing_balance_under_the_section_is_the_statements(tmp_path, section, title_row):
    st = read(tmp_path, "161,442.50", section)
    assert st.lines["Amount"].tolist() == [11500.0, -57.5]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (150000.0, 161442.5, 0.0)]
    assert [i.cell for i in st.issues] == [f"A{title_row}"]
    assert "left out; it will come on a later statement" in st.issues[0].message


@pytest.mark.parametrize("section", [CHEQUES, PENDING])
def test_a_closing_balance_that_does_not_tie_out_is_said(tmp_path, section):
    st = read(tmp_path, "165,000.00", section)
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (150000.0, 165000.0, -3557.5)]
    assert any("does not tie out" in i.message and "165,000.00" in i.message
               for i in st.issues)


def test_a_pending_lines_narrative_saying_closing_balance_stays_in_the_section(tmp_path):
    # (a dated pending line whose narrative has the words, and one below it: both pending)
    section = [["حركات معلقة"],
               ["28/11/2026", "CLOSING BALANCE TRANSFER FROM DEPOSIT", "0.00", "4,025.00", None],
               ["29/11/2026", "حوالة معلقة", "0.00", "1,000.00", None]]
    st = read(tmp_path, "161,442.50", section)
    assert st.lines["Amount"].tolist() == [11500.0, -57.5]
    assert [i.cell for i in st.issues] == ["A9", "A10"]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (150000.0, 161442.5, 0.0)]
