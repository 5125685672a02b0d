"""A customer master keeping the name in Latin letters under the header Arabic packages and
SAP Business One give it (الاسم اللاتيني, الاسم الأجنبي, Foreign Name): Iraq's and Jordan's
banks print that name, which the Arabic name does not resemble (شركة نجمة هولير للتجارة is
HAWLER STAR TRADING CO). Two customers owe the same amount: the name alone tells who paid."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.cli import main

MASTER = [("IQ-007", "شركة نجمة هولير للتجارة", "HAWLER STAR TRADING CO"),
          ("IQ-001", "شركة نينوى للأغذية", "NINEVEH FOOD CO")]


def _reconcile(tmp: Path, headers: tuple[str, str, str], bank: str) -> pd.DataFrame:
    book = tmp / "book.xlsx"
    with pd.ExcelWriter(book) as w:
        pd.DataFrame([(*m, "IQD", 30) for m in MASTER],
                     columns=[*headers, "Currency", "Payment Terms"]
                     ).to_excel(w, sheet_name="Customers", index=False)
        frame = pd.DataFrame([("2026/325", "IQ-007", "2026-10-22", 7_200_000.0),
                              ("2026/317", "IQ-001", "2026-10-10", 7_200_000.0)],
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


@pytest.mark.parametrize("headers", [("رقم العميل", "اسم العميل", "الاسم اللاتيني"),
                                     ("رقم العميل", "اسم العميل", "الاسم الأجنبي"),
                                     ("Customer ID", "Customer Name", "Foreign Name")])
def test_the_latin_name_column_names_the_payer(tmp_path, headers):
    m = _reconcile(tmp_path, headers, "Value Date,Details,Amount\n"
                   "03/11/2026,TRANSFER FROM HAWLER STAR TRADING CO.,7200000\n")
    assert list(zip(m["Invoice No"], m["Customer ID"], m["Method"], m["Status"],
                    strict=True)) == [("2026/325", "IQ-007", "amount+payer", "Matched")]


def test_sap_business_ones_foreign_name_is_never_the_name(tmp_path):
    """SAP Business One's BP Name is the Name; its Foreign Name stays a column of its own."""
    from ar_excel.io.reader import read_book

    book = tmp_path / "bp.xlsx"
    pd.DataFrame([("C1", "Delta Trading", "DELTA TRD")],
                 columns=["BP Code", "BP Name", "Foreign Name"]).to_excel(
        book, sheet_name="Customers", index=False)
    customers = read_book(book).frame("Customers")
    assert customers["Name"].tolist() == ["Delta Trading"]
    assert customers["Foreign Name"].tolist() == ["DELTA TRD"]
