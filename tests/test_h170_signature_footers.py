"""A signature block under a list's totals ('المحاسب ... المدير المالي', 'Prepared by ...
Approved by ...', a name under each title): two or more texts on a row, no amount, no date.
It is the report's sign-off, not records: left out quietly, as a single-text note or
sign-off below the last record is (``report_footers``), never read as invoices missing their
amounts under the customer above. A row with an amount or a date below it is still read."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

_CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
              ["C1", "Alpha", "EGP", 30, 5000], ["C2", "Beta", "EGP", 30, 5000]]
_PAYMENTS = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]
_HEADER = ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"]
_ROWS = [["INV-1", "C1", date(2026, 9, 1), date(2026, 10, 1), 1140],
         ["INV-2", "C2", date(2026, 10, 1), date(2026, 10, 31), 2280]]


def _read(tmp_path, tail):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": _CUSTOMERS, "Invoices": [_HEADER, *_ROWS, *tail],
        "Payments": _PAYMENTS}))
    issues = [(i.sheet, i.cell, i.message) for i in book.issues if i.sheet == "Invoices"]
    return book.tables["Invoices"].frame, issues


def test_an_arabic_signature_block_under_the_totals_is_left_out(tmp_path):
    frame, issues = _read(tmp_path, [
        ["الإجمالي", None, None, None, 3420], [],
        ["المحاسب", "", "المدير المالي"],
        ["أحمد علي", None, "توقيع: ..........."]])
    assert frame["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert frame["Amount"].tolist() == [1140.0, 2280.0]
    assert issues == [("Invoices", "A4", "'الإجمالي' row is a totals row, not a record: "
                                         "not read")]


def test_an_english_sign_off_row_under_the_last_record_is_left_out(tmp_path):
    frame, issues = _read(tmp_path, [
        [],
        ["Prepared by: Ahmed", None, "Approved by: ________", None, None],
        ["Accountant", None, "Finance Manager"],
        ["Signature: ......", None, "Stamp:"]])
    assert frame["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert issues == []


def test_a_row_with_an_amount_or_a_date_below_the_signatures_is_still_read(tmp_path):
    frame, issues = _read(tmp_path, [
        ["المحاسب", "", "المدير المالي"],
        ["INV-3", "C1", date(2026, 10, 5), None, None]])
    # not a footer: a record under it (and its own row is read, with its issues)
    assert frame["Invoice No"].tolist()[:2] == ["INV-1", "INV-2"]
    assert "INV-3" in frame["Invoice No"].tolist()
    assert "المحاسب" in frame["Invoice No"].tolist()


def test_a_signature_row_holding_the_day_signed_is_left_out(tmp_path):
    # the day it was signed beside the sign-off is no record's date (helper-175: it was
    # read as an invoice 'Prepared by: Ahmed' missing its amount)
    for day in ("31/10/2026", date(2026, 10, 31)):
        frame, issues = _read(tmp_path, [["Prepared by: Ahmed", None, day]])
        assert frame["Invoice No"].tolist() == ["INV-1", "INV-2"] and issues == []


def test_records_missing_their_amount_are_not_taken_for_signatures(tmp_path):
    frame, issues = _read(tmp_path, [["INV-3", "C2"]])
    assert frame["Invoice No"].tolist() == ["INV-1", "INV-2", "INV-3"]
    assert ("Invoices", "E4", "Amount is required but blank") in issues
