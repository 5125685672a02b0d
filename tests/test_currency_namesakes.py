"""A Currency written as the bare riyal or dirham ('ريال', 'Riyal', 'درهم', 'Dirhams'): read as
the Saudi riyal and the UAE dirham, so a Qatari company's customers (Country QA, Policy Base
Currency QAR) were aged in SAR and its bank's QAR receipts met none of their invoices. The word
is now the customer's country's riyal or dirham where that is one, else the company's, else
SAR / AED as before; an invoice's bare word is its customer's currency where that is one."""

from __future__ import annotations

import csv
import datetime as dt

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [
    ("Q1", "Qatar Building Co", "QA", "ريال"),
    ("O1", "Muscat Trading LLC", "Oman", "Riyal"),
    ("O2", "Sohar Ports", None, "Riyal"),  # no country, no company riyal: unread, as before
    ("S1", "Riyadh Paper Co", "SA", "ريال"),
    ("M1", "Casablanca Textiles", "MA", "درهم"),
    ("A1", "Dubai Steel", "AE", "Dirhams"),
    ("N1", "No Country Trading", None, "الريال"),
    ("E1", "Cairo Foods", "EG", "EGP"),
]


def _book(path, policy=None):
    sheets = {
        "Customers": [["Customer ID", "Name", "Country", "Currency", "Payment Terms"],
                      *([*row, 30] for row in CUSTOMERS)],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["INV-100", "Q1", dt.date(2026, 10, 1), 5000, "ريال"],
                     ["INV-101", "O1", dt.date(2026, 10, 1), 1250.5, "ريال"],
                     ["INV-102", "E1", dt.date(2026, 10, 1), 900, "ريال"],  # billed to Egypt
                     ["INV-103", "M1", dt.date(2026, 10, 1), 700, None]]}
    if policy:
        sheets["Policy"] = [["Key", "Value"], list(policy)]
    return save_sheets(path, sheets)


def _currencies(book):
    c = book.frame("Customers")
    i = book.frame("Invoices")
    return (dict(zip(c["Customer ID"], c["Currency"], strict=True)),
            dict(zip(i["Invoice No"], i["Currency"], strict=True)))


def test_a_bare_riyal_or_dirham_is_the_customers_countrys(tmp_path):
    customers, invoices = _currencies(read_book(_book(tmp_path / "b.xlsx")))
    assert customers == {"Q1": "QAR", "O1": "OMR", "O2": "RIYAL", "S1": "SAR", "M1": "MAD", "A1": "AED",
                         "N1": "SAR", "E1": "EGP"}
    assert invoices["INV-100"] == "QAR"
    assert invoices["INV-101"] == "OMR"
    assert invoices["INV-102"] == "SAR"  # an Egyptian customer's riyal: the word's reading


def test_a_customer_naming_no_country_takes_the_companys_riyal(tmp_path):
    book = read_book(_book(tmp_path / "b.xlsx", ("Base Currency", "QAR")))
    assert _currencies(book)[0]["N1"] == "QAR"


def test_a_qatari_companys_receipts_meet_its_invoices(tmp_path):
    book = _book(tmp_path / "b.xlsx", ("Base Currency", "QAR"))
    statement = tmp_path / "s.csv"
    with open(statement, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Description", "Amount", "Currency"])
        w.writerow(["05/11/2026", "TRF QATAR BUILDING CO INV-100", "5000.00", "QAR"])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Bank Matches").to_python()
    got = [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]
    assert [(r["Invoice No"], r["Applied Amount"], r["Status"]) for r in got] == [
        ("INV-100", 5000.0, "Matched")]
