"""Benchmark: aging of 1,000,000 open items against a plain pandas groupby-sum.

Compute only (no files): ``core.aging.aging_by_customer`` on a frame shaped like
``ledger.open_items`` (invoices, credit notes and unapplied payments of 20,000 customers in
two currencies, ages from 60 days ahead to 400 days past due) versus
``items.groupby("Customer ID")["Open Amount"].sum()`` on the same frame, in the same run.
Best of five runs each; the ratio is what counts (target: at most 5x).

    python benchmarks/bench_aging.py [N_ITEMS] [N_CUSTOMERS]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from ar_excel.core.aging import aging_by_customer, tie_out
from ar_excel.policy import Policy


def make_items(n: int, customers: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ids = np.array([f"C{i:06d}" for i in range(customers)], dtype=object)
    cust = rng.integers(0, customers, n)
    kind = rng.choice(np.array(["Invoice", "Credit Note", "Payment"], dtype=object), n,
                      p=[0.85, 0.05, 0.10])
    amount = np.round(rng.lognormal(7, 1.2, n), 2)
    amount = np.where(kind == "Invoice", amount, -np.round(amount / 3, 2))
    as_of = pd.Timestamp("2026-06-30")
    dpd = rng.integers(-60, 400, n)
    due = as_of - pd.to_timedelta(dpd, unit="D")
    items = pd.DataFrame({
        "Customer ID": ids[cust],
        "Item Type": kind,
        "Document No": np.char.add("D", np.arange(n).astype(str)).astype(object),
        "Date": due - pd.to_timedelta(np.where(kind == "Invoice", 30, 0), unit="D"),
        "Due Date": due,
        "Currency": np.where(cust % 10 == 0, "USD", "EGP").astype(object),
        "Amount": amount,
        "Open Amount": amount,
        "Days Past Due": pd.array(dpd, dtype="Int64"),
        "_row": np.arange(2, n + 2),
    })
    master = pd.DataFrame({"Customer ID": ids, "Name": [f"Customer {i}" for i in range(customers)]})
    return items, master


def best_of(fn, repeat: int = 5) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main(argv: list[str]) -> None:
    n = int(argv[1]) if len(argv) > 1 else 1_000_000
    customers = int(argv[2]) if len(argv) > 2 else 20_000
    items, master = make_items(n, customers)
    policy = Policy()
    baseline, sums = best_of(lambda: items.groupby("Customer ID")["Open Amount"].sum())
    aging_time, aging = best_of(lambda: aging_by_customer(items, master, policy))
    checks = tie_out(aging, items)
    assert all(c.ties for c in checks), checks
    assert round(aging["Total"].sum(), 2) == round(float(np.rint(sums * 100).sum()) / 100, 2)
    print(f"open items: {n:,}  customers: {customers:,}  aging rows: {len(aging):,}")
    print(f"pandas groupby().sum() baseline: {baseline * 1000:8.1f} ms")
    print(f"aging_by_customer:               {aging_time * 1000:8.1f} ms")
    print(f"ratio aging / baseline:          {aging_time / baseline:8.2f}x  (target <= 5x)")
    print("tie-out: " + "; ".join(f"{c.currency} {c.aging_total:,.2f} vs {c.ledger_balance:,.2f}"
                                  for c in checks))


if __name__ == "__main__":
    main(sys.argv)
