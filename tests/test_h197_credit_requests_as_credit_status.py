"""Credit Requests Review weighs a request on the figures Credit Status shows (helper-197).

Delta Trading (EGP, limit 1,000,000) owes INV-1 EGP 60,000.00 46 days late, INV-2 USD 2,000.00
not yet due and holds a USD 200.00 credit note; the Policy's rate is USD=48.50. Credit Status
shows an Open Balance of 147,300.00 (60,000 + 97,000 - 9,700): 50,300.00 of it late after
the credit, 34.1 %, so its request for 1,200,000 is referred. Before, the review added the
amounts as they stand (60,000 - 200 late of 61,800 owed: 96.8 %) and declined it: a USD credit
set against EGP arrears as 200 pounds.

Nile Foods paid INV-10 (20,000.00) in full and INV-11 (30,000.00) in part (10,000.00), both
10 days late: one paid invoice and one part-paid, not two paid invoices."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _review(tmp_path: Path, policy: list[list], arabic: bool = False) -> dict[str, dict]:
    customers = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                 ["C01", "Delta Trading", "EGP", 30, 1000000],
                 ["C02", "Nile Foods", "EGP", 30, 100000]]
    if arabic:
        customers = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان"],
                     ["C01", "شركة الدلتا للتجارة", "EGP", 30, 1000000],
                     ["C02", "أغذية النيل", "EGP", 30, 100000]]
    invoices = ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"]
    receipts = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]
    if arabic:
        invoices = ["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق",
                    "العملة", "المبلغ"]
        receipts = ["رقم السند", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"]
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": customers,
        "Invoices": [invoices,
                     ["INV-0", "C01", D(2026, 8, 1), D(2026, 8, 31), "EGP", 10000.0],
                     ["INV-1", "C01", D(2026, 9, 15), D(2026, 10, 15), "EGP", 60000.0],
                     ["INV-2", "C01", D(2026, 11, 20), D(2026, 12, 20), "USD", 2000.0],
                     ["CN-1", "C01", D(2026, 11, 25), None, "USD", -200.0],
                     ["INV-10", "C02", D(2026, 9, 1), D(2026, 10, 1), "EGP", 20000.0],
                     ["INV-11", "C02", D(2026, 10, 1), D(2026, 10, 31), "EGP", 30000.0],
                     ["INV-12", "C02", D(2026, 11, 25), D(2026, 12, 25), "EGP", 30000.0]],
        "Payments": [receipts,
                     ["R-0", "C01", D(2026, 9, 5), 10000.0, "INV-0"],
                     ["R-10", "C02", D(2026, 10, 11), 20000.0, "INV-10"],
                     ["R-11", "C02", D(2026, 11, 10), 10000.0, "INV-11"]],
        "Policy": [["Key", "Value"], *policy],
        "Credit Requests": [["Customer ID", "Requested Limit", "Reason"],
                            ["C01", 1200000, "growth"], ["C02", 150000, "growth"]],
    })
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["credit", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    tabs = {}
    for name in ("Credit Status", "Credit Requests Review"):
        rows = list(wb[name].iter_rows(values_only=True))
        tabs[name] = {r[0]: dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0]}
    return tabs


RATES = [["Base Currency", "EGP"], ["exchange_rates", "USD=48.50"]]


def test_the_overdue_share_is_taken_in_credit_status_converted_figures(tmp_path):
    tabs = _review(tmp_path, RATES)
    status, row = tabs["Credit Status"]["C01"], tabs["Credit Requests Review"]["C01"]
    assert status["Open Balance"] == row["Open Balance"] == 147300
    assert (row["Overdue Share %"], row["Recommendation"], row["Suggested Limit"]) == (
        34.1, "Refer", 1200000)
    assert row["Reasons"] == (
        "overdue share above 20%; pays on average 5 days late over 1 paid invoice(s); 34.1% "
        "of what it owes is overdue (after credits on account); utilization 14.7% now, 12.3% "
        "at the requested limit")


def test_without_a_rate_the_amounts_are_taken_as_credit_status_takes_them(tmp_path):
    # no rate: Credit Status adds the USD items as they stand (61,800.00), and so does the review
    row = _review(tmp_path, [["Base Currency", "EGP"]])["Credit Requests Review"]["C01"]
    assert (row["Open Balance"], row["Overdue Share %"], row["Recommendation"]) == (
        61800, 96.8, "Decline")


def test_a_part_paid_invoice_is_no_paid_invoice(tmp_path):
    row = _review(tmp_path, RATES)["Credit Requests Review"]["C02"]
    assert (row["Paid Invoices"], row["Avg Days Late"], row["Overdue Share %"],
            row["Recommendation"]) == (1, 10, 40, "Refer")
    assert row["Reasons"] == (
        "overdue share above 20%; pays on average 10 days late over 1 paid invoice(s) and 1 "
        "part-paid; 40% of what it owes is overdue (after credits on account); utilization "
        "50% now, 33.3% at the requested limit")


def test_a_part_paid_invoice_in_arabic(tmp_path):
    row = _review(tmp_path, RATES, arabic=True)["Credit Requests Review"]["C02"]
    assert row["فواتير مسددة"] == 1  # Paid Invoices
    assert row["الأسباب"] == (  # Reasons
        "نسبة المتأخرات أعلى من 20%؛ يسدد متأخراً 10 أيام في المتوسط على 1 فاتورة مسددة و1 "
        "مسددة جزئياً؛ 40% من المستحق عليه متأخر (بعد خصم الدائن)؛ نسبة الاستخدام 50% حالياً "
        "و33.3% عند الحد المطلوب")
