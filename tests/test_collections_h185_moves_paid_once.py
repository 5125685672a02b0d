"""Money held on account and applied to an invoice later (-2,000 off the account, +2,000 onto
the invoice, the day the clerk applied it) came once: Payment Risk's paid history and a
payment plan's instalments count it once, as the ledger does (helper-185)."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.payment_plans import plan_schedule
from ar_excel.core.collections.risk import paid_history
from ar_excel.core.ledger import due_dates, open_items
from tests.collections_data import customers, invoices, payments, plans

AS_OF = pd.Timestamp("2026-11-30")


def _book(ids=("R-017", "R-017", "R-017")):
    cust = customers([{"Customer ID": "C10", "Name": "Red Sea Logistics"}])
    inv = invoices([("INV-1037", "C10", "2026-08-10", None, 4000.00)])  # due 9 September
    pay = payments([(ids[0], "C10", "2026-09-25", 2000.00, None),
                    (ids[1], "C10", "2026-11-15", -2000.00, None),
                    (ids[2], "C10", "2026-11-15", 2000.00, "INV-1037")])
    return cust, inv, pay


def test_the_invoice_half_paid_is_not_in_the_paid_history():
    for ids in (("R-017",) * 3, (None,) * 3):
        cust, inv, pay = _book(ids)
        items = open_items(cust, inv, pay, AS_OF)
        assert items["Open Amount"].sum() == 2000.00  # the ledger: half of it still owed
        # before: INV-1037 paid on 15 November, 67 days late (2,000 counted twice)
        assert paid_history(inv, pay, due_dates(inv, cust), AS_OF).empty


def test_a_plan_instalment_is_paid_once_by_money_moved_onto_an_invoice():
    cust, inv, pay = _book()
    plan = plans([("C10", 4000.00, 2, "2026-10-01", "monthly")])
    items = open_items(cust, inv, pay, AS_OF)
    schedule, _ = plan_schedule(plan, pay, AS_OF, cust, items)
    # before: 4,000.00 paid (the 2,000 on account and the same 2,000 applied)
    assert schedule["Paid Amount"].tolist() == [2000.00, 0.00]
    assert schedule["Status"].tolist()[0] == "Paid"


def test_a_refund_out_of_money_on_account_leaves_less_paid():
    """20,000 on account, 2,000 of it refunded: 18,000 clears INV-1 and 9,000 of INV-2, as
    the Dunning sets it (2,000 of INV-2 still to collect)."""
    cust = customers([{"Customer ID": "C06", "Name": "Luxor Textiles"}])
    inv = invoices([("INV-1", "C06", "2026-08-05", None, 9000.00),
                    ("INV-2", "C06", "2026-09-15", None, 11000.00)])
    pay = payments([("R-011", "C06", "2026-11-08", 20000.00, None),
                    ("R-029", "C06", "2026-11-26", -2000.00, None)])
    paid = paid_history(inv, pay, due_dates(inv, cust), AS_OF)
    # before: both paid on 8 November, INV-2 too
    assert paid["Invoice No"].tolist() == ["INV-1"]
    # the refund after an as-of date has not been paid yet then
    earlier = paid_history(inv, pay, due_dates(inv, cust), pd.Timestamp("2026-11-20"))
    assert earlier["Invoice No"].tolist() == ["INV-1", "INV-2"]
