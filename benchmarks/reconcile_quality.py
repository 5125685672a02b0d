"""How well ``ar-excel reconcile`` applies a realistic month of bank lines, against the truth.

Builds the demo ledger, a month of statement lines with its true allocations
(``ar_excel.demo.bank_month``), runs the matcher and an exact-VLOOKUP baseline (invoice number
exactly as in the ledger + amount equal to the open amount), and prints for both:

* receipts right: customer receipts whose allocations are all ``Matched`` and exactly right;
* precision: share of ``Matched`` allocations that are true;
* non-customer inflows matched (any ``Matched`` allocation).

With ``--seeds 1,2,3`` it runs one month per seed and prints a line per seed, the mean, and
the receipts that are not fully right and Matched by case (the generator's receipt kind) and
by what the matcher did (left unmatched with its reason, suggested, or matched wrongly, and
the rule), to see which rule to improve.

    python benchmarks/reconcile_quality.py [--lines 600] [--seed 7 | --seeds 1,2,3,5,7,11,23,42]
        [--customers 600] [-v]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import pandas as pd

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.demo.bank_month import make_bank_month, score, statement_balances, vlookup_baseline
from ar_excel.demo.ledger import AS_OF, make_ledger
from ar_excel.policy import Policy


def month(n_lines: int, seed: int, n_customers: int, n_invoices: int):
    ledger = make_ledger(n_customers, n_invoices, int(n_invoices * 0.75), seed=seed)
    c, i, p = ledger["Customers"], ledger["Invoices"], ledger["Payments"]
    start = pd.Timestamp(AS_OF) + pd.Timedelta(days=1)
    lines, truth = make_bank_month(c, i, p, start, n_lines, seed)
    items = open_items(c, i, p, as_of=start + pd.offsets.MonthEnd(0))
    return c, items, lines, truth


def run(n_lines: int = 600, seed: int = 7, n_customers: int = 600, n_invoices: int = 8000,
        verbose: bool = False) -> dict[str, dict[str, float]]:
    c, items, lines, truth = month(n_lines, seed, n_customers, n_invoices)
    t0 = time.perf_counter()
    result = match_statement(lines, items, c, Policy(), balances=statement_balances(lines))
    elapsed = time.perf_counter() - t0
    ours = score(result.matches, truth)
    base = score(vlookup_baseline(lines, items), truth)
    ours["seconds"] = elapsed
    ours["calibration"] = calibration(result.matches, truth)
    ours["failures"] = failures(result, truth)
    if verbose:
        _explain(result.matches, truth)
    return {"ar_excel": ours, "vlookup": base, "lines": {"n": len(lines)}}


def failures(result, truth: pd.DataFrame) -> Counter:
    """(case, what happened) for each customer receipt not fully right and Matched: left
    unmatched (with the first clause of its reason), right but only suggested, suggested
    wrongly, or matched wrongly, with the rules (Method) involved."""
    from ar_excel.demo.bank_month import _alloc_key
    matches = result.matches
    by_line = {bl: g for bl, g in matches.groupby("Bank Line")}
    reasons = dict(zip(result.unmatched["Bank Line"], result.unmatched["Reason"], strict=True))
    out: Counter = Counter()
    receipts = truth[truth["Kind"].str.startswith("receipt")]
    for bl, g in receipts.groupby("Bank Line"):
        case = g["Kind"].iloc[0].split(":", 1)[1]
        want = {_alloc_key(i, c, a) for i, c, a in g[["Invoice No", "Customer ID", "Amount"]]
                .itertuples(index=False, name=None)}
        got = by_line.get(bl)
        if got is None:
            out[(case, "unmatched: " + str(reasons.get(bl, "")).split(";")[0].split(":")[0][:45])] += 1
            continue
        have = {_alloc_key(i, c, a) for i, c, a in got[["Invoice No", "Customer ID", "Applied Amount"]]
                .itertuples(index=False, name=None)}
        status = set(got["Status"])
        if have == want and status == {"Matched"}:
            continue
        rules = "/".join(sorted(set(got["Method"])))
        if have == want:
            what = "right but Suggested"
        elif "Matched" in status:
            what = "WRONG Matched"
        else:
            what = "wrong Suggested"
        out[(case, f"{what}: {rules}")] += 1
    return out


def calibration(matches: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Per rule and status: allocations and the share that are true (is Confidence honest?)."""
    from ar_excel.demo.bank_month import _alloc_key
    want = {(r[0], _alloc_key(r[2], r[3], r[4])) for r in truth.itertuples(index=False)}
    ok = [(bl, _alloc_key(i, c, a)) in want for bl, i, c, a in
          matches[["Bank Line", "Invoice No", "Customer ID", "Applied Amount"]].itertuples(
              index=False, name=None)]
    table = matches.assign(right=ok).groupby(["Method", "Status"]).agg(
        allocations=("right", "size"), true=("right", "mean"), confidence=("Confidence", "mean"))
    return table.reset_index()


