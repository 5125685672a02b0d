"""An amount column that marks its credits only: '12,500.00CR' beside '52.50'.

Many Gulf and Egyptian exports and printouts write CR after a credit and nothing after a
debit. The unmarked amounts were read as money in: without a running balance a 35,000.00
salary transfer and a 52.50 fee became receipts ('every amount is positive and nothing in
the file tells money out from money in ... no mark'), candidates for invoices of those
amounts; with one, the lines came right but the first, marked CR, was said undecided ('no
balance before this line to tell whether it is money in or out'). Where two amounts at least
carry a credit mark and none a debit mark or a minus, the unmarked ones are money out, said
once."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement_file

CSV = """Date,Narration,Amount,Balance
02/11/2026,INWARD REMITTANCE AL NOOR TRADING LLC INV-1001,"12,500.00CR","162,500.00CR"
03/11/2026,SERVICE CHARGES,52.50,"162,447.50CR"
05/11/2026,IPI GULF STAR GENERAL TRADING INV 1003,"23,150.00CR","185,597.50CR"
12/11/2026,SALARY TRANSFER WPS,"35,000.00","150,597.50CR"
"""
NOTE = ("the statement marks only its credits ('12,500.00CR'): the 2 amounts without a mark "
        "were read as money out (rows 3, 5)")


def _read(tmp_path: Path, text: str):
    path = tmp_path / "statement.csv"
    path.write_text(text, encoding="utf-8")
    return read_statement_file(path)


def test_without_a_running_balance_the_unmarked_are_money_out(tmp_path: Path) -> None:
    st = _read(tmp_path, """Date,Narration,Amount
02/11/2026,INWARD REMITTANCE AL NOOR TRADING LLC INV-1001,"12,500.00CR"
03/11/2026,SERVICE CHARGES,52.50
05/11/2026,IPI GULF STAR GENERAL TRADING INV 1003,"23,150.00CR"
12/11/2026,SALARY TRANSFER WPS,"35,000.00"
""")
    assert st.lines["Amount"].tolist() == [12500.0, -52.5, 23150.0, -35000.0]
    assert [(i.cell, i.column, i.value, i.message) for i in st.issues] == [
        ("", "Amount", 2, NOTE)]
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    assert arabic_bank_message(NOTE) == (
        "الكشف لا يعلّم إلا الإيداعات ('12,500.00CR'): قُرئت المبالغ غير المعلَّمة (2) مبالغ "
        "خارجة (الصفوف 3, 5)")


def test_with_a_running_balance_no_line_is_left_undecided(tmp_path: Path) -> None:
    st = _read(tmp_path, CSV)
    assert st.lines["Amount"].tolist() == [12500.0, -52.5, 23150.0, -35000.0]
    assert [i.message for i in st.issues] == [NOTE]


def test_a_minus_beside_the_marks_keeps_each_figure_as_written(tmp_path: Path) -> None:
    # a debit written with a minus: the file signs its debits, the unmarked are no debits
    text = CSV.replace(",52.50,", ",-52.50,").replace('"35,000.00"', '"5,000.00"').replace(
        "150,597.50CR", "190,597.50CR")
    st = _read(tmp_path, text)
    assert st.lines["Amount"].tolist() == [12500.0, -52.5, 23150.0, 5000.0]
    assert not any("marks only its credits" in i.message for i in st.issues)
