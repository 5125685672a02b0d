"""Subtotal rows of an export grouped by customer ("Total for <customer>", one per customer)
are set aside and said once: how many, the first label, the first cells; a grand total
and a lone subtotal are each said at their own cell, as before. Nothing is lost: every
invoice is read, and no subtotal is counted as one."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry

HEADER = [None, "Date", "Num", "Due Date", "Amount", "Open Balance"]  # (A: headings)


def _qb_open_invoices(tmp_path, customers: int, name="export.xlsx"):
    """A QuickBooks-style Open Invoices report: title rows, then per customer a heading,
    two invoices and a "Total for <customer>" row, then the grand TOTAL."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Open Invoices"
    ws.append(["Acme Trading"])
    ws.append(["Open Invoices"])
    ws.append(HEADER)
    for n in range(1, customers + 1):
        ws.append([f"Customer {n:02d}"])
        for k in (1, 2):
            ws.append([None, datetime(2026, 10, k), f"{n}{k:02d}", datetime(2026, 11, k),
                       100 * n + k, 100 * n + k])
        ws.append([f"Total for Customer {n:02d}", None, None, None, 200 * n + 3, 200 * n + 3])
    total = sum(200 * n + 3 for n in range(1, customers + 1))
    ws.append(["TOTAL", None, None, None, total, total])
    master = wb.create_sheet("Customers")
    master.append(["Customer ID", "Name", "Payment Terms"])
    for n in range(1, customers + 1):
        master.append([f"Customer {n:02d}", f"Customer {n:02d}", 30])
    path = tmp_path / name
    wb.save(path)
    return path


def test_many_subtotal_rows_are_one_issue_naming_how_many_and_the_first_cells(tmp_path):
    book = read_book(_qb_open_invoices(tmp_path, 12))
    # customer n's block starts at row 4 + 4(n-1): heading, two invoices, its total
    assert [(i.sheet, i.cell, i.column, i.value, i.message) for i in book.issues] == [
        ("Open Invoices", "A7", "", "Total for Customer 01",
         "12 subtotal rows ('Total for Customer 01' and the like) are not records: not read "
         "(A7, A11, A15, A19, A23 and 7 more)"),
        ("Open Invoices", "A52", "", "TOTAL",
         "'TOTAL' row is a totals row, not a record: not read")]
    invoices = book.invoices
    assert len(invoices) == 24  # every invoice read, no total among them
    assert invoices["Invoice No"].tolist()[:3] == ["101", "102", "201"]
    assert invoices["Amount"].sum() == sum(200 * n + 3 for n in range(1, 13))
    assert invoices["Customer ID"].tolist()[-1] == "Customer 12"
    aging = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    frame = {t.name: t.frame for t in aging.tabs}["Aging"]
    assert frame["Total"].sum() == 15_636  # the invoices once, no subtotal on top


def test_up_to_five_subtotals_are_all_named_and_a_lone_one_is_said_as_before(tmp_path):
    book = read_book(_qb_open_invoices(tmp_path, 3))
    assert [(i.cell, i.message) for i in book.issues] == [
        ("A7", "3 subtotal rows ('Total for Customer 01' and the like) are not records: not "
               "read (A7, A11, A15)"),
        ("A16", "'TOTAL' row is a totals row, not a record: not read")]
    one = read_book(_qb_open_invoices(tmp_path, 1, "one.xlsx"))
    assert [(i.cell, i.message) for i in one.issues] == [
        ("A7", "'Total for Customer 01' row is a totals row, not a record: not read"),
        ("A8", "'TOTAL' row is a totals row, not a record: not read")]


def test_the_subtotals_issue_reads_in_arabic(tmp_path):
    book = read_book(_qb_open_invoices(tmp_path, 12))
    assert arabic_message(book.issues[0].message) == (
        "12 صفوف إجماليات فرعية ('Total for Customer 01' وما يشبهه) ليست سجلات: لم تُقرأ "
        "(A7, A11, A15, A19, A23 و7 غيرها)")
    three = read_book(_qb_open_invoices(tmp_path, 3, "three.xlsx"))
    assert arabic_message(three.issues[0].message) == (
        "3 صفوف إجماليات فرعية ('Total for Customer 01' وما يشبهه) ليست سجلات: لم تُقرأ "
        "(A7, A11, A15)")
