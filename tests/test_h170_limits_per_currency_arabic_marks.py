"""Credit limits kept in a column per currency ('Credit Limit (EGP)', 'Credit Limit (USD)')
shown with the Arabic separators (٬ grouping thousands, ٫ the decimal mark): read by those
marks, as the first limit column is (``parsing.arabic_marks``), whatever the
column's other limits or the Policy's decimal comma say. '٢٠٬٠٠٠' was read as 20."""

from __future__ import annotations

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def _limits(tmp_path, usd, policy=None):
    sheets = {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms",
                       "Credit Limit (EGP)", "Credit Limit (USD)"],
                      ["C1", "Alpha", "EGP", 30, 50000, None],
                      *[[f"U{k}", f"Beta {k}", "USD", 30, None, limit]
                        for k, limit in enumerate(usd, start=1)]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    book = read_book(save_sheets(tmp_path / "book.xlsx", sheets))
    frame = book.tables["Customers"].frame
    return dict(zip(frame["Customer ID"], frame["Credit Limit"], strict=True))


def test_a_usd_limit_grouped_with_the_arabic_separator_beside_a_decimal_comma_one(tmp_path):
    assert _limits(tmp_path, ["٢٠٬٠٠٠", "1.000,00"]) == {
        "C1": 50000.0, "U1": 20000.0, "U2": 1000.0}


def test_a_decimal_comma_policy_keeps_the_arabic_marks_meaning(tmp_path):
    assert _limits(tmp_path, ["١٠٬٠٠٠", "١٢٫٥٠٠"], [["decimal_comma", "yes"]]) == {
        "C1": 50000.0, "U1": 10000.0, "U2": 12.5}
