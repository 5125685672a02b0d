"""MT940, camt.053/.054 and OFX statements in the flavours banks send, written in the test as
each bank lays them out, imported line by line: count, signed amounts, booking and value
dates, currency, narrative, counterparty, bank reference, and each statement's tie-out."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.bank import read_statement
from ar_excel.errors import InputError

D = pd.Timestamp


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8",
          newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def field86(text: str) -> str:
    """A ``:86:`` field as banks write it: cut into lines of 65 characters, the tag counted."""
    full = ":86:" + text
    return "\n".join(full[i:i + 65] for i in range(0, len(full), 65))


def column(stmt, name: str) -> list:
    return [None if pd.isna(v) else v for v in stmt.lines[name].tolist()]


def tie_outs(stmt) -> list[tuple[str, float | None, float | None, bool | None]]:
    return [(b.statement, b.opening, b.closing, b.ties_out) for b in stmt.balances]


# --- MT940 -------------------------------------------------------------------------------

SPARKASSE = "\n".join([
    "{1:F01HELADEF1822A0000000000}{2:I940HELADEF1822XN}{4:",
    ":20:STARTUMSE",
    ":25:50050201/0123456789",
    ":28C:00215/001",
    ":60F:C261230EUR12345,67",
    ":61:2612310102CR1190,00NMSCNONREF",
    field86("166?00GUTSCHR. UEBERWEISUNG?109310?20EREF+RE-2026-0815?21SVWZ+Rechnung "
            "RE-2026-0815?22und RE-2026-0816 Kundennr 4?23711?30COBADEFFXXX"
            "?31DE89370400440532013000?32Mueller Maschinenbau GmbH u?33nd Co. KG?34000"),
    ":61:2612310102DR45,50NDDTKREF-STROM-12//PN0815",
    field86("105?00BASISLASTSCHRIFT?109248?20EREF+ENERGIE-2026-12?21MREF+M-77"
            "?22CRED+DE98ZZZ09999999999?23SVWZ+Strom Dezember 2026?30BYLADEM1001"
            "?31DE02120300000000202051?32Stadtwerke Beispielstadt"),
    ":61:2612310102RC300,00NRTINONREF//PN0816",
    field86("109?00RUECKLASTSCHRIFT?20EREF+LS-2026-11-0042?21SVWZ+RE-2026-0777 AC04 K"
            "onto?22 erloschen?31DE75512108001245126199?32Omega Retail GmbH"),
    ":62F:C270102EUR13190,17",
    ":64:C270102EUR13190,17",
    ":65:C270105EUR13190,17",
    "-}",
]) + "\n"


def test_mt940_german_subfields_crlf_swift_blocks_and_a_year_end(tmp_path):
    stmt = read_statement(write(tmp_path, "sparkasse.sta", SPARKASSE, newline="\r\n"))
    assert stmt.source_format == "mt940" and len(stmt.lines) == 3
    assert column(stmt, "Amount") == [1190.0, -45.5, -300.0]  # RC: a returned credit, money out
    assert column(stmt, "Currency") == ["EUR"] * 3
    # value date 31 Dec 2026, entry date 0102: booked in the new year
    assert column(stmt, "Value Date") == [D("2026-12-31")] * 3
    assert column(stmt, "Date") == [D("2027-01-02")] * 3
    first, debit, returned = (stmt.lines.iloc[i] for i in range(3))
    # ?20..?29 joined, a value cut at 27 characters runs on; ?00 the posting text
    assert first["Description"] == ("Rechnung RE-2026-0815 und RE-2026-0816 Kundennr 4711 "
                                    "(GUTSCHR. UEBERWEISUNG)")
    assert first["Reference"] == "RE-2026-0815"  # EREF+
    assert first["Counterparty"] == "Mueller Maschinenbau GmbH und Co. KG"  # ?32 + ?33
    assert first["Counterparty Account"] == "DE89370400440532013000"  # ?31
    assert first["Bank Line"] == "1" and first["Bank Ref"] is None
    assert debit["Reference"] == "KREF-STROM-12; ENERGIE-2026-12"
    assert debit["Counterparty"] == "Stadtwerke Beispielstadt"
    assert debit["Bank Ref"] == "PN0815" and debit["Description"] == (
        "Strom Dezember 2026 (BASISLASTSCHRIFT)")
    assert returned["Description"] == ("RE-2026-0777 AC04 Konto erloschen "
                                       "(RUECKLASTSCHRIFT)")
    assert returned["Counterparty"] == "Omega Retail GmbH"
    assert tie_outs(stmt) == [("00215/001", 12345.67, 13190.17, True)]
    assert stmt.balances[0].closing_date == D("2027-01-02")
    assert not stmt.issues


POSTBANK = """:20:0000000001
:25:10010010/123456789
:28C:1/1
:60F:D261130EUR250,
:61:2612011201C1000,N051NONREF
:86:051?00UEBERWEISUNGSGUTSCHRIFT?20RE 4711 4712?21KD 0815
?32ALPHA HANDELS GMBH?31DE12500105170648489890
:61:2612011201D25,NCHGNONREF//00000001
ENTGELT DEZEMBER
:86:805?00ENTGELT?20KONTOFUEHRUNG 12/2026
:62M:C261201EUR725,
-
:20:0000000002
:25:10010010/123456789
:28C:1/2
:60M:C261201EUR725,
:61:2612021202C0,99N051NONREF
:86:051?00UEBERWEISUNGSGUTSCHRIFT?20RUNDUNG?32BETA AG
:62F:C261202EUR725,99
-


