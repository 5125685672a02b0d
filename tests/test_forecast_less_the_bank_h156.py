"""Month-end run: the 13-week cash forecast expects no money the bank statement already shows
received (Receipts To Post, not yet in Payments) - that is cash at the bank, not a receipt to
come (helper-156: 5.1 million of the demo's 6.5 million EGP forecast was such money). Expected
Payments and the Cash Forecast count what is left once it is recorded; collections alone, as
the books stand."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests.test_calls_visits_held_for_bank_receipts_h156 import AS_OF, _month


def _tabs(path: Path) -> tuple[list[tuple], float, str]:
    wb = openpyxl.load_workbook(path)
    rows = list(wb["Expected Payments"].iter_rows(values_only=True))
    head = rows[0]
    expected = sorted((r[head.index("Customer ID")], r[head.index("Invoice No")],
                       r[head.index("Expected Amount")], r[head.index("Expected Date")] is None)
                      for r in rows[1:] if r[0] is not None)
    weeks = list(wb["Cash Forecast"].iter_rows(values_only=True))
    col = weeks[0].index("Expected Receipts")
    caption = next(c for c in weeks[0] if isinstance(c, str) and c.startswith("13-week"))
    return expected, round(sum(r[col] or 0 for r in weeks[1:] if r[1] is not None), 2), caption


def test_the_forecast_leaves_out_what_the_bank_shows_paid(tmp_path: Path) -> None:
    book, bank = _month(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                     "-o", str(tmp_path / "run.xlsx")]) == 0
        assert main(["collections", str(book), "--as-of", AS_OF,
                     "-o", str(tmp_path / "alone.xlsx")]) == 0
    expected, total, caption = _tabs(tmp_path / "run.xlsx")
    # C1, C4 paid in full; C2 and C5 paid their 120-day invoices; C3 paid nothing
    assert expected == [("C2", "INV-1003", 3000.0, True),  # 100 days: doubtful, no date
                        ("C3", "INV-1004", 6000.0, False),
                        ("C5", "INV-1007", 2500.0, False)]
    assert total == 8500.0 and "in EGP: 8,500.00 in all" in caption
    assert "13-week forecast 8,500.00 EGP" in out.getvalue()
    expected, total, _ = _tabs(tmp_path / "alone.xlsx")
    assert [(c, n) for c, n, *_ in expected] == [
        ("C1", "INV-1001"), ("C2", "INV-1002"), ("C2", "INV-1003"), ("C3", "INV-1004"),
        ("C4", "INV-1005"), ("C5", "INV-1006"), ("C5", "INV-1007")]
    assert total == 17500.0  # 5,000 + 6,000 + 4,000 + 2,500 dated; the 100+ days doubtful
