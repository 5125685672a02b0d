"""The reports an AR manager relies on, checked figure by figure on a book worked by pencil.

A trading company's books closed on 29 February 2028 (a leap day, a month end): EGP, USD and
EUR customers; a partial payment, an invoice paid after the as-of date, a future-dated
invoice, an unapplied credit note, cash on account, a customer in credit, a written-off
invoice, a disputed one, invoices dated on the 31st and on the leap day, a customer with no
activity in February, a customer with nothing at all, a currency with no sales in the month
(its DSO undefined) and an Arabic-named customer. Every expected figure below is worked out
by hand in the comments; the jobs run through the ``ar-excel`` command as a user runs them.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AMAL = "شركة الأمل للتجارة"


def _book(path):
    d = date
    customers = [
        ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email", "Phone",
         "City"],
        ["C1", "Nile Trading", "EGP", "Net 30", 50000, "ap@nile.example", "+20 100 000 0001",
         "Cairo"],
        ["C2", AMAL, "EGP", "Net 30", 10000, "info@amal.example", "+20 100 000 0002",
         "Alexandria"],
        ["C3", "Gulf Imports", "USD", "Net 60", 5000, "pay@gulf.example", "+971 50 000 0003",
         "Dubai"],
        ["C4", "Delta Credit", "EGP", "Net 30", 0, "ar@delta.example", "+20 100 000 0004",
         "Tanta"],
        ["C5", "Idle Co", "EGP", "Net 30", 1000, "idle@idle.example", "+20 100 000 0005",
         "Giza"],
        ["C6", "Zero Co", "EGP", "Net 30", 1000, "zero@zero.example", "+20 100 000 0006",
         "Giza"],
        ["C7", "Euro Foods", "EUR", "Net 30", 0, "eu@euro.example", "+49 30 000 0007", "Berlin"],
    ]
    invoices = [
        ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount",
         "Disputed"],
        ["I101", "C1", d(2027, 12, 31), None, "EGP", 10000, None],  # due 01-30; 4,000 paid
        ["I102", "C1", d(2028, 1, 31), None, "EGP", 5000, None],  # due 03-01 (leap year)
        ["I103", "C1", d(2028, 1, 1), None, "EGP", 3000, None],  # due 01-31; paid 03-05
        ["CN1", "C1", d(2028, 2, 10), None, "EGP", -500, None],  # credit note, unapplied
        ["I104", "C1", d(2028, 3, 5), None, "EGP", 2000, None],  # future-dated
        ["I105", "C1", d(2027, 11, 30), None, "EGP", 400, None],  # written off 02-25
        ["I201", "C2", d(2027, 10, 15), None, "EGP", 8000, None],  # due 11-14: 107 days
        ["I202", "C2", d(2028, 2, 29), None, "EGP", 1200, None],  # leap-day invoice
        ["I203", "C2", d(2027, 12, 20), None, "EGP", 900, "Yes"],  # disputed, due 01-19
        ["I301", "C3", d(2027, 12, 1), None, "USD", 2500, None],  # due 01-30
        ["I302", "C3", d(2028, 2, 15), None, "USD", 1000, None],  # due 04-15; 400 paid
        ["I401", "C4", d(2028, 1, 10), None, "EGP", 2000, None],  # paid 2,500 on 02-05
        ["I501", "C5", d(2027, 6, 30), None, "EGP", 700, None],  # due 2027-07-30
        ["E701", "C7", d(2027, 12, 10), None, "EUR", 1000, None],  # due 2028-01-09
    ]
    payments = [
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
        ["P1", "C1", d(2028, 1, 15), 4000, "I101", "Transfer"],
        ["P2", "C1", d(2028, 3, 5), 3000, "I103", "Transfer"],  # after the as-of date
        ["P3", "C1", d(2028, 2, 25), 400, "I105", "Write-off"],
        ["P4", "C2", d(2028, 2, 20), 1000, None, "Cheque"],  # on account
        ["P5", "C3", d(2028, 2, 20), 400, "I302", "Transfer"],
        ["P6", "C4", d(2028, 2, 5), 2500, "I401", "Transfer"],  # 500 over: a credit balance
    ]
    policy = [["Key", "Value"], ["base_currency", "EGP"], ["exchange_rates", "USD=50; EUR=55"]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices,
                              "Payments": payments, "Policy": policy})


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The month-end run, the management pack and the statements, once for the module."""
    return run_jobs(_book(tmp_path_factory.mktemp("hand_book") / "book.xlsx"), "2028-02-29")


