"""The invoices and credit jobs on ERP exports as they arrive, sheet and column names as the
ERP writes them: Business Central's list pages, ERPNext's Sales Invoice with its items and
Item Price, SAP's billing documents (VBRK / VBRP) with credit memos and cancellations."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from ar_excel.jobs.invoices import JOB as INVOICES
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()


def _run(job, path):
    return job.run(read_book(path), JobOptions(as_of=AS_OF))


def _found(result):
    return [(r["Invoice No"], int(r["Row"]), r["Field"], r["Code"], r["Severity"], r["Message"])
            for _, r in result.tabs[0].frame.iterrows()]


# --- Business Central -------------------------------------------------------------------------

BC = {
    "Customers": [["No.", "Name", "Payment Terms Code", "Credit Limit (LCY)", "Blocked"],
                  ["10000", "Alghanim Industries", "30 DAYS", 25000, ""],
                  ["20000", "Sultan Center", "30 DAYS", 10000, ""]],
    "Posted Sales Invoices": [
        ["No.", "Sell-to Customer No.", "Sell-to Customer Name", "Posting Date", "Due Date",
         "Amount Including VAT", "Remaining Amount"],
        ["PS-INV103003", "20000", "Sultan Center", D(2026, 9, 10), D(2026, 10, 10), 9500.0,
         9500.0],
        ["PS-INV103004", "10000", "Alghanim Industries", D(2026, 10, 20), D(2026, 11, 19),
         6120.5, 6120.5]],
    "Posted Sales Credit Memos": [
        ["No.", "Sell-to Customer No.", "Posting Date", "Amount Including VAT",
         "Remaining Amount", "Applies-to Doc. No."],
        ["PS-CR104001", "20000", D(2026, 10, 5), 500.0, 500.0, "PS-INV103003"],
        ["PS-CR104002", "10000", D(2026, 11, 5), 7000.0, 7000.0, "PS-INV103004"]],
    "Invoice Lines": [
        ["Document No.", "Type", "No.", "Quantity", "Unit of Measure Code",
         "Unit Price Excl. VAT", "Line Discount %", "Line Amount Excl. VAT"],
        ["PS-INV103003", "Item", "1896-S", 10, "PCS", 950.0, 0, 9500.0],
        ["PS-INV103004", "Item", "1896-S", 5, "PCS", 1250.0, 2, 6125.0]],  # total 6,120.50
}


@pytest.fixture(scope="module")
def bc(tmp_path_factory):
    path = save_sheets(tmp_path_factory.mktemp("bc") / "bc.xlsx", BC)
    return _run(INVOICES, path), _run(CREDIT, path)


def test_business_central_list_pages_and_credit_memos_are_read(bc):
    invoices, _ = bc
    assert [f[:5] for f in _found(invoices)] == [
        ("PS-CR104002", 3, "Amount", "CREDIT_NOTE_EXCEEDS_INVOICE", "Error"),
        ("PS-INV103004", 3, "Amount", "INVOICE_TOTAL_MISMATCH", "Error"),
    ]
    assert _found(invoices)[1][5] == ("Invoice amount 6,120.50 does not equal its 1 line(s) "
                                      "with tax: 6,125.00; difference -4.50")


def test_business_central_credit_memo_counts_in_the_balance(bc):
    _, credit = bc
    status = credit.tabs[0].frame.set_index("Customer ID")
    assert (status.loc["20000", "Open Balance"], status.loc["20000", "Unapplied Credits"]) == (
        9000.0, -500.0)
    assert status.loc["10000", "Open Balance"] == -879.5


# --- ERPNext ---------------------------------------------------------------------------------

ERPNEXT = {
    "Customer": [["ID", "Customer Name", "Default Currency", "Default Payment Terms Template",
                  "Credit Limit (Credit Limits)", "Is Frozen"],
                 ["Misr Pharma", "Misr Pharma", "EGP", "Net 30", 300000, 0],
                 ["Cairo Textiles", "Cairo Textiles", "EGP", "Net 60", 150000, 0],
                 ["Delta Foods", "Delta Foods", "EGP", "Net 15", 50000, 1]],
    "Sales Invoice": [
        ["ID", "Customer", "Posting Date", "Due Date", "Currency", "Net Total",
         "Total Taxes and Charges", "Grand Total", "Outstanding Amount"],
        ["ACC-SINV-2026-00102", "Cairo Textiles", D(2026, 9, 20), D(2026, 11, 19), "EGP",
         48000.0, 6720.0, 54720.0, 54720.0],
        ["ACC-SINV-2026-00103", "Misr Pharma", D(2026, 10, 25), D(2026, 11, 24), "EGP",
         96000.0, 13440.0, 109440.0, 109440.0],
        ["ACC-SINV-2026-00104", "Cairo Textiles", D(2026, 11, 2), D(2027, 1, 1), "EGP",
         12500.0, 1750.0, 14250.0, 14250.0],  # its items make 12,000.00
        ["ACC-SINV-2026-00105", "Delta Foods", D(2026, 11, 20), D(2026, 12, 5), "EGP",
         15500.0, 2170.0, 17670.0, 17670.0]],
    "Sales Invoice Item": [
        ["Parent", "Item Code", "Qty", "UOM", "Rate", "Amount"],
        ["ACC-SINV-2026-00102", "COT-ROLL", 40, "Roll", 1200.0, 48000.0],
        ["ACC-SINV-2026-00103", "PARA-500", 2000, "Box", 48.0, 96000.0],
        ["ACC-SINV-2026-00104", "COT-ROLL", 10, "Roll", 1200.0, 12000.0],
        ["ACC-SINV-2026-00105", "OIL-5L", 50, "Nos", 310.0, 15500.0]],
    "Price List": [["Item Code", "Price List", "UOM", "Rate", "Valid From", "Valid Upto"],
                   ["PARA-500", "Standard Selling", "Box", 45.0, D(2026, 1, 1), None],
                   ["COT-ROLL", "Standard Selling", "Roll", 1200.0, D(2026, 1, 1), None],
                   ["OIL-5L", "Standard Selling", "Nos", 310.0, D(2026, 1, 1), None]],
    "Sales Order": [["ID", "Customer", "Transaction Date", "Grand Total", "Status"],
                    ["SAL-ORD-2026-00210", "Cairo Textiles", D(2026, 11, 25), 68400.0,
                     "To Deliver and Bill"],
                    ["SAL-ORD-2026-00211", "Misr Pharma", D(2026, 11, 26), 100000.0,
                     "Cancelled"]],
}


@pytest.fixture(scope="module")
def erpnext(tmp_path_factory):
    path = save_sheets(tmp_path_factory.mktemp("erpnext") / "erpnext.xlsx", ERPNEXT)
    return _run(INVOICES, path), _run(CREDIT, path)


def test_erpnext_items_are_held_to_the_net_total_and_the_item_price(erpnext):
    invoices, _ = erpnext
    assert [f[:5] for f in _found(invoices)] == [
        ("ACC-SINV-2026-00103", 3, "Unit Price", "PRICE_OFF_LIST", "Error"),
        ("ACC-SINV-2026-00104", 4, "Net Total", "INVOICE_TOTAL_MISMATCH", "Error"),
        ("ACC-SINV-2026-00105", 5, "Customer ID", "CUSTOMER_ON_HOLD", "Error"),
    ]
    assert _found(invoices)[1][5] == ("Invoice Net Total 12,500.00 does not equal its 1 "
                                      "line(s), which state no tax: 12,000.00; difference "
                                      "500.00")


def test_erpnext_open_sales_orders_and_frozen_customer_in_credit_status(erpnext):
    _, credit = erpnext
    status = credit.tabs[0].frame.set_index("Customer ID")
    cairo = status.loc["Cairo Textiles"]
    assert (cairo["Open Orders"], cairo["Exposure"], cairo["Utilization %"]) == (
        68400.0, 137370.0, 91.6)
    assert status.loc["Misr Pharma", "Open Orders"] == 0.0  # its order was cancelled
    assert status.loc["Delta Foods", "Status"] == "Hold"


# --- SAP: billing documents ------------------------------------------------------------------

def _sap_book():
    docs = [("90000102", "F2", D(2026, 9, 5), "100001", 150000.0, None),
            ("90000103", "F2", D(2026, 10, 10), "100003", 7500.0, None),
            ("90000104", "S1", D(2026, 10, 12), "100003", 7500.0, "90000103"),
            ("90000105", "F2", D(2026, 10, 20), "100002", 8400.0, None),
            ("90000106", "G2", D(2026, 11, 2), "100002", 840.0, "90000105")]
    head = [["Billing Document", "Billing Type", "Billing Date", "Payer", "Net Value",
             "Tax Amount", "Document Currency", "Cancelled Billing Doc"]]
    items = [["Billing Document", "Item", "Material", "Billed Quantity", "Sales Unit",
              "Net Value", "Tax Amount"]]
    for number, kind, day, payer, net, ref in docs:
        head.append([number, kind, day, payer, net, net * 0.15, "SAR", ref])
        items.append([number, 10, "MAT-1", 1, "EA", net, net * 0.15])
    return {"Customers": [["Customer", "Name 1", "Terms of Payment", "Credit Limit"],
                          ["100001", "Aramco Trading", "30", 5000000],
                          ["100002", "Almarai Co", "60", 800000],
                          ["100003", "Jarir Bookstore", "30", 100000]],
            "Billing Documents": head, "Billing Items": items}


def test_sap_billing_types_and_lump_sum_items_with_their_tax(tmp_path):
    path = save_sheets(tmp_path / "sap.xlsx", _sap_book())
    invoices = _run(INVOICES, path)
    assert _found(invoices) == []  # each document is its items' net value plus their tax
    assert not [i for i in invoices.issues if "Billing Type" in str(i.column)]
    status = _run(CREDIT, path).tabs[0].frame.set_index("Customer ID")
    # G2 (credit memo) and S1 (the cancellation of 90000103) count as credits
    assert status.loc["100002", "Open Balance"] == 8694.0
    assert status.loc["100003", "Open Balance"] == 0.0


def test_an_invoice_cancelled_by_its_credit_note_is_not_held_back(tmp_path):
    book = _sap_book()
    book["Customers"] = [[*book["Customers"][0], "Central Posting Block"],
                         *[[*r, "X" if r[0] == "100003" else ""] for r in book["Customers"][1:]]]
    book["Billing Documents"].append(["90000107", "F2", D(2026, 11, 20), "100003", 2000.0,
                                      300.0, "SAR", None])
    book["Billing Items"].append(["90000107", 10, "MAT-1", 1, "EA", 2000.0, 300.0])
    found = _found(_run(INVOICES, save_sheets(tmp_path / "sap.xlsx", book)))
    # 90000103 was cancelled by 90000104 (S1): only the new invoice waits for approval
    assert found == [("90000107", 7, "Customer ID", "CUSTOMER_ON_HOLD", "Error",
                      "Customer 100003 is on Hold: this invoice of 2026-11-20 (2,300.00 open) "
                      "needs the credit controller's approval")]
