"""A credit limit typed with a currency ('USD 10,000') for a customer whose Currency is
blank: the customer is billed in the book's currency (core.local_currency), so a limit in
another one is said at its cell, as for a customer whose Currency says it (Credit Status
compares it in the currency typed: test_limit_currency_typed)."""

from __future__ import annotations

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets
from tests.test_validate_accountant_pass import HEAD, _row


def _said(tmp_path, rows, **sheets):
    book = read_book(save_sheets(tmp_path / "m.xlsx", {"Customers": [HEAD, *rows], **sheets}))
    said = [(i.cell, i.message) for i in book.issues if "is a limit in" in i.message]
    return book, sorted(said, key=lambda s: int(s[0][1:]))


def test_a_blank_currency_customers_limit_is_compared_with_the_books(tmp_path):
    rows = [_row(1, currency=None, limit="USD 10,000"),
            _row(2, currency=None, limit="EGP 50,000"),
            _row(3, currency=None, limit="$10,000"), _row(4, currency=None, limit=40000),
            _row(5, limit="USD 5,000")]  # (its own currency, EGP: as before)
    book, said = _said(tmp_path, rows)
    assert said == [
        ("I2", "'USD 10,000' is a limit in USD, but customer C01 has no currency and is billed "
               "in the book's EGP: Credit Status compares USD 10,000.00 with what it owes "
               "converted at the Policy's exchange rates"),
        ("I4", "'$10,000' is a limit in USD, but customer C03 has no currency and is billed in "
               "the book's EGP: Credit Status compares USD 10,000.00 with what it owes "
               "converted at the Policy's exchange rates"),
        ("I6", "'USD 5,000' is a limit in USD, but customer C05 is billed in EGP: Credit "
               "Status compares USD 5,000.00 with what it owes converted at the Policy's "
               "exchange rates")]
    assert book.customers["Credit Limit"].tolist() == [10000.0, 50000.0, 10000.0, 40000.0,
                                                       5000.0]
    assert arabic_message(said[0][1]) == (
        "'USD 10,000' حد بعملة USD، لكن العميل C01 بلا عملة ويُفوتر بعملة الدفاتر EGP: تقارن "
        "حالة الائتمان USD 10,000.00 بالمستحق عليه محوّلاً بأسعار الصرف في السياسة")


def test_the_policys_base_currency_is_the_books(tmp_path):
    rows = [_row(1, currency=None, limit="EGP 10,000")]
    _, said = _said(tmp_path, rows, Policy=[["Key", "Value"], ["base_currency", "SAR"]])
    assert said == [
        ("I2", "'EGP 10,000' is a limit in EGP, but customer C01 has no currency and is billed "
               "in the book's SAR: Credit Status compares EGP 10,000.00 with what it owes "
               "converted at the Policy's exchange rates")]


def test_a_book_without_a_currency_of_its_own_compares_nothing(tmp_path):
    rows = [_row(1, currency=None, limit="USD 10,000"), _row(2, currency="USD"),
            _row(3, currency="SAR")]
    for r in rows:
        r[2] = r[5] = None  # (no tax ID, no Country: nothing says the company's currency)
    _, said = _said(tmp_path, rows)
    assert said == []


def test_a_customer_whose_invoices_name_their_currency_is_billed_in_it(tmp_path):
    """C01 has no Currency but its invoice is in USD: Credit Status compares 'USD 10,000'
    with the USD 8,000 it owes (80 %), so the limit is no mistake. Before, the Input Issue
    said it was billed in the book's EGP and to type the limit in EGP."""
    from datetime import datetime

    rows = [_row(1, currency=None, limit="USD 10,000"), _row(2, currency=None,
                                                             limit="USD 20,000")]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
                ["I1", "C01", datetime(2026, 10, 1), datetime(2026, 10, 31), 8000, "USD"],
                ["I2", "C02", datetime(2026, 10, 1), datetime(2026, 10, 31), 1000, None]]
    _, said = _said(tmp_path, rows, Invoices=invoices)
    assert said == [  # C02's invoice is in the book's currency: said, as before
        ("I3", "'USD 20,000' is a limit in USD, but customer C02 has no currency and is billed "
               "in the book's EGP: Credit Status compares USD 20,000.00 with what it owes "
               "converted at the Policy's exchange rates")]
