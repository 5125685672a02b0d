"""A receipt naming an invoice the invoice list does not hold is held on account, unapplied:
the reader says so at its cell, naming the same customer's invoice one keystroke away where
there is one; a receipts log beside a list of open invoices only gets one issue."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from ar_excel.cli import main
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book

HELD = ("is not in the invoice list: the receipt is held on account, unapplied, until its "
        "invoice number is corrected")


def _book(path, receipts):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name"])
    ws.append(["C1", "Nile Foods"])
    ws.append(["C2", "Delta Traders"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    inv.append(["INV-1054", "C1", datetime(2026, 10, 1), datetime(2026, 10, 31), 5000])
    inv.append(["INV-1088", "C1", datetime(2026, 10, 2), datetime(2026, 11, 1), 700])
    inv.append(["INV-1060", "C2", datetime(2026, 10, 3), datetime(2026, 11, 2), 900])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for row in receipts:
        pay.append(row)
    wb.save(path)
    return path


def test_a_receipt_naming_an_unknown_invoice_is_told_at_its_cell_with_the_near_one(tmp_path):
    book = read_book(_book(tmp_path / "b.xlsx", [
        ["R1", "C1", datetime(2026, 11, 3), 5000, "INV-1045"],   # 1054 typed with two swapped
        ["R2", "C2", datetime(2026, 11, 4), 900, "INV-1060"],    # right
        ["R3", "C2", datetime(2026, 11, 5), 100, "X-77"],        # nothing near
        ["R4", "C1", datetime(2026, 11, 6), 50, None],           # on account on purpose
        ["R5", "C1", datetime(2026, 11, 7), 80, "INV-1058"]]))   # 1054 or 1088: not said
    told = [(i.sheet, i.cell, i.column, i.value, i.message) for i in book.issues]
    assert told == [
        ("Payments", "E2", "Invoice No", "INV-1045",
         f"'INV-1045' {HELD} (the same customer's invoice INV-1054 is one keystroke away)"),
        ("Payments", "E4", "Invoice No", "X-77", f"'X-77' {HELD}"),
        ("Payments", "E6", "Invoice No", "INV-1058", f"'INV-1058' {HELD}")]
    assert arabic_message(told[0][4]) == (
        "'INV-1045' غير موجود في قائمة الفواتير: التحصيل محفوظ على الحساب غير مطبق حتى يُصحَّح "
        "رقم فاتورته (فاتورة العميل نفسه INV-1054 على بعد حرف واحد)")


def test_what_the_issue_says_is_what_the_aging_shows(tmp_path):
    book = _book(tmp_path / "b.xlsx", [["R1", "C1", datetime(2026, 11, 3), 5000, "INV-1045"]])
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Aging Detail"].iter_rows(values_only=True))
    c1 = sorted((r[2], r[3], r[9]) for r in rows[1:] if r[0] == "C1")
    # the invoice it was meant for is still open, the receipt a credit on account
    assert c1 == [("Invoice", "INV-1054", 5000), ("Invoice", "INV-1088", 700),
                  ("Payment", "R1", -5000)]


def test_a_receipts_log_beside_open_invoices_only_gets_one_issue(tmp_path):
    receipts = [[f"R{n}", "C1", datetime(2026, 6, 1), 100, f"INV-0{n:03d}"] for n in range(30)]
    receipts += [[f"S{n}", "C1", datetime(2026, 11, 1), 100, "INV-1088"] for n in range(5)]
    book = read_book(_book(tmp_path / "b.xlsx", receipts))
    told = [(i.cell, i.message) for i in book.issues]
    assert told == [("E2", "30 receipts name invoices that are not in the invoice list (E2, "
                           "E3, E4, E5, E6 and 25 more): held on account, unapplied. If the "
                           "invoice list holds open invoices only, the receipts of the paid ones "
                           "do not belong beside it")]


def test_many_slips_among_many_receipts_are_each_told(tmp_path):
    """25 receipts naming unknown invoices among 200 are slips, each said at its cell (not
    the one issue of an open-items list, which takes a fifth of the receipts)."""
    receipts = [[f"R{n}", "C1", datetime(2026, 11, 1), 1, "INV-1054"] for n in range(175)]
    receipts += [[f"S{n}", "C2", datetime(2026, 11, 2), 1, f"X-{n}"] for n in range(25)]
    book = read_book(_book(tmp_path / "b.xlsx", receipts))
    told = [i for i in book.issues if "is not in the invoice list" in i.message]
    assert len(told) == 25 and told[0].cell == "E177" and told[-1].cell == "E201"
