"""Statement exports written by hand the way banks produce them (Egypt, Gulf, Europe, US), each
read line by line: amount sign, dates, narrative, counterparty, balances, what was left out."""

from __future__ import annotations

import pandas as pd

from ar_excel.bank import read_statement
from tests.test_bank_csv import dates, without_order_note, write


def test_arabic_debit_credit_mark_column_under_an_unknown_header_gives_the_sign(tmp_path):
    text = ("التاريخ,البيان,المبلغ,نوع الحركة,الرصيد\n"
            "01/11/2026,حوالة واردة,1500.00,دائن,11500.00\n"
            "02/11/2026,رسوم,15.00,مدين,11485.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة", "رسوم"]
    assert not stmt.issues


def test_type_column_of_credit_debit_words_gives_the_sign(tmp_path):
    text = ("Posting Date,Description,Type,Amount,Balance\n"
            "01/11/2026,ACH CREDIT ACME CORP,CREDIT,1500.00,11500.00\n"
            "02/11/2026,CHECK 1001,DEBIT,15.00,11485.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert not without_order_note(stmt.issues, "Posting Date")


def test_headers_no_alias_spells_are_read_from_their_words(tmp_path):
    # ADCB / QNB / HDFC style headers
    adcb = ("Posting Date,Value Date,Transaction Details,Cheque/Ref Number,Debit Amount,"
            "Credit Amount,Available Balance\n"
            "01/11/2026,01/11/2026,TT IN ACME,FT123,,\"2,500.00\",\"12,500.00\"\n"
            "02/11/2026,02/11/2026,CHARGES,,52.50,,\"12,447.50\"\n")
    qnb = ("Trans Date,Val Date,Description,Debit,Credit,Ledger Balance\n"
           "01/11/2026,03/11/2026,TT IN ACME,,\"2,500.00\",\"12,500.00\"\n"
           "02/11/2026,02/11/2026,CHARGES,52.50,,\"12,447.50\"\n")
    hdfc = ("Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
            "01/11/26,NEFT CR-ACME,0000123,03/11/26,,2500.00,12500.00\n"
            "02/11/26,CHARGES,0000000,02/11/26,52.50,,12447.50\n")
    for name, text in (("adcb", adcb), ("qnb", qnb), ("hdfc", hdfc)):
        stmt = read_statement(write(tmp_path, text, name=f"{name}.csv"))
        assert stmt.lines["Amount"].tolist() == [2500.0, -52.5], name
        assert stmt.lines["Balance"].tolist() == [12500.0, 12447.5], name
        assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-02"), name
        # adcb: value dates equal to the booking dates tell nothing; qnb, hdfc: a value date
        # two days on is day first (month first puts it two months on)
        issues = without_order_note(stmt.issues, "Posting Date") if name == "adcb" else stmt.issues
        assert not issues, name
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-03", "2026-11-02")
    assert stmt.lines["Reference"].tolist() == ["0000123", None]  # all zeros: no cheque


def test_header_words_need_the_values_to_agree(tmp_path):
    # "Balance Type" holds words, not amounts: it is not taken for the balance column
    text = ("Date,Description,Amount,Balance Type\n"
            "01/11/2026,WIRE IN,100.00,Ledger\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Balance"].isna().all() and stmt.lines["Amount"].tolist() == [100.0]


def test_french_debit_credit_euros_and_spaces_in_thousands(tmp_path):
    text = ('Date;Libellé;Débit euros;Crédit euros\n'
            '03/11/2026;"VIR SEPA RECU /DE DUPONT SARL /MOTIF FACT 1001";;1 234,50\n'
            '04/11/2026;PRLV SEPA EDF;89,99;\n')
    stmt = read_statement(write(tmp_path, text, "cp1252"))
    assert stmt.lines["Amount"].tolist() == [1234.5, -89.99]
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")


def test_sparkasse_csv_camt_export(tmp_path):
    text = ('"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";'
            '"Kundenreferenz (End-to-End)";"Beguenstigter/Zahlungspflichtiger";'
            '"Kontonummer/IBAN";"Betrag";"Waehrung";"Info"\n'
            '"DE12500105170648489890";"03.11.26";"04.11.26";"GUTSCHR. UEBERWEISUNG";'
            '"RE 2026-1001 Danke";"INV-1001";"Müller GmbH";"DE89370400440532013000";'
            '"1.234,50";"EUR";"Umsatz gebucht"\n'
            '"DE12500105170648489890";"04.11.26";"04.11.26";"FOLGELASTSCHRIFT";"Strom November\n'
            'Vertrag 123";"NOTPROVIDED";"Stadtwerke";"DE02120300000000202051";"-89,99";"EUR";'
            '"Umsatz gebucht"\n'
            '"DE12500105170648489890";"05.11.26";"05.11.26";"GUTSCHR. UEBERWEISUNG";"RE 1002";'
            '"";"Schulz KG";"DE02120300000000202051";"500,00";"EUR";"Umsatz vorgemerkt"\n')
    stmt = read_statement(write(tmp_path, text, "cp1252"))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1234.5, -89.99]
    assert lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    assert lines["Value Date"].tolist() == dates("2026-11-04", "2026-11-04")
    assert lines["Counterparty"].tolist() == ["Müller GmbH", "Stadtwerke"]
    assert lines["Counterparty Account"].tolist() == ["DE89370400440532013000",
                                                      "DE02120300000000202051"]
    assert lines["Reference"].tolist() == ["INV-1001", None]  # NOTPROVIDED is no reference
    assert lines["Currency"].tolist() == ["EUR", "EUR"]
    assert lines["Description"].tolist() == ["RE 2026-1001 Danke GUTSCHR. UEBERWEISUNG",
                                              "Strom November Vertrag 123 FOLGELASTSCHRIFT"]
    # the third line: Excel's row 4 (the narrative above spans two of the file's text lines,
    # one cell to Excel), its Info in column K
    [pending] = [i for i in stmt.issues if i.cell == "K4"]
    assert pending.value == "Umsatz vorgemerkt" and "pending" in pending.message


