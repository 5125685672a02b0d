"""Audit: invoices in dispute stay owed (Aging, statements) but are not dunned.

A small book, as of 2026-10-31, every figure worked out by hand:

* D1 Alpha: A1 10,000 due 07-31 (92 days) marked ``Disputed`` in Status; A2 4,000 due 10-15
  (16 days); A3 3,000 not yet due; CN-A -1,000. The credit note goes against A2 (the
  disputed A1 takes none): to collect 3,000, 16 days overdue -> level 1 (not a visit at 92
  days); Overdue Amount 4,000 (A2: the dunned invoices before credits), Disputed Amount
  10,000, balance 16,000.
* D2 Beta: B1 5,000 due 08-31 (61 days) with a Dispute Reason; B2 2,000 not yet due: nothing
  to collect, no letter, not on the call list; the action says to resolve the dispute.
* D3 Gamma: G1 6,000 due 09-14 (47 days), Status "Dispute resolved": dunned as usual
  (level 2, on the call list).
"""

from __future__ import annotations

import email
import email.policy
from datetime import datetime as D

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.collections.disputes import disputed_invoices

CUSTOMERS = [["Customer ID", "Name", "Email", "Currency", "Payment Terms"],
             ["D1", "Alpha Trading", "ap@alpha.eg", "EGP", 30],
             ["D2", "Beta Foods", "ap@beta.eg", "EGP", 30],
             ["D3", "Gamma Steel", "ap@gamma.eg", "EGP", 30]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status", "Dispute Reason"],
            ["A1", "D1", D(2026, 7, 1), 10000, "Disputed", None],
            ["A2", "D1", D(2026, 9, 15), 4000, "Open", None],
            ["A3", "D1", D(2026, 10, 20), 3000, None, None],
            ["CN-A", "D1", D(2026, 10, 25), -1000, None, None],
            ["B1", "D2", D(2026, 8, 1), 5000, None, "damaged goods"],
            ["B2", "D2", D(2026, 10, 10), 2000, None, None],
            ["G1", "D3", D(2026, 8, 15), 6000, "Dispute resolved", None]]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("disputes")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in CUSTOMERS:
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    for row in INVOICES:
        inv.append(row)
    wb.create_sheet("Payments").append(["Payment ID", "Customer ID", "Date", "Amount",
                                        "Invoice No"])
    book = tmp / "book.xlsx"
    wb.save(book)
    out = tmp / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    aging = tmp / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "-o", str(aging)]) == 0
    return out, aging, tmp


def _rows(path, tab):
    ws = openpyxl.load_workbook(path)[tab]
    header = [c.value for c in ws[1]]
    out = []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[0] is None:
            break
        out.append(dict(zip(header, row, strict=False)))
    return out


def test_dunning_leaves_disputed_invoices_out(run):
    out, _, _ = run
    dun = {r["Customer ID"]: r for r in _rows(out, "Dunning")}
    d1 = dun["D1"]
    assert (d1["Level"], d1["Days Overdue"], d1["Overdue Invoices"]) == (1, 16, 1)
    assert (d1["Overdue Amount"], d1["Credit On Account"], d1["Amount To Collect"],
            d1["Open Balance"], d1["Disputed Amount"]) == (4000, 1000, 3000, 16000, 10000)
    assert d1["Letter"] is True
    d2 = dun["D2"]
    assert (d2["Level"], d2["Overdue Amount"], d2["Amount To Collect"], d2["Disputed Amount"],
            d2["Letter"]) == (0, 0, 0, 5000, False)
    assert d2["Next Action"].startswith("Resolve the dispute")
    d3 = dun["D3"]
    assert (d3["Level"], d3["Days Overdue"], d3["Amount To Collect"], d3["Disputed Amount"]) \
        == (2, 47, 6000, 0)


def test_call_and_visit_lists_leave_disputes_out(run):
    out, _, _ = run
    assert [r["Customer ID"] for r in _rows(out, "Call List")] == ["D3"]
    assert _rows(out, "Visit List") == []  # A1 is 92 days overdue but in dispute


def test_forecast_does_not_expect_disputed_invoices(run):
    out, _, _ = run
    expected = {r["Invoice No"]: r for r in _rows(out, "Expected Payments")}
    for number, amount in (("A1", 10000), ("B1", 5000)):
        assert expected[number]["Expected Amount"] == amount
        assert expected[number]["Expected Date"] is None
        assert expected[number]["Basis"].startswith("in dispute")
    assert expected["A2"]["Expected Amount"] == 3000  # 4,000 less the credit note


