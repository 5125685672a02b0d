"""A cancelled invoice does not make the book an open-items list.

The reader counts a cancelled invoice 0 (``entries.cancelled_invoices``) and set its Paid
Amount and Balance to 0 as well, also where the invoice list has neither column: the list
then seemed to state what is open itself, and with an empty Payments sheet the ledger took
it for an open-items list that records no receipt (``ledger.balances_as_stated``): the pack's
Receipts, CEI and collection rate went blank instead of 0 for a month with no receipt.

Hand-worked, as of 2026-11-30, Zulu Co (Net 30): I0 2026-10-01 1,000 (due 10-31), I1
2026-11-05 2,000 (due 12-05), I2 2026-11-06 300 cancelled; no receipt. November: opening AR
1,000, sales 2,000, receipts 0: CEI = 0 / (1,000 + 2,000 - 2,000 current) = 0 %.
"""

from __future__ import annotations

from datetime import date

from tests._report_runs import run_jobs, table
from tests._workbooks import save_sheets


def _kpis(tmp_path, cancelled: bool) -> dict[str, object]:
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                ["I0", "Z", date(2026, 10, 1), 1000, None],
                ["I1", "Z", date(2026, 11, 5), 2000, None]]
    if cancelled:
        invoices.append(["I2", "Z", date(2026, 11, 6), 300, "Cancelled"])
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["Z", "Zulu Co", "EGP", "Net 30"]],
        "Invoices": invoices,
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    pack = run_jobs(book, "2026-11-30", ("pack",))["pack"]
    return {r["KPI"]: r["Value"] for r in table(pack["KPIs"])}


def test_a_cancelled_invoice_leaves_the_months_receipt_figures_as_they_are(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    kpis = _kpis(tmp_path / "b", cancelled=True)
    assert {k: kpis[k] for k in ("Opening AR", "Invoice Value Issued", "Receipts Count",
                                 "Receipts", "Closing AR", "CEI %", "Collection Rate %")} == {
        "Opening AR": 1000, "Invoice Value Issued": 2000, "Receipts Count": 0, "Receipts": 0,
        "Closing AR": 3000, "CEI %": 0, "Collection Rate %": 0}
    assert kpis == _kpis(tmp_path / "a", cancelled=False)
