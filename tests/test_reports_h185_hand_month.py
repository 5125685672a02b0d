"""helper-185's hand-made month: 15 customers, 61 invoices in EGP, USD and SAR, 4 credit
notes, part payments, receipts on account (one applied later with its Payment ID, one
without), an overpayment, an advance, a refund, a typed due date, an invoice in dispute, a
payment plan, and a receipt and an invoice dated after the as-of date. Every figure below
was worked out by hand (an independent script of the definitions in DOMAIN.md, the
contract and docs/contract-extensions.md) before ar-excel ran; month-end, report and
statements agreed on every one (aging per customer and bucket, KPIs, Dunning, letters,
call and visit lists, Credit Status, statements, Payment Behaviour)."""

from __future__ import annotations

import contextlib
import io
from datetime import date as D

import openpyxl
import pytest

from ar_excel.cli import main

CUSTOMERS = [  # id, name, currency, terms, limit, status
    ("C01", "Nile Foods", "EGP", 30, 100000, "Active"),
    ("C02", "Delta Paper", "EGP", 30, 50000, "Active"),
    ("C03", "Cairo Steel", "EGP", 60, 200000, "Active"),
    ("C04", "Giza Motors", "EGP", 15, 20000, "Active"),
    ("C05", "Alex Marine", "EGP", 30, 80000, "Active"),
    ("C06", "Luxor Textiles", "EGP", 30, None, "Active"),
    ("C07", "Aswan Agro", "EGP", 30, 30000, "Active"),
    ("C08", "Sinai Stone", "EGP", 45, 60000, "Hold"),
    ("C09", "Gulf Trading", "USD", 30, 50000, "Active"),
    ("C10", "Red Sea Logistics", "USD", 30, 20000, "Active"),
    ("C11", "Atlas Medical", "USD", 60, 100000, "Active"),
    ("C12", "Orient Chemicals", "USD", 30, 10000, "Active"),
    ("C13", "Riyadh Build", "SAR", 30, 150000, "Active"),
    ("C14", "Jeddah Foods", "SAR", 30, 40000, "Active"),
    ("C15", "Dammam Tech", "SAR", 15, 25000, "Active"),
]
# per customer: (invoice date, amount[, currency]); numbered INV-1001.. in this order
INVOICES = {
    "C01": [(D(2026, 7, 10), 12000), (D(2026, 9, 5), 8500), (D(2026, 10, 20), 15000),
            (D(2026, 11, 12), 9750)],
    "C02": [(D(2026, 6, 15), 4200), (D(2026, 8, 1), 6300), (D(2026, 10, 5), 7100),
            (D(2026, 11, 3), 2450)],
    "C03": [(D(2026, 7, 1), 45000), (D(2026, 8, 20), 38000), (D(2026, 9, 30), 52000),
            (D(2026, 11, 15), 61000)],
    "C04": [(D(2026, 5, 20), 3300), (D(2026, 8, 15), 5600), (D(2026, 9, 10), 4400),
            (D(2026, 11, 20), 6000)],
    "C05": [(D(2026, 9, 1), 18000), (D(2026, 10, 1), 22000), (D(2026, 11, 1), 20000),
            (D(2026, 10, 10), 3000, "USD")],
    "C06": [(D(2026, 8, 5), 9000), (D(2026, 9, 15), 11000), (D(2026, 10, 25), 13000),
            (D(2026, 11, 25), 7500)],
    "C07": [(D(2026, 4, 10), 10000), (D(2026, 5, 10), 8000), (D(2026, 6, 10), 6000),
            (D(2026, 10, 15), 5000)],
    "C08": [(D(2026, 9, 1), 14000), (D(2026, 10, 10), 16000), (D(2026, 11, 10), 12000),
            (D(2026, 11, 28), 5000)],
    "C09": [(D(2026, 7, 15), 9000), (D(2026, 9, 1), 12500), (D(2026, 10, 10), 7800),
            (D(2026, 11, 5), 14200)],
    "C10": [(D(2026, 8, 10), 4000), (D(2026, 9, 20), 6500), (D(2026, 10, 30), 2700),
            (D(2026, 11, 10), 3800)],
    "C11": [(D(2026, 6, 30), 22000), (D(2026, 8, 31), 18000), (D(2026, 10, 15), 25000),
            (D(2026, 11, 28), 30000)],
    "C12": [(D(2026, 10, 5), 6000), (D(2026, 10, 25), 5500), (D(2026, 11, 15), 4000),
            (D(2026, 11, 29), 1200)],
    "C13": [(D(2026, 7, 5), 55000), (D(2026, 8, 15), 40000), (D(2026, 9, 25), 65000),
            (D(2026, 11, 10), 48000)],
    "C14": [(D(2026, 8, 1), 12000), (D(2026, 9, 10), 8000), (D(2026, 10, 20), 9500),
            (D(2026, 11, 18), 7000)],
    "C15": [(D(2026, 9, 15), 6000), (D(2026, 10, 15), 7500), (D(2026, 11, 5), 5500),
            (D(2026, 11, 25), 4000)],
}
DISPUTED = {"INV-1053"}
DUE = {"INV-1008": D(2026, 11, 20)}  # typed; the terms say 3 December
CREDIT_NOTES = [("CN-01", "C02", D(2026, 10, 10), -450), ("CN-02", "C03", D(2026, 11, 5), -6000),
                ("CN-03", "C09", D(2026, 10, 20), -1500),
                ("CN-04", "C13", D(2026, 11, 20), -5000)]
