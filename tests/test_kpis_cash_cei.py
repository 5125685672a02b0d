"""CEI counts cash collected only: an early-payment discount or a write-off lowers AR but is
no collection (DOMAIN.md's single-period CEI, its numerator the cash collected)."""

from __future__ import annotations

from ar_excel.core.kpis import Ledger, kpi_table, month_to, period_figures
from tests.collections_data import customers, invoices, payments

NOV = month_to("2026-11-30")


def book(methods=("Bank transfer", "Early payment discount", "Write-off")):
    cust = customers([{"Customer ID": "C1", "Name": "Alpha"}])
    inv = invoices([
        ("A", "C1", "2026-10-10", "2026-11-10", 10000.00),  # paid 9,800 + 200 discount
        ("C", "C1", "2026-10-15", "2026-11-15", 4000.00),  # unpaid: overdue at the end
        ("W", "C1", "2026-09-01", "2026-10-01", 1000.00),  # written off in November
        ("B", "C1", "2026-11-20", "2026-12-20", 5000.00),  # November sale, not yet due
    ])
    pay = payments([("R1", "C1", "2026-11-08", 9800.00, "A"),
                    ("D1", "C1", "2026-11-08", 200.00, "A"),
                    ("W1", "C1", "2026-11-25", 1000.00, "W")])
    pay["Method"] = list(methods)
    return cust, inv, pay


def test_discount_and_write_off_are_not_collected():
    cust, inv, pay = book()
    k = period_figures(Ledger(cust, inv, pay), NOV, "EGP")
    assert k["Opening AR"] == 15000.00  # A + C + W
    assert k["Credit Sales"] == 5000.00  # B
    assert k["Receipts"] == 9800.00  # cash only
    assert k["Non-Cash Settlements"] == 1200.00  # 200 discount + 1,000 write-off
    assert (k["Closing AR"], k["Closing Current AR"]) == (9000.00, 5000.00)  # C + B; B
    # (15,000 + 5,000 - 9,000 - 1,200) / (15,000 + 5,000 - 5,000) = 9,800 / 15,000
    assert k["CEI %"] == 65.33
    assert k["Collection Rate %"] == 49.00  # 9,800 / 20,000
    # DSO and its companions do not depend on how the AR was cleared
    assert (k["DSO"], k["Best-Possible DSO"], k["Average Days Delinquent"]) == (54.0, 30.0, 24.0)


def test_the_same_settlements_in_cash_are_all_collected():
    cust, inv, pay = book(methods=("Bank transfer",) * 3)
    k = period_figures(Ledger(cust, inv, pay), NOV, "EGP")
    assert (k["Receipts"], k["Non-Cash Settlements"], k["Closing AR"]) == (11000.0, 0.0, 9000.0)
    assert k["CEI %"] == 73.33  # 11,000 / 15,000: what the discount and write-off used to give


def test_the_kpis_tab_states_the_cash_only_rule():
    cust, inv, pay = book()
    table = kpi_table(cust, inv, pay, NOV).set_index("KPI")
    assert table.at["CEI %", "Definition"] == (
        "(opening AR + credit sales - closing AR - non-cash settlements) / (opening AR + "
        "credit sales - closing current AR) x 100; the numerator is the cash collected less "
        "refunds paid out (single-period CEI)")
    kpis = table.index.tolist()
    assert kpis.index("Non-Cash Settlements") == kpis.index("Receipts") + 1
    assert table.at["Non-Cash Settlements", "Value"] == 1200.00
    assert table.at["Non-Cash Settlements", "Currency"] == "EGP"
