"""Bank import: the intraday reports and notifications accountants are sent beside the day's
statement (layouts of real files: a German bank's MT942, Swedbank's camt.052, a Swiss bank's
camt.054 for QR-bill credits as in OCA's bank-statement-import tests; the figures are ours).

* MT942 (``:13D:`` time of the report, ``:34F:`` floor limits, no balances) reads as its lines,
  also when it has none yet; its ``:90D:``/``:90C:`` (number and sum of the debit and credit
  entries) are checked against the lines read, since there is no closing balance to tie out.
* camt.052 (``Rpt``): booked entries are lines, pending ones are left out with an issue; its
  interim booked balance (ITBD) is not taken as a closing balance; the file's entry summary
  (``TxsSummry``) is checked against the entries instead.
* camt.054 (``Ntfctn``): a batch credit is split into its payments, each with its own payer,
  account, bank (clearing member id), QR or RF reference and the entry's words.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.bank import detect_format, read_statement
from ar_excel.io.bank_messages_ar import arabic_bank_message

MT942 = (":20:DB-MT942-0001\r\n:25:50070010/0123456700\r\n:28C:00012/001\r\n"
         ":34F:EURD0,\r\n:34F:EURC0,\r\n:13D:2611231015+0100\r\n"
         ":61:2611231123CR1500,00NTRFINV-2041//0000000001\r\n"
         ":86:166?00SEPA-GUTSCHRIFT?109310?20EREF+INV-2041?21SVWZ+RECHNUNG 2041 UND 20\r\n"
         "42?30COBADEFFXXX?31DE44500105175407324931?32ACME HANDELS GMBH\r\n"
         ":61:2611231123DR250,00NMSCNONREF//0000000002\r\n"
         ":86:805?00ENTGELTABSCHLUSS?20KONTOFUEHRUNG NOV\r\n"
         ":61:2611231123CR0,NMSCNONREF//0000000003\r\n:86:999?00INFO ZINSSATZAENDERUNG\r\n"
         ":90D:1EUR250,00\r\n:90C:2EUR1500,00\r\n-\r\n")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_mt942_reads_as_lines_with_its_totals_agreeing(tmp_path):
    stmt = read_statement(write(tmp_path, "report.sta", MT942))
    lines = stmt.lines
    assert stmt.source_format == "mt940"
    assert lines["Amount"].tolist() == [1500.0, -250.0]
    assert lines["Date"].tolist() == [pd.Timestamp("2026-11-23")] * 2
    assert lines["Bank Line"].tolist() == ["0000000001", "0000000002"]
    assert lines.at[0, "Counterparty"] == "ACME HANDELS GMBH"
    assert lines.at[0, "Counterparty Account"] == "DE44500105175407324931"
    assert lines.at[0, "Counterparty Bank"] == "COBADEFFXXX"
    assert lines.at[0, "Transaction Code"] == "166"
    assert "RECHNUNG 2041 UND 2042" in lines.at[0, "Description"]  # joined across the wrap
    assert lines.at[0, "Reference"].split("; ")[0] == "INV-2041"
    # the zero :61: (a rate notice) is left out and said; the :90C: counts it as a credit
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [("line 12", ":61:", 1)]
    (bal,) = stmt.balances
    assert (bal.statement, bal.account, bal.currency) == ("00012/001", "50070010/0123456700",
                                                          "EUR")
    assert (bal.opening, bal.closing, bal.difference) == (None, None, None)
    assert (bal.credits, bal.debits, bal.lines) == (1500.0, 250.0, 2)


def test_mt942_totals_that_disagree_with_the_lines_are_said(tmp_path):
    text = MT942.replace(":90D:1EUR250,00", ":90D:2EUR1300,00")
    stmt = read_statement(write(tmp_path, "report.sta", text))
    assert stmt.lines["Amount"].tolist() == [1500.0, -250.0]  # nothing invented
    totals = [i for i in stmt.issues if i.column == ":90D:"]
    assert [(i.cell, i.value, i.message) for i in totals] == [(
        "statement 00012/001", "2 / 1,300.00",
        "statement 00012/001: the file counts 2 debits totalling 1,300.00 (:90D:), the lines "
        "read 1 totalling 250.00; lines may be missing from the file or misread")]
    assert arabic_bank_message(totals[0].message) == (
        "الكشف 00012/001: يذكر الملف أن عدد القيود المدينة 2 ومجموعها 1,300.00 (:90D:)، "
        "والمقروء منها 1 ومجموعه 250.00؛ ربما سقطت سطور من الملف أو قُرئت خطأ")
    # a :61: the reader had to leave out shows in the totals too
    # an amount with a letter O for a zero is refused (the package read "25O,00" as 25.00),
    # and the totals say what is missing
    text = MT942.replace(":61:2611231123DR250,00", ":61:2611231123DR25O,00")
    stmt = read_statement(write(tmp_path, "report.sta", text))
    assert stmt.lines["Amount"].tolist() == [1500.0]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("line 10", ":61:", "2611231123DR25O,00NMSCNONREF//0000000002"),
        ("statement 00012/001", ":90D:", "1 / 250.00"), ("line 12", ":61:", 1)]
    assert "the file counts 1 debit totalling 250.00 (:90D:), the lines read 0 totalling 0.00" in (
        stmt.issues[1].message)


def test_mt942_before_the_first_booking_of_the_day_is_an_empty_report(tmp_path):
    text = (":20:DB-MT942-0002\r\n:25:50070010/0123456700\r\n:28C:00013/001\r\n"
            ":34F:EURC0,\r\n:13D:2611230815+0100\r\n:90D:0EUR0,\r\n:90C:0EUR0,\r\n-\r\n")
    path = write(tmp_path, "empty.sta", text)
    assert detect_format(path.read_bytes()) == "mt940"  # not a CSV without a header row
    stmt = read_statement(path)
    assert len(stmt.lines) == 0
    assert stmt.issues == []


CAMT052 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt>
<GrpHdr><MsgId>2026112313110088760001</MsgId><CreDtTm>2026-11-23T15:37:46</CreDtTm></GrpHdr>
<Rpt><Id>1311008876-EUR-1</Id><CreDtTm>2026-11-23T15:37:46</CreDtTm>
<FrToDt><FrDtTm>2026-11-23T00:00:00</FrDtTm><ToDtTm>2026-11-23T15:37:46</ToDtTm></FrToDt>
<Acct><Id><IBAN>EE442200221092874625</IBAN></Id><Ccy>EUR</Ccy>
<Svcr><FinInstnId><BIC>HABAEE2X</BIC><Nm>Swedbank AS</Nm></FinInstnId></Svcr></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><CdtLine><Incl>false</Incl></CdtLine>
<Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-23</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>ITBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-23</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>ITAV</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">6250.50</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-23</Dt></Dt></Bal>
<TxsSummry><TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>250.50</Sum></TtlCdtNtries>
<TtlDbtNtries><NbOfNtries>0</NbOfNtries><Sum>0</Sum></TtlDbtNtries></TxsSummry>
<Ntry><NtryRef>2026112300654847-1</NtryRef><Amt Ccy="EUR">250.50</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt>
<ValDt><Dt>2026-11-23</Dt></ValDt><AcctSvcrRef>2026112300654847-1</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>
<Prtry><Cd>MK</Cd><Issr>Swedbank AS</Issr></Prtry></BkTxCd>
<NtryDtls><TxDtls><Refs><AcctSvcrRef>2026112300654847-1</AcctSvcrRef>
<EndToEndId>1277</EndToEndId></Refs>
<AmtDtls><InstdAmt><Amt Ccy="EUR">250.50</Amt></InstdAmt><TxAmt><Amt Ccy="EUR">250.50</Amt>
</TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Juri Tamm</Nm><Id><PrvtId><Othr><Id>39910273027</Id></Othr></PrvtId></Id>
</Dbtr><DbtrAcct><Id><IBAN>EE157700771001802057</IBAN></Id></DbtrAcct></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><BIC>LHVBEE22</BIC></FinInstnId></DbtrAgt></RltdAgts>
<RmtInf><Ustrd>Arve 2026-118</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts>
<ValDt><Dt>2026-11-24</Dt></ValDt><AddtlNtryInf>CARD 1234 RESERVATION</AddtlNtryInf></Ntry>
</Rpt></BkToCstmrAcctRpt></Document>
"""