PAYMENTS = [  # Payment ID, Customer ID, Date, Amount, Invoice No
    ("R-001", "C01", D(2026, 8, 15), 12000, "INV-1001"),
    ("R-002", "C01", D(2026, 10, 28), 5000, "INV-1002"),
    ("R-003", "C01", D(2026, 11, 25), 3000, None),
    ("R-004", "C02", D(2026, 11, 10), 4200, "INV-1005"),
    ("R-005", "C02", D(2026, 11, 18), 3000, "INV-1006"),
    ("R-006", "C03", D(2026, 9, 5), 45000, "INV-1009"),
    ("R-007", "C03", D(2026, 11, 20), 38000, "INV-1010"),
    ("R-008", "C05", D(2026, 10, 2), 18000, "INV-1017"),
    ("R-009", "C05", D(2026, 11, 5), 10000, "INV-1018"),
    ("R-010", "C05", D(2026, 11, 15), 1000, "INV-1020"),
    ("R-011", "C06", D(2026, 11, 8), 20000, None),
    ("R-012", "C07", D(2026, 10, 2), 6000, "INV-1025"),
    ("R-013", "C07", D(2026, 11, 2), 4000, "INV-1025"),
    ("R-013", "C07", D(2026, 11, 2), 2000, "INV-1026"),
    ("R-014", "C08", D(2026, 10, 20), 14000, "INV-1029"),
    ("R-015", "C09", D(2026, 8, 20), 9000, "INV-1033"),
    ("R-016", "C09", D(2026, 11, 12), 6000, "INV-1034"),
    ("R-017", "C10", D(2026, 9, 25), 2000, None),
    ("R-017", "C10", D(2026, 11, 15), -2000, None),        # applied later: off the account
    ("R-017", "C10", D(2026, 11, 15), 2000, "INV-1037"),   # ... onto the invoice
    ("R-018", "C11", D(2026, 9, 10), 22000, "INV-1041"),
    ("R-019", "C11", D(2026, 11, 25), 18000, "INV-1042"),
    ("R-020", "C13", D(2026, 8, 10), 55000, "INV-1049"),
    ("R-021", "C13", D(2026, 10, 15), 30000, "INV-1050"),
    ("R-022", "C13", D(2026, 11, 29), 10000, None),
    ("R-023", "C14", D(2026, 10, 12), 8000, "INV-1054"),
    ("R-024", "C15", D(2026, 10, 5), 6000, "INV-1057"),
    ("R-025", "C15", D(2026, 11, 22), 4500, "INV-1058"),
    ("R-026", "C01", D(2026, 12, 2), 4000, "INV-1003"),    # after the as-of date
    ("R-027", "C15", D(2026, 11, 28), 6000, "INV-1059"),   # 5,500 owed: 500 over
    ("R-028", "C11", D(2026, 11, 20), 70000, None),        # an advance: C11 in credit
    ("R-029", "C06", D(2026, 11, 26), -2000, None),        # a refund paid out
    (None, "C09", D(2026, 10, 1), 3000, None),             # on account, no Payment ID
    (None, "C09", D(2026, 11, 20), -3000, None),           # applied later ...
    (None, "C09", D(2026, 11, 20), 3000, "INV-1035"),      # ... onto INV-1035
]


