"""Benchmark: the collections and statements jobs on the demo ledger, at 1x (300 customers)
and 10x (3,000 customers, ~40,000 invoices, ~30,000 receipts).

Measured in the same run, at each scale, best of N each (files: once):

* baseline: the open-items ledger and the Aging table (``open_items`` + ``aging_by_customer``),
  the work every collections figure starts from;
* collections: the whole ``collections`` job without writing drafts (dunning, call/visit
  lists, plans, risk, forecast);
* letters: the same with every email draft written (and the statement PDF a final notice
  encloses);
* statements: every customer's statement built (no PDF);
* PDFs: one PDF per customer; combined: all statements in one PDF.

Prints seconds and each figure as a ratio to that scale's baseline, then each figure's
growth from 1x to 10x next to the baseline's: work that scales linearly grows like the
baseline (about 10x), work done per customer over the whole ledger grows ~100x.

    python benchmarks/bench_collections.py [SCALES (default 1,10)] [REPEATS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from ar_excel.core.aging import aging_by_customer
from ar_excel.core.ledger import open_items
from ar_excel.demo.ledger import AS_OF, make_ledger
from ar_excel.io.pdf_statement import render_combined, render_each
from ar_excel.jobs import JobOptions
from ar_excel.jobs.collections import JOB as COLLECTIONS
from ar_excel.jobs.statements import build_statements
from ar_excel.model import Book, Table, column_letter
from ar_excel.policy import Policy


def demo_book(n: int) -> Book:
    frames = make_ledger(n_customers=n, n_invoices=n * 13, n_payments=n * 10)
    tables = {}
    for kind in ("Customers", "Invoices", "Payments", "Payment Plans"):
        f = frames[kind]
        cols = [c for c in f.columns if c != "_row"]
        tables[kind] = Table(kind, kind, f, f.copy(),
                             letters={c: column_letter(i) for i, c in enumerate(cols)})
    return Book(source=None, policy=Policy(), tables=tables)


def best(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(n: int, repeats: int) -> tuple[dict[str, float], int]:
    book = demo_book(n)
    opts = JobOptions(as_of=AS_OF)
    statements = build_statements(book, opts)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        figures = {
            "baseline (open items + aging)": best(lambda: aging_by_customer(
                open_items(book.customers, book.invoices, book.payments, AS_OF),
                book.customers), repeats),
            "collections job (no files)": best(lambda: COLLECTIONS.run(book, opts), repeats),
            "collections job + .eml drafts": best(lambda: COLLECTIONS.run(
                book, JobOptions(as_of=AS_OF, out_dir=out)), 1),
            "statements built": best(lambda: build_statements(book, opts), repeats),
            "PDF per customer": best(lambda: render_each(statements, out / "pdf"), 1),
            "combined PDF": best(lambda: render_combined(statements, out / "all.pdf"), 1),
        }
    return figures, len(statements)


def main() -> None:
    scales = [int(x) for x in (sys.argv[1] if len(sys.argv) > 1 else "1,10").split(",")]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = {}
    for scale in scales:
        n = 300 * scale
        figures, count = measure(n, repeats if scale == 1 else 1)
        runs[scale] = figures
        base = figures["baseline (open items + aging)"]
        print(f"{scale}x: {n} customers, {count} statements, as of {AS_OF}")
        for name, secs in figures.items():
            print(f"  {name:32s} {secs:8.2f} s   x{secs / base:7.1f} baseline")
        per = figures["PDF per customer"] / max(count, 1)
        print(f"  per customer PDF: {per * 1000:.0f} ms")
    if 1 in runs and len(runs) > 1:
        top = max(runs)
        print(f"growth 1x -> {top}x (baseline grows x"
              f"{runs[top]['baseline (open items + aging)'] / runs[1]['baseline (open items + aging)']:.1f}):")
        for name in runs[1]:
            print(f"  {name:32s} x{runs[top][name] / runs[1][name]:6.1f}")


if __name__ == "__main__":
    main()
