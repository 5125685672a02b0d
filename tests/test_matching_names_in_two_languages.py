"""A customer master keeping each customer's name in both languages (English Name beside
الاسم بالعربي): the bank prints the payer's name in either, and either identifies the payer,
through ``ar-excel reconcile`` on small books whose two customers owe the same amount (the
amount alone cannot tell who paid)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.cli import main

MASTER = [("C1", "Sharjah Building Materials LLC", "الشارقة لمواد البناء ذ.م.م"),
          ("C2", "Gulf Star Trading", "نجمة الخليج للتجارة")]


def _reconcile(tmp: Path, headers: tuple[str, str, str], bank: str) -> pd.DataFrame:
    book = tmp / "book.xlsx"
    with pd.ExcelWriter(book) as w:
        pd.DataFrame([(*m, "AED", 30) for m in MASTER],
                     columns=[*headers, "Currency", "Payment Terms"]
                     ).to_excel(w, sheet_name="Customers", index=False)
        frame = pd.DataFrame([("INV-1", "C1", "2026-10-01", 5000.0),
                              ("INV-2", "C2", "2026-10-01", 5000.0)],
                             columns=["Invoice No", "Customer ID", "Invoice Date", "Amount"])
        frame["Invoice Date"] = pd.to_datetime(frame["Invoice Date"])
        frame.to_excel(w, sheet_name="Invoices", index=False)
        pd.DataFrame(columns=["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]
                     ).to_excel(w, sheet_name="Payments", index=False)
    statement = tmp / "bank.csv"
    statement.write_text(bank, encoding="utf-8")
    out = tmp / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "-o", str(out)]) == 0
    return pd.read_excel(out, sheet_name="Bank Matches", engine="calamine")


def _rows(m: pd.DataFrame) -> list[tuple]:
    return list(zip(m["Invoice No"], m["Customer ID"], m["Applied Amount"], m["Method"],
                    m["Status"], strict=True))


@pytest.mark.parametrize("narrative", ["تحويل وارد الشارقة لمواد البناء",
                                       "حوالة واردة من شركة الشارقة لمواد البناء ذ م م"])
def test_an_arabic_narrative_names_the_customer_of_an_english_master(tmp_path, narrative):
    m = _reconcile(tmp_path, ("Customer ID", "Name", "Arabic Name"),
                   f"Date,Description,Amount\n2026-11-10,{narrative},5000.00\n")
    assert _rows(m) == [("INV-1", "C1", 5000.0, "amount+payer", "Matched")]


def test_a_latin_payer_name_names_the_customer_of_an_arabic_master(tmp_path):
    m = _reconcile(tmp_path, ("رقم العميل", "الاسم بالعربي", "English Name"),
                   "Date,Description,Amount,Counterparty\n"
                   "2026-11-10,INWARD TRANSFER,5000.00,GULF STAR TRADING\n")
    assert _rows(m) == [("INV-2", "C2", 5000.0, "amount+payer", "Matched")]


def test_without_the_other_language_column_the_amount_alone_decides_nothing(tmp_path):
    # (not the Sharjah company's name: SHARJAH and الشارقة are one place, read alike in either
    # language, ``names._PLACES``)
    m = _reconcile(tmp_path, ("Customer ID", "Name", "Notes"),
                   "Date,Description,Amount\n2026-11-10,تحويل وارد نجمة الخليج للتجارة,"
                   "5000.00\n")
    assert m.empty
