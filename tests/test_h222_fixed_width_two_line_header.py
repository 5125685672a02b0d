"""A core-banking printout (Banque Misr's, T24's) in fixed-width columns whose header runs
over two lines ('Booking' over 'Date', 'Value' over 'Date'), a ruler of dashes under it.
Worked out by hand: two lines, 31,338.60 in (booked 2 November, value 3 November) and 125.50
out, opening 10,000.00. Before: the header was taken to be its second line alone ('Date
Date': two words), so the file was no fixed-width report and was refused ('could not find
the header row'). A header on one line is read as before: tests/test_bank_real_banks.py."""

from __future__ import annotations

from ar_excel.bank import read_statement

REPORT = """\
BANQUE MISR                                   ACCOUNT STATEMENT
Account No : 1234567890123        Currency : EGP        Period : 01/11/2026 - 30/11/2026

Booking     Value       Description                          Debit           Credit          Balance
Date        Date
----------  ----------  -----------------------------------  --------------  --------------  --------------
01/11/2026  01/11/2026  OPENING BALANCE                                                        10,000.00
02/11/2026  03/11/2026  INWARD TRF NILE FOODS INV-2026-0345                       31,338.60       41,338.60
13/11/2026  13/11/2026  BANK CHARGES                                 125.50                       41,213.10
                                                             --------------  --------------
                        TOTAL                                        125.50       31,338.60
"""


def test_a_header_over_two_lines(tmp_path):
    path = tmp_path / "bm.txt"
    path.write_text(REPORT, encoding="utf-8")
    stmt = read_statement(path)
    lines = stmt.lines
    assert [f"{d:%Y-%m-%d}" for d in lines["Date"]] == ["2026-11-02", "2026-11-13"]
    assert [f"{d:%Y-%m-%d}" for d in lines["Value Date"]] == ["2026-11-03", "2026-11-13"]
    assert lines["Amount"].tolist() == [31338.60, -125.50]
    assert lines["Description"].tolist() == ["INWARD TRF NILE FOODS INV-2026-0345",
                                             "BANK CHARGES"]
    assert (stmt.balances[0].account, stmt.balances[0].opening) == ("1234567890123", 10000.0)
    assert stmt.issues == []
