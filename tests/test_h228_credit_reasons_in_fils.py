"""Credit Status's Reason and Note on a Kuwaiti book (KWD, three decimals): the amounts they
quote are in fils on every line, as the tab's columns, the Aging's note and the dunning letters
give them (12,500.000, not 12,500.00 beside 9,999.999)."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()

KUWAIT = {
    "Customers": [["Customer ID", "Name", "Tax ID", "Currency", "Payment Terms", "Credit Limit"],
                  ["K02", "Al Roumi Group", None, "KWD", "Net 60", "1.5M"],
                  ["K07", "Burgan Foodstuff Co", None, "KWD", "30 days", "100K"],
                  ["K08", "Wafra Trading Co", "KW-300123", "KWD", "30 days", 20000],
                  ["K09", "Wafra Trading Co", "KW-300123", "KWD", "30 days", 20000]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                 ["INV-104", "K02", D(2026, 9, 1), "Net 60", 85000.0],
                 ["CN-01", "K02", D(2026, 11, 20), None, -1500.0],
                 ["INV-120", "K07", D(2026, 11, 10), None, 104000.125],
                 ["INV-130", "K08", D(2026, 11, 12), None, 15000.0],
                 ["INV-131", "K09", D(2026, 11, 13), None, 12000.0]],
    "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                 ["R-2", "K02", D(2026, 11, 10), 40000.0, "INV-104"]],
}


@pytest.fixture(scope="module")
def status(tmp_path_factory):
    path = save_sheets(tmp_path_factory.mktemp("kw") / "kuwait.xlsx", KUWAIT)
    result = CREDIT.run(read_book(path), JobOptions(as_of=AS_OF))
    return {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")


def test_overdue_net_note_in_fils(status):
    row = status.loc["K02"]
    assert (row["Overdue Amount"], row["Open Balance"]) == (45000.0, 43500.0)
    assert row["Note"].startswith(
        "Overdue Amount 45,000.000 is the invoices past due before unapplied credits; net of "
        "the credits dated before the as-of date it is 43,500.000")


def test_over_limit_reason_in_fils(status):
    row = status.loc["K07"]
    assert (row["Status"], row["Exposure"]) == ("Over Limit", 104000.125)
    assert row["Reason"] == "exposure 104,000.125 is over the limit 100,000.000 by 4,000.125"


def test_same_company_note_in_fils(status):
    note = status.loc["K08", "Note"]
    assert "combined exposure 27,000.000 against combined limit 40,000.000" in note
