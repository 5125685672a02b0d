"""Money paid back to a customer in a running ledger's invoice list is a refund, not a receipt
and not an invoice.

* A row typed Payment on the Debit side of a Dr/Cr ledger, or typed Payment -500 among
  Payments written positive, or +500 among Payments written negative (the mirror), is
  money that went out: before, the type made it one more
  receipt (Receipts 2,000, the customer's balance short by twice the refund). (A Payments
  sheet's -500 was already read as a refund.) As many Payments each way, or a lone one,
  give no such evidence: each stays a receipt.
* On the customer's statement such a row, and a row typed Refund or سند صرف, is a Refund
  (رد مبلغ), as a refund in Payments reads, with no due date: before, an 'Invoice' due 30
  days later."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main


def _book(tmp_path, header, rows, name="book.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"])
    ws.append(["C1", "Nile Foods", "EGP", 30, 100000, "ap@nilefoods.com"])
    sheet = wb.create_sheet("Invoices")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


SIDES = (["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount", "Dr/Cr"], [
    ["INV-1", "C1", "2026-08-01", "Invoice", 1000, "Dr"],
    ["RV-7", "C1", "2026-09-10", "Payment", 1500, "Cr"],
    ["INV-2", "C1", "2026-09-20", "Invoice", 2000, "Dr"],
    ["PV-2", "C1", "2026-09-25", "Payment", 500, "Dr"]])
SIGNED = (["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"], [
    ["INV-1", "C1", "2026-08-01", "Invoice", 1000],
    ["RV-7", "C1", "2026-09-10", "Payment", 1000],
    ["RV-8", "C1", "2026-09-10", "Payment", 500],
    ["INV-2", "C1", "2026-09-20", "Invoice", 2000],
    ["PV-2", "C1", "2026-09-25", "Payment", -500]])
# the mirror: a list writing its receipts negative, the money paid back positive
NEGATIVE = (SIGNED[0], [
    ["INV-1", "C1", "2026-08-01", "Invoice", 1000],
    ["RV-7", "C1", "2026-09-10", "Payment", -1000],
    ["RV-8", "C1", "2026-09-10", "Payment", -500],
    ["INV-2", "C1", "2026-09-20", "Invoice", 2000],
    ["PV-2", "C1", "2026-09-25", "Payment", 500]])
CASES = pytest.mark.parametrize("header, rows", [SIDES, SIGNED, NEGATIVE],
                                ids=["debit-side", "minus-sign", "plus-sign"])


@CASES
def test_a_payment_paid_back_to_the_customer_is_a_refund(tmp_path, header, rows):
    """By pencil, September: opening AR 1,000 (INV-1); 1,500 received on the 10th (500
    over: RV-7, or RV-7 1,000 and RV-8 500, written positive or, the mirror, negative);
    INV-2 2,000 billed on the 20th; the 500 paid back on the 25th (PV-2: a Payment on the
    Dr side, written -500 among positive Payments, or +500 among negative ones). Receipts 1,500, Refunds Paid 500, credit sales 2,000, closing AR
    1,000 - 1,500 + 2,000 + 500 = 2,000, as the Aging, the Credit Status open balance and
    the statement close. Before: Receipts 2,000 (one receipt more), Refunds Paid 0, closing
    AR 1,000."""
    received = [r[0] for r in rows if r[0].startswith("RV")]
    path = _book(tmp_path, header, rows)
    pack = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(pack)]) == 0
    table = pd.read_excel(pack, sheet_name="KPIs", engine="calamine")
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Opening AR"], k["Invoices Issued"], k["Credit Sales"]) == (1000.0, 1, 2000.0)
    assert (k["Receipts Count"], k["Receipts"], k["Refunds Paid"]) == (
        len(received), 1500.0, 500.0)
    assert k["Closing AR"] == 2000.0
    aging = pd.read_excel(pack, sheet_name="Aging", engine="calamine")
    assert aging.loc[aging["Customer ID"] == "C1", "Total"].tolist() == [2000.0]

    credit = tmp_path / "credit.xlsx"
    assert main(["credit", str(path), "--as-of", "2026-09-30", "-o", str(credit)]) == 0
    status = pd.read_excel(credit, sheet_name="Credit Status", engine="calamine")
    assert status["Open Balance"].tolist() == [2000.0]

    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-09-30", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    lines = tab[tab["Type"] != "Aging"]
    assert list(zip(lines["Type"], lines["Document"].fillna(""), lines["Balance"],
                    strict=True)) == [
        ("Opening balance", "", 1000.0),
        *([("Receipt", "RV-7", -500.0)] if received == ["RV-7"] else [
            ("Receipt", "RV-7", 0.0), ("Receipt", "RV-8", -500.0)]),
        ("Invoice", "INV-2", 1500.0), ("Refund", "PV-2", 2000.0),
        ("Closing balance", "", 2000.0)]
    refund = lines[lines["Document"] == "PV-2"].iloc[0]
    assert (refund["Debit"], refund["Credit"]) == (500.0, 0.0)
    assert pd.isna(refund["Due Date"])


def test_a_refund_row_of_the_list_is_a_refund_on_the_statement(tmp_path):
    """A row typed Refund (fbe4673's refund in the invoice list) reads on the statement as a
    refund in Payments does: 'Refund', no due date (before: 'Invoice' due 2026-10-25)."""
    path = _book(tmp_path, ["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"], [
        ["INV-1", "C1", "2026-09-01", "Invoice", 1000],
        ["RV-7", "C1", "2026-09-10", "Payment", 1500],
        ["RF-1", "C1", "2026-09-25", "Refund", 500]])
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-09-30", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    refund = tab[tab["Document"] == "RF-1"].iloc[0]
    assert (refund["Type"], refund["Debit"], refund["Balance"]) == ("Refund", 500.0, 0.0)
    assert pd.isna(refund["Due Date"])


def test_an_arabic_ledgers_payment_voucher_is_a_refund_on_its_statement(tmp_path):
    """سند صرف in an Arabic running ledger: رد مبلغ, as the Payments refund is worded."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "البريد الإلكتروني", "العملة", "مدة السداد",
               "حد الائتمان"])
    ws.append(["A1", "شركة النيل", "a@nile.example", "EGP", 30, 100000])
    ws = wb.create_sheet("الفواتير")
    ws.append(["كود العميل", "التاريخ", "المرجع", "البيان", "مدين", "دائن", "الرصيد"])
    ws.append(["A1", datetime(2026, 9, 1), "F-1", "فاتورة مبيعات", 1000, None, 1000])
    ws.append(["A1", datetime(2026, 9, 10), "SQ-7", "سند قبض - تحويل بنكي", None, 1500, -500])
    ws.append(["A1", datetime(2026, 9, 25), "SS-1", "سند صرف - رد المبلغ الزائد", 500, None, 0])
    path = tmp_path / "ledger_ar.xlsx"
    wb.save(path)
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-09-30", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine", header=1)
    lines = tab[tab["Document"].isin(["F-1", "SQ-7", "SS-1"])]
    assert list(zip(lines["Type"], lines["Balance"], strict=True)) == [
        ("فاتورة", 1000.0), ("تحصيل", -500.0), ("رد مبلغ", 0.0)]
    assert pd.isna(lines["Due Date"].iloc[2])


