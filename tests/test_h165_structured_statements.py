"""Structured bank statements as Gulf, Egyptian and European banks send them (helper-165's
realism round): each file written here by hand, with its truth (lines, amounts, signs,
references, balances) pinned exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement_file
from ar_excel.errors import InputError


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8",
           newline: str = "\r\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_mt940_gulf_narrative_opening_with_the_customers_reference(tmp_path: Path) -> None:
    # an Emirati bank's :86: in SWIFT keys, the ordering customer's reference (/ROC/) first:
    # read as free text before, the payer (/ORDP/) and the reference were lost
    path = _write(tmp_path, "gulf.sta", """{1:F01EBILAEADAXXX0000000000}{2:O9401200261103EBILAEADAXXX00000000002611031200N}{4:
:20:STMT261103001
:25:AE070260001015123456701
:28C:00215/00001
:60F:C261102AED150000,00
:61:2611031103CR25000,00NTRFNONREF//FT26307ABC12
:86:/ROC/INV-2026-114/BENM//NAME/OUR CO LLC/ORDP//NAME/GULF STAR T
RADING LLC/REMI/PAYMENT INV 2026 114
:61:2611031103D1500,50NCHGNONREF//CH26307001
:86:CHARGES FOR SWIFT TRANSFER
:62F:C261103AED173499,50
-}
""")
    st = read_statement_file(path)
    lines = st.lines
    assert list(lines["Amount"]) == [25000.0, -1500.5]
    first = lines.iloc[0]
    assert first["Reference"] == "INV-2026-114"
    assert first["Counterparty"] == "GULF STAR TRADING LLC"
    assert first["Description"] == "PAYMENT INV 2026 114"
    assert first["Bank Ref"] == "FT26307ABC12"
    assert st.balances[0].difference == 0.0


def test_qif_account_list_records_are_no_transactions(tmp_path: Path) -> None:
    # Quicken's export of several accounts: the "!Account" records (N name, T type, D a
    # description) were read as transactions (blank dates, amount 'Bank'), four issues of
    # lines that are none, and the real lines numbered after them
    path = _write(tmp_path, "accounts.qif", """!Option:AutoSwitch
!Account
NBusiness Checking
TBank
DOur main account
^
NSavings
TBank
^
!Clear:AutoSwitch
!Account
NBusiness Checking
TBank
^
!Type:Bank
D11/23/2026
T1,250.00
PACME TRADING LTD
MINV-1001
^
D11/24/2026
T-45.50
PBANK FEE
^
""", newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Amount"]) == [1250.0, -45.5]
    assert list(st.lines["Bank Line"]) == ["1", "2"]
    assert [str(d.date()) for d in st.lines["Date"]] == ["2026-11-23", "2026-11-24"]
    assert st.issues == []


def test_qif_of_account_records_alone_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.qif", "!Account\nNBusiness Checking\nTBank\n^\n", newline="\n")
    with pytest.raises(InputError, match="without transactions"):
        read_statement_file(path)


def test_mt940_sender_in_latin_letters_ends_where_the_arabic_words_begin(tmp_path: Path) -> None:
    # an Egyptian bank's free :86:: the payer's name, then an Arabic word of the bank's
    # ("مستحقات": dues); read as part of the name, the payer was only "like" the customer's
    # Falcon Trading LLC, and the receipt was matched on its amount alone
    path = _write(tmp_path, "nbe.sta", """:20:NBE2611
