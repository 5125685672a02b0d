"""A small ledger for the credit tests: customers at each credit status, with figures worked
out by hand (as of 2026-06-30, policy defaults: warning at 80 %, hold after 90 days)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from tests._workbooks import save_workbook

AS_OF = date(2026, 6, 30)

CUSTOMERS = [
    ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Status",
     "Next Credit Review"],
    ["K1", "Ok Trading", "EGP", "Net 30", "100,000", "Active", datetime(2027, 1, 31)],
    ["K2", "Warn Foods", "EGP", 30, 10000, "Active", datetime(2026, 7, 15)],  # review in 15 d
    ["K3", "Over Motors", "EGP", 30, 5000, "Active", datetime(2026, 5, 31)],  # review overdue
    ["K4", "Late Steel", "EGP", 30, 50000, "Active", None],  # invoice 100 days past due
    ["K5", "Held Textiles", "EGP", 30, 20000, "Hold", None],
    ["K6", "No Limit Co", "EGP", 30, None, "Active", datetime(2026, 6, 1)],
    ["K7", "Closed Co", "EGP", 30, 1000, "Closed", datetime(2026, 1, 1)],  # closed: no review
]
INVOICES = [
    ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
    ["I1", "K1", datetime(2026, 6, 1), None, 30000],  # due 07-01: not yet due
    ["I2", "K1", datetime(2026, 4, 1), None, 20000],  # due 05-01, paid 05-20 (19 days late)
    ["I3", "K2", datetime(2026, 5, 1), None, 8500],  # due 05-31: 30 days overdue
    ["I4", "K3", datetime(2026, 6, 10), None, 6000],  # due 07-10
    ["CN1", "K3", datetime(2026, 6, 15), None, -500],  # credit note
    ["I5", "K4", datetime(2026, 2, 20), datetime(2026, 3, 22), 4000],  # 100 days overdue
    ["I6", "K5", datetime(2026, 6, 20), None, 1000],
    ["I7", "K6", datetime(2026, 5, 1), None, 2500],  # due 05-31: 30 days; K6 no limit
    ["I8", "K9", datetime(2026, 6, 1), None, 700],  # customer not in the master
    ["I9", "K1", datetime(2026, 7, 5), None, 999],  # after the as-of date: not yet
]
PAYMENTS = [
    ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
    ["P1", "K1", datetime(2026, 5, 20), 20000, "I2"],
    ["P2", "K4", datetime(2026, 6, 25), 1500, None],  # on account
    ["P3", "K2", datetime(2026, 7, 2), 8500, "I3"],  # after the as-of date: not yet
]
ORDERS = [
    ["Order No", "Customer ID", "Date", "Amount", "Invoice No", "Status"],
    ["SO1", "K2", datetime(2026, 6, 28), 300, None, "Open"],
    ["SO2", "K2", datetime(2026, 6, 2), 5000, "I3", "Invoiced"],
    ["SO3", "K1", datetime(2026, 6, 29), 4000, None, "Cancelled"],
    ["SO4", "K3", datetime(2026, 7, 3), 900, None, "Open"],  # after the as-of date
]
REQUESTS = [
    ["Customer ID", "Requested Limit", "Reason"],
    ["K1", 150000, "new branch"],
    ["K4", 80000, "season"],
    ["K6", 10000, "first limit"],
    ["K99", 5000, "?"],
]


def write_ledger(path: Path, *, orders: bool = True, requests: bool = True) -> Path:
    wb = openpyxl.Workbook()
    sheets = {"Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": PAYMENTS}
    if orders:
        sheets["Orders"] = ORDERS
    if requests:
        sheets["Credit Requests"] = REQUESTS
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    save_workbook(wb, path)
    return path
