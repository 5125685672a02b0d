"""SAP Business One's documents in one list, no Payments sheet: C1 owes 1001 (50,000, due 30
June, Paid to Date 0) and 1002 (40,000, Paid to Date 40,000); Incoming Payment 9002 of 15,000
(5 July) names no invoice, 9001 of 40,000 (10 November) names 1002 in its Base Ref. 18224ee
applied the list's receipts to the paid parts oldest first: 9002 took 15,000 of 1002's paid
40,000 and 9001 the other 25,000, so the 15,000 left on account carried 10 November's date
(-15,000 in 1-30 beside 50,000 in 90+). 9001 paid 1002 (it says so): the money on account is
9002's, dated 5 July: 90+ 35,000, 1-30 0."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING

BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _book(tmp_path, named=40000, header="Base Ref"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Alpha Trading", "EGP", 30, 100000])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Document No", "Document Type", "Customer ID", "Posting Date", "Due Date",
                  "Document Total", "Paid to Date", header])
    sheet.append(["1001", "A/R Invoice", "C1", date(2026, 6, 1), date(2026, 6, 30), 50000, 0,
                  None])
    sheet.append(["1002", "A/R Invoice", "C1", date(2026, 10, 1), date(2026, 10, 31), 40000,
                  40000, None])
    sheet.append(["9002", "Incoming Payment", "C1", date(2026, 7, 5), None, 15000, None, None])
    sheet.append(["9001", "Incoming Payment", "C1", date(2026, 11, 10), None, named, None,
                  "1002"])
    path = tmp_path / "sap.xlsx"
    wb.save(path)
    return path


def _aging(path):
    result = AGING.run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    tabs = {t.name: t.frame for t in result.tabs}
    detail = tabs["Aging Detail"]
    open_items = sorted(zip(detail["Document No"], detail["Open Amount"], detail["Bucket"],
                            strict=True))
    return tabs["Aging"].set_index("Customer ID").loc["C1", BUCKETS].tolist(), open_items


def test_the_receipt_naming_its_invoice_pays_it_first(tmp_path):
    buckets, items = _aging(_book(tmp_path))
    assert buckets == [0, 0, 0, 0, 35000, 35000]
    assert items == [("1001", 50000, "90+"), ("9002", -15000, "90+")]


def test_beyond_its_invoices_paid_part_the_naming_receipt_is_on_account(tmp_path):
    # 9001 of 45,000 for 1002's 40,000: 5,000 of it on account (10 November), and 9002's
    # 15,000 of 5 July
    buckets, items = _aging(_book(tmp_path, named=45000))
    assert buckets == [0, -5000, 0, 0, 35000, 30000]
    assert items == [("1001", 50000, "90+"), ("9001", -5000, "1-30"),
                     ("9002", -15000, "90+")]


def test_a_reference_column_names_it_too(tmp_path):
    buckets, _ = _aging(_book(tmp_path, header="Against Invoice"))
    assert buckets == [0, 0, 0, 0, 35000, 35000]
