"""ERPNext's Sales Invoice list (Outstanding Amount; a return 'Is Return' 1 with 'Return
Against' naming its invoice) beside its Payment Entry list. ACC-SINV-2026-00101 (57,500) is
owed 31,750: 20,000 received and the 5,750 return against it. The Aging had it right (the
ledger sets the return against its invoice), but an Input Issue at G2 said the list shows it
paid 5,750 more than the Payments rows naming it and that this part is still owed: the
return was not counted. A credit note naming its invoice is now counted with the receipts;
a paid part beyond both is still said."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING


def _book(tmp_path, outstanding=31750):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customer"
    ws.append(["ID", "Customer Name", "Default Currency", "Default Payment Terms Template"])
    ws.append(["Al Safwa Trading", "Al Safwa Trading", "SAR", "Net 30"])
    sheet = wb.create_sheet("Sales Invoice")
    sheet.append(["ID", "Customer", "Posting Date", "Due Date", "Grand Total",
                  "Outstanding Amount", "Is Return", "Return Against", "Status"])
    sheet.append(["ACC-SINV-2026-00101", "Al Safwa Trading", date(2026, 8, 20),
                  date(2026, 9, 19), 57500, outstanding, 0, None, "Overdue"])
    sheet.append(["ACC-SINV-2026-00103", "Al Safwa Trading", date(2026, 10, 20),
                  date(2026, 10, 20), -5750, 0, 1, "ACC-SINV-2026-00101", "Return"])
    pay = wb.create_sheet("Payment Entry")
    pay.append(["ID", "Payment Type", "Party Type", "Party", "Posting Date", "Paid Amount",
                "Reference Name (Payment References)", "Allocated (Payment References)"])
    pay.append(["ACC-PAY-2026-00034", "Receive", "Customer", "Al Safwa Trading",
                date(2026, 11, 29), 20000, "ACC-SINV-2026-00101", 20000])
    path = tmp_path / "erpnext.xlsx"
    wb.save(path)
    return path


def _said(path):
    return [(i.cell, i.message) for i in read_book(path).issues
            if "more than the Payments rows naming them" in i.message]


def test_a_return_against_its_invoice_is_no_missing_receipt(tmp_path):
    path = _book(tmp_path)
    assert _said(path) == []
    result = AGING.run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    aging = {t.name: t.frame for t in result.tabs}["Aging"].set_index("Customer ID")
    assert aging.loc["Al Safwa Trading", ["61-90", "Total"]].tolist() == [31750, 31750]


def test_a_paid_part_beyond_the_receipts_and_the_return_is_still_said(tmp_path):
    said = _said(_book(tmp_path, outstanding=30750))  # 1,000 paid that no row records
    assert [cell for cell, _ in said] == ["F2"]
    assert "paid for 1,000.00 more" in said[0][1]