"""


def test_mt940_pages_of_one_statement_free_purpose_lines_and_blank_tail(tmp_path):
    stmt = read_statement(write(tmp_path, "postbank.txt", POSTBANK, "latin-1"))
    assert len(stmt.lines) == 3
    assert column(stmt, "Amount") == [1000.0, -25.0, 0.99]
    assert column(stmt, "Description") == [
        "RE 4711 4712 KD 0815 (UEBERWEISUNGSGUTSCHRIFT)",
        "ENTGELT DEZEMBER KONTOFUEHRUNG 12/2026",  # :61: second line, then :86:
        "RUNDUNG (UEBERWEISUNGSGUTSCHRIFT)"]
    assert column(stmt, "Counterparty") == ["ALPHA HANDELS GMBH", None, "BETA AG"]
    assert column(stmt, "Counterparty Account") == ["DE12500105170648489890", None, None]
    assert column(stmt, "Bank Line") == ["1", "00000001", "3"]
    assert column(stmt, "Statement") == ["1/1", "1/1", "1/2"]
    # :60M:/:62M: intermediate balances of a statement sent in pages
    assert tie_outs(stmt) == [("1/1", -250.0, 725.0, True), ("1/2", 725.0, 725.99, True)]
    assert not stmt.issues


ING = "\n".join([
    "{1:F01INGBNL2ABXXX0000000000}{2:I940INGBNL2AXXXN}{4:",
    ":20:P261105000000001",
    ":25:NL20INGB0001234567EUR",
    ":28C:00000",
    ":60F:C261104EUR1000,00",
    ":61:2611051105C2500,00NTRFEREF-7788//0101234567891011",
    "/TRCD/00100/",
    field86("/EREF/EREF-7788//CNTP/NL91ABNA0417164300/ABNANL2A/DELTA TRADING B.V.///"
            "REMI/USTD//FACTUUR 2026-0042 EN 2026-0043/"),
    ":61:2611051105D12,35NTRFNONREF//0101234567891012",
    "/TRCD/00200/",
    field86("/TRCD/00200/NAME/KPN B.V./IBAN/NL86INGB0002445588/REMI/ABONNEMENT NOVEMB"
            "ER 2026 KLANTNUMMER 123456789/"),
    ":61:2611051105RD300,00NRTINONREF//0101234567891013",
    field86("/RTRN/MS03/NAME/OMEGA RETAIL/IBAN/NL39RABO0300065264/REMI/RETOUR INCASSO "
            "2026-0031/"),
    ":62F:C261105EUR3787,65",
    ":64:C261105EUR3787,65",
    "-}{1:F01INGBNL2ABXXX0000000000}{2:I940INGBNL2AXXXN}{4:",
    ":20:P261105000000002",
    ":25:NL55INGB0007654321USD",
    ":28C:00000",
    ":60F:C261104USD0,",
    ":61:2611051105C1000,NTRFNONREF//0201",
    ":86:/NAME/ACME CORP/REMI/INV 9001/",
    ":62F:C261105USD1000,",
    "-}",
])


def test_mt940_dutch_tags_two_accounts_and_a_reversed_debit(tmp_path):
    stmt = read_statement(write(tmp_path, "ing.940", ING))  # no newline at the very end
    assert len(stmt.lines) == 4
    assert column(stmt, "Amount") == [2500.0, -12.35, 300.0, 1000.0]  # RD: money back in
    assert column(stmt, "Currency") == ["EUR", "EUR", "EUR", "USD"]
    assert column(stmt, "Description") == [
        "FACTUUR 2026-0042 EN 2026-0043",
        "ABONNEMENT NOVEMBER 2026 KLANTNUMMER 123456789",  # broken at 65 columns: joined
        "RETOUR INCASSO 2026-0031 Reversal of a payment out (RD)", "INV 9001"]
    assert column(stmt, "Counterparty") == ["DELTA TRADING B.V.", "KPN B.V.", "OMEGA RETAIL",
                                            "ACME CORP"]
    assert column(stmt, "Counterparty Account") == [
        "NL91ABNA0417164300", "NL86INGB0002445588", "NL39RABO0300065264", None]
    assert column(stmt, "Reference") == ["EREF-7788", None, None, None]
    assert column(stmt, "Bank Ref") == ["0101234567891011", "0101234567891012",
                                        "0101234567891013", "0201"]
    # ":25:NL20INGB0001234567EUR": the account is the IBAN, the currency ING glues on is none
    # of it (the raw form was kept only because nothing had decided; no code reads it)
    assert [b.account for b in stmt.balances] == ["NL20INGB0001234567", "NL55INGB0007654321"]
    assert [b.ties_out for b in stmt.balances] == [True, True]
    assert [(b.opening, b.closing, b.lines) for b in stmt.balances] == [
        (1000.0, 3787.65, 3), (0.0, 1000.0, 1)]
    assert not stmt.issues


GULF = "\n".join([
    ":20:ENBD2612310001",
    ":25:AE070260001015001234567",
    ":28C:365/1",
    ":60F:C261230AED250000,00",
    # entry date 31 Dec, value date 2 Jan: booked in the old year, value in the new
    ":61:2701021231C52500,00NTRFFT26365ABCD//FT26365ABCD",
    field86("INWARD TT FROM MOHAMMED ABDULLAH AL-QAHTANI TRADING EST REF INV-2026-1187 "
            "AE330030000123456789012"),
    ":61:2701021231D1050,00NCHGNONREF//CHG26365",
    ":86:SERVICE CHARGES",
    ":61:2612311231C18750,NTRFIPI123456//IPI123456",
    field86("/BENM//NAME/AL FUTTAIM/ORDP//NAME/ABDUL RAHMAN BIN SAEED AL NAHYAN/REMI/"
            "PAYMENT INV 2026-1190 AND 2026-1191"),
    ":61:2612311231D4000,NTRFOUT77//OUT77",
    field86("/ORDP//NAME/OUR COMPANY FZE/BENM//NAME/EMIRATES TRANSPORT/REMI/FREIGHT DEC"),
    ":62F:C270102AED316200,00",
    "-",
    ":20:NBK261231",
    ":25:KW81NBOK0000000000001000372151",
    ":28C:12/1",
    ":60F:D261230KWD1500,250",
    ":61:2612311231C2000,500NTRFNONREF//KW1",
    ":86:TRANSFER FROM شركة الخليج للتجارة INV 77",
    ":61:2612311231D0,125NCHGNONREF//KW2",
    ":86:SWIFT CHARGES",
    ":62F:C261231KWD500,125",
    "-",
    "",
])


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_mt940_gulf_banks_transliterated_and_arabic_names_and_fils(tmp_path, encoding):
    stmt = read_statement(write(tmp_path, "gulf.sta", GULF, encoding))
    assert len(stmt.lines) == 6
    assert column(stmt, "Amount") == [52500.0, -1050.0, 18750.0, -4000.0, 2000.5, -0.125]
    assert column(stmt, "Currency") == ["AED"] * 4 + ["KWD"] * 2
    assert column(stmt, "Date")[:2] == [D("2026-12-31")] * 2
    assert column(stmt, "Value Date")[:2] == [D("2027-01-02")] * 2
    tt = stmt.lines.iloc[0]
    assert tt["Description"] == ("INWARD TT FROM MOHAMMED ABDULLAH AL-QAHTANI TRADING EST "
                                 "REF INV-2026-1187 AE330030000123456789012")
    assert tt["Counterparty Account"] == "AE330030000123456789012"
    assert tt["Reference"] == "FT26365ABCD" and tt["Bank Line"] == "FT26365ABCD"
    # both parties named: the payer of a credit, the beneficiary of a debit
    assert column(stmt, "Counterparty")[2:4] == ["ABDUL RAHMAN BIN SAEED AL NAHYAN",
                                                 "EMIRATES TRANSPORT"]
    assert stmt.lines.iloc[2]["Description"] == "PAYMENT INV 2026-1190 AND 2026-1191"
    assert stmt.lines.iloc[4]["Description"] == "TRANSFER FROM شركة الخليج للتجارة INV 77"
    assert tie_outs(stmt) == [("365/1", 250000.0, 316200.0, True),
                              ("12/1", -1500.25, 500.125, True)]
    assert stmt.balances[1].credits == 2000.5 and stmt.balances[1].debits == 0.125


SUBFIELD_LINES = """:20:COBA261201
:25:DE44500400000123456700
:28C:1/1
:60F:C261201EUR0,
:61:2612011201C100,N166NONREF
:86:166
?00GUTSCHRIFT
?20EREF+INV-77
?21SVWZ+Rechnung 77 und 78
?30COBADEFFXXX
?31DE12500105170648489890
?32Gamma GmbH
:61:2612011201C50,NTRFNONREF//R2
:86:
/EREF/INV-79/NAME/DELTA BV/IBAN/NL91ABNA0417164300/REMI/FACTUUR 79/
:62F:C261201EUR150,
-
"""


def test_mt940_86_with_the_code_or_nothing_on_its_first_line(tmp_path):
    stmt = read_statement(write(tmp_path, "coba.sta", SUBFIELD_LINES))
    assert column(stmt, "Description") == ["Rechnung 77 und 78 (GUTSCHRIFT)", "FACTUUR 79"]
    assert column(stmt, "Reference") == ["INV-77", "INV-79"]
    assert column(stmt, "Counterparty") == ["Gamma GmbH", "DELTA BV"]
    assert column(stmt, "Counterparty Account") == ["DE12500105170648489890",
                                                    "NL91ABNA0417164300"]
    assert tie_outs(stmt) == [("1/1", 0.0, 150.0, True)]


def test_mt940_single_statement_behind_a_utf8_byte_order_mark(tmp_path):
    first = ING.split("-}")[0].split("\n", 1)[1]  # no SWIFT header: ":20:" comes first
    text = "\ufeff" + first + "-\n"
    stmt = read_statement(write(tmp_path, "bom.sta", text, newline="\r\n"))
    assert stmt.source_format == "mt940" and stmt.encoding == "utf-8-sig"
    assert column(stmt, "Amount") == [2500.0, -12.35, 300.0]
    assert [b.ties_out for b in stmt.balances] == [True]


def test_mt940_free_text_labels_of_gulf_banks_name_the_payer_and_reference(tmp_path):
    text = "\n".join([
        ":20:ADCB261130", ":25:AE120030000112233445566", ":28C:334/1",
        ":60F:C261129AED1000,00",
        ":61:2611301130C9450,00NTRFNONREF//IPI778899",
        field86("INWARD TT REMITTER: MOHAMMED ABDULLAH AL-QAHTANI REF: INV-2026-1187 "
                "DETAILS: PAYMENT FOR NOVEMBER SUPPLIES"),
        ":61:2611301130C500,00NTRFNONREF//IPI778900",
        ":86:TRANSFER FROM: GULF STAR TRADING LLC; INV 2026-77",
        ":62F:C261130AED10950,00", "-", ""])
    stmt = read_statement(write(tmp_path, "adcb.sta", text))
    assert column(stmt, "Counterparty") == ["MOHAMMED ABDULLAH AL-QAHTANI",
                                            "GULF STAR TRADING LLC"]
    assert column(stmt, "Reference") == ["INV-2026-1187", None]
    assert column(stmt, "Description") == [
        "INWARD TT REMITTER: MOHAMMED ABDULLAH AL-QAHTANI REF: INV-2026-1187 DETAILS: PAYMENT "
        "FOR NOVEMBER SUPPLIES", "TRANSFER FROM: GULF STAR TRADING LLC; INV 2026-77"]
    assert [b.ties_out for b in stmt.balances] == [True]


BROKEN = """:20:B1
:25:DE44500400000123456700
:28C:7/1
:60F:C261104EUR1O00,00
:61:2611051105C2.500,00NTRFNONREF//OK1
:86:RE 2026-1 THOUSANDS DOT
:61:2611051105C1,234,56NTRFNONREF//BAD1
:86:TWO COMMAS
:61:2611051105D10,NCHGNONREF//OK2
:61:2611051105C1,250.75NTRFNONREF//OK4
:62F:C261105EURO3490,00
-
:20:B2
:25:DE44500400000123456700
:28C:8/1
:60F:C261105EUR3490,00
:61:2611061106C10,NTRFNONREF//OK3
"""


def test_mt940_bad_balances_and_amounts_are_named_by_line_and_a_cut_file_is_flagged(tmp_path):
    stmt = read_statement(write(tmp_path, "broken.sta", BROKEN))
    # the readable lines are kept: "2.500,00" and "1,250.75" with thousands separators
    assert column(stmt, "Bank Line") == ["OK1", "OK2", "OK4", "OK3"]
    assert column(stmt, "Amount") == [2500.0, -10.0, 1250.75, 10.0]
    found = {(i.cell, i.column): i for i in stmt.issues}
    assert found["line 4", ":60F:"].value == "C261104EUR1O00,00"
    assert found["line 11", ":62F:"].value == "C261105EURO3490,00"
    assert "balance could not be read" in found["line 4", ":60F:"].message
    assert found["line 7", ":61:"].value == "2611051105C1,234,56NTRFNONREF//BAD1"
    assert [(b.opening, b.closing) for b in stmt.balances] == [(None, None), (3490.0, None)]
    assert [b.ties_out for b in stmt.balances] == [None, None]
    cut = stmt.issues[-1]
    assert (cut.cell, cut.column) == ("statement 8/1", "Balance")
    assert "no closing balance" in cut.message and "cut short" in cut.message


def test_mt940_header_the_package_refuses_keeps_the_lines(tmp_path):
    text = ING.replace(":28C:00000", ":28C:ABC-1", 1)  # a statement number with letters
    stmt = read_statement(write(tmp_path, "ing.sta", text))
    assert column(stmt, "Amount") == [2500.0, -12.35, 300.0, 1000.0]
    # the account without ING's currency suffix (see the test above), header read or not
    assert [(b.statement, b.account, b.ties_out) for b in stmt.balances] == [
        ("ABC-1", "NL20INGB0001234567", True), ("00000", "NL55INGB0007654321", True)]
    [issue] = stmt.issues
    assert (issue.cell, issue.column) == ("line 2", ":20:")
    assert "Unable to parse StatementNumber from 'ABC-1'" in issue.message


def test_mt940_statement_without_its_end_says_the_file_may_be_cut(tmp_path):
    text = "\n".join(ING.split("\n")[:12]) + "\n"  # stops inside the first statement
    stmt = read_statement(write(tmp_path, "cut.sta", text))
    assert column(stmt, "Amount") == [2500.0, -12.35]
    assert [(i.cell, i.column) for i in stmt.issues] == [("statement 00000", "Balance")]
    assert "cut short" in stmt.issues[0].message


# --- camt.053 / camt.054 -----------------------------------------------------------------

CAMT_V02 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<BkToCstmrStmt>
<GrpHdr><MsgId>MSG-2026-11-30</MsgId><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm></GrpHdr>
<Stmt>
<Id>STMT-EUR-330</Id><ElctrncSeqNb>330</ElctrncSeqNb>
<Acct><Id><IBAN>DE44500400000123456700</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">5000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-27</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">9999.99</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">8402.45</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry>
<Amt Ccy="EUR">3485.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt>
<AcctSvcrRef>2026113000123</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>BOOK</SubFmlyCd></Fmly></Domn></BkTxCd>
<Chrgs><Amt Ccy="EUR">15.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Chrgs>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls>
<Refs><EndToEndId>E2E-1</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">2000.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Alpha Handels GmbH</Nm></Dbtr>
<DbtrAcct><Id><IBAN>DE12500105170648489890</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>Rechnung RE-2026-0815 und RE-2026-0</Ustrd><Ustrd>816 Kundennummer 4711</Ustrd>
</RmtInf>
</TxDtls>
<TxDtls>
<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">1500.00</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Beta AG</Nm></Dbtr>
<DbtrAcct><Id><IBAN>CH9300762011623852957</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>
<Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls>
</NtryDtls>
</Ntry>
<Ntry>
<Amt Ccy="EUR">82.55</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>
<AcctSvcrRef>2026113000124</AcctSvcrRef>
<NtryDtls><TxDtls>
<Refs><EndToEndId>STROM-11</EndToEndId><MndtId>M-77</MndtId></Refs>
<RltdPties><Cdtr><Nm>Stadtwerke Beispielstadt</Nm></Cdtr>
<CdtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>Strom November 2026</Ustrd><Ustrd>Abschlag 11/2026</Ustrd></RmtInf>
</TxDtls></NtryDtls>
</Ntry>
</Stmt>
</BkToCstmrStmt>
</Document>
"""


