"""Terms counted from the goods' receipt ('30 days from receipt', a73d1ca marks them beside
Payment Terms) in the customer change log: the mark was a field of its own in the snapshot
('_terms_from_receipt' True -> blank) and the terms read '30' either way, so a customer's
terms changed from 30 days after receipt to 30 days after the invoice showed no change of
Payment Terms. They now read '30 from receipt', as '30 EOM' does."""

from __future__ import annotations

import openpyxl

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_terms_from_receipt_changed_to_plain_days_is_a_change_of_payment_terms(tmp_path):
    book = save_sheets(tmp_path / "m.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Currency"],
                      ["C1", "Nile Foods", "30 days from receipt", "EGP"],
                      ["C2", "Delta Trading", "30", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]})
    assert main(["validate", str(book), "--as-of", "2026-11-24", "--no-backup"]) == 0
    snapshot = openpyxl.load_workbook(book)["_ar_customer_snapshot"]
    header = [c.value for c in snapshot[1]]
    assert "_terms_from_receipt" not in header
    assert snapshot.cell(2, header.index("Payment Terms") + 1).value == "30 from receipt"

    wb = openpyxl.load_workbook(book)
    wb["Customers"]["C2"] = "30"
    wb["Customers"]["C3"] = "30 يوم من تاريخ الاستلام"
    wb.save(book)
    assert main(["validate", str(book), "--as-of", "2026-11-24", "--no-backup"]) == 0
    changes = openpyxl.load_workbook(book)["Customer Changes"]
    rows = [r[2:7] for r in changes.iter_rows(min_row=2, values_only=True)]
    assert rows == [("C1", "Nile Foods", "Payment Terms", "30 from receipt", "30"),
                    ("C2", "Delta Trading", "Payment Terms", "30", "30 from receipt")]
