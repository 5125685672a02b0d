"""SAP Business One's documents exported in one list (Document Type 'A/R Invoice', 'A/R Credit
Memo', 'Incoming Payment'; BP Code as Customer/Vendor Code; the invoices' Paid to Date), no
Payments sheet. None of the three types was read: every row was an invoice (the credit memo
and both payments owed, 335,000 for 165,000). With the types read, the two payments were
money on account beside invoices whose Paid to Date already counts them (Cairo Medical
Supplies 100,000 in credit where 50,000 is owed). Now the receipts that say nothing of what
they paid are that paid money; one that states its own balance (an open-items list's
unapplied cash) is read as it states."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.credit import JOB as CREDIT

_DOCS = [("A/R Invoice", 1001, "C20000", date(2026, 9, 5), date(2026, 10, 5), 120000, 120000),
         ("A/R Invoice", 1002, "C20000", date(2026, 10, 10), date(2026, 11, 9), 80000, 30000),
         ("A/R Invoice", 1003, "C20001", date(2026, 8, 1), date(2026, 9, 15), 60000, 0),
         ("A/R Credit Memo", 5001, "C20001", date(2026, 10, 20), date(2026, 10, 20), 10000, 0),
         ("Incoming Payment", 9001, "C20000", date(2026, 10, 25), date(2026, 10, 25), 120000, None),
         ("Incoming Payment", 9002, "C20000", date(2026, 11, 10), date(2026, 11, 10), 30000, None),
         ("A/R Invoice", 1004, "C20002", date(2026, 7, 15), date(2026, 8, 14), 40000, 0)]
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _book(tmp_path, docs=_DOCS):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Business Partners"
    ws.append(["#", "BP Code", "BP Name", "BP Currency", "Payment Terms Code", "Credit Limit"])
    ws.append([1, "C20000", "Cairo Medical Supplies", "EGP", "Net 30", 250000])
    ws.append([2, "C20001", "Alex Pharma", "EGP", "Net 45", 0])
    ws.append([3, "C20002", "Delta Labs", "EGP", "Net 30", 100000])
    sheet = wb.create_sheet("Sales Documents")
    sheet.append(["#", "Document Type", "Doc. No.", "Posting Date", "Due Date",
                  "Customer/Vendor Code", "Document Total", "Paid to Date"])
    for n, (kind, no, cid, day, due, total, paid) in enumerate(docs, 1):
        sheet.append([n, kind, no, day, due, cid, total, paid])
    path = tmp_path / "sap_b1.xlsx"
    wb.save(path)
    return path


def _tab(path, job, name, as_of):
    result = job.run(read_book(path), JobOptions(as_of=as_of))
    return {t.name: t.frame for t in result.tabs}[name].set_index("Customer ID")


def test_the_document_types_and_the_paid_to_date(tmp_path):
    path = _book(tmp_path)
    aging = _tab(path, AGING, "Aging", date(2026, 11, 30))
    assert aging.loc["C20000", BUCKETS].tolist() == [0, 50000, 0, 0, 0, 50000]
    assert aging.loc["C20001", BUCKETS].tolist() == [0, 0, -10000, 60000, 0, 50000]
    assert aging.loc["C20002", BUCKETS].tolist() == [0, 0, 0, 0, 40000, 40000]
    # as of 31 October the 30,000 received on 10 November had not yet paid 1002
    aging = _tab(path, AGING, "Aging", date(2026, 10, 31))
    assert aging.loc["C20000", BUCKETS].tolist() == [80000, 0, 0, 0, 0, 80000]
    credit = _tab(path, CREDIT, "Credit Status", date(2026, 11, 30))
    assert credit.loc["C20000", ["Open Balance", "Utilization %", "Status"]].tolist() == [
        50000, 20, "OK"]
    said = [i for i in read_book(path).issues if "say nothing of what they paid" in i.message]
    assert [(i.sheet, i.cell) for i in said] == [("Sales Documents", "C6")]
    assert said[0].message.startswith("2 receipt(s) listed beside the invoices (C6, C7)")


def test_a_receipt_beyond_the_paid_parts_is_on_account(tmp_path):
    docs = [*_DOCS[:5], ("Incoming Payment", 9002, "C20000", date(2026, 11, 10), date(2026, 11, 10),
                         45000, None)]  # 15,000 more than 1002's Paid to Date
    aging = _tab(_book(tmp_path, docs), AGING, "Aging", date(2026, 11, 30))
    assert aging.loc["C20000", BUCKETS].tolist() == [0, 50000 - 15000, 0, 0, 0, 35000]


def test_a_receipt_stating_its_own_balance_is_read_as_it_states(tmp_path):
    # an open-items list: the unapplied receipt's own balance (Balance column), beside an
    # invoice part-paid by a receipt the list no longer holds
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "Nile Foods", "EGP", 30])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount", "Balance"])
    sheet.append(["INV-1", "C1", date(2026, 11, 1), "Invoice", 10000, 6000])
    sheet.append(["PMT-7", "C1", date(2026, 11, 20), "Payment", -2000, -2000])
    path = tmp_path / "open_items.xlsx"
    wb.save(path)
    aging = _tab(path, AGING, "Aging", date(2026, 11, 30))
    assert aging.loc["C1", "Total"] == 4000
    assert not [i for i in read_book(path).issues if "say nothing" in i.message]


def test_the_months_receipts_are_the_lists(tmp_path):
    # a whole document list (1001 settled in it) whose receipts are the money its invoices
    # show paid: November's receipt is known (was blank: an open-items list's, not known)
    import pandas as pd

    from ar_excel.cli import main

    docs = [*_DOCS, ("A/R Invoice", 1005, "C20002", date(2026, 11, 12), date(2026, 12, 12),
                     25000, 0)]
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(_book(tmp_path, docs)), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=0)
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Opening AR"], k["Credit Sales"], k["Closing AR"]) == (170000, 25000, 165000)
    assert (k["Receipts Count"], k["Receipts"], k["CEI %"]) == (1, 30000, 17.65)


def test_an_open_items_report_still_gives_no_receipts(tmp_path):
    # nothing settled in the list (the paid bills are not in it): what came in is not known
    from ar_excel.core.kpis import receipts_in_the_list_known

    book = read_book(_book(tmp_path, [d for d in _DOCS if d[1] != 1001]))
    assert not receipts_in_the_list_known(book.invoices)
