"""Receivables exports pasted as they come out of ERPs and accounting packages (helper-191):
report titles and filters above the header, a heading row per customer, subtotal and total
rows, amounts with their currency in the cell, negatives in parentheses or with a trailing
minus, dates as text in the export's format or as Excel serials. Each book's figures are an
accountant's by hand, as of 30/11/2026."""

from __future__ import annotations

import pytest

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets
from tests.test_erp_exports import _run as _tabs

BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _aging(book) -> dict[str, list[float]]:
    aging = _tabs(book, "aging")["Aging"]
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()}


# ---------------------------------------------------------------- labelled group headings


@pytest.mark.parametrize("heading", [
    "Customer: {code} - {name}", "Customer: {name}", "Customer {code} - {name}",
    "Account: {code} {name}", "Customer No.: {code}", "Customer {code} {name}", "العميل: {code} - {name}",
    "اسم العميل: {name}", "كود العميل : {code}"])
def test_a_group_heading_labelled_customer_names_the_customer(tmp_path, heading):
    """Sage's and local Arabic systems' open-items reports head each customer's group with a
    label ("Customer: 1001 - Nile Foods", "العميل: 1001 - مؤسسة النيل"): the group is that
    customer's, as a bare "1001 - Nile Foods" heading is. The heading was taken whole as an
    unknown customer's key (its invoices aged under '(not in Customers)')."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["1001", "Nile Foods"],
                      ["1002", "مؤسسة الدلتا"]],
        "Invoices": [
            ["Open Invoices by Customer"], ["As of 30/11/2026"], [],
            [None, "Invoice No", "Invoice Date", "Due Date", "Amount"],
            [heading.format(code="1001", name="Nile Foods")],
            [None, "INV-11", "15/09/2026", "15/10/2026", "4,000.00"],
            [None, "INV-12", "01/11/2026", "01/12/2026", "1,500.00"],
            [heading.format(code="1002", name="مؤسسة الدلتا")],
            [None, "INV-21", "01/08/2026", "31/08/2026", "(250.00)"],
            [None, "INV-22", "10/10/2026", "09/11/2026", "2,000.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["1001", "1001", "1002", "1002"]
    assert _aging(book) == {
        "1001": [1500, 0, 4000, 0, 0, 5500],
        # the credit of 250 aged by its own date (1 August: 121 days), INV-22 21 days late
        "1002": [0, 2000, 0, 0, -250, 1750]}


def test_a_heading_that_only_starts_like_a_label_is_left_as_written():
    from ar_excel.io.report_rows import heading_customer

    assert heading_customer("1 - 30 days past due") == "1 - 30 days past due"
    assert heading_customer("Customer Care Ltd") == "Customer Care Ltd"
    assert heading_customer("Current") == "Current"
    assert heading_customer("Due: 31/12/2026") == "Due: 31/12/2026"
    assert heading_customer("Customer 01") == "Customer 01"
    assert heading_customer("Account 7 Holdings") == "Account 7 Holdings"
