"""helper-192's hand-made month, the second: 15 customers, 62 invoices in EGP and USD (one
USD customer with an EGP invoice, one invoice dated after the as-of date), 3 credit notes,
a receipt paying two invoices under one Payment ID, a cheque returned unpaid, a write-off,
an early-payment discount, a bank charge, a credit note applied by two Payments rows, money
held on account and applied later under its Payment ID, a refund out of money on account,
a receipt naming another customer's invoice, a receipt dated after the as-of date, terms
'30 days from receipt', an invoice in dispute (a Disputes sheet), a payment plan with an
instalment part paid, a customer on Hold whose last letter (Dunning History) is 4 days old.
Every figure below was worked out first by an independent script of the definitions
(DOMAIN.md, the contract, docs/contract-extensions.md) and by hand for the KPIs; month-end,
statements and report agreed on each: aging per customer and bucket, Dunning levels,
amounts and next actions, call and visit lists, the plan's instalments, the KPIs of both
currencies, each statement's movements and closing balance, payment behaviour."""

from __future__ import annotations

import contextlib
import io
from datetime import date as d
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"
CUSTOMERS = [
    ("C01", "Alpha Foods", "EGP", 30, 100000, "Active"),
    ("C02", "Beta Steel", "EGP", 30, 50000, "Active"),
    ("C03", "Cairo Paper", "EGP", 60, 80000, "Active"),
    ("C04", "Delta Pharma", "EGP", 30, 60000, "Active"),
    ("C05", "Egypt Glass", "EGP", 30, 40000, "Active"),
    ("C06", "Faiyum Agro", "EGP", "30 days from receipt", 30000, "Active"),
    ("C07", "Giza Motors", "EGP", 30, 70000, "Hold"),
    ("C08", "Helwan Cement", "EGP", 45, 90000, "Active"),
    ("C09", "Ismailia Textiles", "EGP", 30, 50000, "Active"),
    ("C10", "Luxor Tours", "EGP", 30, 20000, "Active"),
    ("C11", "Nile Export", "USD", 30, 20000, "Active"),
    ("C12", "Orient Trade", "USD", 30, 15000, "Active"),
    ("C13", "Pyramid Tech", "USD", 60, 30000, "Active"),
    ("C14", "Red Sea Shipping", "USD", 30, 10000, "Active"),
    ("C15", "Sinai Mining", "USD", 30, 25000, "Active"),
]
# invoice no, customer, date, due (None = terms), amount, disputed
INVOICES = [
    ("INV-C01-1", "C01", d(2026, 8, 10), None, 12000.00), ("INV-C01-2", "C01", d(2026, 9, 15), None, 8500.00),
    ("INV-C01-3", "C01", d(2026, 10, 20), None, 15000.00), ("INV-C01-4", "C01", d(2026, 11, 25), None, 9000.00),
    ("INV-C02-1", "C02", d(2026, 7, 1), None, 20000.00), ("INV-C02-2", "C02", d(2026, 8, 5), None, 5000.00),
    ("INV-C02-3", "C02", d(2026, 9, 10), None, 7000.00), ("INV-C02-4", "C02", d(2026, 11, 10), None, 6000.00),
    ("INV-C03-1", "C03", d(2026, 7, 20), None, 30000.00), ("INV-C03-2", "C03", d(2026, 8, 25), None, 10000.00),
    ("INV-C03-3", "C03", d(2026, 9, 30), None, 12000.00), ("INV-C03-4", "C03", d(2026, 10, 31), None, 18000.00),
    ("INV-C04-1", "C04", d(2026, 8, 1), None, 25000.00), ("INV-C04-2", "C04", d(2026, 9, 1), None, 4000.00),
    ("INV-C04-3", "C04", d(2026, 10, 1), None, 6000.00), ("INV-C04-4", "C04", d(2026, 11, 1), None, 3000.00),
    ("INV-C05-1", "C05", d(2026, 9, 5), None, 9000.00), ("INV-C05-2", "C05", d(2026, 10, 5), None, 9000.00),
    ("INV-C05-3", "C05", d(2026, 11, 5), None, 9000.00), ("INV-C05-4", "C05", d(2026, 11, 28), None, 4500.00),
    ("INV-C06-1", "C06", d(2026, 6, 15), None, 3000.00), ("INV-C06-2", "C06", d(2026, 8, 20), None, 2500.00),
    ("INV-C06-3", "C06", d(2026, 10, 10), None, 4000.00), ("INV-C06-4", "C06", d(2026, 11, 15), None, 1500.00),
    ("INV-C07-1", "C07", d(2026, 8, 15), None, 15000.00), ("INV-C07-2", "C07", d(2026, 9, 15), None, 15000.00),
    ("INV-C07-3", "C07", d(2026, 10, 15), None, 15000.00), ("INV-C07-4", "C07", d(2026, 11, 15), None, 15000.00),
    ("INV-C08-1", "C08", d(2026, 8, 31), None, 40000.00), ("INV-C08-2", "C08", d(2026, 9, 30), None, 20000.00),
    ("INV-C08-3", "C08", d(2026, 10, 31), None, 30000.00), ("INV-C08-4", "C08", d(2026, 11, 20), None, 10000.00),
    ("INV-C09-1", "C09", d(2026, 6, 30), None, 12000.00), ("INV-C09-2", "C09", d(2026, 7, 31), None, 12000.00),
    ("INV-C09-3", "C09", d(2026, 8, 31), None, 6000.00), ("INV-C09-4", "C09", d(2026, 9, 30), None, 6000.00),
    ("INV-C10-1", "C10", d(2026, 11, 1), None, 2000.00), ("INV-C10-2", "C10", d(2026, 11, 10), None, 3000.00),
    ("INV-C10-3", "C10", d(2026, 11, 20), None, 1000.00), ("INV-C10-4", "C10", d(2026, 11, 25), None, 4000.00),
    ("INV-C11-1", "C11", d(2026, 8, 1), d(2026, 8, 31), 5000.00), ("INV-C11-2", "C11", d(2026, 9, 1), d(2026, 10, 1), 5000.00),
    ("INV-C11-3", "C11", d(2026, 10, 1), d(2026, 10, 31), 5000.00), ("INV-C11-4", "C11", d(2026, 11, 1), d(2026, 12, 1), 5000.00),
    ("INV-C12-1", "C12", d(2026, 7, 15), d(2026, 8, 14), 8000.00), ("INV-C12-2", "C12", d(2026, 9, 15), d(2026, 10, 15), 2000.00),
    ("INV-C12-3", "C12", d(2026, 10, 15), d(2026, 11, 14), 3000.00), ("INV-C12-4", "C12", d(2026, 11, 15), d(2026, 12, 15), 1000.00),
    ("INV-C13-1", "C13", d(2026, 8, 10), d(2026, 10, 9), 10000.00), ("INV-C13-2", "C13", d(2026, 9, 10), d(2026, 11, 9), 10000.00),
    ("INV-C13-3", "C13", d(2026, 10, 10), d(2026, 12, 9), 10000.00), ("INV-C13-4", "C13", d(2026, 11, 10), d(2027, 1, 9), 10000.00),
    ("INV-C14-1", "C14", d(2026, 9, 20), d(2026, 10, 20), 1200.00), ("INV-C14-2", "C14", d(2026, 10, 20), d(2026, 11, 19), 1200.00),
    ("INV-C14-3", "C14", d(2026, 11, 20), d(2026, 12, 20), 1200.00), ("INV-C14-4", "C14", d(2026, 11, 29), d(2026, 12, 29), 600.00),
    ("INV-C15-1", "C15", d(2026, 7, 1), d(2026, 7, 31), 7500.00), ("INV-C15-2", "C15", d(2026, 8, 1), d(2026, 8, 31), 7500.00),
    ("INV-C11-5", "C11", d(2026, 11, 5), d(2026, 12, 5), 10000.00, "EGP"),
    ("INV-C13-5", "C13", d(2026, 12, 1), d(2027, 1, 30), 9999.00),
    ("INV-C15-3", "C15", d(2026, 9, 1), d(2026, 10, 1), 7500.00), ("INV-C15-4", "C15", d(2026, 10, 1), d(2026, 10, 31), 7500.00),
]
CREDIT_NOTES = [
    ("CN-C03-1", "C03", d(2026, 11, 20), -2000.00),
    ("CN-C12-1", "C12", d(2026, 10, 20), -8000.00),
    ("CN-C14-1", "C14", d(2026, 11, 25), -1200.00),
]
DISPUTED = {"INV-C04-1"}  # via a Disputes sheet
HISTORY = [(d(2026, 11, 26), "C07", 2, "Firm reminder", "EGP", 35000.00, "Send firm reminder")]
# payment id, customer, date, amount, invoice no (None = on account)
PAYMENTS = [  # payment id, customer, date, amount, invoice no, method
    ("R-001", "C01", d(2026, 9, 20), 12000.00, "INV-C01-1", "Bank Transfer"),
    ("R-002", "C01", d(2026, 10, 30), 8500.00, "INV-C01-2", "Bank Transfer"),
    ("R-101", "C01", d(2026, 11, 28), 15000.00, "INV-C01-3", "Bank Transfer"),
    ("R-101", "C01", d(2026, 11, 28), 4000.00, "INV-C01-4", "Bank Transfer"),
    ("R-003", "C02", d(2026, 10, 5), 10000.00, "INV-C02-1", "Bank Transfer"),
    ("R-102", "C02", d(2026, 11, 10), 5000.00, "INV-C02-2", "Cheque"),
    ("R-102R", "C02", d(2026, 11, 20), -5000.00, "INV-C02-2", "Returned cheque"),
    ("R-004", "C03", d(2026, 9, 25), 30000.00, "INV-C03-1", "Bank Transfer"),
    ("R-005", "C03", d(2026, 11, 15), 5000.00, None, "Bank Transfer"),
    ("WO-103", "C03", d(2026, 11, 25), 1000.00, "INV-C03-3", "Write-off"),
    ("R-006", "C04", d(2026, 10, 15), 4000.00, "INV-C04-2", "Bank Transfer"),
    ("R-007", "C05", d(2026, 10, 6), 9000.00, "INV-C05-1", "Bank Transfer"),
    ("R-008", "C05", d(2026, 11, 5), 8820.00, "INV-C05-2", "Bank Transfer"),
    ("D-008", "C05", d(2026, 11, 5), 180.00, "INV-C05-2", "Discount"),
    ("R-009", "C07", d(2026, 11, 1), 10000.00, "INV-C07-1", "Bank Transfer"),
    ("R-010", "C08", d(2026, 10, 20), 40000.00, "INV-C08-1", "Bank Transfer"),
    ("R-108", "C08", d(2026, 10, 25), 20000.00, None, "Bank Transfer"),
    ("R-108", "C08", d(2026, 11, 30), -20000.00, None, "Bank Transfer"),
    ("R-108", "C08", d(2026, 11, 30), 20000.00, "INV-C08-2", "Bank Transfer"),
    ("R-012", "C09", d(2026, 10, 1), 6000.00, None, "Bank Transfer"),
    ("R-013", "C09", d(2026, 11, 3), 4000.00, None, "Bank Transfer"),
    ("R-014", "C10", d(2026, 11, 28), 2500.00, None, "Bank Transfer"),
    ("R-015", "C10", d(2026, 11, 29), -500.00, None, "Bank Transfer"),
    ("R-110", "C10", d(2026, 11, 20), 9000.00, "INV-C05-3", "Bank Transfer"),
    ("R-016", "C11", d(2026, 9, 30), 5000.00, "INV-C11-1", "Bank Transfer"),
    ("R-017", "C11", d(2026, 11, 20), 5000.00, "INV-C11-2", "Bank Transfer"),
    ("CN-APP-12", "C12", d(2026, 11, 2), -8000.00, "CN-C12-1", "Credit Note"),
    ("CN-APP-12", "C12", d(2026, 11, 2), 8000.00, "INV-C12-1", "Credit Note"),
    ("R-018", "C13", d(2026, 10, 9), 10000.00, "INV-C13-1", "Bank Transfer"),
    ("R-019", "C13", d(2026, 11, 25), 4000.00, "INV-C13-2", "Bank Transfer"),
    ("R-113", "C13", d(2026, 12, 2), 6000.00, "INV-C13-2", "Bank Transfer"),
    ("R-020", "C14", d(2026, 11, 10), 1200.00, "INV-C14-1", "Bank Transfer"),
    ("R-021", "C15", d(2026, 8, 15), 7500.00, "INV-C15-1", "Bank Transfer"),
    ("R-115", "C15", d(2026, 11, 15), 7475.00, "INV-C15-2", "Bank Transfer"),
    ("BC-115", "C15", d(2026, 11, 15), 25.00, "INV-C15-2", "Bank charges"),
]
PLANS = [("C09", 36000.00, "EGP", 6, d(2026, 10, 1), "monthly")]


