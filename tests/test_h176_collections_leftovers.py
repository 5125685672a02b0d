"""Collections leftovers (helper-176): the forecast's currency, the risk's currency codes."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
             ["C1", "Atlas Imports", "USD", "Net 30", 200000],
             ["C2", "Delta Trading", "EGP", "Net 30", 100000]]


def test_the_forecast_leads_with_the_currency_its_weeks_collect(tmp_path, capsys):
    """USD 90,000 due in June 2027 (beyond the 13 weeks) and EGP 5,000 due on 10 December:
    the forecast led with USD, the currency of the most expected at all, and said '13-week
    forecast 0.00 USD' with the weeks' EGP 5,000.00 aside in its own column. It leads with
    the currency of the money its weeks expect."""
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
                ["INV-1", "C1", datetime(2026, 11, 20), datetime(2027, 6, 30), 90000, "USD"],
                ["INV-2", "C2", datetime(2026, 11, 10), datetime(2026, 12, 10), 5000, "EGP"]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(
        "0 payment plan(s); 13-week forecast 5,000.00 EGP")
    rows = list(openpyxl.load_workbook(out)["Cash Forecast"].iter_rows(values_only=True))
    assert rows[0] == ("Week", "Week Start", "Week End", "Expected Receipts", "Items", None,
                       "13-week cash-collection forecast from 2026-11-30, in EGP: 5,000.00 "
                       "in all")
    assert [r[3] for r in rows[1:14]] == [0, 5000, *[0] * 11]
    assert [r[4] for r in rows[1:14]] == [0, 1, *[0] * 11]
