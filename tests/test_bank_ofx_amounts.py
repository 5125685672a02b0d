"""OFX/QFX amounts as banks write them (thousands separators, decimal commas) and the tag
reader's tolerance of SGML, XML and the mixtures banks' portals produce."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.bank import read_statement
from ar_excel.bank.ofx import file_decimal_mark, ofx_tree
from ar_excel.errors import InputError

HEAD = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
        "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n")


def sgml(amounts: list[str], currency: str = "USD", balance: str = "100.00") -> str:
    rows = "".join(f"<STMTTRN>\n<TRNTYPE>{'DEBIT' if a.startswith('-') else 'CREDIT'}\n"
                   f"<DTPOSTED>2026110{k % 9 + 1}120000[-5:EST]\n<TRNAMT>{a}\n<FITID>F{k}\n"
                   f"<NAME>PAYER {k}\n</STMTTRN>\n" for k, a in enumerate(amounts))
    return (HEAD + "<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n"
            f"<CURDEF>{currency}\n<BANKACCTFROM>\n<BANKID>1\n<ACCTID>ACC1\n<ACCTTYPE>CHECKING\n"
            "</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>20261101\n<DTEND>20261130\n" + rows
            + f"</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>{balance}\n<DTASOF>20261130\n</LEDGERBAL>\n"
            "</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n")


def read(tmp_path: Path, text: str, name: str = "s.ofx"):
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    return read_statement(path)


def test_thousands_separators_in_a_file_with_decimal_points(tmp_path):
    # ofxparse 0.21 read "2,000" as 2.0 and "-1,250" as -1.25; 1'500.00 (Swiss) it refused
    stmt = read(tmp_path, sgml(["1,500.00", "2,000", "-12,345.67", "34.51", "-1,250",
                                "1'500.00", "+980.10", "12,345,678.90"],
                               balance="12,350,338.44"))
    assert stmt.lines["Amount"].tolist() == [1500.0, 2000.0, -12345.67, 34.51, -1250.0,
                                             1500.0, 980.1, 12345678.9]
    assert stmt.balances[0].closing == 12350338.44
    assert not stmt.issues


def test_decimal_commas_of_a_european_bank_with_thousands_points(tmp_path):
    stmt = read(tmp_path, sgml(["1.500,00", "-12,50", "2.000", "+1250,5", "-1.234.567,89",
                                "0,5"], currency="EUR", balance="3.487,50"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -12.5, 2000.0, 1250.5, -1234567.89, 0.5]
    assert stmt.balances[0].closing == 3487.5
    assert not stmt.issues


def test_a_lone_separator_before_three_digits_with_nothing_else_to_go_by(tmp_path):
    # no amount shows the decimal mark: dollars are not written to three decimals
    stmt = read(tmp_path, sgml(["1,500", "-2,000", "300"], balance="1,200"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -2000.0, 300.0]
    assert stmt.balances[0].closing == 1200.0
    [note] = stmt.issues  # read one way with nothing to confirm it: the clerk is told
    assert (note.column, note.value) == ("TRNAMT", "1,500")
    assert "'1,500' and 2 more like it were read with '.' as the decimal mark" in note.message
    assert "('1,500' = 1,500.00)" in note.message
    stmt = read(tmp_path, sgml(["1.500", "-2.000", "300"], currency="EUR", balance="1.200"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -2000.0, 300.0]
    # dinars are: 1.500 KWD is one dinar and 500 fils, and the point before the fils shows
    # the mark (a note that it did not was given on every such file)
    stmt = read(tmp_path, sgml(["1.500", "-2.250", "300"], currency="KWD", balance="1.250"))
    assert stmt.lines["Amount"].tolist() == [1.5, -2.25, 300.0]
    assert stmt.balances[0].closing == 1.25
    assert stmt.issues == []
    # a bank that writes 1500 without a separator does not group thousands: 2,250 is 2.25
    stmt = read(tmp_path, sgml(["1500", "-2,250"], currency="EUR", balance="1497,750"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -2.25]
    assert file_decimal_mark(["1,500", "2,250"], {"BHD"}) == (",", False)
    assert file_decimal_mark(["1,500", "2.25"], {"BHD"}) == (".", True)
    assert file_decimal_mark(["1,500", "2.500"], {"USD"}) == (".", False)
    assert file_decimal_mark(["300", "25"], {"USD"}) == (".", False)
    stmt = read(tmp_path, sgml(["1,500.00", "300"]))  # shown: nothing to say
    assert not stmt.issues


def test_an_amount_that_is_not_a_number_is_named_and_the_balance_too(tmp_path):
    text = sgml(["1,500.00", "12O.50", "gone"], balance="ABC").replace("<TRNAMT>gone\n", "")
    stmt = read(tmp_path, text)
    assert stmt.lines["Amount"].tolist() == [1500.0]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("line 32", "TRNAMT", "12O.50"), ("line 39", "TRNAMT", None), ("line 46", "BALAMT", "ABC")]
    assert "no amount (TRNAMT)" in stmt.issues[1].message
    assert stmt.balances[0].closing is None


def test_null_amount_of_an_interest_rate_notice_moves_no_money_and_is_left_out(tmp_path):
    stmt = read(tmp_path, sgml(["12.50", "null"]))
    assert stmt.lines["Amount"].tolist() == [12.5]
    assert [(i.cell, i.column, i.value, i.message) for i in stmt.issues] == [
        ("line 32", "TRNAMT", 1, "a line of amount 0 ('PAYER 1'): no money moved, so it is an "
                                 "information record, not a transaction; left out")]


def test_tags_of_sgml_xml_and_their_mixtures():
    text = ("<OFX><A><B>one<C>two &amp; three</C><D><![CDATA[ a <b> & c ]]></D>\n<E>\n"
            "<F>x</F><G>multi\nline</A><H>after<!-- note --> it<I></I><J>end")
    root = ofx_tree(text)
    ofx = root.child("OFX")
    a = ofx.child("A")
    assert [(c.name, c.text) for c in a.children] == [
        ("B", "one"), ("C", "two & three"), ("D", "a <b> & c"), ("E", None)]
    assert [(c.name, c.text) for c in a.child("E").children] == [("F", "x"), ("G", "multi\nline")]
    assert [(c.name, c.text) for c in ofx.children[1:]] == [("H", "after it"), ("I", None),
                                                            ("J", "end")]


def test_an_entity_declared_in_the_file_is_never_expanded(tmp_path):
    text = sgml(["10.00"]).replace("<OFX>", '<!DOCTYPE OFX [<!ENTITY x "EXPANDED">]>\n<OFX>')
    text = text.replace("<NAME>PAYER 0", "<NAME>PAYER &x; &amp; SON")
    stmt = read(tmp_path, text)
    assert stmt.lines["Counterparty"].tolist() == ["PAYER &x; & SON"]


def test_unclosed_aggregates_and_an_investment_statement_beside_the_bank_one(tmp_path):
    inv = ("<INVSTMTMSGSRSV1><INVSTMTTRNRS><TRNUID>1<INVSTMTRS><DTASOF>20261130<CURDEF>USD"
           "<INVACCTFROM><BROKERID>b.com<ACCTID>999</INVACCTFROM></INVSTMTMSGSRSV1>\n")
    text = sgml(["10.00", "-2.50"]).replace("</STMTTRN>\n", "").replace("</OFX>", inv + "</OFX>")
    stmt = read(tmp_path, text)
    assert stmt.lines["Amount"].tolist() == [10.0, -2.5]
    assert stmt.lines["Date"].tolist() == [pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-02")]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("line 45", "INVSTMTRS", "999")]


def test_a_file_without_any_statement_says_so(tmp_path):
    with pytest.raises(InputError, match=r"e\.ofx: an OFX file without an account or card"):
        read(tmp_path, HEAD + "<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>", "e.ofx")


@st.composite
def written_amounts(draw):
    """Cents and the way one bank writes every amount of its file."""
    cents = draw(st.lists(st.integers(-10**10, 10**10), min_size=1, max_size=8))
    style = draw(st.sampled_from(["plain.", "plain,", "us", "eu", "swiss", "space"]))
    return cents, style


def write_amount(cents: int, style: str) -> str:
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    grouped = f"{units:,}"
    body = {"plain.": f"{units}.{rest:02d}", "plain,": f"{units},{rest:02d}",
            "us": f"{grouped}.{rest:02d}",
            "eu": grouped.replace(",", ".") + f",{rest:02d}",
            "swiss": grouped.replace(",", "'") + f".{rest:02d}",
            "space": grouped.replace(",", " ") + f",{rest:02d}"}[style]
    return sign + body


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written_amounts())
def test_every_way_a_bank_writes_its_amounts_reads_back_to_the_cent(tmp_path, sample):
    cents, style = sample
    total = sum(cents)
    stmt = read(tmp_path, sgml([write_amount(c, style) for c in cents],
                               balance=write_amount(total, style)))
    assert [round(a * 100) for a in stmt.lines["Amount"]] == [c for c in cents if c]
    assert round(stmt.balances[0].closing * 100) == total
    assert round(stmt.lines["Amount"].sum() * 100) == total  # nothing lost, nothing added
    zeros = cents.count(0)  # no money moved: left out, one issue saying how many
    assert [(i.column, i.value) for i in stmt.issues] == ([("TRNAMT", zeros)] if zeros else [])


def test_thousands_of_empty_sgml_leaves_nest_without_limit(tmp_path):
    # an empty <MEMO> holds what follows it: 5,000 deep must still read, not overflow
    text = sgml(["10.00", "-2.50"]).replace("<BANKTRANLIST>", "<BANKTRANLIST>" + "<X>\n" * 5000)
    stmt = read(tmp_path, text)
    assert stmt.lines["Amount"].tolist() == [10.0, -2.5]
    assert stmt.balances[0].closing == 100.0
