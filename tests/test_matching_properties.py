"""Money is conserved whatever the statement and the ledger (hypothesis).

For any ledger and statement: no invoice receives more than its open amount (applied plus
proposed write-off), no receipt is applied beyond its amount, every credit is either applied
or listed as unallocated to the cent, debits are never applied, and running twice gives the
same rows.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy

NAMES = ["Nile Trading", "شركة النور للتجارة", "Delta Foods", "مؤسسة الفجر للمقاولات", "Cairo Steel"]
WORDS = ["TRF", "INV", "PAYMENT", "فاتورة رقم", "REF", "CREDIT INTEREST", "CASH DEPOSIT", "SETTLEMENT"]


@st.composite
def books(draw):
    n_cust = draw(st.integers(1, 5))
    customers = pd.DataFrame({
        "Customer ID": [f"C{i}" for i in range(n_cust)],
        "Name": NAMES[:n_cust],
        "Currency": "EGP",
        "Payment Terms": pd.array([30] * n_cust, dtype="Int64"),
        "IBAN / Bank Account": [draw(st.sampled_from([None, f"EG00{i:020d}"])) for i in range(n_cust)],
        "_row": range(2, n_cust + 2),
    })
    n_inv = draw(st.integers(1, 12))
    cents = draw(st.lists(st.sampled_from([100000, 250000, 99999, 500050, 1234567, 250000, 75000]),
                          min_size=n_inv, max_size=n_inv))
    invoices = pd.DataFrame({
        "Invoice No": [f"INV-2026-{i:05d}" for i in range(n_inv)],
        "Customer ID": [f"C{draw(st.integers(0, n_cust - 1))}" for _ in range(n_inv)],
        "Invoice Date": pd.to_datetime(["2026-09-01"] * n_inv),
        "Due Date": pd.to_datetime([None] * n_inv),
        "Currency": None,
        "Amount": [c / 100 for c in cents],
        "_row": range(2, n_inv + 2),
    })
    payments = pd.DataFrame({"Payment ID": ["P1"], "Customer ID": ["C0"],
                             "Date": pd.to_datetime(["2026-10-01"]),
                             "Amount": [draw(st.sampled_from([0.0, 500.0, 1000.0]))],
                             "Invoice No": ["INV-2026-00000"], "_row": [2]})
    n_lines = draw(st.integers(1, 10))
    rows = []
    for k in range(n_lines):
        inv = draw(st.integers(0, n_inv - 1))
        kind = draw(st.sampled_from(["exact", "sum", "short", "over", "random", "debit"]))
        base = cents[inv]
        amount = {"exact": base, "sum": base + cents[(inv + 1) % n_inv], "short": base - 1500,
                  "over": base + 77700, "random": draw(st.integers(1, 3_000_000)),
                  "debit": -draw(st.integers(1, 3_000_000))}[kind] / 100
        word = draw(st.sampled_from(WORDS))
        ref = draw(st.sampled_from([f"INV-2026-{inv:05d}", f"{inv}", f"2026{inv:05d}", ""]))
        rows.append({"Bank Line": f"B{k}", "Date": pd.Timestamp("2026-11-05"), "Value Date": None,
                     "Amount": amount, "Currency": "EGP", "Description": f"{word} {ref}",
                     "Reference": None,
                     "Counterparty": draw(st.sampled_from([None, *NAMES[:n_cust], "AL NOUR TRADING CO"])),
                     "Counterparty Account": draw(st.sampled_from([None, "EG0000000000000000000000"])),
                     "Bank Ref": None, "Balance": None, "Statement": "S", "Line No": k + 1})
    return customers, invoices, payments, pd.DataFrame(rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books())
def test_money_is_conserved_and_runs_repeat(book):
    customers, invoices, payments, lines = book
    items = open_items(customers, invoices, payments, pd.Timestamp("2026-11-30"))
    r = match_statement(lines, items, customers, Policy())
    m = r.matches

    open_amount = items[items["Item Type"] == "Invoice"].set_index("Invoice No")["Open Amount"]
    taken = (m["Applied Amount"] + m["Write-off"]).groupby(m["Invoice No"]).sum()
    for invoice, amount in taken.items():
        assert amount <= open_amount[invoice] + 0.005, invoice

    amount = lines.set_index("Bank Line")["Amount"]
    applied = m.groupby("Bank Line")["Applied Amount"].sum()
    for line, total in applied.items():
        assert amount[line] > 0, "a debit was applied"
        assert total <= amount[line] + 0.005, line
    assert (m["Applied Amount"] > 0).all()

    left = r.unmatched.set_index("Bank Line")["Unallocated Amount"]
    for line, value in amount.items():
        if value > 0:
            got = applied.get(line, 0.0) + (left.get(line, 0.0) or 0.0)
            assert abs(got - value) < 0.005, line
    assert (m.loc[m["Status"] == "Matched", "Confidence"] >= 0.85).all()
    assert (m.loc[m["Status"] == "Suggested", "Confidence"] < 0.85).all()

    again = match_statement(lines, items, customers, Policy())
    pd.testing.assert_frame_equal(m, again.matches)
    pd.testing.assert_frame_equal(r.unmatched, again.unmatched)
    pd.testing.assert_frame_equal(r.summary, again.summary)


@st.composite
def books_with_receipts(draw):
    """A book whose Payments already holds receipts of the statement's period (recorded as
    they arrived), some of which the bank holds: some lines are those receipts."""
    customers, invoices, payments, lines = draw(books())
    lines = lines.copy()
    lines["Date"] = [pd.Timestamp("2026-11-01") + pd.Timedelta(days=draw(st.integers(0, 29)))
                     for _ in range(len(lines))]
    receipts = []
    for k in range(draw(st.integers(1, 6))):
        if len(lines) and draw(st.booleans()):  # the receipt of a bank line, or of its amount
            line = lines.iloc[draw(st.integers(0, len(lines) - 1))]
            amount = abs(float(line["Amount"]))
            day = line["Date"] + pd.Timedelta(days=draw(st.integers(-4, 9)))
        else:
            amount = float(invoices["Amount"].iloc[draw(st.integers(0, len(invoices) - 1))])
            day = pd.Timestamp("2026-11-01") + pd.Timedelta(days=draw(st.integers(-5, 32)))
        inv = draw(st.sampled_from([None, *invoices["Invoice No"]]))
        receipts.append({"Payment ID": draw(st.sampled_from([f"RC-{k + 100}", None])),
                         "Customer ID": draw(st.sampled_from(list(customers["Customer ID"]))),
                         "Date": day, "Amount": amount, "Invoice No": inv, "_row": k + 3})
    payments = pd.concat([payments, pd.DataFrame(receipts)], ignore_index=True)
    payments["Date"] = pd.to_datetime(payments["Date"])
    return customers, invoices, payments, lines


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books_with_receipts())
def test_recorded_receipts_pair_once_and_money_is_conserved(book):
    customers, invoices, payments, lines = book
    as_of = lines["Date"].max()
    items = open_items(customers, invoices, payments, as_of)
    r = match_statement(lines, items, customers, Policy(), recorded=payments)
    m = r.matches
    applied_now = m[m["Method"] != "recorded"]
    open_amount = items[items["Item Type"] == "Invoice"].set_index("Invoice No")["Open Amount"]
    taken = (applied_now["Applied Amount"] + applied_now["Write-off"]).groupby(
        applied_now["Invoice No"]).sum()
    for invoice, amount in taken.items():
        assert amount <= open_amount[invoice] + 0.005, invoice

    amount = lines.set_index("Bank Line")["Amount"]
    applied = m.groupby("Bank Line")["Applied Amount"].sum()
    left = r.unmatched.set_index("Bank Line")["Unallocated Amount"]
    for line, value in amount.items():
        if value > 0:
            got = applied.get(line, 0.0) + (left.get(line, 0.0) or 0.0)
            assert abs(got - value) < 0.005, line
        else:
            assert line not in applied.index, "a debit was applied"

    # A paired line is that receipt only (one row), or the receipts of one deposit (a row
    # each): its whole amount, never applied again.
    recorded = m[m["Method"] == "recorded"]
    assert not m[m["Bank Line"].isin(recorded["Bank Line"])]["Method"].ne("recorded").any()
    per_line = recorded.groupby("Bank Line", sort=False).agg(
        applied=("Applied Amount", "sum"), bank=("Bank Amount", "first"),
        rows=("Applied Amount", "size"), reason=("Reason", "first"))
    assert ((per_line["applied"] - per_line["bank"]).abs() < 0.005).all()
    deposit = per_line["reason"].astype(str).str.extract(
        r"^a deposit of (\d+) receipts recorded in Payments on \S+ \((.+?)\)")
    alone = deposit[0].isna()
    assert (per_line.loc[alone, "rows"] == 1).all()
    assert (per_line.loc[~alone, "rows"] == deposit.loc[~alone, 0].astype(int)).all()
    # Each receipt pairs with at most one line, and the paired and the unbanked are different
    # receipts.
    ids = list(per_line.loc[alone, "reason"].astype(str).str.extract(
        r"recorded in Payments as (.+?) on ")[0])
    ids += [i for listed in deposit.loc[~alone, 1] for i in listed.split(", ")]
    ids = pd.Series(ids, dtype=object)
    assert ids.is_unique
    if r.unbanked is not None:
        assert set(ids).isdisjoint(set(r.unbanked["Payment ID"]))
        assert r.unbanked["Amount"].gt(0).all()

    again = match_statement(lines, items, customers, Policy(), recorded=payments)
    pd.testing.assert_frame_equal(m, again.matches)
    pd.testing.assert_frame_equal(r.unmatched, again.unmatched)
    pd.testing.assert_frame_equal(r.summary, again.summary)
    if r.unbanked is not None:
        pd.testing.assert_frame_equal(r.unbanked, again.unbanked)
