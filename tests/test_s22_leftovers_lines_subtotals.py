"""Invoice Lines with Excel's Data > Subtotal rows ('F-1 Total', 'F-2 المجموع' under each
invoice's lines): the reader sets them aside, as on Invoices and Payments, so no reader of the
lines takes one for a line of invoice F-1. A line numbered so beside its item stays a line."""

from datetime import datetime as D

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
             ["C1", "Nile", "EGP", "30"], ["C2", "Delta", "EGP", "30"]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
            ["F-1", "C1", D(2026, 11, 2), 1596], ["F-2", "C2", D(2026, 11, 3), 2280]]
HEAD = ["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "VAT Amount", "Line Total"]


def _lines(tmp_path, rows):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Invoice Lines": [HEAD, *rows]}))
    lines = book.tables["Invoice Lines"].frame
    issues = [(i.cell, i.value, i.message) for i in book.issues if i.sheet == "Invoice Lines"]
    return list(zip(lines["Invoice No"], lines["Line Total"], strict=True)), issues


def test_subtotal_rows_of_an_invoices_lines_are_no_lines(tmp_path):
    lines, issues = _lines(tmp_path, [
        ["F-1", "A", 10, "PCS", 100, 14, 140, 1140],
        ["F-1", "B", 4, "PCS", 100, 14, 56, 456],
        ["F-1 Total", None, None, None, None, None, 196, 1596],
        ["F-2", "A", 20, "PCS", 100, 14, 280, 2280],
        ["F-2 المجموع", None, None, None, None, None, 280, 2280],
        ["Grand Total", None, None, None, None, None, 476, 3876]])
    assert lines == [("F-1", 1140), ("F-1", 456), ("F-2", 2280)]
    assert issues == [
        ("A4", "F-1 Total", "2 subtotal rows ('F-1 Total' and the like) are not records: "
                            "not read (A4, A6)"),
        ("A7", "Grand Total", "'Grand Total' row is a totals row, not a record: not read")]


def test_a_line_numbered_so_beside_its_item_stays_a_line(tmp_path):
    lines, issues = _lines(tmp_path, [["F-1", "A", 10, "PCS", 100, 14, 140, 1140],
                                      ["F-1 Total", "B", 4, "PCS", 100, 14, 56, 456]])
    assert [total for _, total in lines] == [1140, 456]
    assert issues == []
