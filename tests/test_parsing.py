"""Values as people type them: each form parses to the right number, date or code."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_excel.parsing import (
    normalize_digits,
    parse_column,
    parse_currency,
    parse_date,
    parse_id,
    parse_money,
    parse_percent,
    parse_status,
    parse_terms,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("50,000", 50000.0),
    ("1,234.56", 1234.56),
    ("  1,200  ", 1200.0),
    ("EGP 1,200.50", 1200.50),
    ("1,200.50 ج.م", 1200.50),
    ("$1,234.50", 1234.50),
    ("SAR 3,000", 3000.0),
    ("SR 1,000", 1000.0),
    ("1,000 S.R.", 1000.0),
    ("Dhs 250.50", 250.50),
    ("KD 12.750", 12.75),
    ("ر.س ٣٬٠٠٠", 3000.0),
    ("٥٠٬٠٠٠", 50000.0),
    ("٥٠٠٠٫٢٥", 5000.25),
    ("۱۲۳۴", 1234.0),  # Persian digits
    ("(12.50)", -12.50),
    ("-300", -300.0),
    ("300-", -300.0),
    ("1'234.50", 1234.50),
    ("12,5", 12.5),
    (1500, 1500.0),
    (1500.25, 1500.25),
])
def test_amounts_as_typed(typed, expected):
    assert parse_money(typed) == expected


def test_decimal_comma_workbook():
    assert parse_money("1.234,50", decimal_comma=True) == 1234.50
    assert parse_money("1.234", decimal_comma=True) == 1234.0
    assert parse_money("12,75", decimal_comma=True) == 12.75


@pytest.mark.parametrize("bad", ["abc", "12/01/2024", "1,2,3.4.5", "1.2.3", "1,23,4.5", "N/A", True])
def test_not_amounts(bad):
    with pytest.raises(ValueError):
        parse_money(bad)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_thousands_separated_amounts_round_trip(value):
    typed = f"{value:,.2f}"
    assert parse_money(typed) == pytest.approx(float(value), abs=1e-9)
    assert parse_money(normalize_digits(typed).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))) == \
        pytest.approx(float(value), abs=1e-9)


@pytest.mark.parametrize(("typed", "day_first", "expected"), [
    ("2024-01-31", True, datetime(2024, 1, 31)),
    ("2024/01/31", True, datetime(2024, 1, 31)),
    ("31/01/2024", True, datetime(2024, 1, 31)),
    ("05/02/2024", True, datetime(2024, 2, 5)),
    ("05/02/2024", False, datetime(2024, 5, 2)),
    ("31/01/2024", False, datetime(2024, 1, 31)),  # day > 12 decides whatever the policy
    ("31-01-24", True, datetime(2024, 1, 31)),
    ("31.01.2024", True, datetime(2024, 1, 31)),
    ("١٥/٠١/٢٠٢٤", True, datetime(2024, 1, 15)),
    ("15-Jan-2024", True, datetime(2024, 1, 15)),
    ("Jan 15, 2024", True, datetime(2024, 1, 15)),
    ("15 يناير 2024", True, datetime(2024, 1, 15)),
    ("2024-01-15T10:30:00", True, datetime(2024, 1, 15)),
    (45306, True, datetime(2024, 1, 15)),  # Excel serial
    (45306.75, True, datetime(2024, 1, 15)),
    ("45306", True, datetime(2024, 1, 15)),
    (20240115, True, datetime(2024, 1, 15)),
    (datetime(2024, 1, 15, 13, 5), True, datetime(2024, 1, 15)),
])
def test_dates_as_typed(typed, day_first, expected):
    assert parse_date(typed, day_first) == expected


@pytest.mark.parametrize("bad", ["31/02/2024", "tomorrow", "2024-13-01", 12.5, "32/13/2024"])
def test_not_dates(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


@pytest.mark.parametrize(("typed", "days"), [
    (30, 30), (30.0, 30), ("30", 30), ("Net 30", 30), ("net30", 30), ("N30", 30),
    ("30 days", 30), ("30 Days", 30), ("٣٠", 30), ("٣٠ يوم", 30), ("45 يوما", 45),
    ("COD", 0), ("Cash", 0), ("نقدي", 0), ("Due on receipt", 0),
])
def test_payment_terms(typed, days):
    assert parse_terms(typed) == days


@pytest.mark.parametrize("bad", ["soon", "-30", 12.5, "Net thirty-one"])
def test_not_payment_terms(bad):
    with pytest.raises(ValueError):
        parse_terms(bad)


def test_percent_forms():
    assert parse_percent("5%") == 5.0
    assert parse_percent("٥٪") == 5.0
    assert parse_percent(2.5) == 2.5
    # a percent-formatted column arrives as fractions: the whole column is read as fractions
    series, errors = parse_column([0.05, 0.1, "", "3%"], "percent")
    assert series.tolist()[:2] == [5.0, 10.0] and series.iat[3] == 3.0 and not errors
    series, _ = parse_column([5, 0.5, 10], "percent")  # plain numbers: 0.5 means 0.5 %
    assert series.tolist() == [5.0, 0.5, 10.0]


def test_codes():
    assert parse_status(" on hold ") == "Hold"
    assert parse_status("موقوف") == "Hold"
    assert parse_status("نشط") == "Active"
    assert parse_status("Inactive") == "Closed"
    with pytest.raises(ValueError):
        parse_status("maybe")
    assert parse_currency(" egp ") == "EGP"
    assert parse_currency("ج.م") == "EGP"
    assert parse_currency("$") == "USD"
    assert parse_currency("Euro dollars") == "EURO DOLLARS"  # kept for the checks to flag
    assert parse_id(1001.0) == "1001"
    assert parse_id(" C-١٠٠١ ") == "C-1001"


def test_column_reports_positions_of_bad_values():
    series, errors = parse_column([100.0, "1,200", "abc", None, "٣٠٠"], "money")
    assert series.tolist()[:2] == [100.0, 1200.0]
    assert series.isna().tolist() == [False, False, True, True, False]
    assert series.iat[4] == 300.0
    assert list(errors) == [2] and "abc" in errors[2]


def test_a_column_learns_its_date_order_from_its_unambiguous_dates():
    us, _ = parse_column(["12/25/2024", "01/02/2024", "03/04/2024"], "date", day_first=True)
    assert us.dt.strftime("%Y-%m-%d").tolist() == ["2024-12-25", "2024-01-02", "2024-03-04"]
    eu, _ = parse_column(["25/12/2024", "01/02/2024"], "date", day_first=False)
    assert eu.dt.strftime("%Y-%m-%d").tolist() == ["2024-12-25", "2024-02-01"]
    policy, _ = parse_column(["01/02/2024", "03/04/2024"], "date", day_first=False)
    assert policy.dt.strftime("%Y-%m-%d").tolist() == ["2024-01-02", "2024-03-04"]


def test_a_column_learns_its_decimal_mark_from_its_unambiguous_numbers():
    eu, errors = parse_column(["1.234,50", "1.234", "12,5"], "money")
    assert eu.tolist() == [1234.5, 1234.0, 12.5] and not errors
    en, _ = parse_column(["1,234.50", "1,234", "12.5"], "money", decimal_comma=True)
    assert en.tolist() == [1234.5, 1234.0, 12.5]
    mixed, _ = parse_column(["1,234", 99.0], "money")  # nothing to learn from: the policy
    assert mixed.tolist() == [1234.0, 99.0]
