"""A refund kept in a running ledger's invoice list (a debit typed Refund, a سند صرف) is money
paid back out to the customer: Refunds Paid in the KPIs, as a refund recorded in Payments
is, and no sale. Before, it was an invoice: the period's credit sales and invoices issued
held it, Refunds Paid said 0, and the collection rate counted the refunded money as
collected while CEI's numerator (AR's movement) did not."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main


def _book(tmp_path, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"])
    ws.append(["C1", "Nile Foods", "EGP", 30, 100000, "ap@nilefoods.com"])
    ws.append(["C2", "Delta Stores", "EGP", 30, 100000, "ap@delta.com"])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", header, "Amount"])
    for row in rows:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


TYPED = ("Type", [
    ["INV-1", "C1", "2026-08-01", "Invoice", 1000],
    ["INV-9", "C2", "2026-07-01", "Invoice", 800],
    ["INV-2", "C1", "2026-09-05", "Invoice", 2000],
    ["RV-7", "C1", "2026-09-15", "Payment", 3500],
    ["INV-3", "C1", "2026-09-20", "Invoice", 1000],
    ["RF-1", "C1", "2026-09-25", "Refund", 500]])
NARRATED = ("البيان", [
    ["F-1", "C1", "2026-08-01", "فاتورة مبيعات", 1000],
    ["F-9", "C2", "2026-07-01", "فاتورة مبيعات", 800],
    ["F-2", "C1", "2026-09-05", "فاتورة مبيعات", 2000],
    ["SQ-7", "C1", "2026-09-15", "سند قبض - تحويل بنكي", -3500],
    ["F-3", "C1", "2026-09-20", "فاتورة مبيعات", 1000],
    ["SS-1", "C1", "2026-09-25", "سند صرف - رد المبلغ الزائد", 500]])


@pytest.mark.parametrize("header, rows", [TYPED, NARRATED], ids=["typed", "narrated"])
def test_a_refund_in_the_invoice_list_is_a_refund_paid_in_the_kpis(tmp_path, header, rows):
    """By pencil, September (30 days): opening AR 1,800 (C1's 1,000, C2's 800 overdue);
    C1 billed 2,000 and 1,000, paid 3,500 (500 over) and was refunded the 500. Credit
    sales 3,000 (the refund is no sale), receipts 3,500, refunds paid 500, closing AR
    1,800 (C2's 800 overdue, C1's 1,000 current). DSO 1,800 / 3,000 x 30 = 18.00; CEI
    (1,800 + 3,000 - 1,800) / (1,800 + 3,000 - 1,000) = 3,000 / 3,800 = 78.95 %; collection
    rate (3,500 - 500) / (1,800 + 3,000) = 62.50 %: both count 3,000 collected. Before:
    credit sales 3,500 (3 invoices), refunds 0, DSO 15.43, CEI 81.40 %, collection rate
    3,500 / 5,300 = 66.04 %."""
    path = _book(tmp_path, header, rows)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Opening AR"], k["Invoices Issued"], k["Invoice Value Issued"],
            k["Credit Sales"]) == (1800.0, 2, 3000.0, 3000.0)
    assert (k["Receipts Count"], k["Receipts"], k["Refunds Paid"]) == (1, 3500.0, 500.0)
    assert (k["Closing AR"], k["Closing Current AR"], k["Closing Overdue AR"]) == (
        1800.0, 1000.0, 800.0)
    assert (k["DSO"], k["Best-Possible DSO"], k["Average Days Delinquent"]) == (
        18.0, 10.0, 8.0)
    assert k["CEI %"] == 78.95  # 78.947
    assert k["Collection Rate %"] == 62.5


def test_a_refund_type_is_a_document_type_read(tmp_path):
    """The reader knows the type it reads: no 'is no document type ar_excel reads' Input
    Issue for the Refund row (before: one, at D7)."""
    path = _book(tmp_path, *TYPED)
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert list(issues.get("Message", [])) == []


def test_a_returned_cheque_in_the_invoice_list_takes_its_cash_back_out_of_receipts(tmp_path):
    """A running ledger's شيك مرتد (a debit reversing the سند قبض it names) is counted as a
    Payments returned cheque is: the cash back out of Receipts, and no sale. By pencil,
    September: opening 1,800 (C1's F-1 1,000, C2's F-9 800, both overdue at the end); F-2
    2,000 billed; cheque 4411 of 1,000 received on the 15th came back on the 25th. Credit
    sales 2,000, receipts 0 (count 0), closing AR 3,800 (1,800 overdue, 2,000 current),
    CEI (1,800 + 2,000 - 3,800) / (3,800 - 2,000) = 0.00 %, collection rate 0.00 %. Before:
    the returned cheque was a second invoice of the month (credit sales 3,000), the cheque
    collected (receipts 1,000), CEI 35.71 %, collection rate 20.83 %."""
    path = _book(tmp_path, "البيان", [
        ["F-1", "C1", "2026-08-01", "فاتورة مبيعات", 1000],
        ["F-9", "C2", "2026-07-01", "فاتورة مبيعات", 800],
        ["F-2", "C1", "2026-09-05", "فاتورة مبيعات", 2000],
        ["SQ-7", "C1", "2026-09-15", "سند قبض - شيك 4411", -1000],
        ["SM-1", "C1", "2026-09-25", "شيك مرتد 4411", 1000]])
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Opening AR"], k["Invoices Issued"], k["Credit Sales"]) == (1800.0, 1, 2000.0)
    assert (k["Receipts Count"], k["Receipts"], k["Refunds Paid"]) == (0, 0.0, 0.0)
    assert (k["Closing AR"], k["Closing Current AR"], k["Closing Overdue AR"]) == (
        3800.0, 2000.0, 1800.0)
    assert (k["CEI %"], k["Collection Rate %"]) == (0.0, 0.0)
