"""The management pack's Top Overdue ranks what each customer owes overdue after its own
credits on account, the KPIs' overdue AR per customer: the tab's amounts add up to the
Dashboard's Overdue receivables, and a row foots (past-due invoices by bucket less Credit On
Account). Worked by hand as of 30 June 2026, Net 30."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _pack(folder, policy=None):
    """A: INV-A1 10,000 due 1 May (60 days past due), paid 4,000 on account on the as-of day
    (no invoice named: Current in the Aging tab). B: INV-B1 3,000 due 14 June (16 days),
    INV-B2 2,000 not yet due, a credit note of 500 of 25 June, unapplied (1-30 in the
    Aging)."""
    sheets = {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["A", "Aswan Traders", "EGP", 30], ["B", "Benha Mills", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["INV-A1", "A", date(2026, 4, 1), "EGP", 10000],
                     ["INV-B1", "B", date(2026, 5, 15), "EGP", 3000],
                     ["INV-B2", "B", date(2026, 6, 20), "EGP", 2000],
                     ["CN-B1", "B", date(2026, 6, 25), "EGP", -500]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["RA-1", "A", date(2026, 6, 30), 4000, None]]}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    book = save_sheets(folder / "book.xlsx", sheets)
    out = folder / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return _pack(tmp_path_factory.mktemp("top"))


def _top(pack) -> list[tuple]:
    ws = pack["Top Overdue"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=False)) for r in ws.iter_rows(min_row=2, values_only=True)
            if r[0] is not None]
    return [tuple(r[k] for k in ("Rank", "Customer ID", "Overdue Amount", "1-30", "31-60",
                                 "Credit On Account", "Open Balance", "Share of Overdue %"))
            for r in rows]


# A: 10,000 - 4,000 = 6,000 (the Aging's past-due buckets said 10,000: the receipt is in its
# Current); B: 3,000 - 500 = 2,500 (INV-B2 is not due: in Open Balance 4,500, not overdue).
# Shares of 8,500.
TOP = [(1, "A", 6000, 0, 10000, 4000, 6000, 70.59), (2, "B", 2500, 3000, 0, 500, 4500, 29.41)]


def test_top_overdue_nets_each_customers_own_credits(pack):
    assert _top(pack) == TOP
    # the caption, beside the table, says what the amounts are
    assert pack["Top Overdue"]["Q1"].value == (
        "Customers with the most overdue as of 2026-06-30 (top 25 per currency): Overdue "
        "Amount = invoices past due (by days past due) less the customer's credits on "
        "account, whatever their date, as the KPIs' overdue AR")


def test_the_dashboards_overdue_is_the_tabs_total(pack):
    dash = {r[0]: r[1] for r in pack["Dashboard"].iter_rows(values_only=True) if r[0]}
    # 6,000 + 2,500, of 6,000 + 4,500 receivable
    assert (dash["Total receivables"], dash["Overdue receivables"]) == (10500, 8500)
    assert dash["Overdue share of receivables"] == 80.95
    assert dash["Customers with an overdue balance"] == 2
    aging = {r[0]: r[2:8] for r in pack["Aging"].iter_rows(values_only=True)
             if r[0] in ("A", "B")}
    # the Aging keeps each credit in the bucket of its own date: RA-1 in Current
    assert aging == {"A": (-4000, 0, 10000, 0, 0, 6000), "B": (2000, 2500, 0, 0, 0, 4500)}


def test_aged_by_invoice_date_the_overdue_is_still_what_is_past_due(tmp_path):
    """With the Aging by invoice date, INV-B2 (10 days old, not due) sits in the Aging's 1-30
    and INV-A1 in its 61-90: Top Overdue still ranks what is past due (B's 4,500 and A's
    10,000 were its amounts), in buckets of days past due."""
    pack = _pack(tmp_path, [["Aging Basis", "invoice date"]])
    assert _top(pack) == TOP
    dash = {r[0]: r[1] for r in pack["Dashboard"].iter_rows(values_only=True) if r[0]}
    assert dash["Overdue receivables"] == 8500
