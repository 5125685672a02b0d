"""MT940, camt.053 and OFX files written by hand the way banks export them, read line by line."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ar_excel.bank import read_statement


def write(tmp_path: Path, text: str, name: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


OFX2 = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STMTRS><CURDEF>EUR</CURDEF>
<BANKACCTFROM><BANKID>1</BANKID><ACCTID>DE12</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261103</DTPOSTED><TRNAMT>1500.00</TRNAMT>
<FITID>A1</FITID><NAME>Müller GmbH</NAME><MEMO>RE 1001 für Oktober</MEMO></STMTTRN>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261104</DTPOSTED><TRNAMT>250.00</TRNAMT>
<FITID>A2</FITID><NAME>شركة النيل</NAME><MEMO>فاتورة 1002</MEMO></STMTTRN>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261105</DTPOSTED><TRNAMT>-15.00</TRNAMT>
<FITID>A3</FITID><NAME>Stadtwerke &amp; Co</NAME></STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>1735.00</BALAMT><DTASOF>20261130</DTASOF></LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""


def test_ofx2_xml_with_accented_and_arabic_names(tmp_path):
    stmt = read_statement(write(tmp_path, OFX2, "x.ofx"))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1500.0, 250.0, -15.0]
    assert lines["Counterparty"].tolist() == ["Müller GmbH", "شركة النيل", "Stadtwerke & Co"]
    assert lines["Description"].tolist() == ["RE 1001 für Oktober", "فاتورة 1002",
                                             "Stadtwerke & Co"]
    assert lines["Bank Line"].tolist() == ["A1", "A2", "A3"]
    assert stmt.balances[0].closing == 1735.0


def test_ofx1_sgml_in_windows_1252_keeps_its_letters(tmp_path):
    sgml = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
            "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
            "<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n<CURDEF>USD\n"
            "<BANKACCTFROM>\n<BANKID>121000248\n<ACCTID>1234567890\n<ACCTTYPE>CHECKING\n"
            "</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>20261101\n<DTEND>20261130\n"
            "<STMTTRN>\n<TRNTYPE>CREDIT\n<DTPOSTED>20261103120000[-5:EST]\n<TRNAMT>1500.00\n"
            "<FITID>202611031\n<NAME>MÜLLER GMBH\n<MEMO>ACH PMT INV-1001\n</STMTTRN>\n"
            "<STMTTRN>\n<TRNTYPE>CHECK\n<DTPOSTED>20261104\n<TRNAMT>-15.00\n<FITID>202611041\n"
            "<CHECKNUM>1001\n<NAME>CHECK 1001\n</STMTTRN>\n</BANKTRANLIST>\n"
            "<LEDGERBAL>\n<BALAMT>11485.00\n<DTASOF>20261130\n</LEDGERBAL>\n</STMTRS>\n"
            "</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n")
    stmt = read_statement(write(tmp_path, sgml, "x.qfx", "cp1252"))
    lines = stmt.lines
    assert lines["Counterparty"].tolist() == ["MÜLLER GMBH", None]  # CHECK 1001: no one
    assert lines["Amount"].tolist() == [1500.0, -15.0]
    assert lines["Date"].tolist() == [pd.Timestamp("2026-11-03"), pd.Timestamp("2026-11-04")]
    assert lines["Reference"].tolist() == [None, "1001"]


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE12500105170648489890</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-10-31</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1150.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>{status}</Sts>
<BookgDt><Dt>2026-11-02</Dt></BookgDt><ValDt><Dt>2026-11-02</Dt></ValDt>
<AcctSvcrRef>E1</AcctSvcrRef><NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs>
<AmtDtls><InstdAmt><Amt Ccy="EUR">1000.00</Amt></InstdAmt></AmtDtls>
<RltdPties><Dbtr>{mueller}</Dbtr></RltdPties>
<RmtInf><Ustrd>INV-1001 part 1</Ustrd><Ustrd>and more text</Ustrd></RmtInf></TxDtls>
<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">500.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr>{schulz}</Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
<Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>{status}</Sts>
<BookgDt><Dt>2026-11-03</Dt></BookgDt><AddtlNtryInf>Kontofuehrung</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="EUR">200.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts>{status}</Sts><BookgDt><DtTm>2026-11-04T23:30:00+01:00</DtTm></BookgDt>
<NtryDtls><TxDtls><RltdPties><Dbtr>{meier}</Dbtr></RltdPties>
<RmtInf><Ustrd>RUECKUEBERWEISUNG</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_versions_02_and_08_batch_instructed_amounts_and_a_returned_credit(tmp_path):
    for version, status, party in (("02", "BOOK", "<Nm>{}</Nm>"),
                                   ("08", "<Cd>BOOK</Cd>", "<Pty><Nm>{}</Nm></Pty>")):
        text = CAMT.format(version=version, status=status, mueller=party.format("Müller GmbH"),
                           schulz=party.format("Schulz KG"), meier=party.format("Meier AG"))
        stmt = read_statement(write(tmp_path, text, f"camt{version}.xml"))
        lines = stmt.lines
        # the batch split on the instructed amount of its first payment
        assert lines["Amount"].tolist() == [1000.0, 500.0, -50.0, -200.0], version
        assert lines["Description"].tolist() == ["INV-1001 part 1 and more text", None,
                                                 "Kontofuehrung", "RUECKUEBERWEISUNG"]
        assert lines["Reference"].tolist() == ["E2E-1", "RF18539007547034", None, None]
        # the returned credit names the customer whose payment came back
        assert lines["Counterparty"].tolist() == ["Müller GmbH", "Schulz KG", None,
                                                  "Meier AG"]
        assert lines["Date"].tolist() == [pd.Timestamp(d) for d in (
            "2026-11-02", "2026-11-02", "2026-11-03", "2026-11-04")]
        bal = stmt.balances[0]
        assert (bal.opening, bal.closing, bal.difference) == (-100.0, 1150.0, 0.0)
        assert not stmt.issues, version


def test_camt_proprietary_pending_status_is_left_out_and_reported(tmp_path):
    text = CAMT.format(version="08", status="<Prtry>PDNG</Prtry>", mueller="<Nm>M</Nm>",
                       schulz="<Nm>S</Nm>", meier="<Nm>X</Nm>")
    stmt = read_statement(write(tmp_path, text, "camt.xml"))
    assert stmt.lines.empty
    assert [i.value for i in stmt.issues if i.column == "Sts"] == ["PDNG"] * 3


def test_ofx_whose_bank_writes_debits_positive_signs_them_by_type(tmp_path):
    body = ("<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1"
            "<ACCTID>9<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>"
            "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261103<TRNAMT>1500.00<FITID>F1<NAME>ACME"
            "</STMTTRN><STMTTRN><TRNTYPE>CHECK<DTPOSTED>20261104<TRNAMT>15.00<FITID>F2"
            "<CHECKNUM>1001<NAME>CHECK 1001</STMTTRN><STMTTRN><TRNTYPE>FEE<DTPOSTED>20261105"
            "<TRNAMT>2.50<FITID>F3<NAME>FEE</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>"
            "</BANKMSGSRSV1></OFX>")
    head = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n"
    stmt = read_statement(write(tmp_path, head + body, "a.ofx"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, -2.5]
    [note] = stmt.issues
    assert note.value == 2 and "money out" in note.message
    signed = body.replace("<TRNAMT>15.00", "<TRNAMT>-15.00")  # a signed file is taken as is
    stmt = read_statement(write(tmp_path, head + signed, "b.ofx"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, 2.5]
    assert not stmt.issues


def test_camt_remittance_cut_into_full_width_pieces_is_joined_without_a_space(tmp_path):
    first = "PAYMENT FOR INVOICE INV-1001 INV-10"  # 35 characters: cut mid-word
    assert len(first) == 35
    tx = (f"<RmtInf><Ustrd>{first}</Ustrd><Ustrd>02 AND INV-1003</Ustrd>"
          "<Ustrd>THANK YOU</Ustrd></RmtInf>")
    text = CAMT.format(version="02", status="BOOK", mueller="<Nm>M</Nm>", schulz="<Nm>S</Nm>",
                       meier="<Nm>X</Nm>").replace(
        "<RmtInf><Ustrd>INV-1001 part 1</Ustrd><Ustrd>and more text</Ustrd></RmtInf>", tx)
    stmt = read_statement(write(tmp_path, text, "camt.xml"))
    assert stmt.lines["Description"].iloc[0] == (
        "PAYMENT FOR INVOICE INV-1001 INV-1002 AND INV-1003 THANK YOU")


def test_three_decimal_currencies_keep_their_fils_in_mt940_and_camt(tmp_path):
    mt940 = (":20:S\n:25:KW81CBKU0000000000001234560101\n:28C:1/1\n:60F:C261031KWD1000,000\n"
             ":61:2611011101C1234,125NTRFNONREF//A1\n:86:TRANSFER\n"
             ":61:2611021102D0,125NCHGNONREF//A2\n:86:FEE\n:62F:C261102KWD2234,000\n-\n")
    stmt = read_statement(write(tmp_path, mt940, "kwd.sta"))
    assert stmt.lines["Amount"].tolist() == [1234.125, -0.125]
    bal = stmt.balances[0]
    assert (bal.credits, bal.debits, bal.difference) == (1234.125, 0.125, 0.0)
    camt = CAMT.format(version="02", status="BOOK", mueller="<Nm>M</Nm>", schulz="<Nm>S</Nm>",
                       meier="<Nm>X</Nm>").replace('Ccy="EUR">50.00<', 'Ccy="BHD">50.005<')
    stmt = read_statement(write(tmp_path, camt.replace("<Ccy>EUR</Ccy>", "<Ccy>BHD</Ccy>"),
                                "bhd.xml"))
    assert stmt.lines["Amount"].tolist()[2] == -50.005


def test_camt_entry_without_any_date_is_reported_and_left_out(tmp_path):
    text = CAMT.format(version="02", status="BOOK", mueller="<Nm>M</Nm>", schulz="<Nm>S</Nm>",
                       meier="<Nm>X</Nm>").replace("<BookgDt><Dt>2026-11-03</Dt></BookgDt>", "")
    stmt = read_statement(write(tmp_path, text, "camt.xml"))
    assert stmt.lines["Amount"].tolist() == [1000.0, 500.0, -200.0]
    dateless = [i for i in stmt.issues if i.column == "BookgDt"]
    assert [(i.cell, i.value) for i in dateless] == [("entry 2", "50.00")]
    assert not stmt.balances[0].ties_out  # the entry left out shows in the tie-out too
