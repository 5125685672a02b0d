"""Arabic قسط is an instalment (القسط الثاني) and also an insurance premium (قسط التأمين).
cac808f read any cell holding the word, or any figure under a column headed القسط, as
marking an instalment: INV-700 typed twice for the same customer and day, due 31 October
and 30 November, each 'قسط التأمين السنوي' (or its premium 5,000.00 under القسط), lost its
DUPLICATE_INVOICE_NO (both rows) and the second row's DUE_DATE_INCONSISTENT (+30 days over
30-day terms). A row naming which instalment it is still makes a schedule."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB as INVOICES


def _codes(tmp_path, header, cells):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Alpha Insurance Brokers", "EGP", 30, 100000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", header])
    inv.append(["INV-700", "C1", date(2026, 10, 1), date(2026, 10, 31), 5000, cells[0]])
    inv.append(["INV-700", "C1", date(2026, 10, 1), date(2026, 11, 30), 5000, cells[1]])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    result = INVOICES.run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    checks = {t.name: t.frame for t in result.tabs}["Invoice Checks"]
    return sorted(zip(checks["Row"].astype(int), checks["Code"], strict=True))


@pytest.mark.parametrize("header, cells", [
    ("البيان", ("قسط التأمين السنوي", "قسط التأمين السنوي")),
    ("Description", ("أقساط التأمين - وثيقة 12", "أقساط التأمين - وثيقة 12")),
    ("القسط", (5000, 5000)),
])
def test_a_premium_is_no_instalment(tmp_path, header, cells):
    assert _codes(tmp_path, header, cells) == [
        (2, "DUPLICATE_INVOICE_NO"), (3, "DUE_DATE_INCONSISTENT"), (3, "DUPLICATE_INVOICE_NO")]


@pytest.mark.parametrize("header, cells", [
    ("البيان", ("قسط التأمين - القسط الأول", "قسط التأمين - القسط الثاني")),
    ("البيان", ("قسط 1 من 2", "قسط ٢ من ٢")),
    ("القسط", (1, 2)),
    ("القسط", ("1/2", "2/2")),
])
def test_a_row_naming_which_instalment_is_one(tmp_path, header, cells):
    assert _codes(tmp_path, header, cells) == []