def test_letter_lists_the_disputed_invoice_as_such(run):
    _, _, tmp = run
    letter = email.message_from_bytes((tmp / "dunning" / "2026-10-31_D1.eml").read_bytes(),
                                      policy=email.policy.default)
    text = letter.get_body(("plain",)).get_content()
    assert "A1 | Invoice (in dispute) |" in text
    assert "3,000.00 EGP in all" in text
    assert not (tmp / "dunning" / "2026-10-31_D2.eml").exists()


def test_aging_still_holds_disputed_invoices(run):
    _, aging, _ = run
    rows = {r["Customer ID"]: r for r in _rows(aging, "Aging")}
    assert (rows["D1"]["90+"], rows["D1"]["Total"]) == (10000, 16000)
    assert (rows["D2"]["61-90"], rows["D2"]["Total"]) == (5000, 7000)


@pytest.mark.parametrize(("header", "value", "disputed"), [
    ("Disputed", "Yes", True), ("Disputed", "No", False), ("Disputed", True, True),
    ("Disputed", False, False), ("In Dispute", "x", True), ("متنازع عليها", "نعم", True),
    ("متنازع عليها", "لا", False), ("Dispute Reason", "price", True),
    ("Dispute Reason", "none", False), ("Status", "On hold - dispute", True),
    ("Status", "In Dispute", True), ("Status", "Dispute resolved", False),
    ("Status", "Paid", False), ("الحالة", "محل نزاع", True), ("Notes", "disputed", False),
])
def test_dispute_columns_are_read(header, value, disputed):
    frame = pd.DataFrame({"Invoice No": ["I1"], header: [value]})
    assert disputed_invoices(frame).tolist() == [disputed]


def test_pack_forecast_leaves_disputes_out_too(run):
    from ar_excel.core.collections.forecast import weekly_forecast
    from ar_excel.io.reader import read_book

    _, _, tmp = run
    book = read_book(tmp / "book.xlsx")
    weekly = weekly_forecast(book.customers, book.invoices, book.payments, D(2026, 10, 31).date())
    # A2 3,000 (after the credit note), A3 3,000, B2 2,000, G1 6,000: not A1 nor B1
    assert round(float(weekly["Expected Receipts"].sum()), 2) == 14000.00


def test_a_disputes_sheet_marks_the_invoices_it_lists(tmp_path):
    """A1 (10,000, 92 days) is listed Open in a Disputes sheet, A2 (4,000, 16 days) Resolved:
    only A2 is chased."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name", "Currency", "Payment Terms"], ["D1", "Alpha", "EGP", 30]):
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    for row in (["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["A1", "D1", D(2026, 7, 1), 10000], ["A2", "D1", D(2026, 9, 15), 4000]):
        inv.append(row)
    log = wb.create_sheet("Disputes")
    for row in (["Invoice No", "Reason", "Status"], ["a1 ", "price", "Open"],
                ["A2", "quantity", "Resolved"]):
        log.append(row)
    book, out = tmp_path / "b.xlsx", tmp_path / "o.xlsx"
    wb.save(book)
    assert main(["collections", str(book), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    (d1,) = _rows(out, "Dunning")
    assert (d1["Level"], d1["Days Overdue"], d1["Amount To Collect"], d1["Overdue Amount"],
            d1["Disputed Amount"]) == (1, 16, 4000, 4000, 10000)


def test_a_disputes_log_with_dates_and_amounts_is_never_read_as_the_receipts(tmp_path):
    """A book without a Payments sheet: its Disputes log (invoice, customer, date, amount
    disputed) has every column a receipts sheet needs, and was read as one, so the disputed
    amount paid the invoice. It stays a log: A1 owes its 10,000, in dispute."""
    from ar_excel.io.reader import read_book

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer ID", "Name", "Currency", "Payment Terms"], ["D1", "Alpha", "EGP", 30]):
        ws.append(row)
    inv = wb.create_sheet("Invoices")
    for row in (["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["A1", "D1", D(2026, 7, 1), 10000]):
        inv.append(row)
    log = wb.create_sheet("Disputes")
    for row in (["Invoice No", "Customer ID", "Date", "Amount", "Reason"],
                ["A1", "D1", D(2026, 8, 5), 10000, "price"]):
        log.append(row)
    path = tmp_path / "b.xlsx"
    wb.save(path)
    assert "Payments" not in read_book(path).tables
    out = tmp_path / "o.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    (d1,) = [r for r in _rows(out, "Aging") if r["Customer ID"] == "D1"]
    assert d1["Total"] == 10000


def test_aging_detail_marks_the_disputed_invoices(run):
    _, aging, _ = run
    marks = {r["Document No"]: r.get("Disputed") for r in _rows(aging, "Aging Detail")}
    assert marks == {"A1": True, "A2": False, "CN-A": False, "A3": False, "B1": True,
                     "B2": False, "G1": False}