def test_us_export_whose_dates_all_read_both_ways_is_read_month_first(tmp_path):
    text = ('Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n'
            'CREDIT,11/03/2026,"ACME CORP       ACH PMT    PPD ID: 1234",1500.00,ACH_CREDIT,'
            '11500.00,,\n'
            'DEBIT,11/04/2026,"CHECK 1001",-15.00,CHECK_PAID,11485.00,1001,\n'
            'DSLIP,11/05/2026,"REMOTE ONLINE DEPOSIT #          1",250.00,DEPOSIT,11735.00,,\n')
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04", "2026-11-05")
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, 250.0]
    assert stmt.lines["Description"].iloc[0] == "ACME CORP ACH PMT PPD ID: 1234"
    assert stmt.lines["Reference"].tolist() == [None, "1001", None]
    [note] = stmt.issues
    assert note.column == "Posting Date" and note.value == "11/03/2026"
    assert "month first" in note.message and "date_format=%d/%m/%Y" in note.message


def test_day_first_statement_of_early_month_days_stays_day_first(tmp_path):
    text = ("Date,Description,Amount\n"
            "01/11/2026,A,1.00\n05/11/2026,B,2.00\n12/11/2026,C,3.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-05", "2026-11-12")
    assert not stmt.issues


def test_statement_period_above_the_header_decides_the_date_order(tmp_path):
    # Bank of America: a summary above the lines; "11/30/2026" shows month first
    text = ('Description,,Summary Amt.\n'
            'Beginning balance as of 11/01/2026,,"10,000.00"\n'
            'Total credits,,"1,750.00"\n'
            'Total debits,,"-15.00"\n'
            'Ending balance as of 11/30/2026,,"11,735.00"\n'
            '\n'
            'Date,Description,Amount,Running Bal.\n'
            '11/01/2026,Beginning balance as of 11/01/2026,,"10,000.00"\n'
            '11/03/2026,"ACME CORP DES:ACH PMT ID:1234","1,500.00","11,500.00"\n'
            '11/04/2026,"Check 1001","-15.00","11,485.00"\n'
            '11/05/2026,"Online deposit","250.00","11,735.00"\n')
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04", "2026-11-05")
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, 250.0]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (10000.0, 11735.0, 0.0)
    assert bal.opening_date == pd.Timestamp("2026-11-01")
    assert not stmt.issues


