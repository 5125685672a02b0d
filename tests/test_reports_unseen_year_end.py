"""Two books no generator of ours writes, checked by pencil.

* A year-end crossing: the pack as of Monday 5 January 2026, its month 6 December 2025 ..
  5 January 2026, December invoices and receipts on both sides of the new year; payment
  terms in words on the customer list (``EOM``, ``45 يوم``, ``Net 60``, ``Cash``), no due
  dates.
* An empty month: nothing sold in February 2026 (the pack as of Saturday 28 February), the
  invoices' own terms in words (``Net 60``, ``EOM``, ``45 يوم``, ``٣٠ يوم``). DSO and the
  ratios built on sales are blank; the dashboard now says why beside each (it left an empty
  cell to guess at), in English and in Arabic.
"""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets


def _year_end(path):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                 ["K1", "Nasr Builders", "EGP", "EOM", 0],
                 ["K2", "Delta Foods", "EGP", "45 يوم", 0],
                 ["K3", "Sinai Hotels", "EGP", "Net 60", 0],
                 ["K4", "Red Sea Resorts", "EGP", "Cash", 0]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["S-101", "K1", d(2025, 11, 12), None, 10000],  # EOM: due 30 November
                ["S-102", "K1", d(2025, 12, 3), None, 20000],  # due 31 December
                ["S-103", "K1", d(2025, 12, 31), None, 5000],  # due 31 December
                ["S-104", "K1", d(2026, 1, 2), None, 7000],  # due 31 January
                ["S-201", "K2", d(2025, 11, 20), None, 9000],  # + 45 days: 4 January
                ["S-202", "K2", d(2025, 12, 22), None, 4000],  # 5 February
                ["S-301", "K3", d(2025, 10, 1), None, 30000],  # + 60 days: 30 November
                ["S-302", "K3", d(2025, 12, 15), None, 12000],  # 13 February
                ["S-401", "K4", d(2025, 12, 28), None, 3000],  # cash: due the same day
                ["S-402", "K4", d(2026, 1, 6), None, 2500]]  # after the as-of date
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                ["P1", "K1", d(2025, 12, 29), 10000, "S-101"],
                ["P2", "K3", d(2025, 12, 30), 10000, "S-301"],
                ["P3", "K3", d(2026, 1, 4), 5000, "S-301"],
                ["P4", "K2", d(2026, 1, 5), 9000, "S-201"]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices,
                              "Payments": payments})


def _empty_month(path):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms"],
                 ["E1", "Fayoum Agro", "EGP", "Net 30"],
                 ["E2", "Minya Mills", "EGP", "Net 30"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Terms", "Amount"],
                ["F-1", "E1", d(2025, 12, 10), "Net 60", 10000],  # due 8 February
                ["F-2", "E1", d(2026, 1, 20), "EOM", 6000],  # due 31 January
                ["F-3", "E2", d(2026, 1, 10), "45 يوم", 8000],  # due 24 February
                ["F-4", "E2", d(2026, 1, 25), "٣٠ يوم", 4000]]  # due 24 February
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                ["Q1", "E1", d(2026, 2, 16), 4000, "F-1"],
                ["Q2", "E2", d(2026, 1, 30), 2000, None]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices,
                              "Payments": payments})


@pytest.fixture(scope="module")
def year_end(tmp_path_factory):
    return run_jobs(_year_end(tmp_path_factory.mktemp("year_end") / "book.xlsx"), "2026-01-05")


def test_terms_in_words_across_the_new_year(year_end):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS)
           for r in table(year_end["run"]["Aging"])}
    assert got == {
        "K1": (7000, 25000, 0, 0, 0, 32000),  # S-102 + S-103, 5 days; S-104 not due
        "K2": (4000, 0, 0, 0, 0, 4000),  # S-201 paid on the as-of day
        "K3": (12000, 0, 15000, 0, 0, 27000),  # S-301 30,000 - 15,000, 36 days
        "K4": (0, 3000, 0, 0, 0, 3000),  # cash terms: 8 days; S-402 does not exist yet
    }
    due = {r["Document No"]: r["Due Date"] for r in table(year_end["run"]["Aging Detail"])}
    assert due == {"S-102": datetime(2025, 12, 31), "S-103": datetime(2025, 12, 31),
                   "S-104": datetime(2026, 1, 31), "S-202": datetime(2026, 2, 5),
                   "S-301": datetime(2025, 11, 30), "S-302": datetime(2026, 2, 13),
                   "S-401": datetime(2025, 12, 28)}
    dun = {r["Customer ID"]: (r["Level"], r["Days Overdue"], r["Amount To Collect"],
                              r["Next Action"]) for r in table(year_end["run"]["Dunning"])}
    assert dun["K1"] == (0, 5, 25000, "Not yet at the first reminder")  # the first is at 7
    assert dun["K3"][:3] == (2, 36, 15000) and dun["K4"][:3] == (1, 8, 3000)


