"""The foot of a hand-kept list: a role alone on its row ('المحاسب', 'Prepared by') and a
signature row holding the day signed (a date cell, 'Date: 30/11/2026') are the clerk's
sign-off, not records: left out quietly (before, each was a record missing its name or
amount, the customer 'المحاسب' among the Customer Checks)."""

from __future__ import annotations

from datetime import date, datetime

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_roles_alone_and_dated_signatures_are_no_records(tmp_path):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C1", "Nile", "EGP", 30, 0], ["C2", "Delta", "EGP", 30, 0], [],
                      ["المحاسب"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", date(2026, 10, 1), 1000], ["I2", "C2", date(2026, 10, 1), 500],
                     [], ["Prepared by: Ahmed", "Date:", datetime(2026, 11, 30)],
                     ["المدير المالي"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "C1", date(2026, 10, 5), 100, "I1"], [], ["Prepared by"],
                     ["Approved by", None, date(2026, 11, 30)],
                     ["التاريخ: 30/11/2026", "توقيع: ......"]]})
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", "2026-10-31", "--lang", "en",
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    assert wb.get_sheet_by_name("Input Issues").to_python()[1:] == []
    assert wb.get_sheet_by_name("Customer Checks").to_python()[1:] == []
    detail = [(r[3], r[9]) for r in wb.get_sheet_by_name("Aging Detail").to_python()[1:]]
    assert detail == [("I1", 900.0), ("I2", 500.0)]


def test_a_record_under_a_role_is_still_read(tmp_path):
    # 'Accountant' then a customer row: the role is read (a record missing its name), not
    # the customer below set aside
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"],
                      ["Accountant"], ["C2", "Delta", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C2", date(2026, 10, 1), 1000]]})
    out = tmp_path / "out.xlsx"
    assert main(["validate", str(book), "--lang", "en", "-o", str(out)]) == 0
    checks = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Customer Checks")
    assert [(r[0], r[3]) for r in checks.to_python()[1:]] == [("Accountant", "MISSING_NAME")]