def test_camt052_intraday_report_booked_entries_only_and_its_summary_checked(tmp_path):
    stmt = read_statement(write(tmp_path, "report.xml", CAMT052))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [250.5]
    assert (lines.at[0, "Counterparty"], lines.at[0, "Counterparty Account"],
            lines.at[0, "Counterparty Bank"]) == ("Juri Tamm", "EE157700771001802057",
                                                   "LHVBEE22")
    assert (lines.at[0, "Description"], lines.at[0, "Reference"]) == ("Arve 2026-118", "1277")
    assert lines.at[0, "Transaction Code"] == "PMNT-RCDT-ESCT"
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [("entry 2", "Sts", "PDNG")]
    (bal,) = stmt.balances
    # the interim booked balance (stated before this entry here) is not a closing balance
    assert (bal.opening, bal.closing, bal.difference, bal.credits) == (1000.0, None, None, 250.5)


def test_camt052_summary_that_counts_an_entry_the_file_lacks(tmp_path):
    text = CAMT052.replace("<NbOfNtries>1</NbOfNtries><Sum>250.50</Sum>",
                           "<NbOfNtries>2</NbOfNtries><Sum>300.50</Sum>")
    stmt = read_statement(write(tmp_path, "report.xml", text))
    summary = [i for i in stmt.issues if i.column == "TxsSummry"]
    assert [(i.cell, i.value, i.message) for i in summary] == [(
        "statement 1311008876-EUR-1", "2 / 300.50",
        "statement 1311008876-EUR-1: the file counts 2 credits totalling 300.50 (TtlCdtNtries), "
        "the entries read 1 totalling 250.50; entries may be missing from the file or misread")]
    assert arabic_bank_message(summary[0].message).startswith(
        "الكشف 1311008876-EUR-1: يذكر الملف أن عدد القيود الدائنة 2 ومجموعها 300.50")
    # a summary that counts the pending entry as well agrees too
    text = CAMT052.replace("<NbOfNtries>0</NbOfNtries><Sum>0</Sum>",
                           "<NbOfNtries>1</NbOfNtries><Sum>99.00</Sum>")
    stmt = read_statement(write(tmp_path, "report.xml", text))
    assert [i.column for i in stmt.issues] == ["Sts"]


