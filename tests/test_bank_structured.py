"""MT940, camt.053 and OFX edge cases written in the test: unreadable lines, signs, year ends,
pending and reversed entries, batches that do not add up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.errors import InputError

MT940 = """\
{1:F01TESTBANKAXXX0000000000}{2:I940TESTBANKXXXXN}{4:
:20:STMT1
:25:EG380019000500000000263180002
:28C:7/1
:60F:C231229EGP1000,00
:61:2312291229CR150,00NTRFINV-1001//BR1
:86:/EREF/INV-1001/NAME/Nile Foods/REMI/USTD//Payment invoice 1001/
:61:2312291229D20,NCHGNONREF//BR2
:86:Bank charges December
:61:23122X1229C5,00NTRFNONREF//BR3
:86:this line is broken
:61:2312310102C200,00NTRFNONREF//BR4
:86:FREE TEXT PAYMENT FROM DELTA TRADING FOR INVOICES 1002 AND 1003 PA
RTIAL
:61:2312311231RC10,00NTRFNONREF//BR5
:61:2312311231RD7,50NTRFNONREF//BR6
:61:2312311231C1,00
:61:2312311231D1.00NCHGNONREF//BR8
:62F:C231231EGP1327,50
:86:STATEMENT LEVEL INFORMATION
-}
"""


@pytest.fixture
def mt940_statement(tmp_path: Path):
    path = tmp_path / "stmt.txt"
    path.write_bytes(MT940.encode("ascii"))
    return read_statement(path)


def by_ref(stmt, ref):
    found = stmt.lines[stmt.lines["Bank Ref"] == ref]
    assert len(found) == 1
    return found.iloc[0]


def test_mt940_bad_line_is_reported_and_the_rest_kept(mt940_statement):
    stmt = mt940_statement
    assert stmt.source_format == "mt940"
    assert len(stmt.lines) == 7
    bad = [i for i in stmt.issues if i.column == ":61:"]
    assert [(i.cell, i.value) for i in bad] == [("line 10", "23122X1229C5,00NTRFNONREF//BR3")]
    assert "BR3" not in set(stmt.lines["Bank Ref"].dropna())
    assert not stmt.lines["Description"].str.contains("broken", na=False).any()


def test_mt940_signs_funds_codes_and_reversals(mt940_statement):
    stmt = mt940_statement
    assert by_ref(stmt, "BR1")["Amount"] == 150.0  # CR150,: credit with funds code R
    assert by_ref(stmt, "BR2")["Amount"] == -20.0  # "20," without decimals
    assert by_ref(stmt, "BR5")["Amount"] == -10.0  # RC: reversal of a credit, money out
    assert by_ref(stmt, "BR6")["Amount"] == 7.5  # RD: reversal of a debit, money in
    no_type = stmt.lines.iloc[-2]
    assert no_type["Amount"] == 1.0 and no_type["Bank Line"] == "6"  # no type code: not merged
    assert by_ref(stmt, "BR8")["Amount"] == -1.0  # "1.00": a decimal point instead of comma


def test_mt940_dates_references_and_balances(mt940_statement):
    stmt = mt940_statement
    year_end = by_ref(stmt, "BR4")
    assert year_end["Value Date"] == pd.Timestamp("2023-12-31")
    assert year_end["Date"] == pd.Timestamp("2024-01-02")  # entry date 0102 is next year
    assert year_end["Description"] == (
        "FREE TEXT PAYMENT FROM DELTA TRADING FOR INVOICES 1002 AND 1003 PARTIAL")
    first = by_ref(stmt, "BR1")
    assert first["Reference"] == "INV-1001"  # customer reference; EREF the same, kept once
    assert first["Counterparty"] == "Nile Foods"
    assert first["Description"] == "Payment invoice 1001"
    assert by_ref(stmt, "BR2")["Reference"] is None  # NONREF
    assert not stmt.lines["Description"].str.contains("STATEMENT LEVEL", na=False).any()
    bal = stmt.balances[0]
    assert (bal.statement, bal.opening, bal.closing) == ("7/1", 1000.0, 1327.5)
    assert bal.credits == 358.5 and bal.debits == 31.0 and bal.ties_out  # 1000+358.5-31


def test_mt940_latin1_and_repeated_statement_numbers(tmp_path):
    text = (":20:A\n:25:X\n:28C:0\n:60F:C240101EUR0,\n:61:240102C10,NTRFNONREF//R1\n"
            ":86:?00GUTSCHRIFT?20RE 77?32M\xfcller GmbH\n:62F:C240102EUR10,\n-\n"
            ":20:B\n:25:X\n:28C:0\n:60F:C240102EUR10,\n:61:240103C5,NTRFNONREF//R1\n"
            ":62F:C240103EUR15,\n-\n")
    path = tmp_path / "latin.sta"
    path.write_bytes(text.encode("latin-1"))
    stmt = read_statement(path)
    assert stmt.encoding == "cp1252"
    assert stmt.lines["Counterparty"].tolist() == ["Müller GmbH", None]
    assert stmt.lines["Statement"].tolist() == ["A 0", "B 0"]  # :28C: repeats: made unique
    assert stmt.lines["Bank Line"].tolist() == ["R1", "R1-2"]
    assert [b.ties_out for b in stmt.balances] == [True, True]
    forced = read_statement(path, encoding="cp852")  # an explicit encoding is obeyed
    assert forced.encoding == "cp852" and forced.lines["Counterparty"][0] == "MŘller GmbH"


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
<Stmt><Id>S1</Id>
<Acct><Id><IBAN>EG380019000500000000263180002</IBAN></Id><Ccy>EGP</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EGP">100.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EGP">{closing}</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-04-01</Dt></Dt></Bal>
<Ntry><Amt Ccy="EGP">500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><DtTm>2024-04-01T23:30:00-05:00</DtTm></BookgDt><ValDt><Dt>2024-04-02</Dt></ValDt>
<AcctSvcrRef>A1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<RltdPties><Dbtr><Pty><Nm>Nile Foods</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>EG11</IBAN></Id>
</DbtrAcct><Cdtr><Pty><Nm>Us</Nm></Pty></Cdtr></RltdPties>
<RmtInf><Strd><RfrdDocInf><Nb>INV-1001</Nb></RfrdDocInf></Strd></RmtInf></TxDtls></NtryDtls>
</Ntry>
<Ntry><Amt Ccy="EGP">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-04-01</Dt></BookgDt><AcctSvcrRef>A2</AcctSvcrRef>
<AddtlNtryInf>STORNO</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="EGP">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
<BookgDt><Dt>2024-04-01</Dt></BookgDt></Ntry>
<Ntry><Amt Ccy="EGP">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2024-04-01</Dt></BookgDt><AcctSvcrRef>A4</AcctSvcrRef>
<NtryDtls><TxDtls><Amt Ccy="EGP">10.00</Amt><RmtInf><Ustrd>first</Ustrd></RmtInf></TxDtls>
<TxDtls><Amt Ccy="EGP">15.00</Amt><RmtInf><Ustrd>second</Ustrd></RmtInf></TxDtls></NtryDtls>
</Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def camt(tmp_path: Path, closing: str):
    path = tmp_path / "camt.xml"
    path.write_text(CAMT.replace("{closing}", closing), encoding="utf-8")
    return read_statement(path)


def test_camt_pending_batch_mismatch_and_dates(tmp_path):
    stmt = camt(tmp_path, "510.00")  # -100 + 500 + 80 + 30: the reversal's own direction (ISO)
    assert stmt.source_format == "camt053"
    assert stmt.lines["Amount"].tolist() == [500.0, 80.0, 30.0]
    first = stmt.lines.iloc[0]
    assert first["Date"] == pd.Timestamp("2024-04-01")  # as written, not moved to UTC
    assert first["Value Date"] == pd.Timestamp("2024-04-02")
    assert first["Counterparty"] == "Nile Foods" and first["Counterparty Account"] == "EG11"
    assert first["Reference"] == "INV-1001"  # referred document; NOTPROVIDED dropped
    batch = stmt.lines.iloc[2]
    assert batch["Bank Line"] == "A4" and "first" in batch["Description"]
    messages = [i.message for i in stmt.issues]
    assert any("pdng" in m and "99.00" in m for m in messages)  # pending: left out, said so
    assert any("adding up to 25.00; kept as one line" in m for m in messages)
    assert stmt.balances[0].opening == -100.0 and stmt.balances[0].ties_out


def test_camt_storno_convention_is_detected_by_the_tie_out(tmp_path):
    stmt = camt(tmp_path, "190.00")  # ties neither way: ISO reading kept, difference reported
    assert stmt.lines["Amount"].tolist() == [500.0, 80.0, 30.0]
    assert not stmt.balances[0].ties_out
    stmt = camt(tmp_path, "350.00")  # ties only with the reversed credit as money out
    assert stmt.lines["Amount"].tolist() == [500.0, -80.0, 30.0]
    assert stmt.balances[0].ties_out
    assert any(i.column == "RvslInd" for i in stmt.issues)


def test_not_a_statement_file(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<?xml version='1.0'?><root><a>1</a></root>")
    with pytest.raises(InputError, match="neither camt"):
        read_statement(path)
    with pytest.raises(InputError, match="cannot read"):
        read_statement(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        read_statement(empty)


def test_ofx_date_with_zone_is_not_shifted(tmp_path):
    ofx = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>"
           "<CURDEF>egp<BANKACCTFROM><BANKID>1<ACCTID>99<ACCTTYPE>CHECKING</BANKACCTFROM>"
           "<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240331220000[-5:EST]"
           "<TRNAMT>1500.00<FITID>F1<NAME>NILE FOODS<MEMO>INV 1001</STMTTRN>"
           "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240401010000[+3:EAT]"
           "<TRNAMT>10.00<FITID>F1<NAME>NILE FOODS<MEMO>INV 1002</STMTTRN></BANKTRANLIST>"
           "<LEDGERBAL><BALAMT>1510.00<DTASOF>20240331</LEDGERBAL></STMTRS></STMTTRNRS>"
           "</BANKMSGSRSV1></OFX>")
    path = tmp_path / "x.qfx"
    path.write_text(ofx)
    stmt = read_statement(path)
    # as written: in UTC the first would move to 04-01 and the second back to 03-31
    assert stmt.lines["Date"].tolist() == [pd.Timestamp("2024-03-31"), pd.Timestamp("2024-04-01")]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    assert stmt.lines["Bank Line"].tolist() == ["F1", "F1-2"]
    assert stmt.lines["Description"].tolist() == ["INV 1001", "INV 1002"]
    assert stmt.balances[0].closing == 1510.0


def test_mt940_86_wrap_glues_broken_words_but_not_separate_ones():
    from ar_excel.bank.narrative import join_lines, parse_narrative

    # a short line ending a date, the next starting a new invoice number: two words
    rabo = join_lines(["/ORDP//NAME/Bedrijf B.V./REMI/NR.201303-111/11.3.2013",
                       "NR.201303-112/11.3.2013/ISDT/2013-04-03"])
    assert parse_narrative(rabo).description == "NR.201303-111/11.3.2013 NR.201303-112/11.3.2013"
    # a tag and a number broken short of the width still join without a separator
    triodos = join_lines(["/CNTP/NL21RABO0999999999/RABONL2U/G-AAAAA N.V./3000AA WESTBEE",
                          "N Nederland//EREF/NOTPROVIDED//RE", "MI/USTD//Factuurnummer 201801-00",
                          "1/"])
    assert parse_narrative(triodos).description == "Factuurnummer 201801-001"
    # a full line (65 characters) broke a BIC between letters and digits: no separator
    full = "?30GENODEM".rjust(65, "x")
    assert join_lines(["166?00GUTSCHRIFT", full, "1MSS?31DE04"]).endswith("GENODEM1MSS?31DE04")
    # free text keeps its rule: a short line ended a word
    assert join_lines(["PAYMENT FROM DELTA", "TRADING"]) == "PAYMENT FROM DELTA TRADING"