def _dt(x: d | None) -> datetime | None:
    return None if x is None else datetime(x.year, x.month, x.day)


def _book(path: Path) -> Path:
    ccy = {c[0]: c[2] for c in CUSTOMERS}
    cust = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Status",
             "Email", "Phone", "City"]]
    for i, (cid, name, cur, terms, limit, status) in enumerate(CUSTOMERS):
        cust.append([cid, name, cur, terms, limit, status,
                     f"ar{i + 1}@{name.split()[0].lower()}.example.com", f"+2010{i + 1:08d}",
                     "Cairo"])
    inv = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"]]
    for no, cid, dated, due, amount, *own in INVOICES:
        inv.append([no, cid, _dt(dated), _dt(due), own[0] if own else ccy[cid], amount])
    for no, cid, dated, amount in CREDIT_NOTES:
        inv.append([no, cid, _dt(dated), None, ccy[cid], amount])
    pay = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"]]
    pay += [[pid, cid, _dt(dated), amount, no, method]
            for pid, cid, dated, amount, no, method in PAYMENTS]
    plans = [["Customer ID", "Total Amount", "Currency", "Instalments", "Start Date",
              "Frequency"]] + [[c, a, cur, n, _dt(s), f] for c, a, cur, n, s, f in PLANS]
    disputes = [["Invoice No", "Reason", "Status"]] + [
        [no, "short delivery", "Open"] for no in sorted(DISPUTED)]
    history = [["Date", "Customer ID", "Level", "Level Name", "Currency", "Amount", "Action"]]
    history += [[_dt(h[0]), *h[1:]] for h in HISTORY]
    return save_sheets(path, {"Customers": cust, "Invoices": inv, "Payments": pay,
                              "Payment Plans": plans, "Disputes": disputes,
                              "Dunning History": history})


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("h192_month")
    book = _book(where / "book.xlsx")
    out = {}
    for job, extra in (("run", []), ("statements", ["--no-pdf"]), ("report", [])):
        out[job] = where / f"{job}.xlsx"
        with contextlib.redirect_stdout(io.StringIO()):
            assert main([job, str(book), "--as-of", AS_OF, "-o", str(out[job]), *extra]) == 0
    return out


