"""Credit requests weigh what is overdue after the customer's credits on account (helper-192).
Cairo Paper owes 10,000.00 37 days late and 11,000.00 a day late, has 5,000.00 received on
account and a 2,000.00 credit note not yet applied, and 18,000.00 not yet due: 14,000.00 of
the 32,000.00 it owes is late (43.8 %, as the Dunning chases 14,000.00 and the Dashboard
counts it), not 21,000.00 of 39,000.00 of open invoices (53.8 %), which declined its request
for money it had already paid."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_overdue_share_is_net_of_credits_on_account(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C03", "Cairo Paper", "EGP", 60, 80000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["INV-1", "C03", D(2026, 7, 20), "EGP", 30000.0],
                     ["INV-2", "C03", D(2026, 8, 25), "EGP", 10000.0],
                     ["INV-3", "C03", D(2026, 9, 30), "EGP", 11000.0],
                     ["INV-4", "C03", D(2026, 10, 31), "EGP", 18000.0],
                     ["CN-1", "C03", D(2026, 11, 20), "EGP", -2000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R-1", "C03", D(2026, 9, 25), 30000.0, "INV-1"],
                     ["R-2", "C03", D(2026, 11, 15), 5000.0, None]],
        "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                            ["C03", 100000, "new contract"]],
    })
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["credit", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Credit Requests Review"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=False))
    assert (row["Open Balance"], row["Avg Days Late"], row["Overdue Share %"],
            row["Recommendation"], row["Suggested Limit"]) == (32000, 7, 43.8, "Refer", 100000)
    assert row["Reasons"] == (
        "overdue share above 20%; pays on average 7 days late over 1 paid invoice(s); 43.8% of "
        "what it owes is overdue (after credits on account); utilization 40% now, 32% at the "
        "requested limit")
