"""A distributor's books closed on Saturday 31 January 2026, checked by pencil.

EGP is the home currency; an importer is billed in USD and a German customer in EUR. The
workbook keeps its exchange rates on a sheet of their own (``FX Rates``: a rate per currency
per month end, the header saying ``Rate to EGP``), not on the Policy sheet: the management
pack's all-currency total and the credit check read them from there. A partial payment, a
payment after the as-of date, cash on account, an unapplied EUR credit note, an invoice
dated on the as-of date itself. Every figure below is worked out by hand in the comments.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-01-31"


def _book(path, fx=None, policy=None, fx_title="FX Rates"):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email",
                  "Phone"],
                 ["D001", "Cairo Pharma Stores", "EGP", "Net 30", 500000, "ap@cps.example",
                  "+20 2 2222 0001"],
                 ["D002", "Gulf Import FZE", "USD", "Net 60", 50000, "ar@gulf.example",
                  "+971 4 333 0002"],
                 ["D003", "Hamburg Handels GmbH", "EUR", "Net 45", 40000, "fin@hh.example",
                  None],
                 ["D004", "Alex Retail", "EGP", "Net 15", 100000, "pay@alex.example",
                  "+20 3 4444 0004"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"],
                ["INV-2025-0901", "D001", d(2025, 9, 20), None, "EGP", 120000],
                ["INV-2025-1105", "D001", d(2025, 11, 5), None, "EGP", 80000],
                ["INV-2026-0003", "D001", d(2026, 1, 3), None, "EGP", 60000],
                ["INV-2025-1010", "D002", d(2025, 10, 10), None, "USD", 15000],
                ["INV-2026-0010", "D002", d(2026, 1, 10), None, "USD", 9000],
                ["INV-2025-1201", "D003", d(2025, 12, 1), None, "EUR", 12000],
                ["INV-2026-0020", "D003", d(2026, 1, 20), None, "EUR", 5000],
                ["CN-2026-0001", "D003", d(2026, 1, 25), None, "EUR", -1000],
                ["INV-2025-1215", "D004", d(2025, 12, 15), None, "EGP", 40000],
                ["INV-2026-0030", "D004", d(2026, 1, 31), None, "EGP", 25000]]
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                ["RC-1", "D001", d(2025, 12, 28), 50000, "INV-2025-0901"],
                ["RC-2", "D001", d(2026, 1, 15), 80000, "INV-2025-1105"],
                ["RC-3", "D002", d(2026, 1, 12), 5000, "INV-2025-1010"],
                ["RC-4", "D003", d(2026, 1, 14), 12000, "INV-2025-1201"],
                ["RC-5", "D004", d(2026, 1, 28), 10000, None],
                ["RC-6", "D004", d(2026, 2, 2), 40000, "INV-2025-1215"]]
    if fx is None:
        fx = [["Currency", "Rate to EGP", "Date"],
              ["USD", 49.80, d(2025, 12, 31)],
              ["EUR", 53.90, d(2025, 12, 31)],
              ["USD", 50.50, d(2026, 1, 31)],
              ["EUR", 55.00, d(2026, 1, 31)],
              ["GBP", "n/a", d(2026, 1, 31)]]
    sheets = {"Customers": customers, "Invoices": invoices, "Payments": payments,
              fx_title: fx}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    return save_sheets(path, sheets)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return run_jobs(_book(tmp_path_factory.mktemp("distributor") / "book.xlsx"), AS_OF)


def test_aging_per_currency_by_pencil(runs):
    got = {(r["Customer ID"], r["Currency"]): tuple(r[b] for b in BUCKETS)
           for r in table(runs["run"]["Aging"])}
    assert got == {
        # INV-0901 120,000 - 50,000 due 20 Oct: 103 days; INV-0003 due 2 Feb
        ("D001", "EGP"): (60000, 0, 0, 0, 70000, 130000),
        # INV-1010 15,000 - 5,000 due 9 Dec (Net 60): 53 days; INV-0010 due 11 March
        ("D002", "USD"): (9000, 0, 10000, 0, 0, 19000),
        # INV-1201 paid; INV-0020 due 6 March; the credit note of 25 January: 6 days
        ("D003", "EUR"): (5000, -1000, 0, 0, 0, 4000),
        # INV-1215 due 30 Dec: 32 days (RC-6 comes on 2 February); RC-5 on account, 3 days;
        # INV-0030 dated on the as-of day, due 15 February
        ("D004", "EGP"): (25000, -10000, 40000, 0, 0, 55000),
    }
    ws = runs["run"]["Aging"]
    tie = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 5).value)
           for r in range(9, 12)}
    assert tie == {"EGP": (185000, "OK"), "EUR": (4000, "OK"), "USD": (19000, "OK")}


def test_kpis_per_currency_by_pencil(runs):
    k = {(r["KPI"], r["Currency"]): r["Value"] for r in table(runs["pack"]["KPIs"])}
    names = ("Days in Period", "Opening AR", "Credit Sales", "Receipts", "Closing AR",
             "Closing Current AR", "DSO", "Best-Possible DSO", "CEI %", "Collection Rate %")
    # EGP: opening at 31 Dec 70,000 + 80,000 + 40,000; sales 60,000 + 25,000; receipts
    # RC-2 80,000 + RC-5 10,000; DSO 185,000 / 85,000 x 31; CEI 90,000 / (275,000 - 85,000);
    # rate 90,000 / 275,000
    assert [k[(n, "EGP")] for n in names] == [31, 190000, 85000, 90000, 185000, 85000,
                                              67.47, 31, 47.37, 32.73]
    # USD: opening 15,000; sales 9,000; 5,000 received; DSO 19,000 / 9,000 x 31;
    # CEI 5,000 / (24,000 - 9,000); rate 5,000 / 24,000
    assert [k[(n, "USD")] for n in names] == [31, 15000, 9000, 5000, 19000, 9000, 65.44, 31,
                                              33.33, 20.83]
    # EUR: sales 5,000 - 1,000; DSO 4,000 / 4,000 x 31; rate 12,000 / 16,000
    assert [k[(n, "EUR")] for n in ("Opening AR", "Credit Sales", "Receipts", "Closing AR",
                                     "DSO", "Collection Rate %")] == [12000, 4000, 12000, 4000,
                                                                      31, 75]


def test_dashboard_reads_the_rates_sheet(runs):
    """The rates of 31 January (the latest date of each currency) are used: 4,000 EUR x 55 +
    19,000 USD x 50.50 + 185,000 EGP = 1,364,500 EGP; the GBP row without a rate is an
    Input Issue at its cell."""
    ws = runs["pack"]["Dashboard"]
    assert (ws["A14"].value, ws["B14"].value, ws["C14"].value) == (
        "Total receivables, all currencies", 1364500, "EGP")
    at = next(r for r in range(1, ws.max_row + 1)
              if str(ws.cell(r, 1).value).startswith("Receivables in other currencies"))
    assert ws.cell(at, 1).value == ("Receivables in other currencies (equivalent in EGP at "
                                    "the Policy's exchange rates)")
    rows = [[ws.cell(r, c).value for c in range(1, 7)] for r in (at + 2, at + 3)]
    # EUR overdue: D003 has no invoice past due (INV-2026-0020 falls due 6 March) and its
    # credit note of 25 January (-1,000) lowers its current AR: max(0, 0 - 1,000) = 0, not
    # the -1,000 "overdue" of the credit note's own date
    assert rows == [["EUR", 4000, 0, 31, 55, 220000],
                    ["USD", 19000, 10000, 65.44, 50.5, 959500]]
    issues = table(runs["pack"]["Input Issues"])
    assert [(i["Sheet"], i["Cell"], i["Value"]) for i in issues] == [("FX Rates", "B6", "n/a")]
    assert issues[0]["Message"] == ("the exchange rate of GBP is not a number above zero; GBP "
                                    "is given no rate from this row")


def test_collections_by_pencil(runs):
    dun = {r["Customer ID"]: (r["Level"], r["Days Overdue"], r["Overdue Amount"],
                              r["Credit On Account"], r["Amount To Collect"])
           for r in table(runs["run"]["Dunning"])}
    assert dun == {"D001": (4, 103, 70000, 0, 70000),  # 90+: hold and visit
                   "D004": (2, 32, 40000, 10000, 30000),  # RC-5 set against INV-1215
                   "D002": (2, 53, 10000, 0, 10000),
                   "D003": (0, 0, 0, 1000, 0)}
    calls = [(r["Customer ID"], r["Amount To Collect"]) for r in table(runs["run"]["Call List"])]
    # USD 10,000 is EGP 505,000 at the sheet's 50.50: Gulf Import is called first (ranked
    # by raw amounts, EGP 30,000 came first)
    assert calls == [("D002", 10000), ("D004", 30000)]
    visits = [(r["Customer ID"], r["Amount To Collect"])
              for r in table(runs["run"]["Visit List"])]
    assert visits == [("D001", 70000)]
    # D004 has paid nothing: it gets the EGP portfolio's average, D001's INV-1105 paid 41
    # days late (D003's EUR invoice, paid a day early, is no part of it: 12,000 EUR is not
    # 12,000 EGP). INV-1215's 30,000 (after RC-5) is expected 30 Dec + 41 = 9 February (week
    # 2), INV-0030 15 Feb + 41 = 28 March (week 9); INV-0003 2 Feb + D001's 70.9 = 14 April
    # (week 11); INV-0901 is doubtful (90+)
    risk = {r["Customer ID"]: (r["Average Days Late"], r["Basis"])
            for r in table(runs["run"]["Payment Risk"])}
    assert risk["D004"] == (41, "portfolio average")
    forecast = runs["run"]["Cash Forecast"]
    assert forecast["I1"].value == ("13-week cash-collection forecast from 2026-01-31, in EGP: "
                                    "115,000.00 in all; in their own columns: EUR 4,000.00, "
                                    "USD 10,000.00")
    weeks = {r["Week"]: r["Expected Receipts"] for r in table(forecast)
             if r["Expected Receipts"]}
    assert weeks == {2: 30000, 9: 25000, 11: 60000}


def test_statements_tie_to_the_aging_per_currency(runs):
    rows = table(runs["statements"]["Customer Statements"])
    closing = {(r["Customer ID"], r["Currency"]): r["Balance"] for r in rows
               if r["Type"] == "Closing balance"}
    aging = {(r["Customer ID"], r["Currency"]): r["Total"] for r in table(runs["run"]["Aging"])}
    assert closing == aging
    d003 = [(r["Type"], r.get("Document"), r.get("Debit"), r.get("Credit"), r["Balance"])
            for r in rows if r["Customer ID"] == "D003" and r["Type"] != "Aging"]
    assert d003 == [("Opening balance", None, None, None, 12000),
                    ("Receipt", "RC-4", 0, 12000, 0),
                    ("Invoice", "INV-2026-0020", 5000, 0, 5000),
                    ("Credit Note", "CN-2026-0001", 0, 1000, 4000),
                    ("Closing balance", None, None, None, 4000)]
    pdf = runs["dir"] / "statements" / "Statement_D003.pdf"
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Currency: EUR" in text and "Hamburg Handels GmbH" in text
    assert " ".join(text.split()).count("4,000.00") >= 2  # the closing balance and its aging


def _dashboard(tmp_path, **book):
    """The management pack's Dashboard of the book ``_book(**book)`` makes."""
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(_book(tmp_path / "book.xlsx", **book)), "--as-of", AS_OF, "-o",
                 str(out)]) == 0
    return openpyxl.load_workbook(out)["Dashboard"]


