"""Books as accountants bring them (helper-198): ERP exports and hand-kept sheets whose
leftovers the reader got wrong. Each book is built here as exported, its figures worked out
by hand as of 30/11/2026."""

from __future__ import annotations

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

# ---------------------------------------------------------------- ERPNext Payment Entry


def test_erpnext_internal_transfer_is_said_once(tmp_path):
    """ERPNext's Payment Entry list holds the company's internal transfers beside its
    customers' receipts, with no Party Type and no Party: the row is set aside as an internal
    transfer (one Input Issue at its Payment Type), and its blank Party is no second issue
    ('Party is required but blank' at E3 was)."""
    path = save_sheets(tmp_path / "erpnext.xlsx", {
        "Customer": [["ID", "Customer Name", "Customer Group", "Territory", "Default Currency"],
                     ["CUST-0001", "Nile Foods", "Commercial", "Egypt", "EGP"]],
        "Sales Invoice": [
            ["ID", "Customer", "Posting Date", "Due Date", "Currency", "Grand Total",
             "Outstanding Amount", "Status"],
            ["ACC-SINV-2026-00011", "CUST-0001", "2026-10-01", "2026-10-31", "EGP", 10000,
             6000, "Partly Paid"]],
        "Payment Entry": [
            ["ID", "Payment Type", "Posting Date", "Party Type", "Party", "Paid Amount",
             "Mode of Payment", "Status"],
            ["ACC-PAY-2026-00005", "Receive", "2026-11-10", "Customer", "CUST-0001", 4000,
             "Bank Draft", "Submitted"],
            ["ACC-PAY-2026-00006", "Internal Transfer", "2026-11-12", None, None, 50000,
             "Bank Draft", "Submitted"],
            ["ACC-PAY-2026-00007", "Receive", "2026-11-14", "Customer", None, 700,
             "Cash", "Submitted"]]})
    book = read_book(path)
    assert book.payments["Payment ID"].tolist() == ["ACC-PAY-2026-00005",
                                                    "ACC-PAY-2026-00007"]
    assert book.payments["Amount"].tolist() == [4000, 700]
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        # a customer's receipt naming no Party still says so
        ("Payment Entry", "E4", "Party is required but blank"),
        ("Payment Entry", "B3", "1 payment(s) internal transfers, not a customer's: not "
                                "read as receipts (B3)")]