def test_running_balance_breaks_are_reported_with_their_row(tmp_path):
    text = ("Date,Description,Amount,Balance\n"
            "01/11/2026,IN,1500.00,11500.00\n"
            "02/11/2026,FEE,15.00,11485.00\n"
            "04/11/2026,IN2,100.00,11685.00\n"
            "05/11/2026,IN3,10.00,11695.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert len(stmt.lines) == 4  # nothing is dropped for it
    sign, gap = stmt.issues
    assert (sign.cell, sign.column, sign.value) == ("D3", "Balance", 11485.0)
    assert "expected 11,515.00" in sign.message and "sign" in sign.message
    assert (gap.cell, gap.value) == ("D4", 11685.0)
    assert "expected 11,585.00" in gap.message and "missing" in gap.message


def test_running_balance_of_a_newest_first_statement_ties_line_by_line(tmp_path):
    text = ('Date,Details,Amount,Dr/Cr,Balance\n'
            '05/11/2026,TRANSFER FROM NILE CO,"3,000.00",CR,"8,000.00"\n'
            '04/11/2026,ATM WITHDRAWAL,"1,000.00",DR,"5,000.00"\n'
            '03/11/2026,SALARY,"1,000.00",DR,"6,000.00"\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [3000.0, -1000.0, -1000.0]
    assert not stmt.issues


def test_saudi_export_with_a_hijri_date_column_first(tmp_path):
    text = ("التاريخ الهجري,التاريخ الميلادي,تفاصيل العملية,مدين,دائن,الرصيد\n"
            "1448/05/11,2026/11/01,حوالة واردة شركة الفجر,,\"1,234.50\",\"11,234.50\"\n"
            "1448/05/12,2026/11/02,رسوم,10.00,,\"11,224.50\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-02")
    assert stmt.lines["Amount"].tolist() == [1234.5, -10.0]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة شركة الفجر", "رسوم"]
    assert not stmt.issues


PAGED = ("Date,Description,Debit,Credit,Balance\n"
         "01/11/2026,BALANCE B/F,,,\"10,000.00\"\n"
         "02/11/2026,TT IN ACME,,\"2,500.00\",\"12,500.00\"\n"
         "03/11/2026,CHARGES,52.50,,\"12,447.50\"\n"
         ",BALANCE C/F,,,\"12,447.50\"\n"
         ",Page Total,52.50,\"2,500.00\",\n"
         "Page 1 of 2,,,,\n"
         ",BALANCE B/F,,,\"12,447.50\"\n"
         "04/11/2026,CHQ DEP GULF FOODS,,\"1,000.00\",\"13,447.50\"\n"
         "30/11/2026,Total,52.50,\"{credits}\",\n"
         "30/11/2026,رصيد آخر المدة,,,\"13,447.50\"\n")


def test_paged_export_brought_and_carried_forward_and_totals_rows(tmp_path):
    stmt = read_statement(write(tmp_path, PAGED.format(credits="3,500.00")))
    lines = stmt.lines
    # B/F, C/F and totals rows are no transactions and no narrative of the line above
    assert lines["Description"].tolist() == ["TT IN ACME", "CHARGES", "CHQ DEP GULF FOODS"]
    assert lines["Amount"].tolist() == [2500.0, -52.5, 1000.0]
    assert lines["Line No"].tolist() == [3, 4, 9]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (10000.0, 13447.5, 0.0)
    [footer] = stmt.issues  # the printed footer is reported, saying what it is
    assert footer.cell == "A7" and footer.value == "Page 1 of 2"
    assert "not a transaction" in footer.message


def test_totals_row_that_disagrees_with_the_lines_is_reported(tmp_path):
    stmt = read_statement(write(tmp_path, PAGED.format(credits="3,600.00")))
    assert len(stmt.lines) == 3  # a dated totals row is never a transaction
    [total] = [i for i in stmt.issues if i.value == "Total"]
    assert total.cell == "D10"
    assert "credits 3,600.00" in total.message and "credits 3,500.00" in total.message


def test_a_carried_forward_balance_between_pages_is_not_the_closing_balance(tmp_path):
    text = ("Date,Description,Debit,Credit,Balance\n"
            "01/11/2026,Opening Balance,,,100.00\n"
            "02/11/2026,IN,,50.00,150.00\n"
            ",Balance carried forward,,,150.00\n"
            "03/11/2026,IN,,25.00,175.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [50.0, 25.0]
    [bal] = stmt.balances
    assert bal.opening == 100.0 and bal.closing is None  # no false "does not tie out"
    assert not stmt.issues


def test_a_payment_from_a_company_called_total_is_a_transaction(tmp_path):
    text = ("Date,Description,Amount\n"
            "01/11/2026,TOTAL ENERGIES EGYPT INV 1001,500.00\n"
            "02/11/2026,Total,500.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == ["TOTAL ENERGIES EGYPT INV 1001"]
    assert not without_order_note(stmt.issues)  # the totals row agrees with the line above


def test_headerless_export_read_from_its_values_and_said_so(tmp_path):
    # Wells Fargo: date, amount, "*", check number, description; no header row
    text = ('"11/03/2026","1500.00","*","","ACME CORP ACH PMT"\n'
            '"11/04/2026","-15.00","*","1001","CHECK # 1001"\n'
            '"11/13/2026","250.00","*","","MOBILE DEPOSIT"\n')
    stmt = read_statement(write(tmp_path, text), day_first=True)
    lines = stmt.lines
    assert lines["Date"].tolist() == dates("2026-11-03", "2026-11-04", "2026-11-13")
    assert lines["Amount"].tolist() == [1500.0, -15.0, 250.0]
    assert lines["Description"].tolist() == ["ACME CORP ACH PMT", "CHECK # 1001",
                                             "MOBILE DEPOSIT"]
    assert lines["Line No"].tolist() == [1, 2, 3]
    [note] = stmt.issues
    assert "no header row" in note.message and "Amount = column 2" in note.message


def test_arabic_comma_separated_export(tmp_path):
    text = "التاريخ،البيان،المبلغ\n01/11/2026،حوالة واردة،100.00\n02/11/2026،رسوم،-5.00\n"
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [100.0, -5.0]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة", "رسوم"]


def test_xlsx_header_over_two_rows_with_merged_amount_cell(tmp_path):
    from datetime import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["كشف حساب"])
    ws.append([])
    ws.append(["التاريخ", "البيان", "المبلغ", None, "الرصيد"])
    ws.append([None, None, "مدين", "دائن", None])
    for cells in ("C3:D3", "A3:A4", "B3:B4", "E3:E4"):
        ws.merge_cells(cells)
    ws.append([datetime(2026, 11, 1, 9, 30), "حوالة واردة", None, 1500, 11500])
    ws.append([datetime(2026, 11, 2), "رسوم", 15, None, 11485])
    path = tmp_path / "bank.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-02")
    assert stmt.lines["Line No"].tolist() == [5, 6]
    assert not stmt.issues


def test_ing_netherlands_export_af_bij_and_remittance_column(tmp_path):
    text = ('"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij",'
            '"Bedrag (EUR)","Mutatiesoort","Mededelingen"\n'
            '"20261101","ACME BV","NL69INGB0123456789","NL91ABNA0417164300","OV","Bij",'
            '"1234,50","Overschrijving","Omschrijving: FACTUUR 2026-1001"\n'
            '"20261102","Kosten","NL69INGB0123456789","","DV","Af","2,50","Diversen",'
            '"Kosten pakket"\n')
    stmt = read_statement(write(tmp_path, text))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1234.5, -2.5]
    assert lines["Date"].tolist() == dates("2026-11-01", "2026-11-02")
    assert lines["Counterparty"].tolist() == ["ACME BV", "Kosten"]
    assert lines["Counterparty Account"].tolist() == ["NL91ABNA0417164300", None]
    assert lines["Description"].tolist() == ["Omschrijving: FACTUUR 2026-1001 Overschrijving",
                                             "Kosten pakket Diversen"]
    assert lines["Currency"].tolist() == ["EUR", "EUR"]
    assert not stmt.issues


def test_decimal_comma_amounts_with_cr_dr_suffix(tmp_path):
    text = ("Datum;Omschrijving;Bedrag;Saldo\n"
            "01-11-2026;Overboeking ACME;1.234,50 CR;11.234,50 CR\n"
            "02-11-2026;Kosten;34,50 DR;11.200,00 CR\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1234.5, -34.5]
    assert stmt.lines["Balance"].tolist() == [11234.5, 11200.0]
    assert not stmt.issues


def test_excel_safe_cells_and_dates_with_a_time_of_day(tmp_path):
    text = ('Date,Description,Reference,Amount\n'
            '="01/11/2026","TT IN ACME",="000123","1,500.00"\n'
            '="02/11/2026 10:22 AM","FEE",="",="-15.00"\n'
            '"03 Nov 2026 14:05","TT IN",="INV-7","20.00"\n'
            '"Wed, 04 Nov 2026","TT IN","","30.00"\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-02", "2026-11-03",
                                                "2026-11-04")
    assert stmt.lines["Reference"].tolist() == ["000123", None, "INV-7", None]  # zeros: text
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, 20.0, 30.0]
    assert not stmt.issues


def test_a_running_balance_break_after_a_reported_row_is_not_reported_twice(tmp_path):
    text = ("Date,Description,Amount,Balance\n"
            "01/11/2026,IN,100.00,1100.00\n"
            "02/11/2026,IN,12O.00,1220.00\n"  # letter O: unreadable, reported, left out
            "03/11/2026,IN,30.00,1250.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [100.0, 30.0]
    [bad] = stmt.issues
    assert bad.cell == "C3" and bad.value == "12O.00"


def test_opening_balance_printed_as_a_dated_credit_is_no_money_received(tmp_path):
    text = ('Date,Description,Debit,Credit,Balance\n'
            '01/11/2026,Opening Balance,,"10,000.00","10,000.00"\n'
            '02/11/2026,TT IN ACME,,"2,500.00","12,500.00"\n'
            '03/11/2026,PAYMENT TO SETTLE OPENING BALANCE OF SUPPLIER X,100.00,,"12,400.00"\n'
            '30/11/2026,Closing Balance as of 30/11/2026,,,"12,400.00"\n')
    stmt = read_statement(write(tmp_path, text))
    # the label alone is a balance; a narrative that mentions one is a transaction
    assert stmt.lines["Description"].tolist() == [
        "TT IN ACME", "PAYMENT TO SETTLE OPENING BALANCE OF SUPPLIER X"]
    assert stmt.lines["Amount"].tolist() == [2500.0, -100.0]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (10000.0, 12400.0, 0.0)
    assert bal.opening_date == pd.Timestamp("2026-11-01")
    assert not stmt.issues


def test_spanish_turkish_and_arabic_headers_read_from_their_words(tmp_path):
    spanish = ("Fecha;Concepto;Cargo;Abono;Saldo\n"
               "01/11/2026;TRANSFERENCIA ACME;;1.234,50;11.234,50\n"
               "02/11/2026;COMISION;34,50;;11.200,00\n")
    turkish = ("Tarih;Açıklama;Tutar;Bakiye\n"
               "01.11.2026;HAVALE ACME;1.234,50;11.234,50\n"
               "02.11.2026;MASRAF;-34,50;11.200,00\n")
    for name, text in (("es", spanish), ("tr", turkish)):
        stmt = read_statement(write(tmp_path, text, name=f"{name}.csv"))
        assert stmt.lines["Amount"].tolist() == [1234.5, -34.5], name
        assert stmt.lines["Balance"].tolist() == [11234.5, 11200.0], name
        assert stmt.lines["Description"].iloc[1] in ("COMISION", "MASRAF"), name
        assert not stmt.issues, name
    arabic = ("التاريخ,تاريخ الاستحقاق,ملاحظات,قيمة الحركة,الرصيد المتاح\n"
              "01/11/2026,02/11/2026,حوالة,1500,11500\n"
              "02/11/2026,02/11/2026,رسوم,-15,11485\n")
    stmt = read_statement(write(tmp_path, arabic, name="ar.csv"))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-02", "2026-11-02")
    assert stmt.lines["Description"].tolist() == ["حوالة", "رسوم"]
    assert stmt.lines["Balance"].tolist() == [11500.0, 11485.0]


def test_account_details_repeated_on_each_page_are_no_lines_and_no_narrative(tmp_path):
    text = ("Emirates NBD,,,,\nAccount Number,1012345678901,,,\n"
            "Date,Description,Debit,Credit,Balance\n"
            '01/11/2026,TT IN ACME TRADING,,"2,500.00","12,500.00"\n'
            ",,,,\n"
            "Emirates NBD,,,,\nAccount Number,1012345678901,,,\n"
            "Date,Description,Debit,Credit,Balance\n"
            '03/11/2026,CHQ DEP GULF FOODS,,"1,000.00","13,500.00"\n'
            ",INV 1001 1002,,,\n"
            "Generated by Online Banking,,,,\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == ["TT IN ACME TRADING",
                                                  "CHQ DEP GULF FOODS INV 1001 1002"]
    [footer] = stmt.issues  # a line printed once, not above the header: reported
    assert footer.cell == "A11" and footer.value == "Generated by Online Banking"


def test_html_xls_with_merged_header_cells_and_unclosed_cells(tmp_path):
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1256"></head><body>'
            '<table><tr><td colspan="5">بنك مصر - كشف حساب</td></tr></table>'
            '<table border="1">'
            '<tr><th rowspan="2">التاريخ</th><th rowspan="2">البيان</th>'
            '<th colspan="2">المبلغ</th><th rowspan="2">الرصيد</th></tr>'
            '<tr><th>مدين</th><th>دائن</th></tr>'
            '<tr><td>01/11/2026<td>حوالة واردة من شركة النور<td>&nbsp;<td>1,500.00<td>11,500.00'
            '<tr><td>02/11/2026</td><td>رسوم</td><td>15.00</td><td></td><td>11,485.00</td></tr>'
            '</table></body></html>')
    stmt = read_statement(write(tmp_path, html, "cp1256", name="statement.xls"))
    assert stmt.source_format == "html" and stmt.encoding == "cp1256"
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة من شركة النور", "رسوم"]
    assert stmt.lines["Balance"].tolist() == [11500.0, 11485.0]
    assert not stmt.issues


def test_dates_excel_swapped_beside_dates_it_left_as_text(tmp_path):
    from datetime import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Value Date", "Description", "Amount"])
    # a day-first export opened in Excel set to month first, then saved
    ws.append([datetime(2026, 1, 11), datetime(2026, 2, 11), "A", 1])  # 01/11, 02/11
    ws.append([datetime(2026, 5, 11), datetime(2026, 5, 11), "B", 2])  # 05/11/2026
    ws.append(["13/11/2026", "14/11/2026", "C", 3])
    ws.append(["28/11/2026", "28/11/2026", "D", 4])
    path = tmp_path / "bank.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.lines["Date"].tolist() == dates("2026-11-01", "2026-11-05", "2026-11-13",
                                                "2026-11-28")
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-02", "2026-11-05", "2026-11-14",
                                                      "2026-11-28")
    assert [(i.column, i.value) for i in stmt.issues] == [("Date", 2), ("Value Date", 2)]
    assert "rows 2, 3" in stmt.issues[0].message

    ws.delete_rows(2, 2)  # only real date cells beside text dates: nothing to put right
    ws.append([datetime(2026, 11, 3), datetime(2026, 11, 3), "E", 5])
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.lines["Date"].tolist() == dates("2026-11-13", "2026-11-28", "2026-11-03")
    assert not stmt.issues


