"""A hand-kept invoice list subtotalled under each customer, the subtotal naming its customer
but no number or date (found by helper-201's review): a customer with several invoices had
its subtotal set aside, one with a single invoice had its subtotal read as a second invoice
of the same amount, so Delta and Cairo Steel were aged twice over (3,500.00 for 2,500.00)."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from ar_excel.io.reader import read_book


def _book(tmp_path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for r in [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Trading"],
              ["C3", "Cairo Steel"]]:
        ws.append(r)
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for r in rows:
        ws.append(r)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return read_book(path)


SUBTOTALLED = [["I1", "C1", datetime(2026, 10, 1), 1000], ["I2", "C1", datetime(2026, 10, 5), 500],
               [None, "C1", None, 1500],
               ["I3", "C2", datetime(2026, 10, 7), 700], [None, "C2", None, 700],
               ["I4", "C3", datetime(2026, 10, 9), 300], [None, "C3", None, 300]]


def test_a_one_invoice_customers_subtotal_is_a_subtotal_where_the_list_subtotals_each(tmp_path):
    # with and without a grand total under the list
    for n, rows in enumerate((SUBTOTALLED, [*SUBTOTALLED, [None, None, None, 2500]])):
        (tmp_path / str(n)).mkdir()
        book = _book(tmp_path / str(n), rows)
        assert book.invoices["Invoice No"].tolist() == ["I1", "I2", "I3", "I4"]
        assert book.invoices["Amount"].sum() == 2500
        said = [i for i in book.issues if "sum of the rows above" in i.message]
        assert [i.cell for i in said] == ["D4"]
        assert "(D4, D6, D8" in said[0].message


def test_without_subtotals_by_customer_a_row_repeating_the_one_above_stays_a_record(tmp_path):
    # (a record missing its number and date, as likely as a subtotal of one: reported)
    book = _book(tmp_path, [["I1", "C1", datetime(2026, 10, 1), 1000], [None, "C1", None, 1000],
                            ["I3", "C2", datetime(2026, 10, 7), 700]])
    assert book.invoices["Amount"].tolist() == [1000, 1000, 700]
    assert any(i.cell == "A3" and "Invoice No is required" in i.message for i in book.issues)