def test_camt_v02_batch_net_of_charges_prcd_opening_and_clbd_not_clav(tmp_path):
    stmt = read_statement(write(tmp_path, "v02.xml", CAMT_V02))
    assert stmt.source_format == "camt053" and len(stmt.lines) == 4
    # the batch of 3,485.00 is two payments less 15.00 charges: three lines adding up to it
    assert column(stmt, "Amount") == [2000.0, 1500.0, -15.0, -82.55]
    assert column(stmt, "Counterparty") == ["Alpha Handels GmbH", "Beta AG", None,
                                            "Stadtwerke Beispielstadt"]
    assert column(stmt, "Counterparty Account") == [
        "DE12500105170648489890", "CH9300762011623852957", None, "DE02120300000000202051"]
    assert column(stmt, "Description") == [
        "Rechnung RE-2026-0815 und RE-2026-0816 Kundennummer 4711",  # cut at 35: joined
        None, "Bank charges deducted from batch entry of 3,485.00 EUR",
        "Strom November 2026 Abschlag 11/2026"]
    assert column(stmt, "Reference") == ["E2E-1", "RF18539007547034", None, "STROM-11"]
    assert column(stmt, "Bank Line") == ["2026113000123", "2026113000123-2",
                                         "2026113000123-3", "2026113000124"]
    assert column(stmt, "Value Date") == [D("2026-11-30")] * 3 + [D("2026-12-01")]
    # opening: PRCD (no OPBD); closing: CLBD, not the available balance CLAV
    assert tie_outs(stmt) == [("STMT-EUR-330", 5000.0, 8402.45, True)]
    assert not stmt.issues


