"""A credit note kept in the invoice list and applied to an invoice by a Payments row (Method
Credit Note, the credit note named by its Payment ID, Invoice No or Method) is the credit
note's use, not a second credit. Before, the row settled the invoice while the credit note
stayed open too: C1's 1,000 credit note was taken off AR twice (Closing AR 4,500, not 5,500),
counted again as a 1,000 non-cash settlement, and DSO, best-possible DSO and CEI were wrong."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main

INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
            ["INV-1", "C1", "2026-08-10", "Invoice", 5000],
            ["INV-2", "C1", "2026-09-05", "Invoice", 4000],
            ["CN-1", "C1", "2026-09-12", "Credit Note", -1000],
            ["INV-3", "C2", "2026-08-20", "Invoice", 3000],
            ["CN-2", "C2", "2026-09-15", "Credit Note", -500]]  # left open
RECEIPTS = [["R1", "C1", "2026-09-20", 4000, "INV-1", "Bank Transfer"],
            ["R2", "C2", "2026-09-25", 1000, "INV-3", "Bank Transfer"]]
APPLIED = {
    "payment id is the credit note": [["CN-1", "C1", "2026-09-12", 1000, "INV-1", "Credit Note"]],
    "invoice no is the credit note": [["APP-1", "C1", "2026-09-12", 1000, "CN-1",
                                       "Credit Note Applied"]],
    "method names the credit note": [["APP-1", "C1", "2026-09-12", 1000, "INV-1",
                                      "Credit Note CN-1"]],
    # the book records the use itself (as the reconciliation's Receipts To Post do)
    "both sides recorded": [["A-1", "C1", "2026-09-12", 1000, "INV-1", "Credit Note"],
                            ["A-1", "C1", "2026-09-12", -1000, "CN-1", "Credit Note"]],
}


def _book(tmp_path, applied):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"])
    ws.append(["C1", "Nile Foods", "EGP", 30, 100000, "ap@nilefoods.com"])
    ws.append(["C2", "Delta Trading", "EGP", 30, 100000, "ap@delta.com"])
    sheet = wb.create_sheet("Invoices")
    for row in INVOICES:
        sheet.append(row)
    sheet = wb.create_sheet("Payments")
    sheet.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    for row in applied + RECEIPTS:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("shape", list(APPLIED))
def test_a_credit_note_applied_in_payments_is_taken_off_ar_once(tmp_path, shape):
    out = tmp_path / "pack.xlsx"
    path = _book(tmp_path, APPLIED[shape])
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    assert kpis["Opening AR"] == 8000.0
    assert kpis["Credit Sales"] == 2500.0  # 4,000 - 1,000 - 500
    assert (kpis["Receipts Count"], kpis["Receipts"]) == (2, 5000.0)
    assert kpis["Non-Cash Settlements"] == 0.0  # the credit note is in the credit sales
    assert kpis["Closing AR"] == 5500.0  # INV-2 4,000 + INV-3 2,000 - CN-2 500
    assert kpis["Closing Overdue AR"] == 1500.0  # INV-3 past due less C2's open CN-2
    assert kpis["Closing Current AR"] == 4000.0
    assert kpis["DSO"] == 66.0  # 5,500 / 2,500 x 30
    assert kpis["Best-Possible DSO"] == 48.0
    assert kpis["CEI %"] == 76.92  # 5,000 / 6,500
    assert kpis["Collection Rate %"] == 47.62  # 5,000 / 10,500
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    expected = {"INV-2": 4000.0, "INV-3": 2000.0, "CN-2": -500.0}
    if shape == "invoice no is the credit note":
        # the row names no invoice the credit note went to: its credit stays open on the
        # credit note (it was moved to a payment APP-1 on account)
        expected |= {"INV-1": 1000.0, "CN-1": -1000.0}
    assert dict(zip(detail["Document No"], detail["Open Amount"], strict=True)) == expected


ALONE = {
    # the row's Invoice No is the credit note, dated when it was recorded as "applied"
    "invoice no": [["APP-1", "C1", "2026-09-28", 1000, "CN-1", "Credit Note Applied"]],
    # the Payment ID is the credit note, no invoice named
    "payment id": [["CN-1", "C1", "2026-09-28", 1000, None, "Credit Note"]],
}


@pytest.mark.parametrize("shape", list(ALONE))
def test_a_row_naming_only_the_credit_note_leaves_it_open_under_its_own_number(tmp_path,
                                                                               shape):
    """The row says CN-1 is there, not what it paid: CN-1 stays open, a credit note dated 12
    September (18 days), once. Before, its credit moved to a payment on account under the
    row's Payment ID, dated 28 September (2 days): APP-1 (or a payment numbered CN-1)."""
    out = tmp_path / "aging.xlsx"
    path = _book(tmp_path, ALONE[shape])
    assert main(["aging", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    detail = pd.read_excel(out, sheet_name="Aging Detail", engine="calamine")
    c1 = detail[detail["Customer ID"] == "C1"]
    assert list(zip(c1["Item Type"], c1["Document No"], c1["Open Amount"], c1["Age Days"],
                    strict=True)) == [("Invoice", "INV-1", 1000.0, 21),
                                      ("Credit Note", "CN-1", -1000.0, 18),
                                      ("Invoice", "INV-2", 4000.0, -5)]
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert list(zip(issues["Cell"], issues["Message"], strict=True)) == [
        ("F2", "names credit note CN-1 of the invoice list and no invoice it paid (1,000.00): "
               "read as the credit note's own record, not a payment; CN-1 stays open on the "
               "account")]


def test_a_credit_note_used_and_named_again_alone_is_credited_once(tmp_path):
    """CN-1 applied to INV-1 by one row, and named alone by another: before, the second
    row was 1,000 more on account (Closing AR 4,500.00, the credit note counted twice)."""
    out = tmp_path / "pack.xlsx"
    path = _book(tmp_path, [*APPLIED["payment id is the credit note"],
                            ["APP-2", "C1", "2026-09-28", 1000, "CN-1", "Credit Note Applied"]])
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    assert kpis["Closing AR"] == 5500.0  # INV-2 4,000 + INV-3 2,000 - CN-2 500


def test_the_row_read_as_the_credit_notes_use_is_said_at_its_method_cell(tmp_path):
    out = tmp_path / "pack.xlsx"
    path = _book(tmp_path, APPLIED["payment id is the credit note"])
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert list(zip(issues["Sheet"], issues["Cell"], issues["Message"], strict=True)) == [
        ("Payments", "F2", "applies credit note CN-1 of the invoice list (1,000.00): read as "
                           "its use, not a second credit")]


def test_a_credit_note_row_naming_no_credit_note_of_the_list_is_a_settlement(tmp_path):
    # the book keeps no credit note in its invoice list: the Payments row is the credit
    out = tmp_path / "pack.xlsx"
    path = _book(tmp_path, [["CN-9", "C1", "2026-09-12", 1000, "INV-1", "Credit Note"]])
    assert main(["report", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    table = pd.read_excel(out, sheet_name="KPIs", engine="calamine")
    kpis = dict(zip(table["KPI"], table["Value"], strict=False))
    assert kpis["Non-Cash Settlements"] == 1000.0
    assert kpis["Closing AR"] == 4500.0  # CN-1 open and INV-1 settled by CN-9


def test_the_credit_notes_amount_is_said_in_the_minor_units_of_its_currency(tmp_path):
    """A KWD book: the credit note of 1,000.125 dinars is said as 1,000.125 (three decimals,
    as the tabs show it), not 1,000.13; so is one named alone (250.500, not 250.50)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Email"])
    ws.append(["K1", "Gulf Traders", "KWD", 30, 100000, "ap@gulf.example"])
    sheet = wb.create_sheet("Invoices")
    for row in [["Invoice No", "Customer ID", "Invoice Date", "Type", "Amount"],
                ["INV-1", "K1", "2026-08-10", "Invoice", 5000],
                ["CN-1", "K1", "2026-09-12", "Credit Note", -1000.125],
                ["CN-2", "K1", "2026-09-14", "Credit Note", -250.5]]:
        sheet.append(row)
    sheet = wb.create_sheet("Payments")
    sheet.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"])
    sheet.append(["CN-1", "K1", "2026-09-12", 1000.125, "INV-1", "Credit Note"])
    sheet.append(["APP-2", "K1", "2026-09-14", 250.5, "CN-2", "Credit Note"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-09-30", "-o", str(out)]) == 0
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    assert sorted(zip(issues["Cell"], issues["Message"], strict=True)) == [
        ("F2", "applies credit note CN-1 of the invoice list (1,000.125): read as its use, not "
               "a second credit"),
        ("F3", "names credit note CN-2 of the invoice list and no invoice it paid (250.500): "
               "read as the credit note's own record, not a payment; CN-2 stays open on the "
               "account")]
