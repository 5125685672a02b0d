"""A ledger kept a month per sheet is read as one list; the invoice checks name the sheet each
finding is on, and a month repeating one invoice number of the month before is another month
holding a duplicate (reported), not a copy left unread."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.cli import main
from ar_excel.io.reader import read_book


def _months(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name", "Payment Terms"], ["C1", "Nile", 30], ["C2", "Delta", 30]):
        ws.append(row)
    for name, rows in (("Invoices Sep", [["S1", "C1", date(2026, 9, 1), 100],
                                         ["S2", "C2", date(2026, 9, 3), 200]]),
                       ("Invoices Oct", [["O1", "C1", date(2026, 10, 1), 300],
                                         ["S2", "C2", date(2026, 10, 5), 250],
                                         ["O3", "C9", date(2026, 10, 7), 50]])):
        sheet = wb.create_sheet(name)
        sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
        for row in rows:
            sheet.append(row)
    wb.save(path)
    return path


def test_a_month_repeating_one_number_is_read_and_its_duplicate_reported(tmp_path):
    book = read_book(_months(tmp_path / "b.xlsx"))
    assert book.invoices["Invoice No"].tolist() == ["S1", "S2", "O1", "S2", "O3"]
    assert [i.message for i in book.issues] == [
        "sheets 'Invoices Oct' hold more invoices of 'Invoices Sep': read with it as one list "
        "(5 rows)"]


def test_each_finding_names_the_sheet_its_row_is_on(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["invoices", str(_months(tmp_path / "b.xlsx")), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Invoice Checks"].iter_rows(values_only=True))
    head = rows[0]
    found = sorted((r[head.index("Invoice No")], r[head.index("Code")], r[head.index("Sheet")],
                    r[head.index("Row")], r[head.index("Message")]) for r in rows[1:] if r[0])
    both = "Invoice number S2 appears 2 times (rows 'Invoices Sep' 3, 'Invoices Oct' 3)"
    assert found == [
        ("O2", "NUMBER_GAP", "Invoices Oct", 4,
         "1 number(s) missing in series 'O': O2 (between O1 and O3)"),
        ("O3", "UNKNOWN_CUSTOMER", "Invoices Oct", 4, "Customer C9 is not in the Customers sheet"),
        ("S2", "DUPLICATE_INVOICE_NO", "Invoices Oct", 3, both),
        ("S2", "DUPLICATE_INVOICE_NO", "Invoices Sep", 3, both)]