def test_aging(outputs) -> None:
    rows = [r for r in _rows(outputs["run"], "Aging") if r["Currency"] in ("EGP", "USD")]
    got = {(r["Customer ID"], r["Currency"]): [r[b] for b in ("Current", "1-30", "31-60",
                                                             "61-90", "90+", "Total")]
           for r in rows}
    assert got == {
        ("C01", "EGP"): [5000, 0, 0, 0, 0, 5000],
        ("C02", "EGP"): [6000, 0, 7000, 5000, 10000, 28000],
        ("C03", "EGP"): [18000, 4000, 10000, 0, 0, 32000],
        ("C04", "EGP"): [3000, 6000, 0, 0, 25000, 34000],
        ("C05", "EGP"): [4500, 0, 0, 0, 0, 4500],
        ("C06", "EGP"): [1500, 4000, 0, 2500, 3000, 11000],
        ("C07", "EGP"): [15000, 15000, 15000, 5000, 0, 50000],
        ("C08", "EGP"): [40000, 0, 0, 0, 0, 40000],
        ("C09", "EGP"): [0, -4000, 0, 6000, 24000, 26000],
        ("C10", "EGP"): [10000, -2000, 0, 0, 0, 8000],
        ("C11", "EGP"): [10000, 0, 0, 0, 0, 10000],
        ("C11", "USD"): [5000, 5000, 0, 0, 0, 10000],
        ("C12", "USD"): [1000, 3000, 2000, 0, 0, 6000],
        ("C13", "USD"): [20000, 6000, 0, 0, 0, 26000],
        ("C14", "USD"): [1800, 0, 0, 0, 0, 1800],
        ("C15", "USD"): [0, 7500, 7500, 0, 0, 15000],
    }