@CASES
def test_a_refund_in_the_list_pays_out_the_credit_it_repays_in_the_aging(tmp_path, header, rows):
    """As a refund in Payments does: the 500 paid back on 25 September pays out 500 of the
    customer's 1,500 received (held on account), so the Aging as of 30 September is Current
    2,000 (INV-2) and 1-30 0 (INV-1 1,000 less the 1,000 still on account). Before, the
    refund was an 'Invoice' due on the customer's terms (25 October): Current 2,500 and
    1-30 -500, and the refund was an invoice the dunning could chase."""
    path = _book(tmp_path, header, rows)
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    aging = pd.read_excel(out, sheet_name="Aging", engine="calamine")
    assert aging.loc[0, ["Current", "1-30", "31-60", "Total"]].tolist() == [2000, 0, 0, 2000]
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    assert detail.loc[detail["Item Type"] == "Invoice", "Document No"].tolist() == [
        "INV-1", "INV-2"]
    assert detail["Open Amount"].sum() == 2000
    assert "PV-2" not in detail["Document No"].tolist()  # paid out in full against the credit


BEFORE = (["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"], [
    ["INV-1", "C1", "2026-08-01", "Invoice", 1000],
    ["INV-2", "C1", "2026-09-20", "Invoice", 2000]])


@pytest.mark.parametrize("payments", [
    [["RV-7", "2026-09-10", 1500], ["PV-2", "2026-09-25", -500]],
    [["RV-7", "2026-09-10", -1500], ["PV-2", "2026-09-25", 500]],
    [["RV-7", "2026-09-10", 1000], ["RV-8", "2026-09-10", -300],
     ["RV-9", "2026-09-12", -200], ["PV-2", "2026-09-25", 300]],
    [["PV-2", "2026-09-25", 500]],
    [["PV-2", "2026-09-25", -500]],
], ids=["tie-plus-first", "tie-minus-first", "two-and-two", "one-plus", "one-minus"])
def test_a_payment_is_not_read_as_a_refund_without_the_lists_sign_to_say_so(tmp_path,
                                                                           payments):
    """Only a sign against most of the list's Payments says money went out. As many
    Payments each way (a list mixing both conventions), or one Payment alone, gives no such
    evidence: every Payment stays a receipt, as before. By pencil: opening AR 1,000, INV-2
    2,000, receipts the Payments' amounts taken whole (2,000; 2,000; 1,800; 500; 500),
    Refunds Paid 0, Closing AR 3,000 less them, the Credit Status open balance too."""
    header, rows = BEFORE
    rows = rows + [[n, "C1", d, "Payment", a] for n, d, a in payments]
    path = _book(tmp_path, header, rows)
    received = sum(abs(a) for _, _, a in payments)
    pack = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(pack)]) == 0
    table = pd.read_excel(pack, sheet_name="KPIs", engine="calamine")
    k = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (k["Receipts Count"], k["Receipts"], k["Refunds Paid"]) == (
        len(payments), received, 0.0)
    assert k["Closing AR"] == 3000.0 - received
    credit = tmp_path / "credit.xlsx"
    assert main(["credit", str(path), "--as-of", "2026-09-30", "-o", str(credit)]) == 0
    status = pd.read_excel(credit, sheet_name="Credit Status", engine="calamine")
    assert status["Open Balance"].tolist() == [3000.0 - received]
