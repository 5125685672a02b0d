"""The Dashboard's "Customers with amounts 180+ days past due" counts the customers the Top
Overdue tab shows with money in its last column: invoices more than the last aging limit
past their due date, still owed after the customer's credits.

It counted the Aging tab's last bucket instead: with the Policy's ``aging_basis`` set to the
invoice date, that bucket holds invoices 180 days old, not 180 days past due (a customer on
60-day terms whose invoice is 153 days late was counted, while Top Overdue's 180+ column held
nothing for anyone); and by due date, a customer whose advance received yesterday covers its
arrears (Current -3,000 beside 90+ 3,000 in the Aging) was counted though it is neither among
the customers with an overdue balance nor in Top Overdue.
"""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.cli import main

AS_OF = "2026-10-31"


def _pack(tmp_path, policy: list[tuple[str, str]], invoices, payments=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    for cid, terms in (("A1", 60), ("A2", 0), ("B1", 30), ("B2", 30)):
        ws.append([cid, f"Customer {cid}", "SAR", terms])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for row in invoices:
        inv.append(list(row))
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for row in payments:
        pay.append(list(row))
    if policy:
        pol = wb.create_sheet("Policy")
        pol.append(["Key", "Value"])
        for row in policy:
            pol.append(list(row))
    book = tmp_path / "book.xlsx"
    wb.save(book)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", AS_OF, "-o", str(out)]) == 0
    return openpyxl.load_workbook(out, data_only=True)


def _count(pack, label: str) -> int:
    ws = pack["Dashboard"]
    return next(ws.cell(r, 2).value for r in range(1, ws.max_row + 1)
                if ws.cell(r, 1).value == label)


def _last_column(pack, label: str) -> dict[str, float]:
    rows = list(pack["Top Overdue"].iter_rows(values_only=True))
    at = rows[0].index(label)
    return {r[1]: r[at] for r in rows[1:] if r[0] is not None}


def test_aged_by_invoice_date_the_count_is_still_of_days_past_due(tmp_path):
    pack = _pack(tmp_path, [("aging_basis", "invoice date"),
                            ("aging_buckets_days", "30, 60, 90, 180")],
                 # both 213 days old; A1 (60 days' terms) is 153 days past due, A2 213
                 [("S-1", "A1", date(2026, 4, 1), 1000.0), ("S-2", "A2", date(2026, 4, 1), 2000.0)])
    assert _last_column(pack, "180+") == {"A2": 2000.0, "A1": 0.0}
    assert _count(pack, "Customers with amounts 180+ days past due") == 1


def test_arrears_covered_by_an_advance_are_not_counted(tmp_path):
    pack = _pack(tmp_path, [],
                 [("S-3", "B1", date(2026, 6, 1), 3000.0), ("S-4", "B2", date(2026, 6, 1), 500.0)],
                 # B1's advance of yesterday covers its 122-days-late invoice
                 [("P-1", "B1", date(2026, 10, 30), 3000.0, None)])
    assert _count(pack, "Customers with an overdue balance") == 1
    assert _last_column(pack, "90+") == {"B2": 500.0}
    assert _count(pack, "Customers with amounts 90+ days past due") == 1
