"""Internet-banking exports of Egyptian banks (CIB, NBE, Banque Misr, QNB Alahli) and Gulf banks
(Emirates NBD, ADCB, FAB, Al Rajhi, SNB), written by hand the way their portals produce them:
bilingual Arabic/English headers, account lines above the table (account number, IBAN,
period, opening balance), Narrative / Transaction Details / Remarks columns, Value Date,
Withdrawals / Deposits, "1,234.50 CR" amounts, 22-Nov-2026 and 22/11/2026 10:41:07 dates, a
Hijri date beside the Gregorian one. Each is read line by line: signed amounts, dates,
narratives and the balances it states."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.bank import read_statement


def write(tmp_path: Path, text: str, name: str = "bank.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(tmp_path: Path, rows: list[list[object]], name: str = "bank.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Account Statement"
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def dates(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


def test_cib_csv_with_account_lines_value_dates_and_closing_balance(tmp_path):
    text = ("Commercial International Bank (Egypt) S.A.E.\n"
            "Account Statement\n"
            "Account Number,100012345678\n"
            "IBAN,EG380010000100000100012345678\n"
            "Currency,EGP\n"
            "Period,01/11/2026 - 30/11/2026\n"
            "Opening Balance,\"125,000.00\"\n"
            "\n"
            "Transaction Date,Value Date,Description,Reference,Debit,Credit,Balance\n"
            "02/11/2026,03/11/2026,INWARD TRANSFER FROM NILE FOODS INV-2026-0107,FT2630612345,"
            ",\"45,600.00\",\"170,600.00\"\n"
            "15/11/2026,15/11/2026,CHQ CLEARING 004512 DELTA STEEL,CHQ004512,,\"12,250.50\","
            "\"182,850.50\"\n"
            "22/11/2026,22/11/2026,TRANSFER CHARGES,FT2632698765,35.00,,\"182,815.50\"\n"
            "30/11/2026,30/11/2026,STAMP DUTY TAX,,2.10,,\"182,813.40\"\n"
            "Closing Balance,,,,,,\"182,813.40\"\n")
    stmt = read_statement(write(tmp_path, text))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [45600.0, 12250.5, -35.0, -2.1]
    assert lines["Date"].tolist() == dates("2026-11-02", "2026-11-15", "2026-11-22",
                                           "2026-11-30")
    assert lines["Value Date"].tolist()[0] == pd.Timestamp("2026-11-03")
    assert lines["Reference"].tolist()[:2] == ["FT2630612345", "CHQ004512"]
    assert lines["Currency"].tolist() == ["EGP"] * 4
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (125000.0, 182813.4, 0.0)
    assert stmt.issues == []


def test_nbe_xlsx_with_bilingual_header_cells(tmp_path):
    rows = [
        ["البنك الأهلي المصري - National Bank of Egypt"],
        ["رقم الحساب / Account No.", "1923070000012345"],
        ["العملة / Currency", "EGP"],
        ["الرصيد الافتتاحي / Opening Balance", 10000.00],
        [],
        ["التاريخ / Date", "تاريخ القيمة / Value Date", "البيان / Narrative",
         "مدين / Debit", "دائن / Credit", "الرصيد / Balance"],
        [datetime(2026, 11, 5), datetime(2026, 11, 5), "إيداع نقدي - شركة النور للتجارة", None,
         7500.00, 17500.00],
        [datetime(2026, 11, 9), datetime(2026, 11, 10), "تحويل وارد ACH من مؤسسة الدلتا فاتورة 1045",
         None, 3200.00, 20700.00],
        [datetime(2026, 11, 12), datetime(2026, 11, 12), "رسوم إدارة حساب", 25.00, None,
         20675.00],
    ]
    stmt = read_statement(xlsx(tmp_path, rows))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [7500.0, 3200.0, -25.0]
    assert lines["Date"].tolist() == dates("2026-11-05", "2026-11-09", "2026-11-12")
    assert lines["Value Date"].tolist()[1] == pd.Timestamp("2026-11-10")
    assert lines["Description"].tolist()[1] == "تحويل وارد ACH من مؤسسة الدلتا فاتورة 1045"
    assert lines["Balance"].tolist() == [17500.0, 20700.0, 20675.0]
    [bal] = stmt.balances
    assert bal.opening == 10000.0
    assert stmt.issues == []


def test_banque_misr_arabic_csv_with_opening_and_closing_rows(tmp_path):
    text = ("كشف حساب\n"
            "رقم الحساب:,0123456789012\n"
            "العملة:,جنيه مصري\n"
            "من تاريخ:,01/11/2026,إلى تاريخ:,30/11/2026\n"
            "تاريخ العملية,تاريخ القيمة,البيان,مدين,دائن,الرصيد\n"
            ",,الرصيد الافتتاحي,,,\"50,000.00\"\n"
            "04/11/2026,04/11/2026,تحويل وارد من شركة المقاولون العرب,,\"18,400.00\","
            "\"68,400.00\"\n"
            "18/11/2026,18/11/2026,شيك مسحوب رقم 776,\"6,000.00\",,\"62,400.00\"\n"
            ",,الرصيد الختامي,,,\"62,400.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [18400.0, -6000.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-04", "2026-11-18")
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (50000.0, 62400.0, 0.0)
    assert stmt.issues == []


def test_qnb_alahli_amounts_with_cr_dr_and_month_name_dates(tmp_path):
    text = ("QNB ALAHLI\n"
            "Account,2030405060708 - EGP\n"
            "Statement From,01-Nov-2026,To,30-Nov-2026\n"
            "Opening Balance,\"20,000.00 CR\"\n"
            "Booking Date,Value Date,Transaction Details,Amount,Balance\n"
            "03-Nov-2026,03-Nov-2026,INCOMING SWIFT CAIRO PHARMA INV 88123,\"9,850.00 CR\","
            "\"29,850.00 CR\"\n"
            "10-Nov-2026,11-Nov-2026,POS PURCHASE CARREFOUR MAADI,\"1,234.50 DR\","
            "\"28,615.50 CR\"\n"
            "22-Nov-2026,22-Nov-2026,SMS ALERT FEES,15.00 DR,\"28,600.50 CR\"\n"
            "Closing Balance,\"28,600.50 CR\"\n")
    stmt = read_statement(write(tmp_path, text))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [9850.0, -1234.5, -15.0]
    assert lines["Date"].tolist() == dates("2026-11-03", "2026-11-10", "2026-11-22")
    assert lines["Value Date"].tolist()[1] == pd.Timestamp("2026-11-11")
    assert lines["Balance"].tolist() == [29850.0, 28615.5, 28600.5]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (20000.0, 28600.5, 0.0)
    assert stmt.issues == []


def test_emirates_nbd_xlsx_dates_with_a_time_of_day(tmp_path):
    rows = [
        ["Emirates NBD"],
        ["Account Number", "1015555555555"],
        ["IBAN", "AE070260001015555555555"],
        ["Statement Period", "01/11/2026 to 30/11/2026"],
        ["Currency", "AED"],
        [],
        ["Date", "Description", "Debit", "Credit", "Account Balance"],
        ["02/11/2026 09:15:22", "TT REF AEX12345 GULF STAR LLC INV-7781", None, "15,000.00",
         "65,000.00"],
        ["22/11/2026 10:41:07", "DEWA BILL PAYMENT", "1,234.50", None, "63,765.50"],
        ["25/11/2026 16:02:55", "CHQ 000123 DEPOSIT RED SEA LOGISTICS", None, "8,000.00",
         "71,765.50"],
    ]
    stmt = read_statement(xlsx(tmp_path, rows))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [15000.0, -1234.5, 8000.0]
    assert lines["Date"].tolist() == dates("2026-11-02", "2026-11-22", "2026-11-25")
    assert lines["Currency"].tolist() == ["AED"] * 3
    assert lines["Balance"].tolist() == [65000.0, 63765.5, 71765.5]
    assert stmt.issues == []


def test_adcb_withdrawals_and_deposits_with_dashed_dates(tmp_path):
    text = ("Abu Dhabi Commercial Bank\n"
            "Account No.,12345678920001\n"
            "Account Currency,AED\n"
            "Posting Date,Value Date,Narrative,Reference,Withdrawals,Deposits,Balance\n"
            "01-11-2026,01-11-2026,Opening Balance,,,,\"40,000.00\"\n"
            "04-11-2026,04-11-2026,IPI TT REF 0042 DESERT TRADING,FT26308AB1,,\"12,600.00\","
            "\"52,600.00\"\n"
            "19-11-2026,19-11-2026,SALARY TRANSFER WPS,FT26323CD2,\"30,000.00\",,\"22,600.00\"\n"
            "30-11-2026,30-11-2026,Closing Balance,,,,\"22,600.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [12600.0, -30000.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-04", "2026-11-19")
    assert stmt.lines["Description"].tolist() == ["IPI TT REF 0042 DESERT TRADING",
                                                  "SALARY TRANSFER WPS"]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (40000.0, 22600.0, 0.0)
    assert stmt.issues == []


def test_fab_transaction_details_and_remarks_columns(tmp_path):
    text = ("First Abu Dhabi Bank\n"
            "Account,AE210351234567890123456\n"
            "From,01/11/2026,To,30/11/2026\n"
            "Transaction Date,Value Date,Transaction Details,Remarks,Cheque No,Debit,Credit,"
            "Running Balance\n"
            "03/11/2026,03/11/2026,INWARD REMITTANCE,PAYMENT FOR INV 55012 AL WAHA FOODSTUFF,,"
            ",\"7,350.00\",\"107,350.00\"\n"
            "14/11/2026,14/11/2026,CHEQUE PAID,RENT NOV,000451,\"25,000.00\",,\"82,350.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [7350.0, -25000.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-14")
    assert stmt.lines["Description"].tolist() == [
        "INWARD REMITTANCE PAYMENT FOR INV 55012 AL WAHA FOODSTUFF", "CHEQUE PAID RENT NOV"]
    assert stmt.lines["Reference"].tolist() == [None, "000451"]
    assert stmt.issues == []


def test_al_rajhi_arabic_export_with_hijri_dates_beside(tmp_path):
    text = ("مصرف الراجحي\n"
            "رقم الحساب,123608010012345\n"
            "الآيبان,SA0380000000608010167519\n"
            "العملة,SAR\n"
            "التاريخ الميلادي,التاريخ الهجري,تفاصيل العملية,مدين,دائن,الرصيد\n"
            "03/11/2026,1448/05/22,حوالة واردة من شركة الخليج للتجارة فاتورة 3301,,"
            "\"11,500.00\",\"61,500.00\"\n"
            "17/11/2026,1448/06/06,سداد فاتورة كهرباء,\"2,310.75\",,\"59,189.25\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [11500.0, -2310.75]
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-17")
    assert stmt.lines["Currency"].tolist() == ["SAR", "SAR"]
    assert stmt.lines["Description"].tolist()[0] == "حوالة واردة من شركة الخليج للتجارة فاتورة 3301"
    assert stmt.issues == []


def test_snb_hijri_first_and_amounts_signed_by_cr_dr(tmp_path):
    text = ("Saudi National Bank - Account Statement\n"
            "Account Number,10000123456789\n"
            "Hijri Date,Gregorian Date,Description,Amount,Balance\n"
            "1448/05/20,2026-11-01,SADAD PAYMENT STC,350.00 DR,\"9,650.00 CR\"\n"
            "1448/05/24,2026-11-05,SARIE TRANSFER IN AL MARAI CO INV 9001,\"4,000.00 CR\","
            "\"13,650.00 CR\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-350.0, 4000.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-05")
    assert stmt.lines["Balance"].tolist() == [9650.0, 13650.0]
    assert stmt.issues == []


def test_overdrawn_balance_written_dr(tmp_path):
    text = ("Date,Narrative,Withdrawals,Deposits,Balance\n"
            "22-Nov-2026,CHEQUE 88 PAID,\"1,500.00\",,500.00 DR\n"
            "23-Nov-2026,TT IN NILE FOODS,,\"2,000.00\",\"1,500.00 CR\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-1500.0, 2000.0]
    assert stmt.lines["Balance"].tolist() == [-500.0, 1500.0]
    assert stmt.issues == []


def test_arabic_indic_digits_in_dates_and_amounts(tmp_path):
    text = ("التاريخ,البيان,مدين,دائن,الرصيد\n"
            "٢٢/١١/٢٠٢٦,تحويل وارد شركة النيل,,\"١٬٢٣٤٫٥٠\",\"١١٬٢٣٤٫٥٠\"\n"
            "٢٣/١١/٢٠٢٦,عمولة تحويل,٣٥٫٠٠,,\"١١٬١٩٩٫٥٠\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1234.5, -35.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.lines["Balance"].tolist() == [11234.5, 11199.5]


def test_cp1256_gulf_export_with_remarks(tmp_path):
    text = ("التاريخ;تاريخ القيمة;البيان;ملاحظات;المبلغ;الرصيد\r\n"
            "05/11/2026;05/11/2026;حوالة واردة;شركة الفجر فاتورة 4410;2500.00;12500.00\r\n"
            "06/11/2026;07/11/2026;رسوم;;-52.50;12447.50\r\n")
    stmt = read_statement(write(tmp_path, text, encoding="cp1256"))
    assert stmt.encoding == "cp1256"
    assert stmt.lines["Amount"].tolist() == [2500.0, -52.5]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة شركة الفجر فاتورة 4410", "رسوم"]
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-05", "2026-11-07")
    assert stmt.issues == []


def test_two_row_bilingual_header_arabic_over_english(tmp_path):
    rows = [
        ["Banque Misr", None, None, None, None],
        ["التاريخ", "البيان", "مدين", "دائن", "الرصيد"],
        ["Date", "Description", "Debit", "Credit", "Balance"],
        ["22/11/2026", "تحويل وارد من شركة الدلتا", None, "3,000.00", "13,000.00"],
        ["23/11/2026", "CASH WITHDRAWAL ATM", "500.00", None, "12,500.00"],
    ]
    stmt = read_statement(xlsx(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [3000.0, -500.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.lines["Line No"].tolist() == [4, 5]
    assert stmt.issues == []


def test_month_name_dates_with_day_month_year_words(tmp_path):
    text = ("Value Date,Transaction Date,Narrative,Debit Amount,Credit Amount,Available Balance\n"
            "22 Nov 2026,22 Nov 2026,ACH CREDIT PHARCO CORP,,\"6,250.00\",\"16,250.00\"\n"
            "24 Nov 2026,23 Nov 2026,CARD PURCHASE NOON.COM,899.00,,\"15,351.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [6250.0, -899.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-22", "2026-11-24")
    assert stmt.issues == []


def test_opening_balance_brought_forward_and_totals_row_in_english_and_arabic(tmp_path):
    text = ("Date,Description,Debit,Credit,Balance\n"
            ",BALANCE B/F,,,\"1,000.00\"\n"
            "02/11/2026,TT IN CAIRO PHARMA,,\"4,500.00\",\"5,500.00\"\n"
            "03/11/2026,BANK CHARGES,10.00,,\"5,490.00\"\n"
            ",الإجمالي / Total,10.00,\"4,500.00\",\n"
            ",BALANCE C/F,,,\"5,490.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [4500.0, -10.0]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (1000.0, 5490.0, 0.0)
    assert stmt.issues == []


def test_bilingual_header_cells_over_two_lines_and_currency_in_the_header(tmp_path):
    rows = [
        ["Date\nالتاريخ", "Description\nالوصف", "Withdrawal (AED)\nسحب", "Deposit (AED)\nإيداع",
         "Balance (AED)\nالرصيد"],
        ["22/11/2026", "IPP CREDIT SKY FREIGHT FZE INV 2207", None, 4100.00, 14100.00],
        ["23/11/2026", "ETISALAT BILL", 310.25, None, 13789.75],
    ]
    stmt = read_statement(xlsx(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [4100.0, -310.25]
    assert stmt.lines["Currency"].tolist() == ["AED", "AED"]
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.issues == []


def test_egyptian_export_with_txn_and_dr_cr_amount_headers(tmp_path):
    text = ("Txn Date,Txn Description,Chq/Ref No,Dr Amount,Cr Amount,Balance\n"
            "01/11/2026,OPENING BALANCE,,,,\"80,000.00\"\n"
            "08/11/2026,RTGS IN EL SEWEDY ELECTRIC INV 31-0092,RTGS8891,,\"21,000.00\","
            "\"101,000.00\"\n"
            "12/11/2026,CASH WITHDRAWAL,,\"5,000.00\",,\"96,000.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [21000.0, -5000.0]
    assert stmt.lines["Reference"].tolist() == ["RTGS8891", None]
    [bal] = stmt.balances
    assert bal.opening == 80000.0
    assert stmt.issues == []


def test_arabic_month_names_in_dates(tmp_path):
    text = ("التاريخ,البيان,مدين,دائن,الرصيد\n"
            "22 نوفمبر 2026,تحويل وارد من شركة النور,,\"1,500.00\",\"11,500.00\"\n"
            "٢٤ نوفمبر ٢٠٢٦,رسوم,10.00,,\"11,490.00\"\n"
            "01-ديسمبر-2026,إيداع نقدي,,200.00,\"11,690.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1500.0, -10.0, 200.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-24", "2026-12-01")
    assert stmt.issues == []


def test_newest_first_portal_export_with_balances_above(tmp_path):
    text = ("Account Statement - Emirates NBD\n"
            "Account Number,1015555555555\n"
            "Currency,AED\n"
            "Opening Balance,\"50,000.00\"\n"
            "Closing Balance,\"57,450.00\"\n"
            "Transaction Date,Narration,Debit,Credit,Balance\n"
            "25-Nov-2026,TT IN GULF STAR LLC,,\"10,000.00\",\"57,450.00\"\n"
            "14-Nov-2026,DU TELECOM,550.00,,\"47,450.00\"\n"
            "03-Nov-2026,SALIK RECHARGE,\"2,000.00\",,\"48,000.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [10000.0, -550.0, -2000.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-25", "2026-11-14", "2026-11-03")
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (50000.0, 57450.0, 0.0)
    assert stmt.issues == []


def test_amounts_written_with_the_currency_code(tmp_path):
    text = ("Posting Date,Details,Amount,Balance\n"
            "22/11/2026,INWARD TRANSFER ORASCOM,\"EGP 12,345.60\",\"EGP 112,345.60\"\n"
            "23/11/2026,ATM WITHDRAWAL,\"EGP -2,000.00\",\"EGP 110,345.60\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [12345.6, -2000.0]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    assert stmt.issues == []


def test_saudi_export_dated_in_the_hijri_calendar_only(tmp_path):
    text = ("مصرف الراجحي - كشف حساب\n"
            "العملة,SAR\n"
            "التاريخ,الرقم المرجعي,البيان,مدين,دائن,الرصيد\n"
            "1448/06/12,FT2632612345,حوالة واردة من شركة المراعي فاتورة 9001,,\"4,000.00\","
            "\"14,000.00\"\n"
            "1448/06/13,,رسوم سداد,\"11.50\",,\"13,988.50\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.lines["Amount"].tolist() == [4000.0, -11.5]
    assert stmt.lines["Reference"].tolist() == ["FT2632612345", None]
    [note] = stmt.issues
    assert (note.column, note.value) == ("التاريخ", "1448/06/12")
    assert "Hijri calendar" in note.message and "= 22 Nov 2026" in note.message


def test_hijri_date_column_found_by_its_values_day_first(tmp_path):
    text = ("Hijri Date,Transaction Description,Debit,Credit,Balance\n"
            "12/06/1448,SARIE IN AL MARAI CO,,\"4,000.00\",\"14,000.00\"\n"
            "13/06/1448 هـ,SADAD STC,350.00,,\"13,650.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23")
    assert stmt.lines["Amount"].tolist() == [4000.0, -350.0]
    assert [i.column for i in stmt.issues] == ["Hijri Date"]


def test_gregorian_and_hijri_dates_in_one_cell(tmp_path):
    text = ("Date,Description,Amount,Balance\n"
            "22/11/2026 - 1448/06/12,SARIE IN AL MARAI CO,\"4,000.00\",\"14,000.00\"\n"
            "1448/06/13 | 23/11/2026,SADAD STC,-350.00,\"13,650.00\"\n"
            "24/11/2026 (14/06/1448 هـ),POS JARIR,-99.00,\"13,551.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2026-11-22", "2026-11-23", "2026-11-24")
    assert stmt.lines["Amount"].tolist() == [4000.0, -350.0, -99.0]
    assert stmt.issues == []


def test_a_period_without_transactions_is_an_empty_statement_not_an_error(tmp_path):
    text = ("كشف حساب\n"
            "الرصيد الافتتاحي,\"5,000.00\"\n"
            "الرصيد الختامي,\"5,000.00\"\n"
            "التاريخ,البيان,مدين,دائن,الرصيد\n"
            "لا توجد حركات خلال الفترة المحددة,,,,\n")
    stmt = read_statement(write(tmp_path, text))
    assert len(stmt.lines) == 0
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (5000.0, 5000.0, 0.0)
    [note] = stmt.issues
    assert note.value == "لا توجد حركات خلال الفترة المحددة"
    assert note.message.startswith("the statement has no transactions for its period")
    english = "Date,Description,Debit,Credit,Balance\nNo transactions found,,,,\n"
    assert len(read_statement(write(tmp_path, english, name="en.csv")).lines) == 0


def test_nbe_html_page_saved_as_xls_in_cp1256_with_document_numbers(tmp_path):
    html = ('<html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1256"></head><body><table border=1>'
            "<tr><td colspan=6>البنك الأهلي المصري</td></tr>"
            "<tr><td>رقم الحساب</td><td>&nbsp;1923070000012345</td></tr>"
            "<tr><td>الرصيد الافتتاحي</td><td>10,000.00</td></tr>"
            "<tr><th>التاريخ</th><th>تاريخ القيمة</th><th>رقم المستند</th><th>البيان</th>"
            "<th>مدين</th><th>دائن</th><th>الرصيد</th></tr>"
            "<tr><td>05/11/2026</td><td>05/11/2026</td><td>778812</td>"
            "<td>إيداع نقدي&nbsp;شركة النور</td><td>&nbsp;</td><td>7,500.00</td>"
            "<td>17,500.00</td></tr>"
            "<tr><td>12/11/2026</td><td>12/11/2026</td><td>&nbsp;</td><td>رسوم إدارة حساب</td>"
            "<td>25.00</td><td>&nbsp;</td><td>17,475.00</td></tr>"
            "<tr><td colspan=4>الإجمالي</td><td>25.00</td><td>7,500.00</td><td></td></tr>"
            "</table></body></html>")
    stmt = read_statement(write(tmp_path, html, name="statement.xls", encoding="cp1256"))
    assert stmt.source_format == "html" and stmt.encoding == "cp1256"
    assert stmt.lines["Amount"].tolist() == [7500.0, -25.0]
    assert stmt.lines["Reference"].tolist() == ["778812", None]
    assert stmt.lines["Description"].tolist() == ["إيداع نقدي شركة النور", "رسوم إدارة حساب"]
    assert stmt.balances[0].opening == 10000.0
    assert stmt.issues == []  # the totals row agrees with the lines
