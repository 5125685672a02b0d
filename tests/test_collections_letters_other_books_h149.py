"""Month-end for two books written to one folder keeps both books' dunning drafts.

A re-run for the same date replaces that date's drafts, so none is left from a letter no
longer due; but it deleted every draft of that date in the folder, the other book's too:
month-end for an Egyptian and a UAE company into one 'Month End' folder, the second run
wiped the first company's 18 letters and enclosed statements without a word.
"""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.cli import main

AS_OF = "2026-10-31"


def _book(path, customer: str, paid: bool = False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Email"])
    ws.append([customer, f"Customer {customer}", "AED", 30, f"{customer.lower()}@example.ae"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append([f"{customer}-INV-1", customer, date(2026, 7, 18), 5000.0])  # 75 days late
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    if paid:
        pay.append(["R-1", customer, date(2026, 10, 20), 5000.0, f"{customer}-INV-1"])
    wb.save(path)
    return path


def _collections(book, out) -> None:
    assert main(["collections", str(book), "--as-of", AS_OF, "-o", str(out)]) == 0


def test_the_other_books_drafts_stay(tmp_path):
    _collections(_book(tmp_path / "egypt.xlsx", "EG1"), tmp_path / "egypt_out.xlsx")
    letters = tmp_path / "dunning"
    egypt = {p.name for p in letters.iterdir()}
    assert egypt == {f"{AS_OF}_EG1.eml", f"Statement_EG1_{AS_OF}.pdf"}

    _collections(_book(tmp_path / "uae.xlsx", "AE1"), tmp_path / "uae_out.xlsx")
    assert {p.name for p in letters.iterdir()} == egypt | {f"{AS_OF}_AE1.eml",
                                                           f"Statement_AE1_{AS_OF}.pdf"}


def test_a_rerun_still_drops_its_own_letter_no_longer_due(tmp_path):
    _collections(_book(tmp_path / "egypt.xlsx", "EG1"), tmp_path / "egypt_out.xlsx")
    _collections(_book(tmp_path / "uae.xlsx", "AE1"), tmp_path / "uae_out.xlsx")
    # the UAE customer paid on the 20th, recorded after the first run
    _collections(_book(tmp_path / "uae.xlsx", "AE1", paid=True), tmp_path / "uae_out.xlsx")
    assert {p.name for p in (tmp_path / "dunning").iterdir()} == {
        f"{AS_OF}_EG1.eml", f"Statement_EG1_{AS_OF}.pdf"}
