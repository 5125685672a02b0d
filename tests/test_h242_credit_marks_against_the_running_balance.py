"""Credit marks on some amounts, the running balance rising by the unmarked ones too.

23f6e6a reads an amount column that marks only its credits ('12,500.00CR' beside '52.50') as
having its unmarked amounts money out. Where the statement prints a running balance that
follows every line and rises by an unmarked amount, the marks are not the file's signs: the
balance says which way each line moved, as before that change. Here a cheque deposit of
2,500.00 and a cash deposit of 7,000.00 were read as money out (and then said not to follow
the balance), so two receipts could not meet their invoices."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement_file

CSV = """Date,Narration,Amount,Balance
02/11/2026,INWARD REMITTANCE AL NOOR TRADING LLC INV-1001,"12,500.00CR","162,500.00"
03/11/2026,CHQ DEPOSIT 000145 CAIRO FOODS,"2,500.00","165,000.00"
05/11/2026,IPI GULF STAR GENERAL TRADING INV 1003,"23,150.00CR","188,150.00"
12/11/2026,CASH DEPOSIT BRANCH 12,"7,000.00","195,150.00"
"""


def _read(tmp_path: Path, text: str):
    path = tmp_path / "statement.csv"
    path.write_text(text, encoding="utf-8")
    return read_statement_file(path)


def test_a_balance_rising_by_the_unmarked_keeps_them_money_in(tmp_path: Path) -> None:
    st = _read(tmp_path, CSV)
    assert st.lines["Amount"].tolist() == [12500.0, 2500.0, 23150.0, 7000.0]
    assert st.issues == []


def test_a_balance_falling_by_the_unmarked_still_reads_them_money_out(tmp_path: Path) -> None:
    text = CSV.replace("165,000.00", "160,000.00").replace("188,150.00", "183,150.00").replace(
        "195,150.00", "176,150.00")
    st = _read(tmp_path, text)
    assert st.lines["Amount"].tolist() == [12500.0, -2500.0, 23150.0, -7000.0]
    assert [i.message for i in st.issues] == [
        "the statement marks only its credits ('12,500.00CR'): the 2 amounts without a mark "
        "were read as money out (rows 3, 5)"]