def test_dunning_calls_visits_and_plan(outputs) -> None:
    dun = {(r["Customer ID"], r["Currency"]): (r["Level"], r["Days Overdue"],
                                               r["Overdue Amount"], r["Credit On Account"],
                                               r["Amount To Collect"], r["Disputed Amount"],
                                               r["Letter"], r["Next Action"])
           for r in _rows(outputs["run"], "Dunning") if r["Customer ID"]}
    assert dun == {
        ("C01", "EGP"): (0, 0, 0, 0, 0, 0, False, "Nothing overdue"),
        ("C02", "EGP"): (4, 122, 22000, 0, 22000, 0, True, "Put account on hold; field visit"),
        ("C03", "EGP"): (2, 37, 21000, 7000, 14000, 0, True,
                         "Send firm reminder; call if no reply within 7 days"),
        ("C04", "EGP"): (2, 30, 6000, 0, 6000, 25000, True,
                         "Send firm reminder; call if no reply within 7 days"),
        ("C05", "EGP"): (0, 0, 0, 0, 0, 0, False, "Nothing overdue"),
        ("C06", "EGP"): (4, 138, 9500, 0, 9500, 0, True, "Put account on hold; field visit"),
        # a firm reminder on 26 Nov: the final notice waits for the week to be over
        ("C07", "EGP"): (2, 77, 35000, 0, 35000, 0, False,
                         "Escalate after 2026-12-03 (one escalation a week)"),
        ("C08", "EGP"): (0, 0, 0, 0, 0, 0, False, "Nothing overdue"),
        ("C09", "EGP"): (0, 123, 36000, 10000, 26000, 0, True,
                         "Send plan reminder: instalment 2 overdue"),
        ("C10", "EGP"): (0, 0, 0, 2000, 0, 0, False, "Nothing overdue"),
        ("C11", "EGP"): (0, 0, 0, 0, 0, 0, False, "Nothing overdue"),
        ("C11", "USD"): (2, 30, 5000, 0, 5000, 0, True,
                         "Send firm reminder; call if no reply within 7 days"),
        ("C12", "USD"): (2, 46, 5000, 0, 5000, 0, True,
                         "Send firm reminder; call if no reply within 7 days"),
        ("C13", "USD"): (1, 21, 6000, 0, 6000, 0, True, "Send friendly reminder"),
        ("C14", "USD"): (0, 0, 1200, 1200, 0, 0, False,
                         "Apply credit on account to the overdue invoices"),
        ("C15", "USD"): (3, 60, 15000, 0, 15000, 0, True,
                         "Send final notice with statement; call the customer"),
    }
    calls = [(r["Customer ID"], r["Currency"], r["Amount To Collect"], r["Days Overdue"],
              r["Oldest Invoice"]) for r in _rows(outputs["run"], "Call List") if r["Priority"]]
    assert calls == [("C07", "EGP", 35000, 77, "INV-C07-1"), ("C15", "USD", 15000, 60, "INV-C15-3"),
                     ("C03", "EGP", 14000, 37, "INV-C03-2"), ("C04", "EGP", 6000, 30, "INV-C04-3"),
                     ("C12", "USD", 5000, 46, "INV-C12-2"), ("C11", "USD", 5000, 30, "INV-C11-3")]
    visits = [(r["Customer ID"], r["Amount To Collect"], r["Days Overdue"])
              for r in _rows(outputs["run"], "Visit List") if r["Priority"]]
    assert visits == [("C02", 22000, 122), ("C06", 9500, 138)]
    plan = [(r["Instalment"], r["Paid Amount"], r["Outstanding"], r["Status"], r["Days Overdue"])
            for r in _rows(outputs["run"], "Payment Plan Schedule") if r["Plan"]]
    assert plan == [(1, 6000, 0, "Paid", 0), (2, 4000, 2000, "Overdue", 29),
                    (3, 0, 6000, "Due soon", 0), (4, 0, 6000, "Not yet due", 0),
                    (5, 0, 6000, "Not yet due", 0), (6, 0, 6000, "Not yet due", 0)]


