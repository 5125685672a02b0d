"""Bank import: layouts of real files from banks not seen before (names, accounts and figures
ours; the layouts those of files users uploaded to public MT940 converters, and of ofxparse's
fixtures).

* Triodos MT940: ``/CNTP/iban/bic/name/city/`` with the city left empty, ``/EREF/`` and even the
  tag ``EREF`` broken by the 65-column wrap, ``/REMI/STRD//ref/`` (a structured payment
  reference without its issuer: a reference, not words), card payments with only ``/REMI/``.
* bunq MT940: three header lines before ``:20:``, ``:25:`` with the currency after the IBAN,
  ``:28:`` for ``:28C:``, ``:86:`` on one long line with ``/IBAN//NAME//REMI/`` (a name holding
  "en/of"), a foreign-currency line after it, amounts as ``1500,``, a value date in the next
  month (card payments settled later).
* OFX: a server's error answer instead of a statement says so; a ledger balance left blank is
  no closing balance.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.errors import InputError

TRIODOS = "\n".join([
    ":20:1763731400804", ":25:NL51TRIO0123456789", ":28C:1", ":60F:C261101EUR10000,00",
    ":61:261101D44,25NKN0NONREF",
    ":86:/REMI/USTD//Kosten van 01-08-2026 tot en met 31-10-2026/",
    ":61:261104D1000,00NET0NONREF",
    ":86:/CNTP/NL25ABNA0123456789/ABNANL2A/Van Dijk Holding///EREF/2026110",
    "4144645TRIONL2UXXXE000162949//REMI/USTD//Rc/",
    ":61:261119D5524,00NET0NONREF",
    ":86:/CNTP/NL86INGB0002445588/INGBNL2A/Belastingdienst Apeldoorn//",
    "/EREF/20261119121510TRIONL2UXXXE000066413//REMI/STRD//68654444464",
    "01120/",
    ":61:261121D579,00NBA0NONREF",
    ":86:/REMI/USTD//APPLE STORE R408 - AMSTERDAM - 20-11-2026 11:59 -",
    " PASNR.  1381 - CONTACTLOOS/",
    ":61:261122C25759,64NET0NONREF",
    ":86:/CNTP/NL30ABNA0123456781/ABNANL2A/DE ROOS ADV NOT COOP UA///E",
    "REF/2611210303877017//REMI/USTD//3038 20260002 20260001/",
    ":62F:C261130EUR28612,39", "-", ""])


def test_triodos_mt940_structured_reference_and_tags_broken_by_the_wrap(tmp_path):
    path = tmp_path / "triodos.sta"
    path.write_text(TRIODOS, encoding="ascii")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [-44.25, -1000.0, -5524.0, -579.0, 25759.64]
    assert lines["Counterparty"].tolist() == [None, "Van Dijk Holding", "Belastingdienst Apeldoorn",
                                              None, "DE ROOS ADV NOT COOP UA"]
    assert lines["Counterparty Account"].tolist() == [
        None, "NL25ABNA0123456789", "NL86INGB0002445588", None, "NL30ABNA0123456781"]
    assert lines["Counterparty Bank"].tolist() == [None, "ABNANL2A", "INGBNL2A", None, "ABNANL2A"]
    assert lines["Reference"].tolist() == [
        None, "20261104144645TRIONL2UXXXE000162949",
        "6865444446401120; 20261119121510TRIONL2UXXXE000066413", None, "2611210303877017"]
    assert lines["Description"].tolist() == [
        "Kosten van 01-08-2026 tot en met 31-10-2026", "Rc", "6865444446401120",
        "APPLE STORE R408 - AMSTERDAM - 20-11-2026 11:59 - PASNR. 1381 - CONTACTLOOS",
        "3038 20260002 20260001"]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.difference) == (
        "NL51TRIO0123456789", 10000.0, 28612.39, 0.0)


BUNQ = "\n".join([
    "BUNQNL2A", "940", "BUNQNL2A", ":20:49d6b7113b0afd23", ":25:NL23BUNQ0123456789 EUR",
    ":28:00002", ":60F:C261101EUR1000,00",
    ":61:2612011101D223,65NMSCNONREF",
    ":86:/NAME/GOOGLE*ADS3700125160/REMI/GOOGLE*ADS3700125160 CC GOOGLE.COM, IE", "",
    ":61:2611021102C3541,61NTRFNONREF",
    ":86:/IBAN/DK8789000000012345/NAME/Stripe Technology Europe Ltd/REMI/Shopify B4E9I5",
    ":61:2611031103C1500,NTRFNONREF",
    ":86:/IBAN/NL05INGB0001234567/NAME/Mw E J J Riphagen en/of Hr T J Opdam/REMI/INV-2041 "
    "\"\U0001F490 Boeket bloemen - 29-10-2026\" 73d80741-b466-4f6e-9843-d1a895ba428e",
    ":61:2612011105D17,64NMSCNONREF",
    ":86:/NAME/Shopify* 314638228/REMI/Shopify* 314638228 Dublin, IE",
    "17.98 USD, 1 USD = 0.98109 EUR",
    ":61:2611131113C150,NTRFNONREF",
    ":86:/IBAN/NL84ABNA0412345678/NAME/JJ TOULOUSE/REMI/",
    ":62F:C261130EUR5950,32", "-", ""])


def test_bunq_mt940_header_lines_long_narratives_and_a_later_value_date(tmp_path):
    path = tmp_path / "bunq.sta"
    path.write_bytes(BUNQ.encode("utf-8"))
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [-223.65, 3541.61, 1500.0, -17.64, 150.0]
    assert lines["Date"].tolist() == [pd.Timestamp(d) for d in (
        "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-13")]
    assert lines.at[0, "Value Date"] == pd.Timestamp("2026-12-01")  # settled the next month
    assert lines["Counterparty"].tolist() == [
        "GOOGLE*ADS3700125160", "Stripe Technology Europe Ltd",
        "Mw E J J Riphagen en/of Hr T J Opdam", "Shopify* 314638228", "JJ TOULOUSE"]
    assert lines["Counterparty Account"].tolist() == [
        None, "DK8789000000012345", "NL05INGB0001234567", None, "NL84ABNA0412345678"]
    assert lines.at[2, "Description"].startswith('INV-2041 "\U0001F490 Boeket bloemen')
    assert lines.at[3, "Description"] == ("Shopify* 314638228 Dublin, IE 17.98 USD, "
                                          "1 USD = 0.98109 EUR")
    assert lines.at[4, "Description"] is None  # "/REMI/" left empty: no words, not the tags
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.statement, bal.account, bal.currency) == ("00002", "NL23BUNQ0123456789", "EUR")
    assert (bal.opening, bal.closing, bal.difference) == (1000.0, 5950.32, 0.0)


OFX_ERROR = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY>
<MESSAGE>SUCCESS</MESSAGE></STATUS><DTSERVER>20261121052952.749[-7:PDT]</DTSERVER>
<LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>ab12</TRNUID><STATUS><CODE>2000</CODE>
<SEVERITY>ERROR</SEVERITY><MESSAGE>General Server Error</MESSAGE></STATUS></STMTTRNRS>
</BANKMSGSRSV1></OFX>
"""


