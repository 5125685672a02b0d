"""Invoice and receipt lists keyed by the customer's name instead of the master's ID: a value
that is no ID but exactly one customer's name is read as that customer's ID, and said."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.core.customers.ids import ids_from_names, name_index
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book

MASTER = pd.DataFrame({
    "Customer ID": ["C001", "C002", "C003", "C004", "C005"],
    "Name": ["Al Nour Trading", "Delta Foods LLC", "Sanabel Trading LLC", "Sanabel Trading & Co",
             "شركة النور للتجارة"],
})


def test_names_exact_or_without_legal_forms_become_ids():
    values = pd.Series(["C001", "al nour trading ", "DELTA FOODS", "Delta Foods L.L.C.",
                        "النور للتجارة", "Sanabel Trading", "Unknown Co", None])
    found = ids_from_names(values, set(MASTER["Customer ID"]), name_index(MASTER))
    assert found == {"al nour trading ": "C001", "DELTA FOODS": "C002",
                     "Delta Foods L.L.C.": "C002", "النور للتجارة": "C005"}
    # "Sanabel Trading" names two customers: left as written; an ID is never renamed


def test_reader_reads_names_as_ids_and_says_so(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms"])
    for cid, name in MASTER.itertuples(index=False, name=None):
        ws.append([cid, name, 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer", "Invoice Date", "Amount"])
    inv.append(["INV-1", "Al Nour Trading", "2026-09-01", 100])
    inv.append(["INV-2", "C002", "2026-09-02", 200])
    inv.append(["INV-3", "Al Nour Trading", "2026-09-03", 300])
    inv.append(["INV-4", "Sanabel Trading", "2026-09-04", 400])
    pay = wb.create_sheet("Payments")
    pay.append(["Customer", "Date", "Amount", "Invoice No"])
    pay.append(["delta foods", "2026-10-01", 200, "INV-2"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == ["C001", "C002", "C001", "Sanabel Trading"]
    assert book.payments["Customer ID"].tolist() == ["C002"]
    said = [(i.sheet, i.cell, i.message) for i in book.issues]
    assert said == [
        ("Invoices", "B2", "a customer's name, not an ID: read as C001 on 2 row(s)"),
        ("Payments", "A2", "a customer's name, not an ID: read as C002 on 1 row(s)"),
    ]
    assert arabic_message(said[0][2]) == "اسم عميل وليس رقمه: قُرئ على أنه C001 في 2 صف"
