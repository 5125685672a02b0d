"""Which customers `validate` takes for cash buyers (asked for no tax ID or contact): the same
ones Credit Status holds to cash terms. Terms due at a month's end ("EOM") are credit."""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets

HEAD = ["Customer ID", "Name", "Email", "Tax ID", "Payment Terms", "Credit Limit", "Country"]
# nine customers on credit, each with its tax ID and email: the master keeps both
ROWS = [[f"K{i}", f"Company {chr(64 + i)}", f"ap@c{i}.com", f"{i:03d}331876", "Net 30", 50000,
         "Egypt"] for i in range(1, 10)]


def _codes(tmp_path, terms):
    rows = [*ROWS, ["K10", "Month End Traders", "", "", terms, None, "Egypt"]]
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows]}))
    tab = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    return [(r["Customer ID"], r["Code"], r["Cell"]) for _, r in tab.iterrows()]


@pytest.mark.parametrize("terms", ["EOM", "Net EOM", "Net 30"])
def test_a_customer_on_credit_without_a_limit_is_asked_for_its_tax_id_and_contact(
        tmp_path, terms):
    # "EOM" is 0 days after the month's end: a month's credit, not cash (was spared as cash)
    assert _codes(tmp_path, terms) == [("K10", "MISSING_TAX_ID", "D11"),
                                       ("K10", "MISSING_CONTACT", "C11")]


@pytest.mark.parametrize("terms", ["COD", "Cash", "0"])
def test_a_cash_buyer_without_a_limit_is_asked_for_neither(tmp_path, terms):
    assert _codes(tmp_path, terms) == []