def test_ofx_error_answer_of_the_bank_s_server_is_named(tmp_path):
    path = tmp_path / "download.qfx"
    path.write_text(OFX_ERROR, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_statement(path)
    assert str(caught.value) == (
        "download.qfx: the bank's server sent no statement but an error (2000 'General Server "
        "Error'): download the statement again, or export it from the bank's web portal")
    # without an error status it is still the plain "no statement" message
    path.write_text(OFX_ERROR.replace("<SEVERITY>ERROR", "<SEVERITY>WARN"), encoding="utf-8")
    with pytest.raises(InputError, match="an OFX file without an account or card statement"):
        read_statement(path)


def test_ofx_ledger_balance_left_blank_is_no_closing_balance(tmp_path):
    text = ("<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STMTRS><CURDEF>CAD\n"
            "<BANKACCTFROM><BANKID>123845030</BANKID><ACCTID>99999</ACCTID></BANKACCTFROM>\n"
            "<BANKTRANLIST><STMTTRN><TRNTYPE>OTHER</TRNTYPE><DTPOSTED>20261108020000</DTPOSTED>\n"
            "<TRNAMT>120</TRNAMT><FITID>2000957249</FITID><NAME>Foobar</NAME></STMTTRN>\n"
            "</BANKTRANLIST><LEDGERBAL><BALAMT> </BALAMT><DTASOF>20261114</DTASOF></LEDGERBAL>\n"
            "<AVAILBAL><BALAMT></BALAMT><DTASOF>20261114</DTASOF></AVAILBAL></STMTRS>\n"
            "</STMTTRNRS></BANKMSGSRSV1></OFX>\n")
    path = tmp_path / "s.ofx"
    path.write_text(text, encoding="ascii")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [120.0]
    assert stmt.lines["Currency"].tolist() == ["CAD"]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.closing, bal.difference) == (None, None)


