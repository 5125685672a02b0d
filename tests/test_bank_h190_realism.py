"""Statements in shapes real banks emit that the earlier samples did not have (helper-190's
realism round): each test a few lines of a statement as the bank writes it, every figure and
name of the lines read checked."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode("latin-1"))
    return path


def test_ing_batch_lines_take_no_tag_name_as_their_reference(tmp_path: Path) -> None:
    # ING (NL) writes in the :61: reference only which :86: tag holds the reference: PREF for
    # a batch (its payment information id), MARF for a mandate; "PREF" is no reference
    path = _write(tmp_path, "ing.sta", [
        "{1:F01INGBNL2ABXXX0000000000}", "{2:I940INGBNL2AXXXN}", "{4:",
        ":20:P261124000000001", ":25:NL69INGB0123456789EUR", ":28C:00000",
        ":60F:C261123EUR662,23",
        ":61:2611241124D1,57NTRFPREF//00000000001006", "/TRCD/00200/",
        ":86:/PREF/M000000003333333//REMI/USTD//TOTAAL 1 VZ/",
        ":61:2611241124C1,45NDDTPREF//00000000001008", "/TRCD/01000/",
        ":86:/PREF/M000000001111111//CSID/NL32ZZZ999999991234//REMI/USTD//TOTAAL       1 POSTEN/",
        ":61:2611241124C5,00NDDTMARF//00000000001009", "/TRCD/01000/",
        ":86:/MARF/MND-EV01//CSID/NL32ZZZ999999991234//REMI/USTD//CONTRIBUTIE NOV/",
        ":62F:C261124EUR667,11", "-}"])
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [-1.57, 1.45, 5.0]
    assert st.lines["Reference"].tolist() == ["M000000003333333", "M000000001111111", None]
    assert st.lines["Description"].tolist() == ["TOTAAL 1 VZ", "TOTAAL 1 POSTEN",
                                                "CONTRIBUTIE NOV"]
    assert st.lines["Bank Ref"].tolist() == ["00000000001006", "00000000001008",
                                             "00000000001009"]
    assert [b.difference for b in st.balances] == [0.0]


def test_an_iban_in_free_text_does_not_take_the_next_words_initial(tmp_path: Path) -> None:
    # BNG Bank's :86: of 32-column fields: "IBAN ACCEPTGIRO", the payer's IBAN, a space, then
    # the payer "P.Klaassen"; the IBAN's shape allows a space (grouped IBANs) and took the P
    path = _write(tmp_path, "bng.sta", [
        "0200 13BNGHNL20AXXX00000", "940 02", ":20:34948929", ":25:0285053876", ":28C:9/1",
        ":60F:D261031EUR20000,00",
        ":61:261112C1000,00NMSC095",
        ":86:IBAN ACCEPTGIRO                  NL09INGB0001236610 P.Klaassen       "
        "                REMI:1234567890123456",
        ":61:261112C250,00NMSC027",
        ":86:NL91ABNA0417164300 PKLAASSEN HANDEL",
        ":62F:D261112EUR18750,00", "-"])
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1000.0, 250.0]
    assert st.lines["Counterparty Account"].tolist() == ["NL09INGB0001236610",
                                                         "NL91ABNA0417164300"]
    assert [b.difference for b in st.balances] == [0.0]


def test_a_closing_balance_in_a_footer_marked_dr_is_overdrawn(tmp_path: Path) -> None:
    # a Gulf bank's CSV whose footer states the closing balance in words, "Dr" as the bank
    # writes it (not "DR"): the account is overdrawn by 3,500.00, as its last line's balance
    path = tmp_path / "od.csv"
    path.write_text("Statement of account AED\n"
                    "Date,Description,Debit,Credit,Balance\n"
                    '02/11/2026,CHEQUE DEPOSIT ACME,,"1,000.00","4,000.00 Dr"\n'
                    '13/11/2026,TRANSFER FROM BETA LLC,,"500.00","3,500.00 Dr"\n'
                    '"Closing balance as at 13/11/2026: 3,500.00 Dr"\n', encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1000.0, 500.0]
    assert st.lines["Balance"].tolist() == [-4000.0, -3500.0]
    assert [b.closing for b in st.balances] == [-3500.0]


def test_every_reader_of_marks_takes_the_same_words() -> None:
    from ar_excel.bank.marks import SIDES, WORDS
    from ar_excel.bank.numbers import parse_amount
    from ar_excel.bank.signs import balance_side, side_of_mark

    for mark, side in SIDES.items():
        assert parse_amount(f"1,234.50 {mark}") == side * 1234.5, mark
        assert balance_side(mark.upper()) == side, mark
        assert side_of_mark(mark) == side, mark
    for word in WORDS:
        assert parse_amount(f"{word} 250.00") == SIDES[word] * 250.0, word
    # a word and a figure glued, as some exports write them; a word, never its first letters
    assert [parse_amount(t) for t in ("250DB", "250CR", "100 Debit", "Credit 100")] == [
        -250.0, 250.0, -100.0, 100.0]


def test_a_closing_balance_below_the_lines_that_is_not_their_running_balance_is_said(
        tmp_path: Path) -> None:
    # no opening balance to tie out: the closing balance printed under the lines is 1,000.00
    # more than the running balance after the newest line (a deposit missing from the export)
    path = tmp_path / "cut.csv"
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    '02/11/2026,CHEQUE DEPOSIT ACME,,"1,000.00","4,000.00"\n'
                    '13/11/2026,TRANSFER FROM BETA LLC,,"500.00","4,500.00"\n'
                    'Closing balance,,,,"5,500.00"\n', encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1000.0, 500.0]
    assert [b.closing for b in st.balances] == [5500.0]
    [issue] = st.issues
    assert (issue.cell, issue.column, issue.value) == ("E4", "Balance", 5500.0)
    assert issue.message == (
        "the closing balance 5,500.00 is not the running balance after the newest line "
        "(4,500.00, row 3; difference 1,000.00): lines may be missing from the file, or the "
        "closing balance is of another day")
    # newest first, the closing balance the top line's: nothing to say
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    '13/11/2026,TRANSFER FROM BETA LLC,,"500.00","4,500.00"\n'
                    '02/11/2026,CHEQUE DEPOSIT ACME,,"1,000.00","4,000.00"\n'
                    'Closing balance,,,,"4,500.00"\n', encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, 1000.0]
    assert st.issues == []


_CAMT_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:'
              'xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>R</MsgId><CreDtTm>2026-11-24T'
              '05:00:00</CreDtTm></GrpHdr><Stmt><Id>R1</Id><Acct><Id><IBAN>DE8937040044053201'
              '3000</IBAN></Id><Ccy>EUR</Ccy></Acct>'
              '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">5000.00</Amt>'
              '<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-23</Dt></Dt></Bal>'
              '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">4700.00</Amt>'
              '<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-23</Dt></Dt></Bal>')


def _returned_debit(ref: str, amount: str, payer: str, payer_iban: str, our_iban: str,
                    reason: str) -> str:
    ours = f"<CdtrAcct><Id><IBAN>{our_iban}</IBAN></Id></CdtrAcct>" if our_iban else ""
    theirs = f"<DbtrAcct><Id><IBAN>{payer_iban}</IBAN></Id></DbtrAcct>" if payer_iban else ""
    return (f'<TxDtls><Refs><EndToEndId>{ref}</EndToEndId></Refs><Amt Ccy="EUR">{amount}</Amt>'
            f"<CdtDbtInd>DBIT</CdtDbtInd><RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr>{theirs}"
            f"<Cdtr><Nm>Muster GmbH</Nm></Cdtr>{ours}</RltdPties>"
            f"<RtrInf><Rsn><Cd>{reason}</Cd></Rsn></RtrInf></TxDtls>")


def test_a_batch_of_returned_direct_debits_names_each_payer_not_the_holder(tmp_path: Path
                                                                           ) -> None:
    # the bank repeats each collection's parties as they were (Dbtr the customer, Cdtr us);
    # our IBAN beside our name on the first return, our name alone on the second: that name
    # is ours there too, and the second return's party is its customer
    path = tmp_path / "returns.xml"
    path.write_text(
        _CAMT_HEAD + '<Ntry><Amt Ccy="EUR">300.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true'
        "</RvslInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt><ValDt><Dt>2026-11-20"
        "</Dt></ValDt><AcctSvcrRef>RET-B</AcctSvcrRef><NtryDtls><Btch><NbOfTxs>2</NbOfTxs>"
        "</Btch>"
        + _returned_debit("INV-100", "100.00", "Kunde A", "DE02120300000000202051",
                          "DE89370400440532013000", "MD06")
        + _returned_debit("INV-101", "200.00", "Kunde B", "", "", "AC04")
        + "</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [-100.0, -200.0]
    assert st.lines["Counterparty"].tolist() == ["Kunde A", "Kunde B"]
    assert st.lines["Counterparty Account"].tolist() == ["DE02120300000000202051", None]
    assert st.lines["Description"].tolist() == ["Returned: MD06 refund requested by debtor",
                                                "Returned: AC04 account closed"]
    assert st.lines["Reference"].tolist() == ["INV-100", "INV-101"]
    assert [b.difference for b in st.balances] == [0.0]


def test_ing_ibp_names_the_beneficiary_after_its_account_and_bank(tmp_path: Path) -> None:
    # ING's older structured MT940 (IBP): "/BENM/<account>/<BIC>/<name>/", wrapped at 65
    # columns inside the tags; the BIC is the party's bank, the name after it its name
    path = tmp_path / "ibp.sta"
    path.write_text("\n".join([
        "0000 01INGBNL2AXXXX00001", "940 00", ":20:ING", ":25:0654321789", ":28C:21",
        ":60F:C261127EUR26,10",
        ":61:261130D1,45N038MARF",
        ":86:/RTRN/MS03//BUSP/Europese Incasso/eenmalig//BENM/NL50INGB00012345",
        "67/INGBNL2A/ING Bank N.V. inzake WeB///CSID/NL32ZZZ999999991234//",
        "MARF/EV45451//EREF/EV45451REP170112T1106//REMI///EV45451REP170112",
        "T1106/",
        ":61:261130D2,56N036EREF",
        ":86:/BENM/NL38INGB0654321789/INGBNL2A/ING Bank NV inzake EBW PP///ERE",
        "F/EV1551551REP180112T1544//REMI///EV1551551REP180112T1544/",
        ":62F:C261130EUR22,09", "-XXX"]), encoding="latin-1")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [-1.45, -2.56]
    assert st.lines["Counterparty"].tolist() == ["ING Bank N.V. inzake WeB",
                                                 "ING Bank NV inzake EBW PP"]
    assert st.lines["Counterparty Account"].tolist() == ["NL50INGB0001234567",
                                                         "NL38INGB0654321789"]
    assert st.lines["Counterparty Bank"].tolist() == ["INGBNL2A", "INGBNL2A"]
    assert st.lines["Reference"].tolist() == ["EV45451REP170112T1106",
                                              "EV1551551REP180112T1544"]
    assert [b.difference for b in st.balances] == [0.0]


def _ofx(transactions: list[str]) -> str:
    head = ["OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII",
            "CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", ""]
    return "\r\n".join(head + [
        "<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>",
        "<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>121000248<ACCTID>4000123456"
        "<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST><DTSTART>20261101<DTEND>20261124",
        *transactions,
        "</BANKTRANLIST><LEDGERBAL><BALAMT>3075.00<DTASOF>20261124</LEDGERBAL></STMTRS>"
        "</STMTTRNRS></BANKMSGSRSV1></OFX>"])


def test_ofx_corrections_replace_and_delete_the_transactions_they_name(tmp_path: Path
                                                                      ) -> None:
    # the bank sent 150.00 for a payment of 1,500.00 and corrects it (REPLACE), takes back a
    # fee (DELETE), and replaces a transaction of an earlier download
    path = tmp_path / "corrections.ofx"
    path.write_text(_ofx([
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>1500.00<FITID>T1<NAME>ACME CORP"
        "<MEMO>INV 1001</STMTTRN>",
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261103<TRNAMT>150.00<FITID>T2<NAME>BETA LLC"
        "<MEMO>INV 1002</STMTTRN>",
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261103<TRNAMT>1500.00<FITID>T3<CORRECTFITID>T2"
        "<CORRECTACTION>REPLACE<NAME>BETA LLC<MEMO>INV 1002</STMTTRN>",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261104<TRNAMT>-20.00<FITID>T4<NAME>FEE</STMTTRN>",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261105<TRNAMT>-20.00<FITID>T5<CORRECTFITID>T4"
        "<CORRECTACTION>DELETE<NAME>FEE</STMTTRN>",
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261106<TRNAMT>75.00<FITID>T6<CORRECTFITID>T0"
        "<CORRECTACTION>REPLACE<NAME>GAMMA</STMTTRN>"]), encoding="ascii")
    st = read_statement(path)
    assert st.lines["Bank Line"].tolist() == ["T1", "T3", "T6"]
    assert st.lines["Amount"].tolist() == [1500.0, 1500.0, 75.0]
    assert st.lines["Line No"].tolist() == [1, 3, 6]
    assert [(i.cell, i.value) for i in st.issues] == [("line 15", "T2"), ("line 17", "T4"),
                                                      ("line 18", "T0")]
    assert [i.message for i in st.issues] == [
        "statement 4000123456: transaction T3 (1,500.00 on 2026-11-03, line 15) replaces "
        "transaction T2 of this file (150.00 on 2026-11-03, line 14) (CORRECTACTION REPLACE): "
        "that one left out",
        "statement 4000123456: transaction T5 (-20.00 on 2026-11-05, line 17) deletes "
        "transaction T4 of this file (-20.00 on 2026-11-04, line 16) (CORRECTACTION DELETE): "
        "both left out",
        "statement 4000123456: transaction T6 (75.00 on 2026-11-06, line 18) replaces "
        "transaction T0, not in this file (an earlier download) (CORRECTACTION REPLACE): "
        "read; if that transaction was imported before, take it out"]


def test_german_purpose_keywords_glued_across_full_sub_fields(tmp_path: Path) -> None:
    # the bank filled each ?2x sub-field to its 27th character, the next keyword glued to the
    # end-to-end reference ("EREF+RE202611240001SVWZ+Rec" | "hnung ..."), and the name cut
    # at 27 into ?32 / ?33; the :86: wrapped at 65 columns
    purpose = "EREF+RE202611240001SVWZ+Rechnung RE-2026-1124 vom 01.11.2026 Kunde 4711"
    fields = "".join(f"?2{k}{purpose[i:i + 27]}" for k, i in enumerate(range(0, 72, 27)))
    body = ("166?00GUTSCHR. UEBERWEISUNG?109249" + fields + "?30DEUTDEFFXXX?31DE0212030000"
            "0000202051?32Alpha Bau Handelsgesellscha?33ft mbH")
    wrapped = [":86:" + body[:61]] + [body[i:i + 65] for i in range(61, len(body), 65)]
    path = _write(tmp_path, "gvc.sta", [
        ":20:STARTUMSE", ":25:37040044/0532013000", ":28C:1/1", ":60F:C261123EUR0,00",
        ":61:2611241124CR100,00N051NONREF", *wrapped, ":62F:C261124EUR100,00"])
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [100.0]
    assert st.lines["Reference"].tolist() == ["RE202611240001"]
    assert st.lines["Description"].tolist() == [
        "Rechnung RE-2026-1124 vom 01.11.2026 Kunde 4711 (GUTSCHR. UEBERWEISUNG)"]
    assert st.lines["Counterparty"].tolist() == ["Alpha Bau Handelsgesellschaft mbH"]
    assert st.lines["Counterparty Account"].tolist() == ["DE02120300000000202051"]


def _report(rid: str, time: str, entries: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
        f"<BookgDt><Dt>2026-11-24</Dt></BookgDt><AcctSvcrRef>{ref}</AcctSvcrRef><NtryDtls>"
        f"<TxDtls><RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>"
        "</Ntry>" for ref, amount, payer in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:'
            f'tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt><GrpHdr><MsgId>{rid}</MsgId>'
            f"<CreDtTm>2026-11-24T{time}</CreDtTm></GrpHdr><Rpt><Id>{rid}</Id><Acct><Id><IBAN>"
            f"DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>{body}</Rpt>"
            "</BkToCstmrAcctRpt></Document>")


def test_a_days_intraday_reports_count_an_entry_they_repeat_once(tmp_path: Path) -> None:
    # the EBICS ZIP of a day's camt.052 reports, each holding every entry since the morning:
    # the 10:00 report's 100.00 is in the 14:00 report again, with the 250.00 that came after
    import zipfile

    path = tmp_path / "c52.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("camt052_1000.xml", _report("R1000", "10:00:00", [("E1", "100.00", "Kunde A")]))
        z.writestr("camt052_1400.xml", _report("R1400", "14:00:00", [
            ("E1", "100.00", "Kunde A"), ("E2", "250.00", "Kunde B"), ("E3", "75.00", "Kunde C"),
            ("E3", "75.00", "Kunde D")]))
    st = read_statement(path)
    assert st.lines["Bank Line"].tolist() == ["E1", "E2", "E3", "E3-2"]
    assert st.lines["Amount"].tolist() == [100.0, 250.0, 75.0, 75.0]
    assert st.lines["Counterparty"].tolist() == ["Kunde A", "Kunde B", "Kunde C", "Kunde D"]
    [issue] = st.issues
    assert (issue.cell, issue.value) == ("camt052_1400.xml entry 1", "E1")
    assert issue.message == ("report R1400: entry E1 of 100.00 EUR on 2026-11-24 is in report "
                             "R1000 of the same account too (a day's reports repeat its "
                             "entries): read once, so it is not counted twice")


def test_reports_whose_entries_carry_no_reference_of_their_own_keep_them_all(tmp_path: Path
                                                                            ) -> None:
    # "NONREF" names no entry: two payments of 75.00 the same day, one in each report
    import zipfile

    path = tmp_path / "c52.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.xml", _report("R1000", "10:00:00", [("NONREF", "75.00", "Kunde C")]))
        z.writestr("b.xml", _report("R1400", "14:00:00", [("NONREF", "75.00", "Kunde D"),
                                                           ("E9", "10.00", "Kunde E")]))
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [75.0, 75.0, 10.0]
    assert st.lines["Counterparty"].tolist() == ["Kunde C", "Kunde D", "Kunde E"]
    assert st.issues == []


def test_a_days_mt942_reports_count_a_line_they_repeat_once(tmp_path: Path) -> None:
    # a Gulf bank's file of the day's MT942 reports, the 14:00 one repeating the 10:00 one's
    # 25,000.00 before the 300.00 that came after it
    head = "{1:F01QNBAQAQAAXXX0000000000}{2:O9421000261124QNBAQAQAAXXX00000000002611241000N}{4:"
    path = _write(tmp_path, "mt942.sta", [
        head, ":20:R1000", ":25:QA58QNBA000000000012345678901", ":28C:00012/00001",
        ":34F:QAR0,", ":13D:2611241000+0300",
        ":61:2611241124C25000,NTRFNONREF//FT26328A", ":86:INWARD TT FROM DOHA TRADING WLL",
        ":90C:1QAR25000,", "-}",
        head, ":20:R1400", ":25:QA58QNBA000000000012345678901", ":28C:00012/00002",
        ":34F:QAR0,", ":13D:2611241400+0300",
        ":61:2611241124C25000,NTRFNONREF//FT26328A", ":86:INWARD TT FROM DOHA TRADING WLL",
        ":61:2611241124C300,NTRFNONREF//FT26328B", ":86:CASH DEPOSIT",
        ":90C:2QAR25300,", "-}"])
    st = read_statement(path)
    assert st.lines["Bank Line"].tolist() == ["FT26328A", "FT26328B"]
    assert st.lines["Amount"].tolist() == [25000.0, 300.0]
    assert st.lines["Counterparty"].tolist() == ["DOHA TRADING WLL", None]
    [issue] = st.issues
    assert (issue.cell, issue.column, issue.value) == ("line 17", ":61:", "FT26328A")
    assert issue.message == (
        "report 00012/00002: line FT26328A of 25,000.00 QAR on 2026-11-24 is in report "
        "00012/00001 of the same account too (a day's reports repeat its lines): read once, "
        "so it is not counted twice")


def test_an_mt942s_expected_entries_are_left_out_as_not_booked(tmp_path: Path) -> None:
    # MT942 marks an announced, not yet booked entry EC / ED (expected credit / debit); its
    # :90C: / :90D: count them, and the lines booked are checked against either
    path = _write(tmp_path, "mt942.sta", [
        ":20:R1", ":25:DE89370400440532013000", ":28C:1/1", ":34F:EUR0,",
        ":13D:2611241000+0100",
        ":61:2611241124EC500,00NTRFNONREF//X1", ":86:expected credit",
        ":61:2611241124ED20,00NTRFNONREF//X2", ":86:expected debit",
        ":61:2611241124C30,00NTRFNONREF//X3", ":86:booked",
        ":90C:2EUR530,00", ":90D:1EUR20,00", "-"])
    st = read_statement(path)
    assert st.lines["Bank Line"].tolist() == ["X3"]
    assert st.lines["Amount"].tolist() == [30.0]
    assert st.lines["Description"].tolist() == ["booked"]
    assert [(i.cell, i.message) for i in st.issues] == [
        ("line 6", "expected credit (EC) of 500.00: not booked on the account yet; left out, "
                   "it will come on a later statement"),
        ("line 8", "expected debit (ED) of 20.00: not booked on the account yet; left out, it "
                   "will come on a later statement")]


def test_a_camt_entry_whose_bank_reference_is_nonref_is_known_by_its_place(tmp_path: Path
                                                                          ) -> None:
    # "NONREF" in AcctSvcrRef names no entry: the lines are 1 and 2, as an MT940's //NONREF
    entry = ('<Ntry><Amt Ccy="EUR">{a}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
             "<BookgDt><Dt>2026-11-23</Dt></BookgDt><AcctSvcrRef>NONREF</AcctSvcrRef><NtryDtls>"
             "<TxDtls><Refs><AcctSvcrRef>NOTPROVIDED</AcctSvcrRef><EndToEndId>INV-{a}"
             "</EndToEndId></Refs><RltdPties><Dbtr><Nm>Kunde</Nm></Dbtr></RltdPties></TxDtls>"
             "</NtryDtls></Ntry>")
    path = tmp_path / "nonref.xml"
    path.write_text(_CAMT_HEAD.replace("4700.00", "5300.00") + entry.format(a="100.00")
                    + entry.format(a="200.00") + "</Stmt></BkToCstmrStmt></Document>",
                    encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Bank Line"].tolist() == ["1", "2"]
    assert st.lines["Bank Ref"].isna().all()
    assert st.lines["Amount"].tolist() == [100.0, 200.0]
    assert st.lines["Reference"].tolist() == ["INV-100.00", "INV-200.00"]
    assert [b.difference for b in st.balances] == [0.0]


def test_the_payers_reference_column_beside_the_banks_is_kept(tmp_path: Path) -> None:
    # a Gulf bank's host-to-host CSV: 'Reference No' (the bank's transaction id) and 'User
    # Reference' (what the payer wrote: the invoice number); the second was dropped
    path = tmp_path / "h2h.csv"
    path.write_text(
        "Posting Date,Narrative,Reference No,User Reference,Amount,Balance\n"
        "24/11/2026,INWARD TT ACME TRADING,20261124000000000001,INV2026-77,15000.00,23765.50\n"
        "25/11/2026,CHARGES,20261124000000000002,,-5.00,23760.50\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [15000.0, -5.0]
    assert st.lines["Reference"].tolist() == ["INV2026-77", None]
    assert st.lines["Bank Ref"].tolist() == ["20261124000000000001", "20261124000000000002"]
    assert st.lines["Bank Line"].tolist() == ["20261124000000000001", "20261124000000000002"]
    assert st.issues == []
