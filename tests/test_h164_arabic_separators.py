"""Amounts shown with the Arabic separators (٫ the decimal mark, ٬ grouping thousands: how
Excel in an Arabic locale shows a number, pasted as text) are read by those marks, whatever
the column's other amounts or the Policy say about commas and points."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets

CUSTOMERS = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"]
INVOICES = ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"]
PAYMENTS = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]


def _rows(path, tab):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(tab).to_python()


def _run(tmp_path, job, book):
    out = tmp_path / f"{job}.xlsx"
    assert main([job, str(book), "--as-of", "2026-10-31", "--lang", "en", "-o", str(out)]) == 0
    return out


def test_a_limit_grouped_with_the_arabic_separator_beside_a_decimal_comma_one(tmp_path):
    # '٢٠٬٠٠٠' is twenty thousand: the column's '1.000,00 AED' (a decimal comma) read it as
    # 20, and the customer over a limit of 20.00 with 4,000.00 open
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [CUSTOMERS, ["C1", "Nile", "EGP", 30, "٢٠٬٠٠٠"],
                      ["C2", "Gulf", "AED", 30, "1.000,00 AED"]],
        "Invoices": [INVOICES, ["I1", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", 4000],
                     ["I2", "C2", date(2026, 10, 1), date(2026, 10, 31), "AED", 500]],
        "Payments": [PAYMENTS]})
    status = {r[0]: r for r in _rows(_run(tmp_path, "credit", book), "Credit Status")[1:]
              if r[0] in ("C1", "C2")}
    assert status["C1"][2] == 20000.0 and status["C1"][8] is False
    assert status["C1"][6] == 20.0 and status["C1"][9] == "OK"
    assert status["C2"][2] == 1000.0
    issues = _rows(tmp_path / "credit.xlsx", "Input Issues")
    assert [r for r in issues[1:] if r[1] == "E2"] == []


def test_the_figure_an_amount_is_read_as_is_the_one_its_issue_gives(tmp_path):
    # F3 '٣٬٥٠٠٫٥٠' shows a decimal point the Arabic way, F5 '1.250,00 AED' a decimal comma:
    # the column mixes both, so F2 'ج.م 1,250' is read by the Policy (a point: 1,250) and
    # said; it was read as 1.25 while its issue said 1,250
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [CUSTOMERS, ["C1", "Nile", "EGP", 30, 100000],
                      ["C2", "Gulf", "AED", 60, 100000]],
        "Invoices": [INVOICES,
                     ["I1", "C1", "05/09/2026", "05/10/2026", "EGP", "ج.م 1,250"],
                     ["I2", "C1", "15/10/2026", "14/11/2026", "EGP", "٣٬٥٠٠٫٥٠"],
                     ["I3", "C1", "20/10/2026", None, "EGP", "(500)"],
                     ["I4", "C2", "01/08/2026", None, "AED", "1.250,00 AED"]],
        "Payments": [PAYMENTS, ["P1", "C2", "10/10/2026", 250, "I4"]]})
    out = _run(tmp_path, "aging", book)
    detail = {r[3]: r[9] for r in _rows(out, "Aging Detail")[1:] if r[3] in ("I1", "I2", "I3",
                                                                               "I4")}
    assert detail == {"I1": 1250.0, "I2": 3500.5, "I3": -500.0, "I4": 1000.0}
    aging = {(r[0], r[8]): r[2:8] for r in _rows(out, "Aging")[1:] if r[0] in ("C1", "C2")}
    assert aging[("C1", "EGP")] == [3500.5, 750.0, 0.0, 0.0, 0.0, 4250.5]
    assert aging[("C2", "AED")] == [0.0, 0.0, 1000.0, 0.0, 0.0, 1000.0]
    said = [r for r in _rows(out, "Input Issues")[1:] if r[1] == "F2"]
    assert len(said) == 1 and "read as 1,250 (a decimal point" in said[0][4]


def test_a_decimal_comma_policy_keeps_the_arabic_marks_meaning(tmp_path):
    # the Policy says decimal commas ('1.234,50'); '١٬٢٥٠' groups thousands all the same
    # and '٧٥٠٫٢٥' has its decimals after the Arabic decimal mark
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [CUSTOMERS, ["C1", "Nile", "EGP", 30, "١٠٬٠٠٠"]],
        "Invoices": [INVOICES,
                     ["I1", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", "١٬٢٥٠"],
                     ["I2", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", "٧٥٠٫٢٥"],
                     ["I3", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", "1.000,50"]],
        "Payments": [PAYMENTS],
        "Policy": [["Key", "Value"], ["decimal_comma", "yes"]]})
    out = _run(tmp_path, "credit", book)
    row = next(r for r in _rows(out, "Credit Status")[1:] if r[0] == "C1")
    assert row[2] == 10000.0 and row[3] == 3000.75


def test_three_decimals_after_the_arabic_decimal_mark_are_fils_not_thousands(tmp_path):
    # '١٢٫٥٠٠' has a decimal mark, not a point that may group thousands: 12.50 pounds
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [CUSTOMERS, ["C1", "Nile", "EGP", 30, 100000]],
        "Invoices": [INVOICES,
                     ["I1", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", "١٢٫٥٠٠"],
                     ["I2", "C1", date(2026, 10, 1), date(2026, 10, 31), "EGP", "12.000"]],
        "Payments": [PAYMENTS]})
    out = _run(tmp_path, "aging", book)
    detail = {r[3]: r[9] for r in _rows(out, "Aging Detail")[1:] if r[3] in ("I1", "I2")}
    assert detail == {"I1": 12.5, "I2": 12000.0}