CORE_BANKING = (
    "Transaction Date,Posting Date,Value Date,Branch,Transaction Code,Account Number,"
    "Reference No,Currency,Amount,Debit Credit,Description,User Reference,Opening Balance,"
    "Closing Balance\n"
    '"20261102 152750","20261102","20261102","9211","2327:FTD","003546494471    ",'
    '"20261102032751188342      ","784","12308.01","C","INWARD TRF ACME TRADING INV-2041   AE",'
    '"A785    9424      ","76660.97","88968.98"\n'
    '"20261103 101500","20261103","20261103","9211","1101:CHG","003546494471    ",'
    '"20261103000000000001      ","784","25.00","D","SERVICE CHARGES","","88968.98",'
    '"88943.98"\n')


def test_core_banking_export_numeric_currency_timestamps_and_balances_before_and_after(
        tmp_path):
    # a host-to-host export (the layout of an Indonesian bank's, in English): dates as
    # YYYYMMDD with the time, ISO 4217 numeric currency codes, a D/C column beside unsigned
    # amounts, each line's balance before and after it
    path = tmp_path / "h2h.csv"
    path.write_text(CORE_BANKING, encoding="ascii")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == [pd.Timestamp("2026-11-02"), pd.Timestamp("2026-11-03")]
    assert lines["Amount"].tolist() == [12308.01, -25.0]
    assert lines["Currency"].tolist() == ["AED", "AED"]
    assert lines["Balance"].tolist() == [88968.98, 88943.98]  # the balance after the line
    # the payer's 'User Reference' is the line's Reference, the bank's 'Reference No' its id
    assert lines["Reference"].tolist() == ["A785 9424", None]
    assert lines["Bank Ref"].tolist() == ["20261102032751188342", "20261103000000000001"]
    assert stmt.issues == []  # the balance after follows the amounts (the one before did not)
    (bal,) = stmt.balances
    assert (bal.currency, bal.opening, bal.closing, bal.difference) == (
        "AED", 76660.97, 88943.98, 0.0)


def test_the_account_s_opening_and_closing_balances_repeated_on_each_line_are_no_chain(
        tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Date,Description,Amount,Opening Balance,Closing Balance\n"
                    '02/11/2026,TRF ACME INV-2041,1500.00,"10,000.00","11,490.00"\n'
                    '03/11/2026,FEE,-10.00,"10,000.00","11,490.00"\n', encoding="utf-8")
    stmt = read_statement(path, day_first=True)
    assert stmt.lines["Amount"].tolist() == [1500.0, -10.0]
    assert stmt.lines["Balance"].isna().all()  # no line's balance: nothing checked against it
    assert [i.column for i in stmt.issues] == ["Date"]


