"""A credit request of a Kuwaiti customer kept in KWD, with no limit yet: its exposure is
1,234.125 KWD (invoice K-1 less nothing paid), which the review wrote to the cent,
'exposure 1,234.13'. Worked out by hand: 1,234.125 of a requested 5,000.000 is 24.7 %."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_the_exposure_is_written_in_fils(tmp_path: Path) -> None:
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["K1", "Al Wazzan Trading", "KWD", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["K-1", "K1", D(2026, 11, 10), "KWD", 1234.125]],
        "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                            ["K1", 5000, "new branch"]]})
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["credit", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Credit Requests Review"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=False))
    assert "exposure 1,234.125; 24.7% of the requested limit" in row["Reasons"]
