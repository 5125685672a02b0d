"""A page number that a PDF conversion put under a money column.

A PDF statement centres 'Page 1 of 2' at each page's foot, or aligns it right; converted to
Excel it lands under Credit or Balance. Only a row without an amount was looked at for a page
number, so that row (its 'amount' the page number) was reported as a line whose date could
not be read, left out: one issue per page beside the lines. It is the page number it is,
wherever it stands, said once for the file as in any other column."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets

HEADER = ["Date", "Description", "Cheque No", "Debit", "Credit", "Balance"]
ROWS = [
    ["BURGAN BANK K.P.S.C", None, None, None, None, None],
    HEADER,
    [None, "Balance Brought Forward", None, None, None, "15,000.000"],
    ["02/11/2026", "INWARD TRANSFER AL NOOR TRADING LLC INV-1001", None, None, "1,250.000",
     "16,250.000"],
    ["03/11/2026", "SWIFT CHARGES", None, "3.500", None, "16,246.500"],
    [None, None, None, None, "Page 1 of 2", None],
    HEADER,
    ["05/11/2026", "KNET TRANSFER GULF STAR INV-1003", None, None, "2,315.000", "18,561.500"],
    [None, "Closing Balance", None, None, None, "18,561.500"],
    [None, None, None, None, None, "Page 2 of 2"],
]


def test_page_numbers_under_credit_and_balance_are_page_numbers(tmp_path: Path) -> None:
    st = read_statement(save_sheets(tmp_path / "pdf.xlsx", {"Table 1": ROWS}))
    assert st.lines["Amount"].tolist() == [1250.0, -3.5, 2315.0]
    [bal] = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (15000.0, 18561.5, 0.0)
    assert [(i.cell, i.column, i.value, i.message) for i in st.issues] == [
        ("E6", "Credit", "Page 1 of 2", "page numbers ('Page 1 of 2', rows 6, 10): the "
         "statement's page breaks, not a transaction; left out")]
