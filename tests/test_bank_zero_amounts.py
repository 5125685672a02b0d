"""Bank import: a line of amount 0 moved no money (a balance enquiry, a fee waived, an interest
rate notice, a bank's "no activity" record): it is no receipt and nothing to reconcile, so every
format leaves it out alike, with one issue saying how many, where and what they said. The
other lines keep their ``Bank Line`` and ``Line No`` (a saved answer to a line stays on it), and
the statement still ties out.
"""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.bank import read_statement, statement_from_table
from ar_excel.io.bank_messages_ar import arabic_bank_message
from ar_excel.model import ROW, Table
from ar_excel.schema import BANK

ONE = ("a line of amount 0 ({}): no money moved, so it is an information record, not a "
       "transaction; left out")
MANY = ("{} lines of amount 0 ({}): no money moved, so they are information records, not "
        "transactions; left out")


def where(stmt) -> list[tuple]:
    return [(i.cell, i.column, i.value, i.message) for i in stmt.issues]


def test_gulf_csv_in_fils_with_a_balance_enquiry_and_a_fee_waived(tmp_path):
    path = tmp_path / "kw.csv"
    path.write_text(
        "Account Statement,,,,\nAccount No,0123456789,,,\nCurrency,KWD,,,\n"
        "Transaction Date,Description,Debit,Credit,Balance\n"
        '01/11/2026,OPENING BALANCE,,,"1,000.000"\n'
        '02/11/2026,TRF FROM AL NOUR TRADING INV-2041,,250.375,"1,250.375"\n'
        '03/11/2026,BALANCE ENQUIRY ATM,0.000,,"1,250.375"\n'
        '04/11/2026,SERVICE CHARGE,1.500,,"1,248.875"\n'
        '05/11/2026,SMS ALERT FEE WAIVED,0.000,0.000,"1,248.875"\n'
        '06/11/2026,CHQ DEP 000123 GULF STAR,,"100.000","1,348.875"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [250.375, -1.5, 100.0]
    assert stmt.lines["Bank Line"].tolist() == ["1", "3", "5"]  # positions as before
    assert stmt.lines["Line No"].tolist() == [6, 8, 10]
    assert where(stmt) == [("rows 7, 9", "Credit", 2, MANY.format(
        2, "'BALANCE ENQUIRY ATM', 'SMS ALERT FEE WAIVED'"))]
    (bal,) = stmt.balances
    assert (bal.opening, bal.credits, bal.debits, bal.lines) == (1000.0, 350.375, 1.5, 3)


def test_xlsx_export_with_one_zero_line(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Narrative", "Amount", "Balance"])
    ws.append(["2026-11-02", "INWARD TT DELTA FOODS INV 1001", 5000, 15000])
    ws.append(["2026-11-03", "CHEQUE BOOK ISSUED - NO CHARGE", 0, 15000])
    ws.append(["2026-11-04", "ACCOUNT MAINTENANCE FEE", -25, 14975])
    path = tmp_path / "enbd.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [5000.0, -25.0]
    assert stmt.lines["Line No"].tolist() == [2, 4]
    assert where(stmt) == [("C3", "Amount", 1, ONE.format(  # one line: at its Amount cell
        "'CHEQUE BOOK ISSUED - NO CHARGE'"))]


def test_qif_interest_rate_notice_of_zero(tmp_path):
    path = tmp_path / "q.qif"
    path.write_text("!Type:Bank\nD02/11/2026\nT1,500.00\nPACME TRADING\nMINV-2041\n^\n"
                    "D03/11/2026\nT0.00\nPINTEREST RATE CHANGE\n^\n"
                    "D04/11/2026\nT-250.00\nPBANK FEE\n^\n", encoding="ascii")
    stmt = read_statement(path, day_first=True)
    assert stmt.lines["Amount"].tolist() == [1500.0, -250.0]
    assert stmt.lines["Bank Line"].tolist() == ["1", "3"]
    assert where(stmt) == [("row 7", "Amount", 1, ONE.format("'INTEREST RATE CHANGE'"))]


def test_ofx_memo_postings_of_zero_one_after_the_other(tmp_path):
    rows = [("CREDIT", "1500.00", "F1", "INV-2041 ACME"), ("OTHER", "0.00", "F2", "MEMO POST"),
            ("OTHER", "-0.00", "F3", "RATE NOTICE"), ("DEBIT", "-250.00", "F4", "FEE")]
    body = "".join(f"<STMTTRN>\n<TRNTYPE>{t}\n<DTPOSTED>20261102\n<TRNAMT>{a}\n<FITID>{f}\n"
                   f"<NAME>{n}\n</STMTTRN>\n" for t, a, f, n in rows)
    text = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n"
            "<STMTRS>\n<CURDEF>USD\n<BANKACCTFROM>\n<BANKID>1\n<ACCTID>9\n</BANKACCTFROM>\n"
            "<BANKTRANLIST>\n" + body + "</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>1250.00\n"
            "<DTASOF>20261130\n</LEDGERBAL>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n")
    path = tmp_path / "s.ofx"
    path.write_text(text, encoding="ascii")
    stmt = read_statement(path)
    assert stmt.lines["Bank Line"].tolist() == ["F1", "F4"]
    assert stmt.lines["Line No"].tolist() == [1, 4]
    # the <STMTTRN> of F2 opens on file line 22 (14 lines of header, F1 on 15-21), F3 on 29
    assert where(stmt) == [("lines 22, 29", "TRNAMT", 2, MANY.format(
        2, "'MEMO POST', 'RATE NOTICE'"))]


def test_mt940_two_information_records_and_the_tie_out(tmp_path):
    path = tmp_path / "citi.sta"
    path.write_text(
        ":20:CITI0001\n:25:AE070331234567890123456\n:28C:00001/001\n"
        ":60F:C261101AED10000,00\n"
        ":61:2611021102CD0,00NMSCNONREF//CIT0001\n:86:LEDGER BALANCE INFORMATION\n"
        ":61:2611031103CD1500,00NTRFINV-2041//CIT0002\n:86:AL NOUR TRADING INV-2041\n"
        ":61:2611041104CD0,NMSCNONREF\n:86:NO ACTIVITY\n"
        ":61:2611051105DD250,00NCHGNONREF//CIT0004\n:86:CHARGES\n"
        ":62F:C261130AED11250,00\n-\n", encoding="ascii")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -250.0]
    assert stmt.lines["Bank Line"].tolist() == ["CIT0002", "CIT0004"]
    assert stmt.lines["Line No"].tolist() == [2, 4]
    assert where(stmt) == [("lines 5, 9", ":61:", 2, MANY.format(
        2, "'LEDGER BALANCE INFORMATION', 'NO ACTIVITY'"))]
    (bal,) = stmt.balances
    assert (bal.credits, bal.debits, bal.lines, bal.difference) == (1500.0, 250.0, 2, 0.0)


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S-11</Id><Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1800.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">800.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-02</Dt></BookgDt><AcctSvcrRef>B1</AcctSvcrRef><NtryDtls>
<TxDtls><Refs><EndToEndId>INV-2041</EndToEndId></Refs><Amt Ccy="AED">500.00</Amt>
<RltdPties><Dbtr><Nm>AL NOUR TRADING</Nm></Dbtr></RltdPties></TxDtls>
<TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="AED">0.00</Amt>
<RmtInf><Ustrd>RETURNED ITEM NOTICE</Ustrd></RmtInf></TxDtls>
<TxDtls><Refs><EndToEndId>INV-2042</EndToEndId></Refs><Amt Ccy="AED">300.00</Amt>
<RltdPties><Dbtr><Nm>GULF STAR LLC</Nm></Dbtr></RltdPties></TxDtls>
</NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">0.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>B2</AcctSvcrRef>
<AddtlNtryInf>SMS ALERT FEE WAIVED</AddtlNtryInf></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_zero_transaction_of_a_batch_and_a_zero_entry(tmp_path):
    path = tmp_path / "s.xml"
    path.write_text(CAMT, encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [500.0, 300.0]
    assert stmt.lines["Reference"].tolist() == ["INV-2041", "INV-2042"]
    assert stmt.lines["Line No"].tolist() == [1, 3]
    assert where(stmt) == [("entries 1-2", "Amt", 2, MANY.format(
        2, "'RETURNED ITEM NOTICE', 'SMS ALERT FEE WAIVED'"))]
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.credits, bal.difference) == (1000.0, 1800.0, 800.0, 0.0)


