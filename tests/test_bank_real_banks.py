"""Statement exports as real banks and payment apps produce them, authored by hand after their
public formats (fixtures in tests/fixtures/bank_real/), each read field by field: dates, signs,
amounts, currency, narrative, the other party, references, balances and what was left out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import read_statement

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bank_real"


def _days(stmt, column="Date"):
    return [d.strftime("%Y-%m-%d") for d in stmt.lines[column]]


def _messages(stmt):
    return [i.message for i in stmt.issues]


def test_revolut_states_completed_date_and_fees_taken_on_top():
    stmt = read_statement(FIXTURES / "revolut_personal.csv")
    lines = stmt.lines
    # PENDING and REVERTED rows never moved money: left out, each named by its row
    assert lines["Line No"].tolist() == [2, 3, 4, 4, 6]
    assert lines["Amount"].tolist() == [1500.0, -45.99, -200.0, -0.5, 320.0]
    # the booking day is the Completed Date (the card payment started on the 2nd, booked the 3rd)
    assert _days(stmt) == ["2026-11-01", "2026-11-03", "2026-11-04", "2026-11-04", "2026-11-06"]
    assert lines["Description"].tolist() == [
        "Payment from Nile Trading Co", "Amazon", "To Delta Supplies",
        "Fee: To Delta Supplies", "Payment from Cairo Foods"]
    assert lines["Bank Line"].tolist() == ["1", "2", "3", "3-fee", "4"]
    assert lines["Transaction Code"].tolist()[3] == "FEE"
    # the payment carries the balance before its fee, the fee line the printed one
    assert lines["Balance"].tolist() == [1500.0, 1454.01, 1254.01, 1253.51, 1573.51]
    assert set(lines["Currency"]) == {"EUR"}
    status = [(i.cell, i.column, i.value) for i in stmt.issues if i.column == "State"]
    assert status == [("I5", "State", "PENDING"), ("I7", "State", "REVERTED")]
    assert "did not carry this payment out" in next(
        i.message for i in stmt.issues if i.value == "REVERTED")
    fee_note = [i for i in stmt.issues if i.column == "Fee"]
    assert len(fee_note) == 1 and "row 4" in fee_note[0].message
    assert not any("running balance" in m and "does not follow" in m for m in _messages(stmt))


def test_revolut_business_id_beneficiary_account_and_declined_payment():
    stmt = read_statement(FIXTURES / "revolut_business.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -250.0, -0.2]
    assert lines["Bank Ref"].tolist() == ["6543a1b2-0000-4c1d-9e2f-111111111111",
                                          "6543a1b2-0000-4c1d-9e2f-222222222222", None]
    assert lines["Bank Line"].tolist()[2] == "6543a1b2-0000-4c1d-9e2f-222222222222-fee"
    assert _days(stmt) == ["2026-11-02", "2026-11-04", "2026-11-04"]  # Date completed (UTC)
    assert lines["Reference"].tolist() == ["INV-1003", "PO 8891", None]
    # the beneficiary's account number, not its sort code, is the other party's account
    assert lines["Counterparty Account"].tolist() == [None, "13152170", None]
    assert lines["Counterparty"].isna().all()
    assert [i.value for i in stmt.issues if i.column == "State"] == ["PENDING", "DECLINED"]
    assert not any("does not follow" in m for m in _messages(stmt))


def test_wise_payer_or_payee_names_the_other_party_and_fees_within_the_amount():
    stmt = read_statement(FIXTURES / "wise_newest_first.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [-251.2, 1200.5, -49.5, -151.0]  # fee inside: no fee line
    assert _days(stmt) == ["2026-11-05", "2026-11-04", "2026-11-03", "2026-11-02"]
    assert lines["Bank Line"].tolist() == ["TRANSFER-123456789", "TRANSFER-123456790",
                                           "CARD-987654321", "BALANCE-111"]
    assert lines["Counterparty"].tolist() == ["Delta Supplies Ltd", "Nile Trading Co", None, None]
    assert lines["Counterparty Account"].tolist() == ["GB29NWBK60161331926819", None, None, None]
    assert lines["Reference"].tolist() == ["INV-2026-0044", "INV-1003", None, None]
    assert lines["Balance"].tolist() == [1748.8, 2000.0, 799.5, 849.0]
    assert stmt.issues == []


def test_a_fee_the_balance_cannot_place_is_kept_as_printed_and_said(tmp_path):
    path = tmp_path / "fees.csv"
    path.write_text("Date,Description,Amount,Fee\n"
                    "2026-11-02,Money from NILE TRADING,1200.50,0.00\n"
                    "2026-11-03,To DELTA SUPPLIES,-250.00,0.20\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1200.5, -250.0]
    (note,) = [i for i in stmt.issues if i.column == "Fee"]
    assert "1 line (row 3) carries a fee" in note.message
    assert "no running balance" in note.message


def test_status_words_in_arabic_and_a_failed_transfer(tmp_path):
    path = tmp_path / "status.csv"
    path.write_text("التاريخ,البيان,المبلغ,الحالة\n"
                    "02/11/2026,حوالة واردة من شركة النيل,1500.00,منفذة\n"
                    "03/11/2026,حوالة صادرة,-200.00,مرفوضة\n"
                    "04/11/2026,Transfer to ACME,-99.00,FAILED\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0]
    assert pd.Timestamp(stmt.lines["Date"].iloc[0]) == pd.Timestamp("2026-11-02")
    assert [(i.cell, i.value) for i in stmt.issues if i.column == "الحالة"] == [
        ("D3", "مرفوضة"), ("D4", "FAILED")]


def _abn_amro_lines_are_right(stmt):
    lines = stmt.lines
    assert lines["Amount"].tolist() == [-100.0, 1200.5, -35.25]
    assert lines["Balance"].tolist() == [900.0, 2100.5, 2065.25]  # the Eindsaldo, not Beginsaldo
    assert _days(stmt) == ["2026-11-01", "2026-11-02", "2026-11-05"]
    assert _days(stmt, "Value Date") == ["2026-11-01", "2026-11-03", "2026-11-05"]
    assert set(lines["Currency"]) == {"EUR"}
    # the /TAG/ narrative read as the MT940 :86: is: remittance, name, IBAN, BIC, EREF
    assert lines["Description"].tolist() == [
        "BEA NR:XXXX1234 01.11.26/12.30 ALBERT HEIJN 1234 AMSTERDAM,PAS123",
        "INV 1003 (SEPA OVERBOEKING)", "Termijn november (SEPA Incasso algemeen doorlopend)"]
    assert lines["Counterparty"].tolist() == [None, "NILE TRADING BV",
                                              "VATTENFALL KLANTENSERVICE N.V."]
    assert lines["Counterparty Account"].tolist() == [None, "NL91ABNA0417164300",
                                                      "NL86INGB0002445588"]
    assert lines["Counterparty Bank"].tolist() == [None, "ABNANL2A", "INGBNL2A"]
    assert lines["Reference"].tolist() == [None, "E2E-20261102-77", "VF-2026-11"]


def test_abn_amro_txt_without_a_header_read_from_its_balances_before_and_after():
    stmt = read_statement(FIXTURES / "abnamro_headerless.tab")
    _abn_amro_lines_are_right(stmt)
    (note,) = stmt.issues  # the columns as read are named, to be checked
    assert "no header row" in note.message
    assert ("Amount = column 7, Balance = column 5, Balance before = column 4, "
            "Value Date = column 6") in note.message
    (bal,) = stmt.balances  # the first line's balance before opens, the last's after closes
    assert (bal.opening, bal.closing, bal.difference) == (1000.0, 2065.25, 0.0)


def test_abn_amro_export_with_its_dutch_header():
    stmt = read_statement(FIXTURES / "abnamro_with_header.tab")
    _abn_amro_lines_are_right(stmt)
    (bal,) = stmt.balances  # Beginsaldo of the first line, Eindsaldo of the last
    assert (bal.opening, bal.closing, bal.difference) == (1000.0, 2065.25, 0.0)
    assert stmt.lines["Line No"].tolist() == [2, 3, 4]
    assert stmt.issues == []


def test_bunq_counterparty_column_of_ibans_is_the_account_and_name_the_party():
    stmt = read_statement(FIXTURES / "bunq_accounts_and_names.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -12.5, -1000.0]
    assert _days(stmt) == ["2026-11-02", "2026-11-03", "2026-11-04"]
    assert lines["Counterparty"].tolist() == ["Nile Trading BV", "Albert Heijn", "Delta Supplies"]
    assert lines["Counterparty Account"].tolist() == ["NL91ABNA0417164300", None,
                                                      "NL86INGB0002445588"]
    assert lines["Description"].tolist() == ["INV 1003", "Pin payment", "PO 8891"]


def test_hsbcnet_export_with_the_account_s_balances_repeated_on_each_line():
    stmt = read_statement(FIXTURES / "hsbcnet_egypt_account_columns_on_each_line.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [50000.0, -1250.75, 2500.5]
    assert _days(stmt) == ["2026-11-22", "2026-11-22", "2026-11-12"]  # Post date
    assert _days(stmt, "Value Date") == ["2026-11-22", "2026-11-22", "2026-11-13"]
    assert lines["Bank Line"].tolist() == ["FT26326001", "CHG26326002", "CHQ145"]
    assert lines["Reference"].tolist() == ["INV1003", None, "145"]
    assert set(lines["Currency"]) == {"EGP"}
    # "Closing ledger balance" beside every line is the account's, not a running balance
    assert lines["Balance"].isna().all()
    assert stmt.issues == []


def test_paypal_gross_is_the_receipt_its_fee_a_line_and_invoice_number_the_reference():
    stmt = read_statement(FIXTURES / "paypal_gross_fee_net.csv")
    lines = stmt.lines
    # not the "Shipping and Handling Amount" column: the Gross, its fee beside it
    assert lines["Amount"].tolist() == [1000.0, -34.9, -500.0]
    assert lines["Bank Line"].tolist() == ["5TY12345AB678901C", "5TY12345AB678901C-fee",
                                           "7XX12345AB678901D"]
    assert lines["Reference"].tolist() == ["INV-1003", None, None]
    assert lines["Counterparty"].tolist() == ["Nile Trading Co", None, None]
    assert lines["Balance"].tolist() == [1000.0, 965.1, 465.1]
    assert set(lines["Currency"]) == {"USD"}
    assert [(i.cell, i.value) for i in stmt.issues if i.column == "Status"] == [
        ("F4", "Pending")]
    (fee,) = [i for i in stmt.issues if i.column == "Fee"]
    assert "net column is the amount less the fee" in fee.message
    assert len(stmt.issues) == 2


def test_a_tax_or_shipping_amount_beside_the_payment_is_not_the_line_s_amount(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text("Date,Name,Shipping Amount,Tax Amount,Payment Amount,Balance\n"
                    "2026-11-02,Nile Trading Co,0.00,0.00,\"1,000.00\",\"1,000.00\"\n"
                    "2026-11-03,Delta Foods,5.00,1.20,250.00,\"1,250.00\"\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1000.0, 250.0]
    assert stmt.lines["Counterparty"].tolist() == ["Nile Trading Co", "Delta Foods"]
    assert stmt.issues == []


def test_core_banking_report_printed_in_fixed_width_columns():
    stmt = read_statement(FIXTURES / "flexcube_fixed_width_report.txt")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [50000.0, -1250.75, 2500.5]
    assert _days(stmt) == ["2026-11-02", "2026-11-03", "2026-11-15"]
    assert _days(stmt, "Value Date") == ["2026-11-02", "2026-11-03", "2026-11-16"]
    # the narrative's second line joins its line; text a little past its column is not cut
    assert lines["Description"].tolist() == ["INWARD SWIFT DELTA FOODS LLC INV-1003 / PO 7781",
                                             "SWIFT CHARGES", "CHEQUE DEPOSIT 000145 CAIRO FOODS"]
    assert lines["Reference"].tolist() == ["FT26306A0001", "CHG26307001", "CHQ000145"]
    assert lines["Balance"].tolist() == [150000.0, 148749.25, 151249.75]
    assert lines["Line No"].tolist() == [10, 12, 16]  # the file's own line numbers
    assert set(lines["Currency"]) == {"EGP"}
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.difference) == (
        "1000123456789", 100000.0, 151249.75, 0.0)
    # the repeated page header, rulers and totals are no lines; the page footers are named
    (page,) = stmt.issues
    assert page.cell == "row 13" and "rows 13, 20" in page.message


def test_mt940_plain_ordp_benm_names_and_standard_supplementary_details():
    stmt = read_statement(FIXTURES / "mt940_swift_types_ordp_benm_names_and_ocmt.sta")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [15000.0, -5000.0, -115.0]
    # "/ORDP/NILE TRADING CO/" names the payer (not an account "NILETRADINGCO"); of ORDP and
    # BENM the other party is the payer of money in, the beneficiary of money out
    assert lines["Counterparty"].tolist() == ["NILE TRADING CO", "DELTA SUPPLIES", None]
    assert lines["Counterparty Account"].isna().all()
    # "/OCMT/USD4000,00//CHGS/SAR15,00/" restates money, not the payer's words; the amount the
    # payer sent in another currency than the account's is kept in words, for the reviewer
    assert lines["Description"].tolist() == ["INV-1003 (paid USD 4,000.00)", "PO 8891",
                                             "TRANSFER CHARGES"]
    assert lines["Transaction Code"].tolist() == ["S103", "S202", "NCHG"]
    assert lines["Bank Line"].tolist() == ["FT2632700012", "FT2632700013", "3"]
    (bal,) = stmt.balances
    assert (bal.currency, bal.opening, bal.closing, bal.difference) == ("SAR", 10000.0, 19885.0,
                                                                         0.0)
    assert stmt.issues == []


def test_lloyds_balances_and_transactions_export_with_ledger_balance_rows_each_day():
    stmt = read_statement(FIXTURES / "lloyds_commercial_balances_and_transactions.csv")
    lines = stmt.lines
    # the Opening/Closing Ledger Balance rows are balances, not lines without an amount
    assert lines["Line No"].tolist() == [3, 4, 7]
    assert lines["Amount"].tolist() == [1200.5, -5000.0, 250.0]
    assert _days(stmt) == ["2026-11-02", "2026-11-02", "2026-11-03"]
    # "Transaction Detail" is the narrative, "Customer Reference" the payer's reference
    assert lines["Description"].tolist() == [
        "DELTA FOODS LTD 300000000253124371INV 1003 021126", "ACME SUPPLIES LTD CHAPS OUT",
        "CAIRO FOODS BGC"]
    assert lines["Reference"].tolist() == ["INV 1003", "PO 8891", None]
    assert lines["Counterparty Account"].isna().all()  # the own account on every line
    assert set(lines["Currency"]) == {"GBP"}  # from "300000-12345678 GBP"
    (bal,) = stmt.balances
    assert (bal.account, bal.currency, bal.opening, bal.closing, bal.difference) == (
        "300000-12345678", "GBP", 10000.0, 6450.5, 0.0)
    assert stmt.issues == []  # a GBP account: the dates are day first, no doubt to report


def test_natwest_value_column_followed_by_the_balance_and_typed_text_marks():
    stmt = read_statement(FIXTURES / "natwest_bankline_value_column.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -5000.0, -12.0]
    assert _days(stmt) == ["2026-11-02", "2026-11-03", "2026-11-03"]
    # the apostrophe NatWest puts before text cells is Excel's mark, not the narrative's
    assert lines["Description"].tolist() == [
        "NILE TRADING LTD , INV 1003 , FP 02/11/26 1015 , 300000000253124371",
        "HMRC VAT , 123456789", "ACCOUNT FEE"]
    assert lines["Balance"].tolist() == [11200.5, 6200.5, 6188.5]
    assert stmt.issues == []


def test_a_value_column_the_balance_does_not_follow_is_still_refused(tmp_path):
    path = tmp_path / "value.csv"
    path.write_text("Date,Description,Value,Balance\n02/11/2026,a,10.00,500.00\n"
                    "03/11/2026,b,20.00,100.00\n04/11/2026,c,30.00,900.00\n", encoding="utf-8")
    try:
        read_statement(path)
    except Exception as exc:  # noqa: BLE001 - the message is what is checked
        assert "could not decide which column holds the amount" in str(exc)
    else:
        raise AssertionError("a Value column no balance follows was taken as the amount")


def test_rabobank_csv_sequence_number_and_end_to_end_reference():
    stmt = read_statement(FIXTURES / "rabobank_csv_2026.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -35.25]
    assert lines["Bank Line"].tolist() == ["000000000000007213", "000000000000007214"]
    assert lines["Reference"].tolist() == ["E2E-1003", "VF-2026-11"]
    assert lines["Counterparty"].tolist() == ["Nile Trading BV", "Vattenfall"]
    assert lines["Counterparty Account"].tolist() == ["NL91ABNA0417164300", "NL86INGB0002445588"]
    assert lines["Description"].tolist() == ["Factuur INV-1003", "Termijn november"]
    assert lines["Balance"].tolist() == [2200.5, 2165.25]
    assert set(lines["Currency"]) == {"EUR"}
    assert stmt.issues == []


def test_ing_netherlands_notes_give_the_payment_reference():
    stmt = read_statement(FIXTURES / "ing_nl_mededelingen.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -35.25]
    assert _days(stmt) == ["2026-11-02", "2026-11-03"]
    assert lines["Reference"].tolist() == ["E2E-1003", None]  # Kenmerk, up to Valutadatum
    assert lines["Counterparty"].tolist() == ["Nile Trading BV", "Vattenfall"]
    assert lines["Description"].iloc[0].startswith("Naam: Nile Trading BV Omschrijving: INV-1003")


def test_riyad_bank_arabic_export_whose_credit_header_has_a_hamza():
    stmt = read_statement(FIXTURES / "riyad_bank_arabic_debit_credit_amounts.xlsx")
    lines = stmt.lines
    # "المبلغ الدائن" is the credit column (its hamza was stripped as an accent, unread)
    assert lines["Amount"].tolist() == [15000.0, -115.0, 2500.5]
    assert _days(stmt) == ["2026-11-02", "2026-11-03", "2026-11-10"]
    assert _days(stmt, "Value Date") == ["2026-11-02", "2026-11-03", "2026-11-11"]
    assert lines["Reference"].tolist() == ["FT26306001", "CHG001", "CHQ145"]
    assert lines["Description"].tolist()[0] == "حوالة واردة من شركة النيل للتجارة فاتورة 1003"
    assert set(lines["Currency"]) == {"SAR"}
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.difference) == (
        "SA4420000001234567891234", 10000.0, 27385.5, 0.0)
    assert stmt.issues == []


def test_a_credit_header_typed_without_its_hamza_is_read_too(tmp_path):
    path = tmp_path / "ar.csv"
    path.write_text("التاريخ,التفاصيل,المبلغ المدين,المبلغ الداين,الرصيد\n"
                    "02/11/2026,حوالة واردة,,1500.00,11500.00\n"
                    "03/11/2026,رسوم,15.00,,11485.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]


@pytest.mark.parametrize(("debit", "credit"), [
    ("السحوبات", "الإيداعات"), ("الخصم", "الإضافة"), ("منه", "له"), ("صادر", "وارد"),
    ("مبالغ مدينة", "مبالغ دائنة"), ("حركة مدينة", "حركة دائنة"), ("مدفوعات", "مقبوضات"),
    ("Debit", "Zahlungseingang"),  # a side no word list holds: the column beside its pair
])
def test_arabic_debit_and_credit_headers_banks_write(tmp_path, debit, credit):
    path = tmp_path / "ar.csv"
    path.write_text(f"التاريخ,البيان,{debit},{credit},الرصيد\n"
                    "02/11/2026,حوالة واردة شركة النيل,,1500.00,11500.00\n"
                    "04/11/2026,رسوم,15.00,,11485.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]
    assert stmt.lines["Balance"].tolist() == [11500.0, 11485.0]
    assert not [i for i in stmt.issues if "no amount" in i.message]


def test_instrument_number_column_is_the_reference(tmp_path):
    path = tmp_path / "instr.csv"
    path.write_text("Txn Date,Narration,Instrument No,Withdrawal Amt.,Deposit Amt.,Closing Balance\n"
                    "02/11/2026,CHQ DEP NILE TRADING,000145,,1500.00,11500.00\n"
                    "04/11/2026,CHARGES,,15.00,,11485.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Reference"].tolist() == ["000145", None]
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0]


@pytest.mark.parametrize(("money_in", "money_out"), [
    ("1.234,50 H", "15,00 S"),  # German Haben / Soll after the amount
    ("1,234.50 +", "15.00 -"),  # a sign set apart after it
])
def test_amounts_marked_after_with_haben_soll_or_a_separate_sign(tmp_path, money_in, money_out):
    path = tmp_path / "marks.csv"
    path.write_text(f'Date,Description,Amount\n22/11/2026,NILE,"{money_in}"\n'
                    f'23/11/2026,FEE,"{money_out}"\n', encoding="utf-8")
    assert read_statement(path).lines["Amount"].tolist() == [1234.5, -15.0]


def test_a_multi_currency_account_runs_one_balance_per_currency(tmp_path):
    stmt = read_statement(FIXTURES / "multi_currency_account_balance_per_currency.csv")
    assert stmt.lines["Currency"].tolist() == ["USD", "EUR", "USD", "EUR", "USD", "EUR"]
    assert stmt.lines["Amount"].tolist() == [1000.0, 500.0, -20.0, -5.0, 250.0, 100.0]
    assert stmt.issues == []  # no "not a running balance" note: each currency ties
    broken = tmp_path / "broken.csv"
    broken.write_text((FIXTURES / "multi_currency_account_balance_per_currency.csv").read_text(
        encoding="utf-8").replace("-5.00,EUR,495.00", "-5.00,EUR,490.00"), encoding="utf-8")
    issues = read_statement(broken).issues
    assert [i.cell for i in issues] == ["E5", "E7"]  # each break at its Running Balance
    assert "expected 495.00" in issues[0].message


def test_deutsche_bank_wert_column_is_the_value_date(tmp_path):
    path = tmp_path / "db.csv"
    path.write_bytes((
        "Buchungstag;Wert;Umsatzart;Begünstigter / Auftraggeber;Verwendungszweck;IBAN;BIC;"
        "Kundenreferenz;Mandatsreferenz ;Gläubiger ID;Fremde Gebühren;Betrag;"
        "Abweichender Empfänger;Anzahl der Aufträge;Anzahl der Schecks;Soll;Haben;Währung\n"
        "03.11.2026;04.11.2026;SEPA-Überweisung von;ACME GmbH;RE 4711;"
        "DE02120300000000202051;BYLADEM1001;;;;;;;;;;1.250,00;EUR\n"
        "05.11.2026;05.11.2026;SEPA-Lastschrift;Telekom;Rechnung 11/2026;"
        "DE02100100100006820101;PBNKDEFF;;M-123;DE123;;;;;;-120,50;;EUR\n").encode("cp1252"))
    stmt = read_statement(path)
    assert _days(stmt) == ["2026-11-03", "2026-11-05"]
    assert _days(stmt, "Value Date") == ["2026-11-04", "2026-11-05"]
    assert stmt.lines["Amount"].tolist() == [1250.0, -120.5]


@pytest.mark.parametrize("text", [
    "Date,Description,Amount (USD),Amount (AED),Balance (AED)\n"
    "22/11/2026,TT IN NILE TRADING,1000.00,3672.50,13672.50\n"
    "23/11/2026,LOCAL TRANSFER GULF FOODS,,5000.00,18672.50\n"
    "24/11/2026,TT IN GULF,200.00,790.00,19462.50\n",
    "Txn Date,Description,FCY Amount,LCY Amount,Balance\n"
    "22/11/2026,TT IN NILE TRADING,1000.00,3672.50,13672.50\n"
    "23/11/2026,LOCAL TRANSFER GULF FOODS,,5000.00,18672.50\n"
    "24/11/2026,TT IN GULF,200.00,790.00,19462.50\n",
    "Date,Description,Amount,Currency,Amount in AED,Balance\n"
    "22/11/2026,TT IN NILE TRADING,1000.00,USD,3672.50,13672.50\n"
    "23/11/2026,LOCAL TRANSFER GULF FOODS,5000.00,AED,5000.00,18672.50\n"
    "24/11/2026,TT IN GULF,200.00,EUR,790.00,19462.50\n",
])
def test_of_two_amount_columns_the_account_s_is_the_one_the_balance_moves_by(tmp_path, text):
    path = tmp_path / "two.csv"
    path.write_text(text, encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [3672.5, 5000.0, 790.0]
    assert stmt.lines["Currency"].isna().all() or set(stmt.lines["Currency"]) == {"AED"}
    assert not [i for i in stmt.issues if i.cell.startswith("row")]


def test_direction_marks_and_dashes_for_minus_of_arabic_and_pdf_converted_exports(tmp_path):
    rlm, lrm = "\u200f", "\u200e"
    path = tmp_path / "marks.csv"
    path.write_text(f"{rlm}التاريخ,{rlm}البيان,{rlm}المرجع,{rlm}المبلغ\n"
                    f"{rlm}02/11/2026,{rlm}حوالة واردة شركة النيل,INV-{lrm}1003,\"{lrm}1,500.00\"\n"
                    f"{rlm}04/11/2026,رسوم,,\u2013 15.00\n"
                    f"{rlm}05/11/2026,رسوم أخرى,,\u201215.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -15.0, -15.0]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة شركة النيل", "رسوم", "رسوم أخرى"]
    assert stmt.lines["Reference"].tolist() == ["INV-1003", None, None]


def test_mt940_ns_field_adds_the_payer_and_reference_to_the_narrative():
    after = read_statement(FIXTURES / "mt940_ns_field_after_86.sta")
    assert after.lines["Description"].tolist() == ["INWARD TRANSFER NILE TRADING CO INV-1003",
                                                   "SWIFT CHARGES"]
    assert after.lines["Amount"].tolist() == [50000.0, -1250.75]
    assert after.balances[0].difference == 0.0
    # an :NS: between the :61: and its :86: keeps the :86: (it was dropped as statement text)
    before = read_statement(FIXTURES / "mt940_ns_field_before_86.sta")
    assert before.lines["Description"].tolist() == [
        "PRZELEW PRZYCHODZACY NILE TRADING SP Z O O FAKTURA FV-1003", "PROWIZJA BANK"]
    assert before.balances[0].difference == 0.0
    assert after.issues == [] and before.issues == []


def test_two_amount_columns_and_no_balance_to_choose_is_said_not_guessed_silently(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("Date,Description,Amount (USD),Amount (AED)\n"
                    "22/11/2026,TT IN NILE TRADING,1000.00,3672.50\n"
                    "23/11/2026,LOCAL TRANSFER,500.00,1836.25\n", encoding="utf-8")
    stmt = read_statement(path)
    (note,) = [i for i in stmt.issues if "more than one amount column" in i.message]
    assert "'Amount (USD)' was read" in note.message
    assert '--bank-columns "Amount=Amount (AED)"' in note.message
    chosen = read_statement(path, mapping={"Amount": "Amount (AED)"})
    assert chosen.lines["Amount"].tolist() == [3672.5, 1836.25]


def test_dates_without_their_year_take_it_from_the_statement_period(tmp_path):
    stmt = read_statement(FIXTURES / "pdf_converted_dates_without_year_across_new_year.csv")
    assert _days(stmt) == ["2026-12-28", "2026-12-30", "2027-01-04"]
    assert stmt.lines["Amount"].tolist() == [15000.0, -125.0, 2500.5]
    (note,) = stmt.issues
    assert "no year ('28 Dec')" in note.message and "(2026-2027)" in note.message
    path = tmp_path / "numeric.csv"
    path.write_text("Account Statement\nFrom 01/11/2026 To 30/11/2026\n"
                    "Date,Description,Debit,Credit,Balance\n02/11,TRF NILE,,1500.00,11500.00\n"
                    "14/11,FEE,15.00,,11485.00\n", encoding="utf-8")
    assert _days(read_statement(path)) == ["2026-11-02", "2026-11-14"]
    nothing_above = tmp_path / "bare.csv"
    nothing_above.write_text("Date,Description,Amount\n02/11,TRF NILE,1500.00\n", encoding="utf-8")
    with pytest.raises(Exception, match="'02/11'"):  # no year anywhere: not guessed
        read_statement(nothing_above)


@pytest.mark.parametrize("header", ["Sender Name", "Ordering Customer", "Other Party",
                                    "اسم المرسل", "المحول", "اسم الطرف الآخر", "Tegenpartij",
                                    "Contrepartie"])
def test_the_other_party_under_the_headers_banks_give_it(tmp_path, header):
    path = tmp_path / "party.csv"
    path.write_text(f"Date,Description,{header},Amount\n"
                    "22/11/2026,TRANSFER INV 1003,NILE TRADING CO,1500.00\n"
                    "23/11/2026,FEE,,-15.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Counterparty"].tolist() == ["NILE TRADING CO", None]
    assert stmt.lines["Description"].tolist() == ["TRANSFER INV 1003", "FEE"]


@pytest.mark.parametrize(("header", "column"), [
    ("End-to-End ID", "Reference"), ("رقم الحوالة", "Reference"), ("Document No", "Reference"),
    ("Voucher No", "Reference"), ("Kenmerk", "Reference"), ("Trans ID", "Bank Ref"),
    ("Bank Ref No", "Bank Ref"),
])
def test_references_under_the_headers_banks_give_them(tmp_path, header, column):
    path = tmp_path / "refs.csv"
    path.write_text(f"Date,Description,{header},Amount\n"
                    "22/11/2026,TRANSFER NILE TRADING,FT2632600001,1500.00\n"
                    "23/11/2026,FEE,CHG1,-15.00\n", encoding="utf-8")
    assert read_statement(path).lines[column].tolist() == ["FT2632600001", "CHG1"]


def test_numbered_reference_columns_are_the_narrative_when_there_is_no_description(tmp_path):
    path = tmp_path / "dbs.csv"  # DBS Singapore's layout: a type code, then Ref1..Ref3
    path.write_text("\n\nAccount Details For:,DBS Business Account XXX\n"
                    "Statement as at:,22 Nov 2026\n\n"
                    "Transaction Date,Reference,Debit Amount,Credit Amount,Transaction Ref1,"
                    "Transaction Ref2,Transaction Ref3\n\n"
                    "22 Nov 2026,ICT, ,1500.00,NILE TRADING PTE,INV 1003,OTHR,\n"
                    "21 Nov 2026,MST, 34.65, ,COLD STORAGE SG 20NOV,4628-4500-,,\n",
                    encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -34.65]
    assert stmt.lines["Description"].tolist() == ["NILE TRADING PTE INV 1003 OTHR",
                                                  "COLD STORAGE SG 20NOV 4628-4500-"]
    assert stmt.lines["Reference"].tolist() == ["ICT", "MST"]


def test_german_payment_app_headers_outgoing_incoming_and_credit_balance(tmp_path):
    path = tmp_path / "sumup.csv"
    path.write_text("Datum der Transaktion,Transaktions-ID,Art der Transaktion,Referenz,Status,"
                    "Rechnungsbetrag ausgehend,Rechnungsbetrag eingehend,Währung der Karte,"
                    "Gebühr,Verfügbares Guthaben\n"
                    "\"22.11.26, 13:56\",TX0003,Ausgehende Banküberweisung,Delta GmbH,Genehmigt,"
                    "840.12,0.00,EUR,0.00,659.88\n"
                    "\"20.11.26, 09:19\",TX0002,Eingehende Banküberweisung,Nile Trading,Genehmigt,"
                    "0.00,1200.00,EUR,0.00,1500.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [-840.12, 1200.0]
    assert _days(stmt) == ["2026-11-22", "2026-11-20"]
    assert stmt.lines["Bank Line"].tolist() == ["TX0003", "TX0002"]
    assert stmt.lines["Balance"].tolist() == [659.88, 1500.0]
    assert not [i for i in stmt.issues if i.cell.startswith("row")]


def test_zahlungsempfaenger_column_names_the_other_party(tmp_path):
    path = tmp_path / "c24.csv"
    path.write_text("Transaktionstyp,Buchungsdatum,Betrag,Zahlungsempfänger,IBAN,Verwendungszweck\n"
                    "SEPA-Überweisung,20.11.2026,\"1.200,50 €\",Nile Trading GmbH,"
                    "DE89370400440532013000,RE 2026-1003\n"
                    "SEPA-Lastschrift,21.11.2026,\"-50,00 €\",Stadtwerke,DE02700100800030876808,"
                    "Strom\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1200.5, -50.0]
    assert stmt.lines["Counterparty"].tolist() == ["Nile Trading GmbH", "Stadtwerke"]


def test_stripe_charges_export_invoice_numbers_failed_charge_and_fees_said():
    stmt = read_statement(FIXTURES / "stripe_charges_with_refunds_and_a_failed_charge.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.0, 500.0]  # the failed charge moved no money
    assert lines["Bank Line"].tolist() == ["ch_3A", "ch_3B"]
    assert lines["Reference"].tolist() == ["INV-1003", "INV-1004"]
    assert set(lines["Currency"]) == {"USD"}
    columns = sorted(i.column for i in stmt.issues)
    assert columns == ["fee", "status"]  # refunded amounts are no rival amount column


def test_a_column_of_whole_numbers_beside_the_debits_is_not_taken_for_the_credits(tmp_path):
    path = tmp_path / "slips.csv"
    path.write_text("Date,Description,Voucher Serial,Debit,Balance\n"
                    "22/11/2026,CHQ DEPOSIT,000145,,11500.00\n"
                    "23/11/2026,FEE,,15.00,11485.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [-15.0]  # the deposit row has no amount: said
    assert [(i.cell, i.column) for i in stmt.issues if "no amount" in i.message] == [
        ("D2", "Debit")]


def test_a_currency_named_in_words_above_the_table_tells_the_day_first_order(tmp_path):
    path = tmp_path / "nbk.csv"
    path.write_text("Account Statement\nAccount Number:,2012345678\nCurrency:,Kuwaiti Dinar\n"
                    "Opening Balance:,\"1,000.500\"\n\n"
                    "Posting Date,Value Date,Description,Debit,Credit,Balance\n"
                    "02/11/2026,02/11/2026,TRANSFER FROM NILE TRADING,,250.375,\"1,250.875\"\n"
                    "03/11/2026,03/11/2026,SERVICE CHARGE,1.000,,\"1,249.875\"\n",
                    encoding="utf-8")
    stmt = read_statement(path)
    assert _days(stmt) == ["2026-11-02", "2026-11-03"]
    assert stmt.lines["Amount"].tolist() == [250.375, -1.0]
    assert set(stmt.lines["Currency"]) == {"KWD"}
    assert stmt.issues == []  # a Kuwaiti account writes the day first: no doubt to report


@pytest.mark.parametrize(("header", "kinds"), [
    ("نوع الحركة", ["وارد", "صادر", "خصم", "إيداع", "سحب"]),
    ("Type", ["Incoming", "Outgoing", "Charge", "Deposit", "Withdrawal"]),
])
def test_a_type_column_of_one_sided_words_signs_unsigned_amounts(tmp_path, header, kinds):
    rows = "".join(f"0{day}/11/2026,line {day},{kind},{amount}\n" for day, kind, amount in
                   zip(range(2, 7), kinds, ["1500.00", "200.00", "15.00", "300.00", "100.00"],
                       strict=True))
    path = tmp_path / "types.csv"
    path.write_text(f"Date,Description,{header},Amount\n{rows}", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -200.0, -15.0, 300.0, -100.0]
    assert not [i for i in stmt.issues if "every amount is positive" in i.message]


def test_dkb_payer_and_payee_columns_pick_the_other_party_by_direction():
    stmt = read_statement(FIXTURES / "dkb_payer_payee_columns_and_euro_sign.csv")
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1200.5, -89.0]  # the Vorgemerkt line is pending
    # the account holder's own name stands in the other column: never the other party
    assert lines["Counterparty"].tolist() == ["Nile Trading GmbH", "Stadtwerke München"]
    assert set(lines["Currency"]) == {"EUR"}  # "Betrag (€)"
    assert lines["Reference"].tolist() == ["E2E-1003", None]
    assert _days(stmt) == ["2026-11-20", "2026-11-15"]
    assert stmt.balances[0].closing == 2111.5
    assert [i.value for i in stmt.issues] == ["Vorgemerkt"]


def test_italian_entrate_uscite_and_french_montant_in_euros(tmp_path):
    italian = tmp_path / "it.csv"
    italian.write_text("Data contabile;Data valuta;Descrizione;Entrate;Uscite\n"
                       "22/11/2026;23/11/2026;BONIFICO DA NILE TRADING;1.200,50;\n"
                       "21/11/2026;21/11/2026;ADDEBITO ENEL;;89,00\n", encoding="utf-8")
    stmt = read_statement(italian)
    assert stmt.lines["Amount"].tolist() == [1200.5, -89.0]
    assert _days(stmt, "Value Date") == ["2026-11-23", "2026-11-21"]
    french = tmp_path / "fr.csv"
    french.write_text("Date;Libellé;Montant(EUROS)\n22/11/2026;VIR SEPA RECU NILE;1 200,50\n"
                      "21/11/2026;PRLV SEPA EDF;-89,00\n", encoding="utf-8")
    stmt = read_statement(french)
    assert stmt.lines["Amount"].tolist() == [1200.5, -89.0]
    assert set(stmt.lines["Currency"]) == {"EUR"}
