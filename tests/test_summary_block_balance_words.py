"""An Egyptian statement's account summary under its lines: a row of labels (the balance
brought forward, the totals, the closing balance) and the row of figures under it.

Worked out by hand: two lines (12,500.00 in, 25.00 out); the summary's two rows are no lines,
each said as a summary row with its figures. Before: a summary opening with 'الرصيد المنقول'
or 'الرصيد المدور' (brought forward, as OPENING_RE knows it) was not known for one: the
summary's own list of balance words (summary_rows._SUMMARY_HEAD) had 'الرصيد الافتتاحي' and
'رصيد أول المدة' but not these, and both rows were said to be lines whose date could not be
read ('date '50,000.00' could not be read ... the line was left out'). The same words above
the lines still give the opening balance.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

LINES = ('02/11/2026,حوالة واردة شركة النيل INV-1001,,"12,500.00","62,500.00"\n'
         '05/11/2026,عمولة بنكية,25.00,,"62,475.00"\n')
HEADER = "التاريخ,البيان,مدين,دائن,الرصيد\n"


def _read(tmp_path, text: str):
    (tmp_path / "s.csv").write_text(text, encoding="utf-8")
    return read_statement(tmp_path / "s.csv")


@pytest.mark.parametrize("label", ["الرصيد المنقول", "الرصيد المدور", "رصيد أول المدة",
                                   "الرصيد الافتتاحي", "Balance brought forward"])
def test_the_summary_under_the_lines(tmp_path, label):
    st = _read(tmp_path, HEADER + LINES + f"{label},إجمالي المدين,إجمالي الدائن,الرصيد الختامي,\n"
                         '"50,000.00",25.00,"12,500.00","62,475.00",\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("A4", f"summary row without a date ('{label} إجمالي المدين إجمالي الدائن الرصيد "
               "الختامي'): not a transaction; left out"),
        ("A5", f"summary row without a date ('{label} 50,000.00 | إجمالي المدين 25.00 | "
               "إجمالي الدائن 12,500.00 | الرصيد الختامي 62,475.00'): not a transaction; left "
               "out")]


@pytest.mark.parametrize("label", ["الرصيد المنقول", "رصيد أول المدة"])
def test_the_same_words_above_the_lines_are_the_opening_balance(tmp_path, label):
    st = _read(tmp_path, HEADER + f',{label},,,"50,000.00"\n' + LINES
               + ',الرصيد الختامي,,,"62,475.00"\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (50000.0, 62475.0, 0.0)]
    assert st.issues == []
