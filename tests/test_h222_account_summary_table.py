"""An account summary printed as a small table under a statement's lines: a row of labels
(opening balance, total debits and credits, closing balance, the counts) over a row of
figures, as a Saudi portal exports it. Worked out by hand: two lines, 11,500.00 in and 57.50
out; the summary states 1 debit and 1 credit, so nothing to say but that both rows are a
summary (no transactions). Before: the labels row, opening with the opening balance's label
(no summary word), was a line whose date 'الرصيد الافتتاحي' could not be read, and so was the
row of figures ('150,000.00' no date): two lines said left out that were never lines, and the
counts the summary states were never checked."""

from __future__ import annotations

import openpyxl
import pytest

from ar_excel.bank import read_statement

ARABIC = ["الرصيد الافتتاحي", "إجمالي المدين", "إجمالي الدائن", "الرصيد الختامي",
          "عدد الحركات المدينة", "عدد الحركات الدائنة"]
ENGLISH = ["Opening Balance", "Total Debits", "Total Credits", "Closing Balance",
           "No. of Debits", "No. of Credits"]


def _read(tmp_path, labels, debits):
    rows = [["Alinma Bank"], ["Account Number", "68201234567000"], ["Currency", "SAR"], [],
            ["التاريخ", "الوصف", "مدين", "دائن", "الرصيد"],
            ["02/11/2026", "حوالة سريع واردة INV-26-0451", None, "11,500.00", "161,500.00"],
            ["04/11/2026", "رسوم خدمات بنكية", "57.50", None, "161,442.50"], [],
            ["ملخص الحساب"], labels,
            ["150,000.00", "57.50", "11,500.00", "161,442.50", debits, "1"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "alinma.xlsx")
    return read_statement(tmp_path / "alinma.xlsx")


@pytest.mark.parametrize("labels", [ARABIC, ENGLISH])
def test_a_summary_table_under_the_lines(tmp_path, labels):
    stmt = _read(tmp_path, labels, "1")
    assert stmt.lines["Amount"].tolist() == [11500.00, -57.50]
    said = [(i.cell, i.message) for i in stmt.issues]
    assert [c for c, _ in said] == ["A9", "A10", "A11"]
    assert all("could not be read" not in m for _, m in said)
    assert said[2][1].startswith(f"summary row without a date ('{labels[0]} 150,000.00 | ")


def test_a_count_the_summary_table_states_is_checked(tmp_path):
    stmt = _read(tmp_path, ARABIC, "2")
    assert [(i.cell, i.message) for i in stmt.issues if "does not agree" in i.message] == [
        ("A11", "summary row does not agree with the lines read: 'عدد الحركات المدينة 2' says "
                "2 debits; 1 was read; a line may be missing from the file or misread")]