:25:EG380003000100000012345678901
:28C:00331/00001
:60F:C261123EGP100000,00
:61:2611241124C26030,92NTRFNONREF//FT263231NJF4K
:86:INWARD TRANSFER FROM FALCON TRADING L.L.C مستحقات
:61:2611241124C500,NTRFNONREF//FT263231NJF4L
:86:حوالة واردة من شركة ABC للتجارة سداد
:62F:C261124EGP126530,92
""")
    lines = read_statement_file(path).lines
    assert list(lines["Counterparty"]) == ["FALCON TRADING L.L.C", "شركة ABC للتجارة"]
    assert list(lines["Amount"]) == [26030.92, 500.0]


def _camt(entries: str, opening: str = "1000.00", closing: str = "1350.00",
          closing_mark: str = "CRDT") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-04T00:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>SA0380000000608010167519</IBAN></Id><Ccy>SAR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="SAR">{opening}</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="SAR">{closing}</Amt>
<CdtDbtInd>{closing_mark}</CdtDbtInd><Dt><Dt>2026-11-03</Dt></Dt></Bal>
{entries}
</Stmt></BkToCstmrStmt></Document>"""


def _entry(amount: str, mark: str, ref: str, tx: str = "") -> str:
    return (f"<Ntry><Amt Ccy=\"SAR\">{amount}</Amt><CdtDbtInd>{mark}</CdtDbtInd><Sts>BOOK</Sts>"
            f"<BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>{ref}</AcctSvcrRef>"
            f"<AddtlNtryInf>{ref} WORDS</AddtlNtryInf>{tx}</Ntry>")


def test_camt_debit_written_with_a_minus_is_money_out(tmp_path: Path) -> None:
    # an exporter that writes a debit's amount with a minus besides DBIT: "-150.00" DBIT was
    # read as money in (+150.00) and the statement said "lines may be missing" (300.00)
    path = _write(tmp_path, "minus.xml", _camt(
        _entry("500.00", "CRDT", "E1") + _entry("-150.00", "DBIT", "E2")), newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Amount"]) == [500.0, -150.0]
    assert st.balances[0].difference == 0.0
    assert st.issues == []


def test_camt_debit_balance_and_batch_written_with_minus_signs(tmp_path: Path) -> None:
    # the closing balance "-350.00" DBIT is a debit balance (was read as +350.00), and a
    # debit batch whose transactions are written "-100.00", "-200.00" is split into them
    batch = ("<NtryDtls>"
             "<TxDtls><Amt Ccy=\"SAR\">-100.00</Amt><RmtInf><Ustrd>SUPPLIER A</Ustrd></RmtInf>"
             "</TxDtls><TxDtls><Amt Ccy=\"SAR\">-200.00</Amt><RmtInf><Ustrd>SUPPLIER B</Ustrd>"
             "</RmtInf></TxDtls></NtryDtls>")
    path = _write(tmp_path, "minus_batch.xml", _camt(
        _entry("-300.00", "DBIT", "B1", batch) + _entry("-1050.00", "DBIT", "E2"),
        opening="1000.00", closing="-350.00", closing_mark="DBIT"), newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Amount"]) == [-100.0, -200.0, -1050.0]
    assert st.balances[0].closing == -350.0
    assert st.balances[0].difference == 0.0
    assert st.issues == []


def test_camt_credit_written_negative_follows_its_indicator_and_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path, "minus_credit.xml", _camt(
        _entry("-350.00", "CRDT", "E1")), newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Amount"]) == [350.0]
    assert st.balances[0].difference == 0.0
    assert len(st.issues) == 1 and "written negative but marked as a credit" in (
        st.issues[0].message)


def _behalf_book(path: Path) -> Path:
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["E1", "Emirates Steel Holding", "AED", 30])
    ws.append(["E2", "Arkan Building Materials LLC", "AED", 30])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"])
    ws.append(["SI-7001", "E1", dt.date(2026, 10, 1), "AED", 18000.0])
    ws.append(["SI-7002", "E2", dt.date(2026, 10, 2), "AED", 18000.0])
    wb.save(path)
    return path


def test_camt_ultimate_debtor_is_the_customer_paid_for(tmp_path: Path) -> None:
    # the group's holding company pays for its subsidiary (camt Dbtr the holding, UltmtDbtr
    # the subsidiary the invoice is addressed to); the ultimate debtor was dropped, so the
    # holding's own invoice of the same amount was taken as paid
    from python_calamine import CalamineWorkbook

    from ar_excel.cli import main

    tx = ("<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
          "<RltdPties><Dbtr><Nm>EMIRATES STEEL HOLDING</Nm></Dbtr>"
          "<UltmtDbtr><Nm>ARKAN BUILDING MATERIALS LLC</Nm></UltmtDbtr></RltdPties>"
          "<RmtInf><Ustrd>SUPPLIER PAYMENT NOV</Ustrd></RmtInf></TxDtls></NtryDtls>")
    text = _camt(_entry("18000.00", "CRDT", "FT26327", tx), opening="0.00",
                 closing="18000.00").replace("SAR", "AED")
    text = text.replace("<AddtlNtryInf>FT26327 WORDS</AddtlNtryInf>", "")
    statement = _write(tmp_path, "behalf.xml", text, newline="\n")
    line = read_statement_file(statement).lines.iloc[0]
    assert line["Counterparty"] == "EMIRATES STEEL HOLDING"
    assert line["Description"] == "SUPPLIER PAYMENT NOV ON BEHALF OF ARKAN BUILDING MATERIALS LLC"
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_behalf_book(tmp_path / "book.xlsx")), "--bank",
                 str(statement), "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    assert [(r[0], r[3]) for r in rows[1:] if r[3]] == [("FT26327", "SI-7002")]


