"""Retention invoices (construction: the retention is released 12 months after completion)
fall due long after the customer's terms: where the row says it is retention (a type or
narration column: Retention, Retainage, محتجزات, ضمان أعمال) the long due date is expected,
not a DUE_DATE_INCONSISTENT Error. A progress invoice whose narration takes retention off
("less retention 10%") is still held to the terms."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets


def _due_findings(tmp_path, sheets):
    book = read_book(save_sheets(tmp_path / "b.xlsx", sheets))
    frame = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    frame = frame[frame["Code"] == "DUE_DATE_INCONSISTENT"]
    return [(r["Invoice No"], r["Severity"], r["Row"]) for _, r in frame.iterrows()]


def test_a_contractors_retention_invoices_may_fall_due_a_year_on(tmp_path):
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                 ["C1", "Alpha Contracting", "AED", 30, 5000000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Type",
                 "Description"],
                ["INV-001", "C1", "2026-06-30", "2026-07-30", 900000, "Progress",
                 "IPC 5 - Tower A"],
                ["INV-002", "C1", "2026-06-30", "2027-06-30", 100000, "Retention",
                 "Tower A"],
                ["INV-003", "C1", "2026-06-30", "2027-06-30", 50000, "",
                 "محتجزات ضمان أعمال - برج ب"],
                ["INV-004", "C1", "2026-06-30", "2027-06-30", 70000, "Progress",
                 "IPC 6 - Tower A, less retention 10%"],  # retention taken off: held to terms
                ["INV-005", "C1", "2026-06-30", "2026-06-15", 40000, "Retention",
                 "Tower B"]]  # before its own date: wrong whatever it is
    assert _due_findings(tmp_path, {"Customers": customers, "Invoices": invoices}) == [
        ("INV-004", "Error", 5), ("INV-005", "Error", 6)]


def test_an_arabic_register_narration_marks_retention(tmp_path):
    customers = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"],
                 ["101", "شركة المقاولات المتحدة", "SAR", 60]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ",
                 "البيان"],
                ["F-1", "101", "2026-03-31", "2026-05-30", 400000, "مستخلص رقم 3"],
                ["F-2", "101", "2026-03-31", "2027-03-31", 40000, "محتجزات مستخلص رقم 3"],
                ["F-3", "101", "2026-03-31", "2027-03-31", 40000,
                 "مستخلص رقم 4 بعد خصم المحتجزات"]]
    assert _due_findings(tmp_path, {"العملاء": customers, "الفواتير": invoices}) == [
        ("F-3", "Error", 4)]
