"""A Payments row naming a credit note of the invoice list: a write-off is no receipt (it is
told to name the invoice it settles, not to be typed negative as a refund), and a receipt of
the list itself (a credit row typed Receipt) is no credit note."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _book(tmp_path):
    return save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C1", "Nile", "EGP", 30, 0]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Type"],
                     ["INV-1", "C1", date(2026, 10, 1), 1000, "Invoice"],
                     ["CN-1", "C1", date(2026, 10, 5), -50, "Credit Note"],
                     ["RV-9", "C1", date(2026, 10, 6), -300, "Receipt"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     ["P1", "C1", date(2026, 10, 20), 50, "CN-1", "Write-off"],
                     ["P2", "C1", date(2026, 10, 21), 200, "CN-1", "Cheque"],
                     ["P3", "C1", date(2026, 10, 22), 300, "RV-9", "Cash"]]})


def _issues(tmp_path, lang):
    out = tmp_path / f"out_{lang}.xlsx"
    assert main(["aging", str(_book(tmp_path)), "--as-of", "2026-10-31", "--lang", lang,
                 "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Input Issues").to_python()
    return {r[1]: r[4] for r in rows[1:] if r[0] in ("Payments", "التحصيلات")}


def test_a_write_off_naming_a_credit_note_is_not_told_it_is_a_refund(tmp_path):
    said = _issues(tmp_path, "en")
    assert said["E2"] == ("'CN-1' is a credit note (-50.00), not an invoice: the Write-off of "
                          "50.00 is held on account, unapplied, beside it; name the invoice it "
                          "settles")
    # a cash receipt keeps its advice
    assert said["E3"] == ("'CN-1' is a credit note (-50.00), not an invoice: the receipt of "
                          "200.00 is held on account, unapplied, beside it; if it is the credit "
                          "refunded to the customer, type it negative")


def test_a_receipt_naming_a_receipt_of_the_invoice_list_is_not_told_it_is_a_credit_note(
        tmp_path):
    said = _issues(tmp_path, "en")
    assert said["E4"] == ("'RV-9' is a receipt of the invoice list (-300.00), not an invoice: "
                          "the receipt of 300.00 is held on account, unapplied, beside it; if "
                          "both record the same money, delete one of them")
    assert len(said) == 3


def test_the_arabic_wording(tmp_path):
    said = _issues(tmp_path, "ar")
    assert said["E2"].startswith("'CN-1' إشعار دائن (-50.00) وليس فاتورة: التسوية (Write-off)")
    assert said["E4"].startswith("'RV-9' سند قبض في قائمة الفواتير (-300.00) وليس فاتورة")
