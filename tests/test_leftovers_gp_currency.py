"""Great Plains' currency IDs: the sample company's Z-US$, Z-C$, Z-EURO, Z-UK... (kept by
many live companies) and a company's own "Z-" IDs are read as their ISO codes, from GP's
"Currency ID" column on the customer master and the invoice list."""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.validate import JOB as VALIDATE
from ar_excel.parsing import parse_currency
from tests._workbooks import save_sheets


@pytest.mark.parametrize(("cell", "code"), [
    ("Z-US$", "USD"), ("Z-C$", "CAD"), ("Z-EURO", "EUR"), ("Z-UK", "GBP"), ("Z-AUD", "AUD"),
    ("Z-NZ$", "NZD"), ("Z-SGD", "SGD"), ("Z-YEN", "JPY"), ("z-us$", "USD"),
    ("Z-SR", "SAR"), ("Z-KD", "KWD"), ("Z-EGP", "EGP"),  # a company's own Z- IDs
    ("Z-ABC1", "Z-ABC1"), ("Z-", "Z-"),  # nothing known after the prefix: kept as typed
    ("USD", "USD"), ("UK", "UK"),  # UK is GP's pound only as its Z-UK
])
def test_gp_currency_ids(cell, code):
    assert parse_currency(cell) == code


def test_a_gp_master_and_invoice_list_name_their_currency_ids(tmp_path):
    customers = [["Customer Number", "Customer Name", "Currency ID", "Payment Terms ID"],
                 ["AARONFIT0001", "Aaron Fitz Electrical", "Z-US$", "Net 30"],
                 ["ADAMPARK0001", "Adam Park Resort", "Z-C$", "Net 30"],
                 ["ALTONMAN0001", "Alton Manufacturing", "Z-EURO", "Net 30"],
                 ["BAKERSEM0001", "Baker's Emporium", "Z-UK", "Net 30"]]
    invoices = [["Document Number", "Customer Number", "Document Date", "Amount", "Currency ID"],
                ["STDINV2001", "AARONFIT0001", "2026-10-01", 1200, "Z-US$"],
                ["STDINV2002", "ADAMPARK0001", "2026-10-05", 800, ""],
                ["STDINV2003", "ALTONMAN0001", "2026-10-09", 450.5, "Z-EURO"],
                ["STDINV2004", "BAKERSEM0001", "2026-10-12", 99.99, "Z-UK"]]
    book = read_book(save_sheets(tmp_path / "gp.xlsx",
                                 {"Customers": customers, "Invoices": invoices}))
    assert book.customers["Currency"].tolist() == ["USD", "CAD", "EUR", "GBP"]
    assert book.invoices["Currency"].tolist() == ["USD", None, "EUR", "GBP"]
    options = JobOptions(as_of=date(2026, 11, 20))
    assert len(VALIDATE.run(book, options).tabs[0].frame) == 0  # no INVALID_CURRENCY
    aging = AGING.run(book, options).tabs[0].frame
    assert list(zip(aging["Customer ID"], aging["Total"], aging["Currency"], strict=True)) == [
        ("AARONFIT0001", 1200.0, "USD"), ("ADAMPARK0001", 800.0, "CAD"),
        ("ALTONMAN0001", 450.5, "EUR"), ("BAKERSEM0001", 99.99, "GBP")]
