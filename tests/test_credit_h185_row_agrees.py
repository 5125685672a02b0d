"""Credit Status, helper-185: a row's Reason and its columns agree, and the open orders are
worked out once per run."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.core import credit
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run

AS_OF = date(2027, 3, 30)


def _book(tmp_path, orders=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Al Fajr Trading", "EGP", 30, 50000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-1", "C1", date(2026, 10, 1), 10000])   # due 31 Oct: 150 days
    inv.append(["INV-4", "C1", date(2026, 11, 15), 3000])   # due 15 Dec: 105 days
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    pay.append(["RV-1", "C1", date(2026, 10, 15), 10000, None])  # on account
    if orders:
        o = wb.create_sheet("Orders")
        o.append(["Order No", "Customer ID", "Date", "Amount", "Status"])
        o.append(["SO-1", "C1", date(2027, 3, 1), 2500, "Open"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return read_book(path)


def test_a_hold_on_a_later_invoice_names_the_covered_oldest(tmp_path):
    result = run(_book(tmp_path), JobOptions(as_of=AS_OF))
    row = next(t for t in result.tabs if t.name == "Credit Status").frame.set_index(
        "Customer ID").loc["C1"]
    assert (row["Open Balance"], row["Overdue Amount"], row["Oldest Overdue Days"],
            row["Status"]) == (3000, 13000, 150, "Hold")
    # before: 'invoice INV-4 is 105 days past due (policy: hold after 90)' beside Oldest
    # Overdue Days 150, nothing saying where the 150 went
    assert row["Reason"] == (
        "invoice INV-4 is 105 days past due (policy: hold after 90); the older invoice INV-1 "
        "(150 days past due, the Oldest Overdue Days) is covered by credits on account of "
        "10,000.00: apply them")


def test_open_orders_are_worked_out_once(tmp_path, monkeypatch):
    book = _book(tmp_path, orders=True)
    calls = []
    real = credit.open_orders

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(credit, "open_orders", counted)
    result = run(book, JobOptions(as_of=AS_OF))
    row = next(t for t in result.tabs if t.name == "Credit Status").frame.set_index(
        "Customer ID").loc["C1"]
    assert (row["Open Orders"], row["Exposure"]) == (2500, 5500)
    assert len(calls) == 1  # before: 2 (the status, then the job again for its tie)


def test_a_hold_on_an_invoice_in_dispute_says_so(tmp_path):
    """The Dunning does not chase an invoice in dispute; Credit Status still holds the
    account on it (the contract's rule) and says it is in dispute."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C14", "Jeddah Foods", "SAR", 30, 40000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Disputed"])
    inv.append(["INV-1053", "C14", date(2026, 8, 1), 12000, "Yes"])   # due 31 Aug
    inv.append(["INV-1055", "C14", date(2026, 10, 20), 9500, None])
    path = tmp_path / "disputed.xlsx"
    wb.save(path)
    result = run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    row = next(t for t in result.tabs if t.name == "Credit Status").frame.set_index(
        "Customer ID").loc["C14"]
    assert (row["Overdue Amount"], row["Oldest Overdue Days"], row["Status"]) == (
        21500, 91, "Hold")
    # before: nothing said the invoice held on is one the Dunning leaves aside as disputed
    assert row["Reason"] == ("invoice INV-1053 is 91 days past due (policy: hold after 90); "
                             "it is in dispute: resolve it")