def _by(rows: list[dict], *keys: str) -> dict:
    return {tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]: r for r in rows}


def test_aging_rows_by_pencil(runs):
    aging = table(runs["run"]["Aging"])
    got = {(r["Customer ID"], r["Currency"]): tuple(r[b] for b in BUCKETS) for r in aging}
    assert got == {
        # I102 5,000 not due (03-01); I101 6,000 (30 days: 1-30) + I103 3,000 (29 days,
        # paid only on 03-05) - CN1 500 (19 days)
        ("C1", "EGP"): (5000, 8500, 0, 0, 0, 13500),
        # I202 1,200 current; P4 -1,000 (9 days); I203 900 disputed, still owed (41 days);
        # I201 8,000 (107 days)
        ("C2", "EGP"): (1200, -1000, 900, 0, 8000, 9100),
        ("C3", "USD"): (600, 2500, 0, 0, 0, 3100),  # I302 1,000 - 400; I301 30 days
        ("C4", "EGP"): (0, -500, 0, 0, 0, -500),  # 2,500 paid on a 2,000 invoice (24 days)
        ("C5", "EGP"): (0, 0, 0, 0, 700, 700),  # 214 days
        ("C7", "EUR"): (0, 0, 1000, 0, 0, 1000),  # 51 days
    }
    assert [r["Customer ID"] for r in aging] == ["C1", "C2", "C3", "C4", "C5", "C7"]
    assert runs["run"]["Aging"]["B3"].value == AMAL


def test_aging_detail_boundaries(runs):
    detail = _by(table(runs["run"]["Aging Detail"]), "Document No")
    assert "I104" not in detail  # dated after the as-of date
    assert "I105" not in detail  # written off
    assert (detail["I101"]["Due Date"], detail["I101"]["Days Past Due"],
            detail["I101"]["Bucket"]) == (datetime(2028, 1, 30), 30, "1-30")
    # 31 January + 30 days in a leap year is 1 March: one day before due on the leap day
    assert (detail["I102"]["Due Date"], detail["I102"]["Days Past Due"],
            detail["I102"]["Bucket"]) == (datetime(2028, 3, 1), -1, "Current")
    assert (detail["I202"]["Due Date"], detail["I202"]["Bucket"]) == (datetime(2028, 3, 30),
                                                                      "Current")
    assert (detail["P6"]["Open Amount"], detail["P6"]["Bucket"]) == (-500, "1-30")
    assert detail["I203"]["Disputed"] is True


def test_totals_tie_per_currency(runs):
    """aging total = open items total = sum of the statements' closing balances = the
    Dashboard's receivables (the main currency's headline, the others' block)."""
    want = {"EGP": 22800, "USD": 3100, "EUR": 1000}
    aging = table(runs["run"]["Aging"])
    detail = table(runs["run"]["Aging Detail"])
    closing = [r for r in table(runs["statements"]["Customer Statements"])
               if r["Type"] == "Closing balance"]
    for ccy, total in want.items():
        assert sum(r["Total"] for r in aging if r["Currency"] == ccy) == total
        assert sum(r["Open Amount"] for r in detail if r["Currency"] == ccy) == total
        assert sum(r["Balance"] for r in closing if r["Currency"] == ccy) == total
    ws = runs["run"]["Aging"]
    assert [[c.value for c in row] for row in ws["A11:E13"]] == [
        ["EGP", 22800, 22800, 0, "OK"], ["EUR", 1000, 1000, 0, "OK"],
        ["USD", 3100, 3100, 0, "OK"]]
    dash = runs["pack"]["Dashboard"]
    assert (dash["A3"].value, dash["B3"].value, dash["C3"].value) == (
        "Total receivables", 22800, "EGP")
    assert [[c.value for c in row] for row in dash["A28:B29"]] == [["EUR", 1000],
                                                                   ["USD", 3100]]
    # 22,800 + 3,100 x 50 + 1,000 x 55
    assert (dash["A14"].value, dash["B14"].value) == ("Total receivables, all currencies",
                                                      232800)
    credit = table(runs["run"]["Credit Status"])
    for ccy, total in want.items():
        assert sum(r["Open Balance"] for r in credit if r["Currency"] == ccy) == total


