"""A Gulf VAT register's invoices as Net Amount, a Discount taken off before the VAT, and the
VAT on what is left. Worked out by hand: 1,000.00 less 100.00 + 15 % = 1,035.00; 2,000.00 +
300.00 = 2,300.00; 800.00 less 200.00 + 90.00 = 690.00; invoice 3's discount typed '5O' (a
letter O) cannot be read: its total is read as net + VAT, 567.50, and the cell is said.

Before: under 'VAT Amount' the unreadable discount was dropped silently (567.50, nothing
said); under a bare 'VAT' (which may be a rate, so taken only where each row's is a VAT rate
of its amount) the VAT of the discounted rows is no rate of the net, so no VAT was read at
all and every invoice was short by its tax (1,000.00, 2,000.00, 500.00, 800.00)."""

from __future__ import annotations

from datetime import datetime

import pytest

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

D = datetime


@pytest.mark.parametrize("vat", ["VAT Amount", "VAT", "ضريبة القيمة المضافة"])
def test_discount_before_vat(tmp_path, vat):
    book = read_book(save_sheets(tmp_path / "vat.xlsx", {"Invoices": [
        ["Invoice No", "Customer ID", "Invoice Date", "Net Amount", "Discount", vat],
        ["1", "C1", D(2026, 11, 1), 1000, 100, 135],
        ["2", "C1", D(2026, 11, 2), 2000, 0, 300],
        ["3", "C1", D(2026, 11, 3), 500, "5O", 67.5],
        ["4", "C1", D(2026, 11, 4), 800, 200, 90]]}))
    assert book.invoices["Amount"].tolist() == [1035, 2300, 567.5, 690]
    said = [(i.cell, i.column, i.message) for i in book.issues if i.sheet == "Invoices"
            and i.cell != "B1"]
    assert said == [("E4", "Discount", "'5O' is not a number")]
    assert arabic_message(said[0][2]) != said[0][2]