def test_summary_block_above_the_table_gives_the_balances_to_tie_out(tmp_path):
    text = ("Account No,Currency,Opening Balance,Total Debits,Total Credits,Closing Balance\n"
            '0123456789,AED,"10,000.00","2,800.00","1,599.99","{closing}"\n\n'
            "Date,Description,Debit,Credit,Balance\n"
            '02/11/2026,TRF ACME TRADING INV-2041,,"1,500.00","11,500.00"\n'
            '15/11/2026,SALARY WPS,"2,800.00",,"8,700.00"\n'
            '30/11/2026,TRF GULF STAR INV 2042,,99.99,"8,799.99"\n')
    path = tmp_path / "enbd.csv"
    path.write_text(text.format(closing="8,799.99"), encoding="ascii")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -2800.0, 99.99]
    assert stmt.lines["Currency"].tolist() == ["AED"] * 3
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        "0123456789", 10000.0, 8799.99, 1599.99, 2800.0, 0.0)
    # a closing balance the lines do not reach is said
    path.write_text(text.format(closing="8,899.99"), encoding="ascii")
    stmt = read_statement(path)
    assert [(i.column, i.value) for i in stmt.issues] == [("Balance", -100.0)]


def test_balance_on_a_date_opens_above_the_lines_and_closes_below_them(tmp_path):
    # Moroccan bank's export (Latin-1, French): "SOLDE AU <date>" undated above the lines and
    # dated below them, the figure in the Credit column; it was read as a receipt of 17,945.50
    text = ("RELEVE DE COMPTE\nCompte : 007 780 0001234567890123 45\nDevise : MAD\n\n"
            "Date opération;Libellé;Date valeur;Débit;Crédit\n"
            ";SOLDE AU 31/10/2026;;;500,00\n"
            "03/11/2026;VIR RECU DE STE ATLAS NEGOCE FACT 2041;03/11/2026;;15 000,00\n"
            "05/11/2026;FRAIS TENUE DE COMPTE;05/11/2026;55,00;\n"
            "12/11/2026;REMISE CHEQUE 0012345 SOCIETE SAHARA;13/11/2026;;2 500,50\n"
            "30/11/2026;SOLDE CREDITEUR AU 30/11/2026;;;17 945,50\n")
    path = tmp_path / "releve.csv"
    path.write_bytes(text.encode("latin-1"))
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [15000.0, -55.0, 2500.5]
    assert stmt.lines["Currency"].tolist() == ["MAD"] * 3
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.closing_date, bal.difference) == (
        500.0, 17945.5, pd.Timestamp("2026-11-30"), 0.0)
    assert bal.account == "007780000123456789012345"  # "Compte : ..." (its RIB)
    # in English and in Arabic, the figure in the Balance column
    for first, last in (("Balance as at 01/11/2026", "BALANCE AS OF 30 Nov 2026"),
                        ("الرصيد في 01/11/2026", "الرصيد في 30/11/2026")):
        path = tmp_path / "s.csv"
        path.write_text("Date,Description,Debit,Credit,Balance\n"
                        f'01/11/2026,{first},,,"1,000.00"\n'
                        '02/11/2026,TRF ACME TRADING INV-2041,,"1,500.00","2,500.00"\n'
                        f',{last},,,"2,600.00"\n', encoding="utf-8")
        stmt = read_statement(path)
        assert stmt.lines["Amount"].tolist() == [1500.0]
        (bal,) = stmt.balances
        assert (bal.opening, bal.closing, bal.difference) == (1000.0, 2600.0, -100.0)
    # French banks' "Ancien solde" / "Nouveau solde" (the last was read as a receipt)
    path.write_bytes("Date;Libellé;Débit;Crédit\n;Ancien solde;;1 000,00\n"
                     "03/11/2026;VIR SEPA RECU /DE ACME SARL /MOTIF FACT 2041;;1 500,00\n"
                     "05/11/2026;PRLV SEPA EDF;120,00;\n;Nouveau solde;;2 380,00\n".encode())
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -120.0]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (1000.0, 2380.0, 0.0)
    # a payment whose narrative names a balance and a date stays a line
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    '02/11/2026,TRF ACME BALANCE AT 30/11/2026 INV 2041,,"1,500.00","2,500.00"\n'
                    '03/11/2026,FEE,"10.00",,"2,490.00"\n', encoding="utf-8")
    assert read_statement(path).lines["Amount"].tolist() == [1500.0, -10.0]