def test_kpis(outputs) -> None:
    kpis = {(r["KPI"], r["Currency"]): r["Value"] for r in _rows(outputs["report"], "KPIs")
            if r["Currency"] in ("EGP", "USD") and isinstance(r["KPI"], str)}
    names = ["Opening AR", "Credit Sales", "Receipts", "Receipts Count", "Non-Cash Settlements",
             "Refunds Paid", "Closing AR", "Closing Current AR", "Closing Overdue AR", "DSO",
             "Best-Possible DSO", "Average Days Delinquent", "CEI %", "Collection Rate %"]
    # EGP: receipts 19,000 (R-101, two invoices) + 5,000 + 8,820 + 10,000 + 4,000 + 2,500 +
    # 9,000; the returned cheque's 5,000 in and out; the move of R-108 nothing; CEI
    # (231,500 + 76,000 - 248,500 - 1,180) / (307,500 - 111,000) = 29.42 %
    assert [kpis[(n, "EGP")] for n in names] == [
        231500, 76000, 58320, 7, 1180, 500, 248500, 111000, 137500, 98.09, 43.82, 54.28,
        29.42, 18.8]
    # USD: the credit note applied by two rows settles nothing net; the bank charge 25
    assert [kpis[(n, "USD")] for n in names] == [
        59900, 16600, 17675, 4, 25, 0, 58800, 27800, 31000, 106.27, 50.24, 56.02, 36.29, 23.1]


