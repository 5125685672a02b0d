"""An invoice payable in instalments, written as a row per instalment (one number, customer and
invoice date; each row its own amount and due date, an Installment column '1/3', or البيان
'القسط الثاني'). The Aging was right (each row by its own due date, the receipt paying the
first), but the invoice checks read the schedule as errors: DUPLICATE_INVOICE_NO on all three
rows and DUE_DATE_INCONSISTENT on the second and third (+32 and +123 days over 30-day
terms). Now the number is used once and only the first instalment is held to the terms; a
number typed twice without saying so is still a duplicate."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.invoices import JOB as INVOICES

AS_OF = date(2026, 10, 31)


def _book(tmp_path, rows, header=("Installment",)):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["SA-02", "Riyadh Towers Development", "SAR", 30])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", *header])
    for row in rows:
        sheet.append(row)
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    pay.append(["RV-102", "SA-02", date(2026, 8, 5), 100000, "INV-500"])
    path = tmp_path / "instalments.xlsx"
    wb.save(path)
    return path


def _checks(path):
    result = INVOICES.run(read_book(path), JobOptions(as_of=AS_OF))
    checks = {t.name: t.frame for t in result.tabs}["Invoice Checks"]
    return sorted(zip(checks["Code"], checks["Row"].astype(int), strict=True))


def _schedule(word):
    return [["INV-500", "SA-02", date(2026, 7, 1), date(2026, 7, 31), 100000, word(1)],
            ["INV-500", "SA-02", date(2026, 7, 1), date(2026, 9, 1), 100000, word(2)],
            ["INV-500", "SA-02", date(2026, 7, 1), date(2026, 12, 1), 100000, word(3)]]


def test_an_instalment_column_makes_one_invoice_of_the_rows(tmp_path):
    path = _book(tmp_path, _schedule(lambda k: f"{k}/3"))
    assert _checks(path) == []
    aging = {t.name: t.frame for t in AGING.run(read_book(path), JobOptions(as_of=AS_OF)).tabs}
    row = aging["Aging"].set_index("Customer ID").loc["SA-02"]
    assert row[["Current", "1-30", "31-60", "61-90", "90+", "Total"]].tolist() == [
        100000, 0, 100000, 0, 0, 200000]


def test_a_narration_naming_the_instalment_says_so_too(tmp_path):
    words = {1: "توريد وتركيب - القسط الأول", 2: "توريد وتركيب - القسط الثاني",
             3: "توريد وتركيب - القسط الثالث"}
    assert _checks(_book(tmp_path, _schedule(words.get), header=("البيان",))) == []


def test_the_first_instalment_is_still_held_to_the_terms(tmp_path):
    rows = _schedule(lambda k: f"{k}/3")
    rows[0][3] = date(2026, 8, 20)  # 20 days past the 30-day terms
    assert _checks(_book(tmp_path, rows)) == [("DUE_DATE_INCONSISTENT", 2)]


def test_a_number_typed_twice_is_still_a_duplicate(tmp_path):
    # no word of an instalment: the same number on three rows is three invoices
    rows = _schedule(lambda k: f"Villa finishing {k}")
    assert [c for c in _checks(_book(tmp_path, rows, header=("Description",)))
            if c[0] == "DUPLICATE_INVOICE_NO"] == [
        ("DUPLICATE_INVOICE_NO", 2), ("DUPLICATE_INVOICE_NO", 3), ("DUPLICATE_INVOICE_NO", 4)]
    # the word, but two rows on one due date: no schedule, a number used twice
    rows = _schedule(lambda k: f"{k}/3")
    rows[2][3] = rows[1][3]
    assert [c for c in _checks(_book(tmp_path, rows)) if c[0] == "DUPLICATE_INVOICE_NO"] == [
        ("DUPLICATE_INVOICE_NO", 2), ("DUPLICATE_INVOICE_NO", 3), ("DUPLICATE_INVOICE_NO", 4)]


def test_the_summary_counts_the_invoice_once(tmp_path):
    # INV-500 in three instalment rows and three other invoices: 4 invoices on 6 rows
    rows = [*_schedule(lambda k: f"{k}/3"),
            ["INV-501", "SA-02", date(2026, 8, 1), date(2026, 8, 31), 5000, None],
            ["INV-502", "SA-02", date(2026, 9, 1), date(2026, 10, 1), 6000, None],
            ["INV-503", "SA-02", date(2026, 10, 1), date(2026, 10, 31), 7000, None]]
    result = INVOICES.run(read_book(_book(tmp_path, rows)), JobOptions(as_of=AS_OF))
    assert result.summary.startswith("Invoice checks on 4 invoices:")