CAMT_V04 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04">
<BkToCstmrStmt><GrpHdr><MsgId>PF-1</MsgId><CreDtTm>2026-11-06T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>CHF-2026-11-05</Id><LglSeqNb>221</LglSeqNb>
<Acct><Id><IBAN>CH5604835012345678009</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">120.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-04</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">2530.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Ntry><Amt Ccy="CHF">2500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd>
<Sts>BOOK</Sts>
<BookgDt><DtTm>2026-11-05T23:45:00-05:00</DtTm></BookgDt>
<ValDt><DtTm>2026-11-05T00:15:00+02:00</DtTm></ValDt>
<AcctSvcrRef>PF-0001</AcctSvcrRef>
<NtryDtls><TxDtls>
<Refs><AcctSvcrRef>PF-0001-A</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<Amt Ccy="CHF">2500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Nm>Muster AG</Nm></Dbtr>
<DbtrAcct><Id><Othr><Id>80-2-2</Id></Othr></Id></DbtrAcct></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp>
<Ref>210000000003139471430009017</Ref></CdtrRefInf>
<AddtlRmtInf>Rechnung 2026-501</AddtlRmtInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="CHF">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts>BOOK</Sts><BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-05</Dt></ValDt>
<AcctSvcrRef>PF-0002</AcctSvcrRef>
<NtryDtls><TxDtls>
<RltdPties><Cdtr><Nm>Lieferant GmbH</Nm></Cdtr></RltdPties>
<RmtInf><Ustrd>RUECKBUCHUNG ZAHLUNG 2026-11-02</Ustrd></RmtInf>
</TxDtls></NtryDtls></Ntry>
</Stmt>
<Stmt><Id>CHF-2026-11-05-B</Id>
<Acct><Id><IBAN>CH5604835012345678010</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">0</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-04</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">40.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Ntry><Amt Ccy="CHF">40.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>PF-0003</AcctSvcrRef>
<AddtlNtryInf>Kontofuehrungsgebuehr</AddtlNtryInf></Ntry>
</Stmt>
</BkToCstmrStmt></Document>
"""


def test_camt_v04_local_dates_reversal_and_two_statements(tmp_path):
    stmt = read_statement(write(tmp_path, "v04.xml", CAMT_V04))
    assert len(stmt.lines) == 3
    # 23:45 at -05:00 is 04:45 UTC the next day; 00:15 at +02:00 is the day before in UTC
    assert column(stmt, "Date")[0] == D("2026-11-05")
    assert column(stmt, "Value Date")[0] == D("2026-11-05")
    # CRDT + RvslInd: a payment of ours that came back, money in (ISO: the booking's own
    # direction), and the statement ties out that way
    assert column(stmt, "Amount") == [2500.0, 150.0, -40.0]
    assert not stmt.issues
    first = stmt.lines.iloc[0]
    assert first["Reference"] == "210000000003139471430009017"  # QR reference
    assert first["Description"] == "Rechnung 2026-501"
    assert (first["Counterparty"], first["Counterparty Account"]) == ("Muster AG", "80-2-2")
    assert first["Bank Ref"] == "PF-0001-A"  # the transaction's own reference
    assert stmt.lines.iloc[1]["Counterparty"] == "Lieferant GmbH"  # the payee it came from
    assert column(stmt, "Statement") == ["CHF-2026-11-05", "CHF-2026-11-05",
                                         "CHF-2026-11-05-B"]
    assert tie_outs(stmt) == [("CHF-2026-11-05", -120.0, 2530.0, True),
                              ("CHF-2026-11-05-B", 0.0, -40.0, True)]


CAMT_V08 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt>
<GrpHdr><MsgId>M8</MsgId><CreDtTm>2026-11-06T07:00:00+04:00</CreDtTm></GrpHdr>
<Stmt><Id>AE-AED-2026-310</Id>
<Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">10000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><DtTm>2026-11-05T00:00:00+04:00</DtTm></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>ITBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">45950.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><DtTm>2026-11-05T23:59:59+04:00</DtTm></Dt></Bal>
<Ntry><NtryRef>1</NtryRef>
<Amt Ccy="AED">36700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd>
<Sts><Cd>BOOK</Cd></Sts>
<BookgDt><DtTm>2026-11-05T01:30:00+04:00</DtTm></BookgDt>
<ValDt><Dt>2026-11-05</Dt></ValDt>
<AcctSvcrRef>FT2630912345</AcctSvcrRef>
<NtryDtls><TxDtls>
<Refs><EndToEndId>INV-2026-0450</EndToEndId>
<UETR>8a562c67-ca16-48ba-b074-65581be6f011</UETR></Refs>
<Amt Ccy="AED">36700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<AmtDtls><InstdAmt><Amt Ccy="USD">10000.00</Amt></InstdAmt>
<TxAmt><Amt Ccy="AED">36700.00</Amt></TxAmt></AmtDtls>
<Chrgs><TtlChrgsAndTaxAmt Ccy="AED">25.00</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="AED">25.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd></Rcrd></Chrgs>
<RltdPties><Dbtr><Pty><Nm>GULF STAR GENERAL TRADING LLC</Nm></Pty></Dbtr>
<DbtrAcct><Id><IBAN>SA0380000000608010167519</IBAN></Id></DbtrAcct>
<Cdtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Cdtr></RltdPties>
<RmtInf><Ustrd>PAYMENT OF INVOICE INV-2026-0450 AN</Ustrd><Ustrd>D INV-2026-0451</Ustrd>
</RmtInf>
</TxDtls></NtryDtls>
<AddtlNtryInf>INWARD SWIFT TRANSFER</AddtlNtryInf>
</Ntry>
<Ntry><Amt Ccy="AED">750.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-05</Dt></ValDt>
<AcctSvcrRef>RV2630900001</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<RltdPties><Dbtr><Pty><Nm>شركة النور للتجارة</Nm></Pty></Dbtr>
<DbtrAcct><Id><Othr><Id>0123456789</Id></Othr></Id></DbtrAcct></RltdPties>
<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>
<RmtInf><Ustrd>RETURN OF CHEQUE 004512</Ustrd></RmtInf>
</TxDtls></NtryDtls></Ntry>
</Stmt>
<Stmt><Id>AE-USD-2026-310</Id>
<Acct><Id><Othr><Id>1015001234567</Id></Othr></Id><Ccy>USD</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">200.00</Amt>
<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">4800.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Ntry><Amt Ccy="USD">5000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-06</Dt></ValDt>
<AcctSvcrRef>FT2630912399</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>ACME INC</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Strd><RfrdDocInf><Nb>INV-2026-0460</Nb></RfrdDocInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry>
</Stmt>
</BkToCstmrStmt>
</Document>
"""


def test_camt_v08_foreign_instructed_amount_charges_inside_and_a_returned_cheque(tmp_path):
    stmt = read_statement(write(tmp_path, "v08.xml", CAMT_V08))
    assert len(stmt.lines) == 3
    # the account's currency as booked (USD 10,000 instructed, charges already taken)
    assert column(stmt, "Amount") == [36700.0, -750.0, 5000.0]
    assert column(stmt, "Currency") == ["AED", "AED", "USD"]
    first = stmt.lines.iloc[0]
    assert first["Date"] == D("2026-11-05")
    # (the USD the payer instructed is kept in words, for the reviewer)
    assert first["Description"] == ("PAYMENT OF INVOICE INV-2026-0450 AND INV-2026-0451 "
                                    "INWARD SWIFT TRANSFER (paid USD 10,000.00)")
    assert first["Reference"] == "INV-2026-0450"
    assert first["Counterparty"] == "GULF STAR GENERAL TRADING LLC"  # the debtor, not us
    assert first["Counterparty Account"] == "SA0380000000608010167519"
    returned = stmt.lines.iloc[1]  # a returned cheque: money out, naming the drawer
    assert (returned["Counterparty"], returned["Counterparty Account"]) == (
        "شركة النور للتجارة", "0123456789")
    assert stmt.lines.iloc[2]["Reference"] == "INV-2026-0460"
    assert column(stmt, "Value Date") == [D("2026-11-05"), D("2026-11-05"), D("2026-11-06")]
    assert tie_outs(stmt) == [("AE-AED-2026-310", 10000.0, 45950.0, True),
                              ("AE-USD-2026-310", -200.0, 4800.0, True)]
    assert [b.account for b in stmt.balances] == ["AE070331234567890123456", "1015001234567"]
    assert not stmt.issues


