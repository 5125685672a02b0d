"""A register without a Payments sheet writing an invoice payable in instalments a row per
instalment (cac808f), each row its own Paid Amount and Paid Date (fef1962). INV-500, 3 x
10,000.00 due 1 October / 1 November / 1 December, the first two paid on 5 October and
3 November: as of 30 November 10,000.00 is owed, not yet due. The paid dates read only the
first row of the number, so the second instalment's 10,000.00 was lost and shown owed 29
days (20,000.00), where the list read as it states (before the paid dates were read) gave
10,000.00."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING


def _book(tmp_path, third_paid_on=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Alpha Trading", "EGP", 30, 100000])
    ws.append(["C2", "Beta Foods", "EGP", 30, 50000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                "Installment", "Paid Amount", "Paid Date"])
    inv.append(["INV-500", "C1", date(2026, 9, 1), date(2026, 10, 1), 10000, "1/3", 10000,
                date(2026, 10, 5)])
    inv.append(["INV-500", "C1", date(2026, 9, 1), date(2026, 11, 1), 10000, "2/3", 10000,
                date(2026, 11, 3)])
    inv.append(["INV-500", "C1", date(2026, 9, 1), date(2026, 12, 1), 10000, "3/3",
                10000 if third_paid_on else None, third_paid_on])
    inv.append(["INV-501", "C2", date(2026, 10, 1), date(2026, 10, 31), 8000, None, 8000,
                date(2026, 11, 10)])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    return path


def _aging(path, as_of):
    result = AGING.run(read_book(path), JobOptions(as_of=as_of))
    frame = {t.name: t.frame for t in result.tabs}["Aging"]
    rows = frame[frame["Customer ID"].isin(["C1", "C2"])].set_index("Customer ID")
    return {c: (float(rows.at[c, "Current"]), float(rows.at[c, "1-30"]),
                float(rows.at[c, "Total"])) for c in rows.index}


def test_each_instalment_paid_on_its_own_date(tmp_path):
    path = _book(tmp_path)
    assert _aging(path, date(2026, 11, 30)) == {"C1": (10000.0, 0.0, 10000.0)}
    # as of 31 October the second and third instalments and INV-501 are owed, none yet due
    assert _aging(path, date(2026, 10, 31)) == {"C1": (20000.0, 0.0, 20000.0),
                                                "C2": (8000.0, 0.0, 8000.0)}


def test_a_date_beside_an_unpaid_instalment_is_no_paid_date(tmp_path):
    """The third row dated but not paid: the column is no paid date (the list as it
    states, 10,000.00 owed, with the issue at the third row's date)."""
    path = _book(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Invoices"]["H4"] = date(2026, 12, 1)
    wb.save(path)
    book = read_book(path)
    said = [i for i in book.issues if i.column == "Paid Date"]
    assert [(i.cell, "1 date(s) beside an invoice the list shows unpaid (H4)" in i.message)
            for i in said] == [("H4", True)]
    assert _aging(path, date(2026, 11, 30)) == {"C1": (10000.0, 0.0, 10000.0)}


def test_receipts_kept_on_rows_of_their_own_are_not_made_again(tmp_path):
    """F-1 20,000.00 paid on 5 November (Paid Amount, Paid Date) beside the receipt row that
    paid it, RC-1 -20,000.00 of 5 November: 30,000.00 owed (F-2), not 10,000.00 (the paid
    part read as a receipt and RC-1 as money on account again)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Alpha Trading", "EGP", 30, 100000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Type", "Invoice Date", "Due Date", "Amount",
                "Paid Amount", "Paid Date"])
    inv.append(["F-1", "C1", "Invoice", date(2026, 9, 1), date(2026, 10, 1), 20000, 20000,
                date(2026, 11, 5)])
    inv.append(["F-2", "C1", "Invoice", date(2026, 10, 1), date(2026, 10, 31), 30000, None,
                None])
    inv.append(["RC-1", "C1", "Receipt", date(2026, 11, 5), None, -20000, None, None])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    assert _aging(path, date(2026, 11, 30)) == {"C1": (0.0, 30000.0, 30000.0)}
