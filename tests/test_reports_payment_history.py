"""A customer's payment history counts money received, not adjustments.

Write-offs, discounts and tax withheld (Payments rows whose Method says so) settle an invoice
without money: the invoice is paid on the date of its last cash receipt, and an invoice
settled with no cash at all (written off) is no paid invoice. Before, a write-off 57 days
after the due date made a customer who never paid a "paid 57 days late, 0 % on time" payer,
and a withholding certificate filed two months after the cash made a punctual one late.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.risk import paid_history
from ar_excel.core.ledger import due_dates
from tests._aging_books import customers, invoices, payments


def _history(pay_rows, methods):
    cust = customers(("C1", "Nile Trading", "EGP", 30))
    inv = invoices(("I1", "C1", "2028-01-01", None, 1000.00),  # due 01-31
                   ("I2", "C1", "2028-01-10", None, 500.00),  # due 02-09
                   ("I3", "C1", "2028-01-20", None, 300.00))  # due 02-19
    pay = payments(*pay_rows).assign(Method=pd.Series(methods, dtype=object))
    return paid_history(inv, pay, due_dates(inv, cust), pd.Timestamp("2028-06-30"))


def test_tax_withheld_after_the_cash_leaves_the_paid_date_at_the_cash():
    hist = _history([("P1", "C1", "2028-01-30", 990.00, "I1"),  # a day early
                     ("W1", "C1", "2028-03-31", 10.00, "I1")],  # the certificate, 2 months on
                    ["Transfer", "Withholding Tax"])
    assert hist[["Invoice No", "Paid Date", "Days Late"]].values.tolist() == [
        ["I1", pd.Timestamp("2028-01-30"), -1]]


def test_an_invoice_written_off_is_no_paid_invoice():
    hist = _history([("P1", "C1", "2028-02-09", 500.00, "I2"),  # on its due date
                     ("X1", "C1", "2028-04-19", 300.00, "I3"),  # written off, 60 days on
                     ("D1", "C1", "2028-02-20", 20.00, "I1"),  # a discount, then the cash
                     ("P2", "C1", "2028-02-25", 980.00, "I1")],
                    ["Cheque", "Write-off", "Discount", "Cheque"])
    got = hist.sort_values("Invoice No")[["Invoice No", "Paid Date", "Days Late"]]
    assert got.values.tolist() == [["I1", pd.Timestamp("2028-02-25"), 25],
                                   ["I2", pd.Timestamp("2028-02-09"), 0]]


def test_without_a_method_column_every_row_is_cash():
    cust = customers(("C1", "Nile Trading", "EGP", 30))
    inv = invoices(("I1", "C1", "2028-01-01", None, 1000.00))
    pay = payments(("P1", "C1", "2028-02-10", 1000.00, "I1"))
    hist = paid_history(inv, pay, due_dates(inv, cust), pd.Timestamp("2028-06-30"))
    assert hist[["Invoice No", "Days Late"]].values.tolist() == [["I1", 10]]
