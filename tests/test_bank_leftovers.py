"""Bank statement import: the gaps left after the real-bank pass, each with the file that
showed it (fixtures in ``tests/fixtures/bank_real``, written by hand, every figure checked).

* An MT940 ``:61:`` of amount 0 is an information record (Citi, BAI-style "no activity"):
  no money moved, so it is left out with an issue naming it; the other lines keep their
  positions and the statement still ties out.
"""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement
from ar_excel.io.bank_messages_ar import arabic_bank_message

REAL = Path(__file__).resolve().parent / "fixtures" / "bank_real"


def test_mt940_zero_amount_information_record_is_left_out_with_an_issue():
    st = read_statement(REAL / "mt940_citi_zero_amount_information_record.sta")
    lines = st.lines
    assert lines["Amount"].tolist() == [1500.00, -250.00]
    assert lines["Bank Line"].tolist() == ["CIT0001", "CIT0003"]
    assert lines["Line No"].tolist() == [1, 3]  # the :61: positions, the record's kept empty
    assert [(i.cell, i.column, i.value) for i in st.issues] == [
        ("line 7", ":61:", "LEDGER BALANCE INFORMATION - NO ACTIVITY")]
    assert "information record, not a transaction; left out" in st.issues[0].message
    assert arabic_bank_message(st.issues[0].message) == (
        "سطر كشف بمبلغ 0.00: قيد معلومات لا معاملة؛ استُبعد")
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.lines) == (
        10000.00, 11250.00, 1500.00, 250.00, 2)
    assert bal.difference == 0.0