def test_mt940_arabic_sender_after_the_kind_of_transfer(tmp_path: Path) -> None:
    # "تحويل وارد من X" (incoming transfer from X), "ايداع نقدي من X" (cash deposit from X):
    # the kind of money in between the word and من; the payer was read only right after
    # the word ("حوالة واردة من X"), so these lines named no counterparty. A transfer out
    # ("تحويل صادر من حسابكم الى ...") still names none.
    path = _write(tmp_path, "cib.sta", """:20:CIB261103
:25:EG380003000100000012345678901
:28C:1/1
:60F:C261102EGP100000,00
:61:261103C75000,00NTRFNONREF//EG1
:86:تحويل وارد من شركة النيل للتجارة سداد فاتورة 7781
:61:261103C30000,NTRFNONREF//EG2
:86:ايداع نقدي من مؤسسة الأهرام للمقاولات فاتورة 7790
:61:261103D5000,NTRFNONREF//EG3
:86:تحويل صادر من حسابكم الى شركة الدلتا للحديد
:62F:C261103EGP200000,00
""", encoding="cp1256")
    lines = read_statement_file(path).lines
    assert list(lines["Amount"]) == [75000.0, 30000.0, -5000.0]
    assert list(lines["Counterparty"]) == ["شركة النيل للتجارة", "مؤسسة الأهرام للمقاولات", None]


def test_mt940_gvc_abwa_is_the_customer_paid_for(tmp_path: Path) -> None:
    # the German GVC's ABWA+ (abweichender Auftraggeber: the ultimate debtor) is camt's
    # UltmtDbtr: the ?32 holding paid for its subsidiary; read as plain words beside the
    # holding's name, the holding's own SI-7001 of the same amount was Matched
    from python_calamine import CalamineWorkbook

    from ar_excel.cli import main

    statement = _write(tmp_path, "abwa.sta", """:20:STARTUMSE
:25:AE070260001015123456701
:28C:1/1
:60F:C261102AED0,00
:61:2611031103C18000,00NTRFNONREF//FT26327
:86:166?00GUTSCHRIFT?20SVWZ+SUPPLIER PAYMENT NOV?21ABWA+ARKAN BUILDING MATERIAL
?22S LLC?32EMIRATES STEEL HOLDING
:62F:C261103AED18000,00
""")
    line = read_statement_file(statement).lines.iloc[0]
    assert line["Counterparty"] == "EMIRATES STEEL HOLDING"
    assert line["Description"] == ("SUPPLIER PAYMENT NOV ON BEHALF OF ARKAN BUILDING "
                                   "MATERIALS LLC (GUTSCHRIFT)")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_behalf_book(tmp_path / "book.xlsx")), "--bank",
                 str(statement), "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    assert [(r[0], r[3]) for r in rows[1:] if r[3]] == [("FT26327", "SI-7002")]


