"""A customer statement lists the documents of one day in natural order: INV-9 before
INV-10 (their digit runs read as numbers), as an accountant numbers them; read as text,
INV-10 came first."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.statements import customer_statement, natural_key, natural_rank
from ar_excel.core.ledger import due_dates, open_items
from tests.collections_data import customers, invoices, payments

START, END = pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")


def test_same_day_documents_in_natural_order():
    cust = customers([{"Customer ID": "C1", "Name": "Delta Foods"}])
    inv = invoices([
        ("INV-10", "C1", "2026-10-05", None, 100.00),
        ("INV-9", "C1", "2026-10-05", None, 90.00),
        ("INV-100", "C1", "2026-10-05", None, 1000.00),
        ("INV-2026-11", "C1", "2026-10-06", None, 11.00),
        ("INV-2026-2", "C1", "2026-10-06", None, 2.00),
    ])
    pay = payments([("R-12", "C1", "2026-10-07", 5.00, None),
                    ("R-3", "C1", "2026-10-07", 3.00, None)])
    items = open_items(cust, inv, pay, END)
    stmt = customer_statement("C1", cust, inv, pay, START, END, due_dates(inv, cust), items)
    lines = stmt.sections[0].lines
    assert lines["Document"].tolist() == ["INV-9", "INV-10", "INV-100", "INV-2026-2",
                                          "INV-2026-11", "R-3", "R-12"]
    assert lines["Balance"].tolist() == [90.0, 190.0, 1190.0, 1192.0, 1203.0, 1200.0, 1195.0]


def test_natural_key_reads_digit_runs_as_numbers():
    docs = ["INV-10", "inv-9", "INV-9", "INV-009", "10", "9", "A2B10", "A2B9", "", "٣"]
    assert sorted(docs, key=natural_key) == [
        "", "٣", "9", "10", "A2B9", "A2B10", "INV-009", "INV-9", "INV-10", "inv-9"]


def test_rows_without_a_document_number_rank_first_and_never_fail():
    # (the month-end fuzz at 300 examples: every statement row of a customer without a
    # document number, a receipt read from a paid date, coded -1 by factorize: IndexError on
    # an empty rank, and elsewhere the last number's rank)
    assert natural_rank(pd.Series([None, None], dtype=object)).tolist() == [0, 0]
    assert natural_rank(pd.Series(["INV-10", None, "INV-9"], dtype=object)).tolist() == [2, 0, 1]
