"""A Gulf business-banking portal's workbook (ENBD Business Online, ADCB ProCash, Mashreq
NeoBiz style) whose "Account Summary" sheet comes after its "Transactions" sheet: the lines
are read with the summary's details as when it comes before them (their currency, and the
balances they tie out to), and not where the summary names another account."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from ar_excel.bank import read_statement


def _portal_book(path: Path, account: str = "1012345678901", closing: float = 39500.00,
                 lines_account: str | None = None) -> Path:
    wb = Workbook()
    tx = wb.active
    tx.title = "Transactions"
    if lines_account:
        tx.append(["Account Number", lines_account])
        tx.append([])
    tx.append(["Date", "Value Date", "Narrative", "Reference", "Debit", "Credit",
               "Running Balance"])
    tx.append([dt.date(2026, 11, 4), dt.date(2026, 11, 4), "TT FROM AL AIN FARMS", "TT1104",
               None, 18000.00, 43000.00])
    tx.append([dt.date(2026, 11, 6), dt.date(2026, 11, 6), "CHQ 1021 PRESENTED", "CHQ1021",
               3500.00, None, 39500.00])
    ws = wb.create_sheet("Account Summary")
    for r in [["Account Summary"], ["Account Number", account],
              ["IBAN", "AE33003000" + account], ["Currency", "AED"],
              ["Opening Balance", 25000.00], ["Total Credits", 18000.00],
              ["Total Debits", 3500.00], ["Closing Balance", closing],
              ["Statement Date", dt.date(2026, 11, 30)]]:
        ws.append(r)
    wb.save(path)
    return path


def test_summary_sheet_after_the_lines_gives_their_currency_and_balances(tmp_path: Path
                                                                         ) -> None:
    st = read_statement(_portal_book(tmp_path / "portal.xlsx"))
    lines = st.lines
    assert lines["Amount"].tolist() == [18000.0, -3500.0]
    assert lines["Currency"].tolist() == ["AED", "AED"]
    assert lines["Reference"].tolist() == ["TT1104", "CHQ1021"]
    assert lines["Line No"].tolist() == [2, 3]  # rows of the Transactions sheet
    [bal] = st.balances
    assert (bal.account, bal.currency, bal.opening, bal.closing, bal.difference) == (
        "1012345678901", "AED", 25000.0, 39500.0, 0.0)
    assert not [i for i in st.issues if "another table" in i.message]


def test_a_summary_after_whose_closing_balance_differs_is_said(tmp_path: Path) -> None:
    st = read_statement(_portal_book(tmp_path / "portal.xlsx", closing=40500.00))
    [bal] = st.balances
    assert bal.difference == -1000.0
    [tie] = [i for i in st.issues if i.kind == "tie-out"]
    assert tie.sheet == "portal.xlsx [Transactions]"


def test_a_summary_after_of_another_account_is_not_taken(tmp_path: Path) -> None:
    st = read_statement(_portal_book(tmp_path / "portal.xlsx", account="2029999999901",
                                     lines_account="1012345678901"))
    assert st.lines["Amount"].tolist() == [18000.0, -3500.0]
    assert st.lines["Currency"].isna().all()
    assert all(b.opening is None and b.closing is None for b in st.balances)
