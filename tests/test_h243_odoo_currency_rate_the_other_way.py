"""Odoo's Customer Invoices list exports its 'Currency Rate' (account.move's
invoice_currency_rate: 'currency rate from company currency to document currency'), the
document currency per unit of the company's: EGP rows 1, USD 0.0206, EUR 0.0192. a6b2c0a read
it as the invoices' rates to EGP, 20,000 USD as 412 EGP and 10,000 EUR as 192 EGP: Misr
Export's exposure 500,604 against 2,000,000, 25 % OK, further from the truth (about
1,991,000) than the 530,000 of the items added as they stand, which the tab says. The column
is not read as rates to the company's currency."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT


def test_odoos_currency_rate_is_not_read_as_rates_to_the_company_currency(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["X1", "Misr Export Co.", "EGP", 30, 2000000])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                  "Amount", "Currency Rate"])
    sheet.append(["EX-01", "X1", date(2026, 10, 1), date(2026, 10, 31), "EGP", 500000, 1])
    sheet.append(["EX-02", "X1", date(2026, 10, 5), date(2026, 11, 4), "USD", 20000, 0.0206])
    sheet.append(["EX-03", "X1", date(2026, 10, 7), date(2026, 11, 6), "EUR", 10000, 0.0192])
    path = tmp_path / "odoo.xlsx"
    wb.save(path)
    book = read_book(path)
    # not read as rates, and said so (h245: its direction is not known from its header)
    said = [i for i in book.issues if i.column == "Currency Rate"]
    assert [i.cell for i in said] == ["G3"]
    assert "not used as exchange rates" in said[0].message
    result = CREDIT.run(book, JobOptions(as_of=date(2026, 11, 30)))
    status = {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")
    assert status.loc["X1", ["Exposure", "Utilization %", "Status"]].tolist() == [
        530000, 26.5, "OK"]
