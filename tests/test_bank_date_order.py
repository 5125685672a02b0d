"""Day first or month first when every date of a statement reads both ways (03/11/2026): the
evidence beyond the dates themselves (stated period, value dates, row order, dates written with
the month's name, dots, language, currency), and a clear note when nothing decides."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.date_order import order_named
from ar_excel.errors import InputError
from ar_excel.jobs.reconcile import bank_columns
from tests.test_bank_csv import dates, write


def test_value_dates_a_day_after_the_booking_dates_show_month_first(tmp_path):
    text = ("Posting Date,Value Date,Description,Amount\n"
            "11/03/2026,11/04/2026,ACH CREDIT ACME CORP,1500.00\n"
            "11/04/2026,11/04/2026,CHECK 1001,-15.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    assert stmt.lines["Value Date"].tolist() == dates("2026-11-04", "2026-11-04")
    [note] = stmt.issues
    assert (note.column, note.value) == ("Posting Date", "11/03/2026")
    assert "read month first ('11/03/2026' = 03 Nov 2026) because its value dates" in note.message
    assert 'date_order=day first' in note.message


def test_statement_period_in_words_above_the_lines_shows_month_first(tmp_path):
    text = ("Account Number,123456789\n"
            "Statement Period,\"Nov 1, 2026 to Nov 30, 2026\"\n"
            "\n"
            "Date,Description,Amount\n"
            "11/03/2026,ACH CREDIT ACME CORP,1500.00\n"
            "11/04/2026,CHECK 1001,-15.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    [note] = stmt.issues
    assert "because the statement period above the lines holds the dates only when read " \
           "month first" in note.message


def test_lines_in_date_order_only_one_way(tmp_path):
    # day first: 11 Dec, 12 Nov, 12 Dec (back and forth); month first: 12 Nov, 11 Dec, 12 Dec
    text = ("Date,Description,Amount\n"
            "11/12/2026,A,1.00\n12/11/2026,B,2.00\n12/12/2026,C,3.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-12", "2026-12-11", "2026-12-12")
    [note] = stmt.issues
    assert "because its lines are then in date order (day first: back and forth)" in note.message


def test_dates_written_with_the_month_name_place_the_others(tmp_path):
    text = ("Date,Description,Amount\n"
            "11/03/2026,A,1.00\n"
            "\"Nov 4, 2026\",B,2.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    [note] = stmt.issues
    assert "month first" in note.message and "month's name" in note.message


def test_nothing_decides_the_order_is_said_and_can_be_named(tmp_path):
    text = "Date,Description,Amount\n11/03/2026,A,1.00\n11/04/2026,B,2.00\n"
    path = write(tmp_path, text)
    stmt = read_statement(path, day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-03-11", "2026-04-11")  # as asked
    [note] = stmt.issues
    assert (note.cell, note.column, note.value) == ("", "Date", "11/03/2026")
    assert note.message == (
        "the dates in column 'Date' read both ways ('11/03/2026' is 11 Mar 2026 day first, "
        "03 Nov 2026 month first) and nothing in the file tells which (no date with a day "
        "above 12, statement period, value dates or date order that decides): read day first, "
        "the order asked for (the Policy's date_order). If the bank wrote them month first, "
        "name the order with --bank-columns \"date_order=month first\" (or "
        "\"date_format=%m/%d/%Y\"; for the Excel buttons in the Policy key bank_columns)")
    named = read_statement(path, mapping=bank_columns("date_order=month first"), day_first=True)
    assert named.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    assert named.issues == []
    asked = read_statement(path, day_first=False)  # the Policy says month first
    assert asked.lines["Date"].tolist() == dates("2026-11-03", "2026-11-04")
    assert "read month first" in asked.issues[0].message
    assert 'date_order=day first' in asked.issues[0].message


@pytest.mark.parametrize("text", [
    "Datum;Verwendungszweck;Betrag\n11.03.2026;A;1,00\n11.04.2026;B;2,00\n",  # dots
    "التاريخ,البيان,المبلغ\n11/03/2026,أ,1.00\n11/04/2026,ب,2.00\n",  # Arabic headers
    "Date,Description,Amount,Currency\n11/03/2026,A,1.00,AED\n11/04/2026,B,2.00,AED\n",
    "Currency: EGP\nDate,Description,Amount\n11/03/2026,A,1.00\n11/04/2026,B,2.00\n",
    "Date,Description,Amount\n11/03/2026,A,EGP 1.00\n11/04/2026,B,EGP 2.00\n",
])
def test_files_from_day_first_countries_read_day_first_without_a_word(tmp_path, text):
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-03-11", "2026-04-11")
    assert stmt.issues == []


def test_a_us_dollar_account_tells_nothing(tmp_path):
    text = "Date,Description,Amount,Currency\n11/03/2026,A,1.00,USD\n11/04/2026,B,2.00,USD\n"
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert "nothing in the file tells which" in stmt.issues[0].message


def test_dates_that_read_the_same_both_ways_need_no_word(tmp_path):
    text = "Date,Description,Amount\n01/01/2026,A,1.00\n02/02/2026,B,2.00\n"
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-01-01", "2026-02-02")
    assert stmt.issues == []


def test_date_order_option_words():
    assert [order_named(v, "f") for v in ("day first", "Month First", "MDY", "dmy",
                                          "mm/dd/yyyy", "dd.mm.yyyy", "US", None, "")] == [
        True, False, False, True, False, True, False, None, None]
    with pytest.raises(InputError, match="date_order 'sideways' is neither"):
        order_named("sideways", "f")
    assert bank_columns("date_order=month first") == {"date_order": "month first"}


def test_a_named_order_wins_over_the_dates(tmp_path):
    text = "Date,Description,Amount\n13/03/2026,A,1.00\n"
    stmt = read_statement(write(tmp_path, text), mapping={"date_order": "day first"})
    assert stmt.lines["Date"].tolist() == [pd.Timestamp("2026-03-13")]


def test_the_running_balance_tells_which_way_the_lines_run(tmp_path):
    # 10/11, 11/10, 12/09: month first they run forward (11 Oct, 10 Nov, 9 Dec), day first
    # backward (10 Nov, 11 Oct, 12 Sep); each balance is the one above plus its amount, so the
    # lines run forward in time: month first
    text = ("Date,Description,Amount,Balance\n"
            "10/11/2026,A,100.00,1100.00\n11/10/2026,B,-50.00,1050.00\n"
            "12/09/2026,C,25.00,1075.00\n")
    stmt = read_statement(write(tmp_path, text), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-10-11", "2026-11-10", "2026-12-09")
    assert "because its lines are then in date order" in stmt.issues[0].message
    # the same dates newest first, each balance the one below plus its amount: day first
    newest_first = ("Date,Description,Amount,Balance\n"
                    "10/11/2026,C,25.00,1075.00\n11/10/2026,B,-50.00,1050.00\n"
                    "12/09/2026,A,100.00,1100.00\n")
    stmt = read_statement(write(tmp_path, newest_first, name="n.csv"), day_first=True)
    assert stmt.lines["Date"].tolist() == dates("2026-11-10", "2026-10-11", "2026-09-12")
    assert stmt.issues == []