def test_statements(outputs) -> None:
    lines: dict = {}
    for r in _rows(outputs["statements"], "Customer Statements"):
        if not r["Customer ID"]:
            continue
        key = (r["Customer ID"], r["Currency"])
        if r["Type"] in ("Opening balance", "Closing balance"):
            lines.setdefault(key, []).append((r["Type"], r["Balance"]))
        elif r["Type"] != "Aging":
            lines.setdefault(key, []).append((r["Type"], r["Document"], r["Debit"] or 0,
                                              r["Credit"] or 0))
    assert lines[("C01", "EGP")] == [
        ("Opening balance", 15000), ("Invoice", "INV-C01-4", 9000, 0),
        ("Receipt", "R-101", 0, 15000), ("Receipt", "R-101", 0, 4000), ("Closing balance", 5000)]
    assert lines[("C02", "EGP")] == [
        ("Opening balance", 22000), ("Invoice", "INV-C02-4", 6000, 0),
        ("Receipt", "R-102", 0, 5000), ("Returned Cheque", "R-102R", 5000, 0),
        ("Closing balance", 28000)]
    assert lines[("C05", "EGP")] == [
        ("Opening balance", 9000), ("Invoice", "INV-C05-3", 9000, 0),
        ("Receipt", "R-008", 0, 8820), ("Adjustment", "D-008", 0, 180),
        ("Receipt", "R-110", 0, 9000), ("Invoice", "INV-C05-4", 4500, 0),
        ("Closing balance", 4500)]
    # the money of 25 Oct applied on 30 Nov moves no balance; the credit note applied by two
    # rows neither
    assert lines[("C08", "EGP")] == [
        ("Opening balance", 30000), ("Invoice", "INV-C08-4", 10000, 0), ("Closing balance", 40000)]
    assert lines[("C12", "USD")] == [
        ("Opening balance", 5000), ("Invoice", "INV-C12-4", 1000, 0), ("Closing balance", 6000)]
    assert lines[("C13", "USD")] == [
        ("Opening balance", 20000), ("Invoice", "INV-C13-4", 10000, 0),
        ("Receipt", "R-019", 0, 4000), ("Closing balance", 26000)]
    assert lines[("C15", "USD")] == [
        ("Opening balance", 22500), ("Receipt", "R-115", 0, 7475),
        ("Adjustment", "BC-115", 0, 25), ("Closing balance", 15000)]
    closing = {k: v[-1][1] for k, v in lines.items()}
    aging = {(r["Customer ID"], r["Currency"]): r["Total"] for r in _rows(outputs["run"], "Aging")
             if r["Currency"] in ("EGP", "USD")}
    assert {k: v for k, v in closing.items() if v} == aging


def test_payment_behaviour(outputs) -> None:
    got = {r["Customer ID"]: (r["Payments"], r["Amount Paid"], r["Avg Days Late"],
                              r["Share Paid Late %"])
           for r in _rows(outputs["report"], "Payment Behaviour") if r["Customer ID"]}
    # C08's INV-C08-2 paid with the money of 25 Oct (due 14 Nov): on time; C01's R-101 one
    # payment of two invoices; C15 (15 x 7,500 + 76 x 7,475) / 14,975 days late
    assert got["C01"] == (3, 39500, 10, 89.87)
    assert got["C08"] == (2, 60000, 3.3, 66.67)
    assert got["C13"] == (2, 14000, 4.6, 28.57)
    assert got["C15"] == (2, 14975, 45.4, 100)
    assert "C09" not in got and "C12" not in got
