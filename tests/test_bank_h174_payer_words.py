"""Payers in the bank's words and on whose behalf (helper-174).

* camt.053 of a Gulf bank naming the payer only in its words (``AddtlNtryInf`` "INWARD TT
  FROM X", ``AddtlTxInf`` "REMITTER: X / UAEFTS"), no ``RltdPties``: no Counterparty.
* "ON BEHALF OF <ultimate debtor>" by one rule in camt, MT940 /ULTD/ and the GVC's ABWA+.
* ING's "/NAME/X/.../ULTD//NAME/Y/" was one counterparty "X/Y".
"""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>
<Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">8450.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">5250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-03</Dt></BookgDt><ValDt><Dt>2026-11-03</Dt></ValDt>
<AcctSvcrRef>FT26307A</AcctSvcrRef>
<AddtlNtryInf>INWARD TT FROM GULF STAR TRADING LLC INV 2026-114</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="AED">2400.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-04</Dt></BookgDt><AcctSvcrRef>FT26308B</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<RmtInf><Ustrd>INV 2026-120</Ustrd></RmtInf>
<AddtlTxInf>REMITTER: NILE FOODS CO / UAEFTS</AddtlTxInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">200.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>FT26309C</AcctSvcrRef>
<AddtlNtryInf>OUTWARD TT TO DESERT LOGISTICS FZE</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="AED">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-06</Dt></BookgDt><AcctSvcrRef>FT26310D</AcctSvcrRef>
<AddtlNtryInf>BATCH CREDIT FROM PEARL GROUP HOLDING</AddtlNtryInf>
<NtryDtls><TxDtls><Amt Ccy="AED">600.00</Amt><RmtInf><Ustrd>INV 2026-121</Ustrd></RmtInf>
</TxDtls><TxDtls><Amt Ccy="AED">400.00</Amt><RmtInf><Ustrd>INV 2026-122</Ustrd></RmtInf>
</TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_payer_named_only_in_the_additional_information(tmp_path: Path) -> None:
    path = tmp_path / "camt.xml"
    path.write_text(CAMT.replace(">8450.00<", ">9450.00<"), encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [5250.0, 2400.0, -200.0, 600.0, 400.0]
    # a debit's TO is its beneficiary, and an entry of several transactions names no one
    # payer of each
    assert lines["Counterparty"].tolist() == ["GULF STAR TRADING LLC", "NILE FOODS CO", None,
                                              None, None]
    assert lines["Description"].tolist()[:2] == [
        "INWARD TT FROM GULF STAR TRADING LLC INV 2026-114",
        "INV 2026-120 REMITTER: NILE FOODS CO / UAEFTS"]
    assert st.balances[0].difference == 0.0


# "ON BEHALF OF <ultimate debtor>" by one rule in every format (narrative.on_behalf_of): not
# where the ultimate debtor is the counterparty itself, or a part of its name at word bounds
# (camt and MT940 compared whole names, the GVC's ABWA+ parts), nor where the narrative already
# says it (camt left it out wherever the name appeared in the narrative at all).

def _camt_credit(tmp_path: Path, debtor: str, ultimate: str, words: str) -> dict:
    entry = (
        '<Ntry><Amt Ccy="AED">500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
        "<BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls>"
        f"<RltdPties><Dbtr><Nm>{debtor}</Nm></Dbtr><UltmtDbtr><Nm>{ultimate}</Nm></UltmtDbtr>"
        f"</RltdPties><RmtInf><Ustrd>{words}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>")
    text = CAMT.split("<Ntry>")[0] + entry + "</Stmt></BkToCstmrStmt></Document>"
    path = tmp_path / "ob.xml"
    path.write_text(text, encoding="utf-8")
    return read_statement(path).lines.iloc[0].to_dict()


def test_camt_on_behalf_by_the_one_rule(tmp_path: Path) -> None:
    # a branch paying under the name of its company: the same party, nothing said
    line = _camt_credit(tmp_path, "PEARL ELECTROMECHANICAL LLC - ABU DHABI",
                        "PEARL ELECTROMECHANICAL LLC", "INV 2026-55")
    assert (line["Counterparty"], line["Description"]) == (
        "PEARL ELECTROMECHANICAL LLC - ABU DHABI", "INV 2026-55")
    # the holding paid; its words name the subsidiary, which is said as the one paid for
    line = _camt_credit(tmp_path, "ARKAN GROUP HOLDING", "ARKAN BUILDING MATERIALS LLC",
                        "PAYMENT FOR ARKAN BUILDING MATERIALS LLC INV 55")
    assert line["Description"] == ("PAYMENT FOR ARKAN BUILDING MATERIALS LLC INV 55 "
                                   "ON BEHALF OF ARKAN BUILDING MATERIALS LLC")
    # said already by the payer: not twice
    line = _camt_credit(tmp_path, "ARKAN GROUP HOLDING", "ARKAN  BUILDING MATERIALS LLC",
                        "INV 55 ON BEHALF OF ARKAN BUILDING MATERIALS LLC")
    assert line["Description"] == "INV 55 ON BEHALF OF ARKAN BUILDING MATERIALS LLC"


def test_mt940_named_payer_and_ultimate_debtor_are_two_names(tmp_path: Path) -> None:
    """ING's '/NAME/X/.../ULTD//NAME/Y/' was one counterparty 'X/Y'."""
    text = "\n".join([
        ":20:S1", ":25:NL91ABNA0417164300", ":28C:1/1", ":60F:C261101EUR0,00",
        ":61:2611021102C500,00NTRFNONREF//B1",
        ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/ARKAN LLC DUBAI"
        " BRANCH/REMI/INV 55/ULTD//NAME/ARKAN LLC/",
        ":61:2611031103C300,00NTRFNONREF//B2",
        ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/ARKAN GROUP"
        " HOLDING/REMI/INV 56/ULTD//NAME/ARKAN BUILDING MATERIALS LLC/",
        ":62F:C261103EUR800,00", ""])
    path = tmp_path / "ing.sta"
    path.write_text(text, encoding="ascii")
    lines = read_statement(path).lines
    assert lines["Counterparty"].tolist() == ["ARKAN LLC DUBAI BRANCH", "ARKAN GROUP HOLDING"]
    assert lines["Description"].tolist() == [
        "INV 55 (SEPA OVERBOEKING)",
        "INV 56 (SEPA OVERBOEKING) ON BEHALF OF ARKAN BUILDING MATERIALS LLC"]


def test_on_behalf_of_rule() -> None:
    from ar_excel.bank.narrative import on_behalf_of

    assert on_behalf_of("SUN  TRADING", "DESERT GROUP") == "ON BEHALF OF SUN TRADING"
    assert on_behalf_of("SUN TRADING", None) == "ON BEHALF OF SUN TRADING"
    assert on_behalf_of("sun trading", "SUN TRADING") is None
    assert on_behalf_of("SUN TRADING", "SUN TRADING LLC DUBAI") is None
    assert on_behalf_of("SUN TRAD", "SUN TRADING") == "ON BEHALF OF SUN TRAD"  # not a word
    assert on_behalf_of("SUN TRADING", "X", "INV 1 on behalf of sun trading") is None
    assert on_behalf_of("", "X") is None
