"""A returned cheque kept in Payments (a negative row against the invoice, Method 'Returned
cheque' / 'شيك مرتد') takes back the receipt it reverses: the invoice is unpaid again. Before,
the invoice stayed paid and the 5,000 a debit on account ('Refund' on the statement) that no
dunning looked at: Bouncer Co, 92 days late, was 'Nothing overdue', no letter."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.ledger import open_items
from ar_excel.core.returned_cheques import reversed_pairs
from tests.collections_data import customers, invoices, payments


def _book(tmp_path, method="Returned cheque", invoices=None, payments=None):
    """Bouncer Co's book: by default a 5,000 cheque of 30 July on RI-1 returned on 5 August."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["R1", "Bouncer Co", "r@bouncer.example", "EGP", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
    for row in invoices or [["RI-1", "R1", datetime(2026, 7, 1), datetime(2026, 7, 31), 5000],
                            ["RI-2", "R1", datetime(2026, 10, 5), datetime(2026, 11, 4), 1000]]:
        ws.append(row)
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    for row in payments or [["CHQ-77", "R1", datetime(2026, 7, 30), 5000, "RI-1", "Cheque"],
                            ["CHQ-77R", "R1", datetime(2026, 8, 5), -5000, "RI-1", method]]:
        ws.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_the_invoice_is_unpaid_again_and_dunned(tmp_path):
    path = _book(tmp_path)
    out = tmp_path / "collections.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    dun = pd.read_excel(out, sheet_name="Dunning", engine="calamine")
    (row,) = dun.to_dict("records")
    assert (row["Level"], row["Days Overdue"], row["Overdue Amount"], row["Credit On Account"],
            row["Amount To Collect"], row["Open Balance"], row["Letter"]) == (
        4, 92, 5000.0, 0.0, 5000.0, 6000.0, True)
    letter = (tmp_path / "dunning" / "2026-10-31_R1.eml").read_text(encoding="utf-8")
    assert "RI-1 | Invoice | 2026-07-01 | 2026-07-31 | 92 | 5,000.00" in letter

    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    assert list(zip(detail["Document No"], detail["Open Amount"], strict=True)) == [
        ("RI-1", 5000.0), ("RI-2", 1000.0)]


def test_the_statement_shows_the_cheque_and_its_return(tmp_path):
    path = _book(tmp_path, method="شيك مرتد")
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--from", "2026-07-01",
                 "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    lines = tab[tab["Document"].isin(["CHQ-77", "CHQ-77R"])]
    assert list(zip(lines["Type"], lines["Debit"], lines["Credit"], lines["Balance"],
                    strict=True)) == [("Receipt", 0, 5000.0, 0.0), ("Returned Cheque", 5000.0, 0, 5000.0)]
    aging = tab[tab["Type"] == "Aging"]
    assert aging["Balance"].tolist() == [1000.0, 0, 0, 0, 5000.0]


def test_a_return_reverses_one_receipt_of_its_amount_and_no_other_row():
    cust = customers([{"Customer ID": "C1"}])
    inv = invoices([("I1", "C1", "2026-07-01", "2026-07-31", 3000.0)])
    pay = payments([("P1", "C1", "2026-07-10", 1000.0, "I1"),
                    ("P2", "C1", "2026-07-20", 2000.0, "I1"),
                    ("P2R", "C1", "2026-07-25", -2000.0, "I1"),  # returns P2, not P1
                    ("X", "C1", "2026-07-26", -300.0, "I1")])  # a refund: Method says so
    pay["Method"] = ["Cheque", "Cheque", "Bounced", "Refund"]
    assert reversed_pairs(pay).tolist() == [False, True, True, False]
    items = open_items(cust, inv, pay, pd.Timestamp("2026-10-31").date())
    assert sorted(zip(items["Document No"], items["Open Amount"], strict=True)) == [
        ("I1", 2000.0), ("X", 300.0)]


