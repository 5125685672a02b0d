"""A receipt in Payments naming a credit note (a negative row of the invoice list) as the
invoice it pays: the ledger applies no money received to a credit, so the receipt is held on
account beside the credit note. That may be money in on account or a refund of the credit
typed positive: said at its Invoice No cell, not left unsaid."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _run(tmp_path, payments):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"], [101, "Amal", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I1", "101", date(2026, 9, 1), date(2026, 10, 1), 1000],
                     ["CN-4", "101", date(2026, 10, 1), None, -300]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"], *payments]})
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", "en", "-o",
                 str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    return (wb.get_sheet_by_name("Aging Detail").to_python()[1:],
            wb.get_sheet_by_name("Input Issues").to_python()[1:])


def test_a_receipt_naming_a_credit_note_is_said_held_on_account(tmp_path):
    detail, issues = _run(tmp_path, [["P1", "101", date(2026, 10, 5), 200, "I1"],
                                     ["P2", "101", date(2026, 10, 6), 300, "CN-4"]])
    assert sorted((r[2], r[3], r[9]) for r in detail) == [
        ("Credit Note", "CN-4", -300.0), ("Invoice", "I1", 800.0), ("Payment", "P2", -300.0)]
    assert [(r[0], r[1], r[4]) for r in issues] == [(
        "Payments", "E3",
        "'CN-4' is a credit note (-300.00), not an invoice: the receipt of 300.00 is held on "
        "account, unapplied, beside it; if it is the credit refunded to the customer, type it "
        "negative")]


def test_a_refund_typed_negative_naming_the_credit_note_says_nothing(tmp_path):
    _, issues = _run(tmp_path, [["P2", "101", date(2026, 10, 6), -300, "CN-4"]])
    assert issues == []


def test_a_dinar_credit_note_is_said_with_its_fils(tmp_path):
    from ar_excel.io.reader import read_book

    book = read_book(save_sheets(tmp_path / "kwd.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["K1", "Gulf Star", "KWD", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "K1", date(2026, 9, 1), 1000.5],
                     ["CN-4", "K1", date(2026, 10, 1), -300.125]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "K1", date(2026, 10, 5), 300.125, "CN-4"]]}))
    assert [i.message for i in book.issues if i.column == "Invoice No"] == [
        "'CN-4' is a credit note (-300.125), not an invoice: the receipt of 300.125 is held on "
        "account, unapplied, beside it; if it is the credit refunded to the customer, type it "
        "negative"]