CAMT_054 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">
<BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>N1</MsgId><CreDtTm>2026-11-05T10:00:00</CreDtTm></GrpHdr>
<Ntfctn><Id>NTF-1</Id>
<Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
<Ntry><Amt Ccy="CHF">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-05</Dt></ValDt>
<AcctSvcrRef>Q1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Muster AG</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp>
<Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="CHF">80.00</Amt><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>Q2</AcctSvcrRef></Ntry>
</Ntfctn>
</BkToCstmrDbtCdtNtfctn>
</Document>
"""


def test_camt054_notification_reads_as_lines_without_balances(tmp_path):
    stmt = read_statement(write(tmp_path, "n.xml", CAMT_054))
    assert column(stmt, "Amount") == [1250.0]
    assert column(stmt, "Counterparty") == ["Muster AG"]
    assert column(stmt, "Reference") == ["210000000003139471430009017"]
    assert column(stmt, "Currency") == ["CHF"]
    # a notification states no balances: nothing to tie out, nothing claimed
    assert tie_outs(stmt) == [("NTF-1", None, None, None)]
    # an entry that says neither credit nor debit is not given a sign by guess
    [issue] = stmt.issues
    assert (issue.cell, issue.column) == ("entry 2", "CdtDbtInd")
    assert "80.00 CHF" in issue.message and "left out" in issue.message


def test_camt_batch_of_foreign_payments_split_on_their_counter_values(tmp_path):
    def tx(instructed: str, counter: str, name: str, ref: str) -> str:
        return (f'<TxDtls><AmtDtls><InstdAmt><Amt Ccy="USD">{instructed}</Amt></InstdAmt>'
                f'<CntrValAmt><Amt Ccy="EUR">{counter}</Amt></CntrValAmt></AmtDtls>'
                f"<RltdPties><Dbtr><Nm>{name}</Nm></Dbtr></RltdPties><RmtInf><Strd>"
                f"<CdtrRefInf><Ref>{ref}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>")

    text = ('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.'
            '001.04"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>FX</Id>'
            "<Acct><Id><IBAN>DE44500400000123456700</IBAN></Id><Ccy>EUR</Ccy></Acct>"
            '<Ntry><Amt Ccy="EUR">1380.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
            "<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>FX1</AcctSvcrRef><NtryDtls>"
            + tx("1000.00", "920.00", "ACME INC", "RF18 5390 0754 7034")
            + tx("500.00", "460.00", "BETA LLC", "RF71 2348 231")
            + "</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>")
    stmt = read_statement(write(tmp_path, "fx.xml", text))
    assert column(stmt, "Amount") == [920.0, 460.0]  # in the account's currency, not USD
    assert column(stmt, "Currency") == ["EUR", "EUR"]
    assert column(stmt, "Counterparty") == ["ACME INC", "BETA LLC"]
    # a creditor reference printed in groups of four is one identifier
    assert column(stmt, "Reference") == ["RF18539007547034", "RF712348231"]
    assert not stmt.issues


@pytest.mark.parametrize("included", ["true", "false"])
def test_camt_single_payment_booked_net_of_its_charges(tmp_path, included):
    text = ('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.'
            '001.04"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>C</Id>'
            "<Acct><Id><IBAN>DE44500400000123456700</IBAN></Id><Ccy>EUR</Ccy></Acct>"
            '<Ntry><Amt Ccy="EUR">985.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
            "<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>C1</AcctSvcrRef><NtryDtls>"
            '<TxDtls><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
            '<Chrgs><Rcrd><Amt Ccy="EUR">15.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>'
            f"<ChrgInclInd>{included}</ChrgInclInd></Rcrd></Chrgs>"
            "<RltdPties><Dbtr><Nm>ACME INC</Nm></Dbtr></RltdPties>"
            "<RmtInf><Ustrd>INV-2026-0450</Ustrd></RmtInf></TxDtls>"
            "</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>")
    stmt = read_statement(write(tmp_path, "c.xml", text))
    if included == "true":  # the customer paid 1,000.00; the bank kept 15.00 of it
        assert column(stmt, "Amount") == [1000.0, -15.0]
        assert column(stmt, "Counterparty") == ["ACME INC", None]
        assert column(stmt, "Description") == ["INV-2026-0450",
                                               "Bank charges deducted from entry of 985.00 EUR"]
    else:  # charges not taken from this amount: the entry as booked
        assert column(stmt, "Amount") == [985.0]
    assert not stmt.issues


def test_camt_zip_of_daily_statements_reads_as_one_file(tmp_path):
    import zipfile

    path = tmp_path / "C53_2026-11.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2026-11-30_C53_DE44_EUR_331.xml", CAMT_V04)
        archive.writestr("2026-11-30_C53_DE44_EUR_330.xml", CAMT_V02)
        archive.writestr("again/2026-11-30_C53_DE44_EUR_330.xml", CAMT_V02)
    stmt = read_statement(path)
    # by file name; the statement fetched twice (again/: the same id, account, balances and
    # lines) is read once (it was read twice, its receipts counted twice), the copy's file
    # named as skipped
    assert stmt.source_format == "camt053" and len(stmt.lines) == 4 + 3
    assert [b.statement for b in stmt.balances] == [
        "STMT-EUR-330", "CHF-2026-11-05", "CHF-2026-11-05-B"]
    assert [b.ties_out for b in stmt.balances] == [True] * 3
    assert stmt.lines["Bank Line"].is_unique
    assert column(stmt, "Line No") == list(range(1, 8))
    [note] = stmt.issues
    assert (note.cell, note.value) == ("statement STMT-EUR-330", 4)
    assert note.message.endswith(
        "the archive holds it twice; C53_2026-11.zip/again/2026-11-30_C53_DE44_EUR_330.xml "
        "was skipped so its receipts are not counted twice")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.xml", "<?xml version='1.0'?><note>nothing</note>")
    with pytest.raises(InputError, match=r"empty\.zip/readme\.xml: XML file without camt"):
        read_statement(empty)


def test_camt_reversal_written_as_1_and_amounts_without_ccy(tmp_path):
    text = (CAMT_V04.replace("<RvslInd>true</RvslInd>", "<RvslInd>1</RvslInd>")
            .replace('<Amt Ccy="CHF">40.00</Amt><CdtDbtInd>DBIT', "<Amt>40.00</Amt><CdtDbtInd>DBIT"))
    stmt = read_statement(write(tmp_path, "v04.xml", text))
    assert column(stmt, "Currency") == ["CHF"] * 3  # the account's (Acct/Ccy)
    # xs:boolean "1" is a reversal too: its counterparty is the payee named
    assert stmt.lines.iloc[1]["Counterparty"] == "Lieferant GmbH"
    assert [b.ties_out for b in stmt.balances] == [True, True]


def test_camt_that_is_not_well_formed_names_the_file_and_the_line(tmp_path):
    text = CAMT_V02.replace("</Ntry>\n<Ntry>", "</Ntry>\n<Ntry", 1)
    with pytest.raises(InputError, match=r"v02\.xml: .*line \d+, column \d+"):
        read_statement(write(tmp_path, "v02.xml", text))
    text = CAMT_V02.replace('<Amt Ccy="EUR">82.55</Amt>', '<Amt Ccy="EUR">82,55</Amt>')
    stmt = read_statement(write(tmp_path, "comma.xml", text))
    assert len(stmt.lines) == 3
    assert [(i.cell, i.column, i.value) for i in stmt.issues][0] == ("entry 2", "Amt", "82,55")
    assert stmt.balances[0].ties_out is False  # the line left out shows in the tie-out


# --- OFX / QFX ----------------------------------------------------------------------------

QFX = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>
<DTSERVER>20261106083000.000[-5:EST]<LANGUAGE>ENG<FI><ORG>B1<FID>10898</FI>
<INTU.BID>10898</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>USD
<BANKACCTFROM><BANKID>021000021<ACCTID>111222333<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261101000000.000[-5:EST]<DTEND>20261105235959.000[-5:EST]
<STMTTRN><TRNTYPE>DIRECTDEP<DTPOSTED>20261102000000.000[-5:EST]<TRNAMT>2500.00
<FITID>2026110201<NAME>ACME CORP ACH<MEMO>INV 5001
</STMTTRN>
<STMTTRN><TRNTYPE>CHECK<DTPOSTED>20261103<TRNAMT>-120.50<FITID>2026110301
<CHECKNUM>0001043<NAME>CHECK 1043</STMTTRN>
<STMTTRN><TRNTYPE>DEP<DTPOSTED>20261105223000.000[-5:EST]<TRNAMT>980.00<FITID>2026110501
<CHECKNUM>5521<MEMO>MOBILE DEPOSIT CHECK 5521 DELTA LLC</STMTTRN>
<STMTTRN><TRNTYPE>XFER<DTPOSTED>20261105<TRNAMT>-500<FITID>2026110502
<PAYEE><NAME>ZELLE TO SMITH<ADDR1>1 MAIN ST<CITY>NY<STATE>NY<POSTALCODE>10001</PAYEE>
<MEMO>RENT</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261105<DTUSER>20261104<DTAVAIL>20261107
<TRNAMT>75.25<FITID>2026110503<NAME>REFUND</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>12934.75<DTASOF>20261105235959.000[-5:EST]</LEDGERBAL>
<AVAILBAL><BALAMT>11859.50<DTASOF>20261105235959.000[-5:EST]</AVAILBAL>
</STMTRS></STMTTRNRS>
<STMTTRNRS><TRNUID>2<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>SAR
<BANKACCTFROM><BANKID>80<ACCTID>SA0380000000608010167519<ACCTTYPE>SAVINGS</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261101<DTEND>20261105
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261105230000.000[+3:AST]<TRNAMT>15000.00<FITID>SA1
<NAME>AL RAJHI TRANSFER<MEMO>MOHAMMED AL-HARBI INV-2026-77</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261105010000.000[+3:AST]<TRNAMT>7500.00<FITID>SA2
<NAME>SABIC<MEMO>INV-2026-78</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>22500.00<DTASOF>20261105</LEDGERBAL>
</STMTRS></STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
"""