def _book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Status",
               "Email"])
    for cid, name, ccy, terms, limit, status in CUSTOMERS:
        ws.append([cid, name, ccy, terms, limit, status, f"ap@{cid.lower()}.example"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount",
                "Disputed"])
    n = 1000
    for cid, rows in INVOICES.items():
        for row in rows:
            n += 1
            no = f"INV-{n}"
            inv.append([no, cid, row[0], DUE.get(no), row[2] if len(row) > 2 else None, row[1],
                        "Yes" if no in DISPUTED else None])
    inv.append(["INV-1061", "C12", D(2026, 12, 3), None, None, 2000, None])  # after as-of
    for no, cid, day, amount in CREDIT_NOTES:
        inv.append([no, cid, day, None, None, amount, None])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for row in PAYMENTS:
        pay.append(list(row))
    plans = wb.create_sheet("Payment Plans")
    plans.append(["Customer ID", "Amount", "Instalments", "Start", "Frequency"])
    plans.append(["C07", 24000, 4, D(2026, 10, 1), "monthly"])
    wb.save(path)


def _rows(path, tab):
    rows = list(openpyxl.load_workbook(path, data_only=True)[tab].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] in ("Customer ID", "KPI",
                                                                "Priority", "Plan"))
    names = [c for c in rows[head] if c is not None]
    out = []
    for r in rows[head + 1:]:
        if all(v is None for v in r[:len(names)]):
            break
        out.append(dict(zip(names, r, strict=False)))
    return out


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h185")
    book = folder / "book.xlsx"
    _book(book)
    for command, out in (("run", "out.xlsx"), ("report", "pack.xlsx"),
                         ("statements", "stmt.xlsx")):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main([command, str(book), "--as-of", "2026-11-30",
                         "-o", str(folder / out)]) == 0
    return folder


def test_aging_per_currency(month):
    totals = {}
    for r in _rows(month / "out.xlsx", "Aging"):
        t = totals.setdefault(r["Currency"], [0.0] * 6)
        for k, b in enumerate(("Current", "1-30", "31-60", "61-90", "90+", "Total")):
            t[k] = round(t[k] + r[b], 2)
    assert totals == {
        "EGP": [121250.0, 95550.0, 14050.0, 13400.0, 24200.0, 268450.0],
        "USD": [78200.0, -49000.0, 11500.0, 2000.0, 0.0, 42700.0],
        "SAR": [59000.0, -6000.0, 68000.0, 10000.0, 12000.0, 143000.0]}


KPIS = ["Opening AR", "Credit Sales", "Receipts Count", "Receipts", "Refunds Paid",
        "Closing AR", "Closing Current AR", "Closing Overdue AR", "DSO", "Best-Possible DSO",
        "Average Days Delinquent", "CEI %", "Collection Rate %"]


def test_kpis_per_currency(month):
    got = {}
    for r in _rows(month / "pack.xlsx", "KPIs"):
        if r["KPI"] in KPIS:
            got.setdefault(r["Currency"], {})[r["KPI"]] = r["Value"]
    want = {
        "EGP": [232950, 117700, 7, 84200, 2000, 268450, 121250, 147200, 68.42, 30.9, 37.52,
                35.83, 23.44],
        # the C09 move without a Payment ID is no receipt of 3,000 and refund of 3,000
        "USD": [84500, 53200, 4, 95000, 0, 42700, 8200, 34500, 24.08, 4.62, 19.45, 73.36,
                68.99],
        "SAR": [104000, 59500, 3, 20500, 0, 143000, 59000, 84000, 72.1, 29.75, 42.35, 19.62,
                12.54]}
    assert {c: [got[c][k] for k in KPIS] for c in want} == want


def test_dunning_letters_and_lists(month):
    dun = {(r["Customer ID"], r["Currency"]): (r["Level"], r["Days Overdue"],
                                               r["Amount To Collect"], r["Letter"])
           for r in _rows(month / "out.xlsx", "Dunning")}
    assert dun == {
        ("C01", "EGP"): (2, 56, 15500, True), ("C02", "EGP"): (4, 91, 12400, True),
        ("C03", "EGP"): (0, 1, 46000, False), ("C04", "EGP"): (4, 179, 13300, True),
        ("C05", "EGP"): (2, 30, 12000, True), ("C05", "USD"): (1, 21, 2000, True),
        # the 2,000 refund paid out of C06's 20,000 on account: 18,000 covers less
        ("C06", "EGP"): (2, 46, 15000, True), ("C07", "EGP"): (0, 174, 17000, True),
        ("C08", "EGP"): (0, 6, 16000, False), ("C09", "USD"): (3, 60, 9800, True),
        ("C10", "USD"): (3, 82, 11200, True), ("C11", "USD"): (0, 0, 0, False),
        ("C12", "USD"): (1, 26, 11500, True), ("C13", "SAR"): (2, 36, 60000, True),
        ("C14", "SAR"): (1, 11, 9500, True), ("C15", "SAR"): (2, 31, 2500, True)}
    calls = [(r["Customer ID"], r["Currency"]) for r in _rows(month / "out.xlsx", "Call List")]
    visits = [(r["Customer ID"], r["Currency"])
              for r in _rows(month / "out.xlsx", "Visit List")]
    assert calls == [("C13", "SAR"), ("C01", "EGP"), ("C06", "EGP"), ("C05", "EGP"),
                     ("C10", "USD"), ("C09", "USD"), ("C15", "SAR")]
    assert visits == [("C04", "EGP"), ("C02", "EGP")]  # C07 is on its plan


