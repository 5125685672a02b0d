"""A core-banking report printed to a text file in fixed-width columns, a blank line between
its header and the one rule drawn across the page under it (NBE's branch printout). Worked
out by hand: two lines, 31,338.60 in and 125.50 out, opening 10,000.00. Before: the rule was
taken for no header's (the line just above it blank) and the file refused ('could not find
the header row'). A rule under a blank line below the preamble, above the header, stays no
ruler of the preamble."""

from __future__ import annotations

from ar_excel.bank import read_statement

LINES = """\
Date          Description                        Debit          Credit          Balance

------------------------------------------------------------------------------------------
01/11/2026    OPENING BALANCE                                                 10,000.00
02/11/2026    INWARD TRF INV-2026-0345                            31,338.60     41,338.60
13/11/2026    BANK CHARGES                         125.50                     41,213.10
"""


def _read(tmp_path, text):
    path = tmp_path / "nbe.txt"
    path.write_text(text, encoding="utf-8")
    stmt = read_statement(path)
    return [(f"{d:%Y-%m-%d}", a, t) for d, a, t in zip(
        stmt.lines["Date"], stmt.lines["Amount"], stmt.lines["Description"], strict=True)], stmt


def test_blank_line_between_header_and_its_rule(tmp_path):
    lines, stmt = _read(tmp_path, "NATIONAL BANK OF EGYPT\n"
                                  "Account No : 0011223344556      Currency : EGP\n\n" + LINES)
    assert lines == [("2026-11-02", 31338.60, "INWARD TRF INV-2026-0345"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
    assert (stmt.balances[0].account, stmt.balances[0].opening) == ("0011223344556", 10000.0)


def test_a_rule_above_the_header_under_a_blank_line_is_no_ruler_of_the_preamble(tmp_path):
    rule = "-" * 90 + "\n"
    text = ("Account : 0011223344556     Currency : EGP     Branch : Cairo\n\n" + rule
            + LINES.replace("\n\n" + rule, "\n" + rule))
    lines, _ = _read(tmp_path, text)
    assert lines == [("2026-11-02", 31338.60, "INWARD TRF INV-2026-0345"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
