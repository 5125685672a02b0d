"""The counterparty's name, account and bank, and the bank's transaction code, as MT940
``:86:`` (German GVC ``?xx`` sub-fields, Dutch ``/CNTP/``, free text), camt (``RltdPties``,
``RltdAgts``, ``BkTxCd``) and OFX (``BANKACCTTO``, ``TRNTYPE``) state them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import COLUMNS, LINE_COLUMNS, read_statement
from ar_excel.bank.narrative import join_lines, parse_narrative

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank"
DETAILS = ["Counterparty", "Counterparty Account", "Counterparty Bank", "Transaction Code"]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def details(stmt) -> list[tuple]:
    return [tuple(r) for r in stmt.lines[DETAILS].itertuples(index=False)]


MT940_GVC = """:20:STARTUMSE
:25:50010517/0648489890
:28C:00071/001
:60F:C261127EUR1000,00
:61:2611281128CR1500,00NTRFNONREF//2611280001
:86:166?00SEPA-GUTSCHRIFT?109310?20EREF+RE-2026-0815?21SVWZ+Rechnung RE-2026-0815 K
?22undennummer 4711?30COBADEFFXXX?31DE12500105170648489890?32ALPHA HANDELSGE
SELLSCHAFT M?33BH?34997
:61:2611291129DR25,50NMSCNONREF//2611290007
:86:805?00ENTGELT?109999?20Kontofuehrung November
:61:2611301130CR200,00NTRFNONREF//2611300002
:86:051?00UEBERWEISUNG?20RE 4712?3050010517?310648489891?32MUELLER KG
:62F:C261130EUR2674,50
"""


def test_mt940_gvc_subfields_name_account_bank_and_code(tmp_path):
    stmt = read_statement(write(tmp_path, "gvc.sta", MT940_GVC))
    assert stmt.lines["Amount"].tolist() == [1500.0, -25.5, 200.0]
    assert details(stmt) == [
        ("ALPHA HANDELSGESELLSCHAFT MBH", "DE12500105170648489890", "COBADEFFXXX", "166"),
        (None, None, None, "805"),
        ("MUELLER KG", "0648489891", "50010517", "051")]  # ?30 a BLZ, not a BIC
    assert stmt.lines["Reference"].tolist()[0] == "RE-2026-0815"
    assert [b.ties_out for b in stmt.balances] == [True]
    assert list(stmt.lines.columns) == LINE_COLUMNS == COLUMNS + ["Counterparty Bank",
                                                                  "Transaction Code"]


def test_mt940_without_gvc_keeps_the_61_type_and_the_dutch_or_labelled_bic(tmp_path):
    text = (":20:940S261130\n:25:NL91ABNA0417164300\n:28C:330/1\n:60F:C261127EUR0,00\n"
            ":61:261128C100,00NTRFNONREF//B6K28CT0000\n"
            ":86:/CNTP/NL69INGB0123456789/INGBNL2A/DELTA FOODS BV/AMSTERDAM/"
            "/REMI/USTD//INV 2026 0107/\n"
            ":61:261129C50,00NTRFREF 1//B6K29CT0001\n"
            ":86:BY ORDER OF: GULF STAR LLC BIC: NBADAEAAXXX IBAN: AE070331234567890123456\n"
            ":62F:C261130EUR150,00\n")
    stmt = read_statement(write(tmp_path, "nl.sta", text))
    assert details(stmt) == [
        ("DELTA FOODS BV", "NL69INGB0123456789", "INGBNL2A", "NTRF"),
        ("GULF STAR LLC", "AE070331234567890123456", "NBADAEAAXXX", "NTRF")]


def test_gvc_bic_from_the_sepa_keyword_when_there_is_no_30():
    narrative = parse_narrative(join_lines(
        ["166?00GUTSCHRIFT?20EREF+X1?21IBAN+DE12500105170648489890?22BIC+COBADEFFXXX",
         "?32NILE FOODS"]))
    assert (narrative.counterparty, narrative.account, narrative.bank, narrative.code) == (
        "NILE FOODS", "DE12500105170648489890", "COBADEFFXXX", "166")
    free = parse_narrative("TRANSFER BIC: not a bic FROM: X")
    assert free.bank is None  # a label followed by no BIC is not one


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-27</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">9975.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">5000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-28</Dt></BookgDt><AcctSvcrRef>E1</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>XBCT</SubFmlyCd></Fmly></Domn>
<Prtry><Cd>TT-IN</Cd></Prtry></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>INV-2026-0450</EndToEndId></Refs>
<RltdPties><Dbtr><Pty><Nm>GULF STAR GENERAL TRADING</Nm></Pty></Dbtr>
<DbtrAcct><Id><IBAN>SA0380000000608010167519</IBAN></Id></DbtrAcct>
<Cdtr><Pty><Nm>OUR COMPANY</Nm></Pty></Cdtr></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><BICFI>RJHISARIXXX</BICFI></FinInstnId></DbtrAgt>
<CdtrAgt><FinInstnId><BICFI>EBILAEADXXX</BICFI></FinInstnId></CdtrAgt></RltdAgts>
</TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">4000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-29</Dt></BookgDt><AcctSvcrRef>E2</AcctSvcrRef>
<BkTxCd><Prtry><Cd>BATCH-IN</Cd></Prtry></BkTxCd>
<NtryDtls>
<TxDtls><Amt Ccy="AED">2500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<RltdPties><Dbtr><Pty><Nm>DELTA FOODS</Nm></Pty></Dbtr></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>033</MmbId></ClrSysMmbId></FinInstnId>
</DbtrAgt></RltdAgts></TxDtls>
<TxDtls><Amt Ccy="AED">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Pty><Nm>NILE TRADING</Nm></Pty></Dbtr></RltdPties></TxDtls>
</NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">25.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>E3</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>DEWA</Nm></Pty></Cdtr>
<CdtrAcct><Id><Othr><Id>200300400</Id></Othr></Id></CdtrAcct></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><BICFI>EBILAEADXXX</BICFI></FinInstnId></DbtrAgt>
<CdtrAgt><FinInstnId><BIC>NBADAEAAXXX</BIC></FinInstnId></CdtrAgt></RltdAgts>
</TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_bank_of_the_other_party_and_bank_transaction_codes(tmp_path):
    stmt = read_statement(write(tmp_path, "c.xml", CAMT))
    assert stmt.lines["Amount"].tolist() == [5000.0, 2500.0, 1500.0, -25.0]
    assert details(stmt) == [
        # a credit: the debtor, its account and its bank (DbtrAgt), not ours (CdtrAgt)
        ("GULF STAR GENERAL TRADING", "SA0380000000608010167519", "RJHISARIXXX",
         "PMNT-RCDT-XBCT"),
        # a batch: each transaction its own code where it has one, else the entry's
        ("DELTA FOODS", None, "033", "PMNT-RCDT-DMCT"),
        ("NILE TRADING", None, None, "BATCH-IN"),
        # a debit: the creditor and its bank (CdtrAgt, BIC as v02 writes it)
        ("DEWA", "200300400", "NBADAEAAXXX", None)]
    assert [b.ties_out for b in stmt.balances] == [True]


def test_ofx_other_account_bank_and_transaction_type(tmp_path):
    text = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>"
            "<CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>9<ACCTTYPE>CHECKING</BANKACCTFROM>"
            "<BANKTRANLIST><STMTTRN><TRNTYPE>xfer<DTPOSTED>20261103<TRNAMT>1,500.00<FITID>F1"
            "<NAME>ACME<BANKACCTTO><BANKID>021000021<ACCTID>55501<ACCTTYPE>CHECKING"
            "</BANKACCTTO></STMTTRN><STMTTRN><TRNTYPE>FEE<DTPOSTED>20261104<TRNAMT>-2.50"
            "<FITID>F2<NAME>SERVICE FEE</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>"
            "</BANKMSGSRSV1></OFX>")
    stmt = read_statement(write(tmp_path, "o.ofx", text))
    assert details(stmt) == [("ACME", "55501", "021000021", "XFER"),
                             (None, None, None, "FEE")]  # SERVICE FEE names no one


def test_a_table_export_leaves_them_blank(tmp_path):
    stmt = read_statement(write(tmp_path, "b.csv", "Date,Description,Amount\n"
                                                   "02/11/2026,TRF NILE FOODS,\"1,500.00\"\n"))
    assert details(stmt) == [(None, None, None, None)]


@pytest.fixture(scope="module")
def shared():
    if not SHARED.is_dir():
        pytest.skip(f"shared bank fixtures not found at {SHARED} (../shared is absent)")
    return lambda name: read_statement(SHARED / name)


def test_real_files_keep_the_other_party_bank_and_the_code(shared):
    first = {name: details(shared(name))[0] for name in (
        "mt940/deutsche_bank_de.sta", "mt940/kontist_de.sta", "mt940/ing_nl.sta",
        "camt053/ubs_ch_v08.xml", "camt053/vrbank_de_v02.xml", "camt053/ing_nl_v02_batch.xml",
        "ofx/bank_medium_ca_ofx102.ofx")}
    assert first == {
        "mt940/deutsche_bank_de.sta": ("PETRA TESTER", "DE422938944551657098369",
                                       "GENODE61KA1", "166"),
        "mt940/kontist_de.sta": ("CHRISTIAN BENDT", first["mt940/kontist_de.sta"][1],
                                 "SPKRDE33XXX", "166"),
        "mt940/ing_nl.sta": ("B Bert", "NL57ABNA0876543211", "ABNANL2A", "NTRF"),
        "camt053/ubs_ch_v08.xml": ("Jon Doe", None, "UBSWCHZH80A", "PMNT-RCDT-AUTT"),
        "camt053/vrbank_de_v02.xml": ("Testkonto Nummer 2", "DE09300606010012345671",
                                      "DAAEDEDDXXX", "NTRF+020"),
        "camt053/ing_nl_v02_batch.xml": (None, None, None, "PMNT-ICDT-ESCT"),
        "ofx/bank_medium_ca_ofx102.ofx": ("MCDONALD'S #112", None, None, "POS"),
    }
    sparkasse = details(shared("mt940/sparkasse_de.sta"))[1]
    assert sparkasse == ("SOMEONE ELSE", "0012345679", "20010030", "051")
