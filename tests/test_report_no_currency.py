"""A book that names no currency: the pack's summary line names none (it printed ', :')."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from ar_excel.io.summaries_ar import arabic_summary
from tests._workbooks import save_frames


def test_the_summary_of_a_book_without_currencies(tmp_path, capsys):
    book = save_frames(tmp_path / "b.xlsx", {
        "Customers": pd.DataFrame({"Customer ID": ["C1", "C2"],
                                   "Name": ["Nile Foods", "Delta Paper"],
                                   "Payment Terms": ["Net 30"] * 2}),
        "Invoices": pd.DataFrame({"Invoice No": ["INV-1", "INV-2", "INV-3"],
                                  "Customer ID": ["C1", "C2", "C2"],
                                  "Invoice Date": [pd.Timestamp("2026-09-01")] * 3,
                                  "Amount": [1000.0, 2000.0, 500.0]}),
        "Payments": pd.DataFrame({"Payment ID": ["R1", "R2"], "Customer ID": ["C1", "C2"],
                                  "Date": [pd.Timestamp("2026-10-01")] * 2,
                                  "Amount": [1000.0, 2000.0], "Invoice No": ["INV-1", "INV-2"]})})
    assert main(["report", str(book), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "pack.xlsx")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("report:"))
    # no November sales: DSO undefined; the 500 open all month collected nothing: CEI 0 %
    assert line == ("report: management pack as of 2026-11-30: DSO n/a, CEI 0.00 %, "
                    "1 customers overdue")
    assert arabic_summary(line.removeprefix("report: ")) == (
        "تقرير الإدارة في 2026-11-30: DSO غير متاح، CEI 0.00 %، 1 عميل متأخر")
    assert arabic_summary("management pack as of 2026-11-30, EGP: DSO 41.97, CEI 82.40 %, "
                          "3 customers overdue") == (
        "تقرير الإدارة في 2026-11-30، EGP: DSO 41.97، CEI 82.40 %، 3 عميل متأخر")
