"""A header that a PDF-to-Excel conversion wrapped over two rows, no cell merged (helper-155):
each column's two lines are its name."""

from __future__ import annotations

import pandas as pd

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets


def test_english_names_wrapped_under_their_first_words(tmp_path):
    rows = [
        ["Transaction", "Value", "Transaction", "Debit", "Credit", "Running"],
        ["Date", "Date", "Details", "Amount", "Amount", "Balance"],
        ["02/11/2026", "02/11/2026", "INWARD TT FROM AL NOOR TRADING INV-2026-101", None,
         "2,500.00", "12,500.00"],
        ["03/11/2026", "04/11/2026", "DEWA", "500.00", None, "12,000.00"],
    ]
    # before: 'could not decide which column holds the booking date (headers: Transaction,
    # Value, Transaction, Debit, Credit, Running)', the file not read at all
    stmt = read_statement(save_sheets(tmp_path / "enbd.xlsx", {"Sheet": rows}))
    assert stmt.lines["Amount"].tolist() == [2500.0, -500.0]
    assert stmt.lines["Date"].tolist() == [pd.Timestamp(2026, 11, 2), pd.Timestamp(2026, 11, 3)]
    assert stmt.lines["Value Date"].tolist() == [pd.Timestamp(2026, 11, 2),
                                                 pd.Timestamp(2026, 11, 4)]
    assert stmt.lines["Description"].tolist()[0] == "INWARD TT FROM AL NOOR TRADING INV-2026-101"
    assert stmt.lines["Balance"].tolist() == [12500.0, 12000.0]
    assert stmt.lines["Line No"].tolist() == [3, 4]
    assert stmt.issues == []


def test_arabic_names_wrapped_the_header_row_found_on_the_second(tmp_path):
    path = tmp_path / "cib.csv"
    path.write_text("تاريخ,تاريخ,تفاصيل,مبلغ,مبلغ,الرصيد\n"
                    "العملية,الحق,العملية,مدين,دائن,\n"
                    '02/11/2026,03/11/2026,حوالة واردة من شركة النور,,"2,500.00","12,500.00"\n'
                    '03/11/2026,03/11/2026,رسوم,500.00,,"12,000.00"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [2500.0, -500.0]
    assert stmt.lines["Value Date"].tolist() == [pd.Timestamp(2026, 11, 3),
                                                 pd.Timestamp(2026, 11, 3)]
    assert stmt.lines["Description"].tolist() == ["حوالة واردة من شركة النور", "رسوم"]
    assert stmt.lines["Line No"].tolist() == [3, 4]