def test_monzo_export_amount_beside_the_local_amount_of_a_card_payment_abroad(tmp_path):
    path = tmp_path / "monzo.csv"
    path.write_text(
        "Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,"
        "Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,"
        "Money In\n"
        "tx_01,04/11/2026,02:02:01,Direct Debit,Hyperoptic,,Bills,-26.50,GBP,-26.50,GBP,"
        "HYP0006,,,HYP0006,,-26.50,\n"
        "tx_02,05/11/2026,10:15:44,Faster payment,ACME TRADING LTD,,Income,1500.00,GBP,"
        "1500.00,GBP,INV-2041,,,ACME TRADING LTD INV-2041,,,1500.00\n"
        "tx_03,06/11/2026,18:01:09,Card payment,Le Bistro,,Eating out,-35.20,GBP,-40.00,EUR,,"
        "12 Rue X Paris,,LE BISTRO PARIS FRA,,-35.20,\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [-26.5, 1500.0, -35.2]
    assert stmt.lines["Currency"].tolist() == ["GBP"] * 3
    assert stmt.lines["Bank Line"].tolist() == ["tx_01", "tx_02", "tx_03"]
    assert stmt.lines["Counterparty"].tolist() == ["Hyperoptic", "ACME TRADING LTD", "Le Bistro"]
    assert stmt.lines["Date"].tolist() == [pd.Timestamp(d) for d in (
        "2026-11-04", "2026-11-05", "2026-11-06")]
    assert stmt.issues == []  # "Local amount" is the payment's own currency: nothing to ask


ABN_CAMT = """<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>ABNANL/1420561226673</MsgId><CreDtTm>2026-11-06T16:20:26.673Z</CreDtTm></GrpHdr>
<Stmt><Id>1234Test/1</Id><LglSeqNb>2</LglSeqNb>
<Acct><Id><IBAN>NL77ABNA0123456789</IBAN></Id><Nm>Example company</Nm></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">15568.27</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">16259.53</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-05</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">714.05</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts>BOOK</Sts><BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-05</Dt></ValDt>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn>
<Prtry><Cd>EIST</Cd></Prtry></BkTxCd>
<NtryDtls><Btch><MsgId>2026/125</MsgId><NbOfTxs>3</NbOfTxs><TtlAmt Ccy="EUR">714.05</TtlAmt>
<CdtDbtInd>DBIT</CdtDbtInd></Btch>
<TxDtls><Refs><EndToEndId>INV-2041</EndToEndId><MndtId>NL22ZZZ5248854-C0125.1</MndtId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">564.05</Amt></TxAmt></AmtDtls>
<RltdPties><Cdtr><Nm>Van Dijk Retail BV</Nm></Cdtr>
<CdtrAcct><Id><IBAN>NL46ABNA0499998748</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>Direct Debit S14 0410</Ustrd></RmtInf><RtrInf><Rsn><Cd>AC06</Cd></Rsn>
<AddtlInf>REK.NUMMER BLOKKADE</AddtlInf></RtrInf>
</TxDtls>
<TxDtls><Refs><EndToEndId>INV-2042</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls>
<RltdPties><Cdtr><Nm>Bakker Foods</Nm></Cdtr></RltdPties>
<RmtInf><Ustrd>Direct Debit S14 0411</Ustrd></RmtInf><RtrInf><Rsn><Cd>XT99</Cd></Rsn></RtrInf>
</TxDtls>
<TxDtls><Refs><EndToEndId>INV-2043</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls>
<RltdPties><Cdtr><Nm>Jansen BV</Nm></Cdtr></RltdPties><RtrInf><Rsn><Cd>NARR</Cd></Rsn>
<AddtlInf>RETOUR BEGUENSTIGTER UNBEKANNT</AddtlInf></RtrInf>
</TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">1405.31</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-05</Dt></BookgDt>
<NtryDtls><TxDtls><Refs><EndToEndId>115</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">1405.31</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>3rd party Media</Nm></Dbtr>
<DbtrAcct><Id><IBAN>NL69ABNA0522123643</IBAN></Id></DbtrAcct></RltdPties>
<AddtlTxInf>#RD PARTY MEDIA CUSNO 90782 4210773</AddtlTxInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_abn_amro_camt_returned_direct_debits_say_why(tmp_path):
    # the layout of ABN AMRO's camt.053 in OCA's tests: a batch of direct debits returned
    # (DBIT, RvslInd), each transaction's amount only in AmtDtls/TxAmt, its reason in RtrInf
    path = tmp_path / "abn.xml"
    path.write_text(ABN_CAMT, encoding="utf-8")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [-564.05, -100.0, -50.0, 1405.31]
    assert lines["Reference"].tolist() == ["INV-2041", "INV-2042", "INV-2043", "115"]
    assert lines["Counterparty"].tolist() == ["Van Dijk Retail BV", "Bakker Foods",
                                              "Jansen BV", "3rd party Media"]
    assert lines["Description"].tolist() == [
        "Direct Debit S14 0410 Returned: AC06 account blocked (REK.NUMMER BLOKKADE)",
        "Direct Debit S14 0411 Returned: XT99",
        "Returned: RETOUR BEGUENSTIGTER UNBEKANNT",  # NARR: the reason is in the words
        "#RD PARTY MEDIA CUSNO 90782 4210773"]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (15568.27, 16259.53, 0.0)


PAGED = ("Date opération;Libellé;Débit;Crédit\n;SOLDE AU 31/10/2026;;500,00\n"
         "03/11/2026;VIR RECU ATLAS NEGOCE FACT 2041;;15 000,00\n"
         "05/11/2026;FRAIS TENUE DE COMPTE;55,00;\n;SOLDE AU 05/11/2026;;{page}\n"
         "Date opération;Libellé;Débit;Crédit\n;SOLDE AU 05/11/2026;;{page}\n"
         "12/11/2026;REMISE CHEQUE 0012345 SAHARA;;2 500,50\n"
         "30/11/2026;SOLDE CREDITEUR AU 30/11/2026;;17 945,50\n")


def test_balance_on_a_date_between_pages_is_checked_as_the_running_balance(tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text(PAGED.format(page="15 445,00"), encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [15000.0, -55.0, 2500.5]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (500.0, 17945.5, 0.0)
    path.write_text(PAGED.format(page="15 545,00"), encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [15000.0, -55.0, 2500.5]
    assert [(i.cell, i.value) for i in stmt.issues] == [("row 5", 15545.0)]  # said once
    assert "the running balance there is 15,445.00" in stmt.issues[0].message


def test_balance_on_a_date_of_a_newest_first_statement_closes_it_above_the_lines(tmp_path):
    path = tmp_path / "portal.csv"
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    '30/11/2026,Balance as at 30/11/2026,,,"2,490.00"\n'
                    '16/11/2026,FEE,10.00,,"2,490.00"\n'
                    '02/11/2026,TRF ACME TRADING INV-2041,,"1,500.00","2,500.00"\n'
                    '01/11/2026,Balance as at 01/11/2026,,,"1,000.00"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [-10.0, 1500.0]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.opening_date, bal.closing, bal.closing_date, bal.difference) == (
        1000.0, pd.Timestamp("2026-11-01"), 2490.0, pd.Timestamp("2026-11-30"), 0.0)


def test_one_line_between_balances_on_dates_newest_first_by_the_dates_they_name(tmp_path):
    # one line tells no order: the balances' own dates (in their words) do
    path = tmp_path / "releve.csv"
    path.write_text("Date;Description;Debit;Credit;Balance\n;SOLDE AU 30/11/2026;;1745,27;\n"
                    "02/11/2026;VIR EMIS LOYER NOVEMBRE;8151,70;;\n"
                    ";SOLDE AU 01/11/2026;;9896,97;\n", encoding="utf-8")
    stmt = read_statement(path, day_first=True)
    assert stmt.lines["Amount"].tolist() == [-8151.7]
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (9896.97, 1745.27, 0.0)
    assert [i.column for i in stmt.issues] == ["Date"]  # 02/11 read day first, as asked: said
