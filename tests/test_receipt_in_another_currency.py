"""A Payments row whose own Currency is not that of the invoice it names (an EGP customer's
USD invoice paid in EGP). Before session 27 nothing said so; session 27 said so at the row's
Currency cell but still applied the amount as the invoice's currency, so EGP 19,600 paying
USD invoice X-1 (400) counted as USD 19,600 received and left USD 19,200 on account (the
pack's USD Closing AR -18,200, DSO -287.37). Since session 29 (helper-199) a receipt is in
its own Currency and is applied only to an invoice in it: R4 pays none of X-1, it is EGP
19,600 on account (the EGP Receipts 69,600, Closing AR 10,400) and X-1 stays open; the
Input Issue at its Currency cell says so."""

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
    message = ("a receipt in EGP names invoice X-1, which is in USD: none of it is applied to "
               "X-1 (amounts are not converted); it is held on account in EGP and X-1 stays "
               "open: write the receipt in USD to apply it")
    assert list(zip(issues["Sheet"], issues["Cell"], issues["Column"], issues["Value"],
                    issues["Message"], strict=True)) == [
        ("Payments", "F4", "Currency", "EGP", message)]
    assert "X-1" in arabic_message(message) and "USD" in arabic_message(message)
    # R4's EGP 19,600 is EGP received, held on the EGP account; X-1 is USD 400 still owed
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    egp = table[table["Currency"] == "EGP"]
    kpis = dict(zip(egp["KPI"], egp["Value"], strict=False))
    assert (kpis["Opening AR"], kpis["Credit Sales"], kpis["Receipts"]) == (50000, 30000, 69600)
    assert (kpis["Closing AR"], kpis["DSO"], kpis["CEI %"]) == (10400, 10.4, 100.0)
    usd = table[table["Currency"] == "USD"]
    kpis = dict(zip(usd["KPI"], usd["Value"], strict=False))
    assert (kpis["Receipts"], kpis["Closing AR"]) == (2000, 400)
