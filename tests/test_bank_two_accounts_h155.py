"""One export of two accounts, one under the other, each under its own account lines and
header (helper-155): each is a statement of its own, with its own balances tied out."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets

TWO_ACCOUNTS = [
    ["Account Number", "0101555001"], ["Currency", "AED"],
    ["Date", "Description", "Debit", "Credit", "Balance"],
    ["01/11/2026", "Opening Balance", "", "", "10,000.00"],
    ["05/11/2026", "TT IN NOOR TRADING INV-101", "", "5,000.00", "15,000.00"],
    ["30/11/2026", "Closing Balance", "", "", "15,000.00"],
    [],
    ["Account Number", "0101555002"], ["Currency", "USD"],
    ["Date", "Description", "Debit", "Credit", "Balance"],
    ["01/11/2026", "Opening Balance", "", "", "2,000.00"],
    ["06/11/2026", "SWIFT IN ACME INC INV-102", "", "1,250.00", "3,250.00"],
    ["07/11/2026", "SWIFT CHARGES", "15.00", "", "3,235.00"],
    ["30/11/2026", "Closing Balance", "", "", "3,235.00"],
]


def _write(tmp_path: Path, kind: str, rows: list[list[str]]) -> Path:
    if kind == "csv":
        path = tmp_path / "accounts.csv"
        path.write_text("".join(",".join(f'"{c}"' if "," in c else c for c in r) + "\n"
                                for r in rows), encoding="utf-8")
        return path
    return save_sheets(tmp_path / "accounts.xlsx", {"Sheet": rows})


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_two_accounts_one_under_the_other_are_two_statements(tmp_path, kind):
    stmt = read_statement(_write(tmp_path, kind, TWO_ACCOUNTS))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [5000.0, 1250.0, -15.0]
    assert lines["Currency"].tolist() == ["AED", "USD", "USD"]
    assert lines["Line No"].tolist() == [5, 12, 13]
    assert lines["Statement"].tolist() == ["0101555001", "0101555002", "0101555002"]
    assert lines["Bank Line"].tolist() == ["0101555001-1", "0101555002-1", "0101555002-2"]
    # read as one, the USD account's closing 3,235.00 closed the AED account's statement:
    # 'does not tie out ... difference 13,000.00', and the second account's number line was
    # reported as a row that is no transaction
    assert [(b.account, b.currency, b.opening, b.closing, b.credits, b.debits, b.difference)
            for b in stmt.balances] == [
        ("0101555001", "AED", 10000.0, 15000.0, 5000.0, 0.0, 0.0),
        ("0101555002", "USD", 2000.0, 3235.0, 1250.0, 15.0, 0.0)]
    assert stmt.issues == []
    assert stmt.source_format == kind


def test_a_page_repeating_the_same_account_lines_is_no_second_account(tmp_path):
    rows = [r[:] for r in TWO_ACCOUNTS[:5]] + [
        ["Page 1 of 2"], ["Account Number", "0101555001"], ["Currency", "AED"],
        TWO_ACCOUNTS[2], ["09/11/2026", "CHQ DEP DELTA", "", "500.00", "15,500.00"],
        ["30/11/2026", "Closing Balance", "", "", "15,500.00"]]
    stmt = read_statement(_write(tmp_path, "csv", rows))
    assert stmt.lines["Amount"].tolist() == [5000.0, 500.0]
    assert stmt.lines["Bank Line"].tolist() == ["1", "2"]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (10000.0, 15500.0, 0.0)


def test_a_second_account_none_of_whose_lines_can_be_read_is_said(tmp_path):
    rows = [r[:] for r in TWO_ACCOUNTS]
    rows[11][0] = "06/13/2026x"
    rows[12][0] = "07/13/2026x"
    stmt = read_statement(_write(tmp_path, "csv", rows))
    assert stmt.lines["Amount"].tolist() == [5000.0]  # the first account's, read
    [said] = stmt.issues
    assert (said.cell, said.value) == ("rows 8-14", "0101555002")
    assert said.message.startswith(
        "the section of account 0101555002: accounts.csv: no line of the statement could be "
        "used; the first problem: A12 (Date): date '06/13/2026x' could not be read")


# one multi-currency account's export: a Currency column, and an opening and a closing balance
# row for each currency; a narrative carried over to a row of its own under a USD line
MULTI_CURRENCY = [
    ["Date", "Description", "Currency", "Amount", "Balance"],
    ["01/11/2026", "Opening Balance", "AED", "", "50,000.00"],
    ["01/11/2026", "Opening Balance", "USD", "", "10,000.00"],
    ["02/11/2026", "TT IN FROM NOOR TRADING INV 902", "AED", "3,672.50", "53,672.50"],
    ["02/11/2026", "TT IN FROM ACME INC", "USD", "1,000.00", "11,000.00"],
    ["", "INV 901", "", "", ""],
    ["03/11/2026", "FX CHARGES", "USD", "-10.00", "10,990.00"],
    ["30/11/2026", "Closing Balance", "AED", "", "53,672.50"],
    ["30/11/2026", "Closing Balance", "USD", "", "10,990.00"],
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_each_currency_with_its_own_balances_ties_out_on_its_own(tmp_path, kind):
    stmt = read_statement(_write(tmp_path, kind, MULTI_CURRENCY))
    lines = stmt.lines
    assert lines["Amount"].tolist() == [3672.5, 1000.0, -10.0]
    assert lines["Currency"].tolist() == ["AED", "USD", "USD"]
    assert lines["Line No"].tolist() == [4, 5, 7]
    assert lines["Description"].tolist()[1] == "TT IN FROM ACME INC INV 901"
    assert lines["Statement"].tolist() == ["AED", "USD", "USD"]
    # read as one: opening 50,000.00 (AED) and closing 10,990.00 (USD), 'does not tie out
    # ... difference 43,672.50'
    assert [(b.currency, b.opening, b.closing, b.credits, b.debits, b.difference)
            for b in stmt.balances] == [
        ("AED", 50000.0, 53672.5, 3672.5, 0.0, 0.0),
        ("USD", 10000.0, 10990.0, 1000.0, 10.0, 0.0)]
    assert stmt.issues == []


def test_a_currency_column_without_balances_per_currency_stays_one_statement(tmp_path):
    rows = [r for r in MULTI_CURRENCY if "Balance" not in r[1]]
    stmt = read_statement(_write(tmp_path, "csv", rows))
    assert stmt.lines["Amount"].tolist() == [3672.5, 1000.0, -10.0]
    assert stmt.lines["Bank Line"].tolist() == ["1", "2", "3"]
    assert set(stmt.lines["Statement"]) == {"1"}


AED_SHEET = [["Account", "0101555001"], ["Currency", "AED"],
             ["Date", "Description", "Debit", "Credit", "Balance"],
             ["01/11/2026", "Opening Balance", None, None, "10,000.00"],
             ["05/11/2026", "TT IN NOOR TRADING INV-101", None, "5,000.00", "15,000.00"],
             ["30/11/2026", "Closing Balance", None, None, "15,000.00"]]
USD_SHEET = [["Account", "0101555002"], ["Currency", "USD"],
             ["Date", "Value Date", "Description", "Debit", "Credit", "Balance"],
             ["01/11/2026", None, "Opening Balance", None, None, "2,000.00"],
             ["06/11/2026", "07/11/2026", "SWIFT IN ACME INC INV-102", None, "1,250.00",
              "3,250.00"],
             ["30/11/2026", None, "Closing Balance", None, None, "3,250.00"]]


def test_another_accounts_sheet_with_other_columns_is_read_too(tmp_path):
    stmt = read_statement(save_sheets(tmp_path / "enbd.xlsx", {"AED": AED_SHEET, "USD": USD_SHEET}))
    # before: only the AED sheet; 'the sheet 'USD' holds another table ...; it was not read'
    assert stmt.lines["Amount"].tolist() == [5000.0, 1250.0]
    assert stmt.lines["Currency"].tolist() == ["AED", "USD"]
    assert stmt.lines["Statement"].tolist() == ["AED", "USD"]
    assert str(stmt.lines["Value Date"].iloc[1].date()) == "2026-11-07"
    assert [(b.account, b.opening, b.closing, b.difference) for b in stmt.balances] == [
        ("0101555001", 10000.0, 15000.0, 0.0), ("0101555002", 2000.0, 3250.0, 0.0)]
    assert stmt.issues == []


def test_another_table_of_the_same_account_is_still_not_read(tmp_path):
    pending = [["Account", "0101555001"], ["Currency", "AED"],
               ["Date", "Value Date", "Description", "Debit", "Credit", "Balance"],
               ["30/11/2026", "01/12/2026", "PENDING CHQ 4411", None, "900.00", None]]
    stmt = read_statement(save_sheets(tmp_path / "enbd.xlsx", {"AED": AED_SHEET, "Pending": pending}))
    assert stmt.lines["Amount"].tolist() == [5000.0]
    [said] = stmt.issues
    assert said.message.startswith("the sheet 'Pending' holds another table")


def test_the_header_rows_found_fast_are_every_row_repeating_the_header():
    from ar_excel.bank.account_sections import header_rows
    from ar_excel.bank.cells import row_key

    header = ["Date ", "Description", None, "Debit", "Credit", "Balance"]
    rows = [["Account", "0101"], header,
            ["01/11/2026", "TT IN", None, None, "5.00", "5.00"],
            ["Date", "Description", "Debit", "Credit", "Balance"],  # trimmed, a cell less
            [None, "Date ", "Description", None, "Debit", "Credit", "Balance"],  # moved
            ["Date", "Description", "Debit", "Credit"],  # a cell lost: not the header
            ["02/11/2026", "Date", "Description", "Debit", "Credit", "Balance"]]
    plain = [i for i in range(2, len(rows)) if row_key(rows[i]) == row_key(header)]
    assert header_rows(rows, 1) == plain == [3, 4]


def test_the_currency_written_at_each_amount_is_the_lines(tmp_path):
    path = tmp_path / "fab.csv"
    path.write_text("Date,Description,Amount\n"
                    '02/11/2026,SWIFT IN ACME INC INV 901,"USD 1,000.00"\n'
                    '02/11/2026,IPP IN NOOR TRADING INV 902,"AED 3,672.50"\n'
                    '13/11/2026,SWIFT CHARGES,"USD -10.00"\n'
                    "14/11/2026,ADJUSTMENT,5.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1000.0, 3672.5, -10.0, 5.0]
    # before: every line USD, the first code found: the AED 3,672.50 receipt in dollars; a
    # line naming none keeps the file's currency, as before
    assert stmt.lines["Currency"].tolist() == ["USD", "AED", "USD", "USD"]


def test_account_lines_only_above_a_later_page_open_no_second_account(tmp_path):
    # the clerk deleted the logo and account lines above the first page, not those above
    # the second: one account all the same, its running balance going on
    rows = [TWO_ACCOUNTS[2], *TWO_ACCOUNTS[3:5],
            ["Account Number", "0101555001"], TWO_ACCOUNTS[2],
            ["09/11/2026", "CHQ DEP DELTA", "", "500.00", "15,500.00"],
            ["30/11/2026", "Closing Balance", "", "", "15,500.00"]]
    stmt = read_statement(_write(tmp_path, "csv", rows))
    assert stmt.lines["Amount"].tolist() == [5000.0, 500.0]
    assert set(stmt.lines["Statement"]) == {"1"}
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (10000.0, 15500.0, 0.0)
