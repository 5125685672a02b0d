"""A PDF statement converted to Excel with the date column glued to the narrative.

The converter put '02/11/2026 INWARD TRANSFER AL NOOR TRADING LLC INV-1001' in one cell under
'Date Description'; no column held a date alone, and the statement could not be read at all
('could not decide which column holds the booking date'), nor with the --bank-columns the
message proposed (Date=Date Description: '... is not a date'). Where no column holds the
date and one column's cells open with a date followed by words, each is split into its date
and its narrative; the other columns keep their cells, and issues name them where Excel
shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.errors import InputError
from tests._workbooks import save_sheets

ROWS = [
    ["Statement of Account", None, None, None],
    ["Date Description", "Debit", "Credit", "Balance"],
    ["01/11/2026 OPENING BALANCE", None, None, "15,000.000"],
    ["02/11/2026 INWARD TRANSFER AL NOOR TRADING LLC INV-1001", None, "1,250.000", "16,250.000"],
    ["03/11/2026 SWIFT CHARGES", "3.500", None, "16,246.500"],
    ["Balance Brought Forward", None, None, "16,246.500"],
    ["05/11/2026 KNET TRANSFER GULF STAR GENERAL TRADING INV-1003", None, "2,315.000",
     "18,561.500"],
    ["09/11/2026 CHEQUE DEPOSIT 000123 FALCON ELECTROMECHANICAL LLC", None, "4,725.O75",
     "23,286.575"],
    ["30/11/2026 CLOSING BALANCE", None, None, "23,286.575"],
]
NOTE = ("the date and the narrative are run together in column A ('01/11/2026 OPENING "
        "BALANCE'), as a PDF conversion leaves them: each cell was read as its date and its "
        "narrative")


def test_each_cell_is_read_as_its_date_and_its_narrative(tmp_path: Path) -> None:
    st = read_statement(save_sheets(tmp_path / "pdf.xlsx", {"Sheet": ROWS}))
    got = [(f"{d:%d/%m}", a, t) for d, a, t in
           zip(st.lines["Date"], st.lines["Amount"], st.lines["Description"], strict=True)]
    assert got == [("02/11", 1250.0, "INWARD TRANSFER AL NOOR TRADING LLC INV-1001"),
                   ("03/11", -3.5, "SWIFT CHARGES"),
                   ("05/11", 2315.0, "KNET TRANSFER GULF STAR GENERAL TRADING INV-1003")]
    [bal] = st.balances
    assert (bal.opening, bal.closing) == (15000.0, 23286.575)
    # the note, the unreadable amount at its cell as Excel shows it (C8, not D8: the split
    # moved it a column on), and the statement not tying out for that line
    assert [(i.cell, i.column, i.value) for i in st.issues] == [
        ("", "Date", "01/11/2026 OPENING BALANCE"), ("C8", "Credit", "4,725.O75"),
        ("statement 1", "Balance", -4725.08)]
    assert st.issues[0].message == NOTE
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    assert arabic_bank_message(NOTE) == (
        "التاريخ والبيان مدمجان في العمود A ('01/11/2026 OPENING BALANCE') كما يتركهما "
        "التحويل من PDF: قُرئت كل خلية تاريخاً وبياناً")


def test_a_narrative_opening_with_dates_here_and_there_is_no_date_column(tmp_path: Path) -> None:
    # two cells opening with a date are too few to read a column as dates glued to words:
    # the statement is refused as before, saying which column it could not find
    rows = [r[:] for r in ROWS[:5]] + [["CHQ 000123", None, "4,725.075", "20,971.575"]]
    rows[2][0] = "OPENING BALANCE"
    with pytest.raises(InputError, match="could not decide which column holds the booking date"):
        read_statement(save_sheets(tmp_path / "few.xlsx", {"Sheet": rows}))
