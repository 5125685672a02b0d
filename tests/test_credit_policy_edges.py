"""Credit Status with odd Policy values: a negative 'Hold After Days' holds no customer that
owes nothing overdue (found by the month-end fuzz: the job crashed on it)."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from tests.test_reader import _book


def test_negative_hold_days_hold_only_customers_with_an_overdue_invoice(tmp_path):
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                      ["C1", "Nile Foods", 30, 10000], ["C2", "Delta", 30, 10000],
                      ["C3", "Sinai", 30, 10000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     # due 31/07: 122 days late, held under the default 90 days, since the
                     # Policy reader reports -5 and keeps the default (the job copes either way)
                     ["I-1", "C1", "2026-07-01", 1000],
                     ["I-2", "C2", "2026-11-20", 500]],  # not due yet
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "C3", "2026-11-10", 300, None]],  # on account, nothing owed
        "Policy": [["Key", "Value"], ["overdue_hold_days", -5]]})
    out = tmp_path / "credit.xlsx"
    assert main(["credit", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    status = pd.read_excel(out, sheet_name="Credit Status", engine="calamine")
    assert dict(zip(status["Customer ID"], status["Status"], strict=True)) == {
        "C1": "Hold", "C2": "OK", "C3": "OK"}
