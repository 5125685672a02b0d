"""A running ledger's rows are told apart (receipt, refund paid out, returned cheque) once a
run, not again for every as-of date, and each date's open items are what they were: the
rows the ledger works on for a date are the list's own, fewer (not yet dated, a receipt
moved to the payments as one naming its invoice, a blank amount) or with another Balance
(an open-items list as it stood before a later receipt), and each keeps its own kind."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ar_excel.core import ledger, per_run
from ar_excel.core.entries import receipt_rows, received_rows, refund_rows
from ar_excel.core.ledger import PAYS_INVOICE, open_items
from ar_excel.core.returned_cheques import returned_in_list, reversed_in_list
from ar_excel.model import ROW
from ar_excel.schema import empty_frame

CUSTOMERS = pd.DataFrame({"Customer ID": ["A1", "B2"], "Payment Terms": [30, 30],
                          "Currency": ["EGP", "EGP"]})
DATES = ["2026-07-31", "2026-08-31", "2026-09-30"]


def _running_ledger(index=None) -> pd.DataFrame:
    rows = [  # number, customer, date, narration, amount, the invoice it pays
        ("X-0", "A1", "2026-06-30", "قيد ملغي", np.nan, None),  # a blank amount: dropped
        ("F-1", "A1", "2026-07-01", "فاتورة مبيعات", 1000.0, None),
        ("SQ-1", "A1", "2026-07-05", "سند قبض - شيك 11 فاتورة F-1", -1000.0, "F-1"),
        ("F-2", "A1", "2026-07-10", "فاتورة مبيعات", 2000.0, None),
        ("SQ-2", "A1", "2026-07-15", "سند قبض - شيك 12", -500.0, None),
        ("SQ-9", "B2", "2026-07-16", "سند قبض - شيك 12", -500.0, None),
        ("RC-2", "A1", "2026-07-20", "شيك مرتد رقم 12", 500.0, None),
        ("SQ-3", "A1", "2026-08-05", "سند قبض تحويل", -300.0, None),
        ("PV-1", "A1", "2026-08-10", "سند صرف - رد المبلغ", 100.0, None),
        ("F-3", "A1", "2026-09-10", "فاتورة مبيعات", 700.0, None),
    ]
    frame = pd.DataFrame({
        "Invoice No": [r[0] for r in rows],
        "Customer ID": [r[1] for r in rows],
        "Invoice Date": pd.to_datetime([r[2] for r in rows]),
        "Due Date": pd.Series(pd.NaT, index=range(len(rows)), dtype="datetime64[ns]"),
        "Currency": ["EGP"] * len(rows),
        "Amount": [r[4] for r in rows],
        "البيان": [r[3] for r in rows],
        PAYS_INVOICE: pd.Series([r[5] for r in rows], dtype="object"),
        ROW: range(2, len(rows) + 2),
    })
    return frame if index is None else frame.set_axis(index)


def _items(frame: pd.DataFrame) -> list[tuple]:
    return [(r["Customer ID"], r["Document No"], r["Item Type"], r["Open Amount"],
             str(r["Due Date"].date())) for _, r in frame.iterrows()]


# By pencil. F-1 is paid by SQ-1 (the receipt naming it, moved to the payments); SQ-2's
# cheque came back (RC-2): the pair is open for nothing (B2's SQ-9, same cheque number and
# amount, is another customer's); SQ-3's 300 on account, 100 of it paid back by PV-1.
EXPECTED = {
    "2026-07-31": [("A1", "F-2", "Invoice", 2000.0, "2026-08-09"),
                   ("B2", "SQ-9", "Payment", -500.0, "2026-07-16")],
    "2026-08-31": [("A1", "SQ-3", "Payment", -200.0, "2026-08-05"),
                   ("A1", "F-2", "Invoice", 2000.0, "2026-08-09"),
                   ("B2", "SQ-9", "Payment", -500.0, "2026-07-16")],
    "2026-09-30": [("A1", "SQ-3", "Payment", -200.0, "2026-08-05"),
                   ("A1", "F-2", "Invoice", 2000.0, "2026-08-09"),
                   ("A1", "F-3", "Invoice", 700.0, "2026-10-10"),
                   ("B2", "SQ-9", "Payment", -500.0, "2026-07-16")],
}


def _by_date(invoices: pd.DataFrame) -> dict[str, list[tuple]]:
    return {d: sorted(_items(open_items(CUSTOMERS, invoices, empty_frame("Payments"), d)),
                      key=lambda t: (t[0], t[4], t[1])) for d in DATES}


@pytest.mark.parametrize("index", [None, list("abcdefghij"), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
                                   [0, 1, 1, 2, 3, 4, 5, 6, 7, 8]],
                         ids=["range", "labels", "reversed", "repeated"])
def test_each_dates_items_in_a_run_are_those_of_the_date_alone(index):
    invoices = _running_ledger(index)
    alone = _by_date(invoices)
    with per_run.shared_work():
        in_a_run = _by_date(invoices)
    assert alone == in_a_run == EXPECTED


def test_the_rows_are_told_apart_once_a_run(monkeypatch):
    read = []
    real = ledger._read_kinds
    monkeypatch.setattr(ledger, "_read_kinds", lambda inv: read.append(len(inv)) or real(inv))
    invoices = _running_ledger()
    with per_run.shared_work():
        _by_date(invoices)
    assert read == [10]  # the whole list, once, for three dates


def test_an_open_items_lists_rows_keep_their_kind_before_a_later_receipt():
    """An open-items list (Balance, no Payments): PMT-5 (300, typed Payment) is 200 on
    account, REF-1 (100, typed Refund) settled, INV-1 (1,000) paid, the last of it by PMT-7
    on 10 Sept. On 31 Aug (``statements.owed_on``, the statement's pairing: PMT-5's 100 paid
    INV-1's oldest part, PMT-7 the other 900) INV-1 still owed 900, and REF-1 the 100 it
    paid back, out of PMT-5's credit (``refunds_settle_credits``): -100 left. INV-2, after
    PMT-7 in the list, is an invoice still (a row told apart by its place would take
    PMT-7's kind, a receipt)."""
    invoices = pd.DataFrame({
        "Invoice No": ["INV-1", "PMT-5", "REF-1", "PMT-7", "INV-2"],
        "Customer ID": ["A1"] * 5,
        "Invoice Date": pd.to_datetime(["2026-07-01", "2026-08-02", "2026-08-03",
                                        "2026-09-10", "2026-08-20"]),
        "Due Date": pd.Series(pd.NaT, index=range(5), dtype="datetime64[ns]"),
        "Currency": ["EGP"] * 5,
        "Amount": [1000.0, -300.0, 100.0, -1000.0, 400.0],
        "Type": ["Invoice", "Payment", "Refund", "Payment", "Invoice"],
        "Balance": [0.0, -200.0, 0.0, 0.0, 400.0],
        ROW: range(2, 7),
    })
    payments = empty_frame("Payments")
    expected = {
        "2026-08-31": [("A1", "INV-1", "Invoice", 900.0, "2026-07-31"),
                       ("A1", "PMT-5", "Payment", -100.0, "2026-08-02"),
                       ("A1", "INV-2", "Invoice", 400.0, "2026-09-19")],
        "2026-09-30": [("A1", "PMT-5", "Payment", -200.0, "2026-08-02"),
                       ("A1", "INV-2", "Invoice", 400.0, "2026-09-19")],
    }

    def items() -> dict[str, list[tuple]]:
        return {d: sorted(_items(open_items(CUSTOMERS, invoices, payments, d)),
                          key=lambda t: (t[4], t[1])) for d in expected}

    alone = items()
    with per_run.shared_work():
        assert items() == alone == expected


def test_receipts_refunds_and_returned_cheques_of_the_list():
    invoices = _running_ledger()
    assert invoices["Invoice No"][receipt_rows(invoices)].tolist() == [
        "SQ-1", "SQ-2", "SQ-9", "SQ-3"]
    assert invoices["Invoice No"][received_rows(invoices)].tolist() == [
        "SQ-1", "SQ-2", "SQ-9", "SQ-3"]
    assert invoices["Invoice No"][refund_rows(invoices)].tolist() == ["PV-1"]
    assert invoices["Invoice No"][returned_in_list(invoices)].tolist() == ["RC-2"]
    assert invoices["Invoice No"][reversed_in_list(invoices)].tolist() == ["SQ-2", "RC-2"]


def test_a_returned_cheque_reverses_its_customers_latest_receipt_of_its_amount():
    invoices = pd.DataFrame({
        "Invoice No": ["SQ-1", "SQ-2", "SQ-3", "SQ-4", "SQ-5", "RC-1", "RC-2"],
        "Customer ID": ["A1", "A1", "B2", "A1", "A1", "A1", "A1"],
        "Invoice Date": pd.to_datetime(["2026-07-01", "2026-07-03", "2026-07-04", None,
                                        "2026-07-09", "2026-07-05", "2026-07-06"]),
        "Amount": [-500.0, -500.0, -500.0, -500.0, -500.004, 500.0, 500.0],
        "البيان": ["سند قبض"] * 5 + ["شيك مرتد"] * 2,
    })
    # RC-1: SQ-2 (the latest before it; SQ-3 is B2's, SQ-5 later, SQ-4 undated comes last);
    # RC-2: SQ-1, the latest left dated before it
    assert invoices["Invoice No"][reversed_in_list(invoices)].tolist() == [
        "SQ-1", "SQ-2", "RC-1", "RC-2"]
