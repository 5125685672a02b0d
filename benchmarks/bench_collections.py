"""Benchmark: the collections and statements jobs on the demo ledger (300 customers).

Measured in the same run, best of N each:

* baseline: the open-items ledger and the Aging table (``open_items`` + ``aging_by_customer``),
  the work every collections figure starts from;
* collections: the whole ``collections`` job without writing drafts (dunning, call/visit
  lists, plans, risk, forecast);
* letters: the same with every email draft written (and the statement PDF a final notice
  encloses);
* statements: every customer's statement built (no PDF);
* PDFs: one PDF per customer; combined: all statements in one PDF.

Prints seconds and each figure as a ratio to the baseline, plus per-customer PDF time.

    python benchmarks/bench_collections.py [N_CUSTOMERS] [REPEATS]
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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
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
    base = figures["baseline (open items + aging)"]
    print(f"{n} customers, {len(statements)} statements, as of {AS_OF}")
    for name, secs in figures.items():
        print(f"{name:32s} {secs:8.2f} s   x{secs / base:7.1f} baseline")
    per = figures["PDF per customer"] / max(len(statements), 1)
    print(f"per customer PDF: {per * 1000:.0f} ms")


if __name__ == "__main__":
    main()