def test_bank_statement_sheet_of_the_workbook_leaves_its_zero_line_out_too():
    frame = pd.DataFrame({
        "Date": pd.to_datetime(["2026-11-02", "2026-11-03", "2026-11-04"]),
        "Description": ["TRF AL NOUR INV-2041", "رسوم ملغاة", "CHQ DEP"],
        "Amount": [1500.0, 0.0, 200.0],
        ROW: [2, 3, 4],
    })
    letters = {c.name: chr(65 + i) for i, c in enumerate(BANK.fields)}
    table = Table("Bank Statement", "Bank Statement", frame, frame.astype(object), letters,
                  headers={"Amount": "المبلغ"})
    stmt = statement_from_table(table)
    assert stmt.lines["Amount"].tolist() == [1500.0, 200.0]
    assert stmt.lines["Line No"].tolist() == [2, 4]
    assert [(i.sheet, i.cell, i.column, i.value) for i in stmt.issues] == [
        ("Bank Statement", f"{letters['Amount']}3", "المبلغ", 1)]
    assert stmt.issues[0].message == ONE.format("'رسوم ملغاة'")


def test_the_message_in_arabic_keeps_the_count_and_the_words():
    assert arabic_bank_message(ONE.format("'BALANCE ENQUIRY'")) == (
        "سطر بمبلغ 0 ('BALANCE ENQUIRY'): لم يتحرك به مال، فهو قيد معلومات لا معاملة؛ استُبعد")
    assert arabic_bank_message(MANY.format(3, "'A', 'B', 'C' ...")) == (
        "سطور بمبلغ 0 (عددها 3) ('A', 'B', 'C' ...): لم يتحرك بها مال، فهي قيود معلومات لا "
        "معاملات؛ استُبعدت")


