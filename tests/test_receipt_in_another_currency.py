"""A Payments row whose own Currency is not that of the invoice it names (an EGP customer's
USD invoice paid in EGP) is applied to that invoice as the invoice's currency: amounts are
never converted, so EGP 19,600 paying USD invoice X-1 (400) counts as USD 19,600 received and
leaves USD 19,200 on account (the pack's USD Closing AR -18,200, DSO -287.37). The product's
rule stands (a receipt counts in its invoice's currency), but the book said otherwise: before,
nothing told the user; now an Input Issue at the row's Currency cell does."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.io.messages_ar import arabic_message


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["E1", "Nile Foods", "EGP", 30])
    ws.append(["U1", "Gulf Import", "USD", 30])
    sheet = wb.create_sheet("Invoices")
    for row in (["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                ["E-1", "E1", "2026-08-20", 50000, "EGP"],
                ["E-2", "E1", "2026-09-10", 30000, "EGP"],
                ["U-1", "U1", "2026-08-10", 2000, "USD"],
                ["X-1", "E1", "2026-09-12", 400, "USD"]):
        sheet.append(row)
    sheet = wb.create_sheet("Payments")
    for row in (["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Currency"],
                ["R1", "E1", "2026-09-20", 50000, "E-1", "EGP"],  # the invoice's own
                ["R2", "U1", "2026-09-15", 2000, "U-1", None],  # none said
                ["R4", "E1", "2026-09-28", 19600, "X-1", "EGP"]):  # USD 400 paid in EGP
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_a_receipt_in_another_currency_than_its_invoice_is_said_at_its_currency_cell(tmp_path):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(_book(tmp_path)), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    message = ("a receipt in EGP names invoice X-1, which is in USD: its amount is applied to "
               "it as USD (amounts are not converted); write the amount in USD, or leave its "
               "invoice blank to hold it on account")
    assert list(zip(issues["Sheet"], issues["Cell"], issues["Column"], issues["Value"],
                    issues["Message"], strict=True)) == [
        ("Payments", "F4", "Currency", "EGP", message)]
    assert "X-1" in arabic_message(message) and "USD" in arabic_message(message)
    # the EGP figures are the EGP invoices' alone
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    egp = table[table["Currency"] == "EGP"]
    kpis = dict(zip(egp["KPI"], egp["Value"], strict=False))
    assert (kpis["Opening AR"], kpis["Credit Sales"], kpis["Receipts"]) == (50000, 30000, 50000)
    assert (kpis["Closing AR"], kpis["DSO"], kpis["CEI %"]) == (30000, 30.0, 100.0)
