"""A credit limit whose column names its currency ("Credit Limit (EGP)", a column per
currency) or says it is the company's own (Business Central's "Credit Limit (LCY)") is in
that currency for a customer billed in another: Credit Status converts what the customer
owes into it at the Policy's rates, or without a rate does not compare them and says so at
the cell. Before, a USD customer's EGP 100,000 was compared with its USD as USD 100,000."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
COLUMNS = ["Currency", "Credit Limit", "Open Balance", "Utilization %", "Over Limit", "Status",
           "Note"]
RATES = [["exchange_rates", "USD=48.50"], ["base_currency", "EGP"]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            ["I1", "C1", datetime(2026, 11, 1), datetime(2026, 12, 31), 50000, "EGP"],
            ["I2", "C2", datetime(2026, 11, 1), datetime(2026, 12, 31), 3500, "USD"],
            ["I3", "C3", datetime(2026, 11, 1), datetime(2026, 12, 31), 2500, "USD"]]


def _credit(tmp_path, head, rows, policy=RATES):
    sheets = {"Customers": [head, *rows], "Invoices": INVOICES}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    result = run(read_book(save_sheets(tmp_path / "book.xlsx", sheets)), JobOptions(as_of=AS_OF))
    return result, result.tabs[0].frame.set_index("Customer ID")


def test_a_usd_customer_with_only_its_egp_column_filled(tmp_path):
    _, status = _credit(tmp_path, ["Customer ID", "Name", "Currency", "Credit Limit EGP",
                                   "Credit Limit USD"],
                        [["C1", "Nile", "EGP", 100000, None], ["C2", "Gulf", "USD", None, 5000],
                         ["C3", "Star", "USD", 100000, None]])
    # USD 2,500 x 48.50 = EGP 121,250 of EGP 100,000 (before: USD 2,500 of '100,000', 2.5 %)
    assert status.loc["C3", COLUMNS].tolist() == [
        "EGP", 100000.0, 121250.0, 121.3, True, "Over Limit",
        "credit limit in EGP: as its column is headed; open items converted to EGP at the "
        "Policy's exchange rates: USD 48.5"]
    # its own column filled: in USD, as before
    assert status.loc["C2", COLUMNS[:-1]].tolist() == [
        "USD", 5000.0, 3500.0, 70.0, False, "OK"]


def test_one_column_headed_egp(tmp_path):
    _, status = _credit(tmp_path, ["Customer ID", "Name", "Currency", "Credit Limit (EGP)"],
                        [["C1", "Nile", "EGP", 100000], ["C3", "Star", "USD", 100000]])
    assert status.loc["C3", COLUMNS[:-1]].tolist() == [
        "EGP", 100000.0, 121250.0, 121.3, True, "Over Limit"]
    assert status.loc["C1", COLUMNS[:-1]].tolist() == [
        "EGP", 100000.0, 50000.0, 50.0, False, "OK"]


def test_business_centrals_limit_in_lcy(tmp_path):
    _, status = _credit(tmp_path, ["No.", "Name", "Currency Code", "Credit Limit (LCY)"],
                        [["C1", "Nile", None, 100000], ["C2", "Gulf", "USD", 200000]])
    # USD 3,500 x 48.50 = EGP 169,750 of EGP 200,000: 84.9 %, Warning (before: 1.8 %, OK)
    assert status.loc["C2", COLUMNS].tolist() == [
        "EGP", 200000.0, 169750.0, 84.9, False, "Warning",
        "credit limit in EGP: its column is in the company's own currency; open items "
        "converted to EGP at the Policy's exchange rates: USD 48.5"]
    assert status.loc["C1", COLUMNS[:-1]].tolist() == [
        "EGP", 100000.0, 50000.0, 50.0, False, "OK"]


def test_without_a_rate_a_headed_limit_is_not_compared(tmp_path):
    result, status = _credit(tmp_path, ["Customer ID", "Name", "Currency",
                                        "Credit Limit (EGP)"],
                             [["C1", "Nile", "EGP", 100000], ["C3", "Star", "USD", 100000]],
                             policy=None)
    row = status.loc["C3"]
    assert [row["Currency"], row["Open Balance"], row["Over Limit"], row["Status"]] == [
        "USD", 2500.0, False, "OK"]
    assert row["Utilization %"] != row["Utilization %"]
    assert [(i.cell, i.message) for i in result.issues] == [(
        "D3", "customer C3's credit limit is in EGP (as its column is headed) and it owes in "
              "USD: no exchange rate in the Policy for USD to EGP, so Credit Status does not "
              "compare them; give the rate (exchange_rates)")]
