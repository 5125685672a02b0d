"""Structured statements as Gulf and Egyptian banks' corporate portals write them, checked by
pencil (names, accounts and figures invented):

* SNB-style MT940 with SWIFT codes in the ``:86:`` (``/TRCD/``, ``/REMI/``, ``/ORDP/``,
  ``/BENM/``, ``/OCMT/``, ``/CHGS/``) and the ``/OCMT/`` on the ``:61:``'s second line too: a
  EUR invoice paid into a SAR account. The line's amount is the SAR booked; the EUR the payer
  sent is what the invoice says, kept in the description for the reviewer ("paid EUR
  10,000.00"), in words the matcher reads neither as a payer's name nor as an invoice number;
* the same in camt.053 (``AmtDtls/InstdAmt`` in EUR on an AED entry booked net of charges);
* an ENBD-style MT940 of two pages (``:28C:00305/00001`` ending ``:62M:``, ``00305/00002``
  opening ``:60M:``) with funds-code letters (``CD``, ``DD``: AED) and reversals (``RCD``,
  ``RDD``), each page tied out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from ar_excel.bank import read_statement
from ar_excel.cli import main

SNB = """:20:SNB2611090001
:25:SA4210000001234567890123
:28C:312/1
:60F:C261108SAR402315,00
:61:2611091109C57500,00NTRFINV-2026-2001//SN26313000451
/OCMT/SAR57500,00/
:86:/TRCD/00131/REMI/INVOICE INV-2026-2001 OCT SUPPLY/ORDP/SA03800000
00608010167519/NAME/RIYADH MEDICAL SUPPLIES CO/
:61:2611091109C43585,80NTRFNONREF//SN26313000452
/OCMT/EUR10000,00//CHGS/SAR30,00/
:86:/TRCD/00152/REMI/INV-2026-5001/ORDP//NAME/BERLIN MASCHINENBAU GMB
H/BENM//NAME/OUR COMPANY FZE/OCMT/EUR10000,00/CHGS/SAR30,00/
:61:2611101110D15000,00NTRFPAY-7781//SN26314000019
:86:/TRCD/00201/REMI/SUPPLIER PAYMENT PO-7781/BENM/SA1110000009876543
210987/NAME/AL JAZIRA PACKAGING/ORDP//NAME/OUR COMPANY/
:61:2611101110D57,50NCHGNONREF//SN26314000020
:86:/TRCD/00909/REMI/SARIE OUTWARD CHARGES INCL VAT/
:62F:C261110SAR488343,30
"""


def test_snb_swift_codes_and_the_amount_sent_in_another_currency(tmp_path: Path) -> None:
    path = tmp_path / "snb.sta"
    path.write_bytes(SNB.replace("\n", "\r\n").encode())
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [57500.0, 43585.8, -15000.0, -57.5]
    assert lines["Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-09", "2026-11-09", "2026-11-10", "2026-11-10"]
    # the EUR the payer sent is kept; a /OCMT/ in the account's own currency says nothing more
    assert lines["Description"].tolist() == [
        "INVOICE INV-2026-2001 OCT SUPPLY", "INV-2026-5001 (paid EUR 10,000.00)",
        "SUPPLIER PAYMENT PO-7781", "SARIE OUTWARD CHARGES INCL VAT"]
    assert lines["Reference"].tolist() == ["INV-2026-2001", None, "PAY-7781", None]
    # the ordering party of money in, the beneficiary of money out
    assert lines["Counterparty"].tolist() == [
        "RIYADH MEDICAL SUPPLIES CO", "BERLIN MASCHINENBAU GMBH", "AL JAZIRA PACKAGING", None]
    assert lines["Counterparty Account"].tolist() == [
        "SA0380000000608010167519", None, "SA1110000009876543210987", None]
    assert lines["Bank Line"].tolist() == ["SN26313000451", "SN26313000452", "SN26314000019",
                                           "SN26314000020"]
    (bal,) = st.balances
    assert (bal.account, bal.currency, bal.opening, bal.closing, bal.credits, bal.debits,
            bal.difference) == ("SA4210000001234567890123", "SAR", 402315.0, 488343.3,
                                101085.8, 15057.5, 0.0)
    assert st.issues == []


def _book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    for row in [("N1", "Nile Trading Co", "SAR", 30), ("D1", "Delta Foods Co", "SAR", 30),
                ("O1", "Original Amount Trading", "SAR", 30)]:
        ws.append(list(row))
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"])
    for row in [("INV-1003", "N1", dt.date(2026, 10, 1), "SAR", 15000.0),
                ("INV-1004", "D1", dt.date(2026, 10, 3), "SAR", 8000.0),
                ("INV-1006", "O1", dt.date(2026, 10, 4), "SAR", 4000.0),
                ("INV-4000", "O1", dt.date(2026, 10, 4), "SAR", 3150.0)]:
        ws.append(list(row))
    wb.save(path)
    return path


def test_the_amount_sent_names_no_payer_and_no_invoice_in_reconcile(tmp_path: Path) -> None:
    """The words kept ("paid USD 4,000.00") change no match: "original amount" would have
    named the customer Original Amount Trading, and 4,000 is no invoice INV-4000."""
    from python_calamine import CalamineWorkbook

    statement = tmp_path / "ocmt.sta"
    statement.write_text(
        ":20:940S261123\n:25:SA4210000001234567890123\n:28C:1/1\n:60F:C261122SAR10000,00\n"
        ":61:2611231123C15000,00S103FT2632700012//FT2632700012\n/OCMT/USD4000,00//CHGS/SAR15,00/\n"
        ":86:/ORDP/NILE TRADING CO/REMI/INV-1003/\n"
        ":61:2611231123C5000,00S103FT2632700014//FT2632700014\n/OCMT/USD1333,33/\n"
        ":86:/ORDP//NAME/DELTA FOODS CO/REMI/INV-1004/\n"
        ":61:2611231123C4000,00S103FT2632700016//FT2632700016\n/OCMT/USD1066,67/\n"
        ":86:INWARD SWIFT TRANSFER\n"
        ":62F:C261123SAR34000,00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path / "book.xlsx")), "--bank", str(statement),
                 "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    got = [(r[0], r[3], r[6], r[8], r[12]) for r in rows[1:]]
    assert got == [
        ("FT2632700012", "INV-1003", "reference", "Matched", "INV-1003 (paid USD 4,000.00)"),
        ("FT2632700014", "INV-1004", "partial", "Matched", "INV-1004 (paid USD 1,333.33)"),
        # the amount alone: a suggestion, as without the words (no payer read in them)
        ("FT2632700016", "INV-1006", "amount-only", "Suggested",
         "INWARD SWIFT TRANSFER (paid USD 1,066.67)")]


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>FAB20261118STMT</MsgId><CreDtTm>2026-11-18T06:00:00+04:00</CreDtTm></GrpHdr>
<Stmt><Id>FAB-0011223344-20261117</Id>
<Acct><Id><IBAN>AE180260001012345678901</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">210000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-16</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">253585.80</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-17</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">43585.80</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-17</Dt></BookgDt><ValDt><Dt>2026-11-16</Dt></ValDt>
<AcctSvcrRef>FAB26321S0002</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>BMB-2026-11-0042</EndToEndId></Refs>
<AmtDtls><InstdAmt><Amt Ccy="EUR">10000.00</Amt></InstdAmt>
<TxAmt><Amt Ccy="AED">43615.80</Amt></TxAmt></AmtDtls>
<Chrgs><TtlChrgsAndTaxAmt Ccy="AED">30.00</TtlChrgsAndTaxAmt></Chrgs>
<RltdPties><Dbtr><Pty><Nm>BERLIN MASCHINENBAU GMBH</Nm></Pty></Dbtr>
<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>INVOICE INV-2026-5001</Ustrd></RmtInf></TxDtls>
</NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_instructed_amount_in_another_currency_is_kept_for_the_reviewer(
        tmp_path: Path) -> None:
    path = tmp_path / "fab.xml"
    path.write_text(CAMT, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    # booked net of the charges: the payment gross, and the charges a line of their own
    assert lines["Amount"].tolist() == [43615.8, -30.0]
    assert lines["Description"].tolist() == [
        "INVOICE INV-2026-5001 (paid EUR 10,000.00)",
        "Bank charges deducted from entry of 43,585.80 AED"]
    assert lines["Counterparty"].tolist() == ["BERLIN MASCHINENBAU GMBH", None]
    assert lines["Reference"].tolist() == ["BMB-2026-11-0042", None]
    assert lines["Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-17", "2026-11-17"]
    assert lines["Value Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-16", "2026-11-16"]
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        210000.0, 253585.8, 43615.8, 30.0, 0.0)


ENBD = """{1:F01EBILAEADAXXX0000000000}{2:O9401805261103EBILAEADAXXX00000000002611031805N}{4:
:20:ENBD261103001
:25:AE180260001012345678901
:28C:00305/00001
:60F:C261101AED125000,00
:61:2611021102CD25000,00NTRFNONREF//FT26306ABCD12
TT INWARD AL NOOR TRADING
:86:INWARD TT FROM AL NOOR TRADING LLC
INV-2026-1001 PAYMENT
ORDERING A/C AE150330000010987654321
:61:2611031103DD1250,50NCHGFT26307XY//FT26307EFGH34
:86:OUTWARD TT CHARGES
VAT ON CHARGES
:61:2611031103CD8400,00NTRFINV-2026-1002//FT26307IJKL56
:86:UAEFTS CREDIT GULF STAR GENERAL TRADING L.L.C
:62M:C261103AED157149,50
-}
{1:F01EBILAEADAXXX0000000000}{2:O9401805261103EBILAEADAXXX00000000002611031805N}{4:
:20:ENBD261103001
:25:AE180260001012345678901
:28C:00305/00002
:60M:C261103AED157149,50
:61:2611041104RCD8400,00NTRFINV-2026-1002//FT26308MNOP78
:86:REVERSAL UAEFTS CREDIT GULF STAR GENERAL TRADING RETURNED
:61:2611041104RDD500,00NCHGNONREF//FT26308QRST90
:86:REVERSAL OF CHARGES
:61:2611051105CD3150,75NCHKCHQ000123//CL26309UVWX12
:86:CHEQUE DEPOSIT CLEARING CHQ 000123 DESERT ROSE CONTRACTING
:62F:C261105AED152400,25
:64:C261105AED152400,25
-}
"""


def test_enbd_two_pages_funds_codes_and_reversals(tmp_path: Path) -> None:
    path = tmp_path / "enbd.sta"
    path.write_text(ENBD, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    # CD/DD: a credit/debit with funds code D (AED); RCD a reversed credit (money out), RDD a
    # reversed debit (money back in)
    assert lines["Amount"].tolist() == [25000.0, -1250.5, 8400.0, -8400.0, 500.0, 3150.75]
    assert lines["Statement"].tolist() == ["00305/00001"] * 3 + ["00305/00002"] * 3
    assert lines["Reference"].tolist() == [None, "FT26307XY", "INV-2026-1002", "INV-2026-1002",
                                           None, "CHQ000123"]
    assert lines["Counterparty Account"].tolist() == ["AE150330000010987654321", None, None,
                                                      None, None, None]
    assert lines["Description"].tolist()[0] == (
        "TT INWARD AL NOOR TRADING INWARD TT FROM AL NOOR TRADING LLC INV-2026-1001 PAYMENT "
        "ORDERING A/C AE150330000010987654321")
    assert [(b.statement, b.opening, b.closing, b.credits, b.debits, b.difference)
            for b in st.balances] == [
        ("00305/00001", 125000.0, 157149.5, 33400.0, 1250.5, 0.0),
        ("00305/00002", 157149.5, 152400.25, 3650.75, 8400.0, 0.0)]
    assert {b.account for b in st.balances} == {"AE180260001012345678901"}
    assert st.issues == []


BATCH_FX = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-18T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>AE180260001012345678901</IBAN></Id><Ccy>AED</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-16</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">66423.70</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-17</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">65423.70</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-17</Dt></BookgDt><ValDt><Dt>2026-11-17</Dt></ValDt>
<AcctSvcrRef>B1</AcctSvcrRef><NtryDtls>
<TxDtls><Refs><AcctSvcrRef>B1-1</AcctSvcrRef></Refs><Amt Ccy="EUR">10000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><AmtDtls><InstdAmt><Amt Ccy="EUR">10000.00</Amt></InstdAmt>
<CntrValAmt><Amt Ccy="AED">43615.80</Amt><CcyXchg><SrcCcy>EUR</SrcCcy><TrgtCcy>AED</TrgtCcy>
<XchgRate>4.36158</XchgRate></CcyXchg></CntrValAmt></AmtDtls>
<RltdPties><Dbtr><Pty><Nm>BERLIN MASCHINENBAU GMBH</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>INV-2026-5001</Ustrd></RmtInf></TxDtls>
<TxDtls><Refs><AcctSvcrRef>B1-2</AcctSvcrRef></Refs><Amt Ccy="EUR">5000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><AmtDtls><CntrValAmt><Amt Ccy="AED">21807.90</Amt></CntrValAmt>
</AmtDtls><RltdPties><Dbtr><Pty><Nm>MUENCHEN TECHNIK AG</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>INV-2026-5002</Ustrd></RmtInf></TxDtls>
</NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_batch_of_payments_sent_in_euro_splits_on_their_aed_counter_values(
        tmp_path: Path) -> None:
    """Each transaction's Amt in the EUR the payer sent, its counter value in AED: the batch
    adds up in AED (43,615.80 + 21,807.90), so each payment is a line of its own (it was one
    line of 65,423.70 with an issue that its transactions added up to '15,000.00')."""
    path = tmp_path / "batch.xml"
    path.write_text(BATCH_FX, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [43615.8, 21807.9]
    assert lines["Currency"].tolist() == ["AED", "AED"]
    assert lines["Bank Line"].tolist() == ["B1-1", "B1-2"]
    assert lines["Counterparty"].tolist() == ["BERLIN MASCHINENBAU GMBH", "MUENCHEN TECHNIK AG"]
    # the EUR sent, from InstdAmt, else the transaction's own amount in EUR
    assert lines["Description"].tolist() == ["INV-2026-5001 (paid EUR 10,000.00)",
                                             "INV-2026-5002 (paid EUR 5,000.00)"]
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.credits, bal.difference) == (
        1000.0, 66423.7, 65423.7, 0.0)
    assert st.issues == []


def test_only_the_account_holder_named_is_no_counterparty(tmp_path: Path) -> None:
    """SNB's credit advice names the beneficiary (we) and a debit the ordering party (we):
    the other party is not named, so the line has none (it was 'OUR COMPANY FZE' on both)."""
    path = tmp_path / "benm.sta"
    path.write_text(
        ":20:SNB2611250001\n:25:SA4210000001234567890123\n:28C:313/1\n"
        ":60F:C261124SAR1000,00\n"
        ":61:2611251125C11500,00NTRFNONREF//SN26329000001\n"
        ":86:/TRCD/00131/BENM//NAME/OUR COMPANY FZE/REMI/INV-2026-2002/\n"
        ":61:2611251125D2000,00NTRFNONREF//SN26329000002\n"
        ":86:/TRCD/00201/ORDP//NAME/OUR COMPANY FZE/REMI/PO-1/\n"
        ":61:2611251125C500,00NTRFNONREF//SN26329000003\n"
        ":86:/TRCD/00131/ORDP//NAME/DELTA FOODS CO/REMI/INV-1004/\n"
        ":62F:C261125SAR11000,00\n", encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [11500.0, -2000.0, 500.0]
    assert lines["Counterparty"].tolist() == [None, None, "DELTA FOODS CO"]
    assert lines["Description"].tolist() == ["INV-2026-2002", "PO-1", "INV-1004"]
    assert st.balances[0].difference == 0.0


def _wrapped_at_65_bytes(text: str) -> list[bytes]:
    data = text.encode("utf-8")
    return [data[i:i + 65] for i in range(0, len(data), 65)]


def test_arabic_narrative_wrapped_at_65_bytes_not_characters(tmp_path: Path) -> None:
    """An Egyptian bank writing its MT940 in UTF-8 wraps the :86: at 65 bytes: the Arabic
    letters (two bytes each) are cut in two at the breaks, the file is no valid UTF-8, and it
    was read whole as cp1256 ('ط´ط±ظƒط©' for 'شركة', no issue said). Rejoined where the bank
    broke it, it reads as written; the lines after it keep their file line numbers."""
    narrative = ("051?00حوالة واردة?20فاتورة رقم INV-2026-3001 سداد مستحقات شهر أكتوبر"
                 "?32شركة النيل للأدوية")
    free = "حوالة واردة من شركة الدلتا للتجارة والتوريدات فاتورة رقم INV-2026-3002 سداد كامل"
    pieces = _wrapped_at_65_bytes(narrative)
    assert any(p.decode("utf-8", errors="replace") != p.decode("utf-8", errors="ignore")
               for p in pieces)  # (a letter is cut in two at a break)
    data = b"\r\n".join([
        b":20:CIB20261112", b":25:EG380019000500000000263180002", b":28C:00045/00001",
        b":60F:C261111EGP1250000,00",
        b":61:2611121112C148250,00N051NONREF//CIB2631600001",
        b":86:" + pieces[0], *pieces[1:],
        b":61:2611121112C23380,00NTRFNONREF//CIB2631600002",
        b":86:" + b"\r\n".join(_wrapped_at_65_bytes(free)),
        b":61:2611121112D2500,00NCHGNONREF//CIB2631600003",
        b":86:" + "عمولة تحويل".encode(),
        b":61:2611121112C1,234,56NTRFNONREF//CIB2631600004",  # unreadable: said by its line
        b":86:" + "حوالة".encode(),
        b":62F:C261112EGP1419130,00", b""])
    path = tmp_path / "cib.sta"
    path.write_bytes(data)
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [148250.0, 23380.0, -2500.0]
    # (the free text's sender, 'حوالة واردة من X', is read as its counterparty: helper-152)
    assert lines["Counterparty"].tolist() == ["شركة النيل للأدوية",
                                              "شركة الدلتا للتجارة والتوريدات", None]
    assert lines["Description"].tolist() == [
        "فاتورة رقم INV-2026-3001 سداد مستحقات شهر أكتوبر (حوالة واردة)", free, "عمولة تحويل"]
    assert st.balances[0].difference == 0.0
    bad = data.split(b"\r\n").index(b":61:2611121112C1,234,56NTRFNONREF//CIB2631600004") + 1
    assert [(i.cell, i.column, i.value) for i in st.issues] == [
        (f"line {bad}", ":61:", "2611121112C1,234,56NTRFNONREF//CIB2631600004")]


def test_a_char_wrapped_utf8_or_cp1256_statement_is_read_as_before(tmp_path: Path) -> None:
    """A bank wrapping at 65 characters (its Arabic lines longer than 65 bytes), and one
    writing cp1256, are no byte-wrapped files: read as they were."""
    text = ("حوالة واردة من شركة الدلتا للتجارة والتوريدات فاتورة رقم INV-2026-3002 سداد "
            "كامل المستحقات عن شهر أكتوبر")
    body = "\n".join(text[i:i + 65] for i in range(0, len(text), 65))
    statement = (":20:X\n:25:EG380019000500000000263180002\n:28C:1/1\n:60F:C261111EGP0,00\n"
                 f":61:2611121112C100,00NTRFNONREF//R1\n:86:{body}\n:62F:C261112EGP100,00\n")
    for encoding in ("utf-8", "cp1256"):
        path = tmp_path / f"{encoding}.sta"
        path.write_bytes(statement.encode(encoding))
        st = read_statement(path)
        assert st.lines["Description"].tolist() == [text], encoding


def test_byte_wrapped_utf8_whose_breaks_fell_between_letters_keeps_its_words(
        tmp_path: Path) -> None:
    """The same wrap where every break fell between two letters: the file is valid UTF-8,
    but 'لل' + 'تجارة' and 'INV-2026-30' + '02' were read as two words each."""
    text = ("REF0000000000 حوالة واردة من شركة الدلتا للتجارة والتوريدات فاتورة رقم "
            "INV-2026-3002 سداد كامل المستحقات")
    pieces = _wrapped_at_65_bytes(text)
    assert [len(p) for p in pieces] == [65, 65, 39]
    data = b"\n".join([
        b":20:X", b":25:EG380019000500000000263180002", b":28C:1/1", b":60F:C261111EGP0,00",
        b":61:2611121112C23380,00NTRFNONREF//R1", b":86:" + pieces[0], *pieces[1:],
        b":62F:C261112EGP23380,00", b""])
    data.decode("utf-8")  # valid UTF-8
    path = tmp_path / "bytes.sta"
    path.write_bytes(data)
    st = read_statement(path)
    assert st.lines["Description"].tolist() == [text]


OFX = """OFXHEADER:100
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
<DTSERVER>20261121093000.000[+4:GST]<LANGUAGE>ENG<FI><ORG>Emirates NBD<FID>3000</FI>
<INTU.BID>3000</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>AED
<BANKACCTFROM><BANKID>EBILAEAD<ACCTID>1012345678901<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20261101000000.000[+4:GST]<DTEND>20261120235959.000[+4:GST]
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20261102000000.000[+4:GST]
<TRNAMT>25,000.00
<FITID>FT26306ABCD12
<NAME>AL NOOR TRADING LLC
<MEMO>INWARD TT INV-2026-1001 PAYMENT
</STMTTRN>
<STMTTRN>
<TRNTYPE>DEP
<DTPOSTED>20261105000000.000[+4:GST]
<TRNAMT>3150.75
<FITID>CL26309UVWX12
<CHECKNUM>000123
<NAME>CHEQUE DEPOSIT CLEARING
<MEMO>DESERT ROSE CONTRACTING
</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>153150.75<DTASOF>20261120235959.000[+4:GST]</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""