def test_statements_by_pencil(runs):
    rows = table(runs["statements"]["Customer Statements"])
    lines = [(r["Customer ID"], r["Type"], r.get("Document"), r.get("Debit"), r.get("Credit"),
              r["Balance"]) for r in rows if r["Type"] != "Aging"]
    assert lines == [
        # opening at 31 January: I101 6,000 + I102 5,000 + I103 3,000 + I105 400
        ("C1", "Opening balance", None, None, None, 14400),
        ("C1", "Credit Note", "CN1", 0, 500, 13900),
        ("C1", "Adjustment", "P3", 0, 400, 13500),  # the write-off: no receipt
        ("C1", "Closing balance", None, None, None, 13500),
        ("C2", "Opening balance", None, None, None, 8900),
        ("C2", "Receipt", "P4", 0, 1000, 7900),
        ("C2", "Invoice", "I202", 1200, 0, 9100),
        ("C2", "Closing balance", None, None, None, 9100),
        ("C3", "Opening balance", None, None, None, 2500),
        ("C3", "Invoice", "I302", 1000, 0, 3500),
        ("C3", "Receipt", "P5", 0, 400, 3100),
        ("C3", "Closing balance", None, None, None, 3100),
        ("C4", "Opening balance", None, None, None, 2000),
        ("C4", "Receipt", "P6", 0, 2500, -500),
        ("C4", "Closing balance", None, None, None, -500),
        # no activity in February: its statement still says what it owes
        ("C5", "Opening balance", None, None, None, 700),
        ("C5", "Closing balance", None, None, None, 700),
        ("C7", "Opening balance", None, None, None, 1000),
        ("C7", "Closing balance", None, None, None, 1000),
    ]


def test_credit_status_by_pencil(runs):
    credit = _by(table(runs["run"]["Credit Status"]), "Customer ID")
    pick = ("Open Balance", "Overdue Amount", "Utilization %", "Oldest Overdue Days", "Status",
            "Unapplied Credits")
    got = {c: tuple(credit[c][k] for k in pick) for c in credit}
    assert got == {
        "C1": (13500, 9000, 27, 30, "OK", -500),  # 13,500 / 50,000
        "C2": (9100, 8900, 91, 107, "Hold", -1000),  # I201 107 days > 90
        "C3": (3100, 2500, 62, 30, "OK", 0),  # USD limit 5,000
        "C4": (-500, 0, None, 0, "OK", -500),
        "C5": (700, 700, 70, 214, "Hold", 0),
        "C6": (0, 0, 0, 0, "OK", 0),
        "C7": (1000, 1000, None, 51, "OK", 0),
    }


def test_dunning_and_call_lists(runs):
    dun = _by(table(runs["run"]["Dunning"]), "Customer ID")
    pick = ("Level", "Days Overdue", "Overdue Amount", "Credit On Account", "Amount To Collect",
            "Disputed Amount")
    got = {c: tuple(dun[c][k] for k in pick) for c in dun}
    assert got == {
        "C1": (2, 30, 9000, 500, 8500, 0),
        "C2": (4, 107, 8000, 1000, 7000, 900),  # the disputed I203 is not chased
        "C3": (2, 30, 2500, 0, 2500, 0),
        "C4": (0, 0, 0, 500, 0, 0),
        "C5": (4, 214, 700, 0, 700, 0),
        "C7": (2, 51, 1000, 0, 1000, 0),
    }
    assert dun["C4"]["Next Action"] == "Credit balance: apply to new invoices or refund"
    calls = [(r["Customer ID"], r["Amount To Collect"]) for r in table(runs["run"]["Call List"])]
    # ranked by worth in EGP at the Policy's rates: USD 2,500 x 50 = 125,000, EUR 1,000 x 55
    # = 55,000, then EGP 8,500 (as they stood, EGP 8,500 came first)
    assert calls == [("C3", 2500), ("C7", 1000), ("C1", 8500)]
    visits = [(r["Customer ID"], r["Amount To Collect"])
              for r in table(runs["run"]["Visit List"])]
    assert visits == [("C2", 7000), ("C5", 700)]