def test_mt940_swift_ultimate_debtor_is_the_customer_paid_for(tmp_path: Path) -> None:
    # SWIFT keys "/ORDP//NAME/X/.../ULTD//NAME/Y/": the counterparty was the two names glued
    # ("EMIRATES STEEL HOLDING/ARKAN BUILDING MATERIALS LLC") and the ultimate debtor, the
    # customer paid for, was no more than that; the holding's own invoice was Matched
    from python_calamine import CalamineWorkbook

    from ar_excel.cli import main

    statement = _write(tmp_path, "ultd.sta", """:20:STMT
:25:AE070260001015123456701
:28C:1/1
:60F:C261102AED0,00
:61:2611031103C18000,00NTRFNONREF//FT26327
:86:/EREF/NOTPROVIDED/ORDP//NAME/EMIRATES STEEL HOLDING/REMI/USTD//SUPPLIER
 PAYMENT NOV/ULTD//NAME/ARKAN BUILDING MATERIALS LLC/
:61:2611031103C100,00NTRFNONREF//FT26328
:86:/ORDP//NAME/DELTA BV/REMI/USTD//RE 55/ULTD/DELTA BV/
:62F:C261103AED18100,00
""")
    lines = read_statement_file(statement).lines
    assert list(lines["Counterparty"]) == ["EMIRATES STEEL HOLDING", "DELTA BV"]
    assert list(lines["Description"]) == [
        "SUPPLIER PAYMENT NOV ON BEHALF OF ARKAN BUILDING MATERIALS LLC", "RE 55"]
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_behalf_book(tmp_path / "book.xlsx")), "--bank",
                 str(statement), "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    assert [(r[0], r[3]) for r in rows[1:] if r[3]] == [("FT26327", "SI-7002")]


def _pages(numbers: list[str], balances: list[tuple[str, str]], account: str = "AE07026000101512"
           "3456701", day: str = "261103") -> str:
    out = []
    for k, (number, (opening, closing)) in enumerate(zip(numbers, balances, strict=True)):
        first, last = k == 0, k == len(numbers) - 1
        amount = float(closing.replace(",", ".")) - float(opening.replace(",", "."))
        out += [":20:STMT", f":25:{account}", f":28C:{number}",
                f":60{'F' if first else 'M'}:C{day}AED{opening}",
                f":61:{day}{day[2:]}C{amount:.2f}NTRFNONREF//FT{k}".replace(".", ","),
                f":86:/ORDP//NAME/GULF STAR TRADING LLC/REMI/INV-{k}",
                f":62{'F' if last else 'M'}:C{day}AED{closing}", "-"]
    return "\n".join(out) + "\n"


def test_mt940_page_missing_between_pages_that_each_tie_out(tmp_path: Path) -> None:
    # :28C: 215/1 closes (:62M:) at 1,500.00, 215/3 opens (:60M:) at 2,700.00: page 215/2
    # (1,200.00 of lines) never came; each page ties out, and nothing said so
    path = _write(tmp_path, "pages.sta", _pages(["00215/00001", "00215/00003"],
                                                [("1000,00", "1500,00"), ("2700,00", "3000,00")]))
    st = read_statement_file(path)
    assert list(st.lines["Amount"]) == [500.0, 300.0]
    assert [b.difference for b in st.balances] == [0.0, 0.0]
    [issue] = st.issues
    assert (issue.cell, issue.value) == ("statement 00215/00003", 1200.0)
    assert issue.message == (
        "statement 00215/00003 opens at 2,700.00, but statement 00215/00001 before it "
        "(account AE070260001015123456701) closed at 1,500.00 (difference 1,200.00): a "
        "statement or a page between them may be missing from the file")


