"""Statements as the portals of Egyptian, Gulf and US banks export them, written by hand from
their layouts: NBE (Arabic, logo and title rows, a header over two rows with merged cells,
'رصيد افتتاحي', totals by debit and credit, closing balance), CIB (English, account lines,
'Opening Balance' row, 'Total credits' / 'Total debits' footer, a printed disclaimer), Emirates
NBD (narrative over three rows, balances written 'Cr', period and balances above the header),
Bank of America (a summary block above the lines), Chase (details, type, balance, check
number), an Egyptian MT940 in Windows Arabic with reversals (RC/RD) and funds codes, a
Bahraini OFX in fils. Each is read exactly: dates, signed amounts, narratives, references,
balances, and what the clerk is told."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from ar_excel.bank import read_statement


def days(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


def test_nbe_arabic_xlsx_with_title_rows_a_merged_two_row_header_and_totals(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "كشف حساب"
    ws.merge_cells("A2:G2")
    ws["A2"] = "البنك الأهلي المصري - كشف حساب"
    ws["A3"], ws["B3"] = "رقم الحساب", "1234567890123"
    ws["A4"], ws["B4"] = "العملة", "جنيه مصري"
    ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "الفترة من", "01/11/2026", "إلى", "30/11/2026"
    for i, h in enumerate(["تاريخ الحركة", "تاريخ القيمة", "البيان", "رقم المرجع", "المبلغ",
                           None, "الرصيد"], 1):
        ws.cell(7, i, h)
    ws.merge_cells("E7:F7")
    for c in "ABCDG":
        ws.merge_cells(f"{c}7:{c}8")
    ws["E8"], ws["F8"] = "مدين", "دائن"
    rows = [
        ("01/11/2026", "01/11/2026", "رصيد افتتاحي", None, None, None, "50,000.00"),
        ("02/11/2026", "02/11/2026", "تحويل وارد من شركة النور للتجارة فاتورة INV-1001",
         "FT2630600123", None, "12,500.00", "62,500.00"),
        ("03/11/2026", "04/11/2026", "شيك رقم 100234", "CHQ100234", "3,000.00", None,
         "59,500.00"),
        ("05/11/2026", "05/11/2026", "إيداع نقدي - شركة الأمل", "DEP55", None, "7,250.50",
         "66,750.50"),
        ("06/11/2026", "06/11/2026", "عمولة تحويل", None, "25.00", None, "66,725.50"),
    ]
    for r, row in enumerate(rows, 9):
        for i, v in enumerate(row, 1):
            ws.cell(r, i, v)
    ws.cell(14, 3, "إجمالي الحركات المدينة")
    ws.cell(14, 5, "3,025.00")
    ws.cell(15, 3, "إجمالي الحركات الدائنة")
    ws.cell(15, 6, "19,750.50")
    ws.cell(16, 3, "الرصيد الختامي")
    ws.cell(16, 7, "66,725.50")
    path = tmp_path / "nbe.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06")
    assert lines["Value Date"].tolist() == days("2026-11-02", "2026-11-04", "2026-11-05",
                                                "2026-11-06")
    assert lines["Amount"].tolist() == [12500.0, -3000.0, 7250.5, -25.0]
    assert lines["Currency"].tolist() == ["EGP"] * 4
    assert lines["Reference"].tolist() == ["FT2630600123", "CHQ100234", "DEP55", None]
    assert lines["Description"].tolist()[0] == "تحويل وارد من شركة النور للتجارة فاتورة INV-1001"
    assert lines["Line No"].tolist() == [10, 11, 12, 13]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        50000.0, 66725.5, 19750.5, 3025.0, 0.0)
    assert stmt.issues == []  # the totals agree with the lines


def test_cib_xlsx_with_account_lines_opening_row_and_a_totals_footer(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Statement"
    ws["A1"] = "Commercial International Bank (Egypt) S.A.E."
    ws["A3"], ws["B3"] = "Account No.", "100012345678"
    ws["A4"], ws["B4"] = "Currency", "EGP"
    for i, h in enumerate(["Posting Date", "Value Date", "Description", "Reference No.",
                           "Debit", "Credit", "Balance"], 1):
        ws.cell(7, i, h)
    data = [
        (dt.datetime(2026, 11, 1), None, "Opening Balance", None, None, None, 20000),
        (dt.datetime(2026, 11, 2), dt.datetime(2026, 11, 2),
         "INWARD TRANSFER ALNOOR TRADING CO INV-1001", "IT26306001", None, 12500, 32500),
        (dt.datetime(2026, 11, 3), dt.datetime(2026, 11, 3), "OUTWARD TRANSFER SUPPLIER X",
         "OT26307002", 4000, None, 28500),
        (dt.datetime(2026, 11, 4), dt.datetime(2026, 11, 5), "CHEQUE DEPOSIT 55123 ALAMAL",
         "CD55123", None, 3300.75, 31800.75),
    ]
    for r, row in enumerate(data, 8):
        for i, v in enumerate(row, 1):
            ws.cell(r, i, v)
    ws.cell(13, 1, "Total credits")
    ws.cell(13, 6, 15800.75)
    ws.cell(14, 1, "Total debits")
    ws.cell(14, 5, 4000)
    ws.cell(15, 1, "Closing Balance")
    ws.cell(15, 7, 31800.75)
    ws.cell(16, 1, "This is a computer generated statement and does not require a signature")
    path = tmp_path / "cib.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-02", "2026-11-03", "2026-11-04")
    assert lines["Value Date"].tolist() == days("2026-11-02", "2026-11-03", "2026-11-05")
    assert lines["Amount"].tolist() == [12500.0, -4000.0, 3300.75]
    assert lines["Reference"].tolist() == ["IT26306001", "OT26307002", "CD55123"]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (20000.0, 31800.75, 0.0)
    assert stmt.issues == []  # the disclaimer: no transaction, and no issue (helper-184)


def test_emirates_nbd_narrative_over_three_rows_and_balances_written_cr(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.merge_cells("A1:F3")
    ws["A1"] = "Emirates NBD"
    ws["A5"], ws["C5"] = "Account Number :", "1015123456701"
    ws["A6"], ws["C6"] = "Account Currency :", "AED"
    ws["A7"], ws["C7"] = "Statement Period :", "01/11/2026 to 30/11/2026"
    ws["A8"], ws["C8"] = "Opening Balance :", "25,000.00 Cr"
    ws["A9"], ws["C9"] = "Closing Balance :", "38,400.00 Cr"
    ws.append([])
    ws.append(["Transaction Date", "Value Date", "Narration", "Cheque/Ref No", "Debit",
               "Credit", "Running Balance"])
    ws.append(["02-Nov-2026", "02-Nov-2026", "IPI TT REF: FT26306ABC", "FT26306ABC", None,
               "15,000.00", "40,000.00 Cr"])
    ws.append([None, None, "FROM: DESERT ROSE TRADING LLC"])
    ws.append([None, None, "INV-6001 / INV-6002"])
    ws.append(["03-Nov-2026", "03-Nov-2026", "CHQ DEP 000123 MASHREQ", "000123", None,
               "3,400.00", "43,400.00 Cr"])
    ws.append(["04-Nov-2026", "04-Nov-2026", "OUTWARD TT TO SUPPLIER", "OT555", "5,000.00",
               None, "38,400.00 Cr"])
    ws.append([])
    ws.append([None, None, "Total", None, "5,000.00", "18,400.00"])
    path = tmp_path / "enbd.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-02", "2026-11-03", "2026-11-04")
    assert lines["Amount"].tolist() == [15000.0, 3400.0, -5000.0]
    assert lines["Description"].tolist() == [
        "IPI TT REF: FT26306ABC FROM: DESERT ROSE TRADING LLC INV-6001 / INV-6002",
        "CHQ DEP 000123 MASHREQ", "OUTWARD TT TO SUPPLIER"]
    assert lines["Reference"].tolist() == ["FT26306ABC", "000123", "OT555"]
    assert lines["Balance"].tolist() == [40000.0, 43400.0, 38400.0]
    assert lines["Currency"].tolist() == ["AED"] * 3
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (25000.0, 38400.0, 0.0)
    assert stmt.issues == []


def test_bank_of_america_csv_with_a_summary_block_above_the_lines(tmp_path):
    path = tmp_path / "stmt.csv"
    path.write_text(
        "Description,,Summary Amt.\n"
        "Beginning balance as of 11/01/2026,,\"10,000.00\"\n"
        "Total credits,,\"4,700.00\"\n"
        "Total debits,,\"-500.00\"\n"
        "Ending balance as of 11/30/2026,,\"14,200.00\"\n"
        "\n"
        "Date,Description,Amount,Running Bal.\n"
        "11/01/2026,Beginning balance as of 11/01/2026,,\"10,000.00\"\n"
        "11/03/2026,\"ACME CORP DES:PAYMENT ID:INV-1001 INDN:MY COMPANY CO ID:1234567890 CCD\","
        "\"1,250.00\",\"11,250.00\"\n"
        "11/04/2026,\"Check 1001\",\"-500.00\",\"10,750.00\"\n"
        "11/05/2026,\"WIRE TYPE:WIRE IN DATE:261105 TRN:2026110500123 ORIG:GLOBEX LLC\","
        "\"3,000.00\",\"13,750.00\"\n"
        "11/06/2026,\"Counter Credit\",\"450.00\",\"14,200.00\"\n", encoding="utf-8")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-03", "2026-11-04", "2026-11-05",
                                          "2026-11-06")
    assert lines["Amount"].tolist() == [1250.0, -500.0, 3000.0, 450.0]
    assert lines["Line No"].tolist() == [9, 10, 11, 12]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        10000.0, 14200.0, 4700.0, 500.0, 0.0)
    assert stmt.issues == []


def test_chase_csv_month_first_with_type_balance_and_check_number(tmp_path):
    path = tmp_path / "chase.csv"
    path.write_text(
        "Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n"
        "CREDIT,11/03/2026,\"ORIG CO NAME:ACME CORP CO ENTRY DESCR:PAYMENT IND ID:INV-1001\","
        "1250.00,ACH_CREDIT,11250.00,,\n"
        "DEBIT,11/04/2026,\"CHECK 1001\",-500.00,CHECK_PAID,10750.00,1001,\n"
        "CREDIT,11/05/2026,\"WIRE TRANSFER VIA: BANK OF AMERICA ORG: GLOBEX LLC REF: INV-1002\","
        "3000.00,WIRE_INCOMING,13750.00,,\n", encoding="utf-8")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-03", "2026-11-04", "2026-11-05")
    assert lines["Amount"].tolist() == [1250.0, -500.0, 3000.0]
    assert lines["Reference"].tolist() == [None, "1001", None]
    assert lines["Balance"].tolist() == [11250.0, 10750.0, 13750.0]
    [note] = stmt.issues  # every date reads both ways: read month first, and said why
    assert "read month first" in note.message


def test_egyptian_mt940_in_windows_arabic_with_reversals_and_funds_codes(tmp_path):
    text = (":20:S1\r\n:25:EG380003000112345678901234567\r\n:28C:12/1\r\n"
            ":60F:C261104EGP50000,00\r\n"
            ":61:2611051105RCE1000,00NTRFREV1//R1\r\n:86:عكس تحويل وارد شركة النور\r\n"
            ":61:2611051105RDD200,00NTRFREV2//R2\r\n:86:REVERSAL OF CHARGES\r\n"
            ":61:2611051105CE3000,00NTRFREF3//R3\r\n:86:تحويل وارد شركة الأمل INV-1003\r\n"
            ":62F:C261105EGP52200,00\r\n-\r\n")
    path = tmp_path / "cib.sta"
    path.write_bytes(text.encode("cp1256"))
    stmt = read_statement(path)
    lines = stmt.lines
    # a reversed credit is money out, a reversed debit money in; E is the funds code
    assert lines["Amount"].tolist() == [-1000.0, 200.0, 3000.0]
    assert lines["Description"].tolist() == ["عكس تحويل وارد شركة النور",
                                             "REVERSAL OF CHARGES Reversal of a payment out (RD)",
                                             "تحويل وارد شركة الأمل INV-1003"]
    assert lines["Bank Line"].tolist() == ["R1", "R2", "R3"]
    assert lines["Reference"].tolist() == ["REV1", "REV2", "REF3"]
    bal = stmt.balances[0]
    assert (bal.account, bal.currency, bal.opening, bal.closing, bal.difference) == (
        "EG380003000112345678901234567", "EGP", 50000.0, 52200.0, 0.0)


def test_bahraini_ofx_in_fils_with_zoned_dates(tmp_path):
    text = (
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
        "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n"
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
        "<STMTRS><CURDEF>BHD<BANKACCTFROM><BANKID>NBOB<ACCTID>0012345678<ACCTTYPE>CHECKING"
        "</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20261101000000[+3:AST]"
        "<DTEND>20261105235959[+3:AST]\n"
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102000000[+3:AST]<TRNAMT>1250.375"
        "<FITID>2026110201<NAME>MANAMA TRADING WLL<MEMO>INV-8001 PAYMENT</STMTTRN>\n"
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261103000000[+3:AST]<TRNAMT>-12.50"
        "<FITID>2026110301<NAME>BANK CHARGES<MEMO>SWIFT CHARGES</STMTTRN>\n"
        "</BANKTRANLIST>\n<LEDGERBAL><BALAMT>2537.875<DTASOF>20261105235959[+3:AST]"
        "</LEDGERBAL>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
    path = tmp_path / "nbb.ofx"
    path.write_text(text, encoding="ascii")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-02", "2026-11-03")
    assert lines["Amount"].tolist() == [1250.375, -12.5]
    assert lines["Currency"].tolist() == ["BHD", "BHD"]
    assert lines["Counterparty"].tolist() == ["MANAMA TRADING WLL", "BANK CHARGES"]
    assert lines["Bank Line"].tolist() == ["2026110201", "2026110301"]
    assert stmt.balances[0].closing == 2537.875
    assert stmt.issues == []  # "-12.50" shows the decimal point

