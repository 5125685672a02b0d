"""Benchmark: the bank-matching engine alone (``match_statement``) at benchmark scale.

Inputs are generated in memory (``ar_excel.demo``): the demo ledger (20,000 customers,
300,000 invoices by default) and one month's statement of 40,000 lines, written as CSV and read
back with ``ar_excel.bank.read_statement`` as the reconcile job does. Each measurement runs in a
fresh Python process (the matcher remembers name keys and subset sums within a process):

* baseline: the least a reference matcher does — fold every narrative to upper case and look
  each of its words up in a dict of the open invoice numbers;
* match_statement, with Python's collector as it is and as the reconcile job runs it
  (``ar_excel.io.bulk``), and where its time goes (setup, reading lines, reading names, each
  rule, result tabs).

    python benchmarks/bench_matching.py [--lines 40000] [--invoices 300000]
        [--customers 20000] [--seed 1] [--data /tmp/ar_excel_bench]
"""

from __future__ import annotations

import argparse
import pickle
import sys
import textwrap
import time
from pathlib import Path

from fresh_process import add_size_arguments, measure

BASELINE = textwrap.dedent("""
    import json, pickle, sys, time
    inputs = pickle.loads(open(sys.argv[1], "rb").read())
    t0, c0 = time.perf_counter(), time.process_time()
    items = inputs["open_items"]
    numbers = {str(n): k for k, n in enumerate(items["Invoice No"])}
    hits = 0
    for d, r in zip(inputs["lines"]["Description"], inputs["lines"]["Reference"]):
        text = f"{d or ''} {r or ''}".upper()
        hits += sum(w in numbers for w in text.split())
    print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}))
""")

MATCH = textwrap.dedent("""
    import json, pickle, sys, time
    from collections import defaultdict
    from ar_excel.core.matching import engine, match_statement
    from ar_excel.io.bulk import bulk
    inputs = pickle.loads(open(sys.argv[1], "rb").read())
    phases = defaultdict(float)

    def timed(cls, name, label):
        f = getattr(cls, name)
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return f(*a, **k)
            finally:
                phases[label] += time.process_time() - t
        setattr(cls, name, wrapper)

    if sys.argv[2] == "phases":
        timed(engine.Matcher, "read_lines", "read lines")
        timed(engine.Matcher, "read_names", "read names")
        for stage in ("propose_reference", "propose_weak_reference", "propose_payer_exact",
                      "propose_payer_tolerance", "propose_payer_rest", "propose_amount_only"):
            timed(engine.Matcher, stage, stage.removeprefix("propose_"))
        timed(engine.Matcher, "apply", "book allocations")
    t0, c0 = time.perf_counter(), time.process_time()
    if sys.argv[2] == "default":
        result = match_statement(**inputs)
    else:
        with bulk():
            result = match_statement(**inputs)
    out = {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
           "matched": int((result.matches["Status"] == "Matched").sum()),
           "unmatched": len(result.unmatched), "phases": phases}
    print(json.dumps(out))
""")


def build_inputs(data: Path, n_customers: int, n_invoices: int, n_lines: int, seed: int) -> Path:
    """The matcher's inputs (lines, open items, customers, policy), pickled once per size."""
    tag = f"{n_customers}c_{n_invoices}i_{n_lines}l_s{seed}"
    path = data / f"match_inputs_{tag}.pkl"
    if path.exists():
        return path
    import pandas as pd

    from ar_excel.bank import read_statement
    from ar_excel.core.ledger import open_items
    from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    from ar_excel.demo.ledger import AS_OF, make_ledger
    from ar_excel.policy import Policy

    t0 = time.perf_counter()
    data.mkdir(parents=True, exist_ok=True)
    ledger = make_ledger(n_customers, n_invoices, int(n_invoices * 0.75), seed=seed)
    start = pd.Timestamp(AS_OF) + pd.Timedelta(days=1)
    lines, _ = make_bank_month(ledger["Customers"], ledger["Invoices"], ledger["Payments"],
                               start, n_lines, seed, currency="EGP")
    csv = data / f"statement_{tag}_matching.csv"
    write_statement_csv(lines, csv)
    statement = read_statement(csv)
    as_of = pd.to_datetime(statement.lines["Date"]).max()
    items = open_items(ledger["Customers"], ledger["Invoices"], ledger["Payments"], as_of)
    inputs = {"lines": statement.lines, "open_items": items, "customers": ledger["Customers"],
              "policy": Policy(), "learned": None, "balances": statement.balances}
    path.write_bytes(pickle.dumps(inputs))
    print(f"built inputs in {time.perf_counter() - t0:.0f} s: {path.name}")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(ap)
    a = ap.parse_args(argv)
    inputs = str(build_inputs(a.data, a.customers, a.invoices, a.lines, a.seed))
    base = measure(BASELINE, inputs)
    plain = measure(MATCH, inputs, "default")
    bulk = measure(MATCH, inputs, "bulk")
    phases = measure(MATCH, inputs, "phases")
    print(f"inputs: {a.customers:,} customers, {a.invoices:,} invoices, {a.lines:,} bank lines; "
          f"{bulk['matched']:,} allocations matched, {bulk['unmatched']:,} lines left")
    print(f"baseline (fold + word look-up):     {base['seconds']:6.2f} s (cpu {base['cpu']:.2f} s)")
    for label, m in (("match_statement", plain), ("match_statement in bulk()", bulk)):
        print(f"{label + ':':35s} {m['seconds']:6.2f} s (cpu {m['cpu']:.2f} s)   "
              f"cpu ratio {m['cpu'] / base['cpu']:.1f}x")
    rest = phases["cpu"] - sum(phases["phases"].values())
    print("where the cpu time goes (in bulk): " + ", ".join(
        f"{k} {v:.2f} s" for k, v in sorted(phases["phases"].items(), key=lambda kv: -kv[1]))
        + f", setup and result tabs {rest:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
