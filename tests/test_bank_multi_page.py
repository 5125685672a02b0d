"""Statements exported or copied page by page (Egyptian and Gulf portals, PDF-to-Excel
conversions): each page repeats the header, opens with the balance brought forward, closes
with a page total, the balance carried forward and its page number. Read as one statement
that ties out; every line kept once; what was left out said."""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.row_screening import balance_says
from ar_excel.bank.two_columns import readings_of
from ar_excel.cli import main
from tests.test_reconcile_job import read_tab

HEADER = ["Date", "Value Date", "Description", "Reference", "Debit", "Credit", "Balance"]
HEADING = [["Account Statement"], ["Account No", "100023456789"], ["Currency", "EGP"]]

# a CIB-style export of November over three pages (rows as the file numbers them in comments)
PAGES = [
    *HEADING, HEADER,                                                                   # 1-4
    ["", "", "Balance brought forward", "", "", "", "125,000.00"],                      # 5
    ["02/11/2026", "02/11/2026", "TRF FROM DELTA MOTORS INV-2026-0101", "FT26306AB12", "",
     "45,600.00", "170,600.00"],
    ["03/11/2026", "03/11/2026", "CHQ 100234 PAID", "100234", "12,500.00", "", "158,100.00"],
    ["04/11/2026", "05/11/2026", "ACH CREDIT NILE FOODS INV-2026-0107", "FT26308CD34", "",
     "18,240.50", "176,340.50"],
    ["05/11/2026", "05/11/2026", "BANK CHARGES", "", "75.00", "", "176,265.50"],        # 9
    ["", "", "Page total", "", "12,575.00", "63,840.50", ""],
    ["", "", "Balance carried forward", "", "", "", "176,265.50"],
    ["Page 1 of 3"],                                                                    # 12
    [],
    *HEADING, HEADER,                                                                   # 14-17
    ["", "", "Balance brought forward", "", "", "", "176,265.50"],                      # 18
    ["09/11/2026", "09/11/2026", "INWARD TRANSFER FROM GULF STAR TRADING INV-2026-0112",
     "FT26313EF56", "", "32,000.00", "208,265.50"],
    ["12/11/2026", "12/11/2026", "SALARIES NOV", "", "54,300.00", "", "153,965.50"],
    ["15/11/2026", "15/11/2026", "CASH DEPOSIT ALEX BRANCH", "", "", "7,500.00",
     "161,465.50"],                                                                     # 21
    ["", "", "Page total", "", "54,300.00", "39,500.00", ""],
    ["", "", "Balance carried forward", "", "", "", "161,465.50"],                      # 23
    ["Page 2 of 3"],
    [],
    *HEADING, HEADER,                                                                   # 26-29
    ["", "", "Balance brought forward", "", "", "", "161,465.50"],                      # 30
    ["18/11/2026", "18/11/2026", "TRF FROM DELTA MOTORS INV-2026-0118", "FT26322GH78", "",
     "21,150.00", "182,615.50"],
    ["25/11/2026", "25/11/2026", "ELECTRICITY BILL", "", "3,480.25", "", "179,135.25"],
    ["29/11/2026", "30/11/2026", "SWIFT IN NILE FOODS INV-2026-0125", "FT26333JK90", "",
     "9,800.00", "188,935.25"],                                                         # 33
    ["", "", "Page total", "", "3,480.25", "30,950.00", ""],
    ["", "", "Closing balance", "", "", "", "188,935.25"],
    ["Page 3 of 3"],                                                                    # 36
]

AMOUNTS = [45600.0, -12500.0, 18240.5, -75.0, 32000.0, -54300.0, 7500.0, 21150.0, -3480.25,
           9800.0]
LINE_ROWS = [6, 7, 8, 9, 19, 20, 21, 31, 32, 33]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _typed(cell: str, column: int) -> object:
    """A cell as a workbook holds it: amounts as numbers, dates as dates."""
    if not cell:
        return None
    if column in (0, 1) and cell[:2].isdigit() and cell.count("/") == 2:
        day, month, year = map(int, cell.split("/"))
        return datetime(year, month, day)
    if re.fullmatch(r"-?[\d,]+\.\d\d", cell):
        return float(cell.replace(",", ""))
    return cell


