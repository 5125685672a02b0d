"""Benchmark: ``ar-excel reconcile`` end to end against a bare read of the same files.

Inputs (built once and cached in ``--data``): the demo ledger at 20,000 customers and
300,000 invoices written as an .xlsx workbook, and a 40,000-line bank statement CSV for one
month (``ar_excel.demo.bank_month``). Two measurements, each in a fresh Python process with
its imports done before the clock starts:

* baseline: python-calamine reads every sheet of the workbook to Python values and the
  stdlib ``csv`` module reads the statement — the least any tool must do;
* ar-excel: ``ar-excel reconcile BOOK --bank STATEMENT -o OUT`` — read and parse the
  workbook and the statement, build the ledger, match, write the three tabs.

Printed: both times, their ratio (target: at most 2x) and the peak memory of the ar-excel
process (target: under 2 GB).

    python benchmarks/bench_reconcile.py [--lines 40000] [--invoices 300000]
        [--customers 20000] [--data /tmp/ar_excel_bench]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path

from fresh_process import add_size_arguments, measure

BASELINE = textwrap.dedent("""
    import csv, json, resource, sys, time
    import python_calamine as pc
    book, statement = sys.argv[1], sys.argv[2]
    t0, c0 = time.perf_counter(), time.process_time()
    wb = pc.CalamineWorkbook.from_path(book)
    cells = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    with open(statement, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    t, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": t, "cpu": cpu, "rows": cells + len(rows), "peak_mb": peak}))
""")

AR_EXCEL = textwrap.dedent("""
    import json, resource, sys, time, io, contextlib
    from ar_excel.cli import main
    import ar_excel.core.matching, ar_excel.io.reader, ar_excel.io.writer, ar_excel.bank
    book, statement, out = sys.argv[1], sys.argv[2], sys.argv[3]
    t0, c0 = time.perf_counter(), time.process_time()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(["reconcile", book, "--bank", statement, "-o", out])
    t, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": t, "cpu": cpu, "exit": code, "peak_mb": peak,
                      "said": buf.getvalue()}))
""")


PHASES = textwrap.dedent("""
    import datetime, json, pathlib, sys, time
    from ar_excel.io.reader import read_book
    from ar_excel.io.writer import issues_tab, write_tabs
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.reconcile import run
    book_path, statement, out = sys.argv[1], sys.argv[2], sys.argv[3]
    t = {}
    def clock(): return time.perf_counter(), time.process_time()
    def lap(name, start):
        now = clock()
        t[name] = [now[0] - start[0], now[1] - start[1]]
    t0 = clock(); book = read_book(book_path); lap("read workbook", t0)
    t0 = clock()
    result = run(book, JobOptions(as_of=datetime.date.today(), bank=pathlib.Path(statement)))
    lap("statement + ledger + matching", t0)
    t0 = clock()
    write_tabs([*result.tabs, issues_tab(result.issues)], source=book_path, out=out)
    lap("write tabs", t0)
    print(json.dumps(t))
""")


def build_inputs(data: Path, n_customers: int, n_invoices: int, n_lines: int, seed: int
                 ) -> tuple[Path, Path]:
    """The workbook and the statement, generated once per size."""
    import pandas as pd
    import xlsxwriter

    from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    from ar_excel.demo.ledger import AS_OF, make_ledger

    data.mkdir(parents=True, exist_ok=True)
    tag = f"{n_customers}c_{n_invoices}i_{n_lines}l_s{seed}"
    book, statement = data / f"book_{tag}.xlsx", data / f"statement_{tag}.csv"
    if book.exists() and statement.exists():
        return book, statement
    t0 = time.perf_counter()
    ledger = make_ledger(n_customers, n_invoices, int(n_invoices * 0.75), seed=seed)
    wb = xlsxwriter.Workbook(str(book), {"constant_memory": True})
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    for kind in ("Customers", "Invoices", "Payments"):
        frame = ledger[kind]
        frame = frame[[c for c in frame.columns if not c.startswith("_")]]
        ws = wb.add_worksheet(kind)
        ws.write_row(0, 0, list(frame.columns))
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            for c, v in enumerate(row):
                if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and v != v):
                    continue
                if isinstance(v, pd.Timestamp):
                    ws.write_datetime(r, c, v.to_pydatetime(), date_format)
                elif isinstance(v, str):
                    ws.write_string(r, c, v)
                else:
                    ws.write(r, c, v.item() if hasattr(v, "item") else v)
    wb.close()
    start = pd.Timestamp(AS_OF) + pd.Timedelta(days=1)
    lines, _ = make_bank_month(ledger["Customers"], ledger["Invoices"], ledger["Payments"],
                               start, n_lines, seed, currency="EGP")
    write_statement_csv(lines, statement)
    print(f"built inputs in {time.perf_counter() - t0:.0f} s: {book.name}, {statement.name}")
    return book, statement


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(ap)
    a = ap.parse_args(argv)
    book, statement = build_inputs(a.data, a.customers, a.invoices, a.lines, a.seed)
    out = a.data / "reconciled.xlsx"
    out.unlink(missing_ok=True)  # a new workbook, as a first run of the month writes
    (a.data / "phases.xlsx").unlink(missing_ok=True)
    base = measure(BASELINE, str(book), str(statement))
    ours = measure(AR_EXCEL, str(book), str(statement), str(out))
    if ours["exit"] != 0:
        raise SystemExit(f"ar-excel exited {ours['exit']}: {ours['said']}")
    ratio = ours["seconds"] / base["seconds"]
    # CPU seconds too: on a machine shared with other work the wall clock wanders, the
    # CPU time of each process much less.
    cpu_ratio = ours["cpu"] / base["cpu"]
    print(f"inputs: {a.customers:,} customers, {a.invoices:,} invoices, {a.lines:,} bank lines")
    print(f"baseline (calamine + csv read):   {base['seconds']:7.2f} s   (cpu {base['cpu']:.2f} s)")
    print(f"ar-excel reconcile (files->tabs): {ours['seconds']:7.2f} s   (cpu {ours['cpu']:.2f} s)"
          f"   ratio {ratio:.2f}x, cpu ratio {cpu_ratio:.2f}x (target <= 2x)")
    print(f"peak memory: ar-excel {ours['peak_mb']:,.0f} MB (target < 2048 MB), "
          f"baseline {base['peak_mb']:,.0f} MB")
    print(ours["said"].strip())
    phases = measure(PHASES, str(book), str(statement), str(a.data / "phases.xlsx"))
    print("where the time goes: " + ", ".join(f"{k} {w:.1f} s (cpu {c:.1f} s)"
                                               for k, (w, c) in phases.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
