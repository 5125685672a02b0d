"""Dates and amounts as clerks type them: spaces around a date's separators (typed right to
left: '15 / 10 / 2026'), an amount closed as on a voucher ('1,250 جنيه فقط لا غير', 'EGP
1,250/- only'), dollars and euros written in Arabic ('1,000 دولار', '500 يورو'); each was
'not a date' / 'not a number'."""

from __future__ import annotations

from datetime import datetime

import pytest

from ar_excel.parsing import parse_date, parse_money, parse_terms


@pytest.mark.parametrize("typed", ["15 / 10 / 2026", "15/ 10/ 2026", "١٥ / ١٠ / ٢٠٢٦",
                                   "2026 - 10 - 15", "15 . 10 . 2026"])
def test_spaces_around_a_dates_separators(typed):
    assert parse_date(typed, True) == datetime(2026, 10, 15)


@pytest.mark.parametrize(("typed", "amount"), [
    ("1,250.00 جنيه مصري فقط لا غير", 1250.0), ("فقط 1,250 جنيه لا غير", 1250.0),
    ("1,250 فقط", 1250.0), ("EGP 1,250/- only", 1250.0), ("1,000 دولار", 1000.0),
    ("1,000 دولار أمريكي", 1000.0), ("500 يورو", 500.0)])
def test_amounts_closed_as_on_a_voucher_and_currencies_in_arabic(typed, amount):
    assert parse_money(typed) == amount


@pytest.mark.parametrize("typed", ["فقط", "Only", "لا غير", "15 اكتوبر"])
def test_words_alone_are_no_amount(typed):
    with pytest.raises(ValueError):
        parse_money(typed)


@pytest.mark.parametrize(("typed", "days"), [
    ("آجل شهر", 30), ("شهر واحد", 30), ("نصف شهر", 15), ("أجل شهرين", 60),
    ("آجل ٣ شهور", 90), ("Net 2 months", 60), ("credit 1 month", 30), ("half a month", 15),
    ("اسبوع واحد", 7)])
def test_terms_in_months_on_credit(typed, days):
    # 'آجل شهر' (on credit, a month) was 'not payment terms' while 'شهر' read 30
    assert parse_terms(typed) == days
