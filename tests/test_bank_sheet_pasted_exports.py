"""A bank's export pasted into the workbook's Bank Statement sheet is read as the export is.

The sheet goes through the statement importer of bank files (``bank.workbook_sheet``): the
account details above the header, Debit | Credit columns, amounts as text with ``EGP`` or
``ج.م`` after them, Arabic headers and digits, a D/C mark column, totals and balance rows.
Every issue names the sheet's own cell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank.workbook_sheet import statement_of_sheet, table_rows, workbook_statement
from ar_excel.cli import main
from ar_excel.errors import InputError
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

AR = {
    "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                  ["C1", "Nile Foods Co", "EGP", 30], ["C2", "Delta Trading", "EGP", 30]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["INV-101", "C1", dt.date(2026, 10, 20), 37000],
                 ["INV-102", "C2", dt.date(2026, 10, 22), 12500]],
}

CIB_HEADER = ["Transaction Date", "Value Date", "Description", "Reference", "Debit", "Credit",
              "Balance"]
CIB = [
    ["Commercial International Bank (CIB) - Account Statement"],
    ["Account Number", "100012345678", None, "Currency", "EGP"],
    ["Period", "01/11/2026 - 30/11/2026"],
    [],
    CIB_HEADER,
    ["01/11/2026", "01/11/2026", "Opening Balance", None, None, None, "1,000,000.00 EGP"],
    ["05/11/2026", "05/11/2026", "INWARD TRF NILE FOODS CO INV-101", "FT2631", None,
     "37,000.00 EGP", "1,037,000.00 EGP"],
    ["09/11/2026", "10/11/2026", "CHQ DEP DELTA TRADING INV-102", "CHQ-88", None,
     "12,500.00 EGP", "1,049,500.00 EGP"],
    ["12/11/2026", "12/11/2026", "BANK CHARGES", "CH99", "150.00 EGP", None,
     "1,049,350.00 EGP"],
    [None, None, "Total", None, "150.00 EGP", "49,500.00 EGP", None],
    ["30/11/2026", None, "Closing Balance", None, None, None, "1,049,350.00 EGP"],
]


def _book(tmp_path: Path, rows: list[list], merges: list[str] | None = None,
          name: str = "Bank Statement") -> Path:
    return save_sheets(tmp_path / "ar.xlsx", {**AR, name: rows},
                       merges={name: merges or []})


def _statement(path: Path):
    book = read_book(path)
    return book, workbook_statement(book)


def _tab(out: Path, name: str) -> pd.DataFrame:
    frame = pd.read_excel(out, sheet_name=name, header=None)
    at = frame.index[frame[0].astype(str).isin(["Item", "Sheet", "Bank Line"])][0]
    return pd.read_excel(out, sheet_name=name, header=at)


def test_a_pasted_export_with_account_details_above_its_header(tmp_path):
    _, stmt = _statement(_book(tmp_path, CIB, merges=["A1:G1"]))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [37000.0, 12500.0, -150.0]
    assert lines["Date"].tolist() == [pd.Timestamp(2026, 11, 5), pd.Timestamp(2026, 11, 9),
                                      pd.Timestamp(2026, 11, 12)]
    assert lines["Value Date"].tolist()[1] == pd.Timestamp(2026, 11, 10)
    assert lines["Reference"].tolist() == ["FT2631", "CHQ-88", "CH99"]
    assert lines["Balance"].tolist() == [1037000.0, 1049500.0, 1049350.0]
    assert lines["Line No"].tolist() == [7, 8, 9]  # the sheet's rows
    assert lines["Currency"].tolist() == ["EGP"] * 3
    assert stmt.issues == []  # the totals row agrees with the lines; the balances tie out
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        "100012345678", 1_000_000.0, 1_049_350.0, 49_500.0, 150.0, 0.0)


def test_the_reconciliation_of_a_pasted_export(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path, CIB)), "-o", str(out)]) == 0
    matches = _tab(out, "Bank Matches")
    assert matches[["Invoice No", "Applied Amount", "Status", "Line No"]].values.tolist() == [
        ["INV-101", 37000, "Matched", 7], ["INV-102", 12500, "Matched", 8]]
    summary = _tab(out, "Reconciliation").set_index("Item")
    assert summary.loc["Opening balance", "Amount"] == 1_000_000.00
    assert summary.loc["Closing balance (statement)", "Amount"] == 1_049_350.00
    assert summary.loc["Difference", "Note"] == "ties out"
    assert summary.loc["Credits (money in)", "Lines"] == 2


def test_a_sheet_the_workbook_reader_could_not_read_is_read_by_the_importer(tmp_path):
    # "Account Number | .. | Currency | EGP" names two Bank Statement columns: the reader
    # takes it for the header and finds no Date there
    path = _book(tmp_path, CIB)
    book, stmt = _statement(path)
    assert book.table("Bank Statement") is None
    assert stmt.lines["Amount"].tolist() == [37000.0, 12500.0, -150.0]
    assert stmt.lines["Line No"].tolist() == [7, 8, 9]
    assert not any(i.sheet == "Bank Statement" for i in book.issues)  # answered: withdrawn
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(path), "-o", str(out)]) == 0
    issues = _tab(out, "Input Issues") if "Input Issues" in pd.ExcelFile(out).sheet_names \
        else pd.DataFrame({"Message": []})
    assert not issues["Message"].astype(str).str.contains("no column for Date").any()
    assert _tab(out, "Bank Matches")["Status"].tolist() == ["Matched", "Matched"]


def test_a_month_end_run_reads_a_sheet_the_reader_could_not(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["run", str(_book(tmp_path, CIB)), "--as-of", "2026-11-30", "-o",
                 str(out)]) == 0
    assert _tab(out, "Bank Matches")["Invoice No"].tolist() == ["INV-101", "INV-102"]


NBE_ARABIC = [
    ["البنك الأهلي المصري - كشف حساب"],
    ["رقم الحساب", "0123456789012", None, "العملة", "جنيه مصري"],
    ["من", "01/11/2026", "إلى", "30/11/2026"],
    [],
    ["تاريخ العملية", "تاريخ القيمة", "البيان", "مدين", "دائن", "الرصيد"],
    ["٠١/١١/٢٠٢٦", "٠١/١١/٢٠٢٦", "رصيد افتتاحي", None, None, "٥٠٠٬٠٠٠٫٠٠ ج.م"],
    ["٠٥/١١/٢٠٢٦", "٠٥/١١/٢٠٢٦", "تحويل وارد من شركة النيل للأغذية فاتورة INV-101", None,
     "37,000.00 ج.م", "537,000.00 ج.م"],
    ["١٢/١١/٢٠٢٦", "١٣/١١/٢٠٢٦", "مصاريف بنكية", "150.00 ج.م", None, "536,850.00 ج.م"],
    [None, None, "الإجمالي", "150.00 ج.م", "37,000.00 ج.م", None],
    ["٣٠/١١/٢٠٢٦", None, "رصيد ختامي", None, None, "536,850.00 ج.م"],
]


def test_arabic_headers_digits_and_pound_suffixes(tmp_path):
    _, stmt = _statement(_book(tmp_path, NBE_ARABIC, name="كشف الحساب البنكي"))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [37000.0, -150.0]
    assert lines["Date"].tolist() == [pd.Timestamp(2026, 11, 5), pd.Timestamp(2026, 11, 12)]
    assert lines["Value Date"].tolist() == [pd.Timestamp(2026, 11, 5),
                                            pd.Timestamp(2026, 11, 13)]
    assert lines["Description"].tolist() == ["تحويل وارد من شركة النيل للأغذية فاتورة INV-101",
                                             "مصاريف بنكية"]
    assert lines["Currency"].tolist() == ["EGP", "EGP"]
    assert lines["Line No"].tolist() == [7, 8]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (500_000.0, 536_850.0, 0.0)


def test_a_totals_row_that_disagrees_is_said_at_its_cell(tmp_path):
    rows = [["Date", "Description", "Debit", "Credit", "Balance"],
            [dt.date(2026, 11, 1), "Opening Balance", None, None, 5000],
            [dt.date(2026, 11, 5), "INWARD TRF NILE FOODS CO INV-101", None, "37,000.00 EGP",
             "42,000.00 EGP"],
            [dt.date(2026, 11, 6), "CHQ DEP 1234", None, "1,000.00 EGP", "43,000.00"],
            [None, "Total", None, "39,000.00", None]]
    _, stmt = _statement(_book(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [37000.0, 1000.0]
    assert [(i.sheet, i.cell, i.column, i.value) for i in stmt.issues] == [
        ("Bank Statement", "D5", "Credit", "Total")]
    assert "'Total' says credits 39,000.00; the lines above add up to credits 38,000.00" \
        in stmt.issues[0].message


def test_a_debit_credit_mark_column_and_an_unreadable_amount(tmp_path):
    rows = [["Emirates NBD - Account Statement"],
            ["Account", "1014567890101", "IBAN", "AE070260001014567890101"],
            ["Date", "Value Date", "Description", "Cheque/Ref", "Amount", "Dr/Cr", "Balance"],
            ["01-Nov-2026", "01-Nov-2026", "INWARD TT NILE FOODS CO INV-101", "TT2611",
             "37,000.00", "CR", "137,000.00"],
            ["03-Nov-2026", "03-Nov-2026", "ATM WDL", None, "1,500.00", "DR", "135,500.00"],
            ["04-Nov-2026", "04-Nov-2026", "POS PURCHASE", None, "abc", "DR", "135,500.00"]]
    _, stmt = _statement(_book(tmp_path, rows, merges=["A1:G1"]))
    assert stmt.lines["Amount"].tolist() == [37000.0, -1500.0]
    assert stmt.lines["Reference"].tolist() == ["TT2611", None]
    assert stmt.lines["Line No"].tolist() == [4, 5]
    assert [(i.sheet, i.cell, i.column, i.value) for i in stmt.issues] == [
        ("Bank Statement", "E6", "Amount", "abc")]
    assert stmt.issues[0].message.endswith("the line was left out")


def test_a_closing_balance_that_does_not_tie_out_is_said_at_its_cell(tmp_path):
    rows = [r[:] for r in CIB]
    rows[-1][-1] = "1,050,000.00 EGP"
    _, stmt = _statement(_book(tmp_path, rows))
    (said,) = [i for i in stmt.issues if "does not tie out" in i.message]
    assert (said.sheet, said.cell, said.column) == ("Bank Statement", "G11", "Balance")
    assert said.value == -650.0


def test_two_lines_under_a_date_printed_once_take_it(tmp_path):
    # a statement printing each day's date on its first line only, pasted as it came
    rows = [["Date", "Description", "Debit", "Credit"],
            ["05/11/2026", "INWARD TRF NILE FOODS CO INV-101", None, "37,000.00"],
            [None, "CHQ DEP DELTA TRADING INV-102", None, "12,500.00"],
            ["06/11/2026", "BANK CHARGES", "150.00", None],
            [None, "VAT ON CHARGES", "21.00", None]]
    _, stmt = _statement(_book(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [37000.0, 12500.0, -150.0, -21.0]
    assert stmt.lines["Date"].dt.day.tolist() == [5, 5, 6, 6]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [("", "Date", 2)]  # once
    assert "took the date of the dated row above it" in stmt.issues[0].message


def test_one_line_without_its_date_is_said_at_its_cell(tmp_path):
    rows = [["Date", "Description", "Amount"],
            ["05/11/2026", "INWARD TRF NILE FOODS CO INV-101", 37000],
            [None, "CHQ DEP DELTA TRADING INV-102", 12500],
            ["06/11/2026", "BANK CHARGES", -150]]
    _, stmt = _statement(_book(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [37000.0, -150.0]
    assert [(i.sheet, i.cell, i.column) for i in stmt.issues] == [("Bank Statement", "A3",
                                                                    "Date")]


def test_the_contract_columns_read_as_the_reader_named_them(tmp_path):
    # "Transaction Reference" is an alias of both Reference and Bank Ref: the column the
    # workbook reader took it for is the one it is read as
    rows = [["Date", "Description", "Amount", "Transaction Reference", "Counterparty"],
            ["05/11/2026", "INWARD TRF INV-101", 37000, "FT001", "NILE FOODS CO"],
            ["06/11/2026", "INWARD TRF INV-102", 12500, "FT002", "DELTA TRADING"]]
    book, stmt = _statement(_book(tmp_path, rows))
    table = book.table("Bank Statement")
    taken = next(c for c in ("Reference", "Bank Ref") if c in table.letters
                 and table.letters[c] == "D")
    assert stmt.lines[taken].tolist() == ["FT001", "FT002"]
    assert stmt.lines["Counterparty"].tolist() == ["NILE FOODS CO", "DELTA TRADING"]


def test_without_the_workbook_the_tables_own_rows_are_read(tmp_path):
    rows = [["Commercial International Bank (CIB) - Account Statement"], [], *CIB[4:]]
    table = read_book(_book(tmp_path, rows)).table("Bank Statement")
    assert table_rows(table)[2][:7] == CIB_HEADER  # the header at its own row and columns
    stmt = statement_of_sheet(table, table.sheet)  # (no loader: the table's rows)
    assert stmt.lines["Amount"].tolist() == [37000.0, 12500.0, -150.0]
    assert stmt.lines["Line No"].tolist() == [5, 6, 7]
    (bal,) = stmt.balances  # (the reader's rows: its totals row is not among them)
    assert (bal.opening, bal.closing, bal.difference) == (1_000_000.0, 1_049_350.0, 0.0)


@pytest.mark.parametrize("mapping", [{"Date": "Buchungstag", "Amount": "Betrag"},
                                     {"Date": "Value Date"}])
def test_bank_columns_named_for_a_file_do_not_stop_the_sheet(tmp_path, mapping):
    book = read_book(_book(tmp_path, CIB))
    stmt = workbook_statement(book, mapping)
    assert stmt.lines["Amount"].tolist() == [37000.0, 12500.0, -150.0]
    # the Policy's bank_columns decide where they name the sheet's headers
    days = [5, 10, 12] if mapping["Date"] == "Value Date" else [5, 9, 12]
    assert stmt.lines["Date"].dt.day.tolist() == days


def test_the_clerks_own_columns_leave_no_line_out(tmp_path):
    # a Status column the clerk keeps ("Pending": not reconciled yet) is no bank's booking
    # status; an Invoice No typed beside a line is its reference
    rows = [["Date", "Description", "Amount", "Status", "Invoice No", "Notes"],
            ["05/11/2026", "INWARD TRF NILE FOODS", 37000, "Pending", "INV-101", "called"],
            ["06/11/2026", "CHQ DEP", 12500, "Matched", "INV-102", None],
            ["07/11/2026", "BANK CHARGES", -150, "Cancelled", None, "fee waived?"]]
    _, stmt = _statement(_book(tmp_path, rows))
    assert stmt.lines["Amount"].tolist() == [37000.0, 12500.0, -150.0]
    assert stmt.lines["Line No"].tolist() == [2, 3, 4]
    assert stmt.lines["Reference"].tolist() == ["INV-101", "INV-102", None]
    assert stmt.issues == []


def test_the_posting_date_is_the_lines_date_beside_a_transaction_date(tmp_path):
    rows = [["Posting Date", "Transaction Date", "Description", "Debit", "Credit"],
            ["02/11/2026", "01/11/2026", "INWARD TRF NILE FOODS INV-101", None, "37,000.00"],
            ["13/11/2026", "12/11/2026", "POS PURCHASE", "125.50", None]]
    _, stmt = _statement(_book(tmp_path, rows))
    assert stmt.lines["Date"].dt.day.tolist() == [2, 13]
    assert stmt.lines["Amount"].tolist() == [37000.0, -125.50]


def test_a_sheet_without_one_usable_line_names_its_first_bad_cell(tmp_path):
    rows = [["Date", "Description", "Amount"], ["xx", "A", "1"], ["yy", "B", "2"]]
    book = read_book(_book(tmp_path, rows))
    with pytest.raises(InputError, match=r"^Bank Statement: no line of the statement could be "
                                         r"used; the first problem: A2 \(Date\): date 'xx'"):
        workbook_statement(book)


@pytest.mark.parametrize("rows", [[], [["Paste the bank statement here"]]])
def test_a_bank_statement_sheet_left_empty_is_no_statement(tmp_path, rows, capsys):
    path = _book(tmp_path, rows)
    book = read_book(path)
    assert workbook_statement(book) is None
    out = tmp_path / "out.xlsx"
    assert main(["run", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert "reconcile: skipped, no bank statement" in capsys.readouterr().out
