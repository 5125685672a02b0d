"""A statement converted from PDF to Excel one sheet per page, the header only on the first
(helper-155): the later sheets are its pages, read under that header, nothing left unread."""

from __future__ import annotations

import pandas as pd

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets

HEADER = ["Date", "Description", "Debit", "Credit", "Balance"]
PAGES = {
    "Table 1": [HEADER,
                ["01/11/2026", "Opening Balance", None, None, "200,000.00"],
                ["03/11/2026", "Incoming transfer Nile Foods INV-101", None, "37,000.00",
                 "237,000.00"],
                ["04/11/2026", "ATM withdrawal", "2,000.00", None, "235,000.00"]],
    "Table 2": [["08/11/2026", "Cheque deposit Delta Trading", None, "12,500.00", "247,500.00"],
                ["09/11/2026", "Stamp duty", "2.50", None, "247,497.50"]],
    "Table 3": [["12/11/2026", "Transfer from Gulf Marine INV-103", None, "3,700.00",
                 "251,197.50"],
                ["30/11/2026", "Closing Balance", None, None, "251,197.50"]],
}


def test_sheets_without_a_header_after_the_first_are_its_pages(tmp_path):
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", PAGES))
    lines = stmt.lines
    # before: only Table 1's two lines; Table 2 and 3 (12,500.00 and 3,700.00 received,
    # 2.50 paid) were left unread without a word
    assert lines["Amount"].tolist() == [37000.0, -2000.0, 12500.0, -2.5, 3700.0]
    assert lines["Bank Line"].tolist() == ["1", "2", "3", "4", "5"]
    assert lines["Line No"].tolist() == [3, 4, 1, 2, 1]  # each row of its own sheet
    assert lines["Date"].tolist()[2] == pd.Timestamp(2026, 11, 8)
    assert set(lines["Statement"]) == {"1"}
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        200000.0, 251197.5, 53200.0, 2002.5, 0.0)
    assert [(i.sheet, i.message) for i in stmt.issues] == [
        ("bm.xlsx", "the statement goes on over the sheets 'Table 2', 'Table 3' without a "
         "header of their own (a PDF converted one sheet per page): read as its pages, under "
         "the header of the sheet 'Table 1'")]


def test_a_line_missing_between_two_pages_is_said(tmp_path):
    sheets = {**PAGES, "Table 2": PAGES["Table 2"][1:]}  # the cheque deposit lost
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", sheets))
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0, -2.5, 3700.0]
    said = [(i.sheet, i.cell, i.value) for i in stmt.issues[1:]]
    assert said == [("bm.xlsx [Table 2]", "row 1", 247497.5),
                    ("bm.xlsx", "statement 1", -12500.0)]
    assert stmt.issues[1].message == (
        "the first line of the sheet 'Table 2' does not follow from the running balance "
        "235,000.00 at the end of the sheet 'Table 1' (expected 234,997.50): a line may be "
        "missing between the two pages")


def test_month_first_pages_read_in_the_first_sheets_order(tmp_path):
    us = {"Table 1": [HEADER,
                      ["11/01/2026", "Opening Balance", None, None, "1,000.00"],
                      ["11/13/2026", "Deposit ACME INV-7", None, "500.00", "1,500.00"]],
          "Table 2": [["12/01/2026", "Fee", "5.00", None, "1,495.00"]]}
    stmt = read_statement(save_sheets(tmp_path / "us.xlsx", us))
    assert stmt.lines["Date"].tolist() == [pd.Timestamp(2026, 11, 13),
                                           pd.Timestamp(2026, 12, 1)]  # not 12 Jan


def test_a_summary_sheet_after_the_statement_is_no_page(tmp_path):
    sheets = {"Table 1": PAGES["Table 1"],
              "Summary": [["Account", "1234567890123"], ["Currency", "EGP"]]}
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", sheets))
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0]
    assert not any("goes on over the sheets" in i.message for i in stmt.issues)


# one sheet, the second page a column to the right of the first (its header repeated there)
MOVED = [
    HEADER,
    ["01/11/2026", "Opening Balance", None, None, "200,000.00"],
    ["03/11/2026", "Incoming transfer Nile Foods INV-101", None, "37,000.00", "237,000.00"],
    ["04/11/2026", "ATM withdrawal", "2,000.00", None, "235,000.00"],
    [None, *HEADER],
    [None, "08/11/2026", "Cheque deposit Delta Trading", None, "12,500.00", "247,500.00"],
    [None, "09/11/2026", "Stamp duty", "2.50", None, "247,497.50"],
    [None, "30/11/2026", "Closing Balance", None, None, "247,497.50"],
]


def test_a_page_a_column_to_the_right_is_read_under_the_header(tmp_path):
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Table 1": MOVED}))
    # before: the cheque deposit left out ('Debit 'Cheque deposit Delta Trading' could not be
    # read'), a line of +2.50 named '09/11/2026' dated 4 Nov, and a tie-out difference
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0, 12500.0, -2.5]
    assert stmt.lines["Description"].tolist()[2:] == ["Cheque deposit Delta Trading",
                                                      "Stamp duty"]
    assert stmt.lines["Date"].tolist()[2:] == [pd.Timestamp(2026, 11, 8),
                                               pd.Timestamp(2026, 11, 9)]
    assert stmt.lines["Line No"].tolist() == [3, 4, 6, 7]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (200000.0, 247497.5, 0.0)
    assert stmt.issues == []


def test_a_moved_pages_problem_is_said_at_the_files_own_cell(tmp_path):
    rows = [list(r) for r in MOVED]
    rows[5][4] = "12,5OO.00"  # in column E of the file: the page's Credit
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Table 1": rows}))
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0, -2.5]
    assert [(i.cell, i.column, i.value) for i in stmt.issues][0] == (
        "E6", "Credit", "12,5OO.00")


def test_a_balance_carried_forward_at_the_foot_of_the_first_sheet_closes_nothing(tmp_path):
    sheets = {"Table 1": [*PAGES["Table 1"], [None, "Balance carried forward", None, None,
                                              "235,000.00"]],
              "Table 2": PAGES["Table 2"]}  # the last page states no closing balance
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", sheets))
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0, 12500.0, -2.5]
    [bal] = stmt.balances
    # (235,000.00 kept as the closing balance did not tie out with the second page's lines)
    assert (bal.opening, bal.closing, bal.difference) == (200000.0, None, None)
    assert [i.kind for i in stmt.issues if i.kind == "tie-out"] == []
