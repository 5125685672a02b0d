"""Statement files mapped by column letter or number (``--bank-columns "Date=A;Amount=D"``):
headerless CSV/XLSX exports the importer cannot read from their values alone, with exact rows,
amounts and dates; a header of the file is still found by name first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.column_positions import column_place
from ar_excel.errors import InputError
from ar_excel.jobs.reconcile import bank_columns
from ar_excel.model import column_letter


def write(tmp_path: Path, text: str, name: str = "bank.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def dates(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


# no header; two date columns (booking, value) and money out / money in / balance: the
# columns cannot be told apart from their values alone
HEADERLESS = ("03/11/2026,04/11/2026,TRF FROM NILE FOODS INV-1001,,\"1,250.00\",\"11,250.00\"\n"
              "05/11/2026,05/11/2026,BANK CHARGES,15.50,,\"11,234.50\"\n"
              "17/11/2026,18/11/2026,CHQ DEP 778 DELTA,,300.00,\"11,534.50\"\n")


def test_places_are_letters_or_numbers():
    assert [column_place(v) for v in ("A", "d", "AD", "column C", "col 3", "#4", "12", "XFD")] \
        == [0, 3, 29, 2, 2, 3, 11, 16383]
    assert [column_place(v) for v in ("XFE", "0", "Amount", "Buchungstag", "", None, 3)] \
        == [None] * 7
    assert [column_letter(i) for i in (0, 25, 26, 29, 16383)] == ["A", "Z", "AA", "AD", "XFD"]


def test_headerless_csv_is_refused_with_how_to_name_columns_by_letter(tmp_path):
    with pytest.raises(InputError, match=r"Date=A;Amount=D;Description=C"):
        read_statement(write(tmp_path, HEADERLESS))


def test_headerless_csv_mapped_by_letter(tmp_path):
    mapping = bank_columns("Date=A;Value Date=B;Description=C;Debit=D;Credit=E;Balance=F")
    stmt = read_statement(write(tmp_path, HEADERLESS), mapping=mapping)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1250.0, -15.5, 300.0]
    assert lines["Date"].tolist() == dates("2026-11-03", "2026-11-05", "2026-11-17")
    assert lines["Value Date"].tolist() == dates("2026-11-04", "2026-11-05", "2026-11-18")
    assert lines["Description"].tolist() == ["TRF FROM NILE FOODS INV-1001", "BANK CHARGES",
                                             "CHQ DEP 778 DELTA"]
    assert lines["Balance"].tolist() == [11250.0, 11234.5, 11534.5]
    assert lines["Line No"].tolist() == [1, 2, 3]  # the first row is a line, not a header
    assert stmt.issues == []  # the running balance agrees


def test_headerless_csv_mapped_by_number_reports_bad_cells_by_column_letter(tmp_path):
    text = HEADERLESS + "31/11/2026,31/11/2026,WRONG DATE,,10.00,\"11,544.50\"\n"
    stmt = read_statement(write(tmp_path, text),
                          mapping=bank_columns("Date=1;Description=3;Debit=4;Credit=5"))
    assert stmt.lines["Amount"].tolist() == [1250.0, -15.5, 300.0]
    [bad] = stmt.issues
    assert (bad.cell, bad.column, bad.value) == ("A4", "column A", "31/11/2026")


def test_headerless_xlsx_below_account_lines(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Account", "1002003004"])
    ws.append(["Opening balance", 10000])
    ws.append([])
    ws.append([datetime(2026, 11, 3), "INV-1001 NILE FOODS", "CR", 1250.0, 11250.0])
    ws.append([datetime(2026, 11, 5), "CHARGES", "DR", 15.5, 11234.5])
    path = tmp_path / "bank.xlsx"
    wb.save(path)
    stmt = read_statement(path, mapping=bank_columns("Date=A;Description=B;Amount=D;Balance=E"))
    assert stmt.lines["Amount"].tolist() == [1250.0, -15.5]  # the CR/DR column found by values
    assert stmt.lines["Date"].tolist() == dates("2026-11-03", "2026-11-05")
    assert stmt.lines["Line No"].tolist() == [4, 5]
    assert stmt.balances[0].opening == 10000.0  # the account lines above stay the preamble
    assert stmt.issues == []


def test_letters_on_a_file_whose_header_nobody_reads(tmp_path):
    text = ("Konto 12345\n"
            "Tag;Text;Summe;Waehrung\n"
            "05.03.2024;NILE FOODS INV-2024-0107;1.250,00;EUR\n"
            "06.03.2024;GEBUEHR;-4,90;EUR\n")
    stmt = read_statement(write(tmp_path, text),
                          mapping=bank_columns("Date=A;Amount=C;Description=B;decimal=,"))
    assert stmt.lines["Amount"].tolist() == [1250.0, -4.9]
    assert stmt.lines["Date"].tolist() == dates("2024-03-05", "2024-03-06")
    assert stmt.lines["Currency"].tolist() == ["EUR", "EUR"]  # its header read as usual
    assert stmt.lines["Line No"].tolist() == [3, 4]


def test_a_header_that_looks_like_a_letter_is_a_header(tmp_path):
    text = ("Date,Details,Amt,CCY\n"
            "01/11/2026,FEE,-5.00,USD\n")
    stmt = read_statement(write(tmp_path, text), mapping=bank_columns("Amount=Amt;Currency=CCY"))
    assert stmt.lines["Currency"].tolist() == ["USD"]
    assert stmt.lines["Amount"].tolist() == [-5.0]


def test_a_place_outside_the_file_or_named_twice(tmp_path):
    path = write(tmp_path, HEADERLESS)
    with pytest.raises(InputError, match=r"puts Amount in column H \(number 8\), but the file's "
                                         r"rows have 6 columns \(A to F\)"):
        read_statement(path, mapping=bank_columns("Date=A;Amount=H"))
    with pytest.raises(InputError, match="puts both Date and Amount in column A"):
        read_statement(path, mapping=bank_columns("Date=A;Amount=1"))
    with pytest.raises(InputError, match="no row in the first 40 has a date and an amount"):
        read_statement(path, mapping=bank_columns("Date=C;Amount=D"))


def test_an_opening_balance_line_right_above_the_first_line_stays_a_balance(tmp_path):
    text = ("Opening balance,,,\"10,000.00\"\n"
            "03/11/2026,TRF FROM NILE FOODS,\"1,250.00\",\"11,250.00\"\n"
            "05/11/2026,BANK CHARGES,-15.50,\"11,234.50\"\n")
    stmt = read_statement(write(tmp_path, text),
                          mapping=bank_columns("Date=A;Description=B;Amount=C;Balance=D"))
    assert stmt.lines["Amount"].tolist() == [1250.0, -15.5]
    assert stmt.balances[0].opening == 10000.0
    assert stmt.issues == []


def test_header_row_named_in_the_mapping_and_one_that_is_no_row_of_the_file(tmp_path):
    path = write(tmp_path, "Account 123\nDatum;Betrag;Text\n01/11/2026;100,00;ACME\n"
                           "15/11/2026;-5,00;Fee\n")
    stmt = read_statement(path, mapping=bank_columns(
        "Date=Datum;Amount=Betrag;Description=Text;header_row=2;decimal=,"))
    assert stmt.lines["Amount"].tolist() == [100.0, -5.0]
    assert stmt.lines["Description"].tolist() == ["ACME", "Fee"]
    for asked in ("x", "0", "9"):
        for named in ("Date=Datum;Amount=Betrag", "Date=A;Amount=B"):
            with pytest.raises(InputError, match=rf"bank\.csv: header_row '{asked}' is not a row "
                                                 r"of the file: .* 1 to 4$"):
                read_statement(path, mapping=bank_columns(f"{named};header_row={asked}"))