def _explain(matches: pd.DataFrame, truth: pd.DataFrame) -> None:
    """Which receipt cases fail, and the wrong Matched allocations (for development)."""
    from ar_excel.demo.bank_month import _alloc_key
    got = {bl: {(_alloc_key(i, c, a), s) for i, c, a, s in g[["Invoice No", "Customer ID", "Applied Amount", "Status"]].itertuples(index=False, name=None)}
           for bl, g in matches.groupby("Bank Line")}
    fails: Counter = Counter()
    total: Counter = Counter()
    for bl, g in truth[truth["Kind"].str.startswith("receipt")].groupby("Bank Line"):
        kind = g["Kind"].iloc[0]
        total[kind] += 1
        want = {_alloc_key(i, c, a) for i, c, a in g[["Invoice No", "Customer ID", "Amount"]].itertuples(index=False, name=None)}
        have = got.get(bl, set())
        if {k for k, _ in have} != want or {s for _, s in have} != {"Matched"}:
            fails[kind] += 1
            wrong_matched = [k for k, s in have if s == "Matched" and k not in want]
            if wrong_matched:
                print("WRONG", bl, kind, want, have)
    for k in sorted(total):
        print(f"  {k:22s} {total[k]:4d} receipts, {fails[k]:3d} not right+matched")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seeds", default="", help="comma-separated seeds: one month each, and "
                    "the failures by case and rule over all of them")
    ap.add_argument("--customers", type=int, default=600)
    ap.add_argument("--invoices", type=int, default=8000)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if a.seeds:
        return _several(a, [int(s) for s in a.seeds.split(",") if s.strip()])
    r = run(a.lines, a.seed, a.customers, a.invoices, a.verbose)
    ours, base = r["ar_excel"], r["vlookup"]
    print(f"bank lines: {r['lines']['n']}, customer receipts: {ours['receipts']}, "
          f"non-customer inflows: {ours['inflows']} (seed {a.seed})")
    print(f"{'':34s}{'ar_excel':>10s}{'VLOOKUP':>10s}  target")
    print(f"{'receipts fully right and Matched':34s}{ours['receipts_right']:10.1%}{base['receipts_right']:10.1%}  >= 95%")
    print(f"{'precision of Matched allocations':34s}{ours['precision']:10.2%}{base['precision']:10.2%}  >= 99.5%")
    print(f"{'non-customer inflows matched':34s}{ours['inflows_matched']:10.1%}{base['inflows_matched']:10.1%}  <= 1%")
    print(f"{'receipts with any allocation':34s}{ours['receipts_any']:10.1%}{base['receipts_any']:10.1%}")
    print(f"{'Matched allocations':34s}{ours['matched_allocations']:10d}{base['matched_allocations']:10d}")
    print(f"matching time: {ours['seconds']:.2f} s")
    print("\nper rule (share of allocations that are true vs mean confidence):")
    for row in ours["calibration"].itertuples(index=False):
        print(f"  {row.Method:16s} {row.Status:9s} {row.allocations:5d}  true {row.true:6.1%}  "
              f"confidence {row.confidence:.2f}")
    _print_failures(ours["failures"])
    return 0


def _several(a: argparse.Namespace, seeds: list[int]) -> int:
    print(f"{'seed':>6s}{'receipts':>10s}{'right':>9s}{'precision':>11s}{'inflows':>9s}{'seconds':>9s}")
    total: Counter = Counter()
    rights, precisions = [], []
    for seed in seeds:
        ours = run(a.lines, seed, a.customers, a.invoices, a.verbose)["ar_excel"]
        rights.append(ours["receipts_right"])
        precisions.append(ours["precision"])
        total.update(ours["failures"])
        print(f"{seed:6d}{ours['receipts']:10d}{ours['receipts_right']:9.1%}{ours['precision']:11.2%}"
              f"{ours['inflows_matched']:9.1%}{ours['seconds']:9.2f}")
    print(f"{'mean':>6s}{'':10s}{sum(rights) / len(rights):9.1%}{sum(precisions) / len(precisions):11.2%}"
          f"   min right {min(rights):.1%}")
    _print_failures(total)
    return 0


def _print_failures(fails: Counter) -> None:
    if not fails:
        return
    print("\nreceipts not fully right and Matched, by case and by what the matcher did:")
    for (case, what), n in sorted(fails.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:5d}  {case:16s} {what}")
    by_case: Counter = Counter()
    for (case, _), n in fails.items():
        by_case[case] += n
    print("  by case: " + ", ".join(f"{c} {n}" for c, n in by_case.most_common()))


if __name__ == "__main__":
    sys.exit(main())
