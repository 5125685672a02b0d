"""A statement's foot row naming the balance now ('Current Balance', 'Ledger Balance': the
booked balance after the newest line) or a balance other than the booked one ('Available
Balance', 'Closing Available Balance': it moves with holds and uncleared cheques), printed
as a dated row with its figure under the Credit column.

Worked out by hand: opening 50,000.00, INWARD TRF NILE FOODS 12,500.00 in, BANK CHARGES
25.00 out, so the booked balance is 62,475.00 and the statement ties out. Before: each foot
row was read as a credit line of its figure (62,475.00 or 60,000.00 'received' on 30/11),
and the statement had no closing balance. 'الرصيد الحالي' was read as the closing balance
already; the English was not. A line whose narrative merely says the words stays a line.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement
from ar_excel.io.bank_messages_ar import arabic_bank_message

HEAD = ("Date,Description,Debit,Credit,Balance\n"
        '01/11/2026,Opening Balance,,,"50,000.00"\n'
        '03/11/2026,INWARD TRF NILE FOODS INV-1001,,"12,500.00","62,500.00"\n'
        '05/11/2026,BANK CHARGES,25.00,,"62,475.00"\n')


def _read(tmp_path, foot: str):
    (tmp_path / "s.csv").write_text(HEAD + foot, encoding="utf-8")
    return read_statement(tmp_path / "s.csv")


@pytest.mark.parametrize("label", ["Current Balance", "Ledger Balance", "CURRENT BALANCE:",
                                   "Current balance as at 30/11/2026", "Book Balance"])
def test_the_balance_now_at_the_foot_is_the_closing_balance(tmp_path, label):
    st = _read(tmp_path, f'30/11/2026,{label},,"62,475.00",\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (50000.0, 62475.0, 0.0)]
    assert str(st.balances[0].closing_date.date()) == "2026-11-30"
    assert st.issues == []


def test_the_balance_now_that_does_not_tie_out_is_said(tmp_path):
    st = _read(tmp_path, '30/11/2026,Current Balance,,"63,475.00",\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [(b.closing, b.difference) for b in st.balances] == [(63475.0, -1000.0)]


@pytest.mark.parametrize("label", ["Available Balance", "Closing Available Balance",
                                   "الرصيد المتاح"])
def test_an_available_balance_is_neither_a_line_nor_the_closing_balance(tmp_path, label):
    st = _read(tmp_path, '30/11/2026,Closing Balance,,,"62,475.00"\n'
                         f'30/11/2026,{label},,"60,000.00",\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (50000.0, 62475.0, 0.0)]
    message = (f"row stating a balance other than the booked one ('{label} 60,000.00'): not "
               "a transaction, nor the statement's closing balance; left out")
    assert [(i.cell, i.message) for i in st.issues] == [("D6", message)]
    assert arabic_bank_message(message) != message


@pytest.mark.parametrize("narrative", ["CURRENT BALANCE TRANSFER FROM DEPOSIT A/C 7781",
                                       "AVAILABLE BALANCE SWEEP FROM SAVINGS 2291",
                                       "LEDGER BALANCE ADJ REF 88812"])
def test_a_line_saying_the_words_stays_a_line(tmp_path, narrative):
    st = _read(tmp_path, f'28/11/2026,{narrative},,"5,000.00","67,475.00"\n'
                         '30/11/2026,Closing Balance,,,"67,475.00"\n')
    assert st.lines["Amount"].tolist() == [12500.0, -25.0, 5000.0]
    assert [(b.opening, b.closing, b.difference) for b in st.balances] == [
        (50000.0, 67475.0, 0.0)]
