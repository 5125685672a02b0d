"""Benchmark: reading a large AR workbook through the contract reader vs bare pandas+calamine.

Generates (once, into ``benchmarks/out/``) the demo ledger at 20,000 customers, 300,000
invoices and 200,000 receipts, written the messy way (``ar_excel.demo.workbook``), then times
in the same run, alternating, best of ``--repeat``:

* baseline: ``pandas.read_excel(path, sheet_name=None, engine="calamine")``: every sheet to a
  DataFrame, no header detection, no parsing of typed text, no issues;
* reader: ``ar_excel.io.reader.read_book(path)``: sheets and tables found by name and alias,
  header rows detected, every value parsed (text amounts, Arabic digits, day-first dates...),
  every unusable value an issue with its cell.

Prints both times and reader/baseline as a ratio (target: at most 1.5), the rows read per
sheet, and the issues found (the values planted on purpose must all be among them).

    python benchmarks/bench_read.py [--repeat 3] [--regenerate] [--customers N --invoices N
                                     --receipts N]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import pandas as pd

from ar_excel.demo.ledger import AS_OF, make_ledger
from ar_excel.demo.workbook import write_workbook
from ar_excel.io.reader import read_book

OUT = Path(__file__).resolve().parent / "out"


def generate(path: Path, customers: int, invoices: int, receipts: int, seed: int) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    frames = make_ledger(customers, invoices, receipts, seed=seed, as_of=AS_OF)
    t1, c1 = time.perf_counter(), time.process_time()
    book = write_workbook(frames, path, seed=seed, constant_memory=True)
    t2, c2 = time.perf_counter(), time.process_time()
    planted = path.with_suffix(".planted.csv")
    book.planted.to_csv(planted, index=False)
    print(f"generated {path.name}: ledger {t1 - t0:.1f} s (CPU {c1 - c0:.1f} s), workbook "
          f"{t2 - t1:.1f} s (CPU {c2 - c1:.1f} s), {path.stat().st_size / 1e6:.1f} MB")


def timed(fn):
    """(wall seconds, CPU seconds of this process, result): on a shared machine the CPU time
    is the steadier figure; both readers run single-threaded in this process."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, default=300_000)
    parser.add_argument("--receipts", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args(argv)

    path = OUT / f"ar_{args.customers}c_{args.invoices}i_{args.receipts}r_s{args.seed}.xlsx"
    if args.regenerate or not path.exists():
        generate(path, args.customers, args.invoices, args.receipts, args.seed)

    base_times, read_times, base_cpu, read_cpu = [], [], [], []
    frames = book = None
    for _ in range(max(1, args.repeat)):  # alternating, so load on the machine hits both
        t, c, frames = timed(lambda: pd.read_excel(path, sheet_name=None, engine="calamine"))
        base_times.append(t)
        base_cpu.append(c)
        t, c, book = timed(lambda: read_book(path))
        read_times.append(t)
        read_cpu.append(c)
    base, reader = min(base_times), min(read_times)

    print(f"workbook: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"pandas.read_excel(engine='calamine'): {base:.2f} s   (runs: "
          f"{', '.join(f'{t:.2f}' for t in base_times)})")
    print(f"ar_excel read_book:                    {reader:.2f} s   (runs: "
          f"{', '.join(f'{t:.2f}' for t in read_times)})")
    print(f"ratio read_book / pandas: {reader / base:.2f}x (target <= 1.5x; best wall times)")
    print(f"ratio of CPU times:       {min(read_cpu) / min(base_cpu):.2f}x "
          f"({min(read_cpu):.2f} s / {min(base_cpu):.2f} s)")
    rows_pandas = sum(len(f) for f in frames.values())
    rows_reader = sum(len(t.frame) for t in book.tables.values())
    print(f"rows: read_book {rows_reader:,} records in {len(book.tables)} tables "
          f"(pandas: {rows_pandas:,} rows incl. titles/blank rows)")
    for kind, table in book.tables.items():
        print(f"  {kind:16} {len(table.frame):>9,}  (sheet '{table.sheet}')")
    print(f"issues found: {len(book.issues)}")
    planted = path.with_suffix(".planted.csv")
    if planted.exists():
        want = pd.read_csv(planted)
        found = {(i.sheet, i.cell) for i in book.issues}
        hit = sum((s, c) in found for s, c in zip(want["Sheet"], want["Cell"], strict=True))
        print(f"planted unusable values reported: {hit}/{len(want)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
