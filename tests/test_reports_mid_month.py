"""The reports at a mid-month as-of date (15 March 2028), checked by pencil.

A small book: end-of-month terms (``Net 30 EOM``: an invoice of 31 January is due 1 March in
a leap year), a credit note applied to its invoice by a pair of ``Credit Note`` rows in
Payments (as Receipts To Post writes them), an EGP customer billed in USD as well, a payment
after the as-of date, a future-dated invoice, and an Arabic-named customer on a payment plan
who was billed again after the plan was agreed. The KPI period is the month ending on the
as-of date: 16 February .. 15 March (29 days in a leap year).
"""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

NOOR = "مؤسسة النور"


def _book(path):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                 ["A1", "Alpha Traders", "EGP", "Net 30 EOM", 20000],
                 ["A2", NOOR, "EGP", "Net 15", 5000],
                 ["A3", "Multi Corp", "EGP", "Net 30", 0]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"],
                ["J1", "A1", d(2028, 1, 31), None, None, 4000],  # 31 Jan + 30 = 1 March
                ["J2", "A1", d(2028, 2, 10), None, None, 2000],  # 29 Feb + 30 = 30 March
                ["K1", "A1", d(2028, 2, 20), None, None, -600],  # credit note, applied to J1
                ["J3", "A2", d(2028, 1, 15), None, None, 3000],  # due 30 January
                ["J4", "A2", d(2028, 3, 10), None, None, 1000],  # due 25 March, after the plan
                ["M1", "A3", d(2028, 2, 1), None, "EGP", 5000],  # due 2 March
                ["M2", "A3", d(2028, 2, 1), None, "USD", 700],  # due 2 March
                ["M3", "A3", d(2028, 3, 16), None, "USD", 900]]  # future-dated
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                ["CR1", "A1", d(2028, 2, 20), 600, "J1", "Credit Note"],
                ["CR1", "A1", d(2028, 2, 20), -600, "K1", "Credit Note"],
                ["R1", "A1", d(2028, 3, 10), 1000, "J1", "Transfer"],
                ["R2", "A2", d(2028, 2, 28), 1000, None, "Cash"],  # the plan's 1st instalment
                ["R3", "A3", d(2028, 3, 5), 200, "M2", "Transfer"],
                ["R4", "A3", d(2028, 3, 20), 5000, "M1", "Transfer"]]  # after the as-of date
    plans = [["Customer ID", "Amount", "Instalments", "Start Date", "Frequency"],
             ["A2", 3000, 3, d(2028, 2, 29), "monthly"]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices,
                              "Payments": payments, "Payment Plans": plans,
                              "Policy": [["Key", "Value"], ["exchange_rates", "USD=50"]]})


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    book = _book(tmp_path_factory.mktemp("mid_month") / "book.xlsx")
    return run_jobs(book, "2028-03-15", ("run", "pack", "pack_ar", "statements"))


def test_aging_eom_terms_and_applied_credit_note(runs):
    aging = {(r["Customer ID"], r["Currency"]): tuple(r[b] for b in BUCKETS)
             for r in table(runs["run"]["Aging"])}
    assert aging == {
        ("A1", "EGP"): (2000, 2400, 0, 0, 0, 4400),  # J1 4,000 - 600 - 1,000, 14 days
        ("A2", "EGP"): (1000, -1000, 3000, 0, 0, 3000),  # J3 45 days; R2 16 days; J4
        ("A3", "EGP"): (0, 5000, 0, 0, 0, 5000),  # R4 comes after the as-of date
        ("A3", "USD"): (0, 500, 0, 0, 0, 500),  # M3 (16 March) does not exist yet
    }
    detail = {r["Document No"]: r for r in table(runs["run"]["Aging Detail"])}
    assert "K1" not in detail and "M3" not in detail
    assert (detail["J1"]["Due Date"], detail["J2"]["Due Date"]) == (datetime(2028, 3, 1),
                                                                    datetime(2028, 3, 30))


