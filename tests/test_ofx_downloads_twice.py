"""Two downloads of the same OFX lines in one file whose ledger balances differ in date only.

The file's copy test (a statement that is a whole copy of one before it is left to
drop_repeated_statements, which says so once) compared the account, the ledger amount and
the lines, not the balance's date; drop_repeated_statements does compare the dates and kept
both statements. So the second download was neither dropped nor checked FITID by FITID:
every line was read twice, 3,500.00 brought in as 7,000.00, with no issue. The copy test now
compares every tag the lines and balances are read from."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement_file
from tests.test_h165_structured_statements import _ofx_statement, _write

HEAD = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1>"
LINES = [("20261102", "1000.00", "F1", "AL NOOR TRADING"),
         ("20261103", "2500.00", "F2", "DESERT ROSE CONTRACTING")]


def _read(tmp_path: Path, *statements: str):
    path = _write(tmp_path, "two.ofx", HEAD + "".join(statements) + "</BANKMSGSRSV1></OFX>\n",
                  newline="\n")
    return read_statement_file(path)


def test_the_same_lines_downloaded_on_another_day_are_read_once(tmp_path: Path) -> None:
    monday = _ofx_statement(LINES, "3500.00")
    tuesday = monday.replace("<DTASOF>20261104", "<DTASOF>20261105")
    st = _read(tmp_path, monday, tuesday)
    assert st.lines["Bank Line"].tolist() == ["F1", "F2"]
    assert st.lines["Amount"].sum() == 3500.0
    assert [i.value for i in st.issues] == ["F1", "F2"]
    assert all("read once, so it is not counted twice" in i.message for i in st.issues)


def test_a_whole_copy_is_still_said_once(tmp_path: Path) -> None:
    monday = _ofx_statement(LINES, "3500.00")
    st = _read(tmp_path, monday, monday)
    assert st.lines["Bank Line"].tolist() == ["F1", "F2"]
    [issue] = st.issues
    assert " repeats statement " in issue.message
