"""A section of pending transactions titled right under the booked lines, in a statement whose
narrative is its first column and which prints no running balance.

274a8e6 reads a row like 'CHEQUES UNDER COLLECTION' between two lines of such a statement as
the rest of the narrative above (a cheque deposit's). A title naming the section's lines
('Pending Transactions', 'حركات معلقة') is no narrative of one line: the cheques under it are
not booked yet. Before this, the 7,000.00 and 4,000.00 pending cheques were read as booked
receipts (candidates for invoices INV-1002 and INV-1003) and 'Pending Transactions' glued onto
'SERVICE CHARGES', without a word."""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

ABOVE = ("Description,Date,Debit,Credit\n"
         'INWARD TRANSFER AL NOOR INV-1001,02/11/2026,,"12,500.00"\n'
         "SERVICE CHARGES,05/11/2026,25.00,\n")
BELOW = ('CHQ DEPOSIT 000146 DELTA TRADING INV-1002,29/11/2026,,"7,000.00"\n'
         'CHQ DEPOSIT 000147 NILE FOODS INV-1003,29/11/2026,,"4,000.00"\n')


@pytest.mark.parametrize("title", ["Pending Transactions", "Uncleared items", "حركات معلقة"])
def test_a_section_title_right_under_the_lines_leaves_its_lines_out(tmp_path, title):
    (tmp_path / "s.csv").write_text(ABOVE + f"{title},,,\n" + BELOW, encoding="utf-8")
    st = read_statement(tmp_path / "s.csv")
    assert st.lines["Amount"].tolist() == [12500.0, -25.0]
    assert st.lines["Description"].tolist() == ["INWARD TRANSFER AL NOOR INV-1001",
                                               "SERVICE CHARGES"]
    assert [(i.cell, i.message) for i in st.issues] == [
        (cell, f"pending (not yet booked) line under '{title}' left out; it will come on a "
               "later statement") for cell in ("B5", "B6")]