def test_credit_status(month):
    got = {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Oldest Overdue Days"],
                              r["Utilization %"], r["Status"])
           for r in _rows(month / "out.xlsx", "Credit Status")}
    assert got == {
        "C01": (25250, 18500, 56, 25.3, "OK"), "C02": (12400, 12850, 91, 24.8, "Hold"),
        "C03": (107000, 52000, 1, 53.5, "OK"), "C04": (19300, 13300, 179, 96.5, "Hold"),
        "C05": (34000, 14000, 30, 42.5, "OK"), "C06": (22500, 33000, 87, None, "OK"),
        "C07": (17000, 17000, 174, 56.7, "Hold"), "C08": (33000, 16000, 6, 55, "Hold"),
        "C09": (24000, 11300, 60, 48, "OK"), "C10": (15000, 11200, 82, 75, "OK"),
        "C11": (-15000, 0, 0, 0, "OK"), "C12": (16700, 11500, 26, 167, "Over Limit"),
        "C13": (108000, 75000, 77, 72, "OK"), "C14": (28500, 21500, 91, 71.3, "Hold"),
        "C15": (6500, 3000, 31, 26, "OK")}


def test_statements_running_balances(month):
    rows = _rows(month / "stmt.xlsx", "Customer Statements")

    def lines(cid):
        mine = [r for r in rows if r["Customer ID"] == cid and r["Type"] != "Aging"]
        return [(r["Type"], r["Document"], round((r["Debit"] or 0) - (r["Credit"] or 0), 2),
                 r["Balance"]) for r in mine]

    assert lines("C09") == [("Opening balance", None, 0, 15800), ("Invoice", "INV-1036", 14200,
                                                                    30000),
                            ("Receipt", "R-016", -6000, 24000),
                            ("Closing balance", None, 0, 24000)]
    assert lines("C06") == [("Opening balance", None, 0, 33000), ("Receipt", "R-011", -20000,
                                                                    13000),
                            ("Invoice", "INV-1024", 7500, 20500),
                            ("Refund", "R-029", 2000, 22500),
                            ("Closing balance", None, 0, 22500)]
    assert lines("C10")[0][3] == 11200 and lines("C10")[-1][3] == 15000


def test_payment_behaviour_dates_money_when_it_came(month):
    got = {(r["Customer ID"], r["Currency"]): (r["Payments"], r["Amount Paid"],
                                               r["Avg Days Late"])
           for r in _rows(month / "pack.xlsx", "Payment Behaviour")}
    # C10's 2,000 came on 25 September (16 days late), applied 15 November; C09's 3,000
    # without a Payment ID came on 1 October
    assert got[("C10", "USD")] == (1, 2000, 16)
    assert got[("C09", "USD")] == (3, 18000, 17)
    assert got[("C15", "SAR")] == (3, 16000, 11.1)  # R-027 pays 5,500; 500 on account


def test_payment_risk_counts_the_moved_money_once(month):
    risk = {r["Customer ID"]: (r["Paid Invoices"], r["Basis"])
            for r in _rows(month / "out.xlsx", "Payment Risk")}
    # INV-1037 is half paid (2,000 of 4,000, the Aging's 61-90): no paid invoice yet; before,
    # the 2,000 on account and the same 2,000 applied paid it in full on 15 November
    assert risk["C10"] == (0, "3 open overdue")
    # C07's plan: 6,000 and 6,000 paid, the third instalment due 1 December
    plan = [(r["Instalment"], r["Paid Amount"], r["Status"])
            for r in _rows(month / "out.xlsx", "Payment Plan Schedule")]
    assert plan == [(1, 6000, "Paid"), (2, 6000, "Paid"), (3, 0, "Due soon"),
                    (4, 0, "Not yet due")]
