"""A rates sheet with a rate a date is read as of the job's date: a report as of 30 November
uses the latest rate dated on or before 30 November (a rate of 5 December did not exist yet),
and a currency whose every rate is dated later takes the earliest of them, with an Input
Issue at that rate's date cell. Credit's conversion, the Dashboard's other currencies and the
collections job (its call lists rank currencies by worth) all read them so.
"""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ar_excel.core.fx import SheetRate, rates_as_of
from ar_excel.io.grid import Grid
from ar_excel.io.rates_sheet import rates_from_sheet
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, collections, credit, report
from ar_excel.model import Issue
from ar_excel.policy import Policy

EUR_LATER = Issue("FX Rates", "C6", "Date", date(2026, 12, 5),
                  "EUR has no exchange rate dated on or before the as-of date 2026-11-30; its "
                  "earliest, 56 of 2026-12-05, is used")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """An EGP exporter owing 50,000 EGP, 1,000 USD and 100 EUR; USD rated 31 Oct, 30 Nov and
    5 Dec, EUR only in December (its 10 Dec row above its 5 Dec row)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Credit Limit", "Payment Terms", "Currency"])
    ws.append(["EXP", "Nile Export", 200000, 30, "EGP"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"])
    inv.append(["E1", "EXP", datetime(2026, 10, 1), 50000, "EGP"])
    inv.append(["E2", "EXP", datetime(2026, 10, 2), 1000, "USD"])
    inv.append(["E3", "EXP", datetime(2026, 10, 3), 100, "EUR"])
    fx = wb.create_sheet("FX Rates")
    fx.append(["Currency", "Rate to EGP", "Date"])
    fx.append(["USD", 48.50, datetime(2026, 10, 31)])
    fx.append(["USD", 49.00, datetime(2026, 11, 30)])
    fx.append(["USD", 51.00, datetime(2026, 12, 5)])
    fx.append(["EUR", 57.00, datetime(2026, 12, 10)])
    fx.append(["EUR", 56.00, datetime(2026, 12, 5)])
    path = tmp_path_factory.mktemp("rates") / "book.xlsx"
    wb.save(path)
    return read_book(path)


def _other_currencies(result) -> list[tuple]:
    block = next(b for b in result.tabs[0].blocks if b.name == "Other Currencies")
    return [(r["Currency"], r["Rate"], r["Equivalent"]) for r in block.frame.to_dict("records")]


def test_credit_converts_at_the_rates_of_the_as_of_date(book):
    """30 Nov: USD at its 30 Nov 49 (not 5 Dec's 51), EUR at 56 of 5 Dec, the earliest, said
    so: 50,000 + 1,000 x 49 + 100 x 56 = 104,600 (106,700 at the latest rates)."""
    result = credit.run(book, JobOptions(as_of=date(2026, 11, 30)))
    row = result.tabs[0].frame.iloc[0]
    assert (row["Open Balance"], row["Note"]) == (
        104600.0, "open items converted to EGP at the exchange rates of sheet 'FX Rates': "
                  "EUR 56, USD 49")
    assert result.issues == [EUR_LATER]


def test_a_later_report_takes_the_later_rates_and_says_nothing(book):
    """31 Dec: USD 51 of 5 Dec, EUR 57 of 10 Dec (the latest date, not the last row)."""
    result = credit.run(book, JobOptions(as_of=date(2026, 12, 31)))
    assert result.tabs[0].frame.iloc[0]["Open Balance"] == 106700.0
    assert result.issues == []
    pack = report.run(book, JobOptions(as_of=date(2026, 12, 31)))
    assert _other_currencies(pack) == [("EUR", 57.0, 5700.0), ("USD", 51.0, 51000.0)]
    assert pack.issues == []


def test_the_dashboard_and_collections_read_the_rates_as_of_their_date(book):
    pack = report.run(book, JobOptions(as_of=date(2026, 11, 30)))
    assert _other_currencies(pack) == [("EUR", 56.0, 5600.0), ("USD", 49.0, 49000.0)]
    total = pack.tabs[0].frame.set_index("Measure").loc["Total receivables, all currencies"]
    assert (total["Value"], total["Unit"]) == (104600.0, "EGP")
    assert pack.issues == [EUR_LATER]
    assert collections.run(book, JobOptions(as_of=date(2026, 11, 30))).issues == [EUR_LATER]


def test_rates_as_of_a_date_row_by_row():
    """Dated on or before wins over undated, undated over a later date; of two rows of the
    chosen date, the last."""
    rows = [SheetRate("USD", 50.0, date(2026, 11, 30), "FX", "C2", "Date"),
            SheetRate("USD", 50.5, date(2026, 11, 30), "FX", "C3", "Date"),
            SheetRate("USD", 47.0, None, "FX", "B4", "Rate"),
            SheetRate("EUR", 55.0, None, "FX", "B5", "Rate"),
            SheetRate("EUR", 56.0, date(2026, 12, 1), "FX", "C6", "Date")]
    assert rates_as_of(rows, datetime(2026, 11, 30, 0, 0)) == ({"USD": 50.5, "EUR": 55.0}, ())
    assert rates_as_of(rows, date(2026, 11, 29)) == ({"USD": 47.0, "EUR": 55.0}, ())


def test_a_header_in_capitals_that_is_no_currency_is_no_rate_column():
    """CURRENCY | QTY | RATE: 'QTY' is three capitals but no ISO 4217 code, so RATE is the
    rate column (QTY's 3 and 2 were read as the rates); 'EGP' alone still names one."""
    grid = Grid("FX", [["CURRENCY", "QTY", "RATE"], ["USD", 3, 50.5], ["EUR", 2, 55]])
    policy, issues = rates_from_sheet([grid], Policy())
    assert (policy.get("exchange_rates"), issues) == ("EUR=55; USD=50.5", [])
    grid = Grid("FX", [["CURRENCY", "EGP"], ["USD", 50.5]])
    policy, _ = rates_from_sheet([grid], Policy())
    assert (policy.get("exchange_rates"), policy.base_currency) == ("EGP=1; USD=50.5", "EGP")


def test_a_total_row_under_the_rates_is_no_currency():
    """'SUM' and 'TOT' under the table are three capitals but no ISO 4217 code: no rate of a
    currency 'SUM' (and no issue for its text), the real rows read."""
    grid = Grid("FX", [["Currency", "Rate to EGP"], ["USD", 50.5], ["EUR", 55],
                       ["SUM", 105.5], ["TOT", "n/a"]])
    policy, issues = rates_from_sheet([grid], Policy())
    assert (policy.get("exchange_rates"), issues) == ("EGP=1; EUR=55; USD=50.5", [])
