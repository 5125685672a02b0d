"""Hold for an invoice long past due only where the customer's credits on account do not
cover it: a running ledger records a receipt without its invoice (سند قبض), and the money
paid the oldest debt, as the Dunning sets it."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run

AS_OF = date(2027, 3, 30)


def _status(tmp_path, payments, arabic=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Al Fajr Trading", "EGP", 30, 50000])
    ws.append(["C2", "Al Nasr Industries", "EGP", 15, 50000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-1", "C1", date(2026, 10, 1), 10000])
    inv.append(["INV-3", "C1", date(2027, 2, 1), 2000])
    inv.append(["INV-2", "C2", date(2026, 10, 5), 4000])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for row in payments:
        pay.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    result = run(read_book(path), JobOptions(as_of=AS_OF))
    frame = next(t for t in result.tabs if t.name == "Credit Status").frame
    return frame.set_index("Customer ID")


def test_a_receipt_on_account_covering_the_old_invoice_is_no_hold(tmp_path):
    status = _status(tmp_path, [["RV-2", "C2", date(2026, 10, 20), 4000, None]])
    c2 = status.loc["C2"]
    # the columns keep the invoice past due, before the credit, as before
    assert (c2["Open Balance"], c2["Overdue Amount"], c2["Oldest Overdue Days"]) == (0, 4000, 161)
    assert c2["Status"] == "OK"
    assert c2["Reason"] == ("within the limit; invoice INV-2 is 161 days past due, but credits "
                            "on account of 4,000.00 cover it: apply them (no hold)")


def test_a_credit_covering_part_of_the_old_invoice_still_holds(tmp_path):
    status = _status(tmp_path, [["RV-1", "C1", date(2026, 10, 15), 6000, None]])
    c1 = status.loc["C1"]
    assert (c1["Open Balance"], c1["Status"]) == (6000, "Hold")
    assert c1["Reason"] == "invoice INV-1 is 150 days past due (policy: hold after 90)"


def test_a_credit_covering_the_oldest_quotes_the_next_one_it_leaves(tmp_path):
    """10,500 on account covers INV-1 (150 days) and part of INV-3 (27 days): no hold."""
    status = _status(tmp_path, [["RV-1", "C1", date(2026, 10, 15), 10500, None]])
    c1 = status.loc["C1"]
    assert (c1["Open Balance"], c1["Status"]) == (1500, "OK")
    assert "invoice INV-1 is 150 days past due, but credits on account of 10,500.00 cover it" \
        in c1["Reason"]


def test_a_receipt_applied_to_the_invoice_is_no_credit_on_account(tmp_path):
    status = _status(tmp_path, [["RV-2", "C2", date(2026, 10, 20), 3000, "INV-2"]])
    c2 = status.loc["C2"]
    assert (c2["Open Balance"], c2["Status"]) == (1000, "Hold")
    assert c2["Reason"] == "invoice INV-2 is 161 days past due (policy: hold after 90)"
