"""Payment history counts an invoice paid when nothing of it is left in its own currency's
minor unit: as of 2026-11-30.

Kappa's INV-K1, 100.125 KWD due 2026-09-01, was paid 100.121 on 2026-09-10 (4 fils short) and
the 0.004 on 2026-10-15. Before, payment history took 4 fils as nothing (a tolerance of 0.005,
half a cent, and what was left rounded to two decimals): INV-K1 paid 2026-09-10, 9 days late.
An EGP invoice a piastre short is not paid, and neither is this: it is paid 2026-10-15, 44
days late. Nile's EGP invoice, a piastre short the same way, reads as before.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.risk import paid_history
from ar_excel.core.ledger import due_dates
from tests.collections_data import customers, invoices, payments

AS_OF = pd.Timestamp("2026-11-30")


def _history(pay_rows: list[tuple]) -> pd.DataFrame:
    cust = customers([{"Customer ID": "K1", "Name": "Kappa", "Currency": "KWD"},
                      {"Customer ID": "E1", "Name": "Nile"}])
    inv = invoices([("INV-K1", "K1", "2026-08-02", "2026-09-01", 100.125, "KWD"),
                    ("INV-E1", "E1", "2026-08-02", "2026-09-01", 100.25, "EGP")])
    hist = paid_history(inv, payments(pay_rows), due_dates(inv, cust), AS_OF)
    return hist.set_index("Invoice No")


def test_an_invoice_a_few_fils_short_is_paid_by_the_receipt_that_completes_it():
    hist = _history([("R1", "K1", "2026-09-10", 100.121, "INV-K1"),
                     ("R2", "K1", "2026-10-15", 0.004, "INV-K1"),
                     ("R3", "E1", "2026-09-10", 100.24, "INV-E1"),
                     ("R4", "E1", "2026-10-15", 0.01, "INV-E1")])
    assert hist.loc["INV-K1", "Paid Date"] == pd.Timestamp("2026-10-15")
    assert hist.loc["INV-K1", "Days Late"] == 44  # was 9
    assert hist.loc["INV-E1", "Paid Date"] == pd.Timestamp("2026-10-15")
    assert hist.loc["INV-E1", "Days Late"] == 44


def test_an_invoice_left_a_few_fils_short_is_not_paid():
    hist = _history([("R1", "K1", "2026-09-10", 100.121, "INV-K1"),
                     ("R3", "E1", "2026-09-10", 100.24, "INV-E1")])
    assert hist.index.tolist() == []  # INV-K1 was paid on 2026-09-10 with 0.004 KWD open


def test_a_receipt_s_fils_pay_the_next_invoice():
    """A receipt of 100.129 KWD pays INV-K1 and INV-K2's 4 fils: before, INV-K2 (under half
    a cent) was taken as nothing to pay and never counted paid."""
    cust = customers([{"Customer ID": "K1", "Name": "Kappa", "Currency": "KWD"}])
    inv = invoices([("INV-K1", "K1", "2026-08-02", "2026-09-01", 100.125, "KWD"),
                    ("INV-K2", "K1", "2026-08-03", "2026-09-02", 0.004, "KWD")])
    pay = payments([("R1", "K1", "2026-09-10", 100.129, None)])
    hist = paid_history(inv, pay, due_dates(inv, cust), AS_OF).set_index("Invoice No")
    assert hist["Paid Date"].to_dict() == {"INV-K1": pd.Timestamp("2026-09-10"),
                                           "INV-K2": pd.Timestamp("2026-09-10")}
