"""A wholesaler's quarter end (Tuesday 30 June 2026), checked by pencil: one cheque split
across two invoices, cash on account, a disputed invoice (a Disputed flag and a reason
column), customers whose accounts are only credits (a credit note never applied, a double
payment, a deposit before any invoice, an overpayment) and a customer on a payment plan who
paid the first instalment, part of the second, and nothing since. Every figure below is
worked out by hand in the comments.

The plan's reminder asked for the first missed instalment alone ("instalment 2 ... 5,000.00
outstanding. Please pay it within 7 days") while instalment 3 was a month overdue too: it
now names both and what is outstanding on them, 20,000.00 (the dunning row's Next Action too).
"""

from __future__ import annotations

import email
from datetime import date, datetime
from email import policy as email_policy

import openpyxl
import pytest

from ar_excel.cli import main
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-06-30"


def _book(path):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Phone",
                  "Email", "City"],
                 ["P01", "Orbit Electronics", "EGP", "Net 30", 300000, "0100 111 2222",
                  "ap@orbit.example", "Giza"],
                 ["P02", "Lotus Pharmacy", "EGP", "Net 30", 50000, "0100 333 4444",
                  "lotus@example.com", "Tanta"],
                 ["P03", "Horizon Hotels", "EGP", "Net 45", 0, None, None, "Hurghada"],
                 ["P04", "Pyramid Print", "EGP", "Net 30", 80000, "0122 555 6666",
                  "ap@pyramid.example", "Cairo"],
                 ["P05", "Blue Nile Trading", "EGP", "Net 30", 100000, "0111 777 8888",
                  "bn@example.com", "Aswan"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Disputed",
                 "Dispute Reason"],
                ["1001", "P01", d(2026, 3, 10), None, 50000, None, None],
                ["1002", "P01", d(2026, 4, 5), None, 30000, None, None],
                ["1003", "P01", d(2026, 5, 20), None, 40000, "Yes", "Short delivery 10 cartons"],
                ["1004", "P01", d(2026, 6, 15), None, 25000, None, None],
                ["1005", "P02", d(2026, 1, 15), None, 8000, None, None],
                ["CN-07", "P02", d(2026, 5, 2), None, -3000, None, None],
                ["1007", "P04", d(2026, 1, 10), None, 60000, None, None],
                ["1008", "P04", d(2026, 2, 1), None, 30000, None, None],
                ["1009", "P05", d(2026, 4, 1), None, 20000, None, None]]
    payments = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                ["CHQ-5512", "P01", d(2026, 5, 12), 30000, "1001"],
                ["CHQ-5512", "P01", d(2026, 5, 12), 15000, "1002"],
                ["TRF-88", "P01", d(2026, 6, 20), 12000, None],
                ["TRF-91", "P02", d(2026, 2, 10), 8000, "1005"],
                ["TRF-92", "P02", d(2026, 3, 1), 2500, None],
                ["DEP-1", "P03", d(2026, 6, 1), 10000, None],
                ["PL-1", "P04", d(2026, 3, 31), 15000, None],
                ["PL-2", "P04", d(2026, 5, 5), 10000, None],
                ["TRF-95", "P05", d(2026, 5, 1), 25000, "1009"]]
    plans = [["Customer ID", "Amount", "Instalments", "Start Date", "Frequency"],
             ["P04", 90000, 6, d(2026, 3, 31), "monthly"]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices,
                              "Payments": payments, "Payment Plans": plans})


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    return run_jobs(_book(tmp_path_factory.mktemp("partials") / "book.xlsx"), AS_OF)


def test_aging_by_pencil(runs):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(runs["run"]["Aging"])}
    assert got == {
        # 1001 50,000 - 30,000 (82 days); 1002 30,000 - 15,000 (56); 1003 disputed, owed
        # (11) and TRF-88 on account (10): 40,000 - 12,000; 1004 not due
        "P01": (25000, 28000, 15000, 20000, 0, 88000),
        "P02": (0, 0, -3000, 0, -2500, -5500),  # CN-07 (59 days); TRF-92 (121 days)
        "P03": (0, -10000, 0, 0, 0, -10000),  # the deposit, 29 days
        # 1007 (141 days) + 1008 (119) - PL-1 (91); PL-2 (56 days)
        "P04": (0, 0, -10000, 0, 75000, 65000),
        "P05": (0, 0, -5000, 0, 0, -5000),  # 25,000 paid on a 20,000 invoice (60 days)
    }