def test_kpis_of_the_month_across_the_new_year(year_end):
    k = {r["KPI"]: r["Value"] for r in table(year_end["pack"]["KPIs"])}
    # opening at 5 December: S-101 10,000 + S-102 20,000 + S-201 9,000 + S-301 30,000; sales
    # S-103, S-104, S-202, S-302, S-401; receipts P1..P4; DSO 66,000 / 31,000 x 31; best
    # 23,000 / 31,000 x 31; CEI 34,000 / (100,000 - 23,000); rate 34,000 / 100,000
    assert [k[n] for n in ("Days in Period", "Opening AR", "Invoices Issued", "Credit Sales",
                           "Receipts Count", "Receipts", "Closing AR", "Closing Current AR",
                           "DSO", "Best-Possible DSO", "CEI %", "Collection Rate %")] == [
        31, 69000, 5, 31000, 4, 34000, 66000, 23000, 66, 23, 44.16, 34]
    trend = {r[0]: r[2:11] for r in year_end["pack"]["KPIs"].iter_rows(values_only=True)
             if r[0] in ("2025-12", "2026-01") and r[1] == "EGP"}
    # 6 November .. 5 December: sales S-101 + S-201 + S-102; closing 69,000 of which S-201
    # and S-102 (29,000) not due: DSO 69,000 / 39,000 x 30, best 29,000 / 39,000 x 30;
    # CEI 0 / (30,000 + 39,000 - 29,000)
    assert trend["2025-12"] == (datetime(2025, 11, 6), datetime(2025, 12, 5), 39000, 0, 69000,
                                53.08, 22.31, 30.77, 0)
    assert trend["2026-01"][:2] == (datetime(2025, 12, 6), datetime(2026, 1, 5))
    ws = year_end["pack"]["Dashboard"]
    assert ws["A1"].value == ("Management pack: receivables as of 2026-01-05 in EGP; period "
                              "2025-12-06 .. 2026-01-05; aging ties to the ledger")


def test_statements_open_on_new_year_s_day(year_end):
    rows = table(year_end["statements"]["Customer Statements"])
    opening = {r["Customer ID"]: (r["Date"], r["Balance"]) for r in rows
               if r["Type"] == "Opening balance"}
    jan1 = datetime(2026, 1, 1)
    # at 31 December: K1 S-102 + S-103 (S-101 paid 29 December); K2 S-201 + S-202; K3
    # S-301 20,000 + S-302; K4 S-401
    assert opening == {"K1": (jan1, 25000), "K2": (jan1, 13000), "K3": (jan1, 32000),
                       "K4": (jan1, 3000)}
    closing = {r["Customer ID"]: r["Balance"] for r in rows if r["Type"] == "Closing balance"}
    assert closing == {"K1": 32000, "K2": 4000, "K3": 27000, "K4": 3000}


def test_an_empty_month_says_why_its_ratios_are_blank(tmp_path):
    book = _empty_month(tmp_path / "book.xlsx")
    run, pack, pack_ar = (tmp_path / n for n in ("run.xlsx", "pack.xlsx", "pack_ar.xlsx"))
    assert main(["run", str(book), "--as-of", "2026-02-28", "-o", str(run)]) == 0
    assert main(["report", str(book), "--as-of", "2026-02-28", "-o", str(pack)]) == 0
    assert main(["report", str(book), "--as-of", "2026-02-28", "--lang", "ar", "-o",
                 str(pack_ar)]) == 0
    detail = {r["Document No"]: (r["Due Date"], r["Days Past Due"], r["Open Amount"])
              for r in table(openpyxl.load_workbook(run)["Aging Detail"])}
    assert detail == {"F-1": (datetime(2026, 2, 8), 20, 6000),  # 10,000 - Q1
                      "F-2": (datetime(2026, 1, 31), 28, 6000),
                      "F-3": (datetime(2026, 2, 24), 4, 8000),
                      "F-4": (datetime(2026, 2, 24), 4, 4000),
                      "Q2": (datetime(2026, 1, 30), 29, -2000)}
    wb = openpyxl.load_workbook(pack)
    k = {r["KPI"]: r["Value"] for r in table(wb["KPIs"])}
    # opening at 31 January 26,000; no sales; Q1 4,000 received; CEI and the collection
    # rate 4,000 / 26,000 (nothing is current at the end of February)
    assert [k[n] for n in ("Opening AR", "Credit Sales", "Receipts", "Closing AR", "DSO",
                           "CEI %", "Collection Rate %")] == [26000, 0, 4000, 22000, None,
                                                              15.38, 15.38]
    ws = wb["Dashboard"]
    assert [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 4).value)
            for r in (5, 6, 7)] == [
        ("DSO", None, "closing AR / credit sales x days in period; blank: no credit sales in "
                      "the period"),
        ("Best-possible DSO", None, "closing current AR / credit sales x days in period; blank: "
                                    "no credit sales in the period"),
        ("Average days delinquent", None, "closing overdue AR / credit sales x days in period "
                                          "(= DSO - best-possible DSO from the unrounded "
                                          "figures, where both are given); blank: no credit "
                                          "sales in the period")]
    assert ws["D8"].value.endswith("(single-period CEI)")  # CEI has a value: no note
    ar = openpyxl.load_workbook(pack_ar)["Dashboard"]
    texts = [c.value for c in ar["D"] if isinstance(c.value, str)]
    assert ("رصيد آخر الفترة / صافي المبيعات الآجلة × أيام الفترة؛ فارغ: لا مبيعات آجلة في "
            "الفترة") in texts


def test_a_pack_before_the_books_begin_says_why_each_figure_is_blank(tmp_path):
    book = _year_end(tmp_path / "book.xlsx")
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2025-06-30", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Dashboard"]
    notes = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 4).value.rsplit("; ", 1)[-1])
             for r in range(3, 14)}
    assert notes["Total receivables"] == (0, "open items at the period end")
    assert notes["DSO"] == (None, "blank: no credit sales in the period")
    assert notes["Collection effectiveness index (CEI)"] == (
        None, "blank: nothing was collectible in the period")
    assert notes["Collection rate"] == (None, "blank: nothing was collectible in the period")
    assert notes["Overdue share of receivables"] == (
        None, "blank: nothing is receivable at the period end")
