"""An Egyptian invoice register of net, discount, VAT 14 % and withholding columns and no
invoice total: the total is net - discount + VAT (the VAT is on the discounted net); the
income tax withheld at payment stays receivable until its certificate, so it is not taken
off. A discount that is a rate, or that the VAT does not follow, is not taken off."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.io.reader import read_book

HEADER = ["رقم الفاتورة", "كود العميل", "التاريخ", "القيمة قبل الضريبة", "الخصم",
          "ضريبة القيمة المضافة 14%", "خصم من المنبع 1%"]


def _amounts(tmp_path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "Nile Trading", "EGP", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(HEADER)
    for k, row in enumerate(rows, start=1):
        inv.append([f"F-{k}", "C1", date(2026, 10, k), *row])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    frame = read_book(path).frame("Invoices")
    return dict(zip(frame["Invoice No"], frame["Amount"].round(2), strict=True))


def test_a_discount_taken_off_before_the_vat_is_taken_off_the_total(tmp_path):
    got = _amounts(tmp_path, [[10000, 0, 1400, 100], [25000, 1250, 3325, 237.5],
                              [3333.33, 0, 466.67, 33.33]])
    # F-2 was 28,325.00 (25,000.00 + 3,325.00, its discount ignored)
    assert got == {"F-1": 11400.00, "F-2": 27075.00, "F-3": 3800.00}


def test_a_discount_with_no_plain_rows_is_told_by_a_usual_rate(tmp_path):
    got = _amounts(tmp_path, [[25000, 1250, 3325, 0], [8000, 500, 1050, 0]])
    assert got == {"F-1": 27075.00, "F-2": 8550.00}


@pytest.mark.parametrize("rows", [
    [[10000, 5, 1400, 0], [20000, 10, 2800, 0]],   # a discount rate: the VAT is on the net
    [[10000, 0, 1400, 0], [20000, 1000, 2800, 0]],  # the VAT is on the net, not the rest
])
def test_a_discount_the_vat_does_not_follow_leaves_net_plus_vat(tmp_path, rows):
    got = _amounts(tmp_path, rows)
    assert got == {"F-1": 11400.00, "F-2": 22800.00}
