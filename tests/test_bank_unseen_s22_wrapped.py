"""A line printed over two or three rows, as Emirates NBD's and Mashreq's portals print it:
the date, narrative start and amount on the first row; the value date, the bank's reference
and the rest of the narrative on the rows under it. The line keeps all of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from ar_excel.bank import read_statement


def test_value_date_and_reference_on_the_rows_under_the_amount(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Account Number", "1012345678901"])
    ws.append(["Currency", "AED"])
    ws.append([])
    ws.append(["Transaction Date", "Value Date", "Description", "Reference", "Debit", "Credit",
               "Balance"])
    ws.append([dt.date(2026, 11, 2), None, "INWARD TT", None, None, 12600.00, 96810.00])
    ws.append([None, dt.date(2026, 11, 3), "DESERT ROSE GENERAL TRADING", "TT2611020098", None,
               None, None])
    ws.append([None, None, "INV 7714 7715", None, None, None, None])
    ws.append([dt.date(2026, 11, 5), None, "CHEQUE DEPOSIT", "CLG000871", None, 31500.00,
               128310.00])
    ws.append([None, dt.date(2026, 11, 6), "EMIRATES STEEL", "IGNORED-2ND", None, None, None])
    ws.append([dt.date(2026, 11, 7), dt.date(2026, 11, 7), "WPS SALARY", "WPS2611", 45000.00,
               None, 83310.00])
    wb.save(tmp_path / "enbd.xlsx")
    st = read_statement(tmp_path / "enbd.xlsx")
    lines = st.lines
    assert lines["Amount"].tolist() == [12600.0, 31500.0, -45000.0]
    assert lines["Line No"].tolist() == [5, 8, 10]
    assert lines["Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-02", "2026-11-05", "2026-11-07"]
    assert lines["Value Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-03", "2026-11-06", "2026-11-07"]
    # the line's own reference first; a blank one from the rows under it
    assert lines["Reference"].tolist() == ["TT2611020098", "CLG000871", "WPS2611"]
    assert lines["Description"].tolist() == [
        "INWARD TT DESERT ROSE GENERAL TRADING TT2611020098 INV 7714 7715",
        "CHEQUE DEPOSIT EMIRATES STEEL IGNORED-2ND", "WPS SALARY"]
    assert st.issues == []
