"""Aging by hand: buckets per customer to the cent, past as-of dates, the tie-out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.aging import (
    aging_by_customer,
    aging_detail,
    bucket_index,
    bucket_labels,
    bucket_totals,
    tie_out,
)
from ar_excel.core.ledger import open_balance, open_items
from ar_excel.policy import Policy
from tests._aging_books import june_book

DEFAULT = ["Current", "1-30", "31-60", "61-90", "90+"]


def rows(aging: pd.DataFrame) -> dict[str, list[float]]:
    labels = [c for c in aging.columns if c not in ("Customer ID", "Customer", "Currency")]
    return {r["Customer ID"]: [r[c] for c in labels] for _, r in aging.iterrows()}


def test_default_labels_and_derived_labels():
    assert bucket_labels((30, 60, 90)) == DEFAULT
    assert bucket_labels((30, 60, 90, 120)) == [*DEFAULT[:4], "91-120", "120+"]
    assert bucket_labels((15, 45)) == ["Current", "1-15", "16-45", "45+"]
    assert bucket_labels((90, 30, 60, 60, 0)) == DEFAULT  # cleaned: sorted, unique, positive


def test_bucket_edges_fall_in_the_range_that_ends_there():
    ages = np.array([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400, np.nan])
    assert bucket_index(ages, (30, 60, 90)).tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 0]


def test_june_aging_by_hand_to_the_cent():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    aging = aging_by_customer(items, cust, Policy())
    assert list(aging.columns) == ["Customer ID", "Customer", *DEFAULT, "Total", "Currency"]
    assert list(aging["Customer ID"]) == ["C1", "C2", "C10"]  # natural order
    assert list(aging["Customer"]) == ["Nile Trading", "Delta Foods", "Cairo Steel"]
    assert rows(aging) == {
        # INV3 750.00 | INV2 300.25 + CN1 -120.10 | INV4 400.00 (paid later) | - | INV1
        "C1": [750.00, 180.15, 400.00, 0.00, 1000.00, 2330.15],
        # P1 -800.00 | P4 excess -500.00 | - | INV5 2000.00 | -
        "C2": [-800.00, -500.00, 0.00, 2000.00, 0.00, 700.00],
        # - | - | P2 -300.00 (unknown invoice) | INV9 250.00 (90 days) | INV8 100.00
        "C10": [0.00, 0.00, -300.00, 250.00, 100.00, 50.00],
    }
    [check] = tie_out(aging, items)
    assert (check.currency, check.aging_total, check.ledger_balance) == ("EGP", 3080.15, 3080.15)
    assert check.difference == 0.0 and check.ties
    per_customer = aging.set_index("Customer ID")["Total"]
    assert per_customer.to_dict() == open_balance(items).to_dict()


def test_a_later_as_of_date_sees_later_invoices_and_receipts():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-07-31")
    aging = rows(aging_by_customer(items, cust, Policy()))
    # INV4 was paid on 07-05; INV3 is 11 days overdue; INV2 47 days; CN1 60 days.
    assert aging["C1"] == [0.00, 750.00, 300.25 - 120.10, 0.00, 1000.00, 1930.15]
    # INV7 (07-02, due the same day) is 29 days old; P1 31 days; P4's excess 51; INV5 92.
    assert aging["C2"] == [0.00, 999.00, -1300.00, 0.00, 2000.00, 1699.00]


def test_invoice_date_basis_ages_from_the_document_date():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    aging = rows(aging_by_customer(items, cust, Policy(aging_basis="invoice date")))
    # INV3 06-20 (10 d) + CN1 (29 d) | INV2 05-15 (46 d) | INV4 04-10 (81 d) | INV1 (121 d)
    assert aging["C1"] == [0.00, 629.90, 300.25, 400.00, 1000.00, 2330.15]


def test_policy_buckets_change_the_columns():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    aging = aging_by_customer(items, cust, Policy(aging_buckets_days=(15, 45)))
    assert list(aging.columns)[2:6] == ["Current", "1-15", "16-45", "45+"]
    # C1: INV3 | - | INV2 16 d + CN1 29 d | INV4 51 d + INV1 91 d
    assert rows(aging)["C1"] == [750.00, 0.00, 180.15, 1400.00, 2330.15]


def test_detail_lists_every_open_item_with_its_bucket():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    detail = aging_detail(items, cust, Policy())
    assert len(detail) == len(items) == 11
    c1 = detail[detail["Customer ID"] == "C1"]
    assert list(c1["Document No"]) == ["INV1", "INV4", "CN1", "INV2", "INV3"]  # by due date
    assert list(c1["Bucket"]) == ["90+", "31-60", "1-30", "1-30", "Current"]
    assert detail["Open Amount"].sum() == pytest.approx(3080.15, abs=1e-9)
    assert list(detail["Customer ID"].drop_duplicates()) == ["C1", "C2", "C10"]


def test_bucket_totals_for_the_chart():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    totals = bucket_totals(aging_by_customer(items, cust, Policy()))
    assert list(totals["Bucket"]) == DEFAULT
    assert list(totals["Amount"]) == [-50.00, -319.85, 100.00, 2250.00, 1100.00]
    assert totals["Amount"].sum() == pytest.approx(3080.15)


def test_currencies_are_never_added_together():
    cust, inv, pay = june_book()
    inv.loc[inv["Invoice No"] == "INV1", "Currency"] = "USD"
    items = open_items(cust, inv, pay, "2026-06-30")
    aging = aging_by_customer(items, cust, Policy())
    c1 = aging[aging["Customer ID"] == "C1"]
    assert list(c1["Currency"]) == ["EGP", "USD"]
    assert list(c1["Total"]) == [1330.15, 1000.00]
    checks = {t.currency: (t.aging_total, t.ledger_balance) for t in tie_out(aging, items)}
    assert checks == {"EGP": (2080.15, 2080.15), "USD": (1000.00, 1000.00)}


def test_no_open_items_gives_an_empty_table_with_the_columns():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-01-01")
    aging = aging_by_customer(items, cust, Policy())
    assert len(aging) == 0 and list(aging.columns)[2:7] == DEFAULT
    assert tie_out(aging, items) == []


def test_a_customer_netting_to_zero_keeps_its_row():
    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    items = items[items["Document No"].isin(["P1", "INV5"])].copy()
    items.loc[items["Document No"] == "P1", "Open Amount"] = -2000.00
    aging = aging_by_customer(items, cust, Policy())
    assert rows(aging)["C2"] == [-2000.00, 0.00, 0.00, 2000.00, 0.00, 0.00]


amounts = st.decimals(min_value=-99999, max_value=99999, places=2, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "A10", "A9"]), amounts,
                          st.integers(-40, 200)), min_size=1, max_size=40))
def test_every_cent_lands_in_exactly_one_bucket(items_spec):
    items = pd.DataFrame({
        "Customer ID": [c for c, _, _ in items_spec],
        "Currency": "EGP",
        "Open Amount": [float(a) for _, a, _ in items_spec],
        "Days Past Due": pd.array([d for _, _, d in items_spec], dtype="Int64"),
    })
    aging = aging_by_customer(items, None, Policy())
    total_cents = sum(int(round(a * 100)) for _, a, _ in items_spec)
    assert round(aging["Total"].sum() * 100) == total_cents
    bucket_sum = aging[DEFAULT].sum(axis=1)
    assert np.allclose(bucket_sum, aging["Total"], atol=1e-6)
    for cust, group in pd.DataFrame(items_spec, columns=["c", "a", "d"]).groupby("c"):
        expected = [0] * 5
        for _, a, d in group.itertuples(index=False):
            b = 0 if d <= 0 else 1 if d <= 30 else 2 if d <= 60 else 3 if d <= 90 else 4
            expected[b] += int(round(a * 100))
        got = aging.set_index("Customer ID").loc[cust, DEFAULT]
        assert [int(round(v * 100)) for v in got] == expected


def test_top_overdue_ranks_by_amount_past_due():
    from ar_excel.core.top_overdue import top_overdue

    cust, inv, pay = june_book()
    items = open_items(cust, inv, pay, "2026-06-30")
    top = top_overdue(aging_by_customer(items, cust, Policy()), items, Policy())
    # past-due invoices less the customer's credits, whatever their date (the KPIs' overdue):
    # C1: 300.25 + 400.00 + 1000.00 - CN1 120.10 = 1580.15; C2: INV5 2000.00 - P4's 500.00
    # to spare - P1 800.00 (dated on the as-of day, in Aging's Current: the Aging's past-due
    # buckets said 1500.00) = 700.00; C10: 250.00 + 100.00 - P2 300.00 = 50.00
    assert list(top["Customer ID"]) == ["C1", "C2", "C10"]
    assert list(top["Overdue Amount"]) == [1580.15, 700.00, 50.00]
    assert [list(top[b]) for b in ("1-30", "31-60", "61-90", "90+", "Credit On Account")] == [
        [300.25, 0, 0], [400.00, 0, 0], [0, 2000.00, 250.00], [1000.00, 0, 100.00],
        [120.10, 1300.00, 300.00]]
    assert list(top["Rank"]) == [1, 2, 3]
    assert list(top["Oldest Days Past Due"]) == [91, 61, 91]
    assert list(top["Share of Overdue %"]) == [67.81, 30.04, 2.15]  # of 2330.15
    assert list(top["Open Balance"]) == [2330.15, 700.00, 50.00]
    assert len(top_overdue(aging_by_customer(items, cust, Policy()), items, limit=2)) == 2


def test_customer_order_is_natural_whatever_the_id_shape():
    from ar_excel.core.aging import _natural_rank

    def order(ids):
        rank = _natural_rank(ids)
        return [ids[i] for i in np.argsort(rank)]

    assert order(["10", "9", "100", "1"]) == ["1", "9", "10", "100"]
    assert order(["C10", "C9", "c1", None, "B2"]) == ["B2", "c1", "C9", "C10", None]
    assert order(["C003", "C001", "C002"]) == ["C001", "C002", "C003"]
    assert order(["010", "9", "1"]) == ["1", "9", "010"]  # leading zero: digit-aware key


def test_book_currency_for_blank_currencies():
    from ar_excel.core.local_currency import local_currency

    assert local_currency(Policy(), ["EGP", None, "EGP"]).code == "EGP"
    assert local_currency(Policy(), ["EGP", "USD", None]).code is None
    assert local_currency(Policy(base_currency="sar"), ["EGP", "USD"]).code == "SAR"
    assert local_currency(Policy(), [None, float("nan")]).code is None
