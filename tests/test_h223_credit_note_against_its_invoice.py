"""A credit note whose row names the invoice it corrects (`Against Invoice`, ERPNext's
`Return Against`) settles that invoice, as the ERP that issued it does: as of 30 November
2026, by pencil.

C001 (Net 60): INV-1 42,000 of 15 Jul due 13 Sep, 20,000 paid (78 days late: 22,000 open);
INV-2 63,000 of 20 Sep due 19 Nov (11 days); INV-3 31,500 of 10 Nov due 9 Jan (current);
CN-1 -5,250 of 18 Nov against INV-3. C002 (Net 30): INV-4 10,000 of 1 Oct due 31 Oct (30
days); CN-2 -12,000 of 20 Nov against INV-4, more than it: 2,000 stays on account; CN-3 -500
of 25 Nov against C001's INV-2, another customer's invoice: on account as well.
"""

from __future__ import annotations

from datetime import datetime as D

import pytest

from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    path = tmp_path_factory.mktemp("cn") / "book.xlsx"
    save_sheets(path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C001", "Al Falah Building Materials", "AED", "Net 60", 200000],
                      ["C002", "Gulf Star Trading", "AED", "Net 30", 50000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Against Invoice"],
                     ["INV-1", "C001", D(2026, 7, 15), 42000, None],
                     ["INV-2", "C001", D(2026, 9, 20), 63000, None],
                     ["INV-3", "C001", D(2026, 11, 10), 31500, None],
                     ["CN-1", "C001", D(2026, 11, 18), -5250, "INV-3"],
                     ["INV-4", "C002", D(2026, 10, 1), 10000, None],
                     ["CN-2", "C002", D(2026, 11, 20), -12000, "INV-4"],
                     ["CN-3", "C002", D(2026, 11, 25), -500, "INV-2"],
                     # dated after the as-of date: not yet, and INV-2 owed in full
                     ["CN-4", "C001", D(2026, 12, 3), -1000, "INV-2"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R1", "C001", D(2026, 9, 10), 20000, "INV-1"]]})
    return run_jobs(path, AS_OF, ("run", "pack"))


def test_aging_sets_each_credit_note_against_its_invoice(runs):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(runs["run"]["Aging"])}
    assert got == {
        # INV-3 31,500 - 5,250 current; INV-2 63,000 (1-30); INV-1 22,000 (61-90)
        "C001": (26250, 63000, 0, 22000, 0, 111250),
        # INV-4 settled by CN-2; its 2,000 left (10 days) and CN-3 (5 days) on account
        "C002": (0, -2500, 0, 0, 0, -2500),
    }


def test_dunning_chases_the_overdue_invoices_in_full(runs):
    got = {r["Customer ID"]: (r["Level"], r["Overdue Amount"], r["Credit On Account"],
                              r["Amount To Collect"]) for r in table(runs["run"]["Dunning"])}
    # a credit on account would have taken 5,250 off the overdue 85,000: 79,750
    assert got["C001"] == (3, 85000, 0, 85000)


def test_kpis_overdue_ar(runs):
    got = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"])}
    # closing AR 111,250 - 2,500; overdue C001 85,000, C002 0 (in credit)
    assert (got["Closing AR"], got["Closing Overdue AR"], got["Closing Current AR"]) == (
        108750, 85000, 23750)