def test_a_policy_rate_wins_over_the_sheet(tmp_path, capsys):
    ws = _dashboard(tmp_path, policy=[["exchange_rates", "USD=48; EUR=52"]])
    # 185,000 + 4,000 x 52 + 19,000 x 48
    assert ws["B14"].value == 1305000
    # the sheet is not read: its GBP row says nothing
    assert "0 input issue(s)" in capsys.readouterr().out


def test_an_arabic_rates_sheet_without_dates(tmp_path):
    """``أسعار الصرف`` with ``العملة`` and ``السعر``, a rate per currency and the last row of
    a currency winning: the base is the book's currency the rates leave out (EGP)."""
    fx = [["العملة", "السعر"], ["دولار", 50], ["USD", "٥٠٫٧٥"], ["EUR", 55]]
    ws = _dashboard(tmp_path, fx=fx, fx_title="أسعار الصرف")
    # 185,000 + 4,000 x 55 + 19,000 x 50.75
    assert ws["B14"].value == 1369250


def test_a_rate_header_in_capitals_names_no_currency(tmp_path):
    """A treasury's sheet headed CURRENCY | RATE: 'RATE' is no currency, so the book's
    currency is not 'RAT' (its first three letters were read as the code the rates are
    against), and 'RATE TO EGP' names EGP as 'Rate to EGP' does."""
    for header in ("RATE", "RATE TO EGP"):
        ws = _dashboard(tmp_path, fx=[["CURRENCY", header], ["USD", 50.50], ["EUR", 55]])
        # 185,000 + 4,000 x 55 + 19,000 x 50.50, in EGP
        assert (ws["A14"].value, ws["B14"].value, ws["C14"].value) == (
            "Total receivables, all currencies", 1364500, "EGP"), header