def test_qfx_sgml_two_accounts_types_zones_payee_and_ledger_balance(tmp_path):
    stmt = read_statement(write(tmp_path, "export.qfx", QFX, "cp1252", "\r\n"))
    assert stmt.source_format == "ofx" and len(stmt.lines) == 7
    assert column(stmt, "Amount") == [2500.0, -120.5, 980.0, -500.0, 75.25, 15000.0, 7500.0]
    assert column(stmt, "Currency") == ["USD"] * 5 + ["SAR"] * 2
    # the local date as written: 22:30 EST and 23:00/01:00 AST are not moved to UTC
    assert column(stmt, "Date") == [D(d) for d in (
        "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-05", "2026-11-05", "2026-11-05",
        "2026-11-05")]
    assert column(stmt, "Value Date") == [None] * 4 + [D("2026-11-07"), None, None]
    # (a NAME of the bank's words alone, CHECK 1043 or REFUND, names no one: helper-174)
    assert column(stmt, "Counterparty") == ["ACME CORP ACH", None, None,
                                            "ZELLE TO SMITH", None, "AL RAJHI TRANSFER",
                                            "SABIC"]
    assert column(stmt, "Description") == ["INV 5001", "CHECK 1043",
                                           "MOBILE DEPOSIT CHECK 5521 DELTA LLC", "RENT",
                                           "REFUND", "MOHAMMED AL-HARBI INV-2026-77",
                                           "INV-2026-78"]
    assert column(stmt, "Reference") == [None, "0001043", "5521", None, None, None, None]
    assert column(stmt, "Bank Line") == ["2026110201", "2026110301", "2026110501",
                                         "2026110502", "2026110503", "SA1", "SA2"]
    assert column(stmt, "Statement") == ["111222333"] * 5 + ["SA0380000000608010167519"] * 2
    # LEDGERBAL (booked), not AVAILBAL; dated as written, not 6 Nov in UTC
    assert [(b.closing, b.closing_date) for b in stmt.balances] == [
        (12934.75, D("2026-11-05")), (22500.0, D("2026-11-05"))]
    assert [b.ties_out for b in stmt.balances] == [None, None]  # OFX states no opening
    assert not stmt.issues


OFX2 = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<DTSERVER>20261106</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>9</TRNUID>
<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<CCSTMTRS><CURDEF>AED</CURDEF><CCACCTFROM><ACCTID>4000123412341234</ACCTID></CCACCTFROM>
<BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261110120000.000[+4:GST]</DTPOSTED>
<TRNAMT>-365.00</TRNAMT><FITID>CC1</FITID><NAME>EMIRATES AIRLINE</NAME></STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>-365.00</BALAMT><DTASOF>20261130</DTASOF></LEDGERBAL>
</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID>
<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>AED</CURDEF>
<BANKACCTFROM><BANKID>033</BANKID><ACCTID>AE070331234567890123456</ACCTID>
<ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>
<STMTTRN><TRNTYPE>XFER</TRNTYPE><DTPOSTED>20261130200000.000[-8:PST]</DTPOSTED>
<TRNAMT>36700.00</TRNAMT><FITID>FT1</FITID><REFNUM>TT-88123</REFNUM>
<NAME>GULF STAR GENERAL TRADING</NAME><EXTDNAME>GULF STAR GENERAL TRADING LLC &amp; CO
</EXTDNAME><BANKACCTTO><BANKID>055</BANKID><ACCTID>SA0380000000608010167519</ACCTID>
<ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTTO>
<MEMO>INV-2026-0450 &amp; INV-2026-0451</MEMO></STMTTRN>
<STMTTRN><TRNTYPE>DEP</TRNTYPE><DTPOSTED>20261130</DTPOSTED><TRNAMT>1,250.50</TRNAMT>
<FITID>FT2</FITID><CURRENCY><CURRATE>3.6725</CURRATE><CURSYM>USD</CURSYM></CURRENCY><NAME>مؤسسة الريان</NAME><MEMO>فاتورة 2026-0452</MEMO></STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>37950.50</BALAMT><DTASOF>20261130235959[+4:GST]</DTASOF></LEDGERBAL>
<AVAILBAL><BALAMT>30000.00</BALAMT><DTASOF>20261130</DTASOF></AVAILBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""


def test_ofx2_xml_card_before_bank_account_each_with_its_own_lines(tmp_path):
    stmt = read_statement(write(tmp_path, "x.ofx", OFX2))
    assert len(stmt.lines) == 3
    by_statement = stmt.lines.groupby("Statement", sort=False)["Bank Line"].apply(list)
    assert by_statement.to_dict() == {"AE070331234567890123456": ["FT1", "FT2"],
                                      "4000123412341234": ["CC1"]}
    bank = stmt.lines[stmt.lines["Statement"] == "AE070331234567890123456"]
    assert bank["Amount"].tolist() == [36700.0, 1250.5]
    assert bank["Date"].tolist() == [D("2026-11-30"), D("2026-11-30")]  # 20:00 PST kept
    # EXTDNAME: the full name NAME cuts at 32 characters; BANKACCTTO: the other account
    assert bank["Counterparty"].tolist() == ["GULF STAR GENERAL TRADING LLC & CO",
                                             "مؤسسة الريان"]
    assert bank["Counterparty Account"].tolist() == ["SA0380000000608010167519", None]
    assert bank["Reference"].tolist() == ["TT-88123", None]  # REFNUM
    assert bank["Currency"].tolist() == ["AED", "USD"]  # its own CURRENCY: USD 1,250.50
    assert bank["Description"].tolist() == ["INV-2026-0450 & INV-2026-0451",
                                            "فاتورة 2026-0452"]
    card = stmt.lines[stmt.lines["Statement"] == "4000123412341234"].iloc[0]
    assert (card["Amount"], card["Date"], card["Currency"]) == (-365.0, D("2026-11-10"), "AED")
    closing = {b.statement: (b.closing, b.closing_date) for b in stmt.balances}
    assert closing == {"AE070331234567890123456": (37950.5, D("2026-11-30")),
                       "4000123412341234": (-365.0, D("2026-11-30"))}
    assert not stmt.issues


def test_ofx_unreadable_transaction_is_named_by_line_and_the_rest_kept(tmp_path):
    text = QFX.replace("<TRNAMT>-120.50", "<TRNAMT>-12O.50").replace("<FITID>SA2\n", "\n")
    stmt = read_statement(write(tmp_path, "bad.qfx", text))
    # no FITID: the money is still on the account, kept with its position as its Bank Line
    assert column(stmt, "Bank Line") == ["2026110201", "2026110501", "2026110502",
                                         "2026110503", "SA1", "6"]
    assert column(stmt, "Amount")[-1] == 7500.0
    assert column(stmt, "Date") == [D("2026-11-02")] + [D("2026-11-05")] * 5
    issues = [(i.cell, i.column, i.value) for i in stmt.issues]
    assert issues == [("line 23", "TRNAMT", "-12O.50")]
    assert "transaction 2026110301 has an amount '-12O.50' that is not a number" in (
        stmt.issues[0].message)
    assert "left out" in stmt.issues[0].message


def test_ofx_cut_short_is_flagged_and_keeps_what_it_read(tmp_path):
    text = QFX[:QFX.index("<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261105010000")]
    stmt = read_statement(write(tmp_path, "cut.ofx", text))
    assert column(stmt, "Bank Line")[-2:] == ["2026110503", "SA1"]
    assert stmt.balances[0].closing_date == D("2026-11-05")
    [issue] = stmt.issues
    assert issue.column == "OFX" and "cut short" in issue.message


def test_ofx_investment_statement_is_refused_with_a_clear_message(tmp_path):
    text = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS>"
            "<TRNUID>1<INVSTMTRS><DTASOF>20261130<CURDEF>USD<INVACCTFROM><BROKERID>b.com"
            "<ACCTID>999</INVACCTFROM><INVTRANLIST><DTSTART>20261101<DTEND>20261130"
            "</INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>")
    with pytest.raises(InputError, match=r"inv\.ofx: an OFX investment statement"):
        read_statement(write(tmp_path, "inv.ofx", text))