def test_dunning_disputes_credits_and_the_plan(runs):
    dun = {r["Customer ID"]: r for r in table(runs["run"]["Dunning"])}
    pick = ("Level", "Days Overdue", "Overdue Amount", "Credit On Account", "Amount To Collect",
            "Disputed Amount", "Next Action")
    assert {c: tuple(dun[c][k] for k in pick) for c in dun} == {
        # 1001 20,000 + 1002 15,000 overdue less TRF-88; 1003 in dispute is not dunned
        "P01": (3, 82, 35000, 12000, 23000, 40000,
                "Send final notice with statement; call the customer"),
        "P04": (0, 141, 90000, 25000, 65000, 0, "Send plan reminder: instalments 2 and 3 "
                                                "overdue"),
        "P02": (0, 0, 0, 5500, 0, 0, "Credit balance: apply to new invoices or refund"),
        "P03": (0, 0, 0, 10000, 0, 0, "Credit balance: apply to new invoices or refund"),
        "P05": (0, 0, 0, 5000, 0, 0, "Credit balance: apply to new invoices or refund"),
    }
    assert [(r["Customer ID"], r["Amount To Collect"])
            for r in table(runs["run"]["Call List"])] == [("P01", 23000)]
    assert table(runs["run"]["Visit List"]) == []


def test_plan_schedule_and_its_reminder_name_every_missed_instalment(runs):
    plan = [(r["Instalment"], r["Due Date"], r["Paid Amount"], r["Outstanding"], r["Status"],
             r["Days Overdue"]) for r in table(runs["run"]["Payment Plan Schedule"])]
    assert plan == [(1, datetime(2026, 3, 31), 15000, 0, "Paid", 0),
                    (2, datetime(2026, 4, 30), 10000, 5000, "Overdue", 61),
                    (3, datetime(2026, 5, 31), 0, 15000, "Overdue", 30),
                    (4, datetime(2026, 6, 30), 0, 15000, "Due soon", 0),
                    (5, datetime(2026, 7, 31), 0, 15000, "Not yet due", 0),
                    (6, datetime(2026, 8, 31), 0, 15000, "Not yet due", 0)]
    draft = runs["dir"] / "dunning" / "2026-06-30_P04.eml"
    message = email.message_from_bytes(draft.read_bytes(), policy=email_policy.default)
    text = message.get_body(("plain",)).get_content()
    assert ("Instalment 2 of 6 of your payment plan, 15,000.00 EGP, was due on 2026-04-30 and "
            "has not been received in full (5,000.00 EGP outstanding). Instalments 2 and 3 are "
            "now overdue, 20,000.00 EGP outstanding in all. Please pay this within 7 days to "
            "keep the plan in place.") in " ".join(text.split())


def test_expected_payments_and_forecast(runs):
    expected = [(r["Customer ID"], r["Invoice No"], r["Expected Amount"], r["Expected Date"])
                for r in table(runs["run"]["Expected Payments"])]
    # P01 has no paid invoice: 1001's 8,000 (20,000 less TRF-88) at 82 days and 1002 at 56
    # set its average, (8,000 x 82 + 15,000 x 56) / 23,000 = 65: 1001 (9 April + 65 has
    # passed) is expected 7 days after the as-of date, 1002 on 5 May + 65 = 9 July
    assert expected == [
        ("P04", "Plan P04-1 #4", 15000, datetime(2026, 6, 30)),
        ("P01", "1001", 8000, datetime(2026, 7, 7)),
        ("P04", "Plan P04-1 #2", 5000, datetime(2026, 7, 7)),
        ("P04", "Plan P04-1 #3", 15000, datetime(2026, 7, 7)),
        ("P01", "1002", 15000, datetime(2026, 7, 9)),
        ("P04", "Plan P04-1 #5", 15000, datetime(2026, 7, 31)),
        ("P04", "Plan P04-1 #6", 15000, datetime(2026, 8, 31)),
        ("P01", "1004", 25000, datetime(2026, 9, 18)),
        ("P01", "1003", 40000, None),  # in dispute: not expected until resolved
    ]
    forecast = runs["run"]["Cash Forecast"]
    # everything but the disputed 40,000: 48,000 (P01) + 65,000 (the plan)
    assert forecast["G1"].value == ("13-week cash-collection forecast from 2026-06-30, in EGP: "
                                    "113,000.00 in all")


