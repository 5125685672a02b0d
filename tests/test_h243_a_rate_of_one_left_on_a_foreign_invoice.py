"""An invoice list's Exchange Rate (a6b2c0a), the form's default 1 left on a later USD row:
EX-02 20,000 USD at 48.50 (5 October), EX-03 10,000 USD at 1 (7 November), EGP rows at 1.
USD was taken at its latest invoice's rate, 1: Misr Export's 30,000 USD counted as 30,000
EGP (exposure 530,000, 26.5 % OK, as if nothing were converted, though the Input Issue said
the column's rates were used). A foreign row at 1 beside its currency's own rate is no rate:
USD at 48.50, 500,000 + 30,000 x 48.50 = 1,955,000 (97.8 %, Warning)."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT


def test_a_rate_of_one_beside_the_currencys_own_rate_is_no_rate(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["X1", "Misr Export Co.", "EGP", 30, 2000000])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                  "Amount", "Exchange Rate"])
    sheet.append(["EX-01", "X1", date(2026, 10, 1), date(2026, 10, 31), "EGP", 500000, 1])
    sheet.append(["EX-02", "X1", date(2026, 10, 5), date(2026, 11, 4), "USD", 20000, 48.5])
    sheet.append(["EX-03", "X1", date(2026, 11, 7), date(2026, 12, 7), "USD", 10000, 1])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    result = CREDIT.run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    status = {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")
    assert status.loc["X1", ["Exposure", "Utilization %", "Status"]].tolist() == [
        1955000, 97.8, "Warning"]