def test_a_running_ledgers_returned_cheque_reverses_its_receipt(tmp_path):
    """An Arabic running ledger (التاريخ، المرجع، البيان، مدين، دائن، الرصيد): the cheque
    4411 paid F-101 (سند قبض) and came back (شيك مرتد). Before, the return was an invoice due
    30 days after it, the receipt stayed on account against F-101: a firm reminder at 42 days
    and a statement calling the return فاتورة; F-101 is 83 days late (a final notice)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "البريد الإلكتروني", "العملة", "مدة السداد",
               "حد الائتمان"])
    ws.append(["A1", "شركة النيل للتجارة", "nile@nile.example", "EGP", 30, 100000])
    ws = wb.create_sheet("الفواتير")
    ws.append(["كود العميل", "التاريخ", "المرجع", "البيان", "مدين", "دائن", "الرصيد"])
    ws.append(["A1", datetime(2026, 7, 10), "F-101", "فاتورة مبيعات", 12000, None, 12000])
    ws.append(["A1", datetime(2026, 8, 5), "SQ-11", "سند قبض - شيك 4411", None, 12000, 0])
    ws.append(["A1", datetime(2026, 8, 20), "RC-11", "شيك مرتد رقم 4411", 12000, None, 12000])
    ws.append(["A1", datetime(2026, 10, 25), "F-103", "فاتورة مبيعات", 4000, None, 16000])
    path = tmp_path / "ledger.xlsx"
    wb.save(path)

    out = tmp_path / "collections.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    dun = pd.read_excel(out, sheet_name="Dunning", engine="calamine", header=1)
    (row,) = dun.to_dict("records")
    assert (row["Level"], row["Days Overdue"], row["Credit On Account"],
            row["Amount To Collect"], row["Open Balance"]) == (3, 83, 0.0, 12000.0, 16000.0)

    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--from", "2026-07-01",
                 "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine", header=1)
    lines = tab[tab["Document"].isin(["F-101", "SQ-11", "RC-11", "F-103"])]
    assert list(zip(lines["Type"], lines["Due Date"].isna(), lines["Balance"],
                    strict=True)) == [("فاتورة", False, 12000.0), ("تحصيل", True, 0.0),
                                      ("شيك مرتد", True, 12000.0), ("فاتورة", False, 16000.0)]
    aging = tab[tab["Type"] == "أعمار الديون"]
    assert aging["Balance"].tolist() == [4000.0, 0, 0, 12000.0, 0]


def test_a_cheque_returned_unpaid_is_no_cash_collected_in_the_kpis(tmp_path):
    # Sept: a 5,000 cheque and a 1,000 transfer received, the cheque back unpaid on the 20th.
    # Cash collected in September is 1,000, one receipt; before, Receipts said 6,000 (2).
    path = _book(tmp_path, invoices=[
        ["RI-1", "R1", datetime(2026, 8, 1), datetime(2026, 8, 31), 5000],
        ["RI-2", "R1", datetime(2026, 8, 5), datetime(2026, 9, 4), 1000],
        ["RI-3", "R1", datetime(2026, 9, 1), datetime(2026, 10, 1), 2000]], payments=[
        ["CHQ-90", "R1", datetime(2026, 9, 3), 5000, "RI-1", "Cheque"],
        ["TRF-91", "R1", datetime(2026, 9, 10), 1000, "RI-2", "Bank transfer"],
        ["CHQ-90R", "R1", datetime(2026, 9, 20), -5000, "RI-1", "Returned cheque"]])
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    assert (kpis["Receipts"], kpis["Receipts Count"]) == (1000.0, 1)
    assert (kpis["Opening AR"], kpis["Credit Sales"], kpis["Closing AR"]) == (
        6000.0, 2000.0, 7000.0)
    assert kpis["Collection Rate %"] == 12.5  # 1,000 / (6,000 + 2,000)
    assert kpis["CEI %"] == 16.67  # (6,000 + 2,000 - 7,000) / (6,000 + 2,000 - 2,000)
