"""The importer's messages new this session in Arabic (``io.bank_messages_ar``): a closing
balance that is not the newest line's running balance, OFX corrections, a day's intraday
reports repeating an entry, an MT942's expected entries. Each from a small statement as the
bank writes it, read as for an Arabic workbook, its Input Issues message checked whole."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from ar_excel.bank import read_statement
from ar_excel.cli import main
from ar_excel.io.messages_ar import arabic_message, arabic_place
from tests.test_arabic_headers import arabic_book


def _arabic(path: Path) -> list[tuple[str, str]]:
    # (the cell as the Input Issues tab names it: 'line 6' -> 'السطر 6')
    return [(arabic_place(i.cell), arabic_message(i.message))
            for i in read_statement(path).issues]


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode("latin-1"))
    return path


CUT = ("Date,Description,Debit,Credit,Balance\n"
       '02/11/2026,CHEQUE DEPOSIT ACME,,"1,000.00","4,000.00"\n'
       '13/11/2026,TRANSFER FROM BETA LLC,,"500.00","4,500.00"\n'
       'Closing balance,,,,"5,500.00"\n')
CUT_ARABIC = ("الرصيد الختامي 5,500.00 ليس الرصيد الجاري بعد أحدث سطر (4,500.00، الصف 3؛ "
              "الفرق 1,000.00): ربما سقطت سطور من الملف، أو الرصيد الختامي ليوم آخر")


def test_a_closing_balance_that_is_not_the_newest_lines_running_balance(tmp_path: Path
                                                                       ) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(CUT, encoding="utf-8")
    assert _arabic(path) == [("E4", CUT_ARABIC)]


def test_reconcile_of_an_arabic_workbook_writes_it_in_input_issues(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(CUT, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(arabic_book(tmp_path / "book.xlsx")), "--bank", str(path),
                 "-o", str(out)]) == 0
    rows = openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True)
    assert [(r[1], r[4]) for r in rows if r[0] == "cut.csv"] == [("E4", CUT_ARABIC)]


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


def test_ofx_corrections(tmp_path: Path) -> None:
    path = tmp_path / "corrections.ofx"
    path.write_text(_ofx([
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261103<TRNAMT>150.00<FITID>T2<NAME>BETA LLC"
        "</STMTTRN>",
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261103<TRNAMT>1500.00<FITID>T3<CORRECTFITID>T2"
        "<CORRECTACTION>REPLACE<NAME>BETA LLC</STMTTRN>",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261104<TRNAMT>-20.00<FITID>T4<NAME>FEE</STMTTRN>",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261105<TRNAMT>-20.00<FITID>T5<CORRECTFITID>T4"
        "<CORRECTACTION>DELETE<NAME>FEE</STMTTRN>",
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261106<TRNAMT>75.00<FITID>T6<CORRECTFITID>T0"
        "<CORRECTACTION>REPLACE<NAME>GAMMA</STMTTRN>",
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261107<TRNAMT>-5.00<FITID>T7<CORRECTFITID>T1"
        "<CORRECTACTION>DELETE<NAME>FEE</STMTTRN>"]), encoding="ascii")
    assert _arabic(path) == [
        ("السطر 14", "الكشف 4000123456: المعاملة T3 (1,500.00 بتاريخ 2026-11-03، السطر 14) "
                     "تحل محل المعاملة T2 من هذا الملف (150.00 بتاريخ 2026-11-03، السطر 13) "
                     "(CORRECTACTION REPLACE): استُبعدت تلك"),
        ("السطر 16", "الكشف 4000123456: المعاملة T5 (-20.00 بتاريخ 2026-11-05، السطر 16) "
                     "تحذف المعاملة T4 من هذا الملف (-20.00 بتاريخ 2026-11-04، السطر 15) "
                     "(CORRECTACTION DELETE): استُبعدت الاثنتان"),
        ("السطر 17", "الكشف 4000123456: المعاملة T6 (75.00 بتاريخ 2026-11-06، السطر 17) "
                     "تحل محل المعاملة T0، وليست في هذا الملف (تنزيل سابق) (CORRECTACTION "
                     "REPLACE): قُرئت؛ إن كانت تلك المعاملة قد استُوردت من قبل فاستبعدها"),
        ("السطر 18", "الكشف 4000123456: المعاملة T7 (-5.00 بتاريخ 2026-11-07، السطر 18) "
                     "تحذف المعاملة T1، وليست في هذا الملف (تنزيل سابق) (CORRECTACTION "
                     "DELETE): استُبعد الإشعار؛ إن كانت تلك المعاملة قد استُوردت من قبل "
                     "فاستبعدها")]


def _report(rid: str, time: str, entries: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
        f"<BookgDt><Dt>2026-11-24</Dt></BookgDt><AcctSvcrRef>{ref}</AcctSvcrRef></Ntry>"
        for ref, amount in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:'
            f'tech:xsd:camt.052.001.08"><BkToCstmrAcctRpt><GrpHdr><MsgId>{rid}</MsgId>'
            f"<CreDtTm>2026-11-24T{time}</CreDtTm></GrpHdr><Rpt><Id>{rid}</Id><Acct><Id><IBAN>"
            f"DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>{body}</Rpt>"
            "</BkToCstmrAcctRpt></Document>")


def test_a_camt_entry_a_days_reports_repeat(tmp_path: Path) -> None:
    path = tmp_path / "c52.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("camt052_1000.xml", _report("R1000", "10:00:00", [("E1", "100.00")]))
        z.writestr("camt052_1400.xml", _report("R1400", "14:00:00", [("E1", "100.00"),
                                                                     ("E2", "250.00")]))
    assert [m for _, m in _arabic(path)] == [
        "التقرير R1400: الحركة E1 بمبلغ 100.00 EUR بتاريخ 2026-11-24 موجودة أيضاً في التقرير "
        "R1000 للحساب نفسه (تقارير اليوم تكرر حركاته): قُرئت مرة واحدة حتى لا تُحتسب مرتين"]


def test_an_mt942_line_a_days_reports_repeat(tmp_path: Path) -> None:
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
    assert _arabic(path) == [(
        "السطر 17",
        "التقرير 00012/00002: الحركة FT26328A بمبلغ 25,000.00 QAR بتاريخ 2026-11-24 موجودة "
        "أيضاً في التقرير 00012/00001 للحساب نفسه (تقارير اليوم تكرر حركاته): قُرئت مرة واحدة "
        "حتى لا تُحتسب مرتين")]


def test_an_mt942s_expected_entries(tmp_path: Path) -> None:
    path = _write(tmp_path, "mt942.sta", [
        ":20:R1", ":25:DE89370400440532013000", ":28C:1/1", ":34F:EUR0,",
        ":13D:2611241000+0100",
        ":61:2611241124EC500,00NTRFNONREF//X1", ":86:expected credit",
        ":61:2611241124ED20,00NTRFNONREF//X2", ":86:expected debit",
        ":61:2611241124C30,00NTRFNONREF//X3", ":86:booked",
        ":90C:2EUR530,00", ":90D:1EUR20,00", "-"])
    assert _arabic(path) == [
        ("السطر 6", "قيد دائن متوقع (EC) بمبلغ 500.00: لم يُقيَّد على الحساب بعد؛ استُبعد، "
                    "وسيأتي في كشف لاحق"),
        ("السطر 8", "قيد مدين متوقع (ED) بمبلغ 20.00: لم يُقيَّد على الحساب بعد؛ استُبعد، "
                    "وسيأتي في كشف لاحق")]
