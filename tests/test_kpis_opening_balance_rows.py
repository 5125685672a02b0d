"""A running ledger's balance brought forward (رصيد افتتاحي, Opening Balance, Balance b/f) is
what the customer owed before the ledger starts: opening AR of the period it is dated in, not
a sale of that period. Before, it was counted as an invoice issued: the period's credit sales
were inflated by every customer's brought-forward balance (DSO too low) and its opening AR
short by as much; the month before held a 'sale' that never was."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "العملة", "مدة السداد"])
    ws.append(["C1", "شركة النيل", "EGP", 30])
    ws.append(["C2", "شركة الدلتا", "EGP", 30])
    sheet = wb.create_sheet("كشف حساب")
    sheet.append(["كود العميل", "التاريخ", "المرجع", "البيان", "مدين", "دائن", "الرصيد"])
    for row in (
            # C1's ledger starts with the period, C2's a month before it
            ("C1", "2026-09-01", "OB", "رصيد افتتاحي", 2000, None, 2000),
            ("C1", "2026-09-03", "F-101", "فاتورة مبيعات", 5000, None, 7000),
            ("C1", "2026-09-05", "SQ-1", "سند قبض - تحويل بنكي", None, 4000, 3000),
            ("C1", "2026-09-12", "F-102", "فاتورة مبيعات", 6000, None, 9000),
            ("C1", "2026-09-20", "M-1", "مرتجع مبيعات", None, 1000, 8000),
            ("C2", "2026-08-01", "OB", "رصيد افتتاحي", 3000, None, 3000),
            ("C2", "2026-09-15", "SQ-2", "سند قبض شيك 123", None, 2000, 1000),
            ("C2", "2026-09-25", "F-202", "فاتورة مبيعات", 2500, None, 3500)):
        sheet.append(list(row))
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    return path


def _report(tmp_path):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(_book(tmp_path)), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    # the Arabic pack heads its tabs twice: Arabic, then the contract's names
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=1)
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    # the DSO trend below it, headed in Arabic only: Month, Currency, Period Start, Period
    # End, Credit Sales, Receipts, Closing AR, DSO...
    raw = pd.read_excel(out, sheet_name="KPIs", engine="calamine", header=None)
    at = raw.index[raw[0] == "الشهر"][0]
    trend = raw.iloc[at + 1:, :8].set_axis(TREND, axis=1)
    return kpis, trend.set_index("Month")


TREND = ["Month", "Currency", "Period Start", "Period End", "Credit Sales", "Receipts",
         "Closing AR", "DSO"]


def test_a_balance_brought_forward_is_opening_ar_not_a_sale(tmp_path):
    kpis, _ = _report(tmp_path)
    assert kpis["Opening AR"] == 5000.0  # C1's 2,000 brought forward on 1 Sep + C2's 3,000
    assert (kpis["Invoices Issued"], kpis["Invoice Value Issued"]) == (3, 13500.0)
    assert (kpis["Credit Notes Issued"], kpis["Credit Note Value"]) == (1, -1000.0)
    assert kpis["Credit Sales"] == 12500.0  # F-101 + F-102 + F-202 - M-1
    assert (kpis["Receipts Count"], kpis["Receipts"]) == (2, 6000.0)
    assert kpis["Closing AR"] == 11500.0  # C1 8,000 + C2 3,500
    assert kpis["Closing Overdue AR"] == 1000.0  # C2's 3,000 b/f past due less its 2,000
    assert kpis["Closing Current AR"] == 10500.0
    assert kpis["DSO"] == 27.6  # 11,500 / 12,500 x 30 (was 23.79 over 14,500)
    assert kpis["Best-Possible DSO"] == 25.2  # 10,500 / 12,500 x 30
    assert kpis["Average Days Delinquent"] == 2.4
    assert kpis["CEI %"] == 85.71  # (5,000 + 12,500 - 11,500) / (5,000 + 12,500 - 10,500)
    assert kpis["Collection Rate %"] == 34.29  # 6,000 / 17,500


def test_the_month_of_a_balance_brought_forward_has_no_sales(tmp_path):
    _, trend = _report(tmp_path)
    august = trend.loc["2026-08"]
    assert august["Credit Sales"] == 0  # C2's 3,000 brought forward is no August sale
    assert august["Closing AR"] == 3000.0
    assert pd.isna(august["DSO"])  # no sales: blank, not 31 days
    assert trend.loc["2026-09", "DSO"] == 27.6
