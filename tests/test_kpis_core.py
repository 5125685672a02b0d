"""Collection KPIs against values computed by hand (see kpi_book)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ar_excel.core.kpis import (
    days_late,
    dso_trend,
    kpi_table,
    month_to,
    payment_behaviour,
    trailing_months,
)
from tests._aging_books import customers, invoices, kpi_book, payments

T = pd.Timestamp


def values(table: pd.DataFrame, currency: str = "EGP") -> dict[str, float]:
    part = table[table["Currency"] == currency]
    return dict(zip(part["KPI"], part["Value"], strict=True))


def test_periods():
    assert month_to("2026-06-30") == month_to(T("2026-06-30 17:45"))
    p = month_to("2026-02-28")
    assert (p.start, p.end, p.days) == (T("2026-02-01"), T("2026-02-28"), 28)
    p = month_to("2026-11-15")
    assert (p.start, p.end, p.days) == (T("2026-10-16"), T("2026-11-15"), 31)
    months = trailing_months("2026-06-30", 12)
    assert len(months) == 12
    assert (months[0].start, months[0].end) == (T("2025-07-01"), T("2025-07-31"))
    assert (months[7].start, months[7].end) == (T("2026-02-01"), T("2026-02-28"))
    assert (months[-1].start, months[-1].end) == (T("2026-06-01"), T("2026-06-30"))
    mid = trailing_months("2026-11-15", 2)
    assert [(m.start, m.end) for m in mid] == [(T("2026-09-16"), T("2026-10-15")),
                                               (T("2026-10-16"), T("2026-11-15"))]


def test_june_kpis_by_hand():
    cust, inv, pay = kpi_book()
    k = values(kpi_table(cust, inv, pay, month_to("2026-06-30")))
    assert k["Days in Period"] == 30
    assert k["Opening AR"] == 1500.00  # I0 800 + I1 (1000 - 300)
    assert (k["Invoices Issued"], k["Invoice Value Issued"]) == (2, 2600.00)  # I2 + I3
    assert (k["Credit Notes Issued"], k["Credit Note Value"]) == (1, -200.00)
    assert k["Credit Sales"] == 2400.00
    assert (k["Receipts Count"], k["Receipts"]) == (3, 1800.00)  # P2 + P3 + P4
    assert k["Closing AR"] == 2100.00  # I0 800 + I2 1500 + CN1 -200
    # overdue per customer, its past-due invoices less its own credits, never below zero:
    # B: I0 800 (due 04-01); A: no invoice past due, CN1's 200 on account (dated 06-20, 10
    # days: the old rule counted it as -200 "overdue", offsetting B's I0) -> 0
    assert k["Closing Overdue AR"] == 800.00  # max(0, 800 - 0) + max(0, 0 - 200)
    # closing AR - overdue: I2 1500 (due 07-05) less the CN1 200 A has left on account
    assert k["Closing Current AR"] == 1300.00  # 2100 - 800
    assert k["DSO"] == 26.25  # 2100 / 2400 x 30
    assert k["Best-Possible DSO"] == 16.25  # 1300 / 2400 x 30
    assert k["Average Days Delinquent"] == 10.00  # 26.25 - 16.25 (800 / 2400 x 30)
    assert k["CEI %"] == 69.23  # (1500 + 2400 - 2100) / (1500 + 2400 - 1300) = 1800 / 2600
    assert k["Collection Rate %"] == 46.15  # 1800 / 3900


def test_the_table_states_each_formula():
    cust, inv, pay = kpi_book()
    table = kpi_table(cust, inv, pay, month_to("2026-06-30")).set_index("KPI")
    assert table.at["DSO", "Definition"] == "closing AR / credit sales x days in period"
    assert "opening AR + credit sales - closing current AR" in table.at["CEI %", "Definition"]
    assert set(table["Period"]) == {"2026-06-01 .. 2026-06-30"}


def test_ratios_without_sales_stay_blank():
    cust, inv, pay = kpi_book()
    k = values(kpi_table(cust, inv, pay, month_to("2026-08-31")))
    assert k["Credit Sales"] == 0.0
    assert math.isnan(k["DSO"]) and math.isnan(k["Best-Possible DSO"])
    assert math.isnan(k["Average Days Delinquent"])
    assert k["Closing AR"] == 2100.00 + 999.00 - 100.00


def test_dso_trend_per_month():
    cust, inv, pay = kpi_book()
    trend = dso_trend(cust, inv, pay, "2026-06-30", months=12).set_index("Month")
    assert len(trend) == 12 and trend.index[0] == "2025-07" and trend.index[-1] == "2026-06"
    june = trend.loc["2026-06"]
    # as test_june_kpis_by_hand: best 1300 / 2400 x 30; CEI 1800 / 2600
    assert (june["DSO"], june["Best-Possible DSO"], june["CEI %"]) == (26.25, 16.25, 69.23)
    may = trend.loc["2026-05"]
    # Opening (Apr 30) 800; sales 1000; receipts 300; closing 1500, of which I1 700 not due.
    assert (may["Credit Sales"], may["Receipts"], may["Closing AR"]) == (1000.0, 300.0, 1500.0)
    assert (may["DSO"], may["Best-Possible DSO"]) == (46.50, 21.70)  # x 31 days
    assert may["Average Days Delinquent"] == 24.80
    assert may["CEI %"] == 27.27  # 300 / 1100
    assert math.isnan(trend.loc["2026-01", "DSO"])  # no sales in January


def test_days_late_per_application():
    cust, inv, pay = kpi_book()
    late = days_late(cust, inv, pay, "2026-06-30").set_index("Invoice No", append=True)
    got = sorted(zip(late["Customer ID"], late.index.get_level_values(1), late["Days Late"],
                     late["Applied Amount"], strict=True))
    assert got == [("A", "I1", 0, 300.0), ("A", "I1", 3, 700.0), ("A", "I2", 0, 500.0),
                   ("B", "I3", 10, 600.0), ("B", "I5", 30, 400.0)]


def test_payment_behaviour_by_hand():
    cust, inv, pay = kpi_book()
    b = payment_behaviour(cust, inv, pay, "2026-06-30").set_index("Customer ID")
    assert b.at["A", "Payments"] == 3 and b.at["A", "Amount Paid"] == 1500.00
    assert b.at["A", "Avg Days Late"] == 1.4  # 700 x 3 / 1500
    assert b.at["A", "Share Paid Late %"] == 46.67  # 700 / 1500
    assert b.at["A", "Trend"] == "New (no payments before)"
    assert b.at["B", "Avg Days Late"] == 18.0  # (600 x 10 + 400 x 30) / 1000
    assert b.at["B", "Share Paid Late %"] == 100.00
    assert (b.at["B", "Avg Days Late (last 3 months)"],
            b.at["B", "Avg Days Late (3 months before)"]) == (10.0, 30.0)
    assert b.at["B", "Trend"] == "Improving"


def test_worsening_and_stable_trends():
    cust = customers(("W", "W", "EGP", 0), ("S", "S", "EGP", 0))
    inv = invoices(("W1", "W", "2026-02-01", None, 100.0), ("W2", "W", "2026-05-01", None, 100.0),
                   ("S1", "S", "2026-02-01", None, 100.0), ("S2", "S", "2026-05-01", None, 100.0))
    pay = payments(("1", "W", "2026-02-03", 100.0, "W1"), ("2", "W", "2026-05-21", 100.0, "W2"),
                   ("3", "S", "2026-02-11", 100.0, "S1"), ("4", "S", "2026-05-15", 100.0, "S2"))
    b = payment_behaviour(cust, inv, pay, "2026-06-30").set_index("Customer ID")
    assert b.at["W", "Trend"] == "Worsening"  # 2 -> 20 days
    assert b.at["S", "Trend"] == "Stable"  # 10 -> 14 days


def test_kpis_per_currency():
    cust, inv, pay = kpi_book()
    cust.loc[cust["Customer ID"] == "B", "Currency"] = "USD"
    table = kpi_table(cust, inv, pay, month_to("2026-06-30"))
    assert list(table["Currency"].drop_duplicates()) == ["EGP", "USD"]
    egp, usd = values(table, "EGP"), values(table, "USD")
    assert (egp["Opening AR"], egp["Credit Sales"], egp["Closing AR"]) == (700.0, 1800.0, 1300.0)
    assert (usd["Opening AR"], usd["Credit Sales"], usd["Closing AR"]) == (800.0, 600.0, 800.0)
    assert egp["Closing AR"] + usd["Closing AR"] == 2100.00


def test_empty_ledger_gives_no_rows_and_no_crash():
    cust, inv, pay = kpi_book()
    table = kpi_table(cust, inv.iloc[0:0], pay.iloc[0:0], month_to("2026-06-30"))
    assert set(table["Currency"]) <= {"EGP"}
    assert payment_behaviour(cust, inv.iloc[0:0], pay.iloc[0:0], "2026-06-30").empty


@pytest.mark.parametrize("as_of", ["2026-06-30", "2026-06-15"])
def test_closing_ar_rolls_forward(as_of):
    """Opening AR + credit sales - receipts = closing AR (every payment applies or sits open)."""
    cust, inv, pay = kpi_book()
    k = values(kpi_table(cust, inv, pay, month_to(as_of)))
    assert round(k["Opening AR"] + k["Credit Sales"] - k["Receipts"], 2) == k["Closing AR"]


def test_payment_behaviour_of_payers_none_of_whom_is_on_the_customer_list_is_quiet():
    """Every payer's ID missing from Customers (a Customer ID column mistyped): the names
    looked up are all NaN, a float column, and pandas warned on the report's stderr when it
    was filled with text. Found by fuzzing the tests' Kuwait book."""
    import warnings

    cust = customers(("A", "Alpha", "EGP", 0))
    inv = invoices(("Z1", "Z", "2026-05-01", None, 100.0))
    pay = payments(("1", "Z", "2026-05-11", 100.0, "Z1"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        b = payment_behaviour(cust, inv, pay, "2026-06-30")
    assert b[["Customer ID", "Customer", "Avg Days Late"]].values.tolist() == [["Z", "", 10.0]]


def test_currencies_blank_on_every_row_are_the_books_without_a_warning():
    """A customer list with no currencies and invoices with none (a float column of NaN):
    the KPIs' currencies are the book's, and pandas no longer warns on the report's stderr
    of a text fill on a float column. Found by fuzzing the tests' Saudi book."""
    import warnings

    from ar_excel.core.kpis import _ccy

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _ccy(pd.Series([float("nan")] * 2), "SAR").tolist() == ["SAR", "SAR"]
