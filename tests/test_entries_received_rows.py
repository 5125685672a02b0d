"""``entries.received_rows``: the invoice list's money received, its receipts on the credit
side (one name for what the ledger, the KPIs, the statements and the reconciliation each
wrote as ``receipt_rows(x) & (x["Amount"] < 0)``)."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.entries import receipt_rows, received_rows, refund_rows
from ar_excel.core.ledger import PAYS_INVOICE
from ar_excel.core.paid_in_the_list import receipts_in_the_list


def test_money_received_is_a_receipt_on_the_credit_side():
    invoices = pd.DataFrame({
        "Invoice No": ["P1", "P2", "R1", "SQ-4", "SQ-5", "CN-1", "F-1"],
        "Customer ID": ["A1"] * 7,
        "Invoice Date": pd.to_datetime(["2026-09-01"] * 7),
        "Amount": [-50.0, 50.0, 20.0, -70.0, -80.0, -30.0, 80.0],
        "Type": ["Payment", "Payment", "Refund", None, None, "Credit Note", "Invoice"],
        "البيان": [None, None, None, "سند قبض - شيك 4", "تحويل بنكي", "مرتجع", "سند قبض"],
        PAYS_INVOICE: [None, None, None, None, "F-1", None, None],
    })
    # a Payment on the debit side (P2) is money paid back: a receipt type, no money received;
    # a narration saying سند قبض on a debit (F-1) says nothing
    assert receipt_rows(invoices).tolist() == [True, True, False, True, True, False, False]
    assert received_rows(invoices).tolist() == [True, False, False, True, True, False, False]
    assert refund_rows(invoices).tolist() == [False, True, True, False, False, False, False]
    receipts = receipts_in_the_list(invoices)
    assert list(zip(receipts["Payment ID"], receipts["Amount"], strict=True)) == [
        ("P1", 50.0), ("SQ-4", 70.0), ("SQ-5", 80.0)]