def test_unsigned_amounts_take_their_sign_from_the_running_balance(tmp_path):
    text = ("Date,Description,Transaction Type,Amount,Balance\n"
            "01/11/2026,TT IN,Transfer,1500.00,11500.00\n"
            "02/11/2026,FEE,Charges,15.00,11485.00\n"
            "03/11/2026,CHQ,Cheque,85.00,11400.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, -85.0]
    note, first = stmt.issues
    assert note.value == 2 and "rows 3, 4" in note.message
    assert first.cell == "D2" and "read as money in" in first.message
    # newest first, with the opening balance stated: every line decided
    text = ("Opening balance,10000.00\n"
            "Date,Description,Transaction Type,Amount,Balance\n"
            "03/11/2026,CHQ,Cheque,85.00,11400.00\n"
            "02/11/2026,FEE,Charges,15.00,11485.00\n"
            "01/11/2026,TT IN,Transfer,1500.00,11500.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-85.0, -15.0, 1500.0]
    assert [i.value for i in stmt.issues] == [2]


def test_signed_amounts_with_a_running_balance_are_left_alone(tmp_path):
    text = ("Date,Description,Amount,Balance\n"
            "01/11/2026,TT IN,1500.00,11500.00\n"
            "02/11/2026,TT IN,15.00,11515.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1500.0, 15.0]
    assert not without_order_note(stmt.issues)


def test_narrative_with_an_unquoted_delimiter_is_joined_back(tmp_path):
    text = ("Date,Description,Debit,Credit,Balance\n"
            "01/11/2026,TT IN ACME, LLC, DUBAI,,2500.00,12500.00\n"
            "02/11/2026,FEE,15.00,,12485.00\n"
            "03/11/2026,CHQ,10.00,,12475.00\n"
            "04/11/2026,CHQ,10.00,,12465.00\n"
            "05/11/2026,CHQ,10.00,,12455.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].iloc[0] == "TT IN ACME, LLC, DUBAI"
    assert stmt.lines["Amount"].tolist() == [2500.0, -15.0, -10.0, -10.0, -10.0]
    assert stmt.lines["Currency"].isna().all()  # "LLC" is no currency
    [mended] = stmt.issues
    # the narrative's cells as Excel opens the file: split over B2:D2, the amounts after it
    assert mended.cell == "B2:D2" and "joined back" in mended.message


def test_a_foreign_amount_column_beside_debit_and_credit_is_not_the_amount(tmp_path):
    text = ("Date,Description,Original Amount,Orig Ccy,Debit,Credit,Balance\n"
            "01/11/2026,TT IN ACME,1000.00,USD,,\"48,500.00\",\"58,500.00\"\n"
            "02/11/2026,FEE,,,25.00,,\"58,475.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [48500.0, -25.0]
    assert stmt.lines["Currency"].isna().all()  # "Orig Ccy" is the payer's, not the account's
    assert not without_order_note(stmt.issues)


def test_totals_printed_above_the_lines_agree_with_all_of_them(tmp_path):
    text = ("Date;Description;Debit Amount;Credit Amount;Balance\n"
            ";Total;1.187,91;3.183,43;\n"
            "30/12/26;TRANSFER 9576;1.187,91;;11.995,52\n"
            "26/12/26;TRANSFER 8530;;3.183,43;13.183,43\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-1187.91, 3183.43]
    assert not stmt.issues
    stmt = read_statement(write(tmp_path, text.replace("3.183,43;\n30", "3.183,44;\n30")))
    [total] = stmt.issues
    assert total.cell == "D2" and "the lines add up to debits 1,187.91, credits 3,183.43" \
        in total.message


def test_own_account_number_repeated_on_every_line_is_no_counterparty(tmp_path):
    text = ("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,"
            "Debit Amount,Credit Amount,Balance\n"
            "03/11/2026,FPI,'30-99-50,12345678,ACME LTD INV 1001,,1500.00,11500.00\n"
            "04/11/2026,DD,'30-99-50,12345678,BRITISH GAS,85.00,,11415.00\n"
            "05/11/2026,FPI,'30-99-50,12345678,WIDGETS CO INV 1002,,250.00,11665.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Counterparty Account"].isna().all()
    assert stmt.lines["Amount"].tolist() == [1500.0, -85.0, 250.0]
    assert stmt.lines["Description"].iloc[0] == "ACME LTD INV 1001 FPI"
    # a counterparty column keeps its accounts, even when one payer sent every line
    text = ("Date,Description,Amount,Payer IBAN\n"
            "03/11/2026,INV 1,10.00,EG11\n04/11/2026,INV 2,20.00,EG11\n05/11/2026,INV 3,5.00,EG11\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Counterparty Account"].tolist() == ["EG11"] * 3


def test_debit_credit_marks_written_around_the_amount(tmp_path):
    text = ('Date,Description,Amount,Balance\n'
            '01/11/2026,TT IN,"1,234.50 Cr.","11,234.50 Cr."\n'
            '02/11/2026,FEE,"Dr. 34.50","CR 11,200.00"\n'
            '03/11/2026,CHQ,"EGP (200.00)","11,000.00 C"\n'
            '04/11/2026,حوالة,"500.00 دائن","11,500.00 دائن"\n'
            '05/11/2026,رسوم,"15.00 مدين","11,485.00 دائن"\n'
            '06/11/2026,POS,"15.00 D","11,470.00"\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1234.5, -34.5, -200.0, 500.0, -15.0, -15.0]
    assert stmt.lines["Balance"].tolist() == [11234.5, 11200.0, 11000.0, 11500.0, 11485.0,
                                              11470.0]
    assert not stmt.issues


def test_own_account_column_of_a_short_german_export_is_no_counterparty(tmp_path):
    # GLS: "Kontonummer" is the account holder's own account, first column of every line
    text = ("Kontonummer;Buchungstag;Wertstellung;Auftraggeber/Empfänger;Buchungstext;VWZ1;"
            "Betrag;Kontostand;Währung\n"
            "1234567890;10.10.2017;10.10.2017;Drillisch Online AG;SEPA-Basislastschrift;"
            "SIMply Rechnung;-98,76;1.234,56;EUR\n")
    stmt = read_statement(write(tmp_path, text, "cp1252"))
    line = stmt.lines.iloc[0]
    assert line["Counterparty"] == "Drillisch Online AG"
    assert line["Counterparty Account"] is None and line["Amount"] == -98.76


def test_currency_named_in_words_above_the_header(tmp_path):
    text = ("رقم الحساب:,0123456789\nالعملة:,جنيه مصري\n"
            "التاريخ,البيان,المبلغ\n01/11/2026,حوالة,100.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Currency"].tolist() == ["EGP"]
    text = "Currency,Dirhams of the moon\nDate,Description,Amount\n01/11/2026,X,1.00\n"
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Currency"].isna().all()  # not a currency: none rather than a guess


def test_a_column_of_one_letter_code_does_not_sign_the_amounts(tmp_path):
    text = ("Date,Description,Channel,Amount\n"
            "01/11/2026,TT IN,D,100.00\n02/11/2026,FEE,D,-5.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [100.0, -5.0]


def test_export_of_two_accounts_gives_each_section_its_currency(tmp_path):
    text = ("Account,0123456789\nCurrency,EGP\n"
            "Date,Description,Debit,Credit,Balance\n"
            "01/11/2026,TT IN,,100.00,100.00\n02/11/2026,FEE,5.00,,95.00\n"
            "\nAccount,0123456790\nCurrency,USD\n"
            "Date,Description,Debit,Credit,Balance\n"
            "03/11/2026,WIRE IN,,50.00,50.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP", "USD"]
    assert stmt.lines["Amount"].tolist() == [100.0, -5.0, 50.0]
    # each account its own statement (its number line above its header: no line to report)
    assert stmt.lines["Statement"].tolist() == ["0123456789", "0123456789", "0123456790"]
    assert stmt.issues == []


def test_kuwaiti_dinar_amounts_keep_their_fils(tmp_path):
    text = ('Date,Description,Amount,Balance,Currency\n'
            '01/11/2026,TT IN,"1,234.125","11,234.125",KWD\n'
            '02/11/2026,FEE,-0.125,"11,234.000",KWD\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1234.125, -0.125]
    assert not stmt.issues  # the running balance follows to the fils


def test_arabic_balance_rows_written_without_the_article_or_with_final_ya(tmp_path):
    # Egyptian exports write "رصيد افتتاحي" as often as "الرصيد الافتتاحي", and end words
    # with ى where the dictionary has ي: each is the statement's balance, not a line to report.
    text = ("التاريخ,البيان,مدين,دائن,الرصيد\n"
            '01/11/2026,رصيد افتتاحي,,,"500,000.00"\n'
            '03/11/2026,تحويل وارد من شركة النور,,"45,600.00","545,600.00"\n'
            '05/11/2026,رسوم تحويل,25.00,,"545,575.00"\n'
            '30/11/2026,رصيد ختامى,,,"545,575.00"\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [45600.0, -25.0]
    assert (stmt.balances[0].opening, stmt.balances[0].closing) == (500000.0, 545575.0)
    assert not stmt.issues