def test_payment_risk_write_off_is_no_payment(runs):
    """Nile Trading's I105 was written off, not paid: it is no paid invoice (it counted as
    paid 57 days late, 0 % on time). With no payment of its own to go by, its open overdue
    invoices set its lateness: (30 x 5,500 + 29 x 3,000) / 8,500 = 29.6 days; the invoice not
    yet due (I102, 1 day before due) is no 'open overdue' one."""
    risk = _by(table(runs["run"]["Payment Risk"]), "Customer ID")
    c1 = risk["C1"]
    assert (c1["Paid Invoices"], c1["Paid On Time %"], c1["Average Days Late"],
            c1["Risk Score"], c1["Risk Class"], c1["Basis"]) == (
        0, None, 29.6, 30, "Medium", "2 open overdue")
    # Open Balance is the ledger's, as the Aging gives it: the disputed 900 in, the
    # credit balance negative
    assert {c: (r["Open Balance"], r["Currency"]) for c, r in risk.items()} == {
        "C1": (13500, "EGP"), "C2": (9100, "EGP"), "C3": (3100, "USD"),
        "C4": (-500, "EGP"), "C5": (700, "EGP"), "C7": (1000, "EUR")}
    # C4 paid I401 on 02-05, 4 days before it was due
    assert (risk["C4"]["Paid Invoices"], risk["C4"]["Average Days Late"],
            risk["C4"]["Paid On Time %"]) == (1, -4, 100)
    # 60 x 51/60 + 40 x 100 %
    assert risk["C7"]["Risk Score"] == 91


def test_expected_payments_and_cash_forecast(runs):
    expected = _by(table(runs["run"]["Expected Payments"]), "Invoice No")
    pick = ("Expected Amount", "Expected Date", "Basis")
    assert tuple(expected["I101"][k] for k in pick) == (  # 6,000 less the 500 credit note
        5500, datetime(2028, 2, 29), "due + 29.6 days (customer average)")
    assert tuple(expected["I103"][k] for k in pick)[:2] == (3000, datetime(2028, 3, 1))
    assert tuple(expected["I102"][k] for k in pick)[:2] == (5000, datetime(2028, 3, 31))
    assert tuple(expected["I201"][k] for k in pick) == (
        7000, None, "doubtful: more than 90 days past due")
    assert expected["I203"]["Basis"] == "in dispute: not expected until the dispute is resolved"
    forecast = table(runs["run"]["Cash Forecast"])
    assert [(r["Week"], r["Expected Receipts"], r["Expected Receipts USD"],
             r["Expected Receipts EUR"]) for r in forecast if r["Items"]] == [
        (1, 8500, 2500, 1000), (5, 5000, 0, 0), (11, 0, 600, 0)]
    assert runs["run"]["Cash Forecast"]["I1"].value == (
        "13-week cash-collection forecast from 2028-02-29, in EGP: 13,500.00 in all; in their "
        "own columns: EUR 1,000.00, USD 3,100.00")


def _kpis(ws) -> dict:
    return {(r["KPI"], r["Currency"]): r["Value"] for r in table(ws)}