def test_kpis_of_the_month_to_the_15th(runs):
    k = {(r["KPI"], r["Currency"]): r["Value"] for r in table(runs["pack"]["KPIs"])}
    egp = [k[(n, "EGP")] for n in (
        "Days in Period", "Opening AR", "Credit Sales", "Receipts", "Non-Cash Settlements",
        "Closing AR", "Closing Current AR", "DSO", "CEI %", "Collection Rate %")]
    # opening at 15 Feb: J1 4,000 + J2 2,000 + J3 3,000 + M1 5,000; sales J4 1,000 - K1 600
    # (the credit note's application nets to nothing); DSO 12,400 / 400 x 29;
    # CEI (14,000 + 400 - 12,400) / (14,400 - 3,000); rate 2,000 / 14,400
    assert egp == [29, 14000, 400, 2000, 0, 12400, 3000, 899, 17.54, 13.89]
    usd = [k[(n, "USD")] for n in ("Opening AR", "Credit Sales", "Receipts", "Closing AR", "DSO",
                                   "CEI %", "Collection Rate %")]
    assert usd == [700, 0, 200, 500, None, 28.57, 28.57]  # no USD sales: DSO undefined


def test_statements_month_to_date_and_totals_tie(runs):
    rows = table(runs["statements"]["Customer Statements"])
    lines = [(r["Customer ID"], r["Currency"], r["Type"], r.get("Credit"), r["Balance"])
             for r in rows if r["Type"] in ("Opening balance", "Receipt", "Closing balance")]
    assert lines == [
        ("A1", "EGP", "Opening balance", None, 5400),  # at 29 Feb: J1 3,400 + J2 2,000
        ("A1", "EGP", "Receipt", 1000, 4400),
        ("A1", "EGP", "Closing balance", None, 4400),
        ("A2", "EGP", "Opening balance", None, 2000),
        ("A2", "EGP", "Closing balance", None, 3000),
        ("A3", "EGP", "Opening balance", None, 5000),
        ("A3", "EGP", "Closing balance", None, 5000),
        ("A3", "USD", "Opening balance", None, 700),
        ("A3", "USD", "Receipt", 200, 500),
        ("A3", "USD", "Closing balance", None, 500),
    ]
    closing = {}
    for r in rows:
        if r["Type"] == "Closing balance":
            closing[r["Currency"]] = closing.get(r["Currency"], 0) + r["Balance"]
    aging = {}
    for r in table(runs["run"]["Aging"]):
        aging[r["Currency"]] = aging.get(r["Currency"], 0) + r["Total"]
    assert closing == aging == {"EGP": 12400, "USD": 500}
    dash = runs["pack"]["Dashboard"]
    assert (dash["B3"].value, dash["C3"].value) == (12400, "EGP")
    assert [c.value for c in dash[28]][:2] == ["USD", 500]
    credit = {r["Customer ID"]: r for r in table(runs["run"]["Credit Status"])}
    # the USD 500 at 50 joins the EGP 5,000 for the credit check
    assert (credit["A3"]["Open Balance"], credit["A3"]["Currency"]) == (30000, "EGP")


def test_invoice_billed_after_a_payment_plan_is_still_forecast(runs):
    """Al-Noor owes 3,000: the plan's 2,000 outstanding (J3's debt less the 1,000 paid) and
    J4, billed on 10 March after the plan was agreed. J4 is expected; it was left out of the
    forecast, which then fell 1,000 short of what is owed. It is expected on its due date, 25
    March, by the portfolio's average (Al-Noor has no paid invoice): J3's 45 days late are the
    debt the plan rescheduled, expected by its instalments (before: 25 March + 45 days, 9
    May)."""
    plan = [(r["Instalment"], r["Due Date"], r["Paid Amount"], r["Outstanding"], r["Status"])
            for r in table(runs["run"]["Payment Plan Schedule"])]
    assert plan == [(1, datetime(2028, 2, 29), 1000, 0, "Paid"),
                    (2, datetime(2028, 3, 29), 0, 1000, "Not yet due"),
                    (3, datetime(2028, 4, 29), 0, 1000, "Not yet due")]
    expected = [(r["Invoice No"], r["Expected Amount"], r["Expected Date"])
                for r in table(runs["run"]["Expected Payments"]) if r["Customer ID"] == "A2"]
    assert expected == [("J4", 1000, datetime(2028, 3, 25)),
                        ("Plan A2-1 #2", 1000, datetime(2028, 3, 29)),
                        ("Plan A2-1 #3", 1000, datetime(2028, 4, 29))]
    forecast = runs["run"]["Cash Forecast"]
    # every EGP receivable is expected within the 13 weeks: 12,400 in all
    assert forecast["H1"].value == ("13-week cash-collection forecast from 2028-03-15, in EGP: "
                                    "12,400.00 in all; in their own columns: USD 500.00")
    weeks = {r["Week"]: r["Expected Receipts"] for r in table(forecast) if r["Items"]}
    assert weeks == {1: 7400, 2: 1000, 3: 1000, 5: 2000, 7: 1000}