def test_ofx_name_of_the_bank_s_words_is_no_payer(tmp_path: Path) -> None:
    """A QuickBooks-style export puts the kind of line in NAME ('CHEQUE DEPOSIT CLEARING')
    and the payer in MEMO: that NAME is no counterparty ('paid by CHEQUE DEPOSIT CLEARING,
    not a customer' and the cheque only Suggested by its amount), it opens the description;
    a payer's NAME stays the counterparty."""
    from python_calamine import CalamineWorkbook

    path = tmp_path / "enbd.qbo"
    path.write_text(OFX.replace("\n", "\r\n"), encoding="ascii")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [25000.0, 3150.75]
    assert lines["Counterparty"].tolist() == ["AL NOOR TRADING LLC", None]
    assert lines["Description"].tolist() == ["INWARD TT INV-2026-1001 PAYMENT",
                                             "CHEQUE DEPOSIT CLEARING DESERT ROSE CONTRACTING"]
    assert lines["Reference"].tolist() == [None, "000123"]
    assert st.balances[0].closing == 153150.75

    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C001", "Al Noor Trading LLC", "AED", 30])
    ws.append(["C003", "Desert Rose Contracting", "AED", 30])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    ws.append(["INV-2026-1001", "C001", dt.date(2026, 10, 1), 25000.0])
    ws.append(["INV-2026-1003", "C003", dt.date(2026, 10, 5), 3150.75])
    ws.append(["INV-2026-1004", "C001", dt.date(2026, 10, 6), 3150.75])
    wb.save(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(tmp_path / "book.xlsx"), "--bank", str(path),
                 "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    assert [(r[0], r[3], r[4], r[8]) for r in rows[1:]] == [
        ("FT26306ABCD12", "INV-2026-1001", "C001", "Matched"),
        ("CL26309UVWX12", "INV-2026-1003", "C003", "Matched")]


