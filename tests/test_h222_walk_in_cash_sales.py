"""A Saudi sales register (as SMACC / a POS exports it) lists its cash sales beside its credit
sales: the walk-in account's name ('عميل نقدي', 'Cash Customer'), no customer number, paid in
full at the sale. Worked out by hand: three cash sales of 230.00 paid (nothing open), one
walk-in sale left owing 500.00, one credit sale of 11,500.00 to customer 1001. Before: each
cash sale was 'رقم العميل is required but blank' (one issue per cash sale: hundreds in a
month's register), though it needs no customer; now one issue names them, and the walk-in
sale still owing stays said at its own cell (someone owes it)."""

from __future__ import annotations

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets


def test_cash_sales_to_the_walk_in_account(tmp_path):
    head = ["رقم الفاتورة", "التاريخ", "رقم العميل", "اسم العميل", "طريقة الدفع",
            "الإجمالي شامل الضريبة", "المدفوع", "المتبقي"]
    book = read_book(save_sheets(tmp_path / "smacc.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل"], ["1001", "شركة الرواد للتجارة"]],
        "فواتير المبيعات": [
            head,
            ["INV-1001", "02/11/2026", "1001", "شركة الرواد للتجارة", "آجل", "11,500.00", "0.00",
             "11,500.00"],
            ["INV-1002", "03/11/2026", None, "عميل نقدي", "نقدي", "230.00", "230.00", "0.00"],
            ["INV-1003", "03/11/2026", None, "عميل نقدي", "نقدي", "230.00", "230.00", "0.00"],
            ["INV-1004", "04/11/2026", None, "عميل  نقدي", "شبكة", "230.00", "230.00", "0.00"],
            ["INV-1005", "05/11/2026", None, "عميل نقدي", "آجل", "500.00", "0.00", "500.00"]]}))
    said = [(i.cell, i.message) for i in book.issues]
    message = ("3 sale(s) to the walk-in account ('عميل نقدي') with no Customer ID, paid in "
               "full: no receivable, no customer needed (C3, C4, C5)")
    assert sorted(said) == [("C3", message), ("C6", "رقم العميل is required but blank")]
    assert arabic_message(message) != message
    assert book.invoices["Balance"].sum() == 12000


def test_a_cash_customer_paid_in_full_in_english(tmp_path):
    book = read_book(save_sheets(tmp_path / "pos.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount",
                      "Paid Amount"],
                     ["S-1", "C1", "Nile Foods", "01/11/2026", 1000, 0],
                     ["S-2", None, "Cash Customer", "02/11/2026", 80, 80],
                     ["S-3", None, "Sinai Build", "02/11/2026", 90, 90]]}))
    said = sorted((i.cell, i.message) for i in book.issues)
    assert [c for c, _ in said] == ["B3", "B4"]
    assert said[0][1].startswith("1 sale(s) to the walk-in account ('Cash Customer')")
    assert said[1][1] == "Customer ID is required but blank"
