"""SAP Business One keeps a business partner's Credit Limit in the company's local currency
(LC), whatever the partner's own currency: Gulf Star (C10003, USD) of a Cairo distributor
has a limit of EGP 2,500,000 and owes USD 42,000 (USD 30,000 + 12,000 booked at 48.50, EGP
2,037,000 in SAP's Account Balance). By pencil: 2,037,000 / 2,500,000 = 81.48 %, 81.5 % as
SAP shows it: Warning (80 %). Before, USD 42,000 was compared with 'USD 2,500,000': 1.7 %,
OK. Without an exchange rate the two are not compared and the Input Issue names the cell."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests.test_reports_unseen_egypt_gulf_erps import _sap_book

AS_OF = date(2026, 11, 30)
COLUMNS = ["Currency", "Credit Limit", "Open Balance", "Overdue Amount", "Exposure",
           "Utilization %", "Over Limit", "Status"]


def _credit(path, rates: str | None = "USD=48.50"):
    _sap_book(path)
    wb = openpyxl.load_workbook(path)
    if rates is None:
        del wb["Policy"]
    else:
        wb["Policy"]["B2"] = rates
    wb.save(path)
    result = run(read_book(path), JobOptions(as_of=AS_OF))
    return result, result.tabs[0].frame.set_index("Customer ID")


def test_a_usd_partners_limit_is_in_the_companys_egp(tmp_path):
    result, status = _credit(tmp_path / "sap.xlsx")
    assert status.loc["C10003", COLUMNS].tolist() == [
        "EGP", 2500000.0, 2037000.0, 1455000.0, 2037000.0, 81.5, False, "Warning"]
    assert status.loc["C10003", "Reason"] == (
        "utilization 81.5% is at or above the warning level 80%")
    assert status.loc["C10003", "Note"] == (
        "credit limit in EGP: SAP Business One keeps it in the company's own currency; open "
        "items converted to EGP at the Policy's exchange rates: USD 48.5")
    # the EGP partners as before
    assert status.loc["C10004", COLUMNS].tolist() == [
        "EGP", 100000.0, 103300.0, 85500.0, 103300.0, 103.3, True, "Over Limit"]
    assert status.loc["C10002", ["Open Balance", "Utilization %", "Status"]].tolist() == [
        57000.0, 28.5, "OK"]
    assert result.tabs[0].title.startswith(
        "As of 2026-11-30: Open Balance total 2,439,300.00 = ledger open balance 2,439,300.00 "
        "(other currencies converted at the Policy's exchange rates; in their own currencies: "
        "EGP 402,300.00, USD 42,000.00)")
    assert result.issues == []


@pytest.mark.parametrize("rates", [None, "SAR=12.93"])
def test_without_a_usd_rate_the_limit_is_not_compared_and_said_at_its_cell(tmp_path, rates):
    result, status = _credit(tmp_path / "sap.xlsx", rates)
    row = status.loc["C10003"]
    assert [row["Currency"], row["Credit Limit"], row["Open Balance"], row["Over Limit"],
            row["Status"]] == ["USD", 2500000.0, 42000.0, False, "OK"]
    assert row["Utilization %"] != row["Utilization %"]  # blank: not compared
    assert row["Reason"] == (
        "credit limit 2,500,000.00 is in EGP (SAP Business One keeps it in the company's own "
        "currency), what is owed in USD: no exchange rate in the Policy, not compared")
    assert [(i.sheet, i.cell, i.value, i.message) for i in result.issues] == [(
        "Business Partners", "K8", 2500000,
        "customer C10003's credit limit is in EGP (SAP Business One keeps a credit limit in "
        "the company's own currency) and it owes in USD: no exchange rate in the Policy for "
        "USD to EGP, so Credit Status does not compare them; give the rate (exchange_rates)")]
    assert arabic_message(result.issues[0].message) == (
        "حد ائتمان العميل C10003 بعملة EGP والمستحق عليه بعملة USD: لا سعر صرف في السياسة من "
        "USD إلى EGP، فلم تُقارن حالة الائتمان بينهما؛ أضف السعر (exchange_rates)")


def test_a_customer_list_not_from_sap_keeps_its_limits_in_the_customers_currency(tmp_path):
    path = tmp_path / "sap.xlsx"
    _sap_book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Business Partners"]
    ws.title = "Customers"
    for cell, text in (("B5", "Customer ID"), ("C5", "Customer Name"), ("D5", "Type")):
        ws[cell] = text
    wb.save(path)
    status = run(read_book(path), JobOptions(as_of=AS_OF)).tabs[0].frame.set_index(
        "Customer ID")
    # a limit kept by hand is in the customer's currency: USD 42,000 of USD 2,500,000
    assert status.loc["C10003", ["Currency", "Open Balance", "Utilization %", "Status"]
                      ].tolist() == ["USD", 42000.0, 1.7, "OK"]


def test_an_open_order_in_the_partners_usd_is_converted_too(tmp_path):
    """Gulf Star's open sales order of USD 5,000 (the Orders sheet names no currency: the
    partner's) is EGP 242,500 of its exposure: EGP 2,279,500 of 2,500,000, 91.2 %. Before
    this, USD 5,000 was added to the EGP 2,037,000 as it stood (81.7 %)."""
    path = tmp_path / "sap.xlsx"
    _sap_book(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Orders")
    ws.append(["Order No", "Customer ID", "Date", "Amount", "Status"])
    ws.append(["SO-1", "C10003", datetime(2026, 11, 20), 5000, "Open"])
    ws.append(["SO-2", "C10002", datetime(2026, 11, 21), 10000, "Open"])
    wb.save(path)
    status = run(read_book(path), JobOptions(as_of=AS_OF)).tabs[0].frame.set_index(
        "Customer ID")
    assert status.loc["C10003", ["Open Balance", "Open Orders", "Exposure", "Utilization %",
                                 "Status"]].tolist() == [
        2037000.0, 242500.0, 2279500.0, 91.2, "Warning"]
    assert status.loc["C10002", ["Open Orders", "Exposure", "Utilization %"]].tolist() == [
        10000.0, 67000.0, 33.5]
