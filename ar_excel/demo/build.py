"""Build the demo workbooks in ``workbooks/``: what a new user opens to try ar_excel.

* ``demo_ar.xlsx``: English headers, customers named in Arabic and English (~300 customers,
  ~4,000 invoices, ~3,000 receipts over the year to 31/10/2026), typed the messy way people do.
* ``demo_ar_arabic.xlsx``: the same kind of book with Arabic sheet names and headers, right to
  left, smaller.
* ``demo_bank.csv``: the EGP account's bank statement of the month after the last recorded
  receipt (November 2026), paying invoices that are open in ``demo_ar.xlsx`` as the contract reader
  reads it, exported the way Egyptian and Gulf banks export CSV.

``python -m ar_excel.demo.build [--scale N] [--out DIR] [--seed S]``; ``--scale 10`` builds
books ten times larger (for trying the jobs on volume; benchmarks use ``write_workbook``
directly). Same seed and scale -> the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from ar_excel.demo.ledger import AS_OF, make_ledger
from ar_excel.demo.workbook import write_workbook

ENGLISH = (300, 4000, 3000)  # customers, invoices, receipts at scale 1
ARABIC = (120, 1500, 1100)
BANK_LINES = 600
STATEMENT_CURRENCY = "EGP"
SEED = 2026


def default_out() -> Path:
    repo = Path(__file__).resolve().parents[2]
    return repo / "workbooks" if (repo / "pyproject.toml").exists() else Path.cwd() / "workbooks"


def statement_month(payments: pd.DataFrame) -> pd.Timestamp:
    """The first day of the month after the ledger's last recorded receipt."""
    last = pd.to_datetime(payments["Date"]).max()
    return (last + pd.offsets.MonthBegin(1)).normalize()


def build_bank_statement(book_path: Path, out: Path, n_lines: int, seed: int) -> Path:
    """The month's statement for the book as the contract reader sees it (so it pays what is
    open in the workbook, not in some cleaner copy of it)."""
    try:
        from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    except ImportError as exc:  # the matching engineer's module: say what is missing
        raise RuntimeError(
            "ar_excel.demo.bank_month (make_bank_month, write_statement_csv) is needed to "
            f"write the demo bank statement: {exc}") from exc
    from ar_excel.io.reader import read_book

    book = read_book(book_path)
    # One bank account, one currency: a real statement never mixes accounts, and its
    # running balance must tie out (the company's main account is in Egyptian pounds).
    lines, _truth = make_bank_month(book.customers, book.invoices, book.payments,
                                    statement_month(book.payments), n_lines, seed,
                                    currency=STATEMENT_CURRENCY)
    return write_statement_csv(lines, out)


def build(out: Path, scale: float = 1.0, seed: int = SEED, log=print) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sizes, arabic in (("demo_ar.xlsx", ENGLISH, False),
                                ("demo_ar_arabic.xlsx", ARABIC, True)):
        t0 = time.perf_counter()
        n_c, n_i, n_p = (max(10, round(x * scale)) for x in sizes)
        frames = make_ledger(n_c, n_i, n_p, seed=seed + arabic, as_of=AS_OF,
                             arabic_names=0.75 if arabic else None)
        book = write_workbook(frames, out / name, arabic=arabic, seed=seed + arabic)
        log(f"{book.path}: {n_c:,} customers, {n_i:,} invoices, {n_p:,} receipts, "
            f"{len(book.planted)} unusable values planted ({time.perf_counter() - t0:.1f} s)")
        written.append(book.path)
    t0 = time.perf_counter()
    bank = build_bank_statement(out / "demo_ar.xlsx", out / "demo_bank.csv",
                                max(20, round(BANK_LINES * scale)), seed)
    log(f"{bank}: the month's statement ({time.perf_counter() - t0:.1f} s)")
    written.append(bank)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ar_excel.demo.build",
                                     description="Build the demo AR workbooks and bank statement.")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size multiplier (1 = ~300 customers, ~4,000 invoices)")
    parser.add_argument("--out", type=Path, default=None, help="folder (default: workbooks/)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    try:
        build(args.out or default_out(), args.scale, args.seed)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
