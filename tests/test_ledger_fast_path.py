"""The ledger's fast paths (invoice numbers as integer codes, terms looked up only where a due
date is missing) give exactly what the ledger gave before them (``_ledger_reference``, frozen)
and what its general path gives: same applied amounts, due dates and open items, nothing
applied twice, totals conserved."""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core import ledger
from ar_excel.core.ledger import applications, open_items
from ar_excel.model import ROW
from tests import _ledger_reference as reference

DAYS = pd.date_range("2024-01-01", periods=40, freq="D")


@st.composite
def ledgers(draw):
    n_inv = draw(st.integers(1, 12))
    numbers = [f"INV{draw(st.integers(1, n_inv + 2))}" for _ in range(n_inv)]  # repeats too
    if draw(st.integers(0, 5)) == 0:
        numbers[0] = None  # an invoice without a number: the general path decides
    invoices = pd.DataFrame({
        "Invoice No": numbers,
        "Customer ID": [draw(st.sampled_from(["C0", "C1", "C2", "C9"])) for _ in range(n_inv)],
        "Invoice Date": [DAYS[draw(st.integers(0, 39))] for _ in range(n_inv)],
        "Due Date": pd.Series([DAYS[draw(st.integers(0, 39))] if draw(st.booleans()) else pd.NaT
                               for _ in range(n_inv)], dtype="datetime64[ns]"),
        "Currency": [draw(st.sampled_from([None, "EGP"])) for _ in range(n_inv)],
        "Amount": [float(draw(st.sampled_from([-50, 0, 100, 250.5, 1000]))) for _ in range(n_inv)],
        ROW: range(2, n_inv + 2),
    })
    n_pay = draw(st.integers(0, 25))
    rows = draw(st.permutations(list(range(2, n_pay + 2)))) if draw(st.booleans()) else list(
        range(2, n_pay + 2))
    payments = pd.DataFrame({
        "Payment ID": [f"R{i}" for i in range(n_pay)],
        "Customer ID": [f"C{i % 3}" for i in range(n_pay)],
        "Date": pd.Series([pd.NaT if draw(st.integers(0, 9)) == 0 else DAYS[draw(st.integers(0, 39))]
                           for _ in range(n_pay)], dtype="datetime64[ns]"),
        "Amount": [float(draw(st.sampled_from([-20, 0, 30, 100, 99.99, 400]))) for _ in range(n_pay)],
        "Invoice No": [draw(st.sampled_from([None, "INV1", "INV2", "INV3", "INV9", "X"]))
                       for _ in range(n_pay)],
        ROW: pd.Series(rows, dtype="int64"),
    })
    customers = pd.DataFrame({"Customer ID": ["C0", "C1", "C2"],
                              "Payment Terms": pd.array([30, None, 60], dtype="Int64"),
                              "Currency": ["EGP", "USD", None]})
    as_of = draw(st.sampled_from([None, DAYS[10], DAYS[39]]))
    return customers, invoices, payments, as_of


@contextmanager
def general_path():
    """The general path only: the fast one declines."""
    real, keys = ledger._apply_in_date_order, ledger._InvoiceKeys.of
    ledger._apply_in_date_order = lambda *args: False
    ledger._InvoiceKeys.of = staticmethod(lambda inv, pay: None)
    try:
        yield
    finally:
        ledger._apply_in_date_order = real
        ledger._InvoiceKeys.of = staticmethod(keys)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_fast_application_equals_the_general_path(case):
    customers, invoices, payments, as_of = case
    fast_apps = applications(invoices, payments, as_of)
    fast_items = open_items(customers, invoices, payments, as_of)
    with general_path():
        general_apps = applications(invoices, payments, as_of)
        general_items = open_items(customers, invoices, payments, as_of)
    pd.testing.assert_frame_equal(fast_apps, general_apps, check_exact=True)
    pd.testing.assert_frame_equal(fast_items, general_items, check_exact=True)
    pd.testing.assert_frame_equal(fast_apps, reference.applications(invoices, payments, as_of),
                                  check_exact=True)
    pd.testing.assert_frame_equal(
        fast_items, reference.open_items(customers, invoices, payments, as_of), check_exact=True)
    pd.testing.assert_series_equal(ledger.due_dates(invoices, customers),
                                   reference.due_dates(invoices, customers), check_exact=True)
    if invoices["Invoice No"].isna().any():
        return  # (a payment naming no invoice is matched to an unnumbered one: left as it was)
    # money is conserved: applied + unapplied = received, never more than an invoice's amount
    assert (fast_apps["Applied Amount"] + fast_apps["Unapplied Amount"]).round(2).tolist() == \
        fast_apps["Amount"].round(2).tolist()
    per_invoice = fast_apps.groupby("Invoice No")["Applied Amount"].sum()
    existing = invoices if as_of is None else invoices[invoices["Invoice Date"] <= as_of]
    amounts = existing[existing["Amount"] > 0].drop_duplicates("Invoice No").set_index(
        "Invoice No")["Amount"]
    assert (per_invoice <= amounts.reindex(per_invoice.index) + 0.005).all()


def test_oldest_payment_first_then_row_order():
    invoices = pd.DataFrame({"Invoice No": ["A"], "Amount": [100.0], "Invoice Date": [DAYS[0]],
                             ROW: [2]})
    payments = pd.DataFrame({
        "Payment ID": ["late", "undated", "early", "same day, later row"],
        "Customer ID": ["C"] * 4,
        "Date": pd.Series([DAYS[9], pd.NaT, DAYS[1], DAYS[1]], dtype="datetime64[ns]"),
        "Amount": [60.0, 10.0, 70.0, 20.0], "Invoice No": ["A"] * 4, ROW: [2, 3, 5, 4]})
    apps = applications(invoices, payments).set_index("Payment ID")
    assert apps["Applied Amount"].to_dict() == {
        "late": 10.0, "undated": 0.0, "early": 70.0, "same day, later row": 20.0}


def test_a_payment_naming_no_invoice_stays_on_account_beside_an_invoice_without_number():
    invoices = pd.DataFrame({
        "Invoice No": [None, "INV2"], "Customer ID": ["C1", "C1"],
        "Invoice Date": pd.to_datetime(["2026-06-01", "2026-06-02"]),
        "Due Date": pd.to_datetime(["2026-07-01", "2026-07-02"]),
        "Currency": ["EGP", "EGP"], "Amount": [500.0, 300.0], ROW: [2, 3],
    })
    payments = pd.DataFrame({
        "Payment ID": ["R1", "R2"], "Customer ID": ["C1", "C1"],
        "Date": pd.to_datetime(["2026-06-10", "2026-06-11"]), "Amount": [200.0, 300.0],
        "Invoice No": [None, "INV2"], ROW: pd.Series([2, 3], dtype="int64"),
    })
    customers = pd.DataFrame({"Customer ID": ["C1"], "Payment Terms": pd.array([30], dtype="Int64"),
                              "Currency": ["EGP"]})
    apps = applications(invoices, payments)
    assert apps["Applied Amount"].tolist() == [0.0, 300.0]
    assert apps["Unapplied Amount"].tolist() == [200.0, 0.0]
    items = open_items(customers, invoices, payments, pd.Timestamp("2026-06-30"))
    # the unnumbered invoice stays open in full, the 200.00 is an unapplied payment
    assert round(items["Open Amount"].sum(), 2) == 300.0
    assert sorted(items["Open Amount"].round(2).tolist()) == [-200.0, 500.0]