def _page(number: int, last: bool, balances: list[tuple[str, str, str]], entry: str) -> str:
    bals = "".join(
        f'<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy="AED">{amount}</Amt>'
        f"<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>"
        for code, amount, day in balances)
    return (f"<Stmt><Id>STM-317</Id><StmtPgntn><PgNb>{number}</PgNb>"
            f"<LastPgInd>{str(last).lower()}</LastPgInd></StmtPgntn>"
            "<Acct><Id><IBAN>AE180260001012345678901</IBAN></Id><Ccy>AED</Ccy></Acct>"
            f"{bals}{entry}</Stmt>")


def _entry(amount: str, side: str, ref: str) -> str:
    return (f'<Ntry><Amt Ccy="AED">{amount}</Amt><CdtDbtInd>{side}</CdtDbtInd>'
            "<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt>"
            f"<AcctSvcrRef>{ref}</AcctSvcrRef></Ntry>")


def test_camt_statement_in_pages_ties_out_page_by_page_on_interim_balances(
        tmp_path: Path) -> None:
    """A camt.053 cut into pages (StmtPgntn): the first page opens (OPBD) and ends on an
    interim booked balance (ITBD), the middle one runs ITBD to ITBD, the last ends on CLBD.
    Each page is tied out on them, as an MT940's :60M:/:62M: pages are; before, no page had
    both balances, and the statement's closing balance of 1,300.00 was 'not stated'."""
    xml = ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:'
           'xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId>'
           "<CreDtTm>2026-11-18T06:00:00</CreDtTm></GrpHdr>"
           + _page(1, False, [("OPBD", "1000.00", "2026-11-16"),
                              ("ITBD", "1500.00", "2026-11-17")], _entry("500.00", "CRDT", "P1"))
           + _page(2, False, [("ITBD", "1500.00", "2026-11-17"),
                              ("ITBD", "1450.00", "2026-11-17")], _entry("50.00", "DBIT", "P2"))
           + _page(3, True, [("ITBD", "1450.00", "2026-11-17"),
                             ("CLBD", "1300.00", "2026-11-17")], _entry("150.00", "DBIT", "P3"))
           + "</BkToCstmrStmt></Document>")
    path = tmp_path / "pages.xml"
    path.write_text(xml, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, -50.0, -150.0]
    assert [(b.statement, b.opening, b.closing, b.difference) for b in st.balances] == [
        ("STM-317", 1000.0, 1500.0, 0.0), ("STM-317 #2", 1500.0, 1450.0, 0.0),
        ("STM-317 #3", 1450.0, 1300.0, 0.0)]
    assert st.issues == []
    # a report (camt.052) keeps its interim balance as no closing: banks state it before or
    # after the entries
    report = xml.replace("camt.053.001.08", "camt.052.001.08").replace(
        "BkToCstmrStmt", "BkToCstmrAcctRpt").replace("<Stmt>", "<Rpt>").replace(
        "</Stmt>", "</Rpt>")
    path.write_text(report, encoding="utf-8")
    assert [b.closing for b in read_statement(path).balances] == [None, None, 1300.0]


