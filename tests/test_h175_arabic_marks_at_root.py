"""The Arabic separators (٫ the decimal mark, ٬ grouping thousands) are read where every
amount is parsed (``parsing.parse_number_text``), not only by the reader of a sheet's own
columns: a second limit column compared, a one-cell look at a report's row, a Policy with a
decimal comma all read ``٢٠٬٠٠٠`` as twenty thousand and ``١٢٫٥٠٠`` as twelve and a half."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.parsing import parse_column, parse_money
from tests._workbooks import save_sheets


def test_the_arabic_decimal_mark_is_a_decimal_mark_under_a_decimal_comma():
    # '١٢٫٥٠٠' read 12,500 under a decimal comma (its mark made a point, then taken for one
    # grouping thousands)
    assert parse_money("١٢٫٥٠٠", decimal_comma=True) == 12.5
    assert parse_money("٢٠٬٠٠٠", decimal_comma=True) == 20000.0
    assert parse_money("(٣٬٥٠٠٫٥٠) ج.م", decimal_comma=True) == -3500.5
    assert parse_money("١٢٬٥٠٬٠٠٠") == 1250000.0  # lakhs, grouped the Arabic way


def test_a_column_deciding_for_a_decimal_comma_reads_the_arabic_grouping_as_thousands():
    # the column's '1.000,50' makes its commas decimal: '٢٠٬٠٠٠' read 20
    amounts, errors = parse_column(["٢٠٬٠٠٠", "1.000,50", "١٢٫٥"], "money")
    assert amounts.tolist() == [20000.0, 1000.5, 12.5] and errors == {}


def test_a_second_limit_column_holding_the_same_limits_is_not_said_to_differ(tmp_path):
    # 'Credit Limit' E holds '٢٠٬٠٠٠' beside '1.000,50'; 'Credit Limit 2025' F the same
    # limits as numbers. The second column was parsed without the Arabic marks (20), so the
    # two were said to differ on row 2 when they do not
    header = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
              "Credit Limit 2025"]
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [header, ["C1", "Nile", "EGP", 30, "٢٠٬٠٠٠", 20000],
                      ["C2", "Gulf", "AED", 30, "1.000,50", 1000.5]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", date(2026, 10, 1), 4000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    out = tmp_path / "out.xlsx"
    assert main(["credit", str(book), "--as-of", "2026-10-31", "--lang", "en",
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    issues = wb.get_sheet_by_name("Input Issues").to_python()[1:]
    assert [r for r in issues if "both give the Credit Limit" in str(r[4])] == []
    status = {r[0]: r for r in wb.get_sheet_by_name("Credit Status").to_python()[1:]}
    assert status["C1"][2] == 20000.0 and status["C2"][2] == 1000.5