def test_nothing_is_said_where_no_line_is_zero(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("Date,Description,Amount\n2026-11-02,A,0.01\n2026-11-03,B,-0.01\n",
                    encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [0.01, -0.01]
    assert stmt.issues == []


def test_a_line_whose_amount_no_account_moves_is_left_out_and_said(tmp_path):
    """A reference read as a line's amount (123456789012345678901, or 1E+20 in a camt
    file): matching sums amounts in thousandths in 64-bit integers, which it overflowed
    (numpy's RuntimeWarning on the month-end's stderr, a wrong figure). A line of 1E+15 or
    more is left out and said at its cell, in Arabic too; the others keep their Bank Line.
    Found by fuzzing the shared camt fixtures."""
    path = tmp_path / "nov.csv"
    path.write_text("Date,Description,Amount\n03/11/2026,TRF NILE FOODS INV-1,1200.00\n"
                    "04/11/2026,REF 123456789012345678901,123456789012345678901\n"
                    "05/11/2026,TRF DELTA,3400.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines[["Bank Line", "Amount"]].values.tolist() == [["1", 1200.0], ["3", 3400.0]]
    assert [(i.cell, i.column, i.message) for i in stmt.issues] == [
        ("C3", "Amount", "amount 1.23457e+20 is too large to be an amount; the line was left "
                         "out")]
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message(stmt.issues[0].message) == (
        "المبلغ 1.23457e+20 أكبر من أن يكون مبلغاً؛ استُبعد السطر")