def write_xlsx(path: Path, rows: list[list[object]], typed: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Statement"
    for row in rows:
        ws.append([_typed(c, i) if typed and isinstance(c, str) else c
                   for i, c in enumerate(row)])
    wb.save(path)
    return path


def told(stmt) -> list[tuple[str, str, object, str]]:
    return [(i.cell, i.column, i.value, i.message) for i in stmt.issues]


PAGE_NOTE = ("A12", "Date", "Page 1 of 3", "page numbers ('Page 1 of 3', rows 12, 24, 36): "
             "the statement's page breaks, not a transaction; left out")


# --- 1 and 2. brought / carried forward, page totals, headers and page numbers ------------

@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_three_pages_read_as_one_statement_that_ties_out(tmp_path, kind):
    path = (write_csv(tmp_path / "cib.csv", PAGES) if kind == "csv"
            else write_xlsx(tmp_path / "cib.xlsx", PAGES))
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == AMOUNTS
    assert lines["Line No"].tolist() == LINE_ROWS
    assert lines["Description"].tolist()[3:5] == [  # no page footer joined to a narrative
        "BANK CHARGES", "INWARD TRANSFER FROM GULF STAR TRADING INV-2026-0112"]
    [bal] = stmt.balances
    # the first page's brought-forward opens, the last page's balance closes
    assert (bal.opening, bal.closing, bal.difference) == (125000.0, 188935.25, 0.0)
    assert (bal.credits, bal.debits, bal.lines) == (134290.5, 70355.25, 10)
    assert told(stmt) == [PAGE_NOTE]


def test_first_page_without_brought_forward_does_not_take_a_later_pages(tmp_path):
    # page 1 opens on its first line: page 2's brought-forward (176,265.50) is a page break,
    # not the opening balance (it was, and the statement 'did not tie out' by 51,265.50)
    rows = [r for k, r in enumerate(PAGES, start=1) if k != 5]
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == AMOUNTS
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (None, 188935.25, None)
    assert [i.cell for i in stmt.issues] == ["A11"]  # the page numbers, nothing else


def test_a_brought_forward_that_is_not_the_running_balance_is_reported_at_its_cell(tmp_path):
    rows = [list(r) for r in PAGES]
    rows[17][6] = "176,625.50"  # page 2's brought-forward, digits swapped
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == AMOUNTS  # no line lost, none added
    assert stmt.balances[0].difference == 0.0
    assert told(stmt) == [
        PAGE_NOTE,
        ("G18", "Balance", 176625.5, "'Balance brought forward' between pages is "
         "176,625.50, but the running balance there is 176,265.50 (the balance of row 11 "
         "('Balance carried forward') above it; difference 360.00): a line may be missing at "
         "the page break, or misread")]
    # page 2's carried-forward wrong: it is not its lines' balance, and page 3's
    # brought-forward is not it
    rows = [list(r) for r in PAGES]
    rows[22][6] = "161,456.50"
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == AMOUNTS
    assert told(stmt)[1:] == [
        ("G23", "Balance", 161456.5, "'Balance carried forward' between pages is "
         "161,456.50, but the running balance there is 161,465.50 (the balance of row 21, the "
         "line above it; difference -9.00): a line may be missing at the page break, or "
         "misread"),
        ("G30", "Balance", 161465.5, "'Balance brought forward' between pages is "
         "161,465.50, but the running balance there is 161,456.50 (the balance of row 23 "
         "('Balance carried forward') above it; difference 9.00): a line may be missing at "
         "the page break, or misread")]


def test_a_line_lost_at_a_page_break_is_found_by_the_carried_forward(tmp_path):
    # the portal prints balances only brought and carried forward, not on each line; the
    # bank charges at the foot of page 1 were lost when it was copied
    rows = [r if len(r) < 7 or r[2].startswith(("Description", "Balance", "Closing"))
            else [*r[:6], ""] for k, r in enumerate(PAGES, start=1) if k != 9]
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == [a for a in AMOUNTS if a != -75.0]
    [bal] = stmt.balances
    assert bal.difference == 75.0  # does not tie out; the page break says where
    assert [i[:3] for i in told(stmt)] == [
        ("F9", "Credit", "Page total"),  # page 1's total counts the line lost
        ("G10", "Balance", 176265.5), ("A11", "Date", "Page 1 of 3"),
        ("statement 1", "Balance", 75.0)]
    assert stmt.issues[1].message == (
        "'Balance carried forward' between pages is 176,265.50, but the running balance "
        "there is 176,340.50 (the opening balance plus the lines down to row 8; difference "
        "-75.00): a line may be missing at the page break, or misread")


ARABIC_HEADER = ["التاريخ", "تاريخ القيمة", "البيان", "رقم المرجع", "مدين", "دائن", "الرصيد"]

# a QNB Egypt statement converted from PDF to Excel: numbers and dates typed, the page
# number in the narrative column, the header of page 3 with a cell lost in the conversion
ARABIC_PAGES: list[list[object]] = [
    ARABIC_HEADER,                                                                      # 1
    [None, None, "رصيد منقول", None, None, None, 84500.0],
    [datetime(2026, 11, 3), datetime(2026, 11, 3), "تحويل وارد من شركة النور للتجارة فاتورة 1045",
     "FT26307NR01", None, 15750.0, 100250.0],
    [datetime(2026, 11, 4), datetime(2026, 11, 4), "شيك رقم 554120 مسحوب", "554120", 6200.0,
     None, 94050.0],
    [None, None, "مجموع الصفحة", None, 6200.0, 15750.0, None],                          # 5
    [None, None, "رصيد مرحل", None, None, None, 94050.0],
    [None, None, "صفحة ١ من ٣", None, None, None, None],
    [None] * 7,
    ARABIC_HEADER,                                                                      # 9
    [None, None, "الرصيد المرحل من الصفحة السابقة", None, None, None, 94050.0],
    [datetime(2026, 11, 10), datetime(2026, 11, 10), "إيداع نقدي فرع المعادي", None, None,
     3000.0, 97050.0],
    [datetime(2026, 11, 16), datetime(2026, 11, 17), "حوالة واردة من مؤسسة الخليج فاتورة 1052",
     "FT26320KH22", None, 22400.0, 119450.0],
    [None, None, "مجموع الصفحة", None, 0.0, 25400.0, None],                             # 13
    [None, None, "رصيد مرحل", None, None, None, 119450.0],
    [None, None, "صفحة ٢ من ٣", None, None, None, None],
    ["التاريخ", "تاريخ القيمة", "البيان", None, "مدين", "دائن", "الرصيد"],              # 16
    [None, None, "الرصيد المرحل من الصفحة السابقة", None, None, None, 119450.0],
    [datetime(2026, 11, 24), datetime(2026, 11, 24), "عمولة تحويل", None, 35.0, None,
     119415.0],
    [datetime(2026, 11, 26), datetime(2026, 11, 26), "تحويل وارد من شركة النور للتجارة فاتورة 1060",
     "FT26330NR07", None, 9125.5, 128540.5],
    [None, None, "مجموع الصفحة", None, 35.0, 9125.5, None],                             # 20
    [None, None, "رصيد مرحل", None, None, None, 128540.5],
    [None, None, "صفحة ٣ من ٣", None, None, None, None],
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_arabic_pages_with_brought_forward_from_the_previous_page(tmp_path, kind):
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "qnb.xlsx", ARABIC_PAGES, typed=False)
    else:  # the same pages saved as CSV: dates and amounts as text
        path = write_csv(tmp_path / "qnb.csv", [
            [f"{c:%d/%m/%Y}" if isinstance(c, datetime) else
             f"{c:,.2f}" if isinstance(c, float) else c or "" for c in row]
            for row in ARABIC_PAGES])
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [15750.0, -6200.0, 3000.0, 22400.0, -35.0, 9125.5]
    assert stmt.lines["Line No"].tolist() == [3, 4, 11, 12, 18, 19]
    assert stmt.lines["Description"].tolist()[1] == "شيك رقم 554120 مسحوب"
    [bal] = stmt.balances
    # 'الرصيد المرحل من الصفحة السابقة' is brought forward (مرحل, but from the page before):
    # it was read as a closing balance, and the file had no opening
    assert (bal.opening, bal.closing, bal.difference) == (84500.0, 128540.5, 0.0)
    assert told(stmt) == [
        ("C7", "البيان", "صفحة ١ من ٣", "page numbers ('صفحة ١ من ٣', rows 7, 15, 22): "
         "the statement's page breaks, not a transaction; left out")]


def test_a_line_copied_twice_at_a_page_break(tmp_path):
    # the last line of page 1 pasted again at the top of page 2
    rows = [*PAGES[:18], PAGES[8], *PAGES[18:]]
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == AMOUNTS  # kept once
    assert stmt.balances[0].difference == 0.0
    assert told(stmt)[1] == (
        "A19", "Date", "05/11/2026", "this line repeats row 9, the last line of the page "
        "before, cell for cell, with the same running balance: the line copied twice at the "
        "page break; left out")
    # without a running balance it may be a second charge of the day: kept, and said
    rows = [r[:6] for r in rows]
    stmt = read_statement(write_csv(tmp_path / "cib.csv", rows))
    assert stmt.lines["Amount"].tolist() == [*AMOUNTS[:4], -75.0, *AMOUNTS[4:]]
    [copy] = [i for i in stmt.issues if i.cell == "A19"]
    assert copy.message.endswith("the file has no running balance to tell a line copied "
                                 "twice at the page break from two like transactions: kept, "
                                 "so check it against the bank's statement")


def test_paged_statement_reconciled_end_to_end(tmp_path):
    book = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Delta Motors", "EGP", 30, 500000])
    ws.append(["C2", "Nile Foods", "EGP", 30, 500000])
    ws.append(["C3", "Gulf Star Trading", "EGP", 30, 500000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for no, cust, day, amount in (("INV-2026-0101", "C1", 1, 45600.0),
                                  ("INV-2026-0107", "C2", 5, 18240.5),
                                  ("INV-2026-0112", "C3", 9, 32000.0),
                                  ("INV-2026-0118", "C1", 14, 21150.0),
                                  ("INV-2026-0125", "C2", 20, 9800.0)):
        inv.append([no, cust, datetime(2026, 10, day), amount])
    wb.create_sheet("Payments").append(["Payment ID", "Customer ID", "Date", "Amount",
                                        "Invoice No"])
    wb.save(book)
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(write_xlsx(tmp_path / "cib.xlsx", PAGES)),
                 "-o", str(out)]) == 0
    rec = read_tab(out, "Reconciliation", "Item").set_index("Item")["Amount"]
    assert (rec["Opening balance"], rec["Closing balance (statement)"],
            rec["Difference"]) == (125000.0, 188935.25, 0.0)
    matches = read_tab(out, "Bank Matches", "Bank Line")
    assert sorted(matches.loc[matches["Status"] == "Matched", "Invoice No"]) == [
        "INV-2026-0101", "INV-2026-0107", "INV-2026-0112", "INV-2026-0118", "INV-2026-0125"]


# --- 3. a positive debit in a column that writes debits with a minus -----------------------

MINUS_DEBITS = [  # an ADCB-style Excel export: every withdrawal with a minus
    ["Transaction Date", "Narrative", "Withdrawals", "Deposits", "Balance"],
    ["01/11/2026", "Opening Balance", None, None, 50000.0],
    ["02/11/2026", "IPP CREDIT SKY FREIGHT FZE INV 2207", None, 4100.0, 54100.0],
    ["03/11/2026", "DEWA BILL PAYMENT", -1250.75, None, 52849.25],
    ["04/11/2026", "SALIK RECHARGE", -200.0, None, 52649.25],
    ["05/11/2026", "CHARGES REVERSAL", 52.5, None, 52701.75],  # row 6: the balance rises
    ["06/11/2026", "CHEQUE 000412 CLEARED", 3000.0, None, 49701.75],  # row 7: it falls
    ["08/11/2026", "ETISALAT BILL", -310.25, None, 49391.5],
]


def _minus_debits(tmp_path: Path, kind: str, rows: list[list[object]]) -> Path:
    if kind == "xlsx":
        return write_xlsx(tmp_path / "adcb.xlsx", rows)
    return write_csv(tmp_path / "adcb.csv", [[f"{c:,.2f}" if isinstance(c, float) else c or ""
                                              for c in row] for row in rows])


@pytest.mark.parametrize(("kind", "cells"), [("xlsx", (52.5, 3000.0, "3000.0")),
                                             ("csv", ("52.50", "3,000.00", "3,000.00"))])
def test_a_positive_debit_among_minus_debits_is_read_as_the_balance_shows(tmp_path, kind,
                                                                         cells):
    stmt = read_statement(_minus_debits(tmp_path, kind, MINUS_DEBITS))
    assert stmt.lines["Amount"].tolist() == [4100.0, -1250.75, -200.0, 52.5, -3000.0, -310.25]
    reversal, cheque, written = cells
    assert told(stmt) == [
        ("C6", "Withdrawals", reversal, f"Withdrawals '{reversal}' is positive, where the "
         "column writes its debits with a minus, and the running balance rises by it: read "
         "as money in (52.50), a debit reversed"),
        ("C7", "Withdrawals", cheque, f"Withdrawals '{written}' is positive, where the "
         "column writes its debits with a minus: read as money out (-3,000.00), as the "
         "running balance falls by it")]  # and the balance follows every line: no more


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_positive_debit_among_minus_debits_without_a_balance_is_money_out_and_said(
        tmp_path, kind):
    rows = [r[:4] for r in MINUS_DEBITS if r[1] != "Opening Balance"]
    stmt = read_statement(_minus_debits(tmp_path, kind, rows))
    assert stmt.lines["Amount"].tolist() == [4100.0, -1250.75, -200.0, -52.5, -3000.0, -310.25]
    assert [i.cell for i in stmt.issues if i.column == "Withdrawals"] == ["C5", "C6"]
    written = "3000.0" if kind == "xlsx" else "3,000.00"
    assert stmt.issues[-1].message == (
        f"Withdrawals '{written}' is positive, where the column writes its debits with a "
        "minus: read as money out (-3,000.00), as its column says; the file has no running "
        "balance to confirm it, so check it against the bank's statement")


# --- 4. whether a row moves the running balance, by the two-column rules -------------------

def test_readings_of_a_debit_credit_row():
    assert readings_of(None, 500.0) == [500.0]
    assert readings_of(120.5, None) == [-120.5]
    assert readings_of(None, -3000.0) == [3000.0, -3000.0]  # a cheque returned unpaid
    assert readings_of(-250.0, None) == [-250.0, 250.0]  # a charge refunded
    assert readings_of(35.0, 1000.0) == [965.0, 1000.0, -35.0]  # each side alone too
    assert readings_of(None, None) == []


TOTAL_ENERGIES = [  # dates printed once a day; two lines of the day open 'TOTAL ENERGIES'
    ["Date", "Description", "Debit", "Credit", "Balance"],
    ["", "Opening balance", "", "", "10,000.00"],
    ["05/11/2026", "TT IN NILE FOODS INV-1001", "", "2,000.00", "12,000.00"],
    ["", "TOTAL ENERGIES EGYPT REFUND", "-250.00", "", "12,250.00"],  # row 4
    ["", "TOTAL ENERGIES FUEL CARD", "35.00", "1,000.00", "13,250.00"],  # row 5
    ["16/11/2026", "BANK CHARGES", "15.00", "", "13,235.00"],
    ["", "Closing balance", "", "", "13,235.00"],
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_line_opening_like_a_total_moves_the_balance_by_a_two_column_reading(tmp_path,
                                                                               kind):
    cols = {"Date": 0, "Description": 1, "Debit": 2, "Credit": 3, "Balance": 4}
    data = TOTAL_ENERGIES[1:]
    # the balance rises by the refund (a negative debit read as a reversal) and by the
    # credit alone of the row with both sides: both are lines. They were taken for totals
    # rows (credit less debit moves it by -250.00 and 965.00), left out, and the
    # statement did not tie out by 1,250.00
    assert balance_says(data, 2, cols, ".") is True
    assert balance_says(data, 3, cols, ".") is True
    assert balance_says(data, 4, cols, ".") is True
    stmt = read_statement(write_csv(tmp_path / "bank.csv", TOTAL_ENERGIES) if kind == "csv"
                          else write_xlsx(tmp_path / "bank.xlsx", TOTAL_ENERGIES))
    assert stmt.lines["Description"].tolist() == [
        "TT IN NILE FOODS INV-1001", "TOTAL ENERGIES EGYPT REFUND", "TOTAL ENERGIES FUEL CARD",
        "BANK CHARGES"]
    assert stmt.lines["Amount"].tolist() == [2000.0, 250.0, 1000.0, -15.0]
    assert stmt.balances[0].difference == 0.0
    # each reading told: the refund at its Debit cell, the row of both sides as a row
    assert [i.cell for i in stmt.issues if i.cell] == ["C4", "row 5"]
    # a true totals row still does not move it
    totals = [*TOTAL_ENERGIES[:4], ["", "Total", "250.00", "2,000.00", ""]]
    assert balance_says(totals[1:], 3, cols, ".") is None


def test_kuwaiti_dinar_pages_with_minus_debits_and_page_totals_without(tmp_path):
    # NBK-style: debits with a minus on the lines, the page totals without one (they are
    # not lines: they do not decide how the column writes its debits); fils to 3 decimals
    text = ("Posting Date,Description,Debit,Credit,Balance\n"
            ",Balance B/F,,,\"12,500.000\"\n"
            "01/11/2026,SALARY TRANSFER ALSHAYA,,\"1,250.500\",\"13,750.500\"\n"
            "03/11/2026,KNET PURCHASE,-45.250,,\"13,705.250\"\n"
            ",Page Total,45.250,\"1,250.500\",\n"
            ",Balance C/F,,,\"13,705.250\"\n"
            "Page 1 of 2,,,,\n"
            "Posting Date,Description,Debit,Credit,Balance\n"
            ",Balance B/F,,,\"13,705.025\"\n"  # row 9: the fils mistyped
            "05/11/2026,CHEQUE 00213 PAID,\"-2,000.000\",,\"11,705.250\"\n"
            ",Page Total,\"2,000.000\",,\n"
            ",Closing Balance,,,\"11,705.250\"\n"
            "Page 2 of 2,,,,\n")
    stmt = read_statement(write_csv_text(tmp_path / "nbk.csv", text))
    assert stmt.lines["Amount"].tolist() == [1250.5, -45.25, -2000.0]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (12500.0, 11705.25, 0.0)
    assert told(stmt) == [
        ("A7", "Posting Date", "Page 1 of 2", "page numbers ('Page 1 of 2', rows 7, 13): "
         "the statement's page breaks, not a transaction; left out"),
        ("E9", "Balance", 13705.025, "'Balance B/F' between pages is 13,705.025, but the "
         "running balance there is 13,705.250 (the balance of row 6 ('Balance C/F') above "
         "it; difference -0.225): a line may be missing at the page break, or misread")]


def write_csv_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
