"""Interest notes and finance charges fall due the day they are charged: Dynamics 365's
Customer transactions post an interest note (type 'Interest') with its due date its own date,
QuickBooks a 'Finance Charge' likewise, Dynamics GP its 'FIN', Sage 300 its 'IT' beside its
invoices. They charge for paying late, under no sale's terms. Worked out by hand, customers on
30 days: INT-000003 (20 Nov, due 20 Nov), FC-12 and FIN-7 (due the day charged) follow no
terms and are right; the invoice CIV-000245 due the day it was issued is the Warning it was
(-30 days), and an interest note due four months on is still the Error of a due date past
the terms. Before: each interest note and finance charge due at once was a
DUE_DATE_INCONSISTENT Warning '-30 days' (helper-222's leftover on D365's interest notes)."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets


def _due_findings(tmp_path, sheets):
    book = read_book(save_sheets(tmp_path / "b.xlsx", sheets))
    frame = JOB.run(book, JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    frame = frame[frame["Code"] == "DUE_DATE_INCONSISTENT"]
    return [(r["Invoice No"], r["Severity"], r["Row"]) for _, r in frame.iterrows()]


CUSTOMERS = [["Customer account", "Name", "Currency", "Terms of payment", "Credit limit"],
             ["US-001", "Contoso Retail Dubai", "AED", "Net30", 50000],
             ["US-002", "Fabrikam Gulf", "AED", "Net30", 20000]]


def test_a_dynamics_365_interest_note_is_due_the_day_it_is_charged(tmp_path):
    head = ["Customer account", "Name", "Voucher", "Date", "Invoice", "Transaction type",
            "Description", "Amount in transaction currency", "Balance", "Currency", "Due date"]
    rows = [["US-002", "Fabrikam Gulf", "CINV-000245", "11/2/2026", "CIV-000245",
             "Sales order", "Invoice", "8,400.00", "8,400.00", "AED", "12/2/2026"],
            ["US-002", "Fabrikam Gulf", "INT-000003", "11/20/2026", "INT-000003", "Interest",
             "Interest note", "52.50", "52.50", "AED", "11/20/2026"],
            ["US-001", "Contoso Retail Dubai", "CINV-000250", "11/21/2026", "CIV-000250",
             "Free text invoice", "Service fee", "900.00", "900.00", "AED", "11/21/2026"],
            ["US-001", "Contoso Retail Dubai", "INT-000004", "11/22/2026", "INT-000004",
             "Interest note", "Interest note", "31.20", "31.20", "AED", "3/22/2027"]]
    assert _due_findings(tmp_path, {"Customers": CUSTOMERS,
                                    "Customer transactions": [head] + rows}) == [
        ("CIV-000250", "Warning", 4), ("INT-000004", "Error", 5)]


def test_finance_charges_are_due_the_day_they_are_charged(tmp_path):
    customers = [["Customer ID", "Name", "Currency", "Payment Terms"],
                 ["C1", "Gulf Marine Supplies", "AED", 30]]
    invoices = [["Invoice No", "Customer ID", "Type", "Invoice Date", "Due Date", "Amount"],
                ["1041", "C1", "Invoice", "2026-10-01", "2026-10-31", 12000],
                ["FC-12", "C1", "Finance Charge", "2026-11-15", "2026-11-15", 180],
                ["FIN-7", "C1", "FIN", "2026-11-16", "2026-11-16", 95]]
    assert _due_findings(tmp_path, {"Customers": customers, "Invoices": invoices}) == []


def test_an_interest_notes_type_is_a_type_read(tmp_path):
    """'Interest Notes' (the plural, as 'Free Text Invoices' is written) is an interest
    charge to the due-date check, so it is a document type read: before, the same list also
    said "Type 'Interest Notes' is no document type ar_excel reads" at D3."""
    customers = [["Customer ID", "Name", "Currency", "Payment Terms"],
                 ["C1", "Gulf Marine Supplies", "AED", 30]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Type", "Due Date", "Amount"],
                ["1041", "C1", "2026-10-01", "Invoice", "2026-10-31", 12000],
                ["IN-12", "C1", "2026-11-15", "Interest Notes", "2026-11-15", 180]]
    sheets = {"Customers": customers, "Invoices": invoices}
    assert _due_findings(tmp_path, sheets) == []
    book = read_book(save_sheets(tmp_path / "b.xlsx", sheets))
    assert [(i.cell, i.message) for i in book.issues if "document type" in i.message] == []
    assert book.invoices["Amount"].tolist() == [12000.0, 180.0]
