"""A running ledger's receipt held on account, its البيان saying only so ('على الحساب',
'دفعة تحت الحساب - شيك 55', 'On account'): money received, as the same words are where a
bill's reference would be (Tally's On Account), not a credit note. Before, it was read as a
credit note: the period's credit sales were short by it and its receipts left out (a Jordanian
book: Receipts 0.000, CEI 0.00 %)."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.entries import received_rows


def test_on_account_narrations_on_credits_are_receipts():
    invoices = pd.DataFrame({
        "Invoice No": ["P-20", "P-21", "P-22", "CN-4", "F-7", "R-3"],
        "Customer ID": ["J02"] * 6,
        "Invoice Date": pd.to_datetime(["2026-11-18"] * 6),
        "Amount": [-1000.0, -400.0, -250.0, -90.0, 600.0, -60.0],
        "البيان": ["على الحساب", "دفعة تحت الحساب - شيك 55", "On account",
                   "On account of rate difference", "على الحساب", "مرتجع من F-2026-042"],
    })
    # a reason ('on account of ...'), a debit, a return: no money received
    assert received_rows(invoices).tolist() == [True, True, True, False, False, False]


def test_a_receipt_on_account_in_the_ledger_is_counted_in_the_kpis(tmp_path):
    """By pencil, November (30 days), JOD: opening AR 4,125.500 (F-040, due 31 October);
    billed F-050 3,900.000; received 1,000.000 on account (P-020); a return R-003 of 250.000.
    Credit sales 3,650.000, receipts 1,000.000, closing AR 6,775.500 (current 3,900.000).
    CEI (4,125.5 + 3,650 - 6,775.5) / (4,125.5 + 3,650 - 3,900) = 1,000 / 3,875.5 = 25.80 %.
    Before: credit sales 2,650.000 (two credit notes), receipts 0, CEI 0.00 %."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان"])
    ws.append(["J02", "مؤسسة العقبة للتوريدات", "JOD", "Due end of next month", "7.5K"])
    sheet = wb.create_sheet("الفواتير")
    sheet.append(["التاريخ", "رقم المستند", "رقم العميل", "البيان", "المبلغ"])
    for row in [["2026-09-25", "F-2026-040", "J02", "مواد تغليف", 4125.5],
                ["2026-11-05", "F-2026-050", "J02", "مواد تغليف", 3900],
                ["2026-11-18", "P-2026-020", "J02", "على الحساب", -1000],
                ["2026-11-20", "R-2026-003", "J02", "مرتجع", -250]]:
        sheet.append(row)
    path = tmp_path / "jordan.xlsx"
    wb.save(path)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=1)
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Opening AR"], k["Credit Sales"], k["Credit Notes Issued"]) == (4125.5, 3650.0, 1)
    assert (k["Receipts Count"], k["Receipts"]) == (1, 1000.0)
    assert (k["Closing AR"], k["Closing Current AR"]) == (6775.5, 3900.0)
    assert k["CEI %"] == 25.8