def test_mt940_pages_that_chain_or_are_of_two_accounts_say_nothing(tmp_path: Path) -> None:
    chained = _pages(["00215/00001", "00215/00002", "00215/00003"],
                     [("1000,00", "1500,00"), ("1500,00", "2700,00"), ("2700,00", "3000,00")])
    other = _pages(["00007/00001"], [("50,00", "75,00")], account="AE070260001015123456702")
    # (the next day's statement first)
    newest_first = _pages(["00216/00001"], [("3000,00", "3100,00")], day="261104") + chained
    for name, text in (("chained.sta", chained), ("two.sta", other + chained + other.replace(
            "00007/00001", "00008/00001").replace("C261103AED50,00", "C261103AED75,00")
            .replace("C261103AED75,00\n-", "C261103AED100,00\n-")),
            ("newest_first.sta", newest_first)):
        st = read_statement_file(_write(tmp_path, name, text))
        assert st.issues == [], name
        assert all(b.difference == 0.0 for b in st.balances), name


def _ofx_statement(transactions: list[tuple[str, str, str, str]], ledger: str) -> str:
    trns = "".join(f"<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>{day}<TRNAMT>{amount}<FITID>{fitid}"
                   f"<NAME>{name}<MEMO>SUPPLIES NOV" for day, amount, fitid, name in transactions)
    return ("<STMTTRNRS><STMTRS><CURDEF>AED<BANKACCTFROM><BANKID>X<ACCTID>AE0703312345678901"
            f"23456<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>{trns}</BANKTRANLIST>"
            f"<LEDGERBAL><BALAMT>{ledger}<DTASOF>20261104</LEDGERBAL></STMTRS></STMTTRNRS>")


