"""Money held on account and applied later, helper-185: one reading of the move for the
KPIs, Payment Behaviour and the customer's statement, with or without a Payment ID, per
currency."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.statements import customer_statement
from ar_excel.core.kpis import (
    Ledger,
    days_late,
    money_dates,
    month_to,
    payment_currency,
    period_figures,
)
from ar_excel.core.ledger import due_dates, open_items
from tests.collections_data import customers, invoices, payments

NOV = month_to("2026-11-30")


def _book(rows):
    cust = customers([{"Customer ID": "C1", "Name": "Alpha"}])
    inv = invoices([("INV-1", "C1", "2026-10-01", "2026-10-31", 1000.00),
                    ("INV-2", "C1", "2026-10-20", "2026-11-19", 1200.00)])
    return cust, inv, payments(rows)


# paid on 5 October on account, applied by the clerk on 10 November, no Payment ID
NO_IDS = [(None, "C1", "2026-10-05", 1000.00, None),
          (None, "C1", "2026-11-10", -1000.00, None),
          (None, "C1", "2026-11-10", 1000.00, "INV-1")]


def test_an_application_without_payment_id_is_no_receipt_and_refund():
    cust, inv, pay = _book(NO_IDS)
    k = period_figures(Ledger(cust, inv, pay), NOV, "EGP")
    # before: Receipts 1,000.00, Refunds Paid 1,000.00, Receipts Count 1
    assert (k["Receipts"], k["Refunds Paid"], k["Receipts Count"]) == (0.0, 0.0, 0.0)
    assert (k["Opening AR"], k["Closing AR"]) == (1200.00, 1200.00)


def test_an_application_without_payment_id_is_dated_when_the_money_came():
    cust, inv, pay = _book(NO_IDS)
    late = days_late(cust, inv, pay, "2026-11-30")
    row = late[late["Invoice No"] == "INV-1"].iloc[0]
    # before: paid 10 November, 10 days late
    assert (row["Date"], row["Days Late"]) == (pd.Timestamp("2026-10-05"), 0)


def test_a_move_across_currencies_is_read_alike_by_cash_and_dates():
    """P1 takes 1,000 EGP off the account and puts 1,000 on a USD invoice: per currency
    these are no move (the KPIs count a USD receipt and an EGP refund), so the USD payment
    is not re-dated to the EGP money's day either."""
    cust = customers([{"Customer ID": "C1", "Name": "Alpha"}])
    inv = invoices([("U-1", "C1", "2026-10-01", "2026-10-31", 1000.00, "USD")])
    pay = payments([("P1", "C1", "2026-10-05", 1000.00, None),
                    ("P1", "C1", "2026-11-10", -1000.00, None),
                    ("P1", "C1", "2026-11-10", 1000.00, "U-1")])
    ledger = Ledger(cust, inv, pay)
    assert ledger.cash_amounts.tolist() == [1000.0, -1000.0, 1000.0]
    dates = money_dates(pay, payment_currency(pay, cust, inv))
    assert dates.isna().all()  # before: the USD row dated 5 October by the EGP money


def test_a_statement_shows_only_the_new_money_of_a_move():
    """P7 puts 1,200 on INV-2 on 10 November, 1,000 of it taken off the account (paid 5
    October): 200 came in, not 1,200 received and 1,000 refunded."""
    cust, inv, pay = _book([("P7", "C1", "2026-10-05", 1000.00, None),
                            ("P7", "C1", "2026-11-10", -1000.00, None),
                            ("P7", "C1", "2026-11-10", 1200.00, "INV-2")])
    end = pd.Timestamp("2026-11-30")
    items = open_items(cust, inv, pay, end)
    stmt = customer_statement("C1", cust, inv, pay, pd.Timestamp("2026-11-01"), end,
                              due_dates(inv, cust), items)
    egp = stmt.sections[0]
    assert egp.opening == 1200.00  # INV-1 1,000 + INV-2 1,200 - 1,000 on account
    lines = egp.lines[["Date", "Type", "Document", "Reference", "Debit", "Credit", "Balance"]]
    # before: Receipt 1,200.00 (balance 0.00) then Refund 1,000.00 (balance 1,000.00)
    assert lines.astype(object).values.tolist() == [
        [pd.Timestamp("2026-11-10"), "Receipt", "P7", "INV-2", 0.0, 200.0, 1000.0]]
    assert egp.closing == 1000.00 == round(float(items["Open Amount"].sum()), 2)