CAMT054 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>20261126375204763458853</MsgId><CreDtTm>2026-11-26T23:40:40</CreDtTm>
<MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn></GrpHdr>
<Ntfctn><Id>20261126000000000000000</Id><CreDtTm>2026-11-26T23:40:40</CreDtTm>
<Acct><Id><IBAN>CH5604835012345678009</IBAN></Id><Ownr><Nm>Muster AG</Nm></Ownr></Acct>
<TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><Sum>1250.00</Sum></TtlNtries>
<TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>1250.00</Sum></TtlCdtNtries></TxsSummry>
<Ntry><NtryRef>CH0000000000000000000</NtryRef><Amt Ccy="CHF">1250.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-26</Dt></BookgDt><ValDt><Dt>2026-11-26</Dt></ValDt>
<AcctSvcrRef>98888208N8</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls><Refs><AcctSvcrRef>15180015077602405</AcctSvcrRef><InstrId>INSTR-1</InstrId>
<EndToEndId>ENDTOENDID-01</EndToEndId><Prtry><Tp>00</Tp><Ref>20261126000000000000001</Ref>
</Prtry></Refs><Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ATXN</SubFmlyCd></Fmly></Domn></BkTxCd>
<RltdPties><Dbtr><Nm>Beispiel GmbH</Nm><PstlAdr><AdrLine>Teststrasse 1</AdrLine></PstlAdr>
</Dbtr><DbtrAcct><Id><IBAN>CH9300762011623852957</IBAN></Id></DbtrAcct></RltdPties>
<RltdAgts><DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>09000</MmbId></ClrSysMmbId>
<Nm>PostFinance</Nm></FinInstnId></DbtrAgt></RltdAgts>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp>
<Ref>210000000003139471430009017</Ref></CdtrRefInf><AddtlRmtInf>Rechnung 2026-118</AddtlRmtInf>
</Strd></RmtInf></TxDtls>
<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="CHF">250.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Nm>Muster Peter</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
<Ref>RF18 5390 0754 7034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
</NtryDtls><AddtlNtryInf>Sammelgutschrift QR-Rechnung</AddtlNtryInf></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
"""


def test_camt054_batch_credit_of_qr_bills_is_each_payment_with_its_reference(tmp_path):
    stmt = read_statement(write(tmp_path, "notification.xml", CAMT054))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1000.0, 250.0]
    assert lines["Currency"].tolist() == ["CHF", "CHF"]
    assert lines["Reference"].tolist() == ["210000000003139471430009017; ENDTOENDID-01",
                                           "RF18539007547034"]
    assert lines["Counterparty"].tolist() == ["Beispiel GmbH", "Muster Peter"]
    assert lines["Counterparty Account"].tolist() == ["CH9300762011623852957", None]
    assert lines["Counterparty Bank"].tolist() == ["09000", None]
    assert lines["Description"].tolist() == [
        "Rechnung 2026-118 Sammelgutschrift QR-Rechnung", "Sammelgutschrift QR-Rechnung"]
    assert lines["Bank Line"].tolist() == ["15180015077602405", "98888208N8"]
    assert lines["Transaction Code"].tolist() == ["PMNT-RCDT-ATXN", "PMNT-RCDT-VCOM"]
    assert stmt.issues == []  # the summary counts entries: one of 1,250.00, as booked
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.credits) == (
        "CH5604835012345678009", None, None, 1250.0)


def test_camt054_summary_counting_the_batch_s_transactions_agrees_too(tmp_path):
    text = CAMT054.replace(
        "<TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>1250.00</Sum></TtlCdtNtries>",
        "<TtlCdtNtries><NbOfNtries>2</NbOfNtries><Sum>1250.00</Sum></TtlCdtNtries>")
    assert text != CAMT054
    stmt = read_statement(write(tmp_path, "notification.xml", text))
    assert stmt.lines["Amount"].tolist() == [1000.0, 250.0]
    assert stmt.issues == []
    # three would be one too many either way
    text = text.replace("<NbOfNtries>2</NbOfNtries><Sum>1250.00</Sum></TtlCdtNtries>",
                        "<NbOfNtries>3</NbOfNtries><Sum>1400.00</Sum></TtlCdtNtries>")
    stmt = read_statement(write(tmp_path, "notification.xml", text))
    assert [(i.column, i.value) for i in stmt.issues] == [("TxsSummry", "3 / 1,400.00")]
    assert "the entries read 1 totalling 1,250.00" in stmt.issues[0].message


def test_camt052_information_entry_is_not_said_to_come_later(tmp_path):
    text = CAMT052.replace("<Sts>PDNG</Sts>", "<Sts>INFO</Sts>")
    stmt = read_statement(write(tmp_path, "report.xml", text))
    assert stmt.lines["Amount"].tolist() == [250.5]
    assert [(i.cell, i.column, i.value, i.message) for i in stmt.issues] == [(
        "entry 2", "Sts", "INFO", "statement 1311008876-EUR-1: information entry (info) of "
        "99.00 EUR: not booked on the account; left out")]
    assert arabic_bank_message(stmt.issues[0].message) == (
        "الكشف 1311008876-EUR-1: حركة للعلم فقط (info) بمبلغ 99.00 EUR: لم تُقيَّد على الحساب؛ "
        "استُبعدت")