def test_kpis_of_june_by_pencil(runs):
    k = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"]) if r["Currency"] == "EGP"}
    # opening at 31 May: P01 75,000, P02 -5,500, P04 65,000, P05 -5,000; sales 1004; receipts
    # TRF-88 + DEP-1; DSO 132,500 / 25,000 x 30.
    # Overdue per customer, past-due invoices less its own credits, never below zero: P01
    # 1001 20,000 + 1002 15,000 + 1003 40,000 (disputed, still owed) - TRF-88 12,000 =
    # 63,000; P04 1007 60,000 + 1008 30,000 - PL-1 15,000 - PL-2 10,000 = 65,000; P02, P03,
    # P05 hold credits only: 0 each. Overdue 128,000; current 132,500 - 128,000 = 4,500
    # (1004's 25,000 less the 5,500 + 10,000 + 5,000 those three hold on account; the old
    # rule left their credits in the past-due buckets of their dates: current 25,000).
    # CEI 22,000 / (154,500 - 4,500) = 22,000 / 150,000
    assert [k[n] for n in ("Opening AR", "Credit Sales", "Receipts Count", "Receipts",
                           "Closing AR", "Closing Current AR", "Closing Overdue AR", "DSO",
                           "CEI %", "Collection Rate %")] == [129500, 25000, 2, 22000, 132500,
                                                              4500, 128000, 159, 14.67, 14.24]
    dash = runs["pack"]["Dashboard"]
    counts = {dash.cell(r, 1).value: dash.cell(r, 2).value for r in range(16, 24)}
    assert (counts["Customers with an open balance"],
            counts["Customers with an overdue balance"]) == (5, 2)


def test_statements_of_credit_only_customers(runs):
    rows = table(runs["statements"]["Customer Statements"])
    lines = [(r["Customer ID"], r["Type"], r.get("Document"), r.get("Credit"), r["Balance"])
             for r in rows if r["Type"] != "Aging" and r["Customer ID"] in ("P02", "P03")]
    assert lines == [("P02", "Opening balance", None, None, -5500),
                     ("P02", "Closing balance", None, None, -5500),
                     ("P03", "Opening balance", None, None, 0),
                     ("P03", "Receipt", "DEP-1", 10000, -10000),
                     ("P03", "Closing balance", None, None, -10000)]
    closing = {r["Customer ID"]: r["Balance"] for r in rows if r["Type"] == "Closing balance"}
    assert closing == {r["Customer ID"]: r["Total"] for r in table(runs["run"]["Aging"])}


def test_the_split_cheque_on_the_may_statement(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    out = tmp_path / "st.xlsx"
    assert main(["statements", str(book), "--as-of", "2026-05-31", "--customer", "P01", "-o",
                 str(out)]) == 0
    rows = table(openpyxl.load_workbook(out)["Customer Statements"])
    assert [(r["Type"], r.get("Document"), r.get("Reference"), r.get("Credit"), r["Balance"])
            for r in rows if r["Type"] != "Aging"] == [
        ("Opening balance", None, None, None, 80000),
        ("Receipt", "CHQ-5512", "1001", 30000, 50000),
        ("Receipt", "CHQ-5512", "1002", 15000, 35000),
        ("Invoice", "1003", None, 0, 75000),
        ("Closing balance", None, None, None, 75000)]


def test_the_arabic_plan_reminder_names_every_missed_instalment():
    import pandas as pd

    from ar_excel.core.collections.letters import plan_letter
    from ar_excel.core.collections.payment_plans import plan_reminders

    T = pd.Timestamp
    schedule = pd.DataFrame({
        "Plan": ["N-1"] * 4, "Customer ID": ["N"] * 4, "Instalment": [1, 2, 3, 4], "Of": [4] * 4,
        "Due Date": [T("2026-03-31"), T("2026-04-30"), T("2026-05-31"), T("2026-06-30")],
        "Currency": ["EGP"] * 4, "Amount": [1000.0] * 4, "Paid Amount": [1000.0, 0, 0, 0],
        "Outstanding": [0.0, 1000.0, 1000.0, 1000.0],
        "Status": ["Paid", "Overdue", "Overdue", "Overdue"]})
    reminder = plan_reminders(schedule).iloc[0].to_dict()
    assert (reminder["Instalment"], reminder["Overdue Instalments"],
            reminder["Overdue Total"]) == (2, (2, 3, 4), 3000.0)
    row = {"Customer ID": "N", "Customer": "مؤسسة النور", "Language": "ar",
           "Open Balance": 3000.0}
    letter = plan_letter(row, reminder, schedule)
    assert letter.paragraphs == [
        "القسط رقم 2 من 4 من خطة السداد المتفق عليها بمبلغ 1,000.00 EGP كان مستحقاً في "
        "2026-04-30 ولم يصلنا كاملاً (المتبقي 1,000.00 EGP). والأقساط المتأخرة الآن هي 2، 3 "
        "و4، والمتبقي منها 3,000.00 EGP إجمالاً. نرجو سداده خلال 7 أيام للحفاظ على خطة "
        "السداد."]
