"""Xero's Aged Receivables Detail (contact headings, its bucket columns and Total, no Balance
or Paid column, no Payments sheet) lists what is open on its date, not what was received: the
pack showed CEI 0.00 % and Receipts 0 ('nothing collected') where the report cannot know what
was collected. Now they are blank with the reason, as for an open-items list with a Balance
column; DSO, from what is open and what was issued, stays."""

from __future__ import annotations

from datetime import date

import numpy as np
import openpyxl
import pandas as pd

from ar_excel.cli import main


def _contact(name, rows, total):
    return [[name], *rows, [f"Total {name}", None, None, None, *total], []]


def _xero(tmp_path):
    sheet = [["Aged Receivables Detail"], ["Nile Co"], ["As at 30 November 2026"], [],
             ["Invoice Date", "Number", "Invoice Reference", "Due Date", "Current",
              "< 1 Month", "1 Month", "2 Months", "3 Months", "Older", "Total"],
             *_contact("Nile Foods", [
                 [date(2026, 10, 1), "INV-0001", "PO 55", date(2026, 10, 31), 0, 10000, 0, 0,
                  0, 0, 10000],
                 [date(2026, 11, 10), "INV-0002", None, date(2026, 12, 10), 3000, 0, 0, 0, 0,
                  0, 3000]], [3000, 10000, 0, 0, 0, 0, 13000]),
             *_contact("Delta Traders", [
                 [date(2026, 9, 15), "INV-0003", None, date(2026, 10, 15), 0, 0, 8000, 0, 0,
                  0, 8000]], [0, 0, 8000, 0, 0, 0, 8000]),
             *_contact("Sinai Build", [
                 [date(2026, 11, 20), "INV-0004", None, date(2026, 12, 20), 12000, 0, 0, 0, 0,
                  0, 12000]], [12000, 0, 0, 0, 0, 0, 12000]),
             ["Total", None, None, None, 15000, 10000, 8000, 0, 0, 0, 33000]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Aged Receivables Detail"
    for row in sheet:
        ws.append(row)
    path = tmp_path / "xero_aged.xlsx"
    wb.save(path)
    return path


def test_an_aged_receivables_detail_gives_no_cei(tmp_path, capsys):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(_xero(tmp_path)), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert "DSO 66.00, CEI n/a" in capsys.readouterr().out
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=0)
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    # 33,000 open of 15,000 issued in November's 30 days
    assert (k["Closing AR"], k["Credit Sales"], k["DSO"]) == (33000, 15000, 66)
    assert all(np.isnan(k[f]) for f in ("Receipts", "Receipts Count", "CEI %",
                                         "Collection Rate %"))
    dash = pd.read_excel(out, sheet_name="Dashboard", engine="calamine", header=None)
    cei = dash[dash[0] == "Collection effectiveness index (CEI)"].iloc[0]
    assert np.isnan(cei[1])
    assert cei[3].endswith("; blank: the workbook records no receipts (its invoice list "
                           "states what is open)")