def test_a_sheet_named_fx_listing_amounts_gives_no_rates(tmp_path, capsys):
    """A sheet 'FX' listing foreign-currency invoices (Currency, Amount) is no rates table:
    its amounts are never read as rates."""
    fx = [["Currency", "Amount", "Invoice No"], ["USD", 9000, "INV-2026-0010"],
          ["EUR", 5000, "INV-2026-0020"]]
    ws = _dashboard(tmp_path, fx=fx, fx_title="FX")
    assert ws["A14"].value != "Total receivables, all currencies"
    assert any(str(c.value).endswith("(equivalent in EGP at the Policy's exchange rates; no "
                                     "rate for EUR, USD)") for c in ws["A"])


def test_totals_tie_across_tabs_per_currency(runs):
    aging, statements, credit, kpis = {}, {}, {}, {}
    for r in table(runs["run"]["Aging"]):
        aging[r["Currency"]] = aging.get(r["Currency"], 0) + r["Total"]
    for r in table(runs["statements"]["Customer Statements"]):
        if r["Type"] == "Closing balance":
            statements[r["Currency"]] = statements.get(r["Currency"], 0) + r["Balance"]
    for r in table(runs["run"]["Credit Status"]):
        credit[r["Currency"]] = credit.get(r["Currency"], 0) + r["Open Balance"]
    for r in table(runs["pack"]["KPIs"]):
        if r["KPI"] == "Closing AR":
            kpis[r["Currency"]] = r["Value"]
    assert aging == statements == credit == kpis == {"EGP": 185000, "EUR": 4000, "USD": 19000}
    assert runs["pack"]["Dashboard"]["B3"].value == 185000


