"""A line's reference carried onto the row under it, the page's header printed again below.

600fc98 leaves out, without a word, the rows above a header printed again whose words stand
outside the narrative columns (the bank's title reprinted on a new page). A line's words
carried on in its Reference column ('INV-1001/1002' under 'FT2612', the row's date blank) are
read as the line's narrative, as anywhere else on the page: they were dropped there too, and
with them the invoice numbers the receipt pays. Such a row stays the line's unless it names a
statement's title."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement_file

HEADER = "Date,Description,Reference,Debit,Credit,Balance\n"
CSV = (HEADER
       + '02/11/2026,INWARD TRANSFER,FT2611,,"12,500.00","162,500.00"\n'
       + '03/11/2026,BANK CHARGES,CH01,52.50,,"162,447.50"\n'
       + '04/11/2026,INWARD TRANSFER AL NOOR TRADING,FT2612,,"7,000.00","169,447.50"\n'
       + "{carried}\n"
       + HEADER
       + '05/11/2026,IPI GULF STAR GENERAL TRADING INV 1003,FT2613,,"23,150.00","192,597.50"\n')


def _read(tmp_path: Path, carried: str):
    path = tmp_path / "statement.csv"
    path.write_text(CSV.format(carried=carried), encoding="utf-8")
    return read_statement_file(path)


def test_a_reference_carried_over_the_page_break_stays_the_lines(tmp_path: Path) -> None:
    st = _read(tmp_path, ",,INV-1001/1002,,,")
    assert st.lines["Amount"].tolist() == [12500.0, -52.5, 7000.0, 23150.0]
    assert st.lines["Description"].tolist()[2] == "INWARD TRANSFER AL NOOR TRADING INV-1001/1002"
    assert st.issues == []


def test_a_title_in_the_reference_column_is_still_left_out(tmp_path: Path) -> None:
    st = _read(tmp_path, ",,Statement of Account 100012345678 EGP,,,")
    assert st.lines["Description"].tolist()[2] == "INWARD TRANSFER AL NOOR TRADING"
    assert st.issues == []