def test_kpis_by_pencil(runs):
    k = _kpis(runs["pack"]["KPIs"])
    egp = {name: k[(name, "EGP")] for name, ccy in k if ccy == "EGP"}
    assert egp == {
        "Days in Period": 29,
        # at 31 January: C1 14,400 + C2 8,900 + C4 2,000 + C5 700
        "Opening AR": 26000,
        "Invoices Issued": 1, "Invoice Value Issued": 1200,
        "Credit Notes Issued": 1, "Credit Note Value": -500,
        "Credit Sales": 700,
        "Receipts Count": 2, "Receipts": 3500,  # P4 1,000 + P6 2,500
        "Non-Cash Settlements": 400,  # the write-off
        "Refunds Paid": 0,
        # overdue per customer, its past-due invoices less its own credits on account,
        # never below zero: C1 I101 6,000 + I103 3,000 - CN1 500 = 8,500; C2 I201 8,000 +
        # I203 900 (disputed, still owed) - P4 1,000 = 7,900; C4 0 - 500 -> 0 (its credit
        # balance no longer offsets the others' arrears: 16,600 by the old rule); C5 700
        "Closing AR": 22800, "Closing Overdue AR": 17100,  # 8,500 + 7,900 + 0 + 700
        # 22,800 - 17,100: I102 5,000 + I202 1,200 not yet due - C4's 500 on account
        "Closing Current AR": 5700,
        "DSO": 944.57,  # 22,800 / 700 x 29
        "Best-Possible DSO": 236.14,  # 5,700 / 700 x 29 = 236.142
        "Average Days Delinquent": 708.43,  # 944.57 - 236.14
        "CEI %": 16.67,  # (26,000 + 700 - 22,800 - 400) / (26,000 + 700 - 5,700) = 3,500 / 21,000
        "Collection Rate %": 13.11,  # 3,500 / 26,700
    }
    # EUR: no sales in February: DSO undefined (blank, never a made-up number); nothing
    # collected of the 1,000 owed: CEI 0
    assert [k[(n, "EUR")] for n in ("Credit Sales", "DSO", "Best-Possible DSO",
                                    "Average Days Delinquent", "CEI %")] == [0, None, None,
                                                                             None, 0]
    # USD: 3,100 / 1,000 x 29; (2,500 + 1,000 - 3,100) / (3,500 - 600)
    assert [k[(n, "USD")] for n in ("Opening AR", "Credit Sales", "Receipts", "DSO", "CEI %",
                                    "Collection Rate %")] == [2500, 1000, 400, 89.9, 13.79,
                                                              11.43]


def test_dashboard_says_its_counts_are_of_the_main_currency(runs):
    """The Activity counts are the EGP ones (the USD invoice issued in February is not among
    them): in a book of several currencies the caption says so."""
    ws = runs["pack"]["Dashboard"]
    assert ws["A16"].value == "Activity, 2028-02-01 .. 2028-02-29 (EGP)"
    counts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(18, 25)}
    assert counts == {"Invoices issued": 1, "Credit notes issued": 1, "Receipts recorded": 2,
                      "Customers with an open balance": 4,  # C1, C2, C4 (in credit), C5
                      "Customers with an overdue balance": 3,  # C1, C2, C5
                      "Customers with amounts 90+ days past due": 2, "Input issues": 0}
    headline = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 15)}
    assert headline["Overdue receivables"] == 17100  # test_kpis_by_pencil
    # of what the customers who owe owe: 22,800 closing AR and C4's 500 in credit
    assert headline["Overdue share of receivables"] == 73.39  # 17,100 / 23,300
    assert headline["Receipts"] == 3500


def test_dunning_letter_says_its_total_is_net_of_credits(runs, tmp_path_factory):
    """Nile Trading's letter lists every open item (13,500.00 in all, I102 not yet due and the
    credit note among them); the 8,500.00 it asks for is the past-due invoices less the
    credit note: its first sentence says so, rather than 'the invoices below ... in all'."""
    import email
    from email import policy as email_policy

    folder = next(p for p in tmp_path_factory.getbasetemp().glob("hand_book*/dunning"))
    with open(folder / "2028-02-29_C1.eml", "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email_policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert body.splitlines()[2] == (
        "Your past-due invoices remain unpaid, net of credits on account 8,500.00 EGP in all, "
        "the oldest 30 days past due. Please settle them within 7 days or let us know when "
        "payment will be made. The open items of your account are listed below.")
    assert "Total overdue: 8,500.00 EGP" in body and "Account balance: 13,500.00 EGP" in body
    with open(folder / "2028-02-29_C2.eml", "rb") as fh:
        arabic = email.message_from_binary_file(fh, policy=email_policy.default)
    text = arabic.get_body(preferencelist=("plain",)).get_content()
    # the total is the invoices' (net of credits), not the credits' own
    assert "فواتيركم المتأخرة بإجمالي 7,000.00 EGP بعد خصم الأرصدة الدائنة" in text