def test_ofx_sgml_that_never_closes_its_transactions_with_decimal_commas(tmp_path):
    text = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
            "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n"
            "<BANKMSGSRSV1><STMTTRNRS><TRNUID>0<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
            "<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>30004<BRANCHID>00001<ACCTID>00012345678"
            "<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20261101<DTEND>20261105\n"
            "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>+1250,50<FITID>FR1"
            "<NAME>VIR SEPA DUPONT SARL<MEMO>FACT 2026-118\n"
            "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261103<TRNAMT>-12,50<FITID>FR2"
            "<NAME>FRAIS TENUE DE COMPTE\n"
            "</BANKTRANLIST>\n<LEDGERBAL><BALAMT>3238,00<DTASOF>20261105</LEDGERBAL>\n"
            "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
    stmt = read_statement(write(tmp_path, "releve.ofx", text, "cp1252"))
    assert column(stmt, "Amount") == [1250.5, -12.5]
    assert column(stmt, "Description") == ["FACT 2026-118", "FRAIS TENUE DE COMPTE"]
    assert column(stmt, "Counterparty") == ["VIR SEPA DUPONT SARL", "FRAIS TENUE DE COMPTE"]
    assert column(stmt, "Bank Line") == ["FR1", "FR2"]
    assert stmt.balances[0].closing == 3238.0
    assert not stmt.issues


# --- property: any MT940 a bank could write in these dialects reads back exactly -----------

WORDS = ["PAYMENT", "INV-2026-0042", "RE 4711", "ACME", "TRADING", "LLC", "NOVEMBER", "1234",
         "AL-QAHTANI", "MUELLER", "شركة", "النيل", "FACTUUR", "2026-118"]
MARKS = {"C": 1, "D": -1, "RC": -1, "RD": 1}  # a reversed credit is money out


@st.composite
def mt940_files(draw):
    statements = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        opening = draw(st.integers(-10**8, 10**8))
        lines = []
        for _ in range(draw(st.integers(0, 6))):
            value = date(2026, 12, 20) + timedelta(days=draw(st.integers(0, 14)))
            lines.append({
                "mark": draw(st.sampled_from(list(MARKS))),
                "cents": draw(st.integers(1, 10**9)),
                "value": value,
                "entry": value + timedelta(days=draw(st.integers(0, 3))),
                "text": " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1,
                                               max_size=20))),
                "name": draw(st.sampled_from(["ACME LLC", "MUELLER GMBH", "شركة النيل"])),
                "dialect": draw(st.sampled_from(["free", "gvc", "dutch"])),
            })
        statements.append((f"{number}/1", opening, lines))
    header = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return statements, header, newline


def swift_amount(cents: int) -> str:
    return f"{cents // 100}," + ("" if cents % 100 == 0 else f"{cents % 100:02d}")


def write_mt940(statements, header: bool) -> str:
    out = []
    for number, opening, lines in statements:
        if header:
            out.append("{1:F01TESTBANKAXXX0000000000}{2:I940TESTBANKXXXXN}{4:")
        mark = "C" if opening >= 0 else "D"
        out += [":20:STMT" + number.replace("/", ""), ":25:AE070260001015001234567",
                f":28C:{number}", f":60F:{mark}261219AED{swift_amount(abs(opening))}"]
        closing = opening
        for k, line in enumerate(lines):
            closing += MARKS[line["mark"]] * line["cents"]
            out.append(f":61:{line['value']:%y%m%d}{line['entry']:%m%d}{line['mark']}"
                       f"{swift_amount(line['cents'])}NTRFNONREF//B{number[0]}-{k}")
            purpose = line["text"]
            if line["dialect"] == "gvc":
                subfields = "".join(f"?2{i}{purpose[i * 27:(i + 1) * 27]}"
                                    for i in range(-(-len(purpose) // 27)))
                out.append(field86(f"166?00GUTSCHRIFT{subfields}?32{line['name']}"))
            elif line["dialect"] == "dutch":
                out.append(field86(f"/NAME/{line['name']}/REMI/{purpose}/"))
            else:
                out.append(field86(purpose))
        mark = "C" if closing >= 0 else "D"
        out.append(f":62F:{mark}270106AED{swift_amount(abs(closing))}")
        out.append("-}" if header else "-")
    return "\n".join(out) + "\n"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mt940_files())
def test_mt940_any_statement_reads_back_exactly(tmp_path, sample):
    statements, header, newline = sample
    stmt = read_statement(write(tmp_path, "p.sta", write_mt940(statements, header),
                                newline=newline))
    lines = [line for _, _, ls in statements for line in ls]
    assert len(stmt.lines) == len(lines)
    assert column(stmt, "Amount") == [MARKS[x["mark"]] * x["cents"] / 100 for x in lines]
    assert column(stmt, "Value Date") == [D(x["value"]) for x in lines]
    assert column(stmt, "Date") == [D(x["entry"]) for x in lines]
    assert column(stmt, "Currency") == ["AED"] * len(lines)
    for x, (_, got) in zip(lines, stmt.lines.iterrows(), strict=True):
        text = " ".join(x["text"].split())
        expected = {"gvc": f"{text} (GUTSCHRIFT)", "dutch": text, "free": text}
        # a debit of ours reversed (RD) says so: money in that no customer paid
        said = " Reversal of a payment out (RD)" if x["mark"] == "RD" else ""
        assert got["Description"] == expected[x["dialect"]] + said
        assert got["Counterparty"] == (None if x["dialect"] == "free" else x["name"])
    assert [(b.statement, b.ties_out) for b in stmt.balances] == [
        (number, True) for number, _, _ in statements]
    assert not stmt.issues


@st.composite
def camt_files(draw):
    version = draw(st.sampled_from(["02", "04", "08"]))
    entries = []
    for _ in range(draw(st.integers(1, 6))):
        names = st.sampled_from(["ACME LLC", "شركة النيل"])
        txs = [(draw(st.integers(1000, 10**8)), draw(names))  # more than the charges
               for _ in range(draw(st.integers(1, 4)))]
        entries.append({
            "direction": draw(st.sampled_from(["CRDT", "DBIT"])),
            "txs": txs,
            "charges": draw(st.sampled_from([0, 0, 1500])) if len(txs) > 1 else 0,
            "day": draw(st.integers(1, 28)),
            "hour": draw(st.integers(0, 23)),
            "offset": draw(st.sampled_from(["+04:00", "-05:00", "+00:00", "Z", ""])),
        })
    return version, draw(st.integers(-10**8, 10**8)), entries


def write_camt(version: str, opening: int, entries: list[dict]) -> tuple[str, int]:
    def money(cents: int) -> str:
        return f"{cents // 100}.{cents % 100:02d}"

    def party(name: str) -> str:
        return f"<Pty><Nm>{name}</Nm></Pty>" if version == "08" else f"<Nm>{name}</Nm>"

    body, closing = [], opening
    for k, e in enumerate(entries):
        gross = sum(c for c, _ in e["txs"])
        booked = gross - e["charges"] if e["direction"] == "CRDT" else gross + e["charges"]
        closing += booked if e["direction"] == "CRDT" else -booked
        role = "Dbtr" if e["direction"] == "CRDT" else "Cdtr"
        amount = "Amt" if version != "02" else "AmtDtls><TxAmt><Amt"
        amount_end = "Amt" if version != "02" else "Amt></TxAmt></AmtDtls"
        txs = "".join(
            f"<TxDtls><Refs><EndToEndId>E{k}-{j}</EndToEndId></Refs>"
            f"<{amount} Ccy=\"AED\">{money(c)}</{amount_end}>"
            f"<RltdPties><{role}>{party(name)}</{role}></RltdPties>"
            f"<RmtInf><Ustrd>INV-{k}-{j}</Ustrd></RmtInf></TxDtls>"
            for j, (c, name) in enumerate(e["txs"]))
        charges = (f"<Chrgs><Amt Ccy=\"AED\">{money(e['charges'])}</Amt></Chrgs>"
                   if e["charges"] else "")
        stamp = f"2026-11-{e['day']:02d}T{e['hour']:02d}:30:00{e['offset']}"
        body.append(
            f"<Ntry><Amt Ccy=\"AED\">{money(booked)}</Amt><CdtDbtInd>{e['direction']}"
            f"</CdtDbtInd><Sts>BOOK</Sts><BookgDt><DtTm>{stamp}</DtTm></BookgDt>"
            f"<ValDt><Dt>2026-11-{e['day']:02d}</Dt></ValDt><AcctSvcrRef>R{k}</AcctSvcrRef>"
            f"{charges}<NtryDtls>{txs}</NtryDtls></Ntry>")

    def balance(code: str, cents: int) -> str:
        sign = "CRDT" if cents >= 0 else "DBIT"
        return (f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"AED\">"
                f"{money(abs(cents))}</Amt><CdtDbtInd>{sign}</CdtDbtInd>"
                "<Dt><Dt>2026-11-30</Dt></Dt></Bal>")

    text = (f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:'
            f'tech:xsd:camt.053.001.{version}"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId>'
            f"</GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>AE070331234567890123456</IBAN></Id>"
            f"</Acct>{balance('OPBD', opening)}{balance('CLBD', closing)}{''.join(body)}"
            "</Stmt></BkToCstmrStmt></Document>")
    return text, closing


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(camt_files())
def test_camt_any_statement_reads_back_exactly(tmp_path, sample):
    version, opening, entries = sample
    text, closing = write_camt(version, opening, entries)
    stmt = read_statement(write(tmp_path, "p.xml", text))
    expected = []
    for k, e in enumerate(entries):
        sign = 1 if e["direction"] == "CRDT" else -1
        day = D(f"2026-11-{e['day']:02d}")  # the local date, whatever the offset
        expected += [(sign * c / 100, day, f"INV-{k}-{j}", name, f"E{k}-{j}")
                     for j, (c, name) in enumerate(e["txs"])]
        if e["charges"]:
            expected.append((-e["charges"] / 100, day, None, None, None))
    got = list(zip(column(stmt, "Amount"), column(stmt, "Date"),
                   [None if d and d.startswith("Bank charges") else d
                    for d in column(stmt, "Description")],
                   column(stmt, "Counterparty"),
                   column(stmt, "Reference"), strict=True))
    assert got == expected
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.ties_out) == (opening / 100, closing / 100, True)
    assert not stmt.issues


@st.composite
def ofx_files(draw):
    accounts = []
    for number in range(draw(st.integers(1, 3))):
        transactions = [{
            "cents": draw(st.integers(-10**8, 10**8).filter(bool)),
            "day": draw(st.integers(1, 28)),
            "time": draw(st.sampled_from(["", "000000", "235959.000", "120000"])),
            "zone": draw(st.sampled_from(["", "[-5:EST]", "[+3:AST]", "[+4:GST]", "[0:GMT]"])),
            "name": draw(st.sampled_from(["ACME LLC", "MÜLLER GMBH", "مؤسسة الريان"])),
            "memo": draw(st.sampled_from([None, "INV-2026-0450", "فاتورة 77"])),
        } for _ in range(draw(st.integers(0, 5)))]
        accounts.append((f"ACCT{number}", draw(st.sampled_from(["USD", "SAR", "AED"])),
                         transactions))
    return accounts, draw(st.booleans())


def write_ofx(accounts, xml: bool) -> str:
    def leaf(tag: str, value: str) -> str:
        return f"<{tag}>{value}</{tag}>" if xml else f"<{tag}>{value}\n"

    statements = []
    for acct, currency, transactions in accounts:
        rows = "".join(
            "<STMTTRN>" + leaf("TRNTYPE", "CREDIT" if t["cents"] > 0 else "DEBIT")
            + leaf("DTPOSTED", f"202611{t['day']:02d}{t['time']}{t['zone']}")
            + leaf("TRNAMT", f"{t['cents'] / 100:.2f}") + leaf("FITID", f"{acct}-{k}")
            + leaf("NAME", t["name"]) + (leaf("MEMO", t["memo"]) if t["memo"] else "")
            + "</STMTTRN>\n" for k, t in enumerate(transactions))
        statements.append(
            "<STMTTRNRS>" + leaf("TRNUID", "1") + "<STMTRS>" + leaf("CURDEF", currency)
            + "<BANKACCTFROM>" + leaf("BANKID", "1") + leaf("ACCTID", acct)
            + leaf("ACCTTYPE", "CHECKING") + "</BANKACCTFROM>\n<BANKTRANLIST>"
            + leaf("DTSTART", "20261101") + leaf("DTEND", "20261130") + rows
            + "</BANKTRANLIST><LEDGERBAL>" + leaf("BALAMT", "100.00")
            + leaf("DTASOF", "20261130235959[-5:EST]") + "</LEDGERBAL></STMTRS></STMTTRNRS>\n")
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<?OFX OFXHEADER="200" VERSION="211" '
            'SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n' if xml else
            "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:UTF-8\n"
            "CHARSET:NONE\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n")
    return head + "<OFX><BANKMSGSRSV1>" + "".join(statements) + "</BANKMSGSRSV1></OFX>\n"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ofx_files())
