"""A month whose credit notes exceed its invoices (a big return of last month's goods): net
credit sales are below zero, so DSO and its kin are blank. The Dashboard said why as "blank:
no credit sales in the period", beside an Invoice value issued of 1,000.00: a manager read
that the month had no sales. It now says the credit notes exceeded the invoices.

Hand-worked, November 2026, Alpha (Net 30): I0 2026-10-10 5,000 (due 11-09); I1 2026-11-10
1,000; CN1 2026-11-20 -3,000; P1 2026-11-25 1,000 to I0. Credit sales 1,000 - 3,000 =
-2,000; DSO, best-possible DSO and average days delinquent blank; CEI = (5,000 - 2,000 -
2,000) / (5,000 - 2,000 - 1,000) = 50 %; collection rate = 1,000 / 3,000 = 33.33 %.
"""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.core.kpis import NET_RETURNS
from tests._report_runs import run_jobs
from tests._workbooks import save_sheets


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    d = date
    book = save_sheets(tmp_path_factory.mktemp("net_returns") / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["A", "Alpha", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I0", "A", d(2026, 10, 10), 5000], ["I1", "A", d(2026, 11, 10), 1000],
                     ["CN1", "A", d(2026, 11, 20), -3000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "A", d(2026, 11, 25), 1000, "I0"]],
    })
    return run_jobs(book, "2026-11-30", ("pack", "pack_ar"))


def _headline(ws) -> dict[str, tuple]:
    return {row[0]: row[1:4] for row in ws.iter_rows(values_only=True) if row and row[0]}


def test_dashboard_says_credit_notes_exceeded_invoices(runs):
    rows = _headline(runs["pack"]["Dashboard"])
    for label in ("DSO", "Best-possible DSO", "Average days delinquent"):
        value, unit, how = rows[label]
        assert value is None and unit == "days"
        assert how.endswith("; " + NET_RETURNS), how
        assert "no credit sales" not in how
    assert rows["Credit sales (net)"][0] == -2000
    assert rows["Collection effectiveness index (CEI)"][0] == 50
    assert rows["Collection rate"][0] == 33.33


def test_arabic_pack_words_the_reason(runs):
    texts = [c for row in runs["pack_ar"]["Dashboard"].iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert any("الإشعارات الدائنة" in t and "فارغ" in t for t in texts)
    assert not any("blank:" in t for t in texts)