def test_ofx_downloads_of_overlapping_periods_count_a_transaction_once(tmp_path: Path) -> None:
    # two downloads in one file (1-3 Nov, 3-4 Nov): FITID F2 (unique within an account, OFX
    # 3.2.1) is in both; it was read twice (F2, F2-2), and the second 2,500.00 went to the
    # customer's other open invoice of that amount
    from python_calamine import CalamineWorkbook

    from ar_excel.cli import main

    first = _ofx_statement([("20261102", "1000.00", "F1", "AL NOOR TRADING"),
                            ("20261103", "2500.00", "F2", "DESERT ROSE CONTRACTING")], "3500.00")
    second = _ofx_statement([("20261103", "2500.00", "F2", "DESERT ROSE CONTRACTING"),
                             ("20261104", "700.00", "F3", "AL NOOR TRADING")], "4200.00")
    head = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1>"
    path = _write(tmp_path, "two_downloads.ofx",
                  head + first + second + "</BANKMSGSRSV1></OFX>\n", newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Bank Line"]) == ["F1", "F2", "F3"]
    assert list(st.lines["Amount"]) == [1000.0, 2500.0, 700.0]
    assert list(st.lines["Line No"]) == [1, 2, 4]
    [issue] = st.issues
    assert (issue.column, issue.value) == ("FITID", "F2")
    assert "read once, so it is not counted twice" in issue.message
    # the same download twice is one statement held twice, said once, as before
    path = _write(tmp_path, "same_twice.ofx",
                  head + first + first + "</BANKMSGSRSV1></OFX>\n", newline="\n")
    st = read_statement_file(path)
    assert list(st.lines["Bank Line"]) == ["F1", "F2"]
    [issue] = st.issues
    assert "repeats statement" in issue.message

    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "Al Noor Trading", "AED", 30])
    ws.append(["C3", "Desert Rose Contracting", "AED", 30])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"])
    for no, cid, amount in (("SI-1", "C1", 1000.0), ("SI-2", "C3", 2500.0),
                            ("SI-3", "C3", 2500.0), ("SI-4", "C1", 700.0)):
        ws.append([no, cid, dt.date(2026, 10, 1), "AED", amount])
    wb.save(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(tmp_path / "book.xlsx"), "--bank",
                 str(tmp_path / "two_downloads.ofx"), "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    assert sorted(r[3] for r in rows[1:] if r[3]) == ["SI-1", "SI-2", "SI-4"]


def test_camt_intraday_report_and_the_days_statement_in_one_zip(tmp_path: Path) -> None:
    # a ZIP of the day's C52 (intraday report: E1 so far) and C53 (the statement: E1, E2):
    # E1 was read twice (E1 from the report, E1-2 from the statement), 350.00 counted twice
    import re
    import zipfile

    statement = _camt(_entry("350.00", "CRDT", "E1") + _entry("100.00", "CRDT", "E2"),
                      opening="1000.00", closing="1450.00")
    report = (statement.replace("camt.053.001.02", "camt.052.001.02")
              .replace("BkToCstmrStmt", "BkToCstmrAcctRpt").replace("<Stmt>", "<Rpt>")
              .replace("</Stmt>", "</Rpt>").replace("<Id>S1</Id>", "<Id>R1</Id>")
              .replace(_entry("100.00", "CRDT", "E2"), ""))
    report = re.sub(r"<Bal><Tp><CdOrPrtry><Cd>CLBD.*?</Bal>", "", report, flags=re.S)
    path = tmp_path / "EBICS.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("C52_20261103.xml", report)
        archive.writestr("C53_20261103.xml", statement)
    st = read_statement_file(path)
    assert list(st.lines["Bank Line"]) == ["E1", "E2"]
    assert list(st.lines["Statement"]) == ["S1", "S1"]
    assert list(st.lines["Amount"]) == [350.0, 100.0]
    [issue] = st.issues
    assert issue.message == (
        "report R1: entry E1 of 350.00 SAR is booked again in the statement of the same "
        "account in the file (camt.053): read from the statement only, so it is not counted "
        "twice")
    # the report alone keeps its entry
    alone = tmp_path / "c52.xml"
    alone.write_text(report, encoding="utf-8")
    assert list(read_statement_file(alone).lines["Bank Line"]) == ["E1"]


def test_mt942_and_the_days_mt940_in_one_file(tmp_path: Path) -> None:
    # a Qatari bank's day in one file: the intraday MT942 (QA26307-1 so far), then the
    # MT940 statement booking it with the rest: 12,500.00 was read twice
    path = _write(tmp_path, "day.sta", """:20:MT942-001
:25:QA58QNBA000000000012345678901
:28C:00307/00001
:34F:QARD0,
:13D:2611031015+0300
:61:2611031103C12500,NTRFNONREF//QA26307-1
:86:/ORDP//NAME/AL DOHA MARINE SERVICES/REMI/INV-2026-4001
:90C:1QAR12500,
-
:20:MT940-001
:25:QA58QNBA000000000012345678901
:28C:00307/00001
:60F:C261102QAR1000,
:61:2611031103C12500,NTRFNONREF//QA26307-1
:86:/ORDP//NAME/AL DOHA MARINE SERVICES/REMI/INV-2026-4001
:61:2611031103C7250,75NTRFNONREF//QA26307-2
:86:/ORDP//NAME/PEARL TRADING WLL/REMI/INV-2026-4002
:62F:C261103QAR20750,75
-
""")
    st = read_statement_file(path)
    assert list(st.lines["Bank Line"]) == ["QA26307-1", "QA26307-2"]
    assert list(st.lines["Amount"]) == [12500.0, 7250.75]
    assert set(st.lines["Statement"]) == {"MT940-001 00307/00001"}
    assert [b.difference for b in st.balances] == [None, 0.0]
    [issue] = st.issues
    assert (issue.cell, issue.value) == ("line 6", "QA26307-1")
    assert issue.message == (
        "report MT942-001 00307/00001: line QA26307-1 of 12,500.00 QAR is booked again in a "
        "statement of the same account in the file (MT940): read from the statement only, so "
        "it is not counted twice")
