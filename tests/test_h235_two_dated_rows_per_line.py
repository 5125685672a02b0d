"""A PDF statement printing the booking date over the value date in one column, converted to
Excel: each transaction over two dated rows, the amount on one of them.

Kuwaiti and Gulf PDF statements stack 'Post Date / Value Date' in one column and wrap the
narrative onto a second row; a PDF-to-Excel conversion gives two dated rows per transaction.
The row without an amount was read as a line with no amount and left out, with an issue for
each: the payer and the invoice number on it were lost (AL NOOR TRADING LLC INV-1001 1,250.000
was only 'INWARD TRANSFER', Suggested by amount alone), and where the amount sat on the second
row the line took the value date (11/11 for a cheque booked 09/11). Where the dated rows
alternate throughout, one with an amount and one without, a few days apart, each pair is one
line dated by its first row, its narrative both rows'."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement_file

HEADER = "Post Date / Value Date,Description,Debit,Credit,Balance\n"
AMOUNT_FIRST = HEADER + """\
,Opening Balance,,,"15,000.000"
02/11/2026,INWARD TRANSFER,,"1,250.000","16,250.000"
02/11/2026,AL NOOR TRADING LLC INV-1001,,,
03/11/2026,CHARGES,3.500,,"16,246.500"
03/11/2026,SWIFT CHARGES,,,
09/11/2026,CHEQUE DEPOSIT 000123,,"4,725.075","20,971.575"
11/11/2026,FALCON ELECTROMECHANICAL LLC,,,
,Closing Balance,,,"20,971.575"
"""
AMOUNT_LAST = HEADER + """\
,Opening Balance,,,"15,000.000"
02/11/2026,INWARD TRANSFER,,,
02/11/2026,AL NOOR TRADING LLC INV-1001,,"1,250.000","16,250.000"
03/11/2026,CHARGES,,,
03/11/2026,SWIFT CHARGES,3.500,,"16,246.500"
09/11/2026,CHEQUE DEPOSIT 000123,,,
11/11/2026,FALCON ELECTROMECHANICAL LLC,,"4,725.075","20,971.575"
,Closing Balance,,,"20,971.575"
"""
LINES = [("2026-11-02", 1250.0, "INWARD TRANSFER AL NOOR TRADING LLC INV-1001"),
         ("2026-11-03", -3.5, "CHARGES SWIFT CHARGES"),
         ("2026-11-09", 4725.075, "CHEQUE DEPOSIT 000123 FALCON ELECTROMECHANICAL LLC")]


def _read(tmp_path: Path, text: str):
    path = tmp_path / "statement.csv"
    path.write_text(text, encoding="utf-8")
    st = read_statement_file(path)
    got = [(f"{d:%Y-%m-%d}", a, t) for d, a, t in
           zip(st.lines["Date"], st.lines["Amount"], st.lines["Description"], strict=True)]
    return st, got


NOTE = ("each transaction is printed over two dated rows (rows 3-4, 5-6, 7-8): each pair was "
        "read as one line, dated by its first row (the booking date; the second is its value "
        "date), its narrative both rows'")


def test_the_amount_on_the_first_of_two_dated_rows(tmp_path: Path) -> None:
    st, got = _read(tmp_path, AMOUNT_FIRST)
    assert got == LINES
    # one note on the file, no line left out for want of an amount
    assert [(i.cell, i.column, i.value, i.message) for i in st.issues] == [
        ("", "Post Date / Value Date", 3, NOTE)]
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    assert arabic_bank_message(NOTE) == (
        "كل معاملة مطبوعة على صفين مؤرخين (الصفوف 3-4, 5-6, 7-8): قُرئ كل زوج سطراً واحداً "
        "بتاريخ صفه الأول (تاريخ القيد؛ والثاني تاريخ الحق)، وبيانه نص الصفين معاً")
    assert st.lines["Bank Line"].tolist() == ["1", "2", "3"]  # three lines, none left out


def test_the_amount_on_the_second_of_two_dated_rows(tmp_path: Path) -> None:
    st, got = _read(tmp_path, AMOUNT_LAST)
    assert got == LINES  # dated 09/11 as booked, not by the value date 11/11
    assert [i.message for i in st.issues] == [NOTE]


def test_a_dated_row_without_an_amount_here_and_there_is_no_such_layout(tmp_path: Path) -> None:
    # only the first line has a second dated row: the rows do not alternate throughout, and
    # nothing is glued onto a line by guess (the row is said at its cell, as before)
    text = AMOUNT_FIRST.replace("03/11/2026,SWIFT CHARGES,,,\n", "").replace(
        "11/11/2026,FALCON ELECTROMECHANICAL LLC,,,\n", "")
    st, got = _read(tmp_path, text)
    assert [t for _, _, t in got] == ["INWARD TRANSFER", "CHARGES", "CHEQUE DEPOSIT 000123"]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("D4", "no amount on this line; the line was left out")]


def test_dates_far_apart_are_two_lines_not_one(tmp_path: Path) -> None:
    # a second date weeks after the first is no value date printed under a booking date
    text = AMOUNT_FIRST.replace("11/11/2026,FALCON", "30/11/2026,FALCON")
    st, got = _read(tmp_path, text)
    assert [t for _, _, t in got] == ["INWARD TRANSFER", "CHARGES", "CHEQUE DEPOSIT 000123"]
    assert len(st.issues) == 3