REVERSALS = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-18T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>AE180260001012345678901</IBAN></Id><Ccy>AED</Ccy>
<Ownr><Nm>Our Company FZE</Nm></Ownr></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-16</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1200.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-17</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>AL NOOR TRADING LLC</Nm></Pty></Dbtr>
<Cdtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Cdtr></RltdPties>
<RmtInf><Ustrd>CHEQUE 000877 RETURNED</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>R2</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Dbtr>
<DbtrAcct><Id><IBAN>AE180260001012345678901</IBAN></Id></DbtrAcct>
<Cdtr><Pty><Nm>AL JAZIRA PACKAGING</Nm></Pty></Cdtr>
<CdtrAcct><Id><IBAN>SA1110000009876543210987</IBAN></Id></CdtrAcct></RltdPties>
<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def test_camt_reversal_repeating_the_original_parties_names_the_other_party(
        tmp_path: Path) -> None:
    """A returned cheque (DBIT, RvslInd) and a returned supplier payment (CRDT, RvslInd)
    whose bank repeats the original payment's debtor and creditor: the party on the side the
    direction reads is the account holder (its owner's name, its own IBAN), so the line names
    the other one; before, both lines' counterparty was 'OUR COMPANY FZE'."""
    path = tmp_path / "returns.xml"
    path.write_text(REVERSALS, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [-500.0, 700.0]
    assert lines["Counterparty"].tolist() == ["AL NOOR TRADING LLC", "AL JAZIRA PACKAGING"]
    assert lines["Counterparty Account"].tolist() == [None, "SA1110000009876543210987"]
    assert st.balances[0].difference == 0.0


def test_vr_bank_batch_transfer_names_the_other_account_not_the_holder() -> None:
    """VR-Bank's real sample: its batch transfer out of DE14...33626 (owner 'Testkonto
    Nummer 1') names that account as the creditor; the other party is the debtor it names,
    'Testkonto Nummer 2' (DE58...33626)."""
    fixture = Path(__file__).resolve().parents[2] / "shared/fixtures/bank/camt053/vrbank_de_v02.xml"
    if not fixture.exists():
        import pytest
        pytest.skip("shared fixtures not next to the repo")
    lines = read_statement(fixture).lines
    batch = lines[lines["Description"].str.startswith("Sammelue")]
    assert batch["Counterparty"].tolist() == ["Testkonto Nummer 2"] * 2
    assert batch["Counterparty Account"].tolist() == ["DE58740618130100033626"] * 2
    assert "DE14740618130000033626" not in lines["Counterparty Account"].tolist()


def test_camt_money_from_the_holder_s_other_account_keeps_that_account(tmp_path: Path) -> None:
    """A transfer in from the holder's own USD account: the debtor carries the owner's name
    but another account, the creditor is this one. The other account is the counterparty
    (it was swapped for this statement's own IBAN by the rule above, taken on the name)."""
    xml = REVERSALS.replace(
        "<Ntry><Amt Ccy=\"AED\">500.00</Amt>", "<Ntry><Amt Ccy=\"AED\">300.00</Amt><CdtDbtInd>"
        "CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt>"
        "<AcctSvcrRef>T1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>OUR COMPANY "
        "FZE</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>AE880260001012345678902</IBAN></Id>"
        "</DbtrAcct><Cdtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>"
        "AE180260001012345678901</IBAN></Id></CdtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>"
        "<Ntry><Amt Ccy=\"AED\">500.00</Amt>", 1).replace(">1200.00<", ">1500.00<")
    path = tmp_path / "own.xml"
    path.write_text(xml, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [300.0, -500.0, 700.0]
    assert lines["Counterparty"].tolist() == ["OUR COMPANY FZE", "AL NOOR TRADING LLC",
                                              "AL JAZIRA PACKAGING"]
    assert lines["Counterparty Account"].tolist() == [
        "AE880260001012345678902", None, "SA1110000009876543210987"]
    assert st.balances[0].difference == 0.0