def test_dashboard_trend_of_months_ending_on_the_15th(runs):
    ws = runs["pack"]["Dashboard"]
    caption = next(r for r in range(1, ws.max_row + 1)
                   if str(ws.cell(r, 1).value).startswith("DSO trend"))
    assert ws.cell(caption, 1).value == "DSO trend, last 12 months, each ending on day 15 (days)"
    # "2028-02" is 16 January .. 15 February: 14,000 / (4,000 + 2,000 + 5,000) x 31
    months = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(caption + 2,
                                                                        caption + 14)}
    assert (months["2028-01"], months["2028-02"], months["2028-03"]) == (31, 39.45, 899)
    assert ws["A16"].value == "Activity, 2028-02-16 .. 2028-03-15 (EGP)"
    ar = runs["pack_ar"]["Dashboard"]
    texts = {str(c.value) for row in ar.iter_rows() for c in row if c.value is not None}
    assert "نشاط الفترة من 2028-02-16 إلى 2028-03-15 (EGP)" in texts
    assert "اتجاه DSO، آخر 12 شهراً، ينتهي كل منها في اليوم 15 (بالأيام)" in texts


def test_trend_caption_of_months_ending_on_the_30th(tmp_path):
    """As of 30 March the trend's February runs 30 January .. 29 February: the caption says
    a month may end on its last day."""
    book = _book(tmp_path / "book.xlsx")
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2028-03-30", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Dashboard"]
    captions = [c.value for c in ws["A"] if str(c.value).startswith("DSO trend")]
    assert captions == ["DSO trend, last 12 months, each ending on day 30 or the month's last "
                        "day (days)"]
    kpis = openpyxl.load_workbook(out)["KPIs"]
    months = {r[0]: (r[2], r[3]) for r in kpis.iter_rows(values_only=True)
              if r[1] == "EGP" and r[0] in ("2028-02", "2028-03")}
    assert months == {"2028-02": (datetime(2028, 1, 30), datetime(2028, 2, 29)),
                      "2028-03": (datetime(2028, 3, 1), datetime(2028, 3, 30))}


def test_statement_shows_an_applied_credit_note_once_and_no_refund(tmp_path):
    """K1 (600) applied to J1 by the pair CR1 +600 on J1 / -600 on K1 moves no balance: the
    February statement shows the credit note once; the pair's negative row read as a 600
    refund paid out, and its positive one as a second 600 adjustment."""
    book = _book(tmp_path / "book.xlsx")
    out = tmp_path / "st.xlsx"
    assert main(["statements", str(book), "--as-of", "2028-02-29", "--customer", "A1", "-o",
                 str(out)]) == 0
    rows = table(openpyxl.load_workbook(out)["Customer Statements"])
    assert [(r["Type"], r.get("Document"), r.get("Debit"), r.get("Credit"), r["Balance"])
            for r in rows if r["Type"] != "Aging"] == [
        ("Opening balance", None, None, None, 4000),
        ("Invoice", "J2", 2000, 0, 6000),
        ("Credit Note", "K1", 0, 600, 5400),
        ("Closing balance", None, None, None, 5400)]
    assert sum(r["Balance"] for r in rows if r["Type"] == "Aging") == 5400


def test_an_unbalanced_credit_note_row_is_an_adjustment_not_a_refund():
    from ar_excel.core.collections.statements import documents
    from tests._aging_books import customers, invoices, payments

    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("J1", "A", "2028-01-31", None, 4000.0), ("K1", "A", "2028-02-20", None,
                                                             -600.0))
    pay = payments(("CR1", "A", "2028-02-21", 400.0, "J1"), ("CR1", "A", "2028-02-21", -400.0,
                                                              "K1"),
                   ("CR2", "A", "2028-02-22", -150.0, "K1"),  # its invoice row was not kept
                   ("RF1", "A", "2028-02-23", -50.0, None))  # a refund paid out
    pay = pay.assign(Method=["Credit Note", "Credit Note", "إشعار دائن", "Transfer"])
    docs = documents(cust, inv, pay, pd.Series([pd.NaT, pd.NaT], index=inv.index))
    assert docs[["Type", "Document", "Signed"]].values.tolist() == [
        ["Invoice", "J1", 4000.0], ["Credit Note", "K1", -600.0],
        ["Adjustment", "CR2", 150.0], ["Refund", "RF1", 50.0]]
