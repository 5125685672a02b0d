"""Credit exposure of a customer owing in several currencies, at the Policy's exchange rates."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.core.credit import credit_status
from ar_excel.core.fx import Rates, parse_rates, policy_rates
from ar_excel.policy import Policy, policy_from_pairs


@pytest.mark.parametrize("text, rates", [
    ("USD=48.50; EUR=52.10", {"USD": 48.5, "EUR": 52.1}),
    ("USD 48.5, EUR 52.1", {"USD": 48.5, "EUR": 52.1}),
    ("usd: 48.5\nsar: 12.93", {"USD": 48.5, "SAR": 12.93}),
    ("USD=٤٨٫٥", {"USD": 48.5}),
    ("", {}),
])
def test_rates_as_people_type_them(text, rates):
    assert parse_rates(text) == rates


@pytest.mark.parametrize("text", ["forty-eight", "USD=0", "USD=48.5; EUR"])
def test_rates_that_cannot_be_read(text):
    with pytest.raises(ValueError):
        parse_rates(text)


def test_the_base_is_the_one_currency_without_a_rate():
    policy = Policy(extra={"exchangerates": "USD=48.5"})
    rates = policy_rates(policy, ["EGP", "USD", None])
    assert rates.base == "EGP"
    assert rates.factor("USD", "EGP") == 48.5 and rates.factor("EGP", "USD") == 1 / 48.5
    assert Rates({"USD": 48.5}, None).factor("USD", "EGP") is None


CUSTOMERS = pd.DataFrame({
    "Customer ID": ["EXP", "USDCO", "GULF"], "Name": ["Nile Export", "Delta US", "Gulf Co"],
    "Credit Limit": [100000.0, 3000.0, 50000.0], "Status": ["Active"] * 3,
    "Currency": ["EGP", "USD", "EGP"], "Next Credit Review": [pd.NaT] * 3})
ITEMS = pd.DataFrame({
    "Customer ID": ["EXP", "EXP", "USDCO", "USDCO", "GULF", "GULF"],
    "Item Type": ["Invoice"] * 6,
    "Document No": ["E1", "E2", "U1", "U2", "G1", "G2"],
    "Open Amount": [50000.0, 1000.0, 2000.0, 9700.0, 20000.0, 1000.0],
    "Days Past Due": [0, 10, 0, 0, 0, 0],
    "Currency": ["EGP", "USD", "USD", "EGP", "EGP", "SAR"]})


def test_other_currencies_are_converted_into_the_limits_currency():
    policy = Policy(base_currency="EGP", extra={"exchangerates": "USD=48.50"})
    rates = policy_rates(policy, ["EGP", "USD", "SAR"])
    out = credit_status(CUSTOMERS, ITEMS, policy, rates=rates).set_index("Customer ID")
    # 50,000 EGP + 1,000 USD x 48.50 = 98,500 EGP against 100,000: Warning (>= 80 %)
    assert out.loc["EXP", ["Open Balance", "Overdue Amount", "Utilization %", "Status"]
                   ].tolist() == [98500.0, 48500.0, 98.5, "Warning"]
    assert out.loc["EXP", "Note"] == ("open items converted to EGP at the Policy's exchange "
                                      "rates: USD 48.5")
    # a USD customer: 2,000 USD + 9,700 EGP / 48.50 = 2,200 USD
    assert out.loc["USDCO", "Open Balance"] == 2200.0
    assert out.loc["USDCO", "Note"] == ("open items converted to USD at the Policy's exchange "
                                        "rates: EGP 0.020619")
    # no SAR rate: added as it stands, and said
    assert out.loc["GULF", "Open Balance"] == 21000.0
    assert out.loc["GULF", "Note"] == "open items in EGP, SAR: added without conversion"


def test_without_rates_nothing_changes():
    out = credit_status(CUSTOMERS, ITEMS, Policy()).set_index("Customer ID")
    assert out.loc["EXP", "Open Balance"] == 51000.0
    assert out.loc["EXP", "Note"] == "open items in EGP, USD: added without conversion"


def test_the_policy_sheet_key_and_a_bad_value_at_its_cell():
    policy, problems = policy_from_pairs([("أسعار الصرف", "USD=48.5", "B9")])
    assert policy.get("exchange_rates") == "USD=48.5" and problems == []
    policy, problems = policy_from_pairs([("Exchange Rates", "forty-eight", "B9")])
    assert policy.get("exchange_rates") is None
    assert problems == [("B9", "policy 'Exchange Rates': 'forty-eight' is not a list of rates "
                               "like 'USD=48.50; EUR=52.10'; no rate is used")]


def test_the_credit_job_reads_the_rates_from_the_workbook(tmp_path):
    from ar_excel.io.reader import read_book
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.credit import run

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Credit Limit", "Payment Terms", "Currency"])
    ws.append(["EXP", "Nile Export", 100000, 30, "EGP"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"])
    inv.append(["E1", "EXP", datetime(2026, 11, 1), 50000, "EGP"])
    inv.append(["E2", "EXP", datetime(2026, 11, 2), 1000, "USD"])
    pol = wb.create_sheet("Policy")
    pol.append(["Key", "Value"])
    pol.append(["Base Currency", "EGP"])
    pol.append(["Exchange Rates", "USD=48.50"])
    wb.save(tmp_path / "book.xlsx")
    book = read_book(tmp_path / "book.xlsx")
    result = run(book, JobOptions(as_of=date(2026, 11, 30)))
    tab = next(t for t in result.tabs if t.name == "Credit Status")
    status = tab.frame.set_index("Customer ID")
    assert status.loc["EXP", ["Open Balance", "Exposure", "Status"]].tolist() == [
        98500.0, 98500.0, "Warning"]
    assert tab.title.endswith("(other currencies converted at the Policy's exchange rates; in "
                              "their own currencies: EGP 50,000.00, USD 1,000.00)")
    assert " 98,500.00 = ledger open balance " in tab.title