def test_a_policy_base_other_than_the_sheet_s(tmp_path):
    """The Policy makes USD the main currency while the sheet's rates are against EGP
    ('Rate to EGP'): EGP is worth 1 / 50.50 USD and EUR 55 / 50.50. Each equivalent is in
    cents of a dollar and the total foots to them (it showed 27,019.802 USD)."""
    ws = _dashboard(tmp_path, policy=[["base_currency", "USD"]])
    assert (ws["A3"].value, ws["B3"].value, ws["C3"].value) == ("Total receivables", 19000,
                                                                "USD")
    at = next(r for r in range(1, ws.max_row + 1)
              if str(ws.cell(r, 1).value).startswith("Receivables in other currencies"))
    # 185,000 / 50.50 = 3,663.366..; 4,000 x 55 / 50.50 = 4,356.435..
    assert [(ws.cell(r, 1).value, ws.cell(r, 6).value) for r in (at + 2, at + 3)] == [
        ("EGP", 3663.37), ("EUR", 4356.44)]
    assert (ws["A14"].value, ws["B14"].value) == ("Total receivables, all currencies",
                                                  27019.81)  # 19,000 + 3,663.37 + 4,356.44


def test_rates_dated_as_text_latest_first(tmp_path):
    """An Arabic rates sheet typed by hand: dates as text (day first), the latest month on
    top. The rate of 31/01/2026 is the one used, not the last row's (31/12/2025)."""
    fx = [["العملة", "سعر الصرف", "التاريخ"],
          ["USD", 50.50, "31/01/2026"], ["EUR", 55, "31/01/2026"],
          ["USD", 49.80, "31/12/2025"], ["EUR", 53.90, "31/12/2025"]]
    # 185,000 + 4,000 x 55 + 19,000 x 50.50, as from the dated sheet
    assert _dashboard(tmp_path, fx=fx)["B14"].value == 1364500
