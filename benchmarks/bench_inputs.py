"""Benchmark: reading the inputs of ``ar-excel reconcile`` against a bare read of the same files.

The inputs of ``benchmarks/bench_reconcile.py`` (built there, cached in ``--data``): the demo
ledger at 20,000 customers and 300,000 invoices as an .xlsx workbook, and a 40,000-line bank
statement CSV. Each measurement runs in a fresh Python process (as the ``ar-excel`` command
meets the files), imports done before the clock starts, ``--repeat`` times (best shown):

* bare workbook read: python-calamine reads every sheet to Python values, one after another;
* ``read_book``: sheets found, headers mapped, every value parsed or reported (targets: at most
  1.5x the bare read in CPU, and wall time below it where a second core is free: the sheets
  are read side by side and parsed while the others are still read);
* bare statement read: the stdlib ``csv`` module reads the statement;
* ``load_statement``: the job's statement import (format, layout, dates, amounts, issues);
* ``open_items``: the ledger on the statement's last date (no bare equivalent: shown against
  the bare workbook read, as the share of it it adds).

    python benchmarks/bench_inputs.py [--repeat 3] [--data /tmp/ar_excel_bench]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from fresh_process import measure

BARE = textwrap.dedent("""
    import csv, json, sys, time
    import python_calamine as pc
    book, statement = sys.argv[1], sys.argv[2]
    def clock(): return time.perf_counter(), time.process_time()
    t = clock()
    wb = pc.CalamineWorkbook.from_path(book)
    cells = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    b = clock()
    with open(statement, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    s = clock()
    print(json.dumps({"bare workbook read": [b[0] - t[0], b[1] - t[1]],
                      "bare statement read": [s[0] - b[0], s[1] - b[1]]}))
""")

OURS = textwrap.dedent("""
    import datetime, json, pathlib, sys, time
    import pandas as pd
    from ar_excel.core.ledger import open_items
    from ar_excel.io.bulk import bulk
    from ar_excel.io.reader import read_book
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.reconcile import load_statement
    import ar_excel.bank.csv_import  # imported before the clock, as the command has it
    book_path, statement = sys.argv[1], sys.argv[2]
    def clock(): return time.perf_counter(), time.process_time()
    out = {}
    def lap(name, start):
        now = clock()
        out[name] = [now[0] - start[0], now[1] - start[1]]
    t = clock(); book = read_book(book_path); lap("read_book", t)
    options = JobOptions(as_of=datetime.date.today(), bank=pathlib.Path(statement))
    with bulk():  # as the reconcile job runs
        t = clock(); st = load_statement(book, options); lap("load_statement", t)
        as_of = pd.to_datetime(st.lines["Date"]).max()
        t = clock(); open_items(book.customers, book.invoices, book.payments, as_of)
        lap("open_items", t)
    print(json.dumps(out))
""")


def best(runs: list[dict]) -> dict:
    return {k: [min(r[k][0] for r in runs), min(r[k][1] for r in runs)] for k in runs[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=Path("/tmp/ar_excel_bench"))
    ap.add_argument("--tag", default="20000c_300000i_40000l_s1")
    a = ap.parse_args(argv)
    book, statement = a.data / f"book_{a.tag}.xlsx", a.data / f"statement_{a.tag}.csv"
    if not (book.exists() and statement.exists()):
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_reconcile import build_inputs

        book, statement = build_inputs(a.data, 20_000, 300_000, 40_000, 1)
    bare, ours = [], []
    for _ in range(a.repeat):  # alternating, so both meet the same load on a shared machine
        bare.append(measure(BARE, str(book), str(statement)))
        ours.append(measure(OURS, str(book), str(statement)))
    b, o = best(bare), best(ours)
    wb, st = b["bare workbook read"], b["bare statement read"]
    print(f"inputs: {book.name}, {statement.name}; best of {a.repeat} fresh processes")
    rows = [("bare workbook read", wb, wb), ("read_book", o["read_book"], wb),
            ("bare statement read", st, st), ("load_statement", o["load_statement"], st),
            ("open_items", o["open_items"], wb)]
    for name, (wall, cpu), (base_wall, base_cpu) in rows:
        print(f"{name:22s} {wall:6.2f} s (cpu {cpu:5.2f} s)   "
              f"x{wall / base_wall:5.2f} wall, x{cpu / base_cpu:5.2f} cpu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
