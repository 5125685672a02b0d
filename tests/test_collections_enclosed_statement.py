"""The statement a final notice encloses is the statements job's: in a book kept without a
currency (no Currency column; the Policy's base currency), its lines are the book's
currency, as the open items are. Before, the enclosed statement's lines had no currency
while the ledger's had EGP: the PDF printed no currency and an Aging footer of 0.00 in every
bucket, Total 0.00, under a closing balance of 4,800.00."""

from __future__ import annotations

from datetime import datetime

import openpyxl

import ar_excel.io.pdf_statement as pdf_statement
from ar_excel.cli import main


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Payment Terms", "Credit Limit"])
    ws.append(["B1", "Blank Ccy Co", "b@blank.example", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    ws.append(["BI-1", "B1", datetime(2026, 7, 1), datetime(2026, 8, 25), 5000])
    ws.append(["BI-2", "B1", datetime(2026, 10, 10), datetime(2026, 11, 9), 1000])
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    ws.append(["BP", "B1", datetime(2026, 8, 15), 1200, "BI-1"])
    ws = wb.create_sheet("Policy")
    ws.append(["Key", "Value"])
    ws.append(["base_currency", "EGP"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_a_final_notices_statement_ages_its_closing_balance(tmp_path, monkeypatch):
    enclosed = []
    render_each = pdf_statement.render_each

    def keep(statements, *args, **kwargs):
        enclosed.extend(statements)
        return render_each(statements, *args, **kwargs)

    monkeypatch.setattr(pdf_statement, "render_each", keep)
    out = tmp_path / "collections.xlsx"
    assert main(["collections", str(_book(tmp_path)), "--as-of", "2026-10-31",
                 "-o", str(out)]) == 0
    (stmt,) = enclosed  # BI-1 is 67 days past due: a final notice, with the statement
    (section,) = stmt.sections
    assert section.currency == "EGP"
    assert (section.opening, section.closing) == (0.0, 4800.0)
    assert section.aging == {"Current": 1000.0, "1-30": 0.0, "31-60": 0.0, "61-90": 3800.0,
                             "90+": 0.0}
    assert (tmp_path / "dunning" / "Statement_B1_2026-10-31.pdf").is_file()
