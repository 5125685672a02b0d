"""A statement converted from PDF to Excel, its amount moved by the conversion into the
column without a header between Debit and Credit (helper-155)."""

from __future__ import annotations

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets

ROWS = [
    ["Banque Misr - Account Statement", None, None, None, None, "EGP"],
    ["Date", "Description", "Debit", None, "Credit", "Balance"],
    ["01/11/2026", "Opening Balance", None, None, None, "10,000.00"],
    ["02/11/2026", "TT IN FROM ACME INV 77", None, None, "1,500.00", "11,500.00"],
    ["03/11/2026", "TT IN FROM NOOR INV 78", None, "2,000.00", None, "13,500.00"],
    ["04/11/2026", "CHARGES", "25.00", None, None, "13,475.00"],
    ["05/11/2026", "CHQ 000771 PAID", None, "475.00", None, "13,000.00"],
    ["30/11/2026", "Closing Balance", None, None, None, "13,000.00"],
]


def test_amount_in_the_gap_between_debit_and_credit_read_by_the_running_balance(tmp_path):
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Sheet": ROWS}))
    # before: rows 5 and 7 were left out ('no amount on this line'), 2,000.00 received and
    # 475.00 paid lost, and the statement did not tie out by 1,525.00
    assert stmt.lines["Amount"].tolist() == [1500.0, 2000.0, -25.0, -475.0]
    assert stmt.lines["Line No"].tolist() == [4, 5, 6, 7]
    assert stmt.lines["Bank Line"].tolist() == ["1", "2", "3", "4"]
    assert stmt.lines["Currency"].tolist() == ["EGP"] * 4
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        10000.0, 13000.0, 3500.0, 500.0, 0.0)
    assert [(i.cell, i.value, i.message) for i in stmt.issues] == [
        ("D5", "2,000.00", "the line's amount 2,000.00 stands in D5, a column without a header "
         "beside the money columns (moved there by the file's conversion from PDF): read as "
         "money in, as the running balance rises by it (11,500.00 to 13,500.00); check it "
         "against the bank's statement"),
        ("D7", "475.00", "the line's amount 475.00 stands in D7, a column without a header "
         "beside the money columns (moved there by the file's conversion from PDF): read as "
         "money out, as the running balance falls by it (13,475.00 to 13,000.00); check it "
         "against the bank's statement")]


def test_without_a_running_balance_the_figure_is_named_not_guessed(tmp_path):
    rows = [r[:5] for r in ROWS[:2] + ROWS[3:7]]  # no Balance column, no opening row
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Sheet": rows}))
    assert stmt.lines["Amount"].tolist() == [1500.0, -25.0]
    assert stmt.lines["Bank Line"].tolist() == ["1", "3"]  # lines 2 and 4 keep their places
    assert [(i.cell, i.value) for i in stmt.issues] == [("D4", "2,000.00"), ("D6", "475.00")]
    assert stmt.issues[0].message == (
        "no amount in the line's columns, but 2,000.00 stands in D4, a column without a header "
        "beside them (moved there by the file's conversion from PDF?), and no running balance "
        "tells whether it is money in or out: the line was left out; put the figure under "
        "Debit or Credit and import the file again")


def test_a_figure_the_balance_does_not_move_by_is_not_taken(tmp_path):
    rows = [r[:] for r in ROWS]
    rows[4][3] = "2,500.00"  # the balance rises by 2,000.00
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Sheet": rows}))
    assert stmt.lines["Amount"].tolist() == [1500.0, -25.0, -475.0]
    assert [i.cell for i in stmt.issues if "2,500.00" in i.message] == ["D5"]
    assert stmt.balances[0].difference == -2000.0  # the line left out: the tie-out says so


def test_a_csv_of_the_same_conversion(tmp_path):
    path = tmp_path / "bm.csv"
    path.write_text("".join(",".join(f'"{c}"' if c and "," in c else (c or "") for c in r)
                            + "\n" for r in ROWS), encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, 2000.0, -25.0, -475.0]
    assert stmt.balances[0].difference == 0.0
