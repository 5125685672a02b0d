"""A QIF file of two accounts (Quicken's ``!Account`` blocks) was read as one statement: each
account's lines are now a statement of their own, named by the account (helper-174)."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement

QIF = """!Option:AutoSwitch
!Account
NBusiness Checking
TBank
^
NUSD Account
TBank
^
!Clear:AutoSwitch
!Account
NBusiness Checking
TBank
^
!Type:Bank
D03/11/2026
T1,250.00
PACME TRADING LTD
MINV-1001
^
D25/11/2026
T-40.00
PBANK CHARGES
^
!Account
NUSD Account
TBank
^
!Type:Bank
D04/11/2026
T900.00
PGULF STAR LLC
MINV-1002
^
"""


def test_qif_of_two_accounts_is_a_statement_each(tmp_path: Path) -> None:
    path = tmp_path / "quicken.qif"
    path.write_text(QIF, encoding="ascii")
    st = read_statement(path)
    lines = st.lines
    assert lines["Statement"].tolist() == ["Business Checking", "Business Checking",
                                           "USD Account"]
    assert lines["Bank Line"].tolist() == ["Business Checking-1", "Business Checking-2",
                                           "USD Account-1"]
    assert lines["Line No"].tolist() == [15, 20, 29]  # the records' first file lines
    assert lines["Amount"].tolist() == [1250.0, -40.0, 900.0]
    # the day-first order shown by 25/11/2026 holds for the other account's 04/11/2026 too
    assert [d.strftime("%Y-%m-%d") for d in lines["Date"]] == ["2026-11-03", "2026-11-25",
                                                               "2026-11-04"]
    assert lines["Counterparty"].tolist()[::2] == ["ACME TRADING LTD", "GULF STAR LLC"]
    assert (st.source, st.source_format) == ("quicken.qif", "qif")
    assert st.issues == []


def test_qif_of_one_account_is_one_statement_as_before(tmp_path: Path) -> None:
    path = tmp_path / "one.qif"
    path.write_text(QIF.split("!Account\nNUSD Account\nTBank\n^\n!Type:Bank\n")[0],
                    encoding="ascii")
    lines = read_statement(path).lines
    assert lines["Bank Line"].tolist() == ["1", "2"]
    assert lines["Statement"].nunique() == 1
