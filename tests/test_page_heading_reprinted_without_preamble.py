"""A CSV whose first page opens with the header (no title rows above it: the export has none,
or the clerk cut them), its second page with the bank's title printed again above the header.

Worked out by hand: three lines (12,500.00 in, 25.00 out, 7,000.00 in), the running balance
following each. The title rows are the page's heading, nothing of a line: left out without a
word. Before: a title in the first column was reported as a 'row with no date and no amount'
(one issue per title row), and one in the narrative column was glued onto the narrative of the
last line of page 1 ('BANK CHARGES Commercial International Bank - Statement of Account'). A
line's narrative carried onto the row above the page break stays the line's.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

HEADER = "Date,Description,Debit,Credit,Balance\n"
PAGE_1 = (HEADER + '02/11/2026,INWARD TRF NILE FOODS INV-1001,,"12,500.00","62,500.00"\n'
          '05/11/2026,BANK CHARGES,25.00,,"62,475.00"\n')
PAGE_2 = HEADER + '12/11/2026,INWARD TRF DELTA TRADING INV-1002,,"7,000.00","69,475.00"\n'


def _read(tmp_path, between: str):
    (tmp_path / "s.csv").write_text(PAGE_1 + between + PAGE_2, encoding="utf-8")
    return read_statement(tmp_path / "s.csv")


PAGE = "page number ('Page 2 of 2', row 4): the statement's page breaks, not a transaction; left out"


@pytest.mark.parametrize("title, said", [
    ("Commercial International Bank - Statement of Account,,,,\n", []),
    (",Commercial International Bank - Statement of Account,,,\n", []),
    ("Commercial International Bank,,,,\nStatement of Account 100012345678 EGP,,,,\n", []),
    (",,,,\n,كشف حساب جاري - البنك التجاري الدولي,,,\n,,,,\n", []),
    # (the page's number is said as before, as every page break's is)
    ("Page 2 of 2,,,,\nCommercial International Bank,,,,\n", [("A4", PAGE)])])
def test_the_title_printed_again_is_left_out(tmp_path, title, said):
    st = _read(tmp_path, title)
    assert st.lines["Amount"].tolist() == [12500.0, -25.0, 7000.0]
    assert st.lines["Description"].tolist() == [
        "INWARD TRF NILE FOODS INV-1001", "BANK CHARGES", "INWARD TRF DELTA TRADING INV-1002"]
    assert [(i.cell, i.message) for i in st.issues] == said


def test_a_narrative_carried_over_above_the_page_break_stays_the_lines(tmp_path):
    st = _read(tmp_path, ",CIB ADVICE REF 2611050042,,,\n")
    assert st.lines["Description"].tolist() == [
        "INWARD TRF NILE FOODS INV-1001", "BANK CHARGES CIB ADVICE REF 2611050042",
        "INWARD TRF DELTA TRADING INV-1002"]


@pytest.mark.parametrize("between", [
    "AL NOOR TRADING LLC INV-1001,,,,\n",
    "AL NOOR TRADING LLC INV-1001,,,,\nCommercial International Bank,,,,\n"])
def test_a_narrative_run_into_the_date_column_is_said_not_dropped(tmp_path, between):
    # (the reviewer's case of 600fc98: words in the date column right above the header again
    # that are no heading were left out without a word; nothing of a line is lost unsaid)
    st = _read(tmp_path, between)
    assert st.lines["Amount"].tolist() == [12500.0, -25.0, 7000.0]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("A4", "row with no date and no amount ('AL NOOR TRADING LLC INV-1001'): not a "
               "transaction; left out")]


@pytest.mark.parametrize("heading", [
    "Account No: 100012345678,,,,\n", "IBAN: EG380019000500000000263180002,,,,\n",
    "رقم الحساب: 100012345678,,,,\n", "بنك مصر,,,,\n", "البنك الأهلي المصري,,,,\n",
    "Call Deposit Account - Statement of Account from 01/11/2026 to 30/11/2026,,,,\n"])
def test_the_accounts_particulars_printed_again_are_left_out(tmp_path, heading):
    st = _read(tmp_path, heading + "Statement of Account,,,,\n")
    assert st.lines["Amount"].tolist() == [12500.0, -25.0, 7000.0]
    assert st.issues == []


@pytest.mark.parametrize("run_on, cell", [
    ("INWARD TRANSFER FROM BANK MISR AL NOOR TRADING LLC,,,,\n", "A4"),
    ("تحويل وارد من بنك مصر - شركة النور,,,,\n", "A4"),
    (",TRF AL NOOR PER ACCOUNT STATEMENT,,,\n", None)])
def test_a_lines_words_naming_a_bank_or_a_statement_are_no_heading(tmp_path, run_on, cell):
    # (helper-248's review of 27b167c: a bank's name or the word 'statement' inside a line's
    # narrative run on above the header again made the row a heading, left out unsaid)
    st = _read(tmp_path, run_on)
    assert st.lines["Amount"].tolist() == [12500.0, -25.0, 7000.0]
    if cell:  # in the date column: said where it stands
        assert [i.cell for i in st.issues] == [cell]
    else:  # in the narrative column: the narrative of the line above, carried on
        assert st.lines["Description"].tolist()[1] == \
            "BANK CHARGES TRF AL NOOR PER ACCOUNT STATEMENT"
        assert st.issues == []
