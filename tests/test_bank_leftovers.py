"""Bank statement import: the gaps left after the real-bank pass, each with the file that
showed it (fixtures in ``tests/fixtures/bank_real``, written by hand, every figure checked).

* An MT940 ``:61:`` of amount 0 is an information record (Citi, BAI-style "no activity"):
  no money moved, so it is left out with an issue naming it; the other lines keep their
  positions and the statement still ties out.
* Dates printed without their year and no statement period above the table: one message
  naming the column, the rows and the fix (full dates, or ``year=2026``), not one per line;
  with ``year=`` named the dates take it (January after December the next year).
* ING Germany's "Saldo" above the table is the balance after the newest line: the closing
  balance (tied out where the lines print their running balance); "Buchung" and
  "Wertstellungsdatum" are its booking and value dates. SumUp's "Zahlungsreferenz" is the
  narrative.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.errors import InputError, UsageError
from ar_excel.io.bank_messages_ar import arabic_bank_message
from ar_excel.jobs.reconcile import bank_columns

REAL = Path(__file__).resolve().parent / "fixtures" / "bank_real"


def test_mt940_zero_amount_information_record_is_left_out_with_an_issue():
    st = read_statement(REAL / "mt940_citi_zero_amount_information_record.sta")
    lines = st.lines
    assert lines["Amount"].tolist() == [1500.00, -250.00]
    assert lines["Bank Line"].tolist() == ["CIT0001", "CIT0003"]
    assert lines["Line No"].tolist() == [1, 3]  # the :61: positions, the record's kept empty
    assert [(i.cell, i.column, i.value, i.message) for i in st.issues] == [
        ("line 7", ":61:", 1, "a line of amount 0 ('LEDGER BALANCE INFORMATION - NO ACTIVITY'): "
                              "no money moved, so it is an information record, not a "
                              "transaction; left out")]
    assert arabic_bank_message(st.issues[0].message) == (
        "سطر بمبلغ 0 ('LEDGER BALANCE INFORMATION - NO ACTIVITY'): لم يتحرك به مال، فهو قيد "
        "معلومات لا معاملة؛ استُبعد")
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.lines) == (
        10000.00, 11250.00, 1500.00, 250.00, 2)
    assert bal.difference == 0.0


def test_dates_without_a_year_and_no_period_give_one_message_naming_the_fix():
    path = REAL / "pdf_converted_dates_without_year_no_period.csv"
    with pytest.raises(InputError) as caught:
        read_statement(path)
    message = str(caught.value)
    assert message == (
        "pdf_converted_dates_without_year_no_period.csv: rows 2-4, Date: the dates carry no "
        "year ('28 Dec', 3 lines) and nothing above the table names the statement's year, so "
        "the lines cannot be dated and were left out: export the statement with full dates, or "
        "name the year with --bank-columns \"year=<year the statement begins in>\"")
    assert message.count("no year") == 1  # one message, not one per line
    arabic = arabic_bank_message(message.split("Date: ", 1)[1])
    assert arabic is not None and "'28 Dec'" in arabic and "عدد السطور 3" in arabic


def test_the_year_named_dates_the_lines_and_carries_into_january():
    path = REAL / "pdf_converted_dates_without_year_no_period.csv"
    stmt = read_statement(path, mapping=bank_columns("year=2026"))
    assert [d.strftime("%Y-%m-%d") for d in stmt.lines["Date"]] == [
        "2026-12-28", "2026-12-30", "2027-01-02"]
    assert stmt.lines["Amount"].tolist() == [5000.00, -15.00, 2100.00]
    assert stmt.lines["Balance"].tolist() == [15000.00, 14985.00, 17085.00]
    (note,) = stmt.issues
    assert note.message == ("the dates carry no year ('28 Dec'); they were given the year named "
                            "(2026-2027)")
    assert arabic_bank_message(note.message) == (
        "التواريخ بلا سنة ('28 Dec')؛ أُعطيت السنة المسمّاة (2026-2027)")


def test_the_year_named_for_numeric_dates_and_a_bad_year_refused(tmp_path):
    path = tmp_path / "nov.csv"
    path.write_text("Date,Description,Amount\n02/11,TRF NILE INV-1001,1500.00\n"
                    "28/11,FEE,-15.00\n", encoding="utf-8")
    stmt = read_statement(path, mapping={"year": "٢٠٢٦"})  # Arabic-Indic digits read too
    assert [d.strftime("%Y-%m-%d") for d in stmt.lines["Date"]] == ["2026-11-02", "2026-11-28"]
    with pytest.raises(InputError, match="year='26' is not a year"):
        read_statement(path, mapping={"year": "26"})
    with pytest.raises(UsageError):
        bank_columns("yeer=2026")


def test_a_few_year_less_dates_among_dated_lines_are_said_once(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("Date,Description,Amount\n02/11,A,1.00\n03/11,B,2.00\n04/11,C,3.00\n"
                    "05/11,D,4.00\n2026-11-06,E,5.00\n", encoding="utf-8")
    # 4 of 5 dates without a year: the dated line is kept, the others named in one issue
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [5.00]
    (issue,) = [i for i in stmt.issues if "no year" in i.message]
    assert (issue.cell, issue.value) == ("rows 2-5", "02/11")
    assert "4 lines" in issue.message


def test_ing_germany_saldo_above_the_table_closes_the_statement_and_ties_it_out():
    st = read_statement(REAL / "ing_de_saldo_above_the_table.csv")  # cp1252, newest first
    lines = st.lines
    assert [d.strftime("%Y-%m-%d") for d in lines["Date"]] == [
        "2026-11-24", "2026-11-20", "2026-11-03"]  # "Buchung" is the booking date
    assert [d.strftime("%Y-%m-%d") for d in lines["Value Date"]] == [
        "2026-11-25", "2026-11-20", "2026-11-03"]  # "Wertstellungsdatum" the value date
    assert lines["Amount"].tolist() == [-119.00, 1200.50, 2250.00]
    assert lines["Counterparty"].tolist() == ["Stadtwerke Köln", "Nile Trading GmbH",
                                              "Delta GmbH"]
    assert lines["Balance"].tolist() == [3331.50, 3450.50, 2250.00]
    (bal,) = st.balances
    # the Saldo above closes; the balance before the oldest line (03.11.) opens
    assert (bal.opening, bal.closing, bal.credits, bal.debits) == (0.0, 3331.50, 3450.50, 119.0)
    assert bal.closing_date.strftime("%Y-%m-%d") == "2026-11-24"
    assert bal.opening_date.strftime("%Y-%m-%d") == "2026-11-03"
    assert bal.difference == 0.0 and (bal.account, bal.currency) == (
        "DE89370400440532013000", "EUR")
    assert st.issues == []


def test_ing_germany_saldo_that_disagrees_with_the_lines_is_reported(tmp_path):
    text = (REAL / "ing_de_saldo_above_the_table.csv").read_bytes().replace(
        b"Saldo;3.331,50;EUR", b"Saldo;3.400,00;EUR")
    path = tmp_path / "ing.csv"
    path.write_bytes(text)
    st = read_statement(path)
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (0.0, None, None)
    (issue,) = st.issues
    assert issue.value == 3400.0 and issue.message == (
        "the balance above the table (3,400.00) is not the running balance after the newest "
        "line (3,331.50, row 15): it is of a later day (a period ending before the file was "
        "made) or the statement's last lines are missing; not taken as the closing balance")
    assert arabic_bank_message(issue.message) == (
        "الرصيد أعلى الجدول (3,400.00) ليس الرصيد الجاري بعد أحدث سطر (3,331.50، الصف 15): "
        "فهو ليوم لاحق (فترة تنتهي قبل إنشاء الملف) أو سقطت آخر سطور الكشف؛ لم يؤخذ رصيداً "
        "ختامياً")


def test_ing_germany_saldo_without_a_balance_column_is_the_closing_balance_only():
    st = read_statement(REAL / "ing_de_saldo_only_above_the_table.csv")
    assert st.lines["Amount"].tolist() == [-119.00, 1200.50, 2250.00]
    (bal,) = st.balances
    # nothing gives the opening: the closing is kept, and no tie-out is claimed
    assert (bal.opening, bal.closing, bal.difference) == (None, 12345.67, None)
    assert st.issues == []


def test_sumup_zahlungsreferenz_is_the_narrative_with_its_transaction_kind():
    st = read_statement(REAL / "sumup_zahlungsreferenz.csv")
    lines = st.lines
    assert lines["Amount"].tolist() == [-840.12, 1200.00]
    assert lines["Description"].tolist() == ["Miete 11/2026 Ausgehende Banküberweisung",
                                             "RE 2026-1003 Eingehende Banküberweisung"]
    assert lines["Bank Line"].tolist() == ["TX0003", "TX0002"]
    assert lines["Balance"].tolist() == [659.88, 1500.00]
    assert st.issues == []


def test_amounts_split_by_an_unquoted_thousands_separator_are_joined_back():
    # a Kuwaiti export: comma-delimited, amounts over a thousand unquoted ("‏2,000.750‏"
    # with right-to-left marks), three decimals; read naively the balance is 2.00
    st = read_statement(REAL / "kfh_unquoted_thousands_and_direction_marks.csv")
    lines = st.lines
    assert [d.strftime("%Y-%m-%d") for d in lines["Date"]] == ["2026-11-02", "2026-11-03"]
    assert lines["Amount"].tolist() == [750.25, -150.0]
    assert lines["Balance"].tolist() == [2000.75, 1850.75]
    assert lines["Description"].tolist() == ["تحويل من شركة الخليج INV-1005", "سحب نقدي"]
    (bal,) = st.balances
    assert bal.opening == 1250.5
    (issue,) = st.issues
    assert (issue.cell, issue.value) == ("rows 2-4", 3)
    assert arabic_bank_message(issue.message).startswith("3 صف: فاصل الآلاف")


def test_a_short_money_cell_beside_a_real_next_column_is_left_alone(tmp_path):
    path = tmp_path / "st.csv"  # "5" then a cheque number "123": the row is no longer
    path.write_text("Date,Description,Amount,Cheque No\n22/11/2026,CHQ,5,123\n"
                    "23/11/2026,TRF,-12.50,\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [5.0, -12.5]
    assert st.issues == []


def test_a_million_split_twice_and_a_credit_column_are_joined_back(tmp_path):
    path = tmp_path / "st.csv"
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    "22/11/2026,TRF NILE INV-1001,,1,250,000.00,1,260,000.00\n"
                    "23/11/2026,FEE,15.00,,1,259,985.00\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250000.0, -15.0]
    assert st.lines["Balance"].tolist() == [1260000.0, 1259985.0]
    assert [i.cell for i in st.issues] == ["rows 2-3"]


def test_hijri_dates_with_the_month_by_name_are_converted():
    # Saudi portals print Hijri dates with the month's name, in Arabic-Indic digits
    st = read_statement(REAL / "saudi_hijri_dates_with_month_names.csv")
    assert [d.strftime("%Y-%m-%d") for d in st.lines["Date"]] == ["2026-10-22", "2026-10-23"]
    assert st.lines["Amount"].tolist() == [4000.0, -20.0]
    assert st.lines["Balance"].tolist() == [14000.0, 13980.0]
    (note,) = st.issues
    assert "= 22 Oct 2026" in note.message


@pytest.mark.parametrize(("text", "parts"), [
    ("11 جمادى الأولى 1448", (1448, 5, 11)), ("11 جمادي الاولي 1448", (1448, 5, 11)),
    ("12 Jumada al-Ula 1448", (1448, 5, 12)), ("1 رمضان 1448 هـ", (1448, 9, 1)),
    ("3 ذو الحجة 1447", (1447, 12, 3)), ("3 ذي القعدة 1447", (1447, 11, 3)),
    ("5 ربيع الآخر 1448", (1448, 4, 5)), ("2 Nov 2026", None), ("2 رمضان 2026", None),
])
def test_hijri_month_names_in_arabic_and_transliterated(text, parts):
    from ar_excel.bank.hijri import hijri_parts

    assert hijri_parts(text) == parts


def test_a_plus_written_after_the_amount_is_money_in(tmp_path):
    path = tmp_path / "eg.csv"  # Egyptian and Gulf exports sign both ways after the figure
    path.write_text("التاريخ,البيان,المبلغ,الرصيد\n"
                    "02/11/2026,حوالة واردة INV-3701,\"5,000.00+\",\"15,000.00\"\n"
                    "03/11/2026,رسوم,\"15.00-\",\"14,985.00\"\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [5000.0, -15.0]
    assert st.issues == []


def test_bilingual_labels_and_headers_name_the_account_and_columns():
    st = read_statement(REAL / "egypt_bilingual_labels_and_headers.csv")
    lines = st.lines
    assert [d.strftime("%Y-%m-%d") for d in lines["Date"]] == ["2026-11-03", "2026-11-04"]
    assert [d.strftime("%Y-%m-%d") for d in lines["Value Date"]] == ["2026-11-03", "2026-11-04"]
    assert lines["Amount"].tolist() == [25000.0, -1200.5]
    assert lines["Balance"].tolist() == [125000.0, 123799.5]
    assert set(lines["Currency"]) == {"EGP"}
    assert lines["Line No"].tolist() == [7, 8]
    (bal,) = st.balances
    assert (bal.account, bal.opening, bal.closing, bal.difference) == (
        "0123456789", 100000.0, 123799.5, 0.0)  # "Account No / رقم الحساب"
    assert st.issues == []


def test_arabic_balances_at_the_start_and_end_of_the_period_tie_the_statement_out():
    st = read_statement(REAL / "arabic_period_start_end_balances_and_counts.csv")
    assert st.lines["Amount"].tolist() == [1000.0, -10.0]
    assert st.lines["Description"].tolist() == ["إيداع INV-4101", "رسوم"]
    (bal,) = st.balances  # رصيد بداية المدة / الرصيد في نهاية الفترة
    assert (bal.opening, bal.closing, bal.difference) == (5000.0, 5990.0, 0.0)
    # the counts of lines under the totals are no transactions, each said
    assert [(i.cell, i.value) for i in st.issues] == [
        ("A7", "عدد الحركات المدينة 1"), ("A8", "عدد الحركات الدائنة 1")]


@pytest.mark.parametrize(("opening", "closing"), [
    ("الرصيد في بداية الفترة", "رصيد نهاية المدة"), ("رصيد بداية الشهر", "الرصيد فى آخر الشهر")])
def test_arabic_period_balance_labels(tmp_path, opening, closing):
    path = tmp_path / "st.csv"
    path.write_text(f"التاريخ,البيان,مدين,دائن,الرصيد\n,{opening},,,\"5,000.00\"\n"
                    "02/11/2026,إيداع INV-4201,,\"1,000.00\",\"6,000.00\"\n"
                    "03/11/2026,رسوم,10.00,,\"5,990.00\"\n"
                    f",{closing},,,\"5,990.00\"\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Description"].tolist() == ["إيداع INV-4201", "رسوم"]  # nothing glued
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (5000.0, 5990.0, 0.0)
    assert st.issues == []


def test_a_balance_under_an_unknown_label_is_said_and_never_glued_to_the_line_above(tmp_path):
    path = tmp_path / "st.csv"
    path.write_text("التاريخ,البيان,مدين,دائن,الرصيد\n"
                    "22/11/2026,إيداع INV-4501,,\"1,000.00\",\"6,000.00\"\n"
                    ",تتمة البيان,,,\n"
                    "23/11/2026,رسوم,10.00,,\"5,990.00\"\n"
                    ",المتبقي,,,\"5,990.00\"\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Description"].tolist() == ["إيداع INV-4501 تتمة البيان", "رسوم"]
    assert st.lines["Amount"].tolist() == [1000.0, -10.0]
    (issue,) = st.issues
    assert (issue.cell, issue.column, issue.value) == ("E5", "الرصيد", "5,990.00")
    assert "names no opening or closing balance" in issue.message
    assert arabic_bank_message(issue.message) == (
        "صف فيه رصيد (5,990.00) بلا تاريخ ولا مبلغ، تحت 'المتبقي' الذي لا يسمّي رصيداً "
        "افتتاحياً ولا ختامياً: ليس معاملة ولم يُقرأ رصيداً للكشف؛ استُبعد")


def test_year_less_value_dates_take_the_year_nearest_their_booking_date(tmp_path):
    path = tmp_path / "st.csv"
    path.write_text("Date,Value Date,Description,Amount\n31/12/2026,02/01,TRF NILE,1500.00\n"
                    "23/12/2026,24/12,FEE,-15.00\n", encoding="utf-8")
    st = read_statement(path)
    assert [d.strftime("%Y-%m-%d") for d in st.lines["Value Date"]] == [
        "2027-01-02", "2026-12-24"]
    assert [d.strftime("%Y-%m-%d") for d in st.lines["Date"]] == ["2026-12-31", "2026-12-23"]
    assert st.issues == []  # (each line said its value date could not be read)


def test_arabic_month_names_without_a_year_cross_into_january(tmp_path):
    path = tmp_path / "st.csv"
    path.write_text("التاريخ,البيان,المبلغ\n28 ديسمبر,حوالة INV-1,5000.00\n30 ديسمبر,رسوم,-15.00\n"
                    "02 يناير,شيك,2100.00\n", encoding="utf-8")
    st = read_statement(path, mapping={"year": "2026"})
    assert [d.strftime("%Y-%m-%d") for d in st.lines["Date"]] == [
        "2026-12-28", "2026-12-30", "2027-01-02"]
    with pytest.raises(InputError, match="carry no year"):
        read_statement(path)


@pytest.mark.parametrize("day", ["22/11/2026 - 10:15", "22/11/2026 م 04:20", "22/11/2026 | 10:15",
                                 "22 نوڤمبر 2026"])
def test_dates_with_a_time_set_apart_or_the_gulf_spelling_of_a_month(tmp_path, day):
    path = tmp_path / "st.csv"
    path.write_text(f"التاريخ,البيان,المبلغ\n{day},حوالة INV-1,5000.00\n{day},رسوم,-15.00\n",
                    encoding="utf-8")
    st = read_statement(path)
    assert [d.strftime("%Y-%m-%d") for d in st.lines["Date"]] == ["2026-11-22", "2026-11-22"]
    assert st.lines["Amount"].tolist() == [5000.0, -15.0]
    assert st.issues == []


@pytest.mark.parametrize("line", ["Saldo;3331,50 EUR", "Kontostand;3.331,50;EUR",
                                  "Aktueller Kontostand:;3.331,50 €"])
def test_the_balance_above_the_table_in_its_other_spellings(tmp_path, line):
    text = (REAL / "ing_de_saldo_above_the_table.csv").read_bytes().replace(
        b"Saldo;3.331,50;EUR", line.encode("cp1252"))
    path = tmp_path / "ing.csv"
    path.write_bytes(text)
    st = read_statement(path)
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (0.0, 3331.50, 0.0)
    assert st.issues == []


def test_a_bai2_file_is_refused_saying_what_it_is(tmp_path):
    path = tmp_path / "citi.bai"
    path.write_text("01,CITIBANK,ACME,261123,0200,1,80,1,2/\n02,ACME,021000089,1,261122,,USD,2/\n"
                    "03,123456789,USD,010,1000000,,,015,1150000,,/\n"
                    "16,195,150000,0,CIT0001,INV-2041,ACME TRADING LLC/\n49,1250000,4/\n"
                    "98,1250000,1,6/\n99,1250000,1,8/\n", encoding="ascii")
    with pytest.raises(InputError, match="a BAI2 cash management file .* which is not read"):
        read_statement(path)


def test_camt_entry_of_amount_zero_is_left_out_as_mt940s_is():
    st = read_statement(REAL / "camt053_zero_amount_information_entry.xml")
    assert st.lines["Amount"].tolist() == [1500.0, -250.0]  # (the zero was kept as -0.00)
    assert st.lines["Bank Line"].tolist() == ["EI0001", "EI0003"]
    assert st.lines["Line No"].tolist() == [1, 3]  # the entries' places, as MT940's
    assert st.lines["Description"].tolist() == ["INV-2041 شركة الصحراء", "رسوم خدمات"]
    assert [(i.cell, i.column, i.value) for i in st.issues] == [("entry 2", "Amt", 1)]
    assert st.issues[0].message.startswith("a line of amount 0 (")
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference, bal.currency) == (
        10000.0, 11250.0, 0.0, "AED")