def test_ofx_any_statement_reads_back_with_its_local_dates(tmp_path, sample):
    accounts, xml = sample
    stmt = read_statement(write(tmp_path, "p.ofx", write_ofx(accounts, xml)))
    expected = [(t["cents"] / 100, D(f"2026-11-{t['day']:02d}"), currency, t["name"],
                 t["memo"] or t["name"], f"{acct}-{k}", acct)
                for acct, currency, transactions in accounts
                for k, t in enumerate(transactions)]
    got = list(zip(*(column(stmt, c) for c in ("Amount", "Date", "Currency", "Counterparty",
                                               "Description", "Bank Line", "Statement")),
                   strict=True))
    assert got == expected
    assert [(b.statement, b.closing, b.closing_date) for b in stmt.balances] == [
        (acct, 100.0, D("2026-11-30")) for acct, _, _ in accounts]
    assert not stmt.issues


def test_damaged_dates_encodings_and_entities_are_named_not_tracebacks(tmp_path):
    stmt = read_statement(write(tmp_path, "y.xml", CAMT_V04.replace(
        "<DtTm>2026-11-05T23:45:00-05:00</DtTm>", "<DtTm>202-11-05T23:45:00-05:00</DtTm>")))
    assert column(stmt, "Date")[0] == D("2026-11-05")  # its value date, with an issue
    assert [(i.cell, i.column) for i in stmt.issues] == [("entry 1", "BookgDt")]
    with pytest.raises(InputError, match=r"z\.xml: not a readable camt XML file \(unknown "
                                         r"encoding"):
        read_statement(write(tmp_path, "z.xml", CAMT_V04.replace('encoding="UTF-8"',
                                                                  'encoding="ZTF-8"')))
    entity = CAMT_054.replace("<Document", '<!DOCTYPE Document [<!ENTITY x "y">]>\n<Document')
    with pytest.raises(InputError, match=r"e\.xml: .*entities or a DTD"):
        read_statement(write(tmp_path, "e.xml", entity))
    text = QFX.replace("<DTPOSTED>20261103<", "<DTPOSTED>20261343<").replace(
        "<DTPOSTED>20261105<DTUSER>", "<DTPOSTED>23261105<DTUSER>")
    stmt = read_statement(write(tmp_path, "d.qfx", text))
    assert column(stmt, "Bank Line") == ["2026110201", "2026110501", "2026110502", "SA1", "SA2"]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("line 23", "DTPOSTED", "20261343"), ("line 30", "DTPOSTED", "23261105")]
    with pytest.raises(InputError, match=r"s\.qfx: an OFX file without an account or card"):
        read_statement(write(tmp_path, "s.qfx", QFX.replace("<STMTRS>", "<STMTR>")))


FILES = {"sparkasse.sta": SPARKASSE, "ing.sta": ING, "gulf.sta": GULF, "v02.xml": CAMT_V02,
         "v08.xml": CAMT_V08, "n.xml": CAMT_054, "q.qfx": QFX, "o.ofx": OFX2}


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(FILES)), st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 30),
              st.sampled_from(list(":<>/?-,.0123456789CDRZ \n{}") + ["", "\x00", "ش"])),
    min_size=1, max_size=4))
def test_any_damage_to_a_file_gives_lines_or_a_clear_error(tmp_path, name, damage):
    chars = list(FILES[name])
    for where, length, char in damage:
        at = int(where * len(chars))
        chars[at:at + length % 3] = [char]  # replace, insert or cut
    path = write(tmp_path, name, "".join(chars))
    try:
        stmt = read_statement(path)
    except InputError as exc:
        assert str(exc).startswith(name)  # the message names the file
    else:
        assert stmt.lines["Amount"].notna().all() and stmt.lines["Date"].notna().all()
