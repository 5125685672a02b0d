"""Payment terms typed as a clerk types them, and due dates worked out as Excel does."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from tests.test_invoice_checks_unseen_s22 import codes, run


@pytest.mark.parametrize("terms, on_time, late", [
    ("شهرين", D(2027, 1, 10), D(2027, 1, 20)),          # two months: =EDATE(date, 2)
    ("3 months", D(2027, 2, 10), D(2027, 2, 20)),
    ("90 Days", D(2027, 2, 10), D(2027, 2, 20)),         # =EDATE(date, 3) for 90 days
    ("90 Days", D(2027, 2, 8), D(2027, 2, 20)),          # the 90th day
])
def test_terms_of_whole_months_count_calendar_months(tmp_path, terms, on_time, late):
    """10 Nov + 2 months is 10 Jan (the 60th day is 9 Jan): both are right. Before, the
    calendar month was DUE_DATE_INCONSISTENT '+1 days' (two months) or '+2 days' (three)."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Delta Pharma", "EGP", terms]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["A-1", "C1", D(2026, 11, 10), on_time, 1000],
                ["A-2", "C1", D(2026, 11, 11), late, 2000]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("A-2", 3, "DUE_DATE_INCONSISTENT", "Error")]


def test_thirty_days_is_not_stretched_past_its_days(tmp_path):
    """'30 days' from 31 Jan: 2 Mar, or 28 Feb a month on; 10 Mar is late, 20 Feb early."""
    customers = [["Customer ID", "Customer Name", "Currency", "Payment Terms"],
                 ["C1", "Delta Pharma", "EGP", "30 days"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["A-1", "C1", D(2026, 1, 31), D(2026, 3, 2), 1000],
                ["A-2", "C1", D(2026, 1, 31), D(2026, 2, 28), 2000],
                ["A-3", "C1", D(2026, 1, 31), D(2026, 3, 10), 3000],
                ["A-4", "C1", D(2026, 1, 31), D(2026, 2, 20), 4000]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert codes(found) == [("A-3", 4, "DUE_DATE_INCONSISTENT", "Error"),
                            ("A-4", 5, "DUE_DATE_INCONSISTENT", "Warning")]
