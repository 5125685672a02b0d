"""Audit of Credit Status on a small book with limits in three currencies (as of 2026-10-31,
Policy: base EGP, USD=48.50, SAR=12.93), worked out by hand:

* F1 (EGP, limit 100,000): X1 60,000 EGP + X2 1,000 USD x 48.50 = 108,500.00: Over Limit by
  8,500.00 (108.5 %).
* F2 (USD, limit 5,000): X3 4,500 less an unapplied receipt of 1,000 = 3,500 open, plus an
  open order of 1,500: exposure 5,000.00 = the limit, not over it: Warning (100 %).
* F3 (SAR, limit 20,000): X4 15,000 + X5 1,000 USD x 48.50 / 12.93 (3,750.97) = 18,750.97:
  Warning (93.8 %).
The caption ties the tab to the ledger as the tab counts it (each customer's items in its
currency) instead of calling them different because the ledger lists USD apart.
"""

from __future__ import annotations

from datetime import datetime as D

import openpyxl
import pytest

from ar_excel.cli import main


def _book(path, rates: bool = True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for r in [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Status"],
              ["F1", "Delta Export", "EGP", 30, 100000, "Active"],
              ["F2", "Gulf Buyer", "USD", 30, 5000, "Active"],
              ["F3", "Mixed Co", "SAR", 30, 20000, "Active"]]:
        ws.append(r)
    inv = wb.create_sheet("Invoices")
    for r in [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
              ["X1", "F1", D(2026, 10, 1), "EGP", 60000],
              ["X2", "F1", D(2026, 10, 5), "USD", 1000],
              ["X3", "F2", D(2026, 10, 1), None, 4500],
              ["X4", "F3", D(2026, 10, 1), None, 15000],
              ["X5", "F3", D(2026, 10, 2), "USD", 1000]]:
        inv.append(r)
    pay = wb.create_sheet("Payments")
    for r in [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
              ["P1", "F2", D(2026, 10, 20), 1000, None]]:
        pay.append(r)
    pol = wb.create_sheet("Policy")
    for r in [["Key", "Value"], ["base_currency", "EGP"]] + (
            [["exchange_rates", "USD=48.50; SAR=12.93"]] if rates else []):
        pol.append(r)
    orders = wb.create_sheet("Orders")
    for r in [["Order No", "Customer ID", "Date", "Amount", "Invoice No", "Status"],
              ["SO1", "F2", D(2026, 10, 25), 1500, None, "Open"]]:
        orders.append(r)
    wb.save(path)
    return path


def _status(tmp_path, rates: bool):
    book, out = _book(tmp_path / "b.xlsx", rates), tmp_path / "o.xlsx"
    assert main(["credit", str(book), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Credit Status"]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r, strict=False))
            for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    caption = next(v for v in header if isinstance(v, str) and v.startswith("As of"))
    return rows, caption


@pytest.mark.parametrize("rates", [True, False])
def test_limits_in_three_currencies(tmp_path, rates):
    rows, caption = _status(tmp_path, rates)
    f1, f2, f3 = rows["F1"], rows["F2"], rows["F3"]
    assert (f2["Open Balance"], f2["Open Orders"], f2["Exposure"], f2["Unapplied Credits"],
            f2["Utilization %"], f2["Over Limit"], f2["Status"]) == \
        (3500, 1500, 5000, -1000, 100, False, "Warning")
    if rates:
        assert (f1["Open Balance"], f1["Utilization %"], f1["Over Limit"], f1["Status"]) == \
            (108500, 108.5, True, "Over Limit")
        assert (f3["Open Balance"], f3["Utilization %"], f3["Status"]) == \
            (18750.97, 93.8, "Warning")
        assert caption == (
            "As of 2026-10-31: Open Balance total EGP 108,500.00, SAR 18,750.97, USD 3,500.00 "
            "= ledger open balance EGP 108,500.00, SAR 18,750.97, USD 3,500.00 (other "
            "currencies converted at the Policy's exchange rates; in their own currencies: "
            "EGP 60,000.00, SAR 15,000.00, USD 5,500.00)")
    else:  # no rate: the USD items are added as they stand, and the Note says so
        assert (f1["Open Balance"], f1["Over Limit"], f3["Open Balance"]) == \
            (61000, False, 16000)
        assert "added without conversion" in f1["Note"]
        assert caption.endswith(
            "(other currencies added to their customer's currency as they stand: no exchange "
            "rate; in their own currencies: EGP 60,000.00, SAR 15,000.00, USD 5,500.00)")
        assert " = ledger open balance " in caption
