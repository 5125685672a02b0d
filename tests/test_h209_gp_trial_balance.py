"""Dynamics GP's Historical Aged Trial Balance exported to Excel: its title dated month first
('System: 11/30/2026', 'User Date: 11/30/2026'), every document date below reading either
way (10/05/2026, 11/04/2026...), the invoice's amount headed 'Orig. Amount' beside what is
still open ('Current Trx Amount'). Worked out by hand as of 30/11/2026: Nile Foods
STDINV2231 of 05/10 due 04/11, 10,000.00 open, 26 days late (1-30); STDINV2240 of 10/11 due
10/12, 5,000.00 with 3,000.00 open (current); Delta Traders STDINV2202 due 03/10, 8,000.00,
58 days late (31-60), its credit memo of 08/11, -500.00 (1-30). Before: the dates read day
first (10 May, 4 April...), every invoice 90+ days late, and STDINV2240's amount was its
open 3,000.00 ('Orig. Amount' unread)."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets


def test_the_title_dated_month_first_and_orig_amount(tmp_path):
    path = save_sheets(tmp_path / "gp.xlsx", {"RM Aged Trial Balance": [
        ["System: 11/30/2026 10:15:32 AM", None, "Fabrikam Egypt", None, None, None, "Page: 1"],
        ["User Date: 11/30/2026", None, "HISTORICAL AGED TRIAL BALANCE", None, None, None,
         "User ID: sa"],
        [],
        ["Customer Number", "Name", "Document Number", "Type", "Document Date", "Due Date",
         "Orig. Amount", "Current Trx Amount"],
        ["NILE0001", "Nile Foods", "STDINV2231", "SLS", "10/05/2026", "11/04/2026",
         "10,000.00", "10,000.00"],
        ["NILE0001", "Nile Foods", "STDINV2240", "SLS", "11/10/2026", "12/10/2026",
         "5,000.00", "3,000.00"],
        ["NILE0001", "Nile Foods", "PYMNT0077", "PMT", "11/12/2026", "11/12/2026", "2,000.00",
         "0.00"],
        ["DELT0001", "Delta Traders", "STDINV2202", "SLS", "09/03/2026", "10/03/2026",
         "8,000.00", "8,000.00"],
        ["DELT0001", "Delta Traders", "CRMEMO0011", "CR", "11/08/2026", "11/08/2026", "500.00",
         "500.00"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [10000, 5000, -2000, 8000, -500]
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc["NILE0001", ["Current", "1-30", "31-60", "90+", "Total"]].tolist() == [
        3000, 10000, 0, 0, 13000]
    assert aging.loc["DELT0001", ["Current", "1-30", "31-60", "90+", "Total"]].tolist() == [
        0, -500, 8000, 0, 7500]
    said = [i for i in book.issues if "read month first" in i.message]
    assert [(i.cell, i.message.split("written ")[1][:40]) for i in said] == [
        ("E5", "(RM Aged Trial Balance A1: 11/30/2026): "),
        ("F5", "(RM Aged Trial Balance A1: 11/30/2026): ")]


def test_a_title_dated_day_first_leaves_the_dates_day_first(tmp_path):
    path = save_sheets(tmp_path / "eg.xlsx", {"Invoices": [
        ["كشف فواتير العملاء حتى 30/11/2026"], [],
        ["Invoice No", "Customer ID", "Invoice Date", "Amount"],
        ["F-1", "C1", "10/05/2026", 100]]})
    assert read_book(path).invoices["Invoice Date"].tolist()[0].date() == date(2026, 5, 10)
