"""Month-end aging of an open-items list (a Balance column, no Payments sheet) that keeps its
settlements as dated rows, run a few days after the month ends. The list's balances are
today's: a receipt of the list dated 2 December had not paid anything on 30 November, so the
invoice it settled was still owed then, as an invoice paid by a later Payments row is.

By pencil: I-1 1,000 (1 October, due 31 October, Balance 0) paid by R-1 1,000 of 2 December,
a row of the list; I-2 500 (10 November, due 10 December, Balance 500).

* as of 30 November: I-1 1,000 in 1-30 (30 days past due) + I-2 500 Current = 1,500.00;
* as of 2 December: I-2 500 = 500.00.

Before, the Aging as of 30 November took I-1 as paid (500.00), under the statement to that
day closing at 1,500.00 (``statements.owed_on``)."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(tmp_path, payments_sheet=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Alpha Trading", "a@alpha.ae", "AED", 30, 10000])
    ws = wb.create_sheet("Invoices")
    if payments_sheet:  # the same month kept with a Payments sheet
        ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
        ws.append(["I-1", "C1", datetime(2026, 10, 1), datetime(2026, 10, 31), 1000])
        ws.append(["I-2", "C1", datetime(2026, 11, 10), datetime(2026, 12, 10), 500])
        ws = wb.create_sheet("Payments")
        ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
        ws.append(["R-1", "C1", datetime(2026, 12, 2), 1000, "I-1"])
    else:
        ws.append(["Invoice No", "Type", "Customer ID", "Invoice Date", "Due Date", "Amount",
                   "Balance"])
        ws.append(["I-1", "Invoice", "C1", datetime(2026, 10, 1), datetime(2026, 10, 31),
                   1000, 0])
        ws.append(["R-1", "Payment", "C1", datetime(2026, 12, 2), None, -1000, 0])
        ws.append(["I-2", "Invoice", "C1", datetime(2026, 11, 10), datetime(2026, 12, 10),
                   500, 500])
    path = tmp_path / ("payments.xlsx" if payments_sheet else "open_items.xlsx")
    wb.save(path)
    return path


def _run(path, tmp_path, as_of):
    out = tmp_path / f"run_{path.stem}_{as_of}.xlsx"
    assert main(["run", str(path), "--as-of", as_of, "-o", str(out)]) == 0
    return pd.read_excel(out, sheet_name=None, engine="calamine")


def _aging(tabs):
    aging = tabs["Aging"]
    row = aging[aging["Customer ID"] == "C1"].iloc[0]
    detail = tabs["Aging Detail"]
    return ({b: float(row[b]) for b in ("Current", "1-30", "31-60", "61-90", "90+", "Total")},
            list(zip(detail["Document No"], detail["Open Amount"], detail["Days Past Due"],
                     detail["Bucket"], strict=True)))


def _statement_closing(path, tmp_path, as_of):
    out = tmp_path / f"statements_{as_of}.xlsx"
    assert main(["statements", str(path), "--as-of", as_of, "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    tab = tab[tab["Customer ID"] == "C1"]
    closing = tab.loc[tab["Type"] == "Closing balance", "Balance"].tolist()
    return closing, float(tab.loc[tab["Type"] == "Aging", "Balance"].sum())


def _closing_ar(path, tmp_path, as_of):
    out = tmp_path / f"report_{as_of}.xlsx"
    assert main(["report", str(path), "--as-of", as_of, "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    return k["Opening AR"], k["Closing AR"]


def test_month_end_aging_of_a_list_adds_back_settlements_dated_after_it(tmp_path):
    path = _book(tmp_path)
    tabs = _run(path, tmp_path, "2026-11-30")
    buckets, detail = _aging(tabs)
    assert buckets == {"Current": 500.0, "1-30": 1000.0, "31-60": 0.0, "61-90": 0.0,
                       "90+": 0.0, "Total": 1500.0}
    assert detail == [("I-1", 1000.0, 30, "1-30"), ("I-2", 500.0, -10, "Current")]
    credit = tabs["Credit Status"]
    assert credit.loc[credit["Customer ID"] == "C1", "Open Balance"].tolist() == [1500.0]
    dunning = tabs["Dunning"]
    assert dunning.loc[dunning["Customer ID"] == "C1", "Open Balance"].tolist() == [1500.0]
    # as a Payments dated after the as-of date, nothing to say: R-1 had not come in yet
    assert len(tabs["Input Issues"]) == 0
    assert _statement_closing(path, tmp_path, "2026-11-30") == ([1500.0], 1500.0)
    assert _closing_ar(path, tmp_path, "2026-11-30") == (1000.0, 1500.0)

    tabs = _run(path, tmp_path, "2026-12-02")
    buckets, detail = _aging(tabs)
    assert buckets["Total"] == 500.0 and buckets["Current"] == 500.0
    assert detail == [("I-2", 500.0, -8, "Current")]
    credit = tabs["Credit Status"]
    assert credit.loc[credit["Customer ID"] == "C1", "Open Balance"].tolist() == [500.0]
    assert _statement_closing(path, tmp_path, "2026-12-02") == ([500.0], 500.0)
    # November's 1,000 of I-1 opens the 30 days to 2 December, R-1 takes it out
    assert _closing_ar(path, tmp_path, "2026-12-02") == (1000.0, 500.0)


def test_the_same_month_with_a_payments_sheet_ages_the_same(tmp_path):
    """The Payments sheet's R-1 of 2 December: the ledger's own rule, unchanged."""
    path = _book(tmp_path, payments_sheet=True)
    buckets, detail = _aging(_run(path, tmp_path, "2026-11-30"))
    assert buckets["Total"] == 1500.0 and buckets["1-30"] == 1000.0
    assert detail == [("I-1", 1000.0, 30, "1-30"), ("I-2", 500.0, -10, "Current")]
    buckets, detail = _aging(_run(path, tmp_path, "2026-12-02"))
    assert buckets["Total"] == 500.0
