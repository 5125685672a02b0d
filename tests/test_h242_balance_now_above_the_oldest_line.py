"""'Ledger Balance' / 'Current Balance' standing above the oldest line of a statement.

ea860b7 reads a row saying only the balance now ('Current Balance', 'Ledger Balance', 'Book
Balance') as the statement's closing balance: the balance after the newest line, as it stands
under the lines (or above them in a newest-first statement). Above the oldest line of an
oldest-first statement it is the balance then (or the export day's), no closing the lines lead
to: '01/11/2026 | Ledger Balance | 50,000.00' was taken as the closing balance (50,000.00 as at
01/11, said not to be the running balance 62,475.00 after the newest line), so the
Reconciliation tab showed a closing balance the bank never stated."""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

LINES = ('02/11/2026,INWARD TRANSFER AL NOOR INV-1001,,"12,500.00","62,500.00"\n'
         '05/11/2026,SERVICE CHARGES,25.00,,"62,475.00"\n')
HEADER = "Date,Description,Debit,Credit,Balance\n"


@pytest.mark.parametrize("label", ["Ledger Balance", "Current Balance", "Book Balance"])
def test_above_the_oldest_line_it_is_no_closing_balance(tmp_path, label):
    (tmp_path / "s.csv").write_text(HEADER + f'01/11/2026,{label},,,"50,000.00"\n' + LINES,
                                    encoding="utf-8")
    st = read_statement(tmp_path / "s.csv")
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert st.balances == []  # (the row is said, as a row without an amount was before)
    assert [(i.cell, i.message) for i in st.issues] == [
        ("D2", "no amount on this line; the line was left out")]


def test_under_the_newest_line_it_is_still_the_closing_balance(tmp_path):
    (tmp_path / "s.csv").write_text(HEADER + LINES + '30/11/2026,Ledger Balance,,,"62,475.00"\n',
                                    encoding="utf-8")
    st = read_statement(tmp_path / "s.csv")
    assert [(b.closing, str(b.closing_date.date())) for b in st.balances] == [
        (62475.0, "2026-11-30")]
