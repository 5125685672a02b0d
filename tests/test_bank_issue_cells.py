"""A bank export's bad cell is named in Input Issues as Excel shows the file (the contract: the
cell address): ``D6`` for a CSV's sixth record, fourth field, as for the workbook's own Bank
Statement sheet; ``row 5`` only where no one column is at fault. Through ``ar-excel
reconcile --bank`` and read back from the Input Issues tab."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl

from ar_excel.bank import read_statement
from ar_excel.cli import main

HEADER = ("Sheet", "Cell", "Column", "Value", "Message")
BAD_CREDIT = ("Credit '12O.00' could not be read as an amount ('12O.00' is not a number); the "
              "line was left out")


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C-01", "Nile Trading", "EGP", 30])
    ws.append(["C-02", "Delta Foods", "EGP", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-101", "C-01", datetime(2026, 10, 5), 11400])
    inv.append(["INV-102", "C-02", datetime(2026, 10, 9), 120])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    wb.save(path)
    return path


def _reconciled(tmp_path: Path, bank: Path) -> tuple[list[tuple], list[tuple]]:
    """The Input Issues rows about the bank file and the Bank Matches rows of the run."""
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path / "book.xlsx")), "--bank", str(bank),
                 "--as-of", "2026-11-30", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    rows = list(wb["Input Issues"].iter_rows(values_only=True))
    head = rows.index(HEADER)
    matches = list(wb["Bank Matches"].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(matches) if r[0] == "Bank Line")
    return ([r for r in rows[head + 1:] if str(r[0]).startswith(bank.name)],
            [r for r in matches[top + 1:] if r[0]])


# account lines above the header: the table starts on row 3, as Excel opens the file
STATEMENT = [
    ["Account", "0123456789"],
    ["Currency", "EGP"],
    ["Date", "Description", "Debit", "Credit", "Balance"],
    ["02/11/2026", "TRF FROM NILE TRADING INV-101", "", "11,400.00", "61,400.00"],
    ["03/11/2026", "BANK CHARGES", "25.00", "", "61,375.00"],
    ["04/11/2026", "TRF FROM DELTA FOODS INV-102", "", "12O.00", "61,495.00"],  # row 6
]


def test_a_bad_amount_of_a_csv_export_is_named_at_its_cell(tmp_path):
    bank = tmp_path / "nbe.csv"
    with open(bank, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(STATEMENT)
    issues, matches = _reconciled(tmp_path, bank)
    assert issues == [("nbe.csv", "D6", "Credit", "12O.00", BAD_CREDIT)]
    assert [(r[3], r[5], r[8]) for r in matches] == [("INV-101", 11400, "Matched")]


def test_a_bad_amount_of_an_xlsx_export_is_named_at_its_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Statement"
    for row in STATEMENT:
        ws.append([float(c.replace(",", "")) if c[:1].isdigit() and "." in c and "/" not in c
                   and "O" not in c else c or None for c in row])
    bank = tmp_path / "nbe.xlsx"
    wb.save(bank)
    issues, matches = _reconciled(tmp_path, bank)
    assert issues == [("nbe.xlsx [Statement]", "D6", "Credit", "12O.00", BAD_CREDIT)]
    assert [(r[3], r[5], r[8]) for r in matches] == [("INV-101", 11400, "Matched")]


def test_a_quoted_narrative_over_two_lines_is_one_row_as_excel_opens_the_csv(tmp_path):
    # the narrative of row 4 holds a line break inside its quotes: Excel shows it in one
    # cell, so the bad amount on the file's eighth text line is in D6 (not D7)
    bank = tmp_path / "nbe.csv"
    with open(bank, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([STATEMENT[0], STATEMENT[1], STATEMENT[2],
                                  [STATEMENT[3][0], "TRF FROM NILE TRADING\nINV-101",
                                   *STATEMENT[3][2:]], *STATEMENT[4:]])
    assert bank.read_text(encoding="utf-8").count("\n") == 7  # six records on seven lines
    issues, matches = _reconciled(tmp_path, bank)
    assert issues == [("nbe.csv", "D6", "Credit", "12O.00", BAD_CREDIT)]
    assert [(r[3], r[5], r[8]) for r in matches] == [("INV-101", 11400, "Matched")]
    assert read_statement(bank).lines["Line No"].tolist() == [4, 5]  # the rows Excel shows


def test_a_cell_after_a_narrative_the_delimiter_split_is_named_where_excel_shows_it(tmp_path):
    # the narrative's unquoted commas put it over B3:D3 when Excel opens the file, and its
    # Balance in G3, not the E3 of the header
    path = tmp_path / "enbd.csv"
    path.write_text("Date,Description,Debit,Credit,Balance\n"
                    "01/11/2026,TT IN NILE,,2500.00,12500.00\n"
                    "02/11/2026,TT IN ACME, LLC, DUBAI,,1000.00,13600.00\n"
                    "03/11/2026,FEE,15.00,,13585.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [2500.0, 1000.0, -15.0]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("B3:D3", "Description", "TT IN ACME, LLC, DUBAI"), ("G3", "Balance", 13600.0)]
    assert "expected 13,500.00" in stmt.issues[1].message


def test_a_whole_row_keeps_its_row_and_a_report_without_excel_columns_its_line(tmp_path):
    # a row of both sides is no one cell's fault: its row
    path = tmp_path / "pair.csv"
    path.write_text("Date,Description,Debit,Credit\n"
                    "13/11/2026,TT IN NILE,,2500.00\n"
                    "14/11/2026,CHQ DEP AND FEE,35.00,1000.00\n", encoding="utf-8")
    assert [(i.cell, i.column) for i in read_statement(path).issues] == [
        ("row 3", "Debit / Credit")]
    # a QIF's records are no Excel rows and columns: the record's line in the file
    path = tmp_path / "q.qif"
    path.write_text("!Type:Bank\nD13/11/2026\nT1,500.00\nPACME\n^\n"
                    "D14/11/2026\nTabc\nPFEE\n^\n", encoding="ascii")
    assert [(i.cell, i.value) for i in read_statement(path, day_first=True).issues] == [
        ("row 6", "abc")]


def test_an_html_table_saved_as_xls_names_the_cell(tmp_path):
    path = tmp_path / "portal.xls"
    path.write_text("<html><body><table>"
                    "<tr><td colspan='3'>Account 0123456789</td></tr>"
                    "<tr><th>Date</th><th>Narrative</th><th>Amount</th></tr>"
                    "<tr><td>02/11/2026</td><td>TRF NILE</td><td>1,500.00</td></tr>"
                    "<tr><td>31/11/2026</td><td>TRF DELTA</td><td>120.00</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [("A4", "Date", "31/11/2026")]
